// CPython: Python/_warnings.c — the warnings machinery in the interpreter: the _warnings module
// (warn, warn_explicit, filters, _defaultaction, _onceregistry, the lock), PyErr_WarnEx and
// PyErr_WarnExplicit for TypeScript callers (the compiler's SyntaxWarnings), and the default
// display `FILE:LINE: Category: message` + the source line, used until `warnings` is imported
// (then warnings._showwarnmsg shows them).
import { type PyObject, type PyTypeObject, Py_None, Py_TYPE, PyTypeObject as TypeClass, PyType_IsSubtype } from "../objects/object.js";
import { PyModule } from "../objects/moduleobject.js";
import { PyTuple } from "../objects/tupleobject.js";
import { PyList } from "../objects/listobject.js";
import { PyDict } from "../objects/dictobject.js";
import { newBuiltinFunction } from "../objects/methodobject.js";
import {
  PyObject_CallMethod, PyObject_IsTrue, PyObject_Str, PyObject_Vectorcall, PyObject_GetOptionalAttr, PyObject_Repr,
  PyObject_GetItem, PyObject_SetItem,
} from "../objects/abstract.js";
import {
  PyBaseException, PyExc_Warning, PyExc_UserWarning, PyExc_DeprecationWarning, PyExc_PendingDeprecationWarning,
  PyExc_ImportWarning, PyExc_ResourceWarning, PyExc_KeyError, PyExc_SyntaxWarning,
} from "../objects/exceptions.js";
import { typeError, runtimeError, PyErr_ExceptionMatches } from "./errors.js";
import { ArgParser } from "./getargs.js";
import { PyThreadState_Get } from "../vm/pystate.js";
import type { _PyInterpreterFrame } from "../vm/frame.js";
import { getSysModule, sysModules } from "./sysmodule.js";
import { PySys_WriteStderr } from "./unraisable.js";
import { getline } from "./traceback.js";
import { PyObject_IsSubclass } from "./bltinmodule.js";
import { PyContextVar } from "./context.js";
import { PyRLock_Type } from "../modules/_threadmodule.js";
import { _PyCompile_SetWarnHook } from "../compiler/compile.js";

// ---- state (CPython: struct _warnings_runtime_state) -----------------------------------------------

/** The default filters of a release build (CPython: init_filters). */
const filters = new PyList([
  new PyTuple(["default", Py_None, PyExc_DeprecationWarning, "__main__", 0]),
  new PyTuple(["ignore", Py_None, PyExc_DeprecationWarning, Py_None, 0]),
  new PyTuple(["ignore", Py_None, PyExc_PendingDeprecationWarning, Py_None, 0]),
  new PyTuple(["ignore", Py_None, PyExc_ImportWarning, Py_None, 0]),
  new PyTuple(["ignore", Py_None, PyExc_ResourceWarning, Py_None, 0]),
]);
const onceRegistry = new PyDict();
const defaultAction = "default";
let filtersVersion = 0;
const warningsContext = new PyContextVar("warnings_context", null);
/** The module lock (_acquire_lock/_release_lock): an RLock. */
let lock: PyObject | null = null;
function theLock(): PyObject {
  return (lock ??= PyObject_Vectorcall(PyRLock_Type, [], 0, 0, null));
}

/** The `warnings` module if it was imported (its attributes override ours). */
function warningsModule(): PyObject | null {
  return sysModules().getStr("warnings") ?? null;
}

/** warnings.<name> if `warnings` is imported and has it, else null (CPython: get_warnings_attr). */
function warningsAttr(name: string): PyObject | null {
  const m = warningsModule();
  if (m === null) return null;
  return PyObject_GetOptionalAttr(m, name);
}

/** The filters in force: the context's (catch_warnings with a context) or the module's list. */
function getFilters(): PyList {
  const f = warningsAttr("filters");
  if (f === null) return filters;
  if (!(f instanceof PyList)) throw typeError("warnings.filters must be a list");
  return f;
}

function getOnceRegistry(): PyObject {
  const r = warningsAttr("onceregistry");
  if (r === null) return onceRegistry;
  if (!(r instanceof PyDict)) throw typeError(`warnings.onceregistry must be a dict, not '${Py_TYPE(r).tp_name}'`);
  return r;
}

function getDefaultAction(): PyObject {
  const a = warningsAttr("defaultaction");
  if (a === null) return defaultAction;
  if (typeof a !== "string") throw typeError(`warnings.defaultaction must be a string, not '${Py_TYPE(a).tp_name}'`);
  return a;
}

