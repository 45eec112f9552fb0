// Stand-ins for `_thread` and `_warnings` that importlib._bootstrap needs at start-up, used only
// until the real modules (branch `lang`) are registered: registerBuiltinModuleDefault gives way
// to them. One thread: locks count their holders; warn() applies CPython's default filters.
import { type PyObject, PyObjectBase, Py_None, newStaticType, PyBaseObject_Type, Py_TYPE, PyObject_TypeCheck, type PyTypeObject } from "../objects/object.js";
import { PyModule } from "../objects/moduleobject.js";
import { newBuiltinFunction } from "../objects/methodobject.js";
import { PyObject_IsTrue, PyObject_Str, PyNumber_Index } from "../objects/abstract.js";
import {
  PyExc_UserWarning, PyExc_Warning, PyExc_DeprecationWarning, PyExc_ImportWarning, PyExc_PendingDeprecationWarning,
  PyExc_ResourceWarning, PyBaseException,
} from "../objects/exceptions.js";
import { runtimeError, typeError } from "./errors.js";
import { ArgParser } from "./getargs.js";
import { registerBuiltinModuleDefault } from "./import.js";
import { PyThreadState_Get } from "../vm/pystate.js";
import { writeStderr } from "../cli/output.js";

class PyLockShim extends PyObjectBase {
  count = 0;
  constructor(readonly reentrant: boolean) {
    super();
  }
}
const LockType = newStaticType("_thread.lock", PyBaseObject_Type, 0);
const RLockType = newStaticType("_thread.RLock", PyBaseObject_Type, 0);

const acquireArgs = new ArgParser("acquire", ["blocking", "timeout"]);
function lockAcquire(self: PyObject, args: readonly PyObject[], start: number, nargs: number, kwnames: never): PyObject {
  const [blocking] = acquireArgs.parse(args, start, nargs, kwnames);
  const l = self as PyLockShim;
  if (l.count > 0 && !l.reentrant) {
    // another holder can never release it with one thread
    if (blocking === null || PyObject_IsTrue(blocking)) throw runtimeError("deadlock: the lock is held and there is one thread");
    return false;
  }
  l.count++;
  return true;
}
function lockRelease(self: PyObject): PyObject {
  const l = self as PyLockShim;
  if (l.count === 0) throw runtimeError(l.reentrant ? "cannot release un-acquired lock" : "release unlocked lock");
  l.count--;
  return Py_None;
}
for (const [t, reentrant] of [[LockType, false], [RLockType, true]] as [PyTypeObject, boolean][]) {
  t.tp_methods = [
    { name: "acquire", kind: "fast", fn: lockAcquire as never },
    { name: "__enter__", kind: "fast", fn: lockAcquire as never },
    { name: "release", kind: "noargs", fn: lockRelease as never },
    { name: "__exit__", kind: "fast", fn: ((self: PyObject) => lockRelease(self)) as never },
    { name: "locked", kind: "noargs", fn: ((self: PyObject) => (self as PyLockShim).count > 0) as never },
  ];
  t.tp_new = () => new PyLockShim(reentrant);
}

function newLock(reentrant: boolean): PyLockShim {
  const l = new PyLockShim(reentrant);
  l.ob_type = reentrant ? RLockType : LockType;
  return l;
}

function initThreadShim(): PyModule {
  const m = new PyModule("_thread", "This module provides primitive operations to write multi-threaded programs.");
  const d = m.dict;
  d.setStr("LockType", LockType);
  d.setStr("lock", LockType);
  d.setStr("RLock", newBuiltinFunction("RLock", () => newLock(true), "_thread"));
  d.setStr("allocate_lock", newBuiltinFunction("allocate_lock", () => newLock(false), "_thread"));
  d.setStr("get_ident", newBuiltinFunction("get_ident", () => 1, "_thread"));
  d.setStr("TIMEOUT_MAX", 9223372036.0);
  return m;
}

const warnArgs = new ArgParser("warn", ["message", "category", "stacklevel", "source", "skip_file_prefixes"], { required: 1, kwonlyStart: 4 });
const IGNORED = [PyExc_DeprecationWarning, PyExc_ImportWarning, PyExc_PendingDeprecationWarning, PyExc_ResourceWarning];

function initWarningsShim(): PyModule {
  const m = new PyModule("_warnings", "_warnings provides basic warning filtering support.");
  m.dict.setStr(
    "warn",
    newBuiltinFunction("warn", (_s, args, start, nargs, kwnames) => {
      const [message, cat, stacklevel] = warnArgs.parse(args, start, nargs, kwnames);
      let category: PyObject = cat === null || cat === Py_None ? PyExc_UserWarning : cat;
      if (message instanceof PyBaseException && PyObject_TypeCheck(message, PyExc_Warning)) category = Py_TYPE(message);
      if (typeof category !== "object" || !("tp_mro" in category)) {
        throw typeError(`category must be a Warning subclass, not '${Py_TYPE(category).tp_name}'`);
      }
      const t = category as PyTypeObject;
      if (IGNORED.some((w) => t === w || t.tp_mro.includes(w))) return Py_None;
      let f = PyThreadState_Get().current_frame;
      for (let level = stacklevel === null ? 1 : Number(PyNumber_Index(stacklevel)); level > 1 && f !== null; level--) f = f.previous;
      const where = f === null ? "sys:1" : `${f.f_executable.co_filename}:${f.f_executable.addr2line(f.instr_ptr) ?? 1}`;
      writeStderr(`${where}: ${t.tp_name}: ${PyObject_Str(message!)}\n`);
      return Py_None;
    }, "_warnings"),
  );
  return m;
}

registerBuiltinModuleDefault("_thread", initThreadShim);
registerBuiltinModuleDefault("_warnings", initWarningsShim);
