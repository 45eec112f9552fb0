// CPython: Python/marshal.c — the marshal format (version 0..5) and the `marshal` module.
//
// Writing: CPython marks an object with FLAG_REF when its reference count is above one at dump
// time (w_ref), so a later occurrence can be written as TYPE_REF. tython has no reference counts;
// sharedness.ts computes, for each object of the graph being dumped, what CPython's count would
// be (occurrences inside the graph, immortal and interned objects, co_code's cached copy, set
// elements held by the sort pairs), which makes the bytes of a dumped code object equal CPython's.
import { type PyObject, Py_None, Py_Ellipsis, Py_TYPE, PyObjectBase } from "../objects/object.js";
import { PyTuple, PyTuple_Type, EMPTY_TUPLE } from "../objects/tupleobject.js";
import { PyList, PyList_Type } from "../objects/listobject.js";
import { PyDict, PyDict_Type } from "../objects/dictobject.js";
import { PySet, PySet_Type, PyFrozenSet_Type, makeSet } from "../objects/setobject.js";
import { PyBytes, PyBytes_Type, bytesLike } from "../objects/bytesobject.js";
import { PyFloat, PyFloat_Type, formatFloatShortest } from "../objects/floatobject.js";
import { PyComplex, PyComplex_Type } from "../objects/complexobject.js";
import { PySlice, PySlice_Type } from "../objects/sliceobject.js";
import { PyCodeObject, CO_OPTIMIZED } from "../objects/codeobject.js";
import { newException, PyExc_StopIteration, PyExc_EOFError, PyExc_SystemError, PyExc_UnicodeDecodeError } from "../objects/exceptions.js";
import { normBig } from "../objects/longobject.js";
import { typeError, valueError } from "./errors.js";
import { isInternedConstant, isSmallInt } from "./marshal_shared.js";

export const Py_MARSHAL_VERSION = 5;
const MAX_MARSHAL_STACK_DEPTH = 2000;

export const TYPE_NULL = 0x30; // '0'
export const TYPE_NONE = 0x4e; // 'N'
export const TYPE_FALSE = 0x46; // 'F'
export const TYPE_TRUE = 0x54; // 'T'
export const TYPE_STOPITER = 0x53; // 'S'
export const TYPE_ELLIPSIS = 0x2e; // '.'
export const TYPE_INT = 0x69; // 'i'
export const TYPE_INT64 = 0x49; // 'I' (read only)
export const TYPE_FLOAT = 0x66; // 'f'
export const TYPE_BINARY_FLOAT = 0x67; // 'g'
export const TYPE_COMPLEX = 0x78; // 'x'
export const TYPE_BINARY_COMPLEX = 0x79; // 'y'
export const TYPE_LONG = 0x6c; // 'l'
export const TYPE_STRING = 0x73; // 's'
export const TYPE_INTERNED = 0x74; // 't'
export const TYPE_REF = 0x72; // 'r'
export const TYPE_TUPLE = 0x28; // '('
export const TYPE_LIST = 0x5b; // '['
export const TYPE_DICT = 0x7b; // '{'
export const TYPE_CODE = 0x63; // 'c'
export const TYPE_UNICODE = 0x75; // 'u'
export const TYPE_UNKNOWN = 0x3f; // '?'
export const TYPE_SET = 0x3c; // '<'
export const TYPE_FROZENSET = 0x3e; // '>'
export const TYPE_ASCII = 0x61; // 'a'
export const TYPE_ASCII_INTERNED = 0x41; // 'A'
export const TYPE_SMALL_TUPLE = 0x29; // ')'
export const TYPE_SHORT_ASCII = 0x7a; // 'z'
export const TYPE_SHORT_ASCII_INTERNED = 0x5a; // 'Z'
export const TYPE_SLICE = 0x3a; // ':'
export const FLAG_REF = 0x80;

const SIZE32_MAX = 0x7fffffff;

// ---------------------------------------------------------------------------------------------
// Writing

const enum WErr {
  OK,
  UNMARSHALLABLE,
  NESTEDTOODEEP,
  NOMEMORY,
  CODE_NOT_ALLOWED,
}

/** How a str is held where it occurs: names of code objects are always interned. */
const enum StrCtx {
  VALUE,
  NAME,
}

/** Identity of an object for the reference table (CPython keys it by address). */
type RefKey = PyObject;
const EMPTY_BYTES_KEY = "b";
const EMPTY_TUPLE_KEY = "()";

/** Interned strings and other strings of equal value are distinct objects in CPython. */
function strKey(s: string, interned: boolean): string {
  return (interned ? "I" : "S") + s;
}

class WFile {
  buf = new Uint8Array(256);
  pos = 0;
  error = WErr.OK;
  depth = 0;
  /** object -> reference index (null when version < 3: no references written). */
  readonly refs: Map<RefKey, number> | null;
  nrefs = 0;
  /** Whether the object being written is a code object's constant. */
  where = Ctx.DATA;
  /** How many times each object occurs in the graph (the part of its refcount CPython sees). */
  readonly counts = new Map<RefKey, number>();

  constructor(
    readonly version: number,
    readonly allowCode: boolean,
  ) {
    this.refs = version >= 3 ? new Map() : null;
  }

