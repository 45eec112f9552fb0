// CPython: Python/import.c — the built-in module table (inittab), frozen-module execution
// (PyImport_ImportFrozenModuleObject), the installation of importlib at start-up (init_importlib,
// _PyImport_InitExternal, init_zipimport) and `__import__` (PyImport_ImportModuleLevelObject):
// a module already in sys.modules is returned here; any other is found and loaded by
// importlib._bootstrap._find_and_load, running CPython's own importlib (docs/import.md).
import { type PyObject, Py_None, Py_EQ, Py_TYPE } from "../objects/object.js";
import { PyCodeObject } from "../objects/codeobject.js";
import { PyModule, setImportlibModuleRepr } from "../objects/moduleobject.js";
import { PyList } from "../objects/listobject.js";
import { PyDict } from "../objects/dictobject.js";
import { newException, PyExc_ModuleNotFoundError, PyExc_ImportError, PyExc_ImportWarning, PyExc_DeprecationWarning, PyExc_KeyError, PyBaseException } from "../objects/exceptions.js";
import {
  PyObject_GetOptionalAttr, PyObject_GetAttr, PyObject_IsTrue, PyObject_CallOneArg, PyObject_CallMethod, PyObject_RichCompareBool, PyObject_Repr,
} from "../objects/abstract.js";
import { typeError, valueError, PyErr_ExceptionMatches } from "./errors.js";
import { getSysModule, sysModules } from "./sysmodule.js";
import { builtinsModule } from "./bltinmodule.js";
import { PyEval_EvalCode } from "../vm/ceval.js";
import { PyTraceBackObject } from "./traceback.js";
import { PyErr_WarnEx } from "./_warnings.js";
import { frozenCode, frozenConfig, frozenOrigName, lookUpFrozen } from "./frozen.js";
import { sysOptions } from "./sysmodule_config.js";
import { init_imp } from "./import_imp.js";

/** Modules implemented in TypeScript, created on first import (CPython: the inittab). */
// `var` without an initializer: modules may register while this module is still being evaluated (import cycles)
// eslint-disable-next-line no-var
var inittab: Map<string, () => PyModule> | undefined;
function builtinModuleInits(): Map<string, () => PyModule> {
  // created on first use: modules register themselves while this module may still be loading
  return (inittab ??= new Map<string, () => PyModule>([["sys", getSysModule]]));
}

/** The names of the modules written in TypeScript, sorted (sys.builtin_module_names). */
export function builtinModuleNames(): string[] {
  return ["builtins", ...builtinModuleInits().keys()].sort();
}

/** The init function of built-in module `name` (CPython: the inittab entry). */
export function builtinModuleInit(name: string): (() => PyModule) | undefined {
  return builtinModuleInits().get(name);
}
export function isBuiltinModuleName(name: string): boolean {
  return name === "builtins" || builtinModuleInits().has(name);
}

/** Registers a module written in TypeScript (src/modules/*.ts call this). */
export function registerBuiltinModule(name: string, init: () => PyModule): void {
  builtinModuleInits().set(name, init);
}

/** A built-in module, created (once) without importlib (CPython: _bootstrap._builtin_from_name's C side). */
function builtinFromName(name: string): PyModule {
  const modules = sysModules();
  const m = modules.getStr(name);
  if (m instanceof PyModule) return m;
  const init = builtinModuleInits().get(name);
  if (init === undefined) throw newException(PyExc_ImportError, [`no built-in module named ${name}`], new Map([["name", name]]));
  const mod = init();
  modules.setStr(name, mod);
  return mod;
}

// ---- frozen modules --------------------------------------------------------------------------

/**
 * Runs frozen module `name` in a module of that name in sys.modules; false when there is no such
 * frozen module (CPython: PyImport_ImportFrozenModuleObject).
 */
export function PyImport_ImportFrozenModuleObject(name: string): boolean {
  const entry = lookUpFrozen(name);
  if (entry === null) return false;
  const code = frozenCode(entry);
  if (!(code instanceof PyCodeObject)) throw newException(PyExc_ImportError, [`Frozen object named ${PyObject_Repr(name)} is invalid`], new Map([["name", name]]));
  const modules = sysModules();
  let m = modules.getStr(name);
  if (!(m instanceof PyModule)) {
    m = new PyModule(name);
    modules.setStr(name, m);
  }
  const d = (m as PyModule).dict;
  if (entry.isPackage) d.setStr("__path__", new PyList([]));
  if (d.getStr("__builtins__") === undefined) d.setStr("__builtins__", builtinsModule);
  try {
    PyEval_EvalCode(code, d, d);
  } catch (e) {
    modules.delItem(name);
    throw e;
  }
  // consumed by FrozenImporter._fix_up_module
  d.setStr("__origname__", frozenOrigName(name));
  return true;
}

// ---- importlib at start-up ---------------------------------------------------------------------

/** importlib._bootstrap, once installed (CPython: interp->imports.importlib). */
let importlib: PyModule | null = null;
/** The original builtins.__import__ (CPython: interp->imports.import_func). */
let importFunc: PyObject | null = null;

/** True while initImportlib runs: imports are then of built-in modules only. */
let installing = false;

