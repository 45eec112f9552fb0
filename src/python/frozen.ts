// CPython: Python/frozen.c (the tables of frozen modules) and the frozen-module lookup of
// Python/import.c (look_up_frozen, find_frozen, unmarshal_frozen_code).
//
// CPython compiles these modules into the executable at build time. tython keeps their code as
// marshalled code objects in lib/frozen_modules/NAME.pyc, written by tools/freeze_modules.ts at
// install time (`npm install` runs it) in the .pyc layout (magic, flags, source mtime, source
// size, marshal data), so that a blob older than its source is noticed: it is then compiled
// again from lib/python3.14 and rewritten when the folder is writable.
import fs from "node:fs";
import path from "node:path";
import type { PyObject } from "../objects/object.js";
import { compileStringObject } from "../compiler/compile.js";
import { PyMarshal_ReadObjectFromString } from "./marshal.js";
import { pycFromCode, readPycHeader } from "./pyc.js";
import { FROZEN_DIR, STDLIB_DIR } from "./paths.js";


/** One entry of a frozen table (CPython: struct _frozen): `source` names the module whose code it is. */
export interface FrozenEntry {
  readonly name: string;
  readonly source: string;
  readonly isPackage: boolean;
}

function mod(name: string, source = name, isPackage = false): FrozenEntry {
  return { name, source, isPackage };
}

/** Always used, even under -X frozen_modules=off (CPython: _PyImport_FrozenBootstrap). */
export const FROZEN_BOOTSTRAP: readonly FrozenEntry[] = [
  mod("_frozen_importlib", "importlib._bootstrap"),
  mod("_frozen_importlib_external", "importlib._bootstrap_external"),
  mod("zipimport"),
];

/** The start-up and runpy modules (CPython: _PyImport_FrozenStdlib). */
export const FROZEN_STDLIB: readonly FrozenEntry[] = [
  mod("abc"), mod("codecs"), mod("io"),
  mod("_collections_abc"), mod("_sitebuiltins"), mod("genericpath"), mod("ntpath"), mod("posixpath"),
  mod("os.path", "posixpath"), mod("os"), mod("site"), mod("stat"),
  mod("importlib.util"), mod("importlib.machinery"), mod("runpy"),
];

/** Modules for the tests of frozen imports (CPython: _PyImport_FrozenTest; __hello_only__ has no source here). */
export const FROZEN_TEST: readonly FrozenEntry[] = [
  mod("__hello__"), mod("__hello_alias__", "__hello__"), mod("__phello_alias__", "__hello__", true),
  mod("__phello_alias__.spam", "__hello__"), mod("__phello__", "__phello__", true),
  mod("__phello__.__init__", "__phello__"), mod("__phello__.ham", "__phello__.ham", true),
  mod("__phello__.ham.__init__", "__phello__.ham"), mod("__phello__.ham.eggs"), mod("__phello__.spam"),
];

/** A frozen module's original name, when its name is an alias (CPython: _PyImport_FrozenAliases). */
const ALIASES = new Map<string, string>([
  ["_frozen_importlib", "importlib._bootstrap"],
  ["_frozen_importlib_external", "importlib._bootstrap_external"],
  ["os.path", "posixpath"],
  ["__hello_alias__", "__hello__"],
  ["__phello_alias__", "__hello__"],
  ["__phello_alias__.spam", "__hello__"],
  ["__phello__.__init__", "<__phello__"],
  ["__phello__.ham.__init__", "<__phello__.ham"],
]);

/** The modules whose code is a package's __init__ (their source file is NAME/__init__.py). */
const PACKAGE_SOURCES = new Set(["__phello__", "__phello__.ham"]);

/**
 * -X frozen_modules (on by default, as for an installed CPython) and the override that
 * _imp._override_frozen_modules_for_tests sets (1 on, -1 off, 0 as configured).
 */
export const frozenConfig = { useFrozenModules: true, override: 0 };

/** CPython: use_frozen(). */
function useFrozen(): boolean {
  if (frozenConfig.override > 0) return true;
  if (frozenConfig.override < 0) return false;
  return frozenConfig.useFrozenModules;
}

/** CPython: look_up_frozen; an entry whose code is nowhere (a module our stdlib copy lacks) is not frozen. */
export function lookUpFrozen(name: string): FrozenEntry | null {
  for (const e of FROZEN_BOOTSTRAP) if (e.name === name) return e;
  if (useFrozen()) {
    for (const e of FROZEN_STDLIB) if (e.name === name) return hasCode(e) ? e : null;
    for (const e of FROZEN_TEST) if (e.name === name) return hasCode(e) ? e : null;
  }
  return null;
}

