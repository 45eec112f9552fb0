// CPython: Modules/mmapmodule.c — memory-mapped files.
//
// Node cannot map memory, so a map is a buffer holding a copy of the mapped range of the file
// (or zeros, for an anonymous map). A MAP_SHARED file map writes its changes back to the file:
// at once for changes made by the mmap's own methods and item assignment, and as a whole on
// flush() and close() (and at exit) for changes made through exported buffers (memoryview).
// Changes made to the file by others after the map was made are not seen (docs/os-support.md).
import fs from "node:fs";
import { type PyObject, Py_None, Py_TYPE, PyObjectBase, newStaticType, PyBaseObject_Type, type PyMethodDef, type PyTypeObject } from "../objects/object.js";
import { PyModule } from "../objects/moduleobject.js";
import { PyTuple } from "../objects/tupleobject.js";
import { PyList } from "../objects/listobject.js";
import { PyBytes } from "../objects/bytesobject.js";
import { PySlice, sliceIndices } from "../objects/sliceobject.js";
import { PyNumber_Index, PyNumber_AsSsize_t, PyIndex_Check, PyObject_GetIter } from "../objects/abstract.js";
import { PyExc_OSError, PyExc_BufferError } from "../objects/exceptions.js";
import { PyBuffer_FillInfo, PyBUF_WRITABLE, getContiguousBytes } from "../objects/buffer.js";
import { PyErr_Format, typeError, valueError, overflowError, indexError } from "../python/errors.js";
import { PyErr_SetFromErrno, oserrorFromNode, EBADF, EINVAL } from "../python/oserror.js";
import { ArgParser, checkPositional, noKeywords } from "../python/getargs.js";

const M = "mmap";
const PAGESIZE = 4096;
const ALLOCATIONGRANULARITY = 4096;
const MAP_SHARED = 1;
const MAP_PRIVATE = 2;
const MAP_ANONYMOUS = 32;
const PROT_READ = 1;
const PROT_WRITE = 2;
const PROT_EXEC = 4;
const ACCESS_DEFAULT = 0;
const ACCESS_READ = 1;
const ACCESS_WRITE = 2;
const ACCESS_COPY = 3;
const ACCESS_NAMES = ["ACCESS_DEFAULT", "ACCESS_READ", "ACCESS_WRITE", "ACCESS_COPY"];

const MADV: [string, number][] = [
  ["MADV_NORMAL", 0], ["MADV_RANDOM", 1], ["MADV_SEQUENTIAL", 2], ["MADV_WILLNEED", 3], ["MADV_DONTNEED", 4],
  ["MADV_FREE", 8], ["MADV_REMOVE", 9], ["MADV_DONTFORK", 10], ["MADV_DOFORK", 11], ["MADV_MERGEABLE", 12],
  ["MADV_UNMERGEABLE", 13], ["MADV_HUGEPAGE", 14], ["MADV_NOHUGEPAGE", 15], ["MADV_DONTDUMP", 16],
  ["MADV_DODUMP", 17], ["MADV_HWPOISON", 100],
];
const MADV_VALUES = new Set(MADV.map(([, v]) => v));

export class PyMmap extends PyObjectBase {
  /** The mapped memory; null once closed. */
  data: Uint8Array | null = null;
  pos = 0;
  offset = 0;
  /** The map's own fd (a reopening of the caller's, as CPython dup()s it), or -1. */
  fd = -1;
  flags = MAP_SHARED;
  prot = PROT_READ | PROT_WRITE;
  access = ACCESS_DEFAULT;
  exports = 0;
}
export const PyMmap_Type = newStaticType("mmap.mmap", PyBaseObject_Type);
PyMmap_Type.ht_qualname = "mmap";
PyMmap.prototype.ob_type = PyMmap_Type;

/** Maps whose changes go back to a file, written back at exit too. */
const sharedMaps = new Set<PyMmap>();
let exitHook = false;

function valid(self: PyObject): Uint8Array {
  const d = (self as PyMmap).data;
  if (d === null) throw valueError("mmap closed or invalid");
  return d;
}

function checkWritable(m: PyMmap): void {
  if (m.access === ACCESS_READ) throw typeError("mmap can't modify a readonly memory map.");
}