  reserve(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const nb = new Uint8Array(size);
    nb.set(this.buf.subarray(0, this.pos));
    this.buf = nb;
  }
  byte(b: number): void {
    if (this.pos === this.buf.length) this.reserve(1);
    this.buf[this.pos++] = b & 0xff;
  }
  short(x: number): void {
    this.byte(x);
    this.byte(x >> 8);
  }
  long(x: number): void {
    this.reserve(4);
    this.buf[this.pos++] = x & 0xff;
    this.buf[this.pos++] = (x >> 8) & 0xff;
    this.buf[this.pos++] = (x >> 16) & 0xff;
    this.buf[this.pos++] = (x >> 24) & 0xff;
  }
  bytes(b: Uint8Array): void {
    this.reserve(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }
  /** W_SIZE + w_string. */
  pstring(b: Uint8Array): boolean {
    if (b.length > SIZE32_MAX) {
      this.error = WErr.UNMARSHALLABLE;
      return false;
    }
    this.long(b.length);
    this.bytes(b);
    return true;
  }
  result(): Uint8Array {
    return this.buf.slice(0, this.pos);
  }
}

/** str -> its bytes as UTF-8 with lone surrogates encoded (CPython: "surrogatepass"). */
export function utf8SurrogatePass(s: string): Uint8Array {
  const out = new Uint8Array(s.length * 3);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (c < 0x80) out[n++] = c;
    else if (c < 0x800) {
      out[n++] = 0xc0 | (c >> 6);
      out[n++] = 0x80 | (c & 63);
    } else if (c < 0x10000) {
      out[n++] = 0xe0 | (c >> 12);
      out[n++] = 0x80 | ((c >> 6) & 63);
      out[n++] = 0x80 | (c & 63);
    } else {
      out[n++] = 0xf0 | (c >> 18);
      out[n++] = 0x80 | ((c >> 12) & 63);
      out[n++] = 0x80 | ((c >> 6) & 63);
      out[n++] = 0x80 | (c & 63);
    }
  }
  return out.subarray(0, n);
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return false;
  return true;
}

/**
 * Whether CPython's str object here is interned (PyUnicode_CHECK_INTERNED): names, constants of
 * name characters, and the statically allocated '' and latin-1 one-character strings.
 */
function strInterned(s: string, ctx: StrCtx): boolean {
  return ctx === StrCtx.NAME || isInternedConstant(s) || (s.length === 1 && s.charCodeAt(0) < 256);
}


/** Where an object is reached: as data (identity matters) or as a code object's constant. */
const enum Ctx {
  DATA,
  /** Under co_consts: the compiler's constant cache made equal constants one object. */
  CONST,
  /** The bounds of a constant slice: the parser's own objects, never merged. */
  UNIQUE,
}

const identityKeys = new WeakMap<object, string>();
let nextIdentity = 0;
function identityKey(o: object): string {
  let k = identityKeys.get(o);
  if (k === undefined) identityKeys.set(o, (k = "@" + nextIdentity++));
  return k;
}

function floatBitsKey(x: number): string {
  f64.setFloat64(0, x, true);
  return f64.getBigUint64(0, true).toString(36);
}

/**
 * The key under which CPython's compiler merged a constant (CPython: _PyCode_ConstantKey):
 * equal values of one type are one object; code objects and other objects stay distinct.
 */
function constMergeKey(v: PyObject, ctx: StrCtx): string {
  if (typeof v === "number" || typeof v === "bigint") return "i" + v;
  if (typeof v === "string") return strKey(v, strInterned(v, ctx));
  if (typeof v === "boolean") return v ? "T" : "F";
  if (v === Py_None) return "N";
  if (v === Py_Ellipsis) return "E";
  const t = Py_TYPE(v);
  if (t === PyFloat_Type) return "f" + floatBitsKey((v as PyFloat).value);
  if (t === PyComplex_Type) return "c" + floatBitsKey((v as PyComplex).real) + "," + floatBitsKey((v as PyComplex).imag);
  if (t === PyBytes_Type) return bytesRefKey((v as PyBytes).value);
  if (t === PyTuple_Type) return tupleMergeKey((v as PyTuple).items);
  // frozensets the optimizer folds (`x in {1, 2}`) stay distinct objects (as CPython 3.14.2 shows)
  if (t === PySlice_Type) {
    const sl = v as PySlice;
    return "[" + [sl.start, sl.stop, sl.step].map((x) => constMergeKey(x, StrCtx.VALUE)).join("\u0000") + "]";
  }
  return identityKey(v as object);
}
function tupleMergeKey(items: readonly PyObject[]): string {
  return "(" + items.map((x) => constMergeKey(x, StrCtx.VALUE)).join("\u0000") + ")";
}

/** Equal bytes constants are one object; b'' and the one-byte bytes are immortal singletons. */
function bytesRefKey(b: Uint8Array): string {
  return "b" + latin1(b);
}

/** The key of `v` in the reference table (CPython keys it by address). */
function refKey(v: PyObject, ctx: StrCtx, where: Ctx): RefKey {
  if (typeof v === "string") return strKey(v, strInterned(v, ctx));
  if (typeof v !== "object") return where === Ctx.UNIQUE && !alwaysShared(v, ctx) ? ({} as PyObject) : v;
  if (v instanceof PyBytes && v.value.length <= 1 && Py_TYPE(v) === PyBytes_Type) return bytesRefKey(v.value);
  if (v instanceof PyTuple && v.items.length === 0 && Py_TYPE(v) === PyTuple_Type) return EMPTY_TUPLE_KEY;
  if (where === Ctx.CONST) return constMergeKey(v, ctx);
  if (where === Ctx.UNIQUE) return {} as PyObject;
  return v;
}

