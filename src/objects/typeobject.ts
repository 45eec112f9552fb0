// CPython: Objects/typeobject.c
//
// Type machinery: the lazily built type dict (PyType_Ready), _PyType_Lookup, generic attribute
// access, `object` and `type` themselves, class creation (type_new) with C3 MRO and slot dispatch
// to dunder methods (slotdefs), and `super`.
import {
  PyObjectBase, type PyObject, PyTypeObject, type SlotName, Py_TYPE, PyType_IsSubtype, PyBaseObject_Type,
  PyType_Type, Py_None, Py_NotImplemented, Py_TPFLAGS_HEAPTYPE, Py_TPFLAGS_BASETYPE, Py_TPFLAGS_TYPE_SUBCLASS,
  Py_TPFLAGS_IMMUTABLETYPE, Py_TPFLAGS_IS_ABSTRACT, SLOT_NAMES, newStaticType, Py_EQ, Py_NE,
  type PyGetSetDef, type PyMethodDef, type DescrGetFunc,
} from "./object.js";
import { PyTuple } from "./tupleobject.js";
import { PyDict } from "./dictobject.js";
import { PyList } from "./listobject.js";
import { unicodeRepr } from "./unicodeobject.js";
import {
  PyMethodDescr, PyClassMethodDescr, PyGetSetDescr, PyWrapperDescr, PyStaticMethod, PyClassMethod,
  Py_TPFLAGS_METHOD_DESCRIPTOR,
} from "./descrobject.js";
import { PyCFunction, addressOf, idOf } from "./methodobject.js";
import {
  PyObject_Vectorcall, PyObject_Repr, PyObject_Str, PyObject_IsTrue, PyObject_RichCompare, PyObject_GetAttr,
  PyObject_Hash, PyNumber_Index, PyObject_CallOneArg, PyObject_GetIter, PyIter_Next, iterableToArray,
  PyObject_CallNoArgs, PyObject_GetOptionalAttr, PyObject_RichCompareBool, PyNumber_AsSsize_t,
} from "./abstract.js";
import { typeError, attributeError, runtimeError, PyErr_ExceptionMatches, valueError } from "../python/errors.js";
import { PyExc_AttributeError, PyExc_StopIteration, PyBaseException, newException } from "./exceptions.js";
import { ArgParser } from "../python/getargs.js";
import { PyCellObject } from "./cellobject.js";
import { CO_FAST_CELL, CO_FAST_FREE } from "./codeobject.js";
import { PyThreadState_Get } from "../vm/pystate.js";
import { PyExc_OverflowError } from "./exceptions.js";

// --- instances of classes ----------------------------------------------------------------------------

/** An instance of a class whose nearest built-in base is `object` (CPython: a heap type's object). */
export class PyInstance extends PyObjectBase {
  /** __dict__, or null when the class uses __slots__ only. */
  dict: PyDict | null;
  /** Values of __slots__ members. */
  slotValues: Map<string, PyObject> | null = null;
  constructor(type: PyTypeObject) {
    super();
    this.ob_type = type;
    this.dict = type.tp_dictoffset ? new PyDict() : null;
  }
}

/** The instance __dict__ of any object, if it has one (the `dict` field convention). */
export function instanceDict(o: PyObject): PyDict | null {
  if (typeof o !== "object") return null;
  const d = (o as { dict?: PyObject | null }).dict;
  return d instanceof PyDict ? d : null;
}

function ensureInstanceDict(o: PyObject): PyDict | null {
  if (typeof o !== "object") return null;
  const holder = o as { dict?: PyObject | null };
  if (holder.dict instanceof PyDict) return holder.dict;
  if (Py_TYPE(o).tp_dictoffset) return (holder.dict = new PyDict());
  return null;
}

// --- the type dict and lookup ----------------------------------------------------------------------

/** Bumped whenever any type's namespace or bases change; invalidates lookup caches. */
let typeVersion = 0;
interface LookupCache {
  version: number;
  map: Map<string, PyObject | null>;
}

export function PyType_Modified(): void {
  typeVersion++;
}

/** The namespace of a type, building it for a built-in type on first use (CPython: PyType_Ready). */
export function typeDict(t: PyTypeObject): Map<string, PyObject> {
  if (Object.prototype.hasOwnProperty.call(t, "tp_dict") && t.tp_dict !== null) return t.tp_dict;
  const d = new Map<string, PyObject>();
  t.tp_dict = d;
  addSlotWrappers(t, d);
  if (Object.prototype.hasOwnProperty.call(t, "tp_methods") && t.tp_methods) {
    for (const m of t.tp_methods) {
      if (m.binding === "class") d.set(m.name, new PyClassMethodDescr(t, m));
      else if (m.binding === "static") d.set(m.name, new PyStaticMethod(new PyCFunction(m, null, Py_None)));
      else d.set(m.name, new PyMethodDescr(t, m));
    }
  }
  if (Object.prototype.hasOwnProperty.call(t, "tp_getset") && t.tp_getset) {
    for (const g of t.tp_getset) d.set(g.name, new PyGetSetDescr(t, g));
  }
  if (!d.has("__doc__")) d.set("__doc__", t.tp_doc ?? Py_None);
  if (!(t.tp_flags & Py_TPFLAGS_HEAPTYPE) && t.tp_hash === null && t.tp_richcompare !== null && !d.has("__hash__")) {
    d.set("__hash__", Py_None);
  }
  return d;
}

/** Looks `name` up along the MRO without invoking descriptors (CPython: _PyType_Lookup). */
export function _PyType_Lookup(t: PyTypeObject, name: string): PyObject | null {
  // the cache is an own property of each type (not inherited through the prototype chain)
  const holder = t as unknown as { _lookupCache?: LookupCache };
  let c = Object.prototype.hasOwnProperty.call(t, "_lookupCache") ? holder._lookupCache : undefined;
  if (c === undefined || c.version !== typeVersion) {
    c = { version: typeVersion, map: new Map() };
    holder._lookupCache = c;
  }
  const cached = c.map.get(name);
  if (cached !== undefined) return cached;
  let res: PyObject | null = null;
  const mro = t.tp_mro;
  for (let i = 0; i < mro.length; i++) {
    const v = typeDict(mro[i]).get(name);
    if (v !== undefined) {
      res = v;
      break;
    }
  }
  c.map.set(name, res);
  return res;
}

// --- generic attribute access (CPython: Objects/object.c) -------------------------------------------

function noAttribute(o: PyObject, name: string): PyBaseException {
  return attributeError(`'${Py_TYPE(o).tp_name}' object has no attribute '${name}'`, o, name);
}

/** Generic getattr; null when missing (CPython: _PyObject_GenericGetAttrWithDict with suppress). */
/**
 * Generic attribute lookup; null when absent. `suppress`: a descriptor's AttributeError also means
 * absent (CPython: PyObject_GetOptionalAttr), else it propagates with its own message.
 */
function genericGetAttrImpl(o: PyObject, name: string, suppress: boolean): PyObject | null {
  const t = Py_TYPE(o);
  const descr = _PyType_Lookup(t, name);
  let get = null;
  if (descr !== null) {
    const dt = Py_TYPE(descr);
    get = dt.tp_descr_get;
    if (get !== null && dt.tp_descr_set !== null) return suppress ? optionalGet(get, descr, o, t) : get(descr, o, t);
  }
  if (typeof o === "object") {
    const d = (o as { dict?: PyObject | null }).dict;
    if (d instanceof PyDict) {
      const v = d.getStr(name);
      if (v !== undefined) return v;
    }
  }
  if (get !== null) return suppress ? optionalGet(get, descr as PyObject, o, t) : get(descr as PyObject, o, t);
  return descr;
}

export function genericGetAttrOrNull(o: PyObject, name: string): PyObject | null {
  return genericGetAttrImpl(o, name, true);
}

/** A descriptor's __get__ whose AttributeError means "absent". */
function optionalGet(get: DescrGetFunc, descr: PyObject, o: PyObject, t: PyTypeObject): PyObject | null {
  try {
    return get(descr, o, t);
  } catch (e) {
    if (PyErr_ExceptionMatches(e, PyExc_AttributeError)) return null;
    throw e;
  }
}

export function PyObject_GenericGetAttr(o: PyObject, name: string): PyObject {
  const r = genericGetAttrImpl(o, name, false);
  if (r === null) throw noAttribute(o, name);
  return r;
}

export function PyObject_GenericSetAttr(o: PyObject, name: string, value: PyObject | null): void {
  const t = Py_TYPE(o);
  const descr = _PyType_Lookup(t, name);
  if (descr !== null) {
    const set = Py_TYPE(descr).tp_descr_set;
    if (set !== null) return set(descr, o, value);
  }
  const d = ensureInstanceDict(o);
  if (d === null) {
    if (descr === null) {
      throw attributeError(
        `'${t.tp_name}' object has no attribute '${name}' and no __dict__ for setting new attributes`,
        o,
        name,
      );
    }
    throw attributeError(`'${t.tp_name}' object attribute '${name}' is read-only`, o, name);
  }
  if (value === null) {
    if (!d.delStr(name)) throw noAttribute(o, name);
  } else d.setStr(name, value);
}

// --- object ------------------------------------------------------------------------------------------

function excessArgs(nargs: number, kwnames: PyTuple | null): boolean {
  return nargs > 0 || (kwnames !== null && kwnames.items.length > 0);
}

