// CPython: Objects/bytesobject.c — bytes, and the parts of bytes and bytearray they share (the
// methods of Objects/bytes_methods.c over src/objects/bytes_methods.ts). bytearray's own slots and
// mutating methods are in bytearrayobject.ts.
import {
  PyObjectBase, type PyObject, type PyMethodDef, newStaticType, PyBaseObject_Type, Py_None, Py_NotImplemented,
  Py_TPFLAGS_BASETYPE, Py_TPFLAGS_BYTES_SUBCLASS, Py_TYPE, type PyTypeObject, Py_EQ, Py_NE,
} from "./object.js";
import { PyTuple } from "./tupleobject.js";
import { PyList } from "./listobject.js";
import { PySlice, sliceIndices } from "./sliceobject.js";
import {
  PyObject_CallMethod, PyObject_CallNoArgs, _PyObject_LookupSpecial, PyNumber_Index, PyNumber_AsSsize_t,
  PyIndex_Check, PyObject_GetIter, PyIter_Next, PyObject_Hash, PyObject_IsTrue,
} from "./abstract.js";
import { typeError, valueError, indexError, PyErr_ExceptionMatches, PyErr_Format } from "../python/errors.js";
import { ArgParser, checkPositional, noKeywords } from "../python/getargs.js";
import { asStr } from "./unicodeobject.js";
import { cmpResult } from "./longobject.js";
import { PyObject_CheckBuffer, getContiguousBytes, PyBuffer_FillInfo, bytesFromBuffer } from "./buffer.js";
import { PyExc_BufferError, PyExc_TypeError } from "./exceptions.js";
import * as M from "./bytes_methods.js";
import { strhex } from "../python/pystrhex.js";
import { bytesFormat, _setBytesClasses } from "./bytes_format.js";

export class PyBytes extends PyObjectBase {
  constructor(public readonly value: Uint8Array) {
    super();
  }
}
export const PyBytes_Type = newStaticType("bytes", PyBaseObject_Type, Py_TPFLAGS_BASETYPE | Py_TPFLAGS_BYTES_SUBCLASS);
PyBytes.prototype.ob_type = PyBytes_Type;

/**
 * bytearray: a mutable byte buffer. `value` is always exactly the contents; it may be a view of a
 * larger `cap` buffer so appends need not reallocate (bytearrayobject.ts keeps both in step).
 */
export class PyByteArray extends PyObjectBase {
  /** Buffers exported (memoryviews etc.): while > 0 the bytearray cannot be resized. */
  exports = 0;
  /** Spare capacity behind `value`, or null. */
  cap: Uint8Array | null = null;
  constructor(public value: Uint8Array) {
    super();
  }
}
export const PyByteArray_Type = newStaticType("bytearray", PyBaseObject_Type, Py_TPFLAGS_BASETYPE);
PyByteArray.prototype.ob_type = PyByteArray_Type;

const HEX = "0123456789abcdef";

/** repr(bytes) (CPython: PyBytes_Repr); `prefix` is "b" for bytes. */
export function bytesRepr(b: Uint8Array, prefix = "b"): string {
  let hasSingle = false;
  let hasDouble = false;
  for (let i = 0; i < b.length; i++) {
    if (b[i] === 0x27) hasSingle = true;
    else if (b[i] === 0x22) hasDouble = true;
  }
  const quote = hasSingle && !hasDouble ? 0x22 : 0x27;
  let out = prefix + String.fromCharCode(quote);
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    if (c === quote || c === 0x5c) out += "\\" + String.fromCharCode(c);
    else if (c === 0x09) out += "\\t";
    else if (c === 0x0a) out += "\\n";
    else if (c === 0x0d) out += "\\r";
    else if (c < 0x20 || c >= 0x7f) out += "\\x" + HEX[c >> 4] + HEX[c & 0xf];
    else out += String.fromCharCode(c);
  }
  return out + String.fromCharCode(quote);
}

/**
 * The bytes of a bytes-like object (any C-contiguous buffer exporter), or null when `v` exports no
 * buffer (CPython: PyObject_GetBuffer(PyBUF_SIMPLE)). The result shares the exporter's memory: read
 * it at once, do not keep it across Python code.
 */
export function bytesLike(v: PyObject): Uint8Array | null {
  if (v instanceof PyBytes || v instanceof PyByteArray) return v.value;
  if (typeof v !== "object" || !PyObject_CheckBuffer(v)) return null;
  return getContiguousBytes(v);
}

