// CPython: Modules/_io/bufferedio.c — _BufferedIOBase, BufferedReader, BufferedWriter,
// BufferedRandom, BufferedRWPair. One buffer serves reading and writing, with CPython's
// positions (pos, raw_pos, read_end, write_pos, write_end, abs_pos) so that tell/seek and the
// interleaving of reads and writes give the same results.
import { type PyObject, type PyTypeObject, Py_None, Py_TYPE, newStaticType, Py_TPFLAGS_BASETYPE } from "../../objects/object.js";
import { PyBytes, PyByteArray } from "../../objects/bytesobject.js";
import { PyList } from "../../objects/listobject.js";
import {
  PyObject_IsTrue, PyObject_GetAttr, PyObject_GetOptionalAttr, PyObject_Repr, PyObject_Size, PyNumber_AsSsize_t,
  PyNumber_Index, PyObject_CallMethod,
} from "../../objects/abstract.js";
import {
  newException, PyExc_OSError, PyExc_BlockingIOError, PyExc_ValueError, PyExc_AttributeError, PyBaseException,
} from "../../objects/exceptions.js";
import { typeError, valueError, PyErr_ExceptionMatches } from "../../python/errors.js";
import { ArgParser } from "../../python/getargs.js";
import { EAGAIN } from "../../python/oserror.js";
import {
  PyIOBaseObject, PyIOBase_Type, mNoArgs, mO, mArgs, sizeArg, writableBuffer, bytesArg, unsupported, callMethod,
  joinBytes, DEFAULT_BUFFER_SIZE, checkReadable, checkWritable, checkSeekable, iobaseIternext,
} from "./iobase.js";
import { PyFileIO, PyFileIO_Type, fileioReadRaw, fileioWriteRaw } from "./fileio.js";

// --- _BufferedIOBase --------------------------------------------------------------------------------

export const PyBufferedIOBase_Type = newStaticType("_io._BufferedIOBase", PyIOBase_Type, Py_TPFLAGS_BASETYPE);

function readintoGeneric(self: PyObject, b: PyObject, method: "read" | "read1"): PyObject {
  const buf = writableBuffer(b, method === "read" ? "readinto" : "readinto1");
  const data = PyObject_CallMethod(self, method, buf.length);
  if (!(data instanceof PyBytes)) throw typeError("read() should return bytes");
  const n = data.value.length;
  if (n > buf.length) throw valueError(`read() returned too much data: ${buf.length} bytes requested, ${n} returned`);
  writableBuffer(b, "readinto").set(data.value, 0);
  return n;
}

PyBufferedIOBase_Type.tp_methods = [
  mNoArgs("detach", () => {
    throw unsupported("detach");
  }),
  mArgs("read", new ArgParser("read", ["size"], { posonly: 1 }), () => {
    throw unsupported("read");
  }),
  mArgs("read1", new ArgParser("read1", ["size"], { posonly: 1 }), () => {
    throw unsupported("read1");
  }),
  mO("readinto", (self, b) => readintoGeneric(self, b, "read")),
  mO("readinto1", (self, b) => readintoGeneric(self, b, "read1")),
  mO("write", () => {
    throw unsupported("write");
  }),
];

// --- the buffered object ----------------------------------------------------------------------------

export class PyBuffered extends PyIOBaseObject {
  raw: PyObject = Py_None;
  /** 1 initialized, 0 not, -1 after a failed __init__ (CPython: ok). */
  ok = 0;
  detached = false;
  readable = false;
  writable = false;
  finalizing = false;
  /** The raw stream is an exact FileIO: its methods are called directly. */
  fastRaw: PyFileIO | null = null;
  abs_pos = 0;
  buffer: Uint8Array = new Uint8Array(0);
  buffer_size = 0;
  pos = 0;
  raw_pos = 0;
  read_end = -1;
  write_pos = 0;
  write_end = -1;
}

export const PyBufferedReader_Type = newStaticType("_io.BufferedReader", PyBufferedIOBase_Type, Py_TPFLAGS_BASETYPE);
export const PyBufferedWriter_Type = newStaticType("_io.BufferedWriter", PyBufferedIOBase_Type, Py_TPFLAGS_BASETYPE);
export const PyBufferedRandom_Type = newStaticType("_io.BufferedRandom", PyBufferedIOBase_Type, Py_TPFLAGS_BASETYPE);

