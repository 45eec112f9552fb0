// CPython: Objects/typeobject.c — the pickle/copy protocol of `object` (object.__reduce__,
// object.__reduce_ex__, object.__getstate__, reduce_newobj, _PyObject_GetNewArguments,
// _PyObject_GetState, _PyType_GetSlotNames), plus the small __reduce__ methods CPython gives
// built-in types in their own files (setobject.c, rangeobject.c, sliceobject.c, methodobject.c,
// descrobject.c, classobject.c, object.c), gathered here so those files need no import cycles.
import {
  type PyObject, type PyMethodDef, type PyTypeObject, Py_TYPE, PyBaseObject_Type, Py_None, Py_TPFLAGS_HEAPTYPE,
  PyEllipsis_Type, PyNotImplemented_Type,
} from "./object.js";
import { PyTuple } from "./tupleobject.js";
import { PyDict } from "./dictobject.js";
import { PyList, PyList_Type } from "./listobject.js";
import { PyDict_Type } from "./dictobject.js";
import {
  PyObject_GetAttr, PyObject_GetOptionalAttr, _PyObject_LookupSpecial, PyObject_CallNoArgs, PyObject_CallMethod,
  PyObject_GetIter, PyNumber_Index, PyNumber_AsSsize_t,
} from "./abstract.js";
import { typeError, valueError, overflowError } from "../python/errors.js";
import { PyType_IsSubtype } from "./object.js";
import { typeDict, instanceDict } from "./typeobject.js";
import { PyCFunction, PyCFunction_Type } from "./methodobject.js";
import {
  PyMethodDescr, PyMethodDescr_Type, PyWrapperDescr, PyWrapperDescr_Type, PyMethodWrapper, PyMethodWrapper_Type,
} from "./descrobject.js";
import { PyMethod, PyMethod_Type } from "./classobject.js";
import { PySet, PySet_Type, PyFrozenSet_Type } from "./setobject.js";
import { PyRange, PyRange_Type, PyRangeIter, PyRangeIter_Type, PyLongRangeIter, PyLongRangeIter_Type } from "./rangeobject.js";
import { PyListIter, PyListIter_Type, PyListRevIter, PyListRevIter_Type } from "./listobject.js";
import { PyTupleIter, PyTupleIter_Type } from "./tupleobject.js";
import { PyUnicodeIter, PyUnicodeIter_Type } from "./unicode_methods.js";
import { PyNamespace, PyNamespace_Type } from "./namespaceobject.js";
import { type PyInt, long_add, long_mul, long_sign } from "./longobject.js";
import { PySlice, PySlice_Type } from "./sliceobject.js";
import { PyModule } from "./moduleobject.js";
import { PyImport_ImportModuleLevel } from "../python/import.js";
import { builtinsDict } from "../python/bltinmodule.js";

type Fn = PyMethodDef["fn"];

function copyreg(): PyObject {
  return PyImport_ImportModuleLevel("copyreg", Py_None, Py_None, 0);
}

function builtinGetattr(): PyObject {
  return builtinsDict.getStr("getattr") as PyObject;
}

/** CPython: _PyType_GetSlotNames — cls.__slotnames__, computed and cached by copyreg._slotnames. */
function typeSlotNames(cls: PyTypeObject): PyObject {
  const own = typeDict(cls).get("__slotnames__");
  if (own !== undefined) {
    if (own !== Py_None && !(own instanceof PyList)) {
      throw typeError(`${cls.tp_name}.__slotnames__ should be a list or None, not ${Py_TYPE(own).tp_name}`);
    }
    return own;
  }
  const names = PyObject_CallMethod(copyreg(), "_slotnames", cls);
  if (names !== Py_None && !(names instanceof PyList)) throw typeError("copyreg._slotnames didn't return a list or None");
  return names;
}

/** The nearest base that is not a class statement's type: its instance layout is the object's. */
function staticBase(t: PyTypeObject): PyTypeObject {
  let b = t;
  while (b.tp_flags & Py_TPFLAGS_HEAPTYPE && b.tp_base !== null) b = b.tp_base;
  return b;
}

