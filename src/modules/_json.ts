// CPython: Modules/_json.c — the accelerators behind the json package: scanstring, the Scanner
// (c_make_scanner), the Encoder (c_make_encoder), encode_basestring and encode_basestring_ascii.
// Positions are in code points, as Python indexes strings; a string holding surrogate pairs is
// scanned through an array of its code points.
import {
  PyObjectBase, type PyObject, type PyTypeObject, newStaticType, PyBaseObject_Type, Py_None, Py_TYPE, PyType_IsSubtype,
  PyLong_Type, PyUnicode_Type,
} from "../objects/object.js";
import { PyModule } from "../objects/moduleobject.js";
import { PyTuple } from "../objects/tupleobject.js";
import { PyList, PyList_Type, listSort } from "../objects/listobject.js";
import { PyDict, PyDict_Type } from "../objects/dictobject.js";
import { PyFloat, PyFloat_Type } from "../objects/floatobject.js";
import { PyTuple_Type } from "../objects/tupleobject.js";
import { PyStrBox } from "../objects/unicodeobject.js";
import { longFromText } from "../objects/longobject.js";
import { newBuiltinFunction, idOf } from "../objects/methodobject.js";
import {
  PyObject_IsTrue, PyObject_GetAttr, PyObject_CallOneArg, PyObject_CallFunctionObjArgs, PyObject_CallMethod,
  PyObject_Repr, iterableToArray, PyNumber_AsSsize_t,
} from "../objects/abstract.js";
import { PyBaseException, PyExc_RecursionError, PyExc_StopIteration, newException } from "../objects/exceptions.js";
import { typeError, valueError } from "../python/errors.js";
import { ArgParser } from "../python/getargs.js";
import { PyImport_ImportModuleLevel } from "../python/import.js";

type Fast = (self: PyObject, args: readonly PyObject[], start: number, nargs: number, kwnames: PyTuple | null) => PyObject;

function isStr(v: PyObject): boolean {
  return typeof v === "string" || PyType_IsSubtype(Py_TYPE(v), PyUnicode_Type);
}
function strValue(v: PyObject): string {
  return typeof v === "string" ? v : (v as PyStrBox).value;
}

// --- decoding ------------------------------------------------------------------------------------------

/** The text being decoded, indexed by code point. */
class Source {
  readonly len: number;
  private readonly cps: string[] | null;
  constructor(
    readonly obj: PyObject,
    readonly s: string,
  ) {
    // only a string with surrogate pairs needs a code-point array
    this.cps = /[\ud800-\udbff][\udc00-\udfff]/.test(s) ? [...s] : null;
    this.len = this.cps ? this.cps.length : s.length;
  }
  code(i: number): number {
    return this.cps ? (this.cps[i].codePointAt(0) as number) : this.s.charCodeAt(i);
  }
  slice(a: number, b: number): string {
    return this.cps ? this.cps.slice(a, b).join("") : this.s.slice(a, b);
  }
}

let JSONDecodeError: PyObject | null = null;
/** CPython: raise_errmsg — json.decoder.JSONDecodeError(msg, doc, pos). */
function errmsg(msg: string, src: Source, pos: number): PyBaseException {
  if (JSONDecodeError === null) {
    JSONDecodeError = PyObject_GetAttr(PyImport_ImportModuleLevel("json.decoder", Py_None, new PyList(["JSONDecodeError"]), 0), "JSONDecodeError");
  }
  return PyObject_CallFunctionObjArgs(JSONDecodeError, msg, src.obj, pos) as PyBaseException;
}

function stopIteration(idx: number): PyBaseException {
  return newException(PyExc_StopIteration, [idx]);
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  return -1;
}

/** Four hex digits at i..i+3, or -1 (CPython: the \u decoding loop of scanstring_unicode). */
function hex4(src: Source, i: number): number {
  let v = 0;
  for (let k = 0; k < 4; k++) {
    const h = hexValue(src.code(i + k));
    if (h < 0) return -1;
    v = (v << 4) | h;
  }
  return v;
}

