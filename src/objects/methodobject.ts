// CPython: Objects/methodobject.c (builtin_function_or_method)
import {
  PyObjectBase, type PyObject, type PyTypeObject, type PyMethodDef, newStaticType, PyBaseObject_Type, Py_None,
  Py_TYPE,
} from "./object.js";
import type { PyTuple } from "./tupleobject.js";
import { typeError } from "../python/errors.js";
import { PyObject_Repr } from "./abstract.js";
import { Py_NotImplemented } from "./object.js";

export type FastFunc = (self: PyObject, args: readonly PyObject[], start: number, nargs: number, kwnames: PyTuple | null) => PyObject;

/** A built-in function, or a built-in method bound to `self` (CPython: PyCFunctionObject). */
export class PyCFunction extends PyObjectBase {
  constructor(
    public readonly def: PyMethodDef,
    /** The bound object (the module for module-level functions, null for none). */
    public readonly self: PyObject | null,
    /** __module__ for module-level functions. */
    public readonly module: PyObject = Py_None,
    /** The type owning a bound method, for the qualified name in messages (e.g. "list.append"). */
    public readonly owner: PyTypeObject | null = null,
  ) {
    super();
  }
}
export const PyCFunction_Type = newStaticType("builtin_function_or_method", PyBaseObject_Type, 0);
PyCFunction.prototype.ob_type = PyCFunction_Type;

/** A module-level built-in function from a fast-call implementation. */
export function newBuiltinFunction(name: string, fn: FastFunc, module: PyObject = "builtins", doc?: string): PyCFunction {
  return new PyCFunction({ name, kind: "fast", fn: fn as PyMethodDef["fn"], doc }, null, module);
}

/** Calls a PyMethodDef with `self` (CPython: the METH_* calling conventions and their messages). */
export function callMethodDef(
  def: PyMethodDef,
  qualname: string,
  self: PyObject,
  args: readonly PyObject[],
  start: number,
  nargs: number,
  kwnames: PyTuple | null,
): PyObject {
  switch (def.kind) {
    case "fast":
      return (def.fn as unknown as FastFunc)(self, args, start, nargs, kwnames);
    case "noargs":
      if (kwnames !== null && kwnames.items.length) throw typeError(`${qualname}() takes no keyword arguments`);
      if (nargs !== 0) throw typeError(`${qualname}() takes no arguments (${nargs} given)`);
      return (def.fn as (s: PyObject) => PyObject)(self);
    case "o":
      if (kwnames !== null && kwnames.items.length) throw typeError(`${qualname}() takes no keyword arguments`);
      if (nargs !== 1) throw typeError(`${qualname}() takes exactly one argument (${nargs} given)`);
      return (def.fn as (s: PyObject, a: PyObject) => PyObject)(self, args[start]);
  }
}

/** A type's name without its module (CPython: _PyType_Name). */
export function shortTypeName(t: PyTypeObject): string {
  return t.tp_name.slice(t.tp_name.lastIndexOf(".") + 1);
}

function cfunctionQualname(f: PyCFunction): string {
  if (f.owner !== null) return shortTypeName(f.owner) + "." + f.def.name;
  return f.def.name;
}

PyCFunction_Type.tp_call = (callable, args, start, nargs, kwnames) => {
  const f = callable as PyCFunction;
  return callMethodDef(f.def, cfunctionQualname(f), f.self ?? Py_None, args, start, nargs, kwnames);
};
PyCFunction_Type.tp_repr = (v) => {
  const f = v as PyCFunction;
  if (f.self === null || (f.self !== Py_None && Py_TYPE(f.self).tp_name === "module")) {
    return `<built-in function ${f.def.name}>`;
  }
  return `<built-in method ${f.def.name} of ${Py_TYPE(f.self).tp_name} object at ${addressOf(f.self)}>`;
};
PyCFunction_Type.tp_getset = [
  { name: "__name__", get: (v) => (v as PyCFunction).def.name },
  { name: "__qualname__", get: (v) => cfunctionQualname(v as PyCFunction) },
  { name: "__self__", get: (v) => (v as PyCFunction).self ?? Py_None },
  { name: "__module__", get: (v) => (v as PyCFunction).module },
  { name: "__doc__", get: (v) => (v as PyCFunction).def.doc ?? Py_None },
  { name: "__text_signature__", get: () => Py_None },
];
PyCFunction_Type.tp_hash = (v) => idOf(v);
PyCFunction_Type.tp_richcompare = (v, w, op) => {
  if (op !== 2 && op !== 3) return Py_NotImplemented;
  const eq = w instanceof PyCFunction && (v as PyCFunction).def === w.def && (v as PyCFunction).self === w.self;
  return op === 2 ? eq : !eq;
};


// --- identities ------------------------------------------------------------------------------------

const ids = new WeakMap<object, number>();
let nextId = 0x7f0000001000;

/** id(o): a stable number per object (CPython: the address). */
export function idOf(o: PyObject): number {
  if (typeof o !== "object") {
    // primitives have value identity; derive a stable id from the value
    const s = typeof o + ":" + String(o);
    let h = 0;
    for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
    return 0x7e0000000000 + (h >>> 0) * 16;
  }
  let id = ids.get(o);
  if (id === undefined) {
    id = nextId;
    nextId += 16;
    ids.set(o, id);
  }
  return id;
}

/** The "0x..." address CPython shows in default reprs. */
export function addressOf(o: PyObject): string {
  return "0x" + idOf(o).toString(16).padStart(12, "0");
}
