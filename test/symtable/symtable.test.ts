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
import { Kind } from "../../src/ast/ast.generated.js";
import { BlockType, ComprehensionType, symtableBuild } from "../../src/compiler/symtable.js";
import { futureFromAst } from "../../src/compiler/symtable_future.js";
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

test("blocks are found by their AST keys", () => {
  const src = "x: int\ndef f(a: int):\n    y: str = 1\nclass C[T = int]:\n    z: bytes\nq = [i for i in ()]\n";
  const m = parserASTFromString(src, "<k>", "exec");
  assert.equal(m._kind, Kind.Module);
  if (m._kind !== Kind.Module) return;
  const st = symtableBuild(m, "<k>", futureFromAst(m, "<k>"));
  const [, f, c, q] = m.body;
  assert.equal(st.lookup(m), st.top);
  assert.ok(st.lookupSecondary(m).symbols.has("int"));
  assert.equal(st.lookup(f!).name, "f");
  // The function's parameter annotations, not the unevaluated ones of its body.
  const fAnn = st.lookupSecondary(f!);
  assert.ok(fAnn.annotationsUsed && fAnn.symbols.has("int"));
  if (c!._kind !== Kind.ClassDef || q!._kind !== Kind.Assign) return;
  assert.equal(st.lookup(c!.type_params).type, BlockType.TypeParametersBlock);
  assert.equal(st.lookup(c!).type, BlockType.ClassBlock);
  assert.ok(st.lookupSecondary(c!).symbols.has("bytes"));
  assert.equal(st.lookupSecondary(c!.type_params[0]!).type, BlockType.TypeVariableBlock);
  const comp = st.lookup(q!.value);
  assert.ok(comp.compInlined && comp.comprehension === ComprehensionType.ListComprehension);
});
