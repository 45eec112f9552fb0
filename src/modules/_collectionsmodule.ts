// CPython: Modules/_collectionsmodule.c — deque (a ring buffer with O(1) ends), its iterators,
// defaultdict, _count_elements and _tuplegetter. OrderedDict is left to collections/__init__.py's
// pure-Python version (it imports _collections.OrderedDict only when present).
import {
  PyObjectBase, type PyObject, type PyTypeObject, type PyMethodDef, newStaticType, PyBaseObject_Type, Py_None,
  Py_NotImplemented, Py_TPFLAGS_BASETYPE, Py_TYPE, Py_EQ, Py_NE, PyObject_TypeCheck, PyLong_Type,
} from "../objects/object.js";
import { PyModule } from "../objects/moduleobject.js";
import { PyTuple, EMPTY_TUPLE } from "../objects/tupleobject.js";
import { PyList } from "../objects/listobject.js";
import { PyDict, PyDict_Type, _genericAlias } from "../objects/dictobject.js";
import {
  PyObject_GetIter, PyIter_Next, PyObject_RichCompareBool, PyObject_RichCompare, PyObject_Repr, PyNumber_AsSsize_t,
  PyObject_Vectorcall, PyObject_CallNoArgs, PyCallable_Check, PyObject_GetItem, PyObject_SetItem, PyNumber_Add,
  PyObject_GetOptionalAttr, PyObject_CallMethod, PyIndex_Check,
} from "../objects/abstract.js";
import { typeError, valueError, indexError, runtimeError, keyError, attributeError } from "../python/errors.js";
import { ArgParser, checkPositional } from "../python/getargs.js";
import { newBuiltinFunction } from "../objects/methodobject.js";
import { reprEnter, reprLeave } from "../objects/reprguard.js";
import { instanceDict } from "../objects/typeobject.js";
import { PyErr_ExceptionMatches } from "../python/errors.js";
import { PyExc_KeyError } from "../objects/exceptions.js";

type Fn = PyMethodDef["fn"];

// --- deque ------------------------------------------------------------------------------------------

export class PyDeque extends PyObjectBase {
  /** Ring buffer; capacity is a power of two. */
  buf: PyObject[] = new Array<PyObject>(8);
  head = 0;
  len = 0;
  /** -1 when unbounded. */
  maxlen = -1;
  /** Bumped by every change of length, for the iterators' mutation check (CPython: deque->state). */
  state = 0;

  at(i: number): PyObject {
    return this.buf[(this.head + i) & (this.buf.length - 1)];
  }
  setAt(i: number, v: PyObject): void {
    this.buf[(this.head + i) & (this.buf.length - 1)] = v;
  }
  private grow(): void {
    const old = this.buf;
    const cap = old.length;
    const nb = new Array<PyObject>(cap * 2);
    for (let i = 0; i < this.len; i++) nb[i] = old[(this.head + i) & (cap - 1)];
    this.buf = nb;
    this.head = 0;
  }
  pushRight(v: PyObject): void {
    if (this.len === this.buf.length) this.grow();
    this.buf[(this.head + this.len) & (this.buf.length - 1)] = v;
    this.len++;
    this.state++;
    if (this.maxlen >= 0 && this.len > this.maxlen) this.popLeft();
  }
  pushLeft(v: PyObject): void {
    if (this.len === this.buf.length) this.grow();
    this.head = (this.head - 1) & (this.buf.length - 1);
    this.buf[this.head] = v;
    this.len++;
    this.state++;
    if (this.maxlen >= 0 && this.len > this.maxlen) this.popRight();
  }
  popLeft(): PyObject {
    if (this.len === 0) throw indexError("pop from an empty deque");
    const v = this.buf[this.head];
    this.buf[this.head] = undefined as unknown as PyObject;
    this.head = (this.head + 1) & (this.buf.length - 1);
    this.len--;
    this.state++;
    return v;
  }
  popRight(): PyObject {
    if (this.len === 0) throw indexError("pop from an empty deque");
    const i = (this.head + this.len - 1) & (this.buf.length - 1);
    const v = this.buf[i];
    this.buf[i] = undefined as unknown as PyObject;
    this.len--;
    this.state++;
    return v;
  }
  clear(): void {
    this.buf = new Array<PyObject>(8);
    this.head = 0;
    this.len = 0;
    this.state++;
  }
  toArray(): PyObject[] {
    const out = new Array<PyObject>(this.len);
    for (let i = 0; i < this.len; i++) out[i] = this.at(i);
    return out;
  }
  /** Rotates n steps to the right (CPython: _deque_rotate). */
  rotate(n: number): void {
    const len = this.len;
    if (len <= 1) return;
    n %= len;
    if (n < 0) n += len;
    if (n === 0) return;
    // move n items from the right end to the left end, or len-n from the left to the right
    if (n <= len - n) {
      for (let k = 0; k < n; k++) {
        const i = (this.head + this.len - 1) & (this.buf.length - 1);
        const v = this.buf[i];
        this.buf[i] = undefined as unknown as PyObject;
        this.head = (this.head - 1) & (this.buf.length - 1);
        this.buf[this.head] = v;
      }
    } else {
      for (let k = 0; k < len - n; k++) {
        const v = this.buf[this.head];
        this.buf[this.head] = undefined as unknown as PyObject;
        this.head = (this.head + 1) & (this.buf.length - 1);
        this.buf[(this.head + this.len - 1) & (this.buf.length - 1)] = v;
      }
    }
    this.state++;
  }
}

