// The tokenizer over the standard library (lib/python3.14, 559 files) against CPython 3.14's
// tokenize module, computed live over pyodide or read from the reference cache.
import "../../src/objects/init.js"; // the object layer first (as the entry points do)
import assert from "node:assert/strict";
import fs from "node:fs";
import { test } from "node:test";
import { referenceDump, stdlibFiles, stdlibName } from "../support/reference.js";
import { parserModeResult, tokensDump } from "./support.js";

test("stdlib token streams are CPython's", async () => {
  const files = stdlibFiles();
  const expected = await referenceDump("tokens", files);
  const failed: string[] = [];
  for (const f of files) {
    const bytes = new Uint8Array(fs.readFileSync(f));
    if (tokensDump(bytes, stdlibName(f)) !== expected.get(f)) failed.push(stdlibName(f));
    // The parser's mode must tokenize every stdlib file without error too.
    if (parserModeResult(bytes, f) !== "OK") failed.push(`${stdlibName(f)} (parser mode)`);
  }
  assert.deepEqual(failed, []);
});
