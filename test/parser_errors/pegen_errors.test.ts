// Unit tests of src/parser/pegen_errors.ts that the golden dumps cannot show: the exception's
// class (dump.py prints IndentationError and TabError as "SyntaxError:"), incomplete input
// (codeop's flag), and CPython's byte-to-character offset conversion.
import { test } from "node:test";
import assert from "node:assert/strict";
import { PySyntaxError } from "../../src/objects/exceptions.js";
import { newParser, parserASTFromString, runParser } from "../../src/parser/peg_api.js";
import { PyPARSE_ALLOW_INCOMPLETE_INPUT } from "../../src/parser/pegen.js";
import { byteOffsetToCharacterOffset } from "../../src/parser/pegen_errors.js";

function errorOf(f: () => unknown): PySyntaxError {
  try {
    f();
  } catch (e) {
    if (e instanceof PySyntaxError) return e;
    throw e;
  }
  throw new Error("no SyntaxError");
}

function location(e: PySyntaxError): unknown[] {
  return [e.typeName, e.msg, e.lineno, e.offset, e.endLineno, e.endOffset];
}

test("byte offsets become 1-based character offsets as CPython counts them", () => {
  assert.equal(byteOffsetToCharacterOffset("abc", 0), 0);
  assert.equal(byteOffsetToCharacterOffset("abc", 2), 2);
  assert.equal(byteOffsetToCharacterOffset("abc", 3), 3);
  assert.equal(byteOffsetToCharacterOffset("abc", 4), 4); // past the end: the terminating NUL counts
  assert.equal(byteOffsetToCharacterOffset("abc", 9), 4);
  assert.equal(byteOffsetToCharacterOffset("é=", 1), 1); // half a character counts as one
  assert.equal(byteOffsetToCharacterOffset("é=", 2), 1);
  assert.equal(byteOffsetToCharacterOffset("é=", 3), 2);
  assert.equal(byteOffsetToCharacterOffset("😀x", 2), 1); // a code point, not two UTF-16 units
  assert.equal(byteOffsetToCharacterOffset("😀x", 4), 1);
  assert.equal(byteOffsetToCharacterOffset("😀x", 5), 2);
});

test("indentation errors keep their class", () => {
  assert.deepEqual(location(errorOf(() => parserASTFromString("if x:\npass\n", "t.py", "exec"))),
    ["IndentationError", "expected an indented block after 'if' statement on line 1", 2, 1, 2, 5]);
  assert.deepEqual(location(errorOf(() => parserASTFromString("x = 1\n    y = 2\n", "t.py", "exec"))),
    ["IndentationError", "unexpected indent", 2, 4, 2, -1]);
  assert.deepEqual(location(errorOf(() => parserASTFromString("x = = 1\n", "t.py", "exec"))),
    ["SyntaxError", "invalid syntax", 1, 5, 1, 6]);
});

test("incomplete input with PyPARSE_ALLOW_INCOMPLETE_INPUT", () => {
  const run = (src: string) => {
    const p = newParser(src, "<s>", "exec");
    p.flags |= PyPARSE_ALLOW_INCOMPLETE_INPUT;
    return runParser(p);
  };
  assert.deepEqual(location(errorOf(() => run("if x:\n"))), ["_IncompleteInputError", "incomplete input", 1, 6, 1, -1]);
  assert.deepEqual(location(errorOf(() => run("x = (1,\n"))), ["_IncompleteInputError", "incomplete input", 1, 8, 1, -1]);
  assert.deepEqual(location(errorOf(() => run("x = = 1\n"))), ["SyntaxError", "invalid syntax", 1, 5, 1, 6]);
  assert.deepEqual(location(errorOf(() => run("def f():\n    return (1 +)\n"))), ["SyntaxError", "invalid syntax", 2, 16, 2, 17]);
});
