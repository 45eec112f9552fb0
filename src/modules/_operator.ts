// CPython: Modules/_operator.c — the operator functions (operator.py re-exports them), plus the
// attrgetter / itemgetter / methodcaller callables.
import {
  type PyObject, Py_None, Py_NotImplemented, Py_TYPE, Py_LT, Py_LE, Py_EQ, Py_NE, Py_GT, Py_GE, PyLong_Type,
  PyObject_TypeCheck,
} from "../objects/object.js";
import { PyModule } from "../objects/moduleobject.js";
import type { PyTuple } from "../objects/tupleobject.js";
import {
  PyObject_RichCompare, PyObject_IsTrue, PyObject_GetItem, PyObject_SetItem, PyObject_DelItem, PyObject_GetIter,
  PyIter_Next, PyObject_RichCompareBool, PySequence_Contains, PyNumber_Index, PyNumber_Add, PyNumber_Subtract,
  PyNumber_Multiply, PyNumber_MatrixMultiply, PyNumber_FloorDivide, PyNumber_TrueDivide, PyNumber_Remainder,
  PyNumber_Lshift, PyNumber_Rshift, PyNumber_And, PyNumber_Xor, PyNumber_Or, PyNumber_Power, PyNumber_InPlaceAdd,
  PyNumber_InPlaceSubtract, PyNumber_InPlaceMultiply, PyNumber_InPlaceMatrixMultiply, PyNumber_InPlaceFloorDivide,
  PyNumber_InPlaceTrueDivide, PyNumber_InPlaceRemainder, PyNumber_InPlaceLshift, PyNumber_InPlaceRshift,
  PyNumber_InPlaceAnd, PyNumber_InPlaceXor, PyNumber_InPlaceOr, PyNumber_InPlacePower, PyNumber_Negative,
  PyNumber_Positive, PyNumber_Absolute, PyNumber_Invert, PyObject_Size, _PyObject_LookupSpecial,
  PyObject_CallNoArgs, PyObject_Vectorcall, PyObject_Not,
} from "../objects/abstract.js";
import { typeError, valueError, overflowError, PyErr_ExceptionMatches, PyErr_Format } from "../python/errors.js";
import { PyExc_TypeError, PyExc_BufferError } from "../objects/exceptions.js";
import { checkPositional } from "../python/getargs.js";
import { newBuiltinFunction, type FastFunc } from "../objects/methodobject.js";
import { PyObject_CheckBuffer, PyObject_GetBuffer, PyBuffer_Release, PyBUF_SIMPLE } from "../objects/buffer.js";
import { asStr } from "../objects/unicodeobject.js";
import { PyDict_Type } from "../objects/dictobject.js";
import { initOperatorGetters } from "./_operator_getters.js";

type Fn1 = (a: PyObject) => PyObject;
type Fn2 = (a: PyObject, b: PyObject) => PyObject;

function noKw(name: string, kw: PyTuple | null): void {
  if (kw !== null && kw.items.length) throw typeError(`_operator.${name}() takes no keyword arguments`);
}

/** A one-argument function (CPython: METH_O). */
function fn1(name: string, f: Fn1): FastFunc {
  return (_s, args, start, nargs, kw) => {
    noKw(name, kw);
    if (nargs !== 1) throw typeError(`_operator.${name}() takes exactly one argument (${nargs} given)`);
    return f(args[start]);
  };
}

/** A two-argument function (CPython: clinic METH_FASTCALL, "(a, b, /)"). */
function fn2(name: string, f: Fn2): FastFunc {
  return (_s, args, start, nargs, kw) => {
    noKw(name, kw);
    if (nargs !== 2) checkPositional(name, nargs, 2, 2);
    return f(args[start], args[start + 1]);
  };
}

/** PySequence_Check: has sq_item and is not a dict. */
function sequenceCheck(o: PyObject): boolean {
  if (PyObject_TypeCheck(o, PyDict_Type)) return false;
  return Py_TYPE(o).sq_item !== null;
}

const cantConcat = (o: PyObject) => typeError(`'${Py_TYPE(o).tp_name}' object can't be concatenated`);

