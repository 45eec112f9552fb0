// CPython: Modules/posixmodule.c — the process functions: ids, environ/putenv, uname, times,
// terminal size, urandom, kill, system, sysconf and the wait-status macros, over Node's process,
// os and crypto modules and Linux's /proc.
import fs from "node:fs";
import os from "node:os";
import tty from "node:tty";
import crypto from "node:crypto";
import child_process from "node:child_process";
import { type PyObject, Py_None, Py_TYPE } from "../objects/object.js";
import { PyDict } from "../objects/dictobject.js";
import { PyList } from "../objects/listobject.js";
import { PyTuple } from "../objects/tupleobject.js";
import { PyBytes } from "../objects/bytesobject.js";
import { PyFloat } from "../objects/floatobject.js";
import { PyNumber_Index, PyCallable_Check } from "../objects/abstract.js";
import { PyStructSequence_NewType, PyStructSequence_New } from "../objects/structseq.js";
import { asStr } from "../objects/unicodeobject.js";
import { typeError, valueError, overflowError } from "../python/errors.js";
import { PyErr_SetFromErrno, oserrorFromNode, strerror, notAvailable, EINVAL } from "../python/oserror.js";
import { fsEncode, fsDecode } from "../python/fileutils.js";
import { defFunction, defPositional, type Args } from "./posixmodule_def.js";
import { cInt, PyOS_FSPath, pathArg, nodePath } from "./posixmodule_path.js";
import { SYSCONF, PATHCONF, CONFSTR } from "./posixmodule_conf.generated.js";
import { _PySignal_KillSelf, PyErr_CheckSignals } from "./signalmodule.js";

const M = "posix";

export const TerminalSizeType = PyStructSequence_NewType({
  name: "os.terminal_size",
  doc: "A tuple of (columns, lines) for holding terminal window size",
  fields: ["columns", "lines"],
});
export const TimesResultType = PyStructSequence_NewType({
  name: "posix.times_result",
  doc: "times_result: Result from os.times().\n\nThis object may be accessed either as a tuple of\n  (user, system, children_user, children_system, elapsed),\nor via the attributes user, system, children_user, children_system,\nand elapsed.\n\nSee os.times for more information.",
  fields: ["user", "system", "children_user", "children_system", "elapsed"],
});
export const UnameResultType = PyStructSequence_NewType({
  name: "posix.uname_result",
  doc: "uname_result: Result from os.uname().\n\nThis object may be accessed either as a tuple of\n  (sysname, nodename, release, version, machine),\nor via the attributes sysname, nodename, release, version, and machine.\n\nSee os.uname for more information.",
  fields: ["sysname", "nodename", "release", "version", "machine"],
});

/** posix.environ: bytes -> bytes, as CPython builds it from the C environ at start-up. */
export function createEnviron(): PyDict {
  const d = new PyDict();
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined) continue;
    d.setItem(new PyBytes(fsEncode(k)), new PyBytes(fsEncode(v)));
  }
  return d;
}

/** An environment string argument: str, bytes or os.PathLike, as the C string (CPython: PyUnicode_FSConverter). */
function envString(v: PyObject): string {
  const p = PyOS_FSPath(v);
  const s = p instanceof PyBytes ? fsDecode(p.value) : (asStr(p) as string);
  if (s.includes("\0")) throw valueError("embedded null byte");
  return s;
}

/** Clock ticks of /proc/self/stat (utime, stime, cutime, cstime) and of the system's uptime. */
function procTimes(): [number, number, number, number, number] {
  const stat = fs.readFileSync("/proc/self/stat", "latin1");
  const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // fields after "(comm)": state is f[0], utime is field 14 of the whole line = f[11]
  const uptime = Number(fs.readFileSync("/proc/uptime", "latin1").split(" ")[0]);
  return [Number(f[11]), Number(f[12]), Number(f[13]), Number(f[14]), Math.round(uptime * 100)];
}

