// CPython: Python/ceval.c (helper functions of the instructions) and the object-layer functions
// the generated cases call. Everything the instruction bodies need from other modules is
// imported here or in ceval.ts, so bytecodes.def's preamble stays short.
import {
  _Py_make_typevar, _Py_make_typevar_lazy, _Py_set_typeparam_default, _Py_subscript_generic, _Py_make_typealias,
} from "../objects/typevarobject.js";
import { Py_None, Py_TYPE, PyType_IsSubtype, PyTypeObject, type PyObject } from "../objects/object.js";
import { PyTuple } from "../objects/tupleobject.js";
import { PyFloat } from "../objects/floatobject.js";
import { PyList, PyListIter } from "../objects/listobject.js";
import { PyDict, PyDict_New, PyDict_Type, dict_update_arg } from "../objects/dictobject.js";
import { PySlice } from "../objects/sliceobject.js";
import { PySet, PySet_Type, makeSet, PySet_Add as setAdd, _PySet_Update as setUpdate } from "../objects/setobject.js";
import { PyRangeIter } from "../objects/rangeobject.js";
import { PyTupleIter } from "../objects/tupleobject.js";
import { PyMethod } from "../objects/classobject.js";
import {
  PyObject_Str, PyObject_Repr, PyObject_ASCII, PyObject_GetItem, PyObject_SetItem, PyObject_DelItem,
  PyObject_GetIter, PyIter_Next, PyObject_GetAttr, PyObject_GetOptionalAttr, PyObject_Vectorcall, PyObject_Call,
  PyNumber_Positive, PySequence_Tuple, iterableToArray, _PyObject_LookupSpecial, PyObject_IsTrue,
} from "../objects/abstract.js";
import { PyModule } from "../objects/moduleobject.js";
import { getSysModule, sysModules } from "../python/sysmodule.js";
import { originalImportFunc, PyImport_ImportModuleLevel } from "../python/import.js";
import {
  PyBaseException, PyExc_BaseException, PyExc_TypeError, PyExc_ValueError, PyExc_RuntimeError, PyExc_NameError,
  PyExc_SystemError, PyExc_KeyError, PyExc_ImportError, PyExc_AssertionError, PyExc_NotImplementedError, newException,
  PyExc_StopIteration,
} from "../objects/exceptions.js";
import { PyErr_Format, PyErr_GivenExceptionMatches, PyErr_ExceptionMatches, keyError } from "../python/errors.js";
import { PyFunctionObject } from "../objects/funcobject.js";
import { PyObject_GenericGetAttr, _PyType_Lookup } from "../objects/typeobject.js";
import { Py_TPFLAGS_METHOD_DESCRIPTOR } from "../objects/descrobject.js";
import { builtinsDict } from "../python/bltinmodule.js";
import { PyGenObject, _PyGen_SendEx, _PyGen_LastReturned } from "../objects/genobject.js";
import { stopIterationValue } from "../objects/abstract.js";
import { CO_COROUTINE, CO_ASYNC_GENERATOR } from "../objects/codeobject.js";
import type { _PyInterpreterFrame } from "./frame.js";
import type { PyThreadState } from "./pystate.js";
import { _PyEval_NameError } from "./ceval.js";

export {
  PyObject_GetItem, PyObject_SetItem, PyObject_DelItem, PyObject_GetIter, PyIter_Next, PyObject_GetAttr,
  PyObject_Vectorcall, PyList, PyMethod,
};
export { PyObject_Str, PySequence_Tuple, PyObject_IsTrue };
export { PyObject_IsInstance } from "../python/bltinmodule.js";

/** A builtin by name (for the specializations that recognize len, isinstance, ...). */
export function _PyEval_Builtin(name: string): PyObject | null {
  return builtinsDict.getStr(name) ?? null;
}

export {
  PyNumber_Negative, PyNumber_Invert, PyObject_RichCompare, PySequence_Contains,
  PyObject_SetAttr, PyObject_DelAttr, PyObject_Format, PyObject_Size,
} from "../objects/abstract.js";

// ---- dicts, lists, slices (thin C-API-named wrappers over the object layer) ----------------------

