// The sources the fuzzer mutates: small built-in programs covering most of the grammar, the
// repository's test corpus (test/corpus/**/*.py) and, for long runs, the extracted stdlib.
import fs from "node:fs";
import path from "node:path";

const enc = new TextEncoder();

/** Built-in seeds: each exercises constructs whose damage is interesting. */
export const BUILTIN_SEEDS: readonly string[] = [
  "x = 1\n",
  "def f(a, /, b=2, *c, d, e=3, **g) -> int:\n    return a + b\n",
  "class C(B, metaclass=M):\n    '''doc'''\n    x: int = 1\n    def m(self):\n        return __class__\n",
  "async def f():\n    async with a as b, c:\n        async for x in y:\n            await z\n    return [i async for i in g()]\n",
  "try:\n    pass\nexcept* ValueError as e:\n    raise\nelse:\n    pass\nfinally:\n    del x\n",
  "match p:\n    case [1, 2, *rest]:\n        pass\n    case {'k': v, **kw} if v:\n        pass\n    case Point(x=0, y=_) | None:\n        pass\n    case _:\n        pass\n",
  "x = f'{a!r:>{w}} {b=} {c:{d}.{e}f}' f\"{'nested' + f'{x}'}\"\n",
  "t = t'{a} {b!s:<3}'\nrb = rb'\\x00' b'abc' u'\\N{BULLET}' '\\u1234\\U0001F600'\n",
  "s = '''multi\nline\n''' + \"\"\"and\n\"\"\"\n",
  "lambda *a, **k: (yield from g) if a else [x for x in k if x for y in x]\n",
  "def g[T: int, *Ts, **P](x: T) -> T:\n    type Alias[U] = list[U]\n    return x\n",
  "from __future__ import annotations\nimport a.b as c\nfrom . import (d, e as f,)\n",
  "def outer():\n    x = 1\n    def inner():\n        nonlocal x\n        global y\n        x += y\n    return inner\n",
  "with (open(a) as b, open(c) as d):\n    print(b, d, sep='', end='\\n')\n",
  "if (n := len(a)) > 10:\n    pass\nelif a is not b and not c or d in e:\n    pass\nelse:\n    assert x, 'msg'\n",
  "x = {**a, 'b': 1, **{c: d for c, d in e.items()}}\ny = {*s, 1}\nz = (*t, 2)\n",
  "@decorator(arg)\n@other.attr\ndef f():\n    while True:\n        break\n    for i in range(3):\n        continue\n    else:\n        return\n",
  "x = 0x_ff + 0o17 + 0b1_0 + 1_000.5e-3 + 3j + .5 + 1.\n",
  "a[1:2, ::3, ...] = b[c][d](e)(*f, **g).h\n",
  "print(*[1, 2], sep='')\nx, *y = z\n(a, b), [c, d] = e\n",
  "def f():\n\tif x:\n\t\treturn 1\n\treturn 2\n",
  "x = 1 \\\n    + 2\n",
  "# -*- coding: latin-1 -*-\nx = 'caf\xe9'\n",
  "class A:\n    __slots__ = ()\n    def __init_subclass__(cls, /, **kw): super().__init_subclass__()\n",
];

/** Every *.py under `dir`, sorted, as bytes (missing directory: none). */
function pyFiles(dir: string, out: { name: string; bytes: Uint8Array }[], limitBytes: number): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) pyFiles(p, out, limitBytes);
    else if (e.isFile() && e.name.endsWith(".py")) {
      const bytes = fs.readFileSync(p);
      if (bytes.length <= limitBytes) out.push({ name: p, bytes: new Uint8Array(bytes) });
    }
  }
}

export interface Seed {
  name: string;
  bytes: Uint8Array;
}

/**
 * The seed list, in a fixed order: built-ins, then test/corpus, then (with `stdlib`) the stdlib
 * files of at most `maxStdlibBytes` bytes.
 */
export function loadSeeds(repoRoot: string, stdlib: boolean, maxStdlibBytes = 60_000): Seed[] {
  const seeds: Seed[] = BUILTIN_SEEDS.map((s, i) => ({ name: `<builtin ${i}>`, bytes: enc.encode(s) }));
  // the built-in latin-1 seed must really be latin-1 bytes
  const latin = seeds.find((s) => s.name === `<builtin 22>`);
  if (latin) latin.bytes = Uint8Array.from(BUILTIN_SEEDS[22]!, (c) => c.charCodeAt(0) & 0xff);
  const files: { name: string; bytes: Uint8Array }[] = [];
  pyFiles(path.join(repoRoot, "test", "corpus"), files, 200_000);
  if (stdlib) pyFiles(path.join(repoRoot, "lib", "python3.14"), files, maxStdlibBytes);
  for (const f of files) seeds.push({ name: path.relative(repoRoot, f.name), bytes: f.bytes });
  return seeds;
}