/** Whether CPython would see more than one reference to `v` whatever the graph. */
function alwaysShared(v: PyObject, ctx: StrCtx): boolean {
  if (typeof v === "number") return isSmallInt(v);
  if (typeof v === "string") return strInterned(v, ctx);
  if (v instanceof PyBytes) return v.value.length <= 1 && Py_TYPE(v) === PyBytes_Type;
  if (v instanceof PyTuple) return v.items.length === 0 && Py_TYPE(v) === PyTuple_Type;
  return false;
}

function isSingleton(v: PyObject): boolean {
  return v === Py_None || v === PyExc_StopIteration || v === Py_Ellipsis || typeof v === "boolean";
}

/**
 * An __annotate__ function: CPython's compiler gives it a new co_localsplusnames after the
 * constant cache merged the old one (codegen_leave_annotations_scope renames ".format").
 */
function isAnnotate(co: PyCodeObject): boolean {
  return co.co_name === "__annotate__" && co.co_localsplusnames[0] === "format" && co.co_argcount === 1;
}

/**
 * A class body's __qualname__ constant is the very str object of its co_qualname, which the code
 * object interned in place.
 */
function constCtx(co: PyCodeObject, x: PyObject): StrCtx {
  return x === co.co_qualname && isClassBody(co) ? StrCtx.NAME : StrCtx.VALUE;
}

function isClassBody(co: PyCodeObject): boolean {
  return (co.co_flags & CO_OPTIMIZED) === 0 && co.co_names.includes("__qualname__");
}

function bump(p: WFile, key: RefKey): boolean {
  const c = p.counts.get(key) ?? 0;
  p.counts.set(key, c + 1);
  return c === 0;
}

/** First pass: how often each object is reached (CPython: the references the graph holds). */
function countRefs(p: WFile, v: PyObject, ctx: StrCtx, where: Ctx): void {
  if (isSingleton(v)) return;
  if (!bump(p, refKey(v, ctx, where)) || typeof v !== "object") return;
  if (v instanceof PyTuple || v instanceof PyList) {
    for (const x of v.items) countRefs(p, x, StrCtx.VALUE, where);
  } else if (v instanceof PyDict) {
    for (const [k, x] of v.entries()) {
      countRefs(p, k, StrCtx.VALUE, where);
      countRefs(p, x, StrCtx.VALUE, where);
    }
  } else if (v instanceof PySet) {
    for (const x of v.keys()) countRefs(p, x, StrCtx.VALUE, where);
  } else if (v instanceof PySlice) {
    const w = where === Ctx.CONST ? Ctx.UNIQUE : where;
    countRefs(p, v.start, StrCtx.VALUE, w);
    countRefs(p, v.stop, StrCtx.VALUE, w);
    countRefs(p, v.step, StrCtx.VALUE, w);
  } else if (v instanceof PyCodeObject) {
    // co_consts, co_names and co_localsplusnames went through the compiler's constant cache too
    if (v.co_consts.length > 0 && bump(p, tupleMergeKey(v.co_consts))) {
      for (const x of v.co_consts) countRefs(p, x, constCtx(v, x), Ctx.CONST);
    }
    if (v.co_names.length > 0) bump(p, tupleMergeKey(v.co_names));
    if (v.co_localsplusnames.length > 0 && !isAnnotate(v)) bump(p, tupleMergeKey(v.co_localsplusnames));
    bump(p, bytesRefKey(v.co_linetable));
    bump(p, bytesRefKey(v.co_exceptiontable));
    countRefs(p, v.co_filename, StrCtx.NAME, where);
    countRefs(p, v.co_name, StrCtx.NAME, where);
    countRefs(p, v.co_qualname, StrCtx.NAME, where);
  }
}

/**
 * w_ref: writes TYPE_REF and returns true if the object of `key` was written before; otherwise
 * returns the flag for its type byte (FLAG_REF when CPython would see it `shared`).
 */
function wRefKey(p: WFile, key: RefKey, shared: boolean): number | true {
  const refs = p.refs;
  if (refs === null || !shared) return 0;
  const w = refs.get(key);
  if (w !== undefined) {
    p.byte(TYPE_REF);
    p.long(w);
    return true;
  }
  refs.set(key, p.nrefs++);
  return FLAG_REF;
}

function wRef(p: WFile, v: PyObject, ctx: StrCtx, extraRefs: number): number | true {
  if (p.refs === null) return 0;
  const key = refKey(v, ctx, p.where);
  return wRefKey(p, key, extraRefs > 0 || alwaysShared(v, ctx) || (p.counts.get(key) ?? 0) > 1);
}

/** A reference no object can have: the fresh co_code copy CPython's _PyCode_GetCode caches. */
function wFreshRef(p: WFile): number {
  if (p.refs === null) return 0;
  p.nrefs++;
  return FLAG_REF;
}

/** w_object: `extraRefs` counts references from outside the graph (the caller's, the sort pairs'). */
function wObject(p: WFile, v: PyObject | null, ctx: StrCtx = StrCtx.VALUE, extraRefs = 0): void {
  p.depth++;
  if (p.depth > MAX_MARSHAL_STACK_DEPTH) p.error = WErr.NESTEDTOODEEP;
  else if (v === null) p.byte(TYPE_NULL);
  else if (v === Py_None) p.byte(TYPE_NONE);
  else if (v === PyExc_StopIteration) p.byte(TYPE_STOPITER);
  else if (v === Py_Ellipsis) p.byte(TYPE_ELLIPSIS);
  else if (v === false) p.byte(TYPE_FALSE);
  else if (v === true) p.byte(TYPE_TRUE);
  else {
    const flag = wRef(p, v, ctx, extraRefs);
    if (flag !== true) wComplexObject(p, v, flag, ctx);
  }
  p.depth--;
}

