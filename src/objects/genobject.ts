// CPython: Objects/genobject.c (generators; coroutines and async generators are not here yet)
//
// A generator owns the internal frame of its function (made by RETURN_GENERATOR) and runs it in
// the eval loop on each send/next/throw until the frame yields or returns.
import { PyObjectBase, PyBaseObject_Type, Py_None, Py_TYPE, newStaticType, type PyObject, type PyMethodDef } from "./object.js";
import type { PyCodeObject } from "./codeobject.js";
import {
  PyBaseException, PyExc_BaseException, PyExc_StopIteration, PyExc_GeneratorExit, PyExc_RuntimeError,
  PyExc_TypeError, PyExc_ValueError, newException,
} from "./exceptions.js";
import { PyErr_Format, PyErr_ExceptionMatches } from "../python/errors.js";
import { PyObject_Vectorcall } from "./abstract.js";
import { PyTypeObject, PyType_IsSubtype } from "./object.js";
import { addressOf } from "./methodobject.js";
import { _PyFrame_GetFrameObject } from "./frameobject.js";
import type { _PyInterpreterFrame } from "../vm/frame.js";
import { PyThreadState_Get } from "../vm/pystate.js";
import { _PyEval_EvalFrame } from "../vm/ceval.js";

export const PyGen_Type = newStaticType("generator", PyBaseObject_Type, 0);

// gi_frame_state values (CPython: Include/internal/pycore_frame.h)
export const FRAME_CREATED = -3;
export const FRAME_SUSPENDED = -1;
export const FRAME_EXECUTING = 0;
export const FRAME_COMPLETED = 1;

export class PyGenObject extends PyObjectBase {
  gi_frame_state = FRAME_CREATED;
  gi_name: string;
  gi_qualname: string;
  constructor(public readonly gi_iframe: _PyInterpreterFrame) {
    super();
    const func = gi_iframe.f_funcobj;
    this.gi_name = func?.func_name ?? gi_iframe.f_executable.co_name;
    this.gi_qualname = func?.func_qualname ?? gi_iframe.f_executable.co_qualname;
  }
  get gi_code(): PyCodeObject {
    return this.gi_iframe.f_executable;
  }
}
PyGenObject.prototype.ob_type = PyGen_Type;

/** RETURN_GENERATOR: the generator that takes over `frame` (CPython: _Py_MakeCoro). */
export function _Py_MakeGenerator(frame: _PyInterpreterFrame): PyGenObject {
  const gen = new PyGenObject(frame);
  frame.generator = gen;
  return gen;
}

let genReturned = false;

/** Whether the last resumption of a generator ended with its return (not a yield). */
export function _PyGen_LastReturned(): boolean {
  return genReturned;
}

/**
 * Resumes the generator with `value` sent in (or `exc` thrown in). Returns the yielded value, or
 * the return value with _PyGen_LastReturned() true when the generator finished (CPython: gen_send_ex2).
 */
export function _PyGen_SendEx(gen: PyGenObject, value: PyObject, exc: PyBaseException | null, closing: boolean): PyObject {
  const frame = gen.gi_iframe;
  genReturned = false;
  if (gen.gi_frame_state === FRAME_CREATED && value !== Py_None && exc === null) {
    throw PyErr_Format(PyExc_TypeError, "can't send non-None value to a just-started generator");
  }
  if (gen.gi_frame_state === FRAME_EXECUTING) throw PyErr_Format(PyExc_ValueError, "generator already executing");
  if (gen.gi_frame_state >= FRAME_COMPLETED) {
    if (exc !== null && !closing) throw exc;
    genReturned = true;
    return Py_None;
  }
  // the value becomes the result of the YIELD_VALUE (or of RETURN_GENERATOR, popped at once)
  frame.localsplus[frame.stackpointer++] = value;
  gen.gi_frame_state = FRAME_EXECUTING;
  let result: PyObject;
  try {
    result = exc === null ? _PyEval_EvalFrame(PyThreadState_Get(), frame, false) : resumeWithError(frame, exc);
  } catch (e) {
    gen.gi_frame_state = FRAME_COMPLETED;
    throw e;
  }
  // still "executing": the frame returned instead of yielding (a nested generator may have
  // changed genReturned meanwhile, so set it only now)
  genReturned = gen.gi_frame_state === FRAME_EXECUTING;
  if (genReturned) gen.gi_frame_state = FRAME_COMPLETED;
  return result;
}

function resumeWithError(frame: _PyInterpreterFrame, exc: PyBaseException): PyObject {
  // discard the pushed value: the exception replaces it
  frame.localsplus[--frame.stackpointer] = null;
  const tstate = PyThreadState_Get();
  tstate.pending_throw = exc;
  return _PyEval_EvalFrame(tstate, frame, true);
}

