// CPython: Objects/listobject.c (and the shared sequence helpers tuple and list use)
import { unicodeCompare } from "./unicodeobject.js";
import {
  PyObjectBase, type PyObject, type PyMethodDef, newStaticType, PyBaseObject_Type, Py_None, Py_NotImplemented,
  Py_TPFLAGS_BASETYPE, Py_TPFLAGS_LIST_SUBCLASS, Py_TYPE, Py_EQ, Py_NE, Py_LT,
} from "./object.js";
import { PyTuple } from "./tupleobject.js";
import {
  PyObject_RichCompareBool, PyObject_RichCompare, PyObject_Repr, iterableToArray, PyNumber_AsSsize_t,
  PyIndex_Check, PyObject_Vectorcall, PyObject_IsTrue,
} from "./abstract.js";
import { PySlice, sliceIndices } from "./sliceobject.js";
import { typeError, indexError, valueError } from "../python/errors.js";
import { ArgParser, checkPositional } from "../python/getargs.js";
import { reprEnter, reprLeave } from "./reprguard.js";
import { _genericAlias } from "./dictobject.js";

export class PyList extends PyObjectBase {
  constructor(public items: PyObject[]) {
    super();
  }
}
export const PyList_Type = newStaticType("list", PyBaseObject_Type, Py_TPFLAGS_BASETYPE | Py_TPFLAGS_LIST_SUBCLASS);
PyList.prototype.ob_type = PyList_Type;

// --- shared sequence helpers -------------------------------------------------------------------------

/** Python index -> array position, raising IndexError "<what> index out of range". */
export function seqIndex(key: PyObject, length: number, what: string): number {
  let i = PyNumber_AsSsize_t(key, "index");
  if (i < 0) i += length;
  if (i < 0 || i >= length) throw indexError(`${what} index out of range`);
  return i;
}

export function seqSlice<T>(items: readonly T[], s: PySlice): T[] {
  const [start, , step, n] = sliceIndices(s, items.length);
  if (step === 1) return items.slice(start, start + n);
  const out = new Array<T>(n);
  for (let i = 0, j = start; i < n; i++, j += step) out[i] = items[j];
  return out;
}

/** Lexicographic rich comparison of two item arrays (CPython: list_richcompare/tuplerichcompare). */
export function seqRichCompare(a: readonly PyObject[], b: readonly PyObject[], op: number): PyObject {
  if (a.length !== b.length && (op === Py_EQ || op === Py_NE)) return op === Py_NE;
  const n = Math.min(a.length, b.length);
  let i = 0;
  for (; i < n; i++) {
    if (!PyObject_RichCompareBool(a[i], b[i], Py_EQ)) break;
  }
  if (i >= a.length || i >= b.length) {
    const c = a.length - b.length;
    switch (op) {
      case 0:
        return c < 0;
      case 1:
        return c <= 0;
      case 2:
        return c === 0;
      case 3:
        return c !== 0;
      case 4:
        return c > 0;
      default:
        return c >= 0;
    }
  }
  if (op === Py_EQ) return false;
  if (op === Py_NE) return true;
  return PyObject_RichCompare(a[i], b[i], op);
}

export function seqContains(items: readonly PyObject[], x: PyObject): boolean {
  for (let i = 0; i < items.length; i++) {
    const y = items[i];
    if (y === x || PyObject_RichCompareBool(y, x, Py_EQ)) return true;
  }
  return false;
}

export function seqRepeat<T>(items: readonly T[], n: number): T[] {
  if (n <= 0 || items.length === 0) return [];
  if (items.length * n > 2 ** 32) throw new RangeError("Invalid array length");
  const out = new Array<T>(items.length * n);
  for (let k = 0; k < n; k++) for (let i = 0; i < items.length; i++) out[k * items.length + i] = items[i];
  return out;
}

