// The Python-visible AST (src/ast/python_ast.ts) over the standard library: each file's tree,
// turned into ast.AST objects (ast2obj) and back (obj2ast), passes CPython's validator and dumps
// exactly as the parser's tree does, attributes included.
import assert from "node:assert/strict";
import fs from "node:fs";
import { test } from "node:test";
import "../../src/objects/init.js";
import { dump } from "../../src/ast/dump.js";
import { parserASTFromString } from "../../src/parser/peg_api.js";
import { PyAST_mod2obj, PyAST_obj2mod } from "../../src/ast/python_ast.js";
import { PyAST_Validate } from "../../src/compiler/ast_validate.js";
import { stdlibFiles, stdlibName } from "../support/reference.js";

const files = stdlibFiles();

test("stdlib trees survive ast2obj and obj2ast and pass validation", { skip: files.length === 0 ? "lib/python3.14 not extracted" : false, timeout: 600_000 }, (t) => {
  const failures: string[] = [];
  for (const f of files) {
    const source = new Uint8Array(fs.readFileSync(f));
    const want = dump(parserASTFromString(source, f, "exec"), { includeAttributes: true });
    try {
      const back = PyAST_obj2mod(PyAST_mod2obj(parserASTFromString(source, f, "exec")), 0);
      PyAST_Validate(back);
      if (dump(back, { includeAttributes: true }) !== want) failures.push(stdlibName(f));
    } catch (e) {
      failures.push(`${stdlibName(f)}: ${String((e as { args?: { items?: unknown[] } }).args?.items?.[0] ?? e)}`);
    }
  }
  t.diagnostic(`${files.length - failures.length} passed, ${failures.length} failed`);
  assert.deepEqual(failures, []);
});
