// CPython: Objects/unicodeobject.c (the str type's slots and methods), Objects/stringlib/
import { type PyObject, type PyMethodDef, PyUnicode_Type, Py_None, Py_NotImplemented, Py_TYPE, PyType_IsSubtype } from "./object.js";
import { PyTuple } from "./tupleobject.js";
import { PyList } from "./listobject.js";
import { PyDict } from "./dictobject.js";
import { PyBytes, decodeBytes, bytesLike, codecNameArg } from "./bytesobject.js";
import { PySlice, sliceIndices } from "./sliceobject.js";
import { PyObject_Str, PyObject_Repr, PyIndex_Check, PyNumber_AsSsize_t, iterableToArray, PyObject_ASCII, PyObject_GetItem, PyObject_Format } from "./abstract.js";
import { unicodeRepr, hasSurrogates, codePoints, unicodeLength, unicodeCompare, PyStrBox, asStr } from "./unicodeobject.js";
import {
  isPrintableCodePoint, _PyUnicode_IsAlpha, _PyUnicode_IsDecimalDigit, _PyUnicode_IsDigit, _PyUnicode_IsNumeric,
  _PyUnicode_IsAlnum, _PyUnicode_IsWhitespace, _PyUnicode_IsUppercase, _PyUnicode_IsLowercase, _PyUnicode_IsTitlecase,
  _PyUnicode_IsXidStart, _PyUnicode_IsXidContinue, _PyUnicode_IsCased, _PyUnicode_IsCaseIgnorable, toLowerFull,
  toUpperFull, toTitleFull, toFoldedFull,
} from "./unicodectype.js";
import { cmpResult, long_hash } from "./longobject.js";
import { typeError, valueError, indexError, overflowError } from "../python/errors.js";
import { ArgParser } from "../python/getargs.js";
import { PyObjectBase, newStaticType, PyBaseObject_Type } from "./object.js";
import { percentFormat } from "./unicode_format.js";
import { formatString } from "./formatter.js";
import { keyError } from "../python/errors.js";
import { newException, PyExc_LookupError, PyExc_UnicodeEncodeError } from "./exceptions.js";
import { formatStrSpec } from "./formatter.js";

const T = PyUnicode_Type;
const str = (v: PyObject): string => (typeof v === "string" ? v : (v as PyStrBox).value);

/** A stable 64-bit FNV-1a string hash (CPython uses SipHash; only stability within a run matters here). */
function unicodeHash(s: string): number | bigint {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
  }
  // 52 bits keeps the hash a safe integer
  const h = (h1 >>> 0) * 0x100000 + ((h2 >>> 0) & 0xfffff) - 2 ** 51;
  return h === -1 ? -2 : h;
}
const hashCache = new Map<string, number | bigint>();

T.tp_repr = (v) => unicodeRepr(str(v));
T.tp_str = (v) => str(v);
T.tp_hash = (v) => {
  const s = str(v);
  if (s.length > 64) return unicodeHash(s);
  let h = hashCache.get(s);
  if (h === undefined) {
    h = unicodeHash(s);
    if (hashCache.size > 100000) hashCache.clear();
    hashCache.set(s, h);
  }
  return h;
};
T.tp_richcompare = (v, w, op) => {
  const ws = asStr(w);
  if (ws === null) return Py_NotImplemented;
  return cmpResult(unicodeCompare(str(v), ws), op);
};
T.sq_length = (v) => unicodeLength(str(v));
T.sq_concat = (v, w) => {
  const ws = asStr(w);
  if (ws === null) throw typeError(`can only concatenate str (not "${Py_TYPE(w).tp_name}") to str`);
  return str(v) + ws;
};
T.sq_repeat = (v, n) => {
  const s = str(v);
  if (n <= 0 || s.length === 0) return "";
  if (s.length * n > 2 ** 29) throw overflowError("repeated string is too long");
  return s.repeat(n);
};
T.sq_contains = (v, w) => {
  const ws = asStr(w);
  if (ws === null) throw typeError(`'in <string>' requires string as left operand, not ${Py_TYPE(w).tp_name}`);
  return str(v).includes(ws);
};
T.mp_subscript = (v, key) => {
  const s = str(v);
  if (key instanceof PySlice) {
    if (!hasSurrogates(s)) {
      const [start, , step, n] = sliceIndices(key, s.length);
      if (step === 1) return s.slice(start, start + n);
      let out = "";
      for (let i = 0, j = start; i < n; i++, j += step) out += s[j];
      return out;
    }
    const cps = codePoints(s);
    const [start, , step, n] = sliceIndices(key, cps.length);
    let out = "";
    for (let i = 0, j = start; i < n; i++, j += step) out += cps[j];
    return out;
  }
  if (!PyIndex_Check(key)) throw typeError(`string indices must be integers, not '${Py_TYPE(key).tp_name}'`);
  let i = PyNumber_AsSsize_t(key, "index");
  if (!hasSurrogates(s)) {
    if (i < 0) i += s.length;
    if (i < 0 || i >= s.length) throw indexError("string index out of range");
    return s[i];
  }
  const cps = codePoints(s);
  if (i < 0) i += cps.length;
  if (i < 0 || i >= cps.length) throw indexError("string index out of range");
  return cps[i];
};
T.nb_remainder = (v, w) => {
  const vs = asStr(v);
  if (vs === null) return Py_NotImplemented;
  return percentFormat(vs, w);
};
T.tp_iter = (v) => new PyUnicodeIter(str(v));

