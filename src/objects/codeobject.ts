// CPython: Objects/codeobject.c, Include/cpython/code.h
//
// The code object the compiler produces and the eval loop runs. As in CPython 3.11+, the
// local variable names live in one tuple (co_localsplusnames) with one kind byte each
// (co_localspluskinds); co_varnames, co_cellvars and co_freevars are derived from them.
import { PyObjectBase, type PyObject } from "./object.js";

// co_flags bits (CPython: Include/cpython/code.h)
export const CO_OPTIMIZED = 0x0001;
export const CO_NEWLOCALS = 0x0002;
export const CO_VARARGS = 0x0004;
export const CO_VARKEYWORDS = 0x0008;
export const CO_NESTED = 0x0010;
export const CO_GENERATOR = 0x0020;
export const CO_COROUTINE = 0x0080;
export const CO_ITERABLE_COROUTINE = 0x0100;
export const CO_ASYNC_GENERATOR = 0x0200;
export const CO_HAS_DOCSTRING = 0x4000000;
export const CO_METHOD = 0x8000000;

// __future__ flags carried in co_flags (CPython: Include/cpython/compile.h)
export const CO_FUTURE_DIVISION = 0x20000;
export const CO_FUTURE_ABSOLUTE_IMPORT = 0x40000;
export const CO_FUTURE_WITH_STATEMENT = 0x80000;
export const CO_FUTURE_PRINT_FUNCTION = 0x100000;
export const CO_FUTURE_UNICODE_LITERALS = 0x200000;
export const CO_FUTURE_BARRY_AS_BDFL = 0x400000;
export const CO_FUTURE_GENERATOR_STOP = 0x800000;
export const CO_FUTURE_ANNOTATIONS = 0x1000000;

// Kinds of "fast" locals (CPython: Include/internal/pycore_code.h, _PyLocals_Kind)
export const CO_FAST_ARG_POS = 0x02;
export const CO_FAST_ARG_KW = 0x04;
export const CO_FAST_ARG_VAR = 0x08;
export const CO_FAST_HIDDEN = 0x10;
export const CO_FAST_LOCAL = 0x20;
export const CO_FAST_CELL = 0x40;
export const CO_FAST_FREE = 0x80;

// Location table entry codes (CPython: Include/cpython/code.h, _PyCodeLocationInfoKind)
export const PY_CODE_LOCATION_INFO_SHORT0 = 0;
export const PY_CODE_LOCATION_INFO_ONE_LINE0 = 10;
export const PY_CODE_LOCATION_INFO_ONE_LINE1 = 11;
export const PY_CODE_LOCATION_INFO_ONE_LINE2 = 12;
export const PY_CODE_LOCATION_INFO_NO_COLUMNS = 13;
export const PY_CODE_LOCATION_INFO_LONG = 14;
export const PY_CODE_LOCATION_INFO_NONE = 15;

/** The arguments of PyCode_New, as assembled by the compiler (CPython: struct _PyCodeConstructor). */
export interface PyCodeConstructor {
  filename: string;
  name: string;
  qualname: string;
  flags: number;
  code: Uint8Array;
  firstlineno: number;
  linetable: Uint8Array;
  consts: PyObject[];
  names: string[];
  localsplusnames: string[];
  localspluskinds: Uint8Array;
  argcount: number;
  posonlyargcount: number;
  kwonlyargcount: number;
  stacksize: number;
  exceptiontable: Uint8Array;
}

/** One source position of a code unit: lines 1-based, columns 0-based; null when unknown. */
export interface CodePosition {
  lineno: number | null;
  endLineno: number | null;
  col: number | null;
  endCol: number | null;
}

export class PyCodeObject extends PyObjectBase {
  readonly co_filename: string;
  readonly co_name: string;
  readonly co_qualname: string;
  readonly co_flags: number;
  readonly co_code: Uint8Array;
  readonly co_firstlineno: number;
  readonly co_linetable: Uint8Array;
  readonly co_consts: PyObject[];
  readonly co_names: string[];
  co_localsplusnames: string[];
  readonly co_localspluskinds: Uint8Array;
  readonly co_argcount: number;
  readonly co_posonlyargcount: number;
  readonly co_kwonlyargcount: number;
  readonly co_stacksize: number;
  readonly co_exceptiontable: Uint8Array;
  readonly co_nlocalsplus: number;
  readonly co_nlocals: number;
  readonly co_ncellvars: number;
  readonly co_nfreevars: number;
  /** co_code as code units, quickened: the only copy the specializing interpreter rewrites
   * (made on first execution by src/vm/ceval.ts, _PyCode_GetAdaptive). */
  _co_code_adaptive: Uint16Array | null = null;

  constructor(con: PyCodeConstructor) {
    super();
    this.co_filename = con.filename;
    this.co_name = con.name;
    this.co_qualname = con.qualname;
    this.co_flags = con.flags;
    this.co_code = con.code;
    this.co_firstlineno = con.firstlineno;
    this.co_linetable = con.linetable;
    this.co_consts = con.consts;
    this.co_names = con.names;
    this.co_localsplusnames = con.localsplusnames;
    this.co_localspluskinds = con.localspluskinds;
    this.co_argcount = con.argcount;
    this.co_posonlyargcount = con.posonlyargcount;
    this.co_kwonlyargcount = con.kwonlyargcount;
    this.co_stacksize = con.stacksize;
    this.co_exceptiontable = con.exceptiontable;
    this.co_nlocalsplus = con.localsplusnames.length;
    let nlocals = 0;
    let ncells = 0;
    let nfree = 0;
    for (const kind of con.localspluskinds) {
      if (kind & CO_FAST_LOCAL) nlocals++;
      if (kind & CO_FAST_CELL) ncells++;
      if (kind & CO_FAST_FREE) nfree++;
    }
    this.co_nlocals = nlocals;
    this.co_ncellvars = ncells;
    this.co_nfreevars = nfree;
  }

