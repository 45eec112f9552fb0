// CPython: Modules/arraymodule.c — array's constructor, methods, buffer procs, iterator, and the
// module (with _array_reconstructor, the unpickler of protocol-3 pickles).
import {
  PyObjectBase, type PyObject, type PyMethodDef, type PyTypeObject, newStaticType, PyBaseObject_Type, Py_None,
  Py_TYPE, Py_EQ, PyType_IsSubtype, PyType_Type, PyObject_TypeCheck, PyLong_Type,
} from "../objects/object.js";
import { PyModule } from "../objects/moduleobject.js";
import { PyTuple } from "../objects/tupleobject.js";
import { PyList } from "../objects/listobject.js";
import { PyBytes, PyByteArray, PyBytes_Type } from "../objects/bytesobject.js";
import { _genericAlias } from "../objects/dictobject.js";
import {
  PyObject_GetIter, PyIter_Next, PyObject_RichCompareBool, PyNumber_AsSsize_t, PyIndex_Check, PyNumber_Index,
  PyObject_CallMethod, PyObject_GetOptionalAttr, PyObject_Vectorcall, PyObject_GetAttr, PyLong_AsLong,
} from "../objects/abstract.js";
import { typeError, valueError, indexError, overflowError, runtimeError, PyErr_Format } from "../python/errors.js";
import { PyExc_DeprecationWarning, PyExc_EOFError, PyExc_MemoryError, PyExc_UnicodeDecodeError, newException } from "../objects/exceptions.js";
import { builtinsDict } from "../python/bltinmodule.js";
import { ArgParser, checkPositional } from "../python/getargs.js";
import { newBuiltinFunction } from "../objects/methodobject.js";
import { PyObject_GetBuffer, PyBuffer_Release, PyBUF_SIMPLE, type Py_buffer } from "../objects/buffer.js";
import { asStr } from "../objects/unicodeobject.js";
import { PyErr_WarnEx } from "../python/_warnings.js";
import { PySys_Audit } from "../python/audit.js";
import { idOf } from "../objects/methodobject.js";
import { PyFloat } from "../objects/floatobject.js";
import {
  DESCRIPTORS, TYPECODES, findDescr, MFORMAT_DESCR, MACHINE_FORMAT_CODE_MAX, type ArrayDescr,
} from "./arraymodule_descr.js";
import {
  PyArray, PyArray_Type, isArray, extendArray, arrayToList, arrayToUnicode, resizeError,
} from "./arraymodule.js";

type Fn = PyMethodDef["fn"];
type Fast = (s: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null) => PyObject;
const T = PyArray_Type;
const asArray = (v: PyObject): PyArray => v as PyArray;

T.tp_doc =
  "array(typecode [, initializer]) -> array\n\nReturn a new array whose items are restricted by typecode, and\n" +
  "initialized from the optional initializer value, which must be a list,\nstring, or iterable over elements of the appropriate type.\n\n" +
  "Arrays represent basic values and behave very much like lists, except\nthe type of objects stored in them is constrained. The type is specified\n" +
  "at object creation time by using a type code, which is a single character.";

const lengthMsg = (v: PyObject): string => {
  const s = asStr(v);
  return s === null ? Py_TYPE(v).tp_name : `a string of length ${[...s].length}`;
};

/** One-character typecode argument, or CPython's TypeError. */
function typecodeArg(fname: string, argno: number, v: PyObject, clinic = false): string {
  const s = asStr(v);
  if (s === null || [...s].length !== 1) {
    // Argument Clinic words the wrong-length case "name(): argument ..."
    const where = clinic && s !== null ? `${fname}:` : fname;
    throw typeError(`${where} argument ${argno} must be a unicode character, not ${lengthMsg(v)}`);
  }
  return s;
}

/** Items from a list or tuple, converted one by one. */
function setFromSequence(a: PyArray, items: readonly PyObject[]): void {
  for (let i = 0; i < items.length; i++) a.set(i, items[i]);
}

