// Extracts CPython 3.14's pure-Python standard library from the pyodide devDependency's
// python_stdlib.zip into lib/python3.14/ (ignored by git, shipped by `npm pack`).
// Run by `npm install` (the prepare script). Plain .mjs so it needs no build step.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dest = path.join(root, "lib", "python3.14");

function findZip() {
  try {
    const require = createRequire(path.join(root, "package.json"));
    return path.join(path.dirname(require.resolve("pyodide/package.json")), "python_stdlib.zip");
  } catch {
    return null;
  }
}

// Reads a zip archive's central directory (APPNOTE.TXT 4.3.12) and yields [name, bytes].
function* zipEntries(buf) {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error("not a zip archive");
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error("bad central directory");
    const method = buf.readUInt16LE(p + 10);
    const csize = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;
    if (name.endsWith("/")) continue;
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + csize);
    yield [name, method === 8 ? zlib.inflateRawSync(raw) : method === 0 ? raw : null];
  }
}

const zip = findZip();
if (!zip || !fs.existsSync(zip)) {
  // An installed package already carries lib/; only a development checkout needs pyodide.
  if (!fs.existsSync(dest)) console.warn("tython: pyodide not installed; standard library not extracted");
  process.exit(0);
}
const stamp = path.join(dest, ".extracted-from");
const zipStat = fs.statSync(zip);
const key = `${zip} ${zipStat.size} ${zipStat.mtimeMs}`;
if (fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === key) process.exit(0);
let n = 0;
for (const [name, data] of zipEntries(fs.readFileSync(zip))) {
  if (data === null) throw new Error(`unsupported compression in ${name}`);
  const out = path.join(dest, name);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, data);
  n++;
}
fs.writeFileSync(stamp, key);
console.log(`tython: extracted ${n} standard library files into lib/python3.14`);
