// CPython: Objects/abstract.c, Objects/object.c (PyObject_Repr/Str/RichCompare/IsTrue/Hash/GetAttr),
// Objects/call.c (PyObject_Vectorcall/Call)
//
// The C-API entry points the eval loop calls. Values follow object.ts's model (int = number|bigint,
// bool = boolean, str = string). Errors are thrown as Python exceptions. Summary:
//
//   PyObject_Repr(v), PyObject_Str(v): string          PyObject_Hash(v): int
//   PyObject_RichCompare(v, w, op): PyObject            PyObject_RichCompareBool(v, w, op): boolean
//   PyObject_IsTrue(v): boolean                          PyObject_Not(v): boolean
//   PyObject_GetItem/SetItem/DelItem(o, key[, value])    PyObject_Size(o): number
//   PyObject_GetIter(o): iterator                        PyIter_Next(it): PyObject | null (null = exhausted)
//   PyObject_GetAttr(o, name: string), PyObject_GetOptionalAttr (null when missing), PyObject_SetAttr,
//   PyObject_DelAttr, PyObject_HasAttr
//   PyObject_Vectorcall(callable, args, start, nargs, kwnames), PyObject_Call(callable, argsTuple, kwargsDict)
//   PyObject_CallNoArgs / CallOneArg / CallMethod...
//   PyNumber_Add ... PyNumber_InPlaceXor, PyNumber_Negative/Positive/Invert/Absolute, PyNumber_Index,
//   PyNumber_AsSsize_t, PyNumber_Long, PyNumber_Float; _PyEval_BinaryOps[oparg] for BINARY_OP (NB_* numbering
//   of 3.14's opcode._nb_ops; NB_SUBSCR = 26 is PyObject_GetItem)
//   PySequence_Contains(seq, item): boolean, PySequence_List/Tuple, PyObject_Format
import {
  type PyObject, type PyTypeObject, type BinaryFunc, Py_TYPE, PyType_IsSubtype, Py_None, Py_NotImplemented,
  Py_LT, Py_LE, Py_EQ, Py_NE, Py_GT, Py_GE, type SlotName, Py_TPFLAGS_TYPE_SUBCLASS, PyType_Type,
} from "./object.js";
import { _genericAlias } from "./dictobject.js";
import { unicodeRepr, unicodeCompare } from "./unicodeobject.js";
import { PyFloat } from "./floatobject.js";
import { type PyInt, long_add, long_sub, long_mul, normBig, long_compare, longRepr } from "./longobject.js";
import { PyTuple } from "./tupleobject.js";
import { PyList } from "./listobject.js";
import { PyDict } from "./dictobject.js";
import { typeError, overflowError, indexError, attributeError } from "../python/errors.js";
import { PyExc_AttributeError, PyExc_StopIteration, PyBaseException } from "./exceptions.js";
import { _PyType_Lookup, PyObject_GenericGetAttr, genericGetAttrOrNull } from "./typeobject.js";
import { PyErr_ExceptionMatches } from "../python/errors.js";
import { PyTuple_Type } from "./tupleobject.js";
import { PyList_iter, PyTuple_iter, newSeqIter } from "./iterobject.js";

// --- repr / str ------------------------------------------------------------------------------------

export function PyObject_Repr(v: PyObject): string {
  switch (typeof v) {
    case "string":
      return unicodeRepr(v);
    case "number":
      return String(v);
    case "boolean":
      return v ? "True" : "False";
    case "bigint":
      return longRepr(v);
  }
  const f = v.ob_type.tp_repr;
  if (f === null) return `<${v.ob_type.tp_name} object>`;
  return f(v);
}

export function PyObject_Str(v: PyObject): string {
  switch (typeof v) {
    case "string":
      return v;
    case "number":
      return String(v);
    case "boolean":
      return v ? "True" : "False";
    case "bigint":
      return longRepr(v);
  }
  const t = v.ob_type;
  const f = t.tp_str ?? t.tp_repr;
  if (f === null) return `<${t.tp_name} object>`;
  return f(v);
}

/** ascii(v) (CPython: PyObject_ASCII). */
export function PyObject_ASCII(v: PyObject): string {
  const r = PyObject_Repr(v);
  let out = "";
  for (const ch of r) {
    const cp = ch.codePointAt(0) as number;
    if (cp < 0x80) out += ch;
    else if (cp <= 0xff) out += "\\x" + cp.toString(16).padStart(2, "0");
    else if (cp <= 0xffff) out += "\\u" + cp.toString(16).padStart(4, "0");
    else out += "\\U" + cp.toString(16).padStart(8, "0");
  }
  return out;
}

// --- hashing ---------------------------------------------------------------------------------------

export function PyObject_Hash(v: PyObject): PyInt {
  if (typeof v === "number") return v === -1 ? -2 : v;
  if (typeof v === "boolean") return v ? 1 : 0;
  const f = Py_TYPE(v).tp_hash;
  if (f === null) throw typeError(`unhashable type: '${Py_TYPE(v).tp_name}'`);
  return f(v);
}

