// CPython: Python/flowgraph.c
//
// The control flow graph: basic blocks built from codegen's instruction sequence, the
// optimization passes CPython 3.14 runs over them, stack depth computation, and the
// conversion back into a flat instruction sequence for the assembler.
import type { PyObject } from "../objects/object.js";
import { Py_None } from "../objects/object.js";
import { PyTuple } from "../objects/tupleobject.js";
import { constKey, type ConstTable } from "./const_cache.js";
import { evalConstBinop, evalConstUnaryop, constIsTrue, frozensetOf } from "./const_fold.js";
import { Instruction, InstructionSequence, Location, NO_LOCATION } from "./instruction_sequence.js";
import {
  op,
  _PyOpcode_num_popped,
  _PyOpcode_num_pushed,
  HAS_TARGET,
  OPCODE_HAS_CONST,
  OPCODE_HAS_EVAL_BREAK,
  OPCODE_HAS_JUMP,
  IS_BLOCK_PUSH_OPCODE,
  IS_CONDITIONAL_JUMP_OPCODE,
  IS_SCOPE_EXIT_OPCODE,
  IS_TERMINATOR_OPCODE,
  IS_UNCONDITIONAL_JUMP_OPCODE,
  INTRINSIC_LIST_TO_TUPLE,
  INTRINSIC_UNARY_POSITIVE,
  RESUME_AT_FUNC_START,
  RESUME_OPARG_DEPTH1_MASK,
} from "./opcode_utils.js";
import { newException, PyExc_SystemError, PyExc_ValueError } from "../objects/exceptions.js";
import { addChecksForLoadsOfUninitializedVariables, optimizeLoadFast } from "./flowgraph_locals.js";

export class CfgInstr {
  i_target: BasicBlock | null = null;
  i_except: BasicBlock | null = null;
  constructor(
    public i_opcode: number,
    public i_oparg: number,
    public i_loc: Location,
  ) {}

  clone(): CfgInstr {
    const c = new CfgInstr(this.i_opcode, this.i_oparg, this.i_loc);
    c.i_target = this.i_target;
    c.i_except = this.i_except;
    return c;
  }

  setOp1(opcode: number, oparg: number): void {
    this.i_opcode = opcode;
    this.i_oparg = oparg;
  }

  setOp0(opcode: number): void {
    this.i_opcode = opcode;
    this.i_oparg = 0;
  }
}

type ExceptStack = BasicBlock[];

export class BasicBlock {
  b_label = -1;
  b_exceptstack: ExceptStack | null = null;
  b_instr: CfgInstr[] = [];
  b_next: BasicBlock | null = null;
  /**
   * The exception handler left in each array slot past the used ones: CPython reuses those
   * slots for appended instructions without clearing i_except, and the exception table shows it.
   */
  b_ghosts: (BasicBlock | null)[] = [];
  b_unsafe_locals_mask = 0n;
  b_predecessors = 0;
  b_startdepth = 0;
  b_preserve_lasti = false;
  b_visited = false;
  b_except_handler = false;
  b_cold = false;
  b_warm = false;

  get b_iused(): number {
    return this.b_instr.length;
  }

  lastInstr(): CfgInstr | null {
    const n = this.b_instr.length;
    return n > 0 ? this.b_instr[n - 1] : null;
  }

  addop(opcode: number, oparg: number, loc: Location): void {
    const instr = new CfgInstr(opcode, oparg, loc);
    instr.i_except = this.b_ghosts[this.b_instr.length] ?? null;
    this.b_instr.push(instr);
  }

  /** Drop the instructions from index n on, remembering their slots (see b_ghosts). */
  truncate(n: number): void {
    const instrs = this.b_instr;
    for (let i = n; i < instrs.length; i++) this.b_ghosts[i] = instrs[i].i_except;
    instrs.length = n;
  }

  addJump(opcode: number, target: BasicBlock, loc: Location): void {
    const last = this.lastInstr();
    if (last && isJump(last)) throw newException(PyExc_SystemError, ["jump after jump"]);
    this.addop(opcode, target.b_label, loc);
    this.b_instr[this.b_instr.length - 1].i_target = target;
  }

  appendInstructions(from: BasicBlock): void {
    for (const instr of from.b_instr) this.b_instr.push(instr.clone());
  }

  insertInstruction(pos: number, instr: CfgInstr): void {
    this.b_instr.splice(pos, 0, instr);
  }

  exitsScope(): boolean {
    const last = this.lastInstr();
    return last !== null && IS_SCOPE_EXIT_OPCODE(last.i_opcode);
  }

  hasEvalBreak(): boolean {
    for (const instr of this.b_instr) if (OPCODE_HAS_EVAL_BREAK(instr.i_opcode)) return true;
    return false;
  }

  noFallthrough(): boolean {
    const last = this.lastInstr();
    return last !== null && (IS_SCOPE_EXIT_OPCODE(last.i_opcode) || IS_UNCONDITIONAL_JUMP_OPCODE(last.i_opcode));
  }

  hasFallthrough(): boolean {
    return !this.noFallthrough();
  }

  hasNoLineno(): boolean {
    for (const instr of this.b_instr) if (instr.i_loc.lineno >= 0) return false;
    return true;
  }
}

export function isJump(i: CfgInstr): boolean {
  return OPCODE_HAS_JUMP(i.i_opcode);
}

function isBlockPush(i: CfgInstr): boolean {
  return IS_BLOCK_PUSH_OPCODE(i.i_opcode);
}

function nextNonemptyBlock(b: BasicBlock | null): BasicBlock | null {
  while (b && b.b_iused === 0) b = b.b_next;
  return b;
}

export class CfgBuilder {
  g_entryblock: BasicBlock;
  g_curblock: BasicBlock;
  g_current_label = -1;
  /** Every block allocated (CPython links them through b_list). */
  g_blocks: BasicBlock[] = [];

  constructor() {
    this.g_entryblock = this.newBlock();
    this.g_curblock = this.g_entryblock;
  }

  newBlock(): BasicBlock {
    const b = new BasicBlock();
    this.g_blocks.push(b);
    return b;
  }

  private useNextBlock(block: BasicBlock): void {
    this.g_curblock.b_next = block;
    this.g_curblock = block;
  }

  private currentBlockIsTerminated(): boolean {
    const last = this.g_curblock.lastInstr();
    if (last && IS_TERMINATOR_OPCODE(last.i_opcode)) return true;
    if (this.g_current_label >= 0) {
      if (last || this.g_curblock.b_label >= 0) return true;
      // current block is empty: label it
      this.g_curblock.b_label = this.g_current_label;
      this.g_current_label = -1;
    }
    return false;
  }

  private maybeStartNewBlock(): void {
    if (this.currentBlockIsTerminated()) {
      const b = this.newBlock();
      b.b_label = this.g_current_label;
      this.g_current_label = -1;
      this.useNextBlock(b);
    }
  }

  useLabel(lbl: number): void {
    this.g_current_label = lbl;
    this.maybeStartNewBlock();
  }

  addop(opcode: number, oparg: number, loc: Location): void {
    this.maybeStartNewBlock();
    this.g_curblock.addop(opcode, oparg, loc);
  }

  copyBasicblock(block: BasicBlock): BasicBlock {
    const result = this.newBlock();
    result.appendInstructions(block);
    return result;
  }
}

/***** CFG preprocessing (jump targets and exceptions) *****/

