// CPython: Python/errors.c (PyErr_FormatUnraisable, PyErr_WriteUnraisable and the default
// sys.unraisablehook's output) and Python/sysmodule.c's PySys_WriteStderr.
//
// An exception that cannot propagate (raised by an atexit callback, a thread started with
// _thread.start_new_thread, a weakref callback, a finalizer) is reported on sys.stderr as
// "Exception ignored in ...:" followed by its traceback, and execution goes on.
import { type PyObject, type PyTypeObject, Py_None } from "../objects/object.js";
import { PyStructSequence, PyStructSequence_NewType, PyStructSequence_New } from "../objects/structseq.js";
import { PyBaseException } from "../objects/exceptions.js";
import { PyObject_CallMethod, PyObject_CallOneArg, PyObject_Repr, PyObject_Str } from "../objects/abstract.js";
import { getSysModule } from "./sysmodule.js";
import { writeStderr } from "../cli/output.js";
import { formatException } from "./traceback.js";
import { PyErr_FromJS } from "./errors.js";

/** Writes `text` to sys.stderr (CPython: PySys_WriteStderr); to fd 2 when sys.stderr is unusable. */
export function PySys_WriteStderr(text: string): void {
  const err = getSysModule().dict.getStr("stderr");
  if (err !== undefined && err !== Py_None) {
    try {
      PyObject_CallMethod(err, "write", text);
      return;
    } catch {
      // fall back to the file descriptor
    }
  }
  writeStderr(text);
}

/** The argument of sys.unraisablehook (CPython: errors.c UnraisableHookArgs). */
export const UnraisableHookArgs_Type = PyStructSequence_NewType({
  name: "UnraisableHookArgs",
  doc: "UnraisableHookArgs\n\nType used to pass arguments to sys.unraisablehook.",
  fields: ["exc_type", "exc_value", "exc_traceback", "err_msg", "object"],
});

/** The default sys.unraisablehook's output (CPython: write_unraisable_exc_file). */
export function writeUnraisableDefault(args: PyObject): void {
  const [excType, excValue, , errMsg, obj] = (args as PyStructSequence).items;
  let text = "";
  if (obj !== Py_None) {
    let r: string;
    try {
      r = PyObject_Repr(obj);
    } catch {
      r = "<object repr() failed>";
    }
    text += `${errMsg !== Py_None ? PyObject_Str(errMsg) : "Exception ignored in"}: ${r}\n`;
  } else if (errMsg !== Py_None) {
    text += `${PyObject_Str(errMsg)}:\n`;
  }
  if (excValue instanceof PyBaseException) {
    try {
      text += formatException(excValue, false); // as PyTraceBack_Print writes it: no carets
    } catch {
      text += `${excValue.ob_type.tp_name}\n`;
    }
  } else if (excType !== Py_None) {
    text += `${(excType as PyTypeObject).tp_name}\n`;
  }
  PySys_WriteStderr(text);
}

/** CPython: format_unraisable_v — calls sys.unraisablehook, or writes the report itself. */
function formatUnraisable(errMsg: string | null, obj: PyObject, e: unknown): void {
  const exc = e instanceof PyBaseException ? e : PyErr_FromJS(e);
  const args = PyStructSequence_New(UnraisableHookArgs_Type, [exc.ob_type, exc, exc.traceback ?? Py_None, errMsg ?? Py_None, obj]);
  const sysd = getSysModule().dict;
  const hook = sysd.getStr("unraisablehook");
  if (hook === undefined || hook === Py_None || hook === sysd.getStr("__unraisablehook__")) {
    writeUnraisableDefault(args);
    return;
  }
  try {
    PyObject_CallOneArg(hook, args);
  } catch (e2) {
    // sys.unraisablehook failed: its error is reported by the default hook
    const exc2 = e2 instanceof PyBaseException ? e2 : PyErr_FromJS(e2);
    writeUnraisableDefault(
      PyStructSequence_New(UnraisableHookArgs_Type, [exc2.ob_type, exc2, exc2.traceback ?? Py_None, "Exception ignored in sys.unraisablehook", hook]),
    );
  }
}

/** Reports `e` as "Exception ignored <what>:" with its traceback (CPython: PyErr_FormatUnraisable). */
export function PyErr_FormatUnraisable(what: string, e: unknown): void {
  formatUnraisable(what, Py_None, e);
}

/** "Exception ignored in: <repr of obj>" (CPython: PyErr_WriteUnraisable). */
export function PyErr_WriteUnraisable(obj: PyObject, e: unknown): void {
  formatUnraisable(null, obj, e);
}