const isShared = (m: PyMmap): boolean => m.fd !== -1 && (m.flags & MAP_SHARED) !== 0 && m.access !== ACCESS_COPY && (m.prot & PROT_WRITE) !== 0;

/** Writes data[start, end) back to the file of a shared map. */
function writeBack(m: PyMmap, start: number, end: number): void {
  if (!isShared(m) || m.data === null || end <= start) return;
  try {
    let done = 0;
    while (done < end - start) done += fs.writeSync(m.fd, m.data, start + done, end - start - done, m.offset + start + done);
  } catch (e) {
    throw oserrorFromNode(e);
  }
}

function closeMap(m: PyMmap): void {
  if (m.exports > 0) throw PyErr_Format(PyExc_BufferError, "cannot close exported pointers exist");
  if (m.data === null) return;
  writeBack(m, 0, m.data.length);
  sharedMaps.delete(m);
  m.data = null;
  if (m.fd !== -1) {
    const fd = m.fd;
    m.fd = -1;
    try {
      fs.closeSync(fd);
    } catch {
      // already gone: nothing to release
    }
  }
}

function readAll(fd: number, into: Uint8Array, position: number): void {
  let done = 0;
  while (done < into.length) {
    const n = fs.readSync(fd, into, done, into.length - done, position + done);
    if (n === 0) break;
    done += n;
  }
}

/** mmap.__new__ (CPython: new_mmap_object, Unix). */
const newArgs = new ArgParser("mmap", ["fileno", "length", "flags", "prot", "access", "offset", "trackfd"], { required: 2, kwonlyStart: 6 });
PyMmap_Type.tp_new = (type, args, start, nargs, kw) => {
  if (nargs === 0 && (kw === null || kw.items.length === 0)) throw typeError("function missing required argument 'fileno' (pos 1)");
  const [fdA, lenA, flagsA, protA, accessA, offA, trackA] = newArgs.parse(args, start, nargs, kw);
  const cint = (v: PyObject | null, d: number): number => {
    if (v === null) return d;
    const n = PyNumber_Index(v);
    if (typeof n !== "number" || n > 2147483647 || n < -2147483648) throw overflowError("Python int too large to convert to C int");
    return n;
  };
  const fd = cint(fdA, -1);
  const lenN = PyNumber_AsSsize_t(lenA as PyObject);
  let flags = cint(flagsA, MAP_SHARED);
  let prot = cint(protA, PROT_WRITE | PROT_READ);
  let access = cint(accessA, ACCESS_DEFAULT);
  const offset = offA === null ? 0 : PyNumber_AsSsize_t(offA);
  const trackfd = trackA === null || trackA === true || (trackA !== false && trackA !== 0);
  if (lenN < 0) throw overflowError("memory mapped length must be positive");
  if (offset < 0) throw overflowError("memory mapped offset must be positive");
  if (access !== ACCESS_DEFAULT && (flags !== MAP_SHARED || prot !== (PROT_WRITE | PROT_READ))) {
    throw valueError("mmap can't specify both access and flags, prot.");
  }
  switch (access) {
    case ACCESS_READ:
      flags = MAP_SHARED;
      prot = PROT_READ;
      break;
    case ACCESS_WRITE:
      flags = MAP_SHARED;
      prot = PROT_READ | PROT_WRITE;
      break;
    case ACCESS_COPY:
      flags = MAP_PRIVATE;
      prot = PROT_READ | PROT_WRITE;
      break;
    case ACCESS_DEFAULT:
      if (!(prot & PROT_READ && prot & PROT_WRITE)) access = prot & PROT_WRITE ? ACCESS_WRITE : ACCESS_READ;
      break;
    default:
      throw valueError("mmap invalid access parameter.");
  }
  let size = lenN;
  let ownFd = -1;
  if (fd !== -1) {
    let st: fs.Stats;
    try {
      st = fs.fstatSync(fd);
    } catch (e) {
      throw oserrorFromNode(e);
    }
    if (st.isFile()) {
      if (size === 0) {
        if (st.size === 0) throw valueError("cannot mmap an empty file");
        if (offset >= st.size) throw valueError("mmap offset is greater than file size");
        size = st.size - offset;
      } else if (offset > st.size || st.size - offset < size) {
        throw valueError("mmap length is greater than file size");
      }
    }
  }
  if (size === 0 || offset % ALLOCATIONGRANULARITY !== 0) throw PyErr_SetFromErrno(EINVAL);
  if (fd !== -1) {
    // the map keeps the file open on its own fd (CPython dup()s it; Node has no dup)
    const writable = isSharedWrite(flags, prot);
    try {
      ownFd = fs.openSync(`/proc/self/fd/${fd}`, writable ? "r+" : "r");
    } catch (e) {
      try {
        ownFd = fs.openSync(`/proc/self/fd/${fd}`, "r");
        if (writable) {
          fs.closeSync(ownFd);
          throw PyErr_SetFromErrno(13);
        }
      } catch {
        throw oserrorFromNode(e);
      }
    }
  }
  const m = new PyMmap();
  if (type !== PyMmap_Type) m.ob_type = type as PyTypeObject;
  m.data = new Uint8Array(size);
  if (ownFd !== -1) {
    try {
      readAll(ownFd, m.data, offset);
    } catch (e) {
      fs.closeSync(ownFd);
      throw oserrorFromNode(e);
    }
  }
  m.fd = ownFd;
  m.flags = fd === -1 ? flags | MAP_ANONYMOUS : flags;
  m.prot = prot;
  m.access = access;
  m.offset = offset;
  void trackfd;
  if (isShared(m)) {
    sharedMaps.add(m);
    if (!exitHook) {
      exitHook = true;
      process.on("exit", () => {
        for (const s of sharedMaps) {
          try {
            writeBack(s, 0, (s.data as Uint8Array).length);
          } catch {
            // at exit nothing can report it
          }
        }
      });
    }
  }
  return m;
};
const isSharedWrite = (flags: number, prot: number): boolean => (flags & MAP_SHARED) !== 0 && (prot & PROT_WRITE) !== 0;

