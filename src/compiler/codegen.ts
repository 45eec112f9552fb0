// CPython: Python/codegen.c (statements and the helpers shared by all of codegen)
//
// Code generation: AST -> pseudo-instruction sequence of the current compilation unit.
// Scopes (modules, functions, classes) are in codegen_scope.ts, expressions in codegen_expr.ts,
// pattern matching in codegen_pattern.ts.
import type {
  AnnAssign,
  AsyncFor,
  AsyncWith,
  For,
  If,
  Import,
  ImportFrom,
  Return,
  Try,
  TryStar,
  While,
  With,
  expr,
  stmt,
} from "../ast/ast.generated.js";
import { Kind } from "../ast/ast.generated.js";
import type { PyObject } from "../objects/object.js";
import { Py_None } from "../objects/object.js";
import { PyTuple } from "../objects/tupleobject.js";
import { CO_FUTURE_ANNOTATIONS } from "../objects/codeobject.js";
import { Location, NO_LOCATION, NO_LABEL, type Label } from "./instruction_sequence.js";
import {
  op,
  CONSTANT_ASSERTIONERROR,
  INTRINSIC_IMPORT_STAR,
  INTRINSIC_PRINT,
  INTRINSIC_PREP_RERAISE_STAR,
  RESUME_AFTER_AWAIT,
  RESUME_AFTER_YIELD_FROM,
  SPECIAL___AENTER__,
  SPECIAL___AEXIT__,
  SPECIAL___ENTER__,
  SPECIAL___EXIT__,
} from "./opcode_utils.js";
import { type Compiler, FBlockType, type FBlockInfo, ScopeType, dictAddObj, NameOpType } from "./compile.js";
import { BlockType, getScope, isFunctionLike, GLOBAL_IMPLICIT } from "./symtable.js";
import {
  addopBinary,
  codegenJumpIf,
  codegenSliceTwoParts,
  codegenVisitExpr,
  shouldApplyTwoElementSliceOptimization,
  updateStartLocationToMatchAttr,
} from "./codegen_expr.js";
import { codegenMatch } from "./codegen_pattern.js";
import { codegenClass, codegenFunction, codegenTypealias } from "./codegen_scope.js";
import { exprAsUnicode } from "./unparse.js";

/** What carries a source range: AST nodes with attributes. */
export interface Located {
  lineno: number;
  col_offset: number;
  end_lineno: number;
  end_col_offset: number;
}

export function LOC(n: Located): Location {
  return new Location(n.lineno, n.end_lineno, n.col_offset, n.end_col_offset);
}

/***** Emitting instructions (CPython: the ADDOP* macros) *****/

export function ADDOP(c: Compiler, loc: Location, opcode: number): void {
  c.seq.addop(opcode, 0, loc);
}

export function ADDOP_I(c: Compiler, loc: Location, opcode: number, oparg: number): void {
  c.seq.addop(opcode, oparg, loc);
}

export function ADDOP_LOAD_CONST(c: Compiler, loc: Location, o: PyObject): void {
  c.seq.addop(op.LOAD_CONST, c.addConst(o), loc);
}

export function ADDOP_JUMP(c: Compiler, loc: Location, opcode: number, target: Label): void {
  c.seq.addop(opcode, target, loc);
}

export type NameDict = "names" | "varnames" | "cellvars" | "freevars";

function dictOf(c: Compiler, which: NameDict): Map<string, number> {
  const md = c.metadata;
  switch (which) {
    case "names":
      return md.u_names;
    case "varnames":
      return md.u_varnames;
    case "cellvars":
      return md.u_cellvars;
    case "freevars":
      return md.u_freevars;
  }
}

export function ADDOP_N(c: Compiler, loc: Location, opcode: number, o: string, which: NameDict): void {
  ADDOP_I(c, loc, opcode, dictAddObj(dictOf(c, which), o));
}

// Pseudo-opcodes of codegen_addop_name only
export const LOAD_METHOD = -1;
export const LOAD_SUPER_METHOD = -2;
export const LOAD_ZERO_SUPER_ATTR = -3;
export const LOAD_ZERO_SUPER_METHOD = -4;

/** CPython: codegen_addop_name. */
export function ADDOP_NAME(c: Compiler, loc: Location, opcode: number, o: string, which: NameDict): void {
  const mangled = c.maybeMangle(o);
  let arg = dictAddObj(dictOf(c, which), mangled);
  if (opcode === op.LOAD_ATTR) arg <<= 1;
  if (opcode === LOAD_METHOD) {
    opcode = op.LOAD_ATTR;
    arg = (arg << 1) | 1;
  }
  if (opcode === op.LOAD_SUPER_ATTR) arg = (arg << 2) | 2;
  if (opcode === LOAD_SUPER_METHOD) {
    opcode = op.LOAD_SUPER_ATTR;
    arg = (arg << 2) | 3;
  }
  if (opcode === LOAD_ZERO_SUPER_ATTR) {
    opcode = op.LOAD_SUPER_ATTR;
    arg <<= 2;
  }
  if (opcode === LOAD_ZERO_SUPER_METHOD) {
    opcode = op.LOAD_SUPER_ATTR;
    arg = (arg << 2) | 1;
  }
  ADDOP_I(c, loc, opcode, arg);
}

export function NEW_LABEL(c: Compiler): Label {
  return c.seq.newLabel();
}

export function USE_LABEL(c: Compiler, lbl: Label): void {
  c.seq.useLabel(lbl);
}

export function VISIT_SEQ_STMT(c: Compiler, seq: stmt[]): void {
  for (const s of seq) codegenVisitStmt(c, s);
}

export function VISIT_SEQ_EXPR(c: Compiler, seq: expr[]): void {
  for (const e of seq) codegenVisitExpr(c, e);
}

/***** Shared helpers *****/

export function codegenCallExitWithNones(c: Compiler, loc: Location): void {
  ADDOP_LOAD_CONST(c, loc, Py_None);
  ADDOP_LOAD_CONST(c, loc, Py_None);
  ADDOP_LOAD_CONST(c, loc, Py_None);
  ADDOP_I(c, loc, op.CALL, 3);
}

export function codegenAddYieldFrom(c: Compiler, loc: Location, isAwait: boolean): void {
  const send = NEW_LABEL(c);
  const fail = NEW_LABEL(c);
  const exit = NEW_LABEL(c);
  USE_LABEL(c, send);
  ADDOP_JUMP(c, loc, op.SEND, exit);
  // A virtual try/except for StopIteration raised by close or throw
  ADDOP_JUMP(c, loc, op.SETUP_FINALLY, fail);
  ADDOP_I(c, loc, op.YIELD_VALUE, 1);
  ADDOP(c, NO_LOCATION, op.POP_BLOCK);
  ADDOP_I(c, loc, op.RESUME, isAwait ? RESUME_AFTER_AWAIT : RESUME_AFTER_YIELD_FROM);
  ADDOP_JUMP(c, loc, op.JUMP_NO_INTERRUPT, send);
  USE_LABEL(c, fail);
  ADDOP(c, loc, op.CLEANUP_THROW);
  USE_LABEL(c, exit);
  ADDOP(c, loc, op.END_SEND);
}

