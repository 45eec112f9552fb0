// CPython: Include/pybuffer.h, Objects/abstract.c (PyObject_GetBuffer, PyBuffer_Release,
// PyBuffer_IsContiguous, PyBuffer_FillInfo), Objects/typeobject.c (slot_bf_getbuffer, PEP 688).
//
// The buffer protocol: an exporter (bytes, bytearray, array.array, memoryview, mmap, BytesIO, or a
// class defining __buffer__) hands out a Py_buffer describing its memory. The memory is a
// Uint8Array sharing the exporter's storage, so writes through a view are seen by the exporter.
// An exporter that can resize (bytearray, array, BytesIO) counts its exports in bf_getbuffer /
// bf_releasebuffer and refuses to resize while the count is not zero.
import { type PyObject, Py_TYPE, Py_TPFLAGS_HEAPTYPE } from "./object.js";
import { PyErr_Format, typeError } from "../python/errors.js";
import { PyExc_BufferError } from "./exceptions.js";
import { _PyType_Lookup } from "./typeobject.js";
import { PyObject_CallFunctionObjArgs } from "./abstract.js";

// Request flags (CPython: Include/pybuffer.h)
export const PyBUF_SIMPLE = 0;
export const PyBUF_WRITABLE = 0x0001;
export const PyBUF_FORMAT = 0x0004;
export const PyBUF_ND = 0x0008;
export const PyBUF_STRIDES = 0x0010 | PyBUF_ND;
export const PyBUF_C_CONTIGUOUS = 0x0020 | PyBUF_STRIDES;
export const PyBUF_F_CONTIGUOUS = 0x0040 | PyBUF_STRIDES;
export const PyBUF_ANY_CONTIGUOUS = 0x0080 | PyBUF_STRIDES;
export const PyBUF_INDIRECT = 0x0100 | PyBUF_STRIDES;
export const PyBUF_CONTIG = PyBUF_ND | PyBUF_WRITABLE;
export const PyBUF_CONTIG_RO = PyBUF_ND;
export const PyBUF_STRIDED = PyBUF_STRIDES | PyBUF_WRITABLE;
export const PyBUF_STRIDED_RO = PyBUF_STRIDES;
export const PyBUF_RECORDS = PyBUF_STRIDES | PyBUF_WRITABLE | PyBUF_FORMAT;
export const PyBUF_RECORDS_RO = PyBUF_STRIDES | PyBUF_FORMAT;
export const PyBUF_FULL = PyBUF_INDIRECT | PyBUF_WRITABLE | PyBUF_FORMAT;
export const PyBUF_FULL_RO = PyBUF_INDIRECT | PyBUF_FORMAT;
export const PyBUF_READ = 0x100;
export const PyBUF_WRITE = 0x200;
export const PyBUF_MAX_NDIM = 64;

/** A view of an exporter's memory (CPython: Py_buffer). */
export interface Py_buffer {
  /** The exporter (what memoryview.obj returns); null for anonymous memory. */
  obj: PyObject | null;
  /** The memory. Item (i0, ..., in) is at byte offset + i0*strides[0] + ... of `buf`. */
  buf: Uint8Array;
  /** Byte index in `buf` of the first item (C's view->buf pointer). */
  offset: number;
  /** Bytes the items would take in a contiguous copy: product(shape) * itemsize. */
  len: number;
  itemsize: number;
  readonly: boolean;
  /** A struct-module format string; "B" for plain bytes. */
  format: string;
  ndim: number;
  shape: number[];
  strides: number[];
}

export type GetBufferProc = (obj: PyObject, flags: number) => Py_buffer;
export type ReleaseBufferProc = (obj: PyObject, view: Py_buffer) => void;

// The buffer slots live on the type objects, inherited through the prototype chain like the others
// (CPython: tp_as_buffer). Absent (undefined) means "not an exporter".
declare module "./object.js" {
  interface PyTypeObject {
    bf_getbuffer?: GetBufferProc | null;
    bf_releasebuffer?: ReleaseBufferProc | null;
  }
}