export function seqRepr(items: readonly PyObject[], open: string, close: string): string {
  const parts = new Array<string>(items.length);
  for (let i = 0; i < items.length; i++) parts[i] = PyObject_Repr(items[i]);
  return open + parts.join(", ") + close;
}

const indexArgs = (name: string) => new ArgParser(name, ["value", "start", "stop"], { posonly: 3, required: 1 });

/** seq.index(value[, start[, stop]]) search; -1 if not found. */
export function seqIndexOf(items: readonly PyObject[], args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null, parser: ArgParser): number {
  const [value, a, b] = parser.parse(args, start, nargs, kw);
  const n = items.length;
  let lo = a === null ? 0 : PyNumber_AsSsize_t(a, "clamp");
  let hi = b === null ? n : PyNumber_AsSsize_t(b, "clamp");
  if (lo < 0) lo = Math.max(0, lo + n);
  if (hi < 0) hi = Math.max(0, hi + n);
  for (let i = lo; i < Math.min(hi, items.length); i++) {
    if (items[i] === value || PyObject_RichCompareBool(items[i], value as PyObject, Py_EQ)) return i;
  }
  return -1;
}

export function seqCount(items: readonly PyObject[], x: PyObject): number {
  let c = 0;
  for (const y of items) if (y === x || PyObject_RichCompareBool(y, x, Py_EQ)) c++;
  return c;
}

// --- sorting (stable, using only "<" like CPython's listsort) -------------------------------------------

function lt(a: PyObject, b: PyObject): boolean {
  if (typeof a === "number" && typeof b === "number") return a < b;
  // by code point: JS's < orders astral characters below U+E000..U+FFFF
  if (typeof a === "string" && typeof b === "string") return unicodeCompare(a, b) < 0;
  return PyObject_RichCompareBool(a, b, Py_LT);
}

/** Sorts keys stably and applies the same permutation to values. */
function mergeSort(keys: PyObject[], vals: PyObject[] | null): void {
  const n = keys.length;
  if (n < 2) return;
  // binary insertion sort for small runs, then bottom-up merges
  const RUN = 32;
  for (let lo = 0; lo < n; lo += RUN) {
    const hi = Math.min(lo + RUN, n);
    for (let i = lo + 1; i < hi; i++) {
      const k = keys[i];
      const v = vals ? vals[i] : null;
      let l = lo;
      let r = i;
      while (l < r) {
        const m = (l + r) >> 1;
        if (lt(k, keys[m])) r = m;
        else l = m + 1;
      }
      for (let j = i; j > l; j--) {
        keys[j] = keys[j - 1];
        if (vals) vals[j] = vals[j - 1];
      }
      keys[l] = k;
      if (vals) vals[l] = v as PyObject;
    }
  }
  let srcK = keys;
  let srcV = vals;
  let dstK = new Array<PyObject>(n);
  let dstV = vals ? new Array<PyObject>(n) : null;
  for (let width = RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        if (lt(srcK[j], srcK[i])) {
          dstK[k] = srcK[j];
          if (dstV) dstV[k] = (srcV as PyObject[])[j];
          j++;
        } else {
          dstK[k] = srcK[i];
          if (dstV) dstV[k] = (srcV as PyObject[])[i];
          i++;
        }
        k++;
      }
      while (i < mid) {
        dstK[k] = srcK[i];
        if (dstV) dstV[k] = (srcV as PyObject[])[i];
        i++;
        k++;
      }
      while (j < hi) {
        dstK[k] = srcK[j];
        if (dstV) dstV[k] = (srcV as PyObject[])[j];
        j++;
        k++;
      }
    }
    [srcK, dstK] = [dstK, srcK];
    [srcV, dstV] = [dstV, srcV];
  }
  if (srcK !== keys) {
    for (let i = 0; i < n; i++) keys[i] = srcK[i];
    if (vals) for (let i = 0; i < n; i++) vals[i] = (srcV as PyObject[])[i];
  }
}

