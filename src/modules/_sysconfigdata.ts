// CPython: the _sysconfigdata_{abiflags}_{platform}_{multiarch} module that `make` writes into Lib/
// (Tools/build/generate_sysconfig... via sysconfig._generate_posix_vars): the build's variables,
// which sysconfig.get_config_vars() starts from. tython is not built by a C compiler and loads no
// extension modules, so the compiler and linker variables are empty and HAVE_FORK,
// HAVE_DYNAMIC_LOADING and Py_ENABLE_SHARED are 0; the ABI names, sizes and paths are those of
// CPython 3.14 on x86_64 Linux, with tython's own installation as the prefix.
import path from "node:path";
import { type PyObject, Py_None } from "../objects/object.js";
import { PyModule } from "../objects/moduleobject.js";
import { PyDict } from "../objects/dictobject.js";
import { PREFIX, STDLIB_DIR } from "../python/paths.js";

export const SYSCONFIGDATA_NAME = "_sysconfigdata__linux_x86_64-linux-gnu";

function buildTimeVars(): [string, PyObject][] {
  const lib = path.join(PREFIX, "lib");
  const include = path.join(PREFIX, "include", "python3.14");
  return [
    ["ABIFLAGS", ""], ["SOABI", "cpython-314-x86_64-linux-gnu"], ["EXT_SUFFIX", ".cpython-314-x86_64-linux-gnu.so"],
    ["SHLIB_SUFFIX", ".so"], ["MULTIARCH", "x86_64-linux-gnu"], ["HOST_GNU_TYPE", "x86_64-pc-linux-gnu"],
    ["MACHDEP", "linux"], ["VERSION", "3.14"], ["py_version_nodot", "314"], ["EXE", ""],
    ["prefix", PREFIX], ["exec_prefix", PREFIX], ["BINDIR", path.join(PREFIX, "bin")], ["LIBDIR", lib],
    ["INCLUDEDIR", path.join(PREFIX, "include")], ["INCLUDEPY", include], ["LIBDEST", STDLIB_DIR], ["BINLIBDEST", STDLIB_DIR],
    ["LIBPL", path.join(STDLIB_DIR, "config-3.14-x86_64-linux-gnu")], ["PLATLIBDIR", "lib"],
    ["LDLIBRARY", ""], ["LIBRARY", ""], ["CC", ""], ["CXX", ""], ["CFLAGS", ""], ["LDFLAGS", ""], ["CCSHARED", ""],
    ["LDSHARED", ""], ["BLDSHARED", ""], ["OPT", ""], ["CONFIG_ARGS", ""], ["PY_CFLAGS", ""], ["PY_CFLAGS_NODIST", ""],
    ["PY_CORE_CFLAGS", ""], ["PY_STDMODULE_CFLAGS", ""], ["AR", ""], ["ARFLAGS", ""], ["LIBS", ""], ["SYSLIBS", ""],
    ["LIBM", ""], ["LIBC", ""], ["MODLIBS", ""],
    ["Py_DEBUG", 0], ["Py_GIL_DISABLED", 0], ["Py_ENABLE_SHARED", 0], ["PY_ENABLE_SHARED", 0], ["Py_TRACE_REFS", 0],
    ["Py_STATS", 0], ["WITH_DOC_STRINGS", 1], ["WITH_PYMALLOC", 0], ["HAVE_FORK", 0], ["HAVE_DYNAMIC_LOADING", 0],
    ["WITH_DTRACE", 0], ["WITH_NEXT_FRAMEWORK", 0], ["TEST_MODULES", "yes"], ["PY_SUPPORT_TIER", 0],
    ["SANITIZER", Py_None], ["MACOSX_DEPLOYMENT_TARGET", ""],
    ["SIZEOF_VOID_P", 8], ["SIZEOF_LONG", 8], ["SIZEOF_INT", 4], ["SIZEOF_SIZE_T", 8], ["SIZEOF_WCHAR_T", 4],
    ["SIZEOF_DOUBLE", 8], ["SIZEOF_FLOAT", 4], ["SIZEOF_LONG_DOUBLE", 16], ["SIZEOF_TIME_T", 8], ["SIZEOF_OFF_T", 8],
    ["SIZEOF_PID_T", 4], ["SIZEOF_SHORT", 2], ["SIZEOF_LONG_LONG", 8],
    ["TZPATH", "/usr/share/zoneinfo:/usr/lib/zoneinfo:/usr/share/lib/zoneinfo:/etc/zoneinfo"],
  ];
}

export function initSysconfigdata(): PyModule {
  const m = new PyModule(SYSCONFIGDATA_NAME);
  const vars = new PyDict();
  for (const [k, v] of buildTimeVars()) vars.setStr(k, v);
  m.dict.setStr("build_time_vars", vars);
  return m;
}
