// CPython: Python/codegen.c (expressions: operators, calls, containers, comprehensions)
import type {
  Attribute,
  Call,
  Compare,
  Constant,
  Dict,
  Lambda,
  Slice,
  comprehension,
  expr,
  keyword,
  operator,
  cmpop,
} from "../ast/ast.generated.js";
import { Kind } from "../ast/ast.generated.js";
import { Py_None, Py_Ellipsis, Py_TYPE } from "../objects/object.js";
import { PyTuple } from "../objects/tupleobject.js";
import { Location, NO_LOCATION, NO_LABEL, type Label } from "./instruction_sequence.js";
import {
  op,
  COMPARISON_EQUALS,
  COMPARISON_GREATER_THAN,
  COMPARISON_LESS_THAN,
  COMPARISON_NOT_EQUALS,
  CONSTANT_BUILTIN_ALL,
  CONSTANT_BUILTIN_ANY,
  CONSTANT_BUILTIN_TUPLE,
  FVC_ASCII,
  FVC_REPR,
  FVC_STR,
  INTRINSIC_ASYNC_GEN_WRAP,
  INTRINSIC_LIST_TO_TUPLE,
  INTRINSIC_UNARY_POSITIVE,
  NB_ADD,
  NB_AND,
  NB_FLOOR_DIVIDE,
  NB_INPLACE_ADD,
  NB_LSHIFT,
  NB_MATRIX_MULTIPLY,
  NB_MULTIPLY,
  NB_OR,
  NB_POWER,
  NB_REMAINDER,
  NB_RSHIFT,
  NB_SUBSCR,
  NB_SUBTRACT,
  NB_TRUE_DIVIDE,
  NB_XOR,
  RESUME_AFTER_YIELD,
} from "./opcode_utils.js";
import { type Compiler, type InlinedComprehensionState, FBlockType, ScopeType } from "./compile.js";
import {
  ADDOP,
  ADDOP_I,
  ADDOP_JUMP,
  ADDOP_LOAD_CONST,
  ADDOP_NAME,
  LOAD_METHOD,
  LOAD_SUPER_METHOD,
  LOAD_ZERO_SUPER_ATTR,
  LOAD_ZERO_SUPER_METHOD,
  LOC,
  NEW_LABEL,
  USE_LABEL,
  VISIT_SEQ_EXPR,
  codegenAddYieldFrom,
  codegenNameop,
} from "./codegen.js";
import { codegenDefaultArguments, codegenEnterScope, codegenMakeClosure, codegenWrapInStopiterationHandler } from "./codegen_scope.js";
import { BlockType, CELL, DEF_IMPORT, DEF_LOCAL, DEF_NONLOCAL, FREE, GLOBAL_IMPLICIT, SCOPE_MASK, SCOPE_OFFSET, getScope, getSymbol, isFunctionLike } from "./symtable.js";
import { PySlice } from "./const_objects.js";

/** Max items pushed on the stack at once before building incrementally (CPython: _PY_STACK_USE_GUIDELINE). */
const STACK_USE_GUIDELINE = 30;

const enum CompType {
  GENEXP,
  LISTCOMP,
  SETCOMP,
  DICTCOMP,
}

// Rich comparison ops (CPython: Py_LT ... Py_GE)
const Py_LT = 0;
const Py_LE = 1;
const Py_EQ = 2;
const Py_NE = 3;
const Py_GT = 4;
const Py_GE = 5;

const compareMasks = [
  COMPARISON_LESS_THAN,
  COMPARISON_LESS_THAN | COMPARISON_EQUALS,
  COMPARISON_EQUALS,
  COMPARISON_NOT_EQUALS,
  COMPARISON_GREATER_THAN,
  COMPARISON_GREATER_THAN | COMPARISON_EQUALS,
];

function codegenAddcompare(c: Compiler, loc: Location, o: cmpop): void {
  let cmp: number;
  switch (o._kind) {
    case Kind.Eq:
      cmp = Py_EQ;
      break;
    case Kind.NotEq:
      cmp = Py_NE;
      break;
    case Kind.Lt:
      cmp = Py_LT;
      break;
    case Kind.LtE:
      cmp = Py_LE;
      break;
    case Kind.Gt:
      cmp = Py_GT;
      break;
    case Kind.GtE:
      cmp = Py_GE;
      break;
    case Kind.Is:
      ADDOP_I(c, loc, op.IS_OP, 0);
      return;
    case Kind.IsNot:
      ADDOP_I(c, loc, op.IS_OP, 1);
      return;
    case Kind.In:
      ADDOP_I(c, loc, op.CONTAINS_OP, 0);
      return;
    default:
      ADDOP_I(c, loc, op.CONTAINS_OP, 1);
      return;
  }
  // cmp in the top three bits; the low four are the comparison mask; bit 5 (to bool) is set later
  ADDOP_I(c, loc, op.COMPARE_OP, (cmp << 5) | compareMasks[cmp]);
}

export function codegenAddcompareOp(c: Compiler, loc: Location, o: cmpop): void {
  codegenAddcompare(c, loc, o);
}

/** Emit a jump to `next` taken when `e` is `cond` (CPython: codegen_jump_if). */
export function codegenJumpIf(c: Compiler, loc: Location, e: expr, next: Label, cond: boolean): void {
  switch (e._kind) {
    case Kind.UnaryOp:
      if (e.op._kind === Kind.Not) return codegenJumpIf(c, loc, e.operand, next, !cond);
      break;
    case Kind.BoolOp: {
      const s = e.values;
      const n = s.length - 1;
      const cond2 = e.op._kind === Kind.Or;
      let next2 = next;
      if (!cond2 !== !cond) next2 = NEW_LABEL(c);
      for (let i = 0; i < n; ++i) codegenJumpIf(c, loc, s[i], next2, cond2);
      codegenJumpIf(c, loc, s[n], next, cond);
      if (next2 !== next) USE_LABEL(c, next2);
      return;
    }
    case Kind.IfExp: {
      const end = NEW_LABEL(c);
      const next2 = NEW_LABEL(c);
      codegenJumpIf(c, loc, e.test, next2, false);
      codegenJumpIf(c, loc, e.body, next, cond);
      ADDOP_JUMP(c, NO_LOCATION, op.JUMP_NO_INTERRUPT, end);
      USE_LABEL(c, next2);
      codegenJumpIf(c, loc, e.orelse, next, cond);
      USE_LABEL(c, end);
      return;
    }
    case Kind.Compare: {
      const n = e.ops.length - 1;
      if (n > 0) {
        checkCompare(c, e);
        const cleanup = NEW_LABEL(c);
        codegenVisitExpr(c, e.left);
        for (let i = 0; i < n; i++) {
          codegenVisitExpr(c, e.comparators[i]);
          ADDOP_I(c, LOC(e), op.SWAP, 2);
          ADDOP_I(c, LOC(e), op.COPY, 2);
          codegenAddcompare(c, LOC(e), e.ops[i]);
          ADDOP(c, LOC(e), op.TO_BOOL);
          ADDOP_JUMP(c, LOC(e), op.POP_JUMP_IF_FALSE, cleanup);
        }
        codegenVisitExpr(c, e.comparators[n]);
        codegenAddcompare(c, LOC(e), e.ops[n]);
        ADDOP(c, LOC(e), op.TO_BOOL);
        ADDOP_JUMP(c, LOC(e), cond ? op.POP_JUMP_IF_TRUE : op.POP_JUMP_IF_FALSE, next);
        const end = NEW_LABEL(c);
        ADDOP_JUMP(c, NO_LOCATION, op.JUMP_NO_INTERRUPT, end);
        USE_LABEL(c, cleanup);
        ADDOP(c, LOC(e), op.POP_TOP);
        if (!cond) ADDOP_JUMP(c, NO_LOCATION, op.JUMP_NO_INTERRUPT, next);
        USE_LABEL(c, end);
        return;
      }
      break;
    }
  }
  // general implementation
  codegenVisitExpr(c, e);
  ADDOP(c, LOC(e), op.TO_BOOL);
  ADDOP_JUMP(c, LOC(e), cond ? op.POP_JUMP_IF_TRUE : op.POP_JUMP_IF_FALSE, next);
}

