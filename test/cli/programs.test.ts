// Whole programs (test/corpus/programs/*.py) run by tython, compared with CPython 3.14's stdout,
// stderr and exit status (test/golden/programs/, written by tools/oracle/golden_programs.ts:
// `npm run build && node dist/tools/oracle/golden_programs.js`).
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { missingStage, REPO_ROOT, runTython } from "../support/tython.js";

/** Each folder of programs beside the folder of its expected results. */
const SUITES = [
  { programs: path.join(REPO_ROOT, "test", "corpus", "programs"), golden: path.join(REPO_ROOT, "test", "golden", "programs") },
  // recorded by a native CPython 3.14 (64-bit Linux facts): `--native` of golden_programs.js
  { programs: path.join(REPO_ROOT, "test", "corpus", "programs_native"), golden: path.join(REPO_ROOT, "test", "golden", "programs_native") },
];

/** Programs that need more than a stage's first version; each says what is missing. */
const TODO: Record<string, string> = {
  pickle_protocols: "pickle.loads needs sys.audit (Unpickler.find_class raises the pickle.find_class audit event)",
  syntax_keyword_typo:
    "parser: with PyPARSE_ALLOW_INCOMPLETE_INPUT a block header at the end of input must raise _IncompleteInputError (codeop), which the keyword-typo hint relies on",
};

for (const { programs: PROGRAMS, golden: GOLDEN } of SUITES) {
  if (!fs.existsSync(PROGRAMS)) continue;
  for (const file of fs.readdirSync(PROGRAMS).filter((f) => f.endsWith(".py")).sort()) {
    const name = file.slice(0, -3);
    test(`program ${path.basename(PROGRAMS)}/${file}`, (t) => {
      const expected = {
        stdout: fs.readFileSync(path.join(GOLDEN, name + ".stdout"), "utf8"),
        stderr: fs.readFileSync(path.join(GOLDEN, name + ".stderr"), "utf8"),
        status: Number(fs.readFileSync(path.join(GOLDEN, name + ".status"), "utf8")),
      };
      const r = runTython([file], { cwd: PROGRAMS });
      const missing = missingStage(r.stderr);
      if (missing !== null) t.todo(missing);
      else if (name in TODO) t.todo(TODO[name]);
      const clean = (s: string): string => s.split(PROGRAMS + path.sep).join("<DIR>" + path.sep);
      const actual = { stdout: clean(r.stdout), stderr: clean(r.stderr), status: r.status };
      assert.deepEqual(actual, expected);
    });
  }
}
