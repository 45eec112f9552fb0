// CPython: Objects/namespaceobject.c (types.SimpleNamespace)
import { PyObjectBase, type PyObject, newStaticType, PyBaseObject_Type, Py_NotImplemented, Py_TYPE, Py_EQ, Py_NE, Py_TPFLAGS_BASETYPE } from "./object.js";
import { PyDict, dict_update_arg } from "./dictobject.js";
import { PyObject_Repr, PyObject_RichCompareBool } from "./abstract.js";
import { PyObject_GenericGetAttr, PyObject_GenericSetAttr } from "./typeobject.js";
import { reprEnter, reprLeave } from "./reprguard.js";
import { typeError } from "../python/errors.js";

export class PyNamespace extends PyObjectBase {
  dict = new PyDict();
}
export const PyNamespace_Type = newStaticType("types.SimpleNamespace", PyBaseObject_Type, Py_TPFLAGS_BASETYPE);
PyNamespace.prototype.ob_type = PyNamespace_Type;
PyNamespace_Type.tp_dictoffset = 1;

/** A SimpleNamespace with the given attributes. */
export function newNamespace(attrs: Record<string, PyObject>): PyNamespace {
  const ns = new PyNamespace();
  for (const [k, v] of Object.entries(attrs)) ns.dict.setStr(k, v);
  return ns;
}

PyNamespace_Type.tp_new = (type) => {
  const ns = new PyNamespace();
  if (type !== PyNamespace_Type) ns.ob_type = type;
  return ns;
};
PyNamespace_Type.tp_init = (self, args, start, nargs, kwnames) => {
  if (nargs > 1) throw typeError(`SimpleNamespace expected at most 1 positional argument, got ${nargs}`);
  const ns = self as PyNamespace;
  if (nargs === 1) dict_update_arg(ns.dict, args[start]);
  if (kwnames !== null) kwnames.items.forEach((k, i) => ns.dict.setItem(k, args[start + nargs + i]));
};
PyNamespace_Type.tp_getattro = PyObject_GenericGetAttr;
PyNamespace_Type.tp_setattro = PyObject_GenericSetAttr;
PyNamespace_Type.tp_repr = (v) => {
  const ns = v as PyNamespace;
  const name = Py_TYPE(v) === PyNamespace_Type ? "namespace" : Py_TYPE(v).tp_name;
  if (!reprEnter(ns)) return `${name}(...)`;
  try {
    const parts: string[] = [];
    for (const [k, x] of ns.dict.entries()) if (typeof k === "string") parts.push(`${k}=${PyObject_Repr(x)}`);
    return `${name}(${parts.join(", ")})`;
  } finally {
    reprLeave(ns);
  }
};
PyNamespace_Type.tp_richcompare = (v, w, op) => {
  if (!(w instanceof PyNamespace) || (op !== Py_EQ && op !== Py_NE)) return Py_NotImplemented;
  const eq = PyObject_RichCompareBool((v as PyNamespace).dict, w.dict, Py_EQ);
  return op === Py_EQ ? eq : !eq;
};
PyNamespace_Type.tp_getset = [{ name: "__dict__", get: (v) => (v as PyNamespace).dict }];
