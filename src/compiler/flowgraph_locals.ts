// CPython: Python/flowgraph.c (the passes about local variables)
//
// LOAD_FAST_BORROW strength reduction (3.14) and LOAD_FAST_CHECK insertion: abstract
// interpretation of each basic block's stack of references and of possibly unbound locals.
import {
  op,
  _PyOpcode_num_popped,
  _PyOpcode_num_pushed,
  HAS_TARGET,
  IS_BLOCK_PUSH_OPCODE,
  IS_SCOPE_EXIT_OPCODE,
  IS_UNCONDITIONAL_JUMP_OPCODE,
} from "./opcode_utils.js";
import { type BasicBlock, type CfgBuilder, isJump, makeCfgTraversalStack } from "./flowgraph.js";

/***** LOAD_FAST_BORROW (CPython: optimize_load_fast) *****/

const NOT_LOCAL = -1;
const DUMMY_INSTR = -1;
const SUPPORT_KILLED = 1;
const STORED_AS_LOCAL = 2;
const REF_UNCONSUMED = 4;

class RefStack {
  instrs: number[] = [];
  locals: number[] = [];
  get size(): number {
    return this.instrs.length;
  }
  push(instr: number, local: number): void {
    this.instrs.push(instr);
    this.locals.push(local);
  }
  pop(): [number, number] {
    return [this.instrs.pop()!, this.locals.pop()!];
  }
  swapTop(off: number): void {
    const idx = this.instrs.length - off;
    const top = this.instrs.length - 1;
    let t = this.instrs[idx];
    this.instrs[idx] = this.instrs[top];
    this.instrs[top] = t;
    t = this.locals[idx];
    this.locals[idx] = this.locals[top];
    this.locals[top] = t;
  }
  clear(): void {
    this.instrs.length = 0;
    this.locals.length = 0;
  }
}

function killLocal(flags: Uint8Array, refs: RefStack, local: number): void {
  for (let i = 0; i < refs.size; i++) {
    if (refs.locals[i] === local) flags[refs.instrs[i]] |= SUPPORT_KILLED;
  }
}

function storeLocal(flags: Uint8Array, refs: RefStack, local: number, rInstr: number): void {
  killLocal(flags, refs, local);
  if (rInstr !== DUMMY_INSTR) flags[rInstr] |= STORED_AS_LOCAL;
}

function loadFastPushBlock(stack: BasicBlock[], target: BasicBlock): void {
  if (!target.b_visited) {
    target.b_visited = true;
    stack.push(target);
  }
}

