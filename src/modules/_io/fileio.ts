// CPython: Modules/_io/fileio.c — FileIO, raw I/O over an OS file descriptor.
import fs from "node:fs";
import tty from "node:tty";
import { type PyObject, Py_None, Py_TYPE, newStaticType, Py_TPFLAGS_BASETYPE, PyType_IsSubtype } from "../../objects/object.js";
import { PyBytes, PyByteArray } from "../../objects/bytesobject.js";
import { PyFloat } from "../../objects/floatobject.js";
import {
  PyObject_IsTrue, PyObject_GetOptionalAttr, PyObject_Repr, PyObject_SetAttr, PyIndex_Check, PyNumber_AsSsize_t,
  PyObject_Vectorcall, _PyObject_LookupSpecial, PyObject_CallNoArgs, PyNumber_Index,
} from "../../objects/abstract.js";
import { PyExc_AttributeError, PyBaseException } from "../../objects/exceptions.js";
import { typeError, valueError, PyErr_ExceptionMatches } from "../../python/errors.js";
import { ArgParser } from "../../python/getargs.js";
import { oserrorFromNode, PyErr_SetFromErrno, EAGAIN, nodeErrno } from "../../python/oserror.js";
import { fdOpen, fdReadInto, fdWrite, fdLseek, fdClose } from "../posixmodule_fd.js";
import { fsEncode } from "../../python/fileutils.js";
import { isWellFormed } from "./native_codecs.js";
import {
  PyIOBaseObject, PyRawIOBase_Type, PyIOBase_Type, mNoArgs, mO, mArgs, sizeArg, writableBuffer, bytesArg, unsupported,
  callMethod, joinBytes,
} from "./iobase.js";

const EISDIR = 21;
const O_RDONLY = 0, O_WRONLY = 1, O_RDWR = 2, O_CREAT = 0o100, O_EXCL = 0o200, O_TRUNC = 0o1000, O_APPEND = 0o2000;
const O_CLOEXEC = 0o2000000;
const SMALLCHUNK = 8192;

export class PyFileIO extends PyIOBaseObject {
  fd = -1;
  created = false;
  readable = false;
  writable = false;
  appending = false;
  /** -1 unknown, 0 no, 1 yes (CPython caches seekable). */
  seekableCache = -1;
  closefd = true;
  finalizing = false;
  blksize = 0;
  /** st_size at open, for readall's first buffer. */
  sizeAtOpen = -1;
}
export const PyFileIO_Type = newStaticType("_io.FileIO", PyRawIOBase_Type, Py_TPFLAGS_BASETYPE);
PyFileIO.prototype.ob_type = PyFileIO_Type;

const closedFileError = (): PyBaseException => valueError("I/O operation on closed file");
const modeError = (action: string): PyBaseException => unsupported(`File not open for ${action}`);

function self_(v: PyObject): PyFileIO {
  if (!(v instanceof PyFileIO)) throw typeError(`descriptor requires a '_io.FileIO' object but received a '${Py_TYPE(v).tp_name}'`);
  return v;
}
function open_(v: PyObject): PyFileIO {
  const f = self_(v);
  if (f.fd < 0) throw closedFileError();
  return f;
}

/** A path argument as Node takes it (CPython: PyUnicode_FSConverter). */
export function fsPath(v: PyObject): string | Buffer {
  let p: PyObject = v;
  if (typeof p !== "string" && !(p instanceof PyBytes)) {
    const fspath = _PyObject_LookupSpecial(p, "__fspath__");
    if (fspath === null) throw typeError(`expected str, bytes or os.PathLike object, not ${Py_TYPE(v).tp_name}`);
    p = PyObject_CallNoArgs(fspath);
    if (typeof p !== "string" && !(p instanceof PyBytes)) {
      throw typeError(`expected ${Py_TYPE(v).tp_name}.__fspath__() to return str or bytes, not ${Py_TYPE(p).tp_name}`);
    }
  }
  if (typeof p === "string") {
    if (p.includes("\0")) throw valueError("embedded null byte");
    return isWellFormed(p) ? p : Buffer.from(fsEncode(p));
  }
  if (p.value.includes(0)) throw valueError("embedded null byte");
  return Buffer.from(p.value);
}

