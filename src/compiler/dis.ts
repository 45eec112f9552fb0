// The disassembly of tython's stage dumps (`tython dump dis`): what CPython 3.14's `dis.dis` of a
// module's code object prints (Lib/dis.py: disassemble, Formatter, ArgResolver), with the
// " at 0x..." addresses left out as dump.py leaves them out.
import { type PyObject, Py_Ellipsis } from "../objects/object.js";
import { PyFloat, floatRepr } from "../objects/floatobject.js";
import { PyComplex, complexRepr } from "../objects/complexobject.js";
import { PyCodeObject, parseExceptionTable, type ExceptionTableEntry } from "../objects/codeobject.js";
import { PyTuple } from "../objects/tupleobject.js";
import {
  _PyOpcode_OpName,
  OPCODE_HAS_ARG,
  OPCODE_HAS_CONST,
  OPCODE_HAS_FREE,
  OPCODE_HAS_JUMP,
  OPCODE_HAS_LOCAL,
  OPCODE_HAS_NAME,
} from "../vm/opcode_metadata.generated.js";
import { op, _PyOpcode_Caches } from "./opcode_utils.js";
import { constRepr } from "./unparse.js";
import { PyFrozenSet, PySlice } from "./const_objects.js";

const OPNAME_WIDTH = 20;
const OPARG_WIDTH = 5;
const NO_LINENO = "  --";

const NB_OPS = ["+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^", "+=", "&=", "//=", "<<=", "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^=", "[]"];
const CMP_OP = ["<", "<=", "==", "!=", ">", ">="];
const INTRINSIC_1 = ["INTRINSIC_1_INVALID", "INTRINSIC_PRINT", "INTRINSIC_IMPORT_STAR", "INTRINSIC_STOPITERATION_ERROR", "INTRINSIC_ASYNC_GEN_WRAP", "INTRINSIC_UNARY_POSITIVE", "INTRINSIC_LIST_TO_TUPLE", "INTRINSIC_TYPEVAR", "INTRINSIC_PARAMSPEC", "INTRINSIC_TYPEVARTUPLE", "INTRINSIC_SUBSCRIPT_GENERIC", "INTRINSIC_TYPEALIAS"];
const INTRINSIC_2 = ["INTRINSIC_2_INVALID", "INTRINSIC_PREP_RERAISE_STAR", "INTRINSIC_TYPEVAR_WITH_BOUND", "INTRINSIC_TYPEVAR_WITH_CONSTRAINTS", "INTRINSIC_SET_FUNCTION_TYPE_PARAMS", "INTRINSIC_SET_TYPEPARAM_DEFAULT"];
const SPECIAL_METHODS = ["__enter__", "__exit__", "__aenter__", "__aexit__"];
const COMMON_CONSTANTS = ["AssertionError", "NotImplementedError", "tuple", "<built-in function all>", "<built-in function any>"];
const FUNCTION_ATTR_FLAGS = ["defaults", "kwdefaults", "annotations", "closure", "annotate"];

/** repr() of a constant as dis shows it (code objects without their address). */
function disConstRepr(v: PyObject): string {
  if (v instanceof PyCodeObject) {
    return `<code object ${v.co_name}, file "${v.co_filename}", line ${v.co_firstlineno}>`;
  }
  if (v instanceof PyTuple) {
    const items = v.items.map(disConstRepr);
    return items.length === 1 ? `(${items[0]},)` : `(${items.join(", ")})`;
  }
  if (v === Py_Ellipsis) return "Ellipsis";
  if (v instanceof PyFloat) return floatRepr(v.value);
  if (v instanceof PyComplex) return complexRepr(v.real, v.imag);
  if (v instanceof PyFrozenSet) {
    if (!v.items.length) return "frozenset()";
    // CPython's iteration order follows hashes: small ints come out in ascending order
    const items = v.items.every((x) => typeof x === "number") ? [...v.items].sort((a, b) => (a as number) - (b as number)) : v.items;
    return `frozenset({${items.map(disConstRepr).join(", ")}})`;
  }
  if (v instanceof PySlice) return `slice(${disConstRepr(v.start)}, ${disConstRepr(v.stop)}, ${disConstRepr(v.step)})`;
  return constRepr(v);
}

