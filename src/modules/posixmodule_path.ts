// CPython: Modules/posixmodule.c — path_converter, dir_fd_converter, fd_converter, PyOS_FSPath.
//
// A path argument becomes what Node's fs takes: a JS string when it is plain text, else a Buffer
// of its file system encoding (bytes paths, and str with surrogate-escaped bytes). dir_fd is done
// the Linux way Node allows: a relative path under dir_fd is reached as /proc/self/fd/N/path.
import { Buffer } from "node:buffer";
import { type PyObject, Py_None, Py_TYPE } from "../objects/object.js";
import { PyBytes } from "../objects/bytesobject.js";
import { PyFloat } from "../objects/floatobject.js";
import { _PyObject_LookupSpecial, PyObject_CallNoArgs, PyNumber_Index, PyIndex_Check, PyObject_CallMethod } from "../objects/abstract.js";
import { asStr } from "../objects/unicodeobject.js";
import { typeError, valueError, overflowError } from "../python/errors.js";
import { fsEncode, fsDecode, fsIsPlain } from "../python/fileutils.js";

/** A converted path argument (CPython: path_t). */
export interface PathArg {
  /** What Node's fs takes (after dir_fd resolution), or null when the argument was an fd. */
  native: string | Buffer | null;
  /** The file descriptor, or -1. */
  fd: number;
  /** The argument as given after fspath (str, bytes or int): the filename of errors. */
  object: PyObject;
  /** Whether results are bytes (the path was bytes). */
  narrow: boolean;
}

export interface PathOptions {
  nullable?: boolean;
  allowFd?: boolean;
}

function allowedTypes(o: PathOptions): string {
  if (o.allowFd && o.nullable) return "string, bytes, os.PathLike, integer or None";
  if (o.allowFd) return "string, bytes, os.PathLike or integer";
  if (o.nullable) return "string, bytes, os.PathLike or None";
  return "string, bytes or os.PathLike";
}

/** A C int argument (CPython: PyLong_AsInt, via __index__). */
export function cInt(v: PyObject): number {
  if (v instanceof PyFloat) throw typeError("'float' object cannot be interpreted as an integer");
  const n = typeof v === "number" ? v : typeof v === "boolean" ? (v ? 1 : 0) : PyNumber_Index(v);
  if (typeof n !== "number" || n > 2147483647 || n < -2147483648) throw overflowError("Python int too large to convert to C int");
  return n;
}

/** A file descriptor argument: an int or an object with fileno() (CPython: PyObject_AsFileDescriptor). */
export function fileDescriptor(v: PyObject): number {
  let fd: number;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") fd = cInt(v);
  else {
    const m = _PyObject_LookupSpecial(v, "fileno") === null ? null : PyObject_CallMethod(v, "fileno");
    if (m === null) throw typeError("argument must be an int, or have a fileno() method.");
    if (typeof m !== "number" && typeof m !== "bigint" && typeof m !== "boolean") throw typeError("fileno() returned a non-integer");
    fd = cInt(m);
  }
  if (fd < 0) throw valueError(`file descriptor cannot be a negative integer (${fd})`);
  return fd;
}

/** os.fspath(path) (CPython: PyOS_FSPath). */
export function PyOS_FSPath(path: PyObject): PyObject {
  if (typeof path === "string" || path instanceof PyBytes) return path;
  if (asStr(path) !== null) return path;
  const func = _PyObject_LookupSpecial(path, "__fspath__");
  if (func === null || func === Py_None) {
    throw typeError(`expected str, bytes or os.PathLike object, not ${Py_TYPE(path).tp_name}`);
  }
  const r = PyObject_CallNoArgs(func);
  if (typeof r === "string" || r instanceof PyBytes || asStr(r) !== null) return r;
  throw typeError(`expected ${Py_TYPE(path).tp_name}.__fspath__() to return str or bytes, not ${Py_TYPE(r).tp_name}`);
}

