// Expected dumps from the reference (CPython 3.14 via pyodide), cached on disk.
// The cache key of a file is a hash of (mode, dump.py's text, the file's basename, its bytes), so an
// edit to dump.py or to the file recomputes it; a warm cache needs no interpreter at all.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { DUMP_SCRIPT_PATH, REPO_ROOT, ReferencePython, type DumpMode } from "./session.js";

export const CACHE_DIR = path.join(REPO_ROOT, ".cache", "reference");

function cacheKey(mode: DumpMode, dumpText: string, name: string, bytes: Uint8Array): string {
  const h = crypto.createHash("sha256");
  h.update(`${mode}\0${name}\0`);
  h.update(dumpText);
  h.update("\0");
  h.update(bytes);
  return h.digest("hex");
}

/**
 * dump.py's output for each file (path -> text, without the `==> path <==` header), computed by
 * one reference interpreter for all files not yet cached.
 */
export async function referenceDump(mode: DumpMode, files: readonly string[]): Promise<Map<string, string>> {
  const dumpText = fs.readFileSync(DUMP_SCRIPT_PATH, "utf8");
  const dir = path.join(CACHE_DIR, mode);
  const result = new Map<string, string>();
  const missing: { file: string; name: string; bytes: Buffer; cached: string }[] = [];
  for (const file of files) {
    const bytes = fs.readFileSync(file);
    const name = path.basename(file);
    const cached = path.join(dir, cacheKey(mode, dumpText, name, bytes) + ".txt");
    try {
      result.set(file, fs.readFileSync(cached, "utf8"));
    } catch {
      missing.push({ file, name, bytes, cached });
    }
  }
  if (missing.length > 0) {
    const py = await ReferencePython.start();
    fs.mkdirSync(dir, { recursive: true });
    for (const m of missing) {
      const text = py.dump(mode, m.name, m.bytes);
      // write-then-rename so a concurrent test process never reads half a file
      const tmp = `${m.cached}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, text);
      fs.renameSync(tmp, m.cached);
      result.set(m.file, text);
    }
  }
  // keep the caller's order
  return new Map(files.map((f) => [f, result.get(f)!]));
}

/** The standard library corpus: every lib/python3.14/**\/*.py, absolute paths, sorted. */
export function stdlibFiles(): string[] {
  const root = path.join(REPO_ROOT, "lib", "python3.14");
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && e.name.endsWith(".py")) files.push(p);
    }
  };
  // an empty corpus would let a stdlib test pass without checking anything
  if (!fs.existsSync(root)) throw new Error("lib/python3.14 is missing: run `npm install` (it extracts the standard library)");
  walk(root);
  if (files.length === 0) throw new Error("lib/python3.14 holds no .py files: run `npm install`");
  return files.sort();
}
