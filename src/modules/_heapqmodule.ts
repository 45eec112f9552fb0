// CPython: Modules/_heapqmodule.c — the heap operations on lists (min-heaps, and the max-heap
// variants that 3.14 made public). Items are compared with "<" only; a comparison that changes
// the list's size raises RuntimeError, as in CPython.
import { type PyObject, Py_None, Py_LT, Py_TYPE } from "../objects/object.js";
import { PyModule } from "../objects/moduleobject.js";
import type { PyTuple } from "../objects/tupleobject.js";
import { PyList } from "../objects/listobject.js";
import { PyObject_RichCompareBool } from "../objects/abstract.js";
import { typeError, indexError, runtimeError } from "../python/errors.js";
import { checkPositional } from "../python/getargs.js";
import { newBuiltinFunction } from "../objects/methodobject.js";

const sizeChanged = () => runtimeError("list changed size during iteration");

/** a < b for the min-heap, b < a for the max-heap. */
function before(a: PyObject, b: PyObject, max: boolean): boolean {
  if (typeof a === "number" && typeof b === "number") return max ? b < a : a < b;
  return max ? PyObject_RichCompareBool(b, a, Py_LT) : PyObject_RichCompareBool(a, b, Py_LT);
}

/** Moves heap[pos] up towards startpos (CPython: siftdown / siftdown_max). */
function siftdown(heap: PyList, startpos: number, pos: number, max: boolean): void {
  const size = heap.items.length;
  if (pos >= size) throw indexError("index out of range");
  let arr = heap.items;
  const newitem = arr[pos];
  while (pos > startpos) {
    const parentpos = (pos - 1) >> 1;
    const lt = before(newitem, arr[parentpos], max);
    arr = heap.items;
    if (size !== arr.length) throw sizeChanged();
    if (!lt) break;
    const parent = arr[parentpos];
    arr[parentpos] = arr[pos];
    arr[pos] = parent;
    pos = parentpos;
  }
}

/** Moves the smaller child up from pos to a leaf, then sifts down (CPython: siftup / siftup_max). */
function siftup(heap: PyList, pos: number, max: boolean): void {
  let arr = heap.items;
  const endpos = arr.length;
  const startpos = pos;
  if (pos >= endpos) throw indexError("index out of range");
  const limit = endpos >> 1;
  while (pos < limit) {
    let childpos = 2 * pos + 1;
    if (childpos + 1 < endpos) {
      if (!before(arr[childpos], arr[childpos + 1], max)) childpos++;
      arr = heap.items;
      if (endpos !== arr.length) throw sizeChanged();
    }
    const t = arr[childpos];
    arr[childpos] = arr[pos];
    arr[pos] = t;
    pos = childpos;
  }
  siftdown(heap, startpos, pos, max);
}

function heapPop(heap: PyList, max: boolean): PyObject {
  const arr = heap.items;
  if (arr.length === 0) throw indexError("index out of range");
  const last = arr.pop() as PyObject;
  if (arr.length === 0) return last;
  const ret = arr[0];
  arr[0] = last;
  siftup(heap, 0, max);
  return ret;
}

function heapReplace(heap: PyList, item: PyObject, max: boolean): PyObject {
  const arr = heap.items;
  if (arr.length === 0) throw indexError("index out of range");
  const ret = arr[0];
  arr[0] = item;
  siftup(heap, 0, max);
  return ret;
}

function heapPushPop(heap: PyList, item: PyObject, max: boolean): PyObject {
  if (heap.items.length === 0) return item;
  if (!before(heap.items[0], item, max)) return item;
  const arr = heap.items;
  if (arr.length === 0) throw indexError("index out of range");
  const ret = arr[0];
  arr[0] = item;
  siftup(heap, 0, max);
  return ret;
}

function heapify(heap: PyList, max: boolean): void {
  const n = heap.items.length;
  // CPython switches to a cache-friendly order above 2500 items; it makes the same comparisons
  // in a different order, so the resulting heap is identical.
  if (n > 2500) {
    const m = n >> 1;
    let leftmost = 1;
    while (leftmost * 2 <= m + 1) leftmost *= 2;
    leftmost -= 1;
    const mhalf = m >> 1;
    for (let i = leftmost - 1; i >= mhalf; i--) {
      for (let j = i; ; j >>= 1) {
        siftup(heap, j, max);
        if (!(j & 1)) break;
      }
    }
    for (let i = m - 1; i >= leftmost; i--) {
      for (let j = i; ; j >>= 1) {
        siftup(heap, j, max);
        if (!(j & 1)) break;
      }
    }
    return;
  }
  for (let i = (n >> 1) - 1; i >= 0; i--) siftup(heap, i, max);
}

type Fast = (s: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null) => PyObject;

const typeName = (v: PyObject): string => (v === Py_None ? "None" : Py_TYPE(v).tp_name);

