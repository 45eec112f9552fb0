// CPython: Modules/posixmodule.c — the posix module (what os.py re-exports on Linux).
//
// The functions live by concern in posixmodule_fs.ts (files and fds), posixmodule_proc.ts
// (process, environment, system), posixmodule_scandir.ts and posixmodule_stat.ts. What Node
// cannot do raises OSError(ENOSYS) (docs/os-support.md); functions Linux has but tython cannot
// provide at all (fork, exec*, posix_spawn) are absent, so the stdlib does not count on them.
import type { PyObject } from "../objects/object.js";
import { PyModule } from "../objects/moduleobject.js";
import { PyList } from "../objects/listobject.js";
import { PyTuple } from "../objects/tupleobject.js";
import { PyBytes } from "../objects/bytesobject.js";
import { PyExc_OSError } from "../objects/exceptions.js";
import { asStr } from "../objects/unicodeobject.js";
import { defFunction } from "./posixmodule_def.js";
import { pathArg, PyOS_FSPath } from "./posixmodule_path.js";
import { StatResultType, StatvfsResultType } from "./posixmodule_stat.js";
import { addFsFunctions } from "./posixmodule_fs.js";
import { addProcFunctions, TerminalSizeType, TimesResultType, UnameResultType } from "./posixmodule_proc.js";
import { PyDirEntry_Type, scandir } from "./posixmodule_scandir.js";

/** Linux/glibc values of the module's integer constants (as native CPython 3.14 has them). */
const CONSTANTS: Record<string, number> = {
  F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1, NGROUPS_MAX: 65536, TMP_MAX: 238328, WCONTINUED: 8, WNOHANG: 1, WUNTRACED: 2,
  O_RDONLY: 0, O_WRONLY: 1, O_RDWR: 2, O_NDELAY: 2048, O_NONBLOCK: 2048, O_APPEND: 1024, O_DSYNC: 4096, O_RSYNC: 1052672,
  O_SYNC: 1052672, O_NOCTTY: 256, O_CREAT: 64, O_EXCL: 128, O_TRUNC: 512, O_LARGEFILE: 0, O_PATH: 2097152, O_TMPFILE: 4259840,
  PRIO_PROCESS: 0, PRIO_PGRP: 1, PRIO_USER: 2, O_CLOEXEC: 524288, O_ACCMODE: 3, O_FSYNC: 1052672, SEEK_HOLE: 4, SEEK_DATA: 3,
  O_ASYNC: 8192, O_DIRECT: 16384, O_DIRECTORY: 65536, O_NOFOLLOW: 131072, O_NOATIME: 262144,
  EX_OK: 0, EX_USAGE: 64, EX_DATAERR: 65, EX_NOINPUT: 66, EX_NOUSER: 67, EX_NOHOST: 68, EX_UNAVAILABLE: 69, EX_SOFTWARE: 70,
  EX_OSERR: 71, EX_OSFILE: 72, EX_CANTCREAT: 73, EX_IOERR: 74, EX_TEMPFAIL: 75, EX_PROTOCOL: 76, EX_NOPERM: 77, EX_CONFIG: 78,
  ST_RDONLY: 1, ST_NOSUID: 2, ST_NODEV: 4, ST_NOEXEC: 8, ST_SYNCHRONOUS: 16, ST_MANDLOCK: 64, ST_WRITE: 128, ST_APPEND: 256,
  ST_NOATIME: 1024, ST_NODIRATIME: 2048, ST_RELATIME: 4096,
  POSIX_FADV_NORMAL: 0, POSIX_FADV_SEQUENTIAL: 2, POSIX_FADV_RANDOM: 1, POSIX_FADV_NOREUSE: 5, POSIX_FADV_WILLNEED: 3,
  POSIX_FADV_DONTNEED: 4, P_PID: 1, P_PGID: 2, P_ALL: 0, WEXITED: 4, WNOWAIT: 16777216, WSTOPPED: 2,
  CLD_EXITED: 1, CLD_KILLED: 2, CLD_DUMPED: 3, CLD_TRAPPED: 4, CLD_STOPPED: 5, CLD_CONTINUED: 6,
  F_LOCK: 1, F_TLOCK: 2, F_ULOCK: 0, F_TEST: 3,
  SCHED_OTHER: 0, SCHED_DEADLINE: 6, SCHED_FIFO: 1, SCHED_NORMAL: 0, SCHED_RR: 2, SCHED_BATCH: 3, SCHED_IDLE: 5,
  SCHED_RESET_ON_FORK: 1073741824,
  RTLD_LAZY: 1, RTLD_NOW: 2, RTLD_GLOBAL: 256, RTLD_LOCAL: 0, RTLD_NODELETE: 4096, RTLD_NOLOAD: 4, RTLD_DEEPBIND: 8,
  GRND_RANDOM: 2, GRND_NONBLOCK: 1,
};

