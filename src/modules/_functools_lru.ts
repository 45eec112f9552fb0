// CPython: Modules/_functoolsmodule.c — _lru_cache_wrapper: the unbounded, uncached (maxsize 0) and
// bounded LRU variants, with CPython's key layout (so hits and misses count the same).
import {
  PyObjectBase, type PyObject, type PyMethodDef, newStaticType, PyBaseObject_Type, Py_None, Py_TYPE, PyLong_Type,
  PyUnicode_Type,
} from "../objects/object.js";
import { PyTuple } from "../objects/tupleobject.js";
import { PyDict } from "../objects/dictobject.js";
import {
  PyCallable_Check, PyObject_Vectorcall, PyObject_GetAttr, PyObject_IsTrue, PyIndex_Check, PyNumber_AsSsize_t,
  PyObject_CallFunctionObjArgs,
} from "../objects/abstract.js";
import { typeError } from "../python/errors.js";
import { ArgParser } from "../python/getargs.js";
import { PyMethod_New } from "../objects/classobject.js";

type Fn = PyMethodDef["fn"];

/** Separates positional arguments from keyword items in a key (CPython: kwd_mark). */
class PyKwdMark extends PyObjectBase {}
const KWD_MARK = new PyKwdMark();

/** A node of the bounded cache's recency list (CPython: lru_list_elem). */
class LruLink extends PyObjectBase {
  prev: LruLink = this;
  next: LruLink = this;
  constructor(
    public key: PyObject,
    public result: PyObject,
  ) {
    super();
  }
}

export class PyLruCacheWrapper extends PyObjectBase {
  dict: PyDict | null = null;
  cache = new PyDict();
  hits = 0;
  misses = 0;
  /** The recency list's sentinel: root.next is the oldest entry, root.prev the newest. */
  readonly root = new LruLink(Py_None, Py_None);
  constructor(
    readonly func: PyObject,
    /** -1: unbounded; 0: no caching. */
    readonly maxsize: number,
    readonly typed: boolean,
    readonly cacheInfoType: PyObject,
  ) {
    super();
  }
}
export const LruCacheWrapper_Type = newStaticType("functools._lru_cache_wrapper", PyBaseObject_Type, 0);
PyLruCacheWrapper.prototype.ob_type = LruCacheWrapper_Type;
LruCacheWrapper_Type.tp_dictoffset = 1;
LruCacheWrapper_Type.tp_doc =
  "Create a cached callable that wraps another function.\n\nuser_function:      the function being cached\n\n" +
  "maxsize:  0         for no caching\n          None      for unlimited cache size\n          n         for a bounded cache\n\n" +
  "typed:    False     cache f(3) and f(3.0) as identical calls\n          True      cache f(3) and f(3.0) as distinct calls\n\n" +
  "cache_info_type:    namedtuple class with the fields:\n                        hits misses currsize maxsize\n";

/** The cache key of a call (CPython: lru_cache_make_key). */
function makeKey(args: readonly PyObject[], start: number, nargs: number, kwnames: PyTuple | null, typed: boolean): PyObject {
  const nkw = kwnames === null ? 0 : kwnames.items.length;
  if (!typed && nkw === 0) {
    if (nargs === 1) {
      const k = args[start];
      const t = Py_TYPE(k);
      // common scalar keys go without the enclosing tuple
      if (t === PyLong_Type || t === PyUnicode_Type) return k;
    }
    return new PyTuple(args.slice(start, start + nargs));
  }
  const key: PyObject[] = args.slice(start, start + nargs);
  if (nkw) {
    key.push(KWD_MARK);
    for (let i = 0; i < nkw; i++) key.push(kwnames!.items[i], args[start + nargs + i]);
  }
  if (typed) {
    for (let i = 0; i < nargs; i++) key.push(Py_TYPE(args[start + i]));
    for (let i = 0; i < nkw; i++) key.push(Py_TYPE(args[start + nargs + i]));
  }
  return new PyTuple(key);
}

function unlink(l: LruLink): void {
  l.prev.next = l.next;
  l.next.prev = l.prev;
}
function appendNewest(root: LruLink, l: LruLink): void {
  const last = root.prev;
  last.next = l;
  l.prev = last;
  l.next = root;
  root.prev = l;
}