/** A bytes-like argument, or "a bytes-like object is required, not 'str'". */
export function bufferArg(v: PyObject): Uint8Array {
  const b = bytesLike(v);
  if (b === null) throw typeError(`a bytes-like object is required, not '${Py_TYPE(v).tp_name}'`);
  return b;
}

PyBytes_Type.bf_getbuffer = (v, flags) => PyBuffer_FillInfo(v, (v as PyBytes).value, true, flags);
PyByteArray_Type.bf_getbuffer = (v, flags) => {
  const view = PyBuffer_FillInfo(v, (v as PyByteArray).value, false, flags);
  (v as PyByteArray).exports++;
  return view;
};
PyByteArray_Type.bf_releasebuffer = (v) => {
  (v as PyByteArray).exports--;
};

/** Replaces a bytearray's contents, refusing a size change while buffers are exported (CPython: PyByteArray_Resize). */
export function setByteArray(ba: PyByteArray, v: Uint8Array): void {
  if (v.length !== ba.value.length && ba.exports > 0) {
    throw PyErr_Format(PyExc_BufferError, "Existing exports of data: object cannot be re-sized");
  }
  if (v.length === ba.value.length && ba.exports > 0) ba.value.set(v);
  else {
    ba.value = v;
    ba.cap = null;
  }
}

export function latin1(b: Uint8Array): string {
  let s = "";
  for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, i + 8192));
  return s;
}

// --- argument helpers ------------------------------------------------------------------------------

/** The sub-sequence argument of find/count/...: bytes-like or an int in range(256). */
export function subArg(v: PyObject): Uint8Array {
  const b = bytesLike(v);
  if (b !== null) return b;
  if (PyIndex_Check(v)) {
    const n = PyNumber_Index(v);
    if (typeof n !== "number" || n < 0 || n > 255) throw valueError("byte must be in range(0, 256)");
    return Uint8Array.of(n);
  }
  throw typeError(`argument should be integer or bytes-like object, not '${Py_TYPE(v).tp_name}'`);
}

/** A start/end argument (CPython: _PyEval_SliceIndex): None is absent; clamps big values. */
export function sliceIndex(v: PyObject | undefined): number | null {
  if (v === undefined || v === Py_None) return null;
  if (typeof v === "number") return v;
  if (!PyIndex_Check(v)) throw typeError("slice indices must be integers or None or have an __index__ method");
  return PyNumber_AsSsize_t(v, "clamp");
}

/** start/end adjusted to [0, len] as str.find does (CPython: ADJUST_INDICES). */
export function adjustIndices(len: number, s: number | null, e: number | null): [number, number] {
  let i = s ?? 0;
  let j = e ?? len;
  if (j > len) j = len;
  else if (j < 0) j = Math.max(0, j + len);
  if (i < 0) i = Math.max(0, i + len);
  return [i, j];
}

function byteArg(v: PyObject): number {
  const n = PyNumber_Index(v);
  if (typeof n !== "number" || n < 0 || n > 255) throw valueError("byte must be in range(0, 256)");
  return n;
}

/** A one-byte fill argument (CPython: the "c" converter of center/ljust/rjust). */
function fillArg(fname: string, v: PyObject): number {
  if (v instanceof PyBytes || v instanceof PyByteArray) {
    if (v.value.length === 1) return v.value[0];
    throw typeError(`${fname}(): argument 2 must be a byte string of length 1, not a ${Py_TYPE(v).tp_name} object of length ${v.value.length}`);
  }
  throw typeError(`${fname}() argument 2 must be a byte string of length 1, not ${Py_TYPE(v).tp_name}`);
}

// --- construction (CPython: bytes_new_impl, _PyBytes_FromIterator, bytearray___init___impl) ------------