/** d[key] or null (CPython: PyDict_GetItem, which never raises for a missing key). */
export function PyDict_GetItem(d: PyObject, key: PyObject): PyObject | null {
  return (d as PyDict).getItem(key) ?? null;
}
export function PyDict_SetItem(d: PyObject, key: PyObject, value: PyObject): void {
  (d as PyDict).setItem(key, value);
}
/** del d[key]; KeyError when absent. */
export function PyDict_DelItem(d: PyObject, key: PyObject): void {
  if (!(d as PyDict).delItem(key)) throw keyError(key);
}
export function PyList_New(items: PyObject[]): PyList {
  return new PyList(items);
}
export function PyList_Append(list: PyObject, v: PyObject): void {
  (list as PyList).items.push(v);
}
/** list.extend(iterable) for LIST_EXTEND. */
export function _PyList_Extend(list: PyObject, iterable: PyObject): void {
  const items = (list as PyList).items;
  const src = iterable instanceof PyList || iterable instanceof PyTuple ? iterable.items.slice() : iterableToArray(iterable);
  for (const v of src) items.push(v);
}
export function PySet_Add(set: PyObject, v: PyObject): void {
  setAdd(set as PySet, v);
}
export function _PySet_Update(set: PyObject, iterable: PyObject): void {
  setUpdate(set as PySet, iterable);
}
export function _PyEval_BuildSet(lp: (PyObject | null)[], start: number, n: number): PyObject {
  return makeSet(PySet_Type, lp.slice(start, start + n) as PyObject[]);
}
export function PySlice_New(start: PyObject, stop: PyObject, step: PyObject): PySlice {
  return new PySlice(start, stop, step);
}

// ---- the iterators FOR_ITER specializes on -------------------------------------------------------

export function _PyListIter_CheckExact(v: PyObject): v is PyListIter {
  return v instanceof PyListIter;
}
/** Next item of a list iterator, or null when done. */
export function _PyListIter_Next(v: PyObject): PyObject | null {
  const it = v as PyListIter;
  const l = it.list;
  if (l === null) return null;
  if (it.index < l.items.length) return l.items[it.index++]!;
  it.list = null;
  return null;
}
export function _PyTupleIter_CheckExact(v: PyObject): v is PyTupleIter {
  return v instanceof PyTupleIter;
}
export function _PyTupleIter_Next(v: PyObject): PyObject | null {
  const it = v as PyTupleIter;
  const t = it.tuple;
  if (t === null) return null;
  if (it.index < t.items.length) return t.items[it.index++]!;
  it.tuple = null;
  return null;
}
export function _PyRangeIter_CheckExact(v: PyObject): v is PyRangeIter {
  return v instanceof PyRangeIter;
}
export function _PyRangeIter_Next(v: PyObject): PyObject | null {
  const it = v as PyRangeIter;
  if (it.remaining <= 0) return null;
  const r = it.next;
  it.next += it.step;
  it.remaining--;
  return r;
}

// ---- type checks used by the specializations ----------------------------------------------------

const floatType = PyFloat.prototype.ob_type;
export function PyFloat_CheckExact(v: PyObject): v is PyFloat {
  return v instanceof PyFloat && v.ob_type === floatType;
}
export function PyList_CheckExact(v: PyObject): v is PyList {
  return v instanceof PyList && v.ob_type === PyList.prototype.ob_type;
}
export function PyTuple_CheckExact(v: PyObject): v is PyTuple {
  return v instanceof PyTuple && v.ob_type === PyTuple.prototype.ob_type;
}
export function PyDict_CheckExact(v: PyObject): v is PyDict {
  return v instanceof PyDict && v.ob_type === PyDict.prototype.ob_type;
}

/**
 * The bit of COMPARE_OP's low oparg bits that holds for x ? y: 2 for <, 4 for >, 8 for ==, 1 when
 * unordered (NaN) (CPython: COMPARISON_BIT).
 */
export function COMPARISON_BIT(x: number, y: number): number {
  return 1 << (2 * (x >= y ? 1 : 0) + (x <= y ? 1 : 0));
}

/** Product of two compact ints (|v| < 2**30): exact, as a number when safe, else a bigint. */
export function _PyLong_MultiplyCompact(a: number, b: number): PyObject {
  const r = a * b;
  if (Number.isSafeInteger(r)) return r === 0 ? 0 : r;
  return BigInt(a) * BigInt(b);
}

export function _PyEval_NotImplemented(what: string): PyBaseException {
  return PyErr_Format(PyExc_SystemError, `tython: ${what} is not implemented yet`);
}

/** The exception a generator's throw() asks a resumed frame to raise. */
export function _PyEval_PendingThrow(tstate: PyThreadState): PyBaseException {
  const exc = tstate.pending_throw as PyBaseException;
  tstate.pending_throw = null;
  return exc;
}

let sendReturned = false;
/** Whether the last _PyEval_Send finished the sub-iterator (SEND then jumps to END_SEND). */
export function _PyEval_SendReturned(): boolean {
  return sendReturned;
}