const strArgs = new ArgParser("str", ["object", "encoding", "errors"]);
T.tp_new = (type, args, start, nargs, kwnames) => {
  const [obj, encoding, errors] =
    kwnames === null && nargs <= 1 ? [nargs ? args[start] : null, null, null] : strArgs.parse(args, start, nargs, kwnames);
  let s: string;
  if (obj === null) s = "";
  else if (encoding === null && errors === null) s = PyObject_Str(obj);
  else {
    const enc = codecNameArg("str", "encoding", encoding, "utf-8");
    const errs = codecNameArg("str", "errors", errors, "strict");
    const b = bytesLike(obj);
    if (b === null) {
      if (asStr(obj) !== null) throw typeError("decoding str is not supported");
      throw typeError(`decoding to str: need a bytes-like object, ${Py_TYPE(obj).tp_name} found`);
    }
    s = decodeHook(b, enc, errs);
  }
  if (type === PyUnicode_Type) return s;
  return strSubclassHook(type, s);
};

/** bytes.decode implementation (set by the codecs support; utf-8 built in). */
let decodeHook: (b: Uint8Array, encoding: string, errors: string) => string = (b, e, err) => decodeBytes(b, e, err);
export function setDecodeHook(f: (b: Uint8Array, encoding: string, errors: string) => string): void {
  decodeHook = f;
}
function strSubclassHook(type: import("./object.js").PyTypeObject, s: string): PyObject {
  return new PyStrBox(s, type);
}

// --- iterator --------------------------------------------------------------------------------------

export class PyUnicodeIter extends PyObjectBase {
  index = 0;
  constructor(public s: string | null) {
    super();
  }
}
export const PyUnicodeIter_Type = newStaticType("str_ascii_iterator", PyBaseObject_Type, 0);
PyUnicodeIter.prototype.ob_type = PyUnicodeIter_Type;
PyUnicodeIter_Type.tp_iter = (v) => v;
PyUnicodeIter_Type.tp_iternext = (v) => {
  const it = v as PyUnicodeIter;
  const s = it.s;
  if (s === null) return null;
  if (it.index >= s.length) {
    it.s = null;
    return null;
  }
  const c = s.charCodeAt(it.index);
  if (c >= 0xd800 && c < 0xdc00 && it.index + 1 < s.length) {
    const d = s.charCodeAt(it.index + 1);
    if (d >= 0xdc00 && d < 0xe000) {
      it.index += 2;
      return s.slice(it.index - 2, it.index);
    }
  }
  return s[it.index++];
};

// --- helpers ---------------------------------------------------------------------------------------

/** Python whitespace test on a UTF-16 unit (no whitespace is astral). */
function isWS(c: number): boolean {
  if (c < 0x80) return c === 32 || (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x1f);
  return c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000;
}

function argStr(fname: string, v: PyObject, argn: number): string {
  if (typeof v !== "string") throw typeError(`${fname}() argument ${argn} must be str, not ${Py_TYPE(v).tp_name}`);
  return v;
}

/** Converts start/end arguments (code point indices, None allowed) into UTF-16 offsets of s. */
function sliceBounds(s: string, start: PyObject | null, end: PyObject | null): [number, number] {
  const n = unicodeLength(s);
  let a = start === null || start === Py_None ? 0 : PyNumber_AsSsize_t(start, "clamp");
  let b = end === null || end === Py_None ? n : PyNumber_AsSsize_t(end, "clamp");
  if (a < 0) a = Math.max(0, a + n);
  if (b < 0) b = Math.max(0, b + n);
  if (b > n) b = n;
  if (!hasSurrogates(s)) return [a, b];
  return [cpToUnit(s, a), cpToUnit(s, b)];
}