export function codegenPopExceptAndReraise(c: Compiler, loc: Location): void {
  ADDOP_I(c, loc, op.COPY, 3);
  ADDOP(c, loc, op.POP_EXCEPT);
  ADDOP_I(c, loc, op.RERAISE, 1);
}

/**
 * Unwind a frame block; with preserveTos the value on top of the stack survives
 * (CPython: codegen_unwind_fblock). Returns the location to use after unwinding.
 */
function codegenUnwindFblock(c: Compiler, loc: Location, info: FBlockInfo, preserveTos: boolean): Location {
  switch (info.fb_type) {
    case FBlockType.WHILE_LOOP:
    case FBlockType.EXCEPTION_HANDLER:
    case FBlockType.EXCEPTION_GROUP_HANDLER:
    case FBlockType.ASYNC_COMPREHENSION_GENERATOR:
    case FBlockType.STOP_ITERATION:
      return loc;
    case FBlockType.FOR_LOOP:
      // Pop the iterator
      if (preserveTos) ADDOP_I(c, loc, op.SWAP, 2);
      ADDOP(c, loc, op.POP_TOP);
      return loc;
    case FBlockType.TRY_EXCEPT:
      ADDOP(c, loc, op.POP_BLOCK);
      return loc;
    case FBlockType.FINALLY_TRY:
      // This POP_BLOCK gets the line number of the unwinding statement
      ADDOP(c, loc, op.POP_BLOCK);
      if (preserveTos) c.pushFBlock(loc, FBlockType.POP_VALUE, NO_LABEL, NO_LABEL, null);
      // Emit the finally block
      VISIT_SEQ_STMT(c, info.fb_datum as stmt[]);
      if (preserveTos) c.popFBlock(FBlockType.POP_VALUE, NO_LABEL);
      // The finally block appears to run after the unwinding statement: artificial location
      return NO_LOCATION;
    case FBlockType.FINALLY_END:
      if (preserveTos) ADDOP_I(c, loc, op.SWAP, 2);
      ADDOP(c, loc, op.POP_TOP); // exc_value
      if (preserveTos) ADDOP_I(c, loc, op.SWAP, 2);
      ADDOP(c, loc, op.POP_BLOCK);
      ADDOP(c, loc, op.POP_EXCEPT);
      return loc;
    case FBlockType.WITH:
    case FBlockType.ASYNC_WITH:
      loc = info.fb_loc;
      ADDOP(c, loc, op.POP_BLOCK);
      if (preserveTos) {
        ADDOP_I(c, loc, op.SWAP, 3);
        ADDOP_I(c, loc, op.SWAP, 2);
      }
      codegenCallExitWithNones(c, loc);
      if (info.fb_type === FBlockType.ASYNC_WITH) {
        ADDOP_I(c, loc, op.GET_AWAITABLE, 2);
        ADDOP_LOAD_CONST(c, loc, Py_None);
        codegenAddYieldFrom(c, loc, true);
      }
      ADDOP(c, loc, op.POP_TOP);
      return NO_LOCATION;
    case FBlockType.HANDLER_CLEANUP: {
      if (info.fb_datum) ADDOP(c, loc, op.POP_BLOCK);
      if (preserveTos) ADDOP_I(c, loc, op.SWAP, 2);
      ADDOP(c, loc, op.POP_BLOCK);
      ADDOP(c, loc, op.POP_EXCEPT);
      if (info.fb_datum) {
        ADDOP_LOAD_CONST(c, loc, Py_None);
        codegenNameop(c, loc, info.fb_datum as string, Kind.Store);
        codegenNameop(c, loc, info.fb_datum as string, Kind.Del);
      }
      return loc;
    }
    case FBlockType.POP_VALUE:
      if (preserveTos) ADDOP_I(c, loc, op.SWAP, 2);
      ADDOP(c, loc, op.POP_TOP);
      return loc;
  }
}

/**
 * Unwind the block stack; with `wantLoop`, stop at the first loop and return it
 * (CPython: codegen_unwind_fblock_stack).
 */
function codegenUnwindFblockStack(
  c: Compiler,
  loc: Location,
  preserveTos: boolean,
  wantLoop: boolean,
): [Location, FBlockInfo | null] {
  const top = c.topFBlock();
  if (top === null) return [loc, null];
  if (top.fb_type === FBlockType.EXCEPTION_GROUP_HANDLER) {
    throw c.error(loc, "'break', 'continue' and 'return' cannot appear in an except* block");
  }
  if (wantLoop && (top.fb_type === FBlockType.WHILE_LOOP || top.fb_type === FBlockType.FOR_LOOP)) {
    return [loc, top];
  }
  const copy = { ...top };
  c.popFBlock(top.fb_type, top.fb_block);
  loc = codegenUnwindFblock(c, loc, copy, preserveTos);
  let loop: FBlockInfo | null;
  [loc, loop] = codegenUnwindFblockStack(c, loc, preserveTos, wantLoop);
  c.u.u_fblock.push(copy);
  if (copy.fb_type === FBlockType.FINALLY_END) c.c_disable_warning++;
  return [loc, loop];
}

/***** Control flow *****/

function codegenIf(c: Compiler, s: If): void {
  const end = NEW_LABEL(c);
  const next = s.orelse.length ? NEW_LABEL(c) : end;
  codegenJumpIf(c, LOC(s), s.test, next, false);
  VISIT_SEQ_STMT(c, s.body);
  if (s.orelse.length) {
    ADDOP_JUMP(c, NO_LOCATION, op.JUMP_NO_INTERRUPT, end);
    USE_LABEL(c, next);
    VISIT_SEQ_STMT(c, s.orelse);
  }
  USE_LABEL(c, end);
}