LruCacheWrapper_Type.tp_call = (self, args, start, nargs, kwnames) => {
  const w = self as PyLruCacheWrapper;
  if (w.maxsize === 0) {
    w.misses++;
    return PyObject_Vectorcall(w.func, args, start, nargs, kwnames);
  }
  const key = makeKey(args, start, nargs, kwnames, w.typed);
  const cache = w.cache;
  if (w.maxsize < 0) {
    const hit = cache.getItem(key);
    if (hit !== undefined) {
      w.hits++;
      return hit;
    }
    w.misses++;
    const result = PyObject_Vectorcall(w.func, args, start, nargs, kwnames);
    cache.setItem(key, result);
    return result;
  }
  // bounded: a hit moves its link to the newest end
  const found = cache.getItem(key) as LruLink | undefined;
  if (found !== undefined) {
    unlink(found);
    appendNewest(w.root, found);
    w.hits++;
    return found.result;
  }
  w.misses++;
  const result = PyObject_Vectorcall(w.func, args, start, nargs, kwnames);
  // the call may have cached this key itself (recursion): keep that entry
  if (cache.getItem(key) !== undefined) return result;
  const root = w.root;
  if (cache.size < w.maxsize || root.next === root) {
    const link = new LruLink(key, result);
    cache.setItem(key, link);
    appendNewest(root, link);
    return result;
  }
  // full: reuse the oldest link for the new entry
  const oldest = root.next;
  unlink(oldest);
  cache.delItem(oldest.key);
  oldest.key = key;
  oldest.result = result;
  cache.setItem(key, oldest);
  appendNewest(root, oldest);
  return result;
};

LruCacheWrapper_Type.tp_descr_get = (self, obj) => (obj === null || obj === Py_None ? self : PyMethod_New(self, obj));

function cacheClear(w: PyLruCacheWrapper): void {
  w.hits = 0;
  w.misses = 0;
  w.cache = new PyDict();
  w.root.next = w.root;
  w.root.prev = w.root;
}

LruCacheWrapper_Type.tp_methods = [
  {
    name: "cache_info",
    kind: "noargs",
    fn: ((self: PyObject) => {
      const w = self as PyLruCacheWrapper;
      const maxsize = w.maxsize < 0 ? Py_None : w.maxsize;
      return PyObject_CallFunctionObjArgs(w.cacheInfoType, w.hits, w.misses, maxsize, w.cache.size);
    }) as Fn,
    doc: "Report cache statistics",
  },
  {
    name: "cache_clear",
    kind: "noargs",
    fn: ((self: PyObject) => (cacheClear(self as PyLruCacheWrapper), Py_None)) as Fn,
    doc: "Clear the cache and cache statistics",
  },
  { name: "__reduce__", kind: "noargs", fn: ((self: PyObject) => PyObject_GetAttr(self, "__qualname__")) as Fn },
  { name: "__copy__", kind: "noargs", fn: ((self: PyObject) => self) as Fn },
  { name: "__deepcopy__", kind: "o", fn: ((self: PyObject) => self) as Fn },
];
LruCacheWrapper_Type.tp_getset = [
  {
    name: "__dict__",
    get: (s) => ((s as PyLruCacheWrapper).dict ??= new PyDict()),
    set: (s, v) => {
      if (!(v instanceof PyDict)) throw typeError("__dict__ must be set to a dictionary, not a '" + Py_TYPE(v ?? Py_None).tp_name + "'");
      (s as PyLruCacheWrapper).dict = v;
    },
  },
];

const lruArgs = new ArgParser("lru_cache", ["user_function", "maxsize", "typed", "cache_info_type"], { required: 4 });
/** _lru_cache_wrapper(user_function, maxsize, typed, cache_info_type) (CPython: lru_cache_new). */
LruCacheWrapper_Type.tp_new = (_type, args, start, nargs, kwnames) => {
  const [func, maxsizeO, typedO, infoType] = lruArgs.parse(args, start, nargs, kwnames) as PyObject[];
  if (!PyCallable_Check(func)) throw typeError("the first argument must be callable");
  let maxsize: number;
  if (maxsizeO === Py_None) maxsize = -1;
  else if (PyIndex_Check(maxsizeO)) {
    maxsize = PyNumber_AsSsize_t(maxsizeO, "overflow");
    if (maxsize < 0) maxsize = 0;
  } else throw typeError("maxsize should be integer or None");
  return new PyLruCacheWrapper(func, maxsize, PyObject_IsTrue(typedO), infoType);
};
