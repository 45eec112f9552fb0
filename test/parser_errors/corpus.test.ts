// The invalid-program corpus (test/corpus/invalid/*.py): each file must give exactly what
// CPython 3.14's `dump.py ast` prints for it (test/golden/invalid/<name>.py.ast, written by
// test/parser_errors/gen_golden.sh): the SyntaxError line "SyntaxError: MSG (LINENO, OFFSET,
// END_LINENO, END_OFFSET)", or the AST dump for the few valid programs kept near the errors.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { dump } from "../../src/ast/dump.js";
import { PySyntaxError } from "../../src/objects/exceptions.js";
import { parserASTFromString } from "../../src/parser/peg_api.js";

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const corpusDir = join(repoRoot, "test/corpus/invalid");
const goldenDir = join(repoRoot, "test/golden/invalid");

/** Files that still differ, with the part of the project that has to change. */
const KNOWN_FAILURES: Record<string, string> = {
};

/** What dump.py's `ast` mode prints for one file. */
function dumpAstOrError(source: Uint8Array, name: string): string {
  try {
    return dump(parserASTFromString(source, name, "exec"), { includeAttributes: true, indent: 1 }) + "\n";
  } catch (e) {
    if (!(e instanceof PySyntaxError)) throw e;
    const n = (v: unknown): string => (v === null || v === undefined ? "None" : String(v));
    return `SyntaxError: ${n(e.msg)} (${n(e.lineno)}, ${n(e.offset)}, ${n(e.endLineno)}, ${n(e.endOffset)})\n`;
  }
}

for (const name of readdirSync(corpusDir).filter((f) => f.endsWith(".py")).sort()) {
  const todo = KNOWN_FAILURES[name];
  test(`invalid/${name}`, todo === undefined ? {} : { todo }, () => {
    const expected = readFileSync(join(goldenDir, name + ".ast"), "utf8");
    assert.equal(dumpAstOrError(readFileSync(join(corpusDir, name)), name), expected);
  });
}
