// CPython: Python/sysmodule.c — the sys module's functions other than the hooks (see
// sysmodule_hooks.ts), with Argument Clinic's signatures and messages.
//
// Where tython has no counterpart of a CPython mechanism the function reports what is true here:
// getrefcount (no reference counts: see refCount), getallocatedblocks (no allocator of its own: 0),
// the perf trampoline (not available), the JIT (none), remote debugging (not enabled).
import {
  type PyObject, Py_None, Py_TYPE, Py_NotImplemented, PyEllipsis_Type,
} from "../objects/object.js";
import type { PyDict } from "../objects/dictobject.js";
import { PyDict as Dict } from "../objects/dictobject.js";
import { PyTuple, PyTuple_Type } from "../objects/tupleobject.js";
import { PyFloat } from "../objects/floatobject.js";
import { PyModule } from "../objects/moduleobject.js";
import { newException, PyExc_SystemExit, PyExc_RecursionError, PyExc_TypeError } from "../objects/exceptions.js";
import {
  PyNumber_Index, PyFloat_AsDouble, PyCallable_Check, PyObject_Call, PyObject_IsTrue, PyNumber_AsSsize_t,
} from "../objects/abstract.js";
import { PyStrBox } from "../objects/unicodeobject.js";
import { setIntMaxStrDigits, intMaxStrDigits } from "../objects/longobject.js";
import { _PyFrame_GetFrameObject } from "../objects/frameobject.js";
import { newBuiltinFunction } from "../objects/methodobject.js";
import { typeError, valueError, overflowError, PyErr_ExceptionMatches } from "./errors.js";
import { ArgParser } from "./getargs.js";
import { defFunction, defPositional, type Args } from "../modules/posixmodule_def.js";
import { PyInterpreterState_Get, Py_SetRecursionLimit, PyThreadState_Get } from "../vm/pystate.js";
import { _PyEval_GetSwitchInterval, _PyEval_SetSwitchInterval, _PyThread_All } from "./ceval_gil.js";
import { Py_IsFinalizing } from "./pylifecycle.js";
import { setFlagIntMaxStrDigits } from "./sysmodule_data.js";
import { makeAsyncGenHooks } from "./sysmodule_info.js";
import { getSizeOf } from "./sysmodule_sizeof.js";

const M = "sys";

/** A C int argument (CPython: PyLong_AsInt via __index__; floats refused). */
function cInt(v: PyObject): number {
  if (v instanceof PyFloat) throw typeError("'float' object cannot be interpreted as an integer");
  const n = PyNumber_Index(v);
  if (typeof n !== "number" || n > 2147483647 || n < -2147483648) throw overflowError("Python int too large to convert to C int");
  return n;
}

/** A str argument of a function named `fname` (CPython: the clinic 'str' / 'unicode' converters). */
function strArg(fname: string, v: PyObject): string {
  if (typeof v === "string") return v;
  if (v instanceof PyStrBox) return v.value;
  throw typeError(`${fname}() argument must be str, not ${Py_TYPE(v).tp_name}`);
}

/** Strings passed to sys.intern (tython's str values are JavaScript strings, without identity). */
const interned = new Set<string>();

/** The objects CPython 3.14 makes immortal that tython can recognize. */
function isImmortal(o: PyObject): boolean {
  if (o === Py_None || o === Py_NotImplemented || typeof o === "boolean") return true;
  if (typeof o === "number") return Number.isInteger(o) && o >= -5 && o <= 256;
  if (Py_TYPE(o) === PyEllipsis_Type) return true;
  if (o instanceof PyTuple && o.items.length === 0 && Py_TYPE(o) === PyTuple_Type) return true;
  if (typeof o === "string") return o.length <= 1 && (o.length === 0 || o.charCodeAt(0) < 256);
  return false;
}

/** CPython 3.14's reference count of an immortal object on 64-bit builds (_Py_IMMORTAL_INITIAL_REFCNT). */
const IMMORTAL_REFCNT = 3221225472;

/**
 * sys.getrefcount: tython's objects are managed by the JavaScript garbage collector and carry no
 * reference counts. Immortal objects report CPython's immortal count; any other object reports 2
 * (the caller's reference and the argument's), the smallest value CPython gives for a named object.
 */
function refCount(o: PyObject): number {
  return isImmortal(o) ? IMMORTAL_REFCNT : 2;
}

let dlopenFlags = 2; // RTLD_NOW
let coroutineOriginTrackingDepth = 0;
let asyncgenFirstiter: PyObject = Py_None;
let asyncgenFinalizer: PyObject = Py_None;