const initArgs = new ArgParser("FileIO", ["file", "mode", "closefd", "opener"], { required: 1 });
const badMode = (): PyBaseException => valueError("Must have exactly one of create/read/write/append mode and at most one plus");

/** CPython: _io_FileIO___init___impl. */
function fileioInit(self: PyFileIO, nameobj: PyObject, modeObj: PyObject, closefdArg: boolean, opener: PyObject): void {
  if (self.fd >= 0) {
    if (self.closefd) internalClose(self);
    else self.fd = -1;
  }
  let fd = -1;
  let path: string | Buffer | null = null;
  if (PyIndex_Check(nameobj)) {
    fd = PyNumber_AsSsize_t(nameobj, "overflow");
    if (fd < 0) throw valueError("negative file descriptor");
  } else path = fsPath(nameobj);
  if (typeof modeObj !== "string") throw typeError(`FileIO() argument 'mode' must be str, not ${Py_TYPE(modeObj).tp_name}`);
  let rwa = false, plus = false, readable = false, writable = false, created = false, appending = false;
  let flags = 0;
  for (const c of modeObj) {
    switch (c) {
      case "x":
        if (rwa) throw badMode();
        rwa = created = writable = true;
        flags |= O_EXCL | O_CREAT;
        break;
      case "r":
        if (rwa) throw badMode();
        rwa = readable = true;
        break;
      case "w":
        if (rwa) throw badMode();
        rwa = writable = true;
        flags |= O_CREAT | O_TRUNC;
        break;
      case "a":
        if (rwa) throw badMode();
        rwa = writable = appending = true;
        flags |= O_APPEND | O_CREAT;
        break;
      case "b":
        break;
      case "+":
        if (plus) throw badMode();
        readable = writable = plus = true;
        break;
      default:
        throw valueError(`invalid mode: ${modeObj}`);
    }
  }
  if (!rwa) throw badMode();
  flags |= readable && writable ? O_RDWR : readable ? O_RDONLY : O_WRONLY;
  flags |= O_CLOEXEC;
  self.readable = readable;
  self.writable = writable;
  self.created = created;
  self.appending = appending;
  self.seekableCache = -1;
  let ownFd = false;
  if (fd >= 0) {
    self.fd = fd;
    self.closefd = closefdArg;
  } else {
    self.closefd = true;
    if (!closefdArg) throw valueError("Cannot use closefd=False with file name");
    if (opener === Py_None) {
      try {
        fd = fdOpen(path as string | Buffer, flags, 0o666);
      } catch (e) {
        throw oserrorFromNode(e, nameobj);
      }
    } else {
      const r = PyObject_Vectorcall(opener, [nameobj, flags], 0, 2, null);
      if (!PyIndex_Check(r) || typeof r === "boolean") throw typeError("expected integer from opener");
      fd = Number(PyNumber_Index(r));
      if (fd < 0) throw valueError(`opener returned ${fd}`);
    }
    ownFd = true;
    self.fd = fd;
  }
  try {
    let st: fs.Stats;
    try {
      st = fs.fstatSync(self.fd);
    } catch (e) {
      throw oserrorFromNode(e);
    }
    if (st.isDirectory()) throw PyErr_SetFromErrno(EISDIR, nameobj);
    self.blksize = st.blksize > 1 ? st.blksize : 8192;
    self.sizeAtOpen = st.isFile() ? st.size : -1;
    PyObject_SetAttr(self, "name", nameobj);
    if (appending) {
      // as CPython: seek to the end now, so tell() is right before the first write
      try {
        fdLseek(self.fd, 0, 2);
      } catch (e) {
        if (!(e instanceof PyBaseException)) throw e;
      }
    }
  } catch (e) {
    if (ownFd) {
      try {
        fdClose(self.fd);
      } catch {
        // the first error is the one to report
      }
    }
    self.fd = -1;
    throw e;
  }
}

function internalClose(self: PyFileIO): void {
  const fd = self.fd;
  self.fd = -1;
  if (fd >= 0) {
    try {
      fdClose(fd);
    } catch (e) {
      throw oserrorFromNode(e);
    }
  }
}