export const PyDeque_Type = newStaticType("collections.deque", PyBaseObject_Type, Py_TPFLAGS_BASETYPE);
PyDeque.prototype.ob_type = PyDeque_Type;
PyDeque_Type.tp_doc = "A list-like sequence optimized for data accesses near its endpoints.";
const D = PyDeque_Type;
const asDeque = (v: PyObject): PyDeque => v as PyDeque;
const isDeque = (v: PyObject): v is PyDeque => v instanceof PyDeque;

function dequeExtend(d: PyDeque, iterable: PyObject, left: boolean): void {
  if (iterable === d) {
    for (const x of d.toArray()) left ? d.pushLeft(x) : d.pushRight(x);
    return;
  }
  const it = PyObject_GetIter(iterable);
  if (d.maxlen === 0) {
    while (PyIter_Next(it) !== null);
    return;
  }
  for (let x = PyIter_Next(it); x !== null; x = PyIter_Next(it)) left ? d.pushLeft(x) : d.pushRight(x);
}

/** deque.copy(): an exact deque copies itself, a subclass is called as type(d)(d[, maxlen]). */
function dequeCopy(v: PyObject): PyObject {
  const d = asDeque(v);
  if (Py_TYPE(d) === PyDeque_Type) {
    const n = new PyDeque();
    n.maxlen = d.maxlen;
    for (let i = 0; i < d.len; i++) n.pushRight(d.at(i));
    return n;
  }
  const t = Py_TYPE(d);
  if (d.maxlen < 0) return PyObject_Vectorcall(t, [d], 0, 1, null);
  return PyObject_Vectorcall(t, [d, d.maxlen], 0, 2, null);
}

function dequeInplaceRepeat(d: PyDeque, n: number): PyDeque {
  if (n <= 0 || d.len === 0) {
    d.clear();
    return d;
  }
  if (n === 1) return d;
  const items = d.toArray();
  const total = items.length * n;
  // with a maxlen only the last maxlen items of the repetition survive
  const keep = d.maxlen >= 0 ? Math.min(d.maxlen, total) : total;
  if (keep > 2 ** 28) throw new RangeError("Invalid array length");
  const first = total - keep;
  d.clear();
  for (let j = 0; j < keep; j++) d.pushRight(items[(first + j) % items.length]);
  return d;
}

D.tp_new = (type) => {
  const d = new PyDeque();
  if (type !== PyDeque_Type) d.ob_type = type;
  return d;
};
const dequeInitArgs = new ArgParser("deque", ["iterable", "maxlen"]);
D.tp_init = (self, args, start, nargs, kwnames) => {
  const d = asDeque(self);
  if (nargs + (kwnames?.items.length ?? 0) > 2) throw typeError(`deque() takes at most 2 arguments (${nargs + (kwnames?.items.length ?? 0)} given)`);
  const [iterable, maxlenObj] = dequeInitArgs.parse(args, start, nargs, kwnames);
  let maxlen = -1;
  if (maxlenObj !== null && maxlenObj !== Py_None) {
    if (typeof maxlenObj !== "number" && typeof maxlenObj !== "bigint" && typeof maxlenObj !== "boolean" && !PyObject_TypeCheck(maxlenObj, PyLong_Type)) {
      throw typeError("an integer is required");
    }
    maxlen = PyNumber_AsSsize_t(maxlenObj);
    if (maxlen < 0) throw valueError("maxlen must be non-negative");
  }
  d.maxlen = maxlen;
  if (d.len > 0) d.clear();
  if (iterable !== null) dequeExtend(d, iterable, false);
};
D.tp_repr = (v) => {
  const d = asDeque(v);
  const name = Py_TYPE(d).ht_qualname;
  if (!reprEnter(d)) return "[...]";
  let body: string;
  try {
    body = PyObject_Repr(new PyList(d.toArray()));
  } finally {
    reprLeave(d);
  }
  return d.maxlen >= 0 ? `${name}(${body}, maxlen=${d.maxlen})` : `${name}(${body})`;
};
D.sq_length = (v) => asDeque(v).len;