/**
 * The HAVE_* names os.py builds supports_dir_fd/supports_fd/supports_follow_symlinks from: only
 * those tython really honours (dir_fd through /proc/self/fd, fds through Node's f* calls).
 */
const HAVE_FUNCTIONS = [
  "HAVE_FACCESSAT", "HAVE_FCHDIR", "HAVE_FCHMOD", "HAVE_FCHMODAT", "HAVE_FCHOWN", "HAVE_FCHOWNAT", "HAVE_FDOPENDIR",
  "HAVE_FPATHCONF", "HAVE_FSTATAT", "HAVE_FTRUNCATE", "HAVE_FUTIMENS", "HAVE_FUTIMES", "HAVE_FUTIMESAT", "HAVE_LCHOWN",
  "HAVE_LINKAT", "HAVE_LSTAT", "HAVE_LUTIMES", "HAVE_MKDIRAT", "HAVE_OPENAT", "HAVE_READLINKAT", "HAVE_RENAMEAT",
  "HAVE_SYMLINKAT", "HAVE_UNLINKAT", "HAVE_UTIMENSAT",
];

/** posixpath.normpath's algorithm on a str (bytes go through latin-1) (CPython: _Py_normpath). */
export function normpath(path: string): string {
  if (path === "") return ".";
  const initial = path.startsWith("/") ? (path.startsWith("//") && !path.startsWith("///") ? 2 : 1) : 0;
  const comps: string[] = [];
  for (const comp of path.split("/")) {
    if (comp === "" || comp === ".") continue;
    if (comp !== ".." || (initial === 0 && comps.length === 0) || (comps.length > 0 && comps[comps.length - 1] === "..")) comps.push(comp);
    else if (comps.length > 0) comps.pop();
  }
  const r = "/".repeat(initial) + comps.join("/");
  return r || ".";
}

function splitroot(p: string): [string, string, string] {
  if (!p.startsWith("/")) return ["", "", p];
  if (p[1] !== "/" || p[2] === "/") return ["", "/", p.slice(1)];
  return ["", "//", p.slice(2)];
}

const latin1 = (b: Uint8Array): string => String.fromCharCode.apply(null, b as unknown as number[]);
const fromLatin1 = (s: string): PyBytes => new PyBytes(Uint8Array.from(s, (c) => c.charCodeAt(0)));

export function initPosix(): PyModule {
  const m = new PyModule("posix", "This module provides access to operating system functionality that is\nstandardized by the C Standard and the POSIX standard (a thinly\ndisguised Unix interface).  Refer to the library manual and\ncorresponding Unix manual entries for more information on calls.");
  const d = m.dict;
  for (const [k, v] of Object.entries(CONSTANTS)) d.setStr(k, v);
  d.setStr("error", PyExc_OSError);
  d.setStr("stat_result", StatResultType);
  d.setStr("statvfs_result", StatvfsResultType);
  d.setStr("terminal_size", TerminalSizeType);
  d.setStr("times_result", TimesResultType);
  d.setStr("uname_result", UnameResultType);
  d.setStr("DirEntry", PyDirEntry_Type);
  d.setStr("_have_functions", new PyList(HAVE_FUNCTIONS.slice()));
  addFsFunctions(d);
  addProcFunctions(d);
  defFunction(d, "posix", "scandir", ["path"], { required: 0 }, (a) => scandir(pathArg("scandir", "path", a[0], { allowFd: true, nullable: true })));
  defFunction(d, "posix", "fspath", ["path"], { required: 1 }, (a) => PyOS_FSPath(a[0] as PyObject));
  defFunction(d, "posix", "_path_normpath", ["path"], { required: 1 }, (a) => {
    const p = PyOS_FSPath(a[0] as PyObject);
    if (p instanceof PyBytes) return fromLatin1(normpath(latin1(p.value)));
    return normpath(asStr(p) as string);
  });
  defFunction(d, "posix", "_path_splitroot_ex", ["p"], { required: 1 }, (a) => {
    const p = PyOS_FSPath(a[0] as PyObject);
    if (p instanceof PyBytes) return new PyTuple(splitroot(latin1(p.value)).map(fromLatin1));
    return new PyTuple(splitroot(asStr(p) as string));
  });
  return m;
}
