// CPython: Python/pylifecycle.c (Py_FinalizeEx, wait_for_thread_shutdown) — what runs when the
// program ends: the non-daemon threads are joined, then the atexit callbacks run.
import { PyObject_CallMethod } from "../objects/abstract.js";
import { sysModules } from "./sysmodule.js";
import { PyErr_FormatUnraisable } from "./unraisable.js";
import { _PyAtExit_Call } from "../modules/atexitmodule.js";

/** Joins the non-daemon threads through threading._shutdown() (CPython: wait_for_thread_shutdown). */
function waitForThreadShutdown(): void {
  const threading = sysModules().getStr("threading");
  if (threading === undefined) return;
  try {
    PyObject_CallMethod(threading, "_shutdown");
  } catch (e) {
    PyErr_FormatUnraisable("Exception ignored on threading shutdown", e);
  }
}

let finalized = false;

/** sys.is_finalizing() (CPython: Py_IsFinalizing). */
export function Py_IsFinalizing(): boolean {
  return finalized;
}

/** CPython: Py_FinalizeEx (the parts before the interpreter's teardown). */
export function Py_FinalizeEx(): void {
  if (finalized) return;
  finalized = true;
  waitForThreadShutdown();
  _PyAtExit_Call();
}