// --- rich comparison -------------------------------------------------------------------------------

const OP_SYMBOLS = ["<", "<=", "==", "!=", ">", ">="];
const SWAPPED_OP = [Py_GT, Py_GE, Py_EQ, Py_NE, Py_LT, Py_LE];

function do_richcompare(v: PyObject, w: PyObject, op: number): PyObject {
  const vt = Py_TYPE(v);
  const wt = Py_TYPE(w);
  let checkedReverse = false;
  if (vt !== wt && PyType_IsSubtype(wt, vt) && wt.tp_richcompare !== null) {
    checkedReverse = true;
    const r = wt.tp_richcompare(w, v, SWAPPED_OP[op]);
    if (r !== Py_NotImplemented) return r;
  }
  if (vt.tp_richcompare !== null) {
    const r = vt.tp_richcompare(v, w, op);
    if (r !== Py_NotImplemented) return r;
  }
  if (!checkedReverse && wt.tp_richcompare !== null) {
    const r = wt.tp_richcompare(w, v, SWAPPED_OP[op]);
    if (r !== Py_NotImplemented) return r;
  }
  switch (op) {
    case Py_EQ:
      return v === w;
    case Py_NE:
      return v !== w;
  }
  throw typeError(`'${OP_SYMBOLS[op]}' not supported between instances of '${vt.tp_name}' and '${wt.tp_name}'`);
}

export function PyObject_RichCompare(v: PyObject, w: PyObject, op: number): PyObject {
  if (typeof v === "number" && typeof w === "number") return cmpNumbers(v, w, op);
  if (typeof v === "string" && typeof w === "string") return cmpNumbers(unicodeCompare(v, w), 0, op);
  return do_richcompare(v, w, op);
}

function cmpNumbers(a: number, b: number, op: number): boolean {
  switch (op) {
    case Py_LT:
      return a < b;
    case Py_LE:
      return a <= b;
    case Py_EQ:
      return a === b;
    case Py_NE:
      return a !== b;
    case Py_GT:
      return a > b;
    default:
      return a >= b;
  }
}

/** Rich comparison as a boolean; identity implies equality for == and != (CPython: PyObject_RichCompareBool). */
export function PyObject_RichCompareBool(v: PyObject, w: PyObject, op: number): boolean {
  if (v === w) {
    if (op === Py_EQ) return true;
    if (op === Py_NE) return false;
  }
  const r = PyObject_RichCompare(v, w, op);
  return typeof r === "boolean" ? r : PyObject_IsTrue(r);
}

/** v == w with Python semantics (identity first). */
export function PyObject_Equal(v: PyObject, w: PyObject): boolean {
  if (v === w) return true;
  const tv = typeof v;
  if (tv === typeof w && tv !== "object") return false; // same primitive kind, different values
  return PyObject_RichCompareBool(v, w, Py_EQ);
}

// --- truth -----------------------------------------------------------------------------------------

export function PyObject_IsTrue(v: PyObject): boolean {
  switch (typeof v) {
    case "boolean":
      return v;
    case "number":
      return v !== 0;
    case "string":
      return v.length !== 0;
    case "bigint":
      return true;
  }
  if (v === Py_None) return false;
  const t = v.ob_type;
  if (t.nb_bool !== null) return t.nb_bool(v);
  if (t.mp_length !== null) return t.mp_length(v) !== 0;
  if (t.sq_length !== null) return t.sq_length(v) !== 0;
  return true;
}

export function PyObject_Not(v: PyObject): boolean {
  return !PyObject_IsTrue(v);
}

// --- size, items -----------------------------------------------------------------------------------

export function PyObject_Size(o: PyObject): number {
  if (typeof o === "string") return strLength(o);
  const t = Py_TYPE(o);
  if (t.sq_length !== null) return t.sq_length(o);
  if (t.mp_length !== null) return t.mp_length(o);
  throw typeError(`object of type '${t.tp_name}' has no len()`);
}
export const PyObject_Length = PyObject_Size;

/** Length of a str in code points. */
export function strLength(s: string): number {
  const n = s.length;
  // fast path: no surrogates
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) {
      let count = i;
      for (let j = i; j < n; j++) {
        const d = s.charCodeAt(j);
        if (d >= 0xd800 && d < 0xdc00 && j + 1 < n) {
          const e = s.charCodeAt(j + 1);
          if (e >= 0xdc00 && e < 0xe000) j++;
        }
        count++;
      }
      return count;
    }
  }
  return n;
}

