// CPython: Objects/interpolationobject.c — string.templatelib.Interpolation, one replacement
// field of a t-string: its value, the expression's text, the conversion and the format spec.
import { type PyObject, PyObjectBase, newStaticType, PyBaseObject_Type, Py_None, Py_TYPE } from "./object.js";
import { PyTuple } from "./tupleobject.js";
import { PyObject_Repr } from "./abstract.js";
import { typeDict } from "./typeobject.js";
import { typeError, valueError, attributeError } from "../python/errors.js";
import { ArgParser } from "../python/getargs.js";

export class PyInterpolation extends PyObjectBase {
  constructor(
    readonly value: PyObject,
    readonly expression: string,
    /** "s", "r", "a" or None. */
    readonly conversion: PyObject,
    readonly format_spec: string,
  ) {
    super();
  }
}
export const PyInterpolation_Type = newStaticType("string.templatelib.Interpolation", PyBaseObject_Type, 0);
PyInterpolation.prototype.ob_type = PyInterpolation_Type;

const newArgs = new ArgParser("Interpolation", ["value", "expression", "conversion", "format_spec"], { required: 1 });

function checkConversion(c: PyObject): PyObject {
  if (c === Py_None) return c;
  if (c === "s" || c === "r" || c === "a") return c;
  if (typeof c !== "string") throw typeError(`Interpolation() argument 'conversion' must be str, not ${Py_TYPE(c).tp_name}`);
  throw valueError("Interpolation() argument 'conversion' must be one of 's', 'a' or 'r'");
}

function strArg(v: PyObject | null, name: string, dflt: string): string {
  if (v === null) return dflt;
  if (typeof v !== "string") throw typeError(`Interpolation() argument '${name}' must be str, not ${Py_TYPE(v).tp_name}`);
  return v;
}

PyInterpolation_Type.tp_new = (_type, args, start, nargs, kwnames) => {
  const [value, expression, conversion, spec] = newArgs.parse(args, start, nargs, kwnames);
  ensureReady();
  const expr = strArg(expression, "expression", "");
  return new PyInterpolation(value as PyObject, expr, checkConversion(conversion ?? Py_None), strArg(spec, "format_spec", ""));
};

/** BUILD_INTERPOLATION: oparg >> 2 is the conversion (0 none, 1 s, 2 r, 3 a) (CPython: _PyInterpolation_Build). */
export function _PyInterpolation_Build(value: PyObject, str: PyObject, conversion: number, formatSpec: PyObject | null): PyInterpolation {
  ensureReady();
  const conv = conversion === 0 ? Py_None : (["", "s", "r", "a"][conversion] as string);
  return new PyInterpolation(value, str as string, conv, formatSpec === null ? "" : (formatSpec as string));
}

const I = (v: PyObject): PyInterpolation => v as PyInterpolation;
// read-only members (CPython: PyMemberDef with Py_READONLY)
const readonly = (): never => {
  throw attributeError("readonly attribute");
};
PyInterpolation_Type.tp_getset = [
  { name: "value", get: (v) => I(v).value, set: readonly },
  { name: "expression", get: (v) => I(v).expression, set: readonly },
  { name: "conversion", get: (v) => I(v).conversion, set: readonly },
  { name: "format_spec", get: (v) => I(v).format_spec, set: readonly },
];
PyInterpolation_Type.tp_doc = "Interpolation object";
PyInterpolation_Type.tp_repr = (v) => {
  const i = I(v);
  return `Interpolation(${PyObject_Repr(i.value)}, ${PyObject_Repr(i.expression)}, ${PyObject_Repr(i.conversion)}, ${PyObject_Repr(i.format_spec)})`;
};
PyInterpolation_Type.tp_methods = [
  {
    name: "__reduce__",
    kind: "noargs",
    fn: ((v: PyObject) => {
      const i = I(v);
      return new PyTuple([Py_TYPE(v), new PyTuple([i.value, i.expression, i.conversion, i.format_spec])]);
    }) as never,
  },
];

// The type is reachable only through its instances, so its namespace is completed when the first is made.
let ready = false;
function ensureReady(): void {
  if (ready) return;
  ready = true;
  typeDict(PyInterpolation_Type).set("__match_args__", new PyTuple(["value", "expression", "conversion", "format_spec"]));
}