/** array(typecode[, initializer]) (CPython: array_new). */
T.tp_new = (type, args, start, nargs, kw) => {
  if ((type === PyArray_Type || type.tp_init === PyArray_Type.tp_init) && kw !== null && kw.items.length) {
    throw typeError("array.array() takes no keyword arguments");
  }
  if (nargs < 1) throw typeError(`array() takes at least 1 argument (${nargs} given)`);
  if (nargs > 2) throw typeError(`array() takes at most 2 arguments (${nargs} given)`);
  const c = typecodeArg("array()", 1, args[start]);
  let initial: PyObject | null = nargs > 1 ? args[start + 1] : null;
  PySys_Audit("array.__new__", [c, initial ?? Py_None]);
  if (c === "u") {
    PyErr_WarnEx(PyExc_DeprecationWarning, "The 'u' type code is deprecated and will be removed in Python 3.16", 1);
  }
  const unicode = c === "u" || c === "w";
  if (initial !== null && !unicode) {
    if (asStr(initial) !== null) throw typeError(`cannot use a str to initialize an array with typecode '${c}'`);
    if (isArray(initial) && initial.descr.kind === "unicode") {
      throw typeError(`cannot use a unicode array to initialize an array with typecode '${c}'`);
    }
  }
  let it: PyObject | null = null;
  if (
    initial !== null && !(initial instanceof PyList) && !(initial instanceof PyByteArray) && !(initial instanceof PyBytes) &&
    !(initial instanceof PyTuple) && !(unicode && asStr(initial) !== null) && !(isArray(initial) && initial.descr.typecode === c)
  ) {
    it = PyObject_GetIter(initial);
    initial = null;
  }
  const descr = findDescr(c);
  if (descr === null) throw valueError("bad typecode (must be b, B, u, w, h, H, i, I, l, L, q, Q, f or d)");
  let a: PyArray;
  if (initial instanceof PyList || initial instanceof PyTuple) {
    const items = initial.items.slice();
    a = new PyArray(descr, items.length);
    setFromSequence(a, items);
  } else if (initial instanceof PyBytes || initial instanceof PyByteArray) {
    a = new PyArray(descr, 0);
    frombytes(a, initial.value);
  } else if (initial !== null && asStr(initial) !== null) {
    a = new PyArray(descr, 0);
    fromunicode(a, asStr(initial) as string);
  } else if (initial !== null && isArray(initial)) {
    a = initial.slice(0, initial.len);
  } else a = new PyArray(descr, 0);
  if (type !== PyArray_Type) a.ob_type = type;
  if (it !== null) iterExtend(a, it);
  return a;
};

// --- helpers shared by methods ---------------------------------------------------------------------

function iterExtend(a: PyArray, it: PyObject): void {
  for (let v = PyIter_Next(it); v !== null; v = PyIter_Next(it)) {
    const n = a.len;
    a.resize(n + 1);
    try {
      a.set(n, v);
    } catch (e) {
      a.resize(n);
      throw e;
    }
  }
}

function frombytes(a: PyArray, b: Uint8Array): void {
  const isz = a.descr.itemsize;
  if (b.length % isz !== 0) throw valueError("bytes length not a multiple of item size");
  const m = b.length / isz;
  if (m === 0) return;
  const copy = b.slice();
  const n = a.len;
  a.resize(n + m);
  new Uint8Array(a.data.buffer).set(copy, n * isz);
}

function fromunicode(a: PyArray, s: string): void {
  const cps: number[] = [];
  for (const ch of s) cps.push(ch.codePointAt(0) as number);
  if (cps.length === 0) return;
  const n = a.len;
  a.resize(n + cps.length);
  for (let i = 0; i < cps.length; i++) a.data[n + i] = cps[i];
}

function sliceIndexArg(v: PyObject): number {
  if (!PyIndex_Check(v)) throw typeError("slice indices must be integers or have an __index__ method");
  return PyNumber_AsSsize_t(v, "clamp");
}

function ssizeArg(v: PyObject): number {
  const n = PyNumber_Index(v);
  if (typeof n !== "number") throw overflowError("Python int too large to convert to C ssize_t");
  return n;
}

function removeAt(a: PyArray, i: number): void {
  if (a.exports > 0) throw resizeError();
  a.data.copyWithin(i, i + 1, a.len);
  a.resize(a.len - 1);
}