function normalizeJumpsInBlock(g: CfgBuilder, b: BasicBlock): void {
  const last = b.lastInstr();
  if (last === null || !IS_CONDITIONAL_JUMP_OPCODE(last.i_opcode)) return;
  const isForward = !last.i_target!.b_visited;
  if (isForward) {
    b.addop(op.NOT_TAKEN, 0, last.i_loc);
    return;
  }
  let reversed = 0;
  switch (last.i_opcode) {
    case op.POP_JUMP_IF_NOT_NONE:
      reversed = op.POP_JUMP_IF_NONE;
      break;
    case op.POP_JUMP_IF_NONE:
      reversed = op.POP_JUMP_IF_NOT_NONE;
      break;
    case op.POP_JUMP_IF_FALSE:
      reversed = op.POP_JUMP_IF_TRUE;
      break;
    case op.POP_JUMP_IF_TRUE:
      reversed = op.POP_JUMP_IF_FALSE;
      break;
  }
  // 'conditional jump T' becomes 'reversed jump b_next' then 'jump backwards T'
  const target = last.i_target!;
  const backwardsJump = g.newBlock();
  backwardsJump.addop(op.NOT_TAKEN, 0, last.i_loc);
  backwardsJump.addJump(op.JUMP, target, last.i_loc);
  backwardsJump.b_startdepth = target.b_startdepth;
  last.i_opcode = reversed;
  last.i_target = b.b_next;
  backwardsJump.b_cold = b.b_cold;
  backwardsJump.b_next = b.b_next;
  b.b_next = backwardsJump;
}

function normalizeJumps(g: CfgBuilder): void {
  for (let b: BasicBlock | null = g.g_entryblock; b !== null; b = b.b_next) b.b_visited = false;
  for (let b: BasicBlock | null = g.g_entryblock; b !== null; b = b.b_next) {
    b.b_visited = true;
    normalizeJumpsInBlock(g, b);
  }
}

function checkCfg(g: CfgBuilder): void {
  for (let b: BasicBlock | null = g.g_entryblock; b !== null; b = b.b_next) {
    const n = b.b_iused;
    for (let i = 0; i < n; i++) {
      if (IS_TERMINATOR_OPCODE(b.b_instr[i].i_opcode) && i !== n - 1) {
        throw newException(PyExc_SystemError, ["malformed control flow graph."]);
      }
    }
  }
}

function getMaxLabel(entryblock: BasicBlock): number {
  let lbl = -1;
  for (let b: BasicBlock | null = entryblock; b !== null; b = b.b_next) if (b.b_label > lbl) lbl = b.b_label;
  return lbl;
}

function translateJumpLabelsToTargets(entryblock: BasicBlock): void {
  const label2block = new Map<number, BasicBlock>();
  for (let b: BasicBlock | null = entryblock; b !== null; b = b.b_next) {
    if (b.b_label >= 0) label2block.set(b.b_label, b);
  }
  for (let b: BasicBlock | null = entryblock; b !== null; b = b.b_next) {
    for (const instr of b.b_instr) {
      if (HAS_TARGET(instr.i_opcode)) instr.i_target = label2block.get(instr.i_oparg)!;
    }
  }
}

function markExceptHandlers(entryblock: BasicBlock): void {
  for (let b: BasicBlock | null = entryblock; b !== null; b = b.b_next) {
    for (const instr of b.b_instr) if (isBlockPush(instr)) instr.i_target!.b_except_handler = true;
  }
}

function pushExceptBlock(stack: ExceptStack, setup: CfgInstr): BasicBlock {
  const target = setup.i_target!;
  if (setup.i_opcode === op.SETUP_WITH || setup.i_opcode === op.SETUP_CLEANUP) target.b_preserve_lasti = true;
  stack.push(target);
  return target;
}

function exceptStackTop(stack: ExceptStack): BasicBlock | null {
  return stack.length ? stack[stack.length - 1] : null;
}

export function makeCfgTraversalStack(entryblock: BasicBlock): BasicBlock[] {
  for (let b: BasicBlock | null = entryblock; b !== null; b = b.b_next) b.b_visited = false;
  return [];
}

/** Stack effect of an instruction; block pushes have one only when jumping. */
function stackEffect(opcode: number, oparg: number, jump: boolean): number {
  const popped = _PyOpcode_num_popped(opcode, oparg);
  const pushed = _PyOpcode_num_pushed(opcode, oparg);
  if (popped < 0 || pushed < 0) {
    throw newException(PyExc_SystemError, [`Invalid stack effect for opcode=${opcode}, arg=${oparg}`]);
  }
  if (IS_BLOCK_PUSH_OPCODE(opcode) && !jump) return 0;
  return pushed - popped;
}

function stackdepthPush(stack: BasicBlock[], b: BasicBlock, depth: number): void {
  if (!(b.b_startdepth < 0 || b.b_startdepth === depth)) {
    throw newException(PyExc_ValueError, ["Invalid CFG, inconsistent stackdepth"]);
  }
  if (b.b_startdepth < depth && b.b_startdepth < 100) {
    b.b_startdepth = depth;
    stack.push(b);
  }
}

/** The largest stack any path needs (CPython: calculate_stackdepth). */
export function calculateStackdepth(g: CfgBuilder): number {
  for (let b: BasicBlock | null = g.g_entryblock; b !== null; b = b.b_next) b.b_startdepth = -0x80000000;
  const stack = makeCfgTraversalStack(g.g_entryblock);
  let maxdepth = 0;
  stackdepthPush(stack, g.g_entryblock, 0);
  while (stack.length) {
    const b = stack.pop()!;
    let depth = b.b_startdepth;
    let next = b.b_next;
    for (const instr of b.b_instr) {
      const newDepth = depth + stackEffect(instr.i_opcode, instr.i_oparg, false);
      if (newDepth < 0) throw newException(PyExc_ValueError, ["Invalid CFG, stack underflow"]);
      if (depth > maxdepth) maxdepth = depth;
      if (HAS_TARGET(instr.i_opcode) && instr.i_opcode !== op.END_ASYNC_FOR) {
        const targetDepth = depth + stackEffect(instr.i_opcode, instr.i_oparg, true);
        stackdepthPush(stack, instr.i_target!, targetDepth);
      }
      depth = newDepth;
      if (IS_UNCONDITIONAL_JUMP_OPCODE(instr.i_opcode) || IS_SCOPE_EXIT_OPCODE(instr.i_opcode)) {
        next = null;
        break;
      }
    }
    if (next !== null) stackdepthPush(stack, next, depth);
  }
  return maxdepth;
}

function labelExceptionTargets(entryblock: BasicBlock): void {
  const todo = makeCfgTraversalStack(entryblock);
  todo.push(entryblock);
  entryblock.b_visited = true;
  entryblock.b_exceptstack = [];
  while (todo.length) {
    const b = todo.pop()!;
    let exceptStack: ExceptStack | null = b.b_exceptstack!;
    b.b_exceptstack = null;
    let handler = exceptStackTop(exceptStack);
    let lastYieldExceptDepth = -1;
    for (let i = 0; i < b.b_iused; i++) {
      const instr = b.b_instr[i];
      if (isBlockPush(instr)) {
        if (!instr.i_target!.b_visited) {
          instr.i_target!.b_exceptstack = exceptStack!.slice();
          todo.push(instr.i_target!);
          instr.i_target!.b_visited = true;
        }
        handler = pushExceptBlock(exceptStack!, instr);
      } else if (instr.i_opcode === op.POP_BLOCK) {
        exceptStack!.pop();
        handler = exceptStackTop(exceptStack!);
        instr.setOp0(op.NOP);
      } else if (isJump(instr)) {
        instr.i_except = handler;
        if (!instr.i_target!.b_visited) {
          if (b.hasFallthrough()) {
            instr.i_target!.b_exceptstack = exceptStack!.slice();
          } else {
            instr.i_target!.b_exceptstack = exceptStack;
            exceptStack = null;
          }
          todo.push(instr.i_target!);
          instr.i_target!.b_visited = true;
        }
      } else if (instr.i_opcode === op.YIELD_VALUE) {
        instr.i_except = handler;
        lastYieldExceptDepth = exceptStack!.length;
      } else if (instr.i_opcode === op.RESUME) {
        instr.i_except = handler;
        if (instr.i_oparg !== RESUME_AT_FUNC_START) {
          if (lastYieldExceptDepth === 1) instr.i_oparg |= RESUME_OPARG_DEPTH1_MASK;
          lastYieldExceptDepth = -1;
        }
      } else {
        instr.i_except = handler;
      }
    }
    if (b.hasFallthrough() && !b.b_next!.b_visited) {
      b.b_next!.b_exceptstack = exceptStack;
      todo.push(b.b_next!);
      b.b_next!.b_visited = true;
    }
  }
}

