// The command-line check: `node dist/tools/fuzz/cli.js --cases N --seed S [--timeout-ms N]` runs
// `tython FILE` on damaged sources (the same case list as run.js, built-in and test/corpus seeds)
// in a scratch directory, and reports every run whose stderr is not a Python-style error (a JS
// stack trace, "internal error", a V8 fatal error) or whose exit status is not 0 or 1.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { CaseList } from "./cases.js";
import { REPO_ROOT } from "./driver.js";
import { loadSeeds } from "./seeds.js";

/** What in a run's stderr shows that JavaScript, not Python, reported the error. */
const JS_LEAK = /internal error|^\s+at .*(\.js|\.mjs|<anonymous>|node:)|node:internal|FATAL ERROR|JavaScript heap|Maximum call stack size exceeded|^(TypeError|RangeError|ReferenceError): .*\n\s+at /m;

export interface CliRun {
  status: number | null;
  signal: string | null;
  stderr: string;
  timedOut: boolean;
}

/** Runs `tython FILE` on `source` (written to dir/name) with no stdin. */
export function runCli(source: Uint8Array, dir: string, name: string, timeoutMs: number): CliRun {
  const file = path.join(dir, name);
  fs.writeFileSync(file, source);
  const r = spawnSync(process.execPath, [path.join(REPO_ROOT, "bin", "tython.js"), file], {
    cwd: dir,
    input: "",
    encoding: "utf8",
    timeout: timeoutMs,
    maxBuffer: 64 << 20,
  });
  return { status: r.status, signal: r.signal, stderr: r.stderr ?? "", timedOut: r.error !== undefined && r.signal === "SIGTERM" };
}

/** Whether a run failed at the JavaScript level: a JS stack or internal error on stderr, or an
 *  exit status other than 0 and 1. A timeout is not one (a mutated program may loop). */
export function cliProblem(r: CliRun): boolean {
  if (r.timedOut) return false;
  return !((r.status === 0 || r.status === 1) && !JS_LEAK.test(r.stderr));
}

function main(argv: string[]): number {
  let cases = 100;
  let seed = 1;
  let timeoutMs = 20_000;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--cases") cases = Number(argv[++i]);
    else if (a === "--seed") seed = Number(argv[++i]);
    else if (a === "--timeout-ms") timeoutMs = Number(argv[++i]);
    else {
      process.stderr.write(`fuzz cli: unknown option ${a}\n`);
      return 2;
    }
  }
  const list = new CaseList(loadSeeds(REPO_ROOT, false), 3000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tython-fuzz-cli-"));
  const keep = path.join(REPO_ROOT, ".cache", "fuzz-cli");
  fs.mkdirSync(keep, { recursive: true });
  let problems = 0;
  for (let i = 0; i < cases; i++) {
    const c = list.caseAt(seed, i);
    const source = typeof c.source === "string" ? new TextEncoder().encode(c.source) : c.source;
    const p = runCli(source, dir, "case.py", timeoutMs);
    if (!cliProblem(p)) continue;
    problems++;
    const file = path.join(keep, `seed${seed}-case${i}.py`);
    fs.writeFileSync(file, c.source);
    process.stdout.write(`PROBLEM case ${i} (${c.name}): status ${p.status} ${p.signal ?? ""} -> ${file}\n${p.stderr.trimEnd().split("\n").slice(-6).join("\n")}\n`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  process.stdout.write(`${cases} command-line runs (seed ${seed}): ${problems} problems\n`);
  return problems > 0 ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) process.exitCode = main(process.argv.slice(2));