/** Use LOAD_FAST_BORROW where the local outlives the borrowed reference (CPython: optimize_load_fast). */
export function optimizeLoadFast(g: CfgBuilder): void {
  let maxInstrs = 0;
  for (let b: BasicBlock | null = g.g_entryblock; b !== null; b = b.b_next) maxInstrs = Math.max(maxInstrs, b.b_iused);
  const flags = new Uint8Array(maxInstrs);
  const refs = new RefStack();
  const blocks = makeCfgTraversalStack(g.g_entryblock);
  blocks.push(g.g_entryblock);
  g.g_entryblock.b_startdepth = 0;
  g.g_entryblock.b_visited = true;
  while (blocks.length) {
    const block = blocks.pop()!;
    flags.fill(0, 0, block.b_iused);
    refs.clear();
    for (let i = 0; i < block.b_startdepth; i++) refs.push(DUMMY_INSTR, NOT_LOCAL);
    for (let i = 0; i < block.b_iused; i++) {
      const instr = block.b_instr[i];
      const opcode = instr.i_opcode;
      const oparg = instr.i_oparg;
      switch (opcode) {
        case op.LOAD_FAST:
          refs.push(i, oparg);
          break;
        case op.LOAD_FAST_AND_CLEAR:
          killLocal(flags, refs, oparg);
          refs.push(i, oparg);
          break;
        case op.LOAD_FAST_LOAD_FAST:
          refs.push(i, oparg >> 4);
          refs.push(i, oparg & 15);
          break;
        case op.DELETE_FAST:
          killLocal(flags, refs, oparg);
          break;
        case op.STORE_FAST: {
          const [r] = refs.pop();
          storeLocal(flags, refs, oparg, r);
          break;
        }
        case op.STORE_FAST_LOAD_FAST: {
          const [r] = refs.pop();
          storeLocal(flags, refs, oparg >> 4, r);
          refs.push(i, oparg & 15);
          break;
        }
        case op.STORE_FAST_STORE_FAST: {
          let [r] = refs.pop();
          storeLocal(flags, refs, oparg >> 4, r);
          [r] = refs.pop();
          storeLocal(flags, refs, oparg & 15, r);
          break;
        }
        case op.COPY: {
          const idx = refs.size - oparg;
          refs.push(refs.instrs[idx], refs.locals[idx]);
          break;
        }
        case op.SWAP:
          refs.swapTop(oparg);
          break;
        // Opcodes that consume no inputs (GET_YIELD_FROM_ITER and FORMAT_SIMPLE may return
        // their input itself)
        case op.FORMAT_SIMPLE:
        case op.GET_YIELD_FROM_ITER:
        case op.GET_ANEXT:
        case op.GET_LEN:
        case op.IMPORT_FROM:
        case op.MATCH_KEYS:
        case op.MATCH_MAPPING:
        case op.MATCH_SEQUENCE:
        case op.WITH_EXCEPT_START: {
          const netPushed = _PyOpcode_num_pushed(opcode, oparg) - _PyOpcode_num_popped(opcode, oparg);
          // CPython pushes the loop counter here, not the instruction index
          for (let k = 0; k < netPushed; k++) refs.push(k, NOT_LOCAL);
          break;
        }
        // Opcodes that consume some inputs and push no new values
        case op.DICT_MERGE:
        case op.DICT_UPDATE:
        case op.LIST_APPEND:
        case op.LIST_EXTEND:
        case op.MAP_ADD:
        case op.RERAISE:
        case op.SET_ADD:
        case op.SET_UPDATE: {
          const netPopped = _PyOpcode_num_popped(opcode, oparg) - _PyOpcode_num_pushed(opcode, oparg);
          for (let k = 0; k < netPopped; k++) refs.pop();
          break;
        }
        case op.CHECK_EXC_MATCH:
          refs.pop();
          refs.push(i, NOT_LOCAL);
          break;
        case op.FOR_ITER:
          loadFastPushBlock(blocks, instr.i_target!);
          refs.push(i, NOT_LOCAL);
          break;
        case op.LOAD_ATTR:
        case op.LOAD_SUPER_ATTR: {
          const self = refs.pop();
          if (opcode === op.LOAD_SUPER_ATTR) {
            refs.pop();
            refs.pop();
          }
          refs.push(i, NOT_LOCAL);
          if (oparg & 1) refs.push(self[0], self[1]);
          break;
        }
        case op.LOAD_SPECIAL: {
          // pushes the method and its owner back as self
          const self = refs.pop();
          refs.push(i, NOT_LOCAL);
          refs.push(self[0], self[1]);
          break;
        }
        case op.SEND:
          loadFastPushBlock(blocks, instr.i_target!);
          refs.pop();
          refs.push(i, NOT_LOCAL);
          break;
        default: {
          const numPopped = _PyOpcode_num_popped(opcode, oparg);
          const numPushed = _PyOpcode_num_pushed(opcode, oparg);
          if (HAS_TARGET(opcode)) loadFastPushBlock(blocks, instr.i_target!);
          if (!IS_BLOCK_PUSH_OPCODE(opcode)) {
            for (let j = 0; j < numPopped; j++) refs.pop();
            for (let j = 0; j < numPushed; j++) refs.push(i, NOT_LOCAL);
          }
          break;
        }
      }
    }
    // Push the fallthrough block
    const term = block.lastInstr();
    if (
      term !== null &&
      block.b_next !== null &&
      !(IS_UNCONDITIONAL_JUMP_OPCODE(term.i_opcode) || IS_SCOPE_EXIT_OPCODE(term.i_opcode))
    ) {
      loadFastPushBlock(blocks, block.b_next);
    }
    // Mark instructions that produce values still on the stack at the end of the block
    for (let i = 0; i < refs.size; i++) {
      if (refs.instrs[i] !== -1) flags[refs.instrs[i]] |= REF_UNCONSUMED;
    }
    for (let i = 0; i < block.b_iused; i++) {
      if (!flags[i]) {
        const instr = block.b_instr[i];
        if (instr.i_opcode === op.LOAD_FAST) instr.i_opcode = op.LOAD_FAST_BORROW;
        else if (instr.i_opcode === op.LOAD_FAST_LOAD_FAST) instr.i_opcode = op.LOAD_FAST_BORROW_LOAD_FAST_BORROW;
      }
    }
  }
}