function wLong(p: WFile, v: number | bigint, flag: number): void {
  if (typeof v === "number" && v >= -0x80000000 && v <= 0x7fffffff) {
    p.byte(TYPE_INT | flag);
    p.long(v);
    return;
  }
  // TYPE_LONG: sign-and-size, then 15-bit digits, least significant first
  p.byte(TYPE_LONG | flag);
  let a = BigInt(v);
  const negative = a < 0n;
  if (negative) a = -a;
  const digits: number[] = [];
  while (a > 0n) {
    digits.push(Number(a & 0x7fffn));
    a >>= 15n;
  }
  if (digits.length > SIZE32_MAX) {
    p.error = WErr.UNMARSHALLABLE;
    return;
  }
  p.long(negative ? -digits.length : digits.length);
  for (const d of digits) p.short(d);
}

const f64 = new DataView(new ArrayBuffer(8));
function wFloatBin(p: WFile, x: number): void {
  f64.setFloat64(0, x, true);
  for (let i = 0; i < 8; i++) p.byte(f64.getUint8(i));
}

/** repr-free float text of versions 0 and 1 (CPython: PyOS_double_to_string(v, 'g', 17, 0)). */
export function formatG17(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0" : "0";
  const e = x.toExponential(16); // d.dddddddddddddddde±X
  const m = /^(-?)(\d)\.(\d+)e([+-]\d+)$/.exec(e)!;
  const exp = Number(m[4]);
  const digits = (m[2] + m[3]).replace(/0+$/, "");
  if (exp < -4 || exp >= 17) {
    const mant = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const ae = Math.abs(exp);
    return `${m[1]}${mant}e${exp < 0 ? "-" : "+"}${ae < 10 ? "0" : ""}${ae}`;
  }
  let s: string;
  if (exp < 0) s = "0." + "0".repeat(-exp - 1) + digits;
  else if (digits.length <= exp + 1) s = digits + "0".repeat(exp + 1 - digits.length);
  else s = digits.slice(0, exp + 1) + "." + digits.slice(exp + 1);
  return m[1] + s;
}
function wFloatStr(p: WFile, x: number): void {
  const s = formatG17(x);
  p.byte(s.length);
  for (let i = 0; i < s.length; i++) p.byte(s.charCodeAt(i));
}

function wStr(p: WFile, s: string, flag: number, ctx: StrCtx): void {
  const interned = strInterned(s, ctx);
  if (p.version >= 4 && isAscii(s)) {
    if (s.length < 256) {
      p.byte((interned ? TYPE_SHORT_ASCII_INTERNED : TYPE_SHORT_ASCII) | flag);
      p.byte(s.length);
    } else {
      p.byte((interned ? TYPE_ASCII_INTERNED : TYPE_ASCII) | flag);
      p.long(s.length);
    }
    p.reserve(s.length);
    for (let i = 0; i < s.length; i++) p.buf[p.pos++] = s.charCodeAt(i);
    return;
  }
  p.byte((p.version >= 3 && interned ? TYPE_INTERNED : TYPE_UNICODE) | flag);
  p.pstring(utf8SurrogatePass(s));
}

function wSequence(p: WFile, items: readonly PyObject[], ctx: StrCtx): void {
  for (const x of items) wObject(p, x, ctx);
}

/** A tuple field of a code object: its own tuple, or merged like constants for co_consts. */
function wTupleOf(p: WFile, items: readonly PyObject[], ctx: StrCtx, merged: boolean, constsOf: PyCodeObject | null = null): void {
  let flag: number | true;
  if (items.length === 0) flag = wRefKey(p, EMPTY_TUPLE_KEY, true);
  else if (merged) {
    const key = tupleMergeKey(items);
    flag = wRefKey(p, key, (p.counts.get(key) ?? 0) > 1);
  } else flag = 0;
  if (flag === true) return;
  p.depth++;
  wTupleHeader(p, items.length, flag);
  if (constsOf !== null) for (const x of items) wObject(p, x, constCtx(constsOf, x));
  else wSequence(p, items, ctx);
  p.depth--;
}

function wTupleHeader(p: WFile, n: number, flag: number): void {
  if (p.version >= 4 && n < 256) {
    p.byte(TYPE_SMALL_TUPLE | flag);
    p.byte(n);
  } else {
    p.byte(TYPE_TUPLE | flag);
    p.long(n);
  }
}

/**
 * A bytes field of a code object: co_linetable and co_exceptiontable are merged with equal ones
 * like constants; co_localspluskinds is the code object's own (b'' when empty).
 */