/***** CFG optimizations *****/

function removeUnreachable(entryblock: BasicBlock): void {
  for (let b: BasicBlock | null = entryblock; b !== null; b = b.b_next) b.b_predecessors = 0;
  const stack = makeCfgTraversalStack(entryblock);
  entryblock.b_predecessors = 1;
  stack.push(entryblock);
  entryblock.b_visited = true;
  while (stack.length) {
    const b = stack.pop()!;
    if (b.b_next && b.hasFallthrough()) {
      if (!b.b_next.b_visited) {
        stack.push(b.b_next);
        b.b_next.b_visited = true;
      }
      b.b_next.b_predecessors++;
    }
    for (const instr of b.b_instr) {
      if (isJump(instr) || isBlockPush(instr)) {
        const target = instr.i_target!;
        if (!target.b_visited) {
          stack.push(target);
          target.b_visited = true;
        }
        target.b_predecessors++;
      }
    }
  }
  for (let b: BasicBlock | null = entryblock; b !== null; b = b.b_next) {
    if (b.b_predecessors === 0) {
      b.truncate(0);
      b.b_except_handler = false;
    }
  }
}

function basicblockRemoveRedundantNops(bb: BasicBlock): number {
  let dest = 0;
  let prevLineno = -1;
  const instrs = bb.b_instr;
  const n = instrs.length;
  for (let src = 0; src < n; src++) {
    const lineno = instrs[src].i_loc.lineno;
    if (instrs[src].i_opcode === op.NOP) {
      // Eliminate a NOP without a line number, or on the line of its neighbours
      if (lineno < 0) continue;
      if (prevLineno === lineno) continue;
      if (src < n - 1) {
        const nextLineno = instrs[src + 1].i_loc.lineno;
        if (nextLineno === lineno) continue;
        if (nextLineno < 0) {
          instrs[src + 1].i_loc = instrs[src].i_loc;
          continue;
        }
      } else {
        const next = nextNonemptyBlock(bb.b_next);
        if (next) {
          let nextLoc = NO_LOCATION;
          for (const instr of next.b_instr) {
            if (instr.i_opcode === op.NOP && instr.i_loc.lineno < 0) continue;
            nextLoc = instr.i_loc;
            break;
          }
          if (lineno === nextLoc.lineno) continue;
        }
      }
    }
    if (dest !== src) instrs[dest] = instrs[src];
    dest++;
    prevLineno = lineno;
  }
  const removed = n - dest;
  bb.truncate(dest);
  return removed;
}

function removeRedundantNops(g: CfgBuilder): number {
  let changes = 0;
  for (let b: BasicBlock | null = g.g_entryblock; b !== null; b = b.b_next) changes += basicblockRemoveRedundantNops(b);
  return changes;
}

function removeRedundantNopsAndPairs(entryblock: BasicBlock): void {
  let done = false;
  while (!done) {
    done = true;
    let prevInstr: CfgInstr | null = null;
    let instr: CfgInstr | null = null;
    for (let b: BasicBlock | null = entryblock; b !== null; b = b.b_next) {
      basicblockRemoveRedundantNops(b);
      if (b.b_label >= 0) instr = null; // a jump target: forget instr
      for (let i = 0; i < b.b_iused; i++) {
        prevInstr = instr;
        instr = b.b_instr[i];
        const prevOpcode = prevInstr ? prevInstr.i_opcode : 0;
        const prevOparg = prevInstr ? prevInstr.i_oparg : 0;
        let isRedundantPair = false;
        if (instr.i_opcode === op.POP_TOP) {
          if (prevOpcode === op.LOAD_CONST || prevOpcode === op.LOAD_SMALL_INT) isRedundantPair = true;
          else if (prevOpcode === op.COPY && prevOparg === 1) isRedundantPair = true;
        }
        if (isRedundantPair) {
          prevInstr!.setOp0(op.NOP);
          instr.setOp0(op.NOP);
          done = false;
        }
      }
      if ((instr && isJump(instr)) || !b.hasFallthrough()) instr = null;
    }
  }
}

function removeRedundantJumps(g: CfgBuilder): number {
  let changes = 0;
  for (let b: BasicBlock | null = g.g_entryblock; b !== null; b = b.b_next) {
    const last = b.lastInstr();
    if (last === null) continue;
    if (IS_UNCONDITIONAL_JUMP_OPCODE(last.i_opcode)) {
      const jumpTarget = nextNonemptyBlock(last.i_target);
      if (jumpTarget === null) throw newException(PyExc_SystemError, ["jump with NULL target"]);
      const next = nextNonemptyBlock(b.b_next);
      if (jumpTarget === next) {
        changes++;
        last.setOp0(op.NOP);
      }
    }
  }
  return changes;
}

const MAX_COPY_SIZE = 4;

function basicblockInlineSmallOrNoLinenoBlocks(bb: BasicBlock): boolean {
  let last = bb.lastInstr();
  if (last === null || !IS_UNCONDITIONAL_JUMP_OPCODE(last.i_opcode)) return false;
  const target = last.i_target!;
  const smallExitBlock = target.exitsScope() && target.b_iused <= MAX_COPY_SIZE;
  const noLinenoNoFallthrough = target.hasNoLineno() && !target.hasFallthrough();
  if (smallExitBlock || noLinenoNoFallthrough) {
    const removedJumpOpcode = last.i_opcode;
    last.setOp0(op.NOP);
    bb.appendInstructions(target);
    if (noLinenoNoFallthrough) {
      last = bb.lastInstr()!;
      if (IS_UNCONDITIONAL_JUMP_OPCODE(last.i_opcode) && removedJumpOpcode === op.JUMP) {
        // Make sure we don't lose eval breaker checks
        last.i_opcode = op.JUMP;
      }
    }
    target.b_predecessors--;
    return true;
  }
  return false;
}

function inlineSmallOrNoLinenoBlocks(entryblock: BasicBlock): void {
  let changes: boolean;
  do {
    changes = false;
    for (let b: BasicBlock | null = entryblock; b !== null; b = b.b_next) {
      if (basicblockInlineSmallOrNoLinenoBlocks(b)) changes = true;
    }
  } while (changes);
}

/** Replace a jump to a jump by a jump to the final target; true when changed. */
function jumpThread(bb: BasicBlock, inst: CfgInstr, target: CfgInstr, opcode: number): boolean {
  if (inst.i_target !== target.i_target) {
    inst.setOp0(op.NOP);
    bb.addJump(opcode, target.i_target!, target.i_loc);
    return true;
  }
  return false;
}

function loadsConst(opcode: number): boolean {
  return OPCODE_HAS_CONST(opcode) || opcode === op.LOAD_SMALL_INT;
}

function getConstValue(opcode: number, oparg: number, consts: PyObject[]): PyObject {
  if (opcode === op.LOAD_SMALL_INT) return oparg;
  return consts[oparg];
}

/** Index of `newconst` in consts, appending it when absent (CPython: add_const). */
function addConst(newconst: PyObject, consts: PyObject[]): number {
  const key = constKey(newconst);
  for (let i = 0; i < consts.length; i++) if (constKey(consts[i]) === key) return i;
  consts.push(newconst);
  return consts.length - 1;
}

const STACK_USE_GUIDELINE = 30;

/** The `size` constant loads ending at `start`, skipping NOPs, or null. */
function getConstLoadingInstrs(bb: BasicBlock, start: number, size: number): CfgInstr[] | null {
  const instrs: CfgInstr[] = new Array(size);
  for (; start >= 0 && size > 0; start--) {
    const instr = bb.b_instr[start];
    if (instr.i_opcode === op.NOP) continue;
    if (!loadsConst(instr.i_opcode)) return null;
    instrs[--size] = instr;
  }
  return size === 0 ? instrs : null;
}