export function PyObject_GetItem(o: PyObject, key: PyObject): PyObject {
  const t = Py_TYPE(o);
  if (t.mp_subscript !== null) return t.mp_subscript(o, key);
  if (t.sq_item !== null) {
    if (isIndex(key)) {
      let i = PyNumber_AsSsize_t(key, "index");
      if (i < 0 && t.sq_length !== null) i += t.sq_length(o);
      return t.sq_item(o, i);
    }
    throw typeError(`sequence index must be integer, not '${Py_TYPE(key).tp_name}'`);
  }
  if (t.tp_flags & Py_TPFLAGS_TYPE_SUBCLASS) {
    if (o === PyType_Type) return _genericAlias(o, key);
    // type[...]: __class_getitem__
    const meth = PyObject_GetOptionalAttr(o, "__class_getitem__");
    if (meth !== null) return PyObject_CallOneArg(meth, key);
    throw typeError(`type '${(o as PyTypeObject).tp_name}' is not subscriptable`);
  }
  throw typeError(`'${t.tp_name}' object is not subscriptable`);
}


export function PyObject_SetItem(o: PyObject, key: PyObject, value: PyObject): void {
  const t = Py_TYPE(o);
  if (t.mp_ass_subscript !== null) return t.mp_ass_subscript(o, key, value);
  if (t.sq_ass_item !== null && isIndex(key)) {
    let i = PyNumber_AsSsize_t(key, "index");
    if (i < 0 && t.sq_length !== null) i += t.sq_length(o);
    return t.sq_ass_item(o, i, value);
  }
  throw typeError(`'${t.tp_name}' object does not support item assignment`);
}

export function PyObject_DelItem(o: PyObject, key: PyObject): void {
  const t = Py_TYPE(o);
  if (t.mp_ass_subscript !== null) return t.mp_ass_subscript(o, key, null);
  if (t.sq_ass_item !== null && isIndex(key)) {
    let i = PyNumber_AsSsize_t(key, "index");
    if (i < 0 && t.sq_length !== null) i += t.sq_length(o);
    return t.sq_ass_item(o, i, null);
  }
  throw typeError(`'${t.tp_name}' object doesn't support item deletion`);
}

// --- iteration -------------------------------------------------------------------------------------

export function PyIter_Check(o: PyObject): boolean {
  const f = Py_TYPE(o).tp_iternext;
  return f !== null && f !== _PyObject_NextNotImplemented;
}

/** The tp_iternext of types that are not iterators (CPython: _PyObject_NextNotImplemented). */
export function _PyObject_NextNotImplemented(o: PyObject): PyObject | null {
  throw typeError(`'${Py_TYPE(o).tp_name}' object is not iterable`);
}

export function PyObject_GetIter(o: PyObject): PyObject {
  const t = Py_TYPE(o);
  const f = t.tp_iter;
  if (f === null) {
    if (t.sq_item !== null) return newSeqIter(o);
    throw typeError(`'${t.tp_name}' object is not iterable`);
  }
  const it = f(o);
  if (!PyIter_Check(it)) throw typeError(`iter() returned non-iterator of type '${Py_TYPE(it).tp_name}'`);
  return it;
}

/** The next item, or null when exhausted (StopIteration from Python code is absorbed). */
export function PyIter_Next(it: PyObject): PyObject | null {
  const f = Py_TYPE(it).tp_iternext;
  if (f === null) throw typeError(`'${Py_TYPE(it).tp_name}' object is not an iterator`);
  return f(it);
}

/** Collects an iterable into a JS array (fast for list/tuple). */
export function iterableToArray(o: PyObject): PyObject[] {
  if (o instanceof PyList || o instanceof PyTuple) {
    if (Py_TYPE(o).tp_iter === PyList_iter || Py_TYPE(o).tp_iter === PyTuple_iter) return o.items.slice();
  }
  const it = PyObject_GetIter(o);
  const out: PyObject[] = [];
  const next = Py_TYPE(it).tp_iternext as (v: PyObject) => PyObject | null;
  for (let x = next(it); x !== null; x = next(it)) out.push(x);
  return out;
}

export function PySequence_List(o: PyObject): PyList {
  return new PyList(iterableToArray(o));
}

export function PySequence_Tuple(o: PyObject): PyTuple {
  if (o instanceof PyTuple && Py_TYPE(o) === PyTuple_Type) return o;
  return new PyTuple(iterableToArray(o));
}

/** item in seq (CPython: PySequence_Contains). */
export function PySequence_Contains(seq: PyObject, item: PyObject): boolean {
  const t = Py_TYPE(seq);
  if (t.sq_contains !== null) return t.sq_contains(seq, item);
  if (t.tp_iter === null && t.sq_item === null) {
    throw typeError(`argument of type '${t.tp_name}' is not a container or iterable`);
  }
  const it = PyObject_GetIter(seq);
  for (let x = PyIter_Next(it); x !== null; x = PyIter_Next(it)) {
    if (PyObject_Equal(x, item)) return true;
  }
  return false;
}

// --- attributes ------------------------------------------------------------------------------------

