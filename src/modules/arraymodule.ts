// CPython: Modules/arraymodule.c — array.array: a typed, resizable vector of C numbers or
// characters. Items live in a typed array over an ArrayBuffer (little-endian like the host), which
// is also the memory the buffer protocol hands out; while buffers are exported the array may not
// change size. Methods are in arraymodule_methods.ts, descriptors in arraymodule_descr.ts.
import {
  PyObjectBase, type PyObject, newStaticType, PyBaseObject_Type, Py_TPFLAGS_BASETYPE, Py_TYPE, PyObject_TypeCheck,
  Py_NotImplemented, Py_EQ, Py_NE,
} from "../objects/object.js";
import type { PyDict } from "../objects/dictobject.js";
import { PyErr_Format, typeError, indexError, valueError } from "../python/errors.js";
import { PyExc_BufferError, PyExc_MemoryError, PyExc_UnicodeDecodeError, newException } from "../objects/exceptions.js";
import { PyBytes } from "../objects/bytesobject.js";
import { type ArrayDescr, type ItemStore, itemToPy } from "./arraymodule_descr.js";
import { PyObject_RichCompareBool, PyObject_RichCompare, PyNumber_AsSsize_t, PyIndex_Check } from "../objects/abstract.js";
import { PySlice, sliceIndices } from "../objects/sliceobject.js";
import { PyList } from "../objects/listobject.js";
import { PyObject_Repr } from "../objects/abstract.js";
import { shortTypeName } from "../objects/methodobject.js";

export class PyArray extends PyObjectBase {
  /** Items 0..len-1 of `data` are the array's; the rest is spare capacity. */
  data: ItemStore;
  len = 0;
  /** Buffers exported (memoryviews etc.): while > 0 the array cannot change size. */
  exports = 0;
  dict: PyDict | null = null;
  constructor(
    readonly descr: ArrayDescr,
    n = 0,
  ) {
    super();
    this.data = new descr.store(new ArrayBuffer(descr.itemsize * Math.max(n, 4)));
    this.len = n;
  }

  /** Item i as a Python value (no bounds check). */
  get(i: number): PyObject {
    const d = this.descr;
    const x = this.data[i];
    if (d.kind === "int") return x as number;
    return itemToPy(d, x);
  }
  /** Stores a Python value at i, converting with the typecode's errors (no bounds check). */
  set(i: number, v: PyObject): void {
    const c = this.descr.conv(v);
    (this.data as { [k: number]: number | bigint })[i] = c;
  }

  /** Changes the length (CPython: array_resize), refusing while buffers are exported. */
  resize(n: number): void {
    if (n === this.len) return;
    if (this.exports > 0) throw resizeError();
    if (n > this.data.length || n < this.data.length >> 2) {
      const cap = n > this.data.length ? Math.max(n + (n >> 4) + (n < 8 ? 3 : 7), 4) : n + 4;
      const bytes = cap * this.descr.itemsize;
      if (!Number.isSafeInteger(bytes) || bytes > 2 ** 32) throw PyErr_Format(PyExc_MemoryError, "");
      const nd = new this.descr.store(new ArrayBuffer(bytes));
      const keep = Math.min(n, this.len);
      nd.set(this.data.subarray(0, keep) as never);
      this.data = nd;
    }
    this.len = n;
  }
  /** The items' bytes (a view sharing the memory). */
  bytes(): Uint8Array {
    return new Uint8Array(this.data.buffer, 0, this.len * this.descr.itemsize);
  }
  /** A copy of items [lo, hi) as a new exact array. */
  slice(lo: number, hi: number): PyArray {
    const a = new PyArray(this.descr, hi - lo);
    a.data.set(this.data.subarray(lo, hi) as never);
    return a;
  }
}

export const resizeError = () => PyErr_Format(PyExc_BufferError, "cannot resize an array that is exporting buffers");

export const PyArray_Type = newStaticType("array.array", PyBaseObject_Type, Py_TPFLAGS_BASETYPE);
PyArray.prototype.ob_type = PyArray_Type;
const T = PyArray_Type;

export const isArray = (v: PyObject): v is PyArray => v instanceof PyArray && PyObject_TypeCheck(v, PyArray_Type);

/** Exact-type array with the same typecode (results of +, *, slicing are never subclasses). */
export function newArray(descr: ArrayDescr, n: number): PyArray {
  return new PyArray(descr, n);
}

