// CPython: Modules/_io/bytesio.c — BytesIO, an in-memory binary stream over a growable buffer.
import { type PyObject, Py_None, Py_TYPE, newStaticType, Py_TPFLAGS_BASETYPE } from "../../objects/object.js";
import { PyBytes } from "../../objects/bytesobject.js";
import { PyTuple } from "../../objects/tupleobject.js";
import { PyList } from "../../objects/listobject.js";
import { PyDict } from "../../objects/dictobject.js";
import { PyNumber_AsSsize_t, PyNumber_Index, PyObject_CallMethod, PyObject_GetIter, PyIter_Next } from "../../objects/abstract.js";
import { newException, PyExc_BufferError, PyExc_OSError } from "../../objects/exceptions.js";
import { typeError, valueError, overflowError, notImplementedError } from "../../python/errors.js";
import { ArgParser } from "../../python/getargs.js";
import { PyIOBaseObject, mNoArgs, mO, mArgs, sizeArg, closedError, writableBuffer, bytesArg } from "./iobase.js";
import { PyBufferedIOBase_Type } from "./bufferedio.js";
import { PyMemoryView_FromMemory } from "../../objects/memoryobject.js";

export class PyBytesIO extends PyIOBaseObject {
  /** null once closed. */
  buf: Uint8Array | null = new Uint8Array(0);
  size = 0;
  pos = 0;
  /** Live memoryviews from getbuffer() (resizing is refused while any exists). */
  exports = 0;
}
export const PyBytesIO_Type = newStaticType("_io.BytesIO", PyBufferedIOBase_Type, Py_TPFLAGS_BASETYPE);
PyBytesIO.prototype.ob_type = PyBytesIO_Type;
PyBytesIO_Type.tp_dictoffset = 1;
PyBytesIO_Type.tp_new = (type) => {
  const o = new PyBytesIO();
  if (type !== PyBytesIO_Type) o.ob_type = type;
  return o;
};

function self_(v: PyObject): PyBytesIO {
  if (!(v instanceof PyBytesIO)) throw typeError(`descriptor requires a '_io.BytesIO' object but received a '${Py_TYPE(v).tp_name}'`);
  return v;
}
function open_(v: PyObject): PyBytesIO & { buf: Uint8Array } {
  const b = self_(v);
  if (b.buf === null) throw closedError();
  return b as PyBytesIO & { buf: Uint8Array };
}
function checkExports(b: PyBytesIO): void {
  if (b.exports > 0) throw newException(PyExc_BufferError, ["Existing exports of data: object cannot be re-sized"]);
}

function ensureCapacity(b: PyBytesIO & { buf: Uint8Array }, n: number): void {
  if (n <= b.buf.length) return;
  let cap = Math.max(n, b.buf.length + (b.buf.length >> 3) + (n < 9 ? 3 : 6));
  if (cap < n) cap = n;
  const nb = new Uint8Array(cap);
  nb.set(b.buf.subarray(0, b.size), 0);
  b.buf = nb;
}

/** CPython: write_bytes. */
export function bytesioWrite(b: PyBytesIO & { buf: Uint8Array }, data: Uint8Array): number {
  const len = data.length;
  if (len === 0) return 0;
  checkExports(b);
  if (b.pos > Number.MAX_SAFE_INTEGER - len) throw overflowError("new position too large");
  const end = b.pos + len;
  ensureCapacity(b, end);
  if (b.pos > b.size) b.buf.fill(0, b.size, b.pos);
  b.buf.set(data, b.pos);
  b.pos = end;
  if (end > b.size) b.size = end;
  return len;
}

function readBytes(b: PyBytesIO & { buf: Uint8Array }, n: number): PyBytes {
  const avail = Math.max(0, b.size - b.pos);
  if (n < 0 || n > avail) n = avail;
  const r = new PyBytes(b.buf.slice(b.pos, b.pos + n));
  b.pos += n;
  return r;
}

function scanEol(b: PyBytesIO & { buf: Uint8Array }, limit: number): number {
  if (b.pos >= b.size) return 0;
  let maxlen = b.size - b.pos;
  if (limit >= 0 && limit < maxlen) maxlen = limit;
  const i = b.buf.subarray(b.pos, b.pos + maxlen).indexOf(10);
  return i >= 0 ? i + 1 : maxlen;
}

const initArgs = new ArgParser("BytesIO", ["initial_bytes"]);
PyBytesIO_Type.tp_init = (self, args, start, nargs, kw) => {
  const [init] = initArgs.parse(args, start, nargs, kw);
  const b = self as PyBytesIO;
  checkExports(b);
  b.buf = new Uint8Array(0);
  b.size = 0;
  b.pos = 0;
  if (init !== null && init !== Py_None) {
    const data = bytesArg(init);
    b.buf = data.slice();
    b.size = data.length;
  }
};

const readArgs = new ArgParser("read", ["size"], { posonly: 1 });
const read1Args = new ArgParser("read1", ["size"], { posonly: 1 });
const readlineArgs = new ArgParser("readline", ["size"], { posonly: 1 });
const readlinesArgs = new ArgParser("readlines", ["size"], { posonly: 1 });
const seekArgs = new ArgParser("seek", ["pos", "whence"], { posonly: 2, required: 1 });
const truncateArgs = new ArgParser("truncate", ["size"], { posonly: 1 });

function nextLine(v: PyObject): PyObject | null {
  const b = open_(v);
  const n = scanEol(b, -1);
  if (n === 0) return null;
  return readBytes(b, n);
}

