// CPython: Modules/_sre/sre.c — the _sre module: compile(), template(), the case helpers, and the
// re.Pattern, re.Match, _sre.SRE_Scanner and _sre.SRE_Template types over the matcher of sre_lib.ts.
import {
  PyObjectBase, type PyObject, type PyTypeObject, type PyMethodDef, newStaticType, PyBaseObject_Type, Py_None,
  Py_NotImplemented, Py_TYPE, Py_EQ, Py_NE, PyObject_TypeCheck, PyLong_Type,
} from "../../objects/object.js";
import { PyModule } from "../../objects/moduleobject.js";
import { PyTuple } from "../../objects/tupleobject.js";
import { PyList } from "../../objects/listobject.js";
import { PyDict, _genericAlias } from "../../objects/dictobject.js";
import { PyBytes, PyBytes_Type, bytesLike } from "../../objects/bytesobject.js";
import { asStr } from "../../objects/unicodeobject.js";
import { PyMappingProxy } from "../../objects/genericaliasobject.js";
import { PyCallIter } from "../../objects/iterobject.js";
import { PyCFunction, newBuiltinFunction } from "../../objects/methodobject.js";
import {
  PyObject_Repr, PyObject_Hash, PyObject_RichCompareBool, PyCallable_Check, PyObject_CallOneArg, PyObject_GetAttr,
  PyNumber_Index, PyIndex_Check, PyObject_Vectorcall,
} from "../../objects/abstract.js";
import { PyErr_ExceptionMatches, attributeError, typeError, indexError, overflowError, runtimeError, systemError, valueError, badArgument } from "../../python/errors.js";
import { PyExc_TypeError } from "../../objects/exceptions.js";
import { ArgParser } from "../../python/getargs.js";
import { PyImport_ImportModuleLevel } from "../../python/import.js";
import { SreState, sreMatch, sreSearch, sreLowerAscii, sreLowerUnicode, sreUpperUnicode, type SreText } from "./sre_lib.js";
import * as C from "./sre_constants.js";
import { sreValidate } from "./sre_validate.js";

const COPYRIGHT = " SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB ";
const PY_SSIZE_T_MAX = Number.MAX_SAFE_INTEGER;

// --- subjects: the string being matched as an array of code points -----------------------------------

/** A str or bytes-like object prepared for matching (CPython: getstring). */
interface Subject {
  text: SreText;
  isbytes: boolean;
  /** The str value (null for bytes). */
  str: string | null;
  /** For str with surrogate pairs: the UTF-16 index of each code point (length + 1 entries). */
  offsets: Int32Array | null;
  /** The bytes (null for str). */
  bytes: Uint8Array | null;
  length: number;
}

// json, tokenize and friends match the same long string many times from different positions: keep the
// last few conversions.
const subjectCache: Subject[] = [];
const SUBJECT_CACHE_SIZE = 4;

function strSubject(s: string): Subject {
  for (let i = 0; i < subjectCache.length; i++) {
    const c = subjectCache[i];
    if (c.str === s) return c;
  }
  const n = s.length;
  const u = new Uint16Array(n);
  let pairs = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    u[i] = c;
    if ((c & 0xfc00) === 0xd800 && i + 1 < n && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) pairs++;
  }
  let sub: Subject;
  if (pairs === 0) sub = { text: u, isbytes: false, str: s, offsets: null, bytes: null, length: n };
  else {
    const len = n - pairs;
    const text = new Int32Array(len);
    const offsets = new Int32Array(len + 1);
    let k = 0;
    for (let i = 0; i < n; i++, k++) {
      offsets[k] = i;
      const c = u[i];
      if ((c & 0xfc00) === 0xd800 && i + 1 < n && (u[i + 1] & 0xfc00) === 0xdc00) {
        text[k] = ((c - 0xd800) << 10) + (u[i + 1] - 0xdc00) + 0x10000;
        i++;
      } else text[k] = c;
    }
    offsets[len] = n;
    sub = { text, isbytes: false, str: s, offsets, bytes: null, length: len };
  }
  if (subjectCache.length >= SUBJECT_CACHE_SIZE) subjectCache.pop();
  subjectCache.unshift(sub);
  return sub;
}

function getSubject(string: PyObject): Subject | null {
  const s = asStr(string);
  if (s !== null) return strSubject(s);
  const b = bytesLike(string);
  if (b !== null) return { text: b, isbytes: true, str: null, offsets: null, bytes: b, length: b.length };
  return null;
}

function getSubjectOrRaise(string: PyObject): Subject {
  const sub = getSubject(string);
  if (sub === null) throw typeError(`expected string or bytes-like object, got '${Py_TYPE(string).tp_name}'`);
  return sub;
}

function getslice(sub: Subject, string: PyObject, i: number, j: number): PyObject {
  if (sub.isbytes) {
    const b = sub.bytes as Uint8Array;
    if (string instanceof PyBytes && Py_TYPE(string) === PyBytes_Type && i === 0 && j === b.length) return string;
    return new PyBytes(b.slice(i, j));
  }
  const s = sub.str as string;
  if (sub.offsets !== null) return s.slice(sub.offsets[i], sub.offsets[j]);
  return s.slice(i, j);
}

