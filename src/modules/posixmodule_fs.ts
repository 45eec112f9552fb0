// CPython: Modules/posixmodule.c — the file system functions (stat, listdir, mkdir, rename, open,
// read, write, chmod, utime, ...) over Node's synchronous fs API.
import fs from "node:fs";
import { Buffer } from "node:buffer";
import { type PyObject, Py_None, Py_TYPE } from "../objects/object.js";
import type { PyDict } from "../objects/dictobject.js";
import { PyList } from "../objects/listobject.js";
import { PyTuple } from "../objects/tupleobject.js";
import { PyBytes, bytesLike } from "../objects/bytesobject.js";
import { PyFloat } from "../objects/floatobject.js";
import { PyObject_IsTrue, PyNumber_Index, PyFloat_AsDouble, iterableToArray } from "../objects/abstract.js";
import { typeError, valueError, overflowError } from "../python/errors.js";
import { oserrorFromNode, PyErr_SetFromErrno, EINVAL, notAvailable } from "../python/oserror.js";
import { fsDecode } from "../python/fileutils.js";
import type { PyCFunction } from "../objects/methodobject.js";
import { defFunction, defPositional, type Args } from "./posixmodule_def.js";
import {
  type PathArg, pathArg, dirFdArg, nodePath, fsResult, cInt, fileDescriptor, checkDirFdAndFd, checkFdAndFollow,
} from "./posixmodule_path.js";
import { statResultFromNode } from "./posixmodule_stat.js";
import {
  fdOpen, fdClose, fdRead, fdWrite, fdPread, fdPwrite, fdLseek, fdForget, fdGetBlocking, fdSetBlocking, fdReadInto,
} from "./posixmodule_fd.js";

const M = "posix";
const truth = (v: PyObject | null, dflt: boolean): boolean => (v === null ? dflt : PyObject_IsTrue(v));

/** Runs a Node fs call, turning its failure into the OSError for `filename`. */
function io<T>(f: () => T, filename: PyObject | null = null, filename2: PyObject | null = null): T {
  try {
    return f();
  } catch (e) {
    throw oserrorFromNode(e, filename, filename2);
  }
}

/** A 64-bit file offset/length argument (CPython: Py_off_t converter). */
export function offArg(v: PyObject): number {
  if (v instanceof PyFloat) throw typeError("'float' object cannot be interpreted as an integer");
  const n = PyNumber_Index(v);
  if (typeof n === "bigint") throw overflowError("Python int too large to convert to C long");
  return n;
}

/** A size_t-like length: negative ones are refused the way each function does. */
function ssizeArg(v: PyObject): number {
  const n = PyNumber_Index(v);
  if (typeof n === "bigint") throw overflowError("Python int too large to convert to C ssize_t");
  return n;
}

function doStat(fname: string, p: PathArg, dirFd: number, follow: boolean): PyObject {
  checkDirFdAndFd(fname, p, dirFd);
  checkFdAndFollow(fname, p, follow);
  if (p.fd >= 0) return io(() => statResultFromNode(fs.fstatSync(p.fd, { bigint: true })), p.object);
  const np = nodePath(p, dirFd);
  return io(() => statResultFromNode(follow ? fs.statSync(np, { bigint: true }) : fs.lstatSync(np, { bigint: true })), p.object);
}

function listdirNames(p: PathArg): PyObject {
  const np = nodePath(p);
  const names = io(() => fs.readdirSync(np, { encoding: "buffer" }), p.object);
  const out: PyObject[] = new Array(names.length);
  for (let i = 0; i < names.length; i++) out[i] = fsResult(names[i], p.narrow);
  return new PyList(out);
}

function modeArg(v: PyObject | null, dflt: number): number {
  return v === null ? dflt : cInt(v);
}

/** utime's (atime, mtime) as Node takes them (seconds as numbers), or null for "now". */
function utimeTimes(fname: string, times: PyObject | null, ns: PyObject | null): [number, number] | null {
  const hasTimes = times !== null && times !== Py_None;
  if (hasTimes && ns !== null) throw valueError(`${fname}: you may specify either 'times' or 'ns' but not both`);
  if (hasTimes) {
    if (!(times instanceof PyTuple) || times.items.length !== 2) throw typeError(`${fname}: 'times' must be either a tuple of two ints or None`);
    return [timeArg(times.items[0]), timeArg(times.items[1])];
  }
  if (ns !== null) {
    if (!(ns instanceof PyTuple) || ns.items.length !== 2) throw typeError(`${fname}: 'ns' must be a tuple of two ints`);
    const f = (v: PyObject): number => {
      const n = PyNumber_Index(v);
      const b = BigInt(n);
      const s = b / 1000000000n - (b % 1000000000n < 0n ? 1n : 0n);
      const rest = b - s * 1000000000n;
      return Number(s) + Number(rest) / 1e9;
    };
    return [f(ns.items[0]), f(ns.items[1])];
  }
  return null;
}

