// The .pyc file layout of CPython 3.14 (PEP 552; Lib/importlib/_bootstrap_external.py's
// _classify_pyc and _code_to_timestamp_pyc): a 16-byte header, then the marshalled code object.
//
//   0  magic number (3627 | b'\r\n' << 16, little-endian)
//   4  flags: 0 = checked by timestamp; bit 0 = hash-based, bit 1 = check_source
//   8  source mtime (seconds, mod 2**32) or, hash-based, the 8-byte source hash from here
//  12  source size (mod 2**32)
import type { PyObject } from "../objects/object.js";
import { PyMarshal_WriteObjectToString } from "./marshal.js";

/** CPython 3.14's MAGIC_NUMBER as a little-endian token: 3627 | '\r\n' << 16. */
export const PYC_MAGIC_NUMBER = 3627;
export const PYC_MAGIC_NUMBER_TOKEN = PYC_MAGIC_NUMBER | (0x0d << 16) | (0x0a << 24);

export interface PycHeader {
  flags: number;
  mtime: number;
  size: number;
}

/** Whether `data` starts with this version's .pyc magic number. */
export function hasPycMagic(data: Uint8Array): boolean {
  return data.length >= 4 && (data[0] | (data[1] << 8) | (data[2] << 16) | (data[3] << 24)) === (PYC_MAGIC_NUMBER_TOKEN | 0);
}

/** The header of a .pyc file of this version, or null (short, or another magic number). */
export function readPycHeader(data: Uint8Array): PycHeader | null {
  if (data.length < 16 || !hasPycMagic(data)) return null;
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  return { flags: dv.getUint32(4, true), mtime: dv.getUint32(8, true), size: dv.getUint32(12, true) };
}

/** A timestamp-checked .pyc of `code` (CPython: _code_to_timestamp_pyc). */
export function pycFromCode(code: PyObject, mtime: number, size: number): Uint8Array {
  const body = PyMarshal_WriteObjectToString(code, 5).value;
  const out = new Uint8Array(16 + body.length);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, PYC_MAGIC_NUMBER_TOKEN, true);
  dv.setUint32(4, 0, true);
  dv.setUint32(8, mtime >>> 0, true);
  dv.setUint32(12, size >>> 0, true);
  out.set(body, 16);
  return out;
}