/** A contiguous 1-D byte buffer over `mem` (CPython: PyBuffer_FillInfo). */
export function PyBuffer_FillInfo(obj: PyObject | null, mem: Uint8Array, readonly: boolean, flags: number): Py_buffer {
  if (flags & PyBUF_WRITABLE && readonly) throw PyErr_Format(PyExc_BufferError, "Object is not writable.");
  return { obj, buf: mem, offset: 0, len: mem.length, itemsize: 1, readonly, format: "B", ndim: 1, shape: [mem.length], strides: [1] };
}

/** Whether the type of `v` exports buffers (CPython: PyObject_CheckBuffer). */
export function PyObject_CheckBuffer(v: PyObject): boolean {
  const t = Py_TYPE(v);
  if (t.bf_getbuffer) return true;
  return (t.tp_flags & Py_TPFLAGS_HEAPTYPE) !== 0 && _PyType_Lookup(t, "__buffer__") !== null;
}

/** Gets a buffer from `obj` (CPython: PyObject_GetBuffer); pair it with PyBuffer_Release. */
export function PyObject_GetBuffer(obj: PyObject, flags: number): Py_buffer {
  const t = Py_TYPE(obj);
  const gb = t.bf_getbuffer;
  if (gb) return gb(obj, flags);
  if (t.tp_flags & Py_TPFLAGS_HEAPTYPE && _PyType_Lookup(t, "__buffer__") !== null) return slotGetBuffer(obj, flags);
  throw typeError(`a bytes-like object is required, not '${t.tp_name}'`);
}

/** Releases a buffer obtained by PyObject_GetBuffer (CPython: PyBuffer_Release). */
export function PyBuffer_Release(view: Py_buffer): void {
  const obj = view.obj;
  if (obj === null) return;
  if (pep688Wrappers.has(view)) return slotReleaseBuffer(obj, view);
  const rb = Py_TYPE(obj).bf_releasebuffer;
  if (rb) rb(obj, view);
}

// PEP 688: a class with __buffer__ is an exporter; the memoryview it returns supplies the memory, and
// __release_buffer__ (when defined) is called with that memoryview on release (CPython: slot_bf_getbuffer).
const pep688Wrappers = new WeakMap<Py_buffer, { inner: Py_buffer; mv: PyObject }>();
let memoryviewHooks: { isMemoryView(v: PyObject): boolean } | null = null;
/** memoryobject.ts registers how to recognise and release a memoryview (it imports this module). */
export function _setMemoryViewHooks(h: typeof memoryviewHooks): void {
  memoryviewHooks = h;
}

function slotGetBuffer(obj: PyObject, flags: number): Py_buffer {
  const meth = _PyType_Lookup(Py_TYPE(obj), "__buffer__") as PyObject;
  const mv = PyObject_CallFunctionObjArgs(meth, obj, flags);
  if (memoryviewHooks === null || !memoryviewHooks.isMemoryView(mv)) {
    throw typeError(`__buffer__ returned non-memoryview object`);
  }
  const inner = PyObject_GetBuffer(mv, flags);
  const view: Py_buffer = { ...inner, obj };
  pep688Wrappers.set(view, { inner, mv });
  return view;
}

function slotReleaseBuffer(obj: PyObject, view: Py_buffer): void {
  const w = pep688Wrappers.get(view);
  if (w === undefined) return;
  pep688Wrappers.delete(view);
  const rel = _PyType_Lookup(Py_TYPE(obj), "__release_buffer__");
  // the memoryview __buffer__ returned has one export: the view taken from it
  PyBuffer_Release(w.inner);
  if (rel !== null) PyObject_CallFunctionObjArgs(rel, obj, w.mv);
}

