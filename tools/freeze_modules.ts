// Writes the code of the frozen modules (src/python/frozen.ts) into lib/frozen_modules/, as
// CPython's Tools/build/freeze_modules.py writes Python/frozen_modules/*.h at build time. Run by
// `npm install` (the prepare script) after the standard library is extracted:
//
//   node dist/tools/freeze_modules.js
//
// A blob that is up to date with its source is left as it is; tython also rewrites a stale one
// when it starts.
import fs from "node:fs";
import path from "node:path";
import "../src/objects/init.js";
import { frozenBlobPath, frozenData, frozenSourcePath, frozenSources } from "../src/python/frozen.js";
import { STDLIB_DIR } from "../src/python/paths.js";

if (!fs.existsSync(STDLIB_DIR)) {
  process.stderr.write(`tython: no standard library in ${STDLIB_DIR}; nothing frozen\n`);
  process.exit(0);
}
let n = 0;
for (const source of frozenSources()) {
  if (!fs.existsSync(frozenSourcePath(source))) continue;
  if (frozenData(source) !== null && fs.existsSync(frozenBlobPath(source))) n++;
}
process.stdout.write(`tython: froze ${n} modules into ${path.relative(process.cwd(), path.dirname(frozenBlobPath("x")))}\n`);