// ---- filtering (CPython: get_filter, check_matched, already_warned, update_registry) ---------------

function checkMatched(obj: PyObject, arg: PyObject): boolean {
  if (obj === Py_None) return true;
  if (typeof obj === "string") return obj === arg; // a plain string (a compiled regex is the usual)
  return PyObject_IsTrue(PyObject_CallMethod(obj, "match", arg));
}

/** The action for a warning, and the filter that gave it (null: the default action). */
function getFilter(category: PyObject, text: PyObject, lineno: number, module: PyObject): [string, PyObject | null] {
  const list = getFilters();
  for (let i = 0; i < list.items.length; i++) {
    const item = list.items[i]!;
    if (!(item instanceof PyTuple) || item.items.length !== 5) throw runtimeError(`warnings.filters item ${i} isn't a 5-tuple`);
    const [action, msg, cat, mod, ln] = item.items;
    if (typeof action !== "string") throw typeError(`action must be a string, not '${Py_TYPE(action!).tp_name}'`);
    if (!checkMatched(msg!, text)) continue;
    if (!PyObject_IsSubclass(category, cat!)) continue;
    if (!checkMatched(mod!, module)) continue;
    const l = typeof ln === "number" ? ln : Number(ln);
    if (l !== 0 && l !== lineno) continue;
    return [action, item];
  }
  const a = getDefaultAction();
  return [a as string, null];
}

function alreadyWarned(registry: PyObject, key: PyObject, shouldSet: boolean): boolean {
  if (!(registry instanceof PyDict)) return false;
  const version = filtersVersion;
  const v = registry.getStr("version");
  if (v === undefined || v !== version) {
    PyObject_CallMethod(registry, "clear");
    registry.setStr("version", version);
  } else {
    const already = dictGet(registry, key);
    if (already !== null && PyObject_IsTrue(already)) return true;
  }
  if (shouldSet) PyObject_SetItem(registry, key, true);
  return false;
}

function dictGet(d: PyObject, key: PyObject): PyObject | null {
  try {
    return PyObject_GetItem(d, key);
  } catch (e) {
    if (PyErr_ExceptionMatches(e, PyExc_KeyError)) return null;
    throw e;
  }
}

function updateRegistry(registry: PyObject, text: PyObject, category: PyObject, addZero: boolean): boolean {
  const key = new PyTuple(addZero ? [text, category, 0] : [text, category]);
  return alreadyWarned(registry, key, true);
}

/** A module name from a file name: without ".py" (CPython: normalize_module). */
function normalizeModule(filename: string): string {
  return filename.endsWith(".py") ? filename.slice(0, -3) : filename;
}

// ---- showing (CPython: show_warning, call_show_warning) ---------------------------------------------

function showWarning(filename: string, lineno: number, text: PyObject, category: PyObject, sourceline: PyObject | null): void {
  const name = PyObject_GetOptionalAttr(category, "__name__");
  let out = `${filename}:${lineno}: ${name === null ? "???" : PyObject_Str(name)}: ${PyObject_Str(text)}\n`;
  if (sourceline !== null && sourceline !== Py_None) out += `  ${PyObject_Str(sourceline).trimStart()}\n`;
  else {
    const line = getline(filename, lineno).trim();
    if (line !== "") out += `  ${line}\n`;
  }
  PySys_WriteStderr(out);
}

function callShowWarning(
  category: PyObject, text: PyObject, message: PyObject, filename: string, lineno: number, sourceline: PyObject | null,
  source: PyObject | null,
): void {
  const show = warningsAttr("_showwarnmsg");
  if (show === null) {
    showWarning(filename, lineno, text, category, sourceline);
    return;
  }
  if (Py_TYPE(show).tp_call === null) throw typeError("warnings._showwarnmsg() must be set to a callable");
  const WarningMessage = warningsAttr("WarningMessage");
  if (WarningMessage === null) throw runtimeError("unable to get warnings.WarningMessage");
  const msg = PyObject_Vectorcall(WarningMessage, [message, category, filename, lineno, Py_None, Py_None, source ?? Py_None], 0, 7, null);
  PyObject_Vectorcall(show, [msg], 0, 1, null);
}

// ---- warn_explicit (CPython: warn_explicit) ----------------------------------------------------------

