// CPython: Modules/selectmodule.c — select(), poll and epoll objects.
//
// Node has no synchronous select/poll, so readiness is decided from what fstat says an fd is:
// regular files, directories, block devices and character devices such as /dev/null are always
// ready (as the kernel says); a pipe, socket or tty is reported ready too, since whether it has
// data cannot be known without reading it (a read then blocks until data comes). A closed fd is
// EBADF (POLLNVAL for poll). Exceptional conditions are never reported. With nothing ready the
// call sleeps out its timeout (running signal handlers and other threads). docs/os-support.md.
import fs from "node:fs";
import { type PyObject, Py_None, PyObjectBase, newStaticType, PyBaseObject_Type, type PyMethodDef, type PyTypeObject } from "../objects/object.js";
import { PyModule } from "../objects/moduleobject.js";
import { PyTuple } from "../objects/tupleobject.js";
import { PyList } from "../objects/listobject.js";
import { PyFloat } from "../objects/floatobject.js";
import { newBuiltinFunction } from "../objects/methodobject.js";
import { PyNumber_Index, PyIndex_Check, iterableToArray, PyObject_GetIter } from "../objects/abstract.js";
import { PyExc_OSError, newException } from "../objects/exceptions.js";
import { typeError, valueError, overflowError, keyError, runtimeError } from "../python/errors.js";
import { PyErr_SetFromErrno, oserrorFromNode, EBADF, EINVAL, ENOENT } from "../python/oserror.js";
import { ArgParser, checkPositional, noKeywords } from "../python/getargs.js";
import { _PyThread_Sleep, _PyThread_Wait } from "../python/ceval_gil.js";
import { fileDescriptor } from "./posixmodule_path.js";
import { PyErr_CheckSignals } from "./signalmodule.js";

const M = "select";
const FD_SETSIZE = 1024;
const EPERM = 1;
const EEXIST = 17;

export const POLLIN = 1;
export const POLLPRI = 2;
export const POLLOUT = 4;
const POLLERR = 8;
const POLLHUP = 16;
const POLLNVAL = 32;
const POLLRDNORM = 64;
const POLLRDBAND = 128;
const POLLWRNORM = 256;
const POLLWRBAND = 512;
const POLLMSG = 1024;
const POLLRDHUP = 8192;

const EPOLLIN = 1;
const EPOLLPRI = 2;
const EPOLLOUT = 4;

/** What the kernel would report for `fd`: null when it is not open, else whether it is a regular file (epoll refuses those). */
interface FdState {
  regular: boolean;
}
function fdState(fd: number): FdState | null {
  try {
    const st = fs.fstatSync(fd);
    return { regular: st.isFile() || st.isDirectory() };
  } catch (e) {
    oserrorFromNode(e); // rethrows what is not a system error
    return null;
  }
}

/** The events among `mask` that are ready on an open fd: always readable and writable (see the header). */
function readyEvents(mask: number): number {
  return mask & (POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM);
}

/**
 * Waits `ms` milliseconds (negative: forever) with nothing to become ready; signal handlers run
 * meanwhile (a handler's exception ends the wait, PEP 475 otherwise).
 */
function waitNothing(ms: number): void {
  PyErr_CheckSignals();
  if (ms === 0) return;
  if (ms < 0) {
    _PyThread_Wait(() => false, -1, null);
    return;
  }
  _PyThread_Sleep(ms, null);
}

/** Seconds as select() takes them (CPython: _PyTime_FromSecondsObject), in ms; null for None. */
function secondsTimeout(v: PyObject, typeMessage: string): number | null {
  if (v === Py_None) return null;
  let secs: number;
  if (v instanceof PyFloat) {
    secs = v.value;
    if (secs !== secs) throw valueError("Invalid value NaN (not a number)");
  } else if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint" || PyIndex_Check(v)) {
    secs = Number(PyNumber_Index(v));
  } else throw typeError(typeMessage);
  if (Math.abs(secs) * 1e9 > 9.223372036854775807e18) throw overflowError("timestamp out of range for C PyTime_t");
  return secs * 1000;
}

// --- select.select ---

function fdList(v: PyObject): [PyObject[], number[]] {
  if (!(v instanceof PyList) && !(v instanceof PyTuple)) {
    // PySequence_Fast: any iterable, with select's own message for the others
    try {
      PyObject_GetIter(v);
    } catch {
      throw typeError("arguments 1-3 must be sequences");
    }
  }
  const objs = iterableToArray(v);
  const fds: number[] = [];
  for (const o of objs) {
    const fd = fileDescriptor(o);
    if (fd >= FD_SETSIZE) throw valueError("filedescriptor out of range in select()");
    fds.push(fd);
  }
  return [objs, fds];
}