/** CPython: PySequence_Concat. */
function sequenceConcat(a: PyObject, b: PyObject): PyObject {
  const t = Py_TYPE(a);
  if (t.sq_concat !== null) return t.sq_concat(a, b);
  if (sequenceCheck(a) && sequenceCheck(b)) {
    const r = binaryAddSlots(a, b);
    if (r !== Py_NotImplemented) return r;
  }
  throw cantConcat(a);
}

/** CPython: PySequence_InPlaceConcat. */
function sequenceInPlaceConcat(a: PyObject, b: PyObject): PyObject {
  const t = Py_TYPE(a);
  if (t.sq_inplace_concat !== null) return t.sq_inplace_concat(a, b);
  if (t.sq_concat !== null) return t.sq_concat(a, b);
  if (sequenceCheck(a) && sequenceCheck(b)) {
    if (t.nb_inplace_add !== null) {
      const r = t.nb_inplace_add(a, b);
      if (r !== Py_NotImplemented) return r;
    }
    const r = binaryAddSlots(a, b);
    if (r !== Py_NotImplemented) return r;
  }
  throw cantConcat(a);
}

/** The nb_add part of binary_op1 (left slot, then the right operand's). */
function binaryAddSlots(a: PyObject, b: PyObject): PyObject {
  const sa = Py_TYPE(a).nb_add;
  const sb = Py_TYPE(b).nb_add;
  if (sa !== null) {
    const r = sa(a, b);
    if (r !== Py_NotImplemented) return r;
  }
  if (sb !== null && sb !== sa) return sb(a, b);
  return Py_NotImplemented;
}

/** CPython: _PySequence_IterSearch (PY_ITERSEARCH_COUNT / PY_ITERSEARCH_INDEX). */
function iterSearch(seq: PyObject, obj: PyObject, index: boolean): PyObject {
  let it: PyObject;
  try {
    it = PyObject_GetIter(seq);
  } catch (e) {
    if (PyErr_ExceptionMatches(e, PyExc_TypeError)) {
      throw typeError(`argument of type '${Py_TYPE(seq).tp_name}' is not iterable`);
    }
    throw e;
  }
  let n = 0;
  for (let x = PyIter_Next(it); x !== null; x = PyIter_Next(it)) {
    if (x === obj || PyObject_RichCompareBool(x, obj, Py_EQ)) {
      if (index) return n;
      n++;
    } else if (index) n++;
  }
  if (index) throw valueError("sequence.index(x): x not in sequence");
  return n;
}

/** Whether the type has a length slot (CPython: _PyObject_HasLen). */
function hasLen(o: PyObject): boolean {
  const t = Py_TYPE(o);
  return t.sq_length !== null || t.mp_length !== null;
}

/** CPython: PyObject_LengthHint. */
export function PyObject_LengthHint(o: PyObject, defaultvalue: number): number {
  if (hasLen(o)) {
    try {
      return PyObject_Size(o);
    } catch (e) {
      if (!PyErr_ExceptionMatches(e, PyExc_TypeError)) throw e;
    }
  }
  const hint = _PyObject_LookupSpecial(o, "__length_hint__");
  if (hint === null) return defaultvalue;
  let result: PyObject;
  try {
    result = PyObject_CallNoArgs(hint);
  } catch (e) {
    if (PyErr_ExceptionMatches(e, PyExc_TypeError)) return defaultvalue;
    throw e;
  }
  if (result === Py_NotImplemented) return defaultvalue;
  if (!PyObject_TypeCheck(result, PyLong_Type)) {
    throw typeError(`__length_hint__ must be an integer, not ${Py_TYPE(result).tp_name}`);
  }
  const n = PyNumber_Index(result);
  if (typeof n !== "number") throw overflowError("Python int too large to convert to C ssize_t");
  if (n < 0) throw valueError("__length_hint__() should return >= 0");
  return n;
}

function ssizeArg(v: PyObject): number {
  const n = PyNumber_Index(v);
  if (typeof n !== "number") throw overflowError("Python int too large to convert to C ssize_t");
  return n;
}

/** Constant-time comparison of equal-length byte strings (CPython: _tscmp). */
function tscmp(a: Uint8Array, b: Uint8Array): boolean {
  const left = b;
  let result = a.length === b.length ? 0 : 1;
  const src = a.length === b.length ? a : b;
  for (let i = 0; i < left.length; i++) result |= src[i] ^ left[i];
  return result === 0;
}

