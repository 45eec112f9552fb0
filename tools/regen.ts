// `npm run regen`: rewrites every generated file. Each generator is a folder tools/<name>/ whose
// index.ts exports `generate(): {path, text}[]` (paths relative to the repository root); this
// script finds them all, so a new generator needs no registration. test/regen.test.ts runs the same
// generators in memory and fails when a committed file is stale.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export interface GeneratedFile {
  path: string;
  text: string;
}

export interface Generator {
  name: string;
  generate(): GeneratedFile[] | Promise<GeneratedFile[]>;
}

/** The repository root (this file is dist/tools/regen.js once built). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Every tools/<name>/index.ts that exports generate(), in name order. */
export async function discoverGenerators(): Promise<Generator[]> {
  const toolsSrc = path.join(REPO_ROOT, "tools");
  const builtDir = path.dirname(fileURLToPath(import.meta.url));
  const gens: Generator[] = [];
  for (const name of fs.readdirSync(toolsSrc).sort()) {
    if (!fs.existsSync(path.join(toolsSrc, name, "index.ts"))) continue;
    const built = path.join(builtDir, name, "index.js");
    let mod: { generate?: Generator["generate"] };
    try {
      mod = (await import(pathToFileURL(built).href)) as typeof mod;
    } catch (e) {
      // a broken generator must not hide the others: it fails when run
      gens.push({ name, generate: () => { throw e; } });
      continue;
    }
    if (typeof mod.generate === "function") gens.push({ name, generate: mod.generate });
    else gens.push({ name, generate: () => { throw new Error(`tools/${name}/index.ts does not export generate()`); } });
  }
  return gens;
}

async function main(): Promise<void> {
  let written = 0;
  let total = 0;
  let failed = 0;
  for (const gen of await discoverGenerators()) {
    let files: GeneratedFile[];
    try {
      files = await gen.generate();
    } catch (e) {
      failed++;
      process.stderr.write(`regen: ${gen.name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      continue;
    }
    for (const f of files) {
      total++;
      const dest = path.join(REPO_ROOT, f.path);
      const old = fs.existsSync(dest) ? fs.readFileSync(dest, "utf8") : null;
      if (old === f.text) continue;
      fs.mkdirSync(path.dirname(dest), { recursive: true });
      fs.writeFileSync(dest, f.text);
      written++;
      process.stdout.write(`regen: ${gen.name}: wrote ${f.path}\n`);
    }
  }
  process.stdout.write(`regen: ${total} generated files, ${written} rewritten${failed ? `, ${failed} generators failed` : ""}\n`);
  if (failed) process.exitCode = 1;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main();
}