const codeExists = new Map<string, boolean>();
function hasCode(e: FrozenEntry): boolean {
  let known = codeExists.get(e.source);
  if (known === undefined) {
    known = fs.existsSync(frozenBlobPath(e.source)) || fs.existsSync(frozenSourcePath(e.source));
    codeExists.set(e.source, known);
  }
  return known;
}

/**
 * The original name find_frozen reports: the alias target when `name` is an alias (a leading "<"
 * says "this package's __init__", which FrozenImporter._resolve_filename reads), else the name
 * itself (CPython: resolve_module_alias).
 */
export function frozenOrigName(name: string): string {
  return ALIASES.get(name) ?? name;
}

/** The names _imp._frozen_module_names() lists (CPython: list_frozen_module_names). */
export function frozenModuleNames(): string[] {
  const names = FROZEN_BOOTSTRAP.map((e) => e.name);
  if (useFrozen()) for (const e of [...FROZEN_STDLIB, ...FROZEN_TEST]) names.push(e.name);
  return names;
}

/** Every module whose code is frozen (what tools/freeze_modules.ts writes). */
export function frozenSources(): string[] {
  return [...new Set([...FROZEN_BOOTSTRAP, ...FROZEN_STDLIB, ...FROZEN_TEST].map((e) => e.source))];
}

/** The source file of a frozen module's code in the standard library. */
export function frozenSourcePath(source: string): string {
  const rel = source.split(".").join(path.sep);
  return path.join(STDLIB_DIR, PACKAGE_SOURCES.has(source) ? path.join(rel, "__init__.py") : rel + ".py");
}

/** Where the marshalled code of `source` is kept. */
export function frozenBlobPath(source: string): string {
  return path.join(FROZEN_DIR, source + ".pyc");
}

/** Compiles a frozen module's source as CPython's _freeze_module does: `<frozen NAME>`, optimize 0. */
export function compileFrozen(source: string, data: Uint8Array): PyObject {
  return compileStringObject(data, `<frozen ${source}>`, "exec", 0, 0);
}

/** A frozen blob: the .pyc header of the source it came from, then the marshalled code. */
export function frozenBlob(code: PyObject, mtime: number, size: number): Uint8Array {
  return pycFromCode(code, mtime, size);
}

/** Writes `bytes` to `file` through a temporary name, so that a reader never sees half a file. */
export function writeAtomic(file: string, bytes: Uint8Array): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, file);
  } catch {
    // a read-only installation: the code is compiled at each start instead
    try {
      fs.unlinkSync(tmp);
    } catch {
      // nothing was written
    }
  }
}

const codeCache = new Map<string, PyObject>();

/**
 * The marshal data of a frozen module's code (CPython: the _frozen entry's code bytes), or null
 * when neither a blob nor the source exists. A blob is used when its header matches the source's
 * mtime and size (or when the source is gone).
 */
export function frozenData(source: string): Uint8Array | null {
  let blob: Uint8Array | null = null;
  try {
    blob = fs.readFileSync(frozenBlobPath(source));
  } catch {
    blob = null;
  }
  let st: fs.Stats | undefined;
  try {
    st = fs.statSync(frozenSourcePath(source));
  } catch {
    st = undefined;
  }
  if (blob !== null) {
    const h = readPycHeader(blob);
    if (h !== null && h.flags === 0 && (st === undefined || (h.mtime === (Math.floor(st.mtimeMs / 1000) >>> 0) && h.size === (st.size >>> 0)))) {
      return blob.subarray(16);
    }
  }
  if (st === undefined) return null;
  const data = fs.readFileSync(frozenSourcePath(source));
  const code = compileFrozen(source, data);
  const out = frozenBlob(code, Math.floor(st.mtimeMs / 1000), st.size);
  writeAtomic(frozenBlobPath(source), out);
  codeCache.set(source, code);
  return out.subarray(16);
}

/** The code object of frozen module `entry` (CPython: unmarshal_frozen_code); null if it has none. */
export function frozenCode(entry: FrozenEntry): PyObject | null {
  const cached = codeCache.get(entry.source);
  if (cached !== undefined) {
    // a fresh copy each time, as unmarshalling gives: a module's code may be changed by its run
    codeCache.delete(entry.source);
    return cached;
  }
  const data = frozenData(entry.source);
  if (data === null) return null;
  return PyMarshal_ReadObjectFromString(data);
}
