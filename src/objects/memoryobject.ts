// CPython: Objects/memoryobject.c — memoryview over any buffer exporter (src/objects/buffer.ts).
//
// A memoryview holds its own Py_buffer (format, shape, strides may differ from the exporter's after
// a cast or a slice) and shares a ManagedBuffer with every view derived from the same export; the
// exporter's buffer is released when the last of those views is released.
import {
  PyObjectBase, type PyObject, type PyMethodDef, type PyGetSetDef, newStaticType, PyBaseObject_Type, Py_None,
  Py_NotImplemented, Py_TYPE, Py_Ellipsis, Py_EQ, Py_NE, type PyTypeObject,
} from "./object.js";
import {
  type Py_buffer, PyObject_GetBuffer, PyBuffer_Release, PyObject_CheckBuffer, PyBUF_FULL_RO, PyBUF_WRITABLE,
  PyBUF_FORMAT, PyBUF_STRIDES, PyBUF_ND, PyBUF_C_CONTIGUOUS, PyBUF_F_CONTIGUOUS, PyBUF_ANY_CONTIGUOUS,
  PyBUF_MAX_NDIM, isCContiguous, isFContiguous, bufferToContiguous, _setMemoryViewHooks,
} from "./buffer.js";
import { PyTuple } from "./tupleobject.js";
import { PyList } from "./listobject.js";
import { PySlice, sliceIndices } from "./sliceobject.js";
import { PyFloat } from "./floatobject.js";
import { PyBytes, PyBytes_Type, PyByteArray_Type } from "./bytesobject.js";
import {
  PyIndex_Check, PyNumber_AsSsize_t, PyNumber_Index, PyObject_IsTrue, PyFloat_AsDouble, PyObject_RichCompareBool,
  PyObject_Hash,
} from "./abstract.js";
import { typeError, valueError, indexError, notImplementedError, PyErr_Format, PyErr_ExceptionMatches } from "../python/errors.js";
import { PyExc_BufferError, PyExc_OverflowError, PyExc_TypeError, PyExc_ValueError, PyExc_UnicodeEncodeError, newException } from "./exceptions.js";
import { ArgParser, checkPositional } from "../python/getargs.js";
import { addressOf } from "./methodobject.js";
import { normBig } from "./longobject.js";
import { pack2, unpack2 } from "./floatpack.js";
import { strhex } from "../python/pystrhex.js";
import { structUnpackerFor, type StructUnpacker } from "../modules/_struct.js";

/**
 * One export from an exporter, shared by the views derived from it (CPython: _PyManagedBufferObject).
 *
 * CPython releases the export when the last view dies (reference counting). Here nothing tells us a
 * view died, so an export of a resizable built-in exporter (bytearray, array, BytesIO: those with
 * bf_releasebuffer) is given back at once ("unlocked"), and a view locks the exporter against
 * resizing only while it is used as a context manager (`with memoryview(b) as m:`), the one scope
 * whose end is certain. Otherwise dropped views would forbid resizing forever.
 */
class ManagedBuffer {
  /** Registered memoryviews. */
  exports = 0;
  released = false;
  /** The export was given back at creation (see above). */
  unlocked = false;
  constructor(readonly master: Py_buffer) {
    const obj = master.obj;
    if (obj !== null && Py_TYPE(obj).bf_releasebuffer && !isPep688(obj)) {
      PyBuffer_Release(master);
      this.unlocked = true;
    }
  }
  release(): void {
    if (this.released) return;
    this.released = true;
    if (!this.unlocked) PyBuffer_Release(this.master);
  }
}

function isPep688(obj: PyObject): boolean {
  return !Py_TYPE(obj).bf_getbuffer;
}

export class PyMemoryView extends PyObjectBase {
  released = false;
  /** Buffers exported from this memoryview itself (memoryview.release() refuses while > 0). */
  exports = 0;
  hash: number | bigint | null = null;
  /** A lock on a resizable exporter held while used as a context manager (see ManagedBuffer). */
  lock: Py_buffer | null = null;
  cContig = false;
  fContig = false;
  private dvCache: DataView | null = null;
  constructor(
    readonly mbuf: ManagedBuffer,
    readonly view: Py_buffer,
  ) {
    super();
    mbuf.exports++;
    initFlags(this);
  }
  /** A DataView over the memory, for reading and writing items. */
  get dv(): DataView {
    const b = this.view.buf;
    if (this.dvCache === null || this.dvCache.buffer !== b.buffer) this.dvCache = new DataView(b.buffer, b.byteOffset, b.byteLength);
    return this.dvCache;
  }
}
export const PyMemoryView_Type = newStaticType("memoryview", PyBaseObject_Type, 0);
PyMemoryView.prototype.ob_type = PyMemoryView_Type;

_setMemoryViewHooks({ isMemoryView: (v) => v instanceof PyMemoryView });

function copyView(v: Py_buffer): Py_buffer {
  return { ...v, shape: v.shape.slice(), strides: v.strides.slice() };
}

function initFlags(mv: PyMemoryView): void {
  const v = mv.view;
  if (v.ndim === 0) {
    mv.cContig = mv.fContig = true;
  } else if (v.ndim === 1) {
    mv.cContig = mv.fContig = v.shape[0] === 1 || v.strides[0] === v.itemsize;
  } else {
    mv.cContig = isCContiguous(v);
    mv.fContig = isFContiguous(v);
  }
}

