// CPython: Modules/zlibmodule.c — compress/decompress, compressobj/decompressobj, _ZlibDecompressor,
// crc32 and adler32, over the zlib library bundled with Node (see zlib_stream.ts for how).
//
// Node bundles Chromium's zlib fork, whose deflate finds matches differently from stock zlib:
// compressed bytes are valid deflate streams but are not byte-identical to CPython's for the same
// level (the decompressed data, checksums and stream framing are the same).
import { versions } from "node:process";
import { PyObjectBase, type PyObject, type PyMethodDef, type PyGetSetDef, newStaticType, PyBaseObject_Type } from "../objects/object.js";
import { PyModule } from "../objects/moduleobject.js";
import { PyBytes } from "../objects/bytesobject.js";
import type { PyTuple } from "../objects/tupleobject.js";
import { newBuiltinFunction } from "../objects/methodobject.js";
import { PyNumber_AsSsize_t, PyNumber_Index } from "../objects/abstract.js";
import { PyObject_CheckBuffer, getContiguousBytes } from "../objects/buffer.js";
import { PyExc_Exception, PyExc_EOFError } from "../objects/exceptions.js";
import { PyErr_Format, typeError, valueError } from "../python/errors.js";
import { ArgParser, checkPositional, noKeywords } from "../python/getargs.js";
import { asCInt } from "../python/pystrhex.js";
import { crc32 } from "./binascii.js";
import {
  ZStream, ZlibFailure, MODE_DEFLATE, MODE_DEFLATERAW, MODE_GZIP, Z_NO_FLUSH, Z_FINISH, Z_STREAM_ERROR, Z_BUF_ERROR, Z_DATA_ERROR,
} from "./zlib_stream.js";
import { Inflater, validInflateWbits } from "./zlib_inflate.js";

export const ZlibError = newStaticType("zlib.error", PyExc_Exception);

const MAX_WBITS = 15;
const DEF_MEM_LEVEL = 8;
const DEF_BUF_SIZE = 16384;
const CHUNK = 64 * 1024;

/** CPython: zlib_error — "Error <code> <context>[: <zlib message>]". */
function zlibError(err: number, context: string, msg: string | null): never {
  let m = msg;
  if (err === -6) m = "library version mismatch";
  if (m === null) {
    if (err === Z_BUF_ERROR) m = "incomplete or truncated stream";
    else if (err === Z_STREAM_ERROR) m = "inconsistent stream state";
    else if (err === Z_DATA_ERROR) m = "invalid input data";
  }
  throw PyErr_Format(ZlibError, m === null ? `Error ${err} ${context}` : `Error ${err} ${context}: ${m}`);
}
function raiseFailure(f: unknown, context: string): never {
  if (f instanceof ZlibFailure) zlibError(f.err, f.context ?? context, f.msg);
  throw f;
}

const bytes = (u: Uint8Array): PyBytes => new PyBytes(u);
const EMPTY = new Uint8Array(0);
function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b.slice();
  if (b.length === 0) return a;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** The deflateInit2 parameter checks; null when zlib would refuse (Z_STREAM_ERROR). */
function deflateParams(level: number, method: number, wbits: number, memLevel: number, strategy: number): { mode: number; bits: number } | null {
  let mode = MODE_DEFLATE;
  let bits = wbits;
  if (wbits < 0) {
    mode = MODE_DEFLATERAW;
    bits = -wbits;
  } else if (wbits > 15) {
    mode = MODE_GZIP;
    bits = wbits - 16;
  }
  if (memLevel < 1 || memLevel > 9 || method !== 8 || bits < 8 || bits > 15 || level < -1 || level > 9 || strategy < 0 || strategy > 4) return null;
  if (bits === 8 && mode !== MODE_DEFLATE) return null;
  return { mode, bits };
}

/** Runs deflate() over `data` with `flush` until it leaves output room (CPython's compress loop). */
function deflateAll(s: ZStream, data: Uint8Array, flush: number, context: string): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let off = 0;
  let len = data.length;
  const out = new Uint8Array(CHUNK);
  do {
    const err = s.write(flush, len ? data : null, off, len, out, CHUNK);
    if (err !== 0) zlibError(err, context, s.lastMsg || null);
    const produced = CHUNK - s.availOut;
    off += len - s.availIn;
    len = s.availIn;
    if (produced) {
      chunks.push(out.slice(0, produced));
      total += produced;
    }
  } while (s.availOut === 0);
  if (chunks.length === 1) return chunks[0];
  const res = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    res.set(c, o);
    o += c.length;
  }
  return res;
}