/** SEND: resumes the sub-iterator of `yield from` with `v` (CPython: SEND, _PyGen_SendEx). */
export function _PyEval_Send(receiver: PyObject, v: PyObject): PyObject {
  if (receiver instanceof PyGenObject) {
    const r = _PyGen_SendEx(receiver, v, null, false);
    sendReturned = _PyGen_LastReturned();
    return r;
  }
  sendReturned = false;
  try {
    if (v === Py_None) {
      const r = PyIter_Next(receiver);
      if (r === null) {
        sendReturned = true;
        return Py_None;
      }
      return r;
    }
    return PyObject_Vectorcall(PyObject_GetAttr(receiver, "send"), [v], 0, 1, null);
  } catch (e) {
    if (PyErr_ExceptionMatches(e, PyExc_StopIteration)) {
      sendReturned = true;
      return stopIterationValue(e);
    }
    throw e;
  }
}

/** GET_YIELD_FROM_ITER. */
export function _PyEval_GetYieldFromIter(iterable: PyObject): PyObject {
  return iterable instanceof PyGenObject ? iterable : PyObject_GetIter(iterable);
}

/** CLEANUP_THROW: a StopIteration from the sub-iterator ends `yield from` with its value. */
export function _PyEval_CleanupThrowValue(exc: PyObject): PyObject | null {
  return PyErr_ExceptionMatches(exc, PyExc_StopIteration) ? stopIterationValue(exc) : null;
}

// ---- names --------------------------------------------------------------------------------------

/** mapping[name], or null when the key is missing (dict fast path). */
export function _PyEval_MappingGet(mapping: PyObject, name: string): PyObject | null {
  return mappingGet(mapping, name);
}

/** A dict subclass goes through its __getitem__/__setitem__ (CPython: PyDict_CheckExact). */
function isExactDict(v: PyObject): v is PyDict {
  return v instanceof PyDict && v.ob_type === PyDict_Type;
}

function mappingGet(mapping: PyObject, name: string): PyObject | null {
  if (isExactDict(mapping)) return PyDict_GetItem(mapping, name);
  try {
    return PyObject_GetItem(mapping, name);
  } catch (e) {
    if (PyErr_ExceptionMatches(e, PyExc_KeyError)) return null;
    throw e;
  }
}

/** LOAD_NAME: locals, then globals, then builtins. */
export function _PyEval_LoadName(frame: _PyInterpreterFrame, name: string): PyObject {
  const locals = frame.f_locals;
  if (locals === null) throw PyErr_Format(PyExc_SystemError, `no locals found when loading '${name}'`);
  const v = mappingGet(locals, name) ?? PyDict_GetItem(frame.f_globals, name) ?? mappingGet(frame.f_builtins, name);
  if (v === null) throw _PyEval_NameError(name);
  return v;
}

export function _PyEval_StoreName(frame: _PyInterpreterFrame, name: string, v: PyObject): void {
  const locals = frame.f_locals;
  if (locals === null) throw PyErr_Format(PyExc_SystemError, `no locals found when storing '${name}'`);
  if (isExactDict(locals)) PyDict_SetItem(locals, name, v);
  else PyObject_SetItem(locals, name, v);
}

export function _PyEval_DeleteName(frame: _PyInterpreterFrame, name: string): void {
  const locals = frame.f_locals;
  if (locals === null) throw PyErr_Format(PyExc_SystemError, `no locals when deleting '${name}'`);
  try {
    PyObject_DelItem(locals, name);
  } catch (e) {
    if (PyErr_ExceptionMatches(e, PyExc_KeyError)) throw _PyEval_NameError(name);
    throw e;
  }
}

export function _PyEval_DeleteGlobal(globals: PyObject, name: string): void {
  try {
    PyDict_DelItem(globals, name);
  } catch (e) {
    if (PyErr_ExceptionMatches(e, PyExc_KeyError)) throw _PyEval_NameError(name);
    throw e;
  }
}

// ---- building values ----------------------------------------------------------------------------

export function _PyEval_BuildString(lp: (PyObject | null)[], start: number, n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += lp[start + i] as string;
  return s;
}

export function _PyEval_BuildMap(lp: (PyObject | null)[], start: number, n: number): PyObject {
  const d = PyDict_New();
  for (let i = 0; i < n; i++) PyDict_SetItem(d, lp[start + 2 * i]!, lp[start + 2 * i + 1]!);
  return d;
}

/** DICT_UPDATE: {**a, **b}. */
export function _PyEval_DictUpdate(dict: PyObject, update: PyObject): void {
  if (!(update instanceof PyDict) && PyObject_GetOptionalAttr(update, "keys") === null) {
    throw PyErr_Format(PyExc_TypeError, `'${Py_TYPE(update).tp_name}' object is not a mapping`);
  }
  dict_update_arg(dict as PyDict, update);
}