/** The asyncgen hooks sys.set_asyncgen_hooks installed (None when unset). */
export function asyncGenHooks(): { firstiter: PyObject; finalizer: PyObject } {
  return { firstiter: asyncgenFirstiter, finalizer: asyncgenFinalizer };
}
export function coroutineOriginDepth(): number {
  return coroutineOriginTrackingDepth;
}

const setAsyncgenHooksParser = new ArgParser("set_asyncgen_hooks", ["firstiter", "finalizer"]);

/** sys.set_asyncgen_hooks([firstiter] [, finalizer]) (CPython: sys_set_asyncgen_hooks). */
function setAsyncgenHooks(args: readonly PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  // PyArg_ParseTupleAndKeywords("|OO") without a function name
  if (nargs + (kwnames?.items.length ?? 0) > 2) throw typeError(`function takes at most 2 arguments (${nargs + (kwnames?.items.length ?? 0)} given)`);
  const [firstiter, finalizer] = setAsyncgenHooksParser.parse(args, start, nargs, kwnames);
  if (finalizer !== null && finalizer !== Py_None && !PyCallable_Check(finalizer)) {
    throw typeError(`callable finalizer expected, got ${Py_TYPE(finalizer).tp_name}`);
  }
  if (firstiter !== null && firstiter !== Py_None && !PyCallable_Check(firstiter)) {
    throw typeError(`callable firstiter expected, got ${Py_TYPE(firstiter).tp_name}`);
  }
  if (finalizer !== null) asyncgenFinalizer = finalizer;
  if (firstiter !== null) asyncgenFirstiter = firstiter;
  return Py_None;
}

/** sys._getframe(depth=0). */
function getframe(depth: number): PyObject {
  let f = PyThreadState_Get().current_frame;
  while (depth > 0 && f !== null) {
    f = f.previous;
    depth--;
  }
  if (f === null) throw valueError("call stack is not deep enough");
  return _PyFrame_GetFrameObject(f);
}

/** sys._getframemodulename(depth=0): the calling function's __module__ (module frames: __name__). */
function getframemodulename(depth: number): PyObject {
  let f = PyThreadState_Get().current_frame;
  while (f !== null && depth-- > 0) f = f.previous;
  if (f === null) return Py_None;
  if (f.f_funcobj !== null) return f.f_funcobj.func_module;
  // tython runs module bodies without a function object; CPython's has the module's __name__
  const g = f.f_globals;
  return g instanceof Dict ? (g.getStr("__name__") ?? Py_None) : Py_None;
}

