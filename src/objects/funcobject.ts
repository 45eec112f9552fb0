// CPython: Objects/funcobject.c
//
// A Python function: a code object plus the globals, defaults and closure it was made with.
// Calls go through tp_call (_PyFunction_Vectorcall in src/vm/ceval.ts); the eval loop runs
// Python-to-Python calls inline without it.
import { PyObjectBase, PyBaseObject_Type, Py_None, Py_TYPE, newStaticType, type PyObject, type PyGetSetDef } from "./object.js";
import { CO_HAS_DOCSTRING, PyCodeObject } from "./codeobject.js";
import { PyTuple } from "./tupleobject.js";
import { PyDict } from "./dictobject.js";
import { typeError, valueError } from "../python/errors.js";
import { _PyFunction_Vectorcall, _PyEval_GetBuiltinsFromGlobals } from "../vm/ceval.js";
import { PyDict_GetItem } from "../vm/ceval_ops.js";
import { PyMethod_New } from "./classobject.js";
import { Py_TPFLAGS_METHOD_DESCRIPTOR } from "./descrobject.js";

export const PyFunction_Type = newStaticType("function", PyBaseObject_Type, 0);

// SET_FUNCTION_ATTRIBUTE's oparg (CPython: Include/internal/pycore_opcode_utils.h, MAKE_FUNCTION_*)
export const MAKE_FUNCTION_DEFAULTS = 0x01;
export const MAKE_FUNCTION_KWDEFAULTS = 0x02;
export const MAKE_FUNCTION_ANNOTATIONS = 0x04;
export const MAKE_FUNCTION_CLOSURE = 0x08;
export const MAKE_FUNCTION_ANNOTATE = 0x10;

export class PyFunctionObject extends PyObjectBase {
  func_code: PyCodeObject;
  func_globals: PyObject;
  func_builtins: PyObject;
  func_name: string;
  func_qualname: string;
  /** Positional defaults, or null. */
  func_defaults: PyTuple | null = null;
  /** Keyword-only defaults (a dict), or null. */
  func_kwdefaults: PyObject | null = null;
  /** Tuple of cells for the code's free variables, or null. */
  func_closure: PyTuple | null = null;
  func_doc: PyObject;
  /** The function's __dict__ (function attributes), made on first use; `dict` as every object with one. */
  dict: PyDict | null = null;
  func_module: PyObject;
  func_annotations: PyObject | null = null;
  func_annotate: PyObject | null = null;
  func_typeparams: PyObject | null = null;

  constructor(code: PyCodeObject, globals: PyObject, qualname: string | null) {
    super();
    this.func_code = code;
    this.func_globals = globals;
    this.func_builtins = _PyEval_GetBuiltinsFromGlobals(globals);
    this.func_name = code.co_name;
    this.func_qualname = qualname ?? code.co_qualname;
    this.func_doc = code.co_flags & CO_HAS_DOCSTRING && code.co_consts.length > 0 ? code.co_consts[0]! : Py_None;
    this.func_module = PyDict_GetItem(globals, "__name__") ?? Py_None;
  }
}
PyFunctionObject.prototype.ob_type = PyFunction_Type;
PyFunction_Type.tp_call = _PyFunction_Vectorcall;
// a function in a class body becomes a method of the instances (CPython: func_descr_get)
PyFunction_Type.tp_descr_get = (f, obj) => (obj === null || obj === Py_None ? f : PyMethod_New(f, obj));
PyFunction_Type.tp_flags |= Py_TPFLAGS_METHOD_DESCRIPTOR;

/** CPython: PyFunction_New. */
export function PyFunction_New(code: PyCodeObject, globals: PyObject): PyFunctionObject {
  return new PyFunctionObject(code, globals, null);
}

/** Applies one SET_FUNCTION_ATTRIBUTE (CPython: bytecodes.c, SET_FUNCTION_ATTRIBUTE). */
export function _PyFunction_SetAttribute(func: PyFunctionObject, flag: number, value: PyObject): void {
  switch (flag) {
    case MAKE_FUNCTION_DEFAULTS:
      func.func_defaults = value as PyTuple;
      break;
    case MAKE_FUNCTION_KWDEFAULTS:
      func.func_kwdefaults = value;
      break;
    case MAKE_FUNCTION_ANNOTATIONS:
      func.func_annotations = value;
      break;
    case MAKE_FUNCTION_CLOSURE:
      func.func_closure = value as PyTuple;
      break;
    case MAKE_FUNCTION_ANNOTATE:
      func.func_annotate = value;
      break;
  }
}