/** A limit of /proc/self/limits (soft value), or null for unlimited. */
export function procLimit(name: string): number | null {
  try {
    const text = fs.readFileSync("/proc/self/limits", "latin1");
    for (const line of text.split("\n")) {
      if (line.startsWith(name)) {
        const soft = line.slice(26).trim().split(/\s+/)[0];
        return soft === "unlimited" ? null : Number(soft);
      }
    }
  } catch {
    // not Linux
  }
  return null;
}

function memAvailablePages(): number {
  try {
    const m = /^MemFree:\s+(\d+)/m.exec(fs.readFileSync("/proc/meminfo", "latin1"));
    if (m) return Math.floor((Number(m[1]) * 1024) / 4096);
  } catch {
    // fall through
  }
  return Math.floor(os.freemem() / 4096);
}

function sysconfValue(name: string, num: number, fixed: number | null): number {
  if (fixed !== null) return fixed;
  switch (name) {
    case "SC_ARG_MAX": {
      const stack = procLimit("Max stack size");
      return stack === null ? 2097152 : Math.max(Math.floor(stack / 4), 131072);
    }
    case "SC_CHILD_MAX":
      return procLimit("Max processes") ?? -1;
    case "SC_OPEN_MAX":
      return procLimit("Max open files") ?? -1;
    case "SC_SIGQUEUE_MAX":
      return procLimit("Max pending signals") ?? -1;
    case "SC_NPROCESSORS_CONF":
      return cpuListCount("possible");
    case "SC_NPROCESSORS_ONLN":
      return cpuListCount("online");
    case "SC_PHYS_PAGES":
      return Math.floor(os.totalmem() / 4096);
    case "SC_AVPHYS_PAGES":
      return memAvailablePages();
  }
  void num;
  throw PyErr_SetFromErrno(EINVAL);
}

/**
 * The number of CPUs in /sys/devices/system/cpu/{online,possible} (a list such as "0-3,6"), as glibc's
 * sysconf counts them; os.cpus() can be empty in a sandbox that hides /proc/cpuinfo.
 */
function cpuListCount(which: "online" | "possible"): number {
  try {
    let n = 0;
    for (const part of fs.readFileSync(`/sys/devices/system/cpu/${which}`, "latin1").trim().split(",")) {
      const [lo, hi] = part.split("-").map(Number);
      n += hi === undefined ? 1 : hi - lo + 1;
    }
    if (n > 0) return n;
  } catch {
    // no sysfs: fall through
  }
  return os.cpus().length || os.availableParallelism();
}

/** A configuration name argument: a str of `table` or an int (CPython: conv_confname). */
function confName(v: PyObject, table: PyDict): number {
  if (typeof v === "number" || typeof v === "bigint" || typeof v === "boolean") return cInt(v);
  const s = asStr(v);
  if (s === null) throw typeError(`configuration names must be strings or integers`);
  const n = table.getStr(s);
  if (n === undefined) throw valueError("unrecognized configuration name");
  return n as number;
}

// wait status macros (glibc's bits/waitstatus.h)
const WEXITSTATUS = (s: number): number => (s & 0xff00) >> 8;
const WTERMSIG = (s: number): number => s & 0x7f;
const WIFEXITED = (s: number): boolean => WTERMSIG(s) === 0;
const WIFSIGNALED = (s: number): boolean => ((s & 0x7f) + 1) << 24 >> 25 > 0;
const WIFSTOPPED = (s: number): boolean => (s & 0xff) === 0x7f;

/** Callbacks given to os.register_at_fork (tython never forks, so they are only kept). */
export const atForkCallbacks: { before: PyObject[]; afterInChild: PyObject[]; afterInParent: PyObject[] } = {
  before: [], afterInChild: [], afterInParent: [],
};