const intArg = (v: PyObject | null, dflt: number): number => (v === null ? dflt : asCInt(v));

// ---------------------------------------------------------------- Compress

class PyCompress extends PyObjectBase {
  constructor(public stream: ZStream | null) {
    super();
  }
}
export const PyCompress_Type = newStaticType("zlib.Compress", PyBaseObject_Type, 0);
PyCompress.prototype.ob_type = PyCompress_Type;
PyCompress_Type.tp_new = null;

function compressCopy(self: PyObject): PyObject {
  const s = (self as PyCompress).stream;
  if (s === null) throw valueError("Inconsistent stream state");
  if (!s.copyable) throw PyErr_Format(ZlibError, "copy() is unavailable after more than 64 MiB of input");
  return new PyCompress(s.copy());
}

type Fast = (self: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null) => PyObject;
const method = (name: string, fn: Fast): PyMethodDef => ({ name, kind: "fast", fn: fn as PyMethodDef["fn"] });
const noargs = (name: string, fn: (self: PyObject) => PyObject): PyMethodDef => ({ name, kind: "noargs", fn: fn as PyMethodDef["fn"] });

const compCompressArgs = new ArgParser("compress", ["data"], { posonly: 1, required: 1 });
const compFlushArgs = new ArgParser("flush", ["mode"], { posonly: 1 });
const decompFlushArgs = new ArgParser("flush", ["length"], { posonly: 1 });
PyCompress_Type.tp_methods = [
  method("compress", (self, args, start, nargs, kw) => {
    const [dataObj] = compCompressArgs.parse(args, start, nargs, kw);
    const data = getContiguousBytes(dataObj as PyObject);
    const s = (self as PyCompress).stream;
    if (s === null) zlibError(Z_STREAM_ERROR, "while compressing data", null);
    return bytes(deflateAll(s, data, Z_NO_FLUSH, "while compressing data"));
  }),
  method("flush", (self, args, start, nargs, kw) => {
    const [modeObj] = compFlushArgs.parse(args, start, nargs, kw);
    const mode = intArg(modeObj, Z_FINISH);
    if (mode === Z_NO_FLUSH) return bytes(EMPTY);
    const c = self as PyCompress;
    const s = c.stream;
    // Node's binding aborts on flush values zlib's deflate() would refuse
    if (s === null || mode < 0 || mode > 5) zlibError(Z_STREAM_ERROR, "while flushing", null);
    const out = deflateAll(s, EMPTY, mode, "while flushing");
    if (mode === Z_FINISH) {
      s.close();
      c.stream = null;
    }
    return bytes(out);
  }),
  noargs("copy", compressCopy),
  noargs("__copy__", compressCopy),
  { name: "__deepcopy__", kind: "o", fn: ((self: PyObject) => compressCopy(self)) as PyMethodDef["fn"] },
];

// ---------------------------------------------------------------- Decompress

class PyDecompress extends PyObjectBase {
  unusedData: Uint8Array = EMPTY;
  unconsumedTail: Uint8Array = EMPTY;
  eof = false;
  /** False once flush() reached the end (CPython: is_initialised). */
  open = true;
  constructor(public inflater: Inflater) {
    super();
  }
}
export const PyDecompress_Type = newStaticType("zlib.Decompress", PyBaseObject_Type, 0);
PyDecompress.prototype.ob_type = PyDecompress_Type;
PyDecompress_Type.tp_new = null;

/** CPython: save_unconsumed_input. */
function saveUnconsumed(d: PyDecompress, data: Uint8Array, consumed: number): void {
  const rest = data.subarray(consumed);
  if (d.inflater.eof) {
    if (rest.length) d.unusedData = concat(d.unusedData, rest);
    d.eof = true;
    if (d.unconsumedTail.length) d.unconsumedTail = EMPTY;
    return;
  }
  if (rest.length || d.unconsumedTail.length) d.unconsumedTail = rest.slice();
}

function decompressCopy(self: PyObject): PyObject {
  const d = self as PyDecompress;
  if (!d.open) throw valueError("Inconsistent stream state");
  if (!d.inflater.copyable) throw PyErr_Format(ZlibError, "copy() is unavailable after more than 64 MiB of input");
  const c = new PyDecompress(d.inflater.copy());
  c.unusedData = d.unusedData;
  c.unconsumedTail = d.unconsumedTail;
  c.eof = d.eof;
  return c;
}