function codegenIfexp(c: Compiler, e: Extract<expr, { _kind: Kind.IfExp }>): void {
  const end = NEW_LABEL(c);
  const next = NEW_LABEL(c);
  codegenJumpIf(c, LOC(e), e.test, next, false);
  codegenVisitExpr(c, e.body);
  ADDOP_JUMP(c, NO_LOCATION, op.JUMP_NO_INTERRUPT, end);
  USE_LABEL(c, next);
  codegenVisitExpr(c, e.orelse);
  USE_LABEL(c, end);
}

function codegenLambda(c: Compiler, e: Lambda): void {
  const args = e.args;
  const loc = LOC(e);
  const funcflags = codegenDefaultArguments(c, loc, args);
  codegenEnterScope(c, "<lambda>", ScopeType.LAMBDA, c.c_st.lookup(e), e.lineno, null, {
    argcount: args.args.length,
    posonlyargcount: args.posonlyargs.length,
    kwonlyargcount: args.kwonlyargs.length,
  });
  codegenVisitExpr(c, e.body);
  let co;
  if (c.ste.generator) {
    co = c.optimizeAndAssemble(false);
  } else {
    ADDOP(c, LOC(e.body), op.RETURN_VALUE);
    co = c.optimizeAndAssemble(true);
  }
  c.exitScope();
  codegenMakeClosure(c, loc, co, funcflags);
}

/** CPython: addop_binary. */
export function addopBinary(c: Compiler, loc: Location, binop: operator, inplace: boolean): void {
  let oparg: number;
  switch (binop._kind) {
    case Kind.Add:
      oparg = NB_ADD;
      break;
    case Kind.Sub:
      oparg = NB_SUBTRACT;
      break;
    case Kind.Mult:
      oparg = NB_MULTIPLY;
      break;
    case Kind.MatMult:
      oparg = NB_MATRIX_MULTIPLY;
      break;
    case Kind.Div:
      oparg = NB_TRUE_DIVIDE;
      break;
    case Kind.Mod:
      oparg = NB_REMAINDER;
      break;
    case Kind.Pow:
      oparg = NB_POWER;
      break;
    case Kind.LShift:
      oparg = NB_LSHIFT;
      break;
    case Kind.RShift:
      oparg = NB_RSHIFT;
      break;
    case Kind.BitOr:
      oparg = NB_OR;
      break;
    case Kind.BitXor:
      oparg = NB_XOR;
      break;
    case Kind.BitAnd:
      oparg = NB_AND;
      break;
    default:
      oparg = NB_FLOOR_DIVIDE;
  }
  // The in-place variants follow the binary ones in the same order
  ADDOP_I(c, loc, op.BINARY_OP, inplace ? oparg + NB_INPLACE_ADD : oparg);
}

function codegenAddopYield(c: Compiler, loc: Location): void {
  const ste = c.ste;
  if (ste.generator && ste.coroutine) ADDOP_I(c, loc, op.CALL_INTRINSIC_1, INTRINSIC_ASYNC_GEN_WRAP);
  ADDOP_I(c, loc, op.YIELD_VALUE, 0);
  ADDOP_I(c, loc, op.RESUME, RESUME_AFTER_YIELD);
}

function codegenBoolop(c: Compiler, e: Extract<expr, { _kind: Kind.BoolOp }>): void {
  const loc = LOC(e);
  const jumpi = e.op._kind === Kind.And ? op.JUMP_IF_FALSE : op.JUMP_IF_TRUE;
  const end = NEW_LABEL(c);
  const s = e.values;
  const n = s.length - 1;
  for (let i = 0; i < n; ++i) {
    codegenVisitExpr(c, s[i]);
    ADDOP_JUMP(c, loc, jumpi, end);
    ADDOP(c, loc, op.POP_TOP);
  }
  codegenVisitExpr(c, s[n]);
  USE_LABEL(c, end);
}

function starunpackHelperImpl(
  c: Compiler,
  loc: Location,
  elts: expr[],
  injectedArg: string | null,
  pushed: number,
  build: number,
  add: number,
  extend: number,
  tuple: boolean,
): void {
  let n = elts.length;
  const big = n + pushed + (injectedArg ? 1 : 0) > STACK_USE_GUIDELINE;
  let seenStar = false;
  for (const elt of elts) {
    if (elt._kind === Kind.Starred) {
      seenStar = true;
      break;
    }
  }
  if (!seenStar && !big) {
    for (const elt of elts) codegenVisitExpr(c, elt);
    if (injectedArg) {
      codegenNameop(c, loc, injectedArg, Kind.Load);
      n++;
    }
    ADDOP_I(c, loc, tuple ? op.BUILD_TUPLE : build, n + pushed);
    return;
  }
  let sequenceBuilt = false;
  if (big) {
    ADDOP_I(c, loc, build, pushed);
    sequenceBuilt = true;
  }
  for (let i = 0; i < n; i++) {
    const elt = elts[i];
    if (elt._kind === Kind.Starred) {
      if (!sequenceBuilt) {
        ADDOP_I(c, loc, build, i + pushed);
        sequenceBuilt = true;
      }
      codegenVisitExpr(c, elt.value);
      ADDOP_I(c, loc, extend, 1);
    } else {
      codegenVisitExpr(c, elt);
      if (sequenceBuilt) ADDOP_I(c, loc, add, 1);
    }
  }
  if (injectedArg) {
    codegenNameop(c, loc, injectedArg, Kind.Load);
    ADDOP_I(c, loc, add, 1);
  }
  if (tuple) ADDOP_I(c, loc, op.CALL_INTRINSIC_1, INTRINSIC_LIST_TO_TUPLE);
}