/** "module.qualname" of a callable for call errors (CPython: _PyObject_FunctionStr). */
function functionStr(func: PyObject): string {
  if (func instanceof PyFunctionObject) {
    const mod = func.func_module;
    return typeof mod === "string" && mod !== "builtins" ? `${mod}.${func.func_qualname}()` : `${func.func_qualname}()`;
  }
  // CPython: _PyObject_FunctionStr — any callable with a __qualname__
  const qualname = PyObject_GetOptionalAttr(func, "__qualname__");
  if (qualname === null) return `${PyObject_Str(func)}`;
  const mod = PyObject_GetOptionalAttr(func, "__module__");
  if (mod !== null && mod !== Py_None && !(typeof mod === "string" && mod === "builtins")) {
    return `${PyObject_Str(mod)}.${PyObject_Str(qualname)}()`;
  }
  return `${PyObject_Str(qualname)}()`;
}

/** DICT_MERGE: f(**a, **b), rejecting repeated keywords. */
export function _PyEval_DictMerge(callable: PyObject, dict: PyObject, update: PyObject): void {
  if (!(update instanceof PyDict) && PyObject_GetOptionalAttr(update, "keys") === null) {
    throw PyErr_Format(PyExc_TypeError, `${functionStr(callable)} argument after ** must be a mapping, not ${Py_TYPE(update).tp_name}`);
  }
  const keys = iterableToArray(update);
  for (const k of keys) {
    if (typeof k !== "string") throw PyErr_Format(PyExc_TypeError, `${functionStr(callable)} keywords must be strings`);
    if (PyDict_GetItem(dict, k) !== null) {
      throw PyErr_Format(PyExc_TypeError, `${functionStr(callable)} got multiple values for keyword argument '${k}'`);
    }
    PyDict_SetItem(dict, k, PyObject_GetItem(update, k));
  }
}

/** CONVERT_VALUE: the !s, !r, !a of f-strings. */
export function _PyEval_ConvertValue(value: PyObject, oparg: number): string {
  switch (oparg) {
    case 1:
      return PyObject_Str(value);
    case 2:
      return PyObject_Repr(value);
    default:
      return PyObject_ASCII(value);
  }
}

/**
 * UNPACK_SEQUENCE / UNPACK_EX: stores the items of `seq` at lp[base...] so that the first item ends
 * on top of the stack; with `after` >= 0, the items between go to a list (CPython: _PyEval_UnpackIterable).
 */
export function _PyEval_UnpackIterable(seq: PyObject, before: number, after: number, lp: (PyObject | null)[], base: number): void {
  let items: PyObject[];
  if (seq instanceof PyTuple || seq instanceof PyList) {
    items = seq.items as PyObject[];
  } else {
    let it: PyObject;
    try {
      it = PyObject_GetIter(seq);
    } catch (e) {
      if (PyErr_ExceptionMatches(e, PyExc_TypeError) && Py_TYPE(seq).tp_iter === null) {
        throw PyErr_Format(PyExc_TypeError, `cannot unpack non-iterable ${Py_TYPE(seq).tp_name} object`);
      }
      throw e;
    }
    items = [];
    const limit = after < 0 ? before + 1 : Infinity;
    while (items.length < limit) {
      const v = PyIter_Next(it);
      if (v === null) break;
      items.push(v);
    }
    if (after < 0 && items.length > before) {
      const sized = seq instanceof PyDict;
      throw PyErr_Format(PyExc_ValueError, sized ? `too many values to unpack (expected ${before}, got ${iterableToArray(seq).length})` : `too many values to unpack (expected ${before})`);
    }
  }
  const n = items.length;
  if (after < 0) {
    if (n < before) throw PyErr_Format(PyExc_ValueError, `not enough values to unpack (expected ${before}, got ${n})`);
    if (n > before) throw PyErr_Format(PyExc_ValueError, `too many values to unpack (expected ${before}, got ${n})`);
    for (let i = 0; i < n; i++) lp[base + n - 1 - i] = items[i]!;
    return;
  }
  if (n < before + after) {
    throw PyErr_Format(PyExc_ValueError, `not enough values to unpack (expected at least ${before + after}, got ${n})`);
  }
  const total = before + 1 + after;
  for (let i = 0; i < before; i++) lp[base + total - 1 - i] = items[i]!;
  lp[base + after] = new PyList(items.slice(before, n - after));
  for (let i = 0; i < after; i++) lp[base + after - 1 - i] = items[n - after + i]!;
}

// ---- calls --------------------------------------------------------------------------------------