function wCodeBytes(p: WFile, b: Uint8Array, merged: boolean): void {
  p.depth++;
  const key = merged || b.length === 0 ? bytesRefKey(b) : null;
  const flag = key === null ? 0 : wRefKey(p, key, b.length === 0 || (p.counts.get(key) ?? 0) > 1);
  if (flag !== true) {
    p.byte(TYPE_STRING | flag);
    p.pstring(b);
  }
  p.depth--;
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

function wComplexObject(p: WFile, v: PyObject, flag: number, ctx: StrCtx): void {
  if (typeof v === "number" || typeof v === "bigint") {
    wLong(p, v, flag);
  } else if (typeof v === "string") {
    wStr(p, v, flag, ctx);
  } else if (v instanceof PyFloat && Py_TYPE(v) === PyFloat_Type) {
    if (p.version > 1) {
      p.byte(TYPE_BINARY_FLOAT | flag);
      wFloatBin(p, v.value);
    } else {
      p.byte(TYPE_FLOAT | flag);
      wFloatStr(p, v.value);
    }
  } else if (v instanceof PyComplex && Py_TYPE(v) === PyComplex_Type) {
    if (p.version > 1) {
      p.byte(TYPE_BINARY_COMPLEX | flag);
      wFloatBin(p, v.real);
      wFloatBin(p, v.imag);
    } else {
      p.byte(TYPE_COMPLEX | flag);
      wFloatStr(p, v.real);
      wFloatStr(p, v.imag);
    }
  } else if (v instanceof PyBytes && Py_TYPE(v) === PyBytes_Type) {
    p.byte(TYPE_STRING | flag);
    p.pstring(v.value);
  } else if (v instanceof PyTuple && Py_TYPE(v) === PyTuple_Type) {
    wTupleHeader(p, v.items.length, flag);
    wSequence(p, v.items, StrCtx.VALUE);
  } else if (v instanceof PyList && Py_TYPE(v) === PyList_Type) {
    p.byte(TYPE_LIST | flag);
    const items = v.items;
    p.long(items.length);
    for (let i = 0; i < items.length; i++) wObject(p, items[i]);
  } else if (v instanceof PyDict && Py_TYPE(v) === PyDict_Type) {
    p.byte(TYPE_DICT | flag);
    for (const [k, x] of [...v.entries()]) {
      wObject(p, k);
      wObject(p, x);
    }
    wObject(p, null);
  } else if (v instanceof PySet && (Py_TYPE(v) === PySet_Type || Py_TYPE(v) === PyFrozenSet_Type)) {
    p.byte((Py_TYPE(v) === PyFrozenSet_Type ? TYPE_FROZENSET : TYPE_SET) | flag);
    const items = v.items;
    p.long(items.length);
    // bpo-37596: elements in the order of sorted(v, key=marshal.dumps), for reproducible output
    const pairs: [Uint8Array, PyObject][] = [];
    for (const x of items) {
      const dump = writeObjectToBytes(x, p.version, p.allowCode, 1);
      if (dump instanceof Uint8Array) pairs.push([dump, x]);
      else {
        p.error = dump;
        return;
      }
    }
    pairs.sort((a, b) => compareBytes(a[0], b[0]));
    // the sort pairs hold a reference to each element while it is written
    for (const [, x] of pairs) wObject(p, x, StrCtx.VALUE, 1);
  } else if (v instanceof PyCodeObject) {
    if (!p.allowCode) {
      p.error = WErr.CODE_NOT_ALLOWED;
      return;
    }
    p.byte(TYPE_CODE | flag);
    p.long(v.co_argcount);
    p.long(v.co_posonlyargcount);
    p.long(v.co_kwonlyargcount);
    p.long(v.co_stacksize);
    p.long(v.co_flags);
    // co_code: a deoptimized copy, also cached on the code object (two references)
    p.depth++;
    p.byte(TYPE_STRING | wFreshRef(p));
    p.pstring(v.co_code);
    p.depth--;
    const where = p.where;
    p.where = Ctx.CONST;
    wTupleOf(p, v.co_consts, StrCtx.VALUE, true, v);
    p.where = where;
    wTupleOf(p, v.co_names, StrCtx.NAME, true);
    wTupleOf(p, v.co_localsplusnames, StrCtx.NAME, !isAnnotate(v));
    wCodeBytes(p, v.co_localspluskinds, false);
    wObject(p, v.co_filename, StrCtx.NAME);
    wObject(p, v.co_name, StrCtx.NAME);
    wObject(p, v.co_qualname, StrCtx.NAME);
    p.long(v.co_firstlineno);
    wCodeBytes(p, v.co_linetable, true);
    wCodeBytes(p, v.co_exceptiontable, true);
  } else if (v instanceof PySlice && Py_TYPE(v) === PySlice_Type) {
    if (p.version < 5) {
      p.byte(TYPE_UNKNOWN);
      p.error = WErr.UNMARSHALLABLE;
      return;
    }
    p.byte(TYPE_SLICE | flag);
    const where = p.where;
    if (where === Ctx.CONST) p.where = Ctx.UNIQUE;
    wObject(p, v.start);
    wObject(p, v.stop);
    wObject(p, v.step);
    p.where = where;
  } else {
    // other bytes-like objects are written as bytes
    const b = v instanceof PyObjectBase ? bytesLike(v) : null;
    if (b !== null) {
      p.byte(TYPE_STRING | flag);
      p.pstring(b);
    } else {
      p.byte(TYPE_UNKNOWN | flag);
      p.error = WErr.UNMARSHALLABLE;
    }
  }
}

/** The marshal bytes of `v`, or the error; `callerRefs` counts references the caller holds. */
function writeObjectToBytes(v: PyObject, version: number, allowCode: boolean, callerRefs: number): Uint8Array | WErr {
  const p = new WFile(version, allowCode);
  if (p.refs !== null) countRefs(p, v, StrCtx.VALUE, Ctx.DATA);
  wObject(p, v, StrCtx.VALUE, callerRefs);
  if (p.error !== WErr.OK) return p.error;
  return p.result();
}

/**
 * marshal.dumps (CPython: _PyMarshal_WriteObjectToString). The value is taken to be held by the
 * caller too (a variable, as importlib's and py_compile's code objects are), as CPython then sees
 * a reference count above one.
 */
export function PyMarshal_WriteObjectToString(v: PyObject, version: number, allowCode = true): PyBytes {
  const r = writeObjectToBytes(v, version, allowCode, 1);
  if (r instanceof Uint8Array) return new PyBytes(r);
  switch (r) {
    case WErr.NESTEDTOODEEP:
      throw valueError("object too deeply nested to marshal");
    case WErr.CODE_NOT_ALLOWED:
      throw valueError("marshalling code objects is disallowed");
    default:
      throw valueError("unmarshallable object");
  }
}

// ---------------------------------------------------------------------------------------------
// Reading

/** Where bytes come from: a buffer (loads) or a file's read() (load). */
export interface MarshalSource {
  /** n bytes, or null at end of data. */
  read(n: number): Uint8Array | null;
}

class RFile {
  depth = 0;
  readonly refs: (PyObject | null)[] = [];
  constructor(
    readonly data: Uint8Array | null,
    public pos: number,
    readonly source: MarshalSource | null,
    readonly allowCode: boolean,
  ) {}

  rString(n: number): Uint8Array {
    if (this.data !== null) {
      if (this.data.length - this.pos < n) throw newException(PyExc_EOFError, ["marshal data too short"]);
      const r = this.data.subarray(this.pos, this.pos + n);
      this.pos += n;
      return r;
    }
    const r = this.source!.read(n);
    if (r === null || r.length !== n) throw newException(PyExc_EOFError, ["EOF read where not expected"]);
    return r;
  }
  /** r_byte; null at end of data. */
  rByteOrEOF(): number | null {
    if (this.data !== null) return this.pos < this.data.length ? this.data[this.pos++] : null;
    const r = this.source!.read(1);
    return r === null || r.length === 0 ? null : r[0];
  }
  rByte(): number {
    const b = this.rByteOrEOF();
    if (b === null) throw newException(PyExc_EOFError, ["EOF read where not expected"]);
    return b;
  }
  rShort(): number {
    const b = this.rString(2);
    const x = b[0] | (b[1] << 8);
    return (x << 16) >> 16;
  }
  rLong(): number {
    const b = this.rString(4);
    return b[0] | (b[1] << 8) | (b[2] << 16) | (b[3] << 24);
  }
}

function rPyLong(p: RFile): PyObject {
  const n = p.rLong();
  if (n < -SIZE32_MAX || n > SIZE32_MAX) throw valueError("bad marshal data (long size out of range)");
  const size = Math.abs(n);
  let result = 0n;
  for (let i = 0; i < size; i++) {
    const md = p.rShort();
    if (md < 0 || md > 0x8000) throw valueError("bad marshal data (digit out of range in long)");
    if (md === 0 && i === size - 1) throw valueError("bad marshal data (unnormalized long data)");
    result |= BigInt(md) << BigInt(15 * i);
  }
  return normBig(n < 0 ? -result : result);
}

function rFloatBin(p: RFile): number {
  const b = p.rString(8);
  for (let i = 0; i < 8; i++) f64.setUint8(i, b[i]);
  return f64.getFloat64(0, true);
}

function rFloatStr(p: RFile): number {
  const n = p.rByte();
  const b = p.rString(n);
  let s = "";
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]);
  return parseCDouble(s);
}

