// CPython: Include/cpython/pystate.h, Python/pystate.c (the parts the eval loop needs)
//
// One interpreter; each Python thread has its own thread state (its frame chain, recursion budget
// and the exception being handled), and the running one is "current" (threads are scheduled
// cooperatively on the one JavaScript thread: src/python/ceval_gil.ts, docs/threads.md). The
// interpreter state holds the frame-evaluation hook.
import type { PyObject } from "../objects/object.js";
import type { _PyInterpreterFrame } from "./frame.js";

/**
 * The frame-evaluation function (PEP 523): evaluates `frame` until it returns and gives its
 * result; `throwflag` asks it to raise the pending exception at the frame's current instruction
 * (generators' throw()). Install one with _PyInterpreterState_SetEvalFrameFunc.
 */
export type _PyFrameEvalFunction = (tstate: PyThreadState, frame: _PyInterpreterFrame, throwflag: boolean) => PyObject;

export class PyInterpreterState {
  /** The PEP 523 hook; null means the default (_PyEval_EvalFrameDefault). */
  eval_frame: _PyFrameEvalFunction | null = null;
  /** sys.getrecursionlimit(). */
  recursion_limit = 1000;
}

export class PyThreadState {
  readonly interp: PyInterpreterState;
  /** The innermost executing frame (CPython: tstate->current_frame). */
  current_frame: _PyInterpreterFrame | null = null;
  /** Python frames that may still be pushed before RecursionError. */
  py_recursion_remaining: number;
  /** The exception currently being handled (sys.exception()), or null (CPython: exc_info->exc_value). */
  exc_info: PyObject | null = null;
  /** The exception generator.throw() asks a resumed frame to raise. */
  pending_throw: PyObject | null = null;
  /** Activations of the eval loop running for this thread (1: only the thread's outermost one). */
  eval_depth = 0;
  /**
   * Set by the scheduler while this thread's outermost eval loop may be suspended (it was started
   * by the scheduler on a Python function, so unwinding it loses nothing but that loop).
   */
  suspendable = false;
  /** The eval loop's saved state of a suspended thread (opaque to all but the loop). */
  suspended: unknown = null;
  /** An exception to raise in this thread at its next eval-breaker check (_thread.interrupt_main). */
  pending_async_exc: PyObject | null = null;
  /** thread id (threading.get_ident()). */
  thread_id = 0;

  constructor(interp: PyInterpreterState) {
    this.interp = interp;
    this.py_recursion_remaining = interp.recursion_limit;
  }
}

const mainInterpreter = new PyInterpreterState();
const mainThread = new PyThreadState(mainInterpreter);
let currentThread = mainThread;
const allThreads = new Set<PyThreadState>([mainThread]);

/** The current thread state (CPython: PyThreadState_Get). */
export function PyThreadState_Get(): PyThreadState {
  return currentThread;
}

/** The main thread's state. */
export function _PyThreadState_Main(): PyThreadState {
  return mainThread;
}

/** A new thread state for a new Python thread (CPython: PyThreadState_New). */
export function PyThreadState_New(): PyThreadState {
  const t = new PyThreadState(mainInterpreter);
  allThreads.add(t);
  return t;
}

/** Forgets a finished thread's state (CPython: PyThreadState_Delete). */
export function PyThreadState_Delete(t: PyThreadState): void {
  allThreads.delete(t);
}

/** Makes `t` the running thread; returns the previous one (CPython: PyThreadState_Swap). */
export function PyThreadState_Swap(t: PyThreadState): PyThreadState {
  const prev = currentThread;
  currentThread = t;
  return prev;
}

/** CPython: PyInterpreterState_Get. */
export function PyInterpreterState_Get(): PyInterpreterState {
  return mainInterpreter;
}

/** CPython: _PyInterpreterState_GetEvalFrameFunc. */
export function _PyInterpreterState_GetEvalFrameFunc(interp: PyInterpreterState): _PyFrameEvalFunction | null {
  return interp.eval_frame;
}

/**
 * Replaces how frames are evaluated (PEP 523; CPython: _PyInterpreterState_SetEvalFrameFunc).
 * Pass null to restore the default. While a hook is installed every Python call goes through it
 * (the eval loop stops running callees inline).
 */
export function _PyInterpreterState_SetEvalFrameFunc(interp: PyInterpreterState, fn: _PyFrameEvalFunction | null): void {
  interp.eval_frame = fn;
}

/** sys.setrecursionlimit: adjusts the remaining budget by the change of limit. */
export function Py_SetRecursionLimit(limit: number): void {
  for (const t of allThreads) t.py_recursion_remaining += limit - mainInterpreter.recursion_limit;
  mainInterpreter.recursion_limit = limit;
}