function released(): never {
  throw valueError("operation forbidden on released memoryview object");
}
/** CHECK_RELEASED: the view and the export behind it must be alive. */
function checkReleased(mv: PyMemoryView): void {
  if (mv.released || mv.mbuf.released) released();
}

/** A memoryview of any exporter (CPython: PyMemoryView_FromObject). */
export function PyMemoryView_FromObject(v: PyObject): PyMemoryView {
  if (v instanceof PyMemoryView) {
    checkReleased(v);
    return new PyMemoryView(v.mbuf, copyView(v.view));
  }
  if (PyObject_CheckBuffer(v)) {
    const mbuf = new ManagedBuffer(PyObject_GetBuffer(v, PyBUF_FULL_RO));
    return new PyMemoryView(mbuf, copyView(mbuf.master));
  }
  throw typeError(`memoryview: a bytes-like object is required, not '${Py_TYPE(v).tp_name}'`);
}

/** A memoryview over anonymous memory (CPython: PyMemoryView_FromMemory). */
export function PyMemoryView_FromMemory(mem: Uint8Array, readonly: boolean): PyMemoryView {
  const view: Py_buffer = { obj: null, buf: mem, offset: 0, len: mem.length, itemsize: 1, readonly, format: "B", ndim: 1, shape: [mem.length], strides: [1] };
  return new PyMemoryView(new ManagedBuffer(view), copyView(view));
}

// --- native single-item formats (CPython: get_native_fmtchar, adjust_fmt, unpack_single, pack_single) ---

const NATIVE_SIZE: Record<string, number> = {
  c: 1, b: 1, B: 1, "?": 1, h: 2, H: 2, i: 4, I: 4, l: 8, L: 8, q: 8, Q: 8, n: 8, N: 8, f: 4, d: 8, e: 2, P: 8,
};

/** The native format character of `fmt` ("x" or "@x"), or null; its size is NATIVE_SIZE. */
export function nativeFmtChar(fmt: string): string | null {
  const f = fmt.charCodeAt(0) === 0x40 ? fmt.slice(1) : fmt;
  return f.length === 1 && NATIVE_SIZE[f] !== undefined ? f : null;
}

const isByteFormat = (c: string | null): boolean => c === "b" || c === "B" || c === "c";

/** The single format character items are read with, or NotImplementedError (CPython: adjust_fmt). */
function adjustFmt(v: Py_buffer): string {
  const f = v.format.charCodeAt(0) === 0x40 ? v.format.slice(1) : v.format;
  if (f.length === 1) return f;
  throw notImplementedError(`memoryview: unsupported format ${v.format}`);
}

function bigToInt(b: bigint): number | bigint {
  return normBig(b);
}

/** Reads the item at byte `p` (CPython: unpack_single). */
function unpackSingle(mv: PyMemoryView, p: number, fmt: string): PyObject {
  const buf = mv.view.buf;
  switch (fmt) {
    case "B":
      return buf[p];
    case "b":
      return (buf[p] << 24) >> 24;
    case "c":
      return new PyBytes(buf.slice(p, p + 1));
    case "?":
      return buf[p] !== 0;
  }
  const dv = mv.dv;
  switch (fmt) {
    case "h":
      return dv.getInt16(p, true);
    case "H":
      return dv.getUint16(p, true);
    case "i":
      return dv.getInt32(p, true);
    case "I":
      return dv.getUint32(p, true);
    case "l": case "q": case "n":
      return bigToInt(dv.getBigInt64(p, true));
    case "L": case "Q": case "N": case "P":
      return bigToInt(dv.getBigUint64(p, true));
    case "f":
      return new PyFloat(dv.getFloat32(p, true));
    case "d":
      return new PyFloat(dv.getFloat64(p, true));
    case "e":
      return new PyFloat(unpack2(buf, p, true));
  }
  throw notImplementedError(`memoryview: format ${fmt} not supported`);
}

const typeErrorInt = (fmt: string) => typeError(`memoryview: invalid type for format '${fmt}'`);
const valueErrorInt = (fmt: string) => valueError(`memoryview: invalid value for format '${fmt}'`);

/** CPython: fix_error_int — conversion errors become memoryview's own messages. */
function fixErrorInt(e: unknown, fmt: string): never {
  if (PyErr_ExceptionMatches(e, PyExc_OverflowError)) throw valueErrorInt(fmt);
  if (PyErr_ExceptionMatches(e, PyExc_TypeError) || PyErr_ExceptionMatches(e, PyExc_ValueError)) throw typeErrorInt(fmt);
  throw e;
}

const RANGES: Record<string, [bigint, bigint]> = {
  b: [-128n, 127n], h: [-32768n, 32767n], i: [-(2n ** 31n), 2n ** 31n - 1n], l: [-(2n ** 63n), 2n ** 63n - 1n],
  q: [-(2n ** 63n), 2n ** 63n - 1n], n: [-(2n ** 63n), 2n ** 63n - 1n],
  B: [0n, 255n], H: [0n, 65535n], I: [0n, 2n ** 32n - 1n], L: [0n, 2n ** 64n - 1n], Q: [0n, 2n ** 64n - 1n],
  N: [0n, 2n ** 64n - 1n],
};

