// The keyword-typo search behind "invalid syntax. Did you mean 'while'?": its two candidate
// finders give what CPython 3.14 gives (_suggestions._generate_suggestions(keyword.kwlist, w) and
// difflib.get_close_matches(w, keyword.kwlist, n=3, cutoff=0.5), values taken from CPython).
import { test } from "node:test";
import assert from "node:assert/strict";
import { calculateSuggestions } from "../../src/python/suggestions.js";
import { getCloseMatches } from "../../src/python/syntax_suggestions.js";

const KWLIST = [
  "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
  "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in",
  "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
];

const EXPECTED: [string, string | null, string[]][] = [
  ["pritn", null, ["in", "return"]],
  ["whille", "while", ["while"]],
  ["x", null, []],
  ["improt", "import", ["import"]],
  ["deff", "def", ["def", "del", "elif"]],
  ["Nonee", "None", ["None"]],
  ["iff", "if", ["if", "elif"]],
  ["a", "as", ["as", "and"]],
  ["lamda", "lambda", ["lambda", "and"]],
  ["clas", "class", ["class", "as", "pass"]],
  ["tru", "try", ["try", "True"]],
  ["Fals", "False", ["False", "as", "pass"]],
  ["asyn", "async", ["async", "as", "and"]],
  ["wile", "while", ["while", "with"]],
  ["esle", null, ["else", "del", "elif"]],
];

test("suggestions and close matches for misspelt keywords equal CPython's", () => {
  for (const [word, suggestion, close] of EXPECTED) {
    assert.equal(calculateSuggestions(KWLIST, word), suggestion, word);
    assert.deepEqual(getCloseMatches(word, KWLIST, 3, 0.5), close, word);
  }
});