const decompMethodArgs = new ArgParser("decompress", ["data", "max_length"], { posonly: 1, required: 1 });
PyDecompress_Type.tp_methods = [
  method("decompress", (self, args, start, nargs, kw) => {
    const [dataObj, maxObj] = decompMethodArgs.parse(args, start, nargs, kw);
    const data = getContiguousBytes(dataObj as PyObject).slice();
    const maxLength = maxObj === null ? 0 : PyNumber_AsSsize_t(maxObj);
    if (maxLength < 0) throw valueError("max_length must be non-negative");
    const d = self as PyDecompress;
    let r;
    try {
      r = d.inflater.decompress(data, maxLength === 0 ? Infinity : maxLength);
    } catch (e) {
      raiseFailure(e, "while decompressing data");
    }
    saveUnconsumed(d, data, r.consumed);
    return bytes(r.out);
  }),
  method("flush", (self, args, start, nargs, kw) => {
    const [lengthObj] = decompFlushArgs.parse(args, start, nargs, kw);
    const length = lengthObj === null ? DEF_BUF_SIZE : PyNumber_AsSsize_t(lengthObj);
    if (length <= 0) throw valueError("length must be greater than zero");
    const d = self as PyDecompress;
    const data = d.unconsumedTail;
    let r;
    try {
      r = d.inflater.decompress(data, Infinity);
    } catch (e) {
      // CPython's flush returns what it has rather than raising for a corrupt tail
      if (!(e instanceof ZlibFailure)) throw e;
      r = { out: EMPTY, consumed: 0 };
    }
    saveUnconsumed(d, data, r.consumed);
    if (d.inflater.eof) {
      d.inflater.close();
      d.open = false;
    }
    return bytes(r.out);
  }),
  noargs("copy", decompressCopy),
  noargs("__copy__", decompressCopy),
  { name: "__deepcopy__", kind: "o", fn: ((self: PyObject) => decompressCopy(self)) as PyMethodDef["fn"] },
];
PyDecompress_Type.tp_getset = [
  { name: "unused_data", get: ((v: PyObject) => bytes((v as PyDecompress).unusedData)) as PyGetSetDef["get"] },
  { name: "unconsumed_tail", get: ((v: PyObject) => bytes((v as PyDecompress).unconsumedTail)) as PyGetSetDef["get"] },
  { name: "eof", get: ((v: PyObject) => (v as PyDecompress).eof) as PyGetSetDef["get"] },
];

// ---------------------------------------------------------------- _ZlibDecompressor

class PyZlibDecompressor extends PyObjectBase {
  unusedData: Uint8Array = EMPTY;
  /** Input not yet consumed (CPython: input_buffer). */
  buffered: Uint8Array = EMPTY;
  needsInput = true;
  constructor(public inflater: Inflater) {
    super();
  }
}
export const PyZlibDecompressor_Type = newStaticType("zlib._ZlibDecompressor", PyBaseObject_Type, 0);
PyZlibDecompressor.prototype.ob_type = PyZlibDecompressor_Type;
PyZlibDecompressor_Type.tp_doc =
  "_ZlibDecompressor(wbits=15, zdict=b'')\n--\n\nCreate a decompressor object for decompressing data incrementally.";

function zdictArg(v: PyObject | null): Uint8Array | null {
  if (v === null) return null;
  if (!PyObject_CheckBuffer(v)) throw typeError("zdict argument must support the buffer protocol");
  return getContiguousBytes(v).slice();
}

function newInflater(wbits: number, zdict: Uint8Array | null): Inflater {
  if (!validInflateWbits(wbits)) throw valueError("Invalid initialization option");
  return new Inflater(wbits, zdict);
}

