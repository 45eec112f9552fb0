// CPython: Modules/binascii.c — conversions between binary data and ASCII encodings (base64, hex,
// quoted-printable, uuencode) and the CRC-32 / CRC-CCITT checksums.
import { type PyObject, newStaticType, Py_TYPE } from "../objects/object.js";
import { PyModule } from "../objects/moduleobject.js";
import { PyBytes } from "../objects/bytesobject.js";
import { PyTuple } from "../objects/tupleobject.js";
import { newBuiltinFunction } from "../objects/methodobject.js";
import { PyObject_IsTrue, PyNumber_Index } from "../objects/abstract.js";
import { PyObject_CheckBuffer, getContiguousBytes } from "../objects/buffer.js";
import { PyExc_Exception, PyExc_ValueError } from "../objects/exceptions.js";
import { PyErr_Format, typeError, valueError } from "../python/errors.js";
import { ArgParser, checkPositional, noKeywords } from "../python/getargs.js";
import { strhexBytes } from "../python/pystrhex.js";

export const BinasciiError = newStaticType("binascii.Error", PyExc_ValueError);
export const BinasciiIncomplete = newStaticType("binascii.Incomplete", PyExc_Exception);
const error = (msg: string) => PyErr_Format(BinasciiError, msg);

/** Data for the a2b_* functions: a buffer or an ASCII str (CPython: ascii_buffer_converter). */
function asciiData(v: PyObject): Uint8Array {
  if (typeof v === "string") {
    const out = new Uint8Array(v.length);
    for (let i = 0; i < v.length; i++) {
      const c = v.charCodeAt(i);
      if (c > 127) throw valueError("string argument should contain only ASCII characters");
      out[i] = c;
    }
    return out;
  }
  if (!PyObject_CheckBuffer(v)) throw typeError(`argument should be bytes, buffer or ASCII string, not '${Py_TYPE(v).tp_name}'`);
  return getContiguousBytes(v);
}

/** Data for the b2a_* functions: any bytes-like object. */
function binaryData(v: PyObject): Uint8Array {
  return getContiguousBytes(v);
}