/** CPython: object_getstate_default. `required`: the state must capture everything. */
function objectGetstateDefault(obj: PyObject, required: boolean): PyObject {
  const type = Py_TYPE(obj);
  // CPython compares tp_basicsize with object's plus __dict__/__weakref__/__slots__; an object
  // whose layout comes from a built-in type other than object holds state no dict can capture.
  if (required && staticBase(type) !== PyBaseObject_Type) throw typeError(`cannot pickle '${type.tp_name}' object`);
  const d = instanceDict(obj);
  let state: PyObject = d === null || d.size === 0 ? Py_None : d;
  const slotnames = typeSlotNames(type);
  if (slotnames instanceof PyList && slotnames.items.length > 0) {
    const slots = new PyDict();
    for (const name of slotnames.items.slice()) {
      if (typeof name !== "string") throw typeError(`attribute name must be string, not '${Py_TYPE(name).tp_name}'`);
      const value = PyObject_GetOptionalAttr(obj, name);
      if (value !== null) slots.setItem(name, value);
    }
    if (slots.size > 0) state = new PyTuple([state, slots]);
  }
  return state;
}

const getstateDef: PyMethodDef = {
  name: "__getstate__",
  kind: "noargs",
  fn: ((self: PyObject) => objectGetstateDefault(self, false)) as Fn,
  doc: "__getstate__($self, /)\n--\n\nHelper for pickle.",
};

/** CPython: object_getstate — calls an overriding __getstate__, else the default with `required`. */
export function _PyObject_GetState(obj: PyObject, required = false): PyObject {
  const getstate = PyObject_GetAttr(obj, "__getstate__");
  if (getstate instanceof PyCFunction && getstate.def === getstateDef && getstate.self === obj) {
    return objectGetstateDefault(obj, required);
  }
  return PyObject_CallNoArgs(getstate);
}

/** CPython: _PyObject_GetNewArguments — from __getnewargs_ex__ or __getnewargs__, else [null, null]. */
function getNewArguments(obj: PyObject): [PyTuple | null, PyDict | null] {
  const ex = _PyObject_LookupSpecial(obj, "__getnewargs_ex__");
  if (ex !== null) {
    const r = PyObject_CallNoArgs(ex);
    if (!(r instanceof PyTuple)) throw typeError(`__getnewargs_ex__ should return a tuple, not '${Py_TYPE(r).tp_name}'`);
    if (r.items.length !== 2) throw valueError(`__getnewargs_ex__ should return a tuple of length 2, not ${r.items.length}`);
    const [args, kwargs] = r.items;
    if (!(args instanceof PyTuple)) {
      throw typeError(`first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '${Py_TYPE(args).tp_name}'`);
    }
    if (!(kwargs instanceof PyDict)) {
      throw typeError(`second item of the tuple returned by __getnewargs_ex__ must be a dict, not '${Py_TYPE(kwargs).tp_name}'`);
    }
    return [args, kwargs];
  }
  const plain = _PyObject_LookupSpecial(obj, "__getnewargs__");
  if (plain !== null) {
    const args = PyObject_CallNoArgs(plain);
    if (!(args instanceof PyTuple)) throw typeError(`__getnewargs__ should return a tuple, not '${Py_TYPE(args).tp_name}'`);
    return [args, null];
  }
  return [null, null];
}

/** CPython: reduce_newobj — the protocol 2+ reduction via copyreg.__newobj__ / __newobj_ex__. */
function reduceNewobj(obj: PyObject): PyObject {
  const type = Py_TYPE(obj);
  if (type.tp_new === null) throw typeError(`cannot pickle '${type.tp_name}' object`);
  const [args, kwargs] = getNewArguments(obj);
  const cr = copyreg();
  let newobj: PyObject;
  let newargs: PyTuple;
  if (kwargs === null || kwargs.size === 0) {
    newobj = PyObject_GetAttr(cr, "__newobj__");
    newargs = new PyTuple([type, ...(args ? args.items : [])]);
  } else {
    newobj = PyObject_GetAttr(cr, "__newobj_ex__");
    newargs = new PyTuple([type, args as PyTuple, kwargs]);
  }
  const isList = PyType_IsSubtype(type, PyList_Type);
  const isDict = PyType_IsSubtype(type, PyDict_Type);
  const state = _PyObject_GetState(obj, !(args !== null || isList || isDict));
  const listitems = isList ? PyObject_GetIter(obj) : Py_None;
  const dictitems = isDict ? PyObject_GetIter(PyObject_CallMethod(obj, "items")) : Py_None;
  return new PyTuple([newobj, newargs, state, listitems, dictitems]);
}

/** CPython: _common_reduce. */
function commonReduce(self: PyObject, proto: number): PyObject {
  if (proto >= 2) return reduceNewobj(self);
  return PyObject_CallMethod(copyreg(), "_reduce_ex", self, proto);
}

