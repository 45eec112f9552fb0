// Writes golden files from the reference: `node dist/tools/oracle/golden.js MODE OUTDIR FILE...`
// writes OUTDIR/<basename>.MODE holding dump.py's output for each FILE (CPython 3.14, via pyodide).
import fs from "node:fs";
import path from "node:path";
import { referenceDump } from "./reference.js";
import { DUMP_MODES, type DumpMode } from "./session.js";

const [mode, outDir, ...files] = process.argv.slice(2);
if (mode === undefined || outDir === undefined || files.length === 0 || !DUMP_MODES.includes(mode as DumpMode)) {
  process.stderr.write(`usage: node dist/tools/oracle/golden.js {${DUMP_MODES.join(",")}} OUTDIR FILE...\n`);
  process.exit(2);
}
const dumps = await referenceDump(mode as DumpMode, files);
fs.mkdirSync(outDir, { recursive: true });
for (const [file, text] of dumps) fs.writeFileSync(path.join(outDir, `${path.basename(file)}.${mode}`), text);
process.stdout.write(`wrote ${dumps.size} ${mode} golden files into ${outDir}\n`);
