// Declaring the functions of the posix module (and its sibling OS modules): one ArgParser per
// function, as Argument Clinic declares them in CPython's posixmodule.c.
import type { PyObject } from "../objects/object.js";
import type { PyDict } from "../objects/dictobject.js";
import { newBuiltinFunction, type PyCFunction } from "../objects/methodobject.js";
import { typeError } from "../python/errors.js";
import { ArgParser, type ArgSpecOptions, checkPositional } from "../python/getargs.js";

export type Args = (PyObject | null)[];

/** A module function with parsed arguments; returns the function object (for supports_* sets). */
export function defFunction(
  d: PyDict,
  module: string,
  name: string,
  names: readonly string[],
  opts: ArgSpecOptions,
  fn: (a: Args) => PyObject,
  doc?: string,
): PyCFunction {
  if (names.length === 0) {
    // METH_NOARGS: its messages name the function with its module
    const f = newBuiltinFunction(name, (_s, _args, _start, nargs, kwnames) => {
      if (kwnames !== null && kwnames.items.length) throw typeError(`${module}.${name}() takes no keyword arguments`);
      if (nargs !== 0) throw typeError(`${module}.${name}() takes no arguments (${nargs} given)`);
      return fn([]);
    }, module, doc);
    d.setStr(name, f);
    return f;
  }
  const parser = new ArgParser(name, names, opts);
  const f = newBuiltinFunction(name, (_s, args, start, nargs, kwnames) => fn(parser.parse(args, start, nargs, kwnames)), module, doc);
  d.setStr(name, f);
  return f;
}

/** A positional-only module function of exactly/at least `min` and at most `max` arguments. */
export function defPositional(d: PyDict, module: string, name: string, names: readonly string[], required: number, fn: (a: Args) => PyObject): PyCFunction {
  if (names.length === 1 && required === 1) {
    // METH_O
    const f = newBuiltinFunction(name, (_s, args, start, nargs, kwnames) => {
      if (kwnames !== null && kwnames.items.length) throw typeError(`${module}.${name}() takes no keyword arguments`);
      if (nargs !== 1) throw typeError(`${module}.${name}() takes exactly one argument (${nargs} given)`);
      return fn([args[start]]);
    }, module);
    d.setStr(name, f);
    return f;
  }
  const f = newBuiltinFunction(name, (_s, args, start, nargs, kwnames) => {
    if (kwnames !== null && kwnames.items.length) throw typeError(`${module}.${name}() takes no keyword arguments`);
    checkPositional(name, nargs, required, names.length);
    const a: Args = new Array(names.length).fill(null);
    for (let i = 0; i < nargs; i++) a[i] = args[start + i];
    return fn(a);
  }, module);
  d.setStr(name, f);
  return f;
}

/** Whether an optional bool argument is true (absent: `dflt`). */
export function boolArg(v: PyObject | null, dflt: boolean, truth: (v: PyObject) => boolean): boolean {
  return v === null ? dflt : truth(v);
}