function codegenFor(c: Compiler, s: For): void {
  let loc = LOC(s);
  const start = NEW_LABEL(c);
  const body = NEW_LABEL(c);
  const cleanup = NEW_LABEL(c);
  const end = NEW_LABEL(c);
  c.pushFBlock(loc, FBlockType.FOR_LOOP, start, end, null);
  codegenVisitExpr(c, s.iter);
  loc = LOC(s.iter);
  ADDOP(c, loc, op.GET_ITER);
  USE_LABEL(c, start);
  ADDOP_JUMP(c, loc, op.FOR_ITER, cleanup);
  // A NOP for line tracing of multi-line for statements; removed later if redundant
  ADDOP(c, LOC(s.target), op.NOP);
  USE_LABEL(c, body);
  codegenVisitExpr(c, s.target);
  VISIT_SEQ_STMT(c, s.body);
  // Mark jump as artificial
  ADDOP_JUMP(c, NO_LOCATION, op.JUMP, start);
  USE_LABEL(c, cleanup);
  // END_FOR first: instrumentation of generators jumps to it
  ADDOP(c, NO_LOCATION, op.END_FOR);
  ADDOP(c, NO_LOCATION, op.POP_ITER);
  c.popFBlock(FBlockType.FOR_LOOP, start);
  VISIT_SEQ_STMT(c, s.orelse);
  USE_LABEL(c, end);
}

function codegenAsyncFor(c: Compiler, s: AsyncFor): void {
  let loc = LOC(s);
  const start = NEW_LABEL(c);
  const send = NEW_LABEL(c);
  const except = NEW_LABEL(c);
  const end = NEW_LABEL(c);
  codegenVisitExpr(c, s.iter);
  ADDOP(c, LOC(s.iter), op.GET_AITER);
  USE_LABEL(c, start);
  c.pushFBlock(loc, FBlockType.FOR_LOOP, start, end, null);
  // SETUP_FINALLY to guard the __anext__ call
  ADDOP_JUMP(c, loc, op.SETUP_FINALLY, except);
  ADDOP(c, loc, op.GET_ANEXT);
  ADDOP_LOAD_CONST(c, loc, Py_None);
  USE_LABEL(c, send);
  codegenAddYieldFrom(c, loc, true);
  ADDOP(c, loc, op.POP_BLOCK);
  ADDOP(c, loc, op.NOT_TAKEN);
  // Success block for __anext__
  codegenVisitExpr(c, s.target);
  VISIT_SEQ_STMT(c, s.body);
  ADDOP_JUMP(c, NO_LOCATION, op.JUMP, start);
  c.popFBlock(FBlockType.FOR_LOOP, start);
  // Except block for __anext__
  USE_LABEL(c, except);
  // END_ASYNC_FOR follows the `for`, so it takes the line of the iterator
  loc = LOC(s.iter);
  ADDOP_JUMP(c, loc, op.END_ASYNC_FOR, send);
  VISIT_SEQ_STMT(c, s.orelse);
  USE_LABEL(c, end);
}

function codegenWhile(c: Compiler, s: While): void {
  const loop = NEW_LABEL(c);
  const end = NEW_LABEL(c);
  const anchor = NEW_LABEL(c);
  USE_LABEL(c, loop);
  c.pushFBlock(LOC(s), FBlockType.WHILE_LOOP, loop, end, null);
  codegenJumpIf(c, LOC(s), s.test, anchor, false);
  VISIT_SEQ_STMT(c, s.body);
  ADDOP_JUMP(c, NO_LOCATION, op.JUMP, loop);
  c.popFBlock(FBlockType.WHILE_LOOP, loop);
  USE_LABEL(c, anchor);
  VISIT_SEQ_STMT(c, s.orelse);
  USE_LABEL(c, end);
}

function codegenReturn(c: Compiler, s: Return): void {
  let loc = LOC(s);
  const value = s.value;
  const preserveTos = value !== null && value._kind !== Kind.Constant;
  const ste = c.ste;
  if (!isFunctionLike(ste)) throw c.error(loc, "'return' outside function");
  if (value !== null && ste.coroutine && ste.generator) throw c.error(loc, "'return' with value in async generator");
  if (preserveTos) {
    codegenVisitExpr(c, value!);
  } else if (value !== null) {
    // Emit instruction with line number for return value
    loc = LOC(value);
    ADDOP(c, loc, op.NOP);
  }
  if (value === null || value.lineno !== s.lineno) {
    loc = LOC(s);
    ADDOP(c, loc, op.NOP);
  }
  [loc] = codegenUnwindFblockStack(c, loc, preserveTos, false);
  if (value === null) ADDOP_LOAD_CONST(c, loc, Py_None);
  else if (!preserveTos) ADDOP_LOAD_CONST(c, loc, (value as Extract<expr, { _kind: Kind.Constant }>).value);
  ADDOP(c, loc, op.RETURN_VALUE);
}

function codegenBreak(c: Compiler, loc: Location): void {
  const originLoc = loc;
  // Emit instruction with line number
  ADDOP(c, loc, op.NOP);
  let loop: FBlockInfo | null;
  [loc, loop] = codegenUnwindFblockStack(c, loc, false, true);
  if (loop === null) throw c.error(originLoc, "'break' outside loop");
  loc = codegenUnwindFblock(c, loc, loop, false);
  ADDOP_JUMP(c, loc, op.JUMP, loop.fb_exit);
}

function codegenContinue(c: Compiler, loc: Location): void {
  const originLoc = loc;
  ADDOP(c, loc, op.NOP);
  let loop: FBlockInfo | null;
  [loc, loop] = codegenUnwindFblockStack(c, loc, false, true);
  if (loop === null) throw c.error(originLoc, "'continue' not properly in loop");
  ADDOP_JUMP(c, loc, op.JUMP, loop.fb_block);
}

function codegenTryFinally(c: Compiler, s: Try | TryStar, isStar: boolean): void {
  let loc = LOC(s);
  const body = NEW_LABEL(c);
  const end = NEW_LABEL(c);
  const exit = NEW_LABEL(c);
  const cleanup = NEW_LABEL(c);
  // `try` block
  ADDOP_JUMP(c, loc, op.SETUP_FINALLY, end);
  USE_LABEL(c, body);
  c.pushFBlock(loc, FBlockType.FINALLY_TRY, body, end, s.finalbody);
  if (s.handlers.length) {
    if (isStar) codegenTryStarExcept(c, s as TryStar);
    else codegenTryExcept(c, s as Try);
  } else {
    VISIT_SEQ_STMT(c, s.body);
  }
  ADDOP(c, NO_LOCATION, op.POP_BLOCK);
  c.popFBlock(FBlockType.FINALLY_TRY, body);
  VISIT_SEQ_STMT(c, s.finalbody);
  ADDOP_JUMP(c, NO_LOCATION, op.JUMP_NO_INTERRUPT, exit);
  // `finally` block
  USE_LABEL(c, end);
  loc = NO_LOCATION;
  ADDOP_JUMP(c, loc, op.SETUP_CLEANUP, cleanup);
  ADDOP(c, loc, op.PUSH_EXC_INFO);
  c.pushFBlock(loc, FBlockType.FINALLY_END, end, NO_LABEL, null);
  VISIT_SEQ_STMT(c, s.finalbody);
  c.popFBlock(FBlockType.FINALLY_END, end);
  ADDOP_I(c, loc, op.RERAISE, 0);
  USE_LABEL(c, cleanup);
  codegenPopExceptAndReraise(c, loc);
  USE_LABEL(c, exit);
}