function nopOut(instrs: CfgInstr[]): void {
  for (const instr of instrs) {
    instr.setOp0(op.NOP);
    instr.i_loc = NO_LOCATION;
  }
}

function isSmallInt(v: PyObject): v is number {
  return typeof v === "number" && v >= -5 && v <= 256;
}

function maybeInstrMakeLoadSmallint(instr: CfgInstr, newconst: PyObject): boolean {
  // CPython's small ints are -5..256 but LOAD_SMALL_INT takes only 0..255.
  if (typeof newconst === "number" && isSmallInt(newconst) && newconst >= 0 && newconst < 256) {
    instr.setOp1(op.LOAD_SMALL_INT, newconst);
    return true;
  }
  return false;
}

function instrMakeLoadConst(instr: CfgInstr, newconst: PyObject, consts: PyObject[]): void {
  if (maybeInstrMakeLoadSmallint(instr, newconst)) return;
  instr.setOp1(op.LOAD_CONST, addConst(newconst, consts));
}

function foldTupleOfConstants(bb: BasicBlock, i: number, consts: PyObject[]): void {
  const instr = bb.b_instr[i];
  const seqSize = instr.i_oparg;
  if (seqSize > STACK_USE_GUIDELINE) return;
  const constInstrs = getConstLoadingInstrs(bb, i - 1, seqSize);
  if (constInstrs === null) return;
  const items = constInstrs.map((inst) => getConstValue(inst.i_opcode, inst.i_oparg, consts));
  nopOut(constInstrs);
  instrMakeLoadConst(instr, new PyTuple(items), consts);
}

function foldConstantIntrinsicListToTuple(bb: BasicBlock, i: number, consts: PyObject[]): void {
  const intrinsic = bb.b_instr[i];
  let constsFound = 0;
  let expectAppend = true;
  for (let pos = i - 1; pos >= 0; pos--) {
    const instr = bb.b_instr[pos];
    const opcode = instr.i_opcode;
    const oparg = instr.i_oparg;
    if (opcode === op.NOP) continue;
    if (opcode === op.BUILD_LIST && oparg === 0) {
      if (!expectAppend) return; // not a sequence start
      const items: PyObject[] = new Array(constsFound);
      for (let newpos = i - 1; newpos >= pos; newpos--) {
        const inst = bb.b_instr[newpos];
        if (inst.i_opcode === op.NOP) continue;
        if (loadsConst(inst.i_opcode)) items[--constsFound] = getConstValue(inst.i_opcode, inst.i_oparg, consts);
        nopOut([inst]);
      }
      instrMakeLoadConst(intrinsic, new PyTuple(items), consts);
      return;
    }
    if (expectAppend) {
      if (opcode !== op.LIST_APPEND || oparg !== 1) return;
    } else {
      if (!loadsConst(opcode)) return;
      constsFound++;
    }
    expectAppend = !expectAppend;
  }
}

const MIN_CONST_SEQUENCE_SIZE = 3;

function optimizeListsAndSets(bb: BasicBlock, i: number, nextop: number, consts: PyObject[]): void {
  const instr = bb.b_instr[i];
  const containsOrIter = nextop === op.GET_ITER || nextop === op.CONTAINS_OP;
  const seqSize = instr.i_oparg;
  if (seqSize > STACK_USE_GUIDELINE || (seqSize < MIN_CONST_SEQUENCE_SIZE && !containsOrIter)) return;
  const constInstrs = getConstLoadingInstrs(bb, i - 1, seqSize);
  if (constInstrs === null) {
    if (containsOrIter && instr.i_opcode === op.BUILD_LIST) {
      // iterate over a tuple instead of a list
      instr.setOp1(op.BUILD_TUPLE, instr.i_oparg);
    }
    return;
  }
  const items = constInstrs.map((inst) => getConstValue(inst.i_opcode, inst.i_oparg, consts));
  const result: PyObject = instr.i_opcode === op.BUILD_SET ? frozensetOf(items) : new PyTuple(items);
  const index = addConst(result, consts);
  nopOut(constInstrs);
  if (containsOrIter) {
    instr.setOp1(op.LOAD_CONST, index);
  } else {
    bb.b_instr[i - 2].i_loc = instr.i_loc;
    bb.b_instr[i - 2].setOp1(instr.i_opcode, 0);
    bb.b_instr[i - 1].setOp1(op.LOAD_CONST, index);
    bb.b_instr[i].setOp1(instr.i_opcode === op.BUILD_LIST ? op.LIST_EXTEND : op.SET_UPDATE, 1);
  }
}

function foldConstBinop(bb: BasicBlock, i: number, consts: PyObject[]): void {
  const binop = bb.b_instr[i];
  const operands = getConstLoadingInstrs(bb, i - 1, 2);
  if (operands === null) return;
  const lhs = getConstValue(operands[0].i_opcode, operands[0].i_oparg, consts);
  const rhs = getConstValue(operands[1].i_opcode, operands[1].i_oparg, consts);
  const newconst = evalConstBinop(lhs, binop.i_oparg, rhs);
  if (newconst === null) return;
  nopOut(operands);
  instrMakeLoadConst(binop, newconst, consts);
}

function foldConstUnaryop(bb: BasicBlock, i: number, consts: PyObject[]): void {
  const unaryop = bb.b_instr[i];
  const operands = getConstLoadingInstrs(bb, i - 1, 1);
  if (operands === null) return;
  const operand = getConstValue(operands[0].i_opcode, operands[0].i_oparg, consts);
  const newconst = evalConstUnaryop(operand, unaryop.i_opcode, unaryop.i_oparg);
  if (newconst === null) return;
  nopOut(operands);
  instrMakeLoadConst(unaryop, newconst, consts);
}

const VISITED = -1;

/** Replace a run of SWAPs and NOPs by an optimal one with the same effect (CPython: swaptimize). */
function swaptimize(block: BasicBlock, ix: number): number {
  const instructions = block.b_instr;
  let depth = instructions[ix].i_oparg;
  let len = 0;
  let more = false;
  const limit = block.b_iused - ix;
  while (++len < limit) {
    const opcode = instructions[ix + len].i_opcode;
    if (opcode === op.SWAP) {
      depth = Math.max(depth, instructions[ix + len].i_oparg);
      more = true;
    } else if (opcode !== op.NOP) {
      break;
    }
  }
  if (!more) return ix;
  const stack: number[] = [];
  for (let i = 0; i < depth; i++) stack.push(i);
  for (let i = 0; i < len; i++) {
    if (instructions[ix + i].i_opcode === op.SWAP) {
      const oparg = instructions[ix + i].i_oparg;
      const top = stack[0];
      stack[0] = stack[oparg - 1];
      stack[oparg - 1] = top;
    }
  }
  let current = len - 1;
  for (let i = 0; i < depth; i++) {
    if (stack[i] === VISITED || stack[i] === i) continue;
    let j = i;
    while (true) {
      if (j) {
        instructions[ix + current].i_opcode = op.SWAP;
        instructions[ix + current--].i_oparg = j + 1;
      }
      if (stack[j] === VISITED) break;
      const nextJ = stack[j];
      stack[j] = VISITED;
      j = nextJ;
    }
  }
  while (0 <= current) instructions[ix + current--].setOp0(op.NOP);
  return ix + len - 1;
}

function swappable(opcode: number): boolean {
  return opcode === op.STORE_FAST || opcode === op.STORE_FAST_MAYBE_NULL || opcode === op.POP_TOP;
}

function storesTo(instr: CfgInstr): number {
  return instr.i_opcode === op.STORE_FAST || instr.i_opcode === op.STORE_FAST_MAYBE_NULL ? instr.i_oparg : -1;
}