/** Writes `item` as one `fmt` item at byte `p` (CPython: pack_single). */
function packSingle(mv: PyMemoryView, p: number, item: PyObject, fmt: string): void {
  const buf = mv.view.buf;
  switch (fmt) {
    case "b": case "h": case "i": case "l": case "q": case "n":
    case "B": case "H": case "I": case "L": case "Q": case "N": {
      let x: number | bigint;
      try {
        x = PyNumber_Index(item);
      } catch (e) {
        fixErrorInt(e, fmt);
      }
      checkReleased(mv);
      const [lo, hi] = RANGES[fmt];
      if (typeof x === "number") {
        if (x < Number(lo) || x > Number(hi)) {
          // signed formats report out-of-range as ValueError; so do unsigned ones (negative: OverflowError -> ValueError)
          throw valueErrorInt(fmt);
        }
      } else if (x < lo || x > hi) throw valueErrorInt(fmt);
      const dv = mv.dv;
      switch (fmt) {
        case "b": case "B":
          buf[p] = Number(x) & 0xff;
          return;
        case "h": case "H":
          dv.setUint16(p, Number(x) & 0xffff, true);
          return;
        case "i": case "I":
          dv.setUint32(p, Number(x) >>> 0, true);
          return;
        default:
          dv.setBigUint64(p, BigInt.asUintN(64, BigInt(x)), true);
          return;
      }
    }
    case "?": {
      const t = PyObject_IsTrue(item);
      checkReleased(mv);
      buf[p] = t ? 1 : 0;
      return;
    }
    case "f": case "d": case "e": {
      let d: number;
      try {
        d = PyFloat_AsDouble(item);
      } catch (e) {
        fixErrorInt(e, fmt);
      }
      checkReleased(mv);
      if (fmt === "f") mv.dv.setFloat32(p, d, true);
      else if (fmt === "d") mv.dv.setFloat64(p, d, true);
      else {
        try {
          pack2(d, buf, p, true);
        } catch (e) {
          fixErrorInt(e, fmt);
        }
      }
      return;
    }
    case "c":
      if (!(item instanceof PyBytes)) throw typeErrorInt(fmt);
      if (item.value.length !== 1) throw valueErrorInt(fmt);
      buf[p] = item.value[0];
      return;
    case "P": {
      if (typeof item !== "number" && typeof item !== "bigint" && typeof item !== "boolean") {
        if (!(Py_TYPE(item).tp_flags & (1 << 24))) throw typeErrorInt(fmt);
      }
      let x: number | bigint;
      try {
        x = PyNumber_Index(item);
      } catch (e) {
        fixErrorInt(e, fmt);
      }
      const b = BigInt(x);
      if (b < -(2n ** 63n) || b > 2n ** 64n - 1n) throw valueErrorInt(fmt);
      checkReleased(mv);
      mv.dv.setBigUint64(p, BigInt.asUintN(64, b), true);
      return;
    }
  }
  throw notImplementedError(`memoryview: invalid type for format '${fmt}'`);
}

// --- indexing -------------------------------------------------------------------------------------

function ptrFromIndex(v: Py_buffer, index: number): number {
  const n = v.shape[0];
  if (index < 0) index += n;
  if (index < 0 || index >= n) throw indexError("index out of bounds on dimension 1");
  return v.offset + v.strides[0] * index;
}

function ptrFromTuple(v: Py_buffer, key: PyTuple): number {
  const n = key.items.length;
  if (n > v.ndim) throw typeError(`cannot index ${v.ndim}-dimension view with ${n}-element tuple`);
  let p = v.offset;
  for (let dim = 0; dim < n; dim++) {
    let index = PyNumber_AsSsize_t(key.items[dim], "index");
    const len = v.shape[dim];
    if (index < 0) index += len;
    if (index < 0 || index >= len) throw indexError(`index out of bounds on dimension ${dim + 1}`);
    p += v.strides[dim] * index;
  }
  return p;
}

function isMultiIndex(key: PyObject): key is PyTuple {
  return key instanceof PyTuple && key.items.every((x) => PyIndex_Check(x));
}
function isMultiSlice(key: PyObject): boolean {
  return key instanceof PyTuple && key.items.length > 0 && key.items.every((x) => x instanceof PySlice);
}

/** Narrows dimension `dim` of `v` to the slice (CPython: init_slice). */
function initSlice(v: Py_buffer, key: PySlice, dim: number): void {
  const [start, , step, n] = sliceIndices(key, v.shape[dim]);
  v.offset += v.strides[dim] * start;
  v.shape[dim] = n;
  v.strides[dim] *= step;
}
function initLen(v: Py_buffer): void {
  let len = 1;
  for (let i = 0; i < v.ndim; i++) len *= v.shape[i];
  v.len = len * v.itemsize;
}

function memoryItem(mv: PyMemoryView, index: number): PyObject {
  checkReleased(mv);
  const v = mv.view;
  const fmt = adjustFmt(v);
  if (v.ndim === 0) throw typeError("invalid indexing of 0-dim memory");
  if (v.ndim === 1) return unpackSingle(mv, ptrFromIndex(v, index), fmt);
  throw notImplementedError("multi-dimensional sub-views are not implemented");
}

