// CPython: Python/ceval.c, match_class, match_keys, get_match_args, and the
// Py_TPFLAGS_MAPPING/SEQUENCE tests of MATCH_MAPPING/MATCH_SEQUENCE (structural pattern matching).
import { Py_None, Py_TYPE, PyTypeObject, type PyObject } from "../objects/object.js";
import { PyTuple } from "../objects/tupleobject.js";
import { PyList } from "../objects/listobject.js";
import { PyDict } from "../objects/dictobject.js";
import { PyRange } from "../objects/rangeobject.js";
import { PyObject_GetAttr, PyObject_GetOptionalAttr, PyObject_Vectorcall } from "../objects/abstract.js";
import { PyExc_TypeError, PyExc_AttributeError } from "../objects/exceptions.js";
import { PyErr_Format, PyErr_ExceptionMatches } from "../python/errors.js";
import { PyObject_IsInstance } from "../python/bltinmodule.js";

/** Types whose instances match `case C(x)` as a whole (CPython: MATCH_SELF types). */
const MATCH_SELF = new Set(["bool", "bytearray", "bytes", "dict", "float", "frozenset", "int", "list", "set", "str", "tuple"]);

function typeChain(v: PyObject): PyTypeObject[] {
  return Py_TYPE(v).tp_mro;
}

/** MATCH_MAPPING: whether `case {...}` can apply (dict and its subclasses, Mapping registrations). */
export function _PyEval_MatchMapping(subject: PyObject): boolean {
  if (subject instanceof PyDict) return true;
  return typeChain(subject).some((t) => t.tp_name === "mappingproxy" || t.tp_name === "OrderedDict" || t.tp_name === "defaultdict" || t.tp_name === "Counter" || abcRegistered(t, "Mapping"));
}

/** MATCH_SEQUENCE: whether `case [...]` can apply (never to str, bytes, bytearray). */
export function _PyEval_MatchSequence(subject: PyObject): boolean {
  if (typeof subject === "string") return false;
  if (subject instanceof PyList || subject instanceof PyTuple || subject instanceof PyRange) return true;
  return typeChain(subject).some((t) => t.tp_name === "deque" || t.tp_name === "memoryview" || t.tp_name === "array" || abcRegistered(t, "Sequence"));
}

/** A class deriving from collections.abc.Mapping/Sequence (the ABC sets the flag on subclasses). */
function abcRegistered(t: PyTypeObject, abc: string): boolean {
  return t.tp_mro.some((b) => b.tp_name === abc && PyObject_GetOptionalAttr(b, "__module__") === "collections.abc");
}

/** MATCH_KEYS: the values for `keys` (a tuple) in `subject`, or None when one is missing. */
export function _PyEval_MatchKeys(subject: PyObject, keys: PyObject): PyObject {
  const items = (keys as PyTuple).items;
  if (items.length === 0) return new PyTuple([]);
  const get = PyObject_GetAttr(subject, "get");
  const dummy = new PyTuple([]);
  const values: PyObject[] = [];
  for (const k of items) {
    const v = PyObject_Vectorcall(get, [k, dummy], 0, 2, null);
    if (v === dummy) return Py_None;
    values.push(v);
  }
  return new PyTuple(values);
}

/** MATCH_CLASS: the attributes a class pattern extracts, or None when it does not match. */
export function _PyEval_MatchClass(subject: PyObject, type: PyObject, nargs: number, kwargs: PyObject): PyObject {
  if (!(type instanceof PyTypeObject)) {
    throw PyErr_Format(PyExc_TypeError, "called match pattern must be a class");
  }
  if (!PyObject_IsInstance(subject, type)) return Py_None;
  const attrs: PyObject[] = [];
  const seen: string[] = [];
  let matchSelf = false;
  if (nargs > 0) {
    let matchArgs = PyObject_GetOptionalAttr(type, "__match_args__");
    if (matchArgs !== null) {
      if (!(matchArgs instanceof PyTuple)) {
        throw PyErr_Format(PyExc_TypeError, `${type.ht_qualname}.__match_args__ must be a tuple (got ${Py_TYPE(matchArgs).tp_name})`);
      }
    } else {
      matchSelf = type.tp_mro.some((t) => MATCH_SELF.has(t.tp_name) && !(t.tp_flags & (1 << 9)));
      matchArgs = new PyTuple([]);
    }
    const allowed = matchSelf ? 1 : (matchArgs as PyTuple).items.length;
    if (allowed < nargs) {
      throw PyErr_Format(PyExc_TypeError, `${type.ht_qualname}() accepts ${allowed} positional sub-pattern${allowed === 1 ? "" : "s"} (${nargs} given)`);
    }
    if (matchSelf) {
      attrs.push(subject);
    } else {
      for (let i = 0; i < nargs; i++) {
        const name = (matchArgs as PyTuple).items[i]!;
        if (typeof name !== "string") {
          throw PyErr_Format(PyExc_TypeError, `__match_args__ elements must be strings (got ${Py_TYPE(name).tp_name})`);
        }
        const v = matchAttr(subject, type, name, seen);
        if (v === null) return Py_None;
        attrs.push(v);
      }
    }
  }
  for (const name of (kwargs as PyTuple).items) {
    const v = matchAttr(subject, type, name as string, seen);
    if (v === null) return Py_None;
    attrs.push(v);
  }
  return new PyTuple(attrs);
}

function matchAttr(subject: PyObject, type: PyTypeObject, name: string, seen: string[]): PyObject | null {
  if (seen.includes(name)) {
    throw PyErr_Format(PyExc_TypeError, `${type.ht_qualname}() got multiple sub-patterns for attribute '${name}'`);
  }
  seen.push(name);
  try {
    return PyObject_GetAttr(subject, name);
  } catch (e) {
    if (PyErr_ExceptionMatches(e, PyExc_AttributeError)) return null;
    throw e;
  }
}

