// CPython: Python/specialize.c
//
// Quickening (initial inline-cache counters) and the specializers the adaptive instructions call
// when their counter runs out. A specializer rewrites the instruction's opcode in the code
// object's adaptive copy (never co_code) and resets its counter: the cooldown value on success,
// a longer backoff on failure.
import { Py_None, PyType_Type, PyUnicode_Type, type PyObject } from "../objects/object.js";
import { PyFunctionObject } from "../objects/funcobject.js";
import { PyMethod } from "../objects/classobject.js";
import { PyMethodDescr } from "../objects/descrobject.js";
import { builtinsDict } from "../python/bltinmodule.js";
import { _PyFunction_TakesExactly } from "./ceval.js";
import { PyFloat } from "../objects/floatobject.js";
import { PyTuple, PyTuple_Type, PyTupleIter } from "../objects/tupleobject.js";
import { PyList, PyList_Type, PyListIter } from "../objects/listobject.js";
import { PyDict, PyDict_Type } from "../objects/dictobject.js";
import { PyRangeIter } from "../objects/rangeobject.js";
import { PyBytes } from "../objects/bytesobject.js";
import * as op from "./opcode_ids.generated.js";
import { _PyOpcode_Caches, _PyOpcode_Deopt } from "./opcode_metadata.generated.js";
import { ADAPTIVE_COOLDOWN_VALUE, ADAPTIVE_WARMUP_VALUE, JUMP_BACKWARD_INITIAL_VALUE, adaptiveCounterBackoff } from "./backoff.js";

/** POP_JUMP_IF_*'s cache starts as alternating bits: no branch history yet (CPython: _PyCode_Quicken). */
const BRANCH_HISTORY_INITIAL = 0x5555;

/** Sets every inline cache's first entry (CPython: _PyCode_Quicken). */
export function _PyCode_Quicken(code: Uint16Array): void {
  for (let i = 0; i < code.length; i++) {
    const opcode = _PyOpcode_Deopt[code[i]! & 255]!;
    const caches = _PyOpcode_Caches[opcode]!;
    if (caches === 0) continue;
    switch (opcode) {
      case op.JUMP_BACKWARD:
        code[i + 1] = JUMP_BACKWARD_INITIAL_VALUE;
        break;
      case op.POP_JUMP_IF_FALSE:
      case op.POP_JUMP_IF_TRUE:
      case op.POP_JUMP_IF_NONE:
      case op.POP_JUMP_IF_NOT_NONE:
        code[i + 1] = BRANCH_HISTORY_INITIAL;
        break;
      default:
        code[i + 1] = ADAPTIVE_WARMUP_VALUE;
    }
    i += caches;
  }
}

/** Replaces the opcode of the instruction at `instr`, keeping its oparg. */
export function rewriteOpcode(code: Uint16Array, instr: number, opcode: number): void {
  code[instr] = (code[instr]! & 0xff00) | opcode;
}

function succeed(code: Uint16Array, instr: number, opcode: number): void {
  rewriteOpcode(code, instr, opcode);
  code[instr + 1] = ADAPTIVE_COOLDOWN_VALUE;
}

function fail(code: Uint16Array, instr: number, generic: number): void {
  rewriteOpcode(code, instr, generic);
  adaptiveCounterBackoff(code, instr + 1);
}

/** An int CPython stores in one 30-bit digit ("compact"): the only ints its int specializations take. */
export function _PyLong_IsCompact(v: PyObject): v is number {
  return typeof v === "number" && v < 0x40000000 && v > -0x40000000;
}

/** Objects CPython makes immortal: None, bools, small ints, (), b'', one-byte bytes, short or identifier-like interned str. */
function isImmortal(v: PyObject): boolean {
  switch (typeof v) {
    case "boolean":
      return true;
    case "number":
      return v >= -5 && v <= 256;
    case "bigint":
      return false;
    case "string":
      return v.length <= 1 || /^[A-Za-z0-9_]+$/.test(v);
    default:
      if (v === Py_None) return true;
      if (v instanceof PyTuple) return v.items.length === 0;
      if (v instanceof PyBytes) return v.value.length <= 1;
      return false;
  }
}