function memorySubscript(self: PyObject, key: PyObject): PyObject {
  const mv = self as PyMemoryView;
  checkReleased(mv);
  const v = mv.view;
  if (v.ndim === 0) {
    if (key instanceof PyTuple && key.items.length === 0) return unpackSingle(mv, v.offset, adjustFmt(v));
    if (key === Py_Ellipsis) return mv;
    throw typeError("invalid indexing of 0-dim memory");
  }
  if (PyIndex_Check(key)) return memoryItem(mv, PyNumber_AsSsize_t(key, "index"));
  if (key instanceof PySlice) {
    const sliced = new PyMemoryView(mv.mbuf, copyView(v));
    initSlice(sliced.view, key, 0);
    initLen(sliced.view);
    initFlags(sliced);
    return sliced;
  }
  if (isMultiIndex(key)) {
    const fmt = adjustFmt(v);
    if (key.items.length < v.ndim) throw notImplementedError("sub-views are not implemented");
    return unpackSingle(mv, ptrFromTuple(v, key), fmt);
  }
  if (isMultiSlice(key)) throw notImplementedError("multi-dimensional slicing is not implemented");
  throw typeError("memoryview: invalid slice key");
}

function equivFormat(a: Py_buffer, b: Py_buffer): boolean {
  const fa = a.format.charCodeAt(0) === 0x40 ? a.format.slice(1) : a.format;
  const fb = b.format.charCodeAt(0) === 0x40 ? b.format.slice(1) : b.format;
  return fa === fb && a.itemsize === b.itemsize;
}
function equivShape(a: Py_buffer, b: Py_buffer): boolean {
  if (a.ndim !== b.ndim) return false;
  for (let i = 0; i < a.ndim; i++) {
    if (a.shape[i] !== b.shape[i]) return false;
    if (a.shape[i] === 0) break;
  }
  return true;
}

function memoryAssSub(self: PyObject, key: PyObject, value: PyObject | null): void {
  const mv = self as PyMemoryView;
  checkReleased(mv);
  const v = mv.view;
  const fmt = adjustFmt(v);
  if (v.readonly) throw typeError("cannot modify read-only memory");
  if (value === null) throw typeError("cannot delete memory");
  if (v.ndim === 0) {
    if (key === Py_Ellipsis || (key instanceof PyTuple && key.items.length === 0)) return packSingle(mv, v.offset, value, fmt);
    throw typeError("invalid indexing of 0-dim memory");
  }
  if (PyIndex_Check(key)) {
    if (v.ndim > 1) throw notImplementedError("sub-views are not implemented");
    const index = PyNumber_AsSsize_t(key, "index");
    return packSingle(mv, ptrFromIndex(v, index), value, fmt);
  }
  if (key instanceof PySlice && v.ndim === 1) {
    const src = PyObject_GetBuffer(value, PyBUF_FULL_RO);
    try {
      const dest = copyView(v);
      initSlice(dest, key, 0);
      dest.len = dest.shape[0] * dest.itemsize;
      checkReleased(mv);
      if (!equivFormat(dest, src) || !equivShape(dest, src)) {
        throw valueError("memoryview assignment: lvalue and rvalue have different structures");
      }
      // copy through a temporary: source and destination may overlap
      const tmp = bufferToContiguous(src, "C");
      const isz = dest.itemsize;
      for (let i = 0, p = dest.offset, q = 0; i < dest.shape[0]; i++, p += dest.strides[0]) {
        for (let k = 0; k < isz; k++) dest.buf[p + k] = tmp[q++];
      }
    } finally {
      PyBuffer_Release(src);
    }
    return;
  }
  if (isMultiIndex(key)) {
    if (key.items.length < v.ndim) throw notImplementedError("sub-views are not implemented");
    return packSingle(mv, ptrFromTuple(v, key), value, fmt);
  }
  if (key instanceof PySlice || isMultiSlice(key)) {
    throw notImplementedError("memoryview slice assignments are currently restricted to ndim = 1");
  }
  throw typeError("memoryview: invalid slice key");
}

function memoryLength(self: PyObject): number {
  const mv = self as PyMemoryView;
  checkReleased(mv);
  if (mv.view.ndim === 0) throw typeError("0-dim memory has no length");
  return mv.view.shape[0];
}

// --- tolist / tobytes / hex ------------------------------------------------------------------------

function tolistRec(mv: PyMemoryView, p: number, dim: number, fmt: string): PyObject {
  const v = mv.view;
  const n = v.shape[dim];
  const st = v.strides[dim];
  const out = new Array<PyObject>(n);
  if (dim === v.ndim - 1) {
    for (let i = 0; i < n; i++, p += st) out[i] = unpackSingle(mv, p, fmt);
  } else {
    for (let i = 0; i < n; i++, p += st) out[i] = tolistRec(mv, p, dim + 1, fmt);
  }
  return new PyList(out);
}

function memoryTolist(self: PyObject): PyObject {
  const mv = self as PyMemoryView;
  checkReleased(mv);
  const v = mv.view;
  const fmt = adjustFmt(v);
  if (v.ndim === 0) return unpackSingle(mv, v.offset, fmt);
  return tolistRec(mv, v.offset, 0, fmt);
}

const tobytesArgs = new ArgParser("tobytes", ["order"]);
const hexArgs = new ArgParser("hex", ["sep", "bytes_per_sep"]);
const castArgs = new ArgParser("cast", ["format", "shape"], { required: 1 });
const newArgs = new ArgParser("memoryview", ["object"], { required: 1 });
const fromFlagsArgs = new ArgParser("_from_flags", ["object", "flags"], { required: 2, posonly: 2 });

