// CPython: Modules/_io/iobase.c — _IOBase and _RawIOBase, plus what every _io file shares
// (Modules/_io/_iomodule.h): UnsupportedOperation, the closed check, method-table helpers.
import {
  PyObjectBase, type PyObject, type PyMethodDef, type PyTypeObject, newStaticType, PyBaseObject_Type, Py_None,
  Py_TYPE, Py_TPFLAGS_BASETYPE, Py_TPFLAGS_HEAPTYPE,
} from "../../objects/object.js";
import type { PyTuple } from "../../objects/tupleobject.js";
import { PyDict } from "../../objects/dictobject.js";
import { PyList } from "../../objects/listobject.js";
import { PyBytes, PyByteArray, bytesLike } from "../../objects/bytesobject.js";
import {
  PyObject_GetAttr, PyObject_GetOptionalAttr, PyObject_IsTrue, PyObject_CallMethod, PyObject_GetIter, PyIter_Next,
  PyObject_Size, PyNumber_AsSsize_t, PyIndex_Check,
} from "../../objects/abstract.js";
import { newException, PyExc_OSError, PyExc_ValueError, PyExc_NotImplementedError, PyExc_AttributeError, PyBaseException } from "../../objects/exceptions.js";
import { typeError, valueError, PyErr_ExceptionMatches } from "../../python/errors.js";
import { ArgParser } from "../../python/getargs.js";

export const DEFAULT_BUFFER_SIZE = 128 * 1024;

// --- UnsupportedOperation(OSError, ValueError) ------------------------------------------------------
// CPython builds it with PyType_FromSpec from both bases; the MRO is set here directly because
// OSError's and ValueError's instance layouts combine (OSError's extends ValueError's base).
export const PyExc_UnsupportedOperation: PyTypeObject = (() => {
  const t = newStaticType("UnsupportedOperation", PyExc_OSError, Py_TPFLAGS_BASETYPE);
  t.tp_flags = (t.tp_flags | Py_TPFLAGS_HEAPTYPE) & ~(1 << 8);
  t.ht_qualname = "UnsupportedOperation";
  t.tp_bases = [PyExc_OSError, PyExc_ValueError];
  const rest = PyExc_ValueError.tp_mro.filter((x) => !PyExc_OSError.tp_mro.includes(x));
  const osTail = PyExc_OSError.tp_mro;
  // OSError, ValueError, Exception, BaseException, object (C3 of the two bases)
  t.tp_mro = [t, osTail[0], ...rest, ...osTail.slice(1)];
  PyExc_ValueError.tp_subclasses.push(t);
  t.tp_dict = new Map<string, PyObject>([["__module__", "io"], ["__doc__", Py_None]]);
  return t;
})();

export function unsupported(msg: string): PyBaseException {
  return newException(PyExc_UnsupportedOperation, [msg]);
}
export const closedError = (): PyBaseException => valueError("I/O operation on closed file.");

// --- the instance layout ----------------------------------------------------------------------------

/** Every _io object (CPython: iobase's dict + weakreflist; the closed flag is `__IOBase_closed`). */
export class PyIOBaseObject extends PyObjectBase {
  dict: PyDict | null = null;
  iobaseClosed = false;
}

export const PyIOBase_Type = newStaticType("_io._IOBase", PyBaseObject_Type, Py_TPFLAGS_BASETYPE);
export const PyRawIOBase_Type = newStaticType("_io._RawIOBase", PyIOBase_Type, Py_TPFLAGS_BASETYPE);
PyIOBaseObject.prototype.ob_type = PyIOBase_Type;
PyIOBase_Type.tp_dictoffset = 1;
PyIOBase_Type.tp_new = (type) => {
  const o = new PyIOBaseObject();
  o.ob_type = type;
  return o;
};

// --- method-table helpers ---------------------------------------------------------------------------

type Fast = (self: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null) => PyObject;
export function mNoArgs(name: string, fn: (self: PyObject) => PyObject): PyMethodDef {
  return { name, kind: "noargs", fn: fn as PyMethodDef["fn"] };
}
export function mO(name: string, fn: (self: PyObject, arg: PyObject) => PyObject): PyMethodDef {
  return { name, kind: "o", fn: fn as PyMethodDef["fn"] };
}
export function mFast(name: string, fn: Fast): PyMethodDef {
  return { name, kind: "fast", fn: fn as unknown as PyMethodDef["fn"] };
}
/** A method whose arguments are parsed by an ArgParser (absent ones are null). */
export function mArgs(name: string, parser: ArgParser, fn: (self: PyObject, a: (PyObject | null)[]) => PyObject): PyMethodDef {
  return mFast(name, (self, args, start, nargs, kw) => fn(self, parser.parse(args, start, nargs, kw)));
}