/** CPython: scanstring_unicode — `end` is just after the opening quote; returns [text, index after the closing quote]. */
function scanString(src: Source, end: number, strict: boolean): [string, number] {
  const len = src.len;
  const begin = end - 1;
  if (end < 0 || len < end) throw valueError("end is out of bounds");
  let out = "";
  for (;;) {
    let next = end;
    let c = 0;
    for (; next < len; next++) {
      c = src.code(next);
      if (c === 0x22 || c === 0x5c) break;
      if (c <= 0x1f && strict) throw errmsg("Invalid control character at", src, next);
    }
    if (next >= len) throw errmsg("Unterminated string starting at", src, begin);
    if (next !== end) out += src.slice(end, next);
    next++;
    if (c === 0x22) {
      end = next;
      break;
    }
    if (next === len) throw errmsg("Unterminated string starting at", src, begin);
    c = src.code(next);
    if (c !== 0x75) {
      end = next + 1;
      let r: string | null;
      switch (c) {
        case 0x22: r = '"'; break;
        case 0x5c: r = "\\"; break;
        case 0x2f: r = "/"; break;
        case 0x62: r = "\b"; break;
        case 0x66: r = "\f"; break;
        case 0x6e: r = "\n"; break;
        case 0x72: r = "\r"; break;
        case 0x74: r = "\t"; break;
        default: r = null;
      }
      if (r === null) throw errmsg("Invalid \\escape", src, end - 2);
      out += r;
      continue;
    }
    next++;
    end = next + 4;
    if (end > len) throw errmsg("Invalid \\uXXXX escape", src, next - 1);
    let cp = hex4(src, next);
    if (cp < 0) throw errmsg("Invalid \\uXXXX escape", src, end - 5);
    // a high surrogate joined with a following \\u low surrogate
    if (cp >= 0xd800 && cp <= 0xdbff && end + 6 <= len && src.code(end) === 0x5c && src.code(end + 1) === 0x75) {
      const c2 = hex4(src, end + 2);
      if (c2 < 0) throw errmsg("Invalid \\uXXXX escape", src, end + 1);
      if (c2 >= 0xdc00 && c2 <= 0xdfff) {
        cp = 0x10000 + (((cp - 0xd800) << 10) | (c2 - 0xdc00));
        end += 6;
      }
    }
    out += String.fromCodePoint(cp);
  }
  return [out, end];
}

export class PyScanner extends PyObjectBase {
  constructor(
    readonly strict: boolean,
    readonly objectHook: PyObject,
    readonly objectPairsHook: PyObject,
    readonly parseFloat: PyObject,
    readonly parseInt: PyObject,
    readonly parseConstant: PyObject,
  ) {
    super();
  }
}
export const PyScanner_Type = newStaticType("_json.Scanner", PyBaseObject_Type, 0);
PyScanner.prototype.ob_type = PyScanner_Type;
PyScanner_Type.tp_doc = "JSON scanner object";

const MAX_DEPTH = 8000;
let depth = 0;
function enterRecursive(what: string): void {
  if (++depth > MAX_DEPTH) {
    depth--;
    throw newException(PyExc_RecursionError, [`maximum recursion depth exceeded${what}`]);
  }
}

function isWs(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}
function skipWs(src: Source, idx: number): number {
  while (idx < src.len && isWs(src.code(idx))) idx++;
  return idx;
}