/** The bytes of the items of an iterable of ints; `rangeMsg` differs for bytes and bytearray. */
export function bytesFromIterable(src: PyObject, rangeMsg: string): Uint8Array {
  if (src instanceof PyList || src instanceof PyTuple) {
    const items = src.items;
    const out = new Uint8Array(items.length);
    for (let i = 0; i < items.length; i++) {
      const n = PyNumber_Index(items[i]);
      if (typeof n !== "number" || n < 0 || n > 255) throw valueError(rangeMsg);
      out[i] = n;
    }
    return out;
  }
  const it = PyObject_GetIter(src);
  let out = new Uint8Array(16);
  let n = 0;
  for (let x = PyIter_Next(it); x !== null; x = PyIter_Next(it)) {
    const v = PyNumber_Index(x);
    if (typeof v !== "number" || v < 0 || v > 255) throw valueError(rangeMsg);
    if (n === out.length) {
      const bigger = new Uint8Array(n * 2);
      bigger.set(out);
      out = bigger;
    }
    out[n++] = v;
  }
  return out.slice(0, n);
}

/** bytes(x) / bytearray(x) (CPython: bytes_new_impl / bytearray___init___impl). */
export function bytesFromArgs(name: "bytes" | "bytearray", src: PyObject | null, encoding: PyObject | null, errors: PyObject | null): Uint8Array {
  if (src === null) {
    if (encoding !== null) throw typeError("encoding without a string argument");
    if (errors !== null) throw typeError("errors without a string argument");
    return new Uint8Array(0);
  }
  if (encoding !== null || errors !== null) {
    if (typeof src !== "string") throw typeError(encoding !== null ? "encoding without a string argument" : "errors without a string argument");
    const enc = encoding === null ? "utf-8" : codecNameArg(name, "encoding", encoding, "utf-8");
    const err = errors === null ? "strict" : codecNameArg(name, "errors", errors, "strict");
    return (PyObject_CallMethod(src, "encode", enc, err) as PyBytes).value;
  }
  if (name === "bytes" && src instanceof PyObjectBase) {
    const meth = _PyObject_LookupSpecial(src, "__bytes__");
    if (meth !== null) {
      const r = PyObject_CallNoArgs(meth);
      if (!(r instanceof PyBytes)) throw typeError(`__bytes__ returned non-bytes (type ${Py_TYPE(r).tp_name})`);
      return r.value;
    }
  }
  if (typeof src === "string") throw typeError("string argument without an encoding");
  if (PyIndex_Check(src) && !(src instanceof PyBytes || src instanceof PyByteArray)) {
    let size: number;
    try {
      size = PyNumber_AsSsize_t(src, "overflow");
    } catch (e) {
      if (!PyErr_ExceptionMatches(e, PyExc_TypeError)) throw e;
      size = -2;
    }
    if (size !== -2) {
      if (size < 0) throw valueError("negative count");
      return new Uint8Array(size);
    }
  }
  if (PyObject_CheckBuffer(src)) return bytesFromBuffer(src);
  const t = Py_TYPE(src);
  if (!(src instanceof PyList || src instanceof PyTuple) && t.tp_iter === null && t.sq_item === null) {
    throw typeError(`cannot convert '${t.tp_name}' object to ${name}`);
  }
  return bytesFromIterable(src, name === "bytes" ? "bytes must be in range(0, 256)" : "byte must be in range(0, 256)");
}

function makeBytes(type: PyTypeObject, v: Uint8Array): PyObject {
  const b = new PyBytes(v);
  if (type !== PyBytes_Type) b.ob_type = type;
  return b;
}

// --- decode (the codec dispatch is unicode_encoding.ts's) ----------------------------------------

/** bytes.decode (CPython: PyUnicode_Decode, installed by unicode_encoding.ts; UTF-8 until then). */
let decodeHook: (b: Uint8Array, encoding: string, errors: string) => string = (b) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(b);
export function setBytesDecodeHook(f: (b: Uint8Array, encoding: string, errors: string) => string): void {
  decodeHook = f;
}
export function decodeBytes(b: Uint8Array, encoding: string, errors: string): string {
  return decodeHook(b, encoding, errors);
}

/** A str argument of a codec-taking method: "decode() argument 'encoding' must be str, not int". */
export function codecNameArg(fname: string, what: string, v: PyObject | null, dflt: string): string {
  if (v === null) return dflt;
  const s = asStr(v);
  if (s !== null) return s;
  throw typeError(`${fname}() argument '${what}' must be str, not ${Py_TYPE(v).tp_name}`);
}

// --- the methods shared by bytes and bytearray -----------------------------------------------------

