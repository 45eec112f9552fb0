// CPython: Include/internal/pycore_opcode_utils.h
//
// Opcode classes the compiler needs, on top of the generated instruction metadata.
import * as op from "../vm/opcode_ids.generated.js";
import {
  _PyOpcode_Caches,
  _PyOpcode_num_popped,
  _PyOpcode_num_pushed,
  OPCODE_HAS_ARG,
  OPCODE_HAS_CONST,
  OPCODE_HAS_EVAL_BREAK,
  OPCODE_HAS_JUMP,
} from "../vm/opcode_metadata.generated.js";

export { op, _PyOpcode_Caches, _PyOpcode_num_popped, _PyOpcode_num_pushed };
export { OPCODE_HAS_ARG, OPCODE_HAS_CONST, OPCODE_HAS_EVAL_BREAK, OPCODE_HAS_JUMP };

export function IS_BLOCK_PUSH_OPCODE(opcode: number): boolean {
  return opcode === op.SETUP_FINALLY || opcode === op.SETUP_WITH || opcode === op.SETUP_CLEANUP;
}

export function HAS_TARGET(opcode: number): boolean {
  return OPCODE_HAS_JUMP(opcode) || IS_BLOCK_PUSH_OPCODE(opcode);
}

export function IS_CONDITIONAL_JUMP_OPCODE(opcode: number): boolean {
  return (
    opcode === op.POP_JUMP_IF_FALSE ||
    opcode === op.POP_JUMP_IF_TRUE ||
    opcode === op.POP_JUMP_IF_NONE ||
    opcode === op.POP_JUMP_IF_NOT_NONE
  );
}

export function IS_UNCONDITIONAL_JUMP_OPCODE(opcode: number): boolean {
  return (
    opcode === op.JUMP ||
    opcode === op.JUMP_NO_INTERRUPT ||
    opcode === op.JUMP_FORWARD ||
    opcode === op.JUMP_BACKWARD ||
    opcode === op.JUMP_BACKWARD_NO_INTERRUPT
  );
}

export function IS_BACKWARDS_JUMP_OPCODE(opcode: number): boolean {
  return opcode === op.JUMP_BACKWARD || opcode === op.JUMP_BACKWARD_NO_INTERRUPT;
}

export function IS_SCOPE_EXIT_OPCODE(opcode: number): boolean {
  return opcode === op.RETURN_VALUE || opcode === op.RAISE_VARARGS || opcode === op.RERAISE;
}

export function IS_TERMINATOR_OPCODE(opcode: number): boolean {
  return OPCODE_HAS_JUMP(opcode) || IS_SCOPE_EXIT_OPCODE(opcode);
}

// Opargs of RESUME (CPython: Include/internal/pycore_opcode_utils.h)
export const RESUME_AT_FUNC_START = 0;
export const RESUME_AFTER_YIELD = 1;
export const RESUME_AFTER_YIELD_FROM = 2;
export const RESUME_AFTER_AWAIT = 3;
export const RESUME_OPARG_LOCATION_MASK = 0x3;
export const RESUME_OPARG_DEPTH1_MASK = 0x4;

// Opargs of SET_FUNCTION_ATTRIBUTE
export const MAKE_FUNCTION_DEFAULTS = 0x01;
export const MAKE_FUNCTION_KWDEFAULTS = 0x02;
export const MAKE_FUNCTION_ANNOTATIONS = 0x04;
export const MAKE_FUNCTION_CLOSURE = 0x08;
export const MAKE_FUNCTION_ANNOTATE = 0x10;

// Opargs of CONVERT_VALUE
export const FVC_NONE = 0x0;
export const FVC_STR = 0x1;
export const FVC_REPR = 0x2;
export const FVC_ASCII = 0x3;

// Opargs of LOAD_COMMON_CONSTANT
export const CONSTANT_ASSERTIONERROR = 0;
export const CONSTANT_NOTIMPLEMENTEDERROR = 1;
export const CONSTANT_BUILTIN_TUPLE = 2;
export const CONSTANT_BUILTIN_ALL = 3;
export const CONSTANT_BUILTIN_ANY = 4;

