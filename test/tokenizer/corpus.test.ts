// The tokenizer over test/corpus/tokens/*.py, against CPython 3.14's output committed in
// test/golden/tokens/ (regenerate with `node dist/tools/tokens_gen/golden.js`).
import "../../src/objects/init.js"; // the object layer first (as the entry points do)
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { parserModeResult, tokensDump } from "./support.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const corpusDir = path.join(root, "test", "corpus", "tokens");
const goldenDir = path.join(root, "test", "golden", "tokens");
const files = fs.readdirSync(corpusDir).filter((f) => f.endsWith(".py")).sort();
const parserErrors = JSON.parse(fs.readFileSync(path.join(goldenDir, "parser_errors.json"), "utf8")) as Record<string, string>;

test("tokenize module view of the corpus", () => {
  const failed: string[] = [];
  for (const f of files) {
    const expected = fs.readFileSync(path.join(goldenDir, `${f}.tokens`), "utf8");
    const got = tokensDump(new Uint8Array(fs.readFileSync(path.join(corpusDir, f))), f);
    if (got !== expected) failed.push(f);
  }
  assert.deepEqual(failed, []);
});

test("parser view of the corpus: tokenizer errors as compile() raises them", () => {
  for (const f of files) {
    const got = parserModeResult(new Uint8Array(fs.readFileSync(path.join(corpusDir, f))), f);
    const expected = parserErrors[f];
    // Files missing from the golden file fail in the parser, after a clean token stream.
    assert.equal(got, expected ?? "OK", f);
  }
});