const val = (v: PyObject): Uint8Array => (v as PyBytes | PyByteArray).value;
type Fast = (self: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null) => PyObject;
const fast = (name: string, fn: Fast): PyMethodDef => ({ name, kind: "fast", fn: fn as PyMethodDef["fn"] });
const noargs = (name: string, fn: (self: PyObject) => PyObject): PyMethodDef => ({ name, kind: "noargs", fn: fn as PyMethodDef["fn"] });
const onearg = (name: string, fn: (self: PyObject, x: PyObject) => PyObject): PyMethodDef => ({ name, kind: "o", fn: fn as PyMethodDef["fn"] });

const decodeArgs = new ArgParser("decode", ["encoding", "errors"]);
const splitArgs = (n: string) => new ArgParser(n, ["sep", "maxsplit"]);
const hexArgs = new ArgParser("hex", ["sep", "bytes_per_sep"]);
const splitlinesArgs = new ArgParser("splitlines", ["keepends"]);
const expandtabsArgs = new ArgParser("expandtabs", ["tabsize"]);
const translateArgs = new ArgParser("translate", ["table", "delete"], { posonly: 1, required: 1 });

/** The positional (sub, start, end) of find/count/index/startswith... (CPython: stringlib parse_args_finds). */
function findArgs(fname: string, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null): [PyObject, number | null, number | null] {
  noKeywords(fname, kw);
  checkPositional(fname, nargs, 1, 3);
  return [args[start], sliceIndex(nargs > 1 ? args[start + 1] : undefined), sliceIndex(nargs > 2 ? args[start + 2] : undefined)];
}

function findMethod(name: string, rev: boolean, raise: boolean): PyMethodDef {
  return fast(name, (self, args, start, nargs, kw) => {
    const [sub, s, e] = findArgs(name, args, start, nargs, kw);
    const needle = subArg(sub);
    const a = val(self);
    const [i, j] = adjustIndices(a.length, s, e);
    let r = -1;
    if (i <= a.length) r = rev ? M.lastIndexOf(a, needle, i, j) : M.indexOf(a, needle, i, j);
    if (needle.length > 0 && j - i < needle.length) r = -1;
    if (r < 0 && raise) throw valueError("subsection not found");
    return r;
  });
}

function startsEnds(name: string, ends: boolean): PyMethodDef {
  return fast(name, (self, args, start, nargs, kw) => {
    const [pre, s, e] = findArgs(name, args, start, nargs, kw);
    const a = val(self);
    const [i, j] = adjustIndices(a.length, s, e);
    const test = (x: PyObject): boolean => {
      const b = bytesLike(x);
      if (b === null) {
        throw typeError(`${name} first arg must be bytes or a tuple of bytes, not ${Py_TYPE(x).tp_name}`);
      }
      if (i > a.length || j - i < b.length) return false;
      const at = ends ? j - b.length : i;
      for (let k = 0; k < b.length; k++) if (a[at + k] !== b[k]) return false;
      return true;
    };
    if (pre instanceof PyTuple) {
      for (const x of pre.items) if (test(x)) return true;
      return false;
    }
    return test(pre);
  });
}