// Opargs of LOAD_SPECIAL
export const SPECIAL___ENTER__ = 0;
export const SPECIAL___EXIT__ = 1;
export const SPECIAL___AENTER__ = 2;
export const SPECIAL___AEXIT__ = 3;

// Opargs of BINARY_OP (CPython: Include/opcode.h, NB_*)
export const NB_ADD = 0;
export const NB_AND = 1;
export const NB_FLOOR_DIVIDE = 2;
export const NB_LSHIFT = 3;
export const NB_MATRIX_MULTIPLY = 4;
export const NB_MULTIPLY = 5;
export const NB_REMAINDER = 6;
export const NB_OR = 7;
export const NB_POWER = 8;
export const NB_RSHIFT = 9;
export const NB_SUBTRACT = 10;
export const NB_TRUE_DIVIDE = 11;
export const NB_XOR = 12;
export const NB_INPLACE_ADD = 13;
export const NB_INPLACE_AND = 14;
export const NB_INPLACE_FLOOR_DIVIDE = 15;
export const NB_INPLACE_LSHIFT = 16;
export const NB_INPLACE_MATRIX_MULTIPLY = 17;
export const NB_INPLACE_MULTIPLY = 18;
export const NB_INPLACE_REMAINDER = 19;
export const NB_INPLACE_OR = 20;
export const NB_INPLACE_POWER = 21;
export const NB_INPLACE_RSHIFT = 22;
export const NB_INPLACE_SUBTRACT = 23;
export const NB_INPLACE_TRUE_DIVIDE = 24;
export const NB_INPLACE_XOR = 25;
export const NB_SUBSCR = 26;

// Opargs of CALL_INTRINSIC_1 / CALL_INTRINSIC_2 (CPython: Include/internal/pycore_intrinsics.h)
export const INTRINSIC_PRINT = 1;
export const INTRINSIC_IMPORT_STAR = 2;
export const INTRINSIC_STOPITERATION_ERROR = 3;
export const INTRINSIC_ASYNC_GEN_WRAP = 4;
export const INTRINSIC_UNARY_POSITIVE = 5;
export const INTRINSIC_LIST_TO_TUPLE = 6;
export const INTRINSIC_TYPEVAR = 7;
export const INTRINSIC_PARAMSPEC = 8;
export const INTRINSIC_TYPEVARTUPLE = 9;
export const INTRINSIC_SUBSCRIPT_GENERIC = 10;
export const INTRINSIC_TYPEALIAS = 11;
export const INTRINSIC_PREP_RERAISE_STAR = 1;
export const INTRINSIC_TYPEVAR_WITH_BOUND = 2;
export const INTRINSIC_TYPEVAR_WITH_CONSTRAINTS = 3;
export const INTRINSIC_SET_FUNCTION_TYPE_PARAMS = 4;
export const INTRINSIC_SET_TYPEPARAM_DEFAULT = 5;

// COMPARE_OP oparg bits (CPython: Include/internal/pycore_code.h)
export const COMPARISON_UNORDERED = 1;
export const COMPARISON_LESS_THAN = 2;
export const COMPARISON_GREATER_THAN = 4;
export const COMPARISON_EQUALS = 8;
export const COMPARISON_NOT_EQUALS = COMPARISON_UNORDERED | COMPARISON_LESS_THAN | COMPARISON_GREATER_THAN;

/** Code units taken by an instruction with its EXTENDED_ARGs and caches (CPython: _PyCompile_InstrSize). */
export function instrSize(opcode: number, oparg: number): number {
  const extendedArgs = (0xffffff < oparg ? 1 : 0) + (0xffff < oparg ? 1 : 0) + (0xff < oparg ? 1 : 0);
  return extendedArgs + 1 + (opcode < 256 ? _PyOpcode_Caches[opcode] : 0);
}
