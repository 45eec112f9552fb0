// CPython: Modules/_struct.c — the _struct module (struct.py re-exports it): packing Python values
// into C structs described by format strings, with the native sizes and alignment of x86_64 Linux.
import {
  PyObjectBase, type PyObject, type PyMethodDef, type PyGetSetDef, newStaticType, PyBaseObject_Type, Py_None,
  Py_TYPE, type PyTypeObject,
} from "../objects/object.js";
import { PyModule } from "../objects/moduleobject.js";
import { PyTuple } from "../objects/tupleobject.js";
import { PyFloat } from "../objects/floatobject.js";
import { PyComplex } from "../objects/complexobject.js";
import { PyBytes, PyByteArray, latin1 } from "../objects/bytesobject.js";
import { newBuiltinFunction } from "../objects/methodobject.js";
import {
  PyIndex_Check, PyNumber_Index, PyObject_IsTrue, PyFloat_AsDouble, PyNumber_AsSsize_t, PyObject_Repr,
} from "../objects/abstract.js";
import { PyObject_GetBuffer, PyBuffer_Release, PyBUF_SIMPLE, PyBUF_WRITABLE } from "../objects/buffer.js";
import { PyErr_Format, typeError, PyErr_ExceptionMatches } from "../python/errors.js";
import { PyExc_Exception, PyExc_OverflowError, PyExc_TypeError, PyExc_BufferError } from "../objects/exceptions.js";
import { ArgParser, checkPositional, noKeywords } from "../python/getargs.js";
import { pack2, unpack2, float32Overflows } from "../objects/floatpack.js";
import { normBig } from "../objects/longobject.js";

/** struct.error (CPython: _structmodulestate.StructError). */
export const StructError = newStaticType("struct.error", PyExc_Exception);
const structError = (msg: string) => PyErr_Format(StructError, msg);

// --- format tables (CPython: native_table, lilendian_table, bigendian_table) ---------------------

interface Entry {
  size: number;
  /** Native alignment (0 in the standard tables: no padding). */
  align: number;
}
const NATIVE: Record<string, Entry> = {
  x: { size: 1, align: 0 }, c: { size: 1, align: 0 }, b: { size: 1, align: 0 }, B: { size: 1, align: 0 },
  "?": { size: 1, align: 1 }, h: { size: 2, align: 2 }, H: { size: 2, align: 2 }, i: { size: 4, align: 4 },
  I: { size: 4, align: 4 }, l: { size: 8, align: 8 }, L: { size: 8, align: 8 }, q: { size: 8, align: 8 },
  Q: { size: 8, align: 8 }, n: { size: 8, align: 8 }, N: { size: 8, align: 8 }, e: { size: 2, align: 2 },
  f: { size: 4, align: 4 }, d: { size: 8, align: 8 }, F: { size: 8, align: 4 }, D: { size: 16, align: 8 },
  s: { size: 1, align: 0 }, p: { size: 1, align: 0 }, P: { size: 8, align: 8 },
};
const STANDARD: Record<string, Entry> = {
  x: { size: 1, align: 0 }, c: { size: 1, align: 0 }, b: { size: 1, align: 0 }, B: { size: 1, align: 0 },
  "?": { size: 1, align: 0 }, h: { size: 2, align: 0 }, H: { size: 2, align: 0 }, i: { size: 4, align: 0 },
  I: { size: 4, align: 0 }, l: { size: 4, align: 0 }, L: { size: 4, align: 0 }, q: { size: 8, align: 0 },
  Q: { size: 8, align: 0 }, e: { size: 2, align: 0 }, f: { size: 4, align: 0 }, d: { size: 8, align: 0 },
  F: { size: 8, align: 0 }, D: { size: 16, align: 0 }, s: { size: 1, align: 0 }, p: { size: 1, align: 0 },
};

/** One value-carrying item of a compiled format. */
interface Code {
  c: string;
  offset: number;
  /** Bytes: the entry size, or the count for 's' and 'p'. */
  size: number;
}

/** A compiled format (CPython: PyStructObject's s_codes, s_size, s_len). */
export class CompiledFormat {
  constructor(
    readonly codes: Code[],
    readonly size: number,
    readonly le: boolean,
  ) {}
}

const MAX_SIZE = 2 ** 63 - 1;