/**
 * Positional-only parameters of a method taking its defining class (CPython: METH_METHOD clinic
 * code, whose messages differ from plain METH_FASTCALL's).
 */
function definingClassArgs(name: string, params: string[], args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null): PyObject[] {
  const n = params.length;
  const nkw = kw === null ? 0 : kw.items.length;
  const s = n === 1 ? "" : "s";
  if (nargs + nkw > n) throw typeError(`${name}() takes at most ${n} argument${s} (${nargs + nkw} given)`);
  if (nargs < n) throw typeError(`${name}() takes exactly ${n} positional argument${s} (${nargs} given)`);
  return args.slice(start, start + n);
}

function noKw(name: string, kw: PyTuple | null): void {
  if (kw !== null && kw.items.length) throw typeError(`array.${name}() takes no keyword arguments`);
}

const BLOCKSIZE = 64 * 1024;

/** A bytes-like argument's bytes (CPython: the clinic Py_buffer converter; frombytes wants items of one byte). */
function withBuffer<R>(v: PyObject, f: (b: Uint8Array) => R): R {
  const view = PyObject_GetBuffer(v, PyBUF_SIMPLE);
  try {
    if (view.itemsize !== 1) throw typeError("a bytes-like object is required");
    return f(view.buf.subarray(view.offset, view.offset + view.len));
  } finally {
    PyBuffer_Release(view);
  }
}

function reduceEx(self: PyObject, protocol: number): PyObject {
  const a = asArray(self);
  const dict = PyObject_GetOptionalAttr(a, "__dict__") ?? Py_None;
  const cls = Py_TYPE(a);
  if (protocol < 3) return new PyTuple([cls, new PyTuple([a.descr.typecode, arrayToList(a)]), dict]);
  return new PyTuple([
    RECONSTRUCTOR,
    new PyTuple([cls, a.descr.typecode, a.descr.mformat, new PyBytes(a.bytes().slice())]),
    dict,
  ]);
}

const copyArray = (s: PyObject): PyObject => asArray(s).slice(0, asArray(s).len);