export function addProcFunctions(d: PyDict): void {
  const df = (name: string, names: readonly string[], opts: Parameters<typeof defFunction>[4], fn: (a: Args) => PyObject): void => {
    defFunction(d, M, name, names, opts, fn);
  };
  const dp = (name: string, names: readonly string[], required: number, fn: (a: Args) => PyObject): void => {
    defPositional(d, M, name, names, required, fn);
  };
  const d0 = (name: string, fn: () => PyObject): void => df(name, [], {}, fn);

  // --- ids ---
  d0("getpid", () => process.pid);
  d0("getppid", () => process.ppid);
  d0("getuid", () => process.getuid?.() ?? 0);
  d0("geteuid", () => process.geteuid?.() ?? 0);
  d0("getgid", () => process.getgid?.() ?? 0);
  d0("getegid", () => process.getegid?.() ?? 0);
  d0("getgroups", () => new PyList(process.getgroups?.() ?? []));
  d0("getpgrp", () => {
    const f = fs.readFileSync("/proc/self/stat", "latin1");
    return Number(f.slice(f.lastIndexOf(")") + 2).split(" ")[2]);
  });
  df("getpgid", ["pid"], { required: 1 }, (a) => {
    const pid = cInt(a[0] as PyObject);
    try {
      const f = fs.readFileSync(`/proc/${pid === 0 ? "self" : pid}/stat`, "latin1");
      return Number(f.slice(f.lastIndexOf(")") + 2).split(" ")[2]);
    } catch {
      throw PyErr_SetFromErrno(3); // ESRCH
    }
  });
  dp("getsid", ["pid"], 1, (a) => {
    const pid = cInt(a[0] as PyObject);
    try {
      const f = fs.readFileSync(`/proc/${pid === 0 ? "self" : pid}/stat`, "latin1");
      return Number(f.slice(f.lastIndexOf(")") + 2).split(" ")[3]);
    } catch {
      throw PyErr_SetFromErrno(3);
    }
  });
  d0("getresuid", () => {
    const m = /^Uid:\s+(\d+)\s+(\d+)\s+(\d+)/m.exec(fs.readFileSync("/proc/self/status", "latin1"));
    return new PyTuple(m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0]);
  });
  d0("getresgid", () => {
    const m = /^Gid:\s+(\d+)\s+(\d+)\s+(\d+)/m.exec(fs.readFileSync("/proc/self/status", "latin1"));
    return new PyTuple(m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0]);
  });
  for (const [name, setter, arg] of [["setuid", "setuid", "uid"], ["setgid", "setgid", "gid"], ["seteuid", "seteuid", "euid"], ["setegid", "setegid", "egid"]] as const) {
    dp(name, [arg], 1, (a) => {
      const id = PyNumber_Index(a[0] as PyObject);
      if (typeof id !== "number" || id < 0 || id > 0xffffffff) throw overflowError(`${name.includes("g") ? "gid" : "uid"} is greater than maximum`);
      const f = process[setter];
      if (f === undefined) throw notAvailable(name);
      try {
        f.call(process, id);
      } catch (e) {
        throw oserrorFromNode(e);
      }
      return Py_None;
    });
  }
  dp("setgroups", ["groups"], 1, () => {
    throw notAvailable("setgroups");
  });
  d0("getlogin", () => {
    throw notAvailable("getlogin");
  });
  d0("setsid", () => {
    throw notAvailable("setsid");
  });
  d0("setpgrp", () => {
    throw notAvailable("setpgrp");
  });
  df("getpriority", ["which", "who"], { required: 2 }, (a) => {
    const which = cInt(a[0] as PyObject);
    const who = cInt(a[1] as PyObject);
    if (which !== 0) throw notAvailable("getpriority");
    try {
      return os.getPriority(who);
    } catch (e) {
      throw oserrorFromNode(e);
    }
  });
  df("setpriority", ["which", "who", "priority"], { required: 3 }, (a) => {
    const which = cInt(a[0] as PyObject);
    const who = cInt(a[1] as PyObject);
    const prio = cInt(a[2] as PyObject);
    if (which !== 0) throw notAvailable("setpriority");
    try {
      os.setPriority(who, prio);
    } catch (e) {
      throw oserrorFromNode(e);
    }
    return Py_None;
  });

  // --- environment ---
  d.setStr("environ", createEnviron());
  df("_create_environ", [], {}, () => createEnviron());
  dp("putenv", ["name", "value"], 2, (a) => {
    const name = envString(a[0] as PyObject);
    const value = envString(a[1] as PyObject);
    if (name.length === 0) throw PyErr_SetFromErrno(EINVAL);
    if (name.includes("=")) throw valueError("illegal environment variable name");
    process.env[name] = value;
    return Py_None;
  });
  dp("unsetenv", ["name"], 1, (a) => {
    const name = envString(a[0] as PyObject);
    if (name.length === 0 || name.includes("=")) throw PyErr_SetFromErrno(EINVAL);
    delete process.env[name];
    return Py_None;
  });

  // --- system information ---
  d0("uname", () => {
    const u = [os.type(), os.hostname(), os.release(), os.version(), os.machine()];
    return PyStructSequence_New(UnameResultType, u);
  });
  d0("cpu_count", () => cpuListCount("online"));
  d0("process_cpu_count", () => os.availableParallelism());
  d0("getloadavg", () => new PyTuple(os.loadavg().map((x) => new PyFloat(x))));
  d0("times", () => {
    const [u, s, cu, cs, el] = procTimes();
    return PyStructSequence_New(TimesResultType, [u / 100, s / 100, cu / 100, cs / 100, el / 100].map((x) => new PyFloat(x)));
  });
  const sysconfNames = new PyDict();
  for (const [name, num] of SYSCONF) sysconfNames.setStr(name, num);
  const pathconfNames = new PyDict();
  for (const [name, num] of PATHCONF) pathconfNames.setStr(name, num);
  const confstrNames = new PyDict();
  for (const [name, num] of CONFSTR) confstrNames.setStr(name, num);
  d.setStr("sysconf_names", sysconfNames);
  d.setStr("pathconf_names", pathconfNames);
  d.setStr("confstr_names", confstrNames);
  dp("sysconf", ["name"], 1, (a) => {
    const n = confName(a[0] as PyObject, sysconfNames);
    const entry = SYSCONF.find((e) => e[1] === n);
    if (entry === undefined || entry[0] === "SC_EQUIV_CLASS_MAX") throw PyErr_SetFromErrno(EINVAL);
    return sysconfValue(entry[0], n, entry[2]);
  });
  const pathconfImpl = (n: number): PyObject => {
    const entry = PATHCONF.find((e) => e[1] === n);
    if (entry === undefined) throw PyErr_SetFromErrno(EINVAL);
    return entry[2];
  };
  df("pathconf", ["path", "name"], { required: 2 }, (a) => {
    const p = pathArg("pathconf", "path", a[0], { allowFd: true });
    const n = confName(a[1] as PyObject, pathconfNames);
    try {
      if (p.fd >= 0) fs.fstatSync(p.fd);
      else fs.statSync(nodePath(p));
    } catch (e) {
      throw oserrorFromNode(e, p.object);
    }
    return pathconfImpl(n);
  });
  dp("fpathconf", ["fd", "name"], 2, (a) => {
    const fd = cInt(a[0] as PyObject);
    const n = confName(a[1] as PyObject, pathconfNames);
    try {
      fs.fstatSync(fd);
    } catch (e) {
      throw oserrorFromNode(e);
    }
    return pathconfImpl(n);
  });
  dp("confstr", ["name"], 1, (a) => {
    const n = confName(a[0] as PyObject, confstrNames);
    const entry = CONFSTR.find((e) => e[1] === n);
    if (entry === undefined) throw PyErr_SetFromErrno(EINVAL);
    if (entry[2] !== null) return entry[2];
    const header = (process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined)?.header;
    const v = header?.glibcVersionRuntime;
    if (v === undefined) return Py_None;
    return entry[0] === "CS_GNU_LIBC_VERSION" ? `glibc ${v}` : `NPTL ${v}`;
  });

  // --- terminals ---
  dp("isatty", ["fd"], 1, (a) => tty.isatty(cInt(a[0] as PyObject)));
  dp("get_terminal_size", ["fd"], 0, (a) => {
    const fd = a[0] === null ? 1 : cInt(a[0]);
    try {
      fs.fstatSync(fd);
    } catch (e) {
      throw oserrorFromNode(e);
    }
    if (!tty.isatty(fd)) throw PyErr_SetFromErrno(25); // ENOTTY
    const stream = fd === 1 ? process.stdout : fd === 2 ? process.stderr : null;
    if (stream === null || typeof (stream as tty.WriteStream).getWindowSize !== "function") throw notAvailable("get_terminal_size");
    const [cols, rows] = (stream as tty.WriteStream).getWindowSize();
    return PyStructSequence_New(TerminalSizeType, [cols, rows]);
  });
  dp("ttyname", ["fd"], 1, (a) => {
    const fd = cInt(a[0] as PyObject);
    if (!tty.isatty(fd)) {
      try {
        fs.fstatSync(fd);
      } catch (e) {
        throw oserrorFromNode(e);
      }
      throw PyErr_SetFromErrno(25);
    }
    return fsDecode(fs.readlinkSync(`/proc/self/fd/${fd}`, { encoding: "buffer" }));
  });
  d0("ctermid", () => "/dev/tty");
  dp("device_encoding", ["fd"], 1, (a) => (tty.isatty(cInt(a[0] as PyObject)) ? "UTF-8" : Py_None));

  // --- misc ---
  dp("urandom", ["size"], 1, (a) => {
    const n = PyNumber_Index(a[0] as PyObject);
    if (typeof n === "bigint") throw overflowError("Python int too large to convert to C ssize_t");
    if (n < 0) throw valueError("negative argument not allowed");
    return new PyBytes(Uint8Array.from(crypto.randomBytes(n)));
  });
  df("getrandom", ["size", "flags"], { required: 1 }, (a) => {
    const n = PyNumber_Index(a[0] as PyObject);
    if (typeof n === "bigint") throw overflowError("Python int too large to convert to C ssize_t");
    if (n < 0) throw PyErr_SetFromErrno(EINVAL);
    return new PyBytes(Uint8Array.from(crypto.randomBytes(n)));
  });
  dp("umask", ["mask"], 1, (a) => process.umask(cInt(a[0] as PyObject) & 0o7777));
  dp("strerror", ["code"], 1, (a) => strerror(cInt(a[0] as PyObject)));
  dp("kill", ["pid", "signal"], 2, (a) => {
    const pid = PyNumber_Index(a[0] as PyObject);
    const sig = cInt(a[1] as PyObject);
    // to this process: a signal with a Python handler (or ignored, or blocked) is delivered by
    // the signal module, which Node could not do; its handler runs before the next instruction
    if (Number(pid) === process.pid && _PySignal_KillSelf(sig)) {
      PyErr_CheckSignals();
      return Py_None;
    }
    try {
      process.kill(Number(pid), sig);
    } catch (e) {
      throw oserrorFromNode(e);
    }
    return Py_None;
  });
  dp("killpg", ["pgid", "signal"], 2, (a) => {
    const pgid = PyNumber_Index(a[0] as PyObject);
    const sig = cInt(a[1] as PyObject);
    try {
      process.kill(-Number(pgid), sig);
    } catch (e) {
      throw oserrorFromNode(e);
    }
    return Py_None;
  });
  df("_exit", ["status"], { required: 1 }, (a) => {
    process.exit(cInt(a[0] as PyObject));
  });
  d0("abort", () => {
    process.abort();
  });
  df("system", ["command"], { required: 1 }, (a) => {
    const cmd = envString(a[0] as PyObject);
    const r = child_process.spawnSync("/bin/sh", ["-c", cmd], { stdio: "inherit" });
    if (r.error !== undefined) return -1;
    if (r.signal !== null) return (os.constants.signals[r.signal] ?? 0) & 0x7f;
    return ((r.status ?? 0) & 0xff) << 8;
  });
  // tython starts no child it could wait for (no fork): the wait family is unavailable
  dp("waitpid", ["pid", "options"], 2, () => {
    throw notAvailable("waitpid");
  });
  d0("wait", () => {
    throw notAvailable("wait");
  });
  df("wait3", ["options"], { required: 1 }, () => {
    throw notAvailable("wait3");
  });
  df("wait4", ["pid", "options"], { required: 2 }, () => {
    throw notAvailable("wait4");
  });
  d0("sched_yield", () => Py_None);
  df("register_at_fork", ["before", "after_in_child", "after_in_parent"], { kwonlyStart: 0 }, (a) => {
    if (a[0] === null && a[1] === null && a[2] === null) throw typeError("At least one argument is required.");
    const names = ["before", "after_in_child", "after_in_parent"] as const;
    for (let i = 0; i < 3; i++) {
      const f = a[i];
      if (f !== null && !PyCallable_Check(f)) throw typeError(`'${names[i]}' must be callable, not ${Py_TYPE(f).tp_name}`);
    }
    if (a[0] !== null) atForkCallbacks.before.push(a[0]);
    if (a[1] !== null) atForkCallbacks.afterInChild.push(a[1]);
    if (a[2] !== null) atForkCallbacks.afterInParent.push(a[2]);
    return Py_None;
  });

  // --- wait status macros ---
  const statusArg = (a: Args): number => cInt(a[0] as PyObject);
  df("WIFEXITED", ["status"], { required: 1 }, (a) => WIFEXITED(statusArg(a)));
  df("WEXITSTATUS", ["status"], { required: 1 }, (a) => WEXITSTATUS(statusArg(a)));
  df("WIFSIGNALED", ["status"], { required: 1 }, (a) => WIFSIGNALED(statusArg(a)));
  df("WTERMSIG", ["status"], { required: 1 }, (a) => WTERMSIG(statusArg(a)));
  df("WIFSTOPPED", ["status"], { required: 1 }, (a) => WIFSTOPPED(statusArg(a)));
  df("WSTOPSIG", ["status"], { required: 1 }, (a) => WEXITSTATUS(statusArg(a)));
  df("WIFCONTINUED", ["status"], { required: 1 }, (a) => statusArg(a) === 0xffff);
  dp("WCOREDUMP", ["status"], 1, (a) => (statusArg(a) & 0x80) !== 0);
  df("waitstatus_to_exitcode", ["status"], { required: 1 }, (a) => {
    const s = statusArg(a);
    if (WIFEXITED(s)) return WEXITSTATUS(s);
    if (WIFSIGNALED(s)) return -WTERMSIG(s);
    if (WIFSTOPPED(s)) throw valueError(`process stopped by delivery of signal ${WEXITSTATUS(s)}`);
    throw valueError(`invalid wait status: ${s}`);
  });
  dp("major", ["device"], 1, (a) => {
    const dev = BigInt(PyNumber_Index(a[0] as PyObject));
    return Number(((dev >> 8n) & 0xfffn) | ((dev >> 32n) & ~0xfffn));
  });
  dp("minor", ["device"], 1, (a) => {
    const dev = BigInt(PyNumber_Index(a[0] as PyObject));
    return Number((dev & 0xffn) | ((dev >> 12n) & ~0xffn));
  });
  dp("makedev", ["major", "minor"], 2, (a) => {
    const ma = BigInt(PyNumber_Index(a[0] as PyObject));
    const mi = BigInt(PyNumber_Index(a[1] as PyObject));
    const dev = ((ma & 0xfffn) << 8n) | ((ma & ~0xfffn) << 32n) | (mi & 0xffn) | ((mi & ~0xffn) << 12n);
    return dev <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(dev) : dev;
  });
}