PyBytesIO_Type.tp_iter = (v) => v;
PyBytesIO_Type.tp_iternext = nextLine;

PyBytesIO_Type.tp_methods = [
  mNoArgs("readable", (v) => (open_(v), true)),
  mNoArgs("seekable", (v) => (open_(v), true)),
  mNoArgs("writable", (v) => (open_(v), true)),
  mNoArgs("close", (v) => {
    const b = self_(v);
    checkExports(b);
    b.buf = null;
    return Py_None;
  }),
  mNoArgs("flush", (v) => (open_(v), Py_None)),
  mNoArgs("isatty", (v) => (open_(v), false)),
  mNoArgs("tell", (v) => open_(v).pos),
  mNoArgs("getvalue", (v) => {
    const b = open_(v);
    return new PyBytes(b.buf.slice(0, b.size));
  }),
  mNoArgs("getbuffer", (v) => {
    const b = open_(v);
    // a writable view of the live bytes (CPython exports them through a bytesiobuf object)
    return PyMemoryView_FromMemory((b.buf as Uint8Array).subarray(0, b.size), false);
  }),
  mArgs("read", readArgs, (v, [n]) => readBytes(open_(v), sizeArg(n))),
  mArgs("read1", read1Args, (v, [n]) => readBytes(open_(v), sizeArg(n))),
  mArgs("readline", readlineArgs, (v, [n]) => {
    const b = open_(v);
    return readBytes(b, scanEol(b, sizeArg(n)));
  }),
  mArgs("readlines", readlinesArgs, (v, [hintObj]) => {
    const b = open_(v);
    const hint = sizeArg(hintObj);
    const out = new PyList([]);
    let total = 0;
    for (;;) {
      const n = scanEol(b, -1);
      if (n === 0) break;
      out.items.push(readBytes(b, n));
      total += n;
      if (hint > 0 && total >= hint) break;
    }
    return out;
  }),
  mO("readinto", (v, target) => {
    const b = open_(v);
    const buf = writableBuffer(target, "readinto");
    const n = Math.max(0, Math.min(buf.length, b.size - b.pos));
    buf.set(b.buf.subarray(b.pos, b.pos + n), 0);
    b.pos += n;
    return n;
  }),
  mArgs("truncate", truncateArgs, (v, [sizeObj]) => {
    const b = open_(v);
    checkExports(b);
    const size = sizeObj === null || sizeObj === Py_None ? b.pos : PyNumber_AsSsize_t(PyNumber_Index(sizeObj), "overflow");
    if (size < 0) throw valueError(`negative size value ${size}`);
    if (size < b.size) b.size = size;
    return size;
  }),
  mArgs("seek", seekArgs, (v, [posObj, whenceObj]) => {
    const b = open_(v);
    let pos = PyNumber_AsSsize_t(PyNumber_Index(posObj as PyObject), "overflow");
    const whence = whenceObj === null ? 0 : PyNumber_AsSsize_t(whenceObj, "overflow");
    if (pos < 0 && whence === 0) throw valueError(`negative seek value ${pos}`);
    if (whence === 1) {
      if (pos > Number.MAX_SAFE_INTEGER - b.pos) throw overflowError("new position too large");
      pos += b.pos;
    } else if (whence === 2) pos += b.size;
    else if (whence !== 0) throw valueError(`invalid whence (${whence}, should be 0, 1 or 2)`);
    if (pos < 0) pos = 0;
    b.pos = pos;
    return pos;
  }),
  mO("write", (v, data) => bytesioWrite(open_(v), bytesArg(data))),
  mO("writelines", (v, lines) => {
    open_(v);
    const it = PyObject_GetIter(lines);
    for (let x = PyIter_Next(it); x !== null; x = PyIter_Next(it)) bytesioWrite(open_(v), bytesArg(x));
    return Py_None;
  }),
  mNoArgs("__getstate__", (v) => {
    const b = open_(v);
    const d = b.dict;
    return new PyTuple([new PyBytes(b.buf.slice(0, b.size)), b.pos, d === null ? Py_None : d.copy()]);
  }),
  mO("__setstate__", (v, state) => {
    const b = self_(v);
    if (!(state instanceof PyTuple) || state.items.length < 3) {
      throw typeError(`${Py_TYPE(v).tp_name}.__setstate__ argument should be 3-tuple, got ${Py_TYPE(state).tp_name}`);
    }
    const [value, pos, dict] = state.items;
    checkExports(b);
    const data = bytesArg(value);
    b.buf = data.slice();
    b.size = data.length;
    if (typeof pos !== "number") throw typeError(`second item of state must be an integer, not ${Py_TYPE(pos).tp_name}`);
    if (pos < 0) throw valueError("position value cannot be negative");
    b.pos = pos;
    if (dict !== Py_None) {
      if (!(dict instanceof PyDict)) throw typeError(`third item of state should be a dict, got a ${Py_TYPE(dict).tp_name}`);
      const own = (b.dict ??= new PyDict());
      for (const [k, val] of dict.entries()) own.setItem(k, val);
    }
    return Py_None;
  }),
  mNoArgs("__sizeof__", (v) => 88 + (self_(v).buf?.length ?? 0)),
];
PyBytesIO_Type.tp_getset = [{ name: "closed", get: (v) => self_(v).buf === null }];

void PyObject_CallMethod;
void PyExc_OSError;
