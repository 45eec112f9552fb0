// CPython: Objects/dictobject.c
//
// An insertion-ordered hash table with Python key equality. Keys of the common built-in types
// (str, int, bool, float, None) are mapped to a JS Map key that already has Python's equality
// (1 == 1.0 == True share a key; "1" does not); other keys are found by Python hash and __eq__.
// Entries live in parallel arrays in insertion order; deletions leave holes compacted later.
import {
  PyObjectBase, type PyObject, type PyMethodDef, newStaticType, PyBaseObject_Type, Py_None, Py_NotImplemented,
  Py_TPFLAGS_BASETYPE, Py_TPFLAGS_DICT_SUBCLASS, Py_TYPE, PyNoneType, Py_EQ, Py_NE,
} from "./object.js";
import { PyFloat } from "./floatobject.js";
import { PyStrBox } from "./unicodeobject.js";
import { PyLongBox } from "./longobject.js";
import { PyUnicode_Type, PyLong_Type } from "./object.js";
import { PyTuple } from "./tupleobject.js";
import { PyList } from "./listobject.js";
import {
  PyObject_Hash, PyObject_RichCompareBool, PyObject_Repr, PyObject_GetIter, PyIter_Next, PyObject_GetAttr,
  PyObject_CallNoArgs, PyObject_GetItem, iterableToArray, PyObject_GetOptionalAttr, PyObject_IsTrue,
} from "./abstract.js";
import { typeError, keyError, valueError, runtimeError } from "../python/errors.js";
import { ArgParser, checkPositional } from "../python/getargs.js";
import { reprEnter, reprLeave } from "./reprguard.js";
import { PyObject_Vectorcall } from "./abstract.js";
import { _dictViewSetOp } from "./setobject.js";
import { PyObject_SetItem } from "./abstract.js";
import { PyFloat_Type } from "./floatobject.js";

/** A JS Map key with Python equality for primitive-like keys, or undefined for general objects. */
function fastKey(k: PyObject): unknown {
  switch (typeof k) {
    case "string":
      return k;
    case "number":
      return k;
    case "boolean":
      return k ? 1 : 0;
    case "bigint":
      return k;
  }
  if (k instanceof PyFloat && k.ob_type === PyFloat_Type) {
    const x = k.value;
    if (x !== x) return undefined; // NaN: identity only
    if (Number.isInteger(x)) return Number.isSafeInteger(x) ? x + 0 : BigInt(x);
    return x; // a non-integral number can only come from a float
  }
  if (k instanceof PyNoneType) return k;
  if ((k instanceof PyStrBox || k instanceof PyLongBox) && sameKeySemantics(k)) return fastKey(k.value);
  return undefined;
}

/** A str/int subclass instance keys like its value when it keeps the base type's __hash__ and __eq__. */
function sameKeySemantics(k: PyObjectBase): boolean {
  const t = k.ob_type;
  const base = k instanceof PyStrBox ? PyUnicode_Type : PyLong_Type;
  return t.tp_hash === base.tp_hash && t.tp_richcompare === base.tp_richcompare;
}

const DELETED = Symbol("deleted");

/** The hash of a dict key, with dict's message for unhashable keys. */
function dictHash(key: PyObject): PyObject {
  if (Py_TYPE(key).tp_hash === null) {
    const n = Py_TYPE(key).tp_name;
    throw typeError(`cannot use '${n}' as a dict key (unhashable type: '${n}')`);
  }
  return PyObject_Hash(key);
}


export class PyDict extends PyObjectBase {
  /** Insertion-ordered keys; DELETED marks a hole. */
  private ks: (PyObject | typeof DELETED)[] = [];
  private vs: PyObject[] = [];
  /** fast key -> entry index */
  private fast = new Map<unknown, number>();
  /** Python hash -> entry indices, for other keys */
  private slow: Map<unknown, number[]> | null = null;
  private holes = 0;
  /** Bumped on every insertion or deletion (for "changed size during iteration"). */
  version = 0;
  constructor() {
    super();
  }

  get size(): number {
    return this.ks.length - this.holes;
  }