function nextSwappableInstruction(block: BasicBlock, i: number, lineno: number): number {
  while (++i < block.b_iused) {
    const instruction = block.b_instr[i];
    if (0 <= lineno && instruction.i_loc.lineno !== lineno) return -1;
    if (instruction.i_opcode === op.NOP) continue;
    if (swappable(instruction.i_opcode)) return i;
    return -1;
  }
  return -1;
}

/** Apply SWAPs statically by swapping the instructions that consume the values. */
function applyStaticSwaps(block: BasicBlock, i: number): void {
  for (; 0 <= i; i--) {
    const swap = block.b_instr[i];
    if (swap.i_opcode !== op.SWAP) {
      if (swap.i_opcode === op.NOP || swappable(swap.i_opcode)) continue;
      return;
    }
    const j = nextSwappableInstruction(block, i, -1);
    if (j < 0) return;
    let k = j;
    const lineno = block.b_instr[j].i_loc.lineno;
    for (let count = swap.i_oparg - 1; 0 < count; count--) {
      k = nextSwappableInstruction(block, k, lineno);
      if (k < 0) return;
    }
    const storeJ = storesTo(block.b_instr[j]);
    const storeK = storesTo(block.b_instr[k]);
    if (storeJ >= 0 || storeK >= 0) {
      if (storeJ === storeK) return;
      for (let idx = j + 1; idx < k; idx++) {
        const storeIdx = storesTo(block.b_instr[idx]);
        if (storeIdx >= 0 && (storeIdx === storeJ || storeIdx === storeK)) return;
      }
    }
    swap.setOp0(op.NOP);
    const temp = block.b_instr[j];
    block.b_instr[j] = block.b_instr[k];
    block.b_instr[k] = temp;
  }
}

function basicblockOptimizeLoadConst(bb: BasicBlock, consts: PyObject[]): void {
  let opcode = 0;
  let oparg = 0;
  for (let i = 0; i < bb.b_iused; i++) {
    const inst = bb.b_instr[i];
    if (inst.i_opcode === op.LOAD_CONST) {
      maybeInstrMakeLoadSmallint(inst, consts[inst.i_oparg]);
    }
    const isCopyOfLoadConst = opcode === op.LOAD_CONST && inst.i_opcode === op.COPY && inst.i_oparg === 1;
    if (!isCopyOfLoadConst) {
      opcode = inst.i_opcode;
      oparg = inst.i_oparg;
    }
    if (opcode !== op.LOAD_CONST && opcode !== op.LOAD_SMALL_INT) continue;
    const nextop = i + 1 < bb.b_iused ? bb.b_instr[i + 1].i_opcode : 0;
    switch (nextop) {
      case op.POP_JUMP_IF_FALSE:
      case op.POP_JUMP_IF_TRUE:
      case op.JUMP_IF_FALSE:
      case op.JUMP_IF_TRUE: {
        // Remove LOAD_CONST const; conditional jump
        const isTrue = constIsTrue(getConstValue(opcode, oparg, consts));
        if (isTrue === null) break;
        if (nextop === op.POP_JUMP_IF_FALSE || nextop === op.POP_JUMP_IF_TRUE) inst.setOp0(op.NOP);
        const jumpIfTrue = nextop === op.POP_JUMP_IF_TRUE || nextop === op.JUMP_IF_TRUE;
        if (isTrue === jumpIfTrue) bb.b_instr[i + 1].i_opcode = op.JUMP;
        else bb.b_instr[i + 1].setOp0(op.NOP);
        break;
      }
      case op.IS_OP: {
        // LOAD_CONST None; IS_OP; [TO_BOOL;] POP_JUMP_IF_* becomes POP_JUMP_IF_[NOT_]NONE
        const cnt = getConstValue(opcode, oparg, consts);
        if (cnt !== Py_None) break;
        if (bb.b_iused <= i + 2) break;
        const isInstr = bb.b_instr[i + 1];
        let jumpInstr = bb.b_instr[i + 2];
        if (jumpInstr.i_opcode === op.TO_BOOL) {
          jumpInstr.setOp0(op.NOP);
          if (bb.b_iused <= i + 3) break;
          jumpInstr = bb.b_instr[i + 3];
        }
        let invert = isInstr.i_oparg !== 0;
        if (jumpInstr.i_opcode === op.POP_JUMP_IF_FALSE) invert = !invert;
        else if (jumpInstr.i_opcode !== op.POP_JUMP_IF_TRUE) break;
        inst.setOp0(op.NOP);
        isInstr.setOp0(op.NOP);
        jumpInstr.i_opcode = invert ? op.POP_JUMP_IF_NOT_NONE : op.POP_JUMP_IF_NONE;
        break;
      }
      case op.TO_BOOL: {
        const isTrue = constIsTrue(getConstValue(opcode, oparg, consts));
        if (isTrue === null) break;
        const index = addConst(isTrue, consts);
        inst.setOp0(op.NOP);
        bb.b_instr[i + 1].setOp1(op.LOAD_CONST, index);
        break;
      }
    }
  }
}

function optimizeLoadConst(g: CfgBuilder, consts: PyObject[]): void {
  for (let b: BasicBlock | null = g.g_entryblock; b !== null; b = b.b_next) basicblockOptimizeLoadConst(b, consts);
}

const NOP_INSTR = new CfgInstr(0, 0, NO_LOCATION);

