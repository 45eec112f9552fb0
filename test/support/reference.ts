// What CPython 3.14 prints, for differential tests. The reference is computed LIVE from the
// `pyodide` devDependency (CPython 3.14.2 in WebAssembly) by the project's runner
// (tools/oracle/session.ts) and the project's dump script (tools/oracle/dump.py), in one
// interpreter per call (~5 s start-up), and cached under .cache/reference/ (a hash of mode,
// dump.py's text, the file's name and bytes), so repeated runs need no interpreter.
//
//   referenceDump(mode, files): Promise<Map<file, text>>
//     mode: "tokens" | "ast" | "symtable" | "code" | "dis" (see tools/oracle/dump.py)
//     text: exactly what `python dump.py MODE FILE` prints for that one file (no `==> <==`
//           header), which is what `tython dump MODE FILE` must print.
//   stdlibFiles(): string[]
//     the corpus lib/python3.14/**/*.py (absolute paths, sorted; 559 files)
//   stdlibName(file): string
//     a file's path relative to lib/python3.14, for test names
//
// Example:
//   const files = stdlibFiles();
//   const expected = await referenceDump("tokens", files);
//   for (const f of files) { const out: string[] = []; ...; assert.equal(out.join(""), expected.get(f)); }
//
// Golden files (committed expectations) come from the same runner:
//   node dist/tools/oracle/golden.js MODE OUTDIR FILE...   (writes OUTDIR/<basename>.MODE)
import path from "node:path";
import { REPO_ROOT } from "../../tools/oracle/session.js";

export { referenceDump, stdlibFiles } from "../../tools/oracle/reference.js";
export type { DumpMode } from "../../tools/oracle/session.js";

export function stdlibName(file: string): string {
  return path.relative(path.join(REPO_ROOT, "lib", "python3.14"), file);
}
