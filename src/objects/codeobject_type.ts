// CPython: Objects/codeobject.c — the `code` type as Python code sees it: the co_* attributes,
// equality and hash by content (code_richcompare, code_hash), repr, replace() is not here yet.
import { type PyObject, Py_None, Py_NotImplemented, Py_EQ, Py_NE, newStaticType, PyBaseObject_Type } from "./object.js";
import { PyCodeObject } from "./codeobject.js";
import { PyTuple } from "./tupleobject.js";
import { PyBytes } from "./bytesobject.js";
import { PyObject_Hash, PyObject_RichCompareBool } from "./abstract.js";
import { addressOf } from "./methodobject.js";

export const PyCode_Type = newStaticType("code", PyBaseObject_Type, 0);
PyCodeObject.prototype.ob_type = PyCode_Type;

function co(v: PyObject): PyCodeObject {
  return v as PyCodeObject;
}

PyCode_Type.tp_getset = [
  { name: "co_argcount", get: (v) => co(v).co_argcount },
  { name: "co_posonlyargcount", get: (v) => co(v).co_posonlyargcount },
  { name: "co_kwonlyargcount", get: (v) => co(v).co_kwonlyargcount },
  { name: "co_stacksize", get: (v) => co(v).co_stacksize },
  { name: "co_flags", get: (v) => co(v).co_flags },
  { name: "co_nlocals", get: (v) => co(v).co_nlocals },
  { name: "co_firstlineno", get: (v) => co(v).co_firstlineno },
  { name: "co_code", get: (v) => new PyBytes(co(v).co_code) },
  { name: "co_consts", get: (v) => new PyTuple(co(v).co_consts.slice()) },
  { name: "co_names", get: (v) => new PyTuple(co(v).co_names.slice()) },
  { name: "co_varnames", get: (v) => new PyTuple(co(v).co_varnames) },
  { name: "co_cellvars", get: (v) => new PyTuple(co(v).co_cellvars) },
  { name: "co_freevars", get: (v) => new PyTuple(co(v).co_freevars) },
  { name: "co_filename", get: (v) => co(v).co_filename },
  { name: "co_name", get: (v) => co(v).co_name },
  { name: "co_qualname", get: (v) => co(v).co_qualname },
  { name: "co_linetable", get: (v) => new PyBytes(co(v).co_linetable) },
  { name: "co_exceptiontable", get: (v) => new PyBytes(co(v).co_exceptiontable) },
  { name: "_co_localsplusnames", get: (v) => new PyTuple(co(v).co_localsplusnames.slice()) },
  { name: "_co_localspluskinds", get: (v) => new PyBytes(co(v).co_localspluskinds) },
];

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function arraysEqual(a: readonly PyObject[], b: readonly PyObject[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!PyObject_RichCompareBool(a[i], b[i], Py_EQ)) return false;
  return true;
}

/** code_richcompare: equal when every field is. */
function codeEqual(a: PyCodeObject, b: PyCodeObject): boolean {
  return (
    a === b ||
    (a.co_name === b.co_name && a.co_qualname === b.co_qualname && a.co_argcount === b.co_argcount &&
      a.co_posonlyargcount === b.co_posonlyargcount && a.co_kwonlyargcount === b.co_kwonlyargcount &&
      a.co_flags === b.co_flags && a.co_firstlineno === b.co_firstlineno && bytesEqual(a.co_code, b.co_code) &&
      arraysEqual(a.co_consts, b.co_consts) && arraysEqual(a.co_names, b.co_names) &&
      arraysEqual(a.co_localsplusnames, b.co_localsplusnames) && bytesEqual(a.co_localspluskinds, b.co_localspluskinds) &&
      bytesEqual(a.co_linetable, b.co_linetable) && bytesEqual(a.co_exceptiontable, b.co_exceptiontable))
  );
}

PyCode_Type.tp_richcompare = (v, w, op) => {
  if (!(w instanceof PyCodeObject) || (op !== Py_EQ && op !== Py_NE)) return Py_NotImplemented;
  const eq = codeEqual(co(v), w);
  return op === Py_EQ ? eq : !eq;
};
PyCode_Type.tp_hash = (v) => {
  const c = co(v);
  return PyObject_Hash(new PyTuple([c.co_name, c.co_qualname, c.co_argcount, c.co_flags, c.co_firstlineno, new PyBytes(c.co_code)]));
};
PyCode_Type.tp_repr = (v) => {
  const c = co(v);
  return `<code object ${c.co_name} at ${addressOf(c)}, file "${c.co_filename}", line ${c.co_firstlineno}>`;
};
void Py_None;
