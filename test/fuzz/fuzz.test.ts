// Bad input never crashes the front end: a fixed-seed fuzz run (mutated corpus files, deep nesting,
// huge literals) through tokenize, parse, AST dump, symtable and compile, where every outcome must
// be success or a Python exception, within a time bound. Long runs: node dist/tools/fuzz/run.js.
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { cliProblem, runCli } from "../../tools/fuzz/cli.js";
import { runFuzz, type Finding } from "../../tools/fuzz/driver.js";
import { SHAPES } from "../../tools/fuzz/generators.js";
import { runCase } from "../../tools/fuzz/harness.js";
import { mutate } from "../../tools/fuzz/mutate.js";
import { Rng } from "../../tools/fuzz/rng.js";

const dec = new TextDecoder("utf-8", { fatal: false });
const text = (s: Uint8Array | string): string => (typeof s === "string" ? s : dec.decode(s));

function describe(fs: Finding[]): string {
  return fs
    .map((f) => `${f.kind} case ${f.index} (${f.name}): ${f.outcome ? `${f.outcome.stage}: ${f.outcome.message} ${f.outcome.where}` : "hang"}\n  ${JSON.stringify(text(f.minimized ?? f.source).slice(0, 300))}`)
    .join("\n");
}

test("mutations are deterministic", () => {
  const src = new TextEncoder().encode("def f(x):\n    return [x for x in (1, 2)]\n");
  const a = mutate(new Rng(42), src, src);
  const b = mutate(new Rng(42), src, src);
  assert.deepEqual(a, b);
});

test("a Python exception is classified as such", () => {
  const o = runCase(new TextEncoder().encode("x = (\n"));
  assert.equal(o.kind, "pyexc");
  assert.match(o.message, /^SyntaxError: /);
});

test("fixed-seed fuzz run: only successes and Python exceptions", async () => {
  const report = await runFuzz({
    seed: 20261122,
    cases: 300,
    // the machine running the suite may be loaded: generous bounds
    hangMs: 30_000,
    slowMs: 10_000,
    stdlib: false,
    maxStructuralSize: 300,
    minimize: false,
  });
  assert.equal(report.cases, 300);
  assert.equal(report.findings.length, 0, describe(report.findings));
});

const enc = new TextEncoder();
const shape = (name: string, n: number): Uint8Array => enc.encode(SHAPES.find((s) => s.name === name)!.make(n));

// Known outstanding (notes/fuzz-findings.md D1): codegen runs out of JS stack at depth 3000, where
// CPython compiles; past its own limit CPython raises RecursionError "... during compilation".
for (const name of ["subscript chain", "call chain", "binary add"]) {
  test(`${name} x3000 compiles or raises a Python exception`, { todo: "compiler: JS stack overflow in codegen (D1)" }, () => {
    const o = runCase(shape(name, 3000));
    assert.ok(o.kind === "ok" || o.kind === "pyexc", `${o.kind} ${o.stage}: ${o.message}`);
  });
}

test("the command line reports damaged files and runaway programs as Python errors", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tython-fuzz-test-"));
  try {
    const cases: [string, RegExp][] = [
      ["x = (\n", /SyntaxError: '\(' was never closed/],
      ["\xff\xfe = 1\n", /SyntaxError: Non-UTF-8 code starting with '\\xff'/],
      ["def f():\n\treturn 1\n        return 2\n", /TabError|IndentationError/],
      ["x = " + "(".repeat(300) + ")".repeat(300) + "\n", /SyntaxError: too many nested parentheses/],
      ["def f(): f()\nf()\n", /RecursionError: maximum recursion depth exceeded/],
      ["x = [0] * 10**10\n", /MemoryError/],
    ];
    for (const [src, expected] of cases) {
      const bytes = Uint8Array.from(src, (c) => c.charCodeAt(0));
      const r = runCli(bytes, dir, "case.py", 60_000);
      assert.ok(!cliProblem(r), `${JSON.stringify(src)}: status ${r.status}\n${r.stderr}`);
      assert.equal(r.status, 1, JSON.stringify(src));
      assert.match(r.stderr, expected);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