export function PyObject_GetAttr(o: PyObject, name: string): PyObject {
  const f = Py_TYPE(o).tp_getattro;
  if (f === null) {
    throw attributeError(`'${Py_TYPE(o).tp_name}' object has no attribute '${name}'`, o, name);
  }
  return f(o, name);
}

/** getattr(o, name, None)-like: null when the attribute is missing (CPython: PyObject_GetOptionalAttr). */
export function PyObject_GetOptionalAttr(o: PyObject, name: string): PyObject | null {
  const f = Py_TYPE(o).tp_getattro;
  try {
    // an AttributeError raised by a getter counts as missing too
    if (f === PyObject_GenericGetAttr) return genericGetAttrOrNull(o, name);
    return PyObject_GetAttr(o, name);
  } catch (e) {
    if (PyErr_ExceptionMatches(e, PyExc_AttributeError)) return null;
    throw e;
  }
}

export function PyObject_HasAttr(o: PyObject, name: string): boolean {
  return PyObject_GetOptionalAttr(o, name) !== null;
}

export function PyObject_SetAttr(o: PyObject, name: string, value: PyObject): void {
  const t = Py_TYPE(o);
  if (t.tp_setattro === null) {
    throw typeError(`'${t.tp_name}' object has no attributes (assign to .${name})`);
  }
  t.tp_setattro(o, name, value);
}

export function PyObject_DelAttr(o: PyObject, name: string): void {
  const t = Py_TYPE(o);
  if (t.tp_setattro === null) {
    throw typeError(`'${t.tp_name}' object has no attributes (del .${name})`);
  }
  t.tp_setattro(o, name, null);
}

/** Looks up a special method on the type and binds it (CPython: _PyObject_LookupSpecial); null if absent. */
export function _PyObject_LookupSpecial(o: PyObject, name: string): PyObject | null {
  const t = Py_TYPE(o);
  const res = _PyType_Lookup(t, name);
  if (res === null) return null;
  const get = Py_TYPE(res).tp_descr_get;
  return get === null ? res : get(res, o, t);
}

// --- calls -----------------------------------------------------------------------------------------

export function PyObject_Vectorcall(
  callable: PyObject,
  args: readonly PyObject[],
  start: number,
  nargs: number,
  kwnames: PyTuple | null,
): PyObject {
  const f = Py_TYPE(callable).tp_call;
  if (f === null) throw typeError(`'${Py_TYPE(callable).tp_name}' object is not callable`);
  return f(callable, args, start, nargs, kwnames);
}

/** callable(*args, **kwargs) (CPython: PyObject_Call). */
export function PyObject_Call(callable: PyObject, args: PyTuple | readonly PyObject[], kwargs: PyDict | null): PyObject {
  const items = args instanceof PyTuple ? args.items : args;
  if (kwargs === null || kwargs.size === 0) return PyObject_Vectorcall(callable, items, 0, items.length, null);
  const stack = items.slice();
  const names: PyObject[] = [];
  for (const [k, v] of kwargs.entries()) {
    if (typeof k !== "string") throw typeError("keywords must be strings");
    names.push(k);
    stack.push(v);
  }
  return PyObject_Vectorcall(callable, stack, 0, items.length, new PyTuple(names));
}

export function PyObject_CallNoArgs(callable: PyObject): PyObject {
  return PyObject_Vectorcall(callable, EMPTY_ARGS, 0, 0, null);
}
const EMPTY_ARGS: PyObject[] = [];

export function PyObject_CallOneArg(callable: PyObject, arg: PyObject): PyObject {
  return PyObject_Vectorcall(callable, [arg], 0, 1, null);
}

export function PyObject_CallFunctionObjArgs(callable: PyObject, ...args: PyObject[]): PyObject {
  return PyObject_Vectorcall(callable, args, 0, args.length, null);
}

/** o.name(*args) (CPython: PyObject_CallMethodObjArgs). */
export function PyObject_CallMethod(o: PyObject, name: string, ...args: PyObject[]): PyObject {
  const m = PyObject_GetAttr(o, name);
  return PyObject_Vectorcall(m, args, 0, args.length, null);
}

export function PyCallable_Check(o: PyObject): boolean {
  return Py_TYPE(o).tp_call !== null;
}

// --- numbers ---------------------------------------------------------------------------------------

function isIndex(v: PyObject): boolean {
  const t = typeof v;
  return t === "number" || t === "boolean" || t === "bigint" || (t === "object" && Py_TYPE(v).nb_index !== null);
}

/** CPython: PyIndex_Check. */
export function PyIndex_Check(v: PyObject): boolean {
  return isIndex(v);
}

