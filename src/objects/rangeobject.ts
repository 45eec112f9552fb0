// CPython: Objects/rangeobject.c
import {
  PyObjectBase, type PyObject, type PyMethodDef, newStaticType, PyBaseObject_Type, Py_None, Py_NotImplemented,
  Py_TYPE, Py_EQ, Py_NE,
} from "./object.js";
import { PyTuple } from "./tupleobject.js";
import { PyNumber_Index, PyObject_Repr, PyObject_Hash, PyIndex_Check, PyObject_RichCompareBool } from "./abstract.js";
import { PySlice, PySlice_Unpack } from "./sliceobject.js";
import {
  type PyInt, long_add, long_sub, long_mul, long_floordiv, long_compare, long_sign, long_mod, long_neg, asInt,
} from "./longobject.js";
import { typeError, valueError, indexError, overflowError } from "../python/errors.js";
import { checkPositional } from "../python/getargs.js";
import { PyFloat } from "./floatobject.js";

export class PyRange extends PyObjectBase {
  readonly length: PyInt;
  constructor(
    public readonly start: PyInt,
    public readonly stop: PyInt,
    public readonly step: PyInt,
  ) {
    super();
    this.length = rangeLength(start, stop, step);
  }
}
export const PyRange_Type = newStaticType("range", PyBaseObject_Type, 0);
PyRange.prototype.ob_type = PyRange_Type;

function rangeLength(start: PyInt, stop: PyInt, step: PyInt): PyInt {
  if (typeof start === "number" && typeof stop === "number" && typeof step === "number") {
    if (step > 0) return start < stop ? Math.floor((stop - start - 1) / step) + 1 : 0;
    return start > stop ? Math.floor((start - stop - 1) / -step) + 1 : 0;
  }
  if (long_sign(step) > 0) {
    return long_compare(start, stop) < 0 ? long_add(long_floordiv(long_sub(long_sub(stop, start), 1), step), 1) : 0;
  }
  return long_compare(start, stop) > 0 ? long_add(long_floordiv(long_sub(long_sub(start, stop), 1), long_neg(step)), 1) : 0;
}

function rangeItem(r: PyRange, i: PyInt): PyInt {
  return long_add(r.start, long_mul(i, r.step));
}

PyRange_Type.tp_new = (_type, args, start, nargs, kwnames) => {
  if (kwnames !== null && kwnames.items.length) throw typeError("range() takes no keyword arguments");
  checkPositional("range", nargs, 1, 3);
  if (nargs === 1) return new PyRange(0, PyNumber_Index(args[start]), 1);
  const step = nargs === 3 ? PyNumber_Index(args[start + 2]) : 1;
  if (step === 0) throw valueError("range() arg 3 must not be zero");
  return new PyRange(PyNumber_Index(args[start]), PyNumber_Index(args[start + 1]), step);
};
PyRange_Type.tp_repr = (v) => {
  const r = v as PyRange;
  if (r.step === 1) return `range(${PyObject_Repr(r.start)}, ${PyObject_Repr(r.stop)})`;
  return `range(${PyObject_Repr(r.start)}, ${PyObject_Repr(r.stop)}, ${PyObject_Repr(r.step)})`;
};
PyRange_Type.sq_length = (v) => {
  const n = (v as PyRange).length;
  if (typeof n !== "number") throw overflowError("Python int too large to convert to C ssize_t");
  return n;
};
PyRange_Type.nb_bool = (v) => (v as PyRange).length !== 0;

function rangeContainsInt(r: PyRange, x: PyInt): boolean {
  if (long_sign(r.step) > 0) {
    if (long_compare(x, r.start) < 0 || long_compare(x, r.stop) >= 0) return false;
  } else if (long_compare(x, r.start) > 0 || long_compare(x, r.stop) <= 0) return false;
  return long_mod(long_sub(x, r.start), r.step) === 0;
}

