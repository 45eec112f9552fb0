// CPython: Objects/weakrefobject.c (weakref.ref, weakref.proxy) on top of JS WeakRef. Referents are
// collected by the JS garbage collector, so a dead reference is noticed later than under CPython's
// reference counting, and callbacks are not called.
import {
  PyObjectBase, type PyObject, newStaticType, PyBaseObject_Type, Py_None, Py_NotImplemented, Py_TYPE,
  Py_EQ, Py_NE, Py_TPFLAGS_BASETYPE,
} from "./object.js";
import { PyObject_Hash, PyObject_RichCompare, PyObject_Repr, PyObject_GetAttr, PyObject_SetAttr, PyObject_GetOptionalAttr, PyObject_Vectorcall } from "./abstract.js";
import { typeError } from "../python/errors.js";
import { addressOf } from "./methodobject.js";
import { newException, PyExc_ReferenceError } from "./exceptions.js";

/** Objects that cannot be weakly referenced: the JS primitives and the built-in immutable containers. */
function checkReferable(o: PyObject): PyObjectBase {
  const t = Py_TYPE(o);
  if (typeof o !== "object" || ["tuple", "int", "str", "bytes", "NoneType", "bool", "list", "dict"].includes(t.tp_name)) {
    throw typeError(`cannot create weak reference to '${t.tp_name}' object`);
  }
  return o;
}

export class PyWeakRef extends PyObjectBase {
  readonly ref: WeakRef<PyObjectBase>;
  hash: number | bigint | null = null;
  constructor(
    referent: PyObjectBase,
    public readonly callback: PyObject,
  ) {
    super();
    this.ref = new WeakRef(referent);
  }
  get(): PyObject {
    return this.ref.deref() ?? Py_None;
  }
}
export const PyWeakRef_Type = newStaticType("weakref.ReferenceType", PyBaseObject_Type, Py_TPFLAGS_BASETYPE);
PyWeakRef.prototype.ob_type = PyWeakRef_Type;

PyWeakRef_Type.tp_new = (type, args, start, nargs) => {
  if (nargs < 1 || nargs > 2) throw typeError(`__new__ expected at most 2 arguments, got ${nargs}`);
  const r = new PyWeakRef(checkReferable(args[start]), nargs > 1 ? args[start + 1] : Py_None);
  if (type !== PyWeakRef_Type) r.ob_type = type;
  return r;
};
PyWeakRef_Type.tp_init = () => {};
PyWeakRef_Type.tp_call = (self, _args, _start, nargs) => {
  if (nargs !== 0) throw typeError(`weakref() takes no arguments (${nargs} given)`);
  return (self as PyWeakRef).get();
};
PyWeakRef_Type.tp_hash = (self) => {
  const r = self as PyWeakRef;
  if (r.hash === null) {
    const o = r.get();
    if (o === Py_None) throw typeError("weak object has gone away");
    r.hash = PyObject_Hash(o);
  }
  return r.hash;
};
PyWeakRef_Type.tp_richcompare = (v, w, op) => {
  if (!(w instanceof PyWeakRef) || (op !== Py_EQ && op !== Py_NE)) return Py_NotImplemented;
  const a = (v as PyWeakRef).get();
  const b = w.get();
  if (a === Py_None || b === Py_None) return op === Py_EQ ? v === w : v !== w;
  return PyObject_RichCompare(a, b, op);
};
PyWeakRef_Type.tp_repr = (self) => {
  const o = (self as PyWeakRef).get();
  if (o === Py_None) return `<weakref at ${addressOf(self)}; dead>`;
  const name = PyObject_GetOptionalAttr(o, "__name__");
  return `<weakref at ${addressOf(self)}; to '${Py_TYPE(o).tp_name}' at ${addressOf(o)}${typeof name === "string" ? ` (${name})` : ""}>`;
};
PyWeakRef_Type.tp_getset = [{ name: "__callback__", get: (v) => (v as PyWeakRef).callback }];
PyWeakRef_Type.tp_methods = [
  {
    name: "__class_getitem__",
    kind: "o",
    binding: "class",
    fn: ((cls: PyObject) => cls) as never,
  },
];

/** weakref.proxy: forwards attribute access and calls to the referent. */
export class PyWeakProxy extends PyObjectBase {
  readonly ref: WeakRef<PyObjectBase>;
  constructor(referent: PyObjectBase) {
    super();
    this.ref = new WeakRef(referent);
  }
  target(): PyObject {
    const o = this.ref.deref();
    if (o === undefined) throw newException(PyExc_ReferenceError, ["weakly-referenced object no longer exists"]);
    return o;
  }
}
export const PyWeakProxy_Type = newStaticType("weakref.ProxyType", PyBaseObject_Type, 0);
PyWeakProxy.prototype.ob_type = PyWeakProxy_Type;
PyWeakProxy_Type.tp_getattro = (v, name) => PyObject_GetAttr((v as PyWeakProxy).target(), name);
PyWeakProxy_Type.tp_setattro = (v, name, value) => {
  if (value === null) throw typeError("cannot delete through a proxy");
  PyObject_SetAttr((v as PyWeakProxy).target(), name, value);
};
PyWeakProxy_Type.tp_call = (v, args, start, nargs, kw) => PyObject_Vectorcall((v as PyWeakProxy).target(), args, start, nargs, kw);
PyWeakProxy_Type.tp_repr = (v) => `<weakproxy at ${addressOf(v)}; to '${Py_TYPE((v as PyWeakProxy).target()).tp_name}' at ${addressOf((v as PyWeakProxy).target())}>`;
PyWeakProxy_Type.tp_str = (v) => PyObject_Repr((v as PyWeakProxy).target());

export function newProxy(o: PyObject): PyWeakProxy {
  return new PyWeakProxy(checkReferable(o));
}