/** The shared methods, with `wrap` making a result of the receiving type's base (bytes or bytearray). */
function sharedMethods(isBA: boolean, wrap: (u: Uint8Array) => PyObject): PyMethodDef[] {
  const copyOrSelf = (self: PyObject, u: Uint8Array | null): PyObject => {
    // bytes methods return self when nothing changes and self is exactly bytes
    if (u === null) return !isBA && Py_TYPE(self) === PyBytes_Type ? self : wrap(val(self).slice());
    return wrap(u);
  };
  const sameAs = (self: PyObject, i: number, j: number): PyObject => {
    const a = val(self);
    if (i === 0 && j === a.length) return copyOrSelf(self, null);
    return wrap(a.slice(i, j));
  };
  const maxsplitArg = (v: PyObject | null): number => (v === null ? -1 : PyNumber_AsSsize_t(v, "overflow"));
  const sepArg = (v: PyObject | null): Uint8Array | null => {
    if (v === null || v === Py_None) return null;
    const b = bufferArg(v);
    if (b.length === 0) throw valueError("empty separator");
    return b.slice();
  };
  const padMethod = (name: "center" | "ljust" | "rjust"): PyMethodDef =>
    fast(name, (self, args, start, nargs, kw) => {
      noKeywords(name, kw);
      checkPositional(name, nargs, 1, 2);
      const width = PyNumber_AsSsize_t(args[start], "overflow");
      const fill = nargs > 1 ? fillArg(name, args[start + 1]) : 0x20;
      return copyOrSelf(self, M.pad(val(self), width, fill, name));
    });
  const stripMethod = (name: string, left: boolean, right: boolean): PyMethodDef =>
    fast(name, (self, args, start, nargs, kw) => {
      noKeywords(name, kw);
      checkPositional(name, nargs, 0, 1);
      const chars = nargs > 0 && args[start] !== Py_None ? bufferArg(args[start]) : null;
      const [i, j] = M.strip(val(self), chars, left, right);
      return sameAs(self, i, j);
    });
  const pred = (name: string, f: (a: Uint8Array) => boolean): PyMethodDef => noargs(name, (self) => f(val(self)));
  const map = (name: string, f: (a: Uint8Array) => Uint8Array): PyMethodDef => noargs(name, (self) => wrap(f(val(self))));
  const sub = (a: Uint8Array[]): PyList => new PyList(a.map((x) => wrap(x.slice())));
  return [
    fast("decode", (self, args, start, nargs, kw) => {
      const [enc, errs] = decodeArgs.parse(args, start, nargs, kw);
      return decodeBytes(val(self), codecNameArg("decode", "encoding", enc, "utf-8"), codecNameArg("decode", "errors", errs, "strict"));
    }),
    fast("hex", (self, args, start, nargs, kw) => {
      const [sep, bps] = hexArgs.parse(args, start, nargs, kw);
      return strhex(val(self), sep, bps);
    }),
    onearg("join", (self, it) => {
      const parts: Uint8Array[] = [];
      const iter = PyObject_GetIter(it);
      for (let x = PyIter_Next(iter), i = 0; x !== null; x = PyIter_Next(iter), i++) {
        const b = bytesLike(x);
        if (b === null) throw typeError(`sequence item ${i}: expected a bytes-like object, ${Py_TYPE(x).tp_name} found`);
        parts.push(b.slice());
      }
      if (parts.length === 1 && !isBA && parts[0] instanceof Uint8Array) return wrap(parts[0]);
      return wrap(M.join(parts, val(self)));
    }),
    findMethod("find", false, false),
    findMethod("rfind", true, false),
    findMethod("index", false, true),
    findMethod("rindex", true, true),
    fast("count", (self, args, start, nargs, kw) => {
      const [s, i0, j0] = findArgs("count", args, start, nargs, kw);
      const needle = subArg(s);
      const a = val(self);
      const [i, j] = adjustIndices(a.length, i0, j0);
      if (i > a.length) return 0;
      return M.countOf(a, needle, i, j);
    }),
    startsEnds("startswith", false),
    startsEnds("endswith", true),
    map("lower", M.lower),
    map("upper", M.upper),
    map("swapcase", M.swapcase),
    map("capitalize", M.capitalize),
    map("title", M.title),
    pred("isalnum", (a) => M.isAll(a, M.isAlnumByte)),
    pred("isalpha", (a) => M.isAll(a, M.isAlphaByte)),
    pred("isascii", M.isAscii),
    pred("isdigit", (a) => M.isAll(a, M.isDigitByte)),
    pred("isspace", (a) => M.isAll(a, M.isSpaceByte)),
    pred("islower", M.isLower),
    pred("isupper", M.isUpper),
    pred("istitle", M.isTitle),
    stripMethod("strip", true, true),
    stripMethod("lstrip", true, false),
    stripMethod("rstrip", false, true),
    padMethod("center"),
    padMethod("ljust"),
    padMethod("rjust"),
    fast("zfill", (self, args, start, nargs, kw) => {
      noKeywords("zfill", kw);
      checkPositional("zfill", nargs, 1, 1);
      return copyOrSelf(self, M.zfill(val(self), PyNumber_AsSsize_t(args[start], "overflow")));
    }),
    fast("expandtabs", (self, args, start, nargs, kw) => {
      const [ts] = expandtabsArgs.parse(args, start, nargs, kw);
      return wrap(M.expandtabs(val(self), ts === null ? 8 : PyNumber_AsSsize_t(ts, "overflow")));
    }),
    fast("split", (self, args, start, nargs, kw) => {
      const [sep, ms] = splitArgs("split").parse(args, start, nargs, kw);
      const s = sepArg(sep);
      const m = maxsplitArg(ms);
      return sub(s === null ? M.splitWhitespace(val(self), m) : M.splitSep(val(self), s, m));
    }),
    fast("rsplit", (self, args, start, nargs, kw) => {
      const [sep, ms] = splitArgs("rsplit").parse(args, start, nargs, kw);
      const s = sepArg(sep);
      const m = maxsplitArg(ms);
      return sub(s === null ? M.rsplitWhitespace(val(self), m) : M.rsplitSep(val(self), s, m));
    }),
    fast("splitlines", (self, args, start, nargs, kw) => {
      const [ke] = splitlinesArgs.parse(args, start, nargs, kw);
      return sub(M.splitlines(val(self), ke !== null && PyObject_IsTrue(ke)));
    }),
    onearg("partition", (self, sepv) => {
      const sep = sepArg(sepv) as Uint8Array;
      const a = val(self);
      const k = M.indexOf(a, sep, 0, a.length);
      if (k < 0) return new PyTuple([copyOrSelf(self, null), wrap(new Uint8Array(0)), wrap(new Uint8Array(0))]);
      return new PyTuple([wrap(a.slice(0, k)), isBA ? wrap(sep) : sepv instanceof PyBytes && Py_TYPE(sepv) === PyBytes_Type ? sepv : wrap(sep), wrap(a.slice(k + sep.length))]);
    }),
    onearg("rpartition", (self, sepv) => {
      const sep = sepArg(sepv) as Uint8Array;
      const a = val(self);
      const k = M.lastIndexOf(a, sep, 0, a.length);
      if (k < 0) return new PyTuple([wrap(new Uint8Array(0)), wrap(new Uint8Array(0)), copyOrSelf(self, null)]);
      return new PyTuple([wrap(a.slice(0, k)), isBA ? wrap(sep) : sepv instanceof PyBytes && Py_TYPE(sepv) === PyBytes_Type ? sepv : wrap(sep), wrap(a.slice(k + sep.length))]);
    }),
    fast("replace", (self, args, start, nargs, kw) => {
      noKeywords(`${isBA ? "bytearray" : "bytes"}.replace`, kw);
      checkPositional("replace", nargs, 2, 3);
      const old = bufferArg(args[start]).slice();
      const rep = bufferArg(args[start + 1]).slice();
      const count = nargs > 2 ? PyNumber_AsSsize_t(args[start + 2], "overflow") : -1;
      const a = val(self);
      const r = M.replace(a, old, rep, count);
      return r === a ? copyOrSelf(self, null) : wrap(r);
    }),
    onearg("removeprefix", (self, p) => {
      const pre = bufferArg(p);
      const a = val(self);
      if (pre.length <= a.length && M.bytesEqual(a.subarray(0, pre.length), pre) && pre.length > 0) return wrap(a.slice(pre.length));
      return copyOrSelf(self, null);
    }),
    onearg("removesuffix", (self, p) => {
      const suf = bufferArg(p);
      const a = val(self);
      if (suf.length > 0 && suf.length <= a.length && M.bytesEqual(a.subarray(a.length - suf.length), suf)) return wrap(a.slice(0, a.length - suf.length));
      return copyOrSelf(self, null);
    }),
    fast("translate", (self, args, start, nargs, kw) => {
      const [tbl, del] = translateArgs.parse(args, start, nargs, kw);
      let table: Uint8Array | null = null;
      if (tbl !== null && tbl !== Py_None) {
        table = bufferArg(tbl);
        if (table.length !== 256) throw valueError("translation table must be 256 characters long");
      }
      const d = del === null ? null : bufferArg(del);
      const a = val(self);
      if (table === null && (d === null || d.length === 0)) return copyOrSelf(self, null);
      return wrap(M.translate(a, table, d));
    }),
    {
      name: "maketrans",
      kind: "fast",
      binding: "static",
      fn: ((_n: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null) => {
        noKeywords("maketrans", kw);
        checkPositional("maketrans", nargs, 2, 2);
        const frm = bufferArg(args[start]);
        const to = bufferArg(args[start + 1]);
        if (frm.length !== to.length) throw valueError("maketrans arguments must have same length");
        const t = new Uint8Array(256);
        for (let i = 0; i < 256; i++) t[i] = i;
        for (let i = 0; i < frm.length; i++) t[frm[i]] = to[i];
        return new PyBytes(t);
      }) as PyMethodDef["fn"],
    },
    {
      name: "fromhex",
      kind: "o",
      binding: "class",
      fn: ((cls: PyObject, s: PyObject) => {
        const out = fromhex(s);
        const t = cls as PyTypeObject;
        if (t === PyBytes_Type) return new PyBytes(out);
        if (t === PyByteArray_Type) return new PyByteArray(out);
        // a subclass is called with the result (CPython: _PyObject_CallOneArg(type, bytes))
        return PyObject_CallMethod(t, "__call__", isBA ? new PyByteArray(out) : new PyBytes(out));
      }) as PyMethodDef["fn"],
    },
    noargs("__sizeof__", (self) => (isBA ? 56 + ((self as PyByteArray).cap?.length ?? val(self).length + 1) : 33 + val(self).length)),
  ];
}

