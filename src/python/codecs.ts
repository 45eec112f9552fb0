// CPython: Python/codecs.c — the codec registry (search functions, lookup cache), the error
// handler registry and the built-in error handlers (strict, ignore, replace, ...).
//
// The `encodings` package registers the first search function; as in CPython it is imported
// lazily, by the first lookup that the fast paths (utf-8, ascii, latin-1) do not answer.
import { type PyObject, Py_None, Py_TYPE, type PyMethodDef, PyObjectBase } from "../objects/object.js";
import { PyTuple, PyTuple_Type } from "../objects/tupleobject.js";
import { PyDict } from "../objects/dictobject.js";
import { PyBytes } from "../objects/bytesobject.js";
import { PyCFunction } from "../objects/methodobject.js";
import {
  PyObject_CallOneArg, PyObject_Call, PyObject_GetOptionalAttr, PyObject_IsTrue, PyCallable_Check,
} from "../objects/abstract.js";
import {
  newException, PyBaseException, PyUnicodeError, PyExc_LookupError, PyExc_UnicodeEncodeError,
  PyExc_UnicodeDecodeError, PyExc_UnicodeTranslateError, PyExc_UnicodeError,
} from "../objects/exceptions.js";
import { PyType_IsSubtype } from "../objects/object.js";
import { typeError, valueError } from "./errors.js";
import { PyImport_ImportModuleLevel } from "./import.js";
import { asStr } from "../objects/unicodeobject.js";

const searchPath: PyObject[] = [];
const searchCache = new PyDict();
const errorRegistry = new Map<string, PyObject>();
let registryInitialized = false;
let encodingsImported = false;

/** CPython: _Py_normalize_encoding (runs of non-alphanumerics but '.' become one '_'; lower-cased). */
export function normalizeEncoding(s: string): string {
  let out = "";
  let punct = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const alnum = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x2e;
    if (alnum) {
      if (punct && out.length > 0) out += "_";
      punct = false;
      out += c >= 0x41 && c <= 0x5a ? String.fromCharCode(c + 32) : s[i];
    } else {
      punct = true;
    }
  }
  return out;
}

/** CPython: _PyCodecRegistry_Init — the built-in error handlers, then `import encodings`. */
function registryInit(importEncodings: boolean): void {
  if (!registryInitialized) {
    registryInitialized = true;
    for (const [name, fname, fn] of BUILTIN_HANDLERS) {
      const def: PyMethodDef = { name: fname, kind: "o", fn: ((_s: PyObject, exc: PyObject) => fn(exc)) as PyMethodDef["fn"] };
      errorRegistry.set(name, new PyCFunction(def, null, "_codecs"));
    }
  }
  if (importEncodings && !encodingsImported) {
    encodingsImported = true;
    PyImport_ImportModuleLevel("encodings", Py_None, Py_None, 0);
  }
}

/** CPython: PyCodec_Register. */
export function PyCodec_Register(search: PyObject): void {
  registryInit(true);
  if (!PyCallable_Check(search)) throw typeError("argument must be callable");
  searchPath.push(search);
}

/** CPython: PyCodec_Unregister. */
export function PyCodec_Unregister(search: PyObject): void {
  const i = searchPath.indexOf(search);
  if (i < 0) return;
  searchCache.clear();
  searchPath.splice(i, 1);
}

/** CPython: _PyCodec_Lookup — the CodecInfo (or 4-tuple) for an encoding name. */
export function _PyCodec_Lookup(encoding: string): PyObject {
  registryInit(true);
  const v = normalizeEncoding(encoding);
  const cached = searchCache.getStr(v);
  if (cached !== undefined) return cached;
  if (searchPath.length === 0) throw newException(PyExc_LookupError, ["no codec search functions registered: can't find encoding"]);
  for (const func of searchPath.slice()) {
    const result = PyObject_CallOneArg(func, v);
    if (result === Py_None) continue;
    if (!(result instanceof PyTuple) || result.items.length !== 4) throw typeError("codec search functions must return 4-tuples");
    searchCache.setStr(v, result);
    return result;
  }
  throw newException(PyExc_LookupError, [`unknown encoding: ${encoding}`]);
}

/** CPython: _PyCodec_Forget (used by tests through _codecs._forget_codec in older versions). */
export function _PyCodec_Forget(encoding: string): void {
  searchCache.delStr(normalizeEncoding(encoding));
}

