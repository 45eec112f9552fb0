// CPython: Objects/setobject.c — set and frozenset, stored as the keys of a PyDict.
import {
  PyObjectBase, type PyObject, type PyTypeObject, type PyMethodDef, newStaticType, PyBaseObject_Type, Py_None,
  Py_NotImplemented, Py_TPFLAGS_BASETYPE, Py_TYPE, PyType_IsSubtype, Py_EQ, Py_NE,
} from "./object.js";
import { SetTable } from "./settable.js";
import { PyObject_Repr, iterableToArray, PyObject_Hash } from "./abstract.js";
import { typeError, keyError, runtimeError } from "../python/errors.js";
import { checkPositional } from "../python/getargs.js";
import { reprEnter, reprLeave } from "./reprguard.js";
import { _genericAlias } from "./dictobject.js";

export class PySet extends PyObjectBase {
  table = new SetTable();
  constructor(items?: Iterable<PyObject>) {
    super();
    if (items) for (const x of items) this.table.setItem(x, Py_None);
  }
  get size(): number {
    return this.table.size;
  }
  has(x: PyObject): boolean {
    return this.table.has(setKey(x));
  }
  add(x: PyObject): void {
    this.table.setItem(x, Py_None);
  }
  *keys(): IterableIterator<PyObject> {
    yield* this.table.keys();
  }
  /** The elements in iteration order (a copy). */
  get items(): PyObject[] {
    return [...this.table.keys()];
  }
}
export const PySet_Type = newStaticType("set", PyBaseObject_Type, Py_TPFLAGS_BASETYPE);
export const PyFrozenSet_Type = newStaticType("frozenset", PyBaseObject_Type, Py_TPFLAGS_BASETYPE);
PySet.prototype.ob_type = PySet_Type;

/** A set used as a key (x in s with x a set) is looked up as a frozenset. */
function setKey(x: PyObject): PyObject {
  if (x instanceof PySet && PyType_IsSubtype(Py_TYPE(x), PySet_Type)) return makeSet(PyFrozenSet_Type, x.keys());
  return x;
}

export function makeSet(type: PyTypeObject, items: Iterable<PyObject>): PySet {
  const s = new PySet(items);
  if (type !== PySet_Type) s.ob_type = type;
  return s;
}

function isAnySet(v: PyObject): v is PySet {
  return v instanceof PySet;
}
function isFrozen(v: PySet): boolean {
  return PyType_IsSubtype(Py_TYPE(v), PyFrozenSet_Type);
}
/** The result type of a binary set operation: the left operand's base kind. */
function resultType(v: PySet): PyTypeObject {
  return isFrozen(v) ? PyFrozenSet_Type : PySet_Type;
}

/** CPython: PySet_Add. */
export function PySet_Add(s: PySet, x: PyObject): void {
  s.add(x);
}
/** set.update(iterable) (CPython: _PySet_Update). */
export function _PySet_Update(s: PySet, iterable: PyObject): void {
  const items = iterable instanceof PySet ? [...iterable.keys()] : iterableToArray(iterable);
  for (const x of items) s.add(x);
}

function elements(v: PyObject): PyObject[] {
  return v instanceof PySet ? [...v.keys()] : iterableToArray(v);
}

function union(a: PySet, others: PyObject[]): PySet {
  const r = makeSet(resultType(a), a.keys());
  for (const o of others) for (const x of elements(o)) r.add(x);
  return r;
}
function intersection(a: PySet, others: PyObject[]): PySet {
  let cur = [...a.keys()];
  for (const o of others) {
    const other = o instanceof PySet ? o : new PySet(iterableToArray(o));
    cur = cur.filter((x) => other.has(x));
  }
  return makeSet(resultType(a), cur);
}
function difference(a: PySet, others: PyObject[]): PySet {
  let cur = [...a.keys()];
  for (const o of others) {
    const other = o instanceof PySet ? o : new PySet(iterableToArray(o));
    cur = cur.filter((x) => !other.has(x));
  }
  return makeSet(resultType(a), cur);
}
function symdiff(a: PySet, o: PyObject): PySet {
  const other = o instanceof PySet ? o : new PySet(iterableToArray(o));
  const r = makeSet(resultType(a), [...a.keys()].filter((x) => !other.has(x)));
  for (const x of other.keys()) if (!a.has(x)) r.add(x);
  return r;
}
function subset(a: PySet, b: PySet): boolean {
  if (a.size > b.size) return false;
  for (const x of a.keys()) if (!b.has(x)) return false;
  return true;
}

