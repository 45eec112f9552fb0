// CPython: Python/import.c — the `_imp` module importlib._bootstrap runs on: the import lock,
// built-in modules (the TypeScript modules of src/modules/index.ts), frozen modules
// (src/python/frozen.ts), source hashes for hash-based .pyc files (PEP 552) and co_filename fix-ups.
import { type PyObject, Py_None, Py_TYPE } from "../objects/object.js";
import { PyModule } from "../objects/moduleobject.js";
import { PyList } from "../objects/listobject.js";
import { PyBytes, bytesLike } from "../objects/bytesobject.js";
import { PyCodeObject } from "../objects/codeobject.js";
import { newBuiltinFunction } from "../objects/methodobject.js";
import { PyObject_GetAttr, PyNumber_Index, PyObject_IsTrue, PyObject_Repr } from "../objects/abstract.js";
import { typeError, runtimeError } from "./errors.js";
import { ArgParser, checkPositional } from "./getargs.js";
import { builtinModuleInit, isBuiltinModuleName } from "./import.js";
import { sysModules } from "./sysmodule.js";
import { builtinsModule } from "./bltinmodule.js";
import { newException, PyExc_ImportError, type PyBaseException } from "../objects/exceptions.js";
import { PyTuple } from "../objects/tupleobject.js";
import { PyMemoryView_FromMemory } from "../objects/memoryobject.js";
import { PYC_MAGIC_NUMBER_TOKEN } from "./pyc.js";
import { frozenCode, frozenConfig, frozenData, frozenModuleNames, frozenOrigName, lookUpFrozen } from "./frozen.js";
import { PyMarshal_ReadObjectFromString } from "./marshal.js";
import { PyImport_ImportFrozenModuleObject } from "./import.js";


// --- the import lock (CPython: _PyImport_AcquireLock; one thread here, so a depth count) ---
let importLockDepth = 0;

// --- SipHash-1-3 (CPython: Python/pyhash.c, _Py_KeyedHash) ---
const M64 = (1n << 64n) - 1n;
function rotl(x: bigint, b: bigint): bigint {
  return ((x << b) | (x >> (64n - b))) & M64;
}
/** SipHash-1-3 of `data` with key (k0, k1), as CPython's source_hash uses it. */
export function siphash13(k0: bigint, k1: bigint, data: Uint8Array): bigint {
  let v0 = k0 ^ 0x736f6d6570736575n;
  let v1 = k1 ^ 0x646f72616e646f6dn;
  let v2 = k0 ^ 0x6c7967656e657261n;
  let v3 = k1 ^ 0x7465646279746573n;
  const round = (): void => {
    v0 = (v0 + v1) & M64; v1 = rotl(v1, 13n); v1 ^= v0; v0 = rotl(v0, 32n);
    v2 = (v2 + v3) & M64; v3 = rotl(v3, 16n); v3 ^= v2;
    v0 = (v0 + v3) & M64; v3 = rotl(v3, 21n); v3 ^= v0;
    v2 = (v2 + v1) & M64; v1 = rotl(v1, 17n); v1 ^= v2; v2 = rotl(v2, 32n);
  };
  const n = data.length;
  const end = n - (n % 8);
  for (let i = 0; i < end; i += 8) {
    let m = 0n;
    for (let j = 7; j >= 0; j--) m = (m << 8n) | BigInt(data[i + j]);
    v3 ^= m;
    round();
    v0 ^= m;
  }
  let b = BigInt(n & 0xff) << 56n;
  for (let j = n % 8 - 1; j >= 0; j--) b |= BigInt(data[end + j]) << BigInt(8 * j);
  v3 ^= b;
  round();
  v0 ^= b;
  v2 ^= 0xffn;
  round();
  round();
  round();
  return (v0 ^ v1 ^ v2 ^ v3) & M64;
}

