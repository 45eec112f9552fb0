// CPython: Python/sysmodule.c — a first `sys` module: argv, path, modules, stdout/stderr, exit,
// version data and a few functions. Built on first use from the interpreter configuration.
import { type PyObject, Py_None, Py_TYPE } from "../objects/object.js";
import { PyModule } from "../objects/moduleobject.js";
import { PyList } from "../objects/listobject.js";
import { PyTuple } from "../objects/tupleobject.js";
import { PyDict } from "../objects/dictobject.js";
import { newNamespace } from "../objects/namespaceobject.js";
import { PyStructSequence_NewType, PyStructSequence_New } from "../objects/structseq.js";
import { newBuiltinFunction } from "../objects/methodobject.js";
import { newException, PyExc_SystemExit, PyBaseException } from "../objects/exceptions.js";
import { PyObject_Str, PyObject_CallMethod, PyNumber_Index } from "../objects/abstract.js";
import { intMaxStrDigits, setIntMaxStrDigits } from "../objects/longobject.js";
import { typeError, valueError } from "./errors.js";
import { checkPositional } from "./getargs.js";
import { interpreterConfig } from "./pythonrun.js";
import { builtinModuleNames } from "./import.js";
import { builtinsModule, setStdStreams } from "./bltinmodule.js";
import { createStdio } from "../modules/_io/_iomodule.js";
import { PyInterpreterState_Get, Py_SetRecursionLimit, PyThreadState_Get } from "../vm/pystate.js";
import { _PyFrame_GetFrameObject } from "../objects/frameobject.js";

let sys: PyModule | null = null;

/** The sys module (created on first use). */
export function getSysModule(): PyModule {
  if (sys !== null) return sys;
  const m = new PyModule("sys", "This module provides access to some objects used or maintained by the interpreter.");
  sys = m;
  const d = m.dict;
  const modules = new PyDict();
  modules.setStr("sys", m);
  modules.setStr("builtins", builtinsModule);
  d.setStr("modules", modules);
  d.setStr("argv", new PyList(interpreterConfig.argv.slice()));
  d.setStr("orig_argv", new PyList(["python3", ...interpreterConfig.argv]));
  d.setStr("path", new PyList(interpreterConfig.sysPath.slice()));
  d.setStr("meta_path", new PyList([]));
  d.setStr("path_hooks", new PyList([]));
  d.setStr("path_importer_cache", new PyDict());
  initStdStreams(d);
  d.setStr("version", "3.14.2 (tython) [TypeScript]");
  d.setStr("version_info", new PyTuple([3, 14, 2, "final", 0]));
  d.setStr("hexversion", 0x030e02f0);
  d.setStr("api_version", 1013);
  d.setStr("platform", "linux");
  d.setStr("byteorder", "little");
  d.setStr("maxsize", 2n ** 63n - 1n);
  d.setStr("maxunicode", 0x10ffff);
  d.setStr("executable", process.execPath);
  d.setStr("prefix", "");
  d.setStr("base_prefix", "");
  d.setStr("exec_prefix", "");
  d.setStr("dont_write_bytecode", true);
  d.setStr("warnoptions", new PyList([]));
  d.setStr("_xoptions", new PyDict());
  d.setStr("flags", PyStructSequence_New(FlagsType, [
    0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, false, 0, 0, false, intMaxStrDigits, 1, 0, 0,
  ]));
  d.setStr(
    "implementation",
    newNamespace({
      name: "cpython",
      cache_tag: "cpython-314",
      version: new PyTuple([3, 14, 2, "final", 0]),
      hexversion: 0x030e02f0,
      _multiarch: "x86_64-linux-gnu",
    }),
  );
  d.setStr("builtin_module_names", new PyTuple(builtinModuleNames()));
  d.setStr("stdlib_module_names", new PyTuple([]));
  const fn = (name: string, f: (args: readonly PyObject[], start: number, nargs: number) => PyObject): void => {
    d.setStr(name, newBuiltinFunction(name, (_s, args, start, nargs) => f(args, start, nargs), "sys"));
  };
  fn("exit", (args, start, nargs) => {
    checkPositional("exit", nargs, 0, 1);
    throw newException(PyExc_SystemExit, nargs ? [args[start]] : []);
  });
  fn("getrecursionlimit", () => recursionLimit());
  fn("setrecursionlimit", (args, start, nargs) => {
    checkPositional("setrecursionlimit", nargs, 1, 1);
    const n = PyNumber_Index(args[start]);
    if (typeof n !== "number" || n < 1) throw valueError("recursion limit must be greater or equal than 1");
    setRecursionLimit(n);
    return Py_None;
  });
  fn("intern", (args, start, nargs) => {
    checkPositional("intern", nargs, 1, 1);
    if (typeof args[start] !== "string") throw typeError(`intern() argument must be str, not ${Py_TYPE(args[start]).tp_name}`);
    return args[start];
  });
  fn("getsizeof", (args, start, nargs) => {
    checkPositional("getsizeof", nargs, 1, 2);
    return PyObject_CallMethod(args[start], "__sizeof__");
  });
  fn("get_int_max_str_digits", () => intMaxStrDigits);
  fn("set_int_max_str_digits", (args, start, nargs) => {
    checkPositional("set_int_max_str_digits", nargs, 1, 1);
    const n = PyNumber_Index(args[start]);
    if (typeof n !== "number" || (n !== 0 && n < 640)) throw valueError("maxdigits must be >= 640 or 0 for unlimited");
    setIntMaxStrDigits(n);
    return Py_None;
  });
  fn("_getframe", (args, start, nargs) => {
    checkPositional("_getframe", nargs, 0, 1);
    let depth = nargs ? Number(PyNumber_Index(args[start])) : 0;
    let f = PyThreadState_Get().current_frame;
    while (depth > 0 && f !== null) {
      f = f.previous;
      depth--;
    }
    if (f === null) throw valueError("call stack is not deep enough");
    return _PyFrame_GetFrameObject(f);
  });
  fn("exception", (_a, _s, nargs) => {
    checkPositional("exception", nargs, 0, 0);
    return PyThreadState_Get().exc_info ?? Py_None;
  });
  fn("exc_info", (_a, _s, nargs) => {
    checkPositional("exc_info", nargs, 0, 0);
    const e = PyThreadState_Get().exc_info;
    if (e === null || e === Py_None) return new PyTuple([Py_None, Py_None, Py_None]);
    const tb = e instanceof PyBaseException ? e.traceback ?? Py_None : Py_None;
    return new PyTuple([Py_TYPE(e), e, tb]);
  });
  fn("getdefaultencoding", () => "utf-8");
  fn("getfilesystemencoding", () => "utf-8");
  fn("getfilesystemencodeerrors", () => "surrogateescape");
  fn("is_finalizing", () => false);
  return m;
}