for (const T of [PySet_Type, PyFrozenSet_Type]) {
  T.tp_repr = (v) => {
    const s = v as PySet;
    const name = Py_TYPE(s).tp_name;
    if (s.size === 0) return `${name}()`;
    if (!reprEnter(s)) return `${name}(...)`;
    try {
      const body = "{" + [...s.keys()].map(PyObject_Repr).join(", ") + "}";
      return Py_TYPE(s) === PySet_Type ? body : `${name}(${body})`;
    } finally {
      reprLeave(s);
    }
  };
  T.sq_length = (v) => (v as PySet).size;
  T.sq_contains = (v, x) => (v as PySet).has(x);
  T.tp_iter = (v) => new PySetIter(v as PySet);
  T.tp_richcompare = (v, w, op) => {
    if (!isAnySet(w)) return Py_NotImplemented;
    const a = v as PySet;
    switch (op) {
      case Py_EQ:
        return a.size === w.size && subset(a, w);
      case Py_NE:
        return !(a.size === w.size && subset(a, w));
      case 0:
        return a.size < w.size && subset(a, w);
      case 1:
        return subset(a, w);
      case 4:
        return a.size > w.size && subset(w, a);
      default:
        return subset(w, a);
    }
  };
  T.nb_or = (v, w) => (isAnySet(v) && isAnySet(w) ? union(v, [w]) : Py_NotImplemented);
  T.nb_and = (v, w) => (isAnySet(v) && isAnySet(w) ? intersection(v, [w]) : Py_NotImplemented);
  T.nb_subtract = (v, w) => (isAnySet(v) && isAnySet(w) ? difference(v, [w]) : Py_NotImplemented);
  T.nb_xor = (v, w) => (isAnySet(v) && isAnySet(w) ? symdiff(v, w) : Py_NotImplemented);
}

PySet_Type.tp_new = (type) => makeSet(type, []);
PySet_Type.tp_init = (self, args, start, nargs, kwnames) => {
  if (kwnames !== null && kwnames.items.length && Py_TYPE(self) === PySet_Type) throw typeError("set() takes no keyword arguments");
  checkPositional("set", nargs, 0, 1);
  const s = self as PySet;
  s.table.clear();
  if (nargs === 1) _PySet_Update(s, args[start]);
};
PySet_Type.tp_hash = null;
PyFrozenSet_Type.tp_new = (type, args, start, nargs, kwnames) => {
  if (kwnames !== null && kwnames.items.length && type === PyFrozenSet_Type) throw typeError("frozenset() takes no keyword arguments");
  checkPositional("frozenset", nargs, 0, 1);
  if (nargs === 1 && type === PyFrozenSet_Type && Py_TYPE(args[start]) === PyFrozenSet_Type) return args[start];
  return makeSet(type, nargs === 1 ? elements(args[start]) : []);
};
PyFrozenSet_Type.tp_hash = (v) => {
  // CPython: frozenset_hash (order-independent mix of the element hashes), 64-bit
  let h = 0n;
  const M = (1n << 64n) - 1n;
  for (const x of (v as PySet).keys()) {
    const e = BigInt.asUintN(64, BigInt(PyObject_Hash(x)));
    h ^= (((e ^ 89869747n) ^ (e << 16n)) * 3644798167n) & M;
  }
  h ^= (BigInt((v as PySet).size) + 1n) * 1927868237n;
  h &= M;
  h ^= (h >> 11n) ^ (h >> 25n);
  h = (h * 69069n + 907133923n) & M;
  let r = BigInt.asIntN(64, h);
  if (r === -1n) r = 590923713n;
  return r >= -9007199254740991n && r <= 9007199254740991n ? Number(r) : r;
};
PySet_Type.nb_inplace_or = (v, w) => {
  if (!isAnySet(w)) return Py_NotImplemented;
  _PySet_Update(v as PySet, w);
  return v;
};
PySet_Type.nb_inplace_and = (v, w) => {
  if (!isAnySet(w)) return Py_NotImplemented;
  const s = v as PySet;
  const keep = [...s.keys()].filter((x) => w.has(x));
  s.table.clear();
  for (const x of keep) s.add(x);
  return v;
};
PySet_Type.nb_inplace_subtract = (v, w) => {
  if (!isAnySet(w)) return Py_NotImplemented;
  for (const x of [...w.keys()]) (v as PySet).table.delItem(x);
  return v;
};
PySet_Type.nb_inplace_xor = (v, w) => {
  if (!isAnySet(w)) return Py_NotImplemented;
  const s = v as PySet;
  for (const x of [...w.keys()]) {
    if (s.has(x)) s.table.delItem(x);
    else s.add(x);
  }
  return v;
};

