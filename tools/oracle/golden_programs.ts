// Regenerates the expected results of the whole-program tests from CPython 3.14:
//
//   npm run build && node dist/tools/oracle/golden_programs.js [--native PYTHON3.14] [NAME.py ...]
//
// With NAME.py arguments, only those programs (of either folder) are recorded.
//
// For each test/corpus/programs/NAME.py, run as `python NAME.py` from that folder by CPython 3.14
// in WebAssembly (pyodide), it writes test/golden/programs/NAME.stdout, NAME.stderr and NAME.status
// (the exit status). Programs whose output is a 64-bit Linux fact (sizes, hashes, errno, the file
// system, processes) live in test/corpus/programs_native/ and are recorded by a native CPython 3.14
// named by --native (or $TYTHON_NATIVE_PYTHON) into test/golden/programs_native/; without one they
// are left as they are. The folder's absolute path is written as <DIR> in stdout and stderr, so the
// files do not depend on the checkout's place.
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { REPO_ROOT, ReferencePython } from "./session.js";

export const PROGRAMS_DIR = path.join(REPO_ROOT, "test", "corpus", "programs");
export const GOLDEN_DIR = path.join(REPO_ROOT, "test", "golden", "programs");
export const NATIVE_PROGRAMS_DIR = path.join(REPO_ROOT, "test", "corpus", "programs_native");
export const NATIVE_GOLDEN_DIR = path.join(REPO_ROOT, "test", "golden", "programs_native");

interface Result {
  stdout: string;
  stderr: string;
  status: number | null;
}

function write(dir: string, goldenDir: string, name: string, r: Result): void {
  const base = path.join(goldenDir, name.slice(0, -3));
  const clean = (s: string): string => s.split(dir + path.sep).join("<DIR>" + path.sep);
  fs.writeFileSync(base + ".stdout", clean(r.stdout));
  fs.writeFileSync(base + ".stderr", clean(r.stderr));
  fs.writeFileSync(base + ".status", `${r.status}\n`);
}

const argv = process.argv.slice(2);
const nativeAt = argv.indexOf("--native");
const native = nativeAt >= 0 ? argv[nativeAt + 1] : process.env.TYTHON_NATIVE_PYTHON;
const only = new Set(argv.filter((a, i) => a.endsWith(".py") && i !== nativeAt + 1).map((a) => path.basename(a)));

function programs(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => f.endsWith(".py") && (only.size === 0 || only.has(f))).sort();
}

const names = programs(PROGRAMS_DIR);
const py = names.length ? await ReferencePython.start() : null;
fs.mkdirSync(GOLDEN_DIR, { recursive: true });
for (const name of names) {
  const r = py!.run([name], { cwd: PROGRAMS_DIR });
  write(PROGRAMS_DIR, GOLDEN_DIR, name, { stdout: r.stdout.toString("utf8"), stderr: r.stderr.toString("utf8"), status: r.status });
}
process.stdout.write(`wrote expected results of ${names.length} programs into ${path.relative(REPO_ROOT, GOLDEN_DIR)}\n`);

const nativeNames = programs(NATIVE_PROGRAMS_DIR);
if (native === undefined) {
  if (nativeNames.length) process.stdout.write(`no --native CPython: ${nativeNames.length} programs in programs_native left as they are\n`);
} else {
  fs.mkdirSync(NATIVE_GOLDEN_DIR, { recursive: true });
  for (const name of nativeNames) {
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, LANG: "C.UTF-8" };
    const r = spawnSync(native, [name], { cwd: NATIVE_PROGRAMS_DIR, encoding: "utf8", env, timeout: 120_000 });
    write(NATIVE_PROGRAMS_DIR, NATIVE_GOLDEN_DIR, name, { stdout: r.stdout, stderr: r.stderr, status: r.status });
  }
  process.stdout.write(`wrote expected results of ${nativeNames.length} programs into ${path.relative(REPO_ROOT, NATIVE_GOLDEN_DIR)}\n`);
}