/** The first `n` code points of a repr (CPython's %.<n>R). */
function truncateCodePoints(s: string, n: number): string {
  if (s.length <= n) return s;
  let k = 0;
  let i = 0;
  while (i < s.length && k < n) {
    const c = s.charCodeAt(i);
    i += (c & 0xfc00) === 0xd800 && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    k++;
  }
  return s.slice(0, i);
}

function ssizeArg(v: PyObject | null, dflt: number): number {
  if (v === null) return dflt;
  const i = PyNumber_Index(v);
  if (typeof i === "number") return i;
  if (i >= -(2n ** 63n) && i < 2n ** 63n) return i < 0n ? -PY_SSIZE_T_MAX : PY_SSIZE_T_MAX;
  throw overflowError("Python int too large to convert to C ssize_t");
}

function intArg(v: PyObject): number {
  const i = PyNumber_Index(v);
  if (typeof i !== "number" || i > 2147483647 || i < -2147483648) throw overflowError("Python int too large to convert to C int");
  return i;
}

// --- Pattern ------------------------------------------------------------------------------------------

export class PatternObject extends PyObjectBase {
  constructor(
    readonly code: Uint32Array,
    readonly pattern: PyObject,
    readonly flags: number,
    readonly groups: number,
    readonly groupindex: PyDict | null,
    readonly indexgroup: PyTuple | null,
    /** 1 for a bytes pattern, 0 for str, -1 for None. */
    readonly isbytes: number,
  ) {
    super();
  }
}
export const Pattern_Type = newStaticType("re.Pattern", PyBaseObject_Type, 0);
PatternObject.prototype.ob_type = Pattern_Type;
Pattern_Type.tp_doc = "Compiled regular expression object.";

/** A prepared search (CPython: state_init). */
class MatchState extends SreState {
  constructor(
    readonly pattern: PatternObject,
    readonly sub: Subject,
    readonly string: PyObject,
    pos: number,
    endpos: number,
  ) {
    super(sub.text, pattern.groups);
    const length = sub.length;
    pos = pos < 0 ? 0 : pos > length ? length : pos;
    endpos = endpos < 0 ? 0 : endpos > length ? length : endpos;
    this.start = pos;
    this.end = endpos;
    this.pos = pos;
    this.endpos = endpos;
  }
}

function stateInit(self: PatternObject, string: PyObject, pos: number, endpos: number): MatchState {
  const sub = getSubjectOrRaise(string);
  if (sub.isbytes && self.isbytes === 0) throw typeError("cannot use a string pattern on a bytes-like object");
  if (!sub.isbytes && self.isbytes > 0) throw typeError("cannot use a bytes pattern on a string-like object");
  return new MatchState(self, sub, string, pos, endpos);
}

/** Group `index` (1-based) of the current state, or None / "" (CPython: state_getslice). */
function stateGetslice(st: MatchState, index: number, empty: boolean): PyObject {
  const k = (index - 1) * 2;
  let i: number;
  let j: number;
  if (k >= st.lastmark || st.mark[k] < 0 || st.mark[k + 1] < 0) {
    if (!empty) return Py_None;
    i = j = 0;
  } else {
    i = st.mark[k];
    j = st.mark[k + 1];
    if (i > j) throw systemError("The span of capturing group is wrong, please report a bug for the re module.");
  }
  return getslice(st.sub, st.string, i, j);
}

const asPattern = (v: PyObject): PatternObject => v as PatternObject;

type Fast = (self: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null) => PyObject;
const fast = (name: string, fn: Fast, doc?: string): PyMethodDef => ({ name, kind: "fast", fn: fn as PyMethodDef["fn"], doc });

const matchArgs = (name: string): ArgParser => new ArgParser(name, ["string", "pos", "endpos"], { required: 1 });
const matchParser = matchArgs("match");
const fullmatchParser = matchArgs("fullmatch");
const searchParser = matchArgs("search");
const findallParser = matchArgs("findall");
const finditerParser = matchArgs("finditer");
const scannerParser = matchArgs("scanner");
const splitParser = new ArgParser("split", ["string", "maxsplit"], { required: 1 });
const subParser = new ArgParser("sub", ["repl", "string", "count"], { required: 2 });
const subnParser = new ArgParser("subn", ["repl", "string", "count"], { required: 2 });

function parseState(p: ArgParser, self: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null): MatchState {
  const [string, pos, endpos] = p.parse(args, start, nargs, kw);
  return stateInit(asPattern(self), string as PyObject, ssizeArg(pos, 0), ssizeArg(endpos, PY_SSIZE_T_MAX));
}

function patternMatch(self: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null): PyObject {
  const st = parseState(matchParser, self, args, start, nargs, kw);
  st.ptr = st.start;
  try {
    return newMatch(st, sreMatch(st, st.pattern.code, 0, true));
  } finally {
    st.release();
  }
}

