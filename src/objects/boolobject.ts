// CPython: Objects/boolobject.c
import { type PyObject, PyBool_Type, PyLong_Type, Py_NotImplemented } from "./object.js";
import { PyObject_IsTrue } from "./abstract.js";
import { checkPositional } from "../python/getargs.js";
import { typeError } from "../python/errors.js";
import { long_and, long_or, long_xor, asInt, type PyInt } from "./longobject.js";

const T = PyBool_Type;
T.tp_repr = (v) => (v ? "True" : "False");
T.tp_new = (_type, args, start, nargs, kwnames) => {
  if (kwnames !== null && kwnames.items.length) throw typeError("bool() takes no keyword arguments");
  checkPositional("bool", nargs, 0, 1);
  return nargs === 0 ? false : PyObject_IsTrue(args[start]);
};
T.tp_init = null;
function boolOp(v: PyObject, w: PyObject, f: (a: PyInt, b: PyInt) => PyInt, fb: (a: boolean, b: boolean) => boolean): PyObject {
  if (typeof v === "boolean" && typeof w === "boolean") return fb(v, w);
  const a = asInt(v);
  const b = asInt(w);
  if (a === null || b === null) return Py_NotImplemented;
  return f(a, b);
}
T.nb_and = (v, w) => boolOp(v, w, long_and, (a, b) => a && b);
T.nb_or = (v, w) => boolOp(v, w, long_or, (a, b) => a || b);
T.nb_xor = (v, w) => boolOp(v, w, long_xor, (a, b) => a !== b);
