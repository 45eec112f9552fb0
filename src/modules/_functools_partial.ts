// CPython: Modules/_functoolsmodule.c — partial (with 3.14's Placeholder) and _PlaceholderType.
import {
  PyObjectBase, type PyObject, type PyMethodDef, newStaticType, PyBaseObject_Type, Py_None, Py_TYPE,
  Py_TPFLAGS_BASETYPE, PyObject_TypeCheck,
} from "../objects/object.js";
import { PyTuple, PyTuple_Type, EMPTY_TUPLE } from "../objects/tupleobject.js";
import { PyDict, PyDict_Type, _genericAlias } from "../objects/dictobject.js";
import {
  PyCallable_Check, PyObject_Vectorcall, PyObject_Call, PyObject_Repr, PyObject_Str, PyObject_GetAttr, PySequence_Tuple,
} from "../objects/abstract.js";
import { typeError, attributeError } from "../python/errors.js";
import { reprEnter, reprLeave } from "../objects/reprguard.js";
import { PyMethod_New } from "../objects/classobject.js";

type Fn = PyMethodDef["fn"];

// --- Placeholder ------------------------------------------------------------------------------------

class PyPlaceholder extends PyObjectBase {}
export const PlaceholderType = newStaticType("functools._PlaceholderType", PyBaseObject_Type, 0);
PyPlaceholder.prototype.ob_type = PlaceholderType;
PlaceholderType.tp_doc =
  "The type of the Placeholder singleton.\n\nUsed as a placeholder for partial arguments.";
export const Placeholder = new PyPlaceholder();
PlaceholderType.tp_new = (_t, _args, _start, nargs, kw) => {
  if (nargs || (kw !== null && kw.items.length)) throw typeError("PlaceholderType takes no arguments");
  return Placeholder;
};
PlaceholderType.tp_repr = () => "Placeholder";
PlaceholderType.tp_methods = [{ name: "__reduce__", kind: "noargs", fn: (() => "Placeholder") as Fn }];

// --- partial ----------------------------------------------------------------------------------------

export class PyPartial extends PyObjectBase {
  fn: PyObject = Py_None;
  args: PyTuple = EMPTY_TUPLE;
  kw: PyDict = new PyDict();
  /** How many of args are Placeholder. */
  phcount = 0;
  dict: PyDict | null = null;
}
export const PyPartial_Type = newStaticType("functools.partial", PyBaseObject_Type, Py_TPFLAGS_BASETYPE);
PyPartial.prototype.ob_type = PyPartial_Type;
PyPartial_Type.tp_dictoffset = 1;
PyPartial_Type.tp_doc = "Create a new function with partial application of the given arguments\nand keywords.";
const P = PyPartial_Type;

function countPlaceholders(args: readonly PyObject[]): number {
  let n = 0;
  for (let i = 0; i < args.length; i++) if (args[i] === Placeholder) n++;
  return n;
}

/** partial(func, /, *args, **keywords) (CPython: partial_new). */
P.tp_new = (type, args, start, nargs, kwnames) => {
  if (nargs < 1) throw typeError("type 'partial' takes at least one argument");
  let func = args[start];
  const newArgs = args.slice(start + 1, start + nargs);
  if (newArgs.length && newArgs[newArgs.length - 1] === Placeholder) throw typeError("trailing Placeholders are not allowed");
  const nkw = kwnames === null ? 0 : kwnames.items.length;
  for (let i = 0; i < nkw; i++) {
    if (args[start + nargs + i] === Placeholder) throw typeError("Placeholder cannot be passed as a keyword argument");
  }
  let pargs: readonly PyObject[] = [];
  let pkw: PyDict | null = null;
  let phcount = 0;
  // a partial of a partial (without a __dict__) uses the inner function directly
  if (func instanceof PyPartial && PyObject_TypeCheck(func, PyPartial_Type) && func.dict === null) {
    pargs = func.args.items;
    pkw = func.kw;
    phcount = func.phcount;
    func = func.fn;
  }
  if (!PyCallable_Check(func)) throw typeError("the first argument must be callable");
  const pto = new PyPartial();
  if (type !== PyPartial_Type) pto.ob_type = type;
  pto.fn = func;
  // fill the inner placeholders with the new arguments, then append the rest
  let merged: PyObject[];
  if (pargs.length === 0) merged = newArgs;
  else if (phcount === 0) merged = pargs.concat(newArgs);
  else {
    merged = pargs.slice();
    let j = 0;
    for (let i = 0; i < merged.length && j < newArgs.length; i++) if (merged[i] === Placeholder) merged[i] = newArgs[j++];
    for (; j < newArgs.length; j++) merged.push(newArgs[j]);
  }
  pto.args = new PyTuple(merged);
  pto.phcount = countPlaceholders(merged);
  const kw = pkw === null ? new PyDict() : pkw.copy();
  for (let i = 0; i < nkw; i++) kw.setItem(kwnames!.items[i], args[start + nargs + i]);
  pto.kw = kw;
  return pto;
};