/** o.__index__() as an int (CPython: PyNumber_Index). */
export function PyNumber_Index(o: PyObject): PyInt {
  switch (typeof o) {
    case "number":
    case "bigint":
      return o;
    case "boolean":
      return o ? 1 : 0;
  }
  const t = Py_TYPE(o);
  if (t.nb_index === null) {
    throw typeError(`'${t.tp_name}' object cannot be interpreted as an integer`);
  }
  const r = t.nb_index(o);
  if (typeof r === "number" || typeof r === "bigint") return r;
  if (typeof r === "boolean") return r ? 1 : 0;
  throw typeError(`__index__ returned non-int (type ${Py_TYPE(r).tp_name})`);
}

/**
 * An index-sized integer (CPython: PyNumber_AsSsize_t). `overflow` "index" raises IndexError
 * "cannot fit 'int' into an index-sized integer"; "overflow" raises OverflowError; "clamp" clamps.
 */
export function PyNumber_AsSsize_t(o: PyObject, overflow: "index" | "overflow" | "clamp" = "overflow"): number {
  const v = PyNumber_Index(o);
  if (typeof v === "number") return v;
  if (overflow === "clamp") return v < 0n ? -Number.MAX_SAFE_INTEGER : Number.MAX_SAFE_INTEGER;
  const msg = `cannot fit '${Py_TYPE(o).tp_name}' into an index-sized integer`;
  throw overflow === "index" ? indexError(msg) : overflowError(msg);
}

/** A C long (64-bit) argument, as a JS number (CPython: PyLong_AsLong after __index__). */
export function PyLong_AsLong(o: PyObject): number {
  const v = PyNumber_Index(o);
  if (typeof v === "number") return v;
  if (v >= -(2n ** 63n) && v < 2n ** 63n) return Number(v);
  throw overflowError("Python int too large to convert to C long");
}

const NB_NAMES: Record<string, string> = {
  nb_add: "+", nb_subtract: "-", nb_multiply: "*", nb_remainder: "%", nb_divmod: "divmod()", nb_power: "** or pow()",
  nb_lshift: "<<", nb_rshift: ">>", nb_and: "&", nb_xor: "^", nb_or: "|", nb_floor_divide: "//",
  nb_true_divide: "/", nb_matrix_multiply: "@",
};

type BinSlot =
  | "nb_add" | "nb_subtract" | "nb_multiply" | "nb_remainder" | "nb_divmod" | "nb_lshift" | "nb_rshift"
  | "nb_and" | "nb_xor" | "nb_or" | "nb_floor_divide" | "nb_true_divide" | "nb_matrix_multiply";
type InplaceSlot =
  | "nb_inplace_add" | "nb_inplace_subtract" | "nb_inplace_multiply" | "nb_inplace_remainder"
  | "nb_inplace_lshift" | "nb_inplace_rshift" | "nb_inplace_and" | "nb_inplace_xor" | "nb_inplace_or"
  | "nb_inplace_floor_divide" | "nb_inplace_true_divide" | "nb_inplace_matrix_multiply";

/** CPython: binary_op1 — tries v's slot, then w's (w first when w's type is a subtype of v's). */
function binary_op1(v: PyObject, w: PyObject, slot: BinSlot): PyObject {
  const vt = Py_TYPE(v);
  const wt = Py_TYPE(w);
  const slotv = vt[slot] as BinaryFunc | null;
  let slotw = wt !== vt ? (wt[slot] as BinaryFunc | null) : null;
  if (slotw === slotv) slotw = null;
  if (slotv !== null) {
    if (slotw !== null && PyType_IsSubtype(wt, vt)) {
      const r = slotw(v, w);
      if (r !== Py_NotImplemented) return r;
      slotw = null;
    }
    const r = slotv(v, w);
    if (r !== Py_NotImplemented) return r;
  }
  if (slotw !== null) return slotw(v, w);
  return Py_NotImplemented;
}

function binop_type_error(v: PyObject, w: PyObject, opName: string): PyBaseException {
  return typeError(`unsupported operand type(s) for ${opName}: '${Py_TYPE(v).tp_name}' and '${Py_TYPE(w).tp_name}'`);
}

function binary_op(v: PyObject, w: PyObject, slot: BinSlot): PyObject {
  const r = binary_op1(v, w, slot);
  if (r === Py_NotImplemented) throw binop_type_error(v, w, NB_NAMES[slot]);
  return r;
}

export function PyNumber_Add(v: PyObject, w: PyObject): PyObject {
  if (typeof v === "number" && typeof w === "number") {
    const r = v + w;
    if (Number.isSafeInteger(r)) return r;
    return long_add(v, w);
  }
  if (typeof v === "string" && typeof w === "string") return v + w;
  if (v instanceof PyFloat && w instanceof PyFloat && v.ob_type === w.ob_type && v.ob_type.nb_add === floatAdd()) {
    return new PyFloat(v.value + w.value);
  }
  const r = binary_op1(v, w, "nb_add");
  if (r !== Py_NotImplemented) return r;
  const concat = Py_TYPE(v).sq_concat;
  if (concat !== null) return concat(v, w);
  throw binop_type_error(v, w, "+");
}