T.tp_methods = [
  {
    name: "append",
    kind: "o",
    fn: ((s: PyObject, v: PyObject) => {
      const a = asArray(s);
      const n = a.len;
      const x = a.descr.conv(v);
      a.resize(n + 1);
      (a.data as { [k: number]: number | bigint })[n] = x;
      return Py_None;
    }) as Fn,
    doc: "Append new value v to the end of the array.",
  },
  {
    name: "buffer_info",
    kind: "noargs",
    fn: ((s: PyObject) => new PyTuple([idOf(asArray(s).data as unknown as PyObject), asArray(s).len])) as Fn,
    doc: "Return a tuple (address, length) giving the current memory address and the length in items of the buffer used to hold array's contents.\n\nThe length should be multiplied by the itemsize attribute to calculate\nthe buffer length in bytes.",
  },
  {
    name: "byteswap",
    kind: "noargs",
    fn: ((s: PyObject) => {
      const a = asArray(s);
      const isz = a.descr.itemsize;
      if (isz === 1) return Py_None;
      const b = a.bytes();
      for (let p = 0; p < b.length; p += isz) {
        for (let i = 0, j = isz - 1; i < j; i++, j--) {
          const t = b[p + i];
          b[p + i] = b[p + j];
          b[p + j] = t;
        }
      }
      return Py_None;
    }) as Fn,
    doc: "Byteswap all items of the array.\n\nIf the items in the array are not 1, 2, 4, or 8 bytes in size, RuntimeError is\nraised.",
  },
  {
    name: "clear",
    kind: "noargs",
    fn: ((s: PyObject) => (asArray(s).resize(0), Py_None)) as Fn,
    doc: "Remove all items from the array.",
  },
  { name: "__copy__", kind: "noargs", fn: copyArray as Fn, doc: "Return a copy of the array." },
  { name: "__deepcopy__", kind: "o", fn: copyArray as Fn, doc: "Return a copy of the array." },
  {
    name: "count",
    kind: "o",
    fn: ((s: PyObject, v: PyObject) => {
      const a = asArray(s);
      let c = 0;
      for (let i = 0; i < a.len; i++) if (PyObject_RichCompareBool(a.get(i), v, Py_EQ)) c++;
      return c;
    }) as Fn,
    doc: "Return number of occurrences of v in the array.",
  },
  {
    name: "extend",
    kind: "o",
    fn: ((s: PyObject, bb: PyObject) => {
      const a = asArray(s);
      if (isArray(bb)) extendArray(a, bb);
      else iterExtend(a, PyObject_GetIter(bb));
      return Py_None;
    }) as Fn,
    doc: "Append items to the end of the array.",
  },
  {
    name: "frombytes",
    kind: "o",
    fn: ((s: PyObject, b: PyObject) => (withBuffer(b, (bytes) => frombytes(asArray(s), bytes)), Py_None)) as Fn,
    doc: "Appends items from the string, interpreting it as an array of machine values, as if it had been read from a file using the fromfile() method.",
  },
  {
    name: "fromfile",
    kind: "fast",
    fn: ((s: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null) => {
      const [f, nObj] = definingClassArgs("fromfile", ["f", "n"], args, start, nargs, kw);
      const a = asArray(s);
      const n = ssizeArg(nObj);
      if (n < 0) throw valueError("negative count");
      const isz = a.descr.itemsize;
      if (n > Number.MAX_SAFE_INTEGER / isz) throw PyErr_Format(PyExc_MemoryError, "");
      const nbytes = n * isz;
      const b = PyObject_CallMethod(f, "read", nbytes);
      if (!(b instanceof PyBytes)) throw typeError("read() didn't return bytes");
      const notEnough = b.value.length !== nbytes;
      frombytes(a, b.value);
      if (notEnough) throw PyErr_Format(PyExc_EOFError, "read() didn't return enough bytes");
      return Py_None;
    }) as Fn,
    doc: "Read n objects from the file object f and append them to the end of the array.",
  },
  {
    name: "fromlist",
    kind: "o",
    fn: ((s: PyObject, list: PyObject) => {
      const a = asArray(s);
      if (!(list instanceof PyList)) throw typeError("arg must be list");
      const items = list.items;
      const m = items.length;
      if (m === 0) return Py_None;
      const old = a.len;
      a.resize(old + m);
      try {
        for (let i = 0; i < m; i++) {
          a.set(old + i, list.items[i]);
          if (m !== list.items.length) throw runtimeError("list changed size during iteration");
        }
      } catch (e) {
        a.resize(old);
        throw e;
      }
      return Py_None;
    }) as Fn,
    doc: "Append items to array from list.",
  },
  {
    name: "fromunicode",
    kind: "o",
    fn: ((s: PyObject, u: PyObject) => {
      const a = asArray(s);
      const str = asStr(u);
      if (str === null) throw typeError(`fromunicode() argument must be str, not ${Py_TYPE(u).tp_name}`);
      if (a.descr.kind !== "unicode") {
        throw valueError("fromunicode() may only be called on unicode type arrays ('u' or 'w')");
      }
      fromunicode(a, str);
      return Py_None;
    }) as Fn,
    doc: "Extends this array with data from the unicode string ustr.\n\nThe array must be a unicode type array; otherwise a ValueError is raised.\nUse array.frombytes(ustr.encode(...)) to append Unicode data to an array of\nsome other type.",
  },
  {
    name: "index",
    kind: "fast",
    fn: ((s: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null) => {
      const a = asArray(s);
      noKw("index", kw);
      checkPositional("index", nargs, 1, 3);
      const v = args[start];
      const lo = nargs > 1 ? args[start + 1] : null;
      const hi = nargs > 2 ? args[start + 2] : null;
      let i = lo === null ? 0 : sliceIndexArg(lo);
      let stop = hi === null ? Number.MAX_SAFE_INTEGER : sliceIndexArg(hi);
      if (i < 0) {
        i += a.len;
        if (i < 0) i = 0;
      }
      if (stop < 0) stop += a.len;
      for (; i < stop && i < a.len; i++) if (PyObject_RichCompareBool(a.get(i), v, Py_EQ)) return i;
      throw valueError("array.index(x): x not in array");
    }) as Fn,
    doc: "Return index of first occurrence of v in the array.\n\nRaise ValueError if the value is not present.",
  },
  {
    name: "insert",
    kind: "fast",
    fn: ((s: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null) => {
      noKw("insert", kw);
      checkPositional("insert", nargs, 2, 2);
      const a = asArray(s);
      let i = ssizeArg(args[start]);
      const x = a.descr.conv(args[start + 1]);
      const n = a.len;
      if (i < 0) {
        i += n;
        if (i < 0) i = 0;
      }
      if (i > n) i = n;
      a.resize(n + 1);
      a.data.copyWithin(i + 1, i, n);
      (a.data as { [k: number]: number | bigint })[i] = x;
      return Py_None;
    }) as Fn,
    doc: "Insert a new item v into the array before position i.",
  },
  {
    name: "pop",
    kind: "fast",
    fn: ((s: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null) => {
      noKw("pop", kw);
      checkPositional("pop", nargs, 0, 1);
      const a = asArray(s);
      let i = nargs ? ssizeArg(args[start]) : -1;
      if (a.len === 0) throw indexError("pop from empty array");
      if (i < 0) i += a.len;
      if (i < 0 || i >= a.len) throw indexError("pop index out of range");
      const v = a.get(i);
      removeAt(a, i);
      return v;
    }) as Fn,
    doc: "Return the i-th element and delete it from the array.\n\ni defaults to -1.",
  },
  {
    name: "__reduce_ex__",
    kind: "fast",
    fn: ((s: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null) => {
      definingClassArgs("__reduce_ex__", ["value"], args, start, nargs, kw);
      const value = args[start];
      if (!PyObject_TypeCheck(value, PyLong_Type)) throw typeError("__reduce_ex__ argument should be an integer");
      return reduceEx(s, PyLong_AsLong(value));
    }) as Fn,
    doc: "Return state information for pickling.",
  },
  {
    name: "remove",
    kind: "o",
    fn: ((s: PyObject, v: PyObject) => {
      const a = asArray(s);
      for (let i = 0; i < a.len; i++) {
        if (PyObject_RichCompareBool(a.get(i), v, Py_EQ)) {
          removeAt(a, i);
          return Py_None;
        }
      }
      throw valueError("array.remove(x): x not in array");
    }) as Fn,
    doc: "Remove the first occurrence of v in the array.",
  },
  {
    name: "reverse",
    kind: "noargs",
    fn: ((s: PyObject) => (asArray(s).data.subarray(0, asArray(s).len).reverse(), Py_None)) as Fn,
    doc: "Reverse the order of the items in the array.",
  },
  {
    name: "tofile",
    kind: "fast",
    fn: ((s: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null) => {
      const [f] = definingClassArgs("tofile", ["f"], args, start, nargs, kw);
      const a = asArray(s);
      const all = a.bytes();
      if (all.length === 0) return Py_None;
      const write = PyObject_GetAttr(f, "write");
      for (let p = 0; p < all.length; p += BLOCKSIZE) {
        const chunk = new PyBytes(a.bytes().slice(p, p + BLOCKSIZE));
        PyObject_Vectorcall(write, [chunk], 0, 1, null);
      }
      return Py_None;
    }) as Fn,
    doc: "Write all items (as machine values) to the file object f.",
  },
  { name: "tolist", kind: "noargs", fn: ((s: PyObject) => arrayToList(asArray(s))) as Fn, doc: "Convert array to an ordinary list with the same items." },
  {
    name: "tobytes",
    kind: "noargs",
    fn: ((s: PyObject) => new PyBytes(asArray(s).bytes().slice())) as Fn,
    doc: "Convert the array to an array of machine values and return the bytes representation.",
  },
  {
    name: "tounicode",
    kind: "noargs",
    fn: ((s: PyObject) => {
      const a = asArray(s);
      if (a.descr.kind !== "unicode") throw valueError("tounicode() may only be called on unicode type arrays ('u' or 'w')");
      return arrayToUnicode(a);
    }) as Fn,
    doc: "Extends this array with data from the unicode string ustr.\n\nConvert the array to a unicode string.  The array must be a unicode type array;\notherwise a ValueError is raised.  Use array.tobytes().decode() to obtain a\nunicode string from an array of some other type.",
  },
  {
    name: "__sizeof__",
    kind: "noargs",
    fn: ((s: PyObject) => 64 + asArray(s).data.length * asArray(s).descr.itemsize) as Fn,
    doc: "Size of the array in memory, in bytes.",
  },
  { name: "__class_getitem__", kind: "o", binding: "class", fn: ((cls: PyObject, item: PyObject) => _genericAlias(cls, item)) as Fn },
];