/** The partial's call (CPython: partial_vectorcall, falling back to partial_call with keywords). */
P.tp_call = (self, args, start, nargs, kwnames) => {
  const pto = self as PyPartial;
  const phcount = pto.phcount;
  if (nargs < phcount) {
    throw typeError(`missing positional arguments in 'partial' call; expected at least ${phcount}, got ${nargs}`);
  }
  const pargs = pto.args.items;
  const np = pargs.length;
  const nkw = kwnames === null ? 0 : kwnames.items.length;
  if (pto.kw.size === 0) {
    if (np === 0) return PyObject_Vectorcall(pto.fn, args, start, nargs, kwnames);
    const stack = new Array<PyObject>(np + nargs - phcount + nkw);
    let j = 0;
    for (let i = 0; i < np; i++) {
      const a = pargs[i];
      stack[i] = a === Placeholder ? args[start + j++] : a;
    }
    let k = np;
    for (; j < nargs + nkw; j++) stack[k++] = args[start + j];
    return PyObject_Vectorcall(pto.fn, stack, 0, np + nargs - phcount, kwnames);
  }
  const pos = new Array<PyObject>(np + nargs - phcount);
  let j = 0;
  for (let i = 0; i < np; i++) {
    const a = pargs[i];
    pos[i] = a === Placeholder ? args[start + j++] : a;
  }
  let k = np;
  for (; j < nargs; j++) pos[k++] = args[start + j];
  let kw = pto.kw;
  if (nkw) {
    kw = kw.copy();
    for (let i = 0; i < nkw; i++) kw.setItem(kwnames!.items[i], args[start + nargs + i]);
  }
  return PyObject_Call(pto.fn, pos, kw);
};

P.tp_descr_get = (self, obj) => (obj === null || obj === Py_None ? self : PyMethod_New(self, obj));

P.tp_repr = (self) => {
  const pto = self as PyPartial;
  const t = Py_TYPE(pto);
  const name = `${PyObject_Str(PyObject_GetAttr(t, "__module__"))}.${PyObject_Str(PyObject_GetAttr(t, "__qualname__"))}`;
  if (!reprEnter(pto)) return "...";
  try {
    const parts = [PyObject_Repr(pto.fn)];
    for (const a of pto.args.items) parts.push(PyObject_Repr(a));
    for (const [k, v] of pto.kw.entries()) parts.push(`${PyObject_Str(k)}=${PyObject_Repr(v)}`);
    return `${name}(${parts.join(", ")})`;
  } finally {
    reprLeave(pto);
  }
};

const invalidState = () => typeError("invalid partial state");

P.tp_methods = [
  {
    name: "__reduce__",
    kind: "noargs",
    fn: ((self: PyObject) => {
      const pto = self as PyPartial;
      return new PyTuple([
        Py_TYPE(pto),
        new PyTuple([pto.fn]),
        new PyTuple([pto.fn, pto.args, pto.kw, pto.dict ?? Py_None]),
      ]);
    }) as Fn,
  },
  {
    name: "__setstate__",
    kind: "o",
    fn: ((self: PyObject, state: PyObject) => {
      const pto = self as PyPartial;
      if (!(state instanceof PyTuple) || state.items.length !== 4) throw invalidState();
      const [fn, fnargs, kw, dict] = state.items;
      if (!PyCallable_Check(fn) || !PyObject_TypeCheck(fnargs, PyTuple_Type)) throw invalidState();
      if (kw !== Py_None && !PyObject_TypeCheck(kw, PyDict_Type)) throw invalidState();
      if (dict !== Py_None && !PyObject_TypeCheck(dict, PyDict_Type)) throw invalidState();
      const argItems = Py_TYPE(fnargs) === PyTuple_Type ? (fnargs as PyTuple).items : PySequence_Tuple(fnargs).items;
      if (argItems.length && argItems[argItems.length - 1] === Placeholder) {
        throw typeError("trailing Placeholders are not allowed");
      }
      pto.fn = fn;
      pto.args = new PyTuple(argItems.slice());
      pto.phcount = countPlaceholders(argItems);
      pto.kw = kw === Py_None ? new PyDict() : Py_TYPE(kw) === PyDict_Type ? (kw as PyDict) : (kw as PyDict).copy();
      pto.dict = dict === Py_None ? null : (dict as PyDict);
      return Py_None;
    }) as Fn,
  },
  { name: "__class_getitem__", kind: "o", binding: "class", fn: ((cls: PyObject, item: PyObject) => _genericAlias(cls, item)) as Fn },
];

const readonly = (): never => {
  throw attributeError("readonly attribute");
};
P.tp_getset = [
  { name: "func", get: (s) => (s as PyPartial).fn, set: readonly, doc: "function object to use in future partial calls" },
  { name: "args", get: (s) => (s as PyPartial).args, set: readonly, doc: "tuple of arguments to future partial calls" },
  { name: "keywords", get: (s) => (s as PyPartial).kw, set: readonly, doc: "dictionary of keyword arguments to future partial calls" },
  {
    name: "__dict__",
    get: (s) => ((s as PyPartial).dict ??= new PyDict()),
    set: (s, v) => {
      if (!(v instanceof PyDict)) throw typeError("__dict__ must be set to a dictionary, not a '" + Py_TYPE(v ?? Py_None).tp_name + "'");
      (s as PyPartial).dict = v;
    },
  },
];

/** partial(type, *args, **kwargs) from TypeScript (operator.methodcaller's __reduce__). */
export function newPartial(fn: PyObject, args: PyObject[], kwnames: string[], kwvalues: PyObject[]): PyObject {
  const stack = [fn, ...args, ...kwvalues];
  return P.tp_new!(P, stack, 0, 1 + args.length, kwnames.length ? new PyTuple(kwnames) : null);
}