/** CPython: _parse_object_unicode — idx is at '{'. */
function parseObject(s: PyScanner, src: Source, idx: number): [PyObject, number] {
  const endIdx = src.len - 1;
  const pairs: PyObject[] | null = s.objectPairsHook !== Py_None ? [] : null;
  const dict = pairs === null ? new PyDict() : null;
  idx = skipWs(src, idx + 1);
  if (idx > endIdx || src.code(idx) !== 0x7d) {
    while (idx <= endIdx) {
      if (src.code(idx) !== 0x22) throw errmsg("Expecting property name enclosed in double quotes", src, idx);
      const [key, afterKey] = scanString(src, idx + 1, s.strict);
      idx = skipWs(src, afterKey);
      if (idx > endIdx || src.code(idx) !== 0x3a) throw errmsg("Expecting ':' delimiter", src, idx);
      idx = skipWs(src, idx + 1);
      const [val, afterVal] = scanOnce(s, src, idx);
      if (pairs !== null) pairs.push(new PyTuple([key, val]));
      else (dict as PyDict).setItem(key, val);
      idx = skipWs(src, afterVal);
      if (idx <= endIdx && src.code(idx) === 0x7d) break;
      if (idx > endIdx || src.code(idx) !== 0x2c) throw errmsg("Expecting ',' delimiter", src, idx);
      const comma = idx;
      idx = skipWs(src, idx + 1);
      if (idx <= endIdx && src.code(idx) === 0x7d) throw errmsg("Illegal trailing comma before end of object", src, comma);
    }
  }
  if (idx > endIdx || src.code(idx) !== 0x7d) throw errmsg("Expecting property name enclosed in double quotes", src, idx);
  if (pairs !== null) return [PyObject_CallOneArg(s.objectPairsHook, new PyList(pairs)), idx + 1];
  if (s.objectHook !== Py_None) return [PyObject_CallOneArg(s.objectHook, dict as PyDict), idx + 1];
  return [dict as PyDict, idx + 1];
}