T.tp_getset = [
  { name: "typecode", get: (s) => asArray(s).descr.typecode, doc: "the typecode character used to create the array" },
  { name: "itemsize", get: (s) => asArray(s).descr.itemsize, doc: "the size, in bytes, of one array item" },
];

// --- buffer protocol -------------------------------------------------------------------------------

T.bf_getbuffer = (v) => {
  const a = asArray(v);
  const d = a.descr;
  const view: Py_buffer = {
    obj: a, buf: new Uint8Array(a.data.buffer), offset: 0, len: a.len * d.itemsize, itemsize: d.itemsize, readonly: false,
    format: d.format, ndim: 1, shape: [a.len], strides: [d.itemsize],
  };
  a.exports++;
  return view;
};
T.bf_releasebuffer = (v) => {
  asArray(v).exports--;
};

// --- iterator --------------------------------------------------------------------------------------

class PyArrayIter extends PyObjectBase {
  index = 0;
  constructor(public ao: PyArray | null) {
    super();
  }
}
const ArrayIter_Type = newStaticType("array.arrayiterator", PyBaseObject_Type, 0);
PyArrayIter.prototype.ob_type = ArrayIter_Type;
T.tp_iter = (v) => new PyArrayIter(asArray(v));
ArrayIter_Type.tp_iter = (v) => v;
ArrayIter_Type.tp_iternext = (v) => {
  const it = v as PyArrayIter;
  const a = it.ao;
  if (a === null) return null;
  if (it.index < a.len) return a.get(it.index++);
  it.ao = null;
  return null;
};
ArrayIter_Type.tp_methods = [
  {
    name: "__reduce__",
    kind: "noargs",
    fn: ((v: PyObject) => {
      const it = v as PyArrayIter;
      const iterFn = builtinsDict.getStr("iter") as PyObject;
      if (it.ao === null) return new PyTuple([iterFn, new PyTuple([new PyTuple([])])]);
      return new PyTuple([iterFn, new PyTuple([it.ao]), it.index]);
    }) as Fn,
    doc: "Return state information for pickling.",
  },
  {
    name: "__setstate__",
    kind: "o",
    fn: ((v: PyObject, state: PyObject) => {
      const it = v as PyArrayIter;
      let index = ssizeArg(state);
      if (it.ao !== null) {
        if (index < 0) index = 0;
        else if (index > it.ao.len) index = it.ao.len;
        it.index = index;
      }
      return Py_None;
    }) as Fn,
    doc: "Set state information for unpickling.",
  },
];