/** CALL_FUNCTION_EX: f(*args, **kwargs). */
export function _PyEval_CallFunctionEx(func: PyObject, callargs: PyObject, kwargs: PyObject | null): PyObject {
  let args: PyTuple;
  if (callargs instanceof PyTuple) {
    args = callargs;
  } else {
    try {
      args = PySequence_Tuple(callargs);
    } catch (e) {
      if (PyErr_ExceptionMatches(e, PyExc_TypeError) && Py_TYPE(callargs).tp_iter === null && Py_TYPE(callargs).sq_item === null) {
        throw PyErr_Format(PyExc_TypeError, `${functionStr(func)} argument after * must be an iterable, not ${Py_TYPE(callargs).tp_name}`);
      }
      throw e;
    }
  }
  if (kwargs === null || kwargs === Py_None) return PyObject_Vectorcall(func, args.items, 0, args.items.length, null);
  return PyObject_Call(func, args, kwargs as PyDict);
}

/**
 * LOAD_ATTR with the method flag (CPython: _PyObject_GetMethod): when `name` is a plain method
 * found on the type and not shadowed by the instance dict, leaves [function, owner] so CALL makes
 * no bound method; otherwise [attribute, NULL].
 */
export function _PyObject_GetMethod(owner: PyObject, name: string, lp: (PyObject | null)[], selfIndex: number): PyObject {
  const t = Py_TYPE(owner);
  if (t.tp_getattro === PyObject_GenericGetAttr) {
    const descr = _PyType_Lookup(t, name);
    if (descr !== null && Py_TYPE(descr).tp_flags & Py_TPFLAGS_METHOD_DESCRIPTOR) {
      const d = typeof owner === "object" ? (owner as { dict?: PyObject | null }).dict : undefined;
      if (!(d instanceof PyDict) || d.getStr(name) === undefined) {
        lp[selfIndex] = owner;
        return descr;
      }
    }
  }
  lp[selfIndex] = null;
  return PyObject_GetAttr(owner, name);
}

// ---- with, super, __init__ -------------------------------------------------------------------------

const SPECIAL_METHODS = ["__enter__", "__exit__", "__aenter__", "__aexit__"];

/** LOAD_SPECIAL: the bound __enter__/__exit__/__aenter__/__aexit__ of a context manager. */
export function _PyEval_LoadSpecial(owner: PyObject, oparg: number): PyObject {
  const name = SPECIAL_METHODS[oparg]!;
  const m = _PyObject_LookupSpecial(owner, name);
  if (m !== null) return m;
  const proto = oparg >= 2 ? "asynchronous context manager" : "context manager";
  throw PyErr_Format(PyExc_TypeError, `'${Py_TYPE(owner).tp_name}' object does not support the ${proto} protocol (missed ${name} method)`);
}

/** WITH_EXCEPT_START: __exit__(type, value, traceback) for the exception leaving a with block. */
export function _PyEval_WithExceptStart(exitFunc: PyObject, exitSelf: PyObject | null, val: PyObject): PyObject {
  const tb = val instanceof PyBaseException ? (val.traceback ?? Py_None) : Py_None;
  const args = exitSelf === null ? [Py_TYPE(val), val, tb] : [exitSelf, Py_TYPE(val), val, tb];
  return PyObject_Vectorcall(exitFunc, args, 0, args.length, null);
}

/** LOAD_SUPER_ATTR: super(class, self).name (the zero-argument form passes __class__ and self too). */
export function _PyEval_LoadSuperAttr(globalSuper: PyObject, cls: PyObject, self: PyObject, name: string, twoArgs: boolean): PyObject {
  const sup = PyObject_Vectorcall(globalSuper, twoArgs ? [cls, self] : [cls, self], 0, 2, null);
  return PyObject_GetAttr(sup, name);
}

/** EXIT_INIT_CHECK: __init__ must return None. */
export function _PyEval_InitNotNone(v: PyObject): PyBaseException {
  return PyErr_Format(PyExc_TypeError, `__init__() should return None, not '${Py_TYPE(v).tp_name}'`);
}

// ---- exceptions ---------------------------------------------------------------------------------

function isExceptionClass(v: PyObject): v is PyTypeObject {
  return v instanceof PyTypeObject && PyType_IsSubtype(v, PyExc_BaseException);
}