function cpToUnit(s: string, cp: number): number {
  let u = 0;
  for (let i = 0; i < cp && u < s.length; i++) {
    const c = s.charCodeAt(u);
    u += c >= 0xd800 && c < 0xdc00 && u + 1 < s.length ? 2 : 1;
  }
  return u;
}

function unitToCp(s: string, u: number): number {
  if (!hasSurrogates(s)) return u;
  return unicodeLength(s.slice(0, u));
}

const findArgs = (n: string) => new ArgParser(n, ["sub", "start", "end"], { posonly: 3, required: 1 });

function subArg(fname: string, sub: PyObject): string {
  if (typeof sub !== "string") throw typeError(`must be str, not ${Py_TYPE(sub).tp_name}`);
  void fname;
  return sub;
}

function doFind(s: string, sub: string, a: number, b: number, reverse: boolean): number {
  if (a > s.length || b < a) return -1;
  if (sub.length === 0) return reverse ? (b >= a ? b : -1) : a <= b ? a : -1;
  const hay = s.slice(0, b);
  const r = reverse ? hay.lastIndexOf(sub) : hay.indexOf(sub, a);
  if (r < a) return -1;
  return r;
}

function makeFind(name: string, reverse: boolean, raise: boolean): PyMethodDef {
  const parser = findArgs(name);
  return {
    name,
    kind: "fast",
    fn: ((self: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null) => {
      if (nargs < 1) throw typeError(`${name} expected at least 1 argument, got ${nargs}`);
      const [sub, a, b] = parser.parse(args, start, nargs, kw);
      const s = str(self);
      const [ua, ub] = sliceBounds(s, a, b);
      const r = doFind(s, subArg(name, sub as PyObject), ua, ub, reverse);
      if (r < 0) {
        if (raise) throw valueError("substring not found");
        return -1;
      }
      return unitToCp(s, r);
    }) as PyMethodDef["fn"],
  };
}

function makeStartsEnds(name: string, ends: boolean): PyMethodDef {
  const parser = findArgs(name);
  return {
    name,
    kind: "fast",
    fn: ((self: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null) => {
      if (nargs < 1) throw typeError(`${name} expected at least 1 argument, got ${nargs}`);
      const [prefix, a, b] = parser.parse(args, start, nargs, kw);
      const s = str(self);
      const [ua, ub] = sliceBounds(s, a, b);
      const test = (p: string): boolean => {
        if (ub - ua < p.length || ua > s.length) return false;
        return ends ? s.slice(ua, ub).endsWith(p) : s.startsWith(p, ua) && ua + p.length <= ub;
      };
      if (prefix instanceof PyTuple) {
        for (const p of prefix.items) {
          if (typeof p !== "string") throw typeError(`tuple for ${name} must only contain str, not ${Py_TYPE(p).tp_name}`);
          if (test(p)) return true;
        }
        return false;
      }
      if (typeof prefix !== "string") {
        throw typeError(`${name} first arg must be str or a tuple of str, not ${Py_TYPE(prefix as PyObject).tp_name}`);
      }
      return test(prefix);
    }) as PyMethodDef["fn"],
  };
}

function stripChars(s: string, chars: PyObject | null, left: boolean, right: boolean, fname: string): string {
  if (chars === null || chars === Py_None) {
    let a = 0;
    let b = s.length;
    if (left) while (a < b && isWS(s.charCodeAt(a))) a++;
    if (right) while (b > a && isWS(s.charCodeAt(b - 1))) b--;
    return a === 0 && b === s.length ? s : s.slice(a, b);
  }
  if (typeof chars !== "string") throw typeError(`${fname} arg must be None or str`);
  if (!hasSurrogates(chars) && !hasSurrogates(s)) {
    let a = 0;
    let b = s.length;
    if (left) while (a < b && chars.indexOf(s[a]) >= 0) a++;
    if (right) while (b > a && chars.indexOf(s[b - 1]) >= 0) b--;
    return a === 0 && b === s.length ? s : s.slice(a, b);
  }
  const set = new Set(codePoints(chars));
  const cps = codePoints(s);
  let a = 0;
  let b = cps.length;
  if (left) while (a < b && set.has(cps[a])) a++;
  if (right) while (b > a && set.has(cps[b - 1])) b--;
  return cps.slice(a, b).join("");
}

const splitArgs = (n: string) => new ArgParser(n, ["sep", "maxsplit"]);

function splitWhitespace(s: string, maxsplit: number): string[] {
  const out: string[] = [];
  let i = 0;
  const n = s.length;
  while (i < n) {
    while (i < n && isWS(s.charCodeAt(i))) i++;
    if (i >= n) break;
    if (maxsplit >= 0 && out.length === maxsplit) {
      let j = n;
      while (j > i && isWS(s.charCodeAt(j - 1))) j--;
      out.push(s.slice(i, j));
      return out;
    }
    let j = i;
    while (j < n && !isWS(s.charCodeAt(j))) j++;
    out.push(s.slice(i, j));
    i = j;
  }
  return out;
}