function optimizeBasicBlock(bb: BasicBlock, consts: PyObject[]): void {
  NOP_INSTR.i_opcode = op.NOP;
  for (let i = 0; i < bb.b_iused; i++) {
    const inst = bb.b_instr[i];
    const opcode = inst.i_opcode;
    const oparg = inst.i_oparg;
    const target = HAS_TARGET(opcode) ? inst.i_target!.b_instr[0] : NOP_INSTR;
    const nextop = i + 1 < bb.b_iused ? bb.b_instr[i + 1].i_opcode : 0;
    switch (opcode) {
      case op.BUILD_TUPLE:
        // Skip BUILD_TUPLE(1) UNPACK_SEQUENCE(1); BUILD_TUPLE(2|3) UNPACK_SEQUENCE(2|3) is a SWAP
        if (nextop === op.UNPACK_SEQUENCE && oparg === bb.b_instr[i + 1].i_oparg) {
          if (oparg === 1) {
            inst.setOp0(op.NOP);
            bb.b_instr[i + 1].setOp0(op.NOP);
            continue;
          }
          if (oparg === 2 || oparg === 3) {
            inst.setOp0(op.NOP);
            bb.b_instr[i + 1].i_opcode = op.SWAP;
            continue;
          }
        }
        foldTupleOfConstants(bb, i, consts);
        break;
      case op.BUILD_LIST:
      case op.BUILD_SET:
        optimizeListsAndSets(bb, i, nextop, consts);
        break;
      case op.POP_JUMP_IF_NOT_NONE:
      case op.POP_JUMP_IF_NONE:
      case op.POP_JUMP_IF_FALSE:
      case op.POP_JUMP_IF_TRUE:
        if (target.i_opcode === op.JUMP) {
          if (jumpThread(bb, inst, target, inst.i_opcode)) i--;
        }
        break;
      case op.JUMP_IF_FALSE:
        switch (target.i_opcode) {
          case op.JUMP:
          case op.JUMP_IF_FALSE:
            if (jumpThread(bb, inst, target, op.JUMP_IF_FALSE)) i--;
            continue;
          case op.JUMP_IF_TRUE:
            inst.i_target = inst.i_target!.b_next;
            i--;
            continue;
        }
        break;
      case op.JUMP_IF_TRUE:
        switch (target.i_opcode) {
          case op.JUMP:
          case op.JUMP_IF_TRUE:
            if (jumpThread(bb, inst, target, op.JUMP_IF_TRUE)) i--;
            continue;
          case op.JUMP_IF_FALSE:
            inst.i_target = inst.i_target!.b_next;
            i--;
            continue;
        }
        break;
      case op.JUMP:
      case op.JUMP_NO_INTERRUPT:
        switch (target.i_opcode) {
          case op.JUMP:
            if (jumpThread(bb, inst, target, op.JUMP)) i--;
            continue;
          case op.JUMP_NO_INTERRUPT:
            if (jumpThread(bb, inst, target, opcode)) i--;
            continue;
        }
        break;
      case op.STORE_FAST:
        if (
          opcode === nextop &&
          oparg === bb.b_instr[i + 1].i_oparg &&
          bb.b_instr[i].i_loc.lineno === bb.b_instr[i + 1].i_loc.lineno
        ) {
          bb.b_instr[i].setOp0(op.POP_TOP);
        }
        break;
      case op.SWAP:
        if (oparg === 1) inst.setOp0(op.NOP);
        break;
      case op.LOAD_GLOBAL:
        if (nextop === op.PUSH_NULL && (oparg & 1) === 0) {
          inst.setOp1(op.LOAD_GLOBAL, oparg | 1);
          bb.b_instr[i + 1].setOp0(op.NOP);
        }
        break;
      case op.COMPARE_OP:
        if (nextop === op.TO_BOOL) {
          inst.setOp0(op.NOP);
          bb.b_instr[i + 1].setOp1(op.COMPARE_OP, oparg | 16);
          continue;
        }
        break;
      case op.CONTAINS_OP:
      case op.IS_OP:
        if (nextop === op.TO_BOOL) {
          inst.setOp0(op.NOP);
          bb.b_instr[i + 1].setOp1(opcode, oparg);
          continue;
        }
        if (nextop === op.UNARY_NOT) {
          inst.setOp0(op.NOP);
          bb.b_instr[i + 1].setOp1(opcode, oparg ^ 1);
          continue;
        }
        break;
      case op.TO_BOOL:
        if (nextop === op.TO_BOOL) {
          inst.setOp0(op.NOP);
          continue;
        }
        break;
      case op.UNARY_NOT:
        if (nextop === op.TO_BOOL) {
          inst.setOp0(op.NOP);
          bb.b_instr[i + 1].setOp0(op.UNARY_NOT);
          continue;
        }
        if (nextop === op.UNARY_NOT) {
          inst.setOp0(op.NOP);
          bb.b_instr[i + 1].setOp0(op.NOP);
          continue;
        }
        foldConstUnaryop(bb, i, consts);
        break;
      case op.UNARY_INVERT:
      case op.UNARY_NEGATIVE:
        foldConstUnaryop(bb, i, consts);
        break;
      case op.CALL_INTRINSIC_1:
        if (oparg === INTRINSIC_LIST_TO_TUPLE) {
          if (nextop === op.GET_ITER) inst.setOp0(op.NOP);
          else foldConstantIntrinsicListToTuple(bb, i, consts);
        } else if (oparg === INTRINSIC_UNARY_POSITIVE) {
          foldConstUnaryop(bb, i, consts);
        }
        break;
      case op.BINARY_OP:
        foldConstBinop(bb, i, consts);
        break;
    }
  }
  for (let i = 0; i < bb.b_iused; i++) {
    if (bb.b_instr[i].i_opcode === op.SWAP) {
      i = swaptimize(bb, i);
      applyStaticSwaps(bb, i);
    }
  }
}

function removeRedundantNopsAndJumps(g: CfgBuilder): void {
  let removed: number;
  do {
    removed = removeRedundantNops(g);
    removed += removeRedundantJumps(g);
  } while (removed > 0);
}

function optimizeCfg(g: CfgBuilder, consts: PyObject[], firstlineno: number): void {
  checkCfg(g);
  inlineSmallOrNoLinenoBlocks(g.g_entryblock);
  removeUnreachable(g.g_entryblock);
  resolveLineNumbers(g, firstlineno);
  optimizeLoadConst(g, consts);
  for (let b: BasicBlock | null = g.g_entryblock; b !== null; b = b.b_next) optimizeBasicBlock(b, consts);
  removeRedundantNopsAndPairs(g.g_entryblock);
  removeUnreachable(g.g_entryblock);
  removeRedundantNopsAndJumps(g);
}

function makeSuperInstruction(inst1: CfgInstr, inst2: CfgInstr, superOp: number): void {
  const line1 = inst1.i_loc.lineno;
  const line2 = inst2.i_loc.lineno;
  // Skip if instructions are on different lines
  if (line1 >= 0 && line2 >= 0 && line1 !== line2) return;
  if (inst1.i_oparg >= 16 || inst2.i_oparg >= 16) return;
  inst1.setOp1(superOp, (inst1.i_oparg << 4) | inst2.i_oparg);
  inst2.setOp0(op.NOP);
}

function insertSuperinstructions(g: CfgBuilder): void {
  for (let b: BasicBlock | null = g.g_entryblock; b !== null; b = b.b_next) {
    for (let i = 0; i < b.b_iused; i++) {
      const inst = b.b_instr[i];
      const nextop = i + 1 < b.b_iused ? b.b_instr[i + 1].i_opcode : 0;
      switch (inst.i_opcode) {
        case op.LOAD_FAST:
          if (nextop === op.LOAD_FAST) makeSuperInstruction(inst, b.b_instr[i + 1], op.LOAD_FAST_LOAD_FAST);
          break;
        case op.STORE_FAST:
          if (nextop === op.LOAD_FAST) makeSuperInstruction(inst, b.b_instr[i + 1], op.STORE_FAST_LOAD_FAST);
          else if (nextop === op.STORE_FAST) makeSuperInstruction(inst, b.b_instr[i + 1], op.STORE_FAST_STORE_FAST);
          break;
      }
    }
  }
  removeRedundantNops(g);
}

/***** Constants *****/

function removeUnusedConsts(entryblock: BasicBlock, consts: PyObject[]): void {
  const nconsts = consts.length;
  if (nconsts === 0) return;
  const indexMap = new Array<number>(nconsts).fill(-1);
  // The first constant may be the docstring; keep it always.
  indexMap[0] = 0;
  for (let b: BasicBlock | null = entryblock; b !== null; b = b.b_next) {
    for (const instr of b.b_instr) {
      if (OPCODE_HAS_CONST(instr.i_opcode)) indexMap[instr.i_oparg] = instr.i_oparg;
    }
  }
  let nUsed = 0;
  for (let i = 0; i < nconsts; i++) if (indexMap[i] !== -1) indexMap[nUsed++] = indexMap[i];
  if (nUsed === nconsts) return;
  for (let i = 0; i < nUsed; i++) consts[i] = consts[indexMap[i]];
  consts.length = nUsed;
  const reverse = new Array<number>(nconsts).fill(-1);
  for (let i = 0; i < nUsed; i++) reverse[indexMap[i]] = i;
  for (let b: BasicBlock | null = entryblock; b !== null; b = b.b_next) {
    for (const instr of b.b_instr) {
      if (OPCODE_HAS_CONST(instr.i_opcode)) instr.i_oparg = reverse[instr.i_oparg];
    }
  }
}

/***** Cold blocks *****/

function markWarm(entryblock: BasicBlock): void {
  const stack = makeCfgTraversalStack(entryblock);
  stack.push(entryblock);
  entryblock.b_visited = true;
  while (stack.length) {
    const b = stack.pop()!;
    b.b_warm = true;
    const next = b.b_next;
    if (next && b.hasFallthrough() && !next.b_visited) {
      stack.push(next);
      next.b_visited = true;
    }
    for (const instr of b.b_instr) {
      if (isJump(instr) && !instr.i_target!.b_visited) {
        stack.push(instr.i_target!);
        instr.i_target!.b_visited = true;
      }
    }
  }
}

