// Differential fuzzing against CPython 3.14 (the pyodide reference, tools/oracle/session.ts):
// `node dist/tools/fuzz/differential.js --cases N --seed S [--no-stdlib]` compiles the mutation
// cases of run.js's case list with tython (in-process) and with CPython's compile(), and prints
// every case whose outcome differs: "ok", or the exception's type, message and, for SyntaxError,
// (lineno, offset, end_lineno, end_offset). Structural cases are left out (too deep for the
// WebAssembly reference's C stack).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PyObject_Str } from "../../src/objects/abstract.js";
import { compileAST } from "../../src/compiler/compile.js";
import { PyBaseException, PySyntaxError } from "../../src/objects/exceptions.js";
import type { PyObject } from "../../src/objects/object.js";
import { parserASTFromString } from "../../src/parser/peg_api.js";
import { ReferencePython } from "../oracle/session.js";
import { CaseList, type FuzzCase } from "./cases.js";
import { REPO_ROOT } from "./driver.js";
import { loadSeeds } from "./seeds.js";

const PY_SIDE = String.raw`
import base64, json, sys
cases = json.load(open(sys.argv[1], encoding="utf-8", errors="surrogatepass"))
out = []
for c in cases:
    src = base64.b64decode(c["b64"]) if "b64" in c else c["str"]
    try:
        compile(src, "x", c["mode"])
        r = "ok"
    except SyntaxError as e:
        r = "%s: %s (%s, %s, %s, %s)" % (type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
    except BaseException as e:
        r = "%s: %s" % (type(e).__name__, e)
    out.append(r)
with open(sys.argv[2], "w", encoding="utf-8", errors="backslashreplace") as f:
    json.dump(out, f)
`;

function field(v: PyObject | null): string {
  return v === null ? "None" : PyObject_Str(v);
}

/** tython's outcome in the Python side's format. */
export function tythonOutcome(c: FuzzCase): string {
  try {
    compileAST(parserASTFromString(c.source, "x", c.mode), "x");
    return "ok";
  } catch (e) {
    if (e instanceof PySyntaxError) return `${e.typeName}: ${field(e.msg)} (${field(e.lineno)}, ${field(e.offset)}, ${field(e.endLineno)}, ${field(e.endOffset)})`;
    if (e instanceof PyBaseException) return `${e.typeName}: ${PyObject_Str(e)}`;
    return `JS ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`;
  }
}

async function main(argv: string[]): Promise<number> {
  let cases = 500;
  let seed = 1;
  let stdlib = true;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--cases") cases = Number(argv[++i]);
    else if (a === "--seed") seed = Number(argv[++i]);
    else if (a === "--no-stdlib") stdlib = false;
    else {
      process.stderr.write(`fuzz differential: unknown option ${a}\n`);
      return 2;
    }
  }
  const list = new CaseList(loadSeeds(REPO_ROOT, stdlib), 0);
  const picked: FuzzCase[] = [];
  for (let i = 0; picked.length < cases; i++) picked.push(list.caseAt(seed, i));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tython-fuzz-diff-"));
  try {
    const input = path.join(dir, "cases.json");
    const output = path.join(dir, "results.json");
    const script = path.join(dir, "compile_all.py");
    fs.writeFileSync(script, PY_SIDE);
    fs.writeFileSync(
      input,
      JSON.stringify(picked.map((c) => (typeof c.source === "string" ? { str: c.source, mode: c.mode } : { b64: Buffer.from(c.source).toString("base64"), mode: c.mode }))),
    );
    const py = await ReferencePython.start();
    const r = py.run([script, input, output], { cwd: dir });
    if (r.status !== 0) {
      process.stderr.write(r.stderr);
      return 2;
    }
    const expected = JSON.parse(fs.readFileSync(output, "utf8")) as string[];
    let diffs = 0;
    for (let i = 0; i < picked.length; i++) {
      const c = picked[i]!;
      const got = tythonOutcome(c);
      if (got === expected[i]) continue;
      diffs++;
      const file = path.join(REPO_ROOT, ".cache", "fuzz-diff", `seed${seed}-case${c.index}.py`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, c.source);
      process.stdout.write(`case ${c.index} (${c.name}) -> ${file}\n  tython:  ${got}\n  CPython: ${expected[i]}\n`);
    }
    process.stdout.write(`${picked.length} cases (seed ${seed}): ${diffs} differ from CPython\n`);
    return diffs > 0 ? 1 : 0;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

process.exitCode = await main(process.argv.slice(2));