function unpackHelper(c: Compiler, loc: Location, elts: expr[]): void {
  const n = elts.length;
  let seenStar = false;
  for (let i = 0; i < n; i++) {
    const elt = elts[i];
    if (elt._kind === Kind.Starred && !seenStar) {
      if (i >= 1 << 8 || n - i - 1 >= 0x7fffffff >> 8) {
        throw c.error(loc, "too many expressions in star-unpacking assignment");
      }
      ADDOP_I(c, loc, op.UNPACK_EX, i + ((n - i - 1) << 8));
      seenStar = true;
    } else if (elt._kind === Kind.Starred) {
      throw c.error(loc, "multiple starred expressions in assignment");
    }
  }
  if (!seenStar) ADDOP_I(c, loc, op.UNPACK_SEQUENCE, n);
}

function assignmentHelper(c: Compiler, loc: Location, elts: expr[]): void {
  unpackHelper(c, loc, elts);
  for (const elt of elts) codegenVisitExpr(c, elt._kind !== Kind.Starred ? elt : elt.value);
}

function codegenSubdict(c: Compiler, e: Dict, begin: number, end: number): void {
  const n = end - begin;
  const big = n * 2 > STACK_USE_GUIDELINE;
  const loc = LOC(e);
  if (big) ADDOP_I(c, loc, op.BUILD_MAP, 0);
  for (let i = begin; i < end; i++) {
    codegenVisitExpr(c, e.keys[i]!);
    codegenVisitExpr(c, e.values[i]);
    if (big) ADDOP_I(c, loc, op.MAP_ADD, 1);
  }
  if (!big) ADDOP_I(c, loc, op.BUILD_MAP, n);
}

function codegenDict(c: Compiler, e: Dict): void {
  const loc = LOC(e);
  const n = e.values.length;
  let haveDict = false;
  let elements = 0;
  for (let i = 0; i < n; i++) {
    const isUnpacking = e.keys[i] === null;
    if (isUnpacking) {
      if (elements) {
        codegenSubdict(c, e, i - elements, i);
        if (haveDict) ADDOP_I(c, loc, op.DICT_UPDATE, 1);
        haveDict = true;
        elements = 0;
      }
      if (!haveDict) {
        ADDOP_I(c, loc, op.BUILD_MAP, 0);
        haveDict = true;
      }
      codegenVisitExpr(c, e.values[i]);
      ADDOP_I(c, loc, op.DICT_UPDATE, 1);
    } else if (elements * 2 > STACK_USE_GUIDELINE) {
      codegenSubdict(c, e, i - elements, i + 1);
      if (haveDict) ADDOP_I(c, loc, op.DICT_UPDATE, 1);
      haveDict = true;
      elements = 0;
    } else {
      elements++;
    }
  }
  if (elements) {
    codegenSubdict(c, e, n - elements, n);
    if (haveDict) ADDOP_I(c, loc, op.DICT_UPDATE, 1);
    haveDict = true;
  }
  if (!haveDict) ADDOP_I(c, loc, op.BUILD_MAP, 0);
}

/** `x is 1`: a Constant other than None, True, False and ... (CPython: check_is_arg). */
function checkIsArg(e: expr): boolean {
  if (e._kind !== Kind.Constant) return true;
  const v = e.value;
  return v === Py_None || v === true || v === false || v === Py_Ellipsis;
}

/** SyntaxWarning for `is`/`is not` with a literal (CPython: check_compare). */
function checkCompare(c: Compiler, e: Compare): void {
  let left = checkIsArg(e.left);
  let leftExpr = e.left;
  for (let i = 0; i < e.ops.length; i++) {
    const o = e.ops[i]!;
    const rightExpr = e.comparators[i]!;
    const right = checkIsArg(rightExpr);
    if ((o._kind === Kind.Is || o._kind === Kind.IsNot) && (!right || !left)) {
      const literal = (!left ? leftExpr : rightExpr) as Constant;
      const tname = Py_TYPE(literal.value).tp_name;
      c.warn(LOC(e), o._kind === Kind.Is ? `"is" with '${tname}' literal. Did you mean "=="?` : `"is not" with '${tname}' literal. Did you mean "!="?`);
      return;
    }
    left = right;
    leftExpr = rightExpr;
  }
}

function codegenCompare(c: Compiler, e: Compare): void {
  checkCompare(c, e);
  const loc = LOC(e);
  codegenVisitExpr(c, e.left);
  const n = e.ops.length - 1;
  if (n === 0) {
    codegenVisitExpr(c, e.comparators[0]);
    codegenAddcompare(c, loc, e.ops[0]);
  } else {
    const cleanup = NEW_LABEL(c);
    for (let i = 0; i < n; i++) {
      codegenVisitExpr(c, e.comparators[i]);
      ADDOP_I(c, loc, op.SWAP, 2);
      ADDOP_I(c, loc, op.COPY, 2);
      codegenAddcompare(c, loc, e.ops[i]);
      ADDOP_I(c, loc, op.COPY, 1);
      ADDOP(c, loc, op.TO_BOOL);
      ADDOP_JUMP(c, loc, op.POP_JUMP_IF_FALSE, cleanup);
      ADDOP(c, loc, op.POP_TOP);
    }
    codegenVisitExpr(c, e.comparators[n]);
    codegenAddcompare(c, loc, e.ops[n]);
    const end = NEW_LABEL(c);
    ADDOP_JUMP(c, NO_LOCATION, op.JUMP_NO_INTERRUPT, end);
    USE_LABEL(c, cleanup);
    ADDOP_I(c, loc, op.SWAP, 2);
    ADDOP(c, loc, op.POP_TOP);
    USE_LABEL(c, end);
  }
}

function isImportOriginated(c: Compiler, e: expr): boolean {
  if (e._kind !== Kind.Name) return false;
  return (getSymbol(c.c_st.top, e.id) & DEF_IMPORT) !== 0;
}

function canOptimizeSuperCall(c: Compiler, attr: Attribute): boolean {
  const e = attr.value;
  if (
    e._kind !== Kind.Call ||
    e.func._kind !== Kind.Name ||
    e.func.id !== "super" ||
    attr.attr === "__class__" ||
    e.keywords.length !== 0
  ) {
    return false;
  }
  const numArgs = e.args.length;
  const superName = e.func.id;
  // detect statically-visible shadowing of 'super'
  if (getScope(c.ste, superName) !== GLOBAL_IMPLICIT) return false;
  if (getScope(c.c_st.top, superName) !== 0) return false;
  if (numArgs === 2) {
    for (const elt of e.args) if (elt._kind === Kind.Starred) return false;
    return true;
  }
  if (numArgs !== 0) return false;
  // zero-arg super(): the function needs an argument and the __class__ cell
  if (c.metadata.u_argcount === 0 && c.metadata.u_posonlyargcount === 0) return false;
  return c.getRefType("__class__") === FREE;
}

function loadArgsForSuper(c: Compiler, e: Call): void {
  const loc = LOC(e);
  // load super() global
  codegenNameop(c, LOC(e.func), (e.func as Extract<expr, { _kind: Kind.Name }>).id, Kind.Load);
  if (e.args.length === 2) {
    codegenVisitExpr(c, e.args[0]);
    codegenVisitExpr(c, e.args[1]);
    return;
  }
  // load __class__ cell, then self (the first argument)
  codegenNameop(c, loc, "__class__", Kind.Load);
  const first = c.metadata.u_varnames.keys().next().value as string;
  codegenNameop(c, loc, first, Kind.Load);
}