function object_new(type: PyTypeObject, _args: readonly PyObject[], _start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  if (excessArgs(nargs, kwnames)) {
    if (type.tp_new !== object_new) throw typeError("object.__new__() takes exactly one argument (the type to instantiate)");
    if (type.tp_init === object_init) throw typeError(`${type.tp_name}() takes no arguments`);
  }
  if (type.tp_flags & Py_TPFLAGS_IS_ABSTRACT) {
    const abstracts = PyObject_GetOptionalAttr(type, "__abstractmethods__");
    const names = abstracts !== null ? iterableToArray(abstracts).map((x) => PyObject_Str(x)).sort() : [];
    throw typeError(
      `Can't instantiate abstract class ${type.tp_name} without an implementation for abstract method${names.length > 1 ? "s" : ""} ${names.map((n) => `'${n}'`).join(", ")}`,
    );
  }
  return new PyInstance(type);
}

function object_init(self: PyObject, _args: readonly PyObject[], _start: number, nargs: number, kwnames: PyTuple | null): void {
  if (excessArgs(nargs, kwnames)) {
    const type = Py_TYPE(self);
    if (type.tp_init !== object_init) {
      throw typeError("object.__init__() takes exactly one argument (the instance to initialize)");
    }
    if (type.tp_new === object_new) {
      throw typeError(`${type.tp_name}.__init__() takes exactly one argument (the instance to initialize)`);
    }
  }
}

function typeModule(t: PyTypeObject): string {
  if (t.tp_flags & Py_TPFLAGS_HEAPTYPE) {
    const m = typeDict(t).get("__module__");
    return typeof m === "string" ? m : "builtins";
  }
  const dot = t.tp_name.lastIndexOf(".");
  return dot >= 0 ? t.tp_name.slice(0, dot) : "builtins";
}

function typeQualname(t: PyTypeObject): string {
  return t.tp_flags & Py_TPFLAGS_HEAPTYPE ? t.ht_qualname : t.tp_name.slice(t.tp_name.lastIndexOf(".") + 1);
}

function object_repr(self: PyObject): string {
  const t = Py_TYPE(self);
  const mod = typeModule(t);
  const name = typeQualname(t);
  if (mod !== "builtins") return `<${mod}.${name} object at ${addressOf(self)}>`;
  return `<${t.tp_name} object at ${addressOf(self)}>`;
}

function object_str(self: PyObject): string {
  const t = Py_TYPE(self);
  const f = t.tp_repr ?? object_repr;
  return f(self);
}

function object_richcompare(self: PyObject, other: PyObject, op: number): PyObject {
  if (op === Py_EQ) return self === other ? true : Py_NotImplemented;
  if (op === Py_NE) {
    // By default, __ne__ delegates to __eq__ and inverts the result
    const eq = Py_TYPE(self).tp_richcompare;
    if (eq === null) return Py_NotImplemented;
    const r = eq(self, other, Py_EQ);
    if (r === Py_NotImplemented) return r;
    return !PyObject_IsTrue(r);
  }
  return Py_NotImplemented;
}

const O = PyBaseObject_Type;
O.tp_new = object_new;
O.tp_init = object_init;
O.tp_repr = object_repr;
O.tp_str = object_str;
O.tp_hash = (v) => Math.floor(idOf(v) / 16);
O.tp_richcompare = object_richcompare;
O.tp_getattro = PyObject_GenericGetAttr;
O.tp_setattro = PyObject_GenericSetAttr;
O.tp_doc = "The base class of the class hierarchy.";

const formatArgs = new ArgParser("__format__", ["format_spec"], { posonly: 1, required: 1 });
O.tp_methods = [
  {
    name: "__format__",
    kind: "o",
    fn: ((self: PyObject, spec: PyObject) => {
      if (typeof spec !== "string") throw typeError(`__format__() argument must be str, not ${Py_TYPE(spec).tp_name}`);
      if (spec !== "") throw typeError(`unsupported format string passed to ${Py_TYPE(self).tp_name}.__format__`);
      return PyObject_Str(self);
    }) as PyMethodDef["fn"],
  },
  {
    name: "__dir__",
    kind: "noargs",
    fn: ((self: PyObject) => {
      const names = new Set<string>();
      const d = instanceDict(self);
      if (d) for (const k of d.keys()) if (typeof k === "string") names.add(k);
      for (const t of Py_TYPE(self).tp_mro) for (const k of typeDict(t).keys()) names.add(k);
      return new PyList([...names]);
    }) as PyMethodDef["fn"],
  },
  {
    name: "__init_subclass__",
    kind: "fast",
    binding: "class",
    fn: ((cls: PyObject, _a: readonly PyObject[], _s: number, nargs: number, kw: PyTuple | null) => {
      const who = cls instanceof PyTypeObject ? cls.tp_name : "object";
      if (kw !== null && kw.items.length) throw typeError(`${who}.__init_subclass__() takes no keyword arguments`);
      if (nargs !== 0) throw typeError(`${who}.__init_subclass__() takes no arguments (${nargs} given)`);
      return Py_None;
    }) as PyMethodDef["fn"],
  },
  {
    name: "__subclasshook__",
    kind: "fast",
    binding: "class",
    fn: (() => Py_NotImplemented) as PyMethodDef["fn"],
  },
  { name: "__sizeof__", kind: "noargs", fn: (() => 16) as PyMethodDef["fn"] },
  // __reduce__, __reduce_ex__, __getstate__: typeobject_reduce.ts
];
O.tp_getset = [
  {
    name: "__class__",
    get: (self) => Py_TYPE(self),
    set: (self, value) => {
      if (value === null) throw typeError("can't delete __class__ attribute");
      if (!(value instanceof PyTypeObject)) {
        throw typeError(`__class__ must be set to a class, not '${Py_TYPE(value).tp_name}' object`);
      }
      if (!(self instanceof PyInstance) || !(value.tp_flags & Py_TPFLAGS_HEAPTYPE)) {
        throw typeError("__class__ assignment only supported for mutable types or ModuleType subclasses");
      }
      self.ob_type = value;
    },
  },
];

// --- type ----------------------------------------------------------------------------------------------

function type_call(callable: PyObject, args: readonly PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  const type = callable as PyTypeObject;
  if (type === PyType_Type && nargs === 1 && (kwnames === null || kwnames.items.length === 0)) {
    return Py_TYPE(args[start]);
  }
  const tnew = type.tp_new;
  if (tnew === null) throw typeError(`cannot create '${type.tp_name}' instances`);
  const obj = tnew(type, args, start, nargs, kwnames);
  if (!PyType_IsSubtype(Py_TYPE(obj), type)) return obj;
  const init = Py_TYPE(obj).tp_init;
  if (init !== null) init(obj, args, start, nargs, kwnames);
  return obj;
}

/** Attribute lookup on a type: the metatype's data descriptors, then the MRO, then the metatype (CPython: type_getattro). */
export function type_getattro(o: PyObject, name: string): PyObject {
  const r = typeGetAttrOrNull(o as PyTypeObject, name);
  if (r === null) {
    throw attributeError(`type object '${(o as PyTypeObject).tp_name}' has no attribute '${name}'`, o, name);
  }
  return r;
}

function typeGetAttrOrNull(type: PyTypeObject, name: string): PyObject | null {
  const metatype = Py_TYPE(type);
  const metaAttr = _PyType_Lookup(metatype, name);
  let metaGet = null;
  if (metaAttr !== null) {
    const mt = Py_TYPE(metaAttr);
    metaGet = mt.tp_descr_get;
    if (metaGet !== null && mt.tp_descr_set !== null) return metaGet(metaAttr, type, metatype);
  }
  const attr = _PyType_Lookup(type, name);
  if (attr !== null) {
    const get = Py_TYPE(attr).tp_descr_get;
    if (get !== null) return get(attr, null, type);
    return attr;
  }
  if (metaGet !== null) return metaGet(metaAttr as PyObject, type, metatype);
  return metaAttr;
}

function type_setattro(o: PyObject, name: string, value: PyObject | null): void {
  const type = o as PyTypeObject;
  if (!(type.tp_flags & Py_TPFLAGS_HEAPTYPE)) {
    throw typeError(`cannot set '${name}' attribute of immutable type '${type.tp_name}'`);
  }
  const metaAttr = _PyType_Lookup(Py_TYPE(type), name);
  if (metaAttr !== null) {
    const set = Py_TYPE(metaAttr).tp_descr_set;
    if (set !== null) return set(metaAttr, type, value);
  }
  const d = typeDict(type);
  if (value === null) {
    if (!d.delete(name)) throw attributeError(`type object '${type.tp_name}' has no attribute '${name}'`, o, name);
  } else d.set(name, value);
  PyType_Modified();
  if (name.startsWith("__") && name.endsWith("__")) updateSlotsRecursive(type, name);
}

function type_repr(o: PyObject): string {
  const t = o as PyTypeObject;
  const mod = typeModule(t);
  if (mod !== "builtins") return `<class '${mod}.${typeQualname(t)}'>`;
  return `<class '${t.tp_name}'>`;
}

const T = PyType_Type;
T.tp_call = type_call;
T.tp_getattro = type_getattro;
T.tp_setattro = type_setattro;
T.tp_repr = type_repr;
T.tp_new = (metatype, args, start, nargs, kwnames) => type_new_entry(metatype, args, start, nargs, kwnames);
T.tp_init = (_self, _args, _start, nargs, kwnames) => {
  if (nargs !== 1 && nargs !== 3) throw typeError("type.__init__() takes 1 or 3 arguments");
  void kwnames;
};
T.tp_hash = (v) => Math.floor(idOf(v) / 16);
T.nb_or = (v, w) => unionHook(v, w);
T.tp_doc = "type(object) -> the object's type\ntype(name, bases, dict, **kwds) -> a new type";