function codegenTryExcept(c: Compiler, s: Try): void {
  const loc = LOC(s);
  const body = NEW_LABEL(c);
  let except = NEW_LABEL(c);
  const end = NEW_LABEL(c);
  const cleanup = NEW_LABEL(c);
  ADDOP_JUMP(c, loc, op.SETUP_FINALLY, except);
  USE_LABEL(c, body);
  c.pushFBlock(loc, FBlockType.TRY_EXCEPT, body, NO_LABEL, null);
  VISIT_SEQ_STMT(c, s.body);
  c.popFBlock(FBlockType.TRY_EXCEPT, body);
  ADDOP(c, NO_LOCATION, op.POP_BLOCK);
  if (s.orelse.length) VISIT_SEQ_STMT(c, s.orelse);
  ADDOP_JUMP(c, NO_LOCATION, op.JUMP_NO_INTERRUPT, end);
  const n = s.handlers.length;
  USE_LABEL(c, except);
  ADDOP_JUMP(c, NO_LOCATION, op.SETUP_CLEANUP, cleanup);
  ADDOP(c, NO_LOCATION, op.PUSH_EXC_INFO);
  // Runtime will push a block here, so we need to account for that
  c.pushFBlock(loc, FBlockType.EXCEPTION_HANDLER, NO_LABEL, NO_LABEL, null);
  for (let i = 0; i < n; i++) {
    const handler = s.handlers[i];
    const hloc = LOC(handler);
    if (!handler.type && i < n - 1) throw c.error(hloc, "default 'except:' must be last");
    except = NEW_LABEL(c);
    if (handler.type) {
      codegenVisitExpr(c, handler.type);
      ADDOP(c, hloc, op.CHECK_EXC_MATCH);
      ADDOP_JUMP(c, hloc, op.POP_JUMP_IF_FALSE, except);
    }
    if (handler.name) {
      const cleanupEnd = NEW_LABEL(c);
      const cleanupBody = NEW_LABEL(c);
      codegenNameop(c, hloc, handler.name, Kind.Store);
      // try: body finally: name = None; del name
      ADDOP_JUMP(c, hloc, op.SETUP_CLEANUP, cleanupEnd);
      USE_LABEL(c, cleanupBody);
      c.pushFBlock(hloc, FBlockType.HANDLER_CLEANUP, cleanupBody, NO_LABEL, handler.name);
      VISIT_SEQ_STMT(c, handler.body);
      c.popFBlock(FBlockType.HANDLER_CLEANUP, cleanupBody);
      ADDOP(c, NO_LOCATION, op.POP_BLOCK);
      ADDOP(c, NO_LOCATION, op.POP_BLOCK);
      ADDOP(c, NO_LOCATION, op.POP_EXCEPT);
      ADDOP_LOAD_CONST(c, NO_LOCATION, Py_None);
      codegenNameop(c, NO_LOCATION, handler.name, Kind.Store);
      codegenNameop(c, NO_LOCATION, handler.name, Kind.Del);
      ADDOP_JUMP(c, NO_LOCATION, op.JUMP_NO_INTERRUPT, end);
      // except:
      USE_LABEL(c, cleanupEnd);
      ADDOP_LOAD_CONST(c, NO_LOCATION, Py_None);
      codegenNameop(c, NO_LOCATION, handler.name, Kind.Store);
      codegenNameop(c, NO_LOCATION, handler.name, Kind.Del);
      ADDOP_I(c, NO_LOCATION, op.RERAISE, 1);
    } else {
      const cleanupBody = NEW_LABEL(c);
      ADDOP(c, hloc, op.POP_TOP); // exc_value
      USE_LABEL(c, cleanupBody);
      c.pushFBlock(hloc, FBlockType.HANDLER_CLEANUP, cleanupBody, NO_LABEL, null);
      VISIT_SEQ_STMT(c, handler.body);
      c.popFBlock(FBlockType.HANDLER_CLEANUP, cleanupBody);
      ADDOP(c, NO_LOCATION, op.POP_BLOCK);
      ADDOP(c, NO_LOCATION, op.POP_EXCEPT);
      ADDOP_JUMP(c, NO_LOCATION, op.JUMP_NO_INTERRUPT, end);
    }
    USE_LABEL(c, except);
  }
  // artificial
  c.popFBlock(FBlockType.EXCEPTION_HANDLER, NO_LABEL);
  ADDOP_I(c, NO_LOCATION, op.RERAISE, 0);
  USE_LABEL(c, cleanup);
  codegenPopExceptAndReraise(c, NO_LOCATION);
  USE_LABEL(c, end);
}