/** Parses a format (CPython: prepare_s). Throws struct.error. */
export function compileFormat(fmt: string): CompiledFormat {
  let i = 0;
  let table = NATIVE;
  let le = true;
  const c0 = fmt[0];
  if (c0 === "@") i = 1;
  else if (c0 === "=" || c0 === "<") {
    table = STANDARD;
    i = 1;
  } else if (c0 === ">" || c0 === "!") {
    table = STANDARD;
    le = false;
    i = 1;
  }
  const codes: Code[] = [];
  let size = 0;
  const n = fmt.length;
  while (i < n) {
    let c = fmt[i++];
    if (c === " " || (c >= "\t" && c <= "\r")) continue;
    let num = 1;
    if (c >= "0" && c <= "9") {
      let big = BigInt(c.charCodeAt(0) - 48);
      while (i < n && fmt[i] >= "0" && fmt[i] <= "9") big = big * 10n + BigInt(fmt.charCodeAt(i++) - 48);
      if (i >= n) throw structError("repeat count given without format specifier");
      if (big > BigInt(MAX_SIZE)) throw structError("total struct size too long");
      num = Number(big);
      c = fmt[i++];
    }
    const e = table[c];
    if (e === undefined) throw structError("bad char in struct format");
    if (table === NATIVE && e.align && size > 0) size = Math.ceil(size / e.align) * e.align;
    if (c === "s" || c === "p") {
      codes.push({ c, offset: size, size: num });
    } else if (c !== "x") {
      for (let k = 0; k < num; k++) codes.push({ c, offset: size + k * e.size, size: e.size });
    }
    if (num > (MAX_SIZE - size) / e.size) throw structError("total struct size too long");
    size += num * e.size;
  }
  return new CompiledFormat(codes, size, le);
}

// --- packing single items (CPython: np_* / lp_* / bp_* pack functions) ---------------------------

// [lo, hi] by size and signedness; numbers where exact so the common comparisons stay unboxed
const RANGES = new Map<number, [number | bigint, number | bigint]>();
for (const bytes of [1, 2, 4, 8]) {
  const bits = BigInt(bytes * 8);
  const norm = (b: bigint): number | bigint => (b >= -(2n ** 53n) && b <= 2n ** 53n ? Number(b) : b);
  RANGES.set(bytes * 2 + 1, [norm(-(2n ** (bits - 1n))), norm(2n ** (bits - 1n) - 1n)]);
  RANGES.set(bytes * 2, [0, norm(2n ** bits - 1n)]);
}
const INT_RANGE = (bytes: number, signed: boolean) => RANGES.get(bytes * 2 + (signed ? 1 : 0)) as [number | bigint, number | bigint];

/** An integer argument (CPython: get_long / get_ulong). */
function getInt(v: PyObject): number | bigint {
  if (typeof v === "number" || typeof v === "bigint") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (!PyIndex_Check(v)) throw structError("required argument is not an integer");
  return PyNumber_Index(v);
}

function getDouble(v: PyObject): number {
  if (v instanceof PyFloat) return v.value;
  try {
    return PyFloat_AsDouble(v);
  } catch (e) {
    if (PyErr_ExceptionMatches(e, PyExc_TypeError)) throw structError("required argument is not a float");
    throw e;
  }
}

function writeInt(dv: DataView, p: number, size: number, x: number | bigint, le: boolean): void {
  switch (size) {
    case 1:
      dv.setUint8(p, Number(BigInt.asUintN(8, BigInt(x))));
      return;
    case 2:
      dv.setUint16(p, Number(BigInt.asUintN(16, BigInt(x))), le);
      return;
    case 4:
      dv.setUint32(p, Number(BigInt.asUintN(32, BigInt(x))), le);
      return;
    default:
      dv.setBigUint64(p, BigInt.asUintN(64, BigInt(x)), le);
  }
}