  private namesOfKind(kind: number): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.co_nlocalsplus; i++) {
      if (this.co_localspluskinds[i] & kind) out.push(this.co_localsplusnames[i]);
    }
    return out;
  }

  get co_varnames(): string[] {
    return this.namesOfKind(CO_FAST_LOCAL);
  }
  get co_cellvars(): string[] {
    return this.namesOfKind(CO_FAST_CELL);
  }
  get co_freevars(): string[] {
    return this.namesOfKind(CO_FAST_FREE);
  }

  /** Index of the first free variable in localsplus (CPython: PyUnstable_Code_GetFirstFree). */
  firstFree(): number {
    return this.co_nlocalsplus - this.co_nfreevars;
  }

  /** Decoded co_linetable, computed on first use. */
  private positions: CodePosition[] | null = null;

  /** The position of every code unit, decoded from co_linetable (CPython: code.co_positions()). */
  co_positions(): CodePosition[] {
    if (this.positions === null) this.positions = this.decodePositions();
    return this.positions;
  }

  private decodePositions(): CodePosition[] {
    const out: CodePosition[] = [];
    const table = this.co_linetable;
    let line = this.co_firstlineno;
    let p = 0;
    const readVarint = (): number => {
      let b = table[p++];
      let val = b & 63;
      let shift = 0;
      while (b & 64) {
        b = table[p++];
        shift += 6;
        val |= (b & 63) << shift;
      }
      return val;
    };
    const readSigned = (): number => {
      const uval = readVarint();
      return uval & 1 ? -(uval >>> 1) : uval >>> 1;
    };
    while (p < table.length) {
      const first = table[p++];
      const code = (first >> 3) & 15;
      const length = (first & 7) + 1;
      let pos: CodePosition;
      if (code === PY_CODE_LOCATION_INFO_NONE) {
        pos = { lineno: null, endLineno: null, col: null, endCol: null };
      } else if (code === PY_CODE_LOCATION_INFO_LONG) {
        line += readSigned();
        const endLine = line + readVarint();
        const col = readVarint() - 1;
        const endCol = readVarint() - 1;
        pos = { lineno: line, endLineno: endLine, col: col < 0 ? null : col, endCol: endCol < 0 ? null : endCol };
      } else if (code === PY_CODE_LOCATION_INFO_NO_COLUMNS) {
        line += readSigned();
        pos = { lineno: line, endLineno: line, col: null, endCol: null };
      } else if (code >= PY_CODE_LOCATION_INFO_ONE_LINE0) {
        line += code - PY_CODE_LOCATION_INFO_ONE_LINE0;
        const col = table[p++];
        const endCol = table[p++];
        pos = { lineno: line, endLineno: line, col, endCol };
      } else {
        const second = table[p++];
        const col = (code << 3) | (second >> 4);
        pos = { lineno: line, endLineno: line, col, endCol: col + (second & 15) };
      }
      for (let i = 0; i < length; i++) out.push(pos);
    }
    return out;
  }

  /** The line number of the code unit at index `unit` (not bytes), or null (CPython: PyCode_Addr2Line). */
  addr2line(unit: number): number | null {
    const positions = this.co_positions();
    return unit >= 0 && unit < positions.length ? positions[unit].lineno : null;
  }

  /**
   * (start, end, line) byte ranges as code.co_lines() yields them: consecutive code units with
   * the same line number are merged.
   */
  co_lines(): [number, number, number | null][] {
    const out: [number, number, number | null][] = [];
    const positions = this.co_positions();
    for (let i = 0; i < positions.length; i++) {
      const line = positions[i].lineno;
      const last = out.length ? out[out.length - 1] : null;
      if (last && last[2] === line && last[1] === i * 2) {
        last[1] = (i + 1) * 2;
      } else {
        out.push([i * 2, (i + 1) * 2, line]);
      }
    }
    return out;
  }
}

/** One entry of co_exceptiontable, offsets in code units (CPython: Objects/exception_handling_notes.txt). */
export interface ExceptionTableEntry {
  start: number;
  end: number;
  target: number;
  depth: number;
  lasti: boolean;
}

/** Decode co_exceptiontable into its entries. */
export function parseExceptionTable(table: Uint8Array): ExceptionTableEntry[] {
  const out: ExceptionTableEntry[] = [];
  let p = 0;
  const readItem = (): number => {
    let b = table[p++];
    let val = b & 63;
    while (b & 64) {
      b = table[p++];
      val = (val << 6) | (b & 63);
    }
    return val;
  };
  while (p < table.length) {
    const start = readItem();
    const size = readItem();
    const target = readItem();
    const dl = readItem();
    out.push({ start, end: start + size, target, depth: dl >> 1, lasti: (dl & 1) === 1 });
  }
  return out;
}