function select(r: PyObject, w: PyObject, x: PyObject, timeout: PyObject): PyObject {
  const [ro, rf] = fdList(r);
  const [wo, wf] = fdList(w);
  const [xo, xf] = fdList(x);
  const ms = secondsTimeout(timeout, "timeout must be a float or None");
  if (ms !== null && ms < 0) throw valueError("timeout must be non-negative");
  for (const fd of [...rf, ...wf, ...xf]) if (fdState(fd) === null) throw PyErr_SetFromErrno(EBADF);
  const rr = ro;
  const wr = wo;
  void xo;
  if (rr.length === 0 && wr.length === 0) {
    waitNothing(ms === null ? -1 : ms);
    return new PyTuple([new PyList([]), new PyList([]), new PyList([])]);
  }
  PyErr_CheckSignals();
  return new PyTuple([new PyList(rr.slice()), new PyList(wr.slice()), new PyList([])]);
}

// --- poll ---

class PyPoll extends PyObjectBase {
  /** fd -> event mask, in registration order (the order poll() reports in). */
  fds = new Map<number, number>();
  polling = false;
}
const PyPoll_Type = newStaticType("select.poll", PyBaseObject_Type, 0);
PyPoll_Type.ht_qualname = "poll";
PyPoll.prototype.ob_type = PyPoll_Type;
PyPoll_Type.tp_new = null;

/** A C unsigned short event mask (CPython: _PyLong_UnsignedShort_Converter). */
function ushortMask(v: PyObject): number {
  const n = PyNumber_Index(v);
  if (n < 0) throw valueError("Cannot convert negative int");
  if (n > 0xffff) throw overflowError("Python int too large for C unsigned short");
  return Number(n);
}
/** A C unsigned int event mask (CPython: uint32 converter, bitwise when given a negative value). */
function uintMask(v: PyObject): number {
  const n = PyNumber_Index(v);
  if (n < 0) throw valueError("Cannot convert negative int");
  if (n > 0xffffffff) throw overflowError("Python int too large for C unsigned int");
  return Number(n);
}

type Fast = (self: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null) => PyObject;
const method = (name: string, fn: Fast): PyMethodDef => ({ name, kind: "fast", fn: fn as PyMethodDef["fn"] });

function positional(name: string, min: number, max: number, kw: PyTuple | null, nargs: number): void {
  noKeywords(name, kw);
  checkPositional(name, nargs, min, max);
}

PyPoll_Type.tp_methods = [
  method("register", (self, a, s, n, kw) => {
    positional("register", 1, 2, kw, n);
    const fd = fileDescriptor(a[s]);
    const mask = n > 1 ? ushortMask(a[s + 1]) : POLLIN | POLLPRI | POLLOUT;
    (self as PyPoll).fds.set(fd, mask);
    return Py_None;
  }),
  method("modify", (self, a, s, n, kw) => {
    positional("modify", 2, 2, kw, n);
    const fd = fileDescriptor(a[s]);
    const mask = ushortMask(a[s + 1]);
    const p = self as PyPoll;
    if (!p.fds.has(fd)) throw PyErr_SetFromErrno(ENOENT);
    p.fds.set(fd, mask);
    return Py_None;
  }),
  method("unregister", (self, a, s, n, kw) => {
    positional("unregister", 1, 1, kw, n);
    const fd = fileDescriptor(a[s]);
    const p = self as PyPoll;
    if (!p.fds.delete(fd)) throw keyError(a[s]);
    return Py_None;
  }),
  method("poll", (self, a, s, n, kw) => {
    positional("poll", 0, 1, kw, n);
    const p = self as PyPoll;
    let ms = -1;
    if (n > 0 && a[s] !== Py_None) {
      const t = a[s];
      if (t instanceof PyFloat) ms = Math.ceil(t.value);
      else if (typeof t === "number" || typeof t === "boolean" || typeof t === "bigint" || PyIndex_Check(t)) ms = Number(PyNumber_Index(t));
      else throw typeError("timeout must be an integer or None");
    }
    if (p.polling) throw runtimeError("concurrent poll() invocation");
    const out: PyObject[] = [];
    for (const [fd, mask] of p.fds) {
      const st = fdState(fd);
      const ev = st === null ? POLLNVAL : readyEvents(mask);
      if (ev !== 0) out.push(new PyTuple([fd, ev]));
    }
    if (out.length === 0) waitNothing(ms < 0 ? -1 : ms);
    else PyErr_CheckSignals();
    return new PyList(out);
  }),
];

// --- epoll ---

