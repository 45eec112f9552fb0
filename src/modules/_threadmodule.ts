// CPython: Modules/_threadmodule.c — the _thread module: locks, thread handles, thread-local
// data and starting threads. Threads are scheduled cooperatively on the one JavaScript thread by
// src/python/ceval_gil.ts (docs/threads.md); a lock wait lets the other threads run.
import {
  PyObjectBase, type PyObject, type PyTypeObject, Py_None, Py_TYPE, newStaticType, PyBaseObject_Type,
  Py_TPFLAGS_BASETYPE, type PyMethodDef,
} from "../objects/object.js";
import { PyModule } from "../objects/moduleobject.js";
import { PyTuple } from "../objects/tupleobject.js";
import { PyDict } from "../objects/dictobject.js";
import { PyFloat } from "../objects/floatobject.js";
import { PyMethod } from "../objects/classobject.js";
import { PyFunctionObject } from "../objects/funcobject.js";
import { newBuiltinFunction, addressOf } from "../objects/methodobject.js";
import { PyObject_IsTrue, PyObject_Call, PyObject_Repr, PyObject_GetAttr, PyObject_CallMethod } from "../objects/abstract.js";
import {
  PyExc_RuntimeError, PyExc_SystemExit, PyExc_KeyboardInterrupt, PyExc_AttributeError, PyBaseException, newException,
} from "../objects/exceptions.js";
import { PyStructSequence, PyStructSequence_NewType } from "../objects/structseq.js";
import { PyObject_GenericGetAttr, PyObject_GenericSetAttr, _PyType_Lookup } from "../objects/typeobject.js";
import { CO_OPTIMIZED } from "../objects/codeobject.js";
import { typeError, valueError, overflowError, runtimeError, PyErr_ExceptionMatches } from "../python/errors.js";
import { ArgParser, checkPositional } from "../python/getargs.js";
import { _PyEval_Vector } from "../vm/ceval.js";
import { type PyThreadState, PyThreadState_Get } from "../vm/pystate.js";
import {
  type PyThread, _PyThread_Create, _PyThread_Current, _PyThread_Wait, _PyThread_All, mainPyThread, ThreadScheduleError,
} from "../python/ceval_gil.js";
import { PyErr_FormatUnraisable } from "../python/unraisable.js";
import { formatException } from "../python/traceback.js";
import { getSysModule } from "../python/sysmodule.js";

/** PY_TIMEOUT_MAX in seconds on 64-bit Linux (LLONG_MAX nanoseconds, as microseconds). */
const TIMEOUT_MAX = 9223372036.0;
/** The largest PyTime_t in seconds. */
const PYTIME_MAX_SECONDS = 9223372036.854775807;

/** The running thread's ident (CPython: PyThread_get_thread_ident). */
export function PyThread_get_thread_ident(): number {
  return PyThreadState_Get().thread_id;
}

/** A wait that the cooperative scheduler cannot carry on becomes a RuntimeError. */
function waitFor(ready: () => boolean, timeoutMs: number, args: readonly PyObject[] | null): boolean {
  try {
    return _PyThread_Wait(ready, timeoutMs, args);
  } catch (e) {
    if (e instanceof ThreadScheduleError) throw runtimeError(`${e.message} (tython runs threads cooperatively: see docs/threads.md)`);
    throw e;
  }
}

// ---- timeouts (CPython: _PyTime_FromSecondsObject with the lock's checks) ---------------------------

/** The timeout in seconds from a `timeout` argument (CPython: _PyTime_FromSecondsObject). */
function timeoutSeconds(v: PyObject): number {
  let s: number;
  if (v instanceof PyFloat) s = v.value;
  else if (typeof v === "number") s = v;
  else if (typeof v === "bigint") s = Number(v);
  else if (typeof v === "boolean") s = v ? 1 : 0;
  else throw typeError(`'${Py_TYPE(v).tp_name}' object cannot be interpreted as an integer or float`);
  if (s !== s) throw valueError("Invalid value NaN (not a number)");
  if (Math.abs(s) > PYTIME_MAX_SECONDS) throw overflowError("timestamp out of range for C PyTime_t");
  return s;
}

const acquireParser = new ArgParser("acquire", ["blocking", "timeout"]);