/** Sorts items in place (CPython: list.sort(key=, reverse=)). */
export function listSort(list: PyList, key: PyObject, reverse: boolean): void {
  const items = list.items;
  list.items = []; // CPython empties the list while sorting to detect mutation
  try {
    if (reverse) items.reverse();
    if (key === Py_None) mergeSort(items, null);
    else {
      const keys = items.map((x) => PyObject_Vectorcall(key, [x], 0, 1, null));
      mergeSort(keys, items);
    }
    if (reverse) items.reverse();
  } finally {
    const modified = list.items.length !== 0;
    list.items = items;
    if (modified) throw valueError("list modified during sort");
  }
}

// --- list type ---------------------------------------------------------------------------------------

const T = PyList_Type;
const asList = (v: PyObject): PyList => v as PyList;

T.tp_new = (type) => {
  const l = new PyList([]);
  if (type !== PyList_Type) l.ob_type = type;
  return l;
};
T.tp_init = (self, args, start, nargs, kwnames) => {
  if (kwnames !== null && kwnames.items.length && Py_TYPE(self) === PyList_Type) throw typeError("list() takes no keyword arguments");
  checkPositional("list", nargs, 0, 1);
  asList(self).items = nargs === 1 ? iterableToArray(args[start]) : [];
};
T.tp_repr = (v) => {
  const l = asList(v);
  if (l.items.length === 0) return "[]";
  if (!reprEnter(l)) return "[...]";
  try {
    return seqRepr(l.items, "[", "]");
  } finally {
    reprLeave(l);
  }
};
T.sq_length = (v) => asList(v).items.length;
T.sq_contains = (v, x) => seqContains(asList(v).items, x);
T.sq_concat = (v, w) => {
  if (!(w instanceof PyList)) throw typeError(`can only concatenate list (not "${Py_TYPE(w).tp_name}") to list`);
  return new PyList(asList(v).items.concat(w.items));
};
T.sq_repeat = (v, n) => new PyList(seqRepeat(asList(v).items, n));
T.sq_inplace_concat = (v, w) => {
  const l = asList(v);
  const add = w === v ? l.items.slice() : iterableToArray(w);
  for (const x of add) l.items.push(x);
  return l;
};
T.sq_inplace_repeat = (v, n) => {
  const l = asList(v);
  l.items = seqRepeat(l.items, n);
  return l;
};
T.sq_item = (v, i) => {
  const items = asList(v).items;
  if (i < 0 || i >= items.length) throw indexError("list index out of range");
  return items[i];
};
T.mp_length = (v) => asList(v).items.length;
T.mp_subscript = (v, key) => {
  const items = asList(v).items;
  if (typeof key === "number") {
    const i = key < 0 ? key + items.length : key;
    if (i < 0 || i >= items.length) throw indexError("list index out of range");
    return items[i];
  }
  if (key instanceof PySlice) return new PyList(seqSlice(items, key));
  if (PyIndex_Check(key)) return items[seqIndex(key, items.length, "list")];
  throw typeError(`list indices must be integers or slices, not ${Py_TYPE(key).tp_name}`);
};
T.mp_ass_subscript = (v, key, value) => {
  const l = asList(v);
  const items = l.items;
  if (key instanceof PySlice) {
    listAssSlice(l, key, value);
    return;
  }
  if (!PyIndex_Check(key)) throw typeError(`list indices must be integers or slices, not ${Py_TYPE(key).tp_name}`);
  let i = PyNumber_AsSsize_t(key, "index");
  if (i < 0) i += items.length;
  if (i < 0 || i >= items.length) throw indexError(`list assignment index out of range`);
  if (value === null) items.splice(i, 1);
  else items[i] = value;
};

