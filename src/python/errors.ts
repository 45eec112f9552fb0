// CPython: Python/errors.c
//
// A Python error is thrown as the exception object itself, so CPython's "set the error indicator
// and return NULL" becomes `throw PyErr_Format(PyExc_TypeError, "...")`. These helpers build the
// exception; the caller throws it (so TypeScript sees the control flow).
import { type PyObject, type PyTypeObject, Py_TYPE, PyType_IsSubtype } from "../objects/object.js";
import {
  PyBaseException, newException, PyExc_TypeError, PyExc_ValueError, PyExc_IndexError, PyExc_KeyError,
  PyExc_OverflowError, PyExc_ZeroDivisionError, PyExc_AttributeError, PyExc_RecursionError, PyExc_MemoryError,
  PyExc_SystemError, PyExc_StopIteration, PyExc_RuntimeError, PyExc_NotImplementedError,
} from "../objects/exceptions.js";
import { PyTuple } from "../objects/tupleobject.js";
import { _setArgTypeError } from "./getargs.js";

/** An exception of `type` with the single argument `msg` (CPython: PyErr_Format/PyErr_SetString). */
export function PyErr_Format(type: PyTypeObject, msg: string): PyBaseException {
  return newException(type, [msg]);
}

/** An exception of `type` with `value` as its argument (CPython: PyErr_SetObject). */
export function PyErr_SetObject(type: PyTypeObject, value: PyObject): PyBaseException {
  return newException(type, [value]);
}

export const typeError = (msg: string): PyBaseException => newException(PyExc_TypeError, [msg]);
export const valueError = (msg: string): PyBaseException => newException(PyExc_ValueError, [msg]);
export const indexError = (msg: string): PyBaseException => newException(PyExc_IndexError, [msg]);
export const overflowError = (msg: string): PyBaseException => newException(PyExc_OverflowError, [msg]);
export const zeroDivisionError = (msg: string): PyBaseException => newException(PyExc_ZeroDivisionError, [msg]);
export const runtimeError = (msg: string): PyBaseException => newException(PyExc_RuntimeError, [msg]);
export const systemError = (msg: string): PyBaseException => newException(PyExc_SystemError, [msg]);
export const notImplementedError = (msg: string): PyBaseException => newException(PyExc_NotImplementedError, [msg]);
/** KeyError(key): the key itself is the argument. */
export const keyError = (key: PyObject): PyBaseException => newException(PyExc_KeyError, [key]);
export const stopIteration = (value?: PyObject): PyBaseException =>
  newException(PyExc_StopIteration, value === undefined ? [] : [value]);

/** AttributeError with its name/obj attributes set (CPython: PyErr_Format + set_attribute_error_context). */
export function attributeError(msg: string, obj: PyObject | null = null, name: string | null = null): PyBaseException {
  return newException(PyExc_AttributeError, [msg], obj !== null && name !== null ? new Map([["name", name], ["obj", obj]]) : null);
}

/** Whether exception `exc` (instance or class) matches `match` (a class or tuple of classes). */
export function PyErr_GivenExceptionMatches(exc: PyObject, match: PyObject): boolean {
  if (match instanceof PyTuple) {
    for (const m of match.items) if (PyErr_GivenExceptionMatches(exc, m)) return true;
    return false;
  }
  const t = exc instanceof PyBaseException ? Py_TYPE(exc) : (exc as PyTypeObject);
  return t === match || PyType_IsSubtype(t, match as PyTypeObject);
}

/** Whether a caught JS value is a Python exception of `type`. */
export function PyErr_ExceptionMatches(e: unknown, type: PyTypeObject): e is PyBaseException {
  return e instanceof PyBaseException && PyType_IsSubtype(Py_TYPE(e), type);
}

/**
 * Converts anything caught from JS into a Python exception: a Python exception stays as it is,
 * a JS stack overflow becomes RecursionError, other resource exhaustion MemoryError, and anything
 * else (a tython bug) SystemError with the JS message.
 */
export function PyErr_FromJS(e: unknown): PyBaseException {
  if (e instanceof PyBaseException) return e;
  if (e instanceof RangeError) {
    if (/call stack/i.test(e.message)) return newException(PyExc_RecursionError, ["maximum recursion depth exceeded"]);
    return newException(PyExc_MemoryError, []);
  }
  const msg = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return newException(PyExc_SystemError, ["internal error: " + msg]);
}

/** TypeError for a wrong argument type, "<what> must be <expected>, not <type>" (CPython: _PyArg_BadArgument). */
export function badArgument(fname: string, what: string, expected: string, arg: PyObject): PyBaseException {
  return typeError(`${fname}() ${what} must be ${expected}, not ${Py_TYPE(arg).tp_name}`);
}

_setArgTypeError(typeError);