function rsplitWhitespace(s: string, maxsplit: number): string[] {
  const out: string[] = [];
  let i = s.length;
  while (i > 0) {
    while (i > 0 && isWS(s.charCodeAt(i - 1))) i--;
    if (i <= 0) break;
    if (maxsplit >= 0 && out.length === maxsplit) {
      let j = 0;
      while (j < i && isWS(s.charCodeAt(j))) j++;
      out.push(s.slice(j, i));
      break;
    }
    let j = i;
    while (j > 0 && !isWS(s.charCodeAt(j - 1))) j--;
    out.push(s.slice(j, i));
    i = j;
  }
  return out.reverse();
}

function splitSep(s: string, sep: string, maxsplit: number): string[] {
  if (sep.length === 0) throw valueError("empty separator");
  if (maxsplit < 0) return s.split(sep);
  const out: string[] = [];
  let i = 0;
  while (out.length < maxsplit) {
    const j = s.indexOf(sep, i);
    if (j < 0) break;
    out.push(s.slice(i, j));
    i = j + sep.length;
  }
  out.push(s.slice(i));
  return out;
}

function rsplitSep(s: string, sep: string, maxsplit: number): string[] {
  if (sep.length === 0) throw valueError("empty separator");
  if (maxsplit < 0) return s.split(sep);
  const out: string[] = [];
  let end = s.length;
  while (out.length < maxsplit) {
    const j = s.lastIndexOf(sep, end - sep.length);
    if (j < 0 || end - sep.length < 0) break;
    out.push(s.slice(j + sep.length, end));
    end = j;
  }
  out.push(s.slice(0, end));
  return out.reverse();
}

function makeSplit(name: string, right: boolean): PyMethodDef {
  const parser = splitArgs(name);
  return {
    name,
    kind: "fast",
    fn: ((self: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null) => {
      const [sep, maxsplitArg] = parser.parse(args, start, nargs, kw);
      const maxsplit = maxsplitArg === null ? -1 : PyNumber_AsSsize_t(maxsplitArg, "overflow");
      const s = str(self);
      let parts: string[];
      if (sep === null || sep === Py_None) parts = right ? rsplitWhitespace(s, maxsplit) : splitWhitespace(s, maxsplit);
      else {
        if (typeof sep !== "string") throw typeError(`must be str or None, not ${Py_TYPE(sep).tp_name}`);
        parts = right ? rsplitSep(s, sep, maxsplit) : splitSep(s, sep, maxsplit);
      }
      return new PyList(parts);
    }) as PyMethodDef["fn"],
  };
}

function noargs(name: string, f: (s: string) => PyObject): PyMethodDef {
  return { name, kind: "noargs", fn: ((self: PyObject) => f(str(self))) as PyMethodDef["fn"] };
}

function allChars(s: string, pred: (c: string) => boolean): boolean {
  if (s.length === 0) return false;
  for (const c of s) if (!pred(c)) return false;
  return true;
}

const cpOf = (c: string): number => c.codePointAt(0) as number;
const isAlpha = (c: string): boolean => _PyUnicode_IsAlpha(cpOf(c));
const isDecimal = (c: string): boolean => _PyUnicode_IsDecimalDigit(cpOf(c));
const isDigit = (c: string): boolean => _PyUnicode_IsDigit(cpOf(c));
const isNumeric = (c: string): boolean => _PyUnicode_IsNumeric(cpOf(c));
const isAlnum = (c: string): boolean => _PyUnicode_IsAlnum(cpOf(c));

// CPython: unicode_isupper_impl, unicode_islower_impl, unicode_istitle_impl
function isUpperStr(s: string): boolean {
  let cased = false;
  for (const c of s) {
    const cp = cpOf(c);
    if (_PyUnicode_IsLowercase(cp) || _PyUnicode_IsTitlecase(cp)) return false;
    if (!cased && _PyUnicode_IsUppercase(cp)) cased = true;
  }
  return cased;
}
function isLowerStr(s: string): boolean {
  let cased = false;
  for (const c of s) {
    const cp = cpOf(c);
    if (_PyUnicode_IsUppercase(cp) || _PyUnicode_IsTitlecase(cp)) return false;
    if (!cased && _PyUnicode_IsLowercase(cp)) cased = true;
  }
  return cased;
}
function isTitleStr(s: string): boolean {
  let cased = false;
  let prevCased = false;
  for (const c of s) {
    const cp = cpOf(c);
    if (_PyUnicode_IsUppercase(cp) || _PyUnicode_IsTitlecase(cp)) {
      if (prevCased) return false;
      prevCased = cased = true;
    } else if (_PyUnicode_IsLowercase(cp)) {
      if (!prevCased) return false;
      prevCased = cased = true;
    } else prevCased = false;
  }
  return cased;
}