function listAssSlice(l: PyList, s: PySlice, value: PyObject | null): void {
  const items = l.items;
  const [start, stop, step, n] = sliceIndices(s, items.length);
  if (value === null) {
    if (step === 1) {
      items.splice(start, n);
      return;
    }
    const drop = new Set<number>();
    for (let i = 0, j = start; i < n; i++, j += step) drop.add(j);
    l.items = items.filter((_, i) => !drop.has(i));
    return;
  }
  const vt = Py_TYPE(value);
  if (vt.tp_iter === null && vt.sq_item === null) {
    throw typeError("must assign iterable to extended slice");
  }
  const seq = value === l ? items.slice() : iterableToArray(value);
  if (step === 1) {
    const end = Math.max(start, stop);
    items.splice(start, end - start, ...seq);
    return;
  }
  if (seq.length !== n) {
    throw valueError(`attempt to assign sequence of size ${seq.length} to extended slice of size ${n}`);
  }
  for (let i = 0, j = start; i < n; i++, j += step) items[j] = seq[i];
}

T.tp_richcompare = (v, w, op) => {
  if (!(w instanceof PyList)) return Py_NotImplemented;
  return seqRichCompare(asList(v).items, w.items, op);
};
T.tp_hash = null;
T.tp_iter = (v) => new PyListIter(asList(v));

const listIndexArgs = indexArgs("index");
const insertArgs = new ArgParser("insert", ["index", "object"], { posonly: 2, required: 2 });
const popArgs = new ArgParser("pop", ["index"], { posonly: 1 });
const sortArgs = new ArgParser("sort", ["key", "reverse"], { kwonlyStart: 0 });

T.tp_methods = [
  {
    name: "append",
    kind: "o",
    fn: ((self: PyObject, x: PyObject) => {
      asList(self).items.push(x);
      return Py_None;
    }) as PyMethodDef["fn"],
  },
  {
    name: "extend",
    kind: "o",
    fn: ((self: PyObject, x: PyObject) => {
      const l = asList(self);
      const add = x === self ? l.items.slice() : iterableToArray(x);
      for (const y of add) l.items.push(y);
      return Py_None;
    }) as PyMethodDef["fn"],
  },
  {
    name: "insert",
    kind: "fast",
    fn: ((self: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null) => {
      const [idx, obj] = insertArgs.parse(args, start, nargs, kw);
      const items = asList(self).items;
      let i = PyNumber_AsSsize_t(idx as PyObject, "clamp");
      if (i < 0) i = Math.max(0, i + items.length);
      if (i > items.length) i = items.length;
      items.splice(i, 0, obj as PyObject);
      return Py_None;
    }) as PyMethodDef["fn"],
  },
  {
    name: "pop",
    kind: "fast",
    fn: ((self: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null) => {
      const [idx] = popArgs.parse(args, start, nargs, kw);
      const items = asList(self).items;
      if (items.length === 0) throw indexError("pop from empty list");
      if (idx === null) return items.pop() as PyObject;
      let i = PyNumber_AsSsize_t(idx, "index");
      if (i < 0) i += items.length;
      if (i < 0 || i >= items.length) throw indexError("pop index out of range");
      return items.splice(i, 1)[0];
    }) as PyMethodDef["fn"],
  },
  {
    name: "remove",
    kind: "o",
    fn: ((self: PyObject, x: PyObject) => {
      const items = asList(self).items;
      for (let i = 0; i < items.length; i++) {
        if (items[i] === x || PyObject_RichCompareBool(items[i], x, Py_EQ)) {
          items.splice(i, 1);
          return Py_None;
        }
      }
      throw valueError("list.remove(x): x not in list");
    }) as PyMethodDef["fn"],
  },
  {
    name: "index",
    kind: "fast",
    fn: ((self: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null) => {
      const i = seqIndexOf(asList(self).items, args, start, nargs, kw, listIndexArgs);
      if (i < 0) throw valueError("list.index(x): x not in list");
      return i;
    }) as PyMethodDef["fn"],
  },
  { name: "count", kind: "o", fn: ((self: PyObject, x: PyObject) => seqCount(asList(self).items, x)) as PyMethodDef["fn"] },
  {
    name: "clear",
    kind: "noargs",
    fn: ((self: PyObject) => {
      asList(self).items = [];
      return Py_None;
    }) as PyMethodDef["fn"],
  },
  { name: "copy", kind: "noargs", fn: ((self: PyObject) => new PyList(asList(self).items.slice())) as PyMethodDef["fn"] },
  {
    name: "reverse",
    kind: "noargs",
    fn: ((self: PyObject) => {
      asList(self).items.reverse();
      return Py_None;
    }) as PyMethodDef["fn"],
  },
  {
    name: "sort",
    kind: "fast",
    fn: ((self: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null) => {
      const [key, reverse] = sortArgs.parse(args, start, nargs, kw);
      listSort(asList(self), key ?? Py_None, reverse !== null && PyObject_IsTrue(reverse));
      return Py_None;
    }) as PyMethodDef["fn"],
  },
  {
    name: "__reversed__",
    kind: "noargs",
    fn: ((self: PyObject) => new PyListRevIter(asList(self))) as PyMethodDef["fn"],
  },
  {
    name: "__class_getitem__",
    kind: "o",
    binding: "class",
    fn: ((cls: PyObject, item: PyObject) => _genericAlias(cls, item)) as PyMethodDef["fn"],
  },
  { name: "__sizeof__", kind: "noargs", fn: ((self: PyObject) => 40 + 8 * asList(self).items.length) as PyMethodDef["fn"] },
];

