// CPython: Include/cpython/pystate.h, Python/pystate.c (the parts the eval loop needs)
//
// One interpreter with one thread: the thread state holds the frame chain, the recursion budget
// and the exception being handled; the interpreter state holds the frame-evaluation hook.
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

  constructor(interp: PyInterpreterState) {
    this.interp = interp;
    this.py_recursion_remaining = interp.recursion_limit;
  }
}

const mainInterpreter = new PyInterpreterState();
const mainThread = new PyThreadState(mainInterpreter);

/** The current thread state (CPython: PyThreadState_Get). */
export function PyThreadState_Get(): PyThreadState {
  return mainThread;
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
  const t = mainThread;
  t.py_recursion_remaining += limit - mainInterpreter.recursion_limit;
  mainInterpreter.recursion_limit = limit;
}
