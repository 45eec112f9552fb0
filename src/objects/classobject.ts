// CPython: Objects/classobject.c (bound methods)
import { PyObjectBase, type PyObject, newStaticType, PyBaseObject_Type, Py_TYPE, Py_NotImplemented } from "./object.js";
import { PyObject_Vectorcall, PyObject_Repr, PyObject_GetAttr, PyObject_GetOptionalAttr, PyObject_Hash } from "./abstract.js";
import { long_xor } from "./longobject.js";
import { _PyType_Lookup } from "./typeobject.js";

/** A function bound to an instance (CPython: PyMethodObject). */
export class PyMethod extends PyObjectBase {
  constructor(
    public readonly func: PyObject,
    public readonly self: PyObject,
  ) {
    super();
  }
}
export const PyMethod_Type = newStaticType("method", PyBaseObject_Type, 0);
PyMethod.prototype.ob_type = PyMethod_Type;

export function PyMethod_New(func: PyObject, self: PyObject): PyMethod {
  return new PyMethod(func, self);
}

PyMethod_Type.tp_call = (callable, args, start, nargs, kwnames) => {
  const m = callable as PyMethod;
  const nkw = kwnames === null ? 0 : kwnames.items.length;
  const stack = new Array<PyObject>(nargs + nkw + 1);
  stack[0] = m.self;
  for (let i = 0; i < nargs + nkw; i++) stack[i + 1] = args[start + i];
  return PyObject_Vectorcall(m.func, stack, 0, nargs + 1, kwnames);
};
PyMethod_Type.tp_repr = (v) => {
  const m = v as PyMethod;
  const name = PyObject_GetOptionalAttr(m.func, "__qualname__") ?? PyObject_GetOptionalAttr(m.func, "__name__") ?? "?";
  return `<bound method ${typeof name === "string" ? name : "?"} of ${PyObject_Repr(m.self)}>`;
};
PyMethod_Type.tp_getattro = (v, name) => {
  const m = v as PyMethod;
  switch (name) {
    case "__func__":
      return m.func;
    case "__self__":
      return m.self;
    case "__class__":
      return Py_TYPE(v);
    case "__doc__":
      return PyObject_GetAttr(m.func, name);
  }
  // CPython: method_getattro — the method type's own attributes (__reduce__, ...) come first
  const tp = Py_TYPE(v);
  const descr = _PyType_Lookup(tp, name);
  if (descr !== null) {
    const f = Py_TYPE(descr).tp_descr_get;
    return f !== null ? f(descr, v, tp) : descr;
  }
  return PyObject_GetAttr(m.func, name);
};
PyMethod_Type.tp_richcompare = (v, w, op) => {
  if ((op !== 2 && op !== 3) || !(w instanceof PyMethod)) return Py_NotImplemented;
  const a = v as PyMethod;
  const eq = a.func === w.func && a.self === w.self;
  return op === 2 ? eq : !eq;
};
PyMethod_Type.tp_hash = (v) => long_xor(PyObject_Hash((v as PyMethod).func), 0x5bd1e995);
PyMethod_Type.tp_descr_get = (descr) => descr;