/** _imp.source_hash(key, source): the 8 bytes of a hash-based .pyc's source hash. */
export function sourceHash(key: bigint, source: Uint8Array): Uint8Array {
  let h = siphash13(key & M64, 0n, source);
  const out = new Uint8Array(8);
  for (let i = 0; i < 8; i++) {
    out[i] = Number(h & 0xffn);
    h >>= 8n;
  }
  return out;
}

/** co_filename of `co` and its nested code objects becomes `newName` (CPython: update_compiled_module). */
function fixCoFilename(co: PyCodeObject, oldName: string, newName: string): void {
  if (co.co_filename !== oldName) return;
  (co as { co_filename: string }).co_filename = newName;
  for (const c of co.co_consts) if (c instanceof PyCodeObject) fixCoFilename(c, oldName, newName);
}

function strArg(fname: string, v: PyObject): string {
  if (typeof v !== "string") throw typeError(`${fname}() argument must be str, not ${Py_TYPE(v).tp_name}`);
  return v;
}

const sourceHashArgs = new ArgParser("source_hash", ["key", "source"], { required: 2 });
const findFrozenArgs = new ArgParser("find_frozen", ["name", "withdata"], { posonly: 1, required: 1, kwonlyStart: 1 });

export function init_imp(): PyModule {
  const m = new PyModule("_imp", "(Extremely) low-level import machinery bits as used by importlib.");
  const d = m.dict;
  const fn = (name: string, f: (args: readonly PyObject[], start: number, nargs: number) => PyObject): void => {
    d.setStr(name, newBuiltinFunction(name, (_s, args, start, nargs) => f(args, start, nargs), "_imp"));
  };
  d.setStr("check_hash_based_pycs", "default");
  d.setStr("pyc_magic_number_token", PYC_MAGIC_NUMBER_TOKEN);
  fn("lock_held", () => importLockDepth > 0);
  fn("acquire_lock", () => (importLockDepth++, Py_None));
  fn("release_lock", () => {
    if (importLockDepth === 0) throw runtimeError("not holding the import lock");
    importLockDepth--;
    return Py_None;
  });
  fn("is_builtin", (args, start, nargs) => {
    checkPositional("is_builtin", nargs, 1, 1);
    const name = strArg("is_builtin", args[start]);
    // -1: a module that cannot be re-initialized (CPython: no init function for sys and builtins)
    if (name === "sys" || name === "builtins") return -1;
    return isBuiltinModuleName(name) ? 1 : 0;
  });
  fn("create_builtin", (args, start, nargs) => {
    checkPositional("create_builtin", nargs, 1, 1);
    const name = PyObject_GetAttr(args[start], "name");
    if (typeof name !== "string") throw typeError(`name must be string, not ${Py_TYPE(name).tp_name}`);
    if (name === "builtins") return builtinsModule;
    const existing = sysModules().getStr(name);
    if (name === "sys" && existing !== undefined) return existing;
    const init = builtinModuleInit(name);
    if (init === undefined) return Py_None;
    return init();
  });
  fn("exec_builtin", (_a, _s, nargs) => (checkPositional("exec_builtin", nargs, 1, 1), 0));
  fn("exec_dynamic", (_a, _s, nargs) => (checkPositional("exec_dynamic", nargs, 1, 1), 0));
  fn("create_dynamic", (_a, _s, nargs) => {
    checkPositional("create_dynamic", nargs, 1, 2);
    throw runtimeError("tython cannot load extension modules");
  });
  fn("extension_suffixes", () => new PyList([]));
  fn("is_frozen", (args, start, nargs) => {
    checkPositional("is_frozen", nargs, 1, 1);
    return lookUpFrozen(strArg("is_frozen", args[start])) !== null;
  });
  fn("is_frozen_package", (args, start, nargs) => {
    checkPositional("is_frozen_package", nargs, 1, 1);
    const name = strArg("is_frozen_package", args[start]);
    const e = lookUpFrozen(name);
    if (e === null) throw importErrorNotFrozen(name);
    return e.isPackage;
  });
  fn("get_frozen_object", (args, start, nargs) => {
    checkPositional("get_frozen_object", nargs, 1, 2);
    const nameObj = args[start];
    const data = nargs > 1 && args[start + 1] !== Py_None ? args[start + 1] : null;
    let code: PyObject | null;
    if (data !== null) {
      const bytes = bytesLike(data);
      if (bytes === null) throw typeError(`a bytes-like object is required, not '${Py_TYPE(data).tp_name}'`);
      code = PyMarshal_ReadObjectFromString(bytes);
    } else {
      const name = strArg("get_frozen_object", nameObj);
      const e = lookUpFrozen(name);
      if (e === null) throw importErrorNotFrozen(name);
      code = frozenCode(e);
      if (code === null) throw frozenError("Frozen object named %R is invalid", name);
    }
    if (!(code instanceof PyCodeObject)) throw typeError(`frozen object ${PyObject_Repr(nameObj)} is not a code object`);
    return code;
  });
  fn("init_frozen", (args, start, nargs) => {
    checkPositional("init_frozen", nargs, 1, 1);
    const name = strArg("init_frozen", args[start]);
    if (!PyImport_ImportFrozenModuleObject(name)) return Py_None;
    return sysModules().getStr(name) ?? Py_None;
  });
  fn("_frozen_module_names", () => new PyList(frozenModuleNames()));
  fn("_override_frozen_modules_for_tests", (args, start, nargs) => {
    checkPositional("_override_frozen_modules_for_tests", nargs, 1, 1);
    const n = PyNumber_Index(args[start]);
    frozenConfig.override = typeof n === "number" ? Math.sign(n) : n > 0n ? 1 : -1;
    return Py_None;
  });
  fn("_override_multi_interp_extensions_check", (_a, _s, nargs) => (checkPositional("_override_multi_interp_extensions_check", nargs, 1, 1), -1));
  fn("_fix_co_filename", (args, start, nargs) => {
    checkPositional("_fix_co_filename", nargs, 2, 2);
    const co = args[start];
    if (!(co instanceof PyCodeObject)) throw typeError(`_fix_co_filename() argument 1 must be code, not ${Py_TYPE(co).tp_name}`);
    const path = strArg("_fix_co_filename", args[start + 1]);
    fixCoFilename(co, co.co_filename, path);
    return Py_None;
  });
  d.setStr(
    "find_frozen",
    newBuiltinFunction("find_frozen", (_s, args, start, nargs, kwnames) => {
      const [name, withdata] = findFrozenArgs.parse(args, start, nargs, kwnames);
      const e = lookUpFrozen(strArg("find_frozen", name!));
      if (e === null) return Py_None;
      let data: PyObject = Py_None;
      if (withdata !== null && PyObject_IsTrue(withdata)) {
        const bytes = frozenData(e.source);
        if (bytes === null) throw frozenError("Frozen object named %R is invalid", e.name);
        data = PyMemoryView_FromMemory(bytes.slice(), true);
      }
      return new PyTuple([data, e.isPackage, frozenOrigName(e.name)]);
    }, "_imp"),
  );
  d.setStr(
    "source_hash",
    newBuiltinFunction("source_hash", (_s, args, start, nargs, kwnames) => {
      const [key, source] = sourceHashArgs.parse(args, start, nargs, kwnames);
      const k = PyNumber_Index(key!);
      const data = bytesLike(source!);
      if (data === null) throw typeError(`a bytes-like object is required, not '${Py_TYPE(source!).tp_name}'`);
      return new PyBytes(sourceHash(BigInt(k), data));
    }, "_imp"),
  );
  return m;
}

function frozenError(format: string, name: string): PyBaseException {
  return newException(PyExc_ImportError, [format.replace("%R", PyObject_Repr(name))], new Map([["name", name]]));
}
function importErrorNotFrozen(name: string): PyBaseException {
  return frozenError("No such frozen object named %R", name);
}
