// CPython: Python/sysmodule.c (sys.excepthook, displayhook, unraisablehook, breakpointhook,
// exception, exc_info) and Python/pythonrun.c (_PyErr_PrintEx calling sys.excepthook,
// PyErr_Display).
import { type PyObject, Py_None, Py_TYPE, PyObject_TypeCheck } from "../objects/object.js";
import type { PyDict } from "../objects/dictobject.js";
import { PyTuple } from "../objects/tupleobject.js";
import {
  PyBaseException, PySyntaxError, PyExc_UnicodeEncodeError, PyExc_RuntimeWarning, PyExc_ImportError,
  PyExc_AttributeError, PyExc_SystemExit, newException,
} from "../objects/exceptions.js";
import {
  PyObject_Repr, PyObject_CallMethod, PyObject_GetAttr, PyObject_SetAttr, PyObject_Vectorcall,
  PyObject_GetOptionalAttr, PyObject_CallFunctionObjArgs,
} from "../objects/abstract.js";
import { PyList } from "../objects/listobject.js";
import { runtimeError, typeError, PyErr_ExceptionMatches, PyErr_FromJS } from "./errors.js";
import { PyErr_WarnEx } from "./_warnings.js";
import { PyThreadState_Get } from "../vm/pystate.js";
import { formatException, PyTraceBackObject } from "./traceback.js";
import { formatSyntaxError } from "./pythonrun.js";
import { PySys_WriteStderr, UnraisableHookArgs_Type, writeUnraisableDefault } from "./unraisable.js";
import { builtinsModule, builtinsDict } from "./bltinmodule.js";
import { sysOptions } from "./sysmodule_config.js";
import { writeStderr } from "../cli/output.js";
import { defFunction, defPositional } from "../modules/posixmodule_def.js";
import { newBuiltinFunction } from "../objects/methodobject.js";

/** The exception being handled (CPython: _PyErr_GetTopmostException(tstate)->exc_value). */
function currentException(): PyObject {
  const e = PyThreadState_Get().exc_info;
  return e === null ? Py_None : e;
}

/** (type, value, traceback) of an exception or None (CPython: _PyErr_StackItemToExcInfoTuple). */
export function excInfoTuple(e: PyObject): PyTuple {
  if (e === Py_None || !(e instanceof PyBaseException)) return new PyTuple([Py_None, Py_None, Py_None]);
  return new PyTuple([Py_TYPE(e), e, e.traceback ?? Py_None]);
}

/** The text PyErr_Display writes for `value` (the default sys.excepthook). */
export function displayText(value: PyObject, tb: PyObject): string {
  if (value === Py_None) return "NoneType: None\n";
  if (!(value instanceof PyBaseException)) {
    return `TypeError: print_exception(): Exception expected for value, ${Py_TYPE(value).tp_name} found\n`;
  }
  // "Put the traceback on the exception, otherwise it won't get displayed."
  if (tb instanceof PyTraceBackObject && value.traceback === null) value.traceback = tb;
  if (value instanceof PySyntaxError) return formatSyntaxError(value);
  return formatException(value);
}

/** sys.excepthook as CPython defines it (PyErr_Display to sys.stderr). */
function defaultExcepthook(value: PyObject, tb: PyObject): PyObject {
  const err = sysDict().getStr("stderr");
  if (err === undefined) writeStderr("lost sys.stderr\n");
  else if (err !== Py_None) PySys_WriteStderr(displayText(value, tb));
  return Py_None;
}

/** Writes repr(o) with backslash escapes when the stream's encoding cannot take it. */
function displayUnencodable(outf: PyObject, o: PyObject): void {
  const encoding = PyObject_GetAttr(outf, "encoding");
  const encoded = PyObject_CallMethod(PyObject_Repr(o), "encode", encoding, "backslashreplace");
  const buffer = PyObject_GetOptionalAttr(outf, "buffer");
  if (buffer !== null) PyObject_CallMethod(buffer, "write", encoded);
  else PyObject_CallMethod(outf, "write", PyObject_CallMethod(encoded, "decode", encoding, "strict"));
}

/** sys.displayhook (CPython: sys_displayhook). */
function displayhook(o: PyObject): PyObject {
  if (o === Py_None) return Py_None;
  PyObject_SetAttr(builtinsModule, "_", Py_None);
  const outf = sysDict().getStr("stdout");
  if (outf === undefined || outf === Py_None) throw runtimeError("lost sys.stdout");
  try {
    PyObject_CallMethod(outf, "write", PyObject_Repr(o));
  } catch (e) {
    if (!PyErr_ExceptionMatches(e, PyExc_UnicodeEncodeError)) throw e;
    displayUnencodable(outf, o);
  }
  PyObject_CallMethod(outf, "write", "\n");
  PyObject_SetAttr(builtinsModule, "_", o);
  return Py_None;
}