function codecItem(codec: PyObject, index: number): PyObject {
  return (codec as PyTuple).items[index];
}

/** CPython: _PyCodec_LookupTextEncoding — refuses codecs marked `_is_text_encoding = False`. */
export function _PyCodec_LookupTextEncoding(encoding: string, alternate: string): PyObject {
  const codec = _PyCodec_Lookup(encoding);
  if (!(codec instanceof PyTuple) || Py_TYPE(codec) !== PyTuple_Type) {
    const attr = PyObject_GetOptionalAttr(codec, "_is_text_encoding");
    if (attr !== null && !PyObject_IsTrue(attr)) {
      throw newException(PyExc_LookupError, [`'${encoding}' is not a text encoding; use ${alternate} to handle arbitrary codecs`]);
    }
  }
  return codec;
}

function addNote(e: unknown, note: string): void {
  if (!(e instanceof PyBaseException)) return;
  // CPython: _PyErr_FormatNote adds the note only to exceptions that accept notes
  const add = PyObject_GetOptionalAttr(e, "add_note");
  if (add !== null) PyObject_CallOneArg(add, note);
}

function callCodec(fn: PyObject, object: PyObject, errors: string | null, what: "encoding" | "decoding", encoding: string): PyObject {
  let result: PyObject;
  try {
    result = PyObject_Call(fn, errors === null ? [object] : [object, errors], null);
  } catch (e) {
    addNote(e, `${what} with '${encoding}' codec failed`);
    throw e;
  }
  if (!(result instanceof PyTuple) || result.items.length !== 2) {
    throw typeError(what === "encoding" ? "encoder must return a tuple (object, integer)" : "decoder must return a tuple (object,integer)");
  }
  return result.items[0];
}

/** CPython: PyCodec_Encode (codecs.encode). */
export function PyCodec_Encode(object: PyObject, encoding: string, errors: string | null): PyObject {
  return callCodec(codecItem(_PyCodec_Lookup(encoding), 0), object, errors, "encoding", encoding);
}

/** CPython: PyCodec_Decode (codecs.decode). */
export function PyCodec_Decode(object: PyObject, encoding: string, errors: string | null): PyObject {
  return callCodec(codecItem(_PyCodec_Lookup(encoding), 1), object, errors, "decoding", encoding);
}

/** CPython: _PyCodec_EncodeText (str.encode for codecs without a fast path). */
export function _PyCodec_EncodeText(object: PyObject, encoding: string, errors: string | null): PyObject {
  const codec = _PyCodec_LookupTextEncoding(encoding, "codecs.encode()");
  return callCodec(codecItem(codec, 0), object, errors, "encoding", encoding);
}

/** CPython: _PyCodec_DecodeText (bytes.decode for codecs without a fast path). */
export function _PyCodec_DecodeText(object: PyObject, encoding: string, errors: string | null): PyObject {
  const codec = _PyCodec_LookupTextEncoding(encoding, "codecs.decode()");
  return callCodec(codecItem(codec, 1), object, errors, "decoding", encoding);
}

/** CPython: PyCodec_IncrementalEncoder / IncrementalDecoder (through the CodecInfo attribute). */
export function codecIncremental(encoding: string, errors: string | null, attr: "incrementalencoder" | "incrementaldecoder"): PyObject {
  const info = _PyCodec_Lookup(encoding);
  const f = PyObject_GetOptionalAttr(info, attr);
  if (f === null) throw newException(PyExc_LookupError, [`'${attr}' attribute missing`]);
  return PyObject_Call(f, errors === null ? [] : [errors], null);
}

/** CPython: PyCodec_RegisterError. */
export function PyCodec_RegisterError(name: string, handler: PyObject): void {
  registryInit(false);
  if (!PyCallable_Check(handler)) throw typeError("handler must be callable");
  errorRegistry.set(name, handler);
}

const BUILTIN_NAMES = new Set(["strict", "ignore", "replace", "xmlcharrefreplace", "backslashreplace", "namereplace", "surrogateescape", "surrogatepass"]);

/** CPython: _PyCodec_UnregisterError — true if removed; built-in handlers cannot be removed. */
export function _PyCodec_UnregisterError(name: string): boolean {
  registryInit(false);
  if (BUILTIN_NAMES.has(name)) throw valueError(`cannot un-register built-in error handler '${name}'`);
  return errorRegistry.delete(name);
}


