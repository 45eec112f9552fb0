// CPython: Python/fileutils.c (Py_DecodeLocale, _Py_EncodeLocaleRaw) and the file system encoding
// of Objects/unicodeobject.c (PyUnicode_DecodeFSDefault, PyUnicode_EncodeFSDefault).
//
// The file system encoding is UTF-8 with the surrogateescape error handler, as CPython's under a
// UTF-8 locale: undecodable bytes 0x80-0xff become lone surrogates U+DC80-U+DCFF and back.
import { newException, PyExc_UnicodeEncodeError } from "../objects/exceptions.js";

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });
const encoder = new TextEncoder();

/** Bytes from the OS as a str (CPython: PyUnicode_DecodeFSDefaultAndSize). */
export function fsDecode(b: Uint8Array): string {
  // fast path: ASCII or valid UTF-8
  let ascii = true;
  for (let i = 0; i < b.length; i++) {
    if (b[i] >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return String.fromCharCode.apply(null, b as unknown as number[]);
  try {
    return strictUtf8.decode(b);
  } catch {
    return decodeSurrogateEscape(b);
  }
}

/** The length of the valid UTF-8 sequence starting at b[i], or 0 (CPython's decoder rules: no overlongs, no surrogates). */
function utf8SeqLength(b: Uint8Array, i: number): number {
  const c = b[i];
  const cont = (k: number): boolean => i + k < b.length && (b[i + k] & 0xc0) === 0x80;
  if (c < 0x80) return 1;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    if (!cont(1) || !cont(2)) return 0;
    const c1 = b[i + 1];
    if (c === 0xe0 && c1 < 0xa0) return 0;
    if (c === 0xed && c1 >= 0xa0) return 0; // surrogates
    return 3;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    const c1 = b[i + 1];
    if (c === 0xf0 && c1 < 0x90) return 0;
    if (c === 0xf4 && c1 >= 0x90) return 0;
    return 4;
  }
  return 0;
}

function decodeSurrogateEscape(b: Uint8Array): string {
  let out = "";
  let i = 0;
  while (i < b.length) {
    const n = utf8SeqLength(b, i);
    if (n === 0) {
      out += String.fromCharCode(0xdc00 + b[i]);
      i++;
    } else {
      out += strictUtf8.decode(b.subarray(i, i + n));
      i += n;
    }
  }
  return out;
}

/** Whether s holds a lone surrogate (which TextEncoder would replace). */
function hasLoneSurrogate(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) {
      if (c <= 0xdbff && i + 1 < s.length) {
        const d = s.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          i++;
          continue;
        }
      }
      return true;
    }
  }
  return false;
}

/** Code-point index of UTF-16 index i (for error positions). */
function codePointIndex(s: string, i: number): number {
  let n = 0;
  for (let k = 0; k < i; k++) {
    const c = s.charCodeAt(k);
    if (c >= 0xd800 && c <= 0xdbff && k + 1 < i) {
      const d = s.charCodeAt(k + 1);
      if (d >= 0xdc00 && d <= 0xdfff) k++;
    }
    n++;
  }
  return n;
}

/** A str for the OS as bytes (CPython: PyUnicode_EncodeFSDefault); raises UnicodeEncodeError for other lone surrogates. */
export function fsEncode(s: string): Uint8Array {
  if (!hasLoneSurrogate(s)) return encoder.encode(s);
  const parts: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) {
      if (c <= 0xdbff && i + 1 < s.length) {
        const d = s.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          for (const x of encoder.encode(s.slice(i, i + 2))) parts.push(x);
          i++;
          continue;
        }
      }
      if (c >= 0xdc80 && c <= 0xdcff) {
        parts.push(c - 0xdc00);
        continue;
      }
      const pos = codePointIndex(s, i);
      throw newException(PyExc_UnicodeEncodeError, ["utf-8", s, pos, pos + 1, "surrogates not allowed"]);
    }
    if (c < 0x80) parts.push(c);
    else for (const x of encoder.encode(s[i])) parts.push(x);
  }
  return Uint8Array.from(parts);
}

/** Whether a str can go to Node as it is (no lone surrogates: Node would turn them into U+FFFD). */
export function fsIsPlain(s: string): boolean {
  return !hasLoneSurrogate(s);
}