function patternFullmatch(self: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null): PyObject {
  const st = parseState(fullmatchParser, self, args, start, nargs, kw);
  st.ptr = st.start;
  st.matchAll = true;
  try {
    return newMatch(st, sreMatch(st, st.pattern.code, 0, true));
  } finally {
    st.release();
  }
}

function patternSearch(self: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null): PyObject {
  const st = parseState(searchParser, self, args, start, nargs, kw);
  try {
    return newMatch(st, sreSearch(st, st.pattern.code));
  } finally {
    st.release();
  }
}

function patternFindall(self: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null): PyObject {
  const st = parseState(findallParser, self, args, start, nargs, kw);
  try {
    const code = st.pattern.code;
    const groups = st.pattern.groups;
    const out: PyObject[] = [];
    while (st.start <= st.end) {
      st.reset();
      st.ptr = st.start;
      if (!sreSearch(st, code)) break;
      let item: PyObject;
      if (groups === 0) item = getslice(st.sub, st.string, st.start, st.ptr);
      else if (groups === 1) item = stateGetslice(st, 1, true);
      else {
        const items: PyObject[] = new Array(groups);
        for (let i = 0; i < groups; i++) items[i] = stateGetslice(st, i + 1, true);
        item = new PyTuple(items);
      }
      out.push(item);
      st.mustAdvance = st.ptr === st.start;
      st.start = st.ptr;
    }
    return new PyList(out);
  } finally {
    st.release();
  }
}

function patternFinditer(self: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null): PyObject {
  const scanner = new ScannerObject(parseState(finditerParser, self, args, start, nargs, kw));
  return new PyCallIter(new PyCFunction(scannerSearchDef, scanner, Py_None, Scanner_Type), Py_None);
}

function patternScanner(self: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null): PyObject {
  return new ScannerObject(parseState(scannerParser, self, args, start, nargs, kw));
}

function patternSplit(self: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null): PyObject {
  const [string, maxsplitArg] = splitParser.parse(args, start, nargs, kw);
  const maxsplit = ssizeArg(maxsplitArg, 0);
  const st = stateInit(asPattern(self), string as PyObject, 0, PY_SSIZE_T_MAX);
  try {
    const code = st.pattern.code;
    const groups = st.pattern.groups;
    const out: PyObject[] = [];
    let n = 0;
    let last = st.start;
    while (!maxsplit || n < maxsplit) {
      st.reset();
      st.ptr = st.start;
      if (!sreSearch(st, code)) break;
      out.push(getslice(st.sub, st.string, last, st.start));
      for (let i = 0; i < groups; i++) out.push(stateGetslice(st, i + 1, false));
      n++;
      st.mustAdvance = st.ptr === st.start;
      last = st.start = st.ptr;
    }
    out.push(getslice(st.sub, st.string, last, st.endpos));
    return new PyList(out);
  } finally {
    st.release();
  }
}

// --- templates (replacement strings) ------------------------------------------------------------------

export class TemplateObject extends PyObjectBase {
  constructor(
    /** The first literal (str or bytes). */
    readonly literal: PyObject,
    /** Group indices, each followed in `literals` by a literal or null (empty). */
    readonly indices: number[],
    readonly literals: (PyObject | null)[],
  ) {
    super();
  }
}
export const Template_Type = newStaticType("_sre.SRE_Template", PyBaseObject_Type, 0);
TemplateObject.prototype.ob_type = Template_Type;

function sreTemplate(_m: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null): PyObject {
  if (kw !== null && kw.items.length) throw typeError("template() takes no keyword arguments");
  if (nargs !== 2) throw typeError(`template expected 2 arguments, got ${nargs}`);
  const template = args[start + 1];
  if (!(template instanceof PyList)) throw badArgument("template", "argument 2", "list", template);
  const items = template.items;
  const n = items.length;
  if ((n & 1) === 0 || n < 1) throw typeError("invalid template");
  const indices: number[] = [];
  const literals: (PyObject | null)[] = [];
  for (let i = 0; i < (n - 1) / 2; i++) {
    const item = items[2 * i + 1];
    // PyLong_AsSsize_t: no __index__ here
    if (typeof item !== "number" && typeof item !== "bigint" && typeof item !== "boolean" && !PyObject_TypeCheck(item, PyLong_Type)) {
      throw typeError("an integer is required");
    }
    const index = ssizeArg(item, 0);
    if (index < 0) throw typeError("invalid template");
    indices.push(index);
    const literal = items[2 * i + 2];
    const s = typeof literal === "string" ? literal : null;
    const isEmpty = s === "" || (literal instanceof PyBytes && literal.value.length === 0);
    literals.push(isEmpty ? null : literal);
  }
  return new TemplateObject(items[0], indices, literals);
}

let compileTemplateFunc: PyObject | null = null;