/** CPython: _parse_array_unicode — idx is at '['. */
function parseArray(s: PyScanner, src: Source, idx: number): [PyObject, number] {
  const endIdx = src.len - 1;
  const items: PyObject[] = [];
  idx = skipWs(src, idx + 1);
  if (idx > endIdx || src.code(idx) !== 0x5d) {
    while (idx <= endIdx) {
      const [val, after] = scanOnce(s, src, idx);
      items.push(val);
      idx = skipWs(src, after);
      if (idx <= endIdx && src.code(idx) === 0x5d) break;
      if (idx > endIdx || src.code(idx) !== 0x2c) throw errmsg("Expecting ',' delimiter", src, idx);
      const comma = idx;
      idx = skipWs(src, idx + 1);
      if (idx <= endIdx && src.code(idx) === 0x5d) throw errmsg("Illegal trailing comma before end of array", src, comma);
    }
  }
  if (idx > endIdx || src.code(idx) !== 0x5d) throw errmsg("Expecting value", src, endIdx + 1);
  return [new PyList(items), idx + 1];
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** CPython: _match_number_unicode. */
function matchNumber(s: PyScanner, src: Source, start: number): [PyObject, number] {
  const endIdx = src.len - 1;
  let idx = start;
  if (src.code(idx) === 0x2d) {
    idx++;
    if (idx > endIdx) throw stopIteration(start);
  }
  const c0 = src.code(idx);
  if (c0 >= 0x31 && c0 <= 0x39) {
    idx++;
    while (idx <= endIdx && isDigit(src.code(idx))) idx++;
  } else if (c0 === 0x30) {
    idx++;
  } else {
    throw stopIteration(start);
  }
  let isFloat = false;
  if (idx < endIdx && src.code(idx) === 0x2e && isDigit(src.code(idx + 1))) {
    isFloat = true;
    idx += 2;
    while (idx <= endIdx && isDigit(src.code(idx))) idx++;
  }
  if (idx < endIdx && (src.code(idx) === 0x65 || src.code(idx) === 0x45)) {
    const eStart = idx;
    idx++;
    if (idx < endIdx && (src.code(idx) === 0x2d || src.code(idx) === 0x2b)) idx++;
    while (idx <= endIdx && isDigit(src.code(idx))) idx++;
    if (isDigit(src.code(idx - 1))) isFloat = true;
    else idx = eStart;
  }
  const text = src.slice(start, idx);
  if (isFloat) {
    if (s.parseFloat !== PyFloat_Type) return [PyObject_CallOneArg(s.parseFloat, text), idx];
    return [new PyFloat(Number(text)), idx];
  }
  if (s.parseInt !== PyLong_Type) return [PyObject_CallOneArg(s.parseInt, text), idx];
  return [longFromText(text, 10), idx];
}

function matchWord(src: Source, idx: number, word: string): boolean {
  if (idx + word.length > src.len) return false;
  for (let k = 0; k < word.length; k++) if (src.code(idx + k) !== word.charCodeAt(k)) return false;
  return true;
}

/** CPython: scan_once_unicode. */
function scanOnce(s: PyScanner, src: Source, idx: number): [PyObject, number] {
  if (idx < 0) throw valueError("idx cannot be negative");
  if (idx >= src.len) throw stopIteration(idx);
  switch (src.code(idx)) {
    case 0x22:
      return scanString(src, idx + 1, s.strict);
    case 0x7b: {
      enterRecursive(" while decoding a JSON object from a unicode string");
      try {
        return parseObject(s, src, idx);
      } finally {
        depth--;
      }
    }
    case 0x5b: {
      enterRecursive(" while decoding a JSON array from a unicode string");
      try {
        return parseArray(s, src, idx);
      } finally {
        depth--;
      }
    }
    case 0x6e:
      if (matchWord(src, idx, "null")) return [Py_None, idx + 4];
      break;
    case 0x74:
      if (matchWord(src, idx, "true")) return [true, idx + 4];
      break;
    case 0x66:
      if (matchWord(src, idx, "false")) return [false, idx + 5];
      break;
    case 0x4e:
      if (matchWord(src, idx, "NaN")) return [PyObject_CallOneArg(s.parseConstant, "NaN"), idx + 3];
      break;
    case 0x49:
      if (matchWord(src, idx, "Infinity")) return [PyObject_CallOneArg(s.parseConstant, "Infinity"), idx + 8];
      break;
    case 0x2d:
      if (matchWord(src, idx, "-Infinity")) return [PyObject_CallOneArg(s.parseConstant, "-Infinity"), idx + 9];
      break;
  }
  return matchNumber(s, src, idx);
}

const scannerNewArgs = new ArgParser("make_scanner", ["context"], { required: 1 });
PyScanner_Type.tp_new = (type, args, start, nargs, kwnames) => {
  const [ctx] = scannerNewArgs.parse(args, start, nargs, kwnames) as PyObject[];
  const s = new PyScanner(
    PyObject_IsTrue(PyObject_GetAttr(ctx, "strict")),
    PyObject_GetAttr(ctx, "object_hook"),
    PyObject_GetAttr(ctx, "object_pairs_hook"),
    PyObject_GetAttr(ctx, "parse_float"),
    PyObject_GetAttr(ctx, "parse_int"),
    PyObject_GetAttr(ctx, "parse_constant"),
  );
  if (type !== PyScanner_Type) s.ob_type = type;
  return s;
};
const scanArgs = new ArgParser("scan_once", ["string", "idx"], { required: 2 });
PyScanner_Type.tp_call = (self, args, start, nargs, kwnames) => {
  const [string, idxArg] = scanArgs.parse(args, start, nargs, kwnames) as PyObject[];
  const idx = PyNumber_AsSsize_t(idxArg);
  if (!isStr(string)) throw typeError(`first argument must be a string, not ${Py_TYPE(string).tp_name}`);
  const [v, end] = scanOnce(self as PyScanner, new Source(string, strValue(string)), idx);
  return new PyTuple([v, end]);
};
PyScanner_Type.tp_getset = [
  { name: "strict", get: (v) => (v as PyScanner).strict },
  { name: "object_hook", get: (v) => (v as PyScanner).objectHook },
  { name: "object_pairs_hook", get: (v) => (v as PyScanner).objectPairsHook },
  { name: "parse_float", get: (v) => (v as PyScanner).parseFloat },
  { name: "parse_int", get: (v) => (v as PyScanner).parseInt },
  { name: "parse_constant", get: (v) => (v as PyScanner).parseConstant },
];

// --- encoding ------------------------------------------------------------------------------------------

const HEX = "0123456789abcdef";
function u4(c: number): string {
  return "\\u" + HEX[(c >> 12) & 15] + HEX[(c >> 8) & 15] + HEX[(c >> 4) & 15] + HEX[c & 15];
}

/** CPython: ascii_escape_unicode. */
function escapeAscii(s: string): string {
  let out = '"';
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c <= 0x7e && c !== 0x22 && c !== 0x5c) continue;
    out += s.slice(run, i);
    run = i + 1;
    switch (c) {
      case 0x22: out += '\\"'; break;
      case 0x5c: out += "\\\\"; break;
      case 0x08: out += "\\b"; break;
      case 0x0c: out += "\\f"; break;
      case 0x0a: out += "\\n"; break;
      case 0x0d: out += "\\r"; break;
      case 0x09: out += "\\t"; break;
      default: out += u4(c); // a surrogate pair comes out as its two halves, as CPython writes it
    }
  }
  return out + s.slice(run) + '"';
}