function packItem(code: Code, v: PyObject, buf: Uint8Array, dv: DataView, base: number, le: boolean): void {
  const p = base + code.offset;
  const c = code.c;
  switch (c) {
    case "b": case "B": case "h": case "H": case "i": case "I": case "l": case "L": case "q": case "Q":
    case "n": case "N": {
      const x = getInt(v);
      const signed = c === c.toLowerCase();
      const [lo, hi] = INT_RANGE(code.size, signed);
      if (x < lo || x > hi) throw structError(`'${c}' format requires ${lo} <= number <= ${hi}`);
      if (code.size <= 4 && typeof x === "number") {
        if (code.size === 1) buf[p] = x & 0xff;
        else if (code.size === 2) dv.setUint16(p, x & 0xffff, le);
        else dv.setUint32(p, x >>> 0, le);
      } else writeInt(dv, p, code.size, x, le);
      return;
    }
    case "P": {
      const x = BigInt(getInt(v));
      if (x < -(2n ** 63n) || x > 2n ** 64n - 1n) throw structError("int too large to convert");
      dv.setBigUint64(p, BigInt.asUintN(64, x), le);
      return;
    }
    case "?":
      buf[p] = PyObject_IsTrue(v) ? 1 : 0;
      return;
    case "e":
      pack2(getDouble(v), buf, p, le);
      return;
    case "f": {
      const d = getDouble(v);
      if (float32Overflows(d)) throw PyErr_Format(PyExc_OverflowError, "float too large to pack with f format");
      dv.setFloat32(p, d, le);
      return;
    }
    case "d":
      dv.setFloat64(p, getDouble(v), le);
      return;
    case "F": case "D": {
      let re: number;
      let im = 0;
      if (v instanceof PyComplex) {
        re = v.real;
        im = v.imag;
      } else {
        try {
          re = PyFloat_AsDouble(v);
        } catch (e) {
          if (PyErr_ExceptionMatches(e, PyExc_TypeError)) throw structError("required argument is not a complex");
          throw e;
        }
      }
      if (c === "F") {
        if (float32Overflows(re) || float32Overflows(im)) throw PyErr_Format(PyExc_OverflowError, "float too large to pack with f format");
        dv.setFloat32(p, re, le);
        dv.setFloat32(p + 4, im, le);
      } else {
        dv.setFloat64(p, re, le);
        dv.setFloat64(p + 8, im, le);
      }
      return;
    }
    case "c":
      if (!(v instanceof PyBytes) || v.value.length !== 1) throw structError("char format requires a bytes object of length 1");
      buf[p] = v.value[0];
      return;
    case "s": case "p": {
      let src: Uint8Array;
      if (v instanceof PyBytes || v instanceof PyByteArray) src = v.value;
      else throw structError(`argument for '${c}' must be a bytes object`);
      const size = code.size;
      if (c === "s") {
        const n = Math.min(src.length, size);
        buf.set(src.subarray(0, n), p);
        buf.fill(0, p + n, p + size);
      } else {
        const n = Math.min(src.length, size - 1);
        if (size > 0) {
          buf.set(src.subarray(0, Math.max(n, 0)), p + 1);
          buf.fill(0, p + 1 + Math.max(n, 0), p + size);
          buf[p] = Math.min(Math.max(n, 0), 255);
        }
      }
      return;
    }
  }
}

function unpackItem(code: Code, buf: Uint8Array, dv: DataView, base: number, le: boolean): PyObject {
  const p = base + code.offset;
  switch (code.c) {
    case "b":
      return (buf[p] << 24) >> 24;
    case "B":
      return buf[p];
    case "h":
      return dv.getInt16(p, le);
    case "H":
      return dv.getUint16(p, le);
    case "i":
      return dv.getInt32(p, le);
    case "I":
      return dv.getUint32(p, le);
    case "l": case "q": case "n":
      return code.size === 4 ? dv.getInt32(p, le) : normBig(dv.getBigInt64(p, le));
    case "L": case "Q": case "N": case "P":
      return code.size === 4 ? dv.getUint32(p, le) : normBig(dv.getBigUint64(p, le));
    case "?":
      return buf[p] !== 0;
    case "e":
      return new PyFloat(unpack2(buf, p, le));
    case "f":
      return new PyFloat(dv.getFloat32(p, le));
    case "d":
      return new PyFloat(dv.getFloat64(p, le));
    case "F":
      return new PyComplex(dv.getFloat32(p, le), dv.getFloat32(p + 4, le));
    case "D":
      return new PyComplex(dv.getFloat64(p, le), dv.getFloat64(p + 8, le));
    case "c":
      return new PyBytes(buf.slice(p, p + 1));
    case "s":
      return new PyBytes(buf.slice(p, p + code.size));
    case "p": {
      if (code.size === 0) return new PyBytes(new Uint8Array(0));
      let n = buf[p];
      if (n >= code.size) n = code.size - 1;
      return new PyBytes(buf.slice(p + 1, p + 1 + n));
    }
  }
  throw structError("bad char in struct format");
}

const dataView = (b: Uint8Array): DataView => new DataView(b.buffer, b.byteOffset, b.byteLength);