function timeArg(v: PyObject): number {
  if (v instanceof PyFloat) return v.value;
  if (typeof v === "number" || typeof v === "bigint" || typeof v === "boolean") return Number(v);
  return PyFloat_AsDouble(v);
}

/** The bytes of a bytes-like argument (CPython: Py_buffer). */
function bufferArg(v: PyObject): Uint8Array {
  const b = bytesLike(v);
  if (b === null) throw typeError(`a bytes-like object is required, not '${Py_TYPE(v).tp_name}'`);
  return b;
}

export function addFsFunctions(d: PyDict): void {
  const df = (name: string, names: readonly string[], opts: Parameters<typeof defFunction>[4], fn: (a: Args) => PyObject): PyCFunction =>
    defFunction(d, M, name, names, opts, fn);
  const dp = (name: string, names: readonly string[], required: number, fn: (a: Args) => PyObject): PyCFunction =>
    defPositional(d, M, name, names, required, fn);

  // --- stat family ---
  const stat = df("stat", ["path", "dir_fd", "follow_symlinks"], { required: 1, kwonlyStart: 1 }, (a) =>
    doStat("stat", pathArg("stat", "path", a[0], { allowFd: true }), dirFdArg(a[1]), truth(a[2], true)),
  );
  const lstat = df("lstat", ["path", "dir_fd"], { required: 1, kwonlyStart: 1 }, (a) =>
    doStat("lstat", pathArg("lstat", "path", a[0]), dirFdArg(a[1]), false),
  );
  df("fstat", ["fd"], { required: 1 }, (a) => {
    const fd = cInt(a[0] as PyObject);
    return io(() => statResultFromNode(fs.fstatSync(fd, { bigint: true })));
  });

  // --- directories ---
  const listdir = df("listdir", ["path"], { required: 0 }, (a) => listdirNames(pathArg("listdir", "path", a[0], { allowFd: true, nullable: true })));
  df("getcwd", [], {}, () => io(() => fsDecode(Buffer.from(process.cwd()))));
  df("getcwdb", [], {}, () => io(() => new PyBytes(Uint8Array.from(Buffer.from(process.cwd())))));
  const chdir = df("chdir", ["path"], { required: 1 }, (a) => {
    const p = pathArg("chdir", "path", a[0], { allowFd: true });
    const np = nodePath(p);
    io(() => process.chdir(typeof np === "string" ? np : np.toString("latin1")), p.object);
    return Py_None;
  });
  df("fchdir", ["fd"], { required: 1 }, (a) => {
    const fd = fileDescriptor(a[0] as PyObject);
    io(() => process.chdir(`/proc/self/fd/${fd}`));
    return Py_None;
  });
  const mkdir = df("mkdir", ["path", "mode", "dir_fd"], { required: 1, kwonlyStart: 2 }, (a) => {
    const p = pathArg("mkdir", "path", a[0]);
    const mode = modeArg(a[1], 0o777);
    io(() => fs.mkdirSync(nodePath(p, dirFdArg(a[2])), mode), p.object);
    return Py_None;
  });
  const rmdir = df("rmdir", ["path", "dir_fd"], { required: 1, kwonlyStart: 1 }, (a) => {
    const p = pathArg("rmdir", "path", a[0]);
    io(() => fs.rmdirSync(nodePath(p, dirFdArg(a[1]))), p.object);
    return Py_None;
  });
  const unlinkImpl = (fname: string) => (a: Args): PyObject => {
    const p = pathArg(fname, "path", a[0]);
    io(() => fs.unlinkSync(nodePath(p, dirFdArg(a[1]))), p.object);
    return Py_None;
  };
  const unlink = df("unlink", ["path", "dir_fd"], { required: 1, kwonlyStart: 1 }, unlinkImpl("unlink"));
  const remove = df("remove", ["path", "dir_fd"], { required: 1, kwonlyStart: 1 }, unlinkImpl("remove"));
  const renameImpl = (fname: string) => (a: Args): PyObject => {
    const src = pathArg(fname, "src", a[0]);
    const dst = pathArg(fname, "dst", a[1]);
    io(() => fs.renameSync(nodePath(src, dirFdArg(a[2])), nodePath(dst, dirFdArg(a[3]))), src.object, dst.object);
    return Py_None;
  };
  const rename = df("rename", ["src", "dst", "src_dir_fd", "dst_dir_fd"], { required: 2, kwonlyStart: 2 }, renameImpl("rename"));
  const replace = df("replace", ["src", "dst", "src_dir_fd", "dst_dir_fd"], { required: 2, kwonlyStart: 2 }, renameImpl("replace"));

  // --- links ---
  const readlink = df("readlink", ["path", "dir_fd"], { required: 1, kwonlyStart: 1 }, (a) => {
    const p = pathArg("readlink", "path", a[0]);
    const r = io(() => fs.readlinkSync(nodePath(p, dirFdArg(a[1])), { encoding: "buffer" }), p.object);
    return fsResult(r, p.narrow);
  });
  const symlink = df("symlink", ["src", "dst", "target_is_directory", "dir_fd"], { required: 2, kwonlyStart: 3 }, (a) => {
    const src = pathArg("symlink", "src", a[0]);
    const dst = pathArg("symlink", "dst", a[1]);
    io(() => fs.symlinkSync(src.native as string | Buffer, nodePath(dst, dirFdArg(a[3]))), src.object, dst.object);
    return Py_None;
  });
  const link = df("link", ["src", "dst", "src_dir_fd", "dst_dir_fd", "follow_symlinks"], { required: 2, kwonlyStart: 2 }, (a) => {
    const src = pathArg("link", "src", a[0]);
    const dst = pathArg("link", "dst", a[1]);
    let from = nodePath(src, dirFdArg(a[2]));
    // link(2) does not follow a symlink source; linkat(AT_SYMLINK_FOLLOW) (the default here) does
    if (truth(a[4], true)) {
      const target = from;
      from = io(() => fs.realpathSync(target, { encoding: "buffer" }), src.object, dst.object);
    }
    io(() => fs.linkSync(from, nodePath(dst, dirFdArg(a[3]))), src.object, dst.object);
    return Py_None;
  });

  // --- permissions and times ---
  const access = df("access", ["path", "mode", "dir_fd", "effective_ids", "follow_symlinks"], { required: 2, kwonlyStart: 2 }, (a) => {
    const p = pathArg("access", "path", a[0]);
    const mode = cInt(a[1] as PyObject);
    // access(2) checks the real ids; they are the effective ones unless the process changed them
    if (truth(a[3], false) && (process.geteuid?.() !== process.getuid?.() || process.getegid?.() !== process.getgid?.())) throw notAvailable("access");
    const np = nodePath(p, dirFdArg(a[2]));
    if (!truth(a[4], true)) {
      // faccessat(AT_SYMLINK_NOFOLLOW): a symlink itself is always accessible by its lstat
      try {
        if (fs.lstatSync(np).isSymbolicLink()) return true;
      } catch {
        return false;
      }
    }
    try {
      fs.accessSync(np, mode);
      return true;
    } catch {
      return false;
    }
  });
  const chmod = df("chmod", ["path", "mode", "dir_fd", "follow_symlinks"], { required: 2, kwonlyStart: 2 }, (a) => {
    const p = pathArg("chmod", "path", a[0], { allowFd: true });
    const mode = cInt(a[1] as PyObject);
    const dirFd = dirFdArg(a[2]);
    const follow = truth(a[3], true);
    checkDirFdAndFd("chmod", p, dirFd);
    if (p.fd >= 0) {
      io(() => fs.fchmodSync(p.fd, mode), p.object);
      return Py_None;
    }
    const np = nodePath(p, dirFd);
    if (!follow) {
      // Linux cannot change a symlink's mode (fchmodat(AT_SYMLINK_NOFOLLOW) gives EOPNOTSUPP)
      const isLink = io(() => fs.lstatSync(np).isSymbolicLink(), p.object);
      if (isLink) throw PyErr_SetFromErrno(95, p.object);
    }
    io(() => fs.chmodSync(np, mode), p.object);
    return Py_None;
  });
  df("fchmod", ["fd", "mode"], { required: 2 }, (a) => {
    const fd = cInt(a[0] as PyObject);
    const mode = cInt(a[1] as PyObject);
    io(() => fs.fchmodSync(fd, mode));
    return Py_None;
  });
  const idArg = (v: PyObject): number => {
    const n = PyNumber_Index(v);
    if (n === -1) return -1;
    if (typeof n !== "number" || n < -1 || n > 0xffffffff) throw overflowError("uid is greater than maximum");
    return n;
  };
  const chown = df("chown", ["path", "uid", "gid", "dir_fd", "follow_symlinks"], { required: 3, kwonlyStart: 3 }, (a) => {
    const p = pathArg("chown", "path", a[0], { allowFd: true });
    const uid = idArg(a[1] as PyObject);
    const gid = idArg(a[2] as PyObject);
    const dirFd = dirFdArg(a[3]);
    checkDirFdAndFd("chown", p, dirFd);
    checkFdAndFollow("chown", p, truth(a[4], true));
    if (p.fd >= 0) io(() => fs.fchownSync(p.fd, uid, gid), p.object);
    else if (truth(a[4], true)) io(() => fs.chownSync(nodePath(p, dirFd), uid, gid), p.object);
    else io(() => fs.lchownSync(nodePath(p, dirFd), uid, gid), p.object);
    return Py_None;
  });
  df("fchown", ["fd", "uid", "gid"], { required: 3 }, (a) => {
    const fd = cInt(a[0] as PyObject);
    io(() => fs.fchownSync(fd, idArg(a[1] as PyObject), idArg(a[2] as PyObject)));
    return Py_None;
  });
  df("lchown", ["path", "uid", "gid"], { required: 3 }, (a) => {
    const p = pathArg("lchown", "path", a[0]);
    io(() => fs.lchownSync(nodePath(p), idArg(a[1] as PyObject), idArg(a[2] as PyObject)), p.object);
    return Py_None;
  });
  const utime = df("utime", ["path", "times", "ns", "dir_fd", "follow_symlinks"], { required: 1, kwonlyStart: 2 }, (a) => {
    const p = pathArg("utime", "path", a[0], { allowFd: true });
    const t = utimeTimes("utime", a[1], a[2]);
    const dirFd = dirFdArg(a[3]);
    const follow = truth(a[4], true);
    checkDirFdAndFd("utime", p, dirFd);
    checkFdAndFollow("utime", p, follow);
    const now = Date.now() / 1000;
    const [at, mt] = t ?? [now, now];
    if (p.fd >= 0) io(() => fs.futimesSync(p.fd, at, mt), p.object);
    else if (follow) io(() => fs.utimesSync(nodePath(p, dirFd), at, mt), p.object);
    else io(() => fs.lutimesSync(nodePath(p, dirFd), at, mt), p.object);
    return Py_None;
  });

  // --- truncation and syncing ---
  const truncate = df("truncate", ["path", "length"], { required: 2 }, (a) => {
    const p = pathArg("truncate", "path", a[0], { allowFd: true });
    const len = offArg(a[1] as PyObject);
    if (p.fd >= 0) io(() => fs.ftruncateSync(p.fd, len), p.object);
    else io(() => fs.truncateSync(nodePath(p), len), p.object);
    return Py_None;
  });
  dp("ftruncate", ["fd", "length"], 2, (a) => {
    const fd = cInt(a[0] as PyObject);
    const len = offArg(a[1] as PyObject);
    io(() => fs.ftruncateSync(fd, len));
    return Py_None;
  });
  df("fsync", ["fd"], { required: 1 }, (a) => {
    const fd = fileDescriptor(a[0] as PyObject);
    io(() => fs.fsyncSync(fd));
    return Py_None;
  });
  df("fdatasync", ["fd"], { required: 1 }, (a) => {
    const fd = fileDescriptor(a[0] as PyObject);
    io(() => fs.fdatasyncSync(fd));
    return Py_None;
  });
  df("sync", [], {}, () => Py_None);

  // --- file descriptors ---
  const open = df("open", ["path", "flags", "mode", "dir_fd"], { required: 2, kwonlyStart: 3 }, (a) => {
    const p = pathArg("open", "path", a[0]);
    const flags = cInt(a[1] as PyObject);
    const mode = modeArg(a[2], 0o777);
    // O_CLOEXEC is the default of Python's fds (PEP 446); Node's children do not inherit them anyway
    return io(() => fdOpen(nodePath(p, dirFdArg(a[3])), flags | 0o2000000, mode), p.object);
  });
  df("close", ["fd"], { required: 1 }, (a) => {
    const fd = cInt(a[0] as PyObject);
    io(() => fdClose(fd));
    return Py_None;
  });
  dp("closerange", ["fd_low", "fd_high"], 2, (a) => {
    const lo = Math.max(0, cInt(a[0] as PyObject));
    const hi = cInt(a[1] as PyObject);
    for (let fd = lo; fd < hi; fd++) {
      try {
        fs.closeSync(fd);
        fdForget(fd);
      } catch {
        if (!fs.existsSync(`/proc/self/fd/${fd}`) && fd > 1024) break; // past the open fds
      }
    }
    return Py_None;
  });
  dp("read", ["fd", "length"], 2, (a) => {
    const fd = cInt(a[0] as PyObject);
    const n = ssizeArg(a[1] as PyObject);
    if (n < 0) throw PyErr_SetFromErrno(EINVAL);
    return new PyBytes(io(() => fdRead(fd, n)));
  });
  dp("readinto", ["fd", "buffer"], 2, (a) => {
    const fd = cInt(a[0] as PyObject);
    const b = bytesLike(a[1] as PyObject);
    if (b === null || a[1] instanceof PyBytes) throw typeError(`readinto() argument 2 must be read-write bytes-like object, not ${Py_TYPE(a[1] as PyObject).tp_name}`);
    return io(() => fdReadInto(fd, b));
  });
  dp("write", ["fd", "data"], 2, (a) => {
    const fd = cInt(a[0] as PyObject);
    const b = bufferArg(a[1] as PyObject);
    return io(() => fdWrite(fd, b));
  });
  dp("pread", ["fd", "length", "offset"], 3, (a) => {
    const fd = cInt(a[0] as PyObject);
    const n = ssizeArg(a[1] as PyObject);
    const off = offArg(a[2] as PyObject);
    if (n < 0) throw PyErr_SetFromErrno(EINVAL);
    return new PyBytes(io(() => fdPread(fd, n, off)));
  });
  dp("pwrite", ["fd", "buffer", "offset"], 3, (a) => {
    const fd = cInt(a[0] as PyObject);
    const b = bufferArg(a[1] as PyObject);
    const off = offArg(a[2] as PyObject);
    return io(() => fdPwrite(fd, b, off));
  });
  dp("readv", ["fd", "buffers"], 2, (a) => {
    const fd = cInt(a[0] as PyObject);
    let total = 0;
    for (const buf of iterableToArray(a[1] as PyObject)) {
      const b = bytesLike(buf);
      if (b === null || buf instanceof PyBytes) throw typeError("readv() arg 2 must be a sequence of writable buffers");
      const n = io(() => fdReadInto(fd, b));
      total += n;
      if (n < b.length) break;
    }
    return total;
  });
  dp("writev", ["fd", "buffers"], 2, (a) => {
    const fd = cInt(a[0] as PyObject);
    const parts = iterableToArray(a[1] as PyObject).map((x) => {
      const b = bytesLike(x);
      if (b === null) throw typeError("writev() arg 2 must be a sequence of bytes-like objects");
      return b;
    });
    return io(() => fdWrite(fd, Buffer.concat(parts)));
  });
  dp("lseek", ["fd", "position", "whence"], 3, (a) => {
    const fd = cInt(a[0] as PyObject);
    const pos = offArg(a[1] as PyObject);
    const how = cInt(a[2] as PyObject);
    return fdLseek(fd, pos, how);
  });
  dp("get_blocking", ["fd"], 1, (a) => fdGetBlocking(cInt(a[0] as PyObject)));
  dp("set_blocking", ["fd", "blocking"], 2, (a) => {
    const fd = cInt(a[0] as PyObject);
    if (!fdSetBlocking(fd, PyObject_IsTrue(a[1] as PyObject))) throw notAvailable("set_blocking");
    return Py_None;
  });
  dp("get_inheritable", ["fd"], 1, (a) => {
    const fd = cInt(a[0] as PyObject);
    io(() => fs.fstatSync(fd));
    // Node's fds are close-on-exec, except the standard streams
    return fd <= 2;
  });
  dp("set_inheritable", ["fd", "inheritable"], 2, (a) => {
    const fd = cInt(a[0] as PyObject);
    io(() => fs.fstatSync(fd));
    if (PyObject_IsTrue(a[1] as PyObject) !== fd <= 2) throw notAvailable("set_inheritable");
    return Py_None;
  });
  // what Node cannot do at all (docs/os-support.md)
  const unavailable: [string, readonly string[], number, number][] = [
    ["dup", ["fd"], 1, 1], ["dup2", ["fd", "fd2", "inheritable"], 2, 3], ["pipe", [], 0, 0], ["pipe2", ["flags"], 1, 1],
    ["mkfifo", ["path", "mode", "dir_fd"], 1, 2], ["mknod", ["path", "mode", "device", "dir_fd"], 1, 3], ["chroot", ["path"], 1, 1],
  ];
  for (const [name, names, required, kwonly] of unavailable) {
    df(name, names, { required, kwonlyStart: kwonly, posonly: name === "dup" || name === "pipe2" ? 1 : 0 }, () => {
      throw notAvailable(name);
    });
  }
}
