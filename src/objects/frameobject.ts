// CPython: Objects/frameobject.c
//
// The Python-visible frame, made on demand for an internal frame (sys._getframe, tracebacks).
// While the frame runs, its attributes read the live internal frame; when the frame finishes,
// the object keeps the internal frame (and its final state) alive.
import { PyObjectBase, PyBaseObject_Type, Py_None, newStaticType, type PyObject, type PyMethodDef } from "./object.js";
import { PyDict_New } from "./dictobject.js";
import { CO_OPTIMIZED } from "./codeobject.js";
import { _PyInterpreterFrame, _PyInterpreterFrame_GetLine, FRAME_OWNED_BY_GENERATOR } from "../vm/frame.js";
import { PyThreadState_Get } from "../vm/pystate.js";
import { runtimeError } from "../python/errors.js";
import { PyCellObject } from "./cellobject.js";
import { addressOf } from "./methodobject.js";

export const PyFrame_Type = newStaticType("frame", PyBaseObject_Type, 0);

export class PyFrameObject extends PyObjectBase {
  f_frame: _PyInterpreterFrame;
  /** The caller's frame object, fixed when the frame finished (null while it runs: read live). */
  private f_back_final: PyFrameObject | null = null;
  private finished = false;
  f_trace: PyObject = Py_None;

  constructor(frame: _PyInterpreterFrame) {
    super();
    this.f_frame = frame;
  }

  /** Called when the internal frame is done: remember the caller, as CPython's frame object does. */
  _takeOwnership(frame: _PyInterpreterFrame): void {
    this.f_back_final = frame.previous === null ? null : _PyFrame_GetFrameObject(frame.previous);
    this.finished = true;
  }

  get isFinished(): boolean {
    return this.finished;
  }

  /** Whether the frame is on the current thread's stack. */
  get isExecuting(): boolean {
    for (let fr = PyThreadState_Get().current_frame; fr !== null; fr = fr.previous) if (fr === this.f_frame) return true;
    return false;
  }

  get f_back(): PyFrameObject | null {
    if (this.finished) return this.f_back_final;
    const prev = this.f_frame.previous;
    return prev === null ? null : _PyFrame_GetFrameObject(prev);
  }

  get f_lineno(): number | null {
    return _PyInterpreterFrame_GetLine(this.f_frame);
  }

  /** Offset in bytes of the last instruction started. */
  get f_lasti(): number {
    return this.f_frame.instr_ptr * 2;
  }

  /** frame.f_locals: the locals mapping, or for a function a snapshot dict of its bound locals. */
  get f_locals(): PyObject {
    const f = this.f_frame;
    const co = f.f_executable;
    if (!(co.co_flags & CO_OPTIMIZED) && f.f_locals !== null) return f.f_locals;
    const d = PyDict_New();
    for (let i = 0; i < co.co_nlocalsplus; i++) {
      let v = f.localsplus[i] ?? null;
      if (v instanceof PyCellObject) v = v.ob_ref;
      if (v !== null) d.setItem(co.co_localsplusnames[i]!, v);
    }
    return d;
  }
}
PyFrameObject.prototype.ob_type = PyFrame_Type;

/** The frame object of an internal frame, made on first request (CPython: _PyFrame_GetFrameObject). */
export function _PyFrame_GetFrameObject(frame: _PyInterpreterFrame): PyFrameObject {
  let f = frame.frame_obj;
  if (f === null) {
    f = new PyFrameObject(frame);
    frame.frame_obj = f;
  }
  return f;
}

const orNone = (v: PyObject | null): PyObject => v ?? Py_None;
PyFrame_Type.tp_getset = [
  { name: "f_code", get: (f) => (f as PyFrameObject).f_frame.f_executable },
  { name: "f_globals", get: (f) => (f as PyFrameObject).f_frame.f_globals },
  { name: "f_builtins", get: (f) => (f as PyFrameObject).f_frame.f_builtins },
  { name: "f_locals", get: (f) => (f as PyFrameObject).f_locals },
  { name: "f_back", get: (f) => orNone((f as PyFrameObject).f_back) },
  { name: "f_lineno", get: (f) => orNone((f as PyFrameObject).f_lineno) },
  { name: "f_lasti", get: (f) => (f as PyFrameObject).f_lasti },
  {
    name: "f_trace",
    get: (f) => (f as PyFrameObject).f_trace,
    set: (f, v) => {
      (f as PyFrameObject).f_trace = v ?? Py_None;
    },
  },
];
PyFrame_Type.tp_methods = [
  {
    // CPython: frame_clear: a finished frame lets go of its locals; a running or suspended one refuses
    name: "clear",
    kind: "noargs",
    fn: ((v: PyObject) => {
      const f = v as PyFrameObject;
      if (!f.isFinished) {
        if (f.f_frame.owner === FRAME_OWNED_BY_GENERATOR && !f.isExecuting) throw runtimeError("cannot clear a suspended frame");
        throw runtimeError("cannot clear an executing frame");
      }
      f.f_frame.localsplus.fill(null);
      f.f_trace = Py_None;
      return Py_None;
    }) as PyMethodDef["fn"],
  },
];
PyFrame_Type.tp_repr = (v: PyObject): string => {
  const f = v as PyFrameObject;
  const co = f.f_frame.f_executable;
  return `<frame at 0x${addressOf(f)}, file '${co.co_filename}', line ${f.f_lineno}, code ${co.co_name}>`;
};