PyMmap_Type.bf_getbuffer = (v, flags) => {
  const m = v as PyMmap;
  const data = valid(m);
  const view = PyBuffer_FillInfo(m, data, m.access === ACCESS_READ, flags);
  m.exports++;
  void PyBUF_WRITABLE;
  return view;
};
PyMmap_Type.bf_releasebuffer = (v) => {
  (v as PyMmap).exports--;
};

PyMmap_Type.tp_repr = (v) => {
  const m = v as PyMmap;
  const name = Py_TYPE(m).tp_name;
  if (m.data === null) return `<${name} closed=True>`;
  return `<${name} closed=False, access=${ACCESS_NAMES[m.access]}, length=${m.data.length}, pos=${m.pos}, offset=${m.offset}>`;
};

PyMmap_Type.mp_length = (v) => valid(v).length;
PyMmap_Type.sq_length = PyMmap_Type.mp_length;

function normIndex(data: Uint8Array, key: PyObject): number {
  let i = PyNumber_AsSsize_t(key, "index");
  if (i < 0) i += data.length;
  if (i < 0 || i >= data.length) throw indexError("mmap index out of range");
  return i;
}

PyMmap_Type.mp_subscript = (v, key) => {
  const data = valid(v);
  if (PyIndex_Check(key)) return data[normIndex(data, key)];
  if (key instanceof PySlice) {
    const [start, stop, step, n] = sliceIndices(key, data.length);
    if (step === 1) return new PyBytes(data.slice(start, start + n));
    const out = new Uint8Array(n);
    for (let i = 0, j = start; i < n; i++, j += step) out[i] = data[j];
    return new PyBytes(out);
  }
  throw typeError("mmap indices must be integers");
};
PyMmap_Type.sq_item = (v, i) => {
  const data = valid(v);
  if (i < 0 || i >= data.length) throw indexError("mmap index out of range");
  return new PyBytes(data.slice(i, i + 1));
};
// Iterating gives 1-byte bytes objects, as CPython's sequence protocol (sq_item) does
PyMmap_Type.tp_iter = (v) => {
  const data = valid(v);
  const items: PyObject[] = [];
  for (let i = 0; i < data.length; i++) items.push(new PyBytes(data.slice(i, i + 1)));
  return PyObject_GetIter(new PyList(items));
};

