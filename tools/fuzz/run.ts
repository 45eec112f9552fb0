// The long-run fuzzer: `node dist/tools/fuzz/run.js --seconds N --seed S [--cases N] [--out DIR]
// [--start N] [--no-stdlib] [--max-size N] [--hang-ms N] [--slow-ms N] [--no-minimize]`.
// Each finding (crash, JS stack overflow, hang, slow case) is written to DIR (default
// .cache/fuzz/) as case-INDEX.py (the input) and case-INDEX.min.py (minimized), and summarized
// on stdout; a case is re-run alone with `--seed S --start INDEX --cases 1`.
import fs from "node:fs";
import path from "node:path";
import { REPO_ROOT, runFuzz, type FuzzOptions } from "./driver.js";

function main(argv: string[]): Promise<number> {
  const opts: FuzzOptions = { seed: 1, seconds: 60, hangMs: 30_000, slowMs: 5_000, stdlib: true, maxStructuralSize: 1_000_000, minimize: true };
  let out = path.join(REPO_ROOT, ".cache", "fuzz");
  let quiet = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const num = (): number => {
      const v = Number(argv[++i]);
      if (!Number.isFinite(v)) throw new Error(`${a} needs a number`);
      return v;
    };
    if (a === "--seconds") opts.seconds = num();
    else if (a === "--seed") opts.seed = num();
    else if (a === "--cases") opts.cases = num();
    else if (a === "--start") opts.start = num();
    else if (a === "--hang-ms") opts.hangMs = num();
    else if (a === "--slow-ms") opts.slowMs = num();
    else if (a === "--max-size") opts.maxStructuralSize = num();
    else if (a === "--no-stdlib") opts.stdlib = false;
    else if (a === "--no-minimize") opts.minimize = false;
    else if (a === "--quiet") quiet = true;
    else if (a === "--out") out = argv[++i]!;
    else {
      process.stderr.write(`fuzz: unknown option ${a}\n`);
      return Promise.resolve(2);
    }
  }
  if (opts.cases !== undefined && argv.includes("--seconds") === false) opts.seconds = undefined;
  fs.mkdirSync(out, { recursive: true });
  let last = Date.now();
  opts.onCase = (index) => {
    if (!quiet && Date.now() - last > 60_000) {
      last = Date.now();
      process.stdout.write(`... case ${index}\n`);
    }
  };
  opts.onFinding = (f) => {
    const base = path.join(out, `seed${opts.seed}-case${f.index}`);
    fs.writeFileSync(`${base}.py`, f.source);
    if (f.minimized) fs.writeFileSync(`${base}.min.py`, f.minimized);
    const o = f.outcome;
    const what = o ? `${o.stage}: ${o.message}${o.where ? ` (at ${o.where})` : ""} [${Math.round(o.ms)} ms]` : "no answer";
    process.stdout.write(`${f.kind.toUpperCase()} case ${f.index} (${f.name}): ${what}\n  -> ${base}${f.minimized ? ".min" : ""}.py\n`);
  };
  return runFuzz(opts).then((r) => {
    const c = r.counts;
    process.stdout.write(
      `${r.cases} cases (seed ${opts.seed}): ${c.ok} ok, ${c.pyexc} Python exceptions, ${c.crash} crashes, ${c.overflow} JS stack overflows, ${c.hang} hangs, ${c.slow} slow\n`,
    );
    return c.crash! + c.hang! > 0 ? 1 : 0;
  });
}

process.exitCode = await main(process.argv.slice(2));
