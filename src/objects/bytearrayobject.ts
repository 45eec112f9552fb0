// CPython: Objects/bytearrayobject.c — bytearray's own slots and its mutating methods (the methods
// shared with bytes are set up in bytesobject.ts).
import { type PyObject, type PyMethodDef, Py_None, Py_TYPE, Py_TPFLAGS_HEAPTYPE } from "./object.js";
import { PyTuple } from "./tupleobject.js";
import { PySlice, sliceIndices } from "./sliceobject.js";
import { PyNumber_Index, PyNumber_AsSsize_t, PyIndex_Check, PyObject_GetIter, PyIter_Next } from "./abstract.js";
import { typeError, valueError, indexError, PyErr_Format, PyErr_ExceptionMatches } from "../python/errors.js";
import { ArgParser, checkPositional, noKeywords } from "../python/getargs.js";
import { PyObject_CheckBuffer, getContiguousBytes, bytesFromBuffer } from "./buffer.js";
import { PyExc_BufferError, PyExc_TypeError } from "./exceptions.js";
import { PyFloat } from "./floatobject.js";
import { PyComplex } from "./complexobject.js";
import { instanceDict } from "./typeobject.js";
import {
  PyByteArray, PyByteArray_Type, PyBytes, bytesRepr, bytesFromArgs, bytesFromIterable, latin1, bytesConcatError,
} from "./bytesobject.js";

const resizeError = () => PyErr_Format(PyExc_BufferError, "Existing exports of data: object cannot be re-sized");

/** The spare-capacity buffer behind `value`, when it is still the one `value` views. */
function capacity(ba: PyByteArray): Uint8Array | null {
  const cap = ba.cap;
  if (cap !== null && cap.buffer === ba.value.buffer && cap.byteOffset === ba.value.byteOffset) return cap;
  return null;
}

/** Sets the length to `n`, keeping the first bytes, zeroing new ones (CPython: PyByteArray_Resize). */
export function byteArrayResize(ba: PyByteArray, n: number): void {
  const len = ba.value.length;
  if (n === len) return;
  if (ba.exports > 0) throw resizeError();
  const cap = capacity(ba);
  if (cap !== null && n <= cap.length) {
    if (n > len) cap.fill(0, len, n);
    ba.value = cap.subarray(0, n);
    return;
  }
  // over-allocate as CPython does for growth, so repeated appends are amortised O(1)
  const size = n > len ? Math.max(n, n + (n >> 3) + (n < 9 ? 3 : 6)) : n;
  const nb = new Uint8Array(size);
  nb.set(ba.value.subarray(0, Math.min(len, n)));
  ba.cap = nb;
  ba.value = nb.subarray(0, n);
}

function byteValue(v: PyObject): number {
  const n = PyNumber_Index(v);
  if (typeof n !== "number" || n < 0 || n > 255) throw valueError("byte must be in range(0, 256)");
  return n;
}

/** The bytes assigned to a slice (CPython: bytearray_ass_subscript's conversion of `values`). */
function assignedBytes(self: PyByteArray, v: PyObject): Uint8Array {
  if (v instanceof PyByteArray || v instanceof PyBytes) return v.value.slice();
  if (typeof v === "number" || typeof v === "bigint" || typeof v === "boolean" || typeof v === "string" || v instanceof PyFloat || v instanceof PyComplex) {
    throw typeError("can assign only bytes, buffers, or iterables of ints in range(0, 256)");
  }
  if (PyObject_CheckBuffer(v)) return bytesFromBuffer(v);
  void self;
  try {
    return bytesFromIterable(v, "byte must be in range(0, 256)");
  } catch (e) {
    if (PyErr_ExceptionMatches(e, PyExc_TypeError) && Py_TYPE(v).tp_iter === null && Py_TYPE(v).sq_item === null) {
      throw typeError("can assign only bytes, buffers, or iterables of ints in range(0, 256)");
    }
    throw e;
  }
}

/** Replaces value[lo..hi) with `rep` (CPython: bytearray_setslice_linear). */
function setSlice(ba: PyByteArray, lo: number, hi: number, rep: Uint8Array): void {
  const a = ba.value;
  const growth = rep.length - (hi - lo);
  if (growth === 0) {
    a.set(rep, lo);
    return;
  }
  if (ba.exports > 0) throw resizeError();
  const len = a.length;
  if (growth < 0) {
    a.copyWithin(lo + rep.length, hi, len);
    a.set(rep, lo);
    byteArrayResize(ba, len + growth);
  } else {
    byteArrayResize(ba, len + growth);
    const b = ba.value;
    b.copyWithin(hi + growth, hi, len);
    b.set(rep, lo);
  }
}

