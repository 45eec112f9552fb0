// CPython: Python/assemble.c
//
// Turns the optimized instruction sequence into a code object: co_code with EXTENDED_ARG
// prefixes and zeroed inline caches, jump offsets, the location table (PEP 657 format) and the
// exception table.
import type { PyObject } from "../objects/object.js";
import {
  PyCodeObject,
  CO_FAST_ARG_KW,
  CO_FAST_ARG_POS,
  CO_FAST_ARG_VAR,
  CO_FAST_CELL,
  CO_FAST_FREE,
  CO_FAST_HIDDEN,
  CO_FAST_LOCAL,
  CO_VARARGS,
  CO_VARKEYWORDS,
  PY_CODE_LOCATION_INFO_LONG,
  PY_CODE_LOCATION_INFO_NO_COLUMNS,
  PY_CODE_LOCATION_INFO_NONE,
  PY_CODE_LOCATION_INFO_ONE_LINE0,
  PY_CODE_LOCATION_INFO_SHORT0,
} from "../objects/codeobject.js";
import type { CodeUnitMetadata } from "./flowgraph.js";
import { type Instruction, type InstructionSequence, type Location, NEXT_LOCATION, NO_LOCATION, sameLocation } from "./instruction_sequence.js";
import { op, _PyOpcode_Caches, OPCODE_HAS_JUMP, IS_BACKWARDS_JUMP_OPCODE, instrSize } from "./opcode_utils.js";

/** A growable byte buffer. */
class ByteWriter {
  buf = new Uint8Array(64);
  len = 0;

  push(b: number): void {
    if (this.len === this.buf.length) {
      const bigger = new Uint8Array(this.buf.length * 2);
      bigger.set(this.buf);
      this.buf = bigger;
    }
    this.buf[this.len++] = b & 255;
  }

  bytes(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}

/***** Exception table (CPython: Objects/exception_handling_notes.txt) *****/

const CONTINUATION_BIT = 64;

function emitExceptionTableItem(w: ByteWriter, value: number, msb: number): void {
  if (value >= 1 << 24) {
    w.push((value >> 24) | CONTINUATION_BIT | msb);
    msb = 0;
  }
  if (value >= 1 << 18) {
    w.push(((value >> 18) & 0x3f) | CONTINUATION_BIT | msb);
    msb = 0;
  }
  if (value >= 1 << 12) {
    w.push(((value >> 12) & 0x3f) | CONTINUATION_BIT | msb);
    msb = 0;
  }
  if (value >= 1 << 6) {
    w.push(((value >> 6) & 0x3f) | CONTINUATION_BIT | msb);
    msb = 0;
  }
  w.push((value & 0x3f) | msb);
}

function emitExceptionTableEntry(w: ByteWriter, start: number, end: number, handler: Instruction, target: number): void {
  const size = end - start;
  let depth = handler.h_startdepth - 1;
  if (handler.h_preserve_lasti > 0) depth -= 1;
  const depthLasti = (depth << 1) | handler.h_preserve_lasti;
  emitExceptionTableItem(w, start, 1 << 7);
  emitExceptionTableItem(w, size, 0);
  emitExceptionTableItem(w, target, 0);
  emitExceptionTableItem(w, depthLasti, 0);
}

/** CPython: assemble_exception_table; `offsets` maps instruction index to code unit offset. */
export function assembleExceptionTable(instrs: Instruction[], offsets: number[]): Uint8Array {
  const w = new ByteWriter();
  let ioffset = 0;
  let handler: Instruction | null = null;
  let handlerLabel = -1;
  let start = -1;
  for (const instr of instrs) {
    if (instr.h_label !== handlerLabel) {
      if (handlerLabel >= 0) emitExceptionTableEntry(w, start, ioffset, handler!, offsets[handlerLabel]);
      start = ioffset;
      handler = instr;
      handlerLabel = instr.h_label;
    }
    ioffset += instrSize(instr.i_opcode, instr.i_oparg);
  }
  if (handlerLabel >= 0) emitExceptionTableEntry(w, start, ioffset, handler!, offsets[handlerLabel]);
  return w.bytes();
}

/***** Location table (CPython: InternalDocs/code_objects.md, "Format of the locations table") *****/

function writeLocationFirstByte(w: ByteWriter, code: number, length: number): void {
  w.push(0x80 | (code << 3) | (length - 1));
}

function writeVarint(w: ByteWriter, val: number): void {
  while (val >= 64) {
    w.push(64 | (val & 63));
    val >>>= 6;
  }
  w.push(val);
}

function writeSignedVarint(w: ByteWriter, val: number): void {
  writeVarint(w, val < 0 ? ((-val) << 1) | 1 : val << 1);
}

class LocationWriter {
  w = new ByteWriter();
  constructor(public lineno: number) {}