/** If an attribute access spans lines, start its location at the attribute name. */
export function updateStartLocationToMatchAttr(loc: Location, attr: Attribute): Location {
  if (loc.lineno !== attr.end_lineno) {
    let lineno = attr.end_lineno;
    let col = loc.col_offset;
    let endCol = loc.end_col_offset;
    const len = utf8Length(attr.attr);
    if (len <= attr.end_col_offset) {
      col = attr.end_col_offset - len;
    } else {
      // GH-94694: weird ASTs: drop the columns
      col = -1;
      endCol = -1;
    }
    const endLineno = Math.max(lineno, loc.end_lineno);
    if (lineno === endLineno) endCol = Math.max(col, endCol);
    return new Location(lineno, endLineno, col, endCol);
  }
  return loc;
}

/** CPython measures the attribute name in characters (PyUnicode_GET_LENGTH). */
function utf8Length(s: string): number {
  return [...s].length;
}

function maybeOptimizeFunctionCall(c: Compiler, e: Call, end: Label): boolean {
  const args = e.args;
  const func = e.func;
  if (!(func._kind === Kind.Name && args.length === 1 && e.keywords.length === 0 && args[0]._kind === Kind.GeneratorExp)) {
    return false;
  }
  const loc = LOC(func);
  let optimized = false;
  const skipOptimization = NEW_LABEL(c);
  let constOparg = -1;
  let initialRes: boolean | null = null;
  let continueJumpOpcode = -1;
  if (func.id === "all") {
    constOparg = CONSTANT_BUILTIN_ALL;
    initialRes = true;
    continueJumpOpcode = op.POP_JUMP_IF_TRUE;
  } else if (func.id === "any") {
    constOparg = CONSTANT_BUILTIN_ANY;
    initialRes = false;
    continueJumpOpcode = op.POP_JUMP_IF_FALSE;
  } else if (func.id === "tuple") {
    constOparg = CONSTANT_BUILTIN_TUPLE;
  }
  if (constOparg !== -1) {
    ADDOP_I(c, loc, op.COPY, 1); // the function
    ADDOP_I(c, loc, op.LOAD_COMMON_CONSTANT, constOparg);
    ADDOP_I(c, loc, op.IS_OP, 0);
    ADDOP_JUMP(c, loc, op.POP_JUMP_IF_FALSE, skipOptimization);
    ADDOP(c, loc, op.POP_TOP);
    if (constOparg === CONSTANT_BUILTIN_TUPLE) ADDOP_I(c, loc, op.BUILD_LIST, 0);
    codegenVisitExpr(c, args[0]);
    const loop = NEW_LABEL(c);
    const cleanup = NEW_LABEL(c);
    USE_LABEL(c, loop);
    ADDOP_JUMP(c, loc, op.FOR_ITER, cleanup);
    if (constOparg === CONSTANT_BUILTIN_TUPLE) {
      ADDOP_I(c, loc, op.LIST_APPEND, 2);
      ADDOP_JUMP(c, loc, op.JUMP, loop);
    } else {
      ADDOP(c, loc, op.TO_BOOL);
      ADDOP_JUMP(c, loc, continueJumpOpcode, loop);
    }
    ADDOP(c, NO_LOCATION, op.POP_ITER);
    if (constOparg !== CONSTANT_BUILTIN_TUPLE) ADDOP_LOAD_CONST(c, loc, !initialRes);
    ADDOP_JUMP(c, loc, op.JUMP, end);
    USE_LABEL(c, cleanup);
    ADDOP(c, NO_LOCATION, op.END_FOR);
    ADDOP(c, NO_LOCATION, op.POP_ITER);
    if (constOparg === CONSTANT_BUILTIN_TUPLE) ADDOP_I(c, loc, op.CALL_INTRINSIC_1, INTRINSIC_LIST_TO_TUPLE);
    else ADDOP_LOAD_CONST(c, loc, initialRes!);
    optimized = true;
    ADDOP_JUMP(c, loc, op.JUMP, end);
  }
  USE_LABEL(c, skipOptimization);
  return optimized;
}

function maybeOptimizeMethodCall(c: Compiler, e: Call): boolean {
  const meth = e.func;
  const args = e.args;
  const kwds = e.keywords;
  // Check that the call node is an attribute access, not on something imported
  if (meth._kind !== Kind.Attribute || meth.ctx._kind !== Kind.Load) return false;
  if (isImportOriginated(c, meth.value)) return false;
  const argsl = args.length;
  const kwdsl = kwds.length;
  if (argsl + kwdsl + (kwdsl !== 0 ? 1 : 0) >= STACK_USE_GUIDELINE) return false;
  // no *varargs or **kwargs
  for (const elt of args) if (elt._kind === Kind.Starred) return false;
  for (const kw of kwds) if (kw.arg === null) return false;
  let loc = LOC(meth);
  if (canOptimizeSuperCall(c, meth)) {
    const sup = meth.value as Call;
    loadArgsForSuper(c, sup);
    ADDOP_NAME(c, loc, sup.args.length ? LOAD_SUPER_METHOD : LOAD_ZERO_SUPER_METHOD, meth.attr, "names");
    loc = updateStartLocationToMatchAttr(loc, meth);
    ADDOP(c, loc, op.NOP);
  } else {
    codegenVisitExpr(c, meth.value);
    loc = updateStartLocationToMatchAttr(loc, meth);
    ADDOP_NAME(c, loc, LOAD_METHOD, meth.attr, "names");
  }
  VISIT_SEQ_EXPR(c, args);
  if (kwdsl) {
    for (const kw of kwds) codegenVisitExpr(c, kw.value);
    codegenCallSimpleKwHelper(c, loc, kwds);
    loc = updateStartLocationToMatchAttr(LOC(e), meth);
    ADDOP_I(c, loc, op.CALL_KW, argsl + kwdsl);
  } else {
    loc = updateStartLocationToMatchAttr(LOC(e), meth);
    ADDOP_I(c, loc, op.CALL, argsl);
  }
  return true;
}

function codegenValidateKeywords(c: Compiler, keywords: keyword[]): void {
  const n = keywords.length;
  for (let i = 0; i < n; i++) {
    const key = keywords[i];
    if (key.arg === null) continue;
    for (let j = i + 1; j < n; j++) {
      const other = keywords[j];
      if (other.arg !== null && other.arg === key.arg) {
        throw c.error(LOC(other), `keyword argument repeated: ${key.arg}`);
      }
    }
  }
}

function codegenCall(c: Compiler, e: Call): void {
  codegenValidateKeywords(c, e.keywords);
  if (maybeOptimizeMethodCall(c, e)) return;
  const skipNormalCall = NEW_LABEL(c);
  codegenVisitExpr(c, e.func);
  maybeOptimizeFunctionCall(c, e, skipNormalCall);
  ADDOP(c, LOC(e.func), op.PUSH_NULL);
  codegenCallHelper(c, LOC(e), 0, e.args, e.keywords);
  USE_LABEL(c, skipNormalCall);
}