function floatAdd(): BinaryFunc | null {
  return PyFloat.prototype.ob_type.nb_add;
}

export function PyNumber_Subtract(v: PyObject, w: PyObject): PyObject {
  if (typeof v === "number" && typeof w === "number") {
    const r = v - w;
    if (Number.isSafeInteger(r)) return r;
    return long_sub(v, w);
  }
  return binary_op(v, w, "nb_subtract");
}

function sequence_repeat(repeat: (o: PyObject, n: number) => PyObject, seq: PyObject, n: PyObject): PyObject {
  if (!isIndex(n)) throw typeError(`can't multiply sequence by non-int of type '${Py_TYPE(n).tp_name}'`);
  const count = PyNumber_AsSsize_t(n, "overflow");
  return repeat(seq, count);
}

export function PyNumber_Multiply(v: PyObject, w: PyObject): PyObject {
  if (typeof v === "number" && typeof w === "number") {
    const r = v * w;
    if (Number.isSafeInteger(r)) return r + 0;
    return long_mul(v, w);
  }
  const r = binary_op1(v, w, "nb_multiply");
  if (r !== Py_NotImplemented) return r;
  const mv = Py_TYPE(v).sq_repeat;
  const mw = Py_TYPE(w).sq_repeat;
  if (mv !== null) return sequence_repeat(mv, v, w);
  if (mw !== null) return sequence_repeat(mw, w, v);
  throw binop_type_error(v, w, "*");
}

export const PyNumber_TrueDivide = (v: PyObject, w: PyObject): PyObject => binary_op(v, w, "nb_true_divide");
export const PyNumber_FloorDivide = (v: PyObject, w: PyObject): PyObject => binary_op(v, w, "nb_floor_divide");
export const PyNumber_Remainder = (v: PyObject, w: PyObject): PyObject => {
  if (typeof v === "string") {
    // str % args without a user __rmod__ on w's subtype
    const wt = Py_TYPE(w);
    if (wt.nb_remainder === null || !PyType_IsSubtype(wt, Py_TYPE(v)) || wt === Py_TYPE(v)) {
      return Py_TYPE(v).nb_remainder!(v, w);
    }
  }
  return binary_op(v, w, "nb_remainder");
};
export const PyNumber_Divmod = (v: PyObject, w: PyObject): PyObject => binary_op(v, w, "nb_divmod");
export const PyNumber_MatrixMultiply = (v: PyObject, w: PyObject): PyObject => binary_op(v, w, "nb_matrix_multiply");
export const PyNumber_Lshift = (v: PyObject, w: PyObject): PyObject => binary_op(v, w, "nb_lshift");
export const PyNumber_Rshift = (v: PyObject, w: PyObject): PyObject => binary_op(v, w, "nb_rshift");
export const PyNumber_And = (v: PyObject, w: PyObject): PyObject => binary_op(v, w, "nb_and");
export const PyNumber_Or = (v: PyObject, w: PyObject): PyObject => binary_op(v, w, "nb_or");
export const PyNumber_Xor = (v: PyObject, w: PyObject): PyObject => binary_op(v, w, "nb_xor");

/** pow(v, w, z) (CPython: ternary_op). */
export function PyNumber_Power(v: PyObject, w: PyObject, z: PyObject = Py_None): PyObject {
  const vt = Py_TYPE(v);
  const wt = Py_TYPE(w);
  const slotv = vt.nb_power;
  let slotw = wt !== vt ? wt.nb_power : null;
  if (slotw === slotv) slotw = null;
  if (slotv !== null) {
    if (slotw !== null && PyType_IsSubtype(wt, vt)) {
      const r = slotw(v, w, z);
      if (r !== Py_NotImplemented) return r;
      slotw = null;
    }
    const r = slotv(v, w, z);
    if (r !== Py_NotImplemented) return r;
  }
  if (slotw !== null) {
    const r = slotw(v, w, z);
    if (r !== Py_NotImplemented) return r;
  }
  if (z !== Py_None) {
    const zt = Py_TYPE(z);
    if (zt.nb_power !== null && zt !== vt && zt !== wt) {
      const r = zt.nb_power(v, w, z);
      if (r !== Py_NotImplemented) return r;
    }
    throw typeError(
      `unsupported operand type(s) for ** or pow(): '${vt.tp_name}', '${wt.tp_name}', '${Py_TYPE(z).tp_name}'`,
    );
  }
  throw typeError(`unsupported operand type(s) for ** or pow(): '${vt.tp_name}' and '${wt.tp_name}'`);
}

function inplace_op(v: PyObject, w: PyObject, islot: InplaceSlot, slot: BinSlot, opName: string): PyObject {
  const f = Py_TYPE(v)[islot] as BinaryFunc | null;
  if (f !== null) {
    const r = f(v, w);
    if (r !== Py_NotImplemented) return r;
  }
  const r = binary_op1(v, w, slot);
  if (r !== Py_NotImplemented) return r;
  throw binop_type_error(v, w, opName);
}