/** acquire()'s arguments as a timeout in ms: -1 blocks forever, 0 does not block (CPython: lock_acquire_parse_args). */
function acquireTimeout(args: readonly PyObject[], start: number, nargs: number, kwnames: PyTuple | null): number {
  const [b, t] = acquireParser.parse(args, start, nargs, kwnames);
  const blocking = b === null ? true : PyObject_IsTrue(b);
  let timeout = -1;
  if (t !== null) timeout = timeoutSeconds(t);
  if (!blocking && timeout !== -1) throw valueError("can't specify a timeout for a non-blocking call");
  if (timeout < 0 && timeout !== -1) throw valueError("timeout value must be a non-negative number");
  if (!blocking) return 0;
  if (timeout === -1) return -1;
  if (timeout > TIMEOUT_MAX) throw overflowError("timeout value is too large");
  return timeout * 1000;
}

// ---- lock -------------------------------------------------------------------------------------------

export class PyLock extends PyObjectBase {
  locked = false;
}
export const PyLock_Type = newStaticType("_thread.lock", PyBaseObject_Type, 0);
PyLock.prototype.ob_type = PyLock_Type;

/** Acquires `lock` waiting at most `timeoutMs` (CPython: acquire_timed). */
export function PyThread_acquire_lock_timed(lock: PyLock, timeoutMs: number, args: readonly PyObject[] | null): boolean {
  if (!lock.locked) {
    lock.locked = true;
    return true;
  }
  if (timeoutMs === 0) return false;
  const ok = waitFor(() => !lock.locked, timeoutMs, args);
  if (ok) lock.locked = true;
  return ok;
}

function lockAcquire(self: PyObject, args: readonly PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  const timeout = acquireTimeout(args, start, nargs, kwnames);
  return PyThread_acquire_lock_timed(self as PyLock, timeout, args);
}
function lockRelease(self: PyObject): PyObject {
  const l = self as PyLock;
  if (!l.locked) throw runtimeError("release unlocked lock");
  l.locked = false;
  return Py_None;
}
function lockExit(self: PyObject): PyObject {
  return lockRelease(self);
}
const lockLocked = (self: PyObject): PyObject => (self as PyLock).locked;
const lockAtForkReinit = (self: PyObject): PyObject => (((self as PyLock).locked = false), Py_None);

PyLock_Type.tp_methods = [
  { name: "acquire_lock", kind: "fast", fn: lockAcquire as PyMethodDef["fn"] },
  { name: "acquire", kind: "fast", fn: lockAcquire as PyMethodDef["fn"] },
  { name: "release_lock", kind: "noargs", fn: lockRelease as PyMethodDef["fn"] },
  { name: "release", kind: "noargs", fn: lockRelease as PyMethodDef["fn"] },
  { name: "locked_lock", kind: "noargs", fn: lockLocked as PyMethodDef["fn"] },
  { name: "locked", kind: "noargs", fn: lockLocked as PyMethodDef["fn"] },
  { name: "__enter__", kind: "fast", fn: lockAcquire as PyMethodDef["fn"] },
  { name: "__exit__", kind: "fast", fn: lockExit as PyMethodDef["fn"] },
  { name: "_at_fork_reinit", kind: "noargs", fn: lockAtForkReinit as PyMethodDef["fn"] },
];
PyLock_Type.tp_repr = (v) => `<${(v as PyLock).locked ? "locked" : "unlocked"} ${Py_TYPE(v).tp_name} object at ${addressOf(v)}>`;
PyLock_Type.tp_new = (type, _args, _start, nargs, kwnames) => {
  if (nargs !== 0) throw typeError("lock() takes no arguments");
  if (kwnames !== null && kwnames.items.length) throw typeError("lock() takes no keyword arguments");
  const l = new PyLock();
  if (type !== PyLock_Type) l.ob_type = type;
  return l;
};

export function PyThread_allocate_lock(): PyLock {
  return new PyLock();
}

// ---- RLock ------------------------------------------------------------------------------------------

export class PyRLock extends PyObjectBase {
  owner = 0;
  count = 0;
}
export const PyRLock_Type = newStaticType("_thread.RLock", PyBaseObject_Type, Py_TPFLAGS_BASETYPE);
PyRLock.prototype.ob_type = PyRLock_Type;