function self_(v: PyObject): PyBuffered {
  if (!(v instanceof PyBuffered)) throw typeError(`descriptor requires a buffered object but received a '${Py_TYPE(v).tp_name}'`);
  return v;
}
/** CPython: CHECK_INITIALIZED. */
function init_(v: PyObject): PyBuffered {
  const b = self_(v);
  if (b.ok <= 0) {
    if (b.detached) throw valueError("raw stream has been detached");
    throw valueError("I/O operation on uninitialized object");
  }
  return b;
}

const validRead = (b: PyBuffered): boolean => b.readable && b.read_end !== -1;
const validWrite = (b: PyBuffered): boolean => b.writable && b.write_end !== -1;
function adjustPosition(b: PyBuffered, newPos: number): void {
  b.pos = newPos;
  if (validRead(b) && b.read_end < b.pos) b.read_end = b.pos;
}
const readahead = (b: PyBuffered): number => (b.readable && b.read_end !== -1 ? b.read_end - b.pos : 0);
const rawOffset = (b: PyBuffered): number => ((validRead(b) || validWrite(b)) && b.raw_pos >= 0 ? b.raw_pos - b.pos : 0);
const rawTell = (b: PyBuffered): number => (b.abs_pos !== -1 ? b.abs_pos : bufferedRawTell(b));
function minusLastBlock(b: PyBuffered, size: number): number {
  return b.buffer_size * Math.floor(size / b.buffer_size);
}
function resetReadBuf(b: PyBuffered): void {
  b.read_end = -1;
}
function resetWriteBuf(b: PyBuffered): void {
  b.write_pos = 0;
  b.write_end = -1;
}

/** CPython: IS_CLOSED. */
function isClosed(b: PyBuffered): boolean {
  if (b.fastRaw !== null) return b.fastRaw.fd < 0;
  return PyObject_IsTrue(PyObject_GetAttr(b.raw, "closed"));
}
/** CPython: CHECK_CLOSED (buffered data can still be read after the raw stream closed). */
function checkClosed(b: PyBuffered, msg: string): void {
  if (isClosed(b) && readahead(b) === 0) throw valueError(msg);
}

function bufferedRawTell(b: PyBuffered): number {
  const n = PyNumber_AsSsize_t(PyNumber_Index(PyObject_CallMethod(b.raw, "tell")), "overflow");
  if (n < 0) throw newException(PyExc_OSError, [`Raw stream returned invalid position ${n}`]);
  b.abs_pos = n;
  return n;
}
function bufferedRawSeek(b: PyBuffered, target: number, whence: number): number {
  const n = PyNumber_AsSsize_t(PyNumber_Index(PyObject_CallMethod(b.raw, "seek", target, whence)), "overflow");
  if (n < 0) throw newException(PyExc_OSError, [`Raw stream returned invalid position ${n}`]);
  b.abs_pos = n;
  return n;
}

/** raw.readinto into buf[off, off+len): the count, or -2 when it would block (CPython: _bufferedreader_raw_read). */
function rawRead(b: PyBuffered, buf: Uint8Array, off: number, len: number): number {
  let n: number;
  if (b.fastRaw !== null && b.fastRaw.fd >= 0 && b.fastRaw.readable) {
    const r = fileioReadRaw(b.fastRaw, buf, off, len);
    if (r === null) return -2;
    n = r;
  } else {
    const tmp = new PyByteArray(new Uint8Array(len));
    const res = PyObject_CallMethod(b.raw, "readinto", tmp);
    if (res === Py_None) return -2;
    n = PyNumber_AsSsize_t(PyNumber_Index(res), "overflow");
    if (n < 0 || n > len) {
      throw newException(PyExc_OSError, [`raw readinto() returned invalid length ${n} (should have been between 0 and ${len})`]);
    }
    buf.set(tmp.value.subarray(0, n), off);
  }
  if (n > 0 && b.abs_pos !== -1) b.abs_pos += n;
  return n;
}