/** bytes.fromhex / bytearray.fromhex (CPython: _PyBytes_FromHex). */
function fromhex(s: PyObject): Uint8Array {
  let codes: Uint8Array;
  if (typeof s === "string") {
    codes = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      codes[i] = c > 255 ? 0xff : c;
      if (c > 127) codes[i] = 0xff;
    }
  } else {
    const b = bytesLike(s);
    if (b === null) throw typeError(`fromhex() argument must be str or bytes-like, not ${Py_TYPE(s).tp_name}`);
    codes = b;
  }
  const hexv = (c: number): number => (c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x61 && c <= 0x66 ? c - 87 : c >= 0x41 && c <= 0x46 ? c - 55 : -1);
  const out: number[] = [];
  const n = codes.length;
  let i = 0;
  while (i < n) {
    if (M.isSpaceByte(codes[i])) {
      i++;
      continue;
    }
    const hi = hexv(codes[i]);
    if (hi < 0) throw valueError(`non-hexadecimal number found in fromhex() arg at position ${i}`);
    if (i + 1 >= n) throw valueError("fromhex() arg must contain an even number of hexadecimal digits");
    const lo = hexv(codes[i + 1]);
    if (lo < 0) {
      if (M.isSpaceByte(codes[i + 1])) throw valueError("fromhex() arg must contain an even number of hexadecimal digits");
      throw valueError(`non-hexadecimal number found in fromhex() arg at position ${i + 1}`);
    }
    out.push((hi << 4) | lo);
    i += 2;
  }
  return Uint8Array.from(out);
}