/** The `i` converter (CPython: PyLong_AsInt). */
function asCInt(v: PyObject): number {
  const i = PyNumber_Index(v);
  if (typeof i !== "number" || i > 2147483647 || i < -2147483648) throw overflowError("Python int too large to convert to C int");
  return i;
}

const reduceDef: PyMethodDef = {
  name: "__reduce__",
  kind: "noargs",
  fn: ((self: PyObject) => commonReduce(self, 0)) as Fn,
  doc: "__reduce__($self, /)\n--\n\nHelper for pickle.",
};

const reduceExDef: PyMethodDef = {
  name: "__reduce_ex__",
  kind: "o",
  fn: ((self: PyObject, protocol: PyObject) => {
    const proto = asCInt(protocol);
    const objreduce = typeDict(PyBaseObject_Type).get("__reduce__");
    const reduce = PyObject_GetOptionalAttr(self, "__reduce__");
    if (reduce !== null) {
      const clsreduce = PyObject_GetAttr(Py_TYPE(self), "__reduce__");
      if (clsreduce !== objreduce) return PyObject_CallNoArgs(reduce);
    }
    return commonReduce(self, proto);
  }) as Fn,
  doc: "__reduce_ex__($self, protocol, /)\n--\n\nHelper for pickle.",
};

/** Adds methods to a built-in type, also to its namespace when that was already built. */
function addMethods(t: PyTypeObject, defs: PyMethodDef[]): void {
  const own = Object.prototype.hasOwnProperty.call(t, "tp_methods") && t.tp_methods ? t.tp_methods : [];
  const names = new Set(defs.map((d) => d.name));
  t.tp_methods = [...own.filter((m) => !names.has(m.name)), ...defs];
  if (Object.prototype.hasOwnProperty.call(t, "tp_dict") && t.tp_dict !== null) {
    for (const d of defs) t.tp_dict.set(d.name, new PyMethodDescr(t, d));
  }
}

addMethods(PyBaseObject_Type, [reduceDef, reduceExDef, getstateDef]);

function noargs(name: string, fn: (self: PyObject) => PyObject): PyMethodDef {
  return { name, kind: "noargs", fn: fn as Fn };
}

function getattrReduce(owner: PyObject, name: string): PyObject {
  return new PyTuple([builtinGetattr(), new PyTuple([owner, name])]);
}

// setobject.c: set_reduce
function setReduce(self: PyObject): PyObject {
  const keys = new PyList((self as PySet).items);
  return new PyTuple([Py_TYPE(self), new PyTuple([keys]), _PyObject_GetState(self)]);
}
addMethods(PySet_Type, [noargs("__reduce__", setReduce)]);
addMethods(PyFrozenSet_Type, [noargs("__reduce__", setReduce)]);

// rangeobject.c: range_reduce; sliceobject.c: slice_reduce
addMethods(PyRange_Type, [
  noargs("__reduce__", (v) => {
    const r = v as PyRange;
    return new PyTuple([Py_TYPE(v), new PyTuple([r.start, r.stop, r.step])]);
  }),
]);
addMethods(PySlice_Type, [
  noargs("__reduce__", (v) => {
    const s = v as PySlice;
    return new PyTuple([Py_TYPE(v), new PyTuple([s.start, s.stop, s.step])]);
  }),
]);

// object.c: NotImplemented and Ellipsis reduce to their names (pickled as globals)
addMethods(PyNotImplemented_Type, [noargs("__reduce__", () => "NotImplemented")]);
addMethods(PyEllipsis_Type, [noargs("__reduce__", () => "Ellipsis")]);

// methodobject.c: meth_reduce — a module function by name, a bound method by getattr
addMethods(PyCFunction_Type, [
  noargs("__reduce__", (v) => {
    const f = v as PyCFunction;
    if (f.self === null || f.self === Py_None || f.self instanceof PyModule) return f.def.name;
    return getattrReduce(f.self, f.def.name);
  }),
]);

// descrobject.c: descr_reduce and wrapper_reduce
addMethods(PyMethodDescr_Type, [noargs("__reduce__", (v) => getattrReduce((v as PyMethodDescr).owner, (v as PyMethodDescr).def.name))]);
addMethods(PyWrapperDescr_Type, [noargs("__reduce__", (v) => getattrReduce((v as PyWrapperDescr).owner, (v as PyWrapperDescr).name))]);
addMethods(PyMethodWrapper_Type, [noargs("__reduce__", (v) => getattrReduce((v as PyMethodWrapper).self, (v as PyMethodWrapper).descr.name))]);