function codegenTemplateStr(c: Compiler, e: Extract<expr, { _kind: Kind.TemplateStr }>): void {
  const loc = LOC(e);
  const values = e.values;
  const valueCount = values.length;
  let lastWasInterpolation = true;
  let stringslen = 0;
  for (let i = 0; i < valueCount; i++) {
    const value = values[i];
    if (value._kind === Kind.Interpolation) {
      if (lastWasInterpolation) {
        ADDOP_LOAD_CONST(c, loc, "");
        stringslen++;
      }
      lastWasInterpolation = true;
    } else {
      codegenVisitExpr(c, value);
      let j: number;
      for (j = i + 1; j < valueCount; j++) {
        if (values[j]._kind === Kind.Interpolation) break;
        codegenVisitExpr(c, values[j]);
        ADDOP_I(c, loc, op.BINARY_OP, NB_INPLACE_ADD);
      }
      i = j - 1;
      stringslen++;
      lastWasInterpolation = false;
    }
  }
  if (lastWasInterpolation) {
    ADDOP_LOAD_CONST(c, loc, "");
    stringslen++;
  }
  ADDOP_I(c, loc, op.BUILD_TUPLE, stringslen);
  let interpolationslen = 0;
  for (const value of values) {
    if (value._kind === Kind.Interpolation) {
      codegenVisitExpr(c, value);
      interpolationslen++;
    }
  }
  ADDOP_I(c, loc, op.BUILD_TUPLE, interpolationslen);
  ADDOP(c, loc, op.BUILD_TEMPLATE);
}

function codegenJoinedStr(c: Compiler, e: Extract<expr, { _kind: Kind.JoinedStr }>): void {
  const loc = LOC(e);
  const valueCount = e.values.length;
  if (valueCount > STACK_USE_GUIDELINE) {
    ADDOP_LOAD_CONST(c, loc, "");
    ADDOP_NAME(c, loc, LOAD_METHOD, "join", "names");
    ADDOP_I(c, loc, op.BUILD_LIST, 0);
    for (const v of e.values) {
      codegenVisitExpr(c, v);
      ADDOP_I(c, loc, op.LIST_APPEND, 1);
    }
    ADDOP_I(c, loc, op.CALL, 1);
  } else {
    VISIT_SEQ_EXPR(c, e.values);
    if (valueCount > 1) ADDOP_I(c, loc, op.BUILD_STRING, valueCount);
    else if (valueCount === 0) ADDOP_LOAD_CONST(c, loc, "");
  }
}

function conversionOparg(conversion: number): number {
  switch (conversion) {
    case 115: // 's'
      return FVC_STR;
    case 114: // 'r'
      return FVC_REPR;
    default: // 'a'
      return FVC_ASCII;
  }
}

function codegenInterpolation(c: Compiler, e: Extract<expr, { _kind: Kind.Interpolation }>): void {
  const loc = LOC(e);
  codegenVisitExpr(c, e.value);
  ADDOP_LOAD_CONST(c, loc, e.str);
  let oparg = 2;
  if (e.format_spec) {
    oparg++;
    codegenVisitExpr(c, e.format_spec);
  }
  if (e.conversion !== -1) oparg |= conversionOparg(e.conversion) << 2;
  ADDOP_I(c, loc, op.BUILD_INTERPOLATION, oparg);
}

function codegenFormattedValue(c: Compiler, e: Extract<expr, { _kind: Kind.FormattedValue }>): void {
  codegenVisitExpr(c, e.value);
  const loc = LOC(e);
  if (e.conversion !== -1) ADDOP_I(c, loc, op.CONVERT_VALUE, conversionOparg(e.conversion));
  if (e.format_spec) {
    codegenVisitExpr(c, e.format_spec);
    ADDOP(c, loc, op.FORMAT_WITH_SPEC);
  } else {
    ADDOP(c, loc, op.FORMAT_SIMPLE);
  }
}

function codegenSubkwargs(c: Compiler, loc: Location, keywords: keyword[], begin: number, end: number): void {
  const n = end - begin;
  const big = n * 2 > STACK_USE_GUIDELINE;
  if (big) ADDOP_I(c, NO_LOCATION, op.BUILD_MAP, 0);
  for (let i = begin; i < end; i++) {
    const kw = keywords[i];
    ADDOP_LOAD_CONST(c, loc, kw.arg!);
    codegenVisitExpr(c, kw.value);
    if (big) ADDOP_I(c, NO_LOCATION, op.MAP_ADD, 1);
  }
  if (!big) ADDOP_I(c, loc, op.BUILD_MAP, n);
}

function codegenCallSimpleKwHelper(c: Compiler, loc: Location, keywords: keyword[]): void {
  ADDOP_LOAD_CONST(c, loc, new PyTuple(keywords.map((kw) => kw.arg!)));
}

/** Shared by calls and class definitions (CPython: codegen_call_helper_impl). */
export function codegenCallHelperImpl(
  c: Compiler,
  loc: Location,
  n: number,
  args: expr[],
  injectedArg: string | null,
  keywords: keyword[],
): void {
  codegenValidateKeywords(c, keywords);
  let nelts = args.length;
  const nkwelts = keywords.length;
  let exCall = nelts + nkwelts * 2 > STACK_USE_GUIDELINE;
  if (!exCall) for (const elt of args) if (elt._kind === Kind.Starred) exCall = true;
  if (!exCall) for (const kw of keywords) if (kw.arg === null) exCall = true;
  if (!exCall) {
    // No * or ** args: the faster calling sequence
    for (const elt of args) codegenVisitExpr(c, elt);
    if (injectedArg) {
      codegenNameop(c, loc, injectedArg, Kind.Load);
      nelts++;
    }
    if (nkwelts) {
      for (const kw of keywords) codegenVisitExpr(c, kw.value);
      codegenCallSimpleKwHelper(c, loc, keywords);
      ADDOP_I(c, loc, op.CALL_KW, n + nelts + nkwelts);
    } else {
      ADDOP_I(c, loc, op.CALL, n + nelts);
    }
    return;
  }
  // Positional arguments
  if (n === 0 && nelts === 1 && args[0]._kind === Kind.Starred) {
    codegenVisitExpr(c, args[0].value);
  } else {
    starunpackHelperImpl(c, loc, args, injectedArg, n, op.BUILD_LIST, op.LIST_APPEND, op.LIST_EXTEND, true);
  }
  // Then keyword arguments
  if (nkwelts) {
    let haveDict = false;
    let nseen = 0;
    for (let i = 0; i < nkwelts; i++) {
      const kw = keywords[i];
      if (kw.arg === null) {
        // A keyword argument unpacking.
        if (nseen) {
          codegenSubkwargs(c, loc, keywords, i - nseen, i);
          if (haveDict) ADDOP_I(c, loc, op.DICT_MERGE, 1);
          haveDict = true;
          nseen = 0;
        }
        if (!haveDict) {
          ADDOP_I(c, loc, op.BUILD_MAP, 0);
          haveDict = true;
        }
        codegenVisitExpr(c, kw.value);
        ADDOP_I(c, loc, op.DICT_MERGE, 1);
      } else {
        nseen++;
      }
    }
    if (nseen) {
      codegenSubkwargs(c, loc, keywords, nkwelts - nseen, nkwelts);
      if (haveDict) ADDOP_I(c, loc, op.DICT_MERGE, 1);
    }
  }
  if (nkwelts === 0) ADDOP(c, loc, op.PUSH_NULL);
  ADDOP(c, loc, op.CALL_FUNCTION_EX);
}