/** The exception `raise exc from cause` throws (CPython: do_raise). */
export function _PyEval_DoRaise(tstate: PyThreadState, exc: PyObject | null, cause: PyObject | null): PyBaseException {
  if (exc === null) {
    const cur = tstate.exc_info;
    if (cur === null || cur === Py_None) return PyErr_Format(PyExc_RuntimeError, "No active exception to reraise");
    return cur as PyBaseException;
  }
  let value: PyBaseException;
  if (isExceptionClass(exc)) {
    const made = PyObject_Vectorcall(exc, [], 0, 0, null);
    if (!(made instanceof PyBaseException)) {
      return PyErr_Format(PyExc_TypeError, `calling ${PyObject_Repr(exc)} should have returned an instance of BaseException, not ${Py_TYPE(made).tp_name}`);
    }
    value = made;
  } else if (exc instanceof PyBaseException) {
    value = exc;
  } else {
    return PyErr_Format(PyExc_TypeError, "exceptions must derive from BaseException");
  }
  if (cause !== null) {
    let fixed: PyObject | null;
    if (isExceptionClass(cause)) fixed = PyObject_Vectorcall(cause, [], 0, 0, null);
    else if (cause instanceof PyBaseException) fixed = cause;
    else if (cause === Py_None) fixed = null;
    else return PyErr_Format(PyExc_TypeError, "exception causes must derive from BaseException");
    value.cause = fixed;
    value.suppressContext = true;
  }
  return value;
}

/**
 * Links a newly raised exception to the one being handled (CPython does this in _PyErr_SetObject):
 * exc.__context__ = the handled exception, cutting any cycle this would create.
 */
export function _PyErr_ChainContext(tstate: PyThreadState, exc: PyBaseException): void {
  const handled = tstate.exc_info;
  if (!(handled instanceof PyBaseException) || handled === exc || exc.context !== null) return;
  let o: PyBaseException = handled;
  for (let depth = 0; depth < 10000; depth++) {
    const ctx = o.context;
    if (!(ctx instanceof PyBaseException)) break;
    if (ctx === exc) {
      o.context = null;
      break;
    }
    o = ctx;
  }
  exc.context = handled;
}

/** CHECK_EXC_MATCH: `except right:` applied to exception `left`. */
export function _PyEval_CheckExceptionMatch(left: PyObject, right: PyObject): boolean {
  const ok = right instanceof PyTuple ? right.items.every(isExceptionClass) : isExceptionClass(right);
  if (!ok) throw PyErr_Format(PyExc_TypeError, "catching classes that do not inherit from BaseException is not allowed");
  return PyErr_GivenExceptionMatches(left, right);
}

// ---- miscellaneous ------------------------------------------------------------------------------

/** LOAD_COMMON_CONSTANT's oparg (CPython: opcode._common_constants). */
export function _PyEval_CommonConstant(oparg: number, builtins: PyObject): PyObject {
  switch (oparg) {
    case 0:
      return PyExc_AssertionError;
    case 1:
      return PyExc_NotImplementedError;
    default: {
      const name = ["tuple", "all", "any"][oparg - 2]!;
      const v = mappingGet(builtins, name);
      if (v === null) throw _PyEval_NameError(name);
      return v;
    }
  }
}

export function _PyEval_LoadBuildClass(builtins: PyObject): PyObject {
  const bc = mappingGet(builtins, "__build_class__");
  if (bc === null) throw PyErr_Format(PyExc_NameError, "__build_class__ not found");
  return bc;
}

/** IMPORT_NAME: builtins.__import__(name, globals, locals, fromlist, level), directly when it is the original. */
export function _PyEval_ImportName(frame: _PyInterpreterFrame, name: string, fromlist: PyObject, level: PyObject): PyObject {
  const imp = mappingGet(frame.f_builtins, "__import__");
  if (imp === null) throw PyErr_Format(PyExc_ImportError, "__import__ not found");
  if (imp === originalImportFunc() && typeof level === "number") return PyImport_ImportModuleLevel(name, frame.f_globals, fromlist, level);
  const args = [name, frame.f_globals, frame.f_locals ?? Py_None, fromlist, level];
  return PyObject_Vectorcall(imp, args, 0, 5, null);
}