  private findSlow(key: PyObject, h: unknown): number {
    const bucket = this.slow?.get(h);
    if (bucket !== undefined) {
      for (const i of bucket) {
        const k = this.ks[i];
        if (k === key) return i;
      }
      for (const i of bucket) {
        const k = this.ks[i] as PyObject;
        if (PyObject_RichCompareBool(k, key, Py_EQ)) return i;
      }
    }
    // a general object may equal a primitive key with the same hash (e.g. Fraction(1) == 1)
    if (this.fast.size && (typeof h === "number" || typeof h === "bigint")) {
      const i = this.fast.get(h);
      if (i !== undefined && PyObject_RichCompareBool(this.ks[i] as PyObject, key, Py_EQ)) return i;
    }
    return -1;
  }

  /** Index of `key`, or -1. */
  private find(key: PyObject): number {
    const fk = fastKey(key);
    if (fk !== undefined) {
      const i = this.fast.get(fk);
      if (i !== undefined) return i;
      if (this.slow !== null && this.slow.size) {
        // a general key may equal this primitive (same hash)
        const h = PyObject_Hash(key);
        const bucket = this.slow.get(h);
        if (bucket) for (const j of bucket) if (PyObject_RichCompareBool(this.ks[j] as PyObject, key, Py_EQ)) return j;
      }
      return -1;
    }
    return this.findSlow(key, dictHash(key));
  }

  getItem(key: PyObject): PyObject | undefined {
    if (typeof key === "string") {
      const i = this.fast.get(key);
      if (i !== undefined) return this.vs[i];
      if (this.slow === null) return undefined;
    }
    const i = this.find(key);
    return i < 0 ? undefined : this.vs[i];
  }

  /** Lookup by a str key (attribute dicts, globals). */
  getStr(key: string): PyObject | undefined {
    const i = this.fast.get(key);
    if (i !== undefined) return this.vs[i];
    if (this.slow === null) return undefined;
    return this.getItem(key);
  }

  setItem(key: PyObject, value: PyObject): void {
    const fk = fastKey(key);
    if (fk !== undefined) {
      const i = this.fast.get(fk);
      if (i !== undefined) {
        this.vs[i] = value;
        return;
      }
      if (this.slow !== null && this.slow.size) {
        const j = this.find(key);
        if (j >= 0) {
          this.vs[j] = value;
          return;
        }
      }
      this.fast.set(fk, this.ks.length);
    } else {
      const h = dictHash(key);
      const j = this.findSlow(key, h);
      if (j >= 0) {
        this.vs[j] = value;
        return;
      }
      if (this.slow === null) this.slow = new Map();
      const bucket = this.slow.get(h);
      if (bucket) bucket.push(this.ks.length);
      else this.slow.set(h, [this.ks.length]);
    }
    this.ks.push(key);
    this.vs.push(value);
    this.version++;
  }

  setStr(key: string, value: PyObject): void {
    const i = this.fast.get(key);
    if (i !== undefined) this.vs[i] = value;
    else this.setItem(key, value);
  }

  /** Removes `key`; returns whether it was present. */
  delItem(key: PyObject): boolean {
    const i = this.find(key);
    if (i < 0) return false;
    this.removeAt(i);
    return true;
  }

  delStr(key: string): boolean {
    return this.delItem(key);
  }

  private removeAt(i: number): void {
    const key = this.ks[i] as PyObject;
    const fk = fastKey(key);
    if (fk !== undefined && this.fast.get(fk) === i) this.fast.delete(fk);
    else if (this.slow !== null) {
      for (const [h, bucket] of this.slow) {
        const p = bucket.indexOf(i);
        if (p >= 0) {
          bucket.splice(p, 1);
          if (bucket.length === 0) this.slow.delete(h);
          break;
        }
      }
    }
    this.ks[i] = DELETED;
    this.vs[i] = Py_None;
    this.holes++;
    this.version++;
    if (i === this.ks.length - 1) {
      // trailing holes are dropped at once (popitem)
      while (this.ks.length && this.ks[this.ks.length - 1] === DELETED) {
        this.ks.pop();
        this.vs.pop();
        this.holes--;
      }
    } else if (this.holes > 16 && this.holes * 2 > this.ks.length) this.compact();
  }