/** The native form of a str or bytes path (embedded NULs refused). */
function toNative(fname: string, argname: string, v: PyObject): { native: string | Buffer; narrow: boolean } {
  if (v instanceof PyBytes) {
    if (v.value.includes(0)) throw valueError(`${fname}: embedded null character in ${argname}`);
    return { native: Buffer.from(v.value.buffer, v.value.byteOffset, v.value.length), narrow: true };
  }
  const s = asStr(v) as string;
  if (s.includes("\0")) throw valueError(`${fname}: embedded null character in ${argname}`);
  if (fsIsPlain(s)) return { native: s, narrow: false };
  return { native: Buffer.from(fsEncode(s)), narrow: false };
}

/** Converts a path argument (CPython: path_converter); `v` null means "not given" (nullable: "."). */
export function pathArg(fname: string, argname: string, v: PyObject | null, opts: PathOptions = {}): PathArg {
  if (v === null || (v === Py_None && opts.nullable)) {
    if (opts.nullable) return { native: ".", fd: -1, object: Py_None, narrow: false };
  }
  if (v === null) throw typeError(`${fname}() missing required argument '${argname}'`);
  if (opts.allowFd && (typeof v === "number" || typeof v === "bigint" || typeof v === "boolean" || (!(v instanceof PyBytes) && asStr(v) === null && PyIndex_Check(v)))) {
    const fd = cInt(v);
    return { native: null, fd, object: fd, narrow: false };
  }
  let p = v;
  if (typeof v !== "string" && !(v instanceof PyBytes) && asStr(v) === null) {
    const func = _PyObject_LookupSpecial(v, "__fspath__");
    if (func === null || func === Py_None) {
      throw typeError(`${fname}: ${argname} should be ${allowedTypes(opts)}, not ${Py_TYPE(v).tp_name}`);
    }
    p = PyObject_CallNoArgs(func);
    if (typeof p !== "string" && !(p instanceof PyBytes) && asStr(p) === null) {
      throw typeError(`expected ${Py_TYPE(v).tp_name}.__fspath__() to return str or bytes, not ${Py_TYPE(p).tp_name}`);
    }
  }
  const { native, narrow } = toNative(fname, argname, p);
  return { native, fd: -1, object: p, narrow };
}

/** A dir_fd argument: -1 for None/absent (CPython: dir_fd_converter). */
export function dirFdArg(v: PyObject | null): number {
  if (v === null || v === Py_None) return -1;
  if (typeof v === "number" || typeof v === "bigint" || typeof v === "boolean" || (!(v instanceof PyFloat) && PyIndex_Check(v))) return cInt(v);
  throw typeError(`argument should be integer or None, not ${Py_TYPE(v).tp_name}`);
}

/** The path Node opens for `path` relative to directory fd `dirFd` (openat semantics via /proc/self/fd). */
export function atPath(native: string | Buffer, dirFd: number): string | Buffer {
  if (dirFd < 0) return native;
  if (typeof native === "string") return native.startsWith("/") ? native : `/proc/self/fd/${dirFd}/${native}`;
  if (native[0] === 0x2f) return native;
  return Buffer.concat([Buffer.from(`/proc/self/fd/${dirFd}/`), native]);
}

/** The path Node takes for a PathArg (fd paths through /proc/self/fd), honouring dir_fd. */
export function nodePath(p: PathArg, dirFd = -1): string | Buffer {
  if (p.native === null) return `/proc/self/fd/${p.fd}`;
  return atPath(p.native, dirFd);
}

/** A name from the OS as the caller's kind of path: bytes for bytes paths, else str. */
export function fsResult(name: Buffer | Uint8Array, narrow: boolean): PyObject {
  if (narrow) return new PyBytes(Uint8Array.from(name));
  return fsDecode(name);
}

/** Refuses dir_fd and fd together, as CPython's dir_fd_and_fd_invalid. */
export function checkDirFdAndFd(fname: string, p: PathArg, dirFd: number): void {
  if (dirFd >= 0 && p.fd >= 0) throw valueError(`${fname}: can't specify both dir_fd and fd`);
}

/** Refuses follow_symlinks=False with an fd (CPython: fd_and_follow_symlinks_invalid). */
export function checkFdAndFollow(fname: string, p: PathArg, follow: boolean): void {
  if (p.fd >= 0 && !follow) throw valueError(`${fname}: cannot use fd and follow_symlinks together`);
}
