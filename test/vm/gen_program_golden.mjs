// Regenerates test/golden/vm/programs/NAME.out (stdout, stderr, exit status of CPython 3.14) for
// each test/vm/programs/NAME.py, run as `python DIR/NAME.py` with DIR the folder's absolute path,
// written as <DIR> in the file. From the repo root:
//   node test/vm/gen_program_golden.mjs /path/to/oracle/python.mjs
import { spawnSync } from "node:child_process";
import { readdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const python = process.argv[2];
if (!python) throw new Error("usage: node test/vm/gen_program_golden.mjs PYTHON_MJS");
const dir = join("test", "vm", "programs");
for (const name of readdirSync(dir).filter((f) => f.endsWith(".py")).sort()) {
  const abs = resolve(dir);
  const r = spawnSync("node", [python, join(abs, name)], { cwd: dir, encoding: "utf8" });
  const out = `--- stdout\n${r.stdout}--- stderr\n${r.stderr}--- status ${r.status}\n`.split(abs + "/").join("<DIR>/");
  writeFileSync(join("test", "golden", "vm", "programs", name.replace(/\.py$/, ".out")), out);
}
