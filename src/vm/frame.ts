// CPython: Include/internal/pycore_interpframe_structs.h, pycore_interpframe.h, Python/frame.c
//
// The light internal frame. A Python-visible frame object (frameobject.ts) is made for it only on
// demand. localsplus holds the fast locals, cells and free variables (co_localsplusnames order),
// followed by the value stack; stackpointer indexes the first free stack slot.
import type { PyCodeObject } from "../objects/codeobject.js";
import type { PyObject } from "../objects/object.js";
import type { PyFunctionObject } from "../objects/funcobject.js";
import type { PyFrameObject } from "../objects/frameobject.js";
import type { PyGenObject } from "../objects/genobject.js";

export const FRAME_OWNED_BY_THREAD = 0;
export const FRAME_OWNED_BY_GENERATOR = 1;
export const FRAME_OWNED_BY_FRAME_OBJECT = 2;

export class _PyInterpreterFrame {
  f_executable: PyCodeObject;
  /** The function being run, or null for module and class bodies run by exec/PyEval_EvalCode. */
  f_funcobj: PyFunctionObject | null;
  f_globals: PyObject;
  f_builtins: PyObject;
  /** The locals mapping of module/class frames (null for optimized function frames). */
  f_locals: PyObject | null;
  previous: _PyInterpreterFrame | null = null;
  frame_obj: PyFrameObject | null = null;
  /** Code-unit index of the instruction being executed (the last one started). */
  instr_ptr = 0;
  /** Code units from instr_ptr to where execution resumes after a call made by this frame returns. */
  return_offset = 0;
  stackpointer: number;
  localsplus: (PyObject | null)[];
  owner = FRAME_OWNED_BY_THREAD;
  /** The generator that owns this frame, if any. */
  generator: PyGenObject | null = null;
  /** Run when the frame is popped (returns or raises): the end of an inlined builtin (PyMethodDef.inline). */
  exit_hook: (() => void) | null = null;

  constructor(code: PyCodeObject, func: PyFunctionObject | null, globals: PyObject, builtins: PyObject, locals: PyObject | null) {
    this.f_executable = code;
    this.f_funcobj = func;
    this.f_globals = globals;
    this.f_builtins = builtins;
    this.f_locals = locals;
    const n = code.co_nlocalsplus;
    // filled by push: a packed array (V8 checks holes on every read of a holey one)
    const lp: (PyObject | null)[] = [];
    for (let i = n + code.co_stacksize; i > 0; i--) lp.push(null);
    this.localsplus = lp;
    this.stackpointer = n;
  }
}

/** The line being executed (CPython: PyUnstable_InterpreterFrame_GetLine). */
export function _PyInterpreterFrame_GetLine(frame: _PyInterpreterFrame): number | null {
  return frame.f_executable.addr2line(frame.instr_ptr);
}

/** Index of the first value-stack slot in localsplus. */
export function _PyFrame_StackBase(frame: _PyInterpreterFrame): number {
  return frame.f_executable.co_nlocalsplus;
}