function codegenTryStarExcept(c: Compiler, s: TryStar): void {
  const loc = LOC(s);
  const body = NEW_LABEL(c);
  let except = NEW_LABEL(c);
  const orelse = NEW_LABEL(c);
  const end = NEW_LABEL(c);
  const cleanup = NEW_LABEL(c);
  const reraiseStar = NEW_LABEL(c);
  ADDOP_JUMP(c, loc, op.SETUP_FINALLY, except);
  USE_LABEL(c, body);
  c.pushFBlock(loc, FBlockType.TRY_EXCEPT, body, NO_LABEL, null);
  VISIT_SEQ_STMT(c, s.body);
  c.popFBlock(FBlockType.TRY_EXCEPT, body);
  ADDOP(c, NO_LOCATION, op.POP_BLOCK);
  ADDOP_JUMP(c, NO_LOCATION, op.JUMP_NO_INTERRUPT, orelse);
  const n = s.handlers.length;
  USE_LABEL(c, except);
  ADDOP_JUMP(c, NO_LOCATION, op.SETUP_CLEANUP, cleanup);
  ADDOP(c, NO_LOCATION, op.PUSH_EXC_INFO);
  c.pushFBlock(loc, FBlockType.EXCEPTION_GROUP_HANDLER, NO_LABEL, NO_LABEL, "except handler");
  for (let i = 0; i < n; i++) {
    const handler = s.handlers[i];
    const hloc = LOC(handler);
    except = NEW_LABEL(c);
    const exceptWithError = NEW_LABEL(c);
    const noMatch = NEW_LABEL(c);
    if (i === 0) {
      // [orig] BUILD_LIST; [orig, []] COPY 2; [orig, [], exc]
      ADDOP_I(c, hloc, op.BUILD_LIST, 0);
      ADDOP_I(c, hloc, op.COPY, 2);
    }
    if (handler.type) {
      codegenVisitExpr(c, handler.type);
      ADDOP(c, hloc, op.CHECK_EG_MATCH);
      ADDOP_I(c, hloc, op.COPY, 1);
      ADDOP_JUMP(c, hloc, op.POP_JUMP_IF_NONE, noMatch);
    }
    const cleanupEnd = NEW_LABEL(c);
    const cleanupBody = NEW_LABEL(c);
    if (handler.name) codegenNameop(c, hloc, handler.name, Kind.Store);
    else ADDOP(c, hloc, op.POP_TOP); // match
    ADDOP_JUMP(c, hloc, op.SETUP_CLEANUP, cleanupEnd);
    USE_LABEL(c, cleanupBody);
    c.pushFBlock(hloc, FBlockType.HANDLER_CLEANUP, cleanupBody, NO_LABEL, handler.name);
    VISIT_SEQ_STMT(c, handler.body);
    c.popFBlock(FBlockType.HANDLER_CLEANUP, cleanupBody);
    ADDOP(c, NO_LOCATION, op.POP_BLOCK);
    if (handler.name) {
      ADDOP_LOAD_CONST(c, NO_LOCATION, Py_None);
      codegenNameop(c, NO_LOCATION, handler.name, Kind.Store);
      codegenNameop(c, NO_LOCATION, handler.name, Kind.Del);
    }
    ADDOP_JUMP(c, NO_LOCATION, op.JUMP_NO_INTERRUPT, except);
    // except:
    USE_LABEL(c, cleanupEnd);
    if (handler.name) {
      ADDOP_LOAD_CONST(c, NO_LOCATION, Py_None);
      codegenNameop(c, NO_LOCATION, handler.name, Kind.Store);
      codegenNameop(c, NO_LOCATION, handler.name, Kind.Del);
    }
    // add exception raised to the res list
    ADDOP_I(c, NO_LOCATION, op.LIST_APPEND, 3); // exc
    ADDOP(c, NO_LOCATION, op.POP_TOP); // lasti
    ADDOP_JUMP(c, NO_LOCATION, op.JUMP_NO_INTERRUPT, exceptWithError);
    USE_LABEL(c, except);
    ADDOP(c, NO_LOCATION, op.NOP); // to hold a propagated location info
    ADDOP_JUMP(c, NO_LOCATION, op.JUMP_NO_INTERRUPT, exceptWithError);
    USE_LABEL(c, noMatch);
    ADDOP(c, hloc, op.POP_TOP); // match (None)
    USE_LABEL(c, exceptWithError);
    if (i === n - 1) {
      // Add exc to the list (if not None it's the unhandled part of the EG)
      ADDOP_I(c, NO_LOCATION, op.LIST_APPEND, 1);
      ADDOP_JUMP(c, NO_LOCATION, op.JUMP_NO_INTERRUPT, reraiseStar);
    }
  }
  // artificial
  c.popFBlock(FBlockType.EXCEPTION_GROUP_HANDLER, NO_LABEL);
  const reraise = NEW_LABEL(c);
  USE_LABEL(c, reraiseStar);
  ADDOP_I(c, NO_LOCATION, op.CALL_INTRINSIC_2, INTRINSIC_PREP_RERAISE_STAR);
  ADDOP_I(c, NO_LOCATION, op.COPY, 1);
  ADDOP_JUMP(c, NO_LOCATION, op.POP_JUMP_IF_NOT_NONE, reraise);
  // Nothing to reraise
  ADDOP(c, NO_LOCATION, op.POP_TOP);
  ADDOP(c, NO_LOCATION, op.POP_BLOCK);
  ADDOP(c, NO_LOCATION, op.POP_EXCEPT);
  ADDOP_JUMP(c, NO_LOCATION, op.JUMP_NO_INTERRUPT, end);
  USE_LABEL(c, reraise);
  ADDOP(c, NO_LOCATION, op.POP_BLOCK);
  ADDOP_I(c, NO_LOCATION, op.SWAP, 2);
  ADDOP(c, NO_LOCATION, op.POP_EXCEPT);
  ADDOP_I(c, NO_LOCATION, op.RERAISE, 0);
  USE_LABEL(c, cleanup);
  codegenPopExceptAndReraise(c, NO_LOCATION);
  USE_LABEL(c, orelse);
  VISIT_SEQ_STMT(c, s.orelse);
  USE_LABEL(c, end);
}

function codegenTry(c: Compiler, s: Try): void {
  if (s.finalbody.length) codegenTryFinally(c, s, false);
  else codegenTryExcept(c, s);
}

function codegenTryStar(c: Compiler, s: TryStar): void {
  if (s.finalbody.length) codegenTryFinally(c, s, true);
  else codegenTryStarExcept(c, s);
}

function codegenImportAs(c: Compiler, loc: Location, name: string, asname: string): void {
  // IMPORT_NAME was already emitted; bind the result, with an IMPORT_FROM per dotted part
  let dot = name.indexOf(".");
  if (dot !== -1) {
    while (true) {
      const pos = dot + 1;
      dot = name.indexOf(".", pos);
      const attr = name.slice(pos, dot !== -1 ? dot : name.length);
      ADDOP_N(c, loc, op.IMPORT_FROM, attr, "names");
      if (dot === -1) break;
      ADDOP_I(c, loc, op.SWAP, 2);
      ADDOP(c, loc, op.POP_TOP);
    }
    codegenNameop(c, loc, asname, Kind.Store);
    ADDOP(c, loc, op.POP_TOP);
    return;
  }
  codegenNameop(c, loc, asname, Kind.Store);
}

function codegenImport(c: Compiler, s: Import): void {
  const loc = LOC(s);
  for (const alias of s.names) {
    ADDOP_LOAD_CONST(c, loc, 0);
    ADDOP_LOAD_CONST(c, loc, Py_None);
    ADDOP_NAME(c, loc, op.IMPORT_NAME, alias.name, "names");
    if (alias.asname) {
      codegenImportAs(c, loc, alias.name, alias.asname);
    } else {
      const dot = alias.name.indexOf(".");
      codegenNameop(c, loc, dot !== -1 ? alias.name.slice(0, dot) : alias.name, Kind.Store);
    }
  }
}

