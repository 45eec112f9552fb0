// `node dist/bench/parse.js [--runs N] [--no-reference]`: parses the standard library corpus
// (lib/python3.14, 559 files) with tython's parser and reports the best of N runs beside
// CPython 3.14's ast.parse on the same files (in WebAssembly, the pyodide devDependency, start-up
// excluded) and a native `python3` when there is one (files it cannot parse are counted, not
// timed separately), as ratios. Run node with --stack-size=3900 for CPython's nesting limits.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parserASTFromString } from "../src/parser/peg_api.js";
import { stdlibFiles } from "../tools/oracle/reference.js";
import { ReferencePython } from "../tools/oracle/session.js";

// Times ast.parse over every .py file under argv[1]; prints "best_seconds failures".
const PY_BENCH = `
import ast, os, sys, time
root, runs = sys.argv[1], int(sys.argv[2])
files = sorted(os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs if f.endswith('.py'))
srcs = [(open(f, 'rb').read(), f) for f in files]
best = None
for r in range(runs):
    t0 = time.perf_counter(); fail = 0
    for s, f in srcs:
        try: ast.parse(s, f)
        except SyntaxError: fail += 1
    t = time.perf_counter() - t0
    best = t if best is None else min(best, t)
print(best, fail)
`;

function parseArgs(argv: string[]): { runs: number; reference: boolean } {
  let runs = 3;
  let reference = true;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--runs") runs = Number(argv[++i]);
    else if (argv[i] === "--no-reference") reference = false;
  }
  return { runs, reference };
}

function timeTython(files: string[], runs: number): { seconds: number; failures: number } {
  const sources = files.map((f) => new Uint8Array(fs.readFileSync(f)));
  let best = Infinity;
  let failures = 0;
  for (let r = 0; r < runs; r++) {
    failures = 0;
    const t0 = performance.now();
    for (let i = 0; i < files.length; i++) {
      try {
        parserASTFromString(sources[i]!, files[i]!, "exec");
      } catch {
        failures++;
      }
    }
    best = Math.min(best, (performance.now() - t0) / 1000);
  }
  return { seconds: best, failures };
}

async function main(): Promise<void> {
  const { runs, reference } = parseArgs(process.argv.slice(2));
  const files = stdlibFiles();
  if (files.length === 0) throw new Error("lib/python3.14 is not extracted (npm run prepare)");
  const root = fs.realpathSync(path.dirname(files[0]!).replace(/(\/lib\/python3\.14).*$/, "$1"));
  const script = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "tython-bench-")), "parse_bench.py");
  fs.writeFileSync(script, PY_BENCH);

  const t = timeTython(files, runs);
  const rows: [string, number, number][] = [["tython", t.seconds, t.failures]];
  if (reference) {
    const py = await ReferencePython.start();
    const r = py.run([script, root, String(runs)]);
    if (r.status !== 0) throw new Error(`CPython 3.14 (wasm) failed: ${r.stderr.toString()}`);
    const [s, f] = r.stdout.toString().trim().split(" ");
    rows.push(["CPython 3.14 (wasm)", Number(s), Number(f)]);
  }
  const native = spawnSync("python3", ["-c", "import sys; print(sys.version.split()[0])"], { encoding: "utf8" });
  if (native.status === 0) {
    const r = spawnSync("python3", [script, root, String(runs)], { encoding: "utf8" });
    const [s, f] = r.stdout.trim().split(" ");
    rows.push([`CPython ${native.stdout.trim()} (native)`, Number(s), Number(f)]);
  }
  process.stdout.write(`parse ${files.length} stdlib files, best of ${runs}:\n`);
  for (const [name, s, f] of rows) {
    const ratio = name === "tython" ? "" : `  tython/this = ${(t.seconds / s).toFixed(2)}`;
    process.stdout.write(`  ${name.padEnd(28)} ${s.toFixed(3)} s  (${f} files not parsed)${ratio}\n`);
  }
}

await main();