function rlockAcquireTimed(r: PyRLock, timeoutMs: number, args: readonly PyObject[] | null): boolean {
  const me = PyThread_get_thread_ident();
  if (r.count > 0 && r.owner === me) {
    r.count++;
    return true;
  }
  if (r.count > 0) {
    if (timeoutMs === 0) return false;
    if (!waitFor(() => r.count === 0, timeoutMs, args)) return false;
  }
  r.owner = me;
  r.count = 1;
  return true;
}
function rlockAcquire(self: PyObject, args: readonly PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  const timeout = acquireTimeout(args, start, nargs, kwnames);
  return rlockAcquireTimed(self as PyRLock, timeout, args);
}
function rlockRelease(self: PyObject): PyObject {
  const r = self as PyRLock;
  if (r.count === 0 || r.owner !== PyThread_get_thread_ident()) throw runtimeError("cannot release un-acquired lock");
  if (--r.count === 0) r.owner = 0;
  return Py_None;
}
function rlockExit(self: PyObject): PyObject {
  return rlockRelease(self);
}
function rlockAcquireRestore(self: PyObject, args: readonly PyObject[], start: number, nargs: number): PyObject {
  checkPositional("_acquire_restore", nargs, 1, 1);
  const state = args[start];
  if (!(state instanceof PyTuple) || state.items.length !== 2) throw typeError("_acquire_restore() argument 1 must be tuple");
  const [count, owner] = state.items;
  const r = self as PyRLock;
  if (r.count > 0) waitFor(() => r.count === 0, -1, args);
  r.owner = Number(owner);
  r.count = Number(count);
  return Py_None;
}
function rlockReleaseSave(self: PyObject): PyObject {
  const r = self as PyRLock;
  if (r.count === 0) throw runtimeError("cannot release un-acquired lock");
  const saved = new PyTuple([r.count, r.owner]);
  r.count = 0;
  r.owner = 0;
  return saved;
}
PyRLock_Type.tp_methods = [
  { name: "acquire", kind: "fast", fn: rlockAcquire as PyMethodDef["fn"] },
  { name: "release", kind: "noargs", fn: rlockRelease as PyMethodDef["fn"] },
  { name: "locked", kind: "noargs", fn: ((self: PyObject) => (self as PyRLock).count > 0) as PyMethodDef["fn"] },
  { name: "__enter__", kind: "fast", fn: rlockAcquire as PyMethodDef["fn"] },
  { name: "__exit__", kind: "fast", fn: rlockExit as PyMethodDef["fn"] },
  { name: "_acquire_restore", kind: "fast", fn: rlockAcquireRestore as PyMethodDef["fn"] },
  { name: "_release_save", kind: "noargs", fn: rlockReleaseSave as PyMethodDef["fn"] },
  {
    name: "_is_owned",
    kind: "noargs",
    fn: ((self: PyObject) => (self as PyRLock).count > 0 && (self as PyRLock).owner === PyThread_get_thread_ident()) as PyMethodDef["fn"],
  },
  {
    name: "_recursion_count",
    kind: "noargs",
    fn: ((self: PyObject) => ((self as PyRLock).owner === PyThread_get_thread_ident() ? (self as PyRLock).count : 0)) as PyMethodDef["fn"],
  },
  {
    name: "_at_fork_reinit",
    kind: "noargs",
    fn: ((self: PyObject) => (((self as PyRLock).count = 0), ((self as PyRLock).owner = 0), Py_None)) as PyMethodDef["fn"],
  },
];
PyRLock_Type.tp_repr = (v) => {
  const r = v as PyRLock;
  return `<${r.count > 0 ? "locked" : "unlocked"} ${Py_TYPE(v).tp_name} object owner=${r.owner} count=${r.count} at ${addressOf(v)}>`;
};
PyRLock_Type.tp_new = (type) => {
  const r = new PyRLock();
  if (type !== PyRLock_Type) r.ob_type = type;
  return r;
};

// ---- thread handles -----------------------------------------------------------------------------------

const HANDLE_NOT_STARTED = 0;
const HANDLE_RUNNING = 1;
const HANDLE_DONE = 2;