PyMmap_Type.mp_ass_subscript = (v, key, value) => {
  const m = v as PyMmap;
  const data = valid(m);
  checkWritable(m);
  if (PyIndex_Check(key)) {
    const i = normIndex(data, key);
    if (value === null) throw typeError("mmap doesn't support item deletion");
    if (!PyIndex_Check(value)) throw typeError("mmap item value must be an int");
    const b = PyNumber_Index(value);
    if (b < 0 || b > 255) throw valueError("mmap item value must be in range(0, 256)");
    data[i] = Number(b);
    writeBack(m, i, i + 1);
    return;
  }
  if (key instanceof PySlice) {
    if (value === null) throw typeError("mmap object doesn't support slice deletion");
    const [start, , step, n] = sliceIndices(key, data.length);
    const src = getContiguousBytes(value);
    if (src.length !== n) throw indexError("mmap slice assignment is wrong size");
    if (step === 1) {
      data.set(src, start);
      writeBack(m, start, start + n);
    } else {
      for (let i = 0, j = start; i < n; i++, j += step) data[j] = src[i];
      writeBack(m, 0, data.length);
    }
    return;
  }
  throw typeError("mmap indices must be integer");
};

type Fast = (self: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null) => PyObject;
const method = (name: string, fn: Fast): PyMethodDef => ({ name, kind: "fast", fn: fn as PyMethodDef["fn"] });
function positional(name: string, min: number, max: number, kw: PyTuple | null, nargs: number): void {
  noKeywords(name, kw);
  checkPositional(name, nargs, min, max);
}

/** An optional size: None or an int (CPython: _Py_convert_optional_to_ssize_t). */
function optionalSize(v: PyObject | undefined, dflt: number): number {
  if (v === undefined || v === Py_None) return dflt;
  if (!PyIndex_Check(v)) throw typeError(`argument should be integer or None, not '${Py_TYPE(v).tp_name}'`);
  return PyNumber_AsSsize_t(v);
}

function find(m: PyMmap, a: readonly PyObject[], s: number, n: number, reverse: boolean): number {
  const data = valid(m);
  const sub = getContiguousBytes(a[s]);
  const len = data.length;
  let start = n > 1 && a[s + 1] !== Py_None ? PyNumber_AsSsize_t(a[s + 1], "clamp") : m.pos;
  let end = n > 2 && a[s + 2] !== Py_None ? PyNumber_AsSsize_t(a[s + 2], "clamp") : len;
  if (start < 0) start = Math.max(0, start + len);
  else if (start > len) start = len;
  if (end < 0) end = Math.max(0, end + len);
  else if (end > len) end = len;
  if (end - start < sub.length) return -1;
  const matchAt = (i: number): boolean => {
    for (let k = 0; k < sub.length; k++) if (data[i + k] !== sub[k]) return false;
    return true;
  };
  if (reverse) {
    for (let i = end - sub.length; i >= start; i--) if (matchAt(i)) return i;
  } else {
    for (let i = start; i + sub.length <= end; i++) if (matchAt(i)) return i;
  }
  return -1;
}

const flushArgs = new ArgParser("flush", ["offset", "size"], { posonly: 2 });
const madviseArgs = new ArgParser("madvise", ["option", "start", "length"], { posonly: 3, required: 1 });

