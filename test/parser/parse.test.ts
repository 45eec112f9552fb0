// The parser over sample programs (test/corpus/parser/*.py) against CPython 3.14's
// ast.dump(include_attributes=True, indent=1) (golden files in test/golden/parser/, written by
// `node dist/tools/oracle/golden.js ast test/golden/parser test/corpus/parser/*.py`), and the
// generated parser's freshness with respect to Grammar/python.gram.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { spawnSync } from "node:child_process";
import { dumpTo } from "../../src/ast/dump.js";
import { parserASTFromString } from "../../src/parser/peg_api.js";
import { generate } from "../../tools/pegen/index.js";
import { dumpAstLikeDumpPy } from "./support.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const corpus = path.join(root, "test", "corpus", "parser");
const golden = path.join(root, "test", "golden", "parser");

test("src/parser/parser.generated.ts is up to date with Grammar/python.gram", () => {
  for (const { path: p, text } of generate()) {
    assert.equal(fs.readFileSync(path.join(root, p), "utf8"), text, `${p} is stale: run npm run regen`);
  }
});

for (const file of fs.readdirSync(corpus).filter((f) => f.endsWith(".py")).sort()) {
  test(`ast of ${file}`, () => {
    const src = new Uint8Array(fs.readFileSync(path.join(corpus, file)));
    const want = fs.readFileSync(path.join(golden, `${file}.ast`), "utf8");
    assert.equal(dumpAstLikeDumpPy(src, file), want);
  });
}

test("deep nesting gives CPython's errors, never a JS stack overflow", () => {
  // CPython's depth limits need a larger JS stack than node's default (see peg_api.ts).
  const script = `
    import { parserASTFromString } from ${JSON.stringify(new URL("../../src/parser/peg_api.js", import.meta.url).href)};
    const enc = (s) => new TextEncoder().encode(s);
    const report = (src) => {
      try { parserASTFromString(enc(src), "<s>", "exec"); return "ok"; }
      catch (e) { return e.msg ?? String(e.args?.items?.[0] ?? e.args?.[0]); }
    };
    console.log(JSON.stringify([report("-".repeat(100000) + "1\\n"), report("(".repeat(200) + ")".repeat(200) + "\\n"),
      report("(".repeat(201) + ")".repeat(201) + "\\n"), report("-".repeat(5000) + "1\\n")]));`;
  const r = spawnSync(process.execPath, ["--stack-size=3900", "--input-type=module", "-e", script], { encoding: "utf8" });
  assert.deepEqual(JSON.parse(r.stdout), [
    "Parser stack overflowed - Python source too complex to parse", "ok", "too many nested parentheses", "ok",
  ]);
});

test("type comments (PyCF_TYPE_COMMENTS)", () => {
  // golden: test/parser/golden_type_comments.py
  const src = new Uint8Array(fs.readFileSync(path.join(corpus, "type_comments.pyi")));
  const out: string[] = [];
  dumpTo(parserASTFromString(src, "type_comments.pyi", "exec", 0x1000), { includeAttributes: true, indent: 1 }, out);
  assert.equal(out.join("") + "\n", fs.readFileSync(path.join(golden, "type_comments.ast"), "utf8"));
});

test("ast.parse feature_version checks (CHECK_VERSION)", () => {
  // golden: test/parser/golden_feature_version.py; sources are Python reprs of plain ASCII text
  const lines = fs.readFileSync(path.join(golden, "feature_version.txt"), "utf8").trimEnd().split("\n");
  for (const line of lines) {
    const [v, repr, want] = line.split("\t") as [string, string, string];
    const src = repr.slice(1, -1).replace(/\\n/g, "\n").replace(/\\'/g, "'");
    let got = "OK";
    try {
      parserASTFromString(src, "<unknown>", "exec", 0x400 /* PyCF_ONLY_AST */, Number(v));
    } catch (e) {
      const s = e as { msg: string; lineno: number; offset: number; endLineno: number; endOffset: number };
      got = `${s.msg} (${s.lineno}, ${s.offset}, ${s.endLineno}, ${s.endOffset})`;
    }
    assert.equal(got, want, repr);
  }
});

test("eval, single and func_type modes", () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  assert.equal(parserASTFromString(enc("1 + 2\n"), "<s>", "eval")._kind, 3);
  assert.equal(parserASTFromString(enc("x = 1\n"), "<s>", "single")._kind, 2);
  assert.throws(() => parserASTFromString(enc("x = 1\ny = 2\n"), "<s>", "single"),
    (e: unknown) => (e as { msg?: string }).msg === "multiple statements found while compiling a single statement");
  assert.equal(parserASTFromString(enc("(int, *str) -> None"), "<s>", "func_type")._kind, 4);
});