export class PyThreadHandle extends PyObjectBase {
  state = HANDLE_NOT_STARTED;
  ident = 0;
  thread: PyThread | null = null;
}
export const PyThreadHandle_Type = newStaticType("_thread._ThreadHandle", PyBaseObject_Type, 0);
PyThreadHandle.prototype.ob_type = PyThreadHandle_Type;

const joinParser = new ArgParser("join", ["timeout"]);

function handleJoin(self: PyObject, args: readonly PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  const h = self as PyThreadHandle;
  const [t] = joinParser.parse(args, start, nargs, kwnames);
  let timeoutMs = -1;
  if (t !== null && t !== Py_None) {
    const s = timeoutSeconds(t);
    timeoutMs = s < 0 ? 0 : s * 1000;
  }
  if (h.state === HANDLE_NOT_STARTED) throw runtimeError("thread not started");
  if (h.ident === PyThread_get_thread_ident() && h.state !== HANDLE_DONE) throw runtimeError("Cannot join current thread");
  waitFor(() => h.state === HANDLE_DONE, timeoutMs, args);
  return Py_None;
}
PyThreadHandle_Type.tp_methods = [
  { name: "join", kind: "fast", fn: handleJoin as PyMethodDef["fn"] },
  { name: "is_done", kind: "noargs", fn: ((self: PyObject) => (self as PyThreadHandle).state === HANDLE_DONE) as PyMethodDef["fn"] },
  {
    name: "_set_done",
    kind: "noargs",
    fn: ((self: PyObject) => {
      const h = self as PyThreadHandle;
      if (h.state === HANDLE_NOT_STARTED) throw runtimeError("thread not started");
      h.state = HANDLE_DONE;
      return Py_None;
    }) as PyMethodDef["fn"],
  },
];
PyThreadHandle_Type.tp_getset = [{ name: "ident", get: (v) => (v as PyThreadHandle).ident }];
PyThreadHandle_Type.tp_new = (type, _args, _start, nargs, kwnames) => {
  if (nargs !== 0 || (kwnames !== null && kwnames.items.length)) throw typeError("_ThreadHandle() takes no arguments");
  const h = new PyThreadHandle();
  if (type !== PyThreadHandle_Type) h.ob_type = type;
  return h;
};
PyThreadHandle_Type.tp_repr = (v) => `<_thread._ThreadHandle object: ident=${(v as PyThreadHandle).ident}>`;

// ---- starting threads ---------------------------------------------------------------------------------

/** Threads started by this module that have not ended (_thread._count()). */
let runningCount = 0;
/** Handles of non-daemon threads, joined by _shutdown(). */
const shutdownHandles = new Set<PyThreadHandle>();

/**
 * Runs `func(*args, **kwargs)` as the thread's code. A Python function runs as the thread's
 * outermost eval loop, which the scheduler may suspend; any other callable runs nested.
 */
function threadStart(func: PyObject, args: readonly PyObject[], kwargs: PyDict | null): (tstate: PyThreadState) => PyObject {
  return (tstate) => {
    let f = func;
    let a = args;
    if (f instanceof PyMethod && f.func instanceof PyFunctionObject) {
      a = [f.self, ...a];
      f = f.func;
    }
    if (f instanceof PyFunctionObject && tstate.interp.eval_frame === null) {
      const stack = a.slice();
      let kwnames: PyTuple | null = null;
      if (kwargs !== null && kwargs.size > 0) {
        const names: PyObject[] = [];
        for (const [k, v] of kwargs.entries()) {
          if (typeof k !== "string") throw typeError("keywords must be strings");
          names.push(k);
          stack.push(v);
        }
        kwnames = new PyTuple(names);
      }
      tstate.suspendable = true;
      const locals = f.func_code.co_flags & CO_OPTIMIZED ? null : f.func_globals;
      return _PyEval_Vector(tstate, f, locals, stack, 0, stack.length, kwnames);
    }
    return PyObject_Call(func, a, kwargs);
  };
}