/***** Uninitialized locals (CPython: add_checks_for_loads_of_uninitialized_variables) *****/

function maybePush(b: BasicBlock, unsafeMask: bigint, stack: BasicBlock[]): void {
  const both = b.b_unsafe_locals_mask | unsafeMask;
  if (b.b_unsafe_locals_mask !== both) {
    b.b_unsafe_locals_mask = both;
    if (!b.b_visited) {
      stack.push(b);
      b.b_visited = true;
    }
  }
}

const MASK64 = (1n << 64n) - 1n;

function scanBlockForLocals(b: BasicBlock, stack: BasicBlock[]): void {
  let unsafeMask = b.b_unsafe_locals_mask;
  for (const instr of b.b_instr) {
    if (instr.i_except !== null) maybePush(instr.i_except, unsafeMask, stack);
    if (instr.i_oparg >= 64) continue;
    const bit = 1n << BigInt(instr.i_oparg);
    switch (instr.i_opcode) {
      case op.DELETE_FAST:
      case op.LOAD_FAST_AND_CLEAR:
      case op.STORE_FAST_MAYBE_NULL:
        unsafeMask |= bit;
        break;
      case op.STORE_FAST:
      case op.LOAD_FAST_CHECK:
        unsafeMask &= ~bit & MASK64;
        break;
      case op.LOAD_FAST:
        if (unsafeMask & bit) instr.i_opcode = op.LOAD_FAST_CHECK;
        unsafeMask &= ~bit & MASK64;
        break;
    }
  }
  if (b.b_next && b.hasFallthrough()) maybePush(b.b_next, unsafeMask, stack);
  const last = b.lastInstr();
  if (last && isJump(last)) maybePush(last.i_target!, unsafeMask, stack);
}

function fastScanManyLocals(entryblock: BasicBlock, nlocals: number): void {
  const states = new Array<number>(nlocals - 64).fill(0);
  let blocknum = 0;
  for (let b: BasicBlock | null = entryblock; b !== null; b = b.b_next) {
    blocknum++;
    for (const instr of b.b_instr) {
      const arg = instr.i_oparg;
      if (arg < 64) continue;
      switch (instr.i_opcode) {
        case op.DELETE_FAST:
        case op.LOAD_FAST_AND_CLEAR:
        case op.STORE_FAST_MAYBE_NULL:
          states[arg - 64] = blocknum - 1;
          break;
        case op.STORE_FAST:
          states[arg - 64] = blocknum;
          break;
        case op.LOAD_FAST:
          if (states[arg - 64] !== blocknum) instr.i_opcode = op.LOAD_FAST_CHECK;
          states[arg - 64] = blocknum;
          break;
      }
    }
  }
}

/** LOAD_FAST_CHECK where a local may be unbound (CPython: add_checks_for_loads_of_uninitialized_variables). */
export function addChecksForLoadsOfUninitializedVariables(entryblock: BasicBlock, nlocals: number, nparams: number): void {
  if (nlocals === 0) return;
  if (nlocals > 64) {
    fastScanManyLocals(entryblock, nlocals);
    nlocals = 64;
  }
  const stack = makeCfgTraversalStack(entryblock);
  let startMask = 0n;
  for (let i = nparams; i < nlocals; i++) startMask |= 1n << BigInt(i);
  maybePush(entryblock, startMask, stack);
  for (let b: BasicBlock | null = entryblock; b !== null; b = b.b_next) scanBlockForLocals(b, stack);
  while (stack.length) {
    const b = stack.pop()!;
    b.b_visited = false;
    scanBlockForLocals(b, stack);
  }
}