export function codegenCallHelper(c: Compiler, loc: Location, n: number, args: expr[], keywords: keyword[]): void {
  codegenCallHelperImpl(c, loc, n, args, null, keywords);
}

/***** Comprehensions (PEP 709: list, set and dict comprehensions are inlined) *****/

function codegenComprehensionGenerator(
  c: Compiler,
  loc: Location,
  generators: comprehension[],
  genIndex: number,
  depth: number,
  elt: expr,
  val: expr | null,
  type: CompType,
  iterOnStack: boolean,
): void {
  const gen = generators[genIndex];
  if (gen.is_async) {
    codegenAsyncComprehensionGenerator(c, loc, generators, genIndex, depth, elt, val, type, iterOnStack);
  } else {
    codegenSyncComprehensionGenerator(c, loc, generators, genIndex, depth, elt, val, type, iterOnStack);
  }
}

function codegenComprehensionElement(
  c: Compiler,
  elt: expr,
  val: expr | null,
  type: CompType,
  depth: number,
): Location {
  let eltLoc = LOC(elt);
  switch (type) {
    case CompType.GENEXP:
      codegenVisitExpr(c, elt);
      codegenAddopYield(c, eltLoc);
      ADDOP(c, eltLoc, op.POP_TOP);
      break;
    case CompType.LISTCOMP:
      codegenVisitExpr(c, elt);
      ADDOP_I(c, eltLoc, op.LIST_APPEND, depth + 1);
      break;
    case CompType.SETCOMP:
      codegenVisitExpr(c, elt);
      ADDOP_I(c, eltLoc, op.SET_ADD, depth + 1);
      break;
    case CompType.DICTCOMP:
      // With '{k: v}', k is evaluated before v
      codegenVisitExpr(c, elt);
      codegenVisitExpr(c, val!);
      eltLoc = new Location(elt.lineno, val!.end_lineno, elt.col_offset, val!.end_col_offset);
      ADDOP_I(c, eltLoc, op.MAP_ADD, depth + 1);
      break;
  }
  return eltLoc;
}

function codegenSyncComprehensionGenerator(
  c: Compiler,
  loc: Location,
  generators: comprehension[],
  genIndex: number,
  depth: number,
  elt: expr,
  val: expr | null,
  type: CompType,
  iterOnStack: boolean,
): void {
  let start: Label = NEW_LABEL(c);
  const ifCleanup = NEW_LABEL(c);
  const anchor = NEW_LABEL(c);
  const gen = generators[genIndex];
  if (!iterOnStack) {
    if (genIndex === 0) {
      ADDOP_I(c, loc, op.LOAD_FAST, 0);
    } else {
      // Fast path for the temporary variable assignment idiom: for y in [f(x)]
      const it = gen.iter;
      const elts = it._kind === Kind.List || it._kind === Kind.Tuple ? it.elts : null;
      if (elts !== null && elts.length === 1 && elts[0]._kind !== Kind.Starred) {
        codegenVisitExpr(c, elts[0]);
        start = NO_LABEL;
      }
      if (start !== NO_LABEL) {
        codegenVisitExpr(c, gen.iter);
        ADDOP(c, LOC(gen.iter), op.GET_ITER);
      }
    }
  }
  if (start !== NO_LABEL) {
    depth++;
    USE_LABEL(c, start);
    ADDOP_JUMP(c, LOC(gen.iter), op.FOR_ITER, anchor);
  }
  codegenVisitExpr(c, gen.target);
  for (const e of gen.ifs) codegenJumpIf(c, loc, e, ifCleanup, false);
  if (++genIndex < generators.length) {
    codegenComprehensionGenerator(c, loc, generators, genIndex, depth, elt, val, type, false);
  }
  let eltLoc = LOC(elt);
  // only append after the last for generator
  if (genIndex >= generators.length) eltLoc = codegenComprehensionElement(c, elt, val, type, depth);
  USE_LABEL(c, ifCleanup);
  if (start !== NO_LABEL) {
    ADDOP_JUMP(c, eltLoc, op.JUMP, start);
    USE_LABEL(c, anchor);
    // END_FOR first: instrumentation of generators jumps to it
    ADDOP(c, NO_LOCATION, op.END_FOR);
    ADDOP(c, NO_LOCATION, op.POP_ITER);
  }
}

function codegenAsyncComprehensionGenerator(
  c: Compiler,
  loc: Location,
  generators: comprehension[],
  genIndex: number,
  depth: number,
  elt: expr,
  val: expr | null,
  type: CompType,
  iterOnStack: boolean,
): void {
  const start = NEW_LABEL(c);
  const send = NEW_LABEL(c);
  const except = NEW_LABEL(c);
  const ifCleanup = NEW_LABEL(c);
  const gen = generators[genIndex];
  if (!iterOnStack) {
    if (genIndex === 0) {
      ADDOP_I(c, loc, op.LOAD_FAST, 0);
    } else {
      codegenVisitExpr(c, gen.iter);
      ADDOP(c, LOC(gen.iter), op.GET_AITER);
    }
  }
  USE_LABEL(c, start);
  // Runtime will push a block here, so we need to account for that
  c.pushFBlock(loc, FBlockType.ASYNC_COMPREHENSION_GENERATOR, start, NO_LABEL, null);
  ADDOP_JUMP(c, loc, op.SETUP_FINALLY, except);
  ADDOP(c, loc, op.GET_ANEXT);
  ADDOP_LOAD_CONST(c, loc, Py_None);
  USE_LABEL(c, send);
  codegenAddYieldFrom(c, loc, true);
  ADDOP(c, loc, op.POP_BLOCK);
  codegenVisitExpr(c, gen.target);
  for (const e of gen.ifs) codegenJumpIf(c, loc, e, ifCleanup, false);
  depth++;
  if (++genIndex < generators.length) {
    codegenComprehensionGenerator(c, loc, generators, genIndex, depth, elt, val, type, false);
  }
  let eltLoc = LOC(elt);
  if (genIndex >= generators.length) eltLoc = codegenComprehensionElement(c, elt, val, type, depth);
  USE_LABEL(c, ifCleanup);
  ADDOP_JUMP(c, eltLoc, op.JUMP, start);
  c.popFBlock(FBlockType.ASYNC_COMPREHENSION_GENERATOR, start);
  USE_LABEL(c, except);
  ADDOP_JUMP(c, loc, op.END_ASYNC_FOR, send);
}