/**
 * CPython: init_importlib, init_importlib_external and init_zipimport. Runs the frozen
 * importlib._bootstrap as _frozen_importlib, installs it with _install(sys, _imp) (BuiltinImporter
 * and FrozenImporter on sys.meta_path), then _install_external_importers() (PathFinder, the
 * FileFinder path hook) and puts zipimport.zipimporter first on sys.path_hooks.
 */
export function initImportlib(): void {
  if (importlib !== null || installing) return;
  installing = true;
  try {
    installImportlib();
  } finally {
    installing = false;
  }
}

function installImportlib(): void {
  const sys = getSysModule();
  // -X frozen_modules=off leaves only the bootstrap modules frozen (CPython: config->use_frozen_modules)
  for (const x of sysOptions.xoptions) if (x.startsWith("frozen_modules=")) frozenConfig.useFrozenModules = x !== "frozen_modules=off";
  importFunc = builtinsModule.dict.getStr("__import__") ?? null;
  if (!PyImport_ImportFrozenModuleObject("_frozen_importlib")) throw new Error("tython: the frozen importlib._bootstrap is missing");
  const bootstrap = sysModules().getStr("_frozen_importlib") as PyModule;
  const imp = init_imp();
  sysModules().setStr("_imp", imp);
  PyObject_CallMethod(bootstrap, "_install", sys, imp);
  importlib = bootstrap;
  const moduleRepr = PyObject_GetAttr(bootstrap, "_module_repr");
  setImportlibModuleRepr((m) => {
    const r = PyObject_CallOneArg(moduleRepr, m);
    if (typeof r !== "string") throw typeError(`__repr__ returned non-string (type ${Py_TYPE(r).tp_name})`);
    return r;
  });
  PyObject_CallMethod(bootstrap, "_install_external_importers");
  const hooks = sys.dict.getStr("path_hooks");
  try {
    const zipimporter = PyObject_GetAttr(PyImport_ImportModuleLevel("zipimport", Py_None, Py_None, 0), "zipimporter");
    if (hooks instanceof PyList) hooks.items.unshift(zipimporter);
  } catch (e) {
    // no zipimporter: zip files on sys.path are not searched
    if (!(e instanceof PyBaseException)) throw e;
  }
}

// ---- __import__ --------------------------------------------------------------------------------

function moduleNotFound(msg: string, name: string): PyBaseException {
  return newException(PyExc_ModuleNotFoundError, [msg], new Map([["name", name]]));
}

function noParent(): PyBaseException {
  return newException(PyExc_ImportError, ["attempted relative import with no known parent package"]);
}

/** The absolute name of a relative import (CPython: resolve_name). */
function resolveName(name: string, globals: PyObject, level: number): string {
  if (!(globals instanceof PyDict)) throw typeError("globals must be a dict");
  let pkg: PyObject | undefined = globals.getStr("__package__");
  if (pkg === Py_None) pkg = undefined;
  const spec = globals.getStr("__spec__");
  let packageName: string;
  if (pkg !== undefined) {
    if (typeof pkg !== "string") throw typeError("package must be a string");
    if (spec !== undefined && spec !== Py_None) {
      const parent = PyObject_GetAttr(spec, "parent");
      if (!PyObject_RichCompareBool(pkg, parent, Py_EQ)) PyErr_WarnEx(PyExc_DeprecationWarning, "__package__ != __spec__.parent", 1);
    }
    packageName = pkg;
  } else if (spec !== undefined && spec !== Py_None) {
    const parent = PyObject_GetAttr(spec, "parent");
    if (typeof parent !== "string") throw typeError("__spec__.parent must be a string");
    packageName = parent;
  } else {
    PyErr_WarnEx(PyExc_ImportWarning, "can't resolve package from __spec__ or __package__, falling back on __name__ and __path__", 1);
    const modName = globals.getStr("__name__");
    if (modName === undefined) throw newException(PyExc_KeyError, ["'__name__' not in globals"]);
    if (typeof modName !== "string") throw typeError("__name__ must be a string");
    packageName = modName;
    if (globals.getStr("__path__") === undefined) {
      const dot = modName.lastIndexOf(".");
      if (dot < 0) throw noParent();
      packageName = modName.slice(0, dot);
    }
  }
  let lastDot = packageName.length;
  if (lastDot === 0) throw noParent();
  for (let up = 1; up < level; up++) {
    lastDot = packageName.lastIndexOf(".", lastDot - 1);
    if (lastDot < 0) throw newException(PyExc_ImportError, ["attempted relative import beyond top-level package"]);
  }
  const base = packageName.slice(0, lastDot);
  return name === "" ? base : `${base}.${name}`;
}

/** A module in sys.modules still running its body waits for its import to finish (CPython: import_ensure_initialized). */
function ensureInitialized(mod: PyObject, name: string): void {
  const spec = PyObject_GetOptionalAttr(mod, "__spec__");
  if (spec === null || spec === Py_None) return;
  const initializing = PyObject_GetOptionalAttr(spec, "_initializing");
  if (initializing !== null && PyObject_IsTrue(initializing) && importlib !== null) {
    PyObject_CallMethod(importlib, "_lock_unlock_module", name);
  }
}