/** Called by YIELD_VALUE (CPython: the gi_frame_state update in YIELD_VALUE). */
export function _PyGen_Suspend(gen: PyGenObject): void {
  gen.gi_frame_state = FRAME_SUSPENDED;
}

function stopIteration(value: PyObject): PyBaseException {
  return newException(PyExc_StopIteration, value === Py_None ? [] : [value]);
}

/** generator.send(value). */
export function _PyGen_Send(gen: PyGenObject, value: PyObject): PyObject {
  const r = _PyGen_SendEx(gen, value, null, false);
  if (genReturned) throw stopIteration(r);
  return r;
}

/** tp_iternext: the next value or null when finished (the return value is dropped, as for-loops do). */
function genIterNext(v: PyObject): PyObject | null {
  const r = _PyGen_SendEx(v as PyGenObject, Py_None, null, false);
  return genReturned ? null : r;
}

function makeThrown(typ: PyObject, val: PyObject | null): PyBaseException {
  if (typ instanceof PyBaseException) return typ;
  if (typ instanceof PyTypeObject && PyType_IsSubtype(typ, PyExc_BaseException)) {
    const args = val === null || val === Py_None ? [] : [val];
    const e = PyObject_Vectorcall(typ, args, 0, args.length, null);
    if (e instanceof PyBaseException) return e;
  }
  throw PyErr_Format(PyExc_TypeError, `exceptions must be classes or instances deriving from BaseException, not ${Py_TYPE(typ).tp_name}`);
}

/** generator.throw(exc). */
export function _PyGen_Throw(gen: PyGenObject, exc: PyBaseException): PyObject {
  const r = _PyGen_SendEx(gen, Py_None, exc, false);
  if (genReturned) throw stopIteration(r);
  return r;
}

/** generator.close(). */
export function _PyGen_Close(gen: PyGenObject): PyObject {
  if (gen.gi_frame_state === FRAME_CREATED) {
    gen.gi_frame_state = FRAME_COMPLETED;
    return Py_None;
  }
  if (gen.gi_frame_state >= FRAME_COMPLETED) return Py_None;
  try {
    _PyGen_SendEx(gen, Py_None, newException(PyExc_GeneratorExit, []), true);
  } catch (e) {
    if (PyErr_ExceptionMatches(e, PyExc_GeneratorExit) || PyErr_ExceptionMatches(e, PyExc_StopIteration)) return Py_None;
    throw e;
  }
  if (genReturned) return Py_None;
  throw PyErr_Format(PyExc_RuntimeError, "generator ignored GeneratorExit");
}

PyGen_Type.tp_iter = (v) => v;
PyGen_Type.tp_iternext = genIterNext;
PyGen_Type.tp_repr = (v) => `<generator object ${(v as PyGenObject).gi_qualname} at 0x${addressOf(v)}>`;
PyGen_Type.tp_methods = [
  { name: "send", kind: "o", fn: ((self: PyObject, arg: PyObject) => _PyGen_Send(self as PyGenObject, arg)) as PyMethodDef["fn"] },
  {
    name: "throw",
    kind: "fast",
    fn: ((self: PyObject, args: readonly PyObject[], start: number, nargs: number) => {
      if (nargs < 1 || nargs > 3) throw PyErr_Format(PyExc_TypeError, `throw expected at least 1 argument, got ${nargs}`);
      const exc = makeThrown(args[start]!, nargs > 1 ? args[start + 1]! : null);
      return _PyGen_Throw(self as PyGenObject, exc);
    }) as PyMethodDef["fn"],
  },
  { name: "close", kind: "noargs", fn: ((self: PyObject) => _PyGen_Close(self as PyGenObject)) as PyMethodDef["fn"] },
];
PyGen_Type.tp_getset = [
  { name: "gi_code", get: (g) => (g as PyGenObject).gi_code },
  { name: "gi_running", get: (g) => (g as PyGenObject).gi_frame_state === FRAME_EXECUTING },
  { name: "gi_suspended", get: (g) => (g as PyGenObject).gi_frame_state === FRAME_SUSPENDED },
  {
    name: "gi_frame",
    get: (g) => ((g as PyGenObject).gi_frame_state >= FRAME_COMPLETED ? Py_None : _PyFrame_GetFrameObject((g as PyGenObject).gi_iframe)),
  },
  { name: "__name__", get: (g) => (g as PyGenObject).gi_name },
  { name: "__qualname__", get: (g) => (g as PyGenObject).gi_qualname },
];