/** PyOS_string_to_double with no end pointer: the whole text must be a float. */
function parseCDouble(s: string): number {
  const t = s.toLowerCase();
  const m = /^([+-]?)(inf|infinity|nan)$/.exec(t);
  if (m) return m[2] === "nan" ? NaN : m[1] === "-" ? -Infinity : Infinity;
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(t)) return Number(t);
  throw valueError(`could not convert string to float: '${s}'`);
}

function decodeUtf8SurrogatePass(b: Uint8Array): string {
  let s = "";
  let i = 0;
  const bad = (): never => decodeUtf8Error(b, i);
  while (i < b.length) {
    const c = b[i];
    let cp: number;
    if (c < 0x80) {
      cp = c;
      i += 1;
    } else if (c >= 0xc2 && c < 0xe0 && i + 1 < b.length && (b[i + 1] & 0xc0) === 0x80) {
      cp = ((c & 31) << 6) | (b[i + 1] & 63);
      i += 2;
    } else if (c >= 0xe0 && c < 0xf0 && i + 2 < b.length && (b[i + 1] & 0xc0) === 0x80 && (b[i + 2] & 0xc0) === 0x80) {
      cp = ((c & 15) << 12) | ((b[i + 1] & 63) << 6) | (b[i + 2] & 63);
      if (cp < 0x800) bad();
      i += 3;
    } else if (
      c >= 0xf0 && c < 0xf5 && i + 3 < b.length &&
      (b[i + 1] & 0xc0) === 0x80 && (b[i + 2] & 0xc0) === 0x80 && (b[i + 3] & 0xc0) === 0x80
    ) {
      cp = ((c & 7) << 18) | ((b[i + 1] & 63) << 12) | ((b[i + 2] & 63) << 6) | (b[i + 3] & 63);
      if (cp < 0x10000 || cp > 0x10ffff) bad();
      i += 4;
    } else return decodeUtf8Error(b, i);
    s += String.fromCodePoint(cp);
  }
  return s;
}