  private compact(): void {
    const ks: PyObject[] = [];
    const vs: PyObject[] = [];
    for (let i = 0; i < this.ks.length; i++) {
      if (this.ks[i] !== DELETED) {
        ks.push(this.ks[i] as PyObject);
        vs.push(this.vs[i]);
      }
    }
    this.clear();
    for (let i = 0; i < ks.length; i++) this.setItem(ks[i], vs[i]);
  }

  clear(): void {
    this.ks = [];
    this.vs = [];
    this.fast = new Map();
    this.slow = null;
    this.holes = 0;
    this.version++;
  }

  has(key: PyObject): boolean {
    return this.find(key) >= 0;
  }

  /** Entry storage for iterators: key at position i, or undefined past the end, DELETED for holes. */
  keyAt(i: number): PyObject | typeof DELETED | undefined {
    return this.ks[i];
  }
  valueAt(i: number): PyObject {
    return this.vs[i];
  }
  get capacity(): number {
    return this.ks.length;
  }
  static isHole(k: unknown): boolean {
    return k === DELETED;
  }

  *entries(): IterableIterator<[PyObject, PyObject]> {
    for (let i = 0; i < this.ks.length; i++) {
      const k = this.ks[i];
      if (k !== DELETED) yield [k, this.vs[i]];
    }
  }
  *keys(): IterableIterator<PyObject> {
    for (let i = 0; i < this.ks.length; i++) {
      const k = this.ks[i];
      if (k !== DELETED) yield k;
    }
  }
  *values(): IterableIterator<PyObject> {
    for (let i = 0; i < this.ks.length; i++) if (this.ks[i] !== DELETED) yield this.vs[i];
  }

  /** Removes and returns the last entry (CPython: dict.popitem). */
  popLast(): [PyObject, PyObject] | null {
    for (let i = this.ks.length - 1; i >= 0; i--) {
      const k = this.ks[i];
      if (k !== DELETED) {
        const v = this.vs[i];
        this.removeAt(i);
        return [k, v];
      }
    }
    return null;
  }

  copy(): PyDict {
    const d = new PyDict();
    for (const [k, v] of this.entries()) d.setItem(k, v);
    return d;
  }
}
export const PyDict_Type = newStaticType("dict", PyBaseObject_Type, Py_TPFLAGS_BASETYPE | Py_TPFLAGS_DICT_SUBCLASS);
PyDict.prototype.ob_type = PyDict_Type;

export function PyDict_New(): PyDict {
  return new PyDict();
}

// --- dict(...) and update -------------------------------------------------------------------------------

/** d.update(other) semantics (CPython: dict_update_arg / PyDict_MergeFromSeq2). */
export function dict_update_arg(d: PyDict, other: PyObject): void {
  if (other instanceof PyDict && Py_TYPE(other).tp_iter === PyDict_Type.tp_iter) {
    for (const [k, v] of other.entries()) d.setItem(k, v);
    return;
  }
  const keysMeth = PyObject_GetOptionalAttr(other, "keys");
  if (keysMeth !== null) {
    const ks = iterableToArray(PyObject_CallNoArgs(keysMeth));
    for (const k of ks) d.setItem(k, PyObject_GetItem(other, k));
    return;
  }
  const it = PyObject_GetIter(other);
  let n = 0;
  for (let item = PyIter_Next(it); item !== null; item = PyIter_Next(it), n++) {
    let pair: PyObject[];
    try {
      pair = item instanceof PyTuple || item instanceof PyList ? item.items.slice() : iterableToArray(item);
    } catch (e) {
      if (e instanceof Object && Py_TYPE(e as PyObject).tp_name === "TypeError") {
        throw typeError(`cannot convert dictionary update sequence element #${n} to a sequence`);
      }
      throw e;
    }
    if (pair.length !== 2) {
      throw valueError(`dictionary update sequence element #${n} has length ${pair.length}; 2 is required`);
    }
    d.setItem(pair[0], pair[1]);
  }
}

function kwUpdate(d: PyDict, args: readonly PyObject[], start: number, nargs: number, kwnames: PyTuple | null): void {
  if (kwnames !== null) kwnames.items.forEach((k, i) => d.setItem(k, args[start + nargs + i]));
}