D.sq_contains = (v, x) => {
  const d = asDeque(v);
  const state = d.state;
  for (let i = 0; i < d.len; i++) {
    const y = d.at(i);
    const eq = y === x || PyObject_RichCompareBool(y, x, Py_EQ);
    if (d.state !== state) throw runtimeError("deque mutated during iteration");
    if (eq) return true;
  }
  return false;
};
D.sq_item = (v, i) => {
  const d = asDeque(v);
  if (i < 0 || i >= d.len) throw indexError("deque index out of range");
  return d.at(i);
};
D.sq_ass_item = (v, i, value) => {
  const d = asDeque(v);
  if (i < 0 || i >= d.len) throw indexError("deque index out of range");
  if (value !== null) {
    d.setAt(i, value);
    return;
  }
  d.rotate(-i);
  d.popLeft();
  d.rotate(i);
};
D.sq_concat = (v, w) => {
  if (!isDeque(w)) throw typeError(`can only concatenate deque (not "${Py_TYPE(w).tp_name}") to deque`);
  const n = dequeCopy(v);
  if (!isDeque(n)) throw typeError("copy() returned a non-deque");
  dequeExtend(n, w, false);
  return n;
};
D.sq_repeat = (v, n) => {
  const c = dequeCopy(v);
  return dequeInplaceRepeat(asDeque(c), n);
};
D.sq_inplace_concat = (v, w) => {
  dequeExtend(asDeque(v), w, false);
  return v;
};
D.sq_inplace_repeat = (v, n) => dequeInplaceRepeat(asDeque(v), n);
D.tp_hash = null;
D.tp_iter = (v) => new PyDequeIter(asDeque(v), false);
D.tp_richcompare = (v, w, op) => {
  if (!isDeque(v) || !isDeque(w)) return Py_NotImplemented;
  const a = v.toArray();
  const b = w.toArray();
  if (a.length !== b.length && (op === Py_EQ || op === Py_NE)) return op === Py_NE;
  const n = Math.min(a.length, b.length);
  let i = 0;
  for (; i < n; i++) if (!(a[i] === b[i] || PyObject_RichCompareBool(a[i], b[i], Py_EQ))) break;
  if (i < n) {
    if (op === Py_EQ) return false;
    if (op === Py_NE) return true;
    return PyObject_RichCompare(a[i], b[i], op);
  }
  const c = a.length - b.length;
  return [c < 0, c <= 0, c === 0, c !== 0, c > 0, c >= 0][op];
};

const dequeIndexArgs = new ArgParser("index", ["value", "start", "stop"], { posonly: 3, required: 1 });
const sliceIndex = (v: PyObject): number => {
  if (!PyIndex_Check(v)) throw typeError("slice indices must be integers or have an __index__ method");
  return PyNumber_AsSsize_t(v, "clamp");
};
const insertArgs = new ArgParser("insert", ["index", "value"], { posonly: 2, required: 2 });