function decodeUtf8Error(b: Uint8Array, i: number): never {
  const c = b[i];
  let reason = "invalid continuation byte";
  if (c < 0xc2 || c > 0xf4) reason = "invalid start byte";
  else {
    const need = c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
    let j = i + 1;
    while (j < b.length && j < i + need && (b[j] & 0xc0) === 0x80) j++;
    if (j === b.length && j < i + need) reason = "unexpected end of data";
  }
  throw newException(PyExc_UnicodeDecodeError, ["utf-8", new PyBytes(b.slice()), i, i + 1, reason]);
}

function rRef<T extends PyObject>(p: RFile, o: T, flag: number): T {
  if (flag) p.refs.push(o);
  return o;
}
function rRefReserve(p: RFile, flag: number): number {
  if (!flag) return 0;
  if (p.refs.length >= 0x7ffffffe) throw valueError("bad marshal data (index list too large)");
  p.refs.push(null);
  return p.refs.length - 1;
}
function rRefInsert<T extends PyObject>(p: RFile, o: T, idx: number, flag: number): T {
  if (flag) p.refs[idx] = o;
  return o;
}

function rSize(p: RFile, what: string): number {
  const n = p.rLong();
  if (n < 0 || n > SIZE32_MAX) throw valueError(`bad marshal data (${what} size out of range)`);
  return n;
}

function latin1(b: Uint8Array): string {
  let s = "";
  for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, i + 8192));
  return s;
}

/** r_object that must produce an object (CPython: a NULL here is "NULL object in marshal data for ..."). */
function rItem(p: RFile, what: string): PyObject {
  const v = rObject(p);
  if (v === null) throw typeError(`NULL object in marshal data for ${what}`);
  return v;
}

function rObject(p: RFile): PyObject | null {
  const code = p.rByteOrEOF();
  if (code === null) throw newException(PyExc_EOFError, ["EOF read where object expected"]);
  p.depth++;
  if (p.depth > MAX_MARSHAL_STACK_DEPTH) {
    p.depth--;
    throw valueError("recursion limit exceeded");
  }
  const flag = code & FLAG_REF;
  const type = code & ~FLAG_REF;
  let retval: PyObject | null;
  switch (type) {
    case TYPE_NULL:
      retval = null;
      break;
    case TYPE_NONE:
      retval = Py_None;
      break;
    case TYPE_STOPITER:
      retval = PyExc_StopIteration;
      break;
    case TYPE_ELLIPSIS:
      retval = Py_Ellipsis;
      break;
    case TYPE_FALSE:
      retval = false;
      break;
    case TYPE_TRUE:
      retval = true;
      break;
    case TYPE_INT:
      retval = rRef(p, p.rLong(), flag);
      break;
    case TYPE_INT64: {
      const b = p.rString(8);
      const dv = new DataView(b.buffer, b.byteOffset, 8);
      retval = rRef(p, normBig(dv.getBigInt64(0, true)), flag);
      break;
    }
    case TYPE_LONG:
      retval = rRef(p, rPyLong(p), flag);
      break;
    case TYPE_FLOAT:
      retval = rRef(p, new PyFloat(rFloatStr(p)), flag);
      break;
    case TYPE_BINARY_FLOAT:
      retval = rRef(p, new PyFloat(rFloatBin(p)), flag);
      break;
    case TYPE_COMPLEX: {
      const re = rFloatStr(p);
      retval = rRef(p, new PyComplex(re, rFloatStr(p)), flag);
      break;
    }
    case TYPE_BINARY_COMPLEX: {
      const re = rFloatBin(p);
      retval = rRef(p, new PyComplex(re, rFloatBin(p)), flag);
      break;
    }
    case TYPE_STRING: {
      const n = p.rLong();
      if (n < 0 || n > SIZE32_MAX) throw valueError("bad marshal data (bytes object size out of range)");
      retval = rRef(p, new PyBytes(p.rString(n).slice()), flag);
      break;
    }
    case TYPE_ASCII_INTERNED:
    case TYPE_ASCII:
      retval = rRef(p, latin1(p.rString(rSize(p, "string"))), flag);
      break;
    case TYPE_SHORT_ASCII_INTERNED:
    case TYPE_SHORT_ASCII:
      retval = rRef(p, latin1(p.rString(p.rByte())), flag);
      break;
    case TYPE_INTERNED:
    case TYPE_UNICODE: {
      const n = rSize(p, "string");
      retval = rRef(p, n === 0 ? "" : decodeUtf8SurrogatePass(p.rString(n)), flag);
      break;
    }
    case TYPE_SMALL_TUPLE:
    case TYPE_TUPLE: {
      const n = type === TYPE_SMALL_TUPLE ? p.rByte() : rSize(p, "tuple");
      const items: PyObject[] = new Array(n);
      const t = n === 0 ? EMPTY_TUPLE : new PyTuple(items);
      rRef(p, t, flag);
      for (let i = 0; i < n; i++) items[i] = rItem(p, "tuple");
      retval = t;
      break;
    }
    case TYPE_LIST: {
      const n = rSize(p, "list");
      const items: PyObject[] = new Array(n);
      const l = rRef(p, new PyList(items), flag);
      for (let i = 0; i < n; i++) items[i] = rItem(p, "list");
      retval = l;
      break;
    }
    case TYPE_DICT: {
      const d = rRef(p, new PyDict(), flag);
      for (;;) {
        const key = rObject(p);
        if (key === null) break;
        const val = rObject(p);
        if (val === null) break;
        d.setItem(key, val);
      }
      retval = d;
      break;
    }
    case TYPE_SET:
    case TYPE_FROZENSET: {
      const n = rSize(p, "set");
      if (type === TYPE_SET) {
        const s = rRef(p, makeSet(PySet_Type, []), flag);
        for (let i = 0; i < n; i++) s.add(rItem(p, "set"));
        retval = s;
      } else {
        // frozensets are registered once complete (CPython: they must not be seen half-built)
        const idx = rRefReserve(p, flag);
        const items: PyObject[] = [];
        for (let i = 0; i < n; i++) items.push(rItem(p, "set"));
        retval = rRefInsert(p, makeSet(PyFrozenSet_Type, items), idx, flag);
      }
      break;
    }
    case TYPE_CODE:
      retval = rCode(p, flag);
      break;
    case TYPE_REF: {
      const n = p.rLong();
      if (n < 0 || n >= p.refs.length) throw valueError("bad marshal data (invalid reference)");
      const v = p.refs[n];
      if (v === null) throw valueError("bad marshal data (invalid reference)");
      retval = v;
      break;
    }
    case TYPE_SLICE: {
      const idx = rRefReserve(p, flag);
      const start = rItem(p, "object");
      const stop = rItem(p, "object");
      const step = rItem(p, "object");
      retval = rRefInsert(p, new PySlice(start, stop, step), idx, flag);
      break;
    }
    default:
      throw valueError("bad marshal data (unknown type code)");
  }
  p.depth--;
  return retval;
}

