// CPython: Objects/genericaliasobject.c (types.GenericAlias: list[int]), Objects/descrobject.c (mappingproxy)
import {
  PyObjectBase, type PyObject, PyTypeObject, type PyMethodDef, newStaticType, PyBaseObject_Type, Py_None,
  Py_NotImplemented, Py_Ellipsis, Py_TYPE, Py_EQ, Py_NE, Py_TPFLAGS_BASETYPE,
} from "./object.js";
import { PyTuple } from "./tupleobject.js";
import { PyList } from "./listobject.js";
import { PyDict } from "./dictobject.js";
import {
  PyObject_Repr, PyObject_GetOptionalAttr, PyObject_Vectorcall, PyObject_SetAttr, PyObject_RichCompareBool,
  PyObject_Hash, PyObject_GetAttr, PyObject_GetItem, PyObject_Size, PyObject_GetIter, PySequence_Contains,
  PyObject_CallMethod,
} from "./abstract.js";
import { long_xor } from "./longobject.js";
import { typeError } from "../python/errors.js";
import { PyErr_ExceptionMatches } from "../python/errors.js";
import { PyExc_AttributeError, PyExc_TypeError } from "./exceptions.js";
import { typeDict, PyObject_GenericGetAttr } from "./typeobject.js";
import { setGenericAliasHook } from "./dictobject.js";
import { _Py_union_type_or } from "./unionobject.js";

export class PyGenericAlias extends PyObjectBase {
  constructor(
    public readonly origin: PyObject,
    public readonly args: PyTuple,
  ) {
    super();
  }
}
export const PyGenericAlias_Type = newStaticType("types.GenericAlias", PyBaseObject_Type, Py_TPFLAGS_BASETYPE);
PyGenericAlias.prototype.ob_type = PyGenericAlias_Type;

export function Py_GenericAlias(origin: PyObject, args: PyObject): PyGenericAlias {
  return new PyGenericAlias(origin, args instanceof PyTuple ? args : new PyTuple([args]));
}

/** CPython: _Py_typing_type_repr. */
function typeRepr(p: PyObject): string {
  if (p === Py_Ellipsis) return "...";
  if (p instanceof PyTypeObject) {
    const mod = PyObject_GetOptionalAttr(p, "__module__");
    const qn = PyObject_GetOptionalAttr(p, "__qualname__");
    if (typeof qn === "string") return mod === "builtins" || typeof mod !== "string" ? qn : `${mod}.${qn}`;
  }
  return PyObject_Repr(p);
}

PyGenericAlias_Type.tp_repr = (v) => {
  const g = v as PyGenericAlias;
  const items = g.args.items;
  const args = items.length === 0 ? "()" : items.map((a) => (a instanceof PyList ? "[" + a.items.map(typeRepr).join(", ") + "]" : typeRepr(a))).join(", ");
  return `${typeRepr(g.origin)}[${args}]`;
};
PyGenericAlias_Type.tp_call = (callable, args, start, nargs, kwnames) => {
  const g = callable as PyGenericAlias;
  const obj = PyObject_Vectorcall(g.origin, args, start, nargs, kwnames);
  try {
    PyObject_SetAttr(obj, "__orig_class__", g);
  } catch (e) {
    if (!PyErr_ExceptionMatches(e, PyExc_AttributeError) && !PyErr_ExceptionMatches(e, PyExc_TypeError)) throw e;
  }
  return obj;
};
PyGenericAlias_Type.tp_richcompare = (v, w, op) => {
  if (!(w instanceof PyGenericAlias) || (op !== Py_EQ && op !== Py_NE)) return Py_NotImplemented;
  const g = v as PyGenericAlias;
  const eq = PyObject_RichCompareBool(g.origin, w.origin, Py_EQ) && PyObject_RichCompareBool(g.args, w.args, Py_EQ);
  return op === Py_EQ ? eq : !eq;
};
PyGenericAlias_Type.tp_hash = (v) => long_xor(PyObject_Hash((v as PyGenericAlias).origin), PyObject_Hash((v as PyGenericAlias).args));
const OWN_ATTRS = new Set([
  "__origin__", "__args__", "__unpacked__", "__parameters__", "__typing_unpacked_tuple_args__", "__mro_entries__",
  "__reduce_ex__", "__reduce__", "__copy__", "__deepcopy__", "__class__", "__getitem__", "__instancecheck__",
  "__subclasscheck__", "__dir__", "__repr__", "__eq__", "__hash__", "__or__", "__ror__",
]);
PyGenericAlias_Type.tp_getattro = (v, name) => {
  if (!OWN_ATTRS.has(name)) return PyObject_GetAttr((v as PyGenericAlias).origin, name);
  return PyObject_GenericGetAttr(v, name);
};
PyGenericAlias_Type.tp_getset = [
  { name: "__origin__", get: (v) => (v as PyGenericAlias).origin },
  { name: "__args__", get: (v) => (v as PyGenericAlias).args },
  { name: "__parameters__", get: () => new PyTuple([]) },
  { name: "__unpacked__", get: () => false },
];
PyGenericAlias_Type.tp_methods = [
  { name: "__mro_entries__", kind: "o", fn: ((v: PyObject) => new PyTuple([(v as PyGenericAlias).origin])) as PyMethodDef["fn"] },
  {
    name: "__instancecheck__",
    kind: "o",
    fn: (() => {
      throw typeError("isinstance() argument 2 cannot be a parameterized generic");
    }) as PyMethodDef["fn"],
  },
  {
    name: "__subclasscheck__",
    kind: "o",
    fn: (() => {
      throw typeError("issubclass() argument 2 cannot be a parameterized generic");
    }) as PyMethodDef["fn"],
  },
];
PyGenericAlias_Type.nb_or = (v, w) => _Py_union_type_or(v, w);
PyGenericAlias_Type.tp_new = (_type, args, start, nargs) => {
  if (nargs !== 2) throw typeError(`GenericAlias expected 2 arguments, got ${nargs}`);
  return Py_GenericAlias(args[start], args[start + 1]);
};