/** One-argument functions (CPython: METH_O with a list check). */
function unary(name: string, f: (heap: PyList) => PyObject): Fast {
  return (_s, args, start, nargs, kw) => {
    if (kw !== null && kw.items.length) throw typeError(`_heapq.${name}() takes no keyword arguments`);
    if (nargs !== 1) throw typeError(`_heapq.${name}() takes exactly one argument (${nargs} given)`);
    const heap = args[start];
    if (!(heap instanceof PyList)) throw typeError(`${name}() argument must be list, not ${typeName(heap)}`);
    return f(heap);
  };
}

/** (heap, item) functions (CPython: clinic METH_FASTCALL, heap: object(subclass_of='&PyList_Type')). */
function binary(name: string, f: (heap: PyList, item: PyObject) => PyObject): Fast {
  return (_s, args, start, nargs, kw) => {
    if (kw !== null && kw.items.length) throw typeError(`_heapq.${name}() takes no keyword arguments`);
    if (nargs !== 2) checkPositional(name, nargs, 2, 2);
    const heap = args[start];
    if (!(heap instanceof PyList)) throw typeError(`${name}() argument 1 must be list, not ${typeName(heap)}`);
    return f(heap, args[start + 1]);
  };
}

const heappush = (heap: PyList, item: PyObject): PyObject => {
  heap.items.push(item);
  siftdown(heap, 0, heap.items.length - 1, false);
  return Py_None;
};
const heappushMax = (heap: PyList, item: PyObject): PyObject => {
  heap.items.push(item);
  siftdown(heap, 0, heap.items.length - 1, true);
  return Py_None;
};

const HEAPREPLACE_DOC =
  "Pop and return the current smallest value, and add the new item.\n\nThis is more efficient than heappop() followed by heappush(), and can be\nmore appropriate when using a fixed-size heap.  Note that the value\nreturned may be larger than item!  That constrains reasonable uses of\nthis routine unless written as part of a conditional replacement:\n\n    if item > heap[0]:\n        item = heapreplace(heap, item)";

const MODULE_DOC = `Heap queue algorithm (a.k.a. priority queue).

Heaps are arrays for which a[k] <= a[2*k+1] and a[k] <= a[2*k+2] for
all k, counting elements from 0.  For the sake of comparison,
non-existing elements are considered to be infinite.  The interesting
property of a heap is that a[0] is always its smallest element.

Usage:

heap = []            # creates an empty heap
heappush(heap, item) # pushes a new item on the heap
item = heappop(heap) # pops the smallest item from the heap
item = heap[0]       # smallest item on the heap without popping it
heapify(x)           # transforms list into a heap, in-place, in linear time
item = heapreplace(heap, item) # pops and returns smallest item, and adds
                               # new item; the heap size is unchanged

Our API differs from textbook heap algorithms as follows:

- We use 0-based indexing.  This makes the relationship between the
  index for a node and the indexes for its children slightly less
  obvious, but is more suitable since Python uses 0-based indexing.

- Our heappop() method returns the smallest item, not the largest.

These two make it possible to view the heap as a regular Python list
without surprises: heap[0] is the smallest item, and heap.sort()
maintains the heap invariant!
`;

export function init_heapq(): PyModule {
  const m = new PyModule("_heapq", MODULE_DOC);
  const defs: [string, Fast, string][] = [
    ["heappush", binary("heappush", heappush), "Push item onto heap, maintaining the heap invariant."],
    ["heappop", unary("heappop", (h) => heapPop(h, false)), "Pop the smallest item off the heap, maintaining the heap invariant."],
    ["heapreplace", binary("heapreplace", (h, x) => heapReplace(h, x, false)), HEAPREPLACE_DOC],
    [
      "heappushpop", binary("heappushpop", (h, x) => heapPushPop(h, x, false)),
      "Push item on the heap, then pop and return the smallest item from the heap.\n\nThe combined action runs more efficiently than heappush() followed by\na separate call to heappop().",
    ],
    ["heapify", unary("heapify", (h) => (heapify(h, false), Py_None)), "Transform list into a heap, in-place, in O(len(heap)) time."],
    ["heappush_max", binary("heappush_max", heappushMax), "Push item onto max heap, maintaining the heap invariant."],
    ["heappop_max", unary("heappop_max", (h) => heapPop(h, true)), "Maxheap variant of heappop."],
    ["heapreplace_max", binary("heapreplace_max", (h, x) => heapReplace(h, x, true)), "Maxheap variant of heapreplace."],
    [
      "heappushpop_max", binary("heappushpop_max", (h, x) => heapPushPop(h, x, true)),
      "Maxheap variant of heappushpop.\n\nThe combined action runs more efficiently than heappush_max()\nfollowed by a separate call to heappop_max().",
    ],
    ["heapify_max", unary("heapify_max", (h) => (heapify(h, true), Py_None)), "Maxheap variant of heapify."],
  ];
  for (const [name, fn, doc] of defs) m.dict.setStr(name, newBuiltinFunction(name, fn, "_heapq", doc));
  m.dict.setStr("__about__", ABOUT);
  return m;
}

// heapq.py keeps the full essay in its own __about__; the C module's copy is only its heading here.
const ABOUT = "Heap queues\n\n[explanation by François Pinard]\n";