// --- _array_reconstructor --------------------------------------------------------------------------

/** Decodes `items` with machine format `code` into Python values, or a str for UTF-16/32 codes. */
function decodeMformat(code: number, items: Uint8Array): PyObject[] | string {
  const [size, signed, big] = MFORMAT_DESCR[code];
  const dv = new DataView(items.buffer, items.byteOffset, items.byteLength);
  const n = items.length / size;
  const le = !big;
  if (code >= 18) {
    // UTF-16 / UTF-32 (decoded as a whole; the table's item sizes are twice the code unit)
    let s = "";
    if (code <= 19) {
      for (let p = 0; p + 1 < items.length; p += 2) s += String.fromCharCode(dv.getUint16(p, le));
      return s;
    }
    for (let p = 0; p + 3 < items.length; p += 4) {
      const c = dv.getUint32(p, le);
      if (c > 0x10ffff) {
        throw newUnicodeDecodeError(le ? "utf-32-le" : "utf-32-be", items, p, p + 4, "code point not in range(0x110000)");
      }
      s += String.fromCodePoint(c);
    }
    return s;
  }
  const out = new Array<PyObject>(n);
  for (let i = 0; i < n; i++) {
    const p = i * size;
    if (code >= 14) out[i] = new PyFloat(size === 4 ? dv.getFloat32(p, le) : dv.getFloat64(p, le));
    else if (size === 1) out[i] = signed ? dv.getInt8(p) : dv.getUint8(p);
    else if (size === 2) out[i] = signed ? dv.getInt16(p, le) : dv.getUint16(p, le);
    else if (size === 4) out[i] = signed ? dv.getInt32(p, le) : dv.getUint32(p, le);
    else {
      const b = signed ? dv.getBigInt64(p, le) : dv.getBigUint64(p, le);
      out[i] = b >= -9007199254740991n && b <= 9007199254740991n ? Number(b) : b;
    }
  }
  return out;
}