const T = PyDict_Type;
T.tp_new = (type) => {
  const d = new PyDict();
  if (type !== PyDict_Type) d.ob_type = type;
  return d;
};
T.tp_init = (self, args, start, nargs, kwnames) => {
  checkPositional("dict", nargs, 0, 1);
  if (nargs === 1) dict_update_arg(self as PyDict, args[start]);
  kwUpdate(self as PyDict, args, start, nargs, kwnames);
};
T.tp_repr = (v) => {
  const d = v as PyDict;
  if (!reprEnter(d)) return "{...}";
  if (d.size === 0) {
    reprLeave(d);
    return "{}";
  }
  try {
    const parts: string[] = [];
    for (const [k, x] of d.entries()) parts.push(PyObject_Repr(k) + ": " + PyObject_Repr(x));
    return "{" + parts.join(", ") + "}";
  } finally {
    reprLeave(d);
  }
};
T.mp_length = (v) => (v as PyDict).size;
T.mp_subscript = (v, key) => {
  const d = v as PyDict;
  const r = d.getItem(key);
  if (r !== undefined) return r;
  if (Py_TYPE(d) !== PyDict_Type) {
    const missing = PyObject_GetOptionalAttr(Py_TYPE(d), "__missing__");
    if (missing !== null) return callMissing(d, key);
  }
  throw keyError(key);
};
function callMissing(d: PyDict, key: PyObject): PyObject {
  const m = PyObject_GetAttr(d, "__missing__");
  return PyObject_Vectorcall(m, [key], 0, 1, null);
}

T.mp_ass_subscript = (v, key, value) => {
  const d = v as PyDict;
  if (value === null) {
    if (!d.delItem(key)) throw keyError(key);
  } else d.setItem(key, value);
};
T.sq_contains = (v, key) => (v as PyDict).has(key);
T.tp_hash = null;
T.tp_iter = (v) => new PyDictIter(v as PyDict, 0);
T.tp_richcompare = (v, w, op) => {
  if (!(w instanceof PyDict) || (op !== Py_EQ && op !== Py_NE)) return Py_NotImplemented;
  const eq = dictEqual(v as PyDict, w);
  return op === Py_EQ ? eq : !eq;
};
function dictEqual(a: PyDict, b: PyDict): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a.entries()) {
    const w = b.getItem(k);
    if (w === undefined) return false;
    if (!PyObject_RichCompareBool(v, w, Py_EQ)) return false;
  }
  return true;
}
T.nb_or = (v, w) => {
  if (!(v instanceof PyDict) || !(w instanceof PyDict)) return Py_NotImplemented;
  const r = copyOf(v);
  for (const [k, x] of w.entries()) r.setItem(k, x);
  return r;
};
T.nb_inplace_or = (v, w) => {
  dict_update_arg(v as PyDict, w);
  return v;
};

function copyOf(d: PyDict): PyDict {
  return d.copy();
}

// --- iterators and views ----------------------------------------------------------------------------