function asciiBytes(s: string): Uint8Array | null {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 127) return null;
    out[i] = c;
  }
  return out;
}

/** CPython: _operator__compare_digest_impl. */
function compareDigest(a: PyObject, b: PyObject): PyObject {
  const sa = asStr(a);
  const sb = asStr(b);
  if (sa !== null && sb !== null) {
    const ba = asciiBytes(sa);
    const bb = asciiBytes(sb);
    if (ba === null || bb === null) throw typeError("comparing strings with non-ASCII characters is not supported");
    return tscmp(ba, bb);
  }
  if (!PyObject_CheckBuffer(a) && !PyObject_CheckBuffer(b)) {
    throw typeError(
      `unsupported operand types(s) or combination of types: '${Py_TYPE(a).tp_name}' and '${Py_TYPE(b).tp_name}'`,
    );
  }
  const va = PyObject_GetBuffer(a, PyBUF_SIMPLE);
  try {
    if (va.ndim > 1) throw PyErr_Format(PyExc_BufferError, "Buffer must be single dimension");
    const vb = PyObject_GetBuffer(b, PyBUF_SIMPLE);
    try {
      if (vb.ndim > 1) throw PyErr_Format(PyExc_BufferError, "Buffer must be single dimension");
      return tscmp(va.buf.subarray(va.offset, va.offset + va.len), vb.buf.subarray(vb.offset, vb.offset + vb.len));
    } finally {
      PyBuffer_Release(vb);
    }
  } finally {
    PyBuffer_Release(va);
  }
}

const COMPARE_DIGEST_DOC =
  "Return 'a == b'.\n\nThis function uses an approach designed to prevent\ntiming analysis, making it appropriate for cryptography.\n\n" +
  "a and b must both be of the same type: either str (ASCII only),\nor any bytes-like object.\n\n" +
  "Note: If a and b are of different lengths, or if an error occurs,\na timing attack could theoretically reveal information about the\ntypes and lengths of a and b--but not their values.";

const LENGTH_HINT_DOC =
  "Return an estimate of the number of items in obj.\n\nThis is useful for presizing containers when building from an iterable.\n\n" +
  "If the object supports len(), the result will be exact.\nOtherwise, it may over- or under-estimate by an arbitrary amount.\nThe result will be an integer >= 0.";

const MODULE_DOC =
  "Operator interface.\n\nThis module exports a set of functions implemented in C corresponding\nto the intrinsic operators of Python.  " +
  "For example, operator.add(x, y)\nis equivalent to the expression x+y.  The function names are those\n" +
  "used for special methods; variants without leading and trailing\n'__' are also provided for convenience.";

const same = (what: string): string => `Same as ${what}.`;

// [name, implementation, doc]
const UNARY: [string, Fn1, string][] = [
  ["truth", (a) => PyObject_IsTrue(a), "Return True if a is true, False otherwise."],
  ["not_", (a) => PyObject_Not(a), same("not a")],
  ["index", (a) => PyNumber_Index(a), "Same as a.__index__()"],
  ["neg", PyNumber_Negative, same("-a")],
  ["pos", PyNumber_Positive, same("+a")],
  ["abs", PyNumber_Absolute, same("abs(a)")],
  ["inv", PyNumber_Invert, same("~a")],
  ["invert", PyNumber_Invert, same("~a")],
  ["is_none", (a) => a === Py_None, same("a is None")],
  ["is_not_none", (a) => a !== Py_None, same("a is not None")],
];

