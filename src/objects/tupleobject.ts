// CPython: Objects/tupleobject.c
import {
  PyObjectBase, type PyObject, type PyMethodDef, newStaticType, PyBaseObject_Type, Py_TPFLAGS_BASETYPE,
  Py_TPFLAGS_TUPLE_SUBCLASS, Py_NotImplemented, Py_TYPE,
} from "./object.js";
import { PyObject_Hash, iterableToArray, PyIndex_Check } from "./abstract.js";
import { PySlice } from "./sliceobject.js";
import { seqIndex, seqSlice, seqRichCompare, seqContains, seqRepeat, seqRepr, seqIndexOf, seqCount } from "./listobject.js";
import { typeError, indexError, valueError } from "../python/errors.js";
import { ArgParser, checkPositional } from "../python/getargs.js";
import { reprEnter, reprLeave } from "./reprguard.js";
import { _genericAlias } from "./dictobject.js";

export class PyTuple extends PyObjectBase {
  constructor(public readonly items: readonly PyObject[]) {
    super();
  }
}
export const PyTuple_Type = newStaticType("tuple", PyBaseObject_Type, Py_TPFLAGS_BASETYPE | Py_TPFLAGS_TUPLE_SUBCLASS);
PyTuple.prototype.ob_type = PyTuple_Type;

export const EMPTY_TUPLE = new PyTuple([]);

const T = PyTuple_Type;
const asTuple = (v: PyObject): PyTuple => v as PyTuple;

T.tp_new = (type, args, start, nargs, kwnames) => {
  if (kwnames !== null && kwnames.items.length && type === PyTuple_Type) throw typeError("tuple() takes no keyword arguments");
  checkPositional("tuple", nargs, 0, 1);
  if (type === PyTuple_Type) {
    if (nargs === 0) return EMPTY_TUPLE;
    const a = args[start];
    if (a instanceof PyTuple && Py_TYPE(a) === PyTuple_Type) return a;
    return new PyTuple(iterableToArray(a));
  }
  const t = new PyTuple(nargs === 0 ? [] : iterableToArray(args[start]));
  t.ob_type = type;
  return t;
};
T.tp_repr = (v) => {
  const t = asTuple(v);
  if (t.items.length === 0) return "()";
  if (!reprEnter(t)) return "(...)";
  try {
    if (t.items.length === 1) return seqRepr(t.items, "(", ",)");
    return seqRepr(t.items, "(", ")");
  } finally {
    reprLeave(t);
  }
};
T.sq_length = (v) => asTuple(v).items.length;
T.sq_contains = (v, x) => seqContains(asTuple(v).items, x);
T.sq_concat = (v, w) => {
  if (!(w instanceof PyTuple)) throw typeError(`can only concatenate tuple (not "${Py_TYPE(w).tp_name}") to tuple`);
  if (w.items.length === 0 && Py_TYPE(v) === PyTuple_Type) return v;
  return new PyTuple(asTuple(v).items.concat(w.items));
};
T.sq_repeat = (v, n) => {
  if (n === 1 && Py_TYPE(v) === PyTuple_Type) return v;
  return new PyTuple(seqRepeat(asTuple(v).items, n));
};
T.sq_item = (v, i) => {
  const items = asTuple(v).items;
  if (i < 0 || i >= items.length) throw indexError("tuple index out of range");
  return items[i];
};
T.mp_length = (v) => asTuple(v).items.length;
T.mp_subscript = (v, key) => {
  const items = asTuple(v).items;
  if (typeof key === "number") {
    const i = key < 0 ? key + items.length : key;
    if (i < 0 || i >= items.length) throw indexError("tuple index out of range");
    return items[i];
  }
  if (key instanceof PySlice) return new PyTuple(seqSlice(items, key));
  if (PyIndex_Check(key)) return items[seqIndex(key, items.length, "tuple")];
  throw typeError(`tuple indices must be integers or slices, not ${Py_TYPE(key).tp_name}`);
};
T.tp_richcompare = (v, w, op) => {
  if (!(w instanceof PyTuple)) return Py_NotImplemented;
  return seqRichCompare(asTuple(v).items, w.items, op);
};

/** CPython: tuplehash (xxHash-based, 64-bit). */
const XXPRIME_1 = 11400714785074694791n;
const XXPRIME_2 = 14029467366897019727n;
const XXPRIME_5 = 2870177450012600261n;
const M64 = (1n << 64n) - 1n;
T.tp_hash = (v) => {
  const items = asTuple(v).items;
  let acc = XXPRIME_5;
  for (const x of items) {
    const h = PyObject_Hash(x);
    const lane = BigInt.asUintN(64, typeof h === "bigint" ? h : BigInt(h));
    acc = (acc + lane * XXPRIME_2) & M64;
    acc = ((acc << 31n) | (acc >> 33n)) & M64;
    acc = (acc * XXPRIME_1) & M64;
  }
  acc = (acc + (BigInt(items.length) ^ (XXPRIME_5 ^ 3527539n))) & M64;
  if (acc === M64) return 1546275796;
  const s = BigInt.asIntN(64, acc);
  return s >= -9007199254740991n && s <= 9007199254740991n ? Number(s) : s;
};
T.tp_iter = (v) => new PyTupleIter(asTuple(v));

const tupleIndexArgs = new ArgParser("index", ["value", "start", "stop"], { posonly: 3, required: 1 });
T.tp_methods = [
  {
    name: "index",
    kind: "fast",
    fn: ((self: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null) => {
      const i = seqIndexOf(asTuple(self).items, args, start, nargs, kw, tupleIndexArgs);
      if (i < 0) throw valueError("tuple.index(x): x not in tuple");
      return i;
    }) as PyMethodDef["fn"],
  },
  { name: "count", kind: "o", fn: ((self: PyObject, x: PyObject) => seqCount(asTuple(self).items, x)) as PyMethodDef["fn"] },
  {
    name: "__getnewargs__",
    kind: "noargs",
    fn: ((self: PyObject) => new PyTuple([new PyTuple(asTuple(self).items)])) as PyMethodDef["fn"],
  },
  {
    name: "__class_getitem__",
    kind: "o",
    binding: "class",
    fn: ((cls: PyObject, item: PyObject) => _genericAlias(cls, item)) as PyMethodDef["fn"],
  },
];

export class PyTupleIter extends PyObjectBase {
  index = 0;
  constructor(public tuple: PyTuple | null) {
    super();
  }
}
export const PyTupleIter_Type = newStaticType("tuple_iterator", PyBaseObject_Type, 0);
PyTupleIter.prototype.ob_type = PyTupleIter_Type;
PyTupleIter_Type.tp_iter = (v) => v;
PyTupleIter_Type.tp_iternext = (v) => {
  const it = v as PyTupleIter;
  const t = it.tuple;
  if (t === null) return null;
  if (it.index < t.items.length) return t.items[it.index++];
  it.tuple = null;
  return null;
};
PyTupleIter_Type.tp_methods = [
  {
    name: "__length_hint__",
    kind: "noargs",
    fn: ((v: PyObject) => {
      const it = v as PyTupleIter;
      return it.tuple === null ? 0 : it.tuple.items.length - it.index;
    }) as PyMethodDef["fn"],
  },
];