const zdNewArgs = new ArgParser("_ZlibDecompressor", ["wbits", "zdict"]);
PyZlibDecompressor_Type.tp_new = (_type, args, start, nargs, kw) => {
  const [w, z] = zdNewArgs.parse(args, start, nargs, kw);
  const wbits = intArg(w, MAX_WBITS);
  // any object is accepted; it must be a buffer only when used (set at once for a raw stream)
  const zdict = z === null || (!PyObject_CheckBuffer(z) && wbits >= 0) ? null : getContiguousBytes(z).slice();
  return new PyZlibDecompressor(newInflater(wbits, zdict));
};
const zdDecompArgs = new ArgParser("decompress", ["data", "max_length"], { required: 1 });
PyZlibDecompressor_Type.tp_methods = [
  method("decompress", (self, args, start, nargs, kw) => {
    const [dataObj, maxObj] = zdDecompArgs.parse(args, start, nargs, kw);
    const fresh = getContiguousBytes(dataObj as PyObject);
    const maxLength = maxObj === null ? -1 : PyNumber_AsSsize_t(maxObj);
    const d = self as PyZlibDecompressor;
    if (d.inflater.eof) throw PyErr_Format(PyExc_EOFError, "End of stream already reached");
    const data = concat(d.buffered, fresh);
    let r;
    try {
      r = d.inflater.decompress(data, maxLength < 0 ? Infinity : maxLength);
    } catch (e) {
      raiseFailure(e, "while decompressing data");
    }
    const rest = data.subarray(r.consumed);
    if (d.inflater.eof) {
      d.needsInput = false;
      if (rest.length) d.unusedData = rest.slice();
      d.buffered = EMPTY;
      d.inflater.close();
    } else if (rest.length === 0) {
      d.buffered = EMPTY;
      d.needsInput = true;
    } else {
      d.buffered = rest.slice();
      d.needsInput = false;
    }
    return bytes(r.out);
  }),
];
PyZlibDecompressor_Type.tp_getset = [
  { name: "eof", get: ((v: PyObject) => (v as PyZlibDecompressor).inflater.eof) as PyGetSetDef["get"] },
  { name: "unused_data", get: ((v: PyObject) => bytes((v as PyZlibDecompressor).unusedData)) as PyGetSetDef["get"] },
  { name: "needs_input", get: ((v: PyObject) => (v as PyZlibDecompressor).needsInput) as PyGetSetDef["get"] },
];

// ---------------------------------------------------------------- checksums

/** A C unsigned int with bitwise conversion (CPython: unsigned_int(bitwise=True)). */
function uintBitwise(v: PyObject): number {
  const n = PyNumber_Index(v);
  return typeof n === "number" && n >= 0 && n <= 0xffffffff ? n : Number(BigInt.asUintN(32, BigInt(n)));
}