/** raw.write of buf[off, off+len): the count, or -2 when it would block. */
function rawWrite(b: PyBuffered, buf: Uint8Array, off: number, len: number): number {
  let n: number;
  if (b.fastRaw !== null && b.fastRaw.fd >= 0 && b.fastRaw.writable) {
    const r = fileioWriteRaw(b.fastRaw, buf, off, len);
    if (r === null) return -2;
    n = r;
  } else {
    const res = PyObject_CallMethod(b.raw, "write", new PyBytes(buf.slice(off, off + len)));
    if (res === Py_None) return -2;
    n = PyNumber_AsSsize_t(PyNumber_Index(res), "overflow");
    if (n < 0 || n > len) {
      throw newException(PyExc_OSError, [`raw write() returned invalid length ${n} (should have been between 0 and ${len})`]);
    }
  }
  if (n > 0 && b.abs_pos !== -1) b.abs_pos += n;
  return n;
}

function blockingError(msg: string, written: number): PyBaseException {
  return newException(PyExc_BlockingIOError, [EAGAIN, msg, written]);
}

function fillBuffer(b: PyBuffered): number {
  const start = validRead(b) ? b.read_end : 0;
  const n = rawRead(b, b.buffer, start, b.buffer_size - start);
  if (n <= 0) return n;
  b.read_end = start + n;
  b.raw_pos = start + n;
  return n;
}

/** CPython: _bufferedwriter_flush_unlocked. */
export function bufferedwriterFlush(b: PyBuffered): void {
  if (!validWrite(b) || b.write_pos === b.write_end) {
    resetWriteBuf(b);
    return;
  }
  const rewind = rawOffset(b) + (b.pos - b.write_pos);
  if (rewind !== 0) {
    bufferedRawSeek(b, -rewind, 1);
    b.raw_pos -= rewind;
  }
  while (b.write_pos < b.write_end) {
    const n = rawWrite(b, b.buffer, b.write_pos, b.write_end - b.write_pos);
    if (n === -2) throw blockingError("write could not complete without blocking", 0);
    b.write_pos += n;
    b.raw_pos = b.write_pos;
  }
  resetWriteBuf(b);
}

function flushAndRewind(b: PyBuffered): void {
  bufferedwriterFlush(b);
  if (b.readable) {
    bufferedRawSeek(b, -rawOffset(b), 1);
    resetReadBuf(b);
  }
}

function readFast(b: PyBuffered, n: number): PyBytes | null {
  const have = readahead(b);
  if (n <= have) {
    const r = new PyBytes(b.buffer.slice(b.pos, b.pos + n));
    b.pos += n;
    return r;
  }
  return null;
}

function readGeneric(b: PyBuffered, n: number): PyObject {
  const current = readahead(b);
  if (n <= current) return readFast(b, n) as PyBytes;
  const out = new Uint8Array(n);
  let remaining = n;
  let written = 0;
  const result = (): PyObject => new PyBytes(written === n ? out : out.slice(0, written));
  if (current > 0) {
    out.set(b.buffer.subarray(b.pos, b.pos + current), 0);
    remaining -= current;
    written += current;
    b.pos += current;
  }
  if (b.writable) flushAndRewind(b);
  resetReadBuf(b);
  while (remaining > 0) {
    let r = minusLastBlock(b, remaining);
    if (r === 0) break;
    r = rawRead(b, out, written, r);
    if (r === 0 || r === -2) {
      if (r === 0 || written > 0) return result();
      return Py_None;
    }
    remaining -= r;
    written += r;
  }
  b.pos = 0;
  b.raw_pos = 0;
  b.read_end = 0;
  while (remaining > 0 && b.read_end < b.buffer_size) {
    const r = fillBuffer(b);
    if (r === 0 || r === -2) {
      if (r === 0 || written > 0) return result();
      return Py_None;
    }
    const take = Math.min(r, remaining);
    out.set(b.buffer.subarray(b.pos, b.pos + take), written);
    written += take;
    b.pos += take;
    remaining -= take;
  }
  return result();
}