// --- sequence protocol ---------------------------------------------------------------------------

T.sq_length = (v) => (v as PyArray).len;
T.sq_item = (v, i) => {
  const a = v as PyArray;
  if (i < 0 || i >= a.len) throw indexError("array index out of range");
  return a.get(i);
};
T.sq_ass_item = (v, i, value) => {
  const a = v as PyArray;
  if (i < 0 || i >= a.len) throw indexError("array assignment index out of range");
  if (value === null) return delSlice(a, i, i + 1, 1, 1);
  a.set(i, value);
};
T.sq_contains = (v, x) => {
  const a = v as PyArray;
  for (let i = 0; i < a.len; i++) if (PyObject_RichCompareBool(a.get(i), x, Py_EQ)) return true;
  return false;
};
T.sq_concat = (v, w) => {
  const a = v as PyArray;
  if (!isArray(w)) throw typeError(`can only append array (not "${Py_TYPE(w).tp_name}") to array`);
  if (w.descr !== a.descr) throw typeError("bad argument type for built-in operation");
  const r = newArray(a.descr, a.len + w.len);
  r.data.set(a.data.subarray(0, a.len) as never);
  r.data.set(w.data.subarray(0, w.len) as never, a.len);
  return r;
};
function repeatInto(dst: PyArray, src: ItemStore, size: number, n: number): void {
  for (let k = 0; k < n; k++) dst.data.set(src.subarray(0, size) as never, k * size);
}
T.sq_repeat = (v, n) => {
  const a = v as PyArray;
  if (n < 0) n = 0;
  if (a.len && n > Number.MAX_SAFE_INTEGER / a.len / a.descr.itemsize) throw PyErr_Format(PyExc_MemoryError, "");
  const r = newArray(a.descr, a.len * n);
  repeatInto(r, a.data, a.len, n);
  return r;
};
T.sq_inplace_concat = (v, w) => {
  const a = v as PyArray;
  if (!isArray(w)) throw typeError(`can only extend array with array (not "${Py_TYPE(w).tp_name}")`);
  extendArray(a, w);
  return a;
};
T.sq_inplace_repeat = (v, n) => {
  const a = v as PyArray;
  const size = a.len;
  if (size > 0 && n !== 1) {
    if (n < 0) n = 0;
    if (n && n > Number.MAX_SAFE_INTEGER / size / a.descr.itemsize) throw PyErr_Format(PyExc_MemoryError, "");
    const src = a.data.slice(0, size);
    a.resize(size * n);
    repeatInto(a, src, size, n);
  }
  return a;
};

/** Appends another array's items (CPython: array_do_extend). */
export function extendArray(a: PyArray, b: PyArray): void {
  if (b.descr !== a.descr) throw typeError("can only extend with array of same kind");
  const n = a.len;
  const m = b.len;
  const src = b === a ? a.data.slice(0, m) : b.data.subarray(0, m);
  a.resize(n + m);
  a.data.set(src as never, n);
}

// --- mapping protocol (indexes and slices) ---------------------------------------------------------

T.mp_length = (v) => (v as PyArray).len;
T.mp_subscript = (v, key) => {
  const a = v as PyArray;
  if (typeof key === "number") {
    const i = key < 0 ? key + a.len : key;
    if (i < 0 || i >= a.len) throw indexError("array index out of range");
    return a.get(i);
  }
  if (key instanceof PySlice) {
    const [start, , step, n] = sliceIndices(key, a.len);
    if (step === 1) return a.slice(start, start + n);
    const r = newArray(a.descr, n);
    for (let i = 0, j = start; i < n; i++, j += step) r.data[i] = a.data[j];
    return r;
  }
  if (PyIndex_Check(key)) {
    let i = PyNumber_AsSsize_t(key, "index");
    if (i < 0) i += a.len;
    if (i < 0 || i >= a.len) throw indexError("array index out of range");
    return a.get(i);
  }
  throw typeError("array indices must be integers");
};