type Fast = (self: PyObject, args: readonly PyObject[], start: number, nargs: number) => PyObject;
function varargs(name: string, f: (s: PySet, others: PyObject[]) => PyObject): PyMethodDef {
  const fn: Fast = (self, args, start, nargs) => f(self as PySet, args.slice(start, start + nargs));
  return { name, kind: "fast", fn: fn as PyMethodDef["fn"] };
}
function one(name: string, f: (s: PySet, x: PyObject) => PyObject): PyMethodDef {
  return { name, kind: "o", fn: ((self: PyObject, x: PyObject) => f(self as PySet, x)) as PyMethodDef["fn"] };
}
const common: PyMethodDef[] = [
  varargs("union", (s, o) => union(s, o)),
  varargs("intersection", (s, o) => intersection(s, o)),
  varargs("difference", (s, o) => difference(s, o)),
  one("symmetric_difference", (s, o) => symdiff(s, o)),
  one("issubset", (s, o) => subset(s, o instanceof PySet ? o : new PySet(iterableToArray(o)))),
  one("issuperset", (s, o) => elements(o).every((x) => s.has(x))),
  one("isdisjoint", (s, o) => !elements(o).some((x) => s.has(x))),
  { name: "copy", kind: "noargs", fn: ((self: PyObject) => (Py_TYPE(self) === PyFrozenSet_Type ? self : makeSet(resultType(self as PySet), (self as PySet).keys()))) as PyMethodDef["fn"] },
  one("__contains__", (s, x) => s.has(x)),
  {
    name: "__class_getitem__",
    kind: "o",
    binding: "class",
    fn: ((cls: PyObject, item: PyObject) => _genericAlias(cls, item)) as PyMethodDef["fn"],
  },
];
PyFrozenSet_Type.tp_methods = common;
PySet_Type.tp_methods = [
  ...common,
  one("add", (s, x) => (s.add(x), Py_None)),
  one("remove", (s, x) => {
    if (!s.table.delItem(setKey(x))) throw keyError(x);
    return Py_None;
  }),
  one("discard", (s, x) => (s.table.delItem(setKey(x)), Py_None)),
  {
    name: "pop",
    kind: "noargs",
    fn: ((self: PyObject) => {
      const x = (self as PySet).table.pop();
      if (x === null) throw keyError("pop from an empty set");
      return x;
    }) as PyMethodDef["fn"],
  },
  { name: "clear", kind: "noargs", fn: ((self: PyObject) => ((self as PySet).table.clear(), Py_None)) as PyMethodDef["fn"] },
  varargs("update", (s, o) => {
    for (const x of o) _PySet_Update(s, x);
    return Py_None;
  }),
  varargs("intersection_update", (s, o) => {
    const r = intersection(s, o);
    s.table.clear();
    for (const x of r.keys()) s.add(x);
    return Py_None;
  }),
  varargs("difference_update", (s, o) => {
    for (const other of o) for (const x of elements(other)) s.table.delItem(x);
    return Py_None;
  }),
  one("symmetric_difference_update", (s, o) => {
    const r = symdiff(s, o);
    s.table.clear();
    for (const x of r.keys()) s.add(x);
    return Py_None;
  }),
];

export class PySetIter extends PyObjectBase {
  private readonly it: Iterator<PyObject>;
  private readonly size: number;
  constructor(public readonly set: PySet) {
    super();
    this.it = set.keys();
    this.size = set.size;
  }
  next(): PyObject | null {
    if (this.set.size !== this.size) throw runtimeError("Set changed size during iteration");
    const r = this.it.next();
    return r.done ? null : r.value;
  }
}
export const PySetIter_Type = newStaticType("set_iterator", PyBaseObject_Type, 0);
PySetIter.prototype.ob_type = PySetIter_Type;
PySetIter_Type.tp_iter = (v) => v;
PySetIter_Type.tp_iternext = (v) => (v as PySetIter).next();

/** Set operations on dict views (keys/items) produce sets. */
export function _dictViewSetOp(op: string, a: PyObject, b: PyObject): PyObject {
  const left = new PySet(iterableToArray(a));
  const right = b instanceof PySet ? b : new PySet(iterableToArray(b));
  switch (op) {
    case "&":
      return intersection(left, [right]);
    case "|":
      return union(left, [right]);
    case "^":
      return symdiff(left, right);
    default:
      return difference(left, [right]);
  }
}