function readAll(b: PyBuffered): PyObject {
  const chunks: Uint8Array[] = [];
  let total = readahead(b);
  if (total > 0) {
    chunks.push(b.buffer.slice(b.pos, b.pos + total));
    b.pos += total;
  }
  if (b.writable) flushAndRewind(b);
  resetReadBuf(b);
  if (b.fastRaw !== null || PyObject_GetOptionalAttr(b.raw, "readall") !== null) {
    const tmp = PyObject_CallMethod(b.raw, "readall");
    if (tmp !== Py_None && !(tmp instanceof PyBytes)) throw typeError("readall() should return bytes");
    if (total === 0) return tmp;
    if (!(tmp instanceof PyBytes)) return new PyBytes(chunks[0]);
    chunks.push(tmp.value);
    return new PyBytes(joinBytes(chunks, total + tmp.value.length));
  }
  for (;;) {
    const data = PyObject_CallMethod(b.raw, "read");
    if (data !== Py_None && !(data instanceof PyBytes)) throw typeError("read() should return bytes");
    if (!(data instanceof PyBytes) || data.value.length === 0) {
      if (total === 0) return data;
      return new PyBytes(joinBytes(chunks, total));
    }
    chunks.push(data.value);
    total += data.value.length;
    if (b.abs_pos !== -1) b.abs_pos += data.value.length;
  }
}

function peekUnlocked(b: PyBuffered): PyBytes {
  const have = readahead(b);
  if (have > 0) return new PyBytes(b.buffer.slice(b.pos, b.pos + have));
  resetReadBuf(b);
  let r = fillBuffer(b);
  if (r === -2) r = 0;
  b.pos = 0;
  return new PyBytes(b.buffer.slice(0, r));
}