/** Deletes the items of a slice (step may be negative; n items). */
function delSlice(a: PyArray, start: number, _stop: number, step: number, n: number): void {
  if (a.exports > 0) throw resizeError();
  if (n <= 0) return;
  if (step < 0) {
    start = start + step * (n - 1);
    step = -step;
  }
  const data = a.data;
  if (step === 1) data.copyWithin(start, start + n, a.len);
  else {
    // keep the items not on the slice, in order
    let w = start;
    for (let r = start; r < a.len; r++) {
      if (r < start + step * n && (r - start) % step === 0) continue;
      data[w++] = data[r];
    }
  }
  a.resize(a.len - n);
}

T.mp_ass_subscript = (v, key, value) => {
  const a = v as PyArray;
  if (!(key instanceof PySlice)) {
    if (!PyIndex_Check(key)) throw typeError("array indices must be integers");
    let i = PyNumber_AsSsize_t(key, "index");
    if (i < 0) i += a.len;
    if (i < 0 || i >= a.len) throw indexError("array assignment index out of range");
    if (value === null) return delSlice(a, i, i + 1, 1, 1);
    a.set(i, value);
    return;
  }
  let [start, stop, step, slicelength] = sliceIndices(key, a.len);
  let other: PyArray | null = null;
  let needed = 0;
  if (value !== null) {
    if (!isArray(value)) throw typeError(`can only assign array (not "${Py_TYPE(value).tp_name}") to array slice`);
    if (value.descr !== a.descr) throw typeError("bad argument type for built-in operation");
    other = value === a ? a.slice(0, a.len) : value;
    needed = other.len;
  }
  if ((step > 0 && stop < start) || (step < 0 && stop > start)) stop = start;
  // a size change is refused before anything is modified
  if ((needed === 0 || slicelength !== needed) && a.exports > 0) throw resizeError();
  if (other === null) return delSlice(a, start, stop, step, slicelength);
  if (step === 1) {
    const tail = a.data.slice(start + slicelength, a.len);
    const newLen = a.len - slicelength + needed;
    a.resize(newLen);
    a.data.set(other.data.subarray(0, needed) as never, start);
    a.data.set(tail as never, start + needed);
    return;
  }
  if (needed !== slicelength) {
    throw valueError(`attempt to assign array of size ${needed} to extended slice of size ${slicelength}`);
  }
  for (let i = 0, j = start; i < needed; i++, j += step) a.data[j] = other.data[i];
};

// --- comparison, repr, hash ------------------------------------------------------------------------

T.tp_hash = null;
T.tp_richcompare = (v, w, op) => {
  if (!isArray(v) || !isArray(w)) return Py_NotImplemented;
  const va = v as PyArray;
  const wa = w as PyArray;
  if (va.len !== wa.len && (op === Py_EQ || op === Py_NE)) return op === Py_NE;
  const n = Math.min(va.len, wa.len);
  let i = 0;
  for (; i < n; i++) {
    const x = va.get(i);
    const y = wa.get(i);
    if (!PyObject_RichCompareBool(x, y, Py_EQ)) {
      if (op === Py_EQ) return false;
      if (op === Py_NE) return true;
      return PyObject_RichCompare(x, y, op);
    }
  }
  const c = va.len - wa.len;
  return [c < 0, c <= 0, c === 0, c !== 0, c > 0, c >= 0][op];
};

T.tp_repr = (v) => {
  const a = v as PyArray;
  const name = shortTypeName(Py_TYPE(a));
  const tc = a.descr.typecode;
  if (a.len === 0) return `${name}('${tc}')`;
  const body = a.descr.kind === "unicode" ? PyObject_Repr(arrayToUnicode(a)) : PyObject_Repr(arrayToList(a));
  return `${name}('${tc}', ${body})`;
};

export function arrayToList(a: PyArray): PyList {
  const out = new Array<PyObject>(a.len);
  for (let i = 0; i < a.len; i++) out[i] = a.get(i);
  return new PyList(out);
}

/** The items of a 'u'/'w' array as a str, or UnicodeDecodeError as CPython's UTF-32 decoder raises. */
export function arrayToUnicode(a: PyArray): string {
  const data = a.data;
  let out = "";
  for (let i = 0; i < a.len; i++) {
    const c = data[i] as number;
    if (c > 0x10ffff) {
      const raw = new Uint8Array(a.bytes());
      throw newException(PyExc_UnicodeDecodeError, ["utf-32-le", new PyBytes(raw), i * 4, i * 4 + 4, "code point not in range(0x110000)"]);
    }
    out += String.fromCodePoint(c);
  }
  return out;
}
