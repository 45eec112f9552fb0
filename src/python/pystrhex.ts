// CPython: Python/pystrhex.c (_Py_strhex_impl) — bytes.hex, bytearray.hex, memoryview.hex, binascii.hexlify.
import { type PyObject, Py_None } from "../objects/object.js";
import { PyBytes } from "../objects/bytesobject.js";
import { PyObject_Size, PyNumber_Index } from "../objects/abstract.js";
import { typeError, valueError, overflowError } from "./errors.js";

const HEX = "0123456789abcdef";

/** A C int argument (CPython: PyLong_AsInt after __index__). */
export function asCInt(v: PyObject): number {
  if (typeof v === "number" && Number.isInteger(v)) {
    if (v < -2147483648 || v > 2147483647) throw overflowError("Python int too large to convert to C int");
    return v;
  }
  if (typeof v === "boolean") return v ? 1 : 0;
  const n = PyNumber_Index(v);
  if (typeof n !== "number" || n < -2147483648 || n > 2147483647) throw overflowError("Python int too large to convert to C int");
  return n;
}

/** The separator character code, or -1 for none; `returnBytes` allows any byte value. */
function sepChar(sep: PyObject | null, returnBytes: boolean): number {
  if (sep === null || sep === Py_None) return -1;
  const seplen = PyObject_Size(sep);
  if (seplen !== 1) throw valueError("sep must be length 1.");
  let c: number;
  if (typeof sep === "string") {
    c = sep.codePointAt(0) as number;
    if (c > 127) throw valueError("sep must be ASCII.");
  } else if (sep instanceof PyBytes) {
    c = sep.value[0];
  } else {
    throw typeError("sep must be str or bytes.");
  }
  if (c > 127 && !returnBytes) throw valueError("sep must be ASCII.");
  return c;
}

/** Hex digits of `b` with an optional separator every `bytes_per_sep` bytes (counted from the right when positive). */
function hexCodes(b: Uint8Array, sep: PyObject | null, bps: PyObject | null, returnBytes: boolean): number[] | string {
  const sc = sepChar(sep, returnBytes);
  const per = bps === null ? 1 : asCInt(bps);
  if (b.length === 0) return "";
  if (sc < 0 || per === 0) {
    let s = "";
    for (let i = 0; i < b.length; i++) s += HEX[b[i] >> 4] + HEX[b[i] & 15];
    return s;
  }
  const abs = Math.abs(per);
  const out: number[] = [];
  const n = b.length;
  for (let i = 0; i < n; i++) {
    // a separator goes before byte i when a group boundary falls there
    if (i > 0 && (per > 0 ? (n - i) % abs === 0 : i % abs === 0)) out.push(sc);
    out.push(HEX.charCodeAt(b[i] >> 4), HEX.charCodeAt(b[i] & 15));
  }
  return out;
}

/** The hex str of `b` (CPython: _Py_strhex_with_sep). */
export function strhex(b: Uint8Array, sep: PyObject | null, bps: PyObject | null, _fname = "hex"): string {
  const r = hexCodes(b, sep, bps, false);
  if (typeof r === "string") return r;
  let s = "";
  for (let i = 0; i < r.length; i += 8192) s += String.fromCharCode(...r.slice(i, i + 8192));
  return s;
}

/** The hex bytes of `b` (CPython: _Py_strhex_bytes_with_sep). */
export function strhexBytes(b: Uint8Array, sep: PyObject | null, bps: PyObject | null): Uint8Array {
  const r = hexCodes(b, sep, bps, true);
  if (typeof r !== "string") return Uint8Array.from(r);
  const out = new Uint8Array(r.length);
  for (let i = 0; i < r.length; i++) out[i] = r.charCodeAt(i);
  return out;
}