D.tp_methods = [
  { name: "append", kind: "o", fn: ((s: PyObject, x: PyObject) => (asDeque(s).pushRight(x), Py_None)) as Fn },
  { name: "appendleft", kind: "o", fn: ((s: PyObject, x: PyObject) => (asDeque(s).pushLeft(x), Py_None)) as Fn },
  { name: "extend", kind: "o", fn: ((s: PyObject, x: PyObject) => (dequeExtend(asDeque(s), x, false), Py_None)) as Fn },
  { name: "extendleft", kind: "o", fn: ((s: PyObject, x: PyObject) => (dequeExtend(asDeque(s), x, true), Py_None)) as Fn },
  { name: "pop", kind: "noargs", fn: ((s: PyObject) => asDeque(s).popRight()) as Fn },
  { name: "popleft", kind: "noargs", fn: ((s: PyObject) => asDeque(s).popLeft()) as Fn },
  { name: "clear", kind: "noargs", fn: ((s: PyObject) => (asDeque(s).clear(), Py_None)) as Fn },
  { name: "copy", kind: "noargs", fn: dequeCopy as Fn, doc: "Return a shallow copy of a deque." },
  { name: "__copy__", kind: "noargs", fn: dequeCopy as Fn, doc: "Return a shallow copy of a deque." },
  {
    name: "count",
    kind: "o",
    fn: ((s: PyObject, x: PyObject) => {
      const d = asDeque(s);
      const state = d.state;
      let c = 0;
      for (let i = 0; i < d.len; i++) {
        const y = d.at(i);
        const eq = y === x || PyObject_RichCompareBool(y, x, Py_EQ);
        if (d.state !== state) throw runtimeError("deque mutated during iteration");
        if (eq) c++;
      }
      return c;
    }) as Fn,
  },
  {
    name: "index",
    kind: "fast",
    fn: ((s: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null) => {
      const d = asDeque(s);
      const [value, a, b] = dequeIndexArgs.parse(args, start, nargs, kw);
      const n = d.len;
      let lo = a === null ? 0 : sliceIndex(a);
      let hi = b === null ? n : sliceIndex(b);
      if (lo < 0) lo = Math.max(0, lo + n);
      if (hi < 0) hi = Math.max(0, hi + n);
      if (hi > n) hi = n;
      if (lo > hi) lo = hi;
      const state = d.state;
      for (let i = lo; i < hi; i++) {
        const y = d.at(i);
        const eq = y === value || PyObject_RichCompareBool(y, value as PyObject, Py_EQ);
        if (d.state !== state) throw runtimeError("deque mutated during iteration");
        if (eq) return i;
      }
      throw valueError("deque.index(x): x not in deque");
    }) as Fn,
  },
  {
    name: "insert",
    kind: "fast",
    fn: ((s: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null) => {
      const d = asDeque(s);
      const [idx, value] = insertArgs.parse(args, start, nargs, kw);
      const index = PyNumber_AsSsize_t(idx as PyObject);
      const n = d.len;
      if (d.maxlen === n) throw indexError("deque already at its maximum size");
      if (index >= n) d.pushRight(value as PyObject);
      else if (index <= -n || index === 0) d.pushLeft(value as PyObject);
      else {
        d.rotate(-index);
        if (index < 0) d.pushRight(value as PyObject);
        else d.pushLeft(value as PyObject);
        d.rotate(index);
      }
      return Py_None;
    }) as Fn,
  },
  {
    name: "remove",
    kind: "o",
    fn: ((s: PyObject, x: PyObject) => {
      const d = asDeque(s);
      const n = d.len;
      const state = d.state;
      for (let i = 0; i < n; i++) {
        const y = d.at(i);
        const eq = y === x || PyObject_RichCompareBool(y, x, Py_EQ);
        if (d.state !== state) throw indexError("deque mutated during iteration");
        if (eq) {
          d.rotate(-i);
          d.popLeft();
          d.rotate(i);
          return Py_None;
        }
      }
      throw valueError("deque.remove(x): x not in deque");
    }) as Fn,
  },
  {
    name: "reverse",
    kind: "noargs",
    fn: ((s: PyObject) => {
      const d = asDeque(s);
      for (let i = 0, j = d.len - 1; i < j; i++, j--) {
        const t = d.at(i);
        d.setAt(i, d.at(j));
        d.setAt(j, t);
      }
      return Py_None;
    }) as Fn,
  },
  {
    name: "rotate",
    kind: "fast",
    fn: ((s: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null) => {
      if (kw !== null && kw.items.length) throw typeError("deque.rotate() takes no keyword arguments");
      checkPositional("rotate", nargs, 0, 1);
      const n = nargs ? PyNumber_AsSsize_t(args[start]) : 1;
      asDeque(s).rotate(n);
      return Py_None;
    }) as Fn,
  },
  {
    name: "__reduce__",
    kind: "noargs",
    fn: ((s: PyObject) => {
      const d = asDeque(s);
      const state = instanceDict(d);
      const cargs = d.maxlen < 0 ? EMPTY_TUPLE : new PyTuple([EMPTY_TUPLE, d.maxlen]);
      return new PyTuple([Py_TYPE(d), cargs, state !== null && state.size ? state : Py_None, new PyDequeIter(d, false)]);
    }) as Fn,
  },
  { name: "__reversed__", kind: "noargs", fn: ((s: PyObject) => new PyDequeIter(asDeque(s), true)) as Fn },
  { name: "__class_getitem__", kind: "o", binding: "class", fn: ((cls: PyObject, item: PyObject) => _genericAlias(cls, item)) as Fn },
  { name: "__sizeof__", kind: "noargs", fn: ((s: PyObject) => 48 + 8 * asDeque(s).buf.length) as Fn },
];
D.tp_getset = [
  {
    name: "maxlen",
    get: (s) => (asDeque(s).maxlen < 0 ? Py_None : asDeque(s).maxlen),
    doc: "maximum size of a deque or None if unbounded",
  },
];