/** LOAD_CONST picks its immortal or mortal form on first execution. */
export function _Py_Specialize_LoadConst(code: Uint16Array, instr: number, value: PyObject): void {
  rewriteOpcode(code, instr, isImmortal(value) ? op.LOAD_CONST_IMMORTAL : op.LOAD_CONST_MORTAL);
}

export function _Py_Specialize_ToBool(value: PyObject, code: Uint16Array, instr: number): void {
  switch (typeof value) {
    case "boolean":
      return succeed(code, instr, op.TO_BOOL_BOOL);
    case "number":
    case "bigint":
      return succeed(code, instr, op.TO_BOOL_INT);
    case "string":
      return succeed(code, instr, op.TO_BOOL_STR);
  }
  if (value === Py_None) return succeed(code, instr, op.TO_BOOL_NONE);
  if (isExactList(value)) return succeed(code, instr, op.TO_BOOL_LIST);
  fail(code, instr, op.TO_BOOL);
}

// BINARY_OP's oparg values (CPython: Include/opcode.h, NB_*)
const NB_ADD = 0;
const NB_MULTIPLY = 5;
const NB_SUBTRACT = 10;
const NB_INPLACE_ADD = 13;
const NB_INPLACE_MULTIPLY = 18;
const NB_INPLACE_SUBTRACT = 23;
const NB_SUBSCR = 26;

export function _Py_Specialize_BinaryOp(lhs: PyObject, rhs: PyObject, code: Uint16Array, instr: number, oparg: number): void {
  const ints = _PyLong_IsCompact(lhs) && _PyLong_IsCompact(rhs);
  const floats = isExactFloat(lhs) && isExactFloat(rhs);
  switch (oparg) {
    case NB_ADD:
    case NB_INPLACE_ADD:
      if (typeof lhs === "string" && typeof rhs === "string") return succeed(code, instr, op.BINARY_OP_ADD_UNICODE);
      if (ints) return succeed(code, instr, op.BINARY_OP_ADD_INT);
      if (floats) return succeed(code, instr, op.BINARY_OP_ADD_FLOAT);
      break;
    case NB_MULTIPLY:
    case NB_INPLACE_MULTIPLY:
      if (ints) return succeed(code, instr, op.BINARY_OP_MULTIPLY_INT);
      if (floats) return succeed(code, instr, op.BINARY_OP_MULTIPLY_FLOAT);
      break;
    case NB_SUBTRACT:
    case NB_INPLACE_SUBTRACT:
      if (ints) return succeed(code, instr, op.BINARY_OP_SUBTRACT_INT);
      if (floats) return succeed(code, instr, op.BINARY_OP_SUBTRACT_FLOAT);
      break;
    case NB_SUBSCR:
      if (isExactList(lhs) && typeof rhs === "number" && rhs >= 0) return succeed(code, instr, op.BINARY_OP_SUBSCR_LIST_INT);
      if (isExactTuple(lhs) && typeof rhs === "number" && rhs >= 0) return succeed(code, instr, op.BINARY_OP_SUBSCR_TUPLE_INT);
      if (isExactDict(lhs)) return succeed(code, instr, op.BINARY_OP_SUBSCR_DICT);
      break;
  }
  fail(code, instr, op.BINARY_OP);
}

// COMPARE_OP's oparg: (comparison << 5) | (16 if the result is made a bool) | mask bits
export function _Py_Specialize_CompareOp(lhs: PyObject, rhs: PyObject, code: Uint16Array, instr: number, oparg: number): void {
  const cmp = oparg >> 5;
  if (isExactFloat(lhs) && isExactFloat(rhs)) return succeed(code, instr, op.COMPARE_OP_FLOAT);
  if (_PyLong_IsCompact(lhs) && _PyLong_IsCompact(rhs)) return succeed(code, instr, op.COMPARE_OP_INT);
  if (typeof lhs === "string" && typeof rhs === "string" && (cmp === 2 || cmp === 3)) return succeed(code, instr, op.COMPARE_OP_STR);
  fail(code, instr, op.COMPARE_OP);
}