/** CPython: import_find_and_load. */
function findAndLoad(absName: string): PyObject {
  if (importlib === null) initImportlib();
  if (importlib === null) return builtinFromName(absName);
  return PyObject_CallMethod(importlib, "_find_and_load", absName, importFunc ?? Py_None);
}

/** sys.modules[name], or null (None included: the caller decides). */
function getModule(name: string): PyObject | undefined {
  return sysModules().getStr(name);
}

/** Imports `absName` unless it is in sys.modules (CPython: the first half of PyImport_ImportModuleLevelObject). */
function importModule(absName: string): PyObject {
  const mod = getModule(absName);
  if (mod !== undefined && mod !== Py_None) {
    ensureInitialized(mod, absName);
    return mod;
  }
  if (mod === Py_None) throw moduleNotFound(`import of ${absName} halted; None in sys.modules`, absName);
  return findAndLoad(absName);
}

/** __import__(name, globals, locals, fromlist, level) (CPython: PyImport_ImportModuleLevelObject). */
export function PyImport_ImportModuleLevel(name: PyObject, globals: PyObject, fromlist: PyObject, level: number): PyObject {
  try {
    return importModuleLevel(name, globals, fromlist, level);
  } catch (e) {
    if (e instanceof PyBaseException) removeImportlibFrames(e);
    throw e;
  }
}

function importModuleLevel(name: PyObject, globals: PyObject, fromlist: PyObject, level: number): PyObject {
  if (typeof name !== "string") throw typeError("module name must be a string");
  if (level < 0) throw valueError("level must be >= 0");
  let absName: string;
  if (level > 0) absName = resolveName(name, globals, level);
  else {
    if (name === "") throw valueError("Empty module name");
    absName = name;
  }
  const mod = importModule(absName);
  const hasFrom = fromlist !== Py_None && PyObject_IsTrue(fromlist);
  if (!hasFrom) {
    if (level === 0 || name.length > 0) {
      const dot = name.indexOf(".");
      if (dot < 0) return mod;
      if (level === 0) return importModuleLevel(name.slice(0, dot), Py_None, Py_None, 0);
      // the top package of `name`, relative to the resolved package
      const toReturn = absName.slice(0, absName.length - (name.length - dot));
      const top = getModule(toReturn);
      if (top === undefined) throw newException(PyExc_KeyError, [`${PyObject_Repr(toReturn)} not in sys.modules as expected`]);
      return top;
    }
    return mod;
  }
  if (importlib !== null && PyObject_GetOptionalAttr(mod, "__path__") !== null) {
    return PyObject_CallMethod(importlib, "_handle_fromlist", mod, fromlist, importFunc ?? Py_None);
  }
  return mod;
}

/** The interpreter's own __import__ (for IMPORT_NAME's fast path). */
export function originalImportFunc(): PyObject | null {
  return importFunc;
}

const IMPORTLIB_FILENAME = "<frozen importlib._bootstrap>";
const EXTERNAL_FILENAME = "<frozen importlib._bootstrap_external>";

/**
 * Removes importlib's frames from an import error's traceback: all of them for an ImportError,
 * else each run of them that ends in _call_with_frames_removed (CPython: remove_importlib_frames;
 * kept under -v).
 */
function removeImportlibFrames(exc: PyBaseException): void {
  if (verboseImport()) return;
  const alwaysTrim = PyErr_ExceptionMatches(exc, PyExc_ImportError);
  // the links are the exception's traceback slot, then each entry's tb_next
  const head = { tb_next: exc.traceback instanceof PyTraceBackObject ? exc.traceback : null };
  type Link = { tb_next: PyTraceBackObject | null };
  let prevLink: Link = head;
  let outerLink: Link = head;
  let inImportlib = false;
  let tb = head.tb_next;
  while (tb !== null) {
    const next = tb.tb_next;
    const code = tb.tb_frame.f_frame.f_executable;
    const nowIn = code.co_filename === IMPORTLIB_FILENAME || code.co_filename === EXTERNAL_FILENAME;
    if (nowIn && !inImportlib) outerLink = prevLink;
    inImportlib = nowIn;
    if (inImportlib && (alwaysTrim || code.co_name === "_call_with_frames_removed")) {
      outerLink.tb_next = next;
      prevLink = outerLink;
    } else prevLink = tb;
    tb = next;
  }
  if (exc.traceback instanceof PyTraceBackObject) exc.traceback = head.tb_next;
}

function verboseImport(): boolean {
  const flags = getSysModule().dict.getStr("flags");
  if (flags === undefined) return false;
  const v = PyObject_GetOptionalAttr(flags, "verbose");
  return v !== null && PyObject_IsTrue(v);
}

/** Imports module `name` as `import name` does and returns sys.modules[name] (CPython: PyImport_ImportModule). */
export function PyImport_ImportModule(name: string): PyObject {
  PyImport_ImportModuleLevel(name, Py_None, new PyList([]), 0);
  const m = getModule(name);
  if (m === undefined) throw newException(PyExc_KeyError, [name]);
  return m;
}