export function PyNumber_InPlaceAdd(v: PyObject, w: PyObject): PyObject {
  if (typeof v === "number" && typeof w === "number") {
    const r = v + w;
    if (Number.isSafeInteger(r)) return r;
    return long_add(v, w);
  }
  if (typeof v === "string" && typeof w === "string") return v + w;
  const t = Py_TYPE(v);
  const f = t.nb_inplace_add;
  if (f !== null) {
    const r = f(v, w);
    if (r !== Py_NotImplemented) return r;
  }
  const r = binary_op1(v, w, "nb_add");
  if (r !== Py_NotImplemented) return r;
  if (t.sq_inplace_concat !== null) return t.sq_inplace_concat(v, w);
  if (t.sq_concat !== null) return t.sq_concat(v, w);
  throw binop_type_error(v, w, "+=");
}

export function PyNumber_InPlaceMultiply(v: PyObject, w: PyObject): PyObject {
  if (typeof v === "number" && typeof w === "number") return PyNumber_Multiply(v, w);
  const t = Py_TYPE(v);
  const f = t.nb_inplace_multiply;
  if (f !== null) {
    const r = f(v, w);
    if (r !== Py_NotImplemented) return r;
  }
  const r = binary_op1(v, w, "nb_multiply");
  if (r !== Py_NotImplemented) return r;
  if (t.sq_inplace_repeat !== null) return sequence_repeat(t.sq_inplace_repeat, v, w);
  if (t.sq_repeat !== null) return sequence_repeat(t.sq_repeat, v, w);
  const wr = Py_TYPE(w).sq_repeat;
  if (wr !== null) return sequence_repeat(wr, w, v);
  throw binop_type_error(v, w, "*=");
}

export function PyNumber_InPlaceSubtract(v: PyObject, w: PyObject): PyObject {
  if (typeof v === "number" && typeof w === "number") return PyNumber_Subtract(v, w);
  return inplace_op(v, w, "nb_inplace_subtract", "nb_subtract", "-=");
}
export const PyNumber_InPlaceTrueDivide = (v: PyObject, w: PyObject): PyObject =>
  inplace_op(v, w, "nb_inplace_true_divide", "nb_true_divide", "/=");
export const PyNumber_InPlaceFloorDivide = (v: PyObject, w: PyObject): PyObject =>
  inplace_op(v, w, "nb_inplace_floor_divide", "nb_floor_divide", "//=");
export const PyNumber_InPlaceRemainder = (v: PyObject, w: PyObject): PyObject =>
  inplace_op(v, w, "nb_inplace_remainder", "nb_remainder", "%=");
export const PyNumber_InPlaceMatrixMultiply = (v: PyObject, w: PyObject): PyObject =>
  inplace_op(v, w, "nb_inplace_matrix_multiply", "nb_matrix_multiply", "@=");
export const PyNumber_InPlaceLshift = (v: PyObject, w: PyObject): PyObject =>
  inplace_op(v, w, "nb_inplace_lshift", "nb_lshift", "<<=");
export const PyNumber_InPlaceRshift = (v: PyObject, w: PyObject): PyObject =>
  inplace_op(v, w, "nb_inplace_rshift", "nb_rshift", ">>=");
export const PyNumber_InPlaceAnd = (v: PyObject, w: PyObject): PyObject => inplace_op(v, w, "nb_inplace_and", "nb_and", "&=");
export const PyNumber_InPlaceOr = (v: PyObject, w: PyObject): PyObject => inplace_op(v, w, "nb_inplace_or", "nb_or", "|=");
export const PyNumber_InPlaceXor = (v: PyObject, w: PyObject): PyObject => inplace_op(v, w, "nb_inplace_xor", "nb_xor", "^=");
export function PyNumber_InPlacePower(v: PyObject, w: PyObject): PyObject {
  const f = Py_TYPE(v).nb_inplace_power;
  if (f !== null) {
    const r = f(v, w, Py_None);
    if (r !== Py_NotImplemented) return r;
  }
  try {
    return PyNumber_Power(v, w, Py_None);
  } catch (e) {
    if (e instanceof PyBaseException && PyObject_Str(e).startsWith("unsupported operand type(s) for ** or pow()")) {
      throw typeError(`unsupported operand type(s) for **=: '${Py_TYPE(v).tp_name}' and '${Py_TYPE(w).tp_name}'`);
    }
    throw e;
  }
}

function unary(v: PyObject, slot: "nb_negative" | "nb_positive" | "nb_invert" | "nb_absolute", op: string): PyObject {
  const f = Py_TYPE(v)[slot];
  if (f === null) {
    if (slot === "nb_absolute") throw typeError(`bad operand type for abs(): '${Py_TYPE(v).tp_name}'`);
    throw typeError(`bad operand type for unary ${op}: '${Py_TYPE(v).tp_name}'`);
  }
  return f(v);
}

