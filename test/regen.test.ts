// Every generated file must be what its generator produces now: run `npm run regen` after editing
// a generator or its input (Grammar/, Parser/Python.asdl, src/vm/bytecodes.def, ...).
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { discoverGenerators, REPO_ROOT } from "../tools/regen.js";

const generators = await discoverGenerators();

test("at least one generator is registered", () => {
  assert.ok(generators.length > 0);
});

for (const gen of generators) {
  test(`generated files of tools/${gen.name} are up to date`, async () => {
    const files = await gen.generate();
    assert.ok(files.length > 0, `tools/${gen.name}/index.ts generate() returned no files`);
    for (const f of files) {
      const dest = path.join(REPO_ROOT, f.path);
      assert.ok(fs.existsSync(dest), `${f.path} is missing: run npm run regen`);
      // compare without a diff of possibly huge texts: report the first differing line
      const onDisk = fs.readFileSync(dest, "utf8");
      if (onDisk !== f.text) {
        const a = onDisk.split("\n");
        const b = f.text.split("\n");
        let i = 0;
        while (i < a.length && i < b.length && a[i] === b[i]) i++;
        assert.fail(`${f.path} is stale (line ${i + 1}: on disk ${JSON.stringify(a[i] ?? "<end>")}, generated ${JSON.stringify(b[i] ?? "<end>")}): run npm run regen`);
      }
    }
  });
}
