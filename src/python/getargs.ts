// CPython: Python/getargs.c (_PyArg_UnpackKeywords, _PyArg_CheckPositional, _PyArg_NoKeywords)
//
// Argument parsing for built-in functions and methods, driven by one declaration per callable
// (the role Argument Clinic plays in CPython): `new ArgParser("split", ["sep", "maxsplit"], {...})`.
import type { PyObject } from "../objects/object.js";
import type { PyTuple } from "../objects/tupleobject.js";
import type { PyBaseException } from "../objects/exceptions.js";

// This module is a leaf of the import graph (object modules build ArgParsers at load time), so it
// gets its TypeError factory from errors.ts instead of importing it.
let typeError: (msg: string) => PyBaseException = (msg) => {
  throw new Error("TypeError before errors.ts was loaded: " + msg);
};
export function _setArgTypeError(f: (msg: string) => PyBaseException): void {
  typeError = f;
}

export interface ArgSpecOptions {
  /** How many leading parameters are positional-only (before `/`). */
  posonly?: number;
  /** How many leading parameters are required. */
  required?: number;
  /** Index of the first keyword-only parameter (after `*`); defaults to names.length. */
  kwonlyStart?: number;
  /** Required keyword-only parameters count. */
  minkw?: number;
}

/** A compiled argument declaration (CPython: struct _PyArg_Parser). */
export class ArgParser {
  readonly posonly: number;
  readonly minpos: number;
  readonly maxpos: number;
  readonly minkw: number;
  constructor(
    readonly fname: string,
    readonly names: readonly string[],
    opts: ArgSpecOptions = {},
  ) {
    this.posonly = opts.posonly ?? 0;
    this.maxpos = opts.kwonlyStart ?? names.length;
    this.minpos = Math.min(opts.required ?? 0, this.maxpos);
    this.minkw = opts.minkw ?? 0;
  }

  /**
   * Returns one slot per declared parameter: the argument, or null when not given. Throws
   * CPython's TypeErrors for wrong counts, unknown or duplicate keywords.
   */
  parse(args: readonly PyObject[], start: number, nargs: number, kwnames: PyTuple | null): (PyObject | null)[] {
    const n = this.names.length;
    const out: (PyObject | null)[] = new Array(n).fill(null);
    const nkw = kwnames === null ? 0 : kwnames.items.length;
    const fname = this.fname;
    if (nkw === 0 && this.minkw === 0 && this.minpos <= nargs && nargs <= this.maxpos) {
      for (let i = 0; i < nargs; i++) out[i] = args[start + i];
      return out;
    }
    const maxargs = n;
    if (nargs + nkw > maxargs) {
      throw typeError(
        `${fname}() takes at most ${maxargs} ${nargs === 0 ? "keyword " : ""}argument${maxargs === 1 ? "" : "s"} (${nargs + nkw} given)`,
      );
    }
    if (nargs > this.maxpos) {
      if (this.maxpos === 0) throw typeError(`${fname}() takes no positional arguments`);
      throw typeError(
        `${fname}() takes ${this.minpos < this.maxpos ? "at most" : "exactly"} ${this.maxpos} positional argument${this.maxpos === 1 ? "" : "s"} (${nargs} given)`,
      );
    }
    const minposonly = Math.min(this.posonly, this.minpos);
    if (nargs < minposonly) {
      throw typeError(
        `${fname}() takes ${minposonly < this.maxpos ? "at least" : "exactly"} ${minposonly} positional argument${minposonly === 1 ? "" : "s"} (${nargs} given)`,
      );
    }
    for (let i = 0; i < nargs; i++) out[i] = args[start + i];
    let remaining = nkw;
    const reqlimit = this.minkw ? this.maxpos + this.minkw : this.minpos;
    for (let i = Math.max(nargs, this.posonly); i < maxargs; i++) {
      let arg: PyObject | null = null;
      if (remaining) arg = findKeyword(kwnames as PyTuple, args, start + nargs, this.names[i]);
      else if (i >= reqlimit) break;
      out[i] = arg;
      if (arg !== null) remaining--;
      else if (i < this.minpos || (this.maxpos <= i && i < reqlimit)) {
        throw typeError(`${fname}() missing required argument '${this.names[i]}' (pos ${i + 1})`);
      }
    }
    if (remaining > 0) {
      for (let i = this.posonly; i < nargs; i++) {
        if (findKeyword(kwnames as PyTuple, args, start + nargs, this.names[i]) !== null) {
          throw typeError(`argument for ${fname}() given by name ('${this.names[i]}') and position (${i + 1})`);
        }
      }
      throw unexpectedKeyword(fname, kwnames as PyTuple, this.names, this.posonly);
    }
    return out;
  }
}

function findKeyword(kwnames: PyTuple, args: readonly PyObject[], kwstart: number, name: string): PyObject | null {
  const k = kwnames.items;
  for (let i = 0; i < k.length; i++) if (k[i] === name) return args[kwstart + i];
  return null;
}

function unexpectedKeyword(fname: string, kwnames: PyTuple, names: readonly string[], posonly: number): PyBaseException {
  for (const k of kwnames.items) {
    const idx = names.indexOf(k as string);
    if (idx < 0 || idx < posonly) {
      if (idx >= 0) return typeError(`'${k as string}' is an invalid keyword argument for ${fname}()`);
      return typeError(`${fname}() got an unexpected keyword argument '${k as string}'`);
    }
  }
  return typeError(`invalid keyword argument for ${fname}()`);
}

/** "%s expected %s%d argument%s, got %d" (CPython: _PyArg_CheckPositional). */
export function checkPositional(name: string, nargs: number, min: number, max: number): void {
  if (nargs < min) {
    throw typeError(`${name} expected ${min === max ? "" : "at least "}${min} argument${min === 1 ? "" : "s"}, got ${nargs}`);
  }
  if (nargs > max) {
    throw typeError(`${name} expected ${min === max ? "" : "at most "}${max} argument${max === 1 ? "" : "s"}, got ${nargs}`);
  }
}

/** "%s() takes no keyword arguments" (CPython: _PyArg_NoKwnames). */
export function noKeywords(name: string, kwnames: PyTuple | null): void {
  if (kwnames !== null && kwnames.items.length > 0) throw typeError(`${name}() takes no keyword arguments`);
}
