// CPython: Python/sysmodule.c (_PySys_GetSizeOf) and Include/internal/pycore_object.h
// (_PyType_PreHeaderSize): sys.getsizeof is __sizeof__() plus the memory CPython keeps before
// the object — the GC header (16 bytes) of objects the cycle collector tracks, and the managed
// __dict__ and weakref pointers (16 bytes) of instances of classes that have them.
import { type PyObject, type PyTypeObject, Py_TYPE, Py_TPFLAGS_HEAPTYPE, PyType_Type, PyType_IsSubtype as isSubtype } from "../objects/object.js";
import { PyExc_BaseException } from "../objects/exceptions.js";
import { PyObject_CallNoArgs, _PyObject_LookupSpecial } from "../objects/abstract.js";

import { typeError, valueError, overflowError } from "./errors.js";

/** CPython's static types whose instances the cycle collector tracks (Py_TPFLAGS_HAVE_GC). */
const GC_TYPE_NAMES = new Set([
  "list", "dict", "set", "frozenset", "tuple", "type", "function", "builtin_function_or_method", "method",
  "method-wrapper", "method_descriptor", "classmethod_descriptor", "wrapper_descriptor", "getset_descriptor",
  "member_descriptor", "module", "frame", "generator", "coroutine", "async_generator", "cell", "property",
  "classmethod", "staticmethod", "super", "memoryview", "slice", "enumerate", "zip", "map", "filter", "reversed",
  "list_iterator", "list_reverseiterator", "tuple_iterator", "set_iterator", "dict_keyiterator",
  "dict_valueiterator", "dict_itemiterator", "dict_keys", "dict_values", "dict_items", "iterator",
  "callable_iterator", "mappingproxy", "weakref", "weakproxy", "weakcallableproxy", "traceback", "code",
  "collections.deque", "collections.OrderedDict", "collections.defaultdict", "functools.partial",
  "itertools.chain", "itertools.count", "itertools.cycle", "itertools.islice", "itertools.product",
  "types.SimpleNamespace", "types.GenericAlias", "types.UnionType", "cell_iterator",
]);

/** Whether the type's instances carry the GC header. */
function isGcType(t: PyTypeObject): boolean {
  if (t.tp_flags & Py_TPFLAGS_HEAPTYPE) {
    // a class is collected when its base is, or when it adds __dict__ or slots of objects
    if (hasManagedDict(t)) return true;
    for (const b of t.tp_mro) {
      if (b.tp_flags & Py_TPFLAGS_HEAPTYPE) {
        if (b.ht_slots !== null && b.ht_slots.some((s) => s !== "__weakref__")) return true;
      } else if (isGcType(b)) return true;
    }
    return false;
  }
  return GC_TYPE_NAMES.has(t.tp_name) || isSubtype(t, PyExc_BaseException);
}

/** Whether instances keep a __dict__ (some class of the MRO has no __slots__, or names __dict__). */
function hasManagedDict(t: PyTypeObject): boolean {
  for (const b of t.tp_mro) {
    if (!(b.tp_flags & Py_TPFLAGS_HEAPTYPE)) continue;
    if (b.ht_slots === null || b.ht_slots.includes("__dict__")) return true;
  }
  return false;
}

/** _PyType_PreHeaderSize: the GC header plus the managed dict/weakref pair. */
function preHeaderSize(t: PyTypeObject): number {
  let n = isGcType(t) ? 16 : 0;
  if (t.tp_flags & Py_TPFLAGS_HEAPTYPE && hasManagedDict(t) && !isSubtype(t, PyExc_BaseException)) n += 16;
  return n;
}

/** sys.getsizeof(o) without the default (CPython: _PySys_GetSizeOf). */
export function getSizeOf(o: PyObject): PyObject {
  const t = Py_TYPE(o);
  const method = _PyObject_LookupSpecial(o, "__sizeof__");
  if (method === null) throw typeError(`Type ${t.tp_name} doesn't define __sizeof__`);
  const res = PyObject_CallNoArgs(method);
  if (typeof res !== "number" && typeof res !== "bigint" && typeof res !== "boolean") {
    throw typeError(`'${Py_TYPE(res).tp_name}' object cannot be interpreted as an integer`);
  }
  const size = typeof res === "boolean" ? (res ? 1 : 0) : res;
  if (typeof size === "bigint") {
    if (size < 0n) throw valueError("__sizeof__() should return >= 0");
    throw overflowError("Python int too large to convert to C ssize_t");
  }
  if (size < 0) throw valueError("__sizeof__() should return >= 0");
  // a static type object has no pre-header
  const presize = t === PyType_Type && !((o as PyTypeObject).tp_flags & Py_TPFLAGS_HEAPTYPE) ? 0 : preHeaderSize(t);
  return size + presize;
}