/** kind: 0 keys, 1 values, 2 items. */
export class PyDictIter extends PyObjectBase {
  pos = 0;
  private readonly version: number;
  private readonly size: number;
  constructor(
    public readonly dict: PyDict,
    public readonly kind: number,
    public readonly reversed = false,
  ) {
    super();
    this.version = dict.version;
    this.size = dict.size;
    if (reversed) this.pos = dict.capacity - 1;
  }
  next(): PyObject | null {
    const d = this.dict;
    if (d.version !== this.version) {
      if (d.size !== this.size) throw runtimeError("dictionary changed size during iteration");
      throw runtimeError("dictionary keys changed during iteration");
    }
    const step = this.reversed ? -1 : 1;
    for (; this.pos >= 0 && this.pos < d.capacity; this.pos += step) {
      const k = d.keyAt(this.pos);
      if (PyDict.isHole(k)) continue;
      const i = this.pos;
      this.pos += step;
      if (this.kind === 0) return k as PyObject;
      if (this.kind === 1) return d.valueAt(i);
      return new PyTuple([k as PyObject, d.valueAt(i)]);
    }
    this.pos = -2;
    return null;
  }
}
const ITER_NAMES = ["dict_keyiterator", "dict_valueiterator", "dict_itemiterator"];
const iterTypes = ITER_NAMES.map((n) => newStaticType(n, PyBaseObject_Type, 0));
const reviterTypes = ["dict_reversekeyiterator", "dict_reversevalueiterator", "dict_reverseitemiterator"].map((n) =>
  newStaticType(n, PyBaseObject_Type, 0),
);
Object.defineProperty(PyDictIter.prototype, "ob_type", {
  get(this: PyDictIter) {
    return (this.reversed ? reviterTypes : iterTypes)[this.kind];
  },
});
for (const t of [...iterTypes, ...reviterTypes]) {
  t.tp_iter = (v) => v;
  t.tp_iternext = (v) => (v as PyDictIter).next();
  t.tp_methods = [
    {
      name: "__length_hint__",
      kind: "noargs",
      fn: ((v: PyObject) => {
        const it = v as PyDictIter;
        let n = 0;
        if (it.pos < 0) return 0;
        for (let i = it.pos; i < it.dict.capacity; i++) if (!PyDict.isHole(it.dict.keyAt(i))) n++;
        return n;
      }) as PyMethodDef["fn"],
    },
  ];
}

/** dict.keys()/values()/items() (CPython: dictview). */
export class PyDictView extends PyObjectBase {
  constructor(
    public readonly dict: PyDict,
    public readonly kind: number,
  ) {
    super();
  }
}
const viewTypes = ["dict_keys", "dict_values", "dict_items"].map((n) => newStaticType(n, PyBaseObject_Type, 0));
Object.defineProperty(PyDictView.prototype, "ob_type", {
  get(this: PyDictView) {
    return viewTypes[this.kind];
  },
});
export const PyDictKeys_Type = viewTypes[0];
export const PyDictValues_Type = viewTypes[1];
export const PyDictItems_Type = viewTypes[2];

function viewToSet(v: PyObject): PyObject[] {
  return iterableToArray(v);
}

viewTypes.forEach((t, kind) => {
  t.tp_iter = (v) => new PyDictIter((v as PyDictView).dict, kind);
  t.sq_length = (v) => (v as PyDictView).dict.size;
  t.tp_repr = (v) => {
    const view = v as PyDictView;
    if (!reprEnter(view)) return "...";
    try {
      const items = iterableToArray(view).map(PyObject_Repr);
      return `${t.tp_name}([${items.join(", ")}])`;
    } finally {
      reprLeave(view);
    }
  };
  t.tp_methods = [
    {
      name: "__reversed__",
      kind: "noargs",
      fn: ((v: PyObject) => new PyDictIter((v as PyDictView).dict, kind, true)) as PyMethodDef["fn"],
    },
    {
      name: "isdisjoint",
      kind: "o",
      fn: ((v: PyObject, other: PyObject) => {
        for (const x of iterableToArray(other)) if (viewContains(v as PyDictView, x)) return false;
        return true;
      }) as PyMethodDef["fn"],
    },
  ];
  t.tp_getset = [{ name: "mapping", get: (v) => mappingProxyOf((v as PyDictView).dict) }];
  if (kind !== 1) {
    t.sq_contains = (v, x) => viewContains(v as PyDictView, x);
    t.tp_richcompare = (v, w, op) => setLikeCompare(v, w, op);
    t.nb_and = (v, w) => setOpHook("&", v, w);
    t.nb_or = (v, w) => setOpHook("|", v, w);
    t.nb_xor = (v, w) => setOpHook("^", v, w);
    t.nb_subtract = (v, w) => setOpHook("-", v, w);
  }
});

function viewContains(view: PyDictView, x: PyObject): boolean {
  if (view.kind === 0) return view.dict.has(x);
  if (view.kind === 2) {
    if (!(x instanceof PyTuple) || x.items.length !== 2) return false;
    const v = view.dict.getItem(x.items[0]);
    return v !== undefined && PyObject_RichCompareBool(v, x.items[1], Py_EQ);
  }
  for (const v of view.dict.values()) if (PyObject_RichCompareBool(v, x, Py_EQ)) return true;
  return false;
}