/** `size` arguments: None or an index, -1 when absent (CPython: _Py_convert_optional_to_ssize_t). */
export function sizeArg(v: PyObject | null, dflt = -1): number {
  if (v === null || v === Py_None) return dflt;
  if (!PyIndex_Check(v)) throw typeError(`argument should be integer or None, not '${Py_TYPE(v).tp_name}'`);
  return PyNumber_AsSsize_t(v, "overflow");
}

/** The writable bytes of a read-write buffer argument (bytearray; memoryview with the buffers work). */
export function writableBuffer(v: PyObject, fname: string): Uint8Array {
  if (v instanceof PyByteArray) return v.value;
  const w = writableHook(v);
  if (w !== null) return w;
  throw typeError(`${fname}() argument must be read-write bytes-like object, not ${Py_TYPE(v).tp_name}`);
}
let writableHook: (v: PyObject) => Uint8Array | null = () => null;
/** Lets the memoryview implementation expose writable buffers to _io. */
export function setWritableBufferHook(f: (v: PyObject) => Uint8Array | null): void {
  writableHook = f;
}

/** A bytes-like argument, or TypeError as CPython's "a bytes-like object is required" (y*). */
export function bytesArg(v: PyObject): Uint8Array {
  const b = bytesLike(v);
  if (b === null) throw typeError(`a bytes-like object is required, not '${Py_TYPE(v).tp_name}'`);
  return b;
}

export function callMethod(o: PyObject, name: string, ...args: PyObject[]): PyObject {
  return PyObject_CallMethod(o, name, ...args);
}

// --- closed state -----------------------------------------------------------------------------------

/** CPython: iobase_is_closed (the __IOBase_closed attribute). */
export function iobaseIsClosed(self: PyObject): boolean {
  return self instanceof PyIOBaseObject ? self.iobaseClosed : false;
}

/** CPython: _PyIOBase_check_closed — looks at the `closed` attribute (which subclasses override). */
export function checkClosed(self: PyObject): void {
  if (PyObject_IsTrue(PyObject_GetAttr(self, "closed"))) throw closedError();
}

export function checkReadable(self: PyObject): void {
  if (!PyObject_IsTrue(callMethod(self, "readable"))) throw unsupported("File or stream is not readable.");
}
export function checkWritable(self: PyObject): void {
  if (!PyObject_IsTrue(callMethod(self, "writable"))) throw unsupported("File or stream is not writable.");
}
export function checkSeekable(self: PyObject): void {
  if (!PyObject_IsTrue(callMethod(self, "seekable"))) throw unsupported("File or stream is not seekable.");
}

// --- _IOBase ----------------------------------------------------------------------------------------

const readlineArgs = new ArgParser("readline", ["size"], { posonly: 1 });
const readlinesArgs = new ArgParser("readlines", ["hint"], { posonly: 1 });
const seekArgs = new ArgParser("seek", ["offset", "whence"], { posonly: 2, required: 1 });

/** CPython: _io__IOBase_readline_impl (for objects with peek and read). */
function iobaseReadline(self: PyObject, limit: number): PyObject {
  const peek = PyObject_GetOptionalAttr(self, "peek");
  const parts: Uint8Array[] = [];
  let total = 0;
  while (limit < 0 || total < limit) {
    let nreadahead = 1;
    if (peek !== null) {
      const readahead = PyObject_CallMethod(self, "peek", 1);
      if (!(readahead instanceof PyBytes)) {
        throw newException(PyExc_OSError, [`peek() should have returned a bytes object, not '${Py_TYPE(readahead).tp_name}'`]);
      }
      const buf = readahead.value;
      if (buf.length > 0) {
        let n = 0;
        while (n < buf.length && (limit < 0 || n < limit - total)) {
          if (buf[n++] === 10) break;
        }
        nreadahead = n;
      }
    }
    const b = PyObject_CallMethod(self, "read", nreadahead);
    if (!(b instanceof PyBytes)) {
      throw newException(PyExc_OSError, [`read() should have returned a bytes object, not '${Py_TYPE(b).tp_name}'`]);
    }
    if (b.value.length === 0) break;
    parts.push(b.value);
    total += b.value.length;
    if (b.value[b.value.length - 1] === 10) break;
  }
  return new PyBytes(joinBytes(parts, total));
}

