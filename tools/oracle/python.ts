// CPython 3.14 (pyodide) as a `python`-like command, from the repository alone:
//
//   node dist/tools/oracle/python.js FILE [ARGS...] | -c CODE [ARGS...] | -m MODULE [ARGS...] | - | (nothing)
//
// Output goes straight to this process's stdout and stderr; the exit status is the program's.
// Standard input (when it is not a terminal) is read whole first and served to the program.
import fs from "node:fs";
import { ReferencePython } from "./session.js";

const argv = process.argv.slice(2);
let stdin = new Uint8Array(0);
if (!process.stdin.isTTY) {
  try {
    stdin = fs.readFileSync(0);
  } catch {
    // no standard input
  }
}
const py = await ReferencePython.start();
process.exitCode = py.run(argv, { passThrough: true, stdin }).status;