  private entry(loc: Location, isize: number): void {
    const w = this.w;
    if (loc.lineno < 0) {
      writeLocationFirstByte(w, PY_CODE_LOCATION_INFO_NONE, isize);
      return;
    }
    const lineDelta = loc.lineno - this.lineno;
    const column = loc.col_offset;
    const endColumn = loc.end_col_offset;
    if (column < 0 || endColumn < 0) {
      if (loc.end_lineno === loc.lineno || loc.end_lineno === -1) {
        writeLocationFirstByte(w, PY_CODE_LOCATION_INFO_NO_COLUMNS, isize);
        writeSignedVarint(w, lineDelta);
        this.lineno = loc.lineno;
        return;
      }
    } else if (loc.end_lineno === loc.lineno) {
      if (lineDelta === 0 && column < 80 && endColumn - column < 16 && endColumn >= column) {
        const columnGroup = column >> 3;
        writeLocationFirstByte(w, PY_CODE_LOCATION_INFO_SHORT0 + columnGroup, isize);
        w.push(((column & 7) << 4) | (endColumn - column));
        return;
      }
      if (lineDelta >= 0 && lineDelta < 3 && column < 128 && endColumn < 128) {
        writeLocationFirstByte(w, PY_CODE_LOCATION_INFO_ONE_LINE0 + lineDelta, isize);
        w.push(column);
        w.push(endColumn);
        this.lineno = loc.lineno;
        return;
      }
    }
    writeLocationFirstByte(w, PY_CODE_LOCATION_INFO_LONG, isize);
    writeSignedVarint(w, lineDelta);
    writeVarint(w, loc.end_lineno - loc.lineno);
    writeVarint(w, loc.col_offset + 1);
    writeVarint(w, loc.end_col_offset + 1);
    this.lineno = loc.lineno;
  }

