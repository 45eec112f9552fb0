// CPython: Python/sysmodule.c (sys.flags, sys.version_info, sys.hash_info, sys.implementation),
// Objects/floatobject.c (PyFloat_GetInfo), Objects/longobject.c (PyLong_GetInfo) and
// Python/thread.c (PyThread_GetInfo): the struct sequences and version data of the sys module.
import { type PyObject, Py_None } from "../objects/object.js";
import { PyFloat } from "../objects/floatobject.js";
import { PyStructSequence_NewType, PyStructSequence_New } from "../objects/structseq.js";
import { newNamespace } from "../objects/namespaceobject.js";
import { type SysOptions } from "./sysmodule_config.js";

/** The Python version tython implements (its standard library is 3.14.2's). */
export const PY_MAJOR_VERSION = 3;
export const PY_MINOR_VERSION = 14;
export const PY_MICRO_VERSION = 2;
/** PY_VERSION_HEX: 3.14.2 final 0. */
export const PY_VERSION_HEX = 0x030e02f0;
/** PYTHON_API_VERSION. */
export const PYTHON_API_VERSION = 1013;
export const PY_VERSION_STRING = "3.14.2 (tython) [TypeScript]";

/** CPython: Py_GetCopyright (Python/getcopyright.c). */
export const COPYRIGHT =
  "Copyright (c) 2001 Python Software Foundation.\nAll Rights Reserved.\n\n" +
  "Copyright (c) 2000 BeOpen.com.\nAll Rights Reserved.\n\n" +
  "Copyright (c) 1995-2001 Corporation for National Research Initiatives.\nAll Rights Reserved.\n\n" +
  "Copyright (c) 1991-1995 Stichting Mathematisch Centrum, Amsterdam.\nAll Rights Reserved.";

const FlagsType = PyStructSequence_NewType({
  name: "sys.flags",
  doc: "sys.flags\n\nFlags provided through command line arguments or environment vars.",
  fields: [
    "debug", "inspect", "interactive", "optimize", "dont_write_bytecode", "no_user_site", "no_site",
    "ignore_environment", "verbose", "bytes_warning", "quiet", "hash_randomization", "isolated", "dev_mode",
    "utf8_mode", "warn_default_encoding", "safe_path", "int_max_str_digits", "gil", "thread_inherit_context",
    "context_aware_warnings",
  ],
  // the last three are attributes only, as in CPython's default (GIL) build
  nSequence: 18,
  constructible: false,
});

/** sys.flags from the interpreter's options (CPython: set_flags_from_config). */
export function makeFlags(o: SysOptions, intMaxStrDigits: number): PyObject {
  return PyStructSequence_New(FlagsType, [
    o.parserDebug, o.inspect, o.interactive, o.optimize, o.writeBytecode ? 0 : 1, o.userSiteDirectory ? 0 : 1,
    o.siteImport ? 0 : 1, o.useEnvironment ? 0 : 1, o.verbose, o.bytesWarning, o.quiet, o.hashRandomization ? 1 : 0,
    o.isolated, o.devMode, o.utf8Mode, o.warnDefaultEncoding, o.safePath, intMaxStrDigits, 1,
    o.threadInheritContext, o.contextAwareWarnings,
  ]);
}

const VersionInfoType = PyStructSequence_NewType({
  name: "sys.version_info",
  doc: "sys.version_info\n\nVersion information as a named tuple.",
  fields: ["major", "minor", "micro", "releaselevel", "serial"],
  constructible: false,
});

export function makeVersionInfo(): PyObject {
  return PyStructSequence_New(VersionInfoType, [PY_MAJOR_VERSION, PY_MINOR_VERSION, PY_MICRO_VERSION, "final", 0]);
}

/**
 * sys.implementation (CPython: make_impl_info). cache_tag is CPython's, so that the .pyc files
 * tython writes and reads are CPython 3.14's own.
 */
export function makeImplInfo(versionInfo: PyObject): PyObject {
  return newNamespace({
    name: "tython",
    cache_tag: "cpython-314",
    version: versionInfo,
    hexversion: PY_VERSION_HEX,
    _multiarch: "x86_64-linux-gnu",
    // no _interpreters module: one interpreter per process
    supports_isolated_interpreters: false,
  });
}

const FloatInfoType = PyStructSequence_NewType({
  name: "sys.float_info",
  doc:
    "sys.float_info\n\nA named tuple holding information about the float type. It contains low level\n" +
    "information about the precision and internal representation. Please study\nyour system's :file:`float.h` for more information.",
  fields: ["max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig", "mant_dig", "epsilon", "radix", "rounds"],
});

/** IEEE 754 binary64, as <float.h> describes it (CPython: PyFloat_GetInfo). */
export function makeFloatInfo(): PyObject {
  return PyStructSequence_New(FloatInfoType, [
    new PyFloat(Number.MAX_VALUE), 1024, 308, new PyFloat(2.2250738585072014e-308), -1021, -307, 15, 53,
    new PyFloat(Number.EPSILON), 2, 1,
  ]);
}

const IntInfoType = PyStructSequence_NewType({
  name: "sys.int_info",
  doc: "sys.int_info\n\nA named tuple that holds information about Python's\ninternal representation of integers.  The attributes are read only.",
  fields: ["bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold"],
});

/** CPython's 64-bit layout (30-bit digits), which sys.getsizeof reports for ints too. */
export function makeIntInfo(): PyObject {
  return PyStructSequence_New(IntInfoType, [30, 4, 4300, 640]);
}

const HashInfoType = PyStructSequence_NewType({
  name: "sys.hash_info",
  doc: "hash_info\n\nA named tuple providing parameters used for computing\nhashes. The attributes are read only.",
  fields: ["width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits", "seed_bits", "cutoff"],
});

/**
 * sys.hash_info. The numeric hashes are CPython's (modulus 2**61 - 1). str and bytes are hashed
 * by a seedless FNV-1a variant giving 52 bits (src/objects/unicode_methods.ts unicodeHash), not
 * by SipHash-1-3, so algorithm, hash_bits and seed_bits say so.
 */
export function makeHashInfo(): PyObject {
  return PyStructSequence_New(HashInfoType, [64, 2n ** 61n - 1n, 314159, 0, 1000003, "fnv", 52, 0, 0]);
}

const ThreadInfoType = PyStructSequence_NewType({
  name: "sys.thread_info",
  doc: "sys.thread_info\n\nA named tuple holding information about the thread implementation.",
  fields: ["name", "lock", "version"],
});

/**
 * sys.thread_info. tython's threads are scheduled cooperatively on one JavaScript thread
 * (ceval_gil.ts); they behave as POSIX threads with semaphore locks (timeouts work), and there is
 * no thread library whose version could be given.
 */
export function makeThreadInfo(): PyObject {
  return PyStructSequence_New(ThreadInfoType, ["pthread", "semaphore", Py_None]);
}

const AsyncGenHooksType = PyStructSequence_NewType({
  name: "asyncgen_hooks",
  doc: "asyncgen_hooks\n\nA named tuple providing information about asynchronous\ngenerators hooks.  The attributes are read only.",
  fields: ["firstiter", "finalizer"],
});

export function makeAsyncGenHooks(firstiter: PyObject, finalizer: PyObject): PyObject {
  return PyStructSequence_New(AsyncGenHooksType, [firstiter, finalizer]);
}