function codegenFromImport(c: Compiler, s: ImportFrom): void {
  const loc = LOC(s);
  ADDOP_LOAD_CONST(c, loc, s.level ?? 0);
  ADDOP_LOAD_CONST(c, loc, new PyTuple(s.names.map((a) => a.name)));
  ADDOP_NAME(c, loc, op.IMPORT_NAME, s.module ?? "", "names");
  for (let i = 0; i < s.names.length; i++) {
    const alias = s.names[i];
    if (i === 0 && alias.name[0] === "*") {
      ADDOP_I(c, loc, op.CALL_INTRINSIC_1, INTRINSIC_IMPORT_STAR);
      ADDOP(c, NO_LOCATION, op.POP_TOP);
      return;
    }
    ADDOP_NAME(c, loc, op.IMPORT_FROM, alias.name, "names");
    codegenNameop(c, loc, alias.asname ?? alias.name, Kind.Store);
  }
  // remove imported module
  ADDOP(c, loc, op.POP_TOP);
}

function codegenAssert(c: Compiler, s: Extract<stmt, { _kind: Kind.Assert }>): void {
  if (c.c_optimize) return;
  const end = NEW_LABEL(c);
  codegenJumpIf(c, LOC(s), s.test, end, true);
  ADDOP_I(c, LOC(s), op.LOAD_COMMON_CONSTANT, CONSTANT_ASSERTIONERROR);
  if (s.msg) {
    codegenVisitExpr(c, s.msg);
    ADDOP_I(c, LOC(s), op.CALL, 0);
  }
  ADDOP_I(c, LOC(s.test), op.RAISE_VARARGS, 1);
  USE_LABEL(c, end);
}

function codegenStmtExpr(c: Compiler, loc: Location, value: expr): void {
  if (c.isInteractiveTopLevel()) {
    codegenVisitExpr(c, value);
    ADDOP_I(c, loc, op.CALL_INTRINSIC_1, INTRINSIC_PRINT);
    ADDOP(c, NO_LOCATION, op.POP_TOP);
    return;
  }
  if (value._kind === Kind.Constant) {
    // ignore constant statement
    ADDOP(c, loc, op.NOP);
    return;
  }
  codegenVisitExpr(c, value);
  ADDOP(c, NO_LOCATION, op.POP_TOP); // artificial
}

function condBlock<T>(c: Compiler, f: (c: Compiler, s: T) => void, s: T): void {
  c.u.u_in_conditional_block++;
  try {
    f(c, s);
  } finally {
    c.u.u_in_conditional_block--;
  }
}

/***** with *****/

function codegenWithExceptFinish(c: Compiler, cleanup: Label): void {
  const suppress = NEW_LABEL(c);
  ADDOP(c, NO_LOCATION, op.TO_BOOL);
  ADDOP_JUMP(c, NO_LOCATION, op.POP_JUMP_IF_TRUE, suppress);
  ADDOP_I(c, NO_LOCATION, op.RERAISE, 2);
  USE_LABEL(c, suppress);
  ADDOP(c, NO_LOCATION, op.POP_TOP); // exc_value
  ADDOP(c, NO_LOCATION, op.POP_BLOCK);
  ADDOP(c, NO_LOCATION, op.POP_EXCEPT);
  ADDOP(c, NO_LOCATION, op.POP_TOP);
  ADDOP(c, NO_LOCATION, op.POP_TOP);
  ADDOP(c, NO_LOCATION, op.POP_TOP);
  const exit = NEW_LABEL(c);
  ADDOP_JUMP(c, NO_LOCATION, op.JUMP_NO_INTERRUPT, exit);
  USE_LABEL(c, cleanup);
  codegenPopExceptAndReraise(c, NO_LOCATION);
  USE_LABEL(c, exit);
}

function codegenAsyncWithInner(c: Compiler, s: AsyncWith, pos: number): void {
  const item = s.items[pos];
  const block = NEW_LABEL(c);
  const final = NEW_LABEL(c);
  const exit = NEW_LABEL(c);
  const cleanup = NEW_LABEL(c);
  codegenVisitExpr(c, item.context_expr);
  const loc = LOC(item.context_expr);
  ADDOP_I(c, loc, op.COPY, 1);
  ADDOP_I(c, loc, op.LOAD_SPECIAL, SPECIAL___AEXIT__);
  ADDOP_I(c, loc, op.SWAP, 2);
  ADDOP_I(c, loc, op.SWAP, 3);
  ADDOP_I(c, loc, op.LOAD_SPECIAL, SPECIAL___AENTER__);
  ADDOP_I(c, loc, op.CALL, 0);
  ADDOP_I(c, loc, op.GET_AWAITABLE, 1);
  ADDOP_LOAD_CONST(c, loc, Py_None);
  codegenAddYieldFrom(c, loc, true);
  ADDOP_JUMP(c, loc, op.SETUP_WITH, final);
  // SETUP_WITH pushes a finally block.
  USE_LABEL(c, block);
  c.pushFBlock(loc, FBlockType.ASYNC_WITH, block, final, s);
  if (item.optional_vars) codegenVisitExpr(c, item.optional_vars);
  else ADDOP(c, loc, op.POP_TOP); // Discard result from context.__aenter__()
  pos++;
  if (pos === s.items.length) VISIT_SEQ_STMT(c, s.body);
  else codegenAsyncWithInner(c, s, pos);
  c.popFBlock(FBlockType.ASYNC_WITH, block);
  ADDOP(c, loc, op.POP_BLOCK);
  // End of body; start the cleanup: call __exit__(None, None, None)
  codegenCallExitWithNones(c, loc);
  ADDOP_I(c, loc, op.GET_AWAITABLE, 2);
  ADDOP_LOAD_CONST(c, loc, Py_None);
  codegenAddYieldFrom(c, loc, true);
  ADDOP(c, loc, op.POP_TOP);
  ADDOP_JUMP(c, loc, op.JUMP, exit);
  // For exceptional outcome:
  USE_LABEL(c, final);
  ADDOP_JUMP(c, loc, op.SETUP_CLEANUP, cleanup);
  ADDOP(c, loc, op.PUSH_EXC_INFO);
  ADDOP(c, loc, op.WITH_EXCEPT_START);
  ADDOP_I(c, loc, op.GET_AWAITABLE, 2);
  ADDOP_LOAD_CONST(c, loc, Py_None);
  codegenAddYieldFrom(c, loc, true);
  codegenWithExceptFinish(c, cleanup);
  USE_LABEL(c, exit);
}