/** re._compile_template(pattern, repl) (CPython: compile_template). */
function compileTemplate(pattern: PatternObject, template: PyObject): TemplateObject {
  if (compileTemplateFunc === null) {
    const re = PyImport_ImportModuleLevel("re", Py_None, Py_None, 0);
    compileTemplateFunc = PyObject_GetAttr(re, "_compile_template");
  }
  const func = compileTemplateFunc;
  let result: PyObject;
  try {
    result = PyObject_Vectorcall(func, [pattern, template], 0, 2, null);
  } catch (e) {
    // an unhashable replacement (e.g. bytearray): convert it to str or bytes and retry
    if (!PyErr_ExceptionMatches(e, PyExc_TypeError)) throw e;
    const s = asStr(template);
    let t: PyObject;
    if (s !== null && typeof template !== "string") t = s;
    else {
      const b = bytesLike(template);
      if (b !== null && !(template instanceof PyBytes && Py_TYPE(template) === PyBytes_Type)) t = new PyBytes(b.slice());
      else throw e;
    }
    result = PyObject_Vectorcall(func, [pattern, t], 0, 2, null);
  }
  if (!(result instanceof TemplateObject)) {
    throw runtimeError(`the result of compiling a replacement string is ${Py_TYPE(result).tp_name}`);
  }
  return result;
}

function joinParts(parts: PyObject[], isbytes: boolean): PyObject {
  if (!isbytes) {
    let out = "";
    for (let i = 0; i < parts.length; i++) {
      const s = asStr(parts[i]);
      if (s === null) throw typeError(`sequence item ${i}: expected str instance, ${Py_TYPE(parts[i]).tp_name} found`);
      out += s;
    }
    return out;
  }
  let total = 0;
  const bufs: Uint8Array[] = [];
  for (let i = 0; i < parts.length; i++) {
    const b = bytesLike(parts[i]);
    if (b === null) throw typeError(`sequence item ${i}: expected a bytes-like object, ${Py_TYPE(parts[i]).tp_name} found`);
    bufs.push(b);
    total += b.length;
  }
  const r = new Uint8Array(total);
  let k = 0;
  for (const b of bufs) {
    r.set(b, k);
    k += b.length;
  }
  return new PyBytes(r);
}

function expandTemplate(t: TemplateObject, m: MatchObject): PyObject {
  if (t.indices.length === 0) return t.literal;
  const out: PyObject[] = [t.literal];
  for (let i = 0; i < t.indices.length; i++) {
    const index = t.indices[i];
    if (index >= m.groups) throw indexError("no such group");
    const item = matchGetsliceByIndex(m, index, Py_None);
    if (item !== Py_None) out.push(item);
    const lit = t.literals[i];
    if (lit !== null) out.push(lit);
  }
  return joinParts(out, asStr(t.literal) === null);
}

function patternSubx(self: PatternObject, ptemplate: PyObject, string: PyObject, count: number, subn: boolean): PyObject {
  const LITERAL = 0;
  const TEMPLATE = 1;
  const CALLABLE = 2;
  let filterType: number;
  let filter: PyObject;
  if (PyCallable_Check(ptemplate)) {
    filter = ptemplate;
    filterType = CALLABLE;
  } else {
    let literal = false;
    const s = asStr(ptemplate);
    if (s !== null) literal = !s.includes("\\");
    else {
      const b = bytesLike(ptemplate);
      if (b !== null) literal = !b.includes(0x5c);
    }
    if (literal) {
      filter = ptemplate;
      filterType = LITERAL;
    } else {
      const t = compileTemplate(self, ptemplate);
      if (t.indices.length === 0) {
        filter = t.literal;
        filterType = LITERAL;
      } else {
        filter = t;
        filterType = TEMPLATE;
      }
    }
  }

  const st = stateInit(self, string, 0, PY_SSIZE_T_MAX);
  try {
    const code = self.code;
    const list: PyObject[] = [];
    let n = 0;
    let i = 0;
    while (!count || n < count) {
      st.reset();
      st.ptr = st.start;
      if (!sreSearch(st, code)) break;
      const b = st.start;
      const e = st.ptr;
      if (i < b) list.push(getslice(st.sub, st.string, i, b));
      let item: PyObject;
      if (filterType !== LITERAL) {
        const match = newMatch(st, true) as MatchObject;
        item = filterType === TEMPLATE ? expandTemplate(filter as TemplateObject, match) : PyObject_CallOneArg(filter, match);
      } else item = filter;
      if (item !== Py_None) list.push(item);
      i = e;
      n++;
      st.mustAdvance = st.ptr === st.start;
      st.start = st.ptr;
    }
    if (i < st.endpos) list.push(getslice(st.sub, st.string, i, st.endpos));
    let result: PyObject;
    if (list.length === 0) result = st.sub.isbytes ? new PyBytes(new Uint8Array(0)) : "";
    else result = joinParts(list, st.sub.isbytes);
    return subn ? new PyTuple([result, n]) : result;
  } finally {
    st.release();
  }
}

function patternSub(self: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null): PyObject {
  const [repl, string, count] = subParser.parse(args, start, nargs, kw);
  return patternSubx(asPattern(self), repl as PyObject, string as PyObject, ssizeArg(count, 0), false);
}

function patternSubn(self: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null): PyObject {
  const [repl, string, count] = subnParser.parse(args, start, nargs, kw);
  return patternSubx(asPattern(self), repl as PyObject, string as PyObject, ssizeArg(count, 0), true);
}