// --- mappingproxy ------------------------------------------------------------------------------------

/** A read-only view of a mapping; for a type's namespace, `type` is set and the view is live. */
export class PyMappingProxy extends PyObjectBase {
  constructor(
    public readonly mapping: PyObject | null,
    public readonly type: PyTypeObject | null = null,
  ) {
    super();
  }
  /** The viewed mapping as a dict (a snapshot for type namespaces). */
  target(): PyObject {
    if (this.type !== null) {
      const d = new PyDict();
      for (const [k, v] of typeDict(this.type)) d.setStr(k, v);
      return d;
    }
    return this.mapping as PyObject;
  }
}
export const PyMappingProxy_Type = newStaticType("mappingproxy", PyBaseObject_Type, 0);
PyMappingProxy.prototype.ob_type = PyMappingProxy_Type;
PyMappingProxy_Type.tp_new = (_type, args, start, nargs) => {
  if (nargs !== 1) throw typeError(`mappingproxy() missing required argument 'mapping' (pos 1)`);
  const m = args[start];
  if (Py_TYPE(m).mp_subscript === null || m instanceof PyList || m instanceof PyTuple) {
    throw typeError(`mappingproxy() argument must be a mapping, not ${Py_TYPE(m).tp_name}`);
  }
  return new PyMappingProxy(m);
};
PyMappingProxy_Type.mp_subscript = (v, k) => {
  const p = v as PyMappingProxy;
  if (p.type !== null && typeof k === "string") {
    const r = typeDict(p.type).get(k);
    if (r !== undefined) return r;
  }
  return PyObject_GetItem(p.target(), k);
};
PyMappingProxy_Type.mp_length = (v) => {
  const p = v as PyMappingProxy;
  return p.type !== null ? typeDict(p.type).size : PyObject_Size(p.target());
};
PyMappingProxy_Type.sq_contains = (v, k) => {
  const p = v as PyMappingProxy;
  if (p.type !== null) return typeof k === "string" && typeDict(p.type).has(k);
  return PySequence_Contains(p.target(), k);
};
PyMappingProxy_Type.tp_iter = (v) => PyObject_GetIter((v as PyMappingProxy).target());
PyMappingProxy_Type.tp_repr = (v) => `mappingproxy(${PyObject_Repr((v as PyMappingProxy).target())})`;
PyMappingProxy_Type.tp_richcompare = (v, w, op) => {
  const other = w instanceof PyMappingProxy ? w.target() : w;
  return PyObject_RichCompareBool((v as PyMappingProxy).target(), other, op);
};
const delegate = (name: string): PyMethodDef => ({
  name,
  kind: "fast",
  fn: ((v: PyObject, args: readonly PyObject[], start: number, nargs: number) =>
    PyObject_CallMethod((v as PyMappingProxy).target(), name, ...args.slice(start, start + nargs))) as PyMethodDef["fn"],
});
PyMappingProxy_Type.tp_methods = ["keys", "values", "items", "get", "copy"].map(delegate);

// Hooks: list[int] etc. build aliases; type.__dict__ is a live mappingproxy.
export function _installGenericAliasHooks(setTypeDictProxy: (f: (t: PyTypeObject) => PyObject) => void): void {
  setGenericAliasHook((cls, item) => Py_GenericAlias(cls, item));
  setTypeDictProxy((t) => new PyMappingProxy(null, t));
}
