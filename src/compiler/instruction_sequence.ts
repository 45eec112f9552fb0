// CPython: Python/instruction_sequence.c, Include/internal/pycore_instruction_sequence.h
//
// A flat list of (pseudo-)instructions with source locations, as codegen emits them. Jump
// opargs are label ids until applyLabelMap() turns them into instruction indices.
import { HAS_TARGET } from "./opcode_utils.js";

/** A source span: lines 1-based, columns 0-based (UTF-8 byte offsets); -1 when absent. */
export class Location {
  constructor(
    public lineno: number,
    public end_lineno: number,
    public col_offset: number,
    public end_col_offset: number,
  ) {}
}

export const NO_LOCATION: Location = new Location(-1, -1, -1, -1);
/** Marks an instruction that takes the location of the next one (CPython: NEXT_LOCATION). */
export const NEXT_LOCATION: Location = new Location(-2, -2, -2, -2);

export function sameLocation(a: Location, b: Location): boolean {
  return (
    a.lineno === b.lineno &&
    a.end_lineno === b.end_lineno &&
    a.col_offset === b.col_offset &&
    a.end_col_offset === b.end_col_offset
  );
}

/** A jump target label (CPython: _PyJumpTargetLabel); NO_LABEL when absent. */
export type Label = number;
export const NO_LABEL: Label = -1;

export class Instruction {
  /** Set while converting to a CFG: this instruction is a jump target. */
  i_target = false;
  /** Exception handler information, filled in after CFG optimization. */
  h_label = -1;
  h_startdepth = -1;
  h_preserve_lasti = -1;
  constructor(
    public i_opcode: number,
    public i_oparg: number,
    public i_loc: Location,
  ) {}
}

export class InstructionSequence {
  s_instrs: Instruction[] = [];
  s_next_free_label = 0;
  /** label id -> index of the instruction it precedes; null once applied. */
  s_labelmap: number[] | null = [];
  /** Code of a module's __annotate__ setup, injected at ANNOTATIONS_PLACEHOLDER. */
  s_annotations_code: InstructionSequence | null = null;

  newLabel(): Label {
    return ++this.s_next_free_label;
  }

  useLabel(lbl: Label): void {
    const map = this.s_labelmap!;
    while (map.length <= lbl) map.push(-111);
    map[lbl] = this.s_instrs.length;
  }

  addop(opcode: number, oparg: number, loc: Location): void {
    this.s_instrs.push(new Instruction(opcode, oparg, loc));
  }

  insertInstruction(pos: number, opcode: number, oparg: number, loc: Location): void {
    this.s_instrs.splice(pos, 0, new Instruction(opcode, oparg, loc));
    const map = this.s_labelmap;
    if (map) {
      for (let lbl = 0; lbl < map.length; lbl++) {
        if (map[lbl] >= pos) map[lbl]++;
      }
    }
  }

  /** Replace label ids by instruction indices (CPython: _PyInstructionSequence_ApplyLabelMap). */
  applyLabelMap(): void {
    const map = this.s_labelmap;
    if (map === null) return;
    for (const instr of this.s_instrs) {
      if (HAS_TARGET(instr.i_opcode)) instr.i_oparg = map[instr.i_oparg];
      if (instr.h_label >= 0) instr.h_label = map[instr.h_label];
    }
    this.s_labelmap = null;
  }

  setAnnotationsCode(annotations: InstructionSequence): void {
    this.s_annotations_code = annotations;
  }
}