/** Set by the typing/union support (types.UnionType); until then `X | Y` on types is unsupported. */
let unionHook: (a: PyObject, b: PyObject) => PyObject = () => Py_NotImplemented;
export function setTypeUnionHook(f: (a: PyObject, b: PyObject) => PyObject): void {
  unionHook = f;
}

function basesTuple(t: PyTypeObject): PyTuple {
  return new PyTuple(t.tp_bases);
}

T.tp_getset = [
  {
    name: "__name__",
    get: (v) => {
      const t = v as PyTypeObject;
      return t.tp_flags & Py_TPFLAGS_HEAPTYPE ? t.tp_name : t.tp_name.slice(t.tp_name.lastIndexOf(".") + 1);
    },
    set: (v, x) => {
      const t = v as PyTypeObject;
      if (typeof x !== "string") throw typeError(`can only assign string to ${t.tp_name}.__name__, not '${Py_TYPE(x ?? Py_None).tp_name}'`);
      if (!(t.tp_flags & Py_TPFLAGS_HEAPTYPE)) throw typeError(`cannot set '__name__' attribute of immutable type '${t.tp_name}'`);
      t.tp_name = x;
    },
  },
  {
    name: "__qualname__",
    get: (v) => typeQualname(v as PyTypeObject),
    set: (v, x) => {
      const t = v as PyTypeObject;
      if (typeof x !== "string") throw typeError(`can only assign string to ${t.tp_name}.__qualname__, not '${Py_TYPE(x ?? Py_None).tp_name}'`);
      t.ht_qualname = x;
    },
  },
  {
    name: "__module__",
    get: (v) => {
      const t = v as PyTypeObject;
      if (t.tp_flags & Py_TPFLAGS_HEAPTYPE) {
        const m = typeDict(t).get("__module__");
        if (m === undefined) throw attributeError("__module__");
        return m;
      }
      return typeModule(t);
    },
    set: (v, x) => {
      typeDict(v as PyTypeObject).set("__module__", x ?? Py_None);
      PyType_Modified();
    },
  },
  { name: "__bases__", get: (v) => basesTuple(v as PyTypeObject) },
  { name: "__base__", get: (v) => (v as PyTypeObject).tp_base ?? Py_None },
  { name: "__flags__", get: (v) => (v as PyTypeObject).tp_flags },
  { name: "__mro__", get: (v) => new PyTuple((v as PyTypeObject).tp_mro) },
  { name: "__dict__", get: (v) => mappingProxyHook(v as PyTypeObject) },
  {
    name: "__doc__",
    get: (v) => {
      const t = v as PyTypeObject;
      const d = typeDict(t).get("__doc__");
      if (d === undefined) return Py_None;
      const get = Py_TYPE(d).tp_descr_get;
      return get !== null ? get(d, null, t) : d;
    },
    set: (v, x) => {
      typeDict(v as PyTypeObject).set("__doc__", x ?? Py_None);
      PyType_Modified();
    },
  },
  {
    name: "__abstractmethods__",
    get: (v) => {
      const r = (v as PyTypeObject) !== PyType_Type ? typeDict(v as PyTypeObject).get("__abstractmethods__") : undefined;
      if (r === undefined) throw attributeError("__abstractmethods__");
      return r;
    },
    set: (v, x) => {
      const t = v as PyTypeObject;
      const d = typeDict(t);
      if (x === null) d.delete("__abstractmethods__");
      else d.set("__abstractmethods__", x);
      const abstract = x !== null && PyObject_IsTrue(x);
      t.tp_flags = abstract ? t.tp_flags | Py_TPFLAGS_IS_ABSTRACT : t.tp_flags & ~Py_TPFLAGS_IS_ABSTRACT;
      PyType_Modified();
    },
  },
  {
    name: "__annotations__",
    get: (v) => {
      const t = v as PyTypeObject;
      const d = typeDict(t);
      let a = d.get("__annotations__");
      if (a === undefined) {
        const f = d.get("__annotate__") ?? d.get("__annotate_func__");
        a = f !== undefined && f !== Py_None ? PyObject_CallOneArg(f, 1) : new PyDict();
        if (t.tp_flags & Py_TPFLAGS_HEAPTYPE) d.set("__annotations__", a);
      }
      return a;
    },
    set: (v, x) => {
      const d = typeDict(v as PyTypeObject);
      if (x === null) d.delete("__annotations__");
      else d.set("__annotations__", x);
      PyType_Modified();
    },
  },
  { name: "__text_signature__", get: () => Py_None },
  {
    name: "__type_params__",
    get: (v) => typeDict(v as PyTypeObject).get("__type_params__") ?? new PyTuple([]),
    set: (v, x) => {
      typeDict(v as PyTypeObject).set("__type_params__", x ?? new PyTuple([]));
    },
  },
];

/** type.__dict__: a read-only snapshot (CPython returns a live mappingproxy; see mappingproxy in descrobject). */
let mappingProxyHook: (t: PyTypeObject) => PyObject = (t) => {
  const d = new PyDict();
  for (const [k, v] of typeDict(t)) d.setStr(k, v);
  return d;
};
export function setMappingProxyHook(f: (t: PyTypeObject) => PyObject): void {
  mappingProxyHook = f;
}

function isinstanceWithMeta(inst: PyObject, cls: PyTypeObject): boolean {
  if (PyType_IsSubtype(Py_TYPE(inst), cls)) return true;
  const c = PyObject_GetOptionalAttr(inst, "__class__");
  return c instanceof PyTypeObject && c !== Py_TYPE(inst) && PyType_IsSubtype(c, cls);
}

T.tp_methods = [
  { name: "mro", kind: "noargs", fn: ((self: PyObject) => new PyList(mro_internal(self as PyTypeObject))) as PyMethodDef["fn"] },
  {
    name: "__subclasses__",
    kind: "noargs",
    fn: ((self: PyObject) => new PyList((self as PyTypeObject).tp_subclasses.slice())) as PyMethodDef["fn"],
  },
  {
    name: "__instancecheck__",
    kind: "o",
    fn: ((self: PyObject, inst: PyObject) => isinstanceWithMeta(inst, self as PyTypeObject)) as PyMethodDef["fn"],
  },
  {
    name: "__subclasscheck__",
    kind: "o",
    fn: ((self: PyObject, sub: PyObject) => {
      if (!(sub instanceof PyTypeObject)) throw typeError("issubclass() arg 1 must be a class");
      return PyType_IsSubtype(sub, self as PyTypeObject);
    }) as PyMethodDef["fn"],
  },
  {
    name: "__prepare__",
    kind: "fast",
    binding: "class",
    fn: (() => new PyDict()) as PyMethodDef["fn"],
  },
  {
    name: "__dir__",
    kind: "noargs",
    fn: ((self: PyObject) => {
      const names = new Set<string>();
      for (const t of (self as PyTypeObject).tp_mro) for (const k of typeDict(t).keys()) names.add(k);
      return new PyList([...names]);
    }) as PyMethodDef["fn"],
  },
  { name: "__sizeof__", kind: "noargs", fn: (() => 400) as PyMethodDef["fn"] },
];

// --- class creation (CPython: type_new) ------------------------------------------------------------------

/** C3 linearization (CPython: mro_implementation). */
export function mro_internal(type: PyTypeObject): PyTypeObject[] {
  const bases = type.tp_bases;
  if (bases.length === 1) return [type, ...bases[0].tp_mro];
  const seqs: PyTypeObject[][] = bases.map((b) => b.tp_mro.slice());
  seqs.push(bases.slice());
  const result: PyTypeObject[] = [type];
  for (;;) {
    const nonEmpty = seqs.filter((s) => s.length > 0);
    if (nonEmpty.length === 0) return result;
    let cand: PyTypeObject | null = null;
    for (const s of nonEmpty) {
      const head = s[0];
      if (!nonEmpty.some((s2) => s2.indexOf(head) > 0)) {
        cand = head;
        break;
      }
    }
    if (cand === null) {
      const names = [...new Set(nonEmpty.map((s) => s[0].tp_name))];
      throw typeError(`Cannot create a consistent method resolution order (MRO) for bases ${names.join(", ")}`);
    }
    result.push(cand);
    for (const s of nonEmpty) if (s[0] === cand) s.shift();
  }
}

/** The base whose instance layout the new class extends (CPython: best_base / solid_base). */
function solidBase(t: PyTypeObject): PyTypeObject {
  let b: PyTypeObject = t;
  while (b.tp_base !== null && (b.tp_flags & Py_TPFLAGS_HEAPTYPE || staticSharesBaseLayout.has(b))) b = b.tp_base;
  return b;
}

/**
 * Static types whose instances have their base's layout (CPython: shape_differs is false, e.g.
 * LookupError and SystemError are both plain BaseException objects, so a class may derive from both).
 */
const staticSharesBaseLayout = new WeakSet<PyTypeObject>();
export function markSharesBaseLayout(t: PyTypeObject): void {
  staticSharesBaseLayout.add(t);
}

