import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { generate } from "../../tools/asdl/index.js";
import { parseAsdl, type Field } from "../../tools/asdl/asdl.js";
import { Add, BinOp, Constant, Kind, kindNames, Load, Name, arguments_, type expr } from "../../src/ast/ast.generated.js";
import { Py_None } from "../../src/objects/object.js";

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

test("ast.generated.ts is up to date with Parser/Python.asdl", () => {
  for (const f of generate()) {
    assert.equal(readFileSync(join(repoRoot, f.path), "utf8"), f.text, `${f.path} is stale: run npm run regen`);
  }
});

test("nodes carry kinds, Python field names and attributes", () => {
  const x = new Name("x", Load, 1, 0, 1, 1);
  const e: expr = new BinOp(x, Add, new Constant(Py_None, null, 1, 4, 1, 8), 1, 0, 1, 8);
  assert.equal(kindNames[e._kind], "BinOp");
  switch (e._kind) {
    case Kind.BinOp:
      assert.equal(e.op, Add);
      assert.equal(e.left, x);
      break;
    default:
      assert.fail("wrong kind");
  }
  assert.deepEqual(BinOp._fields, ["left", "op", "right"]);
  assert.deepEqual(BinOp._attributes, ["lineno", "col_offset", "end_lineno", "end_col_offset"]);
  assert.equal(e.end_col_offset, 8);
  assert.equal(Add.constructor.name, "Add");
  assert.equal(kindNames[Kind.arguments], "arguments");
  assert.deepEqual(arguments_._attributes, []);
});

test("ASDL parser reports errors", () => {
  assert.throws(() => parseAsdl("module M { a = B(c d) }"), /undefined type c/);
  assert.throws(() => parseAsdl("module M { a = B(int d }"), /expected/);
});

test("Parser/Python.asdl declares CPython 3.14's nodes, fields, attributes and optional fields", () => {
  const mod = parseAsdl(readFileSync(join(repoRoot, "Parser/Python.asdl"), "utf8"));
  const names = (fs: { name: string }[]): string => fs.map((f) => f.name).join(",");
  const opt = (fs: { name: string; opt: boolean }[]): string => names(fs.filter((f) => f.opt));
  const line = (n: string, fields: Field[], attrs: Field[]): string =>
    `${n} fields=${names(fields)} attributes=${names(attrs)} optional=${opt([...fields, ...attrs])}`;
  const ours: string[] = [];
  for (const d of mod.definitions) {
    if (d.kind === "product") {
      ours.push(line(d.name, d.fields, d.attributes));
    } else {
      ours.push(line(d.name, [], d.attributes));
      for (const c of d.constructors) ours.push(line(c.name, c.fields, d.attributes));
    }
  }
  const cpython = readFileSync(join(repoRoot, "test/golden/ast/nodes.txt"), "utf8").trimEnd().split("\n");
  assert.deepEqual(ours.sort(), cpython.sort());
});