function codegenPushInlinedComprehensionLocals(
  c: Compiler,
  loc: Location,
  comp: import("./symtable.js").SymtableEntry,
  state: InlinedComprehensionState,
): void {
  const inClassBlock = c.ste.type === BlockType.ClassBlock && !c.u.u_in_inlined_comp;
  const outer = c.ste;
  // Isolate the names bound in the comprehension from the outer scope
  for (const [k, symbol] of comp.symbols) {
    const scope = (symbol >> SCOPE_OFFSET) & SCOPE_MASK;
    const outsc = (getSymbol(outer, k) >> SCOPE_OFFSET) & SCOPE_MASK;
    if ((symbol & DEF_LOCAL && !(symbol & DEF_NONLOCAL)) || inClassBlock) {
      // Push the existing value (which may be NULL) of a name bound in the comprehension
      if (state.pushed_locals === null) state.pushed_locals = [];
      // For a cell this pushes the cell itself; a new one is made for the comprehension
      ADDOP_NAME(c, loc, op.LOAD_FAST_AND_CLEAR, k, "varnames");
      if (scope === CELL) {
        ADDOP_NAME(c, loc, op.MAKE_CELL, k, outsc === FREE ? "freevars" : "cellvars");
      }
      state.pushed_locals.push(k);
    }
  }
  if (state.pushed_locals) {
    // The outermost iterable is on the stack: swap it back to the top (reversed on the way out)
    ADDOP_I(c, loc, op.SWAP, state.pushed_locals.length + 1);
    // Our own cleanup handler restores the locals if the comprehension raises
    const cleanup = NEW_LABEL(c);
    state.cleanup = cleanup;
    // no fblock for this "virtual" try/finally: no return/continue/break in a comprehension
    ADDOP_JUMP(c, loc, op.SETUP_FINALLY, cleanup);
  }
}

function restoreInlinedComprehensionLocals(c: Compiler, loc: Location, state: InlinedComprehensionState): void {
  const pushed = state.pushed_locals!;
  const npops = pushed.length;
  // Keep the comprehension result (or exception) on top
  ADDOP_I(c, loc, op.SWAP, npops + 1);
  for (let i = npops - 1; i >= 0; --i) ADDOP_NAME(c, loc, op.STORE_FAST_MAYBE_NULL, pushed[i], "varnames");
}

function codegenPopInlinedComprehensionLocals(c: Compiler, loc: Location, state: InlinedComprehensionState): void {
  if (state.pushed_locals) {
    ADDOP(c, NO_LOCATION, op.POP_BLOCK);
    const end = NEW_LABEL(c);
    ADDOP_JUMP(c, NO_LOCATION, op.JUMP_NO_INTERRUPT, end);
    // cleanup from an exception inside the comprehension
    USE_LABEL(c, state.cleanup);
    // discard incomplete comprehension result (beneath exc on stack)
    ADDOP_I(c, NO_LOCATION, op.SWAP, 2);
    ADDOP(c, NO_LOCATION, op.POP_TOP);
    restoreInlinedComprehensionLocals(c, loc, state);
    ADDOP_I(c, NO_LOCATION, op.RERAISE, 0);
    USE_LABEL(c, end);
    restoreInlinedComprehensionLocals(c, loc, state);
    state.pushed_locals = null;
  }
}

function codegenComprehensionIter(c: Compiler, comp: comprehension): void {
  codegenVisitExpr(c, comp.iter);
  ADDOP(c, LOC(comp.iter), comp.is_async ? op.GET_AITER : op.GET_ITER);
}

function codegenComprehension(
  c: Compiler,
  e: expr,
  type: CompType,
  name: string,
  generators: comprehension[],
  elt: expr,
  val: expr | null,
): void {
  const state: InlinedComprehensionState = { pushed_locals: null, temp_symbols: null, fast_hidden: null, cleanup: NO_LABEL };
  const entry = c.c_st.lookup(e);
  const isInlined = entry.compInlined;
  const isAsyncComprehension = entry.coroutine;
  let loc = LOC(e);
  const outermost = generators[0];
  if (isInlined) {
    codegenComprehensionIter(c, outermost);
    c.tweakInlinedComprehensionScopes(entry, state);
    codegenPushInlinedComprehensionLocals(c, loc, entry, state);
  } else {
    // Receive outermost iter as an implicit argument
    codegenEnterScope(c, name, ScopeType.COMPREHENSION, entry, e.lineno, null, { argcount: 1 });
  }
  if (type !== CompType.GENEXP) {
    const opcode = type === CompType.LISTCOMP ? op.BUILD_LIST : type === CompType.SETCOMP ? op.BUILD_SET : op.BUILD_MAP;
    ADDOP_I(c, loc, opcode, 0);
    if (isInlined) ADDOP_I(c, loc, op.SWAP, 2);
  }
  codegenComprehensionGenerator(c, loc, generators, 0, 0, elt, val, type, isInlined);
  if (isInlined) {
    codegenPopInlinedComprehensionLocals(c, loc, state);
    c.revertInlinedComprehensionScopes(state);
    return;
  }
  if (type !== CompType.GENEXP) ADDOP(c, LOC(e), op.RETURN_VALUE);
  if (type === CompType.GENEXP) codegenWrapInStopiterationHandler(c);
  const co = c.optimizeAndAssemble(true);
  c.exitScope();
  loc = LOC(e);
  codegenMakeClosure(c, loc, co, 0);
  codegenComprehensionIter(c, outermost);
  ADDOP_I(c, loc, op.CALL, 0);
  if (isAsyncComprehension && type !== CompType.GENEXP) {
    ADDOP_I(c, loc, op.GET_AWAITABLE, 0);
    ADDOP_LOAD_CONST(c, loc, Py_None);
    codegenAddYieldFrom(c, loc, true);
  }
}

/***** Subscripts and slices *****/

function isConstantSlice(s: expr): boolean {
  return (
    s._kind === Kind.Slice &&
    (s.lower === null || s.lower._kind === Kind.Constant) &&
    (s.upper === null || s.upper._kind === Kind.Constant) &&
    (s.step === null || s.step._kind === Kind.Constant)
  );
}

export function shouldApplyTwoElementSliceOptimization(s: expr): boolean {
  return !isConstantSlice(s) && s._kind === Kind.Slice && s.step === null;
}

function codegenSubscript(c: Compiler, e: Extract<expr, { _kind: Kind.Subscript }>): void {
  const loc = LOC(e);
  const ctx = e.ctx._kind;
  codegenVisitExpr(c, e.value);
  if (shouldApplyTwoElementSliceOptimization(e.slice) && ctx !== Kind.Del) {
    codegenSliceTwoParts(c, e.slice as Slice);
    ADDOP(c, loc, ctx === Kind.Load ? op.BINARY_SLICE : op.STORE_SLICE);
  } else {
    codegenVisitExpr(c, e.slice);
    if (ctx === Kind.Load) ADDOP_I(c, loc, op.BINARY_OP, NB_SUBSCR);
    else ADDOP(c, loc, ctx === Kind.Store ? op.STORE_SUBSCR : op.DELETE_SUBSCR);
  }
}