export function PyNumber_Negative(v: PyObject): PyObject {
  if (typeof v === "number") return 0 - v;
  return unary(v, "nb_negative", "-");
}
export const PyNumber_Positive = (v: PyObject): PyObject => unary(v, "nb_positive", "+");
export const PyNumber_Invert = (v: PyObject): PyObject => unary(v, "nb_invert", "~");
export const PyNumber_Absolute = (v: PyObject): PyObject => unary(v, "nb_absolute", "abs");

/** The BINARY_OP table indexed by oparg (3.14's NB_* numbering; 26 = NB_SUBSCR). */
export const _PyEval_BinaryOps: readonly ((v: PyObject, w: PyObject) => PyObject)[] = [
  PyNumber_Add, PyNumber_And, PyNumber_FloorDivide, PyNumber_Lshift, PyNumber_MatrixMultiply, PyNumber_Multiply,
  PyNumber_Remainder, PyNumber_Or, (v, w) => PyNumber_Power(v, w, Py_None), PyNumber_Rshift, PyNumber_Subtract,
  PyNumber_TrueDivide, PyNumber_Xor,
  PyNumber_InPlaceAdd, PyNumber_InPlaceAnd, PyNumber_InPlaceFloorDivide, PyNumber_InPlaceLshift,
  PyNumber_InPlaceMatrixMultiply, PyNumber_InPlaceMultiply, PyNumber_InPlaceRemainder, PyNumber_InPlaceOr,
  PyNumber_InPlacePower, PyNumber_InPlaceRshift, PyNumber_InPlaceSubtract, PyNumber_InPlaceTrueDivide,
  PyNumber_InPlaceXor, PyObject_GetItem,
];

/** int(o) (CPython: PyNumber_Long, without the str/bytes parsing done by int()). */
export function PyNumber_Long(o: PyObject): PyInt {
  switch (typeof o) {
    case "number":
    case "bigint":
      return o;
    case "boolean":
      return o ? 1 : 0;
  }
  const t = Py_TYPE(o);
  if (t.nb_int !== null) {
    const r = t.nb_int(o);
    if (typeof r === "number" || typeof r === "bigint") return r;
    if (typeof r === "boolean") return r ? 1 : 0;
    throw typeError(`__int__ returned non-int (type ${Py_TYPE(r).tp_name})`);
  }
  if (t.nb_index !== null) return PyNumber_Index(o);
  // 3.14 no longer falls back to __trunc__
  throw typeError(`int() argument must be a string, a bytes-like object or a real number, not '${t.tp_name}'`);
}

/** float(o) as a JS number (CPython: PyFloat_AsDouble). */
export function PyFloat_AsDouble(o: PyObject): number {
  if (o instanceof PyFloat) return o.value;
  switch (typeof o) {
    case "number":
      return o;
    case "boolean":
      return o ? 1 : 0;
    case "bigint":
      return PyNumber_FloatValue(o);
  }
  return PyNumber_FloatValue(o);
}

function PyNumber_FloatValue(o: PyObject): number {
  const t = Py_TYPE(o);
  if (t.nb_float !== null) {
    const r = t.nb_float(o);
    if (r instanceof PyFloat) return r.value;
    throw typeError(`${t.tp_name}.__float__ returned non-float (type ${Py_TYPE(r).tp_name})`);
  }
  if (t.nb_index !== null) {
    const i = PyNumber_Index(o);
    if (typeof i === "number") return i;
    const r = Number(i);
    if (!Number.isFinite(r)) throw overflowError("int too large to convert to float");
    return r;
  }
  throw typeError(`must be real number, not ${t.tp_name}`);
}

// --- helpers shared by object modules --------------------------------------------------------------

/** Builds a Python int from a bigint (normalized). */
export const PyLong_FromBigInt = normBig;
export { long_compare };

/** format(value, spec) (CPython: PyObject_Format). */
export function PyObject_Format(v: PyObject, spec: string): string {
  if (spec === "") {
    if (typeof v === "string") return v;
    if (typeof v === "number") return String(v);
  }
  const meth = _PyObject_LookupSpecial(v, "__format__");
  if (meth === null) throw typeError(`Type ${Py_TYPE(v).tp_name} doesn't define __format__`);
  const r = PyObject_CallOneArg(meth, spec);
  if (typeof r !== "string") throw typeError(`__format__ must return a str, not ${Py_TYPE(r).tp_name}`);
  return r;
}

/** Raised StopIteration's value when a generator-like protocol needs it. */
export function stopIterationValue(e: PyBaseException): PyObject {
  return PyErr_ExceptionMatches(e, PyExc_StopIteration) ? ((e as unknown as { value: PyObject }).value ?? Py_None) : Py_None;
}

export type { SlotName };
