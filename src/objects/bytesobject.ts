// CPython: Objects/bytesobject.c, Objects/bytearrayobject.c, Objects/bytes_methods.c
import {
  PyObjectBase, type PyObject, type PyMethodDef, newStaticType, PyBaseObject_Type, Py_None, Py_NotImplemented,
  Py_TPFLAGS_BASETYPE, Py_TPFLAGS_BYTES_SUBCLASS, Py_TYPE, type PyTypeObject,
} from "./object.js";
import { PyTuple } from "./tupleobject.js";
import { PyList, PyList_Type } from "./listobject.js";
import { PySlice, sliceIndices } from "./sliceobject.js";
import {
  PyObject_CallMethod, PyObject_CallNoArgs, _PyObject_LookupSpecial, PyNumber_Index, PyNumber_AsSsize_t,
  PyIndex_Check, iterableToArray, PyObject_GetIter, PyObject_Str, PyObject_Hash,
} from "./abstract.js";
import { typeError, valueError, indexError, PyErr_ExceptionMatches, PyErr_Format } from "../python/errors.js";
import { ArgParser } from "../python/getargs.js";
import { asStr } from "./unicodeobject.js";
import { cmpResult } from "./longobject.js";
import { percentFormat } from "./unicode_format.js";
import { PyObject_CheckBuffer, getContiguousBytes, PyBuffer_FillInfo } from "./buffer.js";
import { newException, PyExc_BufferError, PyExc_TypeError, PyExc_UnicodeDecodeError, PyExc_LookupError } from "./exceptions.js";

export class PyBytes extends PyObjectBase {
  constructor(public readonly value: Uint8Array) {
    super();
  }
}
export const PyBytes_Type = newStaticType("bytes", PyBaseObject_Type, Py_TPFLAGS_BASETYPE | Py_TPFLAGS_BYTES_SUBCLASS);
PyBytes.prototype.ob_type = PyBytes_Type;

/** bytearray: a mutable byte buffer (`value` is replaced when it grows). */
export class PyByteArray extends PyObjectBase {
  /** Buffers exported (memoryviews etc.): while > 0 the bytearray cannot be resized. */
  exports = 0;
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
  else ba.value = v;
}

function needBytes(v: PyObject, what = "a bytes-like object is required"): Uint8Array {
  const b = bytesLike(v);
  if (b === null) throw typeError(`${what}, not '${Py_TYPE(v).tp_name}'`);
  return b;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const r = new Uint8Array(a.length + b.length);
  r.set(a, 0);
  r.set(b, a.length);
  return r;
}

function compare(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return a.length - b.length;
}