function markCold(entryblock: BasicBlock): void {
  markWarm(entryblock);
  const stack = makeCfgTraversalStack(entryblock);
  for (let b: BasicBlock | null = entryblock; b !== null; b = b.b_next) {
    if (b.b_except_handler) {
      stack.push(b);
      b.b_visited = true;
    }
  }
  while (stack.length) {
    const b = stack.pop()!;
    b.b_cold = true;
    const next = b.b_next;
    if (next && b.hasFallthrough() && !next.b_warm && !next.b_visited) {
      stack.push(next);
      next.b_visited = true;
    }
    for (const instr of b.b_instr) {
      if (isJump(instr)) {
        const target = instr.i_target!;
        if (!target.b_warm && !target.b_visited) {
          stack.push(target);
          target.b_visited = true;
        }
      }
    }
  }
}

function pushColdBlocksToEnd(g: CfgBuilder): void {
  const entryblock = g.g_entryblock;
  if (entryblock.b_next === null) return; // single block, no need to reorder
  markCold(entryblock);
  let nextLbl = getMaxLabel(entryblock) + 1;
  // A cold block falling through to a warm one gets an explicit jump
  for (let b: BasicBlock | null = entryblock; b !== null; b = b.b_next) {
    if (b.b_cold && b.hasFallthrough() && b.b_next && b.b_next.b_warm) {
      const explicitJump = g.newBlock();
      if (b.b_next.b_label < 0) b.b_next.b_label = nextLbl++;
      explicitJump.addop(op.JUMP_NO_INTERRUPT, b.b_next.b_label, NO_LOCATION);
      explicitJump.b_cold = true;
      explicitJump.b_next = b.b_next;
      explicitJump.b_predecessors = 1;
      b.b_next = explicitJump;
      explicitJump.lastInstr()!.i_target = explicitJump.b_next;
    }
  }
  let coldBlocks: BasicBlock | null = null;
  let coldBlocksTail: BasicBlock | null = null;
  let b = entryblock;
  while (b.b_next) {
    while (b.b_next && !b.b_next.b_cold) b = b.b_next;
    if (b.b_next === null) break;
    let bEnd = b.b_next;
    while (bEnd.b_next && bEnd.b_next.b_cold) bEnd = bEnd.b_next;
    if (coldBlocks === null) coldBlocks = b.b_next;
    else coldBlocksTail!.b_next = b.b_next;
    coldBlocksTail = bEnd;
    b.b_next = bEnd.b_next;
    bEnd.b_next = null;
  }
  b.b_next = coldBlocks;
  if (coldBlocks !== null) removeRedundantNopsAndJumps(g);
}

function convertPseudoConditionalJumps(g: CfgBuilder): void {
  for (let b: BasicBlock | null = g.g_entryblock; b !== null; b = b.b_next) {
    for (let i = 0; i < b.b_iused; i++) {
      const instr = b.b_instr[i];
      if (instr.i_opcode === op.JUMP_IF_FALSE || instr.i_opcode === op.JUMP_IF_TRUE) {
        instr.i_opcode = instr.i_opcode === op.JUMP_IF_FALSE ? op.POP_JUMP_IF_FALSE : op.POP_JUMP_IF_TRUE;
        const loc = instr.i_loc;
        // (the inserted instructions share the jump's exception handler)
        const copy = new CfgInstr(op.COPY, 1, loc);
        copy.i_except = instr.i_except;
        b.insertInstruction(i++, copy);
        const toBool = new CfgInstr(op.TO_BOOL, 0, loc);
        toBool.i_except = instr.i_except;
        b.insertInstruction(i++, toBool);
      }
    }
  }
}

function convertPseudoOps(g: CfgBuilder): void {
  for (let b: BasicBlock | null = g.g_entryblock; b !== null; b = b.b_next) {
    for (const instr of b.b_instr) {
      if (isBlockPush(instr)) instr.setOp0(op.NOP);
      else if (instr.i_opcode === op.LOAD_CLOSURE) instr.i_opcode = op.LOAD_FAST;
      else if (instr.i_opcode === op.STORE_FAST_MAYBE_NULL) instr.i_opcode = op.STORE_FAST;
    }
  }
  removeRedundantNopsAndJumps(g);
}

/***** Line numbers *****/

function isExitOrEvalCheckWithoutLineno(b: BasicBlock): boolean {
  if (b.exitsScope() || b.hasEvalBreak()) return b.hasNoLineno();
  return false;
}

/** Copy exit blocks without a line number so each has one predecessor to take it from (PEP 626). */
function duplicateExitsWithoutLineno(g: CfgBuilder): void {
  let nextLbl = getMaxLabel(g.g_entryblock) + 1;
  for (let b: BasicBlock | null = g.g_entryblock; b !== null; b = b.b_next) {
    const last = b.lastInstr();
    if (last === null) continue;
    if (isJump(last)) {
      const target = nextNonemptyBlock(last.i_target)!;
      if (isExitOrEvalCheckWithoutLineno(target) && target.b_predecessors > 1) {
        const newTarget = g.copyBasicblock(target);
        newTarget.b_instr[0].i_loc = last.i_loc;
        last.i_target = newTarget;
        target.b_predecessors--;
        newTarget.b_predecessors = 1;
        newTarget.b_next = target.b_next;
        newTarget.b_label = nextLbl++;
        target.b_next = newTarget;
      }
    }
  }
  // Remaining exit blocks without a line number are reached by fall through only
  for (let b: BasicBlock | null = g.g_entryblock; b !== null; b = b.b_next) {
    if (b.hasFallthrough() && b.b_next && b.b_iused > 0) {
      if (isExitOrEvalCheckWithoutLineno(b.b_next)) {
        b.b_next.b_instr[0].i_loc = b.lastInstr()!.i_loc;
      }
    }
  }
}

function propagateLineNumbers(entryblock: BasicBlock): void {
  for (let b: BasicBlock | null = entryblock; b !== null; b = b.b_next) {
    const last = b.lastInstr();
    if (last === null) continue;
    let prevLocation = NO_LOCATION;
    for (const instr of b.b_instr) {
      if (instr.i_loc.lineno === NO_LOCATION.lineno) instr.i_loc = prevLocation;
      else prevLocation = instr.i_loc;
    }
    if (b.hasFallthrough() && b.b_next!.b_predecessors === 1) {
      if (b.b_next!.b_iused > 0 && b.b_next!.b_instr[0].i_loc.lineno === NO_LOCATION.lineno) {
        b.b_next!.b_instr[0].i_loc = prevLocation;
      }
    }
    if (isJump(last)) {
      const target = last.i_target!;
      // (CPython writes into the unused first slot of an empty target; nothing to do here)
      if (target.b_predecessors === 1 && target.b_iused > 0 && target.b_instr[0].i_loc.lineno === NO_LOCATION.lineno) {
        target.b_instr[0].i_loc = prevLocation;
      }
    }
  }
}

function resolveLineNumbers(g: CfgBuilder, _firstlineno: number): void {
  duplicateExitsWithoutLineno(g);
  propagateLineNumbers(g.g_entryblock);
}

/** Run all optimization passes over a code unit's CFG (CPython: _PyCfg_OptimizeCodeUnit). */
export function optimizeCodeUnit(
  g: CfgBuilder,
  consts: PyObject[],
  nlocals: number,
  nparams: number,
  firstlineno: number,
): void {
  translateJumpLabelsToTargets(g.g_entryblock);
  markExceptHandlers(g.g_entryblock);
  labelExceptionTargets(g.g_entryblock);
  optimizeCfg(g, consts, firstlineno);
  removeUnusedConsts(g.g_entryblock, consts);
  addChecksForLoadsOfUninitializedVariables(g.g_entryblock, nlocals, nparams);
  insertSuperinstructions(g);
  pushColdBlocksToEnd(g);
  resolveLineNumbers(g, firstlineno);
}

/***** Cells and the prefix *****/