export function warnExplicit(
  category: PyObject, message: PyObject, filename: string, lineno: number, module: PyObject | null,
  registry: PyObject | null, sourceline: PyObject | null, source: PyObject | null,
): void {
  if (registry !== null && registry !== Py_None && !(registry instanceof PyDict)) throw typeError("'registry' must be a dict or None");
  const mod = module ?? normalizeModule(filename);
  let text: PyObject;
  if (message instanceof PyBaseException && PyType_IsSubtype(Py_TYPE(message), PyExc_Warning)) {
    text = PyObject_Str(message);
    category = Py_TYPE(message);
  } else {
    text = message;
    message = PyObject_Vectorcall(category, [message], 0, 1, null);
  }
  const key = new PyTuple([text, category, lineno]);
  const reg = registry === null || registry === Py_None ? null : registry;
  if (reg !== null && alreadyWarned(reg, key, false)) return;
  const [action, item] = getFilter(category, text, lineno, mod);
  if (action === "error") throw message;
  if (action === "ignore") return;
  let shown = false;
  if (action === "once") {
    if (reg !== null) PyObject_SetItem(reg, key, true);
    shown = updateRegistry(getOnceRegistry(), text, category, false);
  } else if (action === "module") {
    if (reg !== null) shown = updateRegistry(reg, text, category, true);
  } else if (action === "default") {
    if (reg !== null) PyObject_SetItem(reg, key, true);
  } else if (action !== "always" && action !== "all") {
    throw runtimeError(`Unrecognized action (${PyObject_Repr(action)}) in warnings.filters:\n ${item === null ? "None" : PyObject_Repr(item)}`);
  }
  if (shown) return;
  callShowWarning(category, text, message, filename, lineno, sourceline, source);
}

// ---- warn (CPython: setup_context, get_category, do_warn) -------------------------------------------

function isInternalFilename(f: string): boolean {
  return f.includes("importlib") && f.includes("_bootstrap");
}
function isFilenameToSkip(f: string, prefixes: readonly string[]): boolean {
  return prefixes.some((p) => f.startsWith(p));
}
function nextExternalFrame(f: _PyInterpreterFrame, prefixes: readonly string[]): _PyInterpreterFrame | null {
  let g: _PyInterpreterFrame | null = f.previous;
  while (g !== null) {
    const fn = g.f_executable.co_filename;
    if (!isInternalFilename(fn) && !isFilenameToSkip(fn, prefixes)) break;
    g = g.previous;
  }
  return g;
}

function setupContext(stacklevel: number, prefixes: readonly string[]): [string, number, PyObject, PyObject] {
  let f = PyThreadState_Get().current_frame;
  if (stacklevel <= 0 || (f !== null && isInternalFilename(f.f_executable.co_filename))) {
    while (--stacklevel > 0 && f !== null) f = f.previous;
  } else {
    while (--stacklevel > 0 && f !== null) f = nextExternalFrame(f, prefixes);
  }
  let globals: PyObject;
  let filename: string;
  let lineno: number;
  if (f === null) {
    globals = getSysModule().dict;
    filename = "<sys>";
    lineno = 0;
  } else {
    globals = f.f_globals;
    filename = f.f_executable.co_filename;
    lineno = f.f_executable.addr2line(f.instr_ptr) ?? 0;
  }
  let registry = dictGet(globals, "__warningregistry__");
  if (registry === null) {
    registry = new PyDict();
    PyObject_SetItem(globals, "__warningregistry__", registry);
  }
  const module = dictGet(globals, "__name__") ?? "<string>";
  return [filename, lineno, module, registry];
}

function getCategory(message: PyObject, category: PyObject | null): PyObject {
  if (message instanceof PyBaseException && PyType_IsSubtype(Py_TYPE(message), PyExc_Warning)) return Py_TYPE(message);
  if (category === null || category === Py_None) return PyExc_UserWarning;
  if (!(category instanceof TypeClass) || !PyType_IsSubtype(category, PyExc_Warning)) {
    throw typeError(`category must be a Warning subclass, not '${Py_TYPE(category).tp_name}'`);
  }
  return category;
}

/** CPython: PyErr_WarnEx — warns about `text` from the running Python code (stacklevel frames up). */
export function PyErr_WarnEx(category: PyTypeObject, text: string, stacklevel: number): void {
  const [filename, lineno, module, registry] = setupContext(stacklevel, []);
  warnExplicit(category, text, filename, lineno, module, registry, null, null);
}

/** CPython: PyErr_WarnExplicitObject (registry null: each call shows, as the compiler's warnings). */
export function PyErr_WarnExplicit(category: PyTypeObject, text: string, filename: string, lineno: number): void {
  warnExplicit(category, text, filename, lineno, null, null, null, null);
}