/** Packs values[start..start+n) into buf at `base` (CPython: s_pack_internal). */
export function packInto(f: CompiledFormat, values: readonly PyObject[], start: number, buf: Uint8Array, base: number): void {
  const dv = dataView(buf);
  // zero the padding first: items only write their own bytes
  buf.fill(0, base, base + f.size);
  for (let i = 0; i < f.codes.length; i++) packItem(f.codes[i], values[start + i], buf, dv, base, f.le);
}

/** Unpacks one struct at buf[base..] (CPython: s_unpack_internal). */
export function unpackAt(f: CompiledFormat, buf: Uint8Array, base: number): PyTuple {
  const dv = dataView(buf);
  const out = new Array<PyObject>(f.codes.length);
  for (let i = 0; i < f.codes.length; i++) out[i] = unpackItem(f.codes[i], buf, dv, base, f.le);
  return new PyTuple(out);
}

/** Item unpacking for memoryview's comparisons of non-native formats (CPython: struct_get_unpacker). */
export interface StructUnpacker {
  unpackSingle(buf: Uint8Array, p: number): PyObject;
}
export function structUnpackerFor(format: string, itemsize: number): StructUnpacker | null {
  let f: CompiledFormat;
  try {
    f = compileFormat(format);
  } catch (e) {
    if (e instanceof PyObjectBase && Py_TYPE(e) === StructError) return null;
    throw e;
  }
  if (f.size !== itemsize) return null;
  return {
    unpackSingle(buf, p) {
      const t = unpackAt(f, buf, p);
      return t.items.length === 1 ? t.items[0] : t;
    },
  };
}

// --- the Struct type -------------------------------------------------------------------------------

export class PyStruct extends PyObjectBase {
  constructor(
    readonly format: PyObject,
    readonly compiled: CompiledFormat,
  ) {
    super();
  }
}
export const PyStruct_Type = newStaticType("_struct.Struct", PyBaseObject_Type);
PyStruct.prototype.ob_type = PyStruct_Type;

/** The format as str (bytes formats are decoded as ASCII). */
function formatString(fmt: PyObject): string {
  let s: string;
  if (typeof fmt === "string") s = fmt;
  else if (fmt instanceof PyBytes) s = latin1(fmt.value);
  else throw typeError(`Struct() argument 1 must be a str or bytes object, not ${Py_TYPE(fmt).tp_name}`);
  if (s.includes("\0")) throw structError("embedded null character");
  return s;
}

const cache = new Map<string, PyStruct>();
const MAXCACHE = 100;
/** The cached Struct for a format (CPython: cache_struct_converter). */
function cachedStruct(fmt: PyObject): PyStruct {
  if (fmt instanceof PyStruct) return fmt;
  const key = typeof fmt === "string" ? fmt : fmt instanceof PyBytes ? "b:" + latin1(fmt.value) : null;
  if (key !== null) {
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
  }
  const s = newStruct(PyStruct_Type, fmt);
  if (key !== null) {
    if (cache.size >= MAXCACHE) cache.clear();
    cache.set(key, s);
  }
  return s;
}

function newStruct(type: PyTypeObject, fmt: PyObject): PyStruct {
  const s = new PyStruct(typeof fmt === "string" ? fmt : fmt instanceof PyBytes ? formatString(fmt) : fmt, compileFormat(formatString(fmt)));
  if (type !== PyStruct_Type) s.ob_type = type;
  return s;
}

function doPack(s: PyStruct, args: readonly PyObject[], start: number, nargs: number, fname: string): PyBytes {
  const f = s.compiled;
  if (nargs !== f.codes.length) throw structError(`${fname} expected ${f.codes.length} items for packing (got ${nargs})`);
  const out = new Uint8Array(f.size);
  packInto(f, args, start, out, 0);
  return new PyBytes(out);
}

function readBuffer<T>(obj: PyObject, fn: (b: Uint8Array) => T): T {
  const view = PyObject_GetBuffer(obj, PyBUF_SIMPLE);
  try {
    return fn(view.buf.subarray(view.offset, view.offset + view.len));
  } finally {
    PyBuffer_Release(view);
  }
}

function doUnpack(s: PyStruct, buffer: PyObject): PyTuple {
  return readBuffer(buffer, (b) => {
    if (b.length !== s.compiled.size) throw structError(`unpack requires a buffer of ${s.compiled.size} bytes`);
    return unpackAt(s.compiled, b, 0);
  });
}