/** A C unsigned int with bitwise conversion (CPython: unsigned_int(bitwise=True)). */
function uintBitwise(v: PyObject): number {
  const n = PyNumber_Index(v);
  return Number(BigInt.asUintN(32, BigInt(n)));
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const B64_DECODE = new Int8Array(256).fill(-1);
for (let i = 0; i < 64; i++) B64_DECODE[B64.charCodeAt(i)] = i;
const PAD = 0x3d;

function a2bBase64(data: Uint8Array, strict: boolean): Uint8Array {
  const out = new Uint8Array(Math.floor((data.length * 3) / 4) + 3);
  let o = 0;
  let quad = 0;
  let left = 0;
  let pads = 0;
  const n = data.length;
  for (let i = 0; i < n; i++) {
    const c = data[i];
    if (c === PAD) {
      // pads are skipped; in strict mode only those closing the last group are allowed
      pads++;
      if (quad >= 2 && quad + pads <= 4) continue;
      if (!strict) continue;
      if (quad === 1) break;
      throw error(quad === 0 && i === 0 ? "Leading padding not allowed" : "Excess padding not allowed");
    }
    const v = B64_DECODE[c];
    if (v < 0) {
      if (strict) throw error("Only base64 data is allowed");
      continue;
    }
    if (pads && strict) throw error(quad + pads === 4 ? "Excess data after padding" : "Discontinuous padding not allowed");
    pads = 0;
    switch (quad) {
      case 0:
        quad = 1;
        left = v;
        break;
      case 1:
        quad = 2;
        out[o++] = ((left << 2) | (v >> 4)) & 0xff;
        left = v & 0x0f;
        break;
      case 2:
        quad = 3;
        out[o++] = ((left << 4) | (v >> 2)) & 0xff;
        left = v & 0x03;
        break;
      default:
        quad = 0;
        out[o++] = ((left << 6) | v) & 0xff;
        left = 0;
    }
  }
  if (quad === 1) {
    throw error(`Invalid base64-encoded string: number of data characters (${Math.floor(o / 3) * 4 + 1}) cannot be 1 more than a multiple of 4`);
  }
  if (quad !== 0 && quad + pads < 4) throw error("Incorrect padding");
  return out.slice(0, o);
}

function b2aBase64(data: Uint8Array, newline: boolean): Uint8Array {
  const n = data.length;
  const out = new Uint8Array(Math.ceil(n / 3) * 4 + (newline ? 1 : 0));
  let o = 0;
  let i = 0;
  for (; i + 2 < n; i += 3) {
    const x = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
    out[o++] = B64.charCodeAt(x >> 18);
    out[o++] = B64.charCodeAt((x >> 12) & 63);
    out[o++] = B64.charCodeAt((x >> 6) & 63);
    out[o++] = B64.charCodeAt(x & 63);
  }
  if (n - i === 1) {
    out[o++] = B64.charCodeAt(data[i] >> 2);
    out[o++] = B64.charCodeAt((data[i] & 3) << 4);
    out[o++] = PAD;
    out[o++] = PAD;
  } else if (n - i === 2) {
    out[o++] = B64.charCodeAt(data[i] >> 2);
    out[o++] = B64.charCodeAt(((data[i] & 3) << 4) | (data[i + 1] >> 4));
    out[o++] = B64.charCodeAt((data[i + 1] & 15) << 2);
    out[o++] = PAD;
  }
  if (newline) out[o++] = 0x0a;
  return out;
}

function a2bUu(data: Uint8Array): Uint8Array {
  if (data.length === 0) throw error("Missing length byte");
  let p = 0;
  let len = data.length;
  let binLen = (data[p++] - 0x20) & 0o77;
  len--;
  const out = new Uint8Array(binLen);
  let o = 0;
  let leftbits = 0;
  let leftchar = 0;
  for (; binLen > 0; len--, p++) {
    let c = len > 0 ? data[p] : 0;
    if (c === 0x0a || c === 0x0d || len <= 0) {
      // whitespace: assume spaces got eaten at the end of the line
      c = 0;
    } else {
      if (c < 0x20 || c > 0x20 + 64) throw error("Illegal char");
      c = (c - 0x20) & 0o77;
    }
    leftchar = (leftchar << 6) | c;
    leftbits += 6;
    if (leftbits >= 8) {
      leftbits -= 8;
      out[o++] = (leftchar >> leftbits) & 0xff;
      leftchar &= (1 << leftbits) - 1;
      binLen--;
    }
  }
  while (len-- > 0) {
    const c = data[p++];
    if (c !== 0x20 && c !== 0x20 + 64 && c !== 0x0a && c !== 0x0d) throw error("Trailing garbage");
  }
  return out;
}

function b2aUu(data: Uint8Array, backtick: boolean): Uint8Array {
  const n = data.length;
  if (n > 45) throw error("At most 45 bytes at once");
  const out: number[] = [];
  const enc = (x: number): number => (backtick && x === 0 ? 0x60 : 0x20 + x);
  out.push(enc(n & 0o77));
  for (let i = 0; i < n; i += 3) {
    const a = data[i];
    const b = i + 1 < n ? data[i + 1] : 0;
    const c = i + 2 < n ? data[i + 2] : 0;
    out.push(enc(a >> 2), enc(((a << 4) | (b >> 4)) & 63), enc(((b << 2) | (c >> 6)) & 63), enc(c & 63));
  }
  out.push(0x0a);
  return Uint8Array.from(out);
}

const CRC32_TABLE = new Uint32Array(256);
for (let n = 0; n < 256; n++) {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  CRC32_TABLE[n] = c >>> 0;
}
/** CRC-32 of `data` continuing from `crc` (zlib's crc32). */
export function crc32(data: Uint8Array, crc: number): number {
  let c = ~crc >>> 0;
  for (let i = 0; i < data.length; i++) c = CRC32_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

const CRC_HQX_TABLE = new Uint16Array(256);
for (let n = 0; n < 256; n++) {
  let c = n << 8;
  for (let k = 0; k < 8; k++) c = c & 0x8000 ? ((c << 1) ^ 0x1021) & 0xffff : (c << 1) & 0xffff;
  CRC_HQX_TABLE[n] = c;
}
function crcHqx(data: Uint8Array, crc: number): number {
  crc &= 0xffff;
  for (let i = 0; i < data.length; i++) crc = ((crc << 8) & 0xff00) ^ CRC_HQX_TABLE[(crc >> 8) ^ data[i]];
  return crc;
}

function hexDigit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  return -1;
}

function a2bHex(data: Uint8Array): Uint8Array {
  if (data.length % 2) throw error("Odd-length string");
  const out = new Uint8Array(data.length / 2);
  for (let i = 0; i < out.length; i++) {
    const hi = hexDigit(data[2 * i]);
    const lo = hexDigit(data[2 * i + 1]);
    if (hi < 0 || lo < 0) throw error("Non-hexadecimal digit found");
    out[i] = (hi << 4) | lo;
  }
  return out;
}

function a2bQp(data: Uint8Array, header: boolean): Uint8Array {
  const out: number[] = [];
  const n = data.length;
  let i = 0;
  while (i < n) {
    if (data[i] === 0x3d) {
      i++;
      if (i >= n) break;
      if (data[i] === 0x0a || data[i] === 0x0d) {
        // a soft line break
        if (data[i] !== 0x0a) while (i < n && data[i] !== 0x0a) i++;
        if (i < n) i++;
      } else if (data[i] === 0x3d) {
        out.push(0x3d);
        i++;
      } else if (i + 1 < n && hexDigit(data[i]) >= 0 && hexDigit(data[i + 1]) >= 0) {
        out.push((hexDigit(data[i]) << 4) | hexDigit(data[i + 1]));
        i += 2;
      } else {
        out.push(0x3d);
      }
    } else if (header && data[i] === 0x5f) {
      out.push(0x20);
      i++;
    } else {
      out.push(data[i++]);
    }
  }
  return Uint8Array.from(out);
}

const UHEX = "0123456789ABCDEF";
const MAXLINESIZE = 76;

function b2aQp(data: Uint8Array, quotetabs: boolean, istext: boolean, header: boolean): Uint8Array {
  const n = data.length;
  // the line ends are CRLF when the first LF follows a CR
  const lf = data.indexOf(0x0a);
  const crlf = lf > 0 && data[lf - 1] === 0x0d;
  const out: number[] = [];
  const softBreak = (): void => {
    out.push(0x3d);
    if (crlf) out.push(0x0d);
    out.push(0x0a);
  };
  let linelen = 0;
  let i = 0;
  while (i < n) {
    const c = data[i];
    if (
      c > 126 || c === 0x3d || (header && c === 0x5f) ||
      (c === 0x2e && linelen === 0 && (i + 1 === n || data[i + 1] === 0x0a || data[i + 1] === 0x0d || data[i + 1] === 0)) ||
      (!istext && (c === 0x0d || c === 0x0a)) ||
      ((c === 0x09 || c === 0x20) && i + 1 === n) ||
      (c < 33 && c !== 0x0d && c !== 0x0a && (quotetabs || (c !== 0x09 && c !== 0x20)))
    ) {
      if (linelen + 3 >= MAXLINESIZE) {
        softBreak();
        linelen = 0;
      }
      out.push(0x3d, UHEX.charCodeAt(c >> 4), UHEX.charCodeAt(c & 15));
      i++;
      linelen += 3;
    } else if (istext && (c === 0x0a || (i + 1 < n && c === 0x0d && data[i + 1] === 0x0a))) {
      linelen = 0;
      // protect whitespace at the end of a line
      const last = out.length ? out[out.length - 1] : -1;
      if (last === 0x20 || last === 0x09) {
        out[out.length - 1] = 0x3d;
        out.push(UHEX.charCodeAt(last >> 4), UHEX.charCodeAt(last & 15));
      }
      if (crlf) out.push(0x0d);
      out.push(0x0a);
      i += c === 0x0d ? 2 : 1;
    } else {
      if (i + 1 !== n && data[i + 1] !== 0x0a && linelen + 1 >= MAXLINESIZE) {
        softBreak();
        linelen = 0;
      }
      linelen++;
      if (header && c === 0x20) {
        out.push(0x5f);
        i++;
      } else {
        out.push(data[i++]);
      }
    }
  }
  return Uint8Array.from(out);
}

type Fast = (self: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null) => PyObject;
const bytes = (u: Uint8Array): PyBytes => new PyBytes(u);

export function initBinascii(): PyModule {
  const m = new PyModule("binascii", "Conversion between binary data and ASCII");
  const d = m.dict;
  d.setStr("Error", BinasciiError);
  d.setStr("Incomplete", BinasciiIncomplete);
  const fn = (name: string, f: Fast): void => d.setStr(name, newBuiltinFunction(name, f, "binascii"));
  const p = (name: string, names: string[], opts: ConstructorParameters<typeof ArgParser>[2]) => new ArgParser(name, names, opts);

  const a2bB64 = p("a2b_base64", ["data", "strict_mode"], { posonly: 1, required: 1, kwonlyStart: 1 });
  fn("a2b_base64", (_s, a, st, n, kw) => {
    const [data, strict] = a2bB64.parse(a, st, n, kw);
    return bytes(a2bBase64(asciiData(data as PyObject), strict !== null && PyObject_IsTrue(strict)));
  });
  const b2aB64 = p("b2a_base64", ["data", "newline"], { posonly: 1, required: 1, kwonlyStart: 1 });
  fn("b2a_base64", (_s, a, st, n, kw) => {
    const [data, newline] = b2aB64.parse(a, st, n, kw);
    return bytes(b2aBase64(binaryData(data as PyObject), newline === null || PyObject_IsTrue(newline)));
  });
  fn("a2b_uu", (_s, a, st, n, kw) => {
    noKeywords("a2b_uu", kw);
    checkPositional("a2b_uu", n, 1, 1);
    return bytes(a2bUu(asciiData(a[st])));
  });
  const b2aUuArgs = p("b2a_uu", ["data", "backtick"], { posonly: 1, required: 1, kwonlyStart: 1 });
  fn("b2a_uu", (_s, a, st, n, kw) => {
    const [data, backtick] = b2aUuArgs.parse(a, st, n, kw);
    return bytes(b2aUu(binaryData(data as PyObject), backtick !== null && PyObject_IsTrue(backtick)));
  });
  fn("crc32", (_s, a, st, n, kw) => {
    noKeywords("crc32", kw);
    checkPositional("crc32", n, 1, 2);
    return crc32(binaryData(a[st]), n > 1 ? uintBitwise(a[st + 1]) : 0);
  });
  fn("crc_hqx", (_s, a, st, n, kw) => {
    noKeywords("crc_hqx", kw);
    checkPositional("crc_hqx", n, 2, 2);
    return crcHqx(binaryData(a[st]), uintBitwise(a[st + 1]));
  });
  for (const name of ["b2a_hex", "hexlify"]) {
    const hp = p(name, ["data", "sep", "bytes_per_sep"], { required: 1 });
    fn(name, (_s, a, st, n, kw) => {
      const [data, sep, bps] = hp.parse(a, st, n, kw);
      return bytes(strhexBytes(binaryData(data as PyObject), sep, bps));
    });
  }
  for (const name of ["a2b_hex", "unhexlify"]) {
    fn(name, (_s, a, st, n, kw) => {
      noKeywords(name, kw);
      checkPositional(name, n, 1, 1);
      return bytes(a2bHex(asciiData(a[st])));
    });
  }
  const a2bQpArgs = p("a2b_qp", ["data", "header"], { required: 1 });
  fn("a2b_qp", (_s, a, st, n, kw) => {
    const [data, header] = a2bQpArgs.parse(a, st, n, kw);
    return bytes(a2bQp(asciiData(data as PyObject), header !== null && PyObject_IsTrue(header)));
  });
  const b2aQpArgs = p("b2a_qp", ["data", "quotetabs", "istext", "header"], { required: 1 });
  fn("b2a_qp", (_s, a, st, n, kw) => {
    const [data, qt, istext, header] = b2aQpArgs.parse(a, st, n, kw);
    const flag = (v: PyObject | null, dflt: boolean): boolean => (v === null ? dflt : PyObject_IsTrue(v));
    return bytes(b2aQp(binaryData(data as PyObject), flag(qt, false), flag(istext, true), flag(header, false)));
  });
  return m;
}