class PyEpoll extends PyObjectBase {
  /** The fd fileno() gives: a placeholder opened on /dev/null (Node cannot create an epoll fd). */
  epfd = -1;
  /** fd -> event mask, in registration order. */
  fds = new Map<number, number>();
}
const PyEpoll_Type = newStaticType("select.epoll", PyBaseObject_Type);
PyEpoll_Type.ht_qualname = "epoll";
PyEpoll.prototype.ob_type = PyEpoll_Type;
/** epoll objects made by epoll.fromfd share their registrations through the fd. */
const epollByFd = new Map<number, Map<number, number>>();

function newEpoll(type: PyTypeObject, fd: number): PyEpoll {
  const e = new PyEpoll();
  if (type !== PyEpoll_Type) e.ob_type = type;
  if (fd < 0) {
    try {
      fd = fs.openSync("/dev/null", "r");
    } catch (err) {
      throw oserrorFromNode(err);
    }
  }
  e.epfd = fd;
  let fds = epollByFd.get(fd);
  if (fds === undefined) epollByFd.set(fd, (fds = new Map()));
  e.fds = fds;
  return e;
}

function openEpoll(self: PyObject): PyEpoll {
  const e = self as PyEpoll;
  if (e.epfd < 0) throw valueError("I/O operation on closed epoll object");
  return e;
}

function epollClose(e: PyEpoll): void {
  if (e.epfd < 0) return;
  const fd = e.epfd;
  e.epfd = -1;
  epollByFd.delete(fd);
  try {
    fs.closeSync(fd);
  } catch (err) {
    throw oserrorFromNode(err);
  }
}

const epollNewArgs = new ArgParser("epoll", ["sizehint", "flags"]);
PyEpoll_Type.tp_new = (type, args, start, nargs, kw) => {
  const [sh, fl] = epollNewArgs.parse(args, start, nargs, kw);
  const sizehint = sh === null ? -1 : Number(PyNumber_Index(sh));
  const flags = fl === null ? 0 : Number(PyNumber_Index(fl));
  if (sizehint === 0 || sizehint < -1) throw valueError("negative sizehint");
  if (flags !== 0 && flags !== 0o2000000) throw newException(PyExc_OSError, ["invalid flags"]);
  return newEpoll(type, -1);
};

const registerArgs = new ArgParser("register", ["fd", "eventmask"], { required: 1 });
const modifyArgs = new ArgParser("modify", ["fd", "eventmask"], { required: 2 });
const unregisterArgs = new ArgParser("unregister", ["fd"], { required: 1 });
const epollPollArgs = new ArgParser("poll", ["timeout", "maxevents"]);

/** The kernel's answer for an fd an epoll object is asked about: EBADF, or EPERM for regular files. */
function epollTarget(fdObj: PyObject): number {
  const fd = fileDescriptor(fdObj);
  const st = fdState(fd);
  if (st === null) throw PyErr_SetFromErrno(EBADF);
  if (st.regular) throw PyErr_SetFromErrno(EPERM);
  return fd;
}

