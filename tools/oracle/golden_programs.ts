// Regenerates the expected results of the whole-program tests from CPython 3.14 (pyodide):
//
//   npm run build && node dist/tools/oracle/golden_programs.js
//
// For each test/corpus/programs/NAME.py, run as `python NAME.py` from that folder, it writes
// test/golden/programs/NAME.stdout, NAME.stderr and NAME.status (the exit status). The folder's
// absolute path is written as <DIR> in stderr, so the files do not depend on the checkout's place.
import fs from "node:fs";
import path from "node:path";
import { REPO_ROOT, ReferencePython } from "./session.js";

export const PROGRAMS_DIR = path.join(REPO_ROOT, "test", "corpus", "programs");
export const GOLDEN_DIR = path.join(REPO_ROOT, "test", "golden", "programs");

const names = fs.readdirSync(PROGRAMS_DIR).filter((f) => f.endsWith(".py")).sort();
const py = await ReferencePython.start();
fs.mkdirSync(GOLDEN_DIR, { recursive: true });
for (const name of names) {
  const r = py.run([name], { cwd: PROGRAMS_DIR });
  const base = path.join(GOLDEN_DIR, name.slice(0, -3));
  fs.writeFileSync(base + ".stdout", r.stdout);
  fs.writeFileSync(base + ".stderr", r.stderr.toString("utf8").split(PROGRAMS_DIR + path.sep).join("<DIR>" + path.sep));
  fs.writeFileSync(base + ".status", `${r.status}\n`);
}
process.stdout.write(`wrote expected results of ${names.length} programs into ${path.relative(REPO_ROOT, GOLDEN_DIR)}\n`);
