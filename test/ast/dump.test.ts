import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as A from "../../src/ast/ast.generated.js";
import { constantRepr, dump } from "../../src/ast/dump.js";
import { Py_Ellipsis, Py_None } from "../../src/objects/object.js";
import { PyFloat } from "../../src/objects/floatobject.js";
import { PyComplex } from "../../src/objects/complexobject.js";
import { PyBytes } from "../../src/objects/bytesobject.js";
import { moduleFromJson } from "../symtable/ast_json.js";

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const golden = readFileSync(join(repoRoot, "test/golden/ast/dump_options.txt"), "utf8").split("====\n");

/** The tree of test/golden/ast/make.sh's source, built by hand. */
function handBuilt(): A.mod {
  const f = new A.FunctionDef(
    "f",
    new A.arguments_(
      [],
      [new A.arg("a", null, null, 1, 6, 1, 7)],
      null,
      [new A.arg("k", null, null, 1, 12, 1, 13)],
      [new A.Constant(Py_None, null, 1, 14, 1, 18)],
      new A.arg("kw", null, null, 1, 22, 1, 24),
      [],
    ),
    [
      new A.Return(
        new A.Dict(
          [null, new A.Constant(1, null, 2, 17, 2, 18)],
          [new A.Name("d", A.Load, 2, 14, 2, 15), new A.Constant(new PyFloat(2.5e20), null, 2, 20, 2, 26)],
          2, 11, 2, 27,
        ),
        2, 4, 2, 27,
      ),
    ],
    [], null, null, [],
    1, 0, 2, 27,
  );
  const x = new A.Assign(
    [new A.Name("x", A.Store, 3, 0, 3, 1)],
    new A.BinOp(
      new A.BinOp(
        new A.Constant(new PyBytes(new Uint8Array([0])), null, 3, 4, 3, 11),
        A.Add,
        new A.Constant("it's", null, 3, 14, 3, 20),
        3, 4, 3, 20,
      ),
      A.Sub,
      new A.Constant(new PyComplex(0, 3), null, 3, 23, 3, 25),
      3, 4, 3, 25,
    ),
    null,
    3, 0, 3, 25,
  );
  const call = new A.Expr(
    new A.Call(
      new A.Name("f", A.Load, 4, 0, 4, 1),
      [],
      [new A.keyword(null, new A.Dict([], [], 4, 4, 4, 6), 4, 2, 4, 6)],
      4, 0, 4, 7,
    ),
    4, 0, 4, 7,
  );
  return new A.Module([f, x, call], []);
}

test("dump with attributes, indent=1", () => {
  assert.equal(dump(handBuilt(), { includeAttributes: true, indent: 1 }) + "\n", golden[0]);
});

test("dump with Python's defaults", () => {
  assert.equal(dump(handBuilt()) + "\n", golden[1]);
});

test("dump without field names", () => {
  assert.equal(dump(handBuilt(), { annotateFields: false }) + "\n", golden[2]);
});

test("dump with show_empty and a string indent", () => {
  assert.equal(dump(handBuilt(), { annotateFields: false, showEmpty: true, indent: "--" }) + "\n", golden[3]);
});

test("constant reprs", () => {
  assert.equal(constantRepr(Py_Ellipsis), "Ellipsis");
  assert.equal(constantRepr(true), "True");
  assert.equal(constantRepr(12345678901234567890n), "12345678901234567890");
  assert.equal(constantRepr(new PyFloat(1e16)), "1e+16");
  assert.equal(constantRepr(new PyFloat(0.0001)), "0.0001");
  assert.equal(constantRepr("a\n'\""), "'a\\n\\'\"'");
});

test("dump of CPython's trees of the symtable golden programs", () => {
  const dir = join(repoRoot, "test/golden/symtable/cases");
  let n = 0;
  for (const f of readdirSync(dir).filter((x) => x.endsWith(".ast.json"))) {
    const m = moduleFromJson(readFileSync(join(dir, f), "utf8"));
    if (typeof m === "string") continue;
    const expected = readFileSync(join(dir, f.replace(".ast.json", ".dump.txt")), "utf8");
    assert.equal(dump(m) + "\n", expected, f);
    n++;
  }
  assert.ok(n > 40);
});