function orderArg(order: PyObject | null): "C" | "F" | "A" {
  if (order === null || order === Py_None) return "C";
  if (typeof order !== "string") throw typeError(`tobytes() argument 'order' must be str or None, not ${Py_TYPE(order).tp_name}`);
  if (order === "F") return "F";
  if (order === "A") return "A";
  if (order === "C") return "C";
  throw valueError("order must be 'C', 'F' or 'A'");
}

/** The view's bytes in C order (a copy), for hashing, hex and the struct fallbacks. */
export function memoryBytes(mv: PyMemoryView, order: "C" | "F" | "A" = "C"): Uint8Array {
  checkReleased(mv);
  return bufferToContiguous(mv.view, order);
}

// --- cast --------------------------------------------------------------------------------------------

function memoryCast(self: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null): PyObject {
  const [format, shapeArg] = castArgs.parse(args, start, nargs, kw);
  if (typeof format !== "string") throw typeError(`cast() argument 'format' must be str, not ${Py_TYPE(format as PyObject).tp_name}`);
  const mv = self as PyMemoryView;
  checkReleased(mv);
  const shape = shapeArg === Py_None || shapeArg === null ? null : shapeArg;
  if (!mv.cContig) throw typeError("memoryview: casts are restricted to C-contiguous views");
  if ((shape !== null || mv.view.ndim !== 1) && mv.view.shape.slice(0, mv.view.ndim).includes(0)) {
    throw typeError("memoryview: cannot cast view with zeros in shape or strides");
  }
  let dims: PyObject[] | null = null;
  if (shape !== null) {
    if (shape instanceof PyTuple || shape instanceof PyList) dims = shape.items.slice();
    else throw typeError("shape must be a list or a tuple");
    if (dims.length > PyBUF_MAX_NDIM) throw valueError(`memoryview: number of dimensions must not exceed ${PyBUF_MAX_NDIM}`);
    if (mv.view.ndim !== 1 && dims.length !== 1) throw typeError("memoryview: cast must be 1D -> ND or ND -> 1D");
  }
  // cast to 1-D first (CPython: cast_to_1D)
  const v = copyView(mv.view);
  for (let i = 0; i < format.length; i++) {
    if (format.charCodeAt(i) > 127) {
      throw newException(PyExc_UnicodeEncodeError, ["ascii", format, i, i + 1, "ordinal not in range(128)"]);
    }
  }
  const destchar = nativeFmtChar(format);
  if (destchar === null) {
    throw valueError("memoryview: destination format must be a native single character format prefixed with an optional '@'");
  }
  const srcchar = nativeFmtChar(v.format);
  if (!isByteFormat(srcchar) && !isByteFormat(destchar)) throw typeError("memoryview: cannot cast between two non-byte formats");
  const itemsize = NATIVE_SIZE[destchar];
  if (v.len % itemsize) throw typeError("memoryview: length is not a multiple of itemsize");
  v.format = format;
  v.itemsize = itemsize;
  v.ndim = 1;
  v.shape = [v.len / itemsize];
  v.strides = [itemsize];
  if (dims !== null) {
    // CPython: cast_to_ND
    v.ndim = dims.length;
    let len = itemsize;
    const sh: number[] = [];
    for (const d of dims) {
      if (typeof d !== "number" && typeof d !== "bigint" && typeof d !== "boolean") {
        throw typeError("memoryview.cast(): elements of shape must be integers");
      }
      const x = Number(d);
      if (x <= 0) throw valueError("memoryview.cast(): elements of shape must be integers > 0");
      if (x > Number.MAX_SAFE_INTEGER / len) throw valueError("memoryview.cast(): product(shape) > SSIZE_MAX");
      len *= x;
      sh.push(x);
    }
    if (dims.length === 0) len = itemsize;
    v.shape = sh;
    v.strides = new Array<number>(sh.length);
    let s = itemsize;
    for (let i = sh.length - 1; i >= 0; i--) {
      v.strides[i] = s;
      s *= sh[i];
    }
    if (v.len !== len) throw typeError("memoryview: product(shape) * itemsize != buffer size");
  }
  return new PyMemoryView(mv.mbuf, v);
}

// --- comparison and hash ---------------------------------------------------------------------------

/** Unpacks one item with the struct module (formats that are not a single native character). */
function structItem(u: StructUnpacker, buf: Uint8Array, p: number): PyObject {
  return u.unpackSingle(buf, p);
}