/** CPython: escape_unicode. */
function escapeUnicode(s: string): string {
  let out = '"';
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c !== 0x22 && c !== 0x5c) continue;
    out += s.slice(run, i);
    run = i + 1;
    switch (c) {
      case 0x22: out += '\\"'; break;
      case 0x5c: out += "\\\\"; break;
      case 0x08: out += "\\b"; break;
      case 0x0c: out += "\\f"; break;
      case 0x0a: out += "\\n"; break;
      case 0x0d: out += "\\r"; break;
      case 0x09: out += "\\t"; break;
      default: out += u4(c);
    }
  }
  return out + s.slice(run) + '"';
}

function strArg(v: PyObject): string {
  if (!isStr(v)) throw typeError(`first argument must be a string, not ${Py_TYPE(v).tp_name}`);
  return strValue(v);
}

const encodeBasestringAscii = newBuiltinFunction(
  "encode_basestring_ascii",
  (_s, a, st, n) => {
    if (n !== 1) throw typeError(`encode_basestring_ascii() takes exactly one argument (${n} given)`);
    return escapeAscii(strArg(a[st]));
  },
  "_json",
  "encode_basestring_ascii(string) -> string\n\nReturn an ASCII-only JSON representation of a Python string",
);
const encodeBasestring = newBuiltinFunction(
  "encode_basestring",
  (_s, a, st, n) => {
    if (n !== 1) throw typeError(`encode_basestring() takes exactly one argument (${n} given)`);
    return escapeUnicode(strArg(a[st]));
  },
  "_json",
  "encode_basestring(string) -> string\n\nReturn a JSON representation of a Python string",
);

export class PyEncoder extends PyObjectBase {
  /** encode_basestring(_ascii) itself, called directly (CPython: s->fast_encode). */
  readonly fastEncode: ((s: string) => string) | null;
  constructor(
    readonly markers: PyObject,
    readonly defaultFn: PyObject,
    readonly encoder: PyObject,
    readonly indent: PyObject,
    readonly keySeparator: string,
    readonly itemSeparator: string,
    readonly sortKeys: boolean,
    readonly skipKeys: boolean,
    readonly allowNan: boolean,
  ) {
    super();
    this.fastEncode = encoder === encodeBasestringAscii ? escapeAscii : encoder === encodeBasestring ? escapeUnicode : null;
  }
}
export const PyEncoder_Type = newStaticType("_json.Encoder", PyBaseObject_Type, 0);
PyEncoder.prototype.ob_type = PyEncoder_Type;
PyEncoder_Type.tp_doc = "Encoder(markers, default, encoder, indent, key_separator, item_separator, sort_keys, skipkeys, allow_nan)";