/** IMPORT_FROM: `from module import name`, with sys.modules' submodule for a circular import (CPython: _PyEval_ImportFrom). */
export function _PyEval_ImportFrom(module: PyObject, name: string): PyObject {
  const v = PyObject_GetOptionalAttr(module, name);
  if (v !== null) return v;
  const modName = PyObject_GetOptionalAttr(module, "__name__");
  if (typeof modName === "string") {
    const sub = sysModules().getStr(`${modName}.${name}`);
    if (sub !== undefined) return sub;
  }
  const shown = PyObject_Repr(typeof modName === "string" ? modName : "<unknown module name>");
  const what = PyObject_Repr(name);
  const attrs = (origin: PyObject): Map<string, PyObject> =>
    new Map<string, PyObject>([["name", typeof modName === "string" ? modName : Py_None], ["path", origin], ["name_from", name]]);
  const spec = PyObject_GetOptionalAttr(module, "__spec__");
  if (spec === null) throw newException(PyExc_ImportError, [`cannot import name ${what} from ${shown} (unknown location)`], attrs(Py_None));
  // CPython: _PyModuleSpec_GetFileOrigin: spec.origin when spec.has_location
  let origin: string | null = null;
  const hasLocation = PyObject_GetOptionalAttr(spec, "has_location");
  if (hasLocation !== null && PyObject_IsTrue(hasLocation)) {
    const o = PyObject_GetOptionalAttr(spec, "origin");
    if (typeof o === "string") origin = o;
  }
  const shadowing = isPossiblyShadowing(origin);
  const stdlibNames = shadowing ? getSysAttr("stdlib_module_names") : null;
  const shadowingStdlib = shadowing && stdlibNames instanceof PySet && typeof modName === "string" && stdlibNames.has(modName);
  if (origin === null && module instanceof PyModule) {
    const f = module.dict.getStr("__file__");
    if (typeof f === "string") origin = f;
  }
  let msg: string;
  if (shadowingStdlib) {
    msg = `cannot import name ${what} from ${shown} (consider renaming ${PyObject_Repr(origin as string)} since it has the same name as the standard library module named ${shown} and prevents importing that standard library module)`;
  } else {
    const initializing = spec !== Py_None && (() => {
      const i = PyObject_GetOptionalAttr(spec, "_initializing");
      return i !== null && PyObject_IsTrue(i);
    })();
    if (initializing) {
      if (shadowing) msg = `cannot import name ${what} from ${shown} (consider renaming ${PyObject_Repr(origin as string)} if it has the same name as a library you intended to import)`;
      else if (origin !== null) msg = `cannot import name ${what} from partially initialized module ${shown} (most likely due to a circular import) (${origin})`;
      else msg = `cannot import name ${what} from partially initialized module ${shown} (most likely due to a circular import)`;
    } else if (origin !== null) msg = `cannot import name ${what} from ${shown} (${origin})`;
    else msg = `cannot import name ${what} from ${shown} (unknown location)`;
  }
  throw newException(PyExc_ImportError, [msg], attrs(origin ?? Py_None));
}

function getSysAttr(name: string): PyObject | null {
  return getSysModule().dict.getStr(name) ?? null;
}

/**
 * Whether a module from `origin` may hide a later module of its name: its folder (a package's
 * parent) is sys.path[0] (or the current directory for "") and -P is not given
 * (CPython: _PyModule_IsPossiblyShadowing).
 */
function isPossiblyShadowing(origin: string | null): boolean {
  if (origin === null) return false;
  const flags = getSysAttr("flags");
  const safe = flags !== null ? PyObject_GetOptionalAttr(flags, "safe_path") : null;
  if (safe !== null && PyObject_IsTrue(safe)) return false;
  const stripped = origin.endsWith("/__init__.py") ? origin.slice(0, -"/__init__.py".length) : origin;
  const root = stripped.slice(0, Math.max(0, stripped.lastIndexOf("/")));
  const path = getSysAttr("path");
  if (!(path instanceof PyList) || path.items.length === 0) return false;
  let first = path.items[0];
  if (typeof first !== "string") return false;
  if (first === "") first = process.cwd();
  return first === root;
}

// CALL_INTRINSIC_1's oparg (CPython: Include/internal/pycore_intrinsics.h)
const INTRINSIC_IMPORT_STAR = 2;
const INTRINSIC_STOPITERATION_ERROR = 3;
const INTRINSIC_UNARY_POSITIVE = 5;
const INTRINSIC_LIST_TO_TUPLE = 6;
const INTRINSIC_TYPEVAR = 7;
const INTRINSIC_PARAMSPEC = 8;
const INTRINSIC_TYPEVARTUPLE = 9;
const INTRINSIC_SUBSCRIPT_GENERIC = 10;
const INTRINSIC_TYPEALIAS = 11;
// CALL_INTRINSIC_2
const INTRINSIC_TYPEVAR_WITH_BOUND = 2;
const INTRINSIC_TYPEVAR_WITH_CONSTRAINTS = 3;
const INTRINSIC_SET_FUNCTION_TYPE_PARAMS = 4;
const INTRINSIC_SET_TYPEPARAM_DEFAULT = 5;