// classobject.c: method_reduce — (getattr, (self.__self__, self.__func__.__name__))
addMethods(PyMethod_Type, [
  noargs("__reduce__", (v) => {
    const m = v as PyMethod;
    return getattrReduce(m.self, PyObject_GetAttr(m.func, "__name__") as string);
  }),
]);


// namespaceobject.c: namespace_reduce
addMethods(PyNamespace_Type, [
  noargs("__reduce__", (v) => new PyTuple([Py_TYPE(v), new PyTuple([]), (v as PyNamespace).dict])),
]);

// listobject.c, tupleobject.c, unicodeobject.c, rangeobject.c: iterators reduce to iter(seq) plus
// the position, restored by __setstate__
function builtin(name: string): PyObject {
  return builtinsDict.getStr(name) as PyObject;
}
function iterReduce(seq: PyObject | null, empty: PyObject, index: number): PyObject {
  if (seq === null) return new PyTuple([builtin("iter"), new PyTuple([empty])]);
  return new PyTuple([builtin("iter"), new PyTuple([seq]), index]);
}
function clampedIndex(state: PyObject, len: number): number {
  const i = PyNumber_AsSsize_t(state);
  return i < 0 ? 0 : i > len ? len : i;
}
function setstateDef(fn: (self: PyObject, state: PyObject) => void): PyMethodDef {
  return { name: "__setstate__", kind: "o", fn: ((self: PyObject, state: PyObject) => (fn(self, state), Py_None)) as Fn };
}
addMethods(PyListIter_Type, [
  noargs("__reduce__", (v) => iterReduce((v as PyListIter).list, new PyList([]), (v as PyListIter).index)),
  setstateDef((v, st) => {
    const it = v as PyListIter;
    if (it.list !== null) it.index = clampedIndex(st, it.list.items.length);
  }),
]);
addMethods(PyListRevIter_Type, [
  noargs("__reduce__", (v) => {
    const it = v as PyListRevIter;
    if (it.list === null) return new PyTuple([builtin("reversed"), new PyTuple([new PyList([])])]);
    return new PyTuple([builtin("reversed"), new PyTuple([it.list]), it.index]);
  }),
  setstateDef((v, st) => {
    const it = v as PyListRevIter;
    if (it.list === null) return;
    const i = PyNumber_AsSsize_t(st);
    it.index = i < -1 ? -1 : i > it.list.items.length - 1 ? it.list.items.length - 1 : i;
  }),
]);
addMethods(PyTupleIter_Type, [
  noargs("__reduce__", (v) => iterReduce((v as PyTupleIter).tuple, new PyTuple([]), (v as PyTupleIter).index)),
  setstateDef((v, st) => {
    const it = v as PyTupleIter;
    if (it.tuple !== null) it.index = clampedIndex(st, it.tuple.items.length);
  }),
]);
/** Code points in s before UTF-16 offset `units`. */
function codePoints(s: string, units: number): number {
  let n = 0;
  for (let i = 0; i < units; i++, n++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) i++;
    }
  }
  return n;
}
addMethods(PyUnicodeIter_Type, [
  noargs("__reduce__", (v) => {
    const it = v as PyUnicodeIter;
    return iterReduce(it.s, "", it.s === null ? 0 : codePoints(it.s, it.index));
  }),
  setstateDef((v, st) => {
    const it = v as PyUnicodeIter;
    if (it.s === null) return;
    const cps = [...it.s];
    const i = clampedIndex(st, cps.length);
    it.index = cps.slice(0, i).join("").length;
  }),
]);
function rangeIterReduce(next: PyObject, step: PyObject, remaining: PyObject): PyObject {
  const stop = long_add(next as PyInt, long_mul(step as PyInt, remaining as PyInt));
  const r = new PyRange(next as PyInt, stop, step as PyInt);
  return new PyTuple([builtin("iter"), new PyTuple([r]), Py_None]);
}
addMethods(PyRangeIter_Type, [
  noargs("__reduce__", (v) => {
    const it = v as PyRangeIter;
    return rangeIterReduce(it.next, it.step, Math.max(0, it.remaining));
  }),
]);
addMethods(PyLongRangeIter_Type, [
  noargs("__reduce__", (v) => {
    const it = v as PyLongRangeIter;
    return rangeIterReduce(it.next, it.step, long_sign(it.remaining) < 0 ? 0 : it.remaining);
  }),
]);