_PyCompile_SetWarnHook((msg, filename, lineno) => {
  try {
    PyErr_WarnExplicit(PyExc_SyntaxWarning, msg, filename, lineno);
    return true;
  } catch (e) {
    if (PyErr_ExceptionMatches(e, PyExc_SyntaxWarning)) return false;
    throw e;
  }
});

// ---- the module --------------------------------------------------------------------------------------

const warnParser = new ArgParser("warn", ["message", "category", "stacklevel", "source", "skip_file_prefixes"], {
  required: 1,
  kwonlyStart: 4,
});
const warnExplicitParser = new ArgParser(
  "warn_explicit",
  ["message", "category", "filename", "lineno", "module", "registry", "module_globals", "source"],
  { required: 4 },
);

export function init_warnings(): PyModule {
  const m = new PyModule("_warnings", "_warnings provides basic warning filtering support.\nIt is a helper module to speed up interpreter start-up.");
  const d = m.dict;
  d.setStr("filters", filters);
  d.setStr("_defaultaction", defaultAction);
  d.setStr("_onceregistry", onceRegistry);
  d.setStr("_warnings_context", warningsContext);
  const fn = (name: string, f: (args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null) => PyObject): void => {
    d.setStr(name, newBuiltinFunction(name, (_s, args, start, nargs, kw) => f(args, start, nargs, kw), "_warnings"));
  };
  fn("warn", (args, start, nargs, kw) => {
    const [message, category, sl, source, skip] = warnParser.parse(args, start, nargs, kw);
    const cat = getCategory(message!, category);
    let stacklevel = sl === null ? 1 : Number(sl);
    let prefixes: string[] = [];
    if (skip !== null) {
      if (!(skip instanceof PyTuple)) throw typeError(`warn() argument 'skip_file_prefixes' must be tuple, not ${Py_TYPE(skip).tp_name}`);
      for (const p of skip.items) {
        if (typeof p !== "string") throw typeError("skip_file_prefixes must be a tuple of strs");
        prefixes.push(p);
      }
      if (prefixes.length > 0 && stacklevel < 2) stacklevel = 2;
    } else prefixes = [];
    const [filename, lineno, module, registry] = setupContext(stacklevel, prefixes);
    warnExplicit(cat, message!, filename, lineno, module, registry, null, source);
    return Py_None;
  });
  fn("warn_explicit", (args, start, nargs, kw) => {
    const [message, category, filename, lineno, module, registry, moduleGlobals, source] = warnExplicitParser.parse(args, start, nargs, kw);
    if (typeof filename !== "string") throw typeError(`warn_explicit() argument 'filename' must be str, not ${Py_TYPE(filename!).tp_name}`);
    const ln = typeof lineno === "number" ? lineno : typeof lineno === "boolean" ? Number(lineno) : NaN;
    if (Number.isNaN(ln)) throw typeError(`'${Py_TYPE(lineno!).tp_name}' object cannot be interpreted as an integer`);
    let sourceline: PyObject | null = null;
    if (moduleGlobals !== null && moduleGlobals !== Py_None) {
      if (!(moduleGlobals instanceof PyDict)) throw typeError(`module_globals must be a dict, not '${Py_TYPE(moduleGlobals).tp_name}'`);
      const loader = moduleGlobals.getStr("__loader__");
      const modName = moduleGlobals.getStr("__name__");
      if (loader !== undefined && modName !== undefined && loader !== Py_None) {
        const getSource = PyObject_GetOptionalAttr(loader, "get_source");
        if (getSource !== null) {
          const src = PyObject_Vectorcall(getSource, [modName], 0, 1, null);
          if (typeof src === "string") {
            const line = src.split(/\r\n|\r|\n/)[ln - 1];
            if (line !== undefined) sourceline = line;
          }
        }
      }
    }
    warnExplicit(category!, message!, filename, ln, module === Py_None ? null : module, registry, sourceline, source);
    return Py_None;
  });
  fn("_filters_mutated_lock_held", () => {
    filtersVersion++;
    return Py_None;
  });
  fn("_acquire_lock", () => PyObject_CallMethod(theLock(), "acquire"));
  fn("_release_lock", () => {
    try {
      PyObject_CallMethod(theLock(), "release");
    } catch (e) {
      if (e instanceof PyBaseException) throw runtimeError("cannot release un-acquired lock");
      throw e;
    }
    return Py_None;
  });
  return m;
}