function bestBase(bases: PyTypeObject[]): PyTypeObject {
  let base: PyTypeObject | null = null;
  let winner: PyTypeObject | null = null;
  for (const b of bases) {
    if (!(b.tp_flags & Py_TPFLAGS_BASETYPE)) {
      throw typeError(`type '${b.tp_name}' is not an acceptable base type`);
    }
    const candidate = solidBase(b);
    if (winner === null) {
      winner = candidate;
      base = b;
    } else if (PyType_IsSubtype(winner, candidate)) {
      // keep
    } else if (PyType_IsSubtype(candidate, winner)) {
      winner = candidate;
      base = b;
    } else {
      throw typeError("multiple bases have instance lay-out conflict");
    }
  }
  return base as PyTypeObject;
}

/** The metatype to use for bases (CPython: _PyType_CalculateMetaclass). */
export function calculateMetaclass(metatype: PyTypeObject, bases: readonly PyObject[]): PyTypeObject {
  let winner = metatype;
  for (const b of bases) {
    const bt = Py_TYPE(b);
    if (PyType_IsSubtype(winner, bt)) continue;
    if (PyType_IsSubtype(bt, winner)) {
      winner = bt;
      continue;
    }
    throw typeError(
      "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
    );
  }
  return winner;
}

function type_new_entry(metatype: PyTypeObject, args: readonly PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  if (nargs === 1 && (kwnames === null || kwnames.items.length === 0) && metatype === PyType_Type) {
    return Py_TYPE(args[start]);
  }
  if (nargs !== 3) throw typeError("type() takes 1 or 3 arguments");
  const [name, bases, dict] = [args[start], args[start + 1], args[start + 2]];
  if (typeof name !== "string") throw typeError(`type.__new__() argument 1 must be str, not ${Py_TYPE(name).tp_name}`);
  if (!(bases instanceof PyTuple)) throw typeError(`type.__new__() argument 2 must be tuple, not ${Py_TYPE(bases).tp_name}`);
  if (!(dict instanceof PyDict)) throw typeError(`type.__new__() argument 3 must be dict, not ${Py_TYPE(dict).tp_name}`);
  const kwargs = new Map<string, PyObject>();
  if (kwnames !== null) kwnames.items.forEach((k, i) => kwargs.set(k as string, args[start + nargs + i]));
  const winner = calculateMetaclass(metatype, bases.items);
  if (winner !== metatype && winner.tp_new !== PyType_Type.tp_new) {
    return (winner.tp_new as NonNullable<PyTypeObject["tp_new"]>)(winner, args, start, nargs, kwnames);
  }
  return type_new_impl(winner, name, bases.items as PyTypeObject[], dict, kwargs);
}

/** Creates a class (CPython: type_new_impl). */
export function type_new_impl(
  metatype: PyTypeObject,
  name: string,
  basesIn: readonly PyObject[],
  dict: PyDict,
  kwargs: Map<string, PyObject>,
): PyTypeObject {
  for (const b of basesIn) {
    if (!(b instanceof PyTypeObject)) {
      throw typeError(`bases must be types`);
    }
  }
  const bases = basesIn.length ? (basesIn as PyTypeObject[]) : [PyBaseObject_Type];
  for (let i = 0; i < bases.length; i++) {
    if (bases.indexOf(bases[i]) !== i) throw typeError(`duplicate base class ${bases[i].tp_name}`);
  }
  const base = bestBase(bases);
  const t = Object.create(base) as PyTypeObject;
  t.ob_type = metatype;
  t.tp_name = name;
  t.tp_base = base;
  t.tp_bases = bases.slice();
  t.tp_flags = (base.tp_flags & ~(Py_TPFLAGS_IMMUTABLETYPE | Py_TPFLAGS_IS_ABSTRACT)) | Py_TPFLAGS_HEAPTYPE | Py_TPFLAGS_BASETYPE;
  for (const b of bases) t.tp_flags |= b.tp_flags & (Py_TPFLAGS_TYPE_SUBCLASS);
  t.tp_subclasses = [];
  t.tp_methods = null;
  t.tp_getset = null;
  t.tp_doc = null;
  t.tp_mro = [t];
  t.tp_mro = mro_internal(t);

  const d = new Map<string, PyObject>();
  for (const [k, v] of dict.entries()) {
    if (typeof k === "string") d.set(k, v);
  }
  t.tp_dict = d;
  const qn = d.get("__qualname__");
  if (qn !== undefined) {
    if (typeof qn !== "string") throw typeError(`type __qualname__ must be a str, not ${Py_TYPE(qn).tp_name}`);
    d.delete("__qualname__");
  }
  t.ht_qualname = typeof qn === "string" ? qn : name;
  if (!d.has("__module__")) {
    const g = currentGlobalsHook();
    const m = g?.getStr("__name__");
    if (m !== undefined) d.set("__module__", m);
  }
  // __new__, __init_subclass__ and __class_getitem__ are implicitly static/class methods
  const nw = d.get("__new__");
  if (nw !== undefined && Py_TYPE(nw).tp_name === "function") d.set("__new__", new PyStaticMethod(nw));
  for (const n of ["__init_subclass__", "__class_getitem__"]) {
    const f = d.get(n);
    if (f !== undefined && Py_TYPE(f).tp_name === "function") d.set(n, new PyClassMethod(f));
  }
  if (d.has("__eq__") && !d.has("__hash__")) d.set("__hash__", Py_None);
  // the __class__ cell of methods using super() (CPython: type_new_set_classcell)
  const classcell = d.get("__classcell__");
  if (classcell !== undefined) {
    if (!(classcell instanceof PyCellObject)) {
      throw typeError(`__classcell__ must be a nonlocal cell, not ${PyObject_Repr(Py_TYPE(classcell))}`);
    }
    classcell.ob_ref = t;
    d.delete("__classcell__");
  }

  // instance __dict__ and __slots__
  const slots = d.get("__slots__");
  let wantDict = true;
  if (slots !== undefined) {
    const names = typeof slots === "string" ? [slots] : iterableToArray(slots).map((s) => {
      if (typeof s !== "string") throw typeError(`__slots__ items must be strings, not '${Py_TYPE(s).tp_name}'`);
      return s;
    });
    wantDict = names.includes("__dict__");
    t.ht_slots = names.filter((n) => n !== "__dict__" && n !== "__weakref__");
    for (const n of t.ht_slots) {
      if (d.has(n)) throw valueError(`'${n}' in __slots__ conflicts with class variable`);
      d.set(n, new PyGetSetDescr(t, slotMember(n)));
    }
  }
  // after __slots__: a slot named __doc__ only conflicts with a docstring (CPython: type_new_set_doc)
  if (!d.has("__doc__")) d.set("__doc__", Py_None);
  t.tp_dictoffset = wantDict || base.tp_dictoffset ? 1 : 0;
  if (t.tp_dictoffset && !base.tp_dictoffset && !d.has("__dict__")) {
    d.set("__dict__", new PyGetSetDescr(t, instanceDictGetSet));
  }
  for (const b of bases) b.tp_subclasses.push(t);
  PyType_Modified();
  fixupSlots(t);

  // __set_name__ and __init_subclass__
  for (const [k, v] of [...d]) {
    const setName = _PyType_Lookup(Py_TYPE(v), "__set_name__");
    if (setName !== null) {
      try {
        callDescr(setName, v, [t, k]);
      } catch (e) {
        throw e;
      }
    }
  }
  const sup = new PySuper(t, t, t);
  const initSubclass = PyObject_GetAttr(sup, "__init_subclass__");
  const kwn = [...kwargs.keys()];
  PyObject_Vectorcall(initSubclass, [...kwargs.values()], 0, 0, kwn.length ? new PyTuple(kwn) : null);
  return t;
}

const instanceDictGetSet: PyGetSetDef = {
  name: "__dict__",
  get: (self) => ensureInstanceDict(self) ?? Py_None,
  set: (self, value) => {
    if (!(value instanceof PyDict)) {
      throw typeError(`__dict__ must be set to a dictionary, not a '${Py_TYPE(value ?? Py_None).tp_name}'`);
    }
    (self as { dict?: PyObject | null }).dict = value;
  },
};

function slotMember(name: string): PyGetSetDef {
  return {
    name,
    get: (self) => {
      const v = (self as PyInstance).slotValues?.get(name);
      if (v === undefined) throw attributeError(`'${Py_TYPE(self).tp_name}' object has no attribute '${name}'`, self, name);
      return v;
    },
    set: (self, value) => {
      const inst = self as PyInstance;
      if (value === null) {
        if (!inst.slotValues?.delete(name)) throw attributeError(`'${Py_TYPE(self).tp_name}' object has no attribute '${name}'`, self, name);
        return;
      }
      (inst.slotValues ??= new Map()).set(name, value);
    },
  };
}

/** The module globals of the running frame, for __module__ (set by the eval loop). */
let currentGlobalsHook: () => PyDict | null = () => null;
export function setCurrentGlobalsHook(f: () => PyDict | null): void {
  currentGlobalsHook = f;
}

/** Calls a descriptor found on a type as a method of `self` (unbound call when it is a method descriptor). */
export function callDescr(descr: PyObject, self: PyObject, args: readonly PyObject[]): PyObject {
  const dt = Py_TYPE(descr);
  if (dt.tp_flags & Py_TPFLAGS_METHOD_DESCRIPTOR) return PyObject_Vectorcall(descr, [self, ...args], 0, args.length + 1, null);
  const get = dt.tp_descr_get;
  const bound = get !== null ? get(descr, self, Py_TYPE(self)) : descr;
  return PyObject_Vectorcall(bound, args, 0, args.length, null);
}

