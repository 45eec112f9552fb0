// CPython: Modules/_sre/sre.c (_validate, _validate_inner, _validate_charset) — checks that a code
// array has the shape re._compiler emits, so the matcher never reads outside it or loops on it.
import * as C from "./sre_constants.js";

class Invalid extends Error {}
const FAIL = (): never => {
  throw new Invalid();
};

function validateCharset(code: Uint32Array, pc: number, end: number): void {
  while (pc < end) {
    const op = code[pc++];
    switch (op) {
      case C.SRE_OP_NEGATE:
        break;
      case C.SRE_OP_LITERAL:
        if (pc >= end) FAIL();
        pc++;
        break;
      case C.SRE_OP_RANGE:
      case C.SRE_OP_RANGE_UNI_IGNORE:
        if (pc + 2 > end) FAIL();
        pc += 2;
        break;
      case C.SRE_OP_CHARSET:
        if (8 > end - pc) FAIL();
        pc += 8;
        break;
      case C.SRE_OP_BIGCHARSET: {
        if (pc >= end) FAIL();
        const count = code[pc++];
        if (64 > end - pc) FAIL();
        for (let i = 0; i < 256; i++) {
          if (((code[pc + (i >> 2)] >>> (8 * (i & 3))) & 0xff) >= count) FAIL();
        }
        pc += 64;
        if (count * 8 > end - pc) FAIL();
        pc += count * 8;
        break;
      }
      case C.SRE_OP_CATEGORY:
        if (pc >= end) FAIL();
        if (code[pc++] > C.SRE_CATEGORY_UNI_NOT_LINEBREAK) FAIL();
        break;
      default:
        FAIL();
    }
  }
}