/** CPython: PyCodec_LookupError (null means "strict"). */
export function PyCodec_LookupError(name: string | null): PyObject {
  registryInit(false);
  const h = errorRegistry.get(name ?? "strict");
  if (h === undefined) throw newException(PyExc_LookupError, [`unknown error handler name '${name}'`]);
  return h;
}

// --- the built-in error handlers ---------------------------------------------------------

const HEX = "0123456789abcdef";

type ErrKind = "encode" | "decode" | "translate";

function kindOf(exc: PyObject): ErrKind | null {
  if (!(exc instanceof PyObjectBase)) return null;
  const t = Py_TYPE(exc);
  if (PyType_IsSubtype(t, PyExc_UnicodeEncodeError)) return "encode";
  if (PyType_IsSubtype(t, PyExc_UnicodeDecodeError)) return "decode";
  if (PyType_IsSubtype(t, PyExc_UnicodeTranslateError)) return "translate";
  return null;
}

function wrongExceptionType(exc: PyObject): PyBaseException {
  return typeError(`don't know how to handle ${Py_TYPE(exc).tp_name} in error callback`);
}

/** Code points of a str (lone surrogates as themselves). */
export function strCodePoints(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out.push(0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00));
        i++;
        continue;
      }
    }
    out.push(c);
  }
  return out;
}

/** The exception's object as code points (encode/translate) or bytes (decode), with its type checked. */
function excObjectStr(exc: PyUnicodeError): number[] {
  const s = asStr(exc.object);
  if (s === null) throw typeError(`object attribute must be unicode`);
  return strCodePoints(s);
}
function excObjectBytes(exc: PyUnicodeError): Uint8Array {
  if (!(exc.object instanceof PyBytes)) throw typeError(`object attribute must be bytes`);
  return exc.object.value;
}

function rawIndex(v: PyObject, what: string): number {
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  throw typeError(`${what} attribute must be int`);
}

/** CPython: PyUnicode{En,De}codeError_GetStart — clamped into the object. */
export function excStart(exc: PyUnicodeError, len: number): number {
  let start = rawIndex(exc.start, "start");
  if (start < 0) start = 0;
  if (start >= len) start = len === 0 ? 0 : len - 1;
  return start;
}
/** CPython: PyUnicode{En,De}codeError_GetEnd — clamped into the object. */
export function excEnd(exc: PyUnicodeError, len: number): number {
  let end = rawIndex(exc.end, "end");
  if (end < 1) end = 1;
  if (end > len) end = len;
  return end;
}

function fromCodePoint(cp: number): string {
  return cp < 0x10000 ? String.fromCharCode(cp) : String.fromCodePoint(cp);
}

function backslashEscape(c: number): string {
  if (c >= 0x10000) return "\\U" + c.toString(16).padStart(8, "0");
  if (c >= 0x100) return "\\u" + c.toString(16).padStart(4, "0");
  return "\\x" + HEX[(c >> 4) & 15] + HEX[c & 15];
}

function strictErrors(exc: PyObject): PyObject {
  if (exc instanceof PyBaseException) throw exc;
  throw typeError("codec must pass exception instance");
}

function ignoreErrors(exc: PyObject): PyObject {
  const k = kindOf(exc);
  if (k === null) throw wrongExceptionType(exc);
  const e = exc as PyUnicodeError;
  const len = k === "decode" ? excObjectBytes(e).length : excObjectStr(e).length;
  return new PyTuple(["", excEnd(e, len)]);
}

function replaceErrors(exc: PyObject): PyObject {
  const k = kindOf(exc);
  if (k === null) throw wrongExceptionType(exc);
  const e = exc as PyUnicodeError;
  if (k === "decode") return new PyTuple(["\ufffd", excEnd(e, excObjectBytes(e).length)]);
  const len = excObjectStr(e).length;
  const start = excStart(e, len);
  const end = excEnd(e, len);
  return new PyTuple([(k === "encode" ? "?" : "\ufffd").repeat(Math.max(0, end - start)), end]);
}

function xmlcharrefreplaceErrors(exc: PyObject): PyObject {
  if (kindOf(exc) !== "encode") throw wrongExceptionType(exc);
  const e = exc as PyUnicodeError;
  const cps = excObjectStr(e);
  const start = excStart(e, cps.length);
  const end = excEnd(e, cps.length);
  let out = "";
  for (let i = start; i < end; i++) out += `&#${cps[i]};`;
  return new PyTuple([out, end]);
}