/** CPython: _PyArg_BadArgument names None as "None". */
function badArgName(v: PyObject): string {
  return v === Py_None ? "None" : Py_TYPE(v).tp_name;
}

const encoderNewArgs = new ArgParser(
  "make_encoder",
  ["markers", "default", "encoder", "indent", "key_separator", "item_separator", "sort_keys", "skipkeys", "allow_nan"],
  { required: 9 },
);
PyEncoder_Type.tp_new = (type, args, start, nargs, kwnames) => {
  const a = encoderNewArgs.parse(args, start, nargs, kwnames) as PyObject[];
  const [markers, dflt, encoder, indent, keySep, itemSep] = a;
  if (markers !== Py_None && !(markers instanceof PyDict)) {
    throw typeError(`make_encoder() argument 1 must be dict or None, not ${Py_TYPE(markers).tp_name}`);
  }
  if (!isStr(keySep)) throw typeError(`make_encoder() argument 5 must be str, not ${badArgName(keySep)}`);
  if (!isStr(itemSep)) throw typeError(`make_encoder() argument 6 must be str, not ${badArgName(itemSep)}`);
  const e = new PyEncoder(markers, dflt, encoder, indent, strValue(keySep), strValue(itemSep), PyObject_IsTrue(a[6]), PyObject_IsTrue(a[7]), PyObject_IsTrue(a[8]));
  if (type !== PyEncoder_Type) e.ob_type = type;
  return e;
};

/** The output being built, plus the indentation state (CPython: the writer and indent_cache). */
class Writer {
  parts: string[] = [];
  constructor(readonly e: PyEncoder) {}
  newlineIndent(level: number): string {
    const ind = this.e.indent;
    if (!isStr(ind)) throw typeError(`can't multiply sequence by non-int of type '${Py_TYPE(ind).tp_name}'`);
    return "\n" + strValue(ind).repeat(level);
  }
}

function encodeString(e: PyEncoder, s: PyObject): string {
  if (e.fastEncode !== null) return e.fastEncode(strValue(s));
  const r = PyObject_CallOneArg(e.encoder, s);
  if (!isStr(r)) throw typeError(`encoder() must return a string, not ${Py_TYPE(r).tp_name}`);
  return strValue(r);
}

/** CPython: encoder_encode_float. */
function encodeFloat(e: PyEncoder, o: PyObject): string {
  const x = (o as PyFloat).value;
  if (!Number.isFinite(x)) {
    if (!e.allowNan) throw valueError(`Out of range float values are not JSON compliant: ${PyObject_Repr(o)}`);
    return x > 0 ? "Infinity" : x < 0 ? "-Infinity" : "NaN";
  }
  return PyFloat_Type.tp_repr?.(o) as string;
}

/** The %T of _PyErr_FormatNote: the type's fully qualified name. */
function typeNameT(t: PyTypeObject): string {
  const mod = PyObject_GetAttr(t, "__module__");
  const qual = PyObject_GetAttr(t, "__qualname__") as string;
  return typeof mod === "string" && mod !== "builtins" && mod !== "__main__" ? `${mod}.${qual}` : qual;
}

function addNote(err: unknown, note: string): void {
  if (err instanceof PyBaseException) PyObject_CallMethod(err, "add_note", note);
}

function markerEnter(e: PyEncoder, o: PyObject): number | null {
  if (e.markers === Py_None) return null;
  const id = idOf(o);
  const m = e.markers as PyDict;
  if (m.has(id)) throw valueError("Circular reference detected");
  m.setItem(id, o);
  return id;
}
function markerLeave(e: PyEncoder, id: number | null): void {
  if (id !== null) (e.markers as PyDict).delItem(id);
}