/** Returns true when the last op is a JUMP. */
function validateInner(code: Uint32Array, pc: number, end: number, groups: number): boolean {
  if (pc > end) FAIL();
  const arg = (): number => {
    if (pc >= end) FAIL();
    return code[pc++];
  };
  const skipAdj = (adj: number): number => {
    if (pc >= end) FAIL();
    const skip = code[pc];
    if (skip - adj > end - pc) FAIL();
    pc++;
    return skip;
  };
  while (pc < end) {
    const op = code[pc++];
    switch (op) {
      case C.SRE_OP_MARK:
        if (arg() > 2 * groups + 1) FAIL();
        break;
      case C.SRE_OP_LITERAL:
      case C.SRE_OP_NOT_LITERAL:
      case C.SRE_OP_LITERAL_IGNORE:
      case C.SRE_OP_NOT_LITERAL_IGNORE:
      case C.SRE_OP_LITERAL_UNI_IGNORE:
      case C.SRE_OP_NOT_LITERAL_UNI_IGNORE:
      case C.SRE_OP_LITERAL_LOC_IGNORE:
      case C.SRE_OP_NOT_LITERAL_LOC_IGNORE:
        arg();
        break;
      case C.SRE_OP_SUCCESS:
      case C.SRE_OP_FAILURE:
      case C.SRE_OP_ANY:
      case C.SRE_OP_ANY_ALL:
        break;
      case C.SRE_OP_AT:
        if (arg() > C.SRE_AT_UNI_NON_BOUNDARY) FAIL();
        break;
      case C.SRE_OP_IN:
      case C.SRE_OP_IN_IGNORE:
      case C.SRE_OP_IN_UNI_IGNORE:
      case C.SRE_OP_IN_LOC_IGNORE: {
        const skip = skipAdj(0);
        if (skip < 2) FAIL();
        validateCharset(code, pc, pc + skip - 2);
        if (code[pc + skip - 2] !== C.SRE_OP_FAILURE) FAIL();
        pc += skip - 1;
        break;
      }
      case C.SRE_OP_INFO: {
        const skip = skipAdj(0);
        const newcode = pc + skip - 1;
        const flags = arg();
        arg();
        arg();
        if (flags & ~(C.SRE_INFO_PREFIX | C.SRE_INFO_LITERAL | C.SRE_INFO_CHARSET)) FAIL();
        if (flags & C.SRE_INFO_PREFIX && flags & C.SRE_INFO_CHARSET) FAIL();
        if (flags & C.SRE_INFO_LITERAL && !(flags & C.SRE_INFO_PREFIX)) FAIL();
        if (flags & C.SRE_INFO_PREFIX) {
          const prefixLen = arg();
          arg();
          if (prefixLen > newcode - pc) FAIL();
          pc += prefixLen;
          if (prefixLen > newcode - pc) FAIL();
          for (let i = 0; i < prefixLen; i++) if (code[pc + i] >= prefixLen) FAIL();
          pc += prefixLen;
        }
        if (flags & C.SRE_INFO_CHARSET) {
          validateCharset(code, pc, newcode - 1);
          if (code[newcode - 1] !== C.SRE_OP_FAILURE) FAIL();
          pc = newcode;
        } else if (pc !== newcode) FAIL();
        break;
      }
      case C.SRE_OP_BRANCH: {
        let target = -1;
        for (;;) {
          const skip = skipAdj(0);
          if (skip === 0) break;
          if (skip < 3) FAIL();
          validateInner(code, pc, pc + skip - 3, groups);
          pc += skip - 3;
          if (pc >= end) FAIL();
          if (code[pc++] !== C.SRE_OP_JUMP) FAIL();
          const s2 = skipAdj(0);
          if (target === -1) target = pc + s2 - 1;
          else if (pc + s2 - 1 !== target) FAIL();
        }
        if (pc !== target) FAIL();
        break;
      }
      case C.SRE_OP_REPEAT_ONE:
      case C.SRE_OP_MIN_REPEAT_ONE:
      case C.SRE_OP_POSSESSIVE_REPEAT_ONE: {
        const skip = skipAdj(0);
        const min = arg();
        const max = arg();
        if (min > max || max > C.SRE_MAXREPEAT || skip < 4) FAIL();
        validateInner(code, pc, pc + skip - 4, groups);
        pc += skip - 4;
        if (arg() !== C.SRE_OP_SUCCESS) FAIL();
        break;
      }
      case C.SRE_OP_REPEAT:
      case C.SRE_OP_POSSESSIVE_REPEAT: {
        const skip = skipAdj(0);
        const min = arg();
        const max = arg();
        if (min > max || max > C.SRE_MAXREPEAT || skip < 3) FAIL();
        validateInner(code, pc, pc + skip - 3, groups);
        pc += skip - 3;
        const op2 = arg();
        if (op === C.SRE_OP_POSSESSIVE_REPEAT) {
          if (op2 !== C.SRE_OP_SUCCESS) FAIL();
        } else if (op2 !== C.SRE_OP_MAX_UNTIL && op2 !== C.SRE_OP_MIN_UNTIL) FAIL();
        break;
      }
      case C.SRE_OP_ATOMIC_GROUP: {
        const skip = skipAdj(0);
        if (skip < 2) FAIL();
        validateInner(code, pc, pc + skip - 2, groups);
        pc += skip - 2;
        if (arg() !== C.SRE_OP_SUCCESS) FAIL();
        break;
      }
      case C.SRE_OP_GROUPREF:
      case C.SRE_OP_GROUPREF_IGNORE:
      case C.SRE_OP_GROUPREF_UNI_IGNORE:
      case C.SRE_OP_GROUPREF_LOC_IGNORE:
        if (arg() >= groups) FAIL();
        break;
      case C.SRE_OP_GROUPREF_EXISTS: {
        if (arg() >= groups) FAIL();
        let skip = skipAdj(1);
        pc--; // the skip is relative to the first arg
        if (skip < 2) FAIL();
        let jumped = validateInner(code, pc + 1, pc + skip - 1, groups);
        if (jumped) {
          pc += skip - 2; // at <skipno>, after the JUMP
          skip = skipAdj(0);
          if (skip < 1) FAIL();
          jumped = validateInner(code, pc, pc + skip - 1, groups);
          if (jumped) FAIL();
        }
        pc += skip - 1;
        break;
      }
      case C.SRE_OP_ASSERT:
      case C.SRE_OP_ASSERT_NOT: {
        const skip = skipAdj(0);
        arg();
        pc--;
        if (skip < 3) FAIL();
        validateInner(code, pc + 1, pc + skip - 2, groups);
        pc += skip - 2;
        if (arg() !== C.SRE_OP_SUCCESS) FAIL();
        break;
      }
      case C.SRE_OP_JUMP:
        if (pc + 1 !== end) FAIL();
        return true;
      default:
        FAIL();
    }
  }
  return false;
}

export function sreValidate(code: Uint32Array, groups: number): boolean {
  if (groups < 0 || groups > C.SRE_MAXGROUPS || code.length === 0 || code[code.length - 1] !== C.SRE_OP_SUCCESS) return false;
  try {
    validateInner(code, 0, code.length - 1, groups);
    return true;
  } catch (e) {
    if (e instanceof Invalid) return false;
    throw e;
  }
}