function backslashreplaceErrors(exc: PyObject): PyObject {
  const k = kindOf(exc);
  if (k === null) throw wrongExceptionType(exc);
  const e = exc as PyUnicodeError;
  let out = "";
  if (k === "decode") {
    const b = excObjectBytes(e);
    const start = excStart(e, b.length);
    const end = excEnd(e, b.length);
    for (let i = start; i < end; i++) out += "\\x" + HEX[b[i] >> 4] + HEX[b[i] & 15];
    return new PyTuple([out, end]);
  }
  const cps = excObjectStr(e);
  const start = excStart(e, cps.length);
  const end = excEnd(e, cps.length);
  for (let i = start; i < end; i++) out += backslashEscape(cps[i]);
  return new PyTuple([out, end]);
}

/** The character-name lookup namereplace uses (installed by unicodedata; null: no name). */
let charName: ((cp: number) => string | null) | null = null;
export function setCharNameLookup(f: (cp: number) => string | null): void {
  charName = f;
}

function namereplaceErrors(exc: PyObject): PyObject {
  if (kindOf(exc) !== "encode") throw wrongExceptionType(exc);
  const e = exc as PyUnicodeError;
  const cps = excObjectStr(e);
  const start = excStart(e, cps.length);
  const end = excEnd(e, cps.length);
  if (charName === null) throw newException(PyExc_UnicodeError, ["\\N escapes not supported (can't load unicodedata module)"]);
  let out = "";
  for (let i = start; i < end; i++) {
    const name = charName(cps[i]);
    out += name !== null ? `\\N{${name}}` : backslashEscape(cps[i]);
  }
  return new PyTuple([out, end]);
}

/** CPython: get_standard_encoding — [kind, bytes per surrogate] for the UTF codecs surrogatepass knows. */
export function standardEncoding(encoding: string): [kind: "utf8" | "utf16le" | "utf16be" | "utf32le" | "utf32be", len: number] | null {
  let e = encoding;
  if (e.length >= 3 && e.slice(0, 3).toLowerCase() === "utf") {
    e = e.slice(3);
    if (e[0] === "-" || e[0] === "_") e = e.slice(1);
    if (e === "8") return ["utf8", 3];
    for (const [digits, len] of [["16", 2], ["32", 4]] as const) {
      if (!e.startsWith(digits)) continue;
      let r = e.slice(2);
      if (r === "") return [len === 2 ? "utf16le" : "utf32le", len];
      if (r[0] === "-" || r[0] === "_") r = r.slice(1);
      if (r.length === 2 && r[1].toLowerCase() === "e") {
        if (r[0].toLowerCase() === "b") return [len === 2 ? "utf16be" : "utf32be", len];
        if (r[0].toLowerCase() === "l") return [len === 2 ? "utf16le" : "utf32le", len];
      }
      return null;
    }
    return null;
  }
  if (encoding === "CP_UTF8") return ["utf8", 3];
  return null;
}

function excEncoding(e: PyUnicodeError): string {
  const s = asStr(e.encoding);
  if (s === null) throw typeError("encoding attribute must be unicode");
  return s;
}