const FLAG_NAMES: [string, number][] = [
  ["re.IGNORECASE", C.SRE_FLAG_IGNORECASE],
  ["re.LOCALE", C.SRE_FLAG_LOCALE],
  ["re.MULTILINE", C.SRE_FLAG_MULTILINE],
  ["re.DOTALL", C.SRE_FLAG_DOTALL],
  ["re.UNICODE", C.SRE_FLAG_UNICODE],
  ["re.VERBOSE", C.SRE_FLAG_VERBOSE],
  ["re.DEBUG", C.SRE_FLAG_DEBUG],
  ["re.ASCII", C.SRE_FLAG_ASCII],
];

Pattern_Type.tp_repr = (v) => {
  const self = asPattern(v);
  let flags = self.flags;
  // omit re.UNICODE for valid string patterns
  if (self.isbytes === 0 && (flags & (C.SRE_FLAG_LOCALE | C.SRE_FLAG_UNICODE | C.SRE_FLAG_ASCII)) === C.SRE_FLAG_UNICODE) {
    flags &= ~C.SRE_FLAG_UNICODE;
  }
  const items: string[] = [];
  for (const [name, value] of FLAG_NAMES) {
    if (flags & value) {
      items.push(name);
      flags &= ~value;
    }
  }
  if (flags) items.push("0x" + (flags >>> 0).toString(16));
  const pat = truncateCodePoints(PyObject_Repr(self.pattern), 200);
  return items.length ? `re.compile(${pat}, ${items.join("|")})` : `re.compile(${pat})`;
};

Pattern_Type.tp_hash = (v) => {
  const self = asPattern(v);
  let hash = PyObject_Hash(self.pattern);
  // FNV-1a over the code words
  let h2 = 0x811c9dc5;
  for (let i = 0; i < self.code.length; i++) h2 = Math.imul(h2 ^ self.code[i], 0x01000193);
  let x = BigInt.asIntN(64, BigInt(hash) ^ BigInt(h2 | 0) ^ BigInt(self.flags) ^ BigInt(self.isbytes) ^ BigInt(self.code.length));
  if (x === -1n) x = -2n;
  hash = x >= BigInt(Number.MIN_SAFE_INTEGER) && x <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(x) : x;
  return hash;
};

Pattern_Type.tp_richcompare = (v, w, op) => {
  if (op !== Py_EQ && op !== Py_NE) return Py_NotImplemented;
  if (!(w instanceof PatternObject) || Py_TYPE(w) !== Pattern_Type) return Py_NotImplemented;
  if (v === w) return op === Py_EQ;
  const left = asPattern(v);
  const right = w;
  let cmp = left.flags === right.flags && left.isbytes === right.isbytes && left.code.length === right.code.length;
  if (cmp) {
    for (let i = 0; i < left.code.length; i++) {
      if (left.code[i] !== right.code[i]) {
        cmp = false;
        break;
      }
    }
  }
  if (cmp) cmp = PyObject_RichCompareBool(left.pattern, right.pattern, Py_EQ);
  return op === Py_NE ? !cmp : cmp;
};

Pattern_Type.tp_new = () => {
  throw typeError("cannot create 're.Pattern' instances");
};

const classGetitem: PyMethodDef = {
  name: "__class_getitem__",
  kind: "o",
  binding: "class",
  fn: ((cls: PyObject, item: PyObject) => _genericAlias(cls, item)) as PyMethodDef["fn"],
  doc: "See PEP 585",
};
const identity = ((self: PyObject) => self) as PyMethodDef["fn"];
/** The setter of a read-only member (CPython: PyMemberDef with Py_READONLY). */
const readonly = (): void => {
  throw attributeError("readonly attribute");
};

Pattern_Type.tp_methods = [
  fast("match", patternMatch, "Matches zero or more characters at the beginning of the string."),
  fast("fullmatch", patternFullmatch, "Matches against all of the string."),
  fast("search", patternSearch, "Scan through string looking for a match, and return a corresponding match object instance.\n\nReturn None if no position in the string matches."),
  fast("sub", patternSub, "Return the string obtained by replacing the leftmost non-overlapping occurrences of pattern in string by the replacement repl."),
  fast("subn", patternSubn, "Return the tuple (new_string, number_of_subs_made) found by replacing the leftmost non-overlapping occurrences of pattern with the replacement repl."),
  fast("findall", patternFindall, "Return a list of all non-overlapping matches of pattern in string."),
  fast("split", patternSplit, "Split string by the occurrences of pattern."),
  fast("finditer", patternFinditer, "Return an iterator over all non-overlapping matches for the RE pattern in string.\n\nFor each match, the iterator returns a match object."),
  fast("scanner", patternScanner),
  { name: "__copy__", kind: "noargs", fn: identity },
  { name: "__deepcopy__", kind: "o", fn: identity },
  classGetitem,
];