function memoryRichcompare(v: PyObject, w: PyObject, op: number): PyObject {
  if (op !== Py_EQ && op !== Py_NE) return Py_NotImplemented;
  const a = v as PyMemoryView;
  const res = (eq: boolean): PyObject => (op === Py_EQ ? eq : !eq);
  if (a.released || a.mbuf.released) return res(v === w);
  let vv = a.view;
  let ww: Py_buffer;
  let wbuf: Py_buffer | null = null;
  if (w instanceof PyMemoryView) {
    if (w.released || w.mbuf.released) return res(v === w);
    ww = w.view;
  } else {
    try {
      wbuf = PyObject_GetBuffer(w, PyBUF_FULL_RO);
    } catch (e) {
      if (e instanceof PyObjectBase) return Py_NotImplemented;
      throw e;
    }
    ww = wbuf;
  }
  try {
    if (!equivShape(vv, ww)) return res(false);
    const vf = nativeFmtChar(vv.format);
    const wf = nativeFmtChar(ww.format);
    let uv: StructUnpacker | null = null;
    let uw: StructUnpacker | null = null;
    if (vf === null || wf === null || vf !== wf) {
      uv = structUnpackerFor(vv.format, vv.itemsize);
      uw = structUnpackerFor(ww.format, ww.itemsize);
      if (uv === null || uw === null) return res(false);
    }
    const get = (m: Py_buffer, u: StructUnpacker | null, f: string | null, p: number): PyObject => {
      if (u !== null) return structItem(u, m.buf, p);
      return unpackForCompare(m, p, f as string);
    };
    let equal = true;
    const n = vv.ndim;
    if (n === 0) {
      equal = itemEqual(get(vv, uv, vf, vv.offset), get(ww, uw, wf, ww.offset), vf === wf && uv === null ? vf : null);
    } else {
      const idx = new Array<number>(n).fill(0);
      let count = 1;
      for (let i = 0; i < n; i++) count *= vv.shape[i];
      for (let c = 0; c < count && equal; c++) {
        let p = vv.offset;
        let q = ww.offset;
        for (let d = 0; d < n; d++) {
          p += idx[d] * vv.strides[d];
          q += idx[d] * ww.strides[d];
        }
        equal = itemEqual(get(vv, uv, vf, p), get(ww, uw, wf, q), uv === null ? vf : null);
        for (let d = n - 1; d >= 0; d--) {
          if (++idx[d] < vv.shape[d]) break;
          idx[d] = 0;
        }
      }
    }
    return res(equal);
  } finally {
    if (wbuf !== null) PyBuffer_Release(wbuf);
  }
}

// a stand-in memoryview-like reader for items of a Py_buffer that is not a memoryview's
function unpackForCompare(m: Py_buffer, p: number, fmt: string): PyObject {
  const tmp = readerFor(m);
  return unpackSingle(tmp, p, fmt);
}
const readers = new WeakMap<Py_buffer, PyMemoryView>();
function readerFor(m: Py_buffer): PyMemoryView {
  let r = readers.get(m);
  if (r === undefined) {
    r = Object.create(PyMemoryView.prototype) as PyMemoryView;
    Object.assign(r, { view: m, dvCache: null, released: false });
    readers.set(m, r);
  }
  return r;
}

function itemEqual(x: PyObject, y: PyObject, fmt: string | null): boolean {
  // native floats compare as C doubles (NaN != NaN); the rest by value
  if (fmt !== null && x instanceof PyFloat && y instanceof PyFloat) return x.value === y.value;
  if (x instanceof PyBytes && y instanceof PyBytes) return x.value.length === y.value.length && x.value.every((b, i) => b === y.value[i]);
  return PyObject_RichCompareBool(x, y, Py_EQ);
}