function surrogatepassErrors(exc: PyObject): PyObject {
  const k = kindOf(exc);
  const e = exc as PyUnicodeError;
  if (k === "encode") {
    const cps = excObjectStr(e);
    const start = excStart(e, cps.length);
    const end = excEnd(e, cps.length);
    const std = standardEncoding(excEncoding(e));
    if (std === null) throw e;
    const [code, n] = std;
    const out = new Uint8Array(Math.max(0, end - start) * n);
    let p = 0;
    for (let i = start; i < end; i++) {
      const ch = cps[i];
      if (ch < 0xd800 || ch > 0xdfff) throw e;
      switch (code) {
        case "utf8":
          out[p++] = 0xe0 | (ch >> 12);
          out[p++] = 0x80 | ((ch >> 6) & 0x3f);
          out[p++] = 0x80 | (ch & 0x3f);
          break;
        case "utf16le":
          out[p++] = ch & 0xff;
          out[p++] = ch >> 8;
          break;
        case "utf16be":
          out[p++] = ch >> 8;
          out[p++] = ch & 0xff;
          break;
        case "utf32le":
          out[p++] = ch & 0xff;
          out[p++] = ch >> 8;
          out[p++] = 0;
          out[p++] = 0;
          break;
        case "utf32be":
          out[p++] = 0;
          out[p++] = 0;
          out[p++] = ch >> 8;
          out[p++] = ch & 0xff;
          break;
      }
    }
    return new PyTuple([new PyBytes(out), end]);
  }
  if (k === "decode") {
    const b = excObjectBytes(e);
    const start = excStart(e, b.length);
    excEnd(e, b.length);
    const std = standardEncoding(excEncoding(e));
    if (std === null) throw e;
    const [code, n] = std;
    let ch = 0;
    if (b.length - start >= n) {
      const p = start;
      switch (code) {
        case "utf8":
          if ((b[p] & 0xf0) === 0xe0 && (b[p + 1] & 0xc0) === 0x80 && (b[p + 2] & 0xc0) === 0x80) {
            ch = ((b[p] & 0x0f) << 12) + ((b[p + 1] & 0x3f) << 6) + (b[p + 2] & 0x3f);
          }
          break;
        case "utf16le":
          ch = (b[p + 1] << 8) | b[p];
          break;
        case "utf16be":
          ch = (b[p] << 8) | b[p + 1];
          break;
        case "utf32le":
          ch = ((b[p + 3] << 24) | (b[p + 2] << 16) | (b[p + 1] << 8) | b[p]) >>> 0;
          break;
        case "utf32be":
          ch = ((b[p] << 24) | (b[p + 1] << 16) | (b[p + 2] << 8) | b[p + 3]) >>> 0;
          break;
      }
    }
    if (ch < 0xd800 || ch > 0xdfff) throw e;
    return new PyTuple([String.fromCharCode(ch), start + n]);
  }
  throw wrongExceptionType(exc);
}

function surrogateescapeErrors(exc: PyObject): PyObject {
  const k = kindOf(exc);
  const e = exc as PyUnicodeError;
  if (k === "encode") {
    const cps = excObjectStr(e);
    const start = excStart(e, cps.length);
    const end = excEnd(e, cps.length);
    const out = new Uint8Array(Math.max(0, end - start));
    for (let i = start; i < end; i++) {
      const ch = cps[i];
      if (ch < 0xdc80 || ch > 0xdcff) throw e;
      out[i - start] = ch - 0xdc00;
    }
    return new PyTuple([new PyBytes(out), end]);
  }
  if (k === "decode") {
    const b = excObjectBytes(e);
    const start = excStart(e, b.length);
    const end = excEnd(e, b.length);
    let out = "";
    let consumed = 0;
    while (consumed < 4 && consumed < end - start) {
      if (b[start + consumed] < 128) break;
      out += String.fromCharCode(0xdc00 + b[start + consumed]);
      consumed++;
    }
    if (!consumed) throw e;
    return new PyTuple([out, start + consumed]);
  }
  throw wrongExceptionType(exc);
}

const BUILTIN_HANDLERS: [string, string, (exc: PyObject) => PyObject][] = [
  ["strict", "strict_errors", strictErrors],
  ["ignore", "ignore_errors", ignoreErrors],
  ["replace", "replace_errors", replaceErrors],
  ["xmlcharrefreplace", "xmlcharrefreplace_errors", xmlcharrefreplaceErrors],
  ["backslashreplace", "backslashreplace_errors", backslashreplaceErrors],
  ["namereplace", "namereplace_errors", namereplaceErrors],
  ["surrogatepass", "surrogatepass", surrogatepassErrors],
  ["surrogateescape", "surrogateescape", surrogateescapeErrors],
];

export { fromCodePoint, backslashEscape };

/** The name -> code point lookup of \N{...} escapes (installed by unicodedata; -1: unknown). */
export let lookupCharCode: ((name: string) => number) | null = null;
export function setCharCodeLookup(f: (name: string) => number): void {
  lookupCharCode = f;
}

/**
 * CPython: PyErr_WarnFormat(category, 1, msg) — through the warnings module, so filters apply.
 * Without a working warnings module the warning is dropped.
 */
export function warnFormat(category: PyObject, msg: string): void {
  let warn: PyObject | null;
  try {
    warn = PyObject_GetOptionalAttr(PyImport_ImportModuleLevel("warnings", Py_None, Py_None, 0), "warn");
  } catch {
    return;
  }
  if (warn !== null) PyObject_Call(warn, [msg, category, 1], null);
}