/** Calls the special method `name` of `self`'s type; null when the type has none. */
function callSpecial(self: PyObject, name: string, args: readonly PyObject[]): PyObject | null {
  const descr = _PyType_Lookup(Py_TYPE(self), name);
  if (descr === null) return null;
  return callDescr(descr, self, args);
}

function callSpecialOrRaise(self: PyObject, name: string, args: readonly PyObject[]): PyObject {
  const r = callSpecial(self, name, args);
  if (r === null) throw attributeError(name);
  return r;
}

// --- slot definitions (CPython: slotdefs) -------------------------------------------------------------

type SlotKind =
  | "repr" | "hash" | "call" | "iter" | "next" | "getattr" | "setattr" | "delattr" | "get" | "set" | "delete"
  | "init" | "richcmp" | "binary" | "rbinary" | "ternary" | "rternary" | "inplace" | "unary" | "bool" | "len"
  | "getitem" | "sqitem" | "setitem" | "delitem" | "contains" | "new" | "ipow" | "sqrepeat" | "sqsetitem" | "sqdelitem";

interface SlotDef {
  name: string;
  slot: SlotName;
  kind: SlotKind;
  /** For richcmp: the operator. */
  op?: number;
}

const slotdefs: SlotDef[] = [
  { name: "__repr__", slot: "tp_repr", kind: "repr" },
  { name: "__str__", slot: "tp_str", kind: "repr" },
  { name: "__hash__", slot: "tp_hash", kind: "hash" },
  { name: "__call__", slot: "tp_call", kind: "call" },
  { name: "__iter__", slot: "tp_iter", kind: "iter" },
  { name: "__next__", slot: "tp_iternext", kind: "next" },
  { name: "__getattribute__", slot: "tp_getattro", kind: "getattr" },
  { name: "__getattr__", slot: "tp_getattro", kind: "getattr" },
  { name: "__setattr__", slot: "tp_setattro", kind: "setattr" },
  { name: "__delattr__", slot: "tp_setattro", kind: "delattr" },
  { name: "__lt__", slot: "tp_richcompare", kind: "richcmp", op: 0 },
  { name: "__le__", slot: "tp_richcompare", kind: "richcmp", op: 1 },
  { name: "__eq__", slot: "tp_richcompare", kind: "richcmp", op: 2 },
  { name: "__ne__", slot: "tp_richcompare", kind: "richcmp", op: 3 },
  { name: "__gt__", slot: "tp_richcompare", kind: "richcmp", op: 4 },
  { name: "__ge__", slot: "tp_richcompare", kind: "richcmp", op: 5 },
  { name: "__get__", slot: "tp_descr_get", kind: "get" },
  { name: "__set__", slot: "tp_descr_set", kind: "set" },
  { name: "__delete__", slot: "tp_descr_set", kind: "delete" },
  { name: "__init__", slot: "tp_init", kind: "init" },
  { name: "__new__", slot: "tp_new", kind: "new" },
  { name: "__len__", slot: "mp_length", kind: "len" },
  { name: "__len__", slot: "sq_length", kind: "len" },
  { name: "__getitem__", slot: "mp_subscript", kind: "getitem" },
  { name: "__getitem__", slot: "sq_item", kind: "sqitem" },
  { name: "__setitem__", slot: "mp_ass_subscript", kind: "setitem" },
  { name: "__delitem__", slot: "mp_ass_subscript", kind: "delitem" },
  { name: "__contains__", slot: "sq_contains", kind: "contains" },
  { name: "__bool__", slot: "nb_bool", kind: "bool" },
  { name: "__neg__", slot: "nb_negative", kind: "unary" },
  { name: "__pos__", slot: "nb_positive", kind: "unary" },
  { name: "__abs__", slot: "nb_absolute", kind: "unary" },
  { name: "__invert__", slot: "nb_invert", kind: "unary" },
  { name: "__int__", slot: "nb_int", kind: "unary" },
  { name: "__float__", slot: "nb_float", kind: "unary" },
  { name: "__index__", slot: "nb_index", kind: "unary" },
  { name: "__pow__", slot: "nb_power", kind: "ternary" },
  { name: "__rpow__", slot: "nb_power", kind: "rternary" },
  { name: "__ipow__", slot: "nb_inplace_power", kind: "ipow" },
];
const binarySlots: [string, SlotName][] = [
  ["add", "nb_add"], ["sub", "nb_subtract"], ["mul", "nb_multiply"], ["mod", "nb_remainder"],
  ["divmod", "nb_divmod"], ["lshift", "nb_lshift"], ["rshift", "nb_rshift"], ["and", "nb_and"], ["xor", "nb_xor"],
  ["or", "nb_or"], ["floordiv", "nb_floor_divide"], ["truediv", "nb_true_divide"], ["matmul", "nb_matrix_multiply"],
];
for (const [n, slot] of binarySlots) {
  slotdefs.push({ name: `__${n}__`, slot, kind: "binary" }, { name: `__r${n}__`, slot, kind: "rbinary" });
  if (n !== "divmod") slotdefs.push({ name: `__i${n}__`, slot: ("nb_inplace_" + slot.slice(3)) as SlotName, kind: "inplace" });
}

// sequence slots come after the number slots: a type with both exposes the number one (CPython: slotdefs)
slotdefs.push(
  { name: "__add__", slot: "sq_concat", kind: "binary" },
  { name: "__mul__", slot: "sq_repeat", kind: "sqrepeat" },
  { name: "__rmul__", slot: "sq_repeat", kind: "sqrepeat" },
  { name: "__iadd__", slot: "sq_inplace_concat", kind: "inplace" },
  { name: "__imul__", slot: "sq_inplace_repeat", kind: "sqrepeat" },
  { name: "__setitem__", slot: "sq_ass_item", kind: "sqsetitem" },
  { name: "__delitem__", slot: "sq_ass_item", kind: "sqdelitem" },
);

const SQ_ONLY_NATIVE = new Set<SlotName>(["sq_concat", "sq_repeat", "sq_inplace_concat", "sq_inplace_repeat", "sq_ass_item"]);

const RICH_NAMES = ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"];

// -- wrappers: a built-in type's slot exposed as a dunder (CPython: wrap_* functions)

function checkArgs(name: string, args: readonly PyObject[], n: number): void {
  if (args.length !== n) {
    throw typeError(`expected ${n} argument${n === 1 ? "" : "s"}, got ${args.length}`);
  }
  void name;
}

function makeWrapper(t: PyTypeObject, def: SlotDef): PyWrapperDescr {
  const fn = (t as unknown as Record<string, unknown>)[def.slot] as (...a: unknown[]) => unknown;
  let w: (self: PyObject, args: readonly PyObject[], kw: PyTuple | null) => PyObject;
  const noKw = (kw: PyTuple | null): void => {
    if (kw !== null && kw.items.length) throw typeError(`wrapper ${def.name}() takes no keyword arguments`);
  };
  switch (def.kind) {
    case "repr":
      w = (self, args, kw) => (noKw(kw), checkArgs(def.name, args, 0), fn(self) as string);
      break;
    case "hash":
      w = (self, args) => (checkArgs(def.name, args, 0), fn(self) as PyObject);
      break;
    case "call":
      w = (self, args, kw) => {
        const nkw = kw?.items.length ?? 0;
        return fn(self, args, 0, args.length - nkw, kw) as PyObject;
      };
      break;
    case "init":
      w = (self, args, kw) => {
        const nkw = kw?.items.length ?? 0;
        fn(self, args, 0, args.length - nkw, kw);
        return Py_None;
      };
      break;
    case "iter":
    case "unary":
      w = (self, args) => (checkArgs(def.name, args, 0), fn(self) as PyObject);
      break;
    case "bool":
      w = (self, args) => (checkArgs(def.name, args, 0), fn(self) as boolean);
      break;
    case "len":
      w = (self, args) => (checkArgs(def.name, args, 0), fn(self) as number);
      break;
    case "next":
      w = (self, args) => {
        checkArgs(def.name, args, 0);
        const r = fn(self) as PyObject | null;
        if (r === null) throw newException(PyExc_StopIteration, []);
        return r;
      };
      break;
    case "getattr":
      w = (self, args) => {
        checkArgs(def.name, args, 1);
        if (typeof args[0] !== "string") throw typeError(`attribute name must be string, not '${Py_TYPE(args[0]).tp_name}'`);
        return fn(self, args[0]) as PyObject;
      };
      break;
    case "setattr":
      w = (self, args) => {
        checkArgs(def.name, args, 2);
        if (typeof args[0] !== "string") throw typeError(`attribute name must be string, not '${Py_TYPE(args[0]).tp_name}'`);
        fn(self, args[0], args[1]);
        return Py_None;
      };
      break;
    case "delattr":
      w = (self, args) => {
        checkArgs(def.name, args, 1);
        if (typeof args[0] !== "string") throw typeError(`attribute name must be string, not '${Py_TYPE(args[0]).tp_name}'`);
        fn(self, args[0], null);
        return Py_None;
      };
      break;
    case "get":
      w = (self, args) => {
        if (args.length < 1 || args.length > 2) throw typeError(`__get__ expected at least 1 argument, got ${args.length}`);
        const obj = args[0] === Py_None ? null : args[0];
        const type = args.length > 1 && args[1] !== Py_None ? (args[1] as PyTypeObject) : null;
        if (obj === null && type === null) throw typeError("__get__(None, None) is invalid");
        return fn(self, obj, type) as PyObject;
      };
      break;
    case "set":
      w = (self, args) => (checkArgs(def.name, args, 2), fn(self, args[0], args[1]), Py_None);
      break;
    case "delete":
      w = (self, args) => (checkArgs(def.name, args, 1), fn(self, args[0], null), Py_None);
      break;
    case "richcmp":
      w = (self, args) => (checkArgs(def.name, args, 1), fn(self, args[0], def.op) as PyObject);
      break;
    case "binary":
    case "inplace":
      w = (self, args) => (checkArgs(def.name, args, 1), fn(self, args[0]) as PyObject);
      break;
    case "rbinary":
      w = (self, args) => (checkArgs(def.name, args, 1), fn(args[0], self) as PyObject);
      break;
    case "ternary":
      w = (self, args) => {
        if (args.length < 1 || args.length > 2) throw typeError(`expected 1 or 2 arguments, got ${args.length}`);
        return fn(self, args[0], args.length > 1 ? args[1] : Py_None) as PyObject;
      };
      break;
    case "rternary":
      w = (self, args) => {
        if (args.length < 1 || args.length > 2) throw typeError(`expected 1 or 2 arguments, got ${args.length}`);
        return fn(args[0], self, args.length > 1 ? args[1] : Py_None) as PyObject;
      };
      break;
    case "ipow":
      w = (self, args) => fn(self, args[0], Py_None) as PyObject;
      break;
    case "getitem":
      w = (self, args) => (checkArgs(def.name, args, 1), fn(self, args[0]) as PyObject);
      break;
    case "sqitem":
      w = (self, args) => (checkArgs(def.name, args, 1), fn(self, Number(PyNumber_Index(args[0]))) as PyObject);
      break;
    case "sqrepeat":
      w = (self, args) => (checkArgs(def.name, args, 1), fn(self, PyNumber_AsSsize_t(args[0])) as PyObject);
      break;
    case "sqsetitem":
      w = (self, args) => (checkArgs(def.name, args, 2), fn(self, sqIndex(self, args[0]), args[1]), Py_None);
      break;
    case "sqdelitem":
      w = (self, args) => (checkArgs(def.name, args, 1), fn(self, sqIndex(self, args[0]), null), Py_None);
      break;
    case "setitem":
      w = (self, args) => (checkArgs(def.name, args, 2), fn(self, args[0], args[1]), Py_None);
      break;
    case "delitem":
      w = (self, args) => (checkArgs(def.name, args, 1), fn(self, args[0], null), Py_None);
      break;
    case "contains":
      w = (self, args) => (checkArgs(def.name, args, 1), fn(self, args[0]) as boolean);
      break;
    case "new":
      throw new Error("unreachable");
  }
  return new PyWrapperDescr(t, def.name, w);
}