function memoryHash(self: PyObject): number | bigint {
  const mv = self as PyMemoryView;
  if (mv.hash === null) {
    checkReleased(mv);
    const v = mv.view;
    if (!v.readonly) throw valueError("cannot hash writable memoryview object");
    if (!isByteFormat(nativeFmtChar(v.format))) throw valueError("memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
    if (v.obj !== null) PyObject_Hash(v.obj);
    mv.hash = (PyBytes_Type.tp_hash as (o: PyObject) => number | bigint)(new PyBytes(bufferToContiguous(v, "C")));
  }
  return mv.hash;
}

// --- export (CPython: memory_getbuf, memory_releasebuf) ----------------------------------------------

PyMemoryView_Type.bf_getbuffer = (self, flags) => {
  const mv = self as PyMemoryView;
  checkReleased(mv);
  const base = mv.view;
  const view = copyView(base);
  if (flags & PyBUF_WRITABLE && base.readonly) throw PyErr_Format(PyExc_BufferError, "memoryview: underlying buffer is not writable");
  const req = (f: number) => (flags & f) === f;
  if (req(PyBUF_C_CONTIGUOUS) && !mv.cContig) throw PyErr_Format(PyExc_BufferError, "memoryview: underlying buffer is not C-contiguous");
  if (req(PyBUF_F_CONTIGUOUS) && !mv.fContig) throw PyErr_Format(PyExc_BufferError, "memoryview: underlying buffer is not Fortran contiguous");
  if (req(PyBUF_ANY_CONTIGUOUS) && !mv.cContig && !mv.fContig) throw PyErr_Format(PyExc_BufferError, "memoryview: underlying buffer is not contiguous");
  if (!req(PyBUF_STRIDES) && !mv.cContig) throw PyErr_Format(PyExc_BufferError, "memoryview: underlying buffer is not C-contiguous");
  if (!req(PyBUF_ND)) {
    if (flags & PyBUF_FORMAT) throw PyErr_Format(PyExc_BufferError, "memoryview: cannot cast to unsigned bytes if the format flag is present");
    // a plain byte buffer over the same (C-contiguous) memory
    view.format = "B";
    view.itemsize = 1;
    view.ndim = 1;
    view.shape = [view.len];
    view.strides = [1];
  }
  view.obj = mv;
  mv.exports++;
  return view;
};
PyMemoryView_Type.bf_releasebuffer = (self) => {
  (self as PyMemoryView).exports--;
};

function memoryRelease(mv: PyMemoryView): void {
  if (mv.released) return;
  if (mv.exports > 0) {
    throw PyErr_Format(PyExc_BufferError, `memoryview has ${mv.exports} exported buffer${mv.exports === 1 ? "" : "s"}`);
  }
  mv.released = true;
  if (mv.lock !== null) {
    PyBuffer_Release(mv.lock);
    mv.lock = null;
  }
  if (--mv.mbuf.exports === 0) mv.mbuf.release();
}

// --- the type ----------------------------------------------------------------------------------------

PyMemoryView_Type.tp_new = (_type: PyTypeObject, args, start, nargs, kw) => {
  const [obj] = newArgs.parse(args, start, nargs, kw);
  return PyMemoryView_FromObject(obj as PyObject);
};
PyMemoryView_Type.tp_repr = (v) => `<${(v as PyMemoryView).released || (v as PyMemoryView).mbuf.released ? "released memory" : "memory"} at ${addressOf(v)}>`;
PyMemoryView_Type.tp_hash = memoryHash;
PyMemoryView_Type.tp_richcompare = memoryRichcompare;
PyMemoryView_Type.sq_length = memoryLength;
PyMemoryView_Type.mp_length = memoryLength;
PyMemoryView_Type.mp_subscript = memorySubscript;
PyMemoryView_Type.mp_ass_subscript = memoryAssSub;
PyMemoryView_Type.sq_item = (v, i) => memoryItem(v as PyMemoryView, i);
PyMemoryView_Type.tp_iter = (v) => {
  const mv = v as PyMemoryView;
  checkReleased(mv);
  const n = mv.view.ndim;
  if (n === 0) throw typeError("invalid indexing of 0-dim memory");
  if (n !== 1) throw notImplementedError("multi-dimensional sub-views are not implemented");
  return new PyMemoryIter(mv, adjustFmt(mv.view));
};

const get = (f: (mv: PyMemoryView) => PyObject): PyGetSetDef["get"] => (self) => {
  const mv = self as PyMemoryView;
  checkReleased(mv);
  return f(mv);
};
const intTuple = (a: number[], n: number): PyTuple => new PyTuple(a.slice(0, n));
PyMemoryView_Type.tp_getset = [
  { name: "obj", get: get((mv) => mv.view.obj ?? Py_None) },
  { name: "nbytes", get: get((mv) => mv.view.len) },
  { name: "readonly", get: get((mv) => mv.view.readonly) },
  { name: "itemsize", get: get((mv) => mv.view.itemsize) },
  { name: "format", get: get((mv) => mv.view.format) },
  { name: "ndim", get: get((mv) => mv.view.ndim) },
  { name: "shape", get: get((mv) => intTuple(mv.view.shape, mv.view.ndim)) },
  { name: "strides", get: get((mv) => intTuple(mv.view.strides, mv.view.ndim)) },
  { name: "suboffsets", get: get(() => new PyTuple([])) },
  { name: "c_contiguous", get: get((mv) => mv.cContig) },
  { name: "f_contiguous", get: get((mv) => mv.fContig) },
  { name: "contiguous", get: get((mv) => mv.cContig || mv.fContig) },
];

type Fast = (self: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null) => PyObject;
const fast = (name: string, fn: Fast): PyMethodDef => ({ name, kind: "fast", fn: fn as PyMethodDef["fn"] });

/** The items of a 1-D view, for count and index (CPython: memoryview_count_impl). */
function lookupItems(mv: PyMemoryView, lookup: boolean): [string, Py_buffer] {
  checkReleased(mv);
  const v = mv.view;
  if (v.ndim === 0) throw typeError(lookup ? "invalid lookup on 0-dim memory" : "invalid indexing of 0-dim memory");
  if (v.ndim !== 1) throw notImplementedError(lookup ? "multi-dimensional lookup is not implemented" : "multi-dimensional sub-views are not implemented");
  return [adjustFmt(v), v];
}

PyMemoryView_Type.tp_methods = [
  {
    name: "release",
    kind: "noargs",
    fn: ((self: PyObject) => (memoryRelease(self as PyMemoryView), Py_None)) as PyMethodDef["fn"],
  },
  fast("tobytes", (self, args, start, nargs, kw) => {
    const [order] = tobytesArgs.parse(args, start, nargs, kw);
    const mv = self as PyMemoryView;
    checkReleased(mv);
    return new PyBytes(bufferToContiguous(mv.view, orderArg(order)));
  }),
  fast("hex", (self, args, start, nargs, kw) => {
    const [sep, bps] = hexArgs.parse(args, start, nargs, kw);
    const mv = self as PyMemoryView;
    checkReleased(mv);
    return strhex(bufferToContiguous(mv.view, "C", true), sep, bps, "hex");
  }),
  { name: "tolist", kind: "noargs", fn: memoryTolist as PyMethodDef["fn"] },
  fast("cast", memoryCast),
  {
    name: "toreadonly",
    kind: "noargs",
    fn: ((self: PyObject) => {
      const mv = self as PyMemoryView;
      checkReleased(mv);
      const r = new PyMemoryView(mv.mbuf, copyView(mv.view));
      r.view.readonly = true;
      return r;
    }) as PyMethodDef["fn"],
  },
  {
    name: "_from_flags",
    kind: "fast",
    binding: "class",
    fn: ((_cls: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null) => {
      const [obj, flags] = fromFlagsArgs.parse(args, start, nargs, kw);
      const f = PyNumber_AsSsize_t(flags as PyObject);
      if (obj instanceof PyMemoryView) checkReleased(obj);
      const mbuf = new ManagedBuffer(PyObject_GetBuffer(obj as PyObject, f));
      return new PyMemoryView(mbuf, copyView(mbuf.master));
    }) as PyMethodDef["fn"],
  },
  {
    name: "count",
    kind: "o",
    fn: ((self: PyObject, value: PyObject) => {
      const mv = self as PyMemoryView;
      const [fmt, v] = lookupItems(mv, false);
      let n = 0;
      for (let i = 0; i < v.shape[0]; i++) {
        const x = unpackSingle(mv, v.offset + i * v.strides[0], fmt);
        if (x === value || PyObject_RichCompareBool(x, value, Py_EQ)) n++;
      }
      return n;
    }) as PyMethodDef["fn"],
  },
  fast("index", (self, args, start, nargs) => {
    checkPositional("index", nargs, 1, 3);
    const mv = self as PyMemoryView;
    const value = args[start];
    let lo = nargs > 1 ? PyNumber_AsSsize_t(PyNumber_Index(args[start + 1]), "clamp") : 0;
    let hi = nargs > 2 ? PyNumber_AsSsize_t(PyNumber_Index(args[start + 2]), "clamp") : Number.MAX_SAFE_INTEGER;
    const [fmt, v] = lookupItems(mv, true);
    const n = v.shape[0];
    if (lo < 0) lo = Math.max(0, lo + n);
    if (hi < 0) hi = Math.max(0, hi + n);
    hi = Math.min(hi, n);
    for (let i = lo; i < hi; i++) {
      const x = unpackSingle(mv, v.offset + i * v.strides[0], fmt);
      if (x === value || PyObject_RichCompareBool(x, value, Py_EQ)) return i;
    }
    throw valueError("memoryview.index(x): x not found");
  }),
  {
    name: "__enter__",
    kind: "noargs",
    fn: ((self: PyObject) => {
      const mv = self as PyMemoryView;
      checkReleased(mv);
      const obj = mv.mbuf.master.obj;
      if (mv.mbuf.unlocked && mv.lock === null && obj !== null) mv.lock = PyObject_GetBuffer(obj, PyBUF_FULL_RO);
      return self;
    }) as PyMethodDef["fn"],
  },
  fast("__exit__", (self) => (memoryRelease(self as PyMemoryView), Py_None)),
];

/** CPython: memoryiterobject. */
class PyMemoryIter extends PyObjectBase {
  index = 0;
  readonly length: number;
  constructor(
    public seq: PyMemoryView | null,
    readonly fmt: string,
  ) {
    super();
    this.length = (seq as PyMemoryView).view.shape[0];
  }
}
const PyMemoryIter_Type = newStaticType("memory_iterator", PyBaseObject_Type, 0);
PyMemoryIter.prototype.ob_type = PyMemoryIter_Type;
PyMemoryIter_Type.tp_iter = (v) => v;
PyMemoryIter_Type.tp_iternext = (v) => {
  const it = v as PyMemoryIter;
  const seq = it.seq;
  if (seq === null) return null;
  if (it.index < it.length) {
    checkReleased(seq);
    const p = seq.view.offset + seq.view.strides[0] * it.index++;
    return unpackSingle(seq, p, it.fmt);
  }
  it.seq = null;
  return null;
};


// PEP 688: __buffer__ on every built-in exporter, __release_buffer__ on those that count exports
// (CPython: the bf_getbuffer / bf_releasebuffer slot wrappers).
/** Adds __buffer__ (and __release_buffer__ when it has bf_releasebuffer) to a built-in exporter type. */
export function addBufferMethods(t: PyTypeObject): void {
  const methods: PyMethodDef[] = [
    {
      name: "__buffer__",
      kind: "o",
      fn: ((self: PyObject, flags: PyObject) => {
        const f = PyNumber_AsSsize_t(PyNumber_Index(flags), "overflow");
        if (f < 0 || f > 0x7fffffff) throw valueError("buffer flags too large");
        const mbuf = new ManagedBuffer(PyObject_GetBuffer(self, f));
        return new PyMemoryView(mbuf, copyView(mbuf.master));
      }) as PyMethodDef["fn"],
    },
  ];
  if (t.bf_releasebuffer) {
    methods.push({
      name: "__release_buffer__",
      kind: "o",
      fn: ((self: PyObject, mv: PyObject) => {
        if (!(mv instanceof PyMemoryView)) throw typeError(`expected a memoryview object`);
        if (mv.mbuf.master.obj !== self) throw valueError("memoryview's buffer is not this object");
        memoryRelease(mv);
        return Py_None;
      }) as PyMethodDef["fn"],
    });
  }
  t.tp_methods = [...(t.tp_methods ?? []), ...methods];
}
addBufferMethods(PyBytes_Type);
addBufferMethods(PyByteArray_Type);
addBufferMethods(PyMemoryView_Type);