/** CPython: encoder_listencode_obj. */
function encodeObj(w: Writer, o: PyObject, level: number): void {
  const e = w.e;
  if (o === Py_None) w.parts.push("null");
  else if (o === true) w.parts.push("true");
  else if (o === false) w.parts.push("false");
  else if (isStr(o)) w.parts.push(encodeString(e, o));
  else if (typeof o === "number" || typeof o === "bigint" || PyType_IsSubtype(Py_TYPE(o), PyLong_Type)) w.parts.push(PyLong_Type.tp_repr?.(o) as string);
  else if (PyType_IsSubtype(Py_TYPE(o), PyFloat_Type)) w.parts.push(encodeFloat(e, o));
  else if (PyType_IsSubtype(Py_TYPE(o), PyList_Type) || PyType_IsSubtype(Py_TYPE(o), PyTuple_Type)) {
    enterRecursive(" while encoding a JSON object");
    try {
      encodeList(w, o, level);
    } finally {
      depth--;
    }
  } else if (PyType_IsSubtype(Py_TYPE(o), PyDict_Type)) {
    enterRecursive(" while encoding a JSON object");
    try {
      encodeDict(w, o as PyDict, level);
    } finally {
      depth--;
    }
  } else {
    const id = markerEnter(e, o);
    const newobj = PyObject_CallOneArg(e.defaultFn, o);
    enterRecursive(" while encoding a JSON object");
    try {
      encodeObj(w, newobj, level);
    } catch (err) {
      addNote(err, `when serializing ${typeNameT(Py_TYPE(o))} object`);
      throw err;
    } finally {
      depth--;
    }
    markerLeave(e, id);
  }
}

function encodeList(w: Writer, seq: PyObject, level: number): void {
  const items = seq instanceof PyList ? seq.items : seq instanceof PyTuple ? seq.items : iterableToArray(seq);
  if (items.length === 0) {
    w.parts.push("[]");
    return;
  }
  const e = w.e;
  const id = markerEnter(e, seq);
  w.parts.push("[");
  let separator = e.itemSeparator;
  let nl: string | null = null;
  if (e.indent !== Py_None) {
    level++;
    nl = w.newlineIndent(level);
    separator += nl;
    w.parts.push(nl);
  }
  for (let i = 0; i < items.length; i++) {
    if (i) w.parts.push(separator);
    try {
      encodeObj(w, items[i], level);
    } catch (err) {
      addNote(err, `when serializing ${typeNameT(Py_TYPE(seq))} item ${i}`);
      throw err;
    }
  }
  markerLeave(e, id);
  if (nl !== null) w.parts.push(w.newlineIndent(level - 1));
  w.parts.push("]");
}

function encodeDict(w: Writer, dct: PyDict, level: number): void {
  if (dct.size === 0) {
    w.parts.push("{}");
    return;
  }
  const e = w.e;
  const id = markerEnter(e, dct);
  w.parts.push("{");
  let separator = e.itemSeparator;
  let nl: string | null = null;
  if (e.indent !== Py_None) {
    level++;
    nl = w.newlineIndent(level);
    separator += nl;
  }
  let items: PyObject[];
  if (Py_TYPE(dct) === PyDict_Type) items = [...dct.entries()].map(([k, v]) => new PyTuple([k, v]));
  else items = iterableToArray(PyObject_CallMethod(dct, "items"));
  if (e.sortKeys) {
    const l = new PyList(items);
    listSort(l, Py_None, false);
    items = l.items;
  }
  let first = true;
  for (const item of items) {
    if (!(item instanceof PyTuple) || item.items.length !== 2) throw valueError("items must return 2-tuples");
    const [key, value] = item.items;
    let keystr: string;
    if (isStr(key)) keystr = strValue(key);
    else if (PyType_IsSubtype(Py_TYPE(key), PyFloat_Type)) keystr = encodeFloat(e, key);
    else if (key === true || key === false || key === Py_None) keystr = key === true ? "true" : key === false ? "false" : "null";
    else if (typeof key === "number" || typeof key === "bigint" || PyType_IsSubtype(Py_TYPE(key), PyLong_Type)) keystr = PyLong_Type.tp_repr?.(key) as string;
    else if (e.skipKeys) continue;
    else throw typeError(`keys must be str, int, float, bool or None, not ${Py_TYPE(key).tp_name}`);
    if (first) {
      first = false;
      if (nl !== null) w.parts.push(nl);
    } else w.parts.push(separator);
    w.parts.push(encodeString(e, keystr));
    w.parts.push(e.keySeparator);
    try {
      encodeObj(w, value, level);
    } catch (err) {
      addNote(err, `when serializing ${typeNameT(Py_TYPE(dct))} item ${PyObject_Repr(key)}`);
      throw err;
    }
  }
  markerLeave(e, id);
  if (!first && nl !== null) w.parts.push(w.newlineIndent(level - 1));
  w.parts.push("}");
}