function doUnpackFrom(s: PyStruct, buffer: PyObject, offsetArg: PyObject | null): PyTuple {
  let offset = offsetArg === null ? 0 : PyNumber_AsSsize_t(offsetArg, "index");
  return readBuffer(buffer, (b) => {
    const size = s.compiled.size;
    const len = b.length;
    if (offset < 0) {
      if (offset + len < 0) throw structError(`offset ${offset} out of range for ${len}-byte buffer`);
      if (offset + size > 0) throw structError(`not enough data to unpack ${size} bytes at offset ${offset}`);
      offset += len;
    }
    if (len - offset < size) {
      throw structError(`unpack_from requires a buffer of at least ${size + offset} bytes for unpacking ${size} bytes at offset ${offset} (actual buffer size is ${len})`);
    }
    return unpackAt(s.compiled, b, offset);
  });
}

function doPackInto(s: PyStruct, args: readonly PyObject[], start: number, nargs: number): PyObject {
  const f = s.compiled;
  if (nargs !== f.codes.length + 2) {
    if (nargs === 0) throw structError("pack_into expected buffer argument");
    if (nargs === 1) throw structError("pack_into expected offset argument");
    throw structError(`pack_into expected ${f.codes.length} items for packing (got ${nargs - 2})`);
  }
  let view;
  try {
    view = PyObject_GetBuffer(args[start], PyBUF_WRITABLE);
  } catch (e) {
    if (PyErr_ExceptionMatches(e, PyExc_TypeError) || PyErr_ExceptionMatches(e, PyExc_BufferError)) {
      throw typeError(`argument must be read-write bytes-like object, not ${Py_TYPE(args[start]).tp_name}`);
    }
    throw e;
  }
  try {
    let offset = PyNumber_AsSsize_t(args[start + 1], "index");
    const len = view.len;
    const size = f.size;
    if (offset < 0) {
      if (offset + len < 0) throw structError(`offset ${offset} out of range for ${len}-byte buffer`);
      if (offset + size > 0) throw structError(`no space to pack ${size} bytes at offset ${offset}`);
      offset += len;
    }
    if (len - offset < size) {
      throw structError(`pack_into requires a buffer of at least ${size + offset} bytes for packing ${size} bytes at offset ${offset} (actual buffer size is ${len})`);
    }
    // pack into a scratch copy first, so a failing item leaves the buffer unchanged
    const tmp = new Uint8Array(size);
    packInto(f, args, start + 2, tmp, 0);
    view.buf.set(tmp, view.offset + offset);
  } finally {
    PyBuffer_Release(view);
  }
  return Py_None;
}

/** CPython: unpackiterobject. */
class PyUnpackIter extends PyObjectBase {
  index = 0;
  constructor(
    readonly s: PyStruct,
    public data: Uint8Array | null,
  ) {
    super();
  }
}
const PyUnpackIter_Type = newStaticType("_struct.unpack_iterator", PyBaseObject_Type, 0);
PyUnpackIter.prototype.ob_type = PyUnpackIter_Type;
PyUnpackIter_Type.tp_iter = (v) => v;
PyUnpackIter_Type.tp_iternext = (v) => {
  const it = v as PyUnpackIter;
  if (it.data === null) return null;
  if (it.index + it.s.compiled.size > it.data.length) {
    it.data = null;
    return null;
  }
  const r = unpackAt(it.s.compiled, it.data, it.index);
  it.index += it.s.compiled.size;
  return r;
};
PyUnpackIter_Type.tp_new = () => {
  throw typeError("cannot create '_struct.unpack_iterator' instances");
};
PyUnpackIter_Type.tp_methods = [
  {
    name: "__length_hint__",
    kind: "noargs",
    fn: ((v: PyObject) => {
      const it = v as PyUnpackIter;
      return it.data === null ? 0 : Math.floor((it.data.length - it.index) / it.s.compiled.size);
    }) as PyMethodDef["fn"],
  },
];

function doIterUnpack(s: PyStruct, buffer: PyObject): PyObject {
  const size = s.compiled.size;
  if (size === 0) throw structError("cannot iteratively unpack with a struct of length 0");
  // the iterator keeps a copy: CPython holds the buffer export instead
  const data = readBuffer(buffer, (b) => b.slice());
  if (data.length % size !== 0) throw structError(`iterative unpacking requires a buffer of a multiple of ${size} bytes`);
  return new PyUnpackIter(s, data);
}