/** An index for a sequence slot, negative ones counted from the end (CPython: getindex). */
function sqIndex(self: PyObject, key: PyObject): number {
  let i = PyNumber_AsSsize_t(key, "index");
  const len = Py_TYPE(self).sq_length;
  if (i < 0 && len !== null) i += len(self);
  return i;
}

/** Whether `t` itself (not a base) defines slot `s`. */
function ownsSlot(t: PyTypeObject, s: SlotName): boolean {
  if (!Object.prototype.hasOwnProperty.call(t, s)) return false;
  const f = (t as unknown as Record<string, unknown>)[s];
  if (f === null || f === undefined) return false;
  const base = t.tp_base;
  return base === null || (base as unknown as Record<string, unknown>)[s] !== f;
}

/** Adds a built-in type's slot wrappers to its dict (CPython: add_operators). */
function addSlotWrappers(t: PyTypeObject, d: Map<string, PyObject>): void {
  if (t.tp_flags & Py_TPFLAGS_HEAPTYPE) return;
  for (const def of slotdefs) {
    if (d.has(def.name) || !ownsSlot(t, def.slot)) continue;
    if (def.kind === "new") {
      d.set("__new__", new PyCFunction(tpNewWrapperDef, t, Py_None, t));
      continue;
    }
    if (def.slot === "sq_length" && d.has("__len__")) continue;
    if (def.kind === "getattr" && def.name === "__getattr__") continue;
    // richcompare types expose all six; number types expose both directions
    d.set(def.name, makeWrapper(t, def));
  }
  if (ownsSlot(t, "sq_item") && !d.has("__getitem__") && !ownsSlot(t, "mp_subscript")) {
    const sqItem = t.sq_item as NonNullable<PyTypeObject["sq_item"]>;
    d.set("__getitem__", new PyWrapperDescr(t, "__getitem__", (self, args) => sqItem(self, Number(PyNumber_Index(args[0])))));
  }
  if (ownsSlot(t, "sq_contains") === false && ownsSlot(t, "sq_length") && !d.has("__len__")) {
    const f = t.sq_length as NonNullable<PyTypeObject["sq_length"]>;
    d.set("__len__", new PyWrapperDescr(t, "__len__", (self) => f(self)));
  }
}

/** T.__new__(S, ...) for a built-in type T (CPython: tp_new_wrapper). */
const tpNewWrapperDef: PyMethodDef = {
  name: "__new__",
  kind: "fast",
  fn: ((self: PyObject, args: readonly PyObject[], start: number, nargs: number, kwnames: PyTuple | null) => {
    const type = self as PyTypeObject;
    if (nargs < 1) throw typeError(`${type.tp_name}.__new__(): not enough arguments`);
    const sub = args[start];
    if (!(sub instanceof PyTypeObject)) {
      throw typeError(`${type.tp_name}.__new__(X): X is not a type object (${Py_TYPE(sub).tp_name})`);
    }
    if (!PyType_IsSubtype(sub, type)) {
      throw typeError(`${type.tp_name}.__new__(${sub.tp_name}): ${sub.tp_name} is not a subtype of ${type.tp_name}`);
    }
    // The nearest base whose __new__ is not defined in Python must use `type`'s (CPython: "is not safe")
    let staticBase = sub;
    while (staticBase.tp_new === slot_tp_new && staticBase.tp_base !== null) staticBase = staticBase.tp_base;
    if (staticBase.tp_new !== type.tp_new) {
      throw typeError(`${type.tp_name}.__new__(${sub.tp_name}) is not safe, use ${staticBase.tp_name}.__new__()`);
    }
    const tnew = type.tp_new as NonNullable<PyTypeObject["tp_new"]>;
    return tnew(sub, args, start + 1, nargs - 1, kwnames);
  }) as PyMethodDef["fn"],
};

// -- slot functions of classes: call the dunder methods (CPython: slot_* functions)

function lookupMaybe(self: PyObject, name: string): PyObject | null {
  return _PyType_Lookup(Py_TYPE(self), name);
}

function slot_tp_repr(self: PyObject): string {
  const r = callSpecialOrRaise(self, "__repr__", []);
  if (typeof r !== "string") throw typeError(`__repr__ returned non-string (type ${Py_TYPE(r).tp_name})`);
  return r;
}
function slot_tp_str(self: PyObject): string {
  const r = callSpecialOrRaise(self, "__str__", []);
  if (typeof r !== "string") throw typeError(`__str__ returned non-string (type ${Py_TYPE(r).tp_name})`);
  return r;
}
function slot_tp_hash(self: PyObject): number | bigint {
  const descr = lookupMaybe(self, "__hash__");
  if (descr === null || descr === Py_None) throw typeError(`unhashable type: '${Py_TYPE(self).tp_name}'`);
  const r = callDescr(descr, self, []);
  if (typeof r === "number") return r === -1 ? -2 : r;
  if (typeof r === "boolean") return r ? 1 : 0;
  if (typeof r === "bigint") return PyObject_Hash(r);
  throw typeError("__hash__ method should return an integer");
}
export function PyObject_HashNotImplemented(self: PyObject): number {
  throw typeError(`unhashable type: '${Py_TYPE(self).tp_name}'`);
}
function slot_tp_call(self: PyObject, args: readonly PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  const descr = lookupMaybe(self, "__call__");
  if (descr === null) throw typeError(`'${Py_TYPE(self).tp_name}' object is not callable`);
  const nkw = kwnames?.items.length ?? 0;
  const stack = new Array<PyObject>(nargs + nkw + 1);
  stack[0] = self;
  for (let i = 0; i < nargs + nkw; i++) stack[i + 1] = args[start + i];
  if (Py_TYPE(descr).tp_flags & Py_TPFLAGS_METHOD_DESCRIPTOR) return PyObject_Vectorcall(descr, stack, 0, nargs + 1, kwnames);
  const get = Py_TYPE(descr).tp_descr_get;
  const bound = get !== null ? get(descr, self, Py_TYPE(self)) : descr;
  return PyObject_Vectorcall(bound, args, start, nargs, kwnames);
}
function slot_tp_iter(self: PyObject): PyObject {
  const descr = lookupMaybe(self, "__iter__");
  if (descr === null || descr === Py_None) throw typeError(`'${Py_TYPE(self).tp_name}' object is not iterable`);
  return callDescr(descr, self, []);
}
function slot_tp_iternext(self: PyObject): PyObject | null {
  try {
    return callSpecialOrRaise(self, "__next__", []);
  } catch (e) {
    if (PyErr_ExceptionMatches(e, PyExc_StopIteration)) {
      lastStopIteration = e;
      return null;
    }
    throw e;
  }
}
/** The StopIteration absorbed by the last exhausted class-defined iterator (for `yield from`'s value). */
export let lastStopIteration: PyBaseException | null = null;