/** The names of a code unit, as the compiler collected them (CPython: _PyCompile_CodeUnitMetadata). */
export interface CodeUnitMetadata {
  u_name: string;
  u_qualname: string | null;
  u_consts: ConstTable;
  u_names: Map<string, number>;
  u_varnames: Map<string, number>;
  u_cellvars: Map<string, number>;
  u_freevars: Map<string, number>;
  u_fasthidden: Map<string, boolean>;
  u_argcount: number;
  u_posonlyargcount: number;
  u_kwonlyargcount: number;
  u_firstlineno: number;
}

function buildCellfixedoffsets(umd: CodeUnitMetadata): number[] {
  const nlocals = umd.u_varnames.size;
  const noffsets = umd.u_cellvars.size + umd.u_freevars.size;
  const fixed: number[] = [];
  for (let i = 0; i < noffsets; i++) fixed.push(nlocals + i);
  for (const [varname, cellindex] of umd.u_cellvars) {
    const varindex = umd.u_varnames.get(varname);
    if (varindex === undefined) continue;
    fixed[cellindex] = varindex;
  }
  return fixed;
}

const CO_GENERATOR_LIKE = 0x20 | 0x80 | 0x200;

function insertPrefixInstructions(
  umd: CodeUnitMetadata,
  entryblock: BasicBlock,
  fixed: number[],
  nfreevars: number,
  codeFlags: number,
): void {
  if (codeFlags & CO_GENERATOR_LIKE) {
    // RETURN_GENERATOR + POP_TOP have a net stack effect of 0
    const loc = new Location(umd.u_firstlineno, umd.u_firstlineno, -1, -1);
    entryblock.insertInstruction(0, new CfgInstr(op.RETURN_GENERATOR, 0, loc));
    entryblock.insertInstruction(1, new CfgInstr(op.POP_TOP, 0, loc));
  }
  const ncellvars = umd.u_cellvars.size;
  if (ncellvars) {
    // u_cellvars has the cells out of order: sort them, adjusting for arg cells, which come first.
    const nvars = ncellvars + umd.u_varnames.size;
    const sorted = new Array<number>(nvars).fill(0);
    for (let i = 0; i < ncellvars; i++) sorted[fixed[i]] = i + 1;
    for (let i = 0, ncellsused = 0; ncellsused < ncellvars; i++) {
      const oldindex = sorted[i] - 1;
      if (oldindex === -1) continue;
      entryblock.insertInstruction(ncellsused, new CfgInstr(op.MAKE_CELL, oldindex, NO_LOCATION));
      ncellsused++;
    }
  }
  if (nfreevars) {
    entryblock.insertInstruction(0, new CfgInstr(op.COPY_FREE_VARS, nfreevars, NO_LOCATION));
  }
}

function fixCellOffsets(umd: CodeUnitMetadata, entryblock: BasicBlock, fixedmap: number[]): number {
  const nlocals = umd.u_varnames.size;
  const noffsets = umd.u_cellvars.size + umd.u_freevars.size;
  // First deal with duplicates (arg cells).
  let numdropped = 0;
  for (let i = 0; i < noffsets; i++) {
    if (fixedmap[i] === i + nlocals) fixedmap[i] -= numdropped;
    else numdropped++;
  }
  for (let b: BasicBlock | null = entryblock; b !== null; b = b.b_next) {
    for (const inst of b.b_instr) {
      switch (inst.i_opcode) {
        case op.MAKE_CELL:
        case op.LOAD_CLOSURE:
        case op.LOAD_DEREF:
        case op.STORE_DEREF:
        case op.DELETE_DEREF:
        case op.LOAD_FROM_DICT_OR_DEREF:
          inst.i_oparg = fixedmap[inst.i_oparg];
      }
    }
  }
  return numdropped;
}

function prepareLocalsplus(umd: CodeUnitMetadata, g: CfgBuilder, codeFlags: number): number {
  const nlocals = umd.u_varnames.size;
  const ncellvars = umd.u_cellvars.size;
  const nfreevars = umd.u_freevars.size;
  let nlocalsplus = nlocals + ncellvars + nfreevars;
  const cellfixedoffsets = buildCellfixedoffsets(umd);
  insertPrefixInstructions(umd, g.g_entryblock, cellfixedoffsets, nfreevars, codeFlags);
  nlocalsplus -= fixCellOffsets(umd, g.g_entryblock, cellfixedoffsets);
  return nlocalsplus;
}

/** Build the CFG from codeg's sequence (CPython: _PyCfg_FromInstructionSequence). */
export function cfgFromInstructionSequence(seq: InstructionSequence): CfgBuilder {
  seq.applyLabelMap();
  const g = new CfgBuilder();
  const instrs = seq.s_instrs;
  for (const instr of instrs) instr.i_target = false;
  for (const instr of instrs) {
    if (HAS_TARGET(instr.i_opcode)) instrs[instr.i_oparg].i_target = true;
  }
  for (let i = 0; i < instrs.length; i++) {
    const instr = instrs[i];
    if (instr.i_opcode === op.ANNOTATIONS_PLACEHOLDER) {
      const annotations = seq.s_annotations_code;
      // Labels of the injected code are numbered after the parent's.
      if (annotations !== null) injectAnnotations(g, annotations, instrs.length);
      continue;
    }
    if (instr.i_target) g.useLabel(i);
    g.addop(instr.i_opcode, instr.i_oparg, instr.i_loc);
  }
  return g;
}

function injectAnnotations(g: CfgBuilder, annotations: InstructionSequence, offset: number): void {
  annotations.applyLabelMap();
  const instrs = annotations.s_instrs;
  for (const instr of instrs) instr.i_target = false;
  for (const instr of instrs) if (HAS_TARGET(instr.i_opcode)) instrs[instr.i_oparg].i_target = true;
  for (let j = 0; j < instrs.length; j++) {
    const instr = instrs[j];
    if (instr.i_target) g.useLabel(j + offset);
    const oparg = HAS_TARGET(instr.i_opcode) ? instr.i_oparg + offset : instr.i_oparg;
    g.addop(instr.i_opcode, oparg, instr.i_loc);
  }
}

/** Lay the blocks out as a flat sequence with exception handler info (CPython: _PyCfg_ToInstructionSequence). */
export function cfgToInstructionSequence(g: CfgBuilder): InstructionSequence {
  const seq = new InstructionSequence();
  let lbl = 0;
  for (let b: BasicBlock | null = g.g_entryblock; b !== null; b = b.b_next) b.b_label = lbl++;
  for (let b: BasicBlock | null = g.g_entryblock; b !== null; b = b.b_next) {
    seq.useLabel(b.b_label);
    for (const instr of b.b_instr) {
      if (HAS_TARGET(instr.i_opcode)) instr.i_oparg = instr.i_target!.b_label;
      const out = new Instruction(instr.i_opcode, instr.i_oparg, instr.i_loc);
      if (instr.i_except !== null) {
        out.h_label = instr.i_except.b_label;
        out.h_startdepth = instr.i_except.b_startdepth;
        out.h_preserve_lasti = instr.i_except.b_preserve_lasti ? 1 : 0;
      }
      seq.s_instrs.push(out);
    }
  }
  seq.applyLabelMap();
  return seq;
}

export interface OptimizedCode {
  seq: InstructionSequence;
  stackdepth: number;
  nlocalsplus: number;
}

/** CPython: _PyCfg_OptimizedCfgToInstructionSequence. */
export function optimizedCfgToInstructionSequence(
  g: CfgBuilder,
  umd: CodeUnitMetadata,
  codeFlags: number,
): OptimizedCode {
  convertPseudoConditionalJumps(g);
  // CPython 3.14 never makes a code object with co_stacksize 0 (`def f(): raise` gets 1)
  const stackdepth = Math.max(calculateStackdepth(g), 1);
  const nlocalsplus = prepareLocalsplus(umd, g, codeFlags);
  convertPseudoOps(g);
  normalizeJumps(g);
  optimizeLoadFast(g);
  return { seq: cfgToInstructionSequence(g), stackdepth, nlocalsplus };
}