/** Reads up to n bytes; null when the descriptor would block (CPython returns None). */
export function fileioReadRaw(self: PyFileIO, buf: Uint8Array, off: number, n: number): number | null {
  try {
    return fdReadInto(self.fd, off === 0 && n === buf.length ? buf : buf.subarray(off, off + n));
  } catch (e) {
    if (nodeErrno(e) === EAGAIN) return null;
    if ((e as NodeJS.ErrnoException).code === "EOF") return 0;
    throw oserrorFromNode(e);
  }
}

export function fileioWriteRaw(self: PyFileIO, buf: Uint8Array, off: number, n: number): number | null {
  try {
    return fdWrite(self.fd, off === 0 && n === buf.length ? buf : buf.subarray(off, off + n));
  } catch (e) {
    if (nodeErrno(e) === EAGAIN) return null;
    throw oserrorFromNode(e);
  }
}

/** CPython: _io_FileIO_readall_impl. */
export function fileioReadall(self: PyFileIO): PyObject {
  let bufsize = SMALLCHUNK;
  if (self.sizeAtOpen > 0) {
    let pos = -1;
    try {
      pos = fdLseek(self.fd, 0, 1);
    } catch (e) {
      if (!(e instanceof PyBaseException)) throw e;
    }
    if (pos >= 0 && self.sizeAtOpen >= pos) bufsize = self.sizeAtOpen - pos + 1;
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const buf = new Uint8Array(bufsize);
    const n = fileioReadRaw(self, buf, 0, bufsize);
    if (n === null) {
      if (total === 0) return Py_None;
      break;
    }
    if (n === 0) break;
    chunks.push(n === bufsize ? buf : buf.subarray(0, n));
    total += n;
    if (bufsize < 1 << 20) bufsize = Math.max(SMALLCHUNK, bufsize * 2);
  }
  return new PyBytes(total === 0 ? new Uint8Array(0) : joinBytes(chunks, total));
}

function modeString(f: PyFileIO): string {
  if (f.created) return f.readable ? "xb+" : "xb";
  if (f.appending) return f.readable ? "ab+" : "ab";
  if (f.readable) return f.writable ? "rb+" : "rb";
  return "wb";
}

const readArgs = new ArgParser("read", ["size"], { posonly: 1 });
const seekArgs = new ArgParser("seek", ["pos", "whence"], { posonly: 2, required: 1 });
const truncateArgs = new ArgParser("truncate", ["size"], { posonly: 1 });

export function fileioSeekable(f: PyFileIO): boolean {
  if (f.seekableCache < 0) {
    try {
      fdLseek(f.fd, 0, 1);
      f.seekableCache = 1;
    } catch (e) {
      if (!(e instanceof PyBaseException)) throw e;
      f.seekableCache = 0;
    }
  }
  return f.seekableCache === 1;
}

PyFileIO_Type.tp_dictoffset = 1;
PyFileIO_Type.tp_new = (type) => {
  const o = new PyFileIO();
  if (type !== PyFileIO_Type) o.ob_type = type;
  return o;
};
PyFileIO_Type.tp_init = (self, args, start, nargs, kw) => {
  const [file, mode, closefd, opener] = initArgs.parse(args, start, nargs, kw);
  fileioInit(self_(self), file as PyObject, mode ?? "r", closefd === null ? true : PyObject_IsTrue(closefd), opener ?? Py_None);
};
PyFileIO_Type.tp_repr = (v) => {
  const f = self_(v);
  const tn = Py_TYPE(v).tp_name;
  if (f.fd < 0) return `<${tn} [closed]>`;
  let name: PyObject | null = null;
  try {
    name = PyObject_GetOptionalAttr(v, "name");
  } catch (e) {
    if (!PyErr_ExceptionMatches(e, PyExc_AttributeError)) throw e;
  }
  const cfd = f.closefd ? "True" : "False";
  if (name === null) return `<${tn} fd=${f.fd} mode='${modeString(f)}' closefd=${cfd}>`;
  return `<${tn} name=${PyObject_Repr(name)} mode='${modeString(f)}' closefd=${cfd}>`;
};