// --- slots shared by bytes and bytearray ------------------------------------------------------------

/** CPython: bytesiterobject / bytearrayiterobject. */
export class PyBytesIter extends PyObjectBase {
  index = 0;
  constructor(public seq: PyObject | null) {
    super();
  }
}
export const PyBytesIter_Type = newStaticType("bytes_iterator", PyBaseObject_Type, 0);
PyBytesIter.prototype.ob_type = PyBytesIter_Type;
export const PyByteArrayIter_Type = newStaticType("bytearray_iterator", PyBaseObject_Type, 0);
for (const IT of [PyBytesIter_Type, PyByteArrayIter_Type]) {
  IT.tp_iter = (v) => v;
  IT.tp_iternext = (v) => {
    const it = v as PyBytesIter;
    if (it.seq === null) return null;
    const a = val(it.seq);
    if (it.index < a.length) return a[it.index++];
    it.seq = null;
    return null;
  };
  IT.tp_methods = [
    noargs("__length_hint__", (v) => {
      const it = v as PyBytesIter;
      return it.seq === null ? 0 : Math.max(0, val(it.seq).length - it.index);
    }),
  ];
}

export function bytesConcatError(w: PyObject, tname: string): never {
  throw typeError(`can't concat ${Py_TYPE(w).tp_name} to ${tname}`);
}