/** str.isidentifier (PEP 3131: XID_Start or '_', then XID_Continue). */
export function isIdentifier(s: string): boolean {
  let first = true;
  for (const c of s) {
    const cp = cpOf(c);
    if (first ? !_PyUnicode_IsXidStart(cp) : !_PyUnicode_IsXidContinue(cp)) return false;
    first = false;
  }
  return !first;
}

/** Appends a full case mapping's result. */
function putMapped(out: string[], m: number[] | number): void {
  out.push(typeof m === "number" ? String.fromCodePoint(m) : String.fromCodePoint(...m));
}

/** CPython: lower_ucs4 — the lower case of cps[i], with the final-sigma rule for U+03A3. */
function lowerAt(cps: number[], i: number): number[] | number {
  const c = cps[i];
  if (c !== 0x3a3) return toLowerFull(c);
  let j = i - 1;
  while (j >= 0 && _PyUnicode_IsCaseIgnorable(cps[j])) j--;
  let finalSigma = j >= 0 && _PyUnicode_IsCased(cps[j]);
  if (finalSigma && i + 1 < cps.length) {
    j = i + 1;
    while (j < cps.length && _PyUnicode_IsCaseIgnorable(cps[j])) j++;
    finalSigma = j === cps.length || !_PyUnicode_IsCased(cps[j]);
  }
  return finalSigma ? 0x3c2 : 0x3c3;
}

function isAsciiStr(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return false;
  return true;
}

function cpArray(s: string): number[] {
  const out: number[] = [];
  for (const c of s) out.push(cpOf(c));
  return out;
}

function lowerStr(s: string): string {
  if (isAsciiStr(s)) return s.toLowerCase();
  const cps = cpArray(s);
  const out: string[] = [];
  for (let i = 0; i < cps.length; i++) putMapped(out, lowerAt(cps, i));
  return out.join("");
}
function upperStr(s: string): string {
  if (isAsciiStr(s)) return s.toUpperCase();
  const out: string[] = [];
  for (const c of s) putMapped(out, toUpperFull(cpOf(c)));
  return out.join("");
}
function casefoldStr(s: string): string {
  if (isAsciiStr(s)) return s.toLowerCase();
  const out: string[] = [];
  for (const c of s) putMapped(out, toFoldedFull(cpOf(c)));
  return out.join("");
}

/** CPython: do_title. */
function titleCase(s: string): string {
  const cps = cpArray(s);
  const out: string[] = [];
  let prevCased = false;
  for (let i = 0; i < cps.length; i++) {
    putMapped(out, prevCased ? lowerAt(cps, i) : toTitleFull(cps[i]));
    prevCased = _PyUnicode_IsCased(cps[i]);
  }
  return out.join("");
}

/** CPython: do_capitalize (title case for the first character, lower case for the rest). */
function capitalizeStr(s: string): string {
  const cps = cpArray(s);
  const out: string[] = [];
  for (let i = 0; i < cps.length; i++) putMapped(out, i === 0 ? toTitleFull(cps[0]) : lowerAt(cps, i));
  return out.join("");
}

function padArgs(name: string): ArgParser {
  return new ArgParser(name, ["width", "fillchar"], { posonly: 2, required: 1 });
}
function fillChar(name: string, f: PyObject | null): string {
  if (f === null) return " ";
  if (typeof f !== "string" || unicodeLength(f) !== 1) {
    throw typeError(`The fill character must be exactly one character long`);
  }
  void name;
  return f;
}
function makePad(name: string, how: (s: string, n: number, fill: string, width: number) => string): PyMethodDef {
  const parser = padArgs(name);
  return {
    name,
    kind: "fast",
    fn: ((self: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null) => {
      const [w, f] = parser.parse(args, start, nargs, kw);
      const width = PyNumber_AsSsize_t(w as PyObject, "overflow");
      const s = str(self);
      const fill = fillChar(name, f);
      const len = unicodeLength(s);
      if (len >= width) return s;
      return how(s, width - len, fill, width);
    }) as PyMethodDef["fn"],
  };
}

function expandTabs(s: string, tabsize: number): string {
  let out = "";
  let col = 0;
  for (const c of s) {
    if (c === "\t") {
      if (tabsize > 0) {
        const n = tabsize - (col % tabsize);
        out += " ".repeat(n);
        col += n;
      }
    } else {
      out += c;
      col = c === "\n" || c === "\r" ? 0 : col + 1;
    }
  }
  return out;
}