PyMmap_Type.tp_methods = [
  method("close", (self, _a, _s, n, kw) => {
    positional("close", 0, 0, kw, n);
    closeMap(self as PyMmap);
    return Py_None;
  }),
  method("read", (self, a, s, n, kw) => {
    positional("read", 0, 1, kw, n);
    const m = self as PyMmap;
    const data = valid(m);
    const left = Math.max(0, data.length - m.pos);
    let k = optionalSize(n > 0 ? a[s] : undefined, -1);
    if (k < 0 || k > left) k = left;
    const out = data.slice(m.pos, m.pos + k);
    m.pos += k;
    return new PyBytes(out);
  }),
  method("read_byte", (self, _a, _s, n, kw) => {
    positional("read_byte", 0, 0, kw, n);
    const m = self as PyMmap;
    const data = valid(m);
    if (m.pos >= data.length) throw valueError("read byte out of range");
    return data[m.pos++];
  }),
  method("readline", (self, _a, _s, n, kw) => {
    positional("readline", 0, 0, kw, n);
    const m = self as PyMmap;
    const data = valid(m);
    if (m.pos >= data.length) return new PyBytes(new Uint8Array(0));
    let e = data.indexOf(10, m.pos);
    e = e < 0 ? data.length : e + 1;
    const out = data.slice(m.pos, e);
    m.pos = e;
    return new PyBytes(out);
  }),
  method("write", (self, a, s, n, kw) => {
    positional("write", 1, 1, kw, n);
    const m = self as PyMmap;
    const data = valid(m);
    const src = getContiguousBytes(a[s]);
    checkWritable(m);
    if (m.pos > data.length || data.length - m.pos < src.length) throw valueError("data out of range");
    data.set(src, m.pos);
    writeBack(m, m.pos, m.pos + src.length);
    m.pos += src.length;
    return src.length;
  }),
  method("write_byte", (self, a, s, n, kw) => {
    positional("write_byte", 1, 1, kw, n);
    const m = self as PyMmap;
    const data = valid(m);
    const v = PyNumber_Index(a[s]);
    if (v < 0) throw overflowError("unsigned byte integer is less than minimum");
    if (v > 255) throw overflowError("unsigned byte integer is greater than maximum");
    checkWritable(m);
    if (m.pos >= data.length) throw valueError("write byte out of range");
    data[m.pos] = Number(v);
    writeBack(m, m.pos, m.pos + 1);
    m.pos++;
    return Py_None;
  }),
  method("seek", (self, a, s, n, kw) => {
    positional("seek", 1, 2, kw, n);
    const m = self as PyMmap;
    const data = valid(m);
    const dist = PyNumber_AsSsize_t(a[s]);
    const how = n > 1 ? PyNumber_AsSsize_t(a[s + 1]) : 0;
    let where: number;
    if (how === 0) where = dist;
    else if (how === 1) where = m.pos + dist;
    else if (how === 2) where = data.length + dist;
    else throw valueError("unknown seek type");
    if (where > data.length || where < 0) throw valueError("seek out of range");
    m.pos = where;
    return where;
  }),
  method("seekable", (self, _a, _s, n, kw) => {
    positional("seekable", 0, 0, kw, n);
    void self;
    return true;
  }),
  method("tell", (self, _a, _s, n, kw) => {
    positional("tell", 0, 0, kw, n);
    valid(self);
    return (self as PyMmap).pos;
  }),
  method("size", (self, _a, _s, n, kw) => {
    positional("size", 0, 0, kw, n);
    const m = self as PyMmap;
    valid(m);
    // the size of the file, not of the map (an anonymous map has no file: fstat(-1) fails)
    if (m.fd === -1) throw PyErr_SetFromErrno(EBADF);
    try {
      return fs.fstatSync(m.fd).size;
    } catch (e) {
      throw oserrorFromNode(e);
    }
  }),
  method("find", (self, a, s, n, kw) => {
    positional("find", 1, 3, kw, n);
    return find(self as PyMmap, a, s, n, false);
  }),
  method("rfind", (self, a, s, n, kw) => {
    positional("rfind", 1, 3, kw, n);
    return find(self as PyMmap, a, s, n, true);
  }),
  method("flush", (self, a, s, n, kw) => {
    const [offA, sizeA] = flushArgs.parse(a, s, n, kw);
    const m = self as PyMmap;
    const data = valid(m);
    const offset = offA === null ? 0 : PyNumber_AsSsize_t(offA);
    const size = sizeA === null ? data.length - offset : PyNumber_AsSsize_t(sizeA);
    if (size < 0 || offset < 0 || data.length - offset < size) throw valueError("flush values out of range");
    if (m.access === ACCESS_READ || m.access === ACCESS_COPY) return Py_None;
    // msync also wants a page-aligned start
    if (offset % PAGESIZE !== 0) throw PyErr_SetFromErrno(EINVAL);
    writeBack(m, offset, offset + size);
    return Py_None;
  }),
  method("move", (self, a, s, n, kw) => {
    positional("move", 3, 3, kw, n);
    const m = self as PyMmap;
    const data = valid(m);
    const dest = PyNumber_AsSsize_t(a[s]);
    const src = PyNumber_AsSsize_t(a[s + 1]);
    const cnt = PyNumber_AsSsize_t(a[s + 2]);
    checkWritable(m);
    if (dest < 0 || src < 0 || cnt < 0 || data.length - dest < cnt || data.length - src < cnt) {
      throw valueError("source, destination, or count out of range");
    }
    data.copyWithin(dest, src, src + cnt);
    writeBack(m, dest, dest + cnt);
    return Py_None;
  }),
  method("resize", (self, a, s, n, kw) => {
    positional("resize", 1, 1, kw, n);
    const m = self as PyMmap;
    const data = valid(m);
    const newSize = PyNumber_AsSsize_t(a[s]);
    if (m.exports > 0) throw PyErr_Format(PyExc_BufferError, "mmap can't resize with extant buffers exported.");
    if (m.access !== ACCESS_WRITE && m.access !== ACCESS_DEFAULT) {
      throw typeError("mmap can't resize a readonly or copy-on-write memory map.");
    }
    if (newSize < 0 || newSize > Number.MAX_SAFE_INTEGER - m.offset) throw valueError("new size out of range");
    if (m.fd === -1) {
      if (m.flags & MAP_SHARED && newSize > data.length) throw valueError("mmap: can't expand a shared anonymous mapping");
      const d = new Uint8Array(newSize);
      d.set(data.subarray(0, Math.min(newSize, data.length)));
      m.data = d;
      return Py_None;
    }
    // a file map: the file takes the new size, and the map its new contents
    writeBack(m, 0, data.length);
    try {
      fs.ftruncateSync(m.fd, m.offset + newSize);
      const d = new Uint8Array(newSize);
      readAll(m.fd, d, m.offset);
      if (!isShared(m)) d.set(data.subarray(0, Math.min(newSize, data.length)));
      m.data = d;
    } catch (e) {
      throw oserrorFromNode(e);
    }
    return Py_None;
  }),
  method("madvise", (self, a, s, n, kw) => {
    const [optA, startA, lenA] = madviseArgs.parse(a, s, n, kw);
    const data = valid(self);
    const option = Number(PyNumber_Index(optA as PyObject));
    const start = startA === null ? 0 : PyNumber_AsSsize_t(startA);
    let length = lenA === null || lenA === Py_None ? data.length : PyNumber_AsSsize_t(lenA);
    if (start < 0 || start >= data.length) throw valueError("madvise start out of bounds");
    if (length < 0) throw valueError("madvise length invalid");
    if (Number.MAX_SAFE_INTEGER - start < length) throw overflowError("madvise length too large");
    if (start + length > data.length) length = data.length - start;
    // madvise(2) wants a page-aligned start and a known advice; it advises nothing here
    if (start % PAGESIZE !== 0 || !MADV_VALUES.has(option)) throw PyErr_SetFromErrno(EINVAL);
    return Py_None;
  }),
  method("__enter__", (self, _a, _s, n, kw) => {
    positional("__enter__", 0, 0, kw, n);
    valid(self);
    return self;
  }),
  method("__exit__", (self) => {
    closeMap(self as PyMmap);
    return Py_None;
  }),
];
PyMmap_Type.tp_getset = [{ name: "closed", get: (self) => (self as PyMmap).data === null }];