function indexOf(hay: Uint8Array, needle: Uint8Array, from: number, to: number): number {
  outer: for (let i = from; i + needle.length <= to; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
function lastIndexOf(hay: Uint8Array, needle: Uint8Array, from: number, to: number): number {
  outer: for (let i = to - needle.length; i >= from; i--) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** The sub-sequence argument of find/count/...: bytes-like or an int. */
function subArg(v: PyObject): Uint8Array {
  const b = bytesLike(v);
  if (b !== null) return b;
  if (typeof v === "number" || typeof v === "boolean") {
    const n = Number(v);
    if (n < 0 || n > 255) throw valueError("byte must be in range(0, 256)");
    return Uint8Array.of(n);
  }
  throw typeError(`argument should be integer or bytes-like object, not '${Py_TYPE(v).tp_name}'`);
}

/** Bytes from bytes(x) / bytearray(x) arguments (CPython: bytes_new / PyBytes_FromObject). */
function bytesFromArgs(name: string, args: readonly PyObject[], start: number, nargs: number, kwnames: PyTuple | null): Uint8Array {
  const [src, encoding, errors] = new ArgParser(name, ["source", "encoding", "errors"]).parse(args, start, nargs, kwnames);
  if (src === null) {
    if (encoding !== null || errors !== null) throw typeError(encoding !== null ? "encoding without a string argument" : "errors without a string argument");
    return new Uint8Array(0);
  }
  if (typeof src === "string") {
    if (encoding === null) throw typeError("string argument without an encoding");
    return (PyObject_CallMethod(src, "encode", encoding, errors ?? "strict") as PyBytes).value;
  }
  if (encoding !== null) throw typeError("encoding without a string argument");
  const b = bytesLike(src);
  if (b !== null) return b.slice();
  if (typeof src === "number" || typeof src === "bigint") {
    if (src < 0) throw valueError("negative count");
    return new Uint8Array(Number(src));
  }
  const bytesMeth = src instanceof PyObjectBase ? _PyObject_LookupSpecial(src, "__bytes__") : null;
  if (bytesMeth !== null) return needBytes(PyObject_CallNoArgs(bytesMeth));
  if (Py_TYPE(src).nb_index !== null) {
    const n = Number(PyNumber_Index(src));
    if (n < 0) throw valueError("negative count");
    return new Uint8Array(n);
  }
  let items: PyObject[];
  try {
    items = iterableToArray(src);
  } catch (e) {
    if (PyErr_ExceptionMatches(e, PyExc_TypeError)) throw typeError(`cannot convert '${Py_TYPE(src).tp_name}' object to ${name}`);
    throw e;
  }
  const out = new Uint8Array(items.length);
  items.forEach((x, i) => {
    const n = PyNumber_Index(x);
    if (typeof n !== "number" || n < 0 || n > 255) throw valueError("bytes must be in range(0, 256)");
    out[i] = n;
  });
  return out;
}

function makeBytes(type: PyTypeObject, v: Uint8Array): PyObject {
  const b = new PyBytes(v);
  if (type !== PyBytes_Type) b.ob_type = type;
  return b;
}

// --- slots shared by bytes and bytearray -------------------------------------------------------------

const decodeArgs = new ArgParser("decode", ["encoding", "errors"]);
const splitArgs = new ArgParser("split", ["sep", "maxsplit"]);
const findArgs = (n: string) => new ArgParser(n, ["sub", "start", "end"], { posonly: 3, required: 1 });


const val = (v: PyObject): Uint8Array => (v as PyBytes | PyByteArray).value;

for (const T of [PyBytes_Type, PyByteArray_Type]) {
  const isBA = T === PyByteArray_Type;
  const wrap = (u: Uint8Array): PyObject => (isBA ? new PyByteArray(u) : new PyBytes(u));
  T.sq_length = (v) => val(v).length;
  T.sq_contains = (v, x) => {
    const sub = subArg(x);
    return indexOf(val(v), sub, 0, val(v).length) >= 0;
  };
  T.sq_concat = (v, w) => {
    const b = bytesLike(w);
    if (b === null) throw typeError(`can't concat ${Py_TYPE(w).tp_name} to ${T.tp_name}`);
    return wrap(concat(val(v), b));
  };
  T.sq_repeat = (v, n) => {
    const a = val(v);
    if (n <= 0) return wrap(new Uint8Array(0));
    const r = new Uint8Array(a.length * n);
    for (let i = 0; i < n; i++) r.set(a, i * a.length);
    return wrap(r);
  };
  T.mp_subscript = (v, key) => {
    const a = val(v);
    if (key instanceof PySlice) {
      const [st, , step, n] = sliceIndices(key, a.length);
      if (step === 1) return wrap(a.slice(st, st + n));
      const r = new Uint8Array(n);
      for (let i = 0, j = st; i < n; i++, j += step) r[i] = a[j];
      return wrap(r);
    }
    if (!PyIndex_Check(key)) throw typeError(`byte indices must be integers or slices, not ${Py_TYPE(key).tp_name}`);
    let i = PyNumber_AsSsize_t(key, "index");
    if (i < 0) i += a.length;
    if (i < 0 || i >= a.length) throw indexError(isBA ? "bytearray index out of range" : "index out of range");
    return a[i];
  };
  T.tp_richcompare = (v, w, op) => {
    const b = bytesLike(w);
    if (b === null) return Py_NotImplemented;
    return cmpResult(compare(val(v), b), op);
  };
  T.tp_iter = (v) => PyObject_GetIter(new PyList(Array.from(val(v))));
  T.nb_remainder = (v, w) => wrap(new TextEncoder().encode(percentFormat(latin1(val(v)), bytesArgsAsLatin1(w))));
  T.tp_methods = [
    {
      name: "decode",
      kind: "fast",
      fn: ((self: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null) => {
        const [enc, errs] = decodeArgs.parse(args, start, nargs, kw);
        return decodeBytes(val(self), codecNameArg("decode", "encoding", enc, "utf-8"), codecNameArg("decode", "errors", errs, "strict"));
      }) as PyMethodDef["fn"],
    },
    {
      name: "hex",
      kind: "fast",
      fn: ((self: PyObject) => Array.from(val(self), (x) => HEX[x >> 4] + HEX[x & 15]).join("")) as PyMethodDef["fn"],
    },
    {
      name: "join",
      kind: "o",
      fn: ((self: PyObject, it: PyObject) => {
        const parts = iterableToArray(it).map((x, i) => {
          const b = bytesLike(x);
          if (b === null) throw typeError(`sequence item ${i}: expected a bytes-like object, ${Py_TYPE(x).tp_name} found`);
          return b;
        });
        const sep = val(self);
        let r: Uint8Array = new Uint8Array(0);
        parts.forEach((p, i) => (r = concat(i ? concat(r, sep) : r, p)));
        return wrap(r);
      }) as PyMethodDef["fn"],
    },
    findMethod("find", false, false),
    findMethod("rfind", true, false),
    findMethod("index", false, true),
    findMethod("rindex", true, true),
    {
      name: "count",
      kind: "o",
      fn: ((self: PyObject, x: PyObject) => {
        const a = val(self);
        const sub = subArg(x);
        if (sub.length === 0) return a.length + 1;
        let n = 0;
        for (let i = indexOf(a, sub, 0, a.length); i >= 0; i = indexOf(a, sub, i + sub.length, a.length)) n++;
        return n;
      }) as PyMethodDef["fn"],
    },
    startsEnds("startswith", false),
    startsEnds("endswith", true),
    viaLatin1("upper", (s) => s.replace(/[a-z]+/g, (m) => m.toUpperCase()), wrap),
    viaLatin1("lower", (s) => s.replace(/[A-Z]+/g, (m) => m.toLowerCase()), wrap),
    {
      name: "strip",
      kind: "fast",
      fn: ((self: PyObject, args: readonly PyObject[], start: number, nargs: number) => wrap(stripBytes(val(self), nargs ? args[start] : Py_None, true, true))) as PyMethodDef["fn"],
    },
    {
      name: "lstrip",
      kind: "fast",
      fn: ((self: PyObject, args: readonly PyObject[], start: number, nargs: number) => wrap(stripBytes(val(self), nargs ? args[start] : Py_None, true, false))) as PyMethodDef["fn"],
    },
    {
      name: "rstrip",
      kind: "fast",
      fn: ((self: PyObject, args: readonly PyObject[], start: number, nargs: number) => wrap(stripBytes(val(self), nargs ? args[start] : Py_None, false, true))) as PyMethodDef["fn"],
    },
    {
      name: "split",
      kind: "fast",
      fn: ((self: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null) => {
        const [sep, maxsplit] = splitArgs.parse(args, start, nargs, kw);
        const s = latin1(val(self));
        const m = maxsplit === null ? -1 : Number(PyNumber_Index(maxsplit));
        const r = PyObject_CallMethod(s, "split", sep === null || sep === Py_None ? Py_None : latin1(needBytes(sep)), m) as PyList;
        return new PyList(r.items.map((x) => wrap(fromLatin1(x as string))));
      }) as PyMethodDef["fn"],
    },
    {
      name: "replace",
      kind: "fast",
      fn: ((self: PyObject, args: readonly PyObject[], start: number, nargs: number) => {
        if (nargs < 2) throw typeError(`replace expected at least 2 arguments, got ${nargs}`);
        const r = PyObject_CallMethod(latin1(val(self)), "replace", latin1(needBytes(args[start])), latin1(needBytes(args[start + 1])), nargs > 2 ? args[start + 2] : -1);
        return wrap(fromLatin1(r as string));
      }) as PyMethodDef["fn"],
    },
    {
      name: "isdigit",
      kind: "noargs",
      fn: ((self: PyObject) => val(self).length > 0 && val(self).every((c) => c >= 48 && c <= 57)) as PyMethodDef["fn"],
    },
    {
      name: "isalpha",
      kind: "noargs",
      fn: ((self: PyObject) => val(self).length > 0 && val(self).every((c) => (c | 32) >= 97 && (c | 32) <= 122)) as PyMethodDef["fn"],
    },
    {
      name: "isspace",
      kind: "noargs",
      fn: ((self: PyObject) => val(self).length > 0 && val(self).every((c) => c === 32 || (c >= 9 && c <= 13))) as PyMethodDef["fn"],
    },
    {
      name: "fromhex",
      kind: "o",
      binding: "class",
      fn: ((cls: PyObject, s: PyObject) => {
        if (typeof s !== "string") throw typeError(`fromhex() argument must be str, not ${Py_TYPE(s).tp_name}`);
        const t = s.replace(/\s+/g, "");
        if (t.length % 2 || /[^0-9a-fA-F]/.test(t)) throw valueError("non-hexadecimal number found in fromhex() arg");
        const out = new Uint8Array(t.length / 2);
        for (let i = 0; i < out.length; i++) out[i] = parseInt(t.slice(2 * i, 2 * i + 2), 16);
        return cls === PyByteArray_Type ? new PyByteArray(out) : makeBytes(cls as PyTypeObject, out);
      }) as PyMethodDef["fn"],
    },
  ];
}

function latin1(b: Uint8Array): string {
  let s = "";
  for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, i + 8192));
  return s;
}
function fromLatin1(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
function bytesArgsAsLatin1(w: PyObject): PyObject {
  const conv = (x: PyObject): PyObject => {
    const b = bytesLike(x);
    return b !== null ? latin1(b) : x;
  };
  return w instanceof PyTuple ? new PyTuple(w.items.map(conv)) : conv(w);
}
function viaLatin1(name: string, f: (s: string) => string, wrap: (u: Uint8Array) => PyObject): PyMethodDef {
  return { name, kind: "noargs", fn: ((self: PyObject) => wrap(fromLatin1(f(latin1(val(self)))))) as PyMethodDef["fn"] };
}
function stripBytes(a: Uint8Array, chars: PyObject, left: boolean, right: boolean): Uint8Array {
  const set = chars === Py_None ? new Set([32, 9, 10, 11, 12, 13]) : new Set(needBytes(chars));
  let i = 0;
  let j = a.length;
  if (left) while (i < j && set.has(a[i])) i++;
  if (right) while (j > i && set.has(a[j - 1])) j--;
  return a.slice(i, j);
}


function bounds(a: Uint8Array, s: PyObject | null, e: PyObject | null): [number, number] {
  const n = a.length;
  let i = s === null || s === Py_None ? 0 : PyNumber_AsSsize_t(s, "clamp");
  let j = e === null || e === Py_None ? n : PyNumber_AsSsize_t(e, "clamp");
  if (i < 0) i = Math.max(0, i + n);
  if (j < 0) j = Math.max(0, j + n);
  return [i, Math.min(j, n)];
}

function findMethod(name: string, rev: boolean, raise: boolean): PyMethodDef {
  const p = findArgs(name);
  return {
    name,
    kind: "fast",
    fn: ((self: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null) => {
      const [sub, s, e] = p.parse(args, start, nargs, kw);
      const a = val(self);
      const [i, j] = bounds(a, s, e);
      const needle = subArg(sub as PyObject);
      const r = rev ? lastIndexOf(a, needle, i, j) : indexOf(a, needle, i, j);
      if (r < 0 && raise) throw valueError(`subsection not found`);
      return r;
    }) as PyMethodDef["fn"],
  };
}

function startsEnds(name: string, ends: boolean): PyMethodDef {
  const p = findArgs(name);
  return {
    name,
    kind: "fast",
    fn: ((self: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null) => {
      const [pre, s, e] = p.parse(args, start, nargs, kw);
      const a = val(self);
      const [i, j] = bounds(a, s, e);
      const test = (x: PyObject): boolean => {
        const b = bytesLike(x);
        if (b === null) throw typeError(`${name} first arg must be bytes or a tuple of bytes, not ${Py_TYPE(x).tp_name}`);
        if (j - i < b.length) return false;
        const at = ends ? j - b.length : i;
        for (let k = 0; k < b.length; k++) if (a[at + k] !== b[k]) return false;
        return true;
      };
      if (pre instanceof PyTuple) return pre.items.some(test);
      return test(pre as PyObject);
    }) as PyMethodDef["fn"],
  };
}

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

PyBytes_Type.tp_new = (type, args, start, nargs, kwnames) => makeBytes(type, bytesFromArgs("bytes", args, start, nargs, kwnames));
PyBytes_Type.tp_repr = (v) => bytesRepr(val(v));
PyBytes_Type.tp_hash = (v) => PyObject_Hash(latin1(val(v)));
PyByteArray_Type.tp_new = (type) => {
  const b = new PyByteArray(new Uint8Array(0));
  if (type !== PyByteArray_Type) b.ob_type = type;
  return b;
};
PyByteArray_Type.tp_init = (self, args, start, nargs, kwnames) => {
  setByteArray(self as PyByteArray, bytesFromArgs("bytearray", args, start, nargs, kwnames));
};
PyByteArray_Type.tp_repr = (v) => `${Py_TYPE(v).tp_name}(${bytesRepr(val(v))})`;
PyByteArray_Type.tp_hash = null;
PyByteArray_Type.mp_ass_subscript = (v, key, value) => {
  const ba = v as PyByteArray;
  if (key instanceof PySlice) {
    const items = Array.from(ba.value);
    const l = new PyList(items);
    (PyList_Type.mp_ass_subscript as NonNullable<typeof PyList_Type.mp_ass_subscript>)(l, key, value === null ? null : new PyList(Array.from(value === null ? [] : needBytes(value))));
    setByteArray(ba, Uint8Array.from(l.items as number[]));
    return;
  }
  let i = PyNumber_AsSsize_t(key, "index");
  if (i < 0) i += ba.value.length;
  if (i < 0 || i >= ba.value.length) throw indexError("bytearray index out of range");
  if (value === null) {
    setByteArray(ba, concat(ba.value.subarray(0, i), ba.value.subarray(i + 1)));
    return;
  }
  const n = PyNumber_Index(value);
  if (typeof n !== "number" || n < 0 || n > 255) throw valueError("byte must be in range(0, 256)");
  ba.value[i] = n;
};
PyByteArray_Type.sq_inplace_concat = (v, w) => {
  setByteArray(v as PyByteArray, concat(val(v), needBytes(w, `can't concat ${Py_TYPE(w).tp_name} to bytearray`)));
  return v;
};
PyByteArray_Type.tp_methods = [
  ...(PyByteArray_Type.tp_methods ?? []),
  {
    name: "append",
    kind: "o",
    fn: ((self: PyObject, x: PyObject) => {
      const n = PyNumber_Index(x);
      if (typeof n !== "number" || n < 0 || n > 255) throw valueError("byte must be in range(0, 256)");
      setByteArray(self as PyByteArray, concat(val(self), Uint8Array.of(n)));
      return Py_None;
    }) as PyMethodDef["fn"],
  },
  {
    name: "extend",
    kind: "o",
    fn: ((self: PyObject, x: PyObject) => {
      const b = bytesLike(x) ?? Uint8Array.from(iterableToArray(x).map((y) => Number(PyNumber_Index(y))));
      setByteArray(self as PyByteArray, concat(val(self), b));
      return Py_None;
    }) as PyMethodDef["fn"],
  },
  { name: "copy", kind: "noargs", fn: ((self: PyObject) => new PyByteArray(val(self).slice())) as PyMethodDef["fn"] },
  {
    name: "clear",
    kind: "noargs",
    fn: ((self: PyObject) => {
      setByteArray(self as PyByteArray, new Uint8Array(0));
      return Py_None;
    }) as PyMethodDef["fn"],
  },
];

