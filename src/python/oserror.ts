// CPython: Python/errors.c (PyErr_SetFromErrno, PyErr_SetFromErrnoWithFilenameObjects) and
// Modules/errnomodule.c's table.
//
// Every module that talks to the operating system through Node (posix, _io, time, select, ...)
// turns a failed call into the OSError CPython raises for the same errno: Linux numbers and
// glibc's messages, whatever the host, with the subclass OSError's constructor picks.
import os from "node:os";
import { type PyObject, Py_None } from "../objects/object.js";
import { newException, PyExc_OSError, type PyBaseException } from "../objects/exceptions.js";
import { LINUX_ERRNO } from "./errno_linux.js";

/** errno name -> Linux number (every alias included). */
export const ERRNO_BY_NAME: ReadonlyMap<string, number> = new Map(LINUX_ERRNO.flatMap(([n, names]) => names.map((s) => [s, n] as const)));
const MESSAGES: ReadonlyMap<number, string> = new Map(LINUX_ERRNO.map(([n, , msg]) => [n, msg]));

export const ENOENT = 2;
export const EBADF = 9;
export const EAGAIN = 11;
export const EINVAL = 22;
export const ENOSYS = 38;
export const ENOTSUP = 95;

/** os.strerror(code) as glibc words it. */
export function strerror(code: number): string {
  if (code === 0) return "Success";
  return MESSAGES.get(code) ?? `Unknown error ${code}`;
}

/** OSError(errno, strerror[, filename[, winerror, filename2]]), of the subclass the errno maps to. */
export function PyErr_SetFromErrno(code: number, filename: PyObject | null = null, filename2: PyObject | null = null): PyBaseException {
  const args: PyObject[] = [code, strerror(code)];
  if (filename !== null || filename2 !== null) args.push(filename ?? Py_None);
  if (filename2 !== null) args.push(Py_None, filename2); // winerror is None off Windows
  return newException(PyExc_OSError, args);
}

/** The Linux errno of an error thrown by a Node API (its `code` names it), or null if it has none. */
export function nodeErrno(e: unknown): number | null {
  if (typeof e !== "object" || e === null) return null;
  const code = (e as { code?: unknown }).code;
  if (typeof code === "string") {
    const n = ERRNO_BY_NAME.get(code);
    if (n !== undefined) return n;
  }
  // libuv reports negated host errnos; on a Linux host they are already Linux's
  const errno = (e as { errno?: unknown }).errno;
  if (typeof errno === "number" && errno < 0 && os.platform() === "linux") return -errno;
  return null;
}

/**
 * Converts an error thrown by a Node fs/os call into the Python OSError CPython raises; anything
 * that is not a system error is rethrown as it is (so tython bugs stay visible).
 */
export function oserrorFromNode(e: unknown, filename: PyObject | null = null, filename2: PyObject | null = null): PyBaseException {
  const code = nodeErrno(e);
  if (code === null) throw e;
  return PyErr_SetFromErrno(code, filename, filename2);
}

/** OSError(ENOSYS) for a function Node cannot provide, with the function's name (documented in docs/). */
export function notAvailable(fname: string): PyBaseException {
  return newException(PyExc_OSError, [ENOSYS, `${strerror(ENOSYS)}: ${fname}() is not available on tython (Node.js cannot provide it)`]);
}
