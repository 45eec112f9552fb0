// CPython: Objects/iterobject.c (sequence iterator, callable iterator)
import { PyObjectBase, type PyObject, type PyMethodDef, newStaticType, PyBaseObject_Type, Py_TYPE, Py_EQ } from "./object.js";
import { PyObject_Vectorcall, PyObject_RichCompareBool } from "./abstract.js";
import { PyErr_ExceptionMatches } from "../python/errors.js";
import { PyExc_IndexError, PyExc_StopIteration } from "./exceptions.js";
import { PyListIter_Type } from "./listobject.js";
import { PyTupleIter_Type, PyTuple_Type } from "./tupleobject.js";
import { PyList_Type } from "./listobject.js";

/** iter(seq) for objects with only __getitem__ (CPython: PySeqIter_Type). */
export class PySeqIter extends PyObjectBase {
  index = 0;
  constructor(public seq: PyObject | null) {
    super();
  }
}
export const PySeqIter_Type = newStaticType("iterator", PyBaseObject_Type, 0);
PySeqIter.prototype.ob_type = PySeqIter_Type;
PySeqIter_Type.tp_iter = (v) => v;
PySeqIter_Type.tp_iternext = (v) => {
  const it = v as PySeqIter;
  if (it.seq === null) return null;
  const t = Py_TYPE(it.seq);
  try {
    const r = t.mp_subscript !== null ? t.mp_subscript(it.seq, it.index) : (t.sq_item as NonNullable<typeof t.sq_item>)(it.seq, it.index);
    it.index++;
    return r;
  } catch (e) {
    if (PyErr_ExceptionMatches(e, PyExc_IndexError) || PyErr_ExceptionMatches(e, PyExc_StopIteration)) {
      it.seq = null;
      return null;
    }
    throw e;
  }
};

export function newSeqIter(seq: PyObject): PySeqIter {
  return new PySeqIter(seq);
}

/** iter(callable, sentinel) (CPython: PyCallIter_Type). */
export class PyCallIter extends PyObjectBase {
  constructor(
    public callable: PyObject | null,
    public readonly sentinel: PyObject,
  ) {
    super();
  }
}
export const PyCallIter_Type = newStaticType("callable_iterator", PyBaseObject_Type, 0);
PyCallIter.prototype.ob_type = PyCallIter_Type;
PyCallIter_Type.tp_iter = (v) => v;
PyCallIter_Type.tp_iternext = (v) => {
  const it = v as PyCallIter;
  if (it.callable === null) return null;
  let r: PyObject;
  try {
    r = PyObject_Vectorcall(it.callable, [], 0, 0, null);
  } catch (e) {
    if (PyErr_ExceptionMatches(e, PyExc_StopIteration)) {
      it.callable = null;
      return null;
    }
    throw e;
  }
  if (r === it.sentinel || PyObject_RichCompareBool(r, it.sentinel, Py_EQ)) {
    it.callable = null;
    return null;
  }
  return r;
};

/** The tp_iter of list and tuple, to recognize them for fast paths. */
export function PyList_iter(v: PyObject): PyObject {
  return (PyList_Type.tp_iter as (x: PyObject) => PyObject)(v);
}
export function PyTuple_iter(v: PyObject): PyObject {
  return (PyTuple_Type.tp_iter as (x: PyObject) => PyObject)(v);
}
export type { PyMethodDef };