PyRange_Type.sq_contains = (v, x) => {
  const r = v as PyRange;
  const i = asInt(x);
  if (i !== null) return rangeContainsInt(r, i);
  for (let k: PyInt = 0; long_compare(k, r.length) < 0; k = long_add(k, 1)) {
    if (PyObject_RichCompareBool(rangeItem(r, k), x, Py_EQ)) return true;
  }
  return false;
};
PyRange_Type.mp_subscript = (v, key) => {
  const r = v as PyRange;
  if (key instanceof PySlice) {
    const [a, b, c] = PySlice_Unpack(key);
    const n = Number(r.length);
    const se: [number, number, number] = [a, b, c];
    // compute sub-range with adjusted indices
    const adj = adjust(n, se);
    const start = rangeItem(r, se[0]);
    const step = long_mul(r.step, se[2]);
    const stop = long_add(start, long_mul(adj, step));
    return new PyRange(start, stop, step);
  }
  if (!PyIndex_Check(key)) throw typeError(`range indices must be integers or slices, not ${Py_TYPE(key).tp_name}`);
  let i = PyNumber_Index(key);
  if (long_sign(i) < 0) i = long_add(i, r.length);
  if (long_sign(i) < 0 || long_compare(i, r.length) >= 0) throw indexError("range object index out of range");
  return rangeItem(r, i);
};
function adjust(length: number, se: [number, number, number]): number {
  let [start, stop] = se;
  const step = se[2];
  if (start < 0) {
    start += length;
    if (start < 0) start = step < 0 ? -1 : 0;
  } else if (start >= length) start = step < 0 ? length - 1 : length;
  if (stop < 0) {
    stop += length;
    if (stop < 0) stop = step < 0 ? -1 : 0;
  } else if (stop >= length) stop = step < 0 ? length - 1 : length;
  se[0] = start;
  se[1] = stop;
  if (step < 0) return stop < start ? Math.floor((start - stop - 1) / -step) + 1 : 0;
  return start < stop ? Math.floor((stop - start - 1) / step) + 1 : 0;
}
PyRange_Type.tp_richcompare = (v, w, op) => {
  if (!(w instanceof PyRange) || (op !== Py_EQ && op !== Py_NE)) return Py_NotImplemented;
  const a = v as PyRange;
  let eq: boolean;
  if (long_compare(a.length, w.length) !== 0) eq = false;
  else if (a.length === 0) eq = true;
  else if (long_compare(a.start, w.start) !== 0) eq = false;
  else if (a.length === 1) eq = true;
  else eq = long_compare(a.step, w.step) === 0;
  return op === Py_EQ ? eq : !eq;
};
PyRange_Type.tp_hash = (v) => {
  const r = v as PyRange;
  if (r.length === 0) return PyObject_Hash(new PyTuple([0, Py_None, Py_None]));
  if (r.length === 1) return PyObject_Hash(new PyTuple([1, r.start, Py_None]));
  return PyObject_Hash(new PyTuple([r.length, r.start, r.step]));
};
PyRange_Type.tp_iter = (v) => {
  const r = v as PyRange;
  if (typeof r.start === "number" && typeof r.step === "number" && typeof r.length === "number") {
    return new PyRangeIter(r.start, r.step, r.length);
  }
  return new PyLongRangeIter(r.start, r.step, r.length);
};
PyRange_Type.tp_getset = [
  { name: "start", get: (v) => (v as PyRange).start },
  { name: "stop", get: (v) => (v as PyRange).stop },
  { name: "step", get: (v) => (v as PyRange).step },
];
PyRange_Type.tp_methods = [
  {
    name: "count",
    kind: "o",
    fn: ((v: PyObject, x: PyObject) => {
      const i = asInt(x);
      if (i !== null) return rangeContainsInt(v as PyRange, i) ? 1 : 0;
      return (PyRange_Type.sq_contains as (a: PyObject, b: PyObject) => boolean)(v, x) ? 1 : 0;
    }) as PyMethodDef["fn"],
  },
  {
    name: "index",
    kind: "o",
    fn: ((v: PyObject, x: PyObject) => {
      const r = v as PyRange;
      const i = asInt(x);
      if (i !== null && rangeContainsInt(r, i)) return long_floordiv(long_sub(i, r.start), r.step);
      throw valueError(`${PyObject_Repr(x)} is not in range`);
    }) as PyMethodDef["fn"],
  },
  {
    name: "__reversed__",
    kind: "noargs",
    fn: ((v: PyObject) => {
      const r = v as PyRange;
      const last = long_sub(rangeItem(r, r.length), r.step);
      const step = long_neg(r.step);
      if (typeof last === "number" && typeof step === "number" && typeof r.length === "number") {
        return new PyRangeIter(last, step, r.length);
      }
      return new PyLongRangeIter(last, step, r.length);
    }) as PyMethodDef["fn"],
  },
];

/** CPython: rangeiterobject (all values are small ints). */
export class PyRangeIter extends PyObjectBase {
  constructor(
    public next: number,
    public readonly step: number,
    public remaining: number,
  ) {
    super();
  }
}
export const PyRangeIter_Type = newStaticType("range_iterator", PyBaseObject_Type, 0);
PyRangeIter.prototype.ob_type = PyRangeIter_Type;
PyRangeIter_Type.tp_iter = (v) => v;
PyRangeIter_Type.tp_iternext = (v) => {
  const it = v as PyRangeIter;
  if (it.remaining <= 0) return null;
  const r = it.next;
  it.next += it.step;
  it.remaining--;
  return r;
};
PyRangeIter_Type.tp_methods = [
  { name: "__length_hint__", kind: "noargs", fn: ((v: PyObject) => Math.max(0, (v as PyRangeIter).remaining)) as PyMethodDef["fn"] },
];

export class PyLongRangeIter extends PyObjectBase {
  constructor(
    public next: PyInt,
    public readonly step: PyInt,
    public remaining: PyInt,
  ) {
    super();
  }
}
export const PyLongRangeIter_Type = newStaticType("longrange_iterator", PyBaseObject_Type, 0);
PyLongRangeIter.prototype.ob_type = PyLongRangeIter_Type;
PyLongRangeIter_Type.tp_iter = (v) => v;
PyLongRangeIter_Type.tp_iternext = (v) => {
  const it = v as PyLongRangeIter;
  if (long_sign(it.remaining) <= 0) return null;
  const r = it.next;
  it.next = long_add(it.next, it.step);
  it.remaining = long_sub(it.remaining, 1);
  return r;
};