export function initMmap(): PyModule {
  const m = new PyModule(M);
  const d = m.dict;
  d.setStr("error", PyExc_OSError);
  d.setStr("mmap", PyMmap_Type);
  const consts: [string, number][] = [
    ["PROT_EXEC", PROT_EXEC], ["PROT_READ", PROT_READ], ["PROT_WRITE", PROT_WRITE],
    ["MAP_SHARED", MAP_SHARED], ["MAP_PRIVATE", MAP_PRIVATE], ["MAP_DENYWRITE", 2048], ["MAP_EXECUTABLE", 4096],
    ["MAP_ANON", MAP_ANONYMOUS], ["MAP_ANONYMOUS", MAP_ANONYMOUS], ["MAP_POPULATE", 32768], ["MAP_STACK", 131072],
    ["MAP_NORESERVE", 16384], ["MAP_32BIT", 64],
    ["PAGESIZE", PAGESIZE], ["ALLOCATIONGRANULARITY", ALLOCATIONGRANULARITY],
    ["ACCESS_DEFAULT", ACCESS_DEFAULT], ["ACCESS_READ", ACCESS_READ], ["ACCESS_WRITE", ACCESS_WRITE], ["ACCESS_COPY", ACCESS_COPY],
    ...MADV,
  ];
  for (const [k, v] of consts) d.setStr(k, v);
  return m;
}