function setLikeCompare(v: PyObject, w: PyObject, op: number): PyObject {
  if (!(w instanceof PyDictView) && Py_TYPE(w).tp_name !== "set" && Py_TYPE(w).tp_name !== "frozenset") return Py_NotImplemented;
  const a = viewToSet(v);
  const b = viewToSet(w);
  const inB = (x: PyObject) => b.some((y) => PyObject_RichCompareBool(x, y, Py_EQ));
  const inA = (x: PyObject) => a.some((y) => PyObject_RichCompareBool(x, y, Py_EQ));
  const sub = a.every(inB);
  const sup = b.every(inA);
  switch (op) {
    case Py_EQ:
      return a.length === b.length && sub;
    case Py_NE:
      return !(a.length === b.length && sub);
    case 0:
      return a.length < b.length && sub;
    case 1:
      return sub;
    case 4:
      return a.length > b.length && sup;
    default:
      return sup;
  }
}

function setOpHook(op: string, a: PyObject, b: PyObject): PyObject {
  return _dictViewSetOp(op, a, b);
}
let mappingProxyOf: (d: PyDict) => PyObject = (d) => d;
export function setDictMappingProxy(f: (d: PyDict) => PyObject): void {
  mappingProxyOf = f;
}

// --- methods ------------------------------------------------------------------------------------------

const getArgs = new ArgParser("get", ["key", "default"], { posonly: 2, required: 1 });
const popArgs = new ArgParser("pop", ["key", "default"], { posonly: 2, required: 1 });
const setdefaultArgs = new ArgParser("setdefault", ["key", "default"], { posonly: 2, required: 1 });
const fromkeysArgs = new ArgParser("fromkeys", ["iterable", "value"], { posonly: 2, required: 1 });

function asDict(v: PyObject): PyDict {
  return v as PyDict;
}

T.tp_methods = [
  {
    name: "get",
    kind: "fast",
    fn: ((self: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null) => {
      if (kw === null && (nargs === 1 || nargs === 2)) {
        return asDict(self).getItem(args[start]) ?? (nargs === 2 ? args[start + 1] : Py_None);
      }
      const [key, dflt] = getArgs.parse(args, start, nargs, kw);
      return asDict(self).getItem(key as PyObject) ?? dflt ?? Py_None;
    }) as PyMethodDef["fn"],
  },
  {
    name: "setdefault",
    kind: "fast",
    fn: ((self: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null) => {
      const [key, dflt] = kw === null && (nargs === 1 || nargs === 2) ? [args[start], nargs === 2 ? args[start + 1] : null] : setdefaultArgs.parse(args, start, nargs, kw);
      const d = asDict(self);
      const v = d.getItem(key as PyObject);
      if (v !== undefined) return v;
      d.setItem(key as PyObject, dflt ?? Py_None);
      return dflt ?? Py_None;
    }) as PyMethodDef["fn"],
  },
  {
    name: "pop",
    kind: "fast",
    fn: ((self: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null) => {
      const [key, dflt] = popArgs.parse(args, start, nargs, kw);
      const d = asDict(self);
      const v = d.getItem(key as PyObject);
      if (v === undefined) {
        if (dflt !== null) return dflt;
        throw keyError(key as PyObject);
      }
      d.delItem(key as PyObject);
      return v;
    }) as PyMethodDef["fn"],
  },
  {
    name: "popitem",
    kind: "noargs",
    fn: ((self: PyObject) => {
      const e = asDict(self).popLast();
      if (e === null) throw keyError("popitem(): dictionary is empty");
      return new PyTuple(e);
    }) as PyMethodDef["fn"],
  },
  { name: "keys", kind: "noargs", fn: ((self: PyObject) => new PyDictView(asDict(self), 0)) as PyMethodDef["fn"] },
  { name: "values", kind: "noargs", fn: ((self: PyObject) => new PyDictView(asDict(self), 1)) as PyMethodDef["fn"] },
  { name: "items", kind: "noargs", fn: ((self: PyObject) => new PyDictView(asDict(self), 2)) as PyMethodDef["fn"] },
  {
    name: "update",
    kind: "fast",
    fn: ((self: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null) => {
      checkPositional("update", nargs, 0, 1);
      if (nargs === 1) dict_update_arg(asDict(self), args[start]);
      kwUpdate(asDict(self), args, start, nargs, kw);
      return Py_None;
    }) as PyMethodDef["fn"],
  },
  {
    name: "clear",
    kind: "noargs",
    fn: ((self: PyObject) => {
      asDict(self).clear();
      return Py_None;
    }) as PyMethodDef["fn"],
  },
  { name: "copy", kind: "noargs", fn: ((self: PyObject) => asDict(self).copy()) as PyMethodDef["fn"] },
  {
    name: "__contains__",
    kind: "o",
    fn: ((self: PyObject, key: PyObject) => asDict(self).has(key)) as PyMethodDef["fn"],
  },
  {
    name: "__getitem__",
    kind: "o",
    fn: ((self: PyObject, key: PyObject) => (T.mp_subscript as (a: PyObject, b: PyObject) => PyObject)(self, key)) as PyMethodDef["fn"],
  },
  {
    name: "__reversed__",
    kind: "noargs",
    fn: ((self: PyObject) => new PyDictIter(asDict(self), 0, true)) as PyMethodDef["fn"],
  },
  { name: "__sizeof__", kind: "noargs", fn: ((self: PyObject) => 64 + 24 * asDict(self).size) as PyMethodDef["fn"] },
  {
    name: "fromkeys",
    kind: "fast",
    binding: "class",
    fn: ((cls: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null) => {
      const [iterable, value] = fromkeysArgs.parse(args, start, nargs, kw);
      const d = PyObject_CallNoArgs(cls);
      const v = value ?? Py_None;
      for (const k of iterableToArray(iterable as PyObject)) {
        if (d instanceof PyDict) d.setItem(k, v);
        else PyObject_SetItem(d, k, v);
      }
      return d;
    }) as PyMethodDef["fn"],
  },
  {
    name: "__class_getitem__",
    kind: "o",
    binding: "class",
    fn: ((cls: PyObject, item: PyObject) => genericAliasHook(cls, item)) as PyMethodDef["fn"],
  },
];