function startThread(
  func: PyObject, args: readonly PyObject[], kwargs: PyDict | null, handle: PyThreadHandle, daemon: boolean,
  report: (e: unknown) => void,
): void {
  runningCount++;
  const t = _PyThread_Create(threadStart(func, args, kwargs), (error, hasError) => {
    runningCount--;
    handle.state = HANDLE_DONE;
    shutdownHandles.delete(handle);
    if (hasError && !PyErr_ExceptionMatches(error, PyExc_SystemExit)) report(error);
  }, daemon);
  handle.thread = t;
  handle.ident = t.ident;
  handle.state = HANDLE_RUNNING;
  if (!daemon) shutdownHandles.add(handle);
}

function reprOrPlaceholder(v: PyObject): string {
  try {
    return PyObject_Repr(v);
  } catch {
    return "<object repr() failed>";
  }
}

const startNewParser = new ArgParser("start_new_thread", ["function", "args", "kwargs"], { required: 2, posonly: 3 });

function startNewThread(_s: PyObject, args: readonly PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  if (kwnames !== null && kwnames.items.length) throw typeError("start_new_thread() takes no keyword arguments");
  checkPositional("start_new_thread", nargs, 2, 3);
  const [func, fargs, fkw] = startNewParser.parse(args, start, nargs, kwnames);
  if (Py_TYPE(func!).tp_call === null) throw typeError("first arg must be callable");
  if (!(fargs instanceof PyTuple)) throw typeError("2nd arg must be a tuple");
  if (fkw !== null && !(fkw instanceof PyDict)) throw typeError("optional 3rd arg must be a dictionary");
  const handle = new PyThreadHandle();
  const f = func!;
  startThread(f, fargs.items, fkw as PyDict | null, handle, true, (e) => {
    PyErr_FormatUnraisable(`Exception ignored in thread started by ${reprOrPlaceholder(f)}`, e);
  });
  return handle.ident;
}

const joinableParser = new ArgParser("start_joinable_thread", ["function", "handle", "daemon"], { required: 1 });

function startJoinableThread(_s: PyObject, args: readonly PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  const [func, h, d] = joinableParser.parse(args, start, nargs, kwnames);
  if (Py_TYPE(func!).tp_call === null) throw typeError("thread function must be callable");
  let handle: PyThreadHandle;
  if (h === null || h === Py_None) handle = new PyThreadHandle();
  else if (h instanceof PyThreadHandle) handle = h;
  else throw typeError(`'handle' must be a _ThreadHandle`);
  if (handle.state !== HANDLE_NOT_STARTED) throw runtimeError("thread already started");
  const daemon = d === null ? true : PyObject_IsTrue(d);
  const f = func!;
  startThread(f, [], null, handle, daemon, (e) => {
    PyErr_FormatUnraisable(`Exception ignored in thread started by ${reprOrPlaceholder(f)}`, e);
  });
  return handle;
}

/** Waits for the non-daemon threads (CPython: thread__shutdown); called by threading._shutdown. */
function shutdown(): PyObject {
  const me = PyThread_get_thread_ident();
  for (;;) {
    let next: PyThreadHandle | null = null;
    for (const h of shutdownHandles) {
      if (h.ident !== me && h.state !== HANDLE_DONE) {
        next = h;
        break;
      }
      if (h.state === HANDLE_DONE) shutdownHandles.delete(h);
    }
    if (next === null) return Py_None;
    const h = next;
    waitFor(() => h.state === HANDLE_DONE, -1, null);
    shutdownHandles.delete(h);
  }
}

// ---- thread-local data (CPython: localobject) -----------------------------------------------------------