/** Adds the functions to the sys dict. */
export function initSysFunctions(d: PyDict): void {
  const df = (name: string, names: readonly string[], opts: ConstructorParameters<typeof ArgParser>[2], fn: (a: Args) => PyObject): void => {
    defFunction(d, M, name, names, opts ?? {}, fn);
  };
  const dp = (name: string, names: readonly string[], required: number, fn: (a: Args) => PyObject): void => {
    defPositional(d, M, name, names, required, fn);
  };
  const noargs = (name: string, fn: () => PyObject): void => {
    defFunction(d, M, name, [], {}, fn);
  };

  dp("exit", ["status"], 0, (a) => {
    throw newException(PyExc_SystemExit, a[0] === null ? [] : [a[0]]);
  });
  noargs("getdefaultencoding", () => "utf-8");
  noargs("getfilesystemencoding", () => "utf-8");
  noargs("getfilesystemencodeerrors", () => "surrogateescape");
  dp("intern", ["string"], 1, (a) => {
    const s = a[0] as PyObject;
    if (typeof s !== "string") {
      if (s instanceof PyStrBox) throw typeError(`can't intern ${Py_TYPE(s).tp_name}`);
      throw typeError(`intern() argument must be str, not ${Py_TYPE(s).tp_name}`);
    }
    interned.add(s);
    return s;
  });
  dp("_is_interned", ["string"], 1, (a) => {
    const s = strArg("_is_interned", a[0] as PyObject);
    return interned.has(s) || isImmortal(s);
  });
  df("getunicodeinternedsize", ["_only_immortal"], { kwonlyStart: 0 }, (a) => (a[0] !== null && PyObject_IsTrue(a[0]) ? 0 : interned.size));

  noargs("getswitchinterval", () => new PyFloat(_PyEval_GetSwitchInterval()));
  dp("setswitchinterval", ["interval"], 1, (a) => {
    const v = a[0] as PyObject;
    const x = v instanceof PyFloat ? v.value : PyFloat_AsDouble(v);
    if (!(x > 0)) throw valueError("switch interval must be strictly positive");
    // CPython keeps whole microseconds
    _PyEval_SetSwitchInterval(Math.floor(x * 1e6) / 1e6);
    return Py_None;
  });

  noargs("getrecursionlimit", () => PyInterpreterState_Get().recursion_limit);
  dp("setrecursionlimit", ["limit"], 1, (a) => {
    const n = cInt(a[0] as PyObject);
    if (n < 1) throw valueError("recursion limit must be greater or equal than 1");
    const t = PyThreadState_Get();
    const depth = t.interp.recursion_limit - t.py_recursion_remaining;
    if (depth >= n) {
      throw newException(PyExc_RecursionError, [`cannot set the recursion limit to ${n} at the recursion depth ${depth}: the limit is too low`]);
    }
    Py_SetRecursionLimit(n);
    return Py_None;
  });

  noargs("get_int_max_str_digits", () => intMaxStrDigits);
  df("set_int_max_str_digits", ["maxdigits"], { required: 1 }, (a) => {
    const n = cInt(a[0] as PyObject);
    if (n !== 0 && n < 640) throw valueError("maxdigits must be >= 640 or 0 for unlimited");
    setIntMaxStrDigits(n);
    setFlagIntMaxStrDigits(d, n);
    return Py_None;
  });

  df("getsizeof", ["object", "default"], { required: 1 }, (a) => {
    try {
      return getSizeOf(a[0] as PyObject);
    } catch (e) {
      if (a[1] !== null && PyErr_ExceptionMatches(e, PyExc_TypeError)) return a[1];
      throw e;
    }
  });
  dp("getrefcount", ["object"], 1, (a) => refCount(a[0] as PyObject));
  dp("_is_immortal", ["op"], 1, (a) => isImmortal(a[0] as PyObject));
  noargs("getallocatedblocks", () => 0);

  dp("_getframe", ["depth"], 0, (a) => getframe(a[0] === null ? 0 : cInt(a[0])));
  df("_getframemodulename", ["depth"], {}, (a) => getframemodulename(a[0] === null ? 0 : cInt(a[0])));
  noargs("_current_frames", () => {
    const r = new Dict();
    for (const t of _PyThread_All()) {
      const f = t.tstate.current_frame;
      if (f !== null) r.setItem(t.ident, _PyFrame_GetFrameObject(f));
    }
    return r;
  });
  noargs("_current_exceptions", () => {
    const r = new Dict();
    for (const t of _PyThread_All()) r.setItem(t.ident, t.tstate.exc_info ?? Py_None);
    return r;
  });
  dp("call_tracing", ["func", "args"], 2, (a) => {
    const args = a[1] as PyObject;
    if (!(args instanceof PyTuple)) throw typeError(`call_tracing() argument 2 must be tuple, not ${Py_TYPE(args).tp_name}`);
    return PyObject_Call(a[0] as PyObject, args, null);
  });

  noargs("_clear_type_cache", () => Py_None);
  noargs("_clear_internal_caches", () => Py_None);
  noargs("_debugmallocstats", () => Py_None);
  noargs("is_finalizing", () => Py_IsFinalizing());
  noargs("_is_gil_enabled", () => true);
  noargs("_get_cpu_count_config", () => -1);

  noargs("is_stack_trampoline_active", () => false);
  dp("activate_stack_trampoline", ["backend"], 1, (a) => {
    strArg("activate_stack_trampoline", a[0] as PyObject);
    throw valueError("perf trampoline not available");
  });
  noargs("deactivate_stack_trampoline", () => Py_None);
  noargs("is_remote_debug_enabled", () => false);

  d.setStr("set_asyncgen_hooks", newBuiltinFunction("set_asyncgen_hooks", (_s, args, start, nargs, kw) => setAsyncgenHooks(args, start, nargs, kw), M));
  noargs("get_asyncgen_hooks", () => makeAsyncGenHooks(asyncgenFirstiter, asyncgenFinalizer));
  noargs("get_coroutine_origin_tracking_depth", () => coroutineOriginTrackingDepth);
  df("set_coroutine_origin_tracking_depth", ["depth"], { required: 1 }, (a) => {
    const n = cInt(a[0] as PyObject);
    if (n < 0) throw valueError("depth must be >= 0");
    coroutineOriginTrackingDepth = n;
    return Py_None;
  });

  noargs("getdlopenflags", () => dlopenFlags);
  dp("setdlopenflags", ["flags"], 1, (a) => {
    dlopenFlags = cInt(a[0] as PyObject);
    return Py_None;
  });

  d.setStr("_jit", makeJitModule());
}

/** sys._jit: tython has no JIT compiler (CPython: Python/sysmodule.c _jit submodule). */
function makeJitModule(): PyModule {
  const m = new PyModule("sys._jit", "Utilities for observing just-in-time compilation.");
  for (const n of ["is_available", "is_enabled", "is_active"]) defFunction(m.dict, "sys._jit", n, [], {}, () => false);
  return m;
}

