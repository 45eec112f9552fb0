// CPython: Python/errors.c (PyErr_FormatUnraisable, PyErr_WriteUnraisable and the default
// sys.unraisablehook's output) and Python/sysmodule.c's PySys_WriteStderr.
//
// An exception that cannot propagate (raised by an atexit callback, a thread started with
// _thread.start_new_thread, a weakref callback, a finalizer) is reported on sys.stderr as
// "Exception ignored in ...:" followed by its traceback, and execution goes on.
import { type PyObject, Py_None } from "../objects/object.js";
import { PyBaseException } from "../objects/exceptions.js";
import { PyObject_CallMethod, PyObject_Repr } from "../objects/abstract.js";
import { getSysModule } from "./sysmodule.js";
import { stderrWriter } from "./bltinmodule.js";
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
  stderrWriter.write(text);
  stderrWriter.flush();
}

/** Reports `e` as "Exception ignored <what>:" with its traceback (CPython: PyErr_FormatUnraisable). */
export function PyErr_FormatUnraisable(what: string, e: unknown): void {
  const exc = e instanceof PyBaseException ? e : PyErr_FromJS(e);
  let text = `${what}:\n`;
  try {
    text += formatException(exc, false); // as PyTraceBack_Print writes it: no carets
  } catch {
    text += `${exc.ob_type.tp_name}\n`;
  }
  PySys_WriteStderr(text);
}

/** "Exception ignored in: <repr of obj>" (CPython: PyErr_WriteUnraisable). */
export function PyErr_WriteUnraisable(obj: PyObject, e: unknown): void {
  let r: string;
  try {
    r = PyObject_Repr(obj);
  } catch {
    r = "<object repr() failed>";
  }
  PyErr_FormatUnraisable(`Exception ignored in: ${r}`, e);
}