const orNone = (v: PyObject | null): PyObject => v ?? Py_None;

// Functions carry a __dict__ (CPython: func_dict at tp_dictoffset), so f.attr = v works.
PyFunction_Type.tp_dictoffset = 1;

PyFunction_Type.tp_getset = [
  {
    name: "__dict__",
    get: (f) => ((f as PyFunctionObject).dict ??= new PyDict()),
    set: (f, v) => {
      if (!(v instanceof PyDict)) throw typeError("__dict__ must be set to a dictionary, not a '" + Py_TYPE(v ?? Py_None).tp_name + "'");
      (f as PyFunctionObject).dict = v;
    },
  },
  {
    name: "__code__",
    get: (f) => (f as PyFunctionObject).func_code,
    // CPython: func_set_code
    set: (f, v) => {
      const fn = f as PyFunctionObject;
      if (!(v instanceof PyCodeObject)) throw typeError("__code__ must be set to a code object");
      const nclosure = fn.func_closure === null ? 0 : fn.func_closure.items.length;
      if (nclosure !== v.co_nfreevars) {
        throw valueError(`${fn.func_name}() requires a code object with ${nclosure} free vars, not ${v.co_nfreevars}`);
      }
      fn.func_code = v;
    },
  },
  {
    name: "__type_params__",
    get: (f) => (f as PyFunctionObject).func_typeparams ?? new PyTuple([]),
    set: (f, v) => {
      if (!(v instanceof PyTuple)) throw typeError("__type_params__ must be set to a tuple");
      (f as PyFunctionObject).func_typeparams = v;
    },
  },
  { name: "__globals__", get: (f) => (f as PyFunctionObject).func_globals },
  { name: "__builtins__", get: (f) => (f as PyFunctionObject).func_builtins },
  { name: "__closure__", get: (f) => orNone((f as PyFunctionObject).func_closure) },
  {
    name: "__name__",
    get: (f) => (f as PyFunctionObject).func_name,
    set: (f, v) => {
      (f as PyFunctionObject).func_name = typeof v === "string" ? v : (f as PyFunctionObject).func_name;
    },
  },
  {
    name: "__qualname__",
    get: (f) => (f as PyFunctionObject).func_qualname,
    set: (f, v) => {
      (f as PyFunctionObject).func_qualname = typeof v === "string" ? v : (f as PyFunctionObject).func_qualname;
    },
  },
  {
    name: "__defaults__",
    get: (f) => orNone((f as PyFunctionObject).func_defaults),
    set: (f, v) => {
      (f as PyFunctionObject).func_defaults = v instanceof PyTuple ? v : null;
    },
  },
  {
    name: "__kwdefaults__",
    get: (f) => orNone((f as PyFunctionObject).func_kwdefaults),
    set: (f, v) => {
      (f as PyFunctionObject).func_kwdefaults = v === Py_None ? null : v;
    },
  },
  {
    name: "__doc__",
    get: (f) => (f as PyFunctionObject).func_doc,
    set: (f, v) => {
      (f as PyFunctionObject).func_doc = v ?? Py_None;
    },
  },
  {
    name: "__module__",
    get: (f) => (f as PyFunctionObject).func_module,
    set: (f, v) => {
      (f as PyFunctionObject).func_module = v ?? Py_None;
    },
  },
] satisfies PyGetSetDef[];

PyFunction_Type.tp_repr = (f: PyObject): string => `<function ${(f as PyFunctionObject).func_qualname} at 0x${functionAddress(f as PyFunctionObject)}>`;

let nextId = 1;
const ids = new WeakMap<PyFunctionObject, number>();
function functionAddress(f: PyFunctionObject): string {
  let id = ids.get(f);
  if (id === undefined) ids.set(f, (id = nextId++));
  return (0x7f3a00000000 + id * 0xa0).toString(16);
}
