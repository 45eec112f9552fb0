// CPython: Modules/_functoolsmodule.c — reduce, cmp_to_key (KeyWrapper objects), and the module;
// partial and Placeholder are in _functools_partial.ts, _lru_cache_wrapper in _functools_lru.ts.
import {
  PyObjectBase, type PyObject, newStaticType, PyBaseObject_Type, Py_None, Py_TYPE,
} from "../objects/object.js";
import { PyModule } from "../objects/moduleobject.js";
import type { PyTuple } from "../objects/tupleobject.js";
import {
  PyObject_GetIter, PyIter_Next, PyObject_Vectorcall, PyObject_RichCompare,
} from "../objects/abstract.js";
import { typeError, attributeError, PyErr_ExceptionMatches } from "../python/errors.js";
import { PyExc_TypeError } from "../objects/exceptions.js";
import { ArgParser } from "../python/getargs.js";
import { newBuiltinFunction } from "../objects/methodobject.js";
import { PyPartial_Type, PlaceholderType, Placeholder, newPartial } from "./_functools_partial.js";
import { LruCacheWrapper_Type } from "./_functools_lru.js";

export { newPartial };

// --- reduce -----------------------------------------------------------------------------------------

const reduceArgs = new ArgParser("reduce", ["function", "iterable", "initial"], { posonly: 2, required: 2 });
const REDUCE_DOC =
  "Apply a function of two arguments cumulatively to the items of an iterable, from left to right.\n\n" +
  "This effectively reduces the iterable to a single value.  If initial is present,\n" +
  "it is placed before the items of the iterable in the calculation, and serves as\n" +
  "a default when the iterable is empty.\n\n" +
  "For example, reduce(lambda x, y: x+y, [1, 2, 3, 4, 5])\ncalculates ((((1 + 2) + 3) + 4) + 5).";

function reduce(_s: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null): PyObject {
  const [func, seq, initial] = reduceArgs.parse(args, start, nargs, kw) as [PyObject, PyObject, PyObject | null];
  let it: PyObject;
  try {
    it = PyObject_GetIter(seq);
  } catch (e) {
    if (PyErr_ExceptionMatches(e, PyExc_TypeError)) throw typeError("reduce() arg 2 must support iteration");
    throw e;
  }
  let result: PyObject | null = initial;
  const pair: PyObject[] = [Py_None, Py_None];
  for (let x = PyIter_Next(it); x !== null; x = PyIter_Next(it)) {
    if (result === null) result = x;
    else {
      pair[0] = result;
      pair[1] = x;
      result = PyObject_Vectorcall(func, pair, 0, 2, null);
    }
  }
  if (result === null) throw typeError("reduce() of empty iterable with no initial value");
  return result;
}

// --- cmp_to_key -------------------------------------------------------------------------------------

class PyKeyWrapper extends PyObjectBase {
  constructor(
    readonly cmp: PyObject,
    /** The wrapped value; null for the factory cmp_to_key returns. */
    readonly object: PyObject | null,
  ) {
    super();
  }
}
const KeyWrapper_Type = newStaticType("functools.KeyWrapper", PyBaseObject_Type, 0);
PyKeyWrapper.prototype.ob_type = KeyWrapper_Type;
KeyWrapper_Type.tp_hash = null;
const keyArgs = new ArgParser("K", ["obj"], { required: 1 });
KeyWrapper_Type.tp_call = (self, args, start, nargs, kw) => {
  const obj = nargs === 1 && kw === null ? args[start] : (keyArgs.parse(args, start, nargs, kw)[0] as PyObject);
  return new PyKeyWrapper((self as PyKeyWrapper).cmp, obj);
};
KeyWrapper_Type.tp_richcompare = (v, w, op) => {
  const ko = v as PyKeyWrapper;
  if (Py_TYPE(w) !== Py_TYPE(ko)) throw typeError("other argument must be K instance");
  const other = w as PyKeyWrapper;
  if (ko.object === null || other.object === null) throw attributeError("object");
  const res = PyObject_Vectorcall(ko.cmp, [ko.object, other.object], 0, 2, null);
  return PyObject_RichCompare(res, 0, op);
};
KeyWrapper_Type.tp_getset = [{ name: "obj", get: (s) => (s as PyKeyWrapper).object ?? Py_None, doc: "Value wrapped by a key function." }];

const cmpToKeyArgs = new ArgParser("cmp_to_key", ["mycmp"], { required: 1 });

export function init_functools(): PyModule {
  const m = new PyModule("_functools", "Tools that operate on functions.");
  const d = m.dict;
  d.setStr("reduce", newBuiltinFunction("reduce", reduce, "_functools", REDUCE_DOC));
  d.setStr(
    "cmp_to_key",
    newBuiltinFunction("cmp_to_key", (_s, args, start, nargs, kw) => {
      const [cmp] = cmpToKeyArgs.parse(args, start, nargs, kw) as PyObject[];
      return new PyKeyWrapper(cmp, null);
    }, "_functools", "Convert a cmp= function into a key= function.\n\n  mycmp\n    Function that compares two objects."),
  );
  d.setStr("partial", PyPartial_Type);
  d.setStr("_PlaceholderType", PlaceholderType);
  d.setStr("Placeholder", Placeholder);
  d.setStr("_lru_cache_wrapper", LruCacheWrapper_Type);
  return m;
}