type Fast = (self: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null) => PyObject;
const method = (name: string, fn: Fast): PyMethodDef => ({ name, kind: "fast", fn: fn as PyMethodDef["fn"] });
const unpackFromArgs = new ArgParser("unpack_from", ["buffer", "offset"], { required: 1 });
const modUnpackFromArgs = new ArgParser("unpack_from", ["format", "buffer", "offset"], { required: 2, posonly: 1 });
const structNewArgs = new ArgParser("Struct", ["format"], { required: 1 });

PyStruct_Type.tp_new = (type, args, start, nargs, kw) => {
  const [fmt] = structNewArgs.parse(args, start, nargs, kw);
  return newStruct(type, fmt as PyObject);
};
PyStruct_Type.tp_repr = (v) => `${Py_TYPE(v).ht_qualname ?? "Struct"}(${PyObject_Repr((v as PyStruct).format)})`;
PyStruct_Type.tp_getset = [
  { name: "format", get: ((v: PyObject) => (v as PyStruct).format) as PyGetSetDef["get"] },
  { name: "size", get: ((v: PyObject) => (v as PyStruct).compiled.size) as PyGetSetDef["get"] },
];
PyStruct_Type.tp_methods = [
  method("pack", (self, args, start, nargs, kw) => {
    noKeywords("pack", kw);
    return doPack(self as PyStruct, args, start, nargs, "pack");
  }),
  method("pack_into", (self, args, start, nargs, kw) => {
    noKeywords("pack_into", kw);
    return doPackInto(self as PyStruct, args, start, nargs);
  }),
  method("unpack", (self, args, start, nargs, kw) => {
    noKeywords("unpack", kw);
    checkPositional("unpack", nargs, 1, 1);
    return doUnpack(self as PyStruct, args[start]);
  }),
  method("unpack_from", (self, args, start, nargs, kw) => {
    const [buffer, offset] = unpackFromArgs.parse(args, start, nargs, kw);
    return doUnpackFrom(self as PyStruct, buffer as PyObject, offset);
  }),
  method("iter_unpack", (self, args, start, nargs, kw) => {
    noKeywords("iter_unpack", kw);
    checkPositional("iter_unpack", nargs, 1, 1);
    return doIterUnpack(self as PyStruct, args[start]);
  }),
  { name: "__sizeof__", kind: "noargs", fn: ((v: PyObject) => 72 + 24 * ((v as PyStruct).compiled.codes.length + 1)) as PyMethodDef["fn"] },
];

export function initStruct(): PyModule {
  const m = new PyModule("_struct", "Functions to convert between Python values and C structs.");
  const d = m.dict;
  d.setStr("Struct", PyStruct_Type);
  d.setStr("error", StructError);
  const fn = (name: string, f: Fast): void => d.setStr(name, newBuiltinFunction(name, f, "_struct"));
  fn("pack", (_s, args, start, nargs, kw) => {
    noKeywords("pack", kw);
    if (nargs < 1) throw typeError("missing format argument");
    return doPack(cachedStruct(args[start]), args, start + 1, nargs - 1, "pack");
  });
  fn("pack_into", (_s, args, start, nargs, kw) => {
    noKeywords("pack_into", kw);
    if (nargs < 1) throw typeError("missing format argument");
    return doPackInto(cachedStruct(args[start]), args, start + 1, nargs - 1);
  });
  fn("unpack", (_s, args, start, nargs, kw) => {
    noKeywords("unpack", kw);
    checkPositional("unpack", nargs, 2, 2);
    return doUnpack(cachedStruct(args[start]), args[start + 1]);
  });
  fn("unpack_from", (_s, args, start, nargs, kw) => {
    const [fmt, buffer, offset] = modUnpackFromArgs.parse(args, start, nargs, kw);
    return doUnpackFrom(cachedStruct(fmt as PyObject), buffer as PyObject, offset);
  });
  fn("iter_unpack", (_s, args, start, nargs, kw) => {
    noKeywords("iter_unpack", kw);
    checkPositional("iter_unpack", nargs, 2, 2);
    return doIterUnpack(cachedStruct(args[start]), args[start + 1]);
  });
  fn("calcsize", (_s, args, start, nargs, kw) => {
    noKeywords("calcsize", kw);
    checkPositional("calcsize", nargs, 1, 1);
    return cachedStruct(args[start]).compiled.size;
  });
  fn("_clearcache", () => {
    cache.clear();
    return Py_None;
  });
  return m;
}