  emit(loc: Location, isize: number): void {
    if (isize === 0) return;
    while (isize > 8) {
      this.entry(loc, 8);
      isize -= 8;
    }
    this.entry(loc, isize);
  }
}

/** CPython: assemble_location_info. */
export function assembleLocationInfo(instrs: Instruction[], firstlineno: number): Uint8Array {
  const lw = new LocationWriter(firstlineno);
  let loc = NO_LOCATION;
  let size = 0;
  for (const instr of instrs) {
    if (!sameLocation(loc, instr.i_loc)) {
      lw.emit(loc, size);
      loc = instr.i_loc;
      size = 0;
    }
    size += instrSize(instr.i_opcode, instr.i_oparg);
  }
  lw.emit(loc, size);
  return lw.w.bytes();
}

/***** Jumps and code *****/

/** Give unconditional jumps their direction (CPython: resolve_unconditional_jumps). */
function resolveUnconditionalJumps(instrs: Instruction[]): void {
  for (let i = 0; i < instrs.length; i++) {
    const instr = instrs[i];
    const isForward = instr.i_oparg > i;
    if (instr.i_opcode === op.JUMP) instr.i_opcode = isForward ? op.JUMP_FORWARD : op.JUMP_BACKWARD;
    else if (instr.i_opcode === op.JUMP_NO_INTERRUPT) {
      instr.i_opcode = isForward ? op.JUMP_FORWARD : op.JUMP_BACKWARD_NO_INTERRUPT;
    }
  }
}

/** END_ASYNC_FOR's oparg counts back to the END_SEND after its SEND target (CPython: END_SEND_OFFSET). */
const END_SEND_OFFSET = 5;

/**
 * Replace jump targets (instruction indices) by relative offsets, repeating while EXTENDED_ARGs
 * change the layout (CPython: resolve_jump_offsets). Returns each instruction's offset.
 */
export function resolveJumpOffsets(instrs: Instruction[]): number[] {
  const targets = instrs.map((i) => (OPCODE_HAS_JUMP(i.i_opcode) ? i.i_oparg : -1));
  const offsets = new Array<number>(instrs.length + 1);
  let changed = true;
  while (changed) {
    let total = 0;
    for (let i = 0; i < instrs.length; i++) {
      offsets[i] = total;
      total += instrSize(instrs[i].i_opcode, instrs[i].i_oparg);
    }
    offsets[instrs.length] = total;
    changed = false;
    for (let i = 0; i < instrs.length; i++) {
      const instr = instrs[i];
      if (targets[i] < 0) continue;
      const before = instrSize(instr.i_opcode, instr.i_oparg);
      // relative to the instruction after this one, caches included
      const next = offsets[i] + before;
      const target = offsets[targets[i]];
      if (instr.i_opcode === op.END_ASYNC_FOR) instr.i_oparg = next - target - END_SEND_OFFSET;
      else instr.i_oparg = IS_BACKWARDS_JUMP_OPCODE(instr.i_opcode) ? next - target : target - next;
      if (instrSize(instr.i_opcode, instr.i_oparg) !== before) changed = true;
    }
  }
  return offsets;
}

/** Lay the instructions out as code units (CPython: write_instr). */
function writeCode(instrs: Instruction[]): Uint8Array {
  let total = 0;
  for (const instr of instrs) total += instrSize(instr.i_opcode, instr.i_oparg);
  const code = new Uint8Array(total * 2);
  let p = 0;
  for (const instr of instrs) {
    const opcode = instr.i_opcode;
    const oparg = instr.i_oparg;
    const caches = _PyOpcode_Caches[opcode];
    const ilen = instrSize(opcode, oparg) - caches;
    for (let shift = (ilen - 1) * 8; shift > 0; shift -= 8) {
      code[p++] = op.EXTENDED_ARG;
      code[p++] = (oparg >> shift) & 0xff;
    }
    code[p++] = opcode;
    code[p++] = oparg & 0xff;
    p += caches * 2; // CACHE entries are zero
  }
  return code;
}

/** co_localsplusnames and co_localspluskinds (CPython: compute_localsplus_info). */
function computeLocalsplusInfo(
  umd: CodeUnitMetadata,
  nlocalsplus: number,
  codeFlags: number,
): { names: string[]; kinds: Uint8Array } {
  const names = new Array<string>(nlocalsplus);
  const kinds = new Uint8Array(nlocalsplus);
  const nposonly = umd.u_posonlyargcount;
  const npos = umd.u_argcount + umd.u_posonlyargcount;
  const nkwonly = umd.u_kwonlyargcount;
  const hasVarargs = (codeFlags & CO_VARARGS) !== 0;
  const hasVarkw = (codeFlags & CO_VARKEYWORDS) !== 0;
  for (const [k, offset] of umd.u_varnames) {
    let kind = CO_FAST_LOCAL;
    if (umd.u_fasthidden.has(k)) kind |= CO_FAST_HIDDEN;
    if (umd.u_cellvars.has(k)) kind |= CO_FAST_CELL;
    if (offset < nposonly) kind |= CO_FAST_ARG_POS;
    else if (offset < npos) kind |= CO_FAST_ARG_POS | CO_FAST_ARG_KW;
    else if (offset < npos + nkwonly) kind |= CO_FAST_ARG_KW;
    else if (hasVarargs && offset === npos + nkwonly) kind |= CO_FAST_ARG_VAR | CO_FAST_ARG_POS;
    else if (hasVarkw && offset === npos + nkwonly + (hasVarargs ? 1 : 0)) kind |= CO_FAST_ARG_VAR | CO_FAST_ARG_KW;
    names[offset] = k;
    kinds[offset] = kind;
  }
  const nlocals = umd.u_varnames.size;
  let numdropped = 0;
  for (const [k, v] of umd.u_cellvars) {
    if (umd.u_varnames.has(k)) {
      numdropped++;
      continue;
    }
    names[v + nlocals - numdropped] = k;
    kinds[v + nlocals - numdropped] = CO_FAST_CELL;
  }
  for (const [k, v] of umd.u_freevars) {
    names[v + nlocals - numdropped] = k;
    kinds[v + nlocals - numdropped] = CO_FAST_FREE;
  }
  return { names, kinds };
}

function keysInOrder(dict: Map<string, number>): string[] {
  const out = new Array<string>(dict.size);
  for (const [k, v] of dict) out[v] = k;
  return out;
}

/** CPython: _PyAssemble_MakeCodeObject. */
export function makeCodeObject(
  umd: CodeUnitMetadata,
  consts: PyObject[],
  maxdepth: number,
  seq: InstructionSequence,
  nlocalsplus: number,
  codeFlags: number,
  filename: string,
): PyCodeObject {
  const instrs = seq.s_instrs;
  // NEXT_LOCATION (kept through the CFG passes) takes the location of the next instruction
  for (let i = instrs.length - 1; i >= 0; i--) {
    if (instrs[i].i_loc === NEXT_LOCATION) instrs[i].i_loc = i + 1 < instrs.length ? instrs[i + 1].i_loc : NO_LOCATION;
  }
  resolveUnconditionalJumps(instrs);
  const offsets = resolveJumpOffsets(instrs);
  const code = writeCode(instrs);
  const linetable = assembleLocationInfo(instrs, umd.u_firstlineno);
  const exceptiontable = assembleExceptionTable(instrs, offsets);
  const { names, kinds } = computeLocalsplusInfo(umd, nlocalsplus, codeFlags);
  return new PyCodeObject({
    filename,
    name: umd.u_name,
    qualname: umd.u_qualname ?? umd.u_name,
    flags: codeFlags,
    code,
    firstlineno: umd.u_firstlineno,
    linetable,
    consts,
    names: keysInOrder(umd.u_names),
    localsplusnames: names,
    localspluskinds: kinds,
    argcount: umd.u_posonlyargcount + umd.u_argcount,
    posonlyargcount: umd.u_posonlyargcount,
    kwonlyargcount: umd.u_kwonlyargcount,
    stacksize: maxdepth,
    exceptiontable,
  });
}
