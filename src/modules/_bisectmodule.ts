// CPython: Modules/_bisectmodule.c — bisect_left/right and insort_left/right, with lo/hi bounds and
// an optional key function. Exact lists are read directly; other sequences through __getitem__.
import { type PyObject, Py_None, Py_LT, Py_TYPE } from "../objects/object.js";
import { PyModule } from "../objects/moduleobject.js";
import type { PyTuple } from "../objects/tupleobject.js";
import { PyList, PyList_Type } from "../objects/listobject.js";
import {
  PyObject_RichCompareBool, PyObject_Size, PyObject_GetItem, PyObject_CallOneArg, PyObject_CallMethod, PyIndex_Check,
  PyNumber_Index, PyNumber_AsSsize_t,
} from "../objects/abstract.js";
import { typeError, valueError, indexError, overflowError } from "../python/errors.js";
import { ArgParser } from "../python/getargs.js";
import { newBuiltinFunction } from "../objects/methodobject.js";

/** A Py_ssize_t argument (CPython: the clinic Py_ssize_t converter). */
function ssizeArg(v: PyObject): number {
  const n = PyNumber_Index(v);
  if (typeof n !== "number") throw overflowError("Python int too large to convert to C ssize_t");
  return n;
}

/** hi: an int or None, -1 standing for None (CPython: _Py_convert_optional_to_ssize_t). */
function optionalSsizeArg(v: PyObject | null): number {
  if (v === null || v === Py_None) return -1;
  if (!PyIndex_Check(v)) throw typeError(`argument should be integer or None, not '${Py_TYPE(v).tp_name}'`);
  return PyNumber_AsSsize_t(v, "overflow");
}

function itemAt(seq: PyObject, i: number): PyObject {
  if (seq instanceof PyList) {
    const items = seq.items;
    if (i >= items.length) throw indexError("list index out of range");
    return items[i];
  }
  return PyObject_GetItem(seq, i);
}

/** CPython: internal_bisect_right / internal_bisect_left. */
function internalBisect(seq: PyObject, item: PyObject, lo: number, hi: number, key: PyObject, right: boolean): number {
  if (lo < 0) throw valueError("lo must be non-negative");
  if (hi === -1) hi = PyObject_Size(seq);
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    let litem = itemAt(seq, mid);
    if (key !== Py_None) litem = PyObject_CallOneArg(key, litem);
    if (right) {
      if (PyObject_RichCompareBool(item, litem, Py_LT)) hi = mid;
      else lo = mid + 1;
    } else if (PyObject_RichCompareBool(litem, item, Py_LT)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

type Fast = (s: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null) => PyObject;

function makeBisect(name: string, right: boolean, insort: boolean): Fast {
  const parser = new ArgParser(name, ["a", "x", "lo", "hi", "key"], { required: 2, kwonlyStart: 4 });
  return (_s, args, start, nargs, kw) => {
    let a: PyObject, x: PyObject;
    let lo = 0;
    let hi = -1;
    let key: PyObject = Py_None;
    if (kw === null && nargs === 2) {
      a = args[start];
      x = args[start + 1];
    } else {
      const r = parser.parse(args, start, nargs, kw);
      a = r[0] as PyObject;
      x = r[1] as PyObject;
      if (r[2] !== null) lo = ssizeArg(r[2]);
      hi = optionalSsizeArg(r[3]);
      if (r[4] !== null) key = r[4];
    }
    if (!insort) return internalBisect(a, x, lo, hi, key, right);
    const index = internalBisect(a, key === Py_None ? x : PyObject_CallOneArg(key, x), lo, hi, key, right);
    if (Py_TYPE(a) === PyList_Type) (a as PyList).items.splice(index, 0, x);
    else PyObject_CallMethod(a, "insert", index, x);
    return Py_None;
  };
}

const BOUNDS_DOC =
  "Optional args lo (default 0) and hi (default len(a)) bound the\nslice of a to be searched.\n\n" +
  "A custom key function can be supplied to customize the sort order.";

export function init_bisect(): PyModule {
  const m = new PyModule(
    "_bisect",
    "Bisection algorithms.\n\nThis module provides support for maintaining a list in sorted order without\n" +
      "having to sort the list after each insertion. For long lists of items with\nexpensive comparison " +
      "operations, this can be an improvement over the more\ncommon approach.\n",
  );
  const defs: [string, boolean, boolean, string][] = [
    [
      "bisect_right", true, false,
      "Return the index where to insert item x in list a, assuming a is sorted.\n\nThe return value i is such that all e in a[:i] have e <= x, and all e in\na[i:] have e > x.  So if x already appears in the list, a.insert(i, x)\nwill insert just after the rightmost x already there.\n\n",
    ],
    [
      "insort_right", true, true,
      "Insert item x in list a, and keep it sorted assuming a is sorted.\n\nIf x is already in a, insert it to the right of the rightmost x.\n\n",
    ],
    [
      "bisect_left", false, false,
      "Return the index where to insert item x in list a, assuming a is sorted.\n\nThe return value i is such that all e in a[:i] have e < x, and all e in\na[i:] have e >= x.  So if x already appears in the list, a.insert(i, x)\nwill insert just before the leftmost x already there.\n\n",
    ],
    [
      "insort_left", false, true,
      "Insert item x in list a, and keep it sorted assuming a is sorted.\n\nIf x is already in a, insert it to the left of the leftmost x.\n\n",
    ],
  ];
  for (const [name, right, insort, doc] of defs) {
    m.dict.setStr(name, newBuiltinFunction(name, makeBisect(name, right, insort), "_bisect", doc + BOUNDS_DOC));
  }
  return m;
}