const LINE_BREAKS = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/g;
function splitLines(s: string, keepends: boolean): string[] {
  const out: string[] = [];
  let i = 0;
  LINE_BREAKS.lastIndex = 0;
  for (let m = LINE_BREAKS.exec(s); m !== null; m = LINE_BREAKS.exec(s)) {
    out.push(s.slice(i, keepends ? m.index + m[0].length : m.index));
    i = m.index + m[0].length;
  }
  if (i < s.length) out.push(s.slice(i));
  return out;
}

const replaceArgs = new ArgParser("replace", ["old", "new", "count"], { posonly: 2, required: 2 });
const countArgs = findArgs("count");
const splitlinesArgs = new ArgParser("splitlines", ["keepends"]);
const expandtabsArgs = new ArgParser("expandtabs", ["tabsize"]);
const encodeArgs = new ArgParser("encode", ["encoding", "errors"]);

/** str.encode implementation (set by the codecs support; utf-8 built in). */
let encodeHook: (s: string, encoding: string, errors: string) => Uint8Array = encodeBuiltin;

/** str.encode before unicode_encoding.ts installs PyUnicode_AsEncodedString. */
function encodeBuiltin(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}
export function setEncodeHook(f: (s: string, encoding: string, errors: string) => Uint8Array): void {
  encodeHook = f;
}

function partition(s: string, sep: PyObject, right: boolean): PyTuple {
  if (typeof sep !== "string") throw typeError(`must be str, not ${Py_TYPE(sep).tp_name}`);
  if (sep.length === 0) throw valueError("empty separator");
  const i = right ? s.lastIndexOf(sep) : s.indexOf(sep);
  if (i < 0) return right ? new PyTuple(["", "", s]) : new PyTuple([s, "", ""]);
  return new PyTuple([s.slice(0, i), sep, s.slice(i + sep.length)]);
}

/** CPython: do_swapcase. */
function swapcase(s: string): string {
  const cps = cpArray(s);
  const out: string[] = [];
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i];
    if (_PyUnicode_IsUppercase(c)) putMapped(out, lowerAt(cps, i));
    else if (_PyUnicode_IsLowercase(c)) putMapped(out, toUpperFull(c));
    else out.push(String.fromCodePoint(c));
  }
  return out.join("");
}