PyEpoll_Type.tp_methods = [
  method("close", (self, _a, _s, n, kw) => {
    positional("close", 0, 0, kw, n);
    epollClose(self as PyEpoll);
    return Py_None;
  }),
  method("fileno", (self, _a, _s, n, kw) => {
    positional("fileno", 0, 0, kw, n);
    return openEpoll(self).epfd;
  }),
  {
    name: "fromfd",
    kind: "fast",
    binding: "class",
    fn: ((type: PyObject, a: readonly PyObject[], s: number, n: number, kw: PyTuple | null) => {
      positional("fromfd", 1, 1, kw, n);
      const fd = Number(PyNumber_Index(a[s]));
      const e = newEpoll(type as PyTypeObject, fd < 0 ? fd - 1 : fd);
      if (fd < 0) {
        // CPython does not check the fd: keep it as it was given
        fs.closeSync(e.epfd);
        epollByFd.delete(e.epfd);
        e.epfd = fd;
        e.fds = new Map();
      }
      return e;
    }) as PyMethodDef["fn"],
  },
  method("register", (self, a, s, n, kw) => {
    const [fdObj, m] = registerArgs.parse(a, s, n, kw);
    const e = openEpoll(self);
    const mask = m === null ? EPOLLIN | EPOLLPRI | EPOLLOUT : uintMask(m);
    const fd = epollTarget(fdObj as PyObject);
    if (fd === e.epfd) throw PyErr_SetFromErrno(EINVAL);
    if (e.fds.has(fd)) throw PyErr_SetFromErrno(EEXIST);
    e.fds.set(fd, mask);
    return Py_None;
  }),
  method("modify", (self, a, s, n, kw) => {
    const [fdObj, m] = modifyArgs.parse(a, s, n, kw);
    const e = openEpoll(self);
    const mask = uintMask(m as PyObject);
    const fd = epollTarget(fdObj as PyObject);
    if (!e.fds.has(fd)) throw PyErr_SetFromErrno(ENOENT);
    e.fds.set(fd, mask);
    return Py_None;
  }),
  method("unregister", (self, a, s, n, kw) => {
    const [fdObj] = unregisterArgs.parse(a, s, n, kw);
    const e = openEpoll(self);
    const fd = epollTarget(fdObj as PyObject);
    if (!e.fds.delete(fd)) throw PyErr_SetFromErrno(ENOENT);
    return Py_None;
  }),
  method("poll", (self, a, s, n, kw) => {
    const [t, mx] = epollPollArgs.parse(a, s, n, kw);
    const e = openEpoll(self);
    let ms = secondsTimeout(t ?? Py_None, "timeout must be an integer or None");
    if (ms !== null) ms = ms < 0 ? -1 : Math.ceil(ms);
    let maxevents = mx === null ? -1 : Number(PyNumber_Index(mx));
    if (maxevents === -1) maxevents = FD_SETSIZE - 1;
    else if (maxevents < 1) throw valueError(`maxevents must be greater than 0, got ${maxevents}`);
    const out: PyObject[] = [];
    for (const [fd, mask] of e.fds) {
      if (out.length >= maxevents) break;
      // a registered fd that was closed stays in the kernel's set while its file is open elsewhere
      const ev = fdState(fd) === null ? 0 : mask & (EPOLLIN | EPOLLOUT | POLLRDNORM | POLLWRNORM);
      if (ev !== 0) out.push(new PyTuple([fd, ev]));
    }
    if (out.length === 0) waitNothing(ms === null ? -1 : ms);
    else PyErr_CheckSignals();
    return new PyList(out);
  }),
  method("__enter__", (self, _a, _s, n, kw) => {
    positional("__enter__", 0, 0, kw, n);
    return openEpoll(self);
  }),
  method("__exit__", (self) => {
    epollClose(self as PyEpoll);
    return Py_None;
  }),
];
PyEpoll_Type.tp_getset = [
  { name: "closed", get: (self) => (self as PyEpoll).epfd < 0, doc: "True if the epoll handler is closed" },
];

export function initSelect(): PyModule {
  const m = new PyModule(M, "This module supports asynchronous I/O on multiple file descriptors.\n\n*** IMPORTANT NOTICE ***\nOn Windows, only sockets are supported; on Unix, all file descriptors.");
  const d = m.dict;
  d.setStr("error", PyExc_OSError);
  const consts: [string, number][] = [
    ["POLLIN", POLLIN], ["POLLPRI", POLLPRI], ["POLLOUT", POLLOUT], ["POLLERR", POLLERR], ["POLLHUP", POLLHUP],
    ["POLLNVAL", POLLNVAL], ["POLLRDNORM", POLLRDNORM], ["POLLRDBAND", POLLRDBAND], ["POLLWRNORM", POLLWRNORM],
    ["POLLWRBAND", POLLWRBAND], ["POLLMSG", POLLMSG], ["POLLRDHUP", POLLRDHUP],
    ["EPOLLIN", 1], ["EPOLLOUT", 4], ["EPOLLPRI", 2], ["EPOLLERR", 8], ["EPOLLHUP", 16], ["EPOLLET", 2147483648],
    ["EPOLLONESHOT", 1073741824], ["EPOLLEXCLUSIVE", 268435456], ["EPOLLRDHUP", 8192], ["EPOLLRDNORM", 64],
    ["EPOLLRDBAND", 128], ["EPOLLWRNORM", 256], ["EPOLLWRBAND", 512], ["EPOLLMSG", 1024], ["EPOLLWAKEUP", 536870912],
    ["EPOLL_CLOEXEC", 524288], ["PIPE_BUF", 4096],
  ];
  for (const [k, v] of consts) d.setStr(k, v);
  d.setStr("epoll", PyEpoll_Type);
  d.setStr("select", newBuiltinFunction("select", (_s, a, s, n, kw) => {
    noKeywords(M + ".select", kw);
    checkPositional("select", n, 3, 4);
    return select(a[s], a[s + 1], a[s + 2], n > 3 ? a[s + 3] : Py_None);
  }, M));
  d.setStr("poll", newBuiltinFunction("poll", (_s, _a, _st, n, kw) => {
    noKeywords("poll", kw);
    if (n !== 0) throw typeError(`${M}.poll() takes no arguments (${n} given)`);
    return new PyPoll();
  }, M));
  return m;
}