export function _Py_Specialize_StoreSubscr(container: PyObject, sub: PyObject, code: Uint16Array, instr: number): void {
  if (isExactList(container) && typeof sub === "number" && sub >= 0) return succeed(code, instr, op.STORE_SUBSCR_LIST_INT);
  if (isExactDict(container)) return succeed(code, instr, op.STORE_SUBSCR_DICT);
  fail(code, instr, op.STORE_SUBSCR);
}

export function _Py_Specialize_UnpackSequence(seq: PyObject, code: Uint16Array, instr: number, oparg: number): void {
  if (isExactTuple(seq)) {
    if ((seq as PyTuple).items.length !== oparg) return fail(code, instr, op.UNPACK_SEQUENCE);
    return succeed(code, instr, oparg === 2 ? op.UNPACK_SEQUENCE_TWO_TUPLE : op.UNPACK_SEQUENCE_TUPLE);
  }
  if (isExactList(seq)) return succeed(code, instr, op.UNPACK_SEQUENCE_LIST);
  fail(code, instr, op.UNPACK_SEQUENCE);
}

export function _Py_Specialize_ContainsOp(container: PyObject, code: Uint16Array, instr: number): void {
  if (isExactDict(container)) return succeed(code, instr, op.CONTAINS_OP_DICT);
  fail(code, instr, op.CONTAINS_OP);
}

/** CALL: Python functions and methods run inline; a few builtins get their own instruction. */
export function _Py_Specialize_Call(callable: PyObject, selfOrNull: PyObject | null, code: Uint16Array, instr: number, oparg: number): void {
  const total = oparg + (selfOrNull === null ? 0 : 1);
  if (callable instanceof PyFunctionObject) {
    return succeed(code, instr, _PyFunction_TakesExactly(callable, total) ? op.CALL_PY_EXACT_ARGS : op.CALL_PY_GENERAL);
  }
  if (callable instanceof PyMethod && callable.func instanceof PyFunctionObject && selfOrNull === null) {
    return succeed(code, instr, _PyFunction_TakesExactly(callable.func, oparg + 1) ? op.CALL_BOUND_METHOD_EXACT_ARGS : op.CALL_BOUND_METHOD_GENERAL);
  }
  if (selfOrNull === null && oparg === 1) {
    if (callable === PyType_Type) return succeed(code, instr, op.CALL_TYPE_1);
    if (callable === PyUnicode_Type) return succeed(code, instr, op.CALL_STR_1);
    if (callable === PyTuple_Type) return succeed(code, instr, op.CALL_TUPLE_1);
    if (callable === builtinsDict.getStr("len")) return succeed(code, instr, op.CALL_LEN);
  }
  if (selfOrNull === null && oparg === 2 && callable === builtinsDict.getStr("isinstance")) return succeed(code, instr, op.CALL_ISINSTANCE);
  // a builtin that CALL may run inline (PyMethodDef.inline) stays with CALL
  if (callable instanceof PyMethodDescr && callable.def.inline !== undefined) return fail(code, instr, op.CALL);
  succeed(code, instr, op.CALL_NON_PY_GENERAL);
}

export function _Py_Specialize_ForIter(iter: PyObject, code: Uint16Array, instr: number): void {
  const kind = forIterKind(iter);
  if (kind !== 0) return succeed(code, instr, kind);
  fail(code, instr, op.FOR_ITER);
}

function isExactFloat(v: PyObject): v is PyFloat {
  return v instanceof PyFloat && v.ob_type === PyFloat.prototype.ob_type;
}

function isExactList(v: PyObject): boolean {
  return v instanceof PyList && v.ob_type === PyList_Type;
}
function isExactTuple(v: PyObject): boolean {
  return v instanceof PyTuple && v.ob_type === PyTuple_Type;
}
function isExactDict(v: PyObject): boolean {
  return v instanceof PyDict && v.ob_type === PyDict_Type;
}
/** FOR_ITER_LIST / _TUPLE / _RANGE for the iterators that have one, else 0. */
function forIterKind(v: PyObject): number {
  if (v instanceof PyListIter) return op.FOR_ITER_LIST;
  if (v instanceof PyTupleIter) return op.FOR_ITER_TUPLE;
  if (v instanceof PyRangeIter) return op.FOR_ITER_RANGE;
  return 0;
}