function newUnicodeDecodeError(enc: string, input: Uint8Array, start: number, end: number, reason: string) {
  return newException(PyExc_UnicodeDecodeError, [enc, new PyBytes(input.slice()), start, end, reason]);
}

const reconstructorArgs = new ArgParser("_array_reconstructor", ["arraytype", "typecode", "mformat_code", "items"], {
  posonly: 4, required: 4,
});
function arrayReconstructor(_m: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null): PyObject {
  if (kw !== null && kw.items.length) throw typeError("_array_reconstructor() takes no keyword arguments");
  if (nargs !== 4) checkPositional("_array_reconstructor", nargs, 4, 4);
  const [arraytype, tcObj, mformatObj, items] = reconstructorArgs.parse(args, start, nargs, kw) as PyObject[];
  const typecode = typecodeArg("_array_reconstructor()", 2, tcObj, true);
  const mformat = ssizeArg(mformatObj);
  if (!PyObject_TypeCheck(arraytype, PyType_Type)) {
    throw typeError(`first argument must be a type object, not ${Py_TYPE(arraytype).tp_name}`);
  }
  if (!PyType_IsSubtype(arraytype as PyTypeObject, PyArray_Type)) {
    throw typeError(`${(arraytype as PyTypeObject).tp_name} is not a subtype of array.array`);
  }
  let descr: ArrayDescr | null = findDescr(typecode);
  if (descr === null) throw valueError("second argument must be a valid type code");
  if (mformat < 0 || mformat > MACHINE_FORMAT_CODE_MAX) throw valueError("third argument must be a valid machine format code.");
  if (!PyObject_TypeCheck(items, PyBytes_Type)) throw typeError(`fourth argument should be bytes, not ${Py_TYPE(items).tp_name}`);
  const bytes = (items as PyBytes).value;
  const make = (init: PyObject): PyObject => PyObject_Vectorcall(arraytype, [(descr as ArrayDescr).typecode, init], 0, 2, null);
  if (mformat === descr.mformat) return make(items);
  const size = MFORMAT_DESCR[mformat][0];
  if (bytes.length % size !== 0) throw valueError("string length not a multiple of item size");
  const decoded = decodeMformat(mformat, bytes);
  if (typeof decoded === "string") return make(decoded);
  if (mformat < 14) {
    // integers: the typecode of this size and signedness
    const [, signed] = MFORMAT_DESCR[mformat];
    for (const x of DESCRIPTORS) {
      if ((x.kind === "int" || x.kind === "big") && x.itemsize === size && x.signed === signed) descr = x;
    }
  }
  return make(new PyList(decoded));
}
const RECONSTRUCTOR = newBuiltinFunction("_array_reconstructor", arrayReconstructor, "array", "Internal. Used for pickling support.");

const MODULE_DOC =
  "This module defines an object type which can efficiently represent\nan array of basic values: characters, integers, floating-point\n" +
  "numbers.  Arrays are sequence types and behave very much like lists,\nexcept that the type of objects stored in them is constrained.\n";

export function initArray(): PyModule {
  const m = new PyModule("array", MODULE_DOC);
  const d = m.dict;
  d.setStr("_array_reconstructor", RECONSTRUCTOR);
  d.setStr("array", PyArray_Type);
  d.setStr("ArrayType", PyArray_Type);
  d.setStr("typecodes", TYPECODES);
  return m;
}

