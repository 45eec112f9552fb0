// CPython: Modules/_opcode.c — opcode facts for opcode.py and dis.py, read from the tables that
// tools/cases_generator generates from src/vm/bytecodes.def (so they cannot drift from the eval loop).
import { type PyObject, Py_None } from "../objects/object.js";
import { PyModule } from "../objects/moduleobject.js";
import { PyList } from "../objects/listobject.js";
import { PyTuple } from "../objects/tupleobject.js";
import { newBuiltinFunction } from "../objects/methodobject.js";
import { PyObject_IsTrue, PyLong_AsLong } from "../objects/abstract.js";
import { PyCodeObject } from "../objects/codeobject.js";
import { valueError, badArgument } from "../python/errors.js";
import { ArgParser } from "../python/getargs.js";
import {
  _PyOpcode_OpName, IS_PSEUDO_INSTR, stackEffect, OPCODE_HAS_ARG, OPCODE_HAS_CONST, OPCODE_HAS_NAME,
  OPCODE_HAS_JUMP, OPCODE_HAS_FREE, OPCODE_HAS_LOCAL, OPCODE_HAS_EXC,
} from "../vm/opcode_metadata.generated.js";

/** Whether `op` names an instruction: real, specialized, instrumented or pseudo (CPython: _PyOpcode_IsValid). */
function isValid(op: number): boolean {
  return (op >= 0 && op < 256 && _PyOpcode_OpName[op] !== "" && _PyOpcode_OpName[op] !== undefined) || IS_PSEUDO_INSTR(op);
}

// Include/internal/pycore_intrinsics.h, in oparg order
const INTRINSIC1 = [
  "INTRINSIC_1_INVALID", "INTRINSIC_PRINT", "INTRINSIC_IMPORT_STAR", "INTRINSIC_STOPITERATION_ERROR",
  "INTRINSIC_ASYNC_GEN_WRAP", "INTRINSIC_UNARY_POSITIVE", "INTRINSIC_LIST_TO_TUPLE", "INTRINSIC_TYPEVAR",
  "INTRINSIC_PARAMSPEC", "INTRINSIC_TYPEVARTUPLE", "INTRINSIC_SUBSCRIPT_GENERIC", "INTRINSIC_TYPEALIAS",
];
const INTRINSIC2 = [
  "INTRINSIC_2_INVALID", "INTRINSIC_PREP_RERAISE_STAR", "INTRINSIC_TYPEVAR_WITH_BOUND",
  "INTRINSIC_TYPEVAR_WITH_CONSTRAINTS", "INTRINSIC_SET_FUNCTION_TYPE_PARAMS", "INTRINSIC_SET_TYPEPARAM_DEFAULT",
];
// the operand of LOAD_SPECIAL, in oparg order
const SPECIAL_METHODS = ["__enter__", "__exit__", "__aenter__", "__aexit__"];
// BINARY_OP's oparg order (NB_ADD = 0 ... NB_SUBSCR), with the symbols dis prints
const NB_OPS: readonly (readonly [string, string])[] = [
  ["NB_ADD", "+"], ["NB_AND", "&"], ["NB_FLOOR_DIVIDE", "//"], ["NB_LSHIFT", "<<"], ["NB_MATRIX_MULTIPLY", "@"],
  ["NB_MULTIPLY", "*"], ["NB_REMAINDER", "%"], ["NB_OR", "|"], ["NB_POWER", "**"], ["NB_RSHIFT", ">>"],
  ["NB_SUBTRACT", "-"], ["NB_TRUE_DIVIDE", "/"], ["NB_XOR", "^"], ["NB_INPLACE_ADD", "+="], ["NB_INPLACE_AND", "&="],
  ["NB_INPLACE_FLOOR_DIVIDE", "//="], ["NB_INPLACE_LSHIFT", "<<="], ["NB_INPLACE_MATRIX_MULTIPLY", "@="],
  ["NB_INPLACE_MULTIPLY", "*="], ["NB_INPLACE_REMAINDER", "%="], ["NB_INPLACE_OR", "|="], ["NB_INPLACE_POWER", "**="],
  ["NB_INPLACE_RSHIFT", ">>="], ["NB_INPLACE_SUBTRACT", "-="], ["NB_INPLACE_TRUE_DIVIDE", "/="], ["NB_INPLACE_XOR", "^="],
  ["NB_SUBSCR", "[]"],
];

const stackEffectArgs = new ArgParser("stack_effect", ["opcode", "oparg", "jump"], { posonly: 2, required: 1, kwonlyStart: 2 });
const getExecutorArgs = new ArgParser("get_executor", ["code", "offset"], { posonly: 2, required: 2 });

export function init_opcode(): PyModule {
  const m = new PyModule("_opcode", "Opcode support module.");
  const d = m.dict;
  const def = (name: string, f: Parameters<typeof newBuiltinFunction>[1]): void => d.setStr(name, newBuiltinFunction(name, f, "_opcode"));

  def("stack_effect", (_s, args, start, nargs, kwnames) => {
    const [opArg, oparg, jump] = stackEffectArgs.parse(args, start, nargs, kwnames);
    const op = PyLong_AsLong(opArg as PyObject);
    const arg = oparg === null || oparg === Py_None ? 0 : PyLong_AsLong(oparg);
    const j = jump === null || jump === Py_None ? null : PyObject_IsTrue(jump);
    const effect = isValid(op) ? stackEffect(op, arg, j) : null;
    if (effect === null) throw valueError("invalid opcode or oparg");
    return effect;
  });
  const predicate = (name: string, f: (op: number) => boolean): void =>
    def(name, (_s, args, start, nargs, kwnames) => {
      const [opArg] = new ArgParser(name, ["opcode"], { required: 1 }).parse(args, start, nargs, kwnames);
      const op = PyLong_AsLong(opArg as PyObject);
      return isValid(op) && f(op);
    });
  predicate("is_valid", () => true);
  predicate("has_arg", OPCODE_HAS_ARG);
  predicate("has_const", OPCODE_HAS_CONST);
  predicate("has_name", OPCODE_HAS_NAME);
  predicate("has_jump", OPCODE_HAS_JUMP);
  predicate("has_free", OPCODE_HAS_FREE);
  predicate("has_local", OPCODE_HAS_LOCAL);
  predicate("has_exc", OPCODE_HAS_EXC);
  def("get_intrinsic1_descs", () => new PyList(INTRINSIC1.slice()));
  def("get_intrinsic2_descs", () => new PyList(INTRINSIC2.slice()));
  def("get_special_method_names", () => new PyList(SPECIAL_METHODS.slice()));
  def("get_nb_ops", () => new PyList(NB_OPS.map(([n, s]) => new PyTuple([n, s]))));
  // tython keeps no specialization statistics (CPython returns None unless built with --enable-pystats)
  def("get_specialization_stats", () => Py_None);
  def("get_executor", (_s, args, start, nargs, kwnames) => {
    const [code, offset] = getExecutorArgs.parse(args, start, nargs, kwnames);
    if (!(code instanceof PyCodeObject)) throw badArgument("get_executor", "argument 1", "code", code as PyObject);
    PyLong_AsLong(offset as PyObject);
    // tython has no tier-2 executors (ENTER_EXECUTOR never appears in its bytecode)
    throw valueError("no executor at given byte offset");
  });
  d.setStr("ENABLE_SPECIALIZATION", 1);
  d.setStr("ENABLE_SPECIALIZATION_FT", 1);
  return m;
}