function badInternalCall(): never {
  throw newException(PyExc_SystemError, ["Objects/codeobject.c:466: bad argument to internal function"]);
}

function asBytes(v: PyObject): Uint8Array {
  if (v instanceof PyBytes) return v.value;
  return badInternalCall();
}
function asTuple(v: PyObject): readonly PyObject[] {
  if (v instanceof PyTuple) return v.items;
  return badInternalCall();
}
function asStrTuple(v: PyObject): readonly string[] {
  const items = asTuple(v);
  for (const x of items) if (typeof x !== "string") throw newException(PyExc_SystemError, ["non-string found in code slot"]);
  return items as readonly string[];
}
function asStr(v: PyObject): string {
  if (typeof v === "string") return v;
  return badInternalCall();
}

function rCode(p: RFile, flag: number): PyObject {
  if (!p.allowCode) throw valueError("unmarshalling code objects is disallowed");
  const idx = rRefReserve(p, flag);
  const argcount = p.rLong();
  const posonlyargcount = p.rLong();
  const kwonlyargcount = p.rLong();
  const stacksize = p.rLong();
  const flags = p.rLong();
  const code = rItem(p, "code object");
  const consts = rItem(p, "code object");
  const names = rItem(p, "code object");
  const localsplusnames = rItem(p, "code object");
  const localspluskinds = rItem(p, "code object");
  const filename = rItem(p, "code object");
  const name = rItem(p, "code object");
  const qualname = rItem(p, "code object");
  const firstlineno = p.rLong();
  const linetable = rItem(p, "code object");
  const exceptiontable = rItem(p, "code object");
  // _PyCode_Validate
  if (argcount < posonlyargcount || posonlyargcount < 0 || kwonlyargcount < 0 || stacksize < 0 || flags < 0) badInternalCall();
  const codeBytes = asBytes(code);
  if (codeBytes.length % 2 !== 0) throw valueError("code: co_code is malformed");
  const plusNames = asStrTuple(localsplusnames);
  const kinds = asBytes(localspluskinds);
  if (kinds.length !== plusNames.length) badInternalCall();
  const co = new PyCodeObject({
    filename: asStr(filename),
    name: asStr(name),
    qualname: asStr(qualname),
    flags,
    code: codeBytes,
    firstlineno,
    linetable: asBytes(linetable),
    consts: asTuple(consts).slice(),
    names: asStrTuple(names).slice(),
    localsplusnames: plusNames.slice(),
    localspluskinds: kinds,
    argcount,
    posonlyargcount,
    kwonlyargcount,
    stacksize,
    exceptiontable: asBytes(exceptiontable),
  });
  let nlocals = 0;
  for (const k of kinds) if (k & 0x20) nlocals++;
  if (argcount + kwonlyargcount + ((flags & 0x4) !== 0 ? 1 : 0) + ((flags & 0x8) !== 0 ? 1 : 0) > nlocals) {
    throw valueError("code: co_varnames is too small");
  }
  return rRefInsert(p, co, idx, flag);
}

function readObject(p: RFile): PyObject {
  const v = rObject(p);
  if (v === null) throw typeError("NULL object in marshal data for object");
  return v;
}

/** marshal.loads (CPython: PyMarshal_ReadObjectFromString); extra bytes are ignored. */
export function PyMarshal_ReadObjectFromString(data: Uint8Array, allowCode = true): PyObject {
  return readObject(new RFile(data, 0, null, allowCode));
}

/** marshal.load: reads exactly the bytes of one object from `source`. */
export function PyMarshal_ReadObjectFromSource(source: MarshalSource, allowCode = true): PyObject {
  return readObject(new RFile(null, 0, source, allowCode));
}