interface Instr {
  offset: number;
  opcode: number;
  arg: number | null;
  label: number | null;
  startsLine: boolean;
  line: number | null;
  argrepr: string;
}

function isBackwardJump(opcode: number): boolean {
  return opcode === op.JUMP_BACKWARD || opcode === op.JUMP_BACKWARD_NO_INTERRUPT || opcode === op.END_ASYNC_FOR;
}

function cacheSize(opcode: number): number {
  return opcode < 256 ? _PyOpcode_Caches[opcode] : 0;
}

/** (offset, opcode, arg) of each instruction, EXTENDED_ARG folded in (CPython: dis._unpack_opargs). */
function unpackOpargs(code: Uint8Array): [number, number, number | null][] {
  const out: [number, number, number | null][] = [];
  let extendedArg = 0;
  let caches = 0;
  for (let i = 0; i < code.length; i += 2) {
    if (caches) {
      caches--;
      continue;
    }
    const opcode = code[i];
    caches = cacheSize(opcode);
    let arg: number | null = null;
    if (OPCODE_HAS_ARG(opcode)) {
      arg = code[i + 1] | extendedArg;
      extendedArg = opcode === op.EXTENDED_ARG ? arg << 8 : 0;
    } else {
      extendedArg = 0;
    }
    out.push([i, opcode, arg]);
  }
  return out;
}

function jumpTarget(opcode: number, arg: number, offset: number): number | null {
  if (!OPCODE_HAS_JUMP(opcode)) return null;
  const a = isBackwardJump(opcode) ? -arg : arg;
  return offset + 2 + a * 2 + 2 * cacheSize(opcode);
}