/** zlib's adler32, continuing from `value`. */
export function adler32(data: Uint8Array, value: number): number {
  let a = value & 0xffff;
  let b = (value >>> 16) & 0xffff;
  const n = data.length;
  // zlib reduces the sums less for short inputs; the results differ for unreduced start values
  if (n === 1) {
    a += data[0];
    if (a >= 65521) a -= 65521;
    b += a;
    if (b >= 65521) b -= 65521;
    return ((b << 16) | a) >>> 0;
  }
  if (n < 16) {
    for (let i = 0; i < n; i++) {
      a += data[i];
      b += a;
    }
    if (a >= 65521) a -= 65521;
    return ((b % 65521) * 65536 + a) >>> 0;
  }
  let i = 0;
  while (i < n) {
    // 5552 is the most bytes before the sums can overflow 2^32 (zlib's NMAX)
    const end = Math.min(i + 5552, n);
    for (; i < end; i++) {
      a += data[i];
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}

// ---------------------------------------------------------------- module

export function initZlib(): PyModule {
  const m = new PyModule(
    "zlib",
    "The functions in this module allow compression and decompression using the\nzlib library, which is based on GNU zip.\n\n" +
      "adler32(string[, start]) -- Compute an Adler-32 checksum.\ncompress(data[, level]) -- Compress data, with compression level 0-9 or -1.\n" +
      "compressobj([level[, ...]]) -- Return a compressor object.\ncrc32(string[, start]) -- Compute a CRC-32 checksum.\n" +
      "decompress(string,[wbits],[bufsize]) -- Decompresses a compressed string.\ndecompressobj([wbits[, zdict]]) -- Return a decompressor object.\n\n" +
      "'wbits' is window buffer size and container format.\nCompressor objects support compress() and flush() methods; decompressor\nobjects support decompress() and flush().",
  );
  const d = m.dict;
  const fn = (name: string, f: Fast): void => d.setStr(name, newBuiltinFunction(name, f, "zlib"));

  const compressArgs = new ArgParser("compress", ["data", "level", "wbits"], { posonly: 1, required: 1 });
  fn("compress", (_s, a, st, n, kw) => {
    const [dataObj, lv, wb] = compressArgs.parse(a, st, n, kw);
    const data = getContiguousBytes(dataObj as PyObject);
    const level = intArg(lv, -1);
    const wbits = intArg(wb, MAX_WBITS);
    const p = deflateParams(level, 8, wbits, DEF_MEM_LEVEL, 0);
    if (p === null) throw PyErr_Format(ZlibError, "Bad compression level");
    const s = new ZStream({ mode: p.mode, windowBits: p.bits, level, memLevel: DEF_MEM_LEVEL, strategy: 0, dict: null });
    try {
      return bytes(deflateAll(s, data, Z_FINISH, "while compressing data"));
    } finally {
      s.close();
    }
  });

  const decompressArgs = new ArgParser("decompress", ["data", "wbits", "bufsize"], { posonly: 1, required: 1 });
  fn("decompress", (_s, a, st, n, kw) => {
    const [dataObj, wb, bs] = decompressArgs.parse(a, st, n, kw);
    const data = getContiguousBytes(dataObj as PyObject);
    const wbits = intArg(wb, MAX_WBITS);
    const bufsize = bs === null ? DEF_BUF_SIZE : PyNumber_AsSsize_t(bs);
    if (bufsize < 0) throw valueError("bufsize must be non-negative");
    if (!validInflateWbits(wbits)) zlibError(Z_STREAM_ERROR, "while preparing to decompress data", null);
    const inf = new Inflater(wbits, null);
    try {
      const r = inf.decompress(data, Infinity);
      if (!inf.eof) zlibError(Z_BUF_ERROR, "while decompressing data", null);
      return bytes(r.out);
    } catch (e) {
      raiseFailure(e, "while decompressing data");
    } finally {
      inf.close();
    }
  });

  const compressobjArgs = new ArgParser("compressobj", ["level", "method", "wbits", "memLevel", "strategy", "zdict"]);
  fn("compressobj", (_s, a, st, n, kw) => {
    const [lv, me, wb, ml, stg, zd] = compressobjArgs.parse(a, st, n, kw);
    const level = intArg(lv, -1);
    const meth = intArg(me, 8);
    const wbits = intArg(wb, MAX_WBITS);
    const memLevel = intArg(ml, DEF_MEM_LEVEL);
    const strategy = intArg(stg, 0);
    const zdict = zd === null ? null : getContiguousBytes(zd).slice();
    const p = deflateParams(level, meth, wbits, memLevel, strategy);
    if (p === null) throw valueError("Invalid initialization option");
    // deflateSetDictionary refuses a gzip stream
    if (zdict !== null && p.mode === MODE_GZIP) throw valueError("Invalid dictionary");
    const dict = zdict !== null && zdict.length ? zdict : null;
    return new PyCompress(new ZStream({ mode: p.mode, windowBits: p.bits, level, memLevel, strategy, dict }));
  });

  const decompressobjArgs = new ArgParser("decompressobj", ["wbits", "zdict"]);
  fn("decompressobj", (_s, a, st, n, kw) => {
    const [wb, zd] = decompressobjArgs.parse(a, st, n, kw);
    const wbits = intArg(wb, MAX_WBITS);
    const zdict = zdictArg(zd);
    return new PyDecompress(newInflater(wbits, zdict));
  });

  fn("crc32", (_s, a, st, n, kw) => {
    noKeywords("zlib.crc32", kw);
    checkPositional("crc32", n, 1, 2);
    const data = getContiguousBytes(a[st]);
    return crc32(data, n > 1 ? uintBitwise(a[st + 1]) : 0);
  });
  fn("adler32", (_s, a, st, n, kw) => {
    noKeywords("zlib.adler32", kw);
    checkPositional("adler32", n, 1, 2);
    const data = getContiguousBytes(a[st]);
    return adler32(data, n > 1 ? uintBitwise(a[st + 1]) : 1);
  });

  d.setStr("error", ZlibError);
  d.setStr("_ZlibDecompressor", PyZlibDecompressor_Type);
  const ints: [string, number][] = [
    ["MAX_WBITS", MAX_WBITS], ["DEFLATED", 8], ["DEF_MEM_LEVEL", DEF_MEM_LEVEL], ["DEF_BUF_SIZE", DEF_BUF_SIZE],
    ["Z_NO_COMPRESSION", 0], ["Z_BEST_SPEED", 1], ["Z_BEST_COMPRESSION", 9], ["Z_DEFAULT_COMPRESSION", -1],
    ["Z_FILTERED", 1], ["Z_HUFFMAN_ONLY", 2], ["Z_RLE", 3], ["Z_FIXED", 4], ["Z_DEFAULT_STRATEGY", 0],
    ["Z_NO_FLUSH", 0], ["Z_PARTIAL_FLUSH", 1], ["Z_SYNC_FLUSH", 2], ["Z_FULL_FLUSH", 3], ["Z_FINISH", 4], ["Z_BLOCK", 5], ["Z_TREES", 6],
  ];
  for (const [k, v] of ints) d.setStr(k, v);
  // Node reports e.g. "1.3.1-e00f703" (Chromium's fork); zlib.h's ZLIB_VERSION is the release
  const runtime = versions.zlib ?? "";
  d.setStr("ZLIB_VERSION", runtime.replace(/-.*$/, ""));
  d.setStr("ZLIB_RUNTIME_VERSION", runtime);
  d.setStr("__version__", "1.0");
  return m;
}