export function _PyEval_CallIntrinsic1(oparg: number, value: PyObject, frame: _PyInterpreterFrame): PyObject {
  switch (oparg) {
    case INTRINSIC_IMPORT_STAR:
      importAllFrom(frame, value);
      return Py_None;
    case INTRINSIC_STOPITERATION_ERROR:
      return stopIterationError(frame, value);
    case INTRINSIC_UNARY_POSITIVE:
      return PyNumber_Positive(value);
    case INTRINSIC_LIST_TO_TUPLE:
      return new PyTuple((value as PyList).items.slice());
    case INTRINSIC_TYPEVAR:
      return _Py_make_typevar("TypeVar", value);
    case INTRINSIC_PARAMSPEC:
      return _Py_make_typevar("ParamSpec", value);
    case INTRINSIC_TYPEVARTUPLE:
      return _Py_make_typevar("TypeVarTuple", value);
    case INTRINSIC_SUBSCRIPT_GENERIC:
      return _Py_subscript_generic(value);
    case INTRINSIC_TYPEALIAS:
      return _Py_make_typealias(value);
  }
  throw _PyEval_NotImplemented(`CALL_INTRINSIC_1 ${oparg}`);
}

/** `from module import *` into the frame's locals (CPython: import_all_from). */
function importAllFrom(frame: _PyInterpreterFrame, module: PyObject): void {
  const locals = frame.f_locals;
  if (locals === null) throw PyErr_Format(PyExc_SystemError, "no locals found during 'import *'");
  let names: PyObject[];
  let skipPrivate = false;
  const all = PyObject_GetOptionalAttr(module, "__all__");
  if (all !== null) {
    names = iterableToArray(all);
  } else {
    const dict = PyObject_GetOptionalAttr(module, "__dict__");
    if (dict === null) {
      throw PyErr_Format(PyExc_ImportError, "from-import-* object has no __dict__ and no __all__");
    }
    names = iterableToArray(dict);
    skipPrivate = true;
  }
  for (const name of names) {
    if (typeof name !== "string") {
      const modName = PyObject_GetOptionalAttr(module, "__name__");
      const where = all !== null ? `${typeof modName === "string" ? modName : "<unknown>"}.__all__` : `${typeof modName === "string" ? modName : "<unknown>"}.__dict__`;
      throw PyErr_Format(PyExc_TypeError, `${all !== null ? "Item in" : "Key in"} ${where} must be str, not ${Py_TYPE(name).tp_name}`);
    }
    if (skipPrivate && name.startsWith("_")) continue;
    const v = PyObject_GetAttr(module, name);
    if (isExactDict(locals)) PyDict_SetItem(locals, name, v);
    else PyObject_SetItem(locals, name, v);
  }
}

/** SETUP_ANNOTATIONS: makes sure the namespace has an __annotations__ dict. */
export function _PyEval_SetupAnnotations(frame: _PyInterpreterFrame): void {
  const locals = frame.f_locals;
  if (locals === null) throw PyErr_Format(PyExc_SystemError, "no locals found when setting up annotations");
  if (mappingGet(locals, "__annotations__") !== null) return;
  if (locals instanceof PyDict) PyDict_SetItem(locals, "__annotations__", PyDict_New());
  else PyObject_SetItem(locals, "__annotations__", PyDict_New());
}

/** PEP 479: StopIteration leaving a generator becomes RuntimeError (CPython: _PyGen_FetchStopIterationValue's twin). */
function stopIterationError(frame: _PyInterpreterFrame, exc: PyObject): PyObject {
  if (!(exc instanceof PyBaseException) || !PyErr_ExceptionMatches(exc, PyExc_StopIteration)) return exc;
  const flags = frame.f_executable.co_flags;
  const what = flags & CO_COROUTINE ? "coroutine" : flags & CO_ASYNC_GENERATOR ? "async generator" : "generator";
  const err = PyErr_Format(PyExc_RuntimeError, `${what} raised StopIteration`);
  err.cause = exc;
  err.context = exc;
  return err;
}

export function _PyEval_CallIntrinsic2(oparg: number, value2: PyObject, value1: PyObject): PyObject {
  switch (oparg) {
    case INTRINSIC_TYPEVAR_WITH_BOUND:
      return _Py_make_typevar_lazy(value2, value1, false);
    case INTRINSIC_TYPEVAR_WITH_CONSTRAINTS:
      return _Py_make_typevar_lazy(value2, value1, true);
    case INTRINSIC_SET_FUNCTION_TYPE_PARAMS:
      (value2 as PyFunctionObject).func_typeparams = value1;
      return value2;
    case INTRINSIC_SET_TYPEPARAM_DEFAULT:
      return _Py_set_typeparam_default(value2, value1);
  }
  throw _PyEval_NotImplemented(`CALL_INTRINSIC_2 ${oparg}`);
}
