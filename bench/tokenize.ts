// Tokenizer benchmark: `npm run build && node dist/bench/tokenize.js [--no-reference]`.
// Tokenizes the standard library corpus (lib/python3.14, 559 files) with tython's tokenizer in the
// parser's mode and in the tokenize module's mode, and with CPython 3.14's tokenize module (in
// WebAssembly, the pyodide devDependency, start-up excluded) on the same bytes; prints lines per
// second for each and tython's ratio to CPython. Each figure is the best of a few rounds.
import "../src/objects/init.js"; // the object layer first (as the entry points do)
import fs from "node:fs";
import path from "node:path";
import { Tokenizer } from "../src/parser/tokenizer/index.js";
import { ENDMARKER } from "../src/parser/token.generated.js";
import { REPO_ROOT, ReferencePython } from "../tools/oracle/session.js";

const ROUNDS = 3;

function stdlib(): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".py")) files.push(p);
    }
  };
  walk(path.join(REPO_ROOT, "lib", "python3.14"));
  return files.sort();
}

function tythonSeconds(sources: Uint8Array[], extraTokens: boolean): number {
  let best = Infinity;
  for (let round = 0; round < ROUNDS; round++) {
    const t0 = performance.now();
    for (const s of sources) {
      const tok = new Tokenizer(s, "<bench>", extraTokens);
      while (tok.next().type !== ENDMARKER);
    }
    best = Math.min(best, (performance.now() - t0) / 1000);
  }
  return best;
}

const CPYTHON = String.raw`
import io, sys, time, tokenize
srcs = [open(f, "rb").read() for f in sys.argv[1:]]
texts = [s.decode("utf-8", "replace") for s in srcs]
def best(fn):
    b = None
    for _ in range(${ROUNDS}):
        t0 = time.perf_counter(); fn(); dt = time.perf_counter() - t0
        b = dt if b is None else min(b, dt)
    return b
def module():
    for s in srcs:
        for _ in tokenize.tokenize(io.BytesIO(s).readline): pass
def parser():
    for t in texts:
        for _ in tokenize._generate_tokens_from_c_tokenizer(io.StringIO(t).readline, extra_tokens=False): pass
print(best(parser), best(module))
`;

const files = stdlib();
const sources = files.map((f) => new Uint8Array(fs.readFileSync(f)));
let lines = 0;
for (const s of sources) for (let i = 0; i < s.length; i++) if (s[i] === 10) lines++;
const parserSecs = tythonSeconds(sources, false);
const moduleSecs = tythonSeconds(sources, true);
const rate = (secs: number): string => `${Math.round(lines / secs).toLocaleString("en-US")} lines/s`;
console.log(`corpus: ${files.length} files, ${lines} lines`);
console.log(`tython parser mode:   ${rate(parserSecs)}`);
console.log(`tython tokenize mode: ${rate(moduleSecs)}`);
if (!process.argv.includes("--no-reference")) {
  const py = await ReferencePython.start();
  const r = py.run(["-c", CPYTHON, ...files]);
  if (r.status !== 0) throw new Error(`CPython failed: ${r.stderr.toString()}`);
  const [cParser, cModule] = r.stdout.toString().trim().split(" ").map(Number) as [number, number];
  console.log(`CPython 3.14 (wasm) C tokenizer, parser mode: ${rate(cParser)}`);
  console.log(`CPython 3.14 (wasm) tokenize module:          ${rate(cModule)}`);
  console.log(`ratio tython/CPython: parser mode ${(cParser / parserSecs).toFixed(2)}x, ` +
    `tokenize mode ${(cModule / moduleSecs).toFixed(2)}x`);
}