function disassemble(co: PyCodeObject, out: string[]): void {
  const code = co.co_code;
  const linestarts = new Map<number, number | null>();
  let lastline: number | null | undefined = undefined;
  for (const [start, , line] of co.co_lines()) {
    if (line !== lastline) {
      lastline = line;
      linestarts.set(start, line);
    }
  }
  const entries: ExceptionTableEntry[] = parseExceptionTable(co.co_exceptiontable);
  let maxline = -1;
  let hasNone = false;
  for (const v of linestarts.values()) {
    if (v === null) hasNone = true;
    else if (v) maxline = Math.max(maxline, v);
  }
  let linenoWidth = 0;
  if (maxline !== -1) {
    linenoWidth = Math.max(3, String(maxline).length);
    if (linenoWidth < NO_LINENO.length && hasNone) linenoWidth = NO_LINENO.length;
  }
  const instrs = unpackOpargs(code);
  const labelSet = new Set<number>();
  for (const [offset, opcode, arg] of instrs) {
    if (arg === null) continue;
    const t = jumpTarget(opcode, arg, offset);
    if (t !== null) labelSet.add(t);
  }
  for (const e of entries) {
    labelSet.add(e.start * 2);
    labelSet.add(e.end * 2);
    labelSet.add(e.target * 2);
  }
  const labels = [...labelSet].sort((a, b) => a - b);
  const labelsMap = new Map<number, number>();
  labels.forEach((o, i) => labelsMap.set(o, i + 1));
  const labelWidth = 4 + String(labelsMap.size).length;
  const varnames = co.co_localsplusnames;
  let line: number | null = null;
  for (const [offset, opcode, arg] of instrs) {
    const startsLine = linestarts.has(offset);
    if (startsLine) line = linestarts.get(offset) ?? null;
    let argrepr = "";
    if (arg !== null) {
      if (OPCODE_HAS_CONST(opcode)) {
        argrepr = disConstRepr(co.co_consts[arg]);
      } else if (OPCODE_HAS_NAME(opcode)) {
        if (opcode === op.LOAD_GLOBAL) argrepr = co.co_names[arg >> 1] + (arg & 1 ? " + NULL" : "");
        else if (opcode === op.LOAD_ATTR) argrepr = co.co_names[arg >> 1] + (arg & 1 ? " + NULL|self" : "");
        else if (opcode === op.LOAD_SUPER_ATTR) argrepr = co.co_names[arg >> 2] + (arg & 1 ? " + NULL|self" : "");
        else argrepr = co.co_names[arg];
      } else if (OPCODE_HAS_JUMP(opcode)) {
        const target = jumpTarget(opcode, arg, offset)!;
        argrepr = `${opcode === op.END_ASYNC_FOR ? "from" : "to"} L${labelsMap.get(target)}`;
      } else if (
        opcode === op.LOAD_FAST_LOAD_FAST ||
        opcode === op.LOAD_FAST_BORROW_LOAD_FAST_BORROW ||
        opcode === op.STORE_FAST_LOAD_FAST ||
        opcode === op.STORE_FAST_STORE_FAST
      ) {
        argrepr = varnames[arg >> 4] + ", " + varnames[arg & 15];
      } else if (OPCODE_HAS_LOCAL(opcode) || OPCODE_HAS_FREE(opcode)) {
        argrepr = varnames[arg];
      } else if (opcode === op.COMPARE_OP) {
        argrepr = CMP_OP[arg >> 5];
        if (arg & 16) argrepr = `bool(${argrepr})`;
      } else if (opcode === op.CONVERT_VALUE) {
        argrepr = ["", "str", "repr", "ascii"][arg];
      } else if (opcode === op.SET_FUNCTION_ATTRIBUTE) {
        argrepr = FUNCTION_ATTR_FLAGS.filter((_, i) => arg & (1 << i)).join(", ");
      } else if (opcode === op.BINARY_OP) {
        argrepr = NB_OPS[arg];
      } else if (opcode === op.CALL_INTRINSIC_1) {
        argrepr = INTRINSIC_1[arg];
      } else if (opcode === op.CALL_INTRINSIC_2) {
        argrepr = INTRINSIC_2[arg];
      } else if (opcode === op.LOAD_COMMON_CONSTANT) {
        argrepr = COMMON_CONSTANTS[arg];
      } else if (opcode === op.LOAD_SPECIAL) {
        argrepr = SPECIAL_METHODS[arg];
      } else if (opcode === op.IS_OP) {
        argrepr = arg ? "is not" : "is";
      } else if (opcode === op.CONTAINS_OP) {
        argrepr = arg ? "not in" : "in";
      }
    }
    printInstruction(out, { offset, opcode, arg, label: labelsMap.get(offset) ?? null, startsLine, line, argrepr }, linenoWidth, labelWidth);
  }
  if (entries.length) {
    out.push("ExceptionTable:");
    for (const e of entries) {
      const lasti = e.lasti ? " lasti" : "";
      out.push(
        `  L${labelsMap.get(e.start * 2)} to L${labelsMap.get(e.end * 2)} -> L${labelsMap.get(e.target * 2)} [${e.depth}]${lasti}`,
      );
    }
  }
}

function printInstruction(out: string[], instr: Instr, linenoWidth: number, labelWidth: number): void {
  if (linenoWidth > 0 && instr.startsLine && instr.offset > 0) out.push("");
  const fields: string[] = [];
  if (linenoWidth) {
    if (instr.startsLine) {
      const lineno = instr.line === null ? NO_LINENO : String(instr.line);
      fields.push(lineno.padStart(linenoWidth));
    } else {
      fields.push(" ".repeat(linenoWidth));
    }
  }
  fields.push(instr.label !== null ? `L${instr.label}:`.padStart(labelWidth) : " ".repeat(labelWidth));
  fields.push("   ");
  const opname = _PyOpcode_OpName[instr.opcode];
  fields.push(opname.padEnd(OPNAME_WIDTH));
  if (instr.arg !== null) {
    const excess = Math.max(0, opname.length - OPNAME_WIDTH);
    fields.push(String(instr.arg).padStart(OPARG_WIDTH - excess));
    if (instr.argrepr) fields.push("(" + instr.argrepr + ")");
  }
  out.push(fields.join(" ").trimEnd());
}

function disassembleRecursive(co: PyCodeObject, out: string[]): void {
  disassemble(co, out);
  for (const x of co.co_consts) {
    if (x instanceof PyCodeObject) {
      out.push("");
      out.push(`Disassembly of ${disConstRepr(x)}:`);
      disassembleRecursive(x, out);
    }
  }
}

/** dis.dis(code) as dump.py's `dis` mode prints it. */
export function disCode(co: PyCodeObject, out: string[]): void {
  disassembleRecursive(co, out);
}
