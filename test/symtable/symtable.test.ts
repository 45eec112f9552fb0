// The symbol tables of test/golden/symtable/cases/*.py, built from CPython's own ASTs
// (NAME.ast.json) and from our parser, against dump.py's output under CPython (NAME.txt).
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { dumpSymtable, dumpSymtableOfModule } from "../../src/compiler/dump_symtable.js";
import { PySyntaxError } from "../../src/objects/exceptions.js";
import { moduleFromJson } from "./ast_json.js";
import { parserASTFromString } from "../../src/parser/peg_api.js";
import type { StartMode } from "../../src/parser/pegen.js";
import { unicodeRepr as pyRepr } from "../../src/objects/unicodeobject.js";

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const casesDir = join(repoRoot, "test/golden/symtable/cases");
const cases = readdirSync(casesDir).filter((f) => f.endsWith(".py")).map((f) => f.slice(0, -3)).sort();

function errorLine(e: unknown): string {
  if (e instanceof PySyntaxError) return `SyntaxError: ${String(e.msg)} (${e.lineno}, ${e.offset}, ${e.endLineno}, ${e.endOffset})\n`;
  throw e;
}

function run(f: (out: string[]) => void): string {
  const out: string[] = [];
  try {
    f(out);
  } catch (e) {
    out.push(errorLine(e));
  }
  return out.join("");
}

for (const name of cases) {
  const expected = readFileSync(join(casesDir, name + ".txt"), "utf8");
  const json = join(casesDir, name + ".ast.json");
  test(`symtable of ${name}.py (CPython's AST)`, { skip: !existsSync(json) && "ast.parse rejects it" }, () => {
    const m = moduleFromJson(readFileSync(json, "utf8"));
    assert.equal(typeof m, "object");
    if (typeof m === "string") return;
    assert.equal(run((out) => dumpSymtableOfModule(m, name + ".py", out)), expected);
  });
  test(`symtable of ${name}.py (our parser)`, () => {
    const source = readFileSync(join(casesDir, name + ".py"));
    assert.equal(run((out) => dumpSymtable(source, name + ".py", out)), expected);
  });
}

test("symtables of eval and single mode sources", () => {
  const sources = JSON.parse(readFileSync(join(repoRoot, "test/golden/symtable/modes.json"), "utf8")) as [StartMode, string][];
  const out: string[] = [];
  for (const [mode, src] of sources) {
    out.push(`==> ${mode} ${pyRepr(src)} <==\n`);
    out.push(run((o) => dumpSymtableOfModule(parserASTFromString(src, "<m>", mode), "<m>", o)));
  }
  assert.equal(out.join(""), readFileSync(join(repoRoot, "test/golden/symtable/modes.txt"), "utf8"));
});