function normIndex(ba: PyByteArray, key: PyObject): number {
  let i = PyNumber_AsSsize_t(key, "index");
  if (i < 0) i += ba.value.length;
  if (i < 0 || i >= ba.value.length) throw indexError("bytearray index out of range");
  return i;
}

PyByteArray_Type.mp_ass_subscript = (v, key, value) => {
  const ba = v as PyByteArray;
  if (key instanceof PySlice) {
    const [start, stop, step, n] = sliceIndices(key, ba.value.length);
    if (value === null) {
      if (step === 1) return setSlice(ba, start, Math.max(start, stop), new Uint8Array(0));
      if (n === 0) return;
      if (ba.exports > 0) throw resizeError();
      const drop = new Uint8Array(ba.value.length);
      for (let i = 0, j = start; i < n; i++, j += step) drop[j] = 1;
      const kept = ba.value.filter((_, i) => !drop[i]);
      ba.value.set(kept);
      byteArrayResize(ba, kept.length);
      return;
    }
    const rep = assignedBytes(ba, value);
    if (step === 1) return setSlice(ba, start, Math.max(start, stop), rep);
    if (rep.length !== n) throw valueError(`attempt to assign bytes of size ${rep.length} to extended slice of size ${n}`);
    for (let i = 0, j = start; i < n; i++, j += step) ba.value[j] = rep[i];
    return;
  }
  if (!PyIndex_Check(key)) throw typeError(`bytearray indices must be integers or slices, not ${Py_TYPE(key).tp_name}`);
  const i = normIndex(ba, key);
  if (value === null) return setSlice(ba, i, i + 1, new Uint8Array(0));
  ba.value[i] = byteValue(value);
};
PyByteArray_Type.sq_ass_item = (v, i, value) => {
  (PyByteArray_Type.mp_ass_subscript as NonNullable<typeof PyByteArray_Type.mp_ass_subscript>)(v, i, value);
};

PyByteArray_Type.sq_inplace_concat = (v, w) => {
  const ba = v as PyByteArray;
  let b: Uint8Array;
  if (w instanceof PyByteArray || w instanceof PyBytes) b = w.value.slice();
  else if (PyObject_CheckBuffer(w)) b = getContiguousBytes(w).slice();
  else bytesConcatError(w, "bytearray");
  const len = ba.value.length;
  byteArrayResize(ba, len + b.length);
  ba.value.set(b, len);
  return v;
};
PyByteArray_Type.sq_inplace_repeat = (v, n) => {
  const ba = v as PyByteArray;
  const a = ba.value.slice();
  if (n <= 0) {
    byteArrayResize(ba, 0);
    return v;
  }
  byteArrayResize(ba, a.length * n);
  for (let i = 0; i < n; i++) ba.value.set(a, i * a.length);
  return v;
};