Pattern_Type.tp_getset = [
  { name: "pattern", set: readonly, get: (v) => asPattern(v).pattern, doc: "The pattern string from which the RE object was compiled." },
  { name: "flags", set: readonly, get: (v) => asPattern(v).flags, doc: "The regex matching flags." },
  { name: "groups", set: readonly, get: (v) => asPattern(v).groups, doc: "The number of capturing groups in the pattern." },
  {
    name: "groupindex",
    get: (v) => {
      const gi = asPattern(v).groupindex;
      return gi === null ? new PyDict() : new PyMappingProxy(gi);
    },
    doc: "A dictionary mapping group names to group numbers.",
  },
];

// --- Match --------------------------------------------------------------------------------------------

export class MatchObject extends PyObjectBase {
  regs: PyTuple | null = null;
  constructor(
    readonly pattern: PatternObject,
    readonly string: PyObject,
    readonly sub: Subject,
    /** Spans of group 0..groups-1; -1 for groups that did not participate. */
    readonly mark: Int32Array,
    /** Number of groups including group 0. */
    readonly groups: number,
    readonly pos: number,
    readonly endpos: number,
    readonly lastindex: number,
  ) {
    super();
  }
}
export const Match_Type = newStaticType("re.Match", PyBaseObject_Type, 0);
MatchObject.prototype.ob_type = Match_Type;
Match_Type.tp_doc = "The result of re.match() and re.search().\nMatch objects always have a boolean value of True.";
Match_Type.tp_new = () => {
  throw typeError("cannot create 're.Match' instances");
};

/** CPython: pattern_new_match. */
function newMatch(st: MatchState, status: boolean): PyObject {
  if (!status) return Py_None;
  const pattern = st.pattern;
  const groups = pattern.groups;
  const mark = new Int32Array(2 * (groups + 1));
  mark[0] = st.start;
  mark[1] = st.ptr;
  for (let i = 0, j = 0; i < groups; i++, j += 2) {
    if (j + 1 <= st.lastmark && st.mark[j] >= 0 && st.mark[j + 1] >= 0) {
      mark[j + 2] = st.mark[j];
      mark[j + 3] = st.mark[j + 1];
      if (mark[j + 2] > mark[j + 3]) {
        throw systemError("The span of capturing group is wrong, please report a bug for the re module.");
      }
    } else {
      mark[j + 2] = mark[j + 3] = -1;
    }
  }
  return new MatchObject(pattern, st.string, st.sub, mark, groups + 1, st.pos, st.endpos, st.lastindex);
}

const asMatch = (v: PyObject): MatchObject => v as MatchObject;

function matchGetsliceByIndex(self: MatchObject, index: number, def: PyObject): PyObject {
  const k = index * 2;
  if (self.mark[k] < 0) return def;
  let i = self.mark[k];
  let j = self.mark[k + 1];
  if (self.sub.isbytes) {
    // a bytearray may have changed since the match: slice its current contents
    const b = bytesLike(self.string) ?? new Uint8Array(0);
    i = Math.min(i, b.length);
    j = Math.min(j, b.length);
    const cur: Subject = { ...self.sub, bytes: b, text: b, length: b.length };
    return getslice(cur, self.string, i, j);
  }
  return getslice(self.sub, self.string, i, j);
}

function matchGetindex(self: MatchObject, index: PyObject | null): number {
  if (index === null) return 0;
  let i = -1;
  if (PyIndex_Check(index)) {
    const v = PyNumber_Index(index);
    i = typeof v === "number" ? v : v < 0n ? -1 : PY_SSIZE_T_MAX;
  } else if (self.pattern.groupindex !== null) {
    const g = self.pattern.groupindex.getItem(index);
    if (g !== undefined && (typeof g === "number" || typeof g === "boolean")) i = Number(g);
  }
  if (i < 0 || i >= self.groups) throw indexError("no such group");
  return i;
}

function matchGetslice(self: MatchObject, index: PyObject | null, def: PyObject): PyObject {
  return matchGetsliceByIndex(self, matchGetindex(self, index), def);
}

function matchGroup(self: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null): PyObject {
  if (kw !== null && kw.items.length) throw typeError("group() takes no keyword arguments");
  const m = asMatch(self);
  if (nargs === 0) return matchGetslice(m, 0, Py_None);
  if (nargs === 1) return matchGetslice(m, args[start], Py_None);
  const items: PyObject[] = new Array(nargs);
  for (let i = 0; i < nargs; i++) items[i] = matchGetslice(m, args[start + i], Py_None);
  return new PyTuple(items);
}

function groupArg(name: string, nargs: number, kw: PyTuple | null): void {
  if (kw !== null && kw.items.length) throw typeError(`${name}() takes no keyword arguments`);
  if (nargs > 1) throw typeError(`${name} expected at most 1 argument, got ${nargs}`);
}

const groupsParser = new ArgParser("groups", ["default"]);
const groupdictParser = new ArgParser("groupdict", ["default"]);
const expandParser = new ArgParser("expand", ["template"], { required: 1 });