PyFileIO_Type.tp_methods = [
  mArgs("read", readArgs, (v, [sizeObj]) => {
    const f = open_(v);
    if (!f.readable) throw modeError("reading");
    const size = sizeArg(sizeObj);
    if (size < 0) return fileioReadall(f);
    const buf = new Uint8Array(size);
    const n = fileioReadRaw(f, buf, 0, size);
    if (n === null) return Py_None;
    return new PyBytes(n === size ? buf : buf.slice(0, n));
  }),
  mNoArgs("readall", (v) => fileioReadall(open_(v))),
  mO("readinto", (v, b) => {
    const f = open_(v);
    const buf = writableBuffer(b, "readinto");
    if (!f.readable) throw modeError("reading");
    const n = fileioReadRaw(f, buf, 0, buf.length);
    return n === null ? Py_None : n;
  }),
  mO("write", (v, b) => {
    const f = open_(v);
    const data = bytesArg(b);
    if (!f.writable) throw modeError("writing");
    const n = fileioWriteRaw(f, data, 0, data.length);
    return n === null ? Py_None : n;
  }),
  mArgs("seek", seekArgs, (v, [posObj, whenceObj]) => {
    const f = open_(v);
    const pos = PyNumber_AsSsize_t(PyNumber_Index(posObj as PyObject), "overflow");
    const whence = whenceObj === null ? 0 : PyNumber_AsSsize_t(whenceObj, "overflow");
    return fdLseek(f.fd, pos, whence);
  }),
  mNoArgs("tell", (v) => fdLseek(open_(v).fd, 0, 1)),
  mArgs("truncate", truncateArgs, (v, [sizeObj]) => {
    const f = open_(v);
    if (!f.writable) throw modeError("writing");
    const size = sizeObj === null || sizeObj === Py_None ? fdLseek(f.fd, 0, 1) : PyNumber_AsSsize_t(PyNumber_Index(sizeObj), "overflow");
    try {
      fs.ftruncateSync(f.fd, size);
    } catch (e) {
      throw oserrorFromNode(e);
    }
    return size;
  }),
  mNoArgs("seekable", (v) => fileioSeekable(open_(v))),
  mNoArgs("readable", (v) => open_(v).readable),
  mNoArgs("writable", (v) => open_(v).writable),
  mNoArgs("fileno", (v) => open_(v).fd),
  mNoArgs("isatty", (v) => fileioIsatty(open_(v))),
  mNoArgs("_isatty_open_only", (v) => fileioIsatty(open_(v))),
  mNoArgs("close", (v) => {
    const f = self_(v);
    let err: unknown = null;
    try {
      // CPython: _RawIOBase.close(self) first (which flushes), then the descriptor
      callIOBaseClose(v);
    } catch (e) {
      err = e;
    }
    if (!f.closefd) {
      f.fd = -1;
      if (err !== null) throw err;
      return Py_None;
    }
    try {
      internalClose(f);
    } catch (e) {
      if (err === null) err = e;
    }
    if (err !== null) throw err;
    return Py_None;
  }),
  mO("_dealloc_warn", () => Py_None),
  mNoArgs("__getstate__", (v) => {
    throw typeError(`cannot pickle '${Py_TYPE(v).tp_name}' instances`);
  }),
];
PyFileIO_Type.tp_getset = [
  { name: "closed", get: (v) => self_(v).fd < 0 },
  { name: "closefd", get: (v) => self_(v).closefd },
  { name: "mode", get: (v) => modeString(self_(v)) },
  { name: "_blksize", get: (v) => self_(v).blksize },
  { name: "_finalizing", get: (v) => self_(v).finalizing },
];

export function fileioIsatty(f: PyFileIO): boolean {
  return tty.isatty(f.fd);
}

/** _IOBase.close(self): flush, then mark closed. */
function callIOBaseClose(v: PyObject): void {
  const o = v as PyIOBaseObject;
  if (o.iobaseClosed) return;
  try {
    callMethod(v, "flush");
  } finally {
    o.iobaseClosed = true;
  }
}

export function isFileIO(v: PyObject): v is PyFileIO {
  return v instanceof PyFileIO && PyType_IsSubtype(Py_TYPE(v), PyFileIO_Type);
}
void PyIOBase_Type;
void PyByteArray;