const initArgs = new ArgParser("bytearray", ["source", "encoding", "errors"]);
PyByteArray_Type.tp_new = (type) => {
  const b = new PyByteArray(new Uint8Array(0));
  if (type !== PyByteArray_Type) b.ob_type = type;
  return b;
};
PyByteArray_Type.tp_init = (self, args, start, nargs, kwnames) => {
  const [src, enc, err] = initArgs.parse(args, start, nargs, kwnames);
  const ba = self as PyByteArray;
  const v = bytesFromArgs("bytearray", src, enc, err);
  if (v.length !== ba.value.length && ba.exports > 0) throw resizeError();
  ba.value = v;
  ba.cap = null;
};
// bytearray's repr escapes every single quote, whichever quote delimits it (CPython: bytearray_repr)
PyByteArray_Type.tp_repr = (v) => {
  const a = (v as PyByteArray).value;
  let r = bytesRepr(a);
  if (r.startsWith('b"')) r = 'b"' + r.slice(2, -1).replace(/'/g, "\\'") + '"';
  const t = Py_TYPE(v);
  return `${t.tp_flags & Py_TPFLAGS_HEAPTYPE ? t.ht_qualname : t.tp_name}(${r})`;
};
PyByteArray_Type.tp_str = PyByteArray_Type.tp_repr;
PyByteArray_Type.tp_hash = null;

type Fast = (self: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null) => PyObject;
const fast = (name: string, fn: Fast): PyMethodDef => ({ name, kind: "fast", fn: fn as PyMethodDef["fn"] });
const noargs = (name: string, fn: (self: PyObject) => PyObject): PyMethodDef => ({ name, kind: "noargs", fn: fn as PyMethodDef["fn"] });
const onearg = (name: string, fn: (self: PyObject, x: PyObject) => PyObject): PyMethodDef => ({ name, kind: "o", fn: fn as PyMethodDef["fn"] });

function append(ba: PyByteArray, c: number): void {
  const len = ba.value.length;
  const cap = capacity(ba);
  if (cap !== null && len < cap.length) {
    if (ba.exports > 0) throw resizeError();
    cap[len] = c;
    ba.value = cap.subarray(0, len + 1);
    return;
  }
  byteArrayResize(ba, len + 1);
  ba.value[len] = c;
}

function reduce(self: PyObject, proto: number): PyObject {
  const ba = self as PyByteArray;
  const d = instanceDict(self);
  const state = d !== null && d.size > 0 ? d : Py_None;
  const args = proto < 3 ? new PyTuple([latin1(ba.value), "latin-1"]) : new PyTuple([new PyBytes(ba.value.slice())]);
  return new PyTuple([Py_TYPE(self), args, state]);
}

PyByteArray_Type.tp_methods = [
  ...(PyByteArray_Type.tp_methods ?? []),
  onearg("append", (self, x) => {
    append(self as PyByteArray, byteValue(x));
    return Py_None;
  }),
  onearg("extend", (self, x) => {
    const ba = self as PyByteArray;
    if (PyObject_CheckBuffer(x)) {
      (PyByteArray_Type.sq_inplace_concat as NonNullable<typeof PyByteArray_Type.sq_inplace_concat>)(self, x);
      return Py_None;
    }
    if (typeof x === "string") throw typeError("expected iterable of integers; got: 'str'");
    let it: PyObject;
    try {
      it = PyObject_GetIter(x);
    } catch (e) {
      if (PyErr_ExceptionMatches(e, PyExc_TypeError)) throw typeError(`can't extend bytearray with ${Py_TYPE(x).tp_name}`);
      throw e;
    }
    // collect first: a failing item leaves the bytearray unchanged
    const items: number[] = [];
    for (let v = PyIter_Next(it); v !== null; v = PyIter_Next(it)) items.push(byteValue(v));
    const len = ba.value.length;
    byteArrayResize(ba, len + items.length);
    ba.value.set(items, len);
    return Py_None;
  }),
  fast("insert", (self, args, start, nargs, kw) => {
    noKeywords("insert", kw);
    checkPositional("insert", nargs, 2, 2);
    const ba = self as PyByteArray;
    let i = PyNumber_AsSsize_t(args[start], "overflow");
    const c = byteValue(args[start + 1]);
    const n = ba.value.length;
    if (i < 0) i = Math.max(0, i + n);
    if (i > n) i = n;
    setSlice(ba, i, i, Uint8Array.of(c));
    return Py_None;
  }),
  fast("pop", (self, args, start, nargs, kw) => {
    noKeywords("pop", kw);
    checkPositional("pop", nargs, 0, 1);
    const ba = self as PyByteArray;
    let i = nargs > 0 ? PyNumber_AsSsize_t(args[start], "overflow") : -1;
    const n = ba.value.length;
    if (n === 0) throw indexError("pop from empty bytearray");
    if (i < 0) i += n;
    if (i < 0 || i >= n) throw indexError("pop index out of range");
    const c = ba.value[i];
    setSlice(ba, i, i + 1, new Uint8Array(0));
    return c;
  }),
  onearg("remove", (self, x) => {
    const ba = self as PyByteArray;
    const c = byteValue(x);
    const i = ba.value.indexOf(c);
    if (i < 0) throw valueError("value not found in bytearray");
    setSlice(ba, i, i + 1, new Uint8Array(0));
    return Py_None;
  }),
  noargs("clear", (self) => {
    byteArrayResize(self as PyByteArray, 0);
    return Py_None;
  }),
  noargs("copy", (self) => new PyByteArray((self as PyByteArray).value.slice())),
  noargs("reverse", (self) => {
    (self as PyByteArray).value.reverse();
    return Py_None;
  }),
  noargs("__alloc__", (self) => {
    const ba = self as PyByteArray;
    const cap = capacity(ba);
    const n = cap !== null ? cap.length : ba.value.length;
    return n === 0 ? 0 : n + 1;
  }),
  onearg("resize", (self, x) => {
    const n = PyNumber_AsSsize_t(x, "overflow");
    if (n < 0) throw valueError(`Can only resize to positive sizes, got ${n}`);
    byteArrayResize(self as PyByteArray, n);
    return Py_None;
  }),
  noargs("__reduce__", (self) => reduce(self, 2)),
  fast("__reduce_ex__", (self, args, start, nargs) => {
    checkPositional("__reduce_ex__", nargs, 0, 1);
    return reduce(self, nargs > 0 ? PyNumber_AsSsize_t(args[start], "overflow") : 0);
  }),
];
