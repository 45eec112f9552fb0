// Unit tests of the assembler's tables and of flowgraph passes on small instruction lists.
import { test } from "node:test";
import assert from "node:assert/strict";
import { assembleExceptionTable, assembleLocationInfo, resolveJumpOffsets } from "../../src/compiler/assemble.js";
import { Instruction, InstructionSequence, Location, NO_LOCATION } from "../../src/compiler/instruction_sequence.js";
import { PyCodeObject, parseExceptionTable } from "../../src/objects/codeobject.js";
import {
  cfgFromInstructionSequence,
  optimizeCodeUnit,
  optimizedCfgToInstructionSequence,
  type CodeUnitMetadata,
} from "../../src/compiler/flowgraph.js";
import { ConstTable } from "../../src/compiler/const_cache.js";
import { op, NB_ADD } from "../../src/compiler/opcode_utils.js";
import type { PyObject } from "../../src/objects/object.js";

function hex(b: Uint8Array): string {
  return Buffer.from(b).toString("hex");
}

function instr(opcode: number, oparg: number, loc: Location): Instruction {
  return new Instruction(opcode, oparg, loc);
}

test("location table: short, one-line, no-column, long and no-location forms", () => {
  const instrs = [
    instr(op.RESUME, 0, new Location(3, 3, 0, 0)), // short form, same line
    instr(op.LOAD_FAST, 0, new Location(4, 4, 11, 12)), // one-line form, line + 1
    instr(op.RETURN_VALUE, 0, new Location(4, 4, -1, -1)), // no columns
    instr(op.NOP, 0, new Location(9, 10, 4, 8)), // long form: spans lines
    instr(op.NOP, 0, NO_LOCATION), // no location
  ];
  const table = assembleLocationInfo(instrs, 3);
  assert.equal(hex(table), "8000" + "d80b0c" + "e800" + "f00a010509" + "f8");
  const code = new PyCodeObject({
    filename: "t.py", name: "t", qualname: "t", flags: 0, code: new Uint8Array(10), firstlineno: 3,
    linetable: table, consts: [], names: [], localsplusnames: [], localspluskinds: new Uint8Array(0),
    argcount: 0, posonlyargcount: 0, kwonlyargcount: 0, stacksize: 1, exceptiontable: new Uint8Array(0),
  });
  const pos = code.co_positions();
  assert.deepEqual(pos[1], { lineno: 4, endLineno: 4, col: 11, endCol: 12 });
  assert.deepEqual(pos[2], { lineno: 4, endLineno: 4, col: null, endCol: null });
  assert.deepEqual(pos[3], { lineno: 9, endLineno: 10, col: 4, endCol: 8 });
  assert.equal(pos[4].lineno, null);
  assert.deepEqual(code.co_lines(), [[0, 2, 3], [2, 6, 4], [6, 8, 9], [8, 10, null]]);
});

test("location table: runs longer than 8 code units are split", () => {
  const loc = new Location(1, 1, 0, 3);
  // LOAD_GLOBAL takes 5 code units with its caches
  const table = assembleLocationInfo([instr(op.LOAD_GLOBAL, 0, loc), instr(op.LOAD_GLOBAL, 2, loc)], 1);
  assert.equal(hex(table), "8703" + "8103");
});

test("exception table: entries round-trip through parseExceptionTable", () => {
  const a = instr(op.NOP, 0, NO_LOCATION);
  const b = instr(op.NOP, 0, NO_LOCATION);
  b.h_label = 3;
  b.h_startdepth = 2;
  b.h_preserve_lasti = 1;
  const c = instr(op.NOP, 0, NO_LOCATION);
  c.h_label = 3;
  c.h_startdepth = 2;
  c.h_preserve_lasti = 1;
  const d = instr(op.RERAISE, 0, NO_LOCATION);
  const offsets = resolveJumpOffsets([a, b, c, d]);
  const table = assembleExceptionTable([a, b, c, d], offsets);
  assert.equal(hex(table), "81020301");
  assert.deepEqual(parseExceptionTable(table), [{ start: 1, end: 3, target: 3, depth: 0, lasti: true }]);
});

test("exception table: large values use continuation bytes", () => {
  const instrs: Instruction[] = [];
  for (let i = 0; i < 200; i++) {
    const x = instr(op.NOP, 0, NO_LOCATION);
    x.h_label = 199;
    x.h_startdepth = 3;
    x.h_preserve_lasti = 0;
    instrs.push(x);
  }
  const table = assembleExceptionTable(instrs, resolveJumpOffsets(instrs));
  assert.deepEqual(parseExceptionTable(table), [{ start: 0, end: 200, target: 199, depth: 2, lasti: false }]);
});