export function codegenSliceTwoParts(c: Compiler, s: Slice): void {
  if (s.lower) codegenVisitExpr(c, s.lower);
  else ADDOP_LOAD_CONST(c, LOC(s), Py_None);
  if (s.upper) codegenVisitExpr(c, s.upper);
  else ADDOP_LOAD_CONST(c, LOC(s), Py_None);
}

function constValue(e: expr | null): import("../objects/object.js").PyObject {
  return e === null ? Py_None : (e as Extract<expr, { _kind: Kind.Constant }>).value;
}

function codegenSlice(c: Compiler, s: Slice): void {
  if (isConstantSlice(s)) {
    ADDOP_LOAD_CONST(c, LOC(s), new PySlice(constValue(s.lower), constValue(s.upper), constValue(s.step)));
    return;
  }
  codegenSliceTwoParts(c, s);
  let n = 2;
  if (s.step) {
    n++;
    codegenVisitExpr(c, s.step);
  }
  ADDOP_I(c, LOC(s), op.BUILD_SLICE, n);
}

/***** Expressions *****/

export function codegenVisitExpr(c: Compiler, e: expr): void {
  let loc = LOC(e);
  switch (e._kind) {
    case Kind.NamedExpr:
      codegenVisitExpr(c, e.value);
      ADDOP_I(c, loc, op.COPY, 1);
      codegenVisitExpr(c, e.target);
      return;
    case Kind.BoolOp:
      return codegenBoolop(c, e);
    case Kind.BinOp:
      codegenVisitExpr(c, e.left);
      codegenVisitExpr(c, e.right);
      addopBinary(c, loc, e.op, false);
      return;
    case Kind.UnaryOp:
      codegenVisitExpr(c, e.operand);
      switch (e.op._kind) {
        case Kind.UAdd:
          ADDOP_I(c, loc, op.CALL_INTRINSIC_1, INTRINSIC_UNARY_POSITIVE);
          break;
        case Kind.Not:
          ADDOP(c, loc, op.TO_BOOL);
          ADDOP(c, loc, op.UNARY_NOT);
          break;
        case Kind.Invert:
          ADDOP(c, loc, op.UNARY_INVERT);
          break;
        default:
          ADDOP(c, loc, op.UNARY_NEGATIVE);
      }
      return;
    case Kind.Lambda:
      return codegenLambda(c, e);
    case Kind.IfExp:
      return codegenIfexp(c, e);
    case Kind.Dict:
      return codegenDict(c, e);
    case Kind.Set:
      return starunpackHelperImpl(c, loc, e.elts, null, 0, op.BUILD_SET, op.SET_ADD, op.SET_UPDATE, false);
    case Kind.GeneratorExp:
      return codegenComprehension(c, e, CompType.GENEXP, "<genexpr>", e.generators, e.elt, null);
    case Kind.ListComp:
      return codegenComprehension(c, e, CompType.LISTCOMP, "<listcomp>", e.generators, e.elt, null);
    case Kind.SetComp:
      return codegenComprehension(c, e, CompType.SETCOMP, "<setcomp>", e.generators, e.elt, null);
    case Kind.DictComp:
      return codegenComprehension(c, e, CompType.DICTCOMP, "<dictcomp>", e.generators, e.key, e.value);
    case Kind.Yield:
      if (!isFunctionLike(c.ste)) throw c.error(loc, "'yield' outside function");
      if (e.value) codegenVisitExpr(c, e.value);
      else ADDOP_LOAD_CONST(c, loc, Py_None);
      codegenAddopYield(c, loc);
      return;
    case Kind.YieldFrom:
      if (!isFunctionLike(c.ste)) throw c.error(loc, "'yield from' outside function");
      if (c.u.u_scope_type === ScopeType.ASYNC_FUNCTION) throw c.error(loc, "'yield from' inside async function");
      codegenVisitExpr(c, e.value);
      ADDOP(c, loc, op.GET_YIELD_FROM_ITER);
      ADDOP_LOAD_CONST(c, loc, Py_None);
      codegenAddYieldFrom(c, loc, false);
      return;
    case Kind.Await:
      codegenVisitExpr(c, e.value);
      ADDOP_I(c, loc, op.GET_AWAITABLE, 0);
      ADDOP_LOAD_CONST(c, loc, Py_None);
      codegenAddYieldFrom(c, loc, true);
      return;
    case Kind.Compare:
      return codegenCompare(c, e);
    case Kind.Call:
      return codegenCall(c, e);
    case Kind.Constant:
      ADDOP_LOAD_CONST(c, loc, e.value);
      return;
    case Kind.JoinedStr:
      return codegenJoinedStr(c, e);
    case Kind.TemplateStr:
      return codegenTemplateStr(c, e);
    case Kind.FormattedValue:
      return codegenFormattedValue(c, e);
    case Kind.Interpolation:
      return codegenInterpolation(c, e);
    // The following exprs can be assignment targets.
    case Kind.Attribute:
      if (e.ctx._kind === Kind.Load && canOptimizeSuperCall(c, e)) {
        const sup = e.value as Call;
        loadArgsForSuper(c, sup);
        ADDOP_NAME(c, loc, sup.args.length ? op.LOAD_SUPER_ATTR : LOAD_ZERO_SUPER_ATTR, e.attr, "names");
        loc = updateStartLocationToMatchAttr(loc, e);
        ADDOP(c, loc, op.NOP);
        return;
      }
      c.maybeAddStaticAttributeToClass(e);
      codegenVisitExpr(c, e.value);
      loc = updateStartLocationToMatchAttr(LOC(e), e);
      switch (e.ctx._kind) {
        case Kind.Load:
          ADDOP_NAME(c, loc, op.LOAD_ATTR, e.attr, "names");
          break;
        case Kind.Store:
          ADDOP_NAME(c, loc, op.STORE_ATTR, e.attr, "names");
          break;
        default:
          ADDOP_NAME(c, loc, op.DELETE_ATTR, e.attr, "names");
      }
      return;
    case Kind.Subscript:
      return codegenSubscript(c, e);
    case Kind.Starred:
      if (e.ctx._kind === Kind.Store) throw c.error(loc, "starred assignment target must be in a list or tuple");
      throw c.error(loc, "can't use starred expression here");
    case Kind.Slice:
      return codegenSlice(c, e);
    case Kind.Name:
      return codegenNameop(c, loc, e.id, e.ctx._kind);
    case Kind.List:
      if (e.ctx._kind === Kind.Store) return assignmentHelper(c, loc, e.elts);
      if (e.ctx._kind === Kind.Load) {
        return starunpackHelperImpl(c, loc, e.elts, null, 0, op.BUILD_LIST, op.LIST_APPEND, op.LIST_EXTEND, false);
      }
      return VISIT_SEQ_EXPR(c, e.elts);
    case Kind.Tuple:
      if (e.ctx._kind === Kind.Store) return assignmentHelper(c, loc, e.elts);
      if (e.ctx._kind === Kind.Load) {
        return starunpackHelperImpl(c, loc, e.elts, null, 0, op.BUILD_LIST, op.LIST_APPEND, op.LIST_EXTEND, true);
      }
      return VISIT_SEQ_EXPR(c, e.elts);
  }
}

