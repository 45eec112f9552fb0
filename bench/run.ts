// `npm run bench [-- NAME... --timeout SECONDS --no-reference]`: runs each benchmark program
// (bench/programs/*.py; each prints one checksum line, bench/programs/expected.txt holds CPython's)
// under tython, under CPython 3.14 in WebAssembly (the pyodide devDependency, one interpreter for
// all programs, its start-up excluded) and under a native `python3` when there is one, and reports
// each program's wall-clock time and tython's ratio to CPython. A program whose output is wrong or
// which fails under tython is reported as failing, with the reason.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { REPO_ROOT, ReferencePython } from "../tools/oracle/session.js";

const PROGRAMS = path.join(REPO_ROOT, "bench", "programs");
const TYTHON = path.join(REPO_ROOT, "bin", "tython.js");

interface Timing {
  seconds: number;
  ok: boolean;
  /** Why the run does not count: a wrong checksum, an error, a timeout. */
  problem: string;
}

function parseArgs(argv: string[]): { names: string[]; timeout: number; reference: boolean } {
  const names: string[] = [];
  let timeout = 300;
  let reference = true;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--timeout") timeout = Number(argv[++i]);
    else if (a === "--no-reference") reference = false;
    else names.push(a.replace(/\.py$/, ""));
  }
  return { names, timeout, reference };
}

function check(stdout: string, stderr: string, status: number | null, expected: string, seconds: number): Timing {
  if (status !== 0) {
    const lines = stderr.trim().split("\n");
    // the exception line of a traceback, tython's own report, or a raw Node.js crash's error line
    const telling = lines.filter((l) => /^(tython: |[A-Za-z_.]*(Error|Exception|Exit|Interrupt)\b)/.test(l));
    const last = telling[telling.length - 1] ?? lines[lines.length - 1];
    const why = status === null ? "killed (timeout?)" : `exit ${status}: ${last ?? ""}`;
    return { seconds, ok: false, problem: why.slice(0, 160) };
  }
  const got = stdout.trim();
  if (got !== expected) return { seconds, ok: false, problem: `wrong output: ${got.slice(0, 120)}` };
  return { seconds, ok: true, problem: "" };
}

function runProcess(cmd: string, args: string[], expected: string, timeout: number): Timing {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd: PROGRAMS, encoding: "utf8", timeout: timeout * 1000, maxBuffer: 16 << 20 });
  const seconds = (performance.now() - t0) / 1000;
  if (r.error && (r.error as NodeJS.ErrnoException).code === "ETIMEDOUT") {
    return { seconds, ok: false, problem: `timeout after ${timeout} s` };
  }
  return check(r.stdout ?? "", r.stderr ?? "", r.status, expected, seconds);
}

function nativePython(): string | null {
  const r = spawnSync("python3", ["-c", "import sys; print(sys.version.split()[0])"], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : null;
}

const fmt = (t: Timing | undefined): string => (t === undefined ? "-" : t.ok ? t.seconds.toFixed(2) : "FAIL");
const ratio = (a: Timing | undefined, b: Timing | undefined): string =>
  a?.ok && b?.ok ? (a.seconds / b.seconds).toFixed(1) + "x" : "-";

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const expected = new Map<string, string>();
  for (const line of fs.readFileSync(path.join(PROGRAMS, "expected.txt"), "utf8").split("\n")) {
    if (line.trim() !== "") expected.set(line.slice(0, line.indexOf(" ")), line);
  }
  const names = [...expected.keys()].filter((n) => opts.names.length === 0 || opts.names.includes(n)).sort();

  // One program at a time under each implementation in turn, so that a change in the machine's
  // load affects the compared runs alike.
  let py: ReferencePython | null = null;
  if (opts.reference) {
    const t0 = performance.now();
    py = await ReferencePython.start();
    process.stderr.write(`pyodide start-up: ${((performance.now() - t0) / 1000).toFixed(1)} s (not counted)\n`);
  }
  const nativeVersion = nativePython();
  const tython = new Map<string, Timing>();
  const reference = new Map<string, Timing>();
  const native = new Map<string, Timing>();
  for (const name of names) {
    const want = expected.get(name)!;
    const t = runProcess(process.execPath, [TYTHON, name + ".py"], want, opts.timeout);
    tython.set(name, t);
    let line = `${name}: tython ${t.ok ? t.seconds.toFixed(2) + " s" : "FAIL " + t.problem}`;
    if (py !== null) {
      const r = py.run([name + ".py"], { cwd: PROGRAMS });
      const ref = check(r.stdout.toString("utf8"), r.stderr.toString("utf8"), r.status, want, r.seconds);
      reference.set(name, ref);
      line += `, pyodide ${fmt(ref)}`;
    }
    if (nativeVersion !== null) {
      const n = runProcess("python3", [name + ".py"], want, opts.timeout);
      native.set(name, n);
      line += `, python3 ${fmt(n)}`;
    }
    process.stderr.write(line + "\n");
  }

  const rows: string[][] = [["program", "tython s", "CPython 3.14 wasm s", "tython/CPython", `python3 ${nativeVersion ?? "(absent)"} s`, "tython/native"]];
  for (const name of names) {
    const t = tython.get(name);
    rows.push([name, fmt(t), fmt(reference.get(name)), ratio(t, reference.get(name)), fmt(native.get(name)), ratio(t, native.get(name))]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const out = rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  "));
  const failing = names.filter((n) => !tython.get(n)!.ok);
  out.push("");
  out.push(`${names.length - failing.length} of ${names.length} programs ran correctly under tython`);
  for (const n of failing) out.push(`  failing: ${n}: ${tython.get(n)!.problem}`);
  process.stdout.write(out.join("\n") + "\n");
}

await main();
