// CPython: Objects/unicodeobject.c — PyUnicode_AsEncodedString and PyUnicode_Decode: str.encode,
// bytes.decode and str(bytes, encoding) with fast paths for UTF-8/16/32, ASCII and Latin-1 and the
// codec registry for everything else.
import { type PyObject, Py_TYPE } from "./object.js";
import { PyBytes, PyByteArray, setBytesDecodeHook } from "./bytesobject.js";
import { asStr } from "./unicodeobject.js";
import { PyMemoryView_FromMemory } from "./memoryobject.js";
import { setEncodeHook } from "./unicode_methods.js";
import { PyExc_RuntimeWarning } from "./exceptions.js";
import { typeError } from "../python/errors.js";
import { normalizeEncoding, _PyCodec_EncodeText, _PyCodec_DecodeText, warnFormat } from "../python/codecs.js";
import { encodeUTF8, decodeUTF8, encodeUCS1, decodeASCII, decodeLatin1 } from "./unicode_codecs.js";
import { encodeUTF16, decodeUTF16, encodeUTF32, decodeUTF32 } from "./unicode_codecs_utf.js";

type Fast = "utf8" | "utf16" | "utf32" | "ascii" | "latin1" | null;

/** The codecs implemented here (CPython: the shortcuts after _Py_normalize_encoding). */
function fastCodec(encoding: string): Fast {
  // the common spellings first, without normalizing
  switch (encoding) {
    case "utf-8":
    case "utf8":
      return "utf8";
    case "ascii":
      return "ascii";
    case "latin-1":
    case "latin1":
      return "latin1";
  }
  let lower = normalizeEncoding(encoding);
  if (lower.startsWith("utf")) {
    lower = lower.slice(3);
    if (lower[0] === "_") lower = lower.slice(1);
    if (lower === "8") return "utf8";
    if (lower === "16") return "utf16";
    if (lower === "32") return "utf32";
    return null;
  }
  if (lower === "ascii" || lower === "us_ascii") return "ascii";
  if (lower === "latin1" || lower === "latin_1" || lower === "iso_8859_1" || lower === "iso8859_1") return "latin1";
  return null;
}

/** CPython: PyUnicode_AsEncodedString (null encoding: UTF-8; null errors: strict). */
export function PyUnicode_AsEncodedString(s: string, encoding: string | null, errors: string | null): Uint8Array {
  switch (encoding === null ? "utf8" : fastCodec(encoding)) {
    case "utf8":
      return encodeUTF8(s, errors);
    case "utf16":
      return encodeUTF16(s, errors, 0);
    case "utf32":
      return encodeUTF32(s, errors, 0);
    case "ascii":
      return encodeUCS1(s, errors, 128);
    case "latin1":
      return encodeUCS1(s, errors, 256);
  }
  const enc = encoding as string;
  const v = _PyCodec_EncodeText(s, enc, errors);
  if (v instanceof PyBytes) return v.value;
  if (v instanceof PyByteArray) {
    warnFormat(PyExc_RuntimeWarning, `encoder ${enc} returned bytearray instead of bytes; use codecs.encode() to encode to arbitrary types`);
    return v.value.slice();
  }
  throw typeError(`'${enc}' encoder returned '${Py_TYPE(v).tp_name}' instead of 'bytes'; use codecs.encode() to encode to arbitrary types`);
}

/** CPython: PyUnicode_Decode (null encoding: UTF-8; null errors: strict). */
export function PyUnicode_Decode(b: Uint8Array, encoding: string | null, errors: string | null): string {
  switch (encoding === null ? "utf8" : fastCodec(encoding)) {
    case "utf8":
      return decodeUTF8(b, errors, true)[0];
    case "utf16":
      return decodeUTF16(b, errors, true, 0)[0];
    case "utf32":
      return decodeUTF32(b, errors, true, 0)[0];
    case "ascii":
      return decodeASCII(b, errors);
    case "latin1":
      return decodeLatin1(b);
  }
  const enc = encoding as string;
  // CPython passes a (read-only) memoryview over the buffer
  const v: PyObject = _PyCodec_DecodeText(PyMemoryView_FromMemory(b, true), enc, errors);
  const s = asStr(v);
  if (s === null) {
    throw typeError(`'${enc}' decoder returned '${Py_TYPE(v).tp_name}' instead of 'str'; use codecs.decode() to decode to arbitrary types`);
  }
  return s;
}

setEncodeHook((s, encoding, errors) => PyUnicode_AsEncodedString(s, encoding, errors));
setBytesDecodeHook((b, encoding, errors) => PyUnicode_Decode(b, encoding, errors));
