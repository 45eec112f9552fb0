// The math module against CPython 3.14 (golden data from test/golden/objects/make_math_golden.py).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import "../../src/python/bltinmodule.js";
import { initMath } from "../../src/modules/mathmodule.js";
import * as A from "../../src/objects/abstract.js";
import { type PyObject, Py_TYPE } from "../../src/objects/object.js";
import { PyFloat } from "../../src/objects/floatobject.js";
import { PyList } from "../../src/objects/listobject.js";
import { PyBaseException } from "../../src/objects/exceptions.js";

const golden: Record<string, string> = JSON.parse(
  readFileSync(fileURLToPath(new URL("../../../test/golden/objects/math.json", import.meta.url)), "utf8"),
);
const math = initMath();
const f = (x: number): PyFloat => new PyFloat(x);
const m = (name: string, ...a: PyObject[]): PyObject => A.PyObject_CallMethod(math, name, ...a);

const cases: Record<string, () => PyObject> = {
  "math.sqrt(2)": () => m("sqrt", 2),
  "math.sqrt(-1)": () => m("sqrt", -1),
  "math.floor(-2.5)": () => m("floor", f(-2.5)),
  "math.ceil(2.1)": () => m("ceil", f(2.1)),
  "math.factorial(25)": () => m("factorial", 25),
  "math.comb(50, 25)": () => m("comb", 50, 25),
  "math.gcd(2**70, 6**20)": () => m("gcd", 2n ** 70n, 6n ** 20n),
  "math.isqrt(10**30)": () => m("isqrt", 10n ** 30n),
  "math.log(100, 10)": () => m("log", 100, 10),
  "math.log(0)": () => m("log", 0),
  "math.acos(2)": () => m("acos", 2),
  "math.exp(1000)": () => m("exp", 1000),
  "math.fsum([0.1] * 10)": () => m("fsum", new PyList(Array(10).fill(f(0.1)))),
  "math.hypot(3, 4, 12)": () => m("hypot", 3, 4, 12),
  "math.frexp(1e-300)": () => m("frexp", f(1e-300)),
  "math.modf(-2.5)": () => m("modf", f(-2.5)),
  "math.pow(2, 0.5)": () => m("pow", 2, f(0.5)),
  "math.atan2(-1, -1)": () => m("atan2", -1, -1),
  "math.trunc(-7.9)": () => m("trunc", f(-7.9)),
  "math.nextafter(1.0, 2.0)": () => m("nextafter", f(1), f(2)),
  "math.ulp(1.0)": () => m("ulp", f(1)),
  "math.prod([2, 3, 7])": () => m("prod", new PyList([2, 3, 7])),
};

function run(thunk: () => PyObject): string {
  try {
    return A.PyObject_Repr(thunk());
  } catch (e) {
    if (e instanceof PyBaseException) return `${Py_TYPE(e).tp_name}: ${A.PyObject_Str(e)}`;
    throw e;
  }
}

for (const [expr, thunk] of Object.entries(cases)) {
  test(expr, () => assert.equal(run(thunk), golden[expr]));
}
