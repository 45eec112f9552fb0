// CPython: Python/sysmodule.c (_PySys_InitCore, _PySys_UpdateConfig) — the sys module's data:
// version, platform and implementation details, the struct sequences, the installation paths
// and the options the interpreter was started with.
import path from "node:path";
import { type PyObject, Py_None } from "../objects/object.js";
import type { PyDict } from "../objects/dictobject.js";
import { PyList } from "../objects/listobject.js";
import { PyTuple } from "../objects/tupleobject.js";
import { makeSet, PyFrozenSet_Type } from "../objects/setobject.js";
import { PyDict as Dict } from "../objects/dictobject.js";
import { intMaxStrDigits, setIntMaxStrDigits } from "../objects/longobject.js";
import { builtinModuleNames } from "./import.js";
import { STDLIB_MODULE_NAMES } from "./stdlib_module_names.js";
import { sysOptions } from "./sysmodule_config.js";
import { PREFIX, STDLIB_DIR } from "./paths.js";
import {
  COPYRIGHT, PY_VERSION_HEX, PY_VERSION_STRING, PYTHON_API_VERSION, makeFlags, makeFloatInfo, makeHashInfo,
  makeImplInfo, makeIntInfo, makeThreadInfo, makeVersionInfo,
} from "./sysmodule_info.js";

/** The installation: <root>/lib/python3.14 is the standard library, <root>/bin/tython.js the command. */
const ROOT = PREFIX;

/** -X pycache_prefix=PATH, else PYTHONPYCACHEPREFIX (CPython: config_init_pycache_prefix); None if neither. */
function pycachePrefix(xoptions: readonly string[], useEnvironment: boolean): PyObject {
  let v: string | undefined;
  for (const x of xoptions) if (x.startsWith("pycache_prefix=")) v = x.slice("pycache_prefix=".length);
  if (v === undefined && useEnvironment) v = process.env.PYTHONPYCACHEPREFIX || undefined;
  return v === undefined || v === "" ? Py_None : v;
}

/** sys._xoptions from the -X options (CPython: _PyConfig_CreateXOptionsDict). */
function xoptionsDict(xoptions: readonly string[]): PyDict {
  const d = new Dict();
  for (const x of xoptions) {
    const eq = x.indexOf("=");
    if (eq < 0) d.setStr(x, true);
    else d.setStr(x.slice(0, eq), x.slice(eq + 1));
  }
  return d;
}

/** Adds the data attributes to the sys dict. */
export function initSysInfo(d: PyDict): void {
  const o = sysOptions;
  if (o.intMaxStrDigits >= 0) setIntMaxStrDigits(o.intMaxStrDigits);
  const set = (k: string, v: PyObject): void => d.setStr(k, v);
  set("version", PY_VERSION_STRING);
  set("hexversion", PY_VERSION_HEX);
  set("api_version", PYTHON_API_VERSION);
  set("copyright", COPYRIGHT);
  set("platform", "linux");
  set("maxsize", 2n ** 63n - 1n);
  set("float_info", makeFloatInfo());
  set("int_info", makeIntInfo());
  set("hash_info", makeHashInfo());
  set("maxunicode", 0x10ffff);
  set("builtin_module_names", new PyTuple(builtinModuleNames().slice().sort()));
  set("stdlib_module_names", makeSet(PyFrozenSet_Type, STDLIB_MODULE_NAMES));
  set("byteorder", "little");
  set("abiflags", "");
  const versionInfo = makeVersionInfo();
  set("version_info", versionInfo);
  set("implementation", makeImplInfo(versionInfo));
  set("flags", makeFlags(o, intMaxStrDigits));
  set("float_repr_style", "short");
  set("thread_info", makeThreadInfo());
  // _PySys_UpdateConfig: the installation and the command line
  const executable = path.join(ROOT, "bin", "tython.js");
  set("executable", executable);
  set("_base_executable", executable);
  for (const k of ["prefix", "base_prefix", "exec_prefix", "base_exec_prefix"]) set(k, ROOT);
  set("platlibdir", "lib");
  set("_stdlib_dir", STDLIB_DIR);
  set("_home", Py_None);
  set("dont_write_bytecode", !o.writeBytecode);
  set("pycache_prefix", pycachePrefix(o.xoptions, o.useEnvironment));
  set("warnoptions", new PyList(o.warnoptions.slice()));
  set("_xoptions", xoptionsDict(o.xoptions));
}

/** Index of int_max_str_digits in sys.flags (CPython: SYS_FLAGS_INT_MAX_STR_DIGITS). */
const SYS_FLAGS_INT_MAX_STR_DIGITS = 17;

/** Updates sys.flags.int_max_str_digits in place, as _PySys_SetIntMaxStrDigits does. */
export function setFlagIntMaxStrDigits(d: PyDict, n: number): void {
  const flags = d.getStr("flags");
  if (flags instanceof PyTuple) (flags.items as PyObject[])[SYS_FLAGS_INT_MAX_STR_DIGITS] = n;
}