const BINARY: [string, Fn2, string][] = [
  ["contains", (a, b) => PySequence_Contains(a, b), "Same as b in a (note reversed operands)."],
  ["indexOf", (a, b) => iterSearch(a, b, true), "Return the first index of b in a."],
  ["countOf", (a, b) => iterSearch(a, b, false), "Return the number of items in a which are, or which equal, b."],
  ["is_", (a, b) => a === b, same("a is b")],
  ["is_not", (a, b) => a !== b, same("a is not b")],
  ["add", PyNumber_Add, same("a + b")],
  ["sub", PyNumber_Subtract, same("a - b")],
  ["mul", PyNumber_Multiply, same("a * b")],
  ["matmul", PyNumber_MatrixMultiply, same("a @ b")],
  ["floordiv", PyNumber_FloorDivide, same("a // b")],
  ["truediv", PyNumber_TrueDivide, same("a / b")],
  ["mod", PyNumber_Remainder, same("a % b")],
  ["lshift", PyNumber_Lshift, same("a << b")],
  ["rshift", PyNumber_Rshift, same("a >> b")],
  ["and_", PyNumber_And, same("a & b")],
  ["xor", PyNumber_Xor, same("a ^ b")],
  ["or_", PyNumber_Or, same("a | b")],
  ["iadd", PyNumber_InPlaceAdd, same("a += b")],
  ["isub", PyNumber_InPlaceSubtract, same("a -= b")],
  ["imul", PyNumber_InPlaceMultiply, same("a *= b")],
  ["imatmul", PyNumber_InPlaceMatrixMultiply, same("a @= b")],
  ["ifloordiv", PyNumber_InPlaceFloorDivide, same("a //= b")],
  ["itruediv", PyNumber_InPlaceTrueDivide, same("a /= b")],
  ["imod", PyNumber_InPlaceRemainder, same("a %= b")],
  ["ilshift", PyNumber_InPlaceLshift, same("a <<= b")],
  ["irshift", PyNumber_InPlaceRshift, same("a >>= b")],
  ["iand", PyNumber_InPlaceAnd, same("a &= b")],
  ["ixor", PyNumber_InPlaceXor, same("a ^= b")],
  ["ior", PyNumber_InPlaceOr, same("a |= b")],
  ["concat", sequenceConcat, same("a + b, for a and b sequences")],
  ["iconcat", sequenceInPlaceConcat, same("a += b, for a and b sequences")],
  ["getitem", PyObject_GetItem, same("a[b]")],
  ["delitem", (a, b) => (PyObject_DelItem(a, b), Py_None), same("del a[b]")],
  ["lt", (a, b) => PyObject_RichCompare(a, b, Py_LT), same("a < b")],
  ["le", (a, b) => PyObject_RichCompare(a, b, Py_LE), same("a <= b")],
  ["eq", (a, b) => PyObject_RichCompare(a, b, Py_EQ), same("a == b")],
  ["ne", (a, b) => PyObject_RichCompare(a, b, Py_NE), same("a != b")],
  ["gt", (a, b) => PyObject_RichCompare(a, b, Py_GT), same("a > b")],
  ["ge", (a, b) => PyObject_RichCompare(a, b, Py_GE), same("a >= b")],
  ["pow", (a, b) => PyNumber_Power(a, b, Py_None), same("a ** b")],
  ["ipow", PyNumber_InPlacePower, same("a **= b")],
  ["_compare_digest", compareDigest, COMPARE_DIGEST_DOC],
];

export function init_operator(): PyModule {
  const m = new PyModule("_operator", MODULE_DOC);
  const d = m.dict;
  for (const [name, f, doc] of UNARY) d.setStr(name, newBuiltinFunction(name, fn1(name, f), "_operator", doc));
  for (const [name, f, doc] of BINARY) d.setStr(name, newBuiltinFunction(name, fn2(name, f), "_operator", doc));
  d.setStr(
    "setitem",
    newBuiltinFunction("setitem", (_s, args, start, nargs, kw) => {
      noKw("setitem", kw);
      if (nargs !== 3) checkPositional("setitem", nargs, 3, 3);
      PyObject_SetItem(args[start], args[start + 1], args[start + 2]);
      return Py_None;
    }, "_operator", same("a[b] = c")),
  );
  d.setStr(
    "length_hint",
    newBuiltinFunction("length_hint", (_s, args, start, nargs, kw) => {
      noKw("length_hint", kw);
      checkPositional("length_hint", nargs, 1, 2);
      return PyObject_LengthHint(args[start], nargs > 1 ? ssizeArg(args[start + 1]) : 0);
    }, "_operator", LENGTH_HINT_DOC),
  );
  d.setStr(
    "call",
    newBuiltinFunction("call", (_s, args, start, nargs, kw) => {
      if (nargs < 1) throw typeError(`call expected at least 1 argument, got ${nargs}`);
      return PyObject_Vectorcall(args[start], args, start + 1, nargs - 1, kw);
    }, "_operator", "Same as obj(*args, **kwargs)."),
  );
  initOperatorGetters(d);
  return m;
}