function metadata(nlocals: number): CodeUnitMetadata {
  const varnames = new Map<string, number>();
  for (let i = 0; i < nlocals; i++) varnames.set("v" + i, i);
  return {
    u_name: "t", u_qualname: "t", u_consts: new ConstTable(), u_names: new Map(), u_varnames: varnames,
    u_cellvars: new Map(), u_freevars: new Map(), u_fasthidden: new Map(), u_argcount: nlocals,
    u_posonlyargcount: 0, u_kwonlyargcount: 0, u_firstlineno: 1,
  };
}

/** Runs the CFG passes over `seq`; returns (opcode name, oparg) pairs and the constants. */
function optimize(seq: InstructionSequence, consts: PyObject[], nlocals: number): [number, number][] {
  const g = cfgFromInstructionSequence(seq);
  optimizeCodeUnit(g, consts, nlocals, nlocals, 1);
  const out = optimizedCfgToInstructionSequence(g, metadata(nlocals), 0x3);
  return out.seq.s_instrs.map((i) => [i.i_opcode, i.i_oparg]);
}

const L1 = new Location(1, 1, 0, 5);

test("flowgraph: constant folding to LOAD_SMALL_INT and tuple constants", () => {
  const seq = new InstructionSequence();
  seq.addop(op.RESUME, 0, L1);
  seq.addop(op.LOAD_CONST, 0, L1); // 1
  seq.addop(op.LOAD_CONST, 1, L1); // 2
  seq.addop(op.BINARY_OP, NB_ADD, L1);
  seq.addop(op.LOAD_CONST, 0, L1);
  seq.addop(op.BUILD_TUPLE, 2, L1);
  seq.addop(op.RETURN_VALUE, 0, L1);
  const consts: PyObject[] = [1, 2];
  const instrs = optimize(seq, consts, 0);
  assert.deepEqual(instrs, [[op.RESUME, 0], [op.LOAD_CONST, 1], [op.RETURN_VALUE, 0]]);
  assert.equal(consts.length, 2); // 1 (index 0 is always kept) and (3, 1)
});

test("flowgraph: superinstructions and borrowed loads", () => {
  const seq = new InstructionSequence();
  seq.addop(op.RESUME, 0, L1);
  seq.addop(op.LOAD_FAST, 0, L1);
  seq.addop(op.LOAD_FAST, 1, L1);
  seq.addop(op.BINARY_OP, NB_ADD, L1);
  seq.addop(op.STORE_FAST, 1, L1);
  seq.addop(op.LOAD_FAST, 1, L1);
  seq.addop(op.RETURN_VALUE, 0, L1);
  const instrs = optimize(seq, [], 2);
  assert.deepEqual(instrs, [
    [op.RESUME, 0],
    [op.LOAD_FAST_BORROW_LOAD_FAST_BORROW, 0x01],
    [op.BINARY_OP, NB_ADD],
    [op.STORE_FAST_LOAD_FAST, 0x11],
    [op.RETURN_VALUE, 0],
  ]);
});

test("flowgraph: dead code after return is removed and jumps are threaded", () => {
  const seq = new InstructionSequence();
  const a = seq.newLabel();
  const b = seq.newLabel();
  seq.addop(op.RESUME, 0, L1);
  seq.addop(op.LOAD_FAST, 0, L1);
  seq.addop(op.POP_JUMP_IF_FALSE, a, L1);
  seq.addop(op.LOAD_SMALL_INT, 1, L1);
  seq.addop(op.RETURN_VALUE, 0, L1);
  seq.addop(op.LOAD_SMALL_INT, 2, L1); // unreachable
  seq.useLabel(a);
  seq.addop(op.JUMP, b, NO_LOCATION);
  seq.useLabel(b);
  seq.addop(op.LOAD_SMALL_INT, 0, L1);
  seq.addop(op.RETURN_VALUE, 0, L1);
  const instrs = optimize(seq, [], 1);
  assert.deepEqual(instrs, [
    [op.RESUME, 0],
    [op.LOAD_FAST_BORROW, 0],
    [op.POP_JUMP_IF_FALSE, 6],
    [op.NOT_TAKEN, 0],
    [op.LOAD_SMALL_INT, 1],
    [op.RETURN_VALUE, 0],
    [op.LOAD_SMALL_INT, 0],
    [op.RETURN_VALUE, 0],
  ]);
});