function slot_tp_getattr_hook(self: PyObject, name: string): PyObject {
  const t = Py_TYPE(self);
  const getattribute = _PyType_Lookup(t, "__getattribute__");
  const getattr = _PyType_Lookup(t, "__getattr__");
  try {
    if (getattribute === null || getattribute === objectGetattributeDescr()) return PyObject_GenericGetAttr(self, name);
    return callDescr(getattribute, self, [name]);
  } catch (e) {
    if (getattr !== null && PyErr_ExceptionMatches(e, PyExc_AttributeError)) return callDescr(getattr, self, [name]);
    throw e;
  }
}
function objectGetattributeDescr(): PyObject | undefined {
  return typeDict(PyBaseObject_Type).get("__getattribute__");
}
function slot_tp_setattro(self: PyObject, name: string, value: PyObject | null): void {
  if (value === null) callSpecialOrRaise(self, "__delattr__", [name]);
  else callSpecialOrRaise(self, "__setattr__", [name, value]);
}
function slot_tp_richcompare(self: PyObject, other: PyObject, op: number): PyObject {
  const descr = lookupMaybe(self, RICH_NAMES[op]);
  if (descr === null || descr === Py_None) return Py_NotImplemented;
  return callDescr(descr, self, [other]);
}
function slot_tp_descr_get(self: PyObject, obj: PyObject | null, type: PyTypeObject | null): PyObject {
  const descr = lookupMaybe(self, "__get__");
  if (descr === null) return self;
  return callDescr(descr, self, [obj ?? Py_None, type ?? Py_None]);
}
function slot_tp_descr_set(self: PyObject, obj: PyObject, value: PyObject | null): void {
  if (value === null) callSpecialOrRaise(self, "__delete__", [obj]);
  else callSpecialOrRaise(self, "__set__", [obj, value]);
}
function slot_tp_init(self: PyObject, args: readonly PyObject[], start: number, nargs: number, kwnames: PyTuple | null): void {
  const descr = lookupMaybe(self, "__init__") as PyObject;
  const nkw = kwnames?.items.length ?? 0;
  const stack = new Array<PyObject>(nargs + nkw + 1);
  stack[0] = self;
  for (let i = 0; i < nargs + nkw; i++) stack[i + 1] = args[start + i];
  let r: PyObject;
  if (Py_TYPE(descr).tp_flags & Py_TPFLAGS_METHOD_DESCRIPTOR) r = PyObject_Vectorcall(descr, stack, 0, nargs + 1, kwnames);
  else {
    const get = Py_TYPE(descr).tp_descr_get;
    const bound = get !== null ? get(descr, self, Py_TYPE(self)) : descr;
    r = PyObject_Vectorcall(bound, args, start, nargs, kwnames);
  }
  if (r !== Py_None) throw typeError(`__init__() should return None, not '${Py_TYPE(r).tp_name}'`);
}
function slot_tp_new(type: PyTypeObject, args: readonly PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  const f = PyObject_GetAttr(type, "__new__");
  const nkw = kwnames?.items.length ?? 0;
  const stack = new Array<PyObject>(nargs + nkw + 1);
  stack[0] = type;
  for (let i = 0; i < nargs + nkw; i++) stack[i + 1] = args[start + i];
  return PyObject_Vectorcall(f, stack, 0, nargs + 1, kwnames);
}
function slot_length(self: PyObject): number {
  const r = callSpecialOrRaise(self, "__len__", []);
  const n = PyNumber_Index(r);
  if (typeof n === "bigint") {
    if (n < 0n) throw valueError("__len__() should return >= 0");
    throw newException(PyExc_OverflowError, [`cannot fit 'int' into an index-sized integer`]);
  }
  if (n < 0) throw valueError("__len__() should return >= 0");
  return n;
}

function slot_mp_subscript(self: PyObject, key: PyObject): PyObject {
  return callSpecialOrRaise(self, "__getitem__", [key]);
}
function slot_sq_item(self: PyObject, i: number): PyObject {
  return callSpecialOrRaise(self, "__getitem__", [i]);
}
function slot_mp_ass_subscript(self: PyObject, key: PyObject, value: PyObject | null): void {
  if (value === null) {
    const r = callSpecial(self, "__delitem__", [key]);
    if (r === null) throw attributeError("__delitem__");
  } else {
    const r = callSpecial(self, "__setitem__", [key, value]);
    if (r === null) throw attributeError("__setitem__");
  }
}
function slot_sq_contains(self: PyObject, value: PyObject): boolean {
  const descr = lookupMaybe(self, "__contains__");
  if (descr === Py_None) throw typeError(`'${Py_TYPE(self).tp_name}' object is not a container`);
  if (descr === null) {
    // fall back to iteration
    const it = PyObject_GetIter(self);
    for (let x = PyIter_Next(it); x !== null; x = PyIter_Next(it)) {
      if (x === value || PyObject_RichCompareBool(x, value, Py_EQ)) return true;
    }
    return false;
  }
  return PyObject_IsTrue(callDescr(descr, self, [value]));
}
function slot_nb_bool(self: PyObject): boolean {
  const descr = lookupMaybe(self, "__bool__");
  if (descr === null) {
    const len = lookupMaybe(self, "__len__");
    if (len === null) return true;
    return slot_length(self) !== 0;
  }
  const r = callDescr(descr, self, []);
  if (typeof r !== "boolean") throw typeError(`__bool__ should return bool, returned ${Py_TYPE(r).tp_name}`);
  return r;
}

function makeUnarySlot(name: string): (self: PyObject) => PyObject {
  return (self) => callSpecialOrRaise(self, name, []);
}

/** CPython: SLOT1BINFULL — a binary operator slot calling __op__ / __rop__. */
function makeBinarySlot(slot: SlotName, name: string, rname: string): (v: PyObject, w: PyObject) => PyObject {
  const fn = (v: PyObject, w: PyObject): PyObject => {
    const vt = Py_TYPE(v);
    const wt = Py_TYPE(w);
    const vHas = (vt as unknown as Record<string, unknown>)[slot] === fn;
    let doOther = vt !== wt && (wt as unknown as Record<string, unknown>)[slot] === fn;
    if (vHas) {
      if (doOther && PyType_IsSubtype(wt, vt)) {
        const rd = _PyType_Lookup(wt, rname);
        if (rd !== null && rd !== _PyType_Lookup(vt, rname)) {
          const r = callDescr(rd, w, [v]);
          if (r !== Py_NotImplemented) return r;
          doOther = false;
        }
      }
      const d = _PyType_Lookup(vt, name);
      if (d !== null && d !== Py_None) {
        const r = callDescr(d, v, [w]);
        if (r !== Py_NotImplemented || vt === wt) return r;
      }
    }
    if (doOther || (!vHas && (wt as unknown as Record<string, unknown>)[slot] === fn)) {
      const rd = _PyType_Lookup(wt, rname);
      if (rd !== null && rd !== Py_None) return callDescr(rd, w, [v]);
    }
    return Py_NotImplemented;
  };
  return fn;
}

function makeTernarySlot(): (v: PyObject, w: PyObject, z: PyObject) => PyObject {
  const fn = (v: PyObject, w: PyObject, z: PyObject): PyObject => {
    const vt = Py_TYPE(v);
    const wt = Py_TYPE(w);
    if (vt.nb_power === fn) {
      const d = _PyType_Lookup(vt, "__pow__");
      if (d !== null) {
        const r = callDescr(d, v, z === Py_None ? [w] : [w, z]);
        if (r !== Py_NotImplemented || vt === wt) return r;
      }
    }
    if (wt !== vt && wt.nb_power === fn && z === Py_None) {
      const rd = _PyType_Lookup(wt, "__rpow__");
      if (rd !== null) return callDescr(rd, w, [v]);
    }
    return Py_NotImplemented;
  };
  return fn;
}

function makeInplaceSlot(name: string): (v: PyObject, w: PyObject) => PyObject {
  return (v, w) => {
    const d = lookupMaybe(v, name);
    if (d === null) return Py_NotImplemented;
    return callDescr(d, v, [w]);
  };
}

const binarySlotFns = new Map<SlotName, (v: PyObject, w: PyObject) => PyObject>();
for (const [n, slot] of binarySlots) binarySlotFns.set(slot, makeBinarySlot(slot, `__${n}__`, `__r${n}__`));
const ternarySlotFn = makeTernarySlot();
const inplaceSlotFns = new Map<string, (v: PyObject, w: PyObject) => PyObject>();
const unarySlotFns = new Map<string, (v: PyObject) => PyObject>();

