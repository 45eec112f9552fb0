// CPython: Modules/atexitmodule.c — callbacks run when the interpreter exits (by
// Py_FinalizeEx, src/python/pylifecycle.ts), last registered first.
import { type PyObject, Py_None, Py_TYPE, Py_EQ } from "../objects/object.js";
import { PyModule } from "../objects/moduleobject.js";
import type { PyTuple } from "../objects/tupleobject.js";
import { newBuiltinFunction } from "../objects/methodobject.js";
import { PyObject_Vectorcall, PyObject_RichCompareBool, PyObject_Repr } from "../objects/abstract.js";
import { typeError } from "../python/errors.js";
import { checkPositional, noKeywords } from "../python/getargs.js";
import { PyErr_FormatUnraisable } from "../python/unraisable.js";

interface Callback {
  func: PyObject;
  args: PyObject[];
  kwnames: PyTuple | null;
}
let callbacks: Callback[] = [];

/** Runs and clears the callbacks, last registered first (CPython: atexit_callfuncs). */
export function _PyAtExit_Call(): void {
  const todo = callbacks;
  callbacks = [];
  for (let i = todo.length - 1; i >= 0; i--) {
    const cb = todo[i]!;
    const nkw = cb.kwnames === null ? 0 : cb.kwnames.items.length;
    try {
      PyObject_Vectorcall(cb.func, cb.args, 0, cb.args.length - nkw, cb.kwnames);
    } catch (e) {
      let r: string;
      try {
        r = PyObject_Repr(cb.func);
      } catch {
        r = "<object repr() failed>";
      }
      PyErr_FormatUnraisable(`Exception ignored in atexit callback ${r}`, e);
    }
  }
}

export function initAtexit(): PyModule {
  const m = new PyModule("atexit", "allow programmer to define multiple exit functions to be executed\nupon normal program termination.\n\nTwo public functions, register and unregister, are defined.\n");
  const d = m.dict;
  const fn = (name: string, f: (args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null) => PyObject): void => {
    d.setStr(name, newBuiltinFunction(name, (_s, args, start, nargs, kw) => f(args, start, nargs, kw), "atexit"));
  };
  fn("register", (args, start, nargs, kw) => {
    if (nargs < 1) throw typeError(`register() takes at least 1 argument (${nargs} given)`);
    const func = args[start];
    if (Py_TYPE(func).tp_call === null) throw typeError("the first argument must be callable");
    const nkw = kw === null ? 0 : kw.items.length;
    callbacks.push({ func, args: args.slice(start + 1, start + nargs + nkw), kwnames: nkw ? kw : null });
    return func;
  });
  fn("unregister", (args, start, nargs, kw) => {
    noKeywords("unregister", kw);
    checkPositional("unregister", nargs, 1, 1);
    const func = args[start];
    // compared with ==, which may run Python code that changes the list: look at a copy
    const keep: Callback[] = [];
    for (const cb of callbacks.slice()) if (!PyObject_RichCompareBool(cb.func, func, Py_EQ)) keep.push(cb);
    callbacks = keep;
    return Py_None;
  });
  fn("_run_exitfuncs", (_a, _s, nargs, kw) => {
    noKeywords("_run_exitfuncs", kw);
    checkPositional("_run_exitfuncs", nargs, 0, 0);
    _PyAtExit_Call();
    return Py_None;
  });
  fn("_clear", (_a, _s, nargs, kw) => {
    noKeywords("_clear", kw);
    checkPositional("_clear", nargs, 0, 0);
    callbacks = [];
    return Py_None;
  });
  fn("_ncallbacks", (_a, _s, nargs, kw) => {
    noKeywords("_ncallbacks", kw);
    checkPositional("_ncallbacks", nargs, 0, 0);
    return callbacks.length;
  });
  return m;
}