// --- iterators ------------------------------------------------------------------------------------------

export class PyListIter extends PyObjectBase {
  index = 0;
  constructor(public list: PyList | null) {
    super();
  }
}
export const PyListIter_Type = newStaticType("list_iterator", PyBaseObject_Type, 0);
PyListIter.prototype.ob_type = PyListIter_Type;
PyListIter_Type.tp_iter = (v) => v;
PyListIter_Type.tp_iternext = (v) => {
  const it = v as PyListIter;
  const l = it.list;
  if (l === null) return null;
  if (it.index < l.items.length) return l.items[it.index++];
  it.list = null;
  return null;
};
PyListIter_Type.tp_methods = [
  {
    name: "__length_hint__",
    kind: "noargs",
    fn: ((v: PyObject) => {
      const it = v as PyListIter;
      return it.list === null ? 0 : Math.max(0, it.list.items.length - it.index);
    }) as PyMethodDef["fn"],
  },
];

export class PyListRevIter extends PyObjectBase {
  index: number;
  constructor(public list: PyList | null) {
    super();
    this.index = list === null ? -1 : list.items.length - 1;
  }
}
export const PyListRevIter_Type = newStaticType("list_reverseiterator", PyBaseObject_Type, 0);
PyListRevIter.prototype.ob_type = PyListRevIter_Type;
PyListRevIter_Type.tp_iter = (v) => v;
PyListRevIter_Type.tp_iternext = (v) => {
  const it = v as PyListRevIter;
  const l = it.list;
  if (l === null) return null;
  if (it.index >= 0 && it.index < l.items.length) return l.items[it.index--];
  it.list = null;
  return null;
};
PyListRevIter_Type.tp_methods = [
  {
    name: "__length_hint__",
    kind: "noargs",
    fn: ((v: PyObject) => {
      const it = v as PyListRevIter;
      return it.list === null ? 0 : Math.min(it.index + 1, it.list.items.length);
    }) as PyMethodDef["fn"],
  },
];

/** CPython: PyList_Append. */
export function PyList_Append(list: PyList, v: PyObject): void {
  list.items.push(v);
}

/** list.extend(iterable) (CPython: _PyList_Extend). */
export function _PyList_Extend(list: PyList, iterable: PyObject): void {
  const add = iterable === list ? list.items.slice() : iterableToArray(iterable);
  for (const x of add) list.items.push(x);
}