const encodeArgs = new ArgParser("_iterencode", ["obj", "_current_indent_level"], { required: 2 });
PyEncoder_Type.tp_call = (self, args, start, nargs, kwnames) => {
  const [obj, levelArg] = encodeArgs.parse(args, start, nargs, kwnames) as PyObject[];
  const w = new Writer(self as PyEncoder);
  encodeObj(w, obj, PyNumber_AsSsize_t(levelArg));
  return new PyTuple([w.parts.join("")]);
};
PyEncoder_Type.tp_getset = [
  { name: "markers", get: (v) => (v as PyEncoder).markers },
  { name: "default", get: (v) => (v as PyEncoder).defaultFn },
  { name: "encoder", get: (v) => (v as PyEncoder).encoder },
  { name: "indent", get: (v) => (v as PyEncoder).indent },
  { name: "key_separator", get: (v) => (v as PyEncoder).keySeparator },
  { name: "item_separator", get: (v) => (v as PyEncoder).itemSeparator },
  { name: "sort_keys", get: (v) => (v as PyEncoder).sortKeys },
  { name: "skipkeys", get: (v) => (v as PyEncoder).skipKeys },
];

// --- the module -----------------------------------------------------------------------------------------

const scanstringArgs = new ArgParser("scanstring", ["string", "end", "strict"], { posonly: 3, required: 2 });
const scanstring: Fast = (_s, a, st, n, kw) => {
  const [string, endArg, strictArg] = scanstringArgs.parse(a, st, n, kw) as (PyObject | null)[];
  const end = PyNumber_AsSsize_t(endArg as PyObject);
  const strict = strictArg === null ? true : PyObject_IsTrue(strictArg);
  if (!isStr(string as PyObject)) throw typeError(`first argument must be a string, not ${Py_TYPE(string as PyObject).tp_name}`);
  const [text, after] = scanString(new Source(string as PyObject, strValue(string as PyObject)), end, strict);
  return new PyTuple([text, after]);
};

export function initJson(): PyModule {
  const m = new PyModule("_json", "json speedups\n");
  const d = m.dict;
  d.setStr(
    "scanstring",
    newBuiltinFunction(
      "scanstring",
      scanstring,
      "_json",
      "scanstring(string, end, strict=True) -> (string, end)\n\nScan the string s for a JSON string. End is the index of the\ncharacter in s after the quote that started the JSON string.\nUnescapes all valid JSON string escape sequences and raises ValueError\non attempt to decode an invalid string. If strict is False then literal\ncontrol characters are allowed in the string.\n\nReturns a tuple of the decoded string and the index of the character in s\nafter the end quote.",
    ),
  );
  d.setStr("encode_basestring_ascii", encodeBasestringAscii);
  d.setStr("encode_basestring", encodeBasestring);
  d.setStr("make_scanner", PyScanner_Type);
  d.setStr("make_encoder", PyEncoder_Type);
  return m;
}