Match_Type.tp_methods = [
  {
    name: "group",
    kind: "fast",
    fn: matchGroup as PyMethodDef["fn"],
    doc: "group([group1, ...]) -> str or tuple.\n    Return subgroup(s) of the match by indices or names.\n    For 0 returns the entire match.",
  },
  fast("start", (self, args, start, nargs, kw) => {
    groupArg("start", nargs, kw);
    const m = asMatch(self);
    return m.mark[matchGetindex(m, nargs ? args[start] : null) * 2];
  }, "Return index of the start of the substring matched by group."),
  fast("end", (self, args, start, nargs, kw) => {
    groupArg("end", nargs, kw);
    const m = asMatch(self);
    return m.mark[matchGetindex(m, nargs ? args[start] : null) * 2 + 1];
  }, "Return index of the end of the substring matched by group."),
  fast("span", (self, args, start, nargs, kw) => {
    groupArg("span", nargs, kw);
    const m = asMatch(self);
    const i = matchGetindex(m, nargs ? args[start] : null);
    return new PyTuple([m.mark[2 * i], m.mark[2 * i + 1]]);
  }, "For match object m, return the 2-tuple (m.start(group), m.end(group))."),
  fast("groups", (self, args, start, nargs, kw) => {
    const [d] = groupsParser.parse(args, start, nargs, kw);
    const m = asMatch(self);
    const items: PyObject[] = [];
    for (let i = 1; i < m.groups; i++) items.push(matchGetsliceByIndex(m, i, d ?? Py_None));
    return new PyTuple(items);
  }, "Return a tuple containing all the subgroups of the match, from 1."),
  fast("groupdict", (self, args, start, nargs, kw) => {
    const [d] = groupdictParser.parse(args, start, nargs, kw);
    const m = asMatch(self);
    const result = new PyDict();
    const gi = m.pattern.groupindex;
    if (gi === null) return result;
    for (const [key] of gi.entries()) result.setItem(key, matchGetslice(m, key, d ?? Py_None));
    return result;
  }, "Return a dictionary containing all the named subgroups of the match, keyed by the subgroup name."),
  fast("expand", (self, args, start, nargs, kw) => {
    const [template] = expandParser.parse(args, start, nargs, kw);
    const m = asMatch(self);
    return expandTemplate(compileTemplate(m.pattern, template as PyObject), m);
  }, "Return the string obtained by doing backslash substitution on the string template, as done by the sub() method."),
  { name: "__copy__", kind: "noargs", fn: identity },
  { name: "__deepcopy__", kind: "o", fn: identity },
  classGetitem,
];

Match_Type.tp_getset = [
  {
    name: "lastindex",
    get: (v) => (asMatch(v).lastindex >= 0 ? asMatch(v).lastindex : Py_None),
    doc: "The integer index of the last matched capturing group.",
  },
  {
    name: "lastgroup",
    get: (v) => {
      const m = asMatch(v);
      const ig = m.pattern.indexgroup;
      if (ig !== null && m.lastindex >= 0 && m.lastindex < ig.items.length) return ig.items[m.lastindex];
      return Py_None;
    },
    doc: "The name of the last matched capturing group.",
  },
  {
    name: "regs",
    get: (v) => {
      const m = asMatch(v);
      if (m.regs === null) {
        const items: PyObject[] = [];
        for (let i = 0; i < m.groups; i++) items.push(new PyTuple([m.mark[2 * i], m.mark[2 * i + 1]]));
        m.regs = new PyTuple(items);
      }
      return m.regs;
    },
  },
  { name: "string", set: readonly, get: (v) => asMatch(v).string, doc: "The string passed to match() or search()." },
  { name: "re", set: readonly, get: (v) => asMatch(v).pattern, doc: "The regular expression object." },
  { name: "pos", set: readonly, get: (v) => asMatch(v).pos, doc: "The index into the string at which the RE engine started looking for a match." },
  { name: "endpos", set: readonly, get: (v) => asMatch(v).endpos, doc: "The index into the string beyond which the RE engine will not go." },
];

Match_Type.mp_subscript = (v, key) => matchGetslice(asMatch(v), key, Py_None);

Match_Type.tp_repr = (v) => {
  const m = asMatch(v);
  const group0 = matchGetsliceByIndex(m, 0, Py_None);
  return `<${Py_TYPE(v).tp_name} object; span=(${m.mark[0]}, ${m.mark[1]}), match=${truncateCodePoints(PyObject_Repr(group0), 50)}>`;
};

// --- Scanner ------------------------------------------------------------------------------------------

export class ScannerObject extends PyObjectBase {
  executing = false;
  /** state.start == NULL in CPython: the scan is over. */
  done = false;
  constructor(readonly state: MatchState) {
    super();
  }
}
export const Scanner_Type = newStaticType("_sre.SRE_Scanner", PyBaseObject_Type, 0);
ScannerObject.prototype.ob_type = Scanner_Type;
Scanner_Type.tp_new = () => {
  throw typeError("cannot create '_sre.SRE_Scanner' instances");
};

function scannerStep(v: PyObject, search: boolean): PyObject {
  const self = v as ScannerObject;
  if (self.executing) throw valueError("regular expression scanner already executing");
  if (self.done) return Py_None;
  self.executing = true;
  try {
    const st = self.state;
    st.reset();
    st.ptr = st.start;
    const status = search ? sreSearch(st, st.pattern.code) : sreMatch(st, st.pattern.code, 0, true);
    const match = newMatch(st, status);
    if (!status) self.done = true;
    else {
      st.mustAdvance = st.ptr === st.start;
      st.start = st.ptr;
    }
    return match;
  } finally {
    self.executing = false;
  }
}