T.tp_methods = [
  {
    name: "join",
    kind: "o",
    fn: ((self: PyObject, iterable: PyObject) => {
      let items: PyObject[];
      try {
        items = iterableToArray(iterable);
      } catch (e) {
        if (e instanceof Object && Py_TYPE(e as PyObject).tp_name === "TypeError" && !(iterable instanceof PyObjectBase && Py_TYPE(iterable).tp_iter !== null)) {
          throw typeError("can only join an iterable");
        }
        throw e;
      }
      const parts = new Array<string>(items.length);
      for (let i = 0; i < items.length; i++) {
        const s = asStr(items[i]);
        if (s === null) throw typeError(`sequence item ${i}: expected str instance, ${Py_TYPE(items[i]).tp_name} found`);
        parts[i] = s;
      }
      return parts.join(str(self));
    }) as PyMethodDef["fn"],
  },
  makeSplit("split", false),
  makeSplit("rsplit", true),
  {
    name: "strip",
    kind: "fast",
    fn: ((self: PyObject, args: readonly PyObject[], start: number, nargs: number) => {
      if (nargs > 1) throw typeError(`strip expected at most 1 argument, got ${nargs}`);
      return stripChars(str(self), nargs ? args[start] : null, true, true, "strip");
    }) as PyMethodDef["fn"],
  },
  {
    name: "lstrip",
    kind: "fast",
    fn: ((self: PyObject, args: readonly PyObject[], start: number, nargs: number) => {
      if (nargs > 1) throw typeError(`lstrip expected at most 1 argument, got ${nargs}`);
      return stripChars(str(self), nargs ? args[start] : null, true, false, "lstrip");
    }) as PyMethodDef["fn"],
  },
  {
    name: "rstrip",
    kind: "fast",
    fn: ((self: PyObject, args: readonly PyObject[], start: number, nargs: number) => {
      if (nargs > 1) throw typeError(`rstrip expected at most 1 argument, got ${nargs}`);
      return stripChars(str(self), nargs ? args[start] : null, false, true, "rstrip");
    }) as PyMethodDef["fn"],
  },
  {
    name: "replace",
    kind: "fast",
    fn: ((self: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null) => {
      const [o, n, c] = replaceArgs.parse(args, start, nargs, kw);
      const old = argStr("replace", o as PyObject, 1);
      const nw = argStr("replace", n as PyObject, 2);
      const count = c === null ? -1 : PyNumber_AsSsize_t(c, "overflow");
      const s = str(self);
      if (count < 0) {
        if (old.length === 0) return nw + codePoints(s).join(nw) + (s.length ? nw : "");
        return s.split(old).join(nw);
      }
      let out = "";
      let i = 0;
      let k = 0;
      if (old.length === 0) {
        const cps = codePoints(s);
        for (; k < count && i <= cps.length; k++) out += nw + (i < cps.length ? cps[i] : "") , i++;
        return out + cps.slice(i).join("");
      }
      while (k < count) {
        const j = s.indexOf(old, i);
        if (j < 0) break;
        out += s.slice(i, j) + nw;
        i = j + old.length;
        k++;
      }
      return out + s.slice(i);
    }) as PyMethodDef["fn"],
  },
  makeStartsEnds("startswith", false),
  makeStartsEnds("endswith", true),
  makeFind("find", false, false),
  makeFind("rfind", true, false),
  makeFind("index", false, true),
  makeFind("rindex", true, true),
  {
    name: "count",
    kind: "fast",
    fn: ((self: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null) => {
      if (nargs < 1) throw typeError(`count expected at least 1 argument, got ${nargs}`);
      const [sub, a, b] = countArgs.parse(args, start, nargs, kw);
      const s = str(self);
      const [ua, ub] = sliceBounds(s, a, b);
      const t = subArg("count", sub as PyObject);
      if (ua > s.length || ub < ua) return 0;
      if (t.length === 0) return unicodeLength(s.slice(ua, ub)) + 1;
      let n = 0;
      for (let i = s.indexOf(t, ua); i >= 0 && i + t.length <= ub; i = s.indexOf(t, i + t.length)) n++;
      return n;
    }) as PyMethodDef["fn"],
  },
  noargs("upper", upperStr),
  noargs("lower", lowerStr),
  noargs("casefold", casefoldStr),
  noargs("swapcase", swapcase),
  noargs("title", titleCase),
  noargs("capitalize", capitalizeStr),
  noargs("isdigit", (s) => allChars(s, isDigit)),
  noargs("isdecimal", (s) => allChars(s, isDecimal)),
  noargs("isnumeric", (s) => allChars(s, isNumeric)),
  noargs("isalpha", (s) => allChars(s, isAlpha)),
  noargs("isalnum", (s) => allChars(s, isAlnum)),
  noargs("isspace", (s) => allChars(s, (c) => _PyUnicode_IsWhitespace(cpOf(c)))),
  noargs("isupper", isUpperStr),
  noargs("islower", isLowerStr),
  noargs("istitle", isTitleStr),
  noargs("isascii", (s) => /^[\x00-\x7f]*$/.test(s)),
  noargs("isidentifier", isIdentifier),
  noargs("isprintable", (s) => {
    for (const c of s) if (!isPrintableCodePoint(c.codePointAt(0) as number)) return false;
    return true;
  }),
  makePad("center", (s, n, f, width) => {
    const left = Math.floor(n / 2) + (n & width & 1);
    return f.repeat(left) + s + f.repeat(n - left);
  }),
  makePad("ljust", (s, n, f) => s + f.repeat(n)),
  makePad("rjust", (s, n, f) => f.repeat(n) + s),
  {
    name: "zfill",
    kind: "o",
    fn: ((self: PyObject, w: PyObject) => {
      const s = str(self);
      const width = PyNumber_AsSsize_t(w, "overflow");
      const len = unicodeLength(s);
      if (len >= width) return s;
      const fill = "0".repeat(width - len);
      if (s[0] === "+" || s[0] === "-") return s[0] + fill + s.slice(1);
      return fill + s;
    }) as PyMethodDef["fn"],
  },
  { name: "partition", kind: "o", fn: ((self: PyObject, sep: PyObject) => partition(str(self), sep, false)) as PyMethodDef["fn"] },
  { name: "rpartition", kind: "o", fn: ((self: PyObject, sep: PyObject) => partition(str(self), sep, true)) as PyMethodDef["fn"] },
  {
    name: "splitlines",
    kind: "fast",
    fn: ((self: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null) => {
      const [keep] = splitlinesArgs.parse(args, start, nargs, kw);
      return new PyList(splitLines(str(self), keep !== null && keep !== false && keep !== 0));
    }) as PyMethodDef["fn"],
  },
  {
    name: "expandtabs",
    kind: "fast",
    fn: ((self: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null) => {
      const [t] = expandtabsArgs.parse(args, start, nargs, kw);
      return expandTabs(str(self), t === null ? 8 : PyNumber_AsSsize_t(t, "overflow"));
    }) as PyMethodDef["fn"],
  },
  {
    name: "removeprefix",
    kind: "o",
    fn: ((self: PyObject, p: PyObject) => {
      const pre = argStr("removeprefix", p, 1);
      const s = str(self);
      return pre && s.startsWith(pre) ? s.slice(pre.length) : s;
    }) as PyMethodDef["fn"],
  },
  {
    name: "removesuffix",
    kind: "o",
    fn: ((self: PyObject, p: PyObject) => {
      const suf = argStr("removesuffix", p, 1);
      const s = str(self);
      return suf && s.endsWith(suf) ? s.slice(0, s.length - suf.length) : s;
    }) as PyMethodDef["fn"],
  },
  {
    name: "encode",
    kind: "fast",
    fn: ((self: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null) => {
      const [e, errs] = encodeArgs.parse(args, start, nargs, kw);
      return new PyBytes(encodeHook(str(self), codecNameArg("encode", "encoding", e, "utf-8"), codecNameArg("encode", "errors", errs, "strict")));
    }) as PyMethodDef["fn"],
  },
  {
    name: "format",
    kind: "fast",
    fn: ((self: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null) => {
      const kwargs = new Map<string, PyObject>();
      if (kw !== null) kw.items.forEach((k, i) => kwargs.set(k as string, args[start + nargs + i]));
      return formatString(str(self), args.slice(start, start + nargs), (name) => {
        const v = kwargs.get(name);
        if (v === undefined) throw keyErrorStr(name);
        return v;
      });
    }) as PyMethodDef["fn"],
  },
  {
    name: "format_map",
    kind: "o",
    fn: ((self: PyObject, mapping: PyObject) =>
      formatString(str(self), [], (name) => PyObject_GetItem(mapping, name))) as PyMethodDef["fn"],
  },
  {
    name: "__format__",
    kind: "o",
    fn: ((self: PyObject, spec: PyObject) => {
      if (typeof spec !== "string") throw typeError(`__format__() argument must be str, not ${Py_TYPE(spec).tp_name}`);
      return formatStrSpec(str(self), spec);
    }) as PyMethodDef["fn"],
  },
  {
    name: "translate",
    kind: "o",
    fn: ((self: PyObject, table: PyObject) => {
      let out = "";
      for (const c of str(self)) {
        let r: PyObject;
        try {
          r = PyObject_GetItem(table, c.codePointAt(0) as number);
        } catch (e) {
          if (e instanceof Object && ["KeyError", "IndexError", "LookupError"].includes(Py_TYPE(e as PyObject).tp_name)) {
            out += c;
            continue;
          }
          throw e;
        }
        if (r === Py_None) continue;
        if (typeof r === "number") out += String.fromCodePoint(r);
        else if (typeof r === "string") out += r;
        else throw typeError("character mapping must return integer, None or str");
      }
      return out;
    }) as PyMethodDef["fn"],
  },
  {
    name: "maketrans",
    kind: "fast",
    binding: "static",
    fn: ((_self: PyObject, args: readonly PyObject[], start: number, nargs: number) => {
      const d = new PyDict();
      if (nargs === 1) {
        const m = args[start];
        if (!(m instanceof PyDict)) throw typeError("if you give only one argument to maketrans it must be a dict");
        for (const [k, v] of m.entries()) {
          if (typeof k === "string") {
            if (unicodeLength(k) !== 1) throw valueError("string keys in translate table must be of length 1");
            d.setItem(k.codePointAt(0) as number, v);
          } else d.setItem(k, v);
        }
        return d;
      }
      const x = codePoints(argStr("maketrans", args[start], 1));
      const y = codePoints(argStr("maketrans", args[start + 1], 2));
      if (x.length !== y.length) throw valueError("the first two maketrans arguments must have equal length");
      x.forEach((c, i) => d.setItem(c.codePointAt(0) as number, y[i].codePointAt(0) as number));
      if (nargs > 2) for (const c of codePoints(argStr("maketrans", args[start + 2], 3))) d.setItem(c.codePointAt(0) as number, Py_None);
      return d;
    }) as PyMethodDef["fn"],
  },
  { name: "__getnewargs__", kind: "noargs", fn: ((self: PyObject) => new PyTuple([str(self)])) as PyMethodDef["fn"] },
  { name: "__sizeof__", kind: "noargs", fn: ((self: PyObject) => 49 + str(self).length) as PyMethodDef["fn"] },
];

function keyErrorStr(name: string): Error {
  return keyError(name) as unknown as Error;
}