/**
 * sys.stdin, sys.stdout, sys.stderr and their __std*__ twins (CPython: pylifecycle.c
 * init_sys_streams): utf-8 text over buffered file descriptors; the errors handler is
 * surrogateescape under the C/POSIX/C.UTF-8 locales, stderr's always backslashreplace;
 * PYTHONIOENCODING=encoding:errors overrides; -u / PYTHONUNBUFFERED makes stdout and stderr
 * write through to the descriptor.
 */
function initStdStreams(d: PyDict): void {
  const env = process.env;
  const loc = env.LC_ALL || env.LC_CTYPE || env.LANG || "C";
  const cLike = loc === "C" || loc === "POSIX" || /^C\.(UTF-8|utf8)$/i.test(loc) || /^UTF-8$/i.test(loc);
  let encoding = "utf-8";
  let errors = cLike ? "surrogateescape" : "strict";
  const ioenc = env.PYTHONIOENCODING;
  if (ioenc) {
    const colon = ioenc.indexOf(":");
    const e = colon < 0 ? ioenc : ioenc.slice(0, colon);
    if (e) encoding = e;
    if (colon >= 0 && ioenc.slice(colon + 1)) errors = ioenc.slice(colon + 1);
  }
  const cfg = { unbuffered: interpreterConfig.unbuffered || !!env.PYTHONUNBUFFERED, encoding: null, errors: null };
  const stdin = createStdio(0, false, "<stdin>", encoding, errors, cfg);
  const stdout = createStdio(1, true, "<stdout>", encoding, errors, cfg);
  const stderr = createStdio(2, true, "<stderr>", encoding, "backslashreplace", cfg);
  for (const [n, v] of [["stdin", stdin], ["__stdin__", stdin], ["stdout", stdout], ["__stdout__", stdout], ["stderr", stderr], ["__stderr__", stderr]] as const) {
    d.setStr(n, v);
  }
  setStdStreams(stdin, stdout, stderr, () => d.getStr("stdout") ?? null, () => d.getStr("stderr") ?? null, () => d.getStr("stdin") ?? null);
}

function recursionLimit(): number {
  return PyInterpreterState_Get().recursion_limit;
}
function setRecursionLimit(n: number): void {
  Py_SetRecursionLimit(n);
}

/** sys.modules. */
/** sys.flags (CPython: FlagsType in Python/sysmodule.c); tython runs as with -B. */
const FlagsType = PyStructSequence_NewType({
  name: "sys.flags",
  doc: "sys.flags\n\nFlags provided through command line arguments or environment vars.",
  fields: [
    "debug", "inspect", "interactive", "optimize", "dont_write_bytecode", "no_user_site", "no_site",
    "ignore_environment", "verbose", "bytes_warning", "quiet", "hash_randomization", "isolated", "dev_mode",
    "utf8_mode", "warn_default_encoding", "safe_path", "int_max_str_digits", "gil", "thread_inherit_context",
    "context_aware_warnings",
  ],
  nSequence: 18,
  constructible: false,
});

export function sysModules(): PyDict {
  return getSysModule().dict.getStr("modules") as PyDict;
}
