#!/usr/bin/env python3
"""Differential fuzzing of the parser's SyntaxErrors against CPython 3.14 (not a unit test).

    python3 test/parser_errors/fuzz.py [SEED] [--kind tokens|fstrings|indent] [--count N] [--impl CMD]

Run from the repository root after `npx tsc -p tsconfig.json`. It cuts windows of ~40 lines out
of lib/python3.14, breaks each with one to three random edits (delete or insert characters or
tokens; for --kind fstrings, single f-string lines; for --kind indent, indentation changes),
writes them to a temporary folder, asks the reference (the project's oracle runner,
dist/tools/oracle/golden.js) and `CMD FILE...` (default `node bin/tython.js dump ast`) for their
`ast` dumps, and prints the
programs whose outputs differ. A difference worth keeping becomes a test/corpus/invalid/ file.
"""
import argparse
import glob
import os
import random
import re
import shlex
import subprocess
import sys
import tempfile
import textwrap

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
INSERTS = ['(', ')', ':', '=', ',', '[', ']', '{', '}', "'", '"', '\n', ' x', '1', ' if ', ' else ',
           ' for ', ' in ', '*', '**', 'lambda', '\t', '    ', '@', '.', 'not ', 'f"{', '\\', ' def ',
           'yield ', 'import ', ' as ', ' from ', 'é', '€', 'match ', 'case ', 'type ', '->', ':=',
           '!=', 'async ', 'await ', 'del ', 'return ', 'try:', 'with ', 'class ', '...', ';', '#']
FSTRING_INSERTS = ['{', '}', '!', ':', '=', '!r', '!x', '{{', '}}', '\\', '"', "'", ' ', 'lambda x:',
                   '*', '**', '(', ')', '[', ']', '#', 'yield', 'é', '\n']


def sources():
    return sorted(glob.glob(os.path.join(ROOT, 'lib/python3.14/**/*.py'), recursive=True))


def window(rng, files):
    while True:
        src = open(rng.choice(files), encoding='utf-8', errors='replace').read()
        lines = src.split('\n')
        if len(lines) < 5:
            continue
        i = rng.randrange(len(lines))
        start = max(0, i - 20)
        return textwrap.dedent('\n'.join(lines[start:start + 40])) + '\n'


def edit(rng, text, inserts):
    for _ in range(rng.randint(1, 3)):
        pos = rng.randrange(len(text))
        op = rng.random()
        if op < 0.4:
            text = text[:pos] + text[pos + 1:]
        elif op < 0.8:
            text = text[:pos] + rng.choice(inserts) + text[pos:]
        else:
            text = text[:pos] + text[min(len(text), pos + rng.randint(1, 8)):]
    return text


def reindent(rng, text):
    lines = text.split('\n')
    for _ in range(rng.randint(1, 2)):
        j = rng.randrange(len(lines))
        op = rng.random()
        if op < 0.3:
            lines[j] = lines[j][1:] if lines[j].startswith(' ') else ' ' + lines[j]
        elif op < 0.5:
            lines[j] = '  ' + lines[j]
        elif op < 0.65:
            lines[j] = '\t' + lines[j].lstrip(' ')
        elif op < 0.8:
            del lines[j]
        else:
            lines[j] = lines[j].lstrip()
    return '\n'.join(lines)


def programs(rng, kind, count):
    files = sources()
    if kind == 'fstrings':
        pool = [l.strip() for f in files for l in open(f, encoding='utf-8', errors='replace')
                if re.search(r"\bf['\"]", l) and '{' in l and len(l) < 200]
        return [edit(rng, rng.choice(pool), FSTRING_INSERTS) + '\n' for _ in range(count)]
    if kind == 'indent':
        return [reindent(rng, window(rng, files)) for _ in range(count)]
    return [edit(rng, window(rng, files), INSERTS) for _ in range(count)]


def split(text):
    out, cur = {}, None
    for line in text.splitlines(keepends=True):
        if line.startswith('==> ') and line.rstrip('\n').endswith(' <=='):
            cur = line[4:-5]
            out[cur] = ''
        elif cur is not None:
            out[cur] += line
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('seed', nargs='?', type=int, default=1)
    ap.add_argument('--kind', choices=['tokens', 'fstrings', 'indent'], default='tokens')
    ap.add_argument('--count', type=int, default=300)
    ap.add_argument('--impl', default='node bin/tython.js dump ast', help='command printing dump.py ast output for FILE...')
    a = ap.parse_args()
    rng = random.Random(a.seed)
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for n, text in enumerate(programs(rng, a.kind, a.count), 1):
            path = os.path.join(tmp, '%03d.py' % n)
            with open(path, 'w', encoding='utf-8') as f:
                f.write(text)
            files.append(path)
        ref = os.path.join(tmp, 'ref')
        subprocess.run(['node', 'dist/tools/oracle/golden.js', 'ast', ref] + files, cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
        got = split(subprocess.run(shlex.split(a.impl) + files + files[:1], cwd=ROOT,
                                   capture_output=True, text=True).stdout)
        bad = 0
        for path in files:
            want = open(os.path.join(ref, os.path.basename(path) + '.ast'), encoding='utf-8').read()
            if got.get(path) != want:
                bad += 1
                first = lambda t: t.splitlines()[0] if t else '<nothing>'
                print('---- %s\n%s\n  want: %s\n   got: %s' % (os.path.basename(path), open(path).read().rstrip()[:600],
                                                            first(want), first(got.get(path, ''))))
        print('%d programs, %d differ' % (len(files), bad))
        return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
