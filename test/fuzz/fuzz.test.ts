// Bad input never crashes the front end: a fixed-seed fuzz run (mutated corpus files, deep nesting,
// huge literals) through tokenize, parse, AST dump, symtable and compile, where every outcome must
// be success or a Python exception, within a time bound. Long runs: node dist/tools/fuzz/run.js.
import assert from "node:assert/strict";
import { test } from "node:test";
import { runFuzz, type Finding } from "../../tools/fuzz/driver.js";
import { runCase } from "../../tools/fuzz/harness.js";
import { mutate } from "../../tools/fuzz/mutate.js";
import { Rng } from "../../tools/fuzz/rng.js";

const dec = new TextDecoder("utf-8", { fatal: false });

function describe(fs: Finding[]): string {
  return fs
    .map((f) => `${f.kind} case ${f.index} (${f.name}): ${f.outcome ? `${f.outcome.stage}: ${f.outcome.message} ${f.outcome.where}` : "hang"}\n  ${JSON.stringify(dec.decode((f.minimized ?? f.source).subarray(0, 300)))}`)
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
    cases: 400,
    // the machine running the suite may be loaded: generous bounds
    hangMs: 30_000,
    slowMs: 10_000,
    stdlib: false,
    maxStructuralSize: 1000,
    minimize: false,
  });
  assert.equal(report.cases, 400);
  const bad = report.findings.filter((f) => f.kind !== "slow" || f.outcome!.ms > 10_000);
  assert.equal(bad.length, 0, describe(bad));
});
