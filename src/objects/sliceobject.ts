// CPython: Objects/sliceobject.c
import { PyObjectBase, type PyObject, newStaticType, PyBaseObject_Type, Py_None, Py_NotImplemented, Py_EQ, Py_NE } from "./object.js";
import { PyTuple } from "./tupleobject.js";
import { PyNumber_Index, PyObject_Repr, PyObject_RichCompare, PyIndex_Check, PyObject_Hash } from "./abstract.js";
import { typeError, valueError } from "../python/errors.js";
import { checkPositional } from "../python/getargs.js";
import { type PyInt, long_sign } from "./longobject.js";

export class PySlice extends PyObjectBase {
  constructor(
    public readonly start: PyObject,
    public readonly stop: PyObject,
    public readonly step: PyObject,
  ) {
    super();
  }
}
export const PySlice_Type = newStaticType("slice", PyBaseObject_Type, 0);
PySlice.prototype.ob_type = PySlice_Type;

const MAX = Number.MAX_SAFE_INTEGER;

function clampIndex(v: PyObject): number {
  if (!PyIndex_Check(v)) throw typeError("slice indices must be integers or None or have an __index__ method");
  const i: PyInt = PyNumber_Index(v);
  if (typeof i === "number") return i;
  return long_sign(i) < 0 ? -MAX : MAX;
}

/** CPython: PySlice_Unpack — [start, stop, step] with defaults, indices clamped to the safe range. */
export function PySlice_Unpack(s: PySlice): [number, number, number] {
  let step = 1;
  if (s.step !== Py_None) {
    step = clampIndex(s.step);
    if (step === 0) throw valueError("slice step cannot be zero");
  }
  const start = s.start === Py_None ? (step < 0 ? MAX : 0) : clampIndex(s.start);
  const stop = s.stop === Py_None ? (step < 0 ? -MAX : MAX) : clampIndex(s.stop);
  return [start, stop, step];
}

/** CPython: PySlice_AdjustIndices — clamps to [0, length] and returns the slice length. */
export function PySlice_AdjustIndices(length: number, se: [number, number, number]): number {
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

/** [start, stop, step, slicelength] for a sequence of `length`. */
export function sliceIndices(s: PySlice, length: number): [number, number, number, number] {
  const se = PySlice_Unpack(s);
  const n = PySlice_AdjustIndices(length, se);
  return [se[0], se[1], se[2], n];
}

PySlice_Type.tp_new = (_type, args, start, nargs, kwnames) => {
  if (kwnames !== null && kwnames.items.length) throw typeError("slice() takes no keyword arguments");
  checkPositional("slice", nargs, 1, 3);
  if (nargs === 1) return new PySlice(Py_None, args[start], Py_None);
  return new PySlice(args[start], args[start + 1], nargs === 3 ? args[start + 2] : Py_None);
};
PySlice_Type.tp_repr = (v) => {
  const s = v as PySlice;
  return `slice(${PyObject_Repr(s.start)}, ${PyObject_Repr(s.stop)}, ${PyObject_Repr(s.step)})`;
};
PySlice_Type.tp_richcompare = (v, w, op) => {
  if (!(w instanceof PySlice)) return Py_NotImplemented;
  const a = new PyTuple([(v as PySlice).start, (v as PySlice).stop, (v as PySlice).step]);
  const b = new PyTuple([w.start, w.stop, w.step]);
  return PyObject_RichCompare(a, b, op);
};
PySlice_Type.tp_hash = (v) => PyObject_Hash(new PyTuple([(v as PySlice).start, (v as PySlice).stop, (v as PySlice).step]));
PySlice_Type.tp_getset = [
  { name: "start", get: (v) => (v as PySlice).start },
  { name: "stop", get: (v) => (v as PySlice).stop },
  { name: "step", get: (v) => (v as PySlice).step },
];
PySlice_Type.tp_methods = [
  {
    name: "indices",
    kind: "o",
    fn: ((v: PyObject, len: PyObject) => {
      const n = PyNumber_Index(len);
      if (long_sign(n) < 0) throw valueError("length should not be negative");
      const [a, b, c] = sliceIndices(v as PySlice, Number(n));
      return new PyTuple([a, b, c]);
    }) as never,
  },
];

export function PySlice_New(start: PyObject, stop: PyObject, step: PyObject): PySlice {
  return new PySlice(start, stop, step);
}