function genericSlotFor(def: SlotDef): unknown {
  // a class's Python __add__/__mul__/__setitem__ fill the number and mapping slots, not these
  // (CPython: their slotdefs have no generic function)
  if (SQ_ONLY_NATIVE.has(def.slot)) return null;
  switch (def.kind) {
    case "repr":
      return def.slot === "tp_repr" ? slot_tp_repr : slot_tp_str;
    case "hash":
      return slot_tp_hash;
    case "call":
      return slot_tp_call;
    case "iter":
      return slot_tp_iter;
    case "next":
      return slot_tp_iternext;
    case "getattr":
      return slot_tp_getattr_hook;
    case "setattr":
    case "delattr":
      return slot_tp_setattro;
    case "richcmp":
      return slot_tp_richcompare;
    case "get":
      return slot_tp_descr_get;
    case "set":
    case "delete":
      return slot_tp_descr_set;
    case "init":
      return slot_tp_init;
    case "new":
      return slot_tp_new;
    case "len":
      return slot_length;
    case "getitem":
      return slot_mp_subscript;
    case "sqitem":
      return slot_sq_item;
    case "setitem":
    case "delitem":
      return slot_mp_ass_subscript;
    case "contains":
      return slot_sq_contains;
    case "bool":
      return slot_nb_bool;
    case "unary": {
      let f = unarySlotFns.get(def.name);
      if (!f) unarySlotFns.set(def.name, (f = makeUnarySlot(def.name)));
      return f;
    }
    case "binary":
    case "rbinary":
      return binarySlotFns.get(def.slot);
    case "ternary":
    case "rternary":
      return ternarySlotFn;
    case "inplace":
    case "ipow": {
      let f = inplaceSlotFns.get(def.name);
      if (!f) inplaceSlotFns.set(def.name, (f = makeInplaceSlot(def.name)));
      return def.kind === "ipow" ? (v: PyObject, w: PyObject) => f!(v, w) : f;
    }
  }
}

/**
 * Sets a class's slots from the dunders visible through its MRO (CPython: fixup_slot_dispatchers,
 * update_one_slot). A dunder that is a built-in type's own slot wrapper keeps that native slot.
 */
function fixupSlots(t: PyTypeObject, only?: string): void {
  const rec = t as unknown as Record<string, unknown>;
  const done = new Set<SlotName>();
  for (const def of slotdefs) {
    if (only !== undefined && def.name !== only && !sameSlotGroup(def, only)) continue;
    if (done.has(def.slot)) continue;
    // all dunders mapping to this slot
    const group = slotdefs.filter((d) => d.slot === def.slot);
    let native: unknown = undefined;
    let generic = false;
    let anyFound = false;
    let hashNone = false;
    for (const g of group) {
      const descr = _PyType_Lookup(t, g.name);
      if (descr === null) continue;
      if (g.name === "__getattribute__" && descr === objectGetattributeDescr()) continue;
      anyFound = true;
      if (g.kind === "hash" && descr === Py_None) {
        hashNone = true;
        continue;
      }
      if (descr instanceof PyWrapperDescr && !(descr.owner.tp_flags & Py_TPFLAGS_HEAPTYPE)) {
        // the slot the wrapper wraps (int.__repr__ set as __str__ gives int's tp_repr), when it
        // has this slot's signature (CPython: update_one_slot compares the wrapper functions)
        const wrapped = descr.name === g.name ? g : slotdefs.find((d) => d.name === descr.name);
        const f = wrapped !== undefined && wrapped.kind === g.kind ? (descr.owner as unknown as Record<string, unknown>)[wrapped.slot] : undefined;
        if (f === undefined) {
          generic = true;
          continue;
        }
        if (native === undefined || native === f) native = f;
        else generic = true;
      } else if (g.kind === "new" && descr instanceof PyCFunction && descr.def === tpNewWrapperDef) {
        native = (descr.self as PyTypeObject).tp_new;
      } else {
        generic = true;
      }
    }
    done.add(def.slot);
    if (hashNone) {
      rec[def.slot] = PyObject_HashNotImplemented;
      continue;
    }
    if (!anyFound) continue;
    rec[def.slot] = generic || native === undefined ? genericSlotFor(def) : native;
  }
  if (rec.tp_getattro === slot_tp_getattr_hook && _PyType_Lookup(t, "__getattr__") === null) {
    const ga = _PyType_Lookup(t, "__getattribute__");
    if (ga === objectGetattributeDescr()) rec.tp_getattro = PyObject_GenericGetAttr;
  }
}

function sameSlotGroup(def: SlotDef, name: string): boolean {
  return slotdefs.some((d) => d.name === name && d.slot === def.slot);
}

function updateSlotsRecursive(t: PyTypeObject, name: string): void {
  if (!slotdefs.some((d) => d.name === name)) return;
  fixupSlots(t, name);
  for (const s of t.tp_subclasses) updateSlotsRecursive(s, name);
}

// `object.__getattribute__` etc. exist as wrappers of object's own slots; make sure they are present.

// --- super (CPython: Objects/typeobject.c, superobject) -----------------------------------------------

export class PySuper extends PyObjectBase {
  constructor(
    public type: PyTypeObject | null,
    public obj: PyObject | null,
    public objType: PyTypeObject | null,
  ) {
    super();
  }
}
export const PySuper_Type = newStaticType("super", PyBaseObject_Type, Py_TPFLAGS_BASETYPE);
PySuper.prototype.ob_type = PySuper_Type;

/**
 * [__class__, first argument] of the running Python function, for a zero-argument super() that
 * is called rather than compiled to LOAD_SUPER_ATTR (CPython: super_init_without_args).
 */
function superZeroArgHook(): [PyObject, PyObject] {
  const frame = PyThreadState_Get().current_frame;
  if (frame === null) throw runtimeError("super(): no current frame");
  const co = frame.f_executable;
  if (co.co_argcount === 0) throw runtimeError("super(): no arguments");
  let first = frame.localsplus[0];
  if (first === null) throw runtimeError("super(): arg[0] deleted");
  if (co.co_localspluskinds[0]! & CO_FAST_CELL && first instanceof PyCellObject) {
    first = first.ob_ref;
    if (first === null) throw runtimeError("super(): arg[0] deleted");
  }
  const names = co.co_localsplusnames;
  for (let i = 0; i < names.length; i++) {
    if (names[i] !== "__class__" || !(co.co_localspluskinds[i]! & CO_FAST_FREE)) continue;
    const cell = frame.localsplus[i];
    if (!(cell instanceof PyCellObject)) throw runtimeError("super(): bad __class__ cell");
    const type = cell.ob_ref;
    if (type === null) throw runtimeError("super(): empty __class__ cell");
    if (!(type instanceof PyTypeObject)) throw runtimeError(`super(): __class__ is not a type (${Py_TYPE(type).tp_name})`);
    return [type, first];
  }
  throw runtimeError("super(): __class__ cell not found");
}

function superCheck(type: PyTypeObject, obj: PyObject): PyTypeObject {
  if (obj instanceof PyTypeObject && PyType_IsSubtype(obj, type)) return obj;
  if (PyType_IsSubtype(Py_TYPE(obj), type)) return Py_TYPE(obj);
  const cls = PyObject_GetOptionalAttr(obj, "__class__");
  if (cls instanceof PyTypeObject && cls !== Py_TYPE(obj) && PyType_IsSubtype(cls, type)) return cls;
  const what = obj instanceof PyTypeObject ? `type ${obj.tp_name}` : `instance of ${Py_TYPE(obj).tp_name}`;
  throw typeError(`super(type, obj): obj (${what}) is not an instance or subtype of type (${type.tp_name}).`);
}

PySuper_Type.tp_new = (type) => {
  const s = new PySuper(null, null, null);
  s.ob_type = type;
  return s;
};
PySuper_Type.tp_init = (self, args, start, nargs, kwnames) => {
  if (kwnames !== null && kwnames.items.length) throw typeError("super() takes no keyword arguments");
  let type: PyObject;
  let obj: PyObject | null = null;
  if (nargs === 0) [type, obj] = superZeroArgHook();
  else {
    if (nargs > 2) throw typeError(`super() takes at most 2 arguments (${nargs} given)`);
    type = args[start];
    if (nargs === 2) obj = args[start + 1];
  }
  if (!(type instanceof PyTypeObject)) throw typeError(`super() argument 1 must be a type, not ${Py_TYPE(type).tp_name}`);
  const s = self as PySuper;
  s.type = type;
  if (obj === Py_None) obj = null;
  s.obj = obj;
  s.objType = obj === null ? null : superCheck(type, obj);
};
PySuper_Type.tp_getattro = (self, name) => {
  const s = self as PySuper;
  const start = s.objType;
  if (start !== null && name !== "__class__" && s.type !== null) {
    const mro = start.tp_mro;
    let i = mro.indexOf(s.type) + 1;
    for (; i > 0 && i < mro.length; i++) {
      const res = typeDict(mro[i]).get(name);
      if (res !== undefined) {
        const get = Py_TYPE(res).tp_descr_get;
        if (get !== null) return get(res, s.obj === start ? null : s.obj, start);
        return res;
      }
    }
  }
  return PyObject_GenericGetAttr(self, name);
};
PySuper_Type.tp_descr_get = (self, obj) => {
  const s = self as PySuper;
  if (obj === null || s.obj !== null) return s;
  return new PySuper(s.type, obj, s.type ? superCheck(s.type, obj) : null);
};
PySuper_Type.tp_repr = (self) => {
  const s = self as PySuper;
  if (s.objType !== null) return `<super: <class '${s.type?.tp_name}'>, <${s.objType.tp_name} object>>`;
  return `<super: <class '${s.type?.tp_name ?? "NULL"}'>, NULL>`;
};
PySuper_Type.tp_getset = [
  { name: "__thisclass__", get: (v) => (v as PySuper).type ?? Py_None },
  { name: "__self__", get: (v) => (v as PySuper).obj ?? Py_None },
  { name: "__self_class__", get: (v) => (v as PySuper).objType ?? Py_None },
];

// re-export helpers used by other modules
export { unicodeRepr as _unicodeRepr, PyObject_Repr as _repr, PyObject_RichCompare as _rc, PyObject_CallNoArgs as _cna };
