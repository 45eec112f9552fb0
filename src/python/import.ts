// CPython: Python/import.c (PyImport_ImportModuleLevelObject) with the path-based finding and
// loading that importlib._bootstrap_external does for source files.
//
// A first import system: built-in modules registered from TypeScript, and .py modules and
// packages found on sys.path (or a package's __path__), compiled and run in a new module.
import fs from "node:fs";
import path from "node:path";
import { type PyObject, Py_None, Py_TYPE } from "../objects/object.js";
import { PyModule } from "../objects/moduleobject.js";
import { PyList } from "../objects/listobject.js";

import { PyDict } from "../objects/dictobject.js";
import { newException, PyExc_ModuleNotFoundError, PyExc_ImportError, PyBaseException } from "../objects/exceptions.js";
import { PyObject_GetOptionalAttr, PyObject_SetAttr, PyObject_IsTrue, iterableToArray, PyObject_Str } from "../objects/abstract.js";
import { typeError, valueError, PyErr_ExceptionMatches } from "./errors.js";
import { getSysModule, sysModules } from "./sysmodule.js";
import { builtinsModule } from "./bltinmodule.js";
import { compileStringObject } from "../compiler/compile.js";
import { PyEval_EvalCode } from "../vm/ceval.js";

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
/** Registers `init` for `name` unless a module of that name is registered (for stand-ins). */
export function registerBuiltinModuleDefault(name: string, init: () => PyModule): void {
  if (!builtinModuleInits().has(name)) builtinModuleInits().set(name, init);
}

/** Registers a module written in TypeScript (src/modules/*.ts call this). */
export function registerBuiltinModule(name: string, init: () => PyModule): void {
  builtinModuleInits().set(name, init);
}

function moduleNotFound(name: string): PyBaseException {
  return newException(PyExc_ModuleNotFoundError, [`No module named '${name}'`], new Map([["name", name]]));
}

/** The file of `name`'s last component in the directories `paths`, and whether it is a package. */
function findSource(leaf: string, paths: PyObject[]): { file: string; isPackage: boolean } | null {
  for (const entry of paths) {
    if (typeof entry !== "string") continue;
    const dir = entry === "" ? process.cwd() : entry;
    const pkgInit = path.join(dir, leaf, "__init__.py");
    if (fs.existsSync(pkgInit)) return { file: pkgInit, isPackage: true };
    const file = path.join(dir, leaf + ".py");
    if (fs.existsSync(file)) return { file, isPackage: false };
  }
  return null;
}

/** Loads module `name` (parents already imported) (CPython: _find_and_load). */
function findAndLoad(name: string): PyObject {
  const modules = sysModules();
  const dot = name.lastIndexOf(".");
  let searchPath: PyObject[];
  let parentModule: PyObject | null = null;
  if (dot >= 0) {
    const parent = name.slice(0, dot);
    parentModule = modules.getStr(parent) ?? importAbsolute(parent);
    const p = PyObject_GetOptionalAttr(parentModule, "__path__");
    if (p === null) {
      throw newException(PyExc_ModuleNotFoundError, [`No module named '${name}'; '${parent}' is not a package`], new Map([["name", name]]));
    }
    searchPath = iterableToArray(p);
  } else {
    const init = builtinModuleInits().get(name);
    if (init !== undefined) {
      const m = init();
      modules.setStr(name, m);
      return m;
    }
    const sp = getSysModule().dict.getStr("path");
    searchPath = sp instanceof PyList ? sp.items : [];
  }
  const leaf = name.slice(dot + 1);
  const found = findSource(leaf, searchPath);
  if (found === null) throw moduleNotFound(name);
  const m = new PyModule(name);
  const d = m.dict;
  d.setStr("__file__", found.file);
  d.setStr("__cached__", Py_None);
  d.setStr("__builtins__", builtinsModule);
  if (found.isPackage) {
    d.setStr("__path__", new PyList([path.dirname(found.file)]));
    d.setStr("__package__", name);
  } else d.setStr("__package__", dot >= 0 ? name.slice(0, dot) : "");
  modules.setStr(name, m);
  try {
    const source = fs.readFileSync(found.file);
    const code = compileStringObject(source, found.file, "exec");
    PyEval_EvalCode(code, d, d);
  } catch (e) {
    modules.delItem(name);
    throw e;
  }
  // the module may have replaced itself in sys.modules
  const result = modules.getStr(name) ?? m;
  if (parentModule !== null) PyObject_SetAttr(parentModule, leaf, result);
  return result;
}