export class PyLocal extends PyObjectBase {
  /** One namespace per thread that used the object. */
  readonly dicts = new WeakMap<PyThreadState, PyDict>();
  initArgs: readonly PyObject[] = [];
  initKw: PyDict | null = null;
  /** The namespace of the running thread: what generic attribute access finds as the instance dict. */
  get dict(): PyDict {
    const ts = PyThreadState_Get();
    let d = this.dicts.get(ts);
    if (d === undefined) {
      d = new PyDict();
      this.dicts.set(ts, d);
      // a new thread's namespace is set up by __init__ with the construction arguments
      const init = _PyType_Lookup(Py_TYPE(this), "__init__");
      if (init !== null && init !== _PyType_Lookup(PyBaseObject_Type, "__init__") && this.initialized) {
        PyObject_Call(PyObject_GetAttr(this, "__init__"), this.initArgs, this.initKw);
      }
    }
    return d;
  }
  set dict(d: PyDict) {
    this.dicts.set(PyThreadState_Get(), d);
  }
  initialized = false;
}
export const PyLocal_Type = newStaticType("_thread._local", PyBaseObject_Type, Py_TPFLAGS_BASETYPE);
PyLocal.prototype.ob_type = PyLocal_Type;
PyLocal_Type.tp_doc = "Thread-local data";
PyLocal_Type.tp_new = (type: PyTypeObject, args, start, nargs, kwnames) => {
  const hasArgs = nargs > 0 || (kwnames !== null && kwnames.items.length > 0);
  if (hasArgs && _PyType_Lookup(type, "__init__") === _PyType_Lookup(PyBaseObject_Type, "__init__")) {
    throw typeError("Initialization arguments are not supported");
  }
  const o = new PyLocal();
  if (type !== PyLocal_Type) o.ob_type = type;
  o.initArgs = args.slice(start, start + nargs);
  if (kwnames !== null && kwnames.items.length) {
    const kw = new PyDict();
    kwnames.items.forEach((k, i) => kw.setStr(k as string, args[start + nargs + i]));
    o.initKw = kw;
  }
  void o.dict; // the creating thread's namespace, which its own __init__ call fills
  o.initialized = true;
  return o;
};
PyLocal_Type.tp_getattro = (o, name) => PyObject_GenericGetAttr(o, name);
PyLocal_Type.tp_setattro = (o, name, v) => {
  if (name === "__dict__") throw newException(PyExc_AttributeError, [`'${Py_TYPE(o).tp_name}' object attribute '__dict__' is read-only`]);
  PyObject_GenericSetAttr(o, name, v);
};
PyLocal_Type.tp_getset = [{ name: "__dict__", get: (v) => (v as PyLocal).dict }];
PyLocal_Type.tp_dictoffset = 1;

// ---- excepthook -----------------------------------------------------------------------------------------

export const ExceptHookArgs_Type = PyStructSequence_NewType({
  name: "_thread._ExceptHookArgs",
  doc: "ExceptHookArgs\n\nType used to pass arguments to threading.excepthook.",
  fields: ["exc_type", "exc_value", "exc_traceback", "thread"],
});

/** threading.excepthook's default (CPython: thread_excepthook). */
function excepthook(_s: PyObject, args: readonly PyObject[], start: number, nargs: number): PyObject {
  checkPositional("_excepthook", nargs, 1, 1);
  const a = args[start];
  if (!(a instanceof PyStructSequence) || Py_TYPE(a) !== ExceptHookArgs_Type) {
    throw typeError("_thread._excepthook argument type must be ExceptHookArgs");
  }
  const [excType, excValue, , thread] = a.items;
  if (excType === PyExc_SystemExit) return Py_None;
  let name: string;
  if (thread !== Py_None) {
    try {
      name = String(PyObject_GetAttr(thread!, "name"));
    } catch {
      name = String(PyThread_get_thread_ident());
    }
  } else name = String(PyThread_get_thread_ident());
  let text = `Exception in thread ${name}:\n`;
  if (excValue instanceof PyBaseException) text += formatException(excValue);
  else text += `${reprOrPlaceholder(excType!)}\n`;
  let stderr: PyObject | undefined = getSysModule().dict.getStr("stderr");
  if ((stderr === undefined || stderr === Py_None) && thread !== Py_None) {
    try {
      stderr = PyObject_GetAttr(thread!, "_stderr");
    } catch {
      stderr = undefined;
    }
  }
  if (stderr === undefined || stderr === Py_None) return Py_None;
  PyObject_CallMethod(stderr, "write", text);
  try {
    PyObject_CallMethod(stderr, "flush");
  } catch {
    // a stream without flush
  }
  return Py_None;
}

// ---- the module -----------------------------------------------------------------------------------------

const stackSizeParser = new ArgParser("stack_size", ["size"], { posonly: 1 });
let stackSize = 0;