/** types.GenericAlias construction for `list[int]` etc. (set once the alias type exists). */
let genericAliasHook: (cls: PyObject, item: PyObject) => PyObject = (cls) => cls;
export function setGenericAliasHook(f: (cls: PyObject, item: PyObject) => PyObject): void {
  genericAliasHook = f;
}
export function _genericAlias(cls: PyObject, item: PyObject): PyObject {
  return genericAliasHook(cls, item);
}


/** CPython: PyDict_GetItemWithError — the value or null (raises only for unhashable keys). */
export function PyDict_GetItem(d: PyDict, key: PyObject): PyObject | null {
  return d.getItem(key) ?? null;
}
export function PyDict_SetItem(d: PyDict, key: PyObject, value: PyObject): void {
  d.setItem(key, value);
}
/** Deletes key, raising KeyError when absent. */
export function PyDict_DelItem(d: PyDict, key: PyObject): void {
  if (!d.delItem(key)) throw keyError(key);
}
export function PyDict_Contains(d: PyDict, key: PyObject): boolean {
  return d.has(key);
}
/** CPython: dict_merge — `override` 1 replaces, 0 keeps, 2 raises KeyError on duplicates (DICT_MERGE). */
export function dict_merge(a: PyDict, b: PyObject, override: 0 | 1 | 2): void {
  if (b instanceof PyDict && Py_TYPE(b).tp_iter === PyDict_Type.tp_iter) {
    for (const [k, v] of b.entries()) {
      if (override !== 1 && a.has(k)) {
        if (override === 2) throw keyError(k);
        continue;
      }
      a.setItem(k, v);
    }
    return;
  }
  const keysMeth = PyObject_GetOptionalAttr(b, "keys");
  if (keysMeth === null) throw typeError(`'${Py_TYPE(b).tp_name}' object is not a mapping`);
  for (const k of iterableToArray(PyObject_CallNoArgs(keysMeth))) {
    if (override !== 1 && a.has(k)) {
      if (override === 2) throw keyError(k);
      continue;
    }
    a.setItem(k, PyObject_GetItem(b, k));
  }
}
