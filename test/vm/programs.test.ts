// Runs each test/vm/programs/NAME.py with tython and compares stdout, stderr and the exit status
// with CPython 3.14's, recorded in test/golden/vm/programs/NAME.out by test/vm/gen_program_golden.mjs.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const dir = join(root, "test", "vm", "programs");

for (const name of readdirSync(dir).filter((f) => f.endsWith(".py")).sort()) {
  test(`program ${name}`, () => {
    const r = spawnSync(process.execPath, [join(root, "bin", "tython.js"), join(dir, name)], { cwd: dir, encoding: "utf8" });
    const got = `--- stdout\n${r.stdout}--- stderr\n${r.stderr}--- status ${r.status}\n`.split(dir + "/").join("<DIR>/");
    const want = readFileSync(join(root, "test", "golden", "vm", "programs", name.replace(/\.py$/, ".out")), "utf8");
    assert.equal(got, want);
  });
}