export function joinBytes(parts: readonly Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(total);
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

/** CPython: iobase_iternext: readline() until an empty line. */
export function iobaseIternext(self: PyObject): PyObject | null {
  const line = PyObject_CallMethod(self, "readline");
  if (PyObject_Size(line) === 0) return null;
  return line;
}

PyIOBase_Type.tp_iter = (self) => {
  checkClosed(self);
  return self;
};
PyIOBase_Type.tp_iternext = iobaseIternext;

PyIOBase_Type.tp_methods = [
  mFast("seek", (self, args, start, nargs, kw) => {
    seekArgs.parse(args, start, nargs, kw);
    throw unsupported("seek");
  }),
  mNoArgs("tell", (self) => PyObject_CallMethod(self, "seek", 0, 1)),
  mFast("truncate", () => {
    throw unsupported("truncate");
  }),
  mNoArgs("flush", (self) => {
    if (iobaseIsClosed(self)) throw closedError();
    return Py_None;
  }),
  mNoArgs("close", (self) => {
    if (iobaseIsClosed(self)) return Py_None;
    try {
      PyObject_CallMethod(self, "flush");
    } finally {
      if (self instanceof PyIOBaseObject) self.iobaseClosed = true;
    }
    return Py_None;
  }),
  mNoArgs("seekable", () => false),
  mNoArgs("readable", () => false),
  mNoArgs("writable", () => false),
  mFast("_checkClosed", (self) => {
    checkClosed(self);
    return Py_None;
  }),
  mFast("_checkSeekable", (self) => {
    checkSeekable(self);
    return true;
  }),
  mFast("_checkReadable", (self) => {
    checkReadable(self);
    return true;
  }),
  mFast("_checkWritable", (self) => {
    checkWritable(self);
    return true;
  }),
  mNoArgs("fileno", () => {
    throw unsupported("fileno");
  }),
  mNoArgs("isatty", (self) => {
    checkClosed(self);
    return false;
  }),
  mNoArgs("__enter__", (self) => {
    checkClosed(self);
    return self;
  }),
  mFast("__exit__", (self) => PyObject_CallMethod(self, "close")),
  mNoArgs("__del__", (self) => {
    // CPython: iobase_finalize — close, ignoring errors (tython has no deterministic finalization)
    try {
      if (!PyObject_IsTrue(PyObject_GetAttr(self, "closed"))) PyObject_CallMethod(self, "close");
    } catch (e) {
      if (!(e instanceof PyBaseException)) throw e;
    }
    return Py_None;
  }),
  mArgs("readline", readlineArgs, (self, [size]) => iobaseReadline(self, sizeArg(size))),
  mArgs("readlines", readlinesArgs, (self, [hintArg]) => {
    const hint = sizeArg(hintArg);
    const result = new PyList([]);
    if (hint <= 0) {
      const it = PyObject_GetIter(self);
      for (let x = PyIter_Next(it); x !== null; x = PyIter_Next(it)) result.items.push(x);
      return result;
    }
    const it = PyObject_GetIter(self);
    let length = 0;
    for (let line = PyIter_Next(it); line !== null; line = PyIter_Next(it)) {
      result.items.push(line);
      length += PyObject_Size(line);
      if (length >= hint) break;
    }
    return result;
  }),
  mO("writelines", (self, lines) => {
    checkClosed(self);
    const it = PyObject_GetIter(lines);
    for (let x = PyIter_Next(it); x !== null; x = PyIter_Next(it)) PyObject_CallMethod(self, "write", x);
    return Py_None;
  }),
];
PyIOBase_Type.tp_getset = [
  { name: "closed", get: (self) => iobaseIsClosed(self) },
  {
    name: "__dict__",
    get: (self) => {
      const o = self as PyIOBaseObject;
      return (o.dict ??= new PyDict());
    },
  },
];

// --- _RawIOBase -------------------------------------------------------------------------------------

const rawReadArgs = new ArgParser("read", ["size"], { posonly: 1 });

/** CPython: _io__RawIOBase_readall_impl. */
export function rawiobaseReadall(self: PyObject): PyObject {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const data = PyObject_CallMethod(self, "read", DEFAULT_BUFFER_SIZE);
    if (data === Py_None) {
      if (chunks.length === 0) return Py_None;
      break;
    }
    if (!(data instanceof PyBytes)) throw typeError("read() should return bytes");
    if (data.value.length === 0) break;
    chunks.push(data.value);
    total += data.value.length;
  }
  return new PyBytes(joinBytes(chunks, total));
}

PyRawIOBase_Type.tp_methods = [
  mArgs("read", rawReadArgs, (self, [sizeObj]) => {
    const n = sizeArg(sizeObj);
    if (n < 0) return PyObject_CallMethod(self, "readall");
    const b = new PyByteArray(new Uint8Array(n));
    const res = PyObject_CallMethod(self, "readinto", b);
    if (res === Py_None) return Py_None;
    const got = PyNumber_AsSsize_t(res, "overflow");
    if (got < 0 || got > n) throw valueError(`readinto returned ${got} outside buffer size ${n}`);
    return new PyBytes(b.value.slice(0, got));
  }),
  mNoArgs("readall", rawiobaseReadall),
  mFast("readinto", () => {
    throw newException(PyExc_NotImplementedError, []);
  }),
  mFast("write", () => {
    throw newException(PyExc_NotImplementedError, []);
  }),
];

/** Whether e is an AttributeError (for optional methods). */
export function isAttributeError(e: unknown): boolean {
  return PyErr_ExceptionMatches(e, PyExc_AttributeError);
}