const scannerSearchDef: PyMethodDef = { name: "search", kind: "noargs", fn: ((v: PyObject) => scannerStep(v, true)) as PyMethodDef["fn"] };
Scanner_Type.tp_methods = [
  { name: "match", kind: "noargs", fn: ((v: PyObject) => scannerStep(v, false)) as PyMethodDef["fn"] },
  scannerSearchDef,
];
Scanner_Type.tp_getset = [{ name: "pattern", set: readonly, get: (v) => (v as ScannerObject).state.pattern }];

// --- module functions ---------------------------------------------------------------------------------

const compileParser = new ArgParser("compile", ["pattern", "flags", "code", "groups", "groupindex", "indexgroup"], { required: 6 });

function sreCompile(_m: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null): PyObject {
  const [pattern, flagsArg, codeArg, groupsArg, groupindex, indexgroup] = compileParser.parse(args, start, nargs, kw) as PyObject[];
  const flags = intArg(flagsArg);
  if (!(codeArg instanceof PyList)) throw badArgument("compile", "argument 'code'", "list", codeArg);
  const groups = ssizeArg(groupsArg, 0);
  if (!(groupindex instanceof PyDict)) throw badArgument("compile", "argument 'groupindex'", "dict", groupindex);
  if (!(indexgroup instanceof PyTuple)) throw badArgument("compile", "argument 'indexgroup'", "tuple", indexgroup);
  const items = codeArg.items;
  const code = new Uint32Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const o = items[i];
    let value: number | bigint;
    if (typeof o === "number" || typeof o === "bigint") value = o;
    else if (typeof o === "boolean") value = o ? 1 : 0;
    else if (o instanceof PyObjectBase && PyIndex_Check(o)) value = PyNumber_Index(o);
    else throw typeError(`'${Py_TYPE(o).tp_name}' object cannot be interpreted as an integer`);
    if (value < 0) throw overflowError("can't convert negative value to unsigned int");
    if (value > 0xffffffffffffffffn) throw overflowError("Python int too large to convert to C unsigned long");
    if (value > 0xffffffff) throw overflowError("regular expression code size limit exceeded");
    code[i] = Number(value);
  }
  let isbytes: number;
  if (pattern === Py_None) isbytes = -1;
  else {
    const sub = getSubject(pattern);
    if (sub === null) throw typeError(`expected string or bytes-like object, got '${Py_TYPE(pattern).tp_name}'`);
    isbytes = sub.isbytes ? 1 : 0;
  }
  let gi: PyDict | null = null;
  let ig: PyTuple | null = null;
  if (groupindex.size > 0) {
    gi = groupindex;
    if (indexgroup.items.length > 0) ig = indexgroup;
  }
  if (!sreValidate(code, groups)) throw runtimeError("invalid SRE code");
  return new PatternObject(code, pattern, flags, groups, gi, ig, isbytes);
}

function charFunc(name: string, f: (ch: number) => PyObject): PyCFunction {
  return newBuiltinFunction(name, (_m, args, start, nargs, kw) => {
    if (kw !== null && kw.items.length) throw typeError(`${name}() takes no keyword arguments`);
    if (nargs !== 1) throw typeError(`${name}() takes exactly one argument (${nargs} given)`);
    return f(intArg(args[start]) >>> 0);
  }, "_sre");
}

export function init_sre(): PyModule {
  const m = new PyModule("_sre");
  const d = m.dict;
  d.setStr("compile", newBuiltinFunction("compile", sreCompile, "_sre"));
  d.setStr("template", newBuiltinFunction("template", sreTemplate, "_sre"));
  d.setStr("getcodesize", newBuiltinFunction("getcodesize", (_m, _a, _s, nargs) => {
    if (nargs !== 0) throw typeError(`getcodesize() takes no arguments (${nargs} given)`);
    return C.SRE_CODESIZE;
  }, "_sre"));
  d.setStr("ascii_iscased", charFunc("ascii_iscased", (ch) => ch < 128 && ((ch | 0x20) >= 0x61 && (ch | 0x20) <= 0x7a)));
  d.setStr("unicode_iscased", charFunc("unicode_iscased", (ch) => ch !== sreLowerUnicode(ch) || ch !== sreUpperUnicode(ch)));
  d.setStr("ascii_tolower", charFunc("ascii_tolower", (ch) => (ch < 128 ? sreLowerAscii(ch) : ch | 0)));
  d.setStr("unicode_tolower", charFunc("unicode_tolower", (ch) => sreLowerUnicode(ch) | 0));
  d.setStr("MAGIC", C.SRE_MAGIC);
  d.setStr("CODESIZE", C.SRE_CODESIZE);
  d.setStr("MAXREPEAT", C.SRE_MAXREPEAT);
  d.setStr("MAXGROUPS", C.SRE_MAXGROUPS);
  d.setStr("copyright", COPYRIGHT);
  return m;
}