/** CPython: _buffered_readline. */
export function bufferedReadline(b: PyBuffered, limit: number): PyBytes {
  checkClosed(b, "readline of closed file");
  let n = readahead(b);
  if (limit >= 0 && n > limit) n = limit;
  const buf = b.buffer;
  const start = b.pos;
  const nl = buf.indexOf(10, start);
  if (nl >= 0 && nl < start + n) {
    const r = new PyBytes(buf.slice(start, nl + 1));
    b.pos = nl + 1;
    return r;
  }
  if (n === limit) {
    const r = new PyBytes(buf.slice(start, start + n));
    b.pos += n;
    return r;
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (n > 0) {
    chunks.push(buf.slice(start, start + n));
    total += n;
    b.pos += n;
    if (limit >= 0) limit -= n;
  }
  if (b.writable) flushAndRewind(b);
  for (;;) {
    resetReadBuf(b);
    let got = fillBuffer(b);
    if (got <= 0) break;
    if (limit >= 0 && got > limit) got = limit;
    const i = b.buffer.indexOf(10);
    if (i >= 0 && i < got) {
      chunks.push(b.buffer.slice(0, i + 1));
      total += i + 1;
      b.pos = i + 1;
      break;
    }
    chunks.push(b.buffer.slice(0, got));
    total += got;
    if (got === limit) {
      b.pos = got;
      break;
    }
    if (limit >= 0) limit -= got;
  }
  return new PyBytes(total === 0 ? new Uint8Array(0) : joinBytes(chunks, total));
}

/** CPython: _bufferedwriter_write. */
export function bufferedWrite(b: PyBuffered, data: Uint8Array): number {
  if (isClosed(b)) throw valueError("write to closed file");
  const len = data.length;
  if (!validRead(b) && !validWrite(b)) {
    b.pos = 0;
    b.raw_pos = 0;
  }
  let avail = b.buffer_size - b.pos;
  if (len <= avail) {
    b.buffer.set(data, b.pos);
    if (!validWrite(b) || b.write_pos > b.pos) b.write_pos = b.pos;
    adjustPosition(b, b.pos + len);
    if (b.pos > b.write_end) b.write_end = b.pos;
    return len;
  }
  try {
    bufferedwriterFlush(b);
  } catch (e) {
    if (!PyErr_ExceptionMatches(e, PyExc_BlockingIOError)) throw e;
    if (b.readable) resetReadBuf(b);
    // make room by shifting the buffer, and buffer what fits
    b.buffer.copyWithin(0, b.write_pos, b.write_end);
    b.write_end -= b.write_pos;
    b.raw_pos -= b.write_pos;
    b.pos -= b.write_pos;
    b.write_pos = 0;
    avail = b.buffer_size - b.write_end;
    if (len <= avail) {
      b.buffer.set(data, b.write_end);
      b.write_end += len;
      b.pos += len;
      return len;
    }
    b.buffer.set(data.subarray(0, avail), b.write_end);
    b.write_end += avail;
    b.pos += avail;
    throw blockingError("write could not complete without blocking", avail);
  }
  const offset = rawOffset(b);
  if (offset !== 0) {
    bufferedRawSeek(b, -offset, 1);
    b.raw_pos -= offset;
  }
  let remaining = len;
  let written = 0;
  while (remaining > b.buffer_size) {
    const n = rawWrite(b, data, written, len - written);
    if (n === -2) {
      if (remaining > b.buffer_size) {
        b.buffer.set(data.subarray(written, written + b.buffer_size), 0);
        b.raw_pos = 0;
        adjustPosition(b, b.buffer_size);
        b.write_end = b.buffer_size;
        written += b.buffer_size;
        throw blockingError("write could not complete without blocking", written);
      }
      break;
    }
    written += n;
    remaining -= n;
  }
  if (b.readable) resetReadBuf(b);
  if (remaining > 0) {
    b.buffer.set(data.subarray(written, written + remaining), 0);
    written += remaining;
  }
  b.write_pos = 0;
  b.write_end = remaining;
  adjustPosition(b, remaining);
  b.raw_pos = 0;
  return written;
}

/** CPython: _buffered_readinto_generic. */
function readintoImpl(b: PyBuffered, target: Uint8Array, readinto1: boolean): PyObject {
  checkClosed(b, "readinto of closed file");
  let written = 0;
  let n = readahead(b);
  if (n > 0) {
    if (n >= target.length) {
      target.set(b.buffer.subarray(b.pos, b.pos + target.length), 0);
      b.pos += target.length;
      return target.length;
    }
    target.set(b.buffer.subarray(b.pos, b.pos + n), 0);
    b.pos += n;
    written = n;
  }
  if (b.writable) flushAndRewind(b);
  resetReadBuf(b);
  b.pos = 0;
  for (let remaining = target.length - written; remaining > 0; written += n, remaining -= n) {
    if (remaining > b.buffer_size) n = rawRead(b, target, written, remaining);
    else if (!(readinto1 && written)) {
      n = fillBuffer(b);
      if (n > 0) {
        if (n > remaining) n = remaining;
        target.set(b.buffer.subarray(b.pos, b.pos + n), written);
        b.pos += n;
        continue;
      }
    } else n = 0;
    if (n === 0 || (n === -2 && written > 0)) break;
    if (n < 0) return Py_None;
    if (readinto1) {
      written += n;
      break;
    }
  }
  return written;
}

/** CPython: _io__Buffered_seek_impl. */
function bufferedSeek(b: PyBuffered, targetObj: PyObject, whence: number): number {
  if (whence < 0 || whence > 4) throw valueError(`whence value ${whence} unsupported`);
  checkClosed(b, "seek of closed file");
  checkSeekable(b.raw);
  let target = PyNumber_AsSsize_t(PyNumber_Index(targetObj), "overflow");
  if ((whence === 0 || whence === 1) && b.readable) {
    const current = rawTell(b);
    const avail = readahead(b);
    if (avail > 0) {
      const offset = whence === 0 ? target - (current - rawOffset(b)) : target;
      if (offset >= -b.pos && offset <= avail) {
        b.pos += offset;
        return current - avail + offset;
      }
    }
  }
  if (b.writable) {
    bufferedwriterFlush(b);
    resetWriteBuf(b);
  }
  if (whence === 1) target -= rawOffset(b);
  const n = bufferedRawSeek(b, target, whence);
  b.raw_pos = -1;
  if (b.readable) resetReadBuf(b);
  return n;
}

export function bufferedTell(b: PyBuffered): number {
  let pos = bufferedRawTell(b);
  pos -= rawOffset(b);
  return pos < 0 ? 0 : pos;
}

export function bufferedFlush(v: PyObject): void {
  const b = init_(v);
  checkClosed(b, "flush of closed file");
  flushAndRewind(b);
}

function bufferedClose(v: PyObject): PyObject {
  const b = init_(v);
  if (isClosed(b)) return Py_None;
  let err: unknown = null;
  try {
    PyObject_CallMethod(v, "flush");
  } catch (e) {
    err = e;
  }
  try {
    PyObject_CallMethod(b.raw, "close");
  } catch (e) {
    if (err !== null && e instanceof PyBaseException && err instanceof PyBaseException && e !== err) {
      (e as { context?: PyObject }).context = err;
    }
    err = e;
  }
  b.buffer = new Uint8Array(0);
  b.read_end = 0;
  b.pos = 0;
  if (err !== null) throw err;
  return Py_None;
}

/** CPython: _buffered_init. */
function bufferedInit(b: PyBuffered, raw: PyObject, bufferSize: PyObject | null, kind: "r" | "w" | "rw"): void {
  b.ok = 0;
  b.detached = false;
  if (kind !== "w") checkReadable(raw);
  if (kind !== "r") checkWritable(raw);
  if (kind === "rw") checkSeekable(raw);
  const size = bufferSize === null ? DEFAULT_BUFFER_SIZE : PyNumber_AsSsize_t(PyNumber_Index(bufferSize), "overflow");
  if (size <= 0) throw valueError("buffer size must be strictly positive");
  b.raw = raw;
  b.buffer_size = size;
  b.readable = kind !== "w";
  b.writable = kind !== "r";
  b.buffer = new Uint8Array(size);
  b.fastRaw = raw instanceof PyFileIO && Py_TYPE(raw) === PyFileIO_Type ? raw : null;
  b.pos = 0;
  b.raw_pos = 0;
  b.read_end = -1;
  resetWriteBuf(b);
  try {
    bufferedRawTell(b);
  } catch (e) {
    if (!(e instanceof PyBaseException)) throw e;
    b.abs_pos = -1;
  }
  b.ok = 1;
}

const readArgs = new ArgParser("read", ["size"], { posonly: 1 });
const read1Args = new ArgParser("read1", ["size"], { posonly: 1 });
const peekArgs = new ArgParser("peek", ["size"], { posonly: 1 });
const readlineArgs = new ArgParser("readline", ["size"], { posonly: 1 });
const seekArgs = new ArgParser("seek", ["target", "whence"], { posonly: 2, required: 1 });
const truncateArgs = new ArgParser("truncate", ["pos"], { posonly: 1 });

export function bufferedRead(v: PyObject, n: number): PyObject {
  const b = init_(v);
  if (n < -1) throw valueError("read length must be non-negative or -1");
  checkClosed(b, "read of closed file");
  if (n === -1) return readAll(b);
  return readFast(b, n) ?? readGeneric(b, n);
}

export function bufferedRead1(v: PyObject, n: number): PyObject {
  const b = init_(v);
  checkClosed(b, "read of closed file");
  if (n < 0) n = b.buffer_size;
  if (n === 0) return new PyBytes(new Uint8Array(0));
  const have = readahead(b);
  if (have > 0) return readFast(b, Math.min(have, n)) as PyBytes;
  const out = new Uint8Array(n);
  if (b.writable) flushAndRewind(b);
  resetReadBuf(b);
  let r = rawRead(b, out, 0, n);
  if (r === -2) r = 0;
  return new PyBytes(r === n ? out : out.slice(0, r));
}

const commonMethods = [
  mNoArgs("detach", (v) => {
    const b = init_(v);
    PyObject_CallMethod(v, "flush");
    const raw = b.raw;
    b.raw = Py_None;
    b.fastRaw = null;
    b.detached = true;
    b.ok = 0;
    return raw;
  }),
  mNoArgs("close", bufferedClose),
  mNoArgs("seekable", (v) => PyObject_CallMethod(init_(v).raw, "seekable")),
  mNoArgs("fileno", (v) => PyObject_CallMethod(init_(v).raw, "fileno")),
  mNoArgs("isatty", (v) => PyObject_CallMethod(init_(v).raw, "isatty")),
  mO("_dealloc_warn", () => Py_None),
  mArgs("seek", seekArgs, (v, [target, whence]) => {
    const b = init_(v);
    const w = whence === null ? 0 : PyNumber_AsSsize_t(whence, "overflow");
    return bufferedSeek(b, target as PyObject, w);
  }),
  mNoArgs("tell", (v) => bufferedTell(init_(v))),
  mArgs("truncate", truncateArgs, (v, [pos]) => {
    const b = init_(v);
    checkClosed(b, "truncate of closed file");
    if (!b.writable) throw unsupported("truncate");
    flushAndRewind(b);
    const res = PyObject_CallMethod(b.raw, "truncate", pos ?? Py_None);
    try {
      bufferedRawTell(b);
    } catch (e) {
      if (!(e instanceof PyBaseException)) throw e;
    }
    return res;
  }),
  mNoArgs("__sizeof__", (v) => 96 + self_(v).buffer_size),
  mNoArgs("__getstate__", (v) => {
    throw typeError(`cannot pickle '${Py_TYPE(v).tp_name}' instances`);
  }),
];
const readMethods = [
  mNoArgs("readable", (v) => PyObject_CallMethod(init_(v).raw, "readable")),
  mArgs("read", readArgs, (v, [n]) => bufferedRead(v, sizeArg(n))),
  mArgs("read1", read1Args, (v, [n]) => bufferedRead1(v, sizeArg(n))),
  mArgs("peek", peekArgs, (v) => {
    const b = init_(v);
    checkClosed(b, "peek of closed file");
    if (b.writable) flushAndRewind(b);
    return peekUnlocked(b);
  }),
  mO("readinto", (v, buf) => readintoImpl(init_(v), writableBuffer(buf, "readinto"), false)),
  mO("readinto1", (v, buf) => readintoImpl(init_(v), writableBuffer(buf, "readinto1"), true)),
  mArgs("readline", readlineArgs, (v, [n]) => bufferedReadline(init_(v), sizeArg(n))),
];
const writeMethods = [
  mO("write", (v, data) => bufferedWrite(init_(v), bytesArg(data))),
  mNoArgs("writable", (v) => PyObject_CallMethod(init_(v).raw, "writable")),
  mNoArgs("flush", (v) => {
    bufferedFlush(v);
    return Py_None;
  }),
];
/** BufferedReader.flush: the raw stream's (CPython: _io__Buffered_simple_flush_impl). */
const simpleFlush = mNoArgs("flush", (v) => PyObject_CallMethod(init_(v).raw, "flush"));

const getset = [
  { name: "raw", get: (v: PyObject) => init_(v).raw },
  { name: "closed", get: (v: PyObject) => PyObject_GetAttr(init_(v).raw, "closed") },
  { name: "name", get: (v: PyObject) => PyObject_GetAttr(init_(v).raw, "name") },
  { name: "mode", get: (v: PyObject) => PyObject_GetAttr(init_(v).raw, "mode") },
  { name: "_finalizing", get: (v: PyObject) => self_(v).finalizing },
];

function bufferedRepr(v: PyObject): string {
  const tn = Py_TYPE(v).tp_name;
  let name: PyObject | null = null;
  try {
    name = PyObject_GetOptionalAttr(v, "name");
  } catch (e) {
    // a ValueError from a detached stream hides the name too
    if (!PyErr_ExceptionMatches(e, PyExc_ValueError) && !PyErr_ExceptionMatches(e, PyExc_AttributeError)) throw e;
  }
  return name === null ? `<${tn}>` : `<${tn} name=${PyObject_Repr(name)}>`;
}

/** BufferedReader and BufferedRandom iterate their lines directly (CPython: buffered_iternext). */
function bufferedIternext(v: PyObject): PyObject | null {
  const t = Py_TYPE(v);
  if (t === PyBufferedReader_Type || t === PyBufferedRandom_Type) {
    const line = bufferedReadline(init_(v), -1);
    return line.value.length === 0 ? null : line;
  }
  const line = PyObject_CallMethod(v, "readline");
  if (!(line instanceof PyBytes)) {
    throw newException(PyExc_OSError, [`readline() should have returned a bytes object, not '${Py_TYPE(line).tp_name}'`]);
  }
  return line.value.length === 0 ? null : line;
}

function defineBuffered(t: PyTypeObject, kind: "r" | "w" | "rw", name: string): void {
  t.tp_dictoffset = 1;
  t.tp_new = (type) => {
    const o = new PyBuffered();
    o.ob_type = type;
    return o;
  };
  const initArgs = new ArgParser(name, ["raw", "buffer_size"], { required: 1 });
  t.tp_init = (self, args, start, nargs, kw) => {
    const [raw, size] = initArgs.parse(args, start, nargs, kw);
    bufferedInit(self_(self), raw as PyObject, size, kind);
  };
  t.tp_repr = bufferedRepr;
  t.tp_methods = [...commonMethods, ...(kind !== "w" ? readMethods : []), ...(kind !== "r" ? writeMethods : [simpleFlush])];
  t.tp_getset = getset;
  if (kind !== "w") {
    t.tp_iternext = bufferedIternext;
  }
}
defineBuffered(PyBufferedReader_Type, "r", "BufferedReader");
defineBuffered(PyBufferedWriter_Type, "w", "BufferedWriter");
defineBuffered(PyBufferedRandom_Type, "rw", "BufferedRandom");

// --- BufferedRWPair ---------------------------------------------------------------------------------

export class PyBufferedRWPair extends PyIOBaseObject {
  reader: PyObject | null = null;
  writer: PyObject | null = null;
}
export const PyBufferedRWPair_Type = newStaticType("_io.BufferedRWPair", PyBufferedIOBase_Type, Py_TPFLAGS_BASETYPE);
PyBufferedRWPair_Type.tp_dictoffset = 1;
PyBufferedRWPair_Type.tp_new = (type) => {
  const o = new PyBufferedRWPair();
  o.ob_type = type;
  return o;
};
const rwpairArgs = new ArgParser("BufferedRWPair", ["reader", "writer", "buffer_size"], { required: 2, posonly: 3 });
PyBufferedRWPair_Type.tp_init = (self, args, start, nargs, kw) => {
  if (kw !== null && kw.items.length) throw typeError("BufferedRWPair() takes no keyword arguments");
  const [reader, writer, size] = rwpairArgs.parse(args, start, nargs, kw);
  checkReadable(reader as PyObject);
  checkWritable(writer as PyObject);
  const p = self as PyBufferedRWPair;
  const mk = (t: PyTypeObject, raw: PyObject): PyObject => {
    const b = new PyBuffered();
    b.ob_type = t;
    bufferedInit(b, raw, size, t === PyBufferedReader_Type ? "r" : "w");
    return b;
  };
  p.reader = mk(PyBufferedReader_Type, reader as PyObject);
  p.writer = mk(PyBufferedWriter_Type, writer as PyObject);
};
function pairPart(v: PyObject, which: "reader" | "writer"): PyObject {
  const p = v as PyBufferedRWPair;
  const part = p[which];
  if (part === null) throw valueError("I/O operation on uninitialized object");
  return part;
}
const forward = (name: string, which: "reader" | "writer") =>
  mArgs(name, new ArgParser(name, ["arg"], { posonly: 1 }), (v, [arg]) =>
    arg === null ? PyObject_CallMethod(pairPart(v, which), name) : PyObject_CallMethod(pairPart(v, which), name, arg));
PyBufferedRWPair_Type.tp_methods = [
  forward("read", "reader"),
  forward("peek", "reader"),
  forward("read1", "reader"),
  mO("readinto", (v, b) => PyObject_CallMethod(pairPart(v, "reader"), "readinto", b)),
  mO("readinto1", (v, b) => PyObject_CallMethod(pairPart(v, "reader"), "readinto1", b)),
  mO("write", (v, b) => PyObject_CallMethod(pairPart(v, "writer"), "write", b)),
  mNoArgs("flush", (v) => PyObject_CallMethod(pairPart(v, "writer"), "flush")),
  mNoArgs("readable", (v) => PyObject_CallMethod(pairPart(v, "reader"), "readable")),
  mNoArgs("writable", (v) => PyObject_CallMethod(pairPart(v, "writer"), "writable")),
  mNoArgs("close", (v) => {
    let err: unknown = null;
    try {
      PyObject_CallMethod(pairPart(v, "writer"), "close");
    } catch (e) {
      err = e;
    }
    try {
      PyObject_CallMethod(pairPart(v, "reader"), "close");
    } catch (e) {
      if (err instanceof PyBaseException && e instanceof PyBaseException) (e as { context?: PyObject }).context = err;
      err = e;
    }
    if (err !== null) throw err;
    return Py_None;
  }),
  mNoArgs("isatty", (v) => {
    const w = PyObject_CallMethod(pairPart(v, "writer"), "isatty");
    if (PyObject_IsTrue(w)) return w;
    return PyObject_CallMethod(pairPart(v, "reader"), "isatty");
  }),
];
PyBufferedRWPair_Type.tp_getset = [{ name: "closed", get: (v) => PyObject_GetAttr(pairPart(v, "writer"), "closed") }];

export function isBuffered(v: PyObject): v is PyBuffered {
  return v instanceof PyBuffered && v.ok > 0;
}
void PyList;
void PyObject_Size;
void callMethod;
void iobaseIternext;