function codegenWithInner(c: Compiler, s: With, pos: number): void {
  const item = s.items[pos];
  const block = NEW_LABEL(c);
  const final = NEW_LABEL(c);
  const exit = NEW_LABEL(c);
  const cleanup = NEW_LABEL(c);
  codegenVisitExpr(c, item.context_expr);
  // Will push bound __exit__
  const loc = LOC(item.context_expr);
  ADDOP_I(c, loc, op.COPY, 1);
  ADDOP_I(c, loc, op.LOAD_SPECIAL, SPECIAL___EXIT__);
  ADDOP_I(c, loc, op.SWAP, 2);
  ADDOP_I(c, loc, op.SWAP, 3);
  ADDOP_I(c, loc, op.LOAD_SPECIAL, SPECIAL___ENTER__);
  ADDOP_I(c, loc, op.CALL, 0);
  ADDOP_JUMP(c, loc, op.SETUP_WITH, final);
  // SETUP_WITH pushes a finally block.
  USE_LABEL(c, block);
  c.pushFBlock(loc, FBlockType.WITH, block, final, s);
  if (item.optional_vars) codegenVisitExpr(c, item.optional_vars);
  else ADDOP(c, loc, op.POP_TOP); // Discard result from context.__enter__()
  pos++;
  if (pos === s.items.length) VISIT_SEQ_STMT(c, s.body);
  else codegenWithInner(c, s, pos);
  ADDOP(c, NO_LOCATION, op.POP_BLOCK);
  c.popFBlock(FBlockType.WITH, block);
  // End of body; start the cleanup: call __exit__(None, None, None)
  codegenCallExitWithNones(c, loc);
  ADDOP(c, loc, op.POP_TOP);
  ADDOP_JUMP(c, loc, op.JUMP, exit);
  // For exceptional outcome:
  USE_LABEL(c, final);
  ADDOP_JUMP(c, loc, op.SETUP_CLEANUP, cleanup);
  ADDOP(c, loc, op.PUSH_EXC_INFO);
  ADDOP(c, loc, op.WITH_EXCEPT_START);
  codegenWithExceptFinish(c, cleanup);
  USE_LABEL(c, exit);
}

/***** Assignments *****/

function codegenAugassign(c: Compiler, s: Extract<stmt, { _kind: Kind.AugAssign }>): void {
  const e = s.target;
  let loc = LOC(e);
  switch (e._kind) {
    case Kind.Attribute:
      codegenVisitExpr(c, e.value);
      ADDOP_I(c, loc, op.COPY, 1);
      loc = updateStartLocationToMatchAttr(loc, e);
      ADDOP_NAME(c, loc, op.LOAD_ATTR, e.attr, "names");
      break;
    case Kind.Subscript:
      codegenVisitExpr(c, e.value);
      if (shouldApplyTwoElementSliceOptimization(e.slice)) {
        codegenSliceTwoParts(c, e.slice as Extract<expr, { _kind: Kind.Slice }>);
        ADDOP_I(c, loc, op.COPY, 3);
        ADDOP_I(c, loc, op.COPY, 3);
        ADDOP_I(c, loc, op.COPY, 3);
        ADDOP(c, loc, op.BINARY_SLICE);
      } else {
        codegenVisitExpr(c, e.slice);
        ADDOP_I(c, loc, op.COPY, 2);
        ADDOP_I(c, loc, op.COPY, 2);
        ADDOP_I(c, loc, op.BINARY_OP, 26 /* NB_SUBSCR */);
      }
      break;
    case Kind.Name:
      codegenNameop(c, loc, e.id, Kind.Load);
      break;
    default:
      throw c.error(loc, "invalid node type for augmented assignment");
  }
  loc = LOC(s);
  codegenVisitExpr(c, s.value);
  addopBinary(c, loc, s.op, true);
  loc = LOC(e);
  switch (e._kind) {
    case Kind.Attribute:
      loc = updateStartLocationToMatchAttr(loc, e);
      ADDOP_I(c, loc, op.SWAP, 2);
      ADDOP_NAME(c, loc, op.STORE_ATTR, e.attr, "names");
      break;
    case Kind.Subscript:
      if (shouldApplyTwoElementSliceOptimization(e.slice)) {
        ADDOP_I(c, loc, op.SWAP, 4);
        ADDOP_I(c, loc, op.SWAP, 3);
        ADDOP_I(c, loc, op.SWAP, 2);
        ADDOP(c, loc, op.STORE_SLICE);
      } else {
        ADDOP_I(c, loc, op.SWAP, 3);
        ADDOP_I(c, loc, op.SWAP, 2);
        ADDOP(c, loc, op.STORE_SUBSCR);
      }
      break;
    case Kind.Name:
      codegenNameop(c, loc, e.id, Kind.Store);
      break;
  }
}

function codegenCheckAnnExpr(c: Compiler, e: expr): void {
  codegenVisitExpr(c, e);
  ADDOP(c, LOC(e), op.POP_TOP);
}

function codegenCheckAnnotation(c: Compiler, s: AnnAssign): void {
  if (c.c_future & CO_FUTURE_ANNOTATIONS) return;
  // Annotations are only evaluated in a module or class.
  if (c.u.u_scope_type === ScopeType.MODULE || c.u.u_scope_type === ScopeType.CLASS) {
    codegenCheckAnnExpr(c, s.annotation);
  }
}

function codegenCheckAnnSubscr(c: Compiler, e: expr): void {
  switch (e._kind) {
    case Kind.Slice:
      if (e.lower) codegenCheckAnnExpr(c, e.lower);
      if (e.upper) codegenCheckAnnExpr(c, e.upper);
      if (e.step) codegenCheckAnnExpr(c, e.step);
      return;
    case Kind.Tuple:
      for (const elt of e.elts) codegenCheckAnnSubscr(c, elt);
      return;
    default:
      codegenCheckAnnExpr(c, e);
  }
}

function codegenAnnassign(c: Compiler, s: AnnAssign): void {
  const loc = LOC(s);
  const targ = s.target;
  const futureAnnotations = (c.c_future & CO_FUTURE_ANNOTATIONS) !== 0;
  // We perform the actual assignment first.
  if (s.value) {
    codegenVisitExpr(c, s.value);
    codegenVisitExpr(c, targ);
  }
  switch (targ._kind) {
    case Kind.Name:
      // A simple name in a module or class: store the annotation
      if (s.simple && (c.u.u_scope_type === ScopeType.MODULE || c.u.u_scope_type === ScopeType.CLASS)) {
        if (futureAnnotations) {
          ADDOP_LOAD_CONST(c, LOC(s.annotation), exprAsUnicode(s.annotation));
          ADDOP_NAME(c, loc, op.LOAD_NAME, "__annotations__", "names");
          ADDOP_LOAD_CONST(c, loc, c.maybeMangle(targ.id));
          ADDOP(c, loc, op.STORE_SUBSCR);
        } else {
          const index = c.addDeferredAnnotation(s);
          if (index !== null) {
            ADDOP_NAME(
              c,
              loc,
              c.u.u_scope_type === ScopeType.CLASS ? op.LOAD_DEREF : op.LOAD_NAME,
              "__conditional_annotations__",
              "cellvars",
            );
            ADDOP_LOAD_CONST(c, loc, index);
            ADDOP_I(c, loc, op.SET_ADD, 1);
            ADDOP(c, loc, op.POP_TOP);
          }
        }
      }
      break;
    case Kind.Attribute:
      if (!s.value) codegenCheckAnnExpr(c, targ.value);
      break;
    case Kind.Subscript:
      if (!s.value) {
        codegenCheckAnnExpr(c, targ.value);
        codegenCheckAnnSubscr(c, targ.slice);
      }
      break;
    default:
      throw c.error(loc, "invalid node type for annotated assignment");
  }
  // Annotation is evaluated last.
  if (futureAnnotations && !s.simple) codegenCheckAnnotation(c, s);
}