// --- deque iterators --------------------------------------------------------------------------------

export class PyDequeIter extends PyObjectBase {
  index = 0;
  /** Items left (CPython: it->counter). */
  counter: number;
  state: number;
  constructor(
    readonly deque: PyDeque,
    readonly reverse: boolean,
  ) {
    super();
    this.counter = deque.len;
    this.state = deque.state;
    if (reverse) this.ob_type = PyDequeRevIter_Type;
  }
}
export const PyDequeIter_Type = newStaticType("collections._deque_iterator", PyBaseObject_Type, 0);
export const PyDequeRevIter_Type = newStaticType("collections._deque_reverse_iterator", PyBaseObject_Type, 0);
PyDequeIter.prototype.ob_type = PyDequeIter_Type;
for (const [T, reverse] of [[PyDequeIter_Type, false], [PyDequeRevIter_Type, true]] as const) {
  const name = reverse ? "_deque_reverse_iterator" : "_deque_iterator";
  T.tp_iter = (v) => v;
  T.tp_iternext = (v) => {
    const it = v as PyDequeIter;
    const d = it.deque;
    if (d.state !== it.state) {
      it.counter = 0;
      throw runtimeError("deque mutated during iteration");
    }
    if (it.counter === 0) return null;
    const x = reverse ? d.at(d.len - 1 - it.index) : d.at(it.index);
    it.index++;
    it.counter--;
    return x;
  };
  const newArgs = new ArgParser(name, ["", ""], { posonly: 2, required: 1 });
  T.tp_new = (type, args, start, nargs, kw) => {
    const [dq, idx] = newArgs.parse(args, start, nargs, kw);
    if (!isDeque(dq as PyObject)) throw typeError(`argument 1 must be collections.deque, not ${Py_TYPE(dq as PyObject).tp_name}`);
    const it = new PyDequeIter(dq as PyDeque, reverse);
    if (type !== T) it.ob_type = type;
    const n = idx === null ? 0 : PyNumber_AsSsize_t(idx);
    for (let i = 0; i < n && it.counter > 0; i++) T.tp_iternext!(it);
    return it;
  };
  T.tp_methods = [
    { name: "__length_hint__", kind: "noargs", fn: ((v: PyObject) => (v as PyDequeIter).counter) as Fn },
    {
      name: "__reduce__",
      kind: "noargs",
      fn: ((v: PyObject) => {
        const it = v as PyDequeIter;
        return new PyTuple([Py_TYPE(it), new PyTuple([it.deque, it.deque.len - it.counter])]);
      }) as Fn,
    },
  ];
}

// --- defaultdict ------------------------------------------------------------------------------------

export class PyDefaultDict extends PyDict {
  factory: PyObject = Py_None;
}
export const PyDefaultDict_Type = newStaticType("collections.defaultdict", PyDict_Type, Py_TPFLAGS_BASETYPE);
PyDefaultDict.prototype.ob_type = PyDefaultDict_Type;
PyDefaultDict_Type.tp_doc =
  "defaultdict(default_factory=None, /, [...]) --> dict with default factory\n\n" +
  "The default factory is called without arguments to produce\n" +
  "a new value when a key is not present, in __getitem__ only.\n" +
  "A defaultdict compares equal to a dict with the same items.\n" +
  "All remaining arguments are treated the same as if they were\n" +
  "passed to the dict constructor, including keyword arguments.\n";