for (const T of [PyBytes_Type, PyByteArray_Type]) {
  const isBA = T === PyByteArray_Type;
  const wrap = (u: Uint8Array): PyObject => (isBA ? new PyByteArray(u) : new PyBytes(u));
  T.sq_length = (v) => val(v).length;
  T.sq_contains = (v, x) => {
    const a = val(v);
    if (PyIndex_Check(x)) {
      const c = byteArg(x);
      return a.includes(c);
    }
    const sub = bufferArg(x);
    return M.indexOf(a, sub, 0, a.length) >= 0;
  };
  T.sq_concat = (v, w) => {
    const a = bytesLike(v);
    const b = bytesLike(w);
    if (a === null || b === null) bytesConcatError(a === null ? v : w, isBA ? "bytearray" : "bytes");
    return wrap(M.concat(a, b));
  };
  T.sq_repeat = (v, n) => {
    const a = val(v);
    if (n <= 0 || a.length === 0) return wrap(new Uint8Array(0));
    if (n === 1 && !isBA && Py_TYPE(v) === PyBytes_Type) return v;
    if (a.length * n > 2 ** 53) throw PyErr_Format(PyExc_TypeError, "repeated bytes are too long");
    const r = new Uint8Array(a.length * n);
    for (let i = 0; i < n; i++) r.set(a, i * a.length);
    return wrap(r);
  };
  T.sq_item = (v, i) => {
    const a = val(v);
    if (i < 0 || i >= a.length) throw indexError(isBA ? "bytearray index out of range" : "index out of range");
    return a[i];
  };
  T.mp_subscript = (v, key) => {
    const a = val(v);
    if (typeof key === "number") {
      const i = key < 0 ? key + a.length : key;
      if (i < 0 || i >= a.length) throw indexError(isBA ? "bytearray index out of range" : "index out of range");
      return a[i];
    }
    if (key instanceof PySlice) {
      const [st, , step, n] = sliceIndices(key, a.length);
      if (step === 1) {
        if (!isBA && n === a.length && Py_TYPE(v) === PyBytes_Type) return v;
        return wrap(a.slice(st, st + n));
      }
      const r = new Uint8Array(n);
      for (let i = 0, j = st; i < n; i++, j += step) r[i] = a[j];
      return wrap(r);
    }
    if (!PyIndex_Check(key)) {
      throw typeError(`${isBA ? "bytearray" : "byte"} indices must be integers or slices, not ${Py_TYPE(key).tp_name}`);
    }
    let i = PyNumber_AsSsize_t(key, "index");
    if (i < 0) i += a.length;
    if (i < 0 || i >= a.length) throw indexError(isBA ? "bytearray index out of range" : "index out of range");
    return a[i];
  };
  T.mp_length = (v) => val(v).length;
  T.tp_richcompare = (v, w, op) => {
    // bytes compare with any bytes-like object; bytearray too (CPython: bytes_richcompare, bytearray_richcompare)
    let b: Uint8Array | null = null;
    if (w instanceof PyBytes || w instanceof PyByteArray) b = w.value;
    else if (isBA) b = PyObject_CheckBuffer(w) ? bytesLike(w) : null;
    if (b === null) return Py_NotImplemented;
    const a = val(v);
    if ((op === Py_EQ || op === Py_NE) && a.length !== b.length) return op === Py_NE;
    return cmpResult(M.compareBytes(a, b), op);
  };
  T.tp_iter = (v) => {
    const it = new PyBytesIter(v);
    if (isBA) it.ob_type = PyByteArrayIter_Type;
    return it;
  };
  T.nb_remainder = (v, w) => {
    if (!(v instanceof PyBytes || v instanceof PyByteArray)) return Py_NotImplemented;
    return wrap(bytesFormat(val(v), w));
  };
  T.tp_methods = sharedMethods(isBA, wrap);
}

// bytes' own slots and methods

PyBytes_Type.tp_new = (type, args, start, nargs, kwnames) => {
  const [src, encoding, errors] = bytesNewArgs.parse(args, start, nargs, kwnames);
  if (src !== null && encoding === null && errors === null && Py_TYPE(src) === PyBytes_Type && type === PyBytes_Type) return src;
  return makeBytes(type, bytesFromArgs("bytes", src, encoding, errors));
};
const bytesNewArgs = new ArgParser("bytes", ["source", "encoding", "errors"]);
PyBytes_Type.tp_repr = (v) => bytesRepr(val(v));
PyBytes_Type.tp_hash = (v) => PyObject_Hash(latin1(val(v)));
PyBytes_Type.tp_methods = [
  ...(PyBytes_Type.tp_methods ?? []),
  noargs("__getnewargs__", (self) => new PyTuple([new PyBytes(val(self))])),
  noargs("__bytes__", (self) => (Py_TYPE(self) === PyBytes_Type ? self : new PyBytes(val(self)))),
];

_setBytesClasses({
  isBytes: (v) => v instanceof PyBytes,
  isByteArray: (v) => v instanceof PyByteArray,
  value: (v) => (v as PyBytes).value,
  make: (u) => new PyBytes(u),
});