/***** Statements *****/

export function codegenVisitStmt(c: Compiler, s: stmt): void {
  switch (s._kind) {
    case Kind.FunctionDef:
      return codegenFunction(c, s, false);
    case Kind.ClassDef:
      return codegenClass(c, s);
    case Kind.TypeAlias:
      return codegenTypealias(c, s);
    case Kind.Return:
      return codegenReturn(c, s);
    case Kind.Delete:
      VISIT_SEQ_EXPR(c, s.targets);
      return;
    case Kind.Assign: {
      const n = s.targets.length;
      codegenVisitExpr(c, s.value);
      for (let i = 0; i < n; i++) {
        if (i < n - 1) ADDOP_I(c, LOC(s), op.COPY, 1);
        codegenVisitExpr(c, s.targets[i]);
      }
      return;
    }
    case Kind.AugAssign:
      return codegenAugassign(c, s);
    case Kind.AnnAssign:
      return codegenAnnassign(c, s);
    case Kind.For:
      return condBlock(c, codegenFor, s);
    case Kind.While:
      return condBlock(c, codegenWhile, s);
    case Kind.If:
      return condBlock(c, codegenIf, s);
    case Kind.Match:
      return condBlock(c, codegenMatch, s);
    case Kind.Raise: {
      let n = 0;
      if (s.exc) {
        codegenVisitExpr(c, s.exc);
        n++;
        if (s.cause) {
          codegenVisitExpr(c, s.cause);
          n++;
        }
      }
      ADDOP_I(c, LOC(s), op.RAISE_VARARGS, n);
      return;
    }
    case Kind.Try:
      return condBlock(c, codegenTry, s);
    case Kind.TryStar:
      return condBlock(c, codegenTryStar, s);
    case Kind.Assert:
      return codegenAssert(c, s);
    case Kind.Import:
      return codegenImport(c, s);
    case Kind.ImportFrom:
      return codegenFromImport(c, s);
    case Kind.Global:
    case Kind.Nonlocal:
      return;
    case Kind.Expr:
      return codegenStmtExpr(c, LOC(s), s.value);
    case Kind.Pass:
      ADDOP(c, LOC(s), op.NOP);
      return;
    case Kind.Break:
      return codegenBreak(c, LOC(s));
    case Kind.Continue:
      return codegenContinue(c, LOC(s));
    case Kind.With:
      return condBlock(c, (c2: Compiler, s2: With) => codegenWithInner(c2, s2, 0), s);
    case Kind.AsyncFunctionDef:
      return codegenFunction(c, s, true);
    case Kind.AsyncWith:
      return condBlock(c, (c2: Compiler, s2: AsyncWith) => codegenAsyncWithInner(c2, s2, 0), s);
    case Kind.AsyncFor:
      return condBlock(c, codegenAsyncFor, s);
  }
}

/***** Names *****/

function codegenLoadClassdictFreevar(c: Compiler, loc: Location): void {
  ADDOP_N(c, loc, op.LOAD_DEREF, "__classdict__", "freevars");
}

/** CPython: codegen_nameop. `ctx` is Kind.Load, Kind.Store or Kind.Del. */
export function codegenNameop(c: Compiler, loc: Location, name: string, ctx: Kind): void {
  const mangled = c.maybeMangle(name);
  const scope = getScope(c.ste, mangled);
  const [optype, arg] = c.resolveNameop(mangled, scope);
  let opcode = 0;
  switch (optype) {
    case NameOpType.DEREF:
      switch (ctx) {
        case Kind.Load:
          if (c.ste.type === BlockType.ClassBlock && !c.u.u_in_inlined_comp) {
            opcode = op.LOAD_FROM_DICT_OR_DEREF;
            ADDOP(c, loc, op.LOAD_LOCALS); // First load the locals
          } else if (c.ste.canSeeClassScope) {
            opcode = op.LOAD_FROM_DICT_OR_DEREF;
            codegenLoadClassdictFreevar(c, loc);
          } else {
            opcode = op.LOAD_DEREF;
          }
          break;
        case Kind.Store:
          opcode = op.STORE_DEREF;
          break;
        default:
          opcode = op.DELETE_DEREF;
      }
      break;
    case NameOpType.FAST:
      opcode = ctx === Kind.Load ? op.LOAD_FAST : ctx === Kind.Store ? op.STORE_FAST : op.DELETE_FAST;
      ADDOP_N(c, loc, opcode, mangled, "varnames");
      return;
    case NameOpType.GLOBAL:
      switch (ctx) {
        case Kind.Load:
          if (c.ste.canSeeClassScope && scope === GLOBAL_IMPLICIT) {
            opcode = op.LOAD_FROM_DICT_OR_GLOBALS;
            codegenLoadClassdictFreevar(c, loc);
          } else {
            opcode = op.LOAD_GLOBAL;
          }
          break;
        case Kind.Store:
          opcode = op.STORE_GLOBAL;
          break;
        default:
          opcode = op.DELETE_GLOBAL;
      }
      break;
    case NameOpType.NAME:
      switch (ctx) {
        case Kind.Load:
          opcode = c.ste.type === BlockType.ClassBlock && c.u.u_in_inlined_comp ? op.LOAD_GLOBAL : op.LOAD_NAME;
          break;
        case Kind.Store:
          opcode = op.STORE_NAME;
          break;
        default:
          opcode = op.DELETE_NAME;
      }
      break;
  }
  ADDOP_I(c, loc, opcode, opcode === op.LOAD_GLOBAL ? arg << 1 : arg);
}

/** CPython: _PyCodegen_AddReturnAtEnd. */
export function codegenAddReturnAtEnd(c: Compiler, addNone: boolean): void {
  if (addNone) ADDOP_LOAD_CONST(c, NO_LOCATION, Py_None);
  ADDOP(c, NO_LOCATION, op.RETURN_VALUE);
}