const DD = PyDefaultDict_Type;
const asDD = (v: PyObject): PyDefaultDict => v as PyDefaultDict;

function defdictMissing(dd: PyDefaultDict, key: PyObject): PyObject {
  const f = dd.factory;
  if (f === Py_None) throw keyError(key);
  const value = PyObject_CallNoArgs(f);
  PyObject_SetItem(dd, key, value);
  return value;
}
/** type(dd)(dd.default_factory, arg) (CPython: new_defdict). */
function newDefdict(dd: PyDefaultDict, arg: PyObject): PyObject {
  return PyObject_Vectorcall(Py_TYPE(dd), [dd.factory, arg], 0, 2, null);
}

DD.tp_new = (type) => {
  const d = new PyDefaultDict();
  if (type !== PyDefaultDict_Type) d.ob_type = type;
  return d;
};
DD.tp_init = (self, args, start, nargs, kwnames) => {
  let factory: PyObject = Py_None;
  if (nargs > 0) {
    factory = args[start];
    if (factory !== Py_None && !PyCallable_Check(factory)) throw typeError("first argument must be callable or None");
    start++;
    nargs--;
  }
  asDD(self).factory = factory;
  PyDict_Type.tp_init!(self, args, start, nargs, kwnames);
};
DD.mp_subscript = (v, key) => {
  const d = v as PyDefaultDict;
  const r = d.getItem(key);
  if (r !== undefined) return r;
  if (Py_TYPE(d) === PyDefaultDict_Type) return defdictMissing(d, key);
  const m = PyObject_GetOptionalAttr(d, "__missing__");
  if (m === null) throw keyError(key);
  return PyObject_Vectorcall(m, [key], 0, 1, null);
};
DD.tp_repr = (v) => {
  const dd = asDD(v);
  const base = PyDict_Type.tp_repr!(v);
  let factory: string;
  if (dd.factory === Py_None) factory = "None";
  else if (!reprEnter(dd.factory as object)) factory = "...";
  else {
    try {
      factory = PyObject_Repr(dd.factory);
    } finally {
      reprLeave(dd.factory as object);
    }
  }
  return `${Py_TYPE(dd).ht_qualname}(${factory}, ${base})`;
};
DD.nb_or = (v, w) => {
  let self: PyObject;
  let other: PyObject;
  if (v instanceof PyDefaultDict) {
    self = v;
    other = w;
  } else {
    self = w;
    other = v;
  }
  if (!(other instanceof PyDict)) return Py_NotImplemented;
  const n = newDefdict(asDD(self), v);
  PyObject_CallMethod(n, "update", w);
  return n;
};
const defdictCopy = (s: PyObject): PyObject => newDefdict(asDD(s), s);
DD.tp_methods = [
  {
    name: "__missing__",
    kind: "o",
    fn: ((s: PyObject, key: PyObject) => defdictMissing(asDD(s), key)) as Fn,
    doc: "__missing__(key) # Called by __getitem__ for missing key; pseudo-code:\n  if self.default_factory is None: raise KeyError((key,))\n  self[key] = value = self.default_factory()\n  return value",
  },
  { name: "copy", kind: "noargs", fn: defdictCopy as Fn, doc: "D.copy() -> a shallow copy of D." },
  { name: "__copy__", kind: "noargs", fn: defdictCopy as Fn, doc: "D.copy() -> a shallow copy of D." },
  {
    name: "__reduce__",
    kind: "noargs",
    fn: ((s: PyObject) => {
      const dd = asDD(s);
      const cargs = dd.factory === Py_None ? EMPTY_TUPLE : new PyTuple([dd.factory]);
      const items = PyObject_CallMethod(dd, "items");
      return new PyTuple([Py_TYPE(dd), cargs, Py_None, Py_None, PyObject_GetIter(items)]);
    }) as Fn,
    doc: "Return state information for pickling.",
  },
  { name: "__class_getitem__", kind: "o", binding: "class", fn: ((cls: PyObject, item: PyObject) => _genericAlias(cls, item)) as Fn },
];
DD.tp_getset = [
  {
    name: "default_factory",
    get: (s) => asDD(s).factory,
    set: (s, v) => {
      asDD(s).factory = v ?? Py_None;
    },
    doc: "Factory for default value called by __missing__().",
  },
];