function importAbsolute(name: string): PyObject {
  const m = sysModules().getStr(name);
  if (m !== undefined && m !== Py_None) return m;
  if (m === Py_None) throw moduleNotFound(name);
  return findAndLoad(name);
}

/** The package a relative import is resolved against (CPython: resolve_name / _calc___package__). */
function resolveName(name: string, globals: PyObject, level: number): string {
  let pkg: PyObject | undefined;
  if (globals instanceof PyDict) {
    pkg = globals.getStr("__package__");
    if (pkg === undefined || pkg === Py_None) {
      const modName = globals.getStr("__name__");
      if (typeof modName !== "string") throw newException(PyExc_ImportError, ["attempted relative import with no known parent package"]);
      pkg = globals.getStr("__path__") !== undefined ? modName : modName.slice(0, Math.max(0, modName.lastIndexOf(".")));
    }
  }
  if (typeof pkg !== "string" || pkg === "") {
    throw newException(PyExc_ImportError, ["attempted relative import with no known parent package"]);
  }
  const bits = pkg.split(".");
  if (bits.length < level) throw newException(PyExc_ImportError, ["attempted relative import beyond top-level package"]);
  const base = bits.slice(0, bits.length - level + 1).join(".");
  return name ? `${base}.${name}` : base;
}

/** __import__(name, globals, locals, fromlist, level) (CPython: PyImport_ImportModuleLevelObject). */
export function PyImport_ImportModuleLevel(name: PyObject, globals: PyObject, fromlist: PyObject, level: number): PyObject {
  if (typeof name !== "string") throw typeError(`module name must be str, not ${Py_TYPE(name).tp_name}`);
  if (level < 0) throw valueError("level must be >= 0");
  if (level === 0 && name === "") throw valueError("Empty module name");
  const absName = level > 0 ? resolveName(name, globals, level) : name;
  // import each package on the way
  const parts = absName.split(".");
  let mod: PyObject = Py_None;
  for (let i = 1; i <= parts.length; i++) mod = importAbsolute(parts.slice(0, i).join("."));
  const hasFromlist = fromlist !== Py_None && PyObject_IsTrue(fromlist);
  if (!hasFromlist) {
    if (level === 0 || name === "") {
      const top = name === "" ? absName : absName.slice(0, absName.length - name.length) + name.split(".")[0];
      return importAbsolute(level === 0 ? parts[0] : top);
    }
    return importAbsolute(absName.slice(0, absName.length - name.length) + name.split(".")[0]);
  }
  // from package import submodule (CPython: _handle_fromlist)
  if (PyObject_GetOptionalAttr(mod, "__path__") !== null) {
    for (const item of iterableToArray(fromlist)) {
      if (typeof item !== "string") throw typeError(`Item in ${absName}.__all__ must be str, not ${Py_TYPE(item).tp_name}`);
      if (item === "*") {
        const all = PyObject_GetOptionalAttr(mod, "__all__");
        if (all !== null) for (const x of iterableToArray(all)) if (typeof x === "string" && PyObject_GetOptionalAttr(mod, x) === null) tryImport(`${absName}.${x}`);
        continue;
      }
      if (PyObject_GetOptionalAttr(mod, item) === null) tryImport(`${absName}.${item}`);
    }
  }
  return mod;
}

function tryImport(name: string): void {
  try {
    importAbsolute(name);
  } catch (e) {
    if (PyErr_ExceptionMatches(e, PyExc_ModuleNotFoundError) && PyObject_Str(PyObject_GetOptionalAttr(e, "name") ?? Py_None) === name) return;
    throw e;
  }
}