/** sys.breakpointhook (CPython: sys_breakpointhook): PYTHONBREAKPOINT names the function to call. */
function breakpointhook(args: readonly PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  let envar = sysOptions.useEnvironment ? (process.env.PYTHONBREAKPOINT ?? "") : "";
  if (envar === "") envar = "pdb.set_trace";
  else if (envar === "0") return Py_None;
  const dot = envar.lastIndexOf(".");
  const warn = (): PyObject => {
    PyErr_WarnEx(PyExc_RuntimeWarning, `Ignoring unimportable $PYTHONBREAKPOINT: "${envar}"`, 0);
    return Py_None;
  };
  if (dot === 0) return warn();
  const modulepath = dot < 0 ? "builtins" : envar.slice(0, dot);
  const attrname = dot < 0 ? envar : envar.slice(dot + 1);
  let hook: PyObject;
  try {
    const module = importModule(modulepath);
    hook = PyObject_GetAttr(module, attrname);
  } catch (e) {
    if (PyErr_ExceptionMatches(e, PyExc_ImportError) || PyErr_ExceptionMatches(e, PyExc_AttributeError)) return warn();
    throw e;
  }
  return PyObject_Vectorcall(hook, args, start, nargs, kwnames);
}

/** CPython: PyImport_Import — __import__(name, fromlist=['__doc__']), then sys.modules[name]. */
function importModule(name: string): PyObject {
  const imp = builtinsDict.getStr("__import__");
  if (imp === undefined) throw newImportError("__import__ not found");
  PyObject_CallFunctionObjArgs(imp, name, Py_None, Py_None, new PyList(["__doc__"]), 0);
  const modules = sysDict().getStr("modules") as PyDict | undefined;
  const m = modules?.getStr(name);
  if (m === undefined) throw newImportError(`No module named '${name}'`);
  return m;
}

function newImportError(msg: string): PyBaseException {
  return newException(PyExc_ImportError, [msg]);
}

let sysDictRef: PyDict | null = null;
function sysDict(): PyDict {
  if (sysDictRef === null) throw runtimeError("lost sys module");
  return sysDictRef;
}

/** The built-in hooks (to recognize a user's replacement). */
let builtinExcepthook: PyObject | null = null;

/** Adds the hook functions, their __*hook__ twins, exception() and exc_info() to the sys dict. */
export function initSysHooks(d: PyDict): void {
  sysDictRef = d;
  const M = "sys";
  builtinExcepthook = defPositional(d, M, "excepthook", ["exctype", "value", "traceback"], 3, (a) =>
    defaultExcepthook(a[1] as PyObject, a[2] as PyObject),
  );
  defPositional(d, M, "displayhook", ["object"], 1, (a) => displayhook(a[0] as PyObject));
  defPositional(d, M, "unraisablehook", ["unraisable"], 1, (a) => defaultUnraisableHook(a[0] as PyObject));
  d.setStr("breakpointhook", newBuiltinFunction("breakpointhook", (_s, args, start, nargs, kwnames) => breakpointhook(args, start, nargs, kwnames), M));
  for (const n of ["displayhook", "excepthook", "breakpointhook", "unraisablehook"]) d.setStr(`__${n}__`, d.getStr(n) as PyObject);
  defFunction(d, M, "exception", [], {}, () => currentException());
  defFunction(d, M, "exc_info", [], {}, () => excInfoTuple(currentException()));
}

/** How PyErr_Print's call of sys.excepthook went. */
export type ExcepthookOutcome =
  | { kind: "default" }
  | { kind: "done" }
  | { kind: "missing" }
  | { kind: "failed"; error: PyBaseException }
  | { kind: "exit"; exit: PyBaseException };

/**
 * CPython: _PyErr_PrintEx(set_sys_last_vars=1) up to the display: sets sys.last_exc and the
 * legacy last_type/last_value/last_traceback, then calls a user's sys.excepthook. "default" means
 * the built-in hook is installed and the caller displays the exception itself.
 */
export function callExcepthook(exc: PyBaseException): ExcepthookOutcome {
  const d = sysDictRef;
  if (d === null) return { kind: "default" };
  d.setStr("last_exc", exc);
  d.setStr("last_type", Py_TYPE(exc));
  d.setStr("last_value", exc);
  d.setStr("last_traceback", exc.traceback ?? Py_None);
  const hook = d.getStr("excepthook");
  if (hook === undefined) return { kind: "missing" };
  if (hook === builtinExcepthook) return { kind: "default" };
  try {
    PyObject_CallFunctionObjArgs(hook, Py_TYPE(exc), exc, exc.traceback ?? Py_None);
    return { kind: "done" };
  } catch (e) {
    const err = PyErr_FromJS(e);
    if (PyObject_TypeCheck(err, PyExc_SystemExit)) return { kind: "exit", exit: err };
    return { kind: "failed", error: err };
  }
}

// ---- sys.unraisablehook (CPython: Python/errors.c) ------------------------------------------------

/** The default sys.unraisablehook (CPython: _PyErr_WriteUnraisableDefaultHook). */
function defaultUnraisableHook(args: PyObject): PyObject {
  if (Py_TYPE(args) !== UnraisableHookArgs_Type) throw typeError("sys.unraisablehook argument type must be UnraisableHookArgs");
  writeUnraisableDefault(args);
  return Py_None;
}