// --- _tuplegetter -----------------------------------------------------------------------------------

class PyTupleGetter extends PyObjectBase {
  constructor(
    readonly index: number,
    public doc: PyObject,
  ) {
    super();
  }
}
const PyTupleGetter_Type = newStaticType("collections._tuplegetter", PyBaseObject_Type, 0);
PyTupleGetter.prototype.ob_type = PyTupleGetter_Type;
const tuplegetterArgs = new ArgParser("_tuplegetter", ["", ""], { posonly: 2, required: 2 });
PyTupleGetter_Type.tp_new = (_type, args, start, nargs, kw) => {
  if (kw !== null && kw.items.length) throw typeError("_tuplegetter() takes no keyword arguments");
  checkPositional("_tuplegetter", nargs, 2, 2);
  const [i, doc] = tuplegetterArgs.parse(args, start, nargs, kw);
  return new PyTupleGetter(PyNumber_AsSsize_t(i as PyObject), doc as PyObject);
};
PyTupleGetter_Type.tp_descr_get = (descr, obj) => {
  const g = descr as PyTupleGetter;
  if (obj === null || obj === Py_None) return descr;
  if (!(obj instanceof PyTuple)) {
    throw typeError(`descriptor for index '${g.index}' for tuple subclasses doesn't apply to '${Py_TYPE(obj).tp_name}' object`);
  }
  if (g.index < 0 || g.index >= obj.items.length) throw indexError("tuple index out of range");
  return obj.items[g.index];
};
PyTupleGetter_Type.tp_descr_set = (_descr, _obj, value) => {
  throw attributeError(value === null ? "can't delete attribute" : "can't set attribute");
};
PyTupleGetter_Type.tp_methods = [
  {
    name: "__reduce__",
    kind: "noargs",
    fn: ((s: PyObject) => {
      const g = s as PyTupleGetter;
      return new PyTuple([Py_TYPE(g), new PyTuple([g.index, g.doc])]);
    }) as Fn,
  },
];
PyTupleGetter_Type.tp_getset = [
  {
    name: "__doc__",
    get: (s) => (s as PyTupleGetter).doc,
    set: (s, v) => {
      (s as PyTupleGetter).doc = v ?? Py_None;
    },
  },
];

// --- _count_elements --------------------------------------------------------------------------------

function countElements(mapping: PyObject, iterable: PyObject): void {
  const it = PyObject_GetIter(iterable);
  if (Py_TYPE(mapping) === PyDict_Type) {
    const d = mapping as PyDict;
    for (let x = PyIter_Next(it); x !== null; x = PyIter_Next(it)) {
      const old = d.getItem(x);
      d.setItem(x, old === undefined ? 1 : PyNumber_Add(old, 1));
    }
    return;
  }
  const get = PyObject_GetOptionalAttr(mapping, "get");
  for (let x = PyIter_Next(it); x !== null; x = PyIter_Next(it)) {
    let old: PyObject;
    if (get !== null) old = PyObject_Vectorcall(get, [x, 0], 0, 2, null);
    else {
      try {
        old = PyObject_GetItem(mapping, x);
      } catch (e) {
        if (!PyErr_ExceptionMatches(e, PyExc_KeyError)) throw e;
        old = 0;
      }
    }
    PyObject_SetItem(mapping, x, PyNumber_Add(old, 1));
  }
}

export function init_collections(): PyModule {
  const m = new PyModule("_collections", "High performance data structures.\n- deque:        ordered collection accessible from endpoints only\n- defaultdict:  dict subclass with a default value factory\n");
  const d = m.dict;
  d.setStr("deque", PyDeque_Type);
  d.setStr("defaultdict", PyDefaultDict_Type);
  d.setStr("_deque_iterator", PyDequeIter_Type);
  d.setStr("_deque_reverse_iterator", PyDequeRevIter_Type);
  d.setStr("_tuplegetter", PyTupleGetter_Type);
  d.setStr(
    "_count_elements",
    newBuiltinFunction("_count_elements", (_s, args, start, nargs, kw) => {
      if (kw !== null && kw.items.length) throw typeError("_count_elements() takes no keyword arguments");
      checkPositional("_count_elements", nargs, 2, 2);
      countElements(args[start], args[start + 1]);
      return Py_None;
    }, "_collections", "Count elements in the iterable, updating the mapping"),
  );
  return m;
}
