// CPython: Python/sysmodule.c (_PySys_Create, _PySys_InitCore, _PySys_UpdateConfig) — the sys
// module, built on first use from the interpreter configuration: the import state (argv, path,
// modules), the standard streams, then the data (sysmodule_data.ts), the hooks
// (sysmodule_hooks.ts) and the functions (sysmodule_functions.ts).
import { PyModule } from "../objects/moduleobject.js";
import { PyList } from "../objects/listobject.js";
import { PyDict } from "../objects/dictobject.js";
import { interpreterConfig } from "./pythonrun.js";
import { builtinsModule, setStdStreams } from "./bltinmodule.js";
import { createStdio } from "../modules/_io/_iomodule.js";
import { sysOptions } from "./sysmodule_config.js";
import { initSysInfo } from "./sysmodule_data.js";
import { initSysHooks } from "./sysmodule_hooks.js";
import { initSysFunctions } from "./sysmodule_functions.js";

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
  d.setStr("orig_argv", new PyList(interpreterConfig.origArgv.slice()));
  d.setStr("path", new PyList(interpreterConfig.sysPath.slice()));
  d.setStr("meta_path", new PyList([]));
  d.setStr("path_hooks", new PyList([]));
  d.setStr("path_importer_cache", new PyDict());
  initStdStreams(d);
  initSysInfo(d);
  initSysHooks(d);
  initSysFunctions(d);
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
  const cLike = sysOptions.utf8Mode === 1 || loc === "C" || loc === "POSIX" || /^C\.(UTF-8|utf8)$/i.test(loc) || /^UTF-8$/i.test(loc);
  let encoding = "utf-8";
  let errors = cLike ? "surrogateescape" : "strict";
  const ioenc = sysOptions.useEnvironment ? env.PYTHONIOENCODING : undefined;
  if (ioenc) {
    const colon = ioenc.indexOf(":");
    const e = colon < 0 ? ioenc : ioenc.slice(0, colon);
    if (e) encoding = e;
    if (colon >= 0 && ioenc.slice(colon + 1)) errors = ioenc.slice(colon + 1);
  }
  const cfg = { unbuffered: interpreterConfig.unbuffered || sysOptions.unbuffered, encoding: null, errors: null };
  const stdin = createStdio(0, false, "<stdin>", encoding, errors, cfg);
  const stdout = createStdio(1, true, "<stdout>", encoding, errors, cfg);
  const stderr = createStdio(2, true, "<stderr>", encoding, "backslashreplace", cfg);
  for (const [n, v] of [["stdin", stdin], ["__stdin__", stdin], ["stdout", stdout], ["__stdout__", stdout], ["stderr", stderr], ["__stderr__", stderr]] as const) {
    d.setStr(n, v);
  }
  setStdStreams(stdin, stdout, stderr, () => d.getStr("stdout") ?? null, () => d.getStr("stderr") ?? null, () => d.getStr("stdin") ?? null);
}

/** sys.modules. */
export function sysModules(): PyDict {
  return getSysModule().dict.getStr("modules") as PyDict;
}