export function init_thread(): PyModule {
  const m = new PyModule("_thread", "This module provides primitive operations to write multi-threaded programs.\nThe 'threading' module provides a more convenient interface.");
  const d = m.dict;
  const fn = (name: string, f: (self: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null) => PyObject): void => {
    d.setStr(name, newBuiltinFunction(name, f, "_thread"));
  };
  const noargs = (name: string, f: () => PyObject): void => {
    fn(name, (_s, _a, _st, nargs, kw) => {
      if (kw !== null && kw.items.length) throw typeError(`${name}() takes no keyword arguments`);
      if (nargs !== 0) throw typeError(`${name}() takes no arguments (${nargs} given)`);
      return f();
    });
  };
  d.setStr("LockType", PyLock_Type);
  d.setStr("lock", PyLock_Type);
  d.setStr("RLock", PyRLock_Type);
  d.setStr("_ThreadHandle", PyThreadHandle_Type);
  d.setStr("_local", PyLocal_Type);
  d.setStr("_ExceptHookArgs", ExceptHookArgs_Type);
  d.setStr("error", PyExc_RuntimeError);
  d.setStr("TIMEOUT_MAX", new PyFloat(TIMEOUT_MAX));
  d.setStr("_NAME_MAXLEN", 15);
  noargs("allocate_lock", () => PyThread_allocate_lock());
  noargs("allocate", () => PyThread_allocate_lock());
  fn("start_new_thread", startNewThread);
  fn("start_new", startNewThread);
  fn("start_joinable_thread", startJoinableThread);
  noargs("get_ident", () => PyThread_get_thread_ident());
  noargs("get_native_id", () => {
    const t = _PyThread_Current();
    return t === mainPyThread ? process.pid : process.pid + ((t.ident - mainPyThread.ident) >> 12);
  });
  noargs("_count", () => runningCount);
  noargs("_shutdown", shutdown);
  noargs("daemon_threads_allowed", () => true);
  noargs("_get_main_thread_ident", () => mainPyThread.ident);
  noargs("_is_main_interpreter", () => true);
  noargs("exit", () => {
    throw newException(PyExc_SystemExit, []);
  });
  noargs("exit_thread", () => {
    throw newException(PyExc_SystemExit, []);
  });
  fn("stack_size", (_s, args, start, nargs, kw) => {
    const [size] = stackSizeParser.parse(args, start, nargs, kw);
    const old = stackSize;
    if (size === null) return old;
    const n = typeof size === "number" ? size : typeof size === "boolean" ? Number(size) : NaN;
    if (Number.isNaN(n)) throw typeError(`'${Py_TYPE(size).tp_name}' object cannot be interpreted as an integer`);
    if (n < 0) throw valueError("size must be 0 or a positive value");
    if (n !== 0 && n < 53248) throw valueError("size must be at least 53248 bytes");
    stackSize = n;
    return old;
  });
  fn("_make_thread_handle", (_s, args, start, nargs) => {
    checkPositional("_make_thread_handle", nargs, 1, 1);
    const ident = args[start];
    const h = new PyThreadHandle();
    h.ident = typeof ident === "number" ? ident : Number(ident);
    // a handle of a running thread not started by this module (threading's main thread)
    h.thread = _PyThread_All().find((x) => x.ident === h.ident) ?? null;
    h.state = HANDLE_RUNNING;
    return h;
  });
  fn("interrupt_main", (_s, args, start, nargs, kw) => {
    const [signum] = new ArgParser("interrupt_main", ["signum"]).parse(args, start, nargs, kw);
    if (signum !== null && signum !== 2) {
      // only SIGINT has a Python-level default handler here
      if (typeof signum !== "number" || signum < 1 || signum > 64) throw valueError("signal number out of range");
      return Py_None;
    }
    const exc = newException(PyExc_KeyboardInterrupt, []);
    if (_PyThread_Current() === mainPyThread) throw exc;
    mainPyThread.tstate.pending_async_exc = exc;
    return Py_None;
  });
  fn("_excepthook", excepthook);
  fn("set_name", (_s, args, start, nargs, kw) => {
    const [name] = new ArgParser("set_name", ["name"], { required: 1 }).parse(args, start, nargs, kw);
    if (typeof name !== "string") throw typeError(`set_name() argument 'name' must be str, not ${Py_TYPE(name!).tp_name}`);
    _PyThread_Current().name = name;
    return Py_None;
  });
  noargs("_get_name", () => {
    const t = _PyThread_Current();
    return t.name ?? (t === mainPyThread ? "python" : "");
  });
  return m;
}