/** Whether the view's items are laid out in C (row-major) order with no gaps (CPython: _IsCContiguous). */
export function isCContiguous(v: Py_buffer): boolean {
  if (v.len === 0) return true;
  let sd = v.itemsize;
  for (let i = v.ndim - 1; i >= 0; i--) {
    const dim = v.shape[i];
    if (dim > 1 && v.strides[i] !== sd) return false;
    sd *= dim;
  }
  return true;
}

/** Fortran (column-major) order with no gaps (CPython: _IsFortranContiguous). */
export function isFContiguous(v: Py_buffer): boolean {
  if (v.len === 0) return true;
  let sd = v.itemsize;
  for (let i = 0; i < v.ndim; i++) {
    const dim = v.shape[i];
    if (dim > 1 && v.strides[i] !== sd) return false;
    sd *= dim;
  }
  return true;
}

/** CPython: PyBuffer_IsContiguous(view, order) with order 'C', 'F' or 'A'. */
export function PyBuffer_IsContiguous(v: Py_buffer, order: "C" | "F" | "A"): boolean {
  if (order === "C") return isCContiguous(v);
  if (order === "F") return isFContiguous(v);
  return isCContiguous(v) || isFContiguous(v);
}

/**
 * The view's bytes in `order` (CPython: PyBuffer_ToContiguous): a subarray sharing the memory when
 * already contiguous that way (only when `share`), else a copy.
 */
export function bufferToContiguous(v: Py_buffer, order: "C" | "F" | "A" = "C", share = false): Uint8Array {
  if (PyBuffer_IsContiguous(v, order)) {
    const sub = v.buf.subarray(v.offset, v.offset + v.len);
    return share ? sub : sub.slice();
  }
  const out = new Uint8Array(v.len);
  const n = v.ndim;
  const isz = v.itemsize;
  const src = v.buf;
  let o = 0;
  if (n === 1) {
    const st = v.strides[0];
    for (let i = 0, p = v.offset; i < v.shape[0]; i++, p += st) {
      for (let k = 0; k < isz; k++) out[o++] = src[p + k];
    }
    return out;
  }
  // odometer over the indices; Fortran order varies the first index fastest
  const idx = new Array<number>(n).fill(0);
  const count = v.len / isz;
  const fortran = order === "F";
  for (let c = 0; c < count; c++) {
    let p = v.offset;
    for (let d = 0; d < n; d++) p += idx[d] * v.strides[d];
    for (let k = 0; k < isz; k++) out[o++] = src[p + k];
    if (fortran) {
      for (let d = 0; d < n; d++) {
        if (++idx[d] < v.shape[d]) break;
        idx[d] = 0;
      }
    } else {
      for (let d = n - 1; d >= 0; d--) {
        if (++idx[d] < v.shape[d]) break;
        idx[d] = 0;
      }
    }
  }
  return out;
}

/**
 * The bytes of any C-contiguous exporter, for reading at once (the buffer is released before
 * returning, so do not keep the result across Python code that may resize the exporter).
 * Throws CPython's TypeError / BufferError.
 */
export function getContiguousBytes(obj: PyObject): Uint8Array {
  const view = PyObject_GetBuffer(obj, PyBUF_SIMPLE);
  try {
    return view.buf.subarray(view.offset, view.offset + view.len);
  } finally {
    PyBuffer_Release(view);
  }
}

/** A copy of any exporter's bytes in C order, contiguous or not (CPython: PyBUF_FULL_RO + PyBuffer_ToContiguous, as bytes(x) does). */
export function bytesFromBuffer(obj: PyObject): Uint8Array {
  const view = PyObject_GetBuffer(obj, PyBUF_FULL_RO);
  try {
    return bufferToContiguous(view, "C");
  } finally {
    PyBuffer_Release(view);
  }
}

/** A writable contiguous buffer (CPython: PyObject_GetBuffer(PyBUF_WRITABLE)), e.g. for readinto. */
export function getWritableBuffer(obj: PyObject): Py_buffer {
  return PyObject_GetBuffer(obj, PyBUF_WRITABLE);
}
