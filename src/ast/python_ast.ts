// CPython: Python/Python-ast.c — the `_ast` module: the Python-visible node classes, and the
// conversions between them and the compiler's TypeScript tree (ast2obj, obj2ast).
//
// Everything is driven by the tables src/ast/ast_schema.generated.ts generates from
// Parser/Python.asdl, so the classes, their fields and both conversions cannot drift from the
// TypeScript AST the parser builds.
import {
  type PyObject, type PyTypeObject, Py_None, Py_TYPE, PyBaseObject_Type, PyLong_Type, PyUnicode_Type,
  Py_TPFLAGS_BASETYPE, Py_TPFLAGS_HEAPTYPE, Py_TPFLAGS_IMMUTABLETYPE, newStaticType, PyType_IsSubtype,
  PyObjectBase, PyType_Type,
} from "../objects/object.js";
import { PyTuple } from "../objects/tupleobject.js";
import { PyList, PyList_Type } from "../objects/listobject.js";
import { PyDict } from "../objects/dictobject.js";
import { PyBytes } from "../objects/bytesobject.js";
import { PyModule } from "../objects/moduleobject.js";
import {
  PyInstance, type_new_impl, typeDict, instanceDict, PyObject_GenericGetAttr, PyObject_GenericSetAttr,
} from "../objects/typeobject.js";
import { Py_GenericAlias, PyGenericAlias } from "../objects/genericaliasobject.js";
import { _Py_union_type_or, PyUnion } from "../objects/unionobject.js";
import {
  PyObject_GetOptionalAttr, PyObject_SetAttr, PyObject_Repr, PyObject_Call, PyObject_GetAttr,
} from "../objects/abstract.js";
import { newException, PyExc_DeprecationWarning, PyExc_RecursionError, type PyBaseException } from "../objects/exceptions.js";
import { typeError, valueError, runtimeError, overflowError } from "../python/errors.js";
import { PyImport_ImportModuleLevel } from "../python/import.js";
import { PyObject_IsInstance } from "../python/bltinmodule.js";
import { reprEnter, reprLeave } from "../objects/reprguard.js";
import * as A from "./ast.generated.js";
import { NODES, SUMS, type FieldSpec, type NodeSpec } from "./ast_schema.generated.js";

// compile() flags (CPython: Include/cpython/compile.h)
export const PyCF_ONLY_AST = 0x0400;
export const PyCF_TYPE_COMMENTS = 0x1000;
export const PyCF_ALLOW_TOP_LEVEL_AWAIT = 0x2000;
export const PyCF_OPTIMIZED_AST = 0x8000 | PyCF_ONLY_AST;

/** ast.AST: the root class; a heap type, as CPython makes it, so programs may set attributes on it. */
export const PyAST_Type: PyTypeObject = newStaticType("ast.AST", PyBaseObject_Type, Py_TPFLAGS_BASETYPE);
PyAST_Type.tp_flags &= ~Py_TPFLAGS_IMMUTABLETYPE;
PyAST_Type.ht_qualname = "AST";
PyAST_Type.tp_dictoffset = 1;

interface AstState {
  /** Python class by node name (constructors, products, sums). */
  types: Map<string, PyTypeObject>;
  /** The one instance ast2obj gives for each constructor of a fieldless sum (Add, Load, ...). */
  singletons: Map<A.Kind, PyObject>;
  /** Node spec by Python class, for obj2ast's isinstance tests in ASDL order. */
  specs: Map<string, NodeSpec>;
  /** Node spec by the exact class, obj2ast's fast path. */
  byType: Map<PyTypeObject, NodeSpec>;
}
let state: AstState | null = null;

const pyTuple = (names: readonly string[]): PyTuple => new PyTuple(names.slice());

/** The Python type of a field, as `_field_types` shows it: str, int, object, ast.expr, list[ast.expr], ast.expr | None. */
function fieldType(f: FieldSpec, types: Map<string, PyTypeObject>): PyObject {
  let t: PyObject;
  switch (f.type) {
    case "identifier":
    case "string":
      t = PyUnicode_Type;
      break;
    case "int":
      t = PyLong_Type;
      break;
    case "constant":
      t = PyBaseObject_Type;
      break;
    default:
      t = types.get(f.type)!;
  }
  if (f.q === 2) return Py_GenericAlias(PyList_Type, t);
  if (f.q === 1) return _Py_union_type_or(t, Py_None);
  return t;
}

function newAstClass(name: string, base: PyTypeObject, ns: Map<string, PyObject>): PyTypeObject {
  const d = new PyDict();
  d.setStr("__module__", "ast");
  for (const [k, v] of ns) d.setStr(k, v);
  return type_new_impl(PyType_Type, name, [base], d, new Map());
}

/** Creates the classes on first use (CPython: init_types). */
function getState(): AstState {
  if (state !== null) return state;
  // the namespace of AST gets its slot wrappers (__init__, __repr__, ...) while it is still a static type
  const root = typeDict(PyAST_Type);
  root.set("__module__", "ast");
  root.set("_fields", pyTuple([]));
  root.set("_attributes", pyTuple([]));
  root.set("__match_args__", pyTuple([]));
  const types = new Map<string, PyTypeObject>();
  const singletons = new Map<A.Kind, PyObject>();
  const specs = new Map<string, NodeSpec>();
  for (const s of SUMS) {
    const ns = new Map<string, PyObject>([
      ["__doc__", s.doc],
      ["_fields", pyTuple([])],
      ["__match_args__", pyTuple([])],
      ["_attributes", pyTuple(s.attributes.map((a) => a.name))],
    ]);
    for (const a of s.attributes) if (a.q === 1) ns.set(a.name, Py_None);
    types.set(s.name, newAstClass(s.name, PyAST_Type, ns));
  }
  for (const n of NODES) {
    const names = n.fields.map((f) => f.name);
    const ns = new Map<string, PyObject>([
      ["__doc__", n.doc],
      ["_fields", pyTuple(names)],
      ["__match_args__", pyTuple(names)],
    ]);
    if (n.sum === null) ns.set("_attributes", pyTuple(n.attributes.map((a) => a.name)));
    for (const f of n.fields) if (f.q === 1) ns.set(f.name, Py_None);
    if (n.sum === null) for (const a of n.attributes) if (a.q === 1) ns.set(a.name, Py_None);
    const t = newAstClass(n.name, n.sum === null ? PyAST_Type : types.get(n.sum)!, ns);
    types.set(n.name, t);
    specs.set(n.name, n);
    if (n.singleton !== null) singletons.set(n.kind, new PyInstance(t));
  }
  // _field_types refers to the classes, so it is set once all exist
  for (const n of NODES) {
    const ft = new PyDict();
    for (const f of n.fields) ft.setStr(f.name, fieldType(f, types));
    typeDict(types.get(n.name)!).set("_field_types", ft);
  }
  // a heap type from here on, as CPython's (its subclasses took its native slots above)
  PyAST_Type.tp_flags |= Py_TPFLAGS_HEAPTYPE;
  const byType = new Map<PyTypeObject, NodeSpec>();
  for (const n of NODES) byType.set(types.get(n.name)!, n);
  state = { types, singletons, specs, byType };
  return state;
}

// --- ast.AST's slots and methods (CPython: ast_type_init, ast_type_reduce, ast_repr, ast_type_replace) ---

class PyASTObject extends PyInstance {}

PyAST_Type.tp_new = (type) => new PyASTObject(type);

function shortName(t: PyTypeObject): string {
  return t.ht_qualname;
}

function tupleOfStr(v: PyObject | null): readonly string[] {
  if (v === null || !(v instanceof PyTuple)) return [];
  return v.items.filter((x): x is string => typeof x === "string");
}

/** warnings.warn(msg, DeprecationWarning) from C, attributed to the calling Python frame (CPython: PyErr_WarnEx). */
function warnDeprecated(msg: string): void {
  const warnings = PyImport_ImportModuleLevel("warnings", Py_None, Py_None, 0);
  PyObject_Call(PyObject_GetAttr(warnings, "warn"), [msg, PyExc_DeprecationWarning], null);
}

PyAST_Type.tp_init = (self, args, start, nargs, kwnames) => {
  const type = Py_TYPE(self);
  const fields = tupleOfStr(PyObject_GetOptionalAttr(type, "_fields"));
  const name = shortName(type);
  if (nargs > fields.length) {
    throw typeError(`${name} constructor takes at most ${fields.length} positional argument${fields.length === 1 ? "" : "s"}`);
  }
  const set = new Set<string>();
  for (let i = 0; i < nargs; i++) {
    PyObject_SetAttr(self, fields[i], args[start + i]);
    set.add(fields[i]);
  }
  if (kwnames !== null) {
    const attributes = tupleOfStr(PyObject_GetOptionalAttr(type, "_attributes"));
    kwnames.items.forEach((k, i) => {
      const key = k as string;
      const idx = fields.indexOf(key);
      if (idx >= 0 && idx < nargs) throw typeError(`${name} got multiple values for argument '${key}'`);
      if (idx < 0 && !attributes.includes(key)) {
        warnDeprecated(
          `${name}.__init__ got an unexpected keyword argument ${PyObject_Repr(key)}. ` +
            "Support for arbitrary keyword arguments is deprecated and will be removed in Python 3.15.",
        );
      }
      PyObject_SetAttr(self, key, args[start + nargs + i]);
      set.add(key);
    });
  }
  const fieldTypes = PyObject_GetOptionalAttr(type, "_field_types");
  if (!(fieldTypes instanceof PyDict)) return;
  const st = getState();
  for (const f of fields) {
    if (set.has(f)) continue;
    const ft = fieldTypes.getStr(f);
    if (ft === undefined) {
      warnDeprecated(`Field ${PyObject_Repr(f)} is missing from ${name}._field_types. This will become an error in Python 3.15.`);
    } else if (ft instanceof PyGenericAlias) {
      PyObject_SetAttr(self, f, new PyList([]));
    } else if (ft instanceof PyUnion) {
      PyObject_SetAttr(self, f, Py_None);
    } else if (ft === st.types.get("expr_context")) {
      PyObject_SetAttr(self, f, st.singletons.get(A.Kind.Load)!);
    } else {
      warnDeprecated(`${name}.__init__ missing 1 required positional argument: ${PyObject_Repr(f)}. This will become an error in Python 3.15.`);
    }
  }
};

function astReduce(self: PyObject): PyObject {
  const d = instanceDict(self);
  const type = Py_TYPE(self);
  // positional Nones for the fields keep the constructor from warning when unpickling
  const fields = tupleOfStr(PyObject_GetOptionalAttr(type, "_fields"));
  const args = new PyTuple(fields.map(() => Py_None));
  return new PyTuple([type, args, d ?? new PyDict()]);
}

const REPR_MAX_DEPTH = 2;

function reprValue(v: PyObject, depth: number): string {
  if (v instanceof PyList) {
    const n = v.items.length;
    if (n === 0) return "[]";
    const item = (x: PyObject): string => (PyObject_IsInstance(x, PyAST_Type) ? reprNode(x, depth + 1) : PyObject_Repr(x));
    if (n > 2) return `[${item(v.items[0])}, ..., ${item(v.items[n - 1])}]`;
    return `[${v.items.map(item).join(", ")}]`;
  }
  if (PyObject_IsInstance(v, PyAST_Type)) return reprNode(v, depth + 1);
  return PyObject_Repr(v);
}

/** CPython 3.14's ast_repr_max_depth: fields in order, children deeper than two levels as `X(...)`. */
function reprNode(self: PyObject, depth: number): string {
  const type = Py_TYPE(self);
  const name = type.tp_name;
  const fields = tupleOfStr(PyObject_GetOptionalAttr(type, "_fields"));
  if (depth > REPR_MAX_DEPTH) return `${name}(...)`;
  if (fields.length === 0) return `${name}()`;
  if (!reprEnter(self as PyObjectBase)) return `${name}(...)`;
  try {
    const parts: string[] = [];
    for (const f of fields) parts.push(`${f}=${reprValue(PyObject_GetAttr(self, f), depth)}`);
    return `${name}(${parts.join(", ")})`;
  } finally {
    reprLeave(self as PyObjectBase);
  }
}

function astReplace(self: PyObject, args: readonly PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  const type = Py_TYPE(self);
  const name = shortName(type);
  if (nargs > 0) throw typeError(`${name}.__replace__() takes no positional arguments`);
  const fields = tupleOfStr(PyObject_GetOptionalAttr(type, "_fields"));
  const attributes = tupleOfStr(PyObject_GetOptionalAttr(type, "_attributes"));
  const kw = new Map<string, PyObject>();
  (kwnames?.items ?? []).forEach((k, i) => kw.set(k as string, args[start + i]));
  for (const k of kw.keys()) {
    if (!fields.includes(k) && !attributes.includes(k)) throw typeError(`${name}.__replace__ got an unexpected keyword argument '${k}'.`);
  }
  const missing: string[] = [];
  const values = new PyDict();
  for (const f of [...fields, ...attributes]) {
    const v = kw.get(f) ?? PyObject_GetOptionalAttr(self, f);
    if (v === null) {
      if (fields.includes(f)) missing.push(f);
      continue;
    }
    values.setStr(f, v);
  }
  if (missing.length) {
    const list = missing.map((m) => `'${m}'`);
    const text = list.length === 1 ? list[0] : list.length === 2 ? `${list[0]} and ${list[1]}` : `${list.slice(0, -1).join(", ")}, and ${list[list.length - 1]}`;
    throw typeError(`${name}.__replace__ missing ${missing.length} keyword argument${missing.length === 1 ? "" : "s"}: ${text}.`);
  }
  return PyObject_Call(type, [], values);
}

PyAST_Type.tp_repr = (self) => reprNode(self, 0);
PyAST_Type.tp_getattro = PyObject_GenericGetAttr;
PyAST_Type.tp_setattro = PyObject_GenericSetAttr;
PyAST_Type.tp_getset = [
  {
    name: "__dict__",
    get: (self) => {
      const o = self as PyASTObject;
      return (o.dict ??= new PyDict());
    },
    set: (self, value) => {
      if (!(value instanceof PyDict)) throw typeError(`__dict__ must be set to a dictionary, not a '${Py_TYPE(value ?? Py_None).tp_name}'`);
      (self as PyASTObject).dict = value;
    },
  },
];
PyAST_Type.tp_methods = [
  { name: "__reduce__", kind: "noargs", fn: astReduce as never },
  { name: "__replace__", kind: "fast", fn: astReplace as never },
];

// --- ast2obj: the TypeScript tree as Python objects -------------------------------------------------

const specByKind: NodeSpec[] = [];
for (const n of NODES) specByKind[n.kind] = n;

let depthBudget = 0;
const MAX_DEPTH = 5000;

function recursionError(what: string): PyBaseException {
  return newException(PyExc_RecursionError, [`maximum recursion depth exceeded${what}`]);
}

function ast2objValue(f: FieldSpec, v: unknown): PyObject {
  if (f.q === 2) return new PyList((v as unknown[]).map((x) => ast2objItem(f, x)));
  return ast2objItem(f, v);
}

function ast2objItem(f: FieldSpec, v: unknown): PyObject {
  if (v === null || v === undefined) return Py_None;
  switch (f.type) {
    case "identifier":
    case "string":
    case "int":
    case "constant":
      return v as PyObject;
    default:
      return ast2obj(v as A.AST);
  }
}

/** A Python object tree for a TypeScript node (CPython: ast2obj_mod and friends). */
export function ast2obj(node: A.AST): PyObject {
  const st = getState();
  const spec = specByKind[node._kind];
  if (spec.singleton !== null) return st.singletons.get(node._kind)!;
  if (++depthBudget > MAX_DEPTH) {
    depthBudget = 0;
    throw recursionError(" during ast construction");
  }
  try {
    const o = new PyASTObject(st.types.get(spec.name)!);
    const d = o.dict!;
    const rec = node as unknown as Record<string, unknown>;
    for (const f of spec.fields) d.setStr(f.name, ast2objValue(f, rec[f.name]));
    for (const a of spec.attributes) d.setStr(a.name, ast2objValue(a, rec[a.name]));
    return o;
  } finally {
    depthBudget--;
  }
}

/** CPython: PyAST_mod2obj. */
export function PyAST_mod2obj(m: A.mod): PyObject {
  return ast2obj(m);
}

// --- obj2ast: a Python object tree as the TypeScript tree -----------------------------------------

function isInstanceOf(obj: PyObject, t: PyTypeObject): boolean {
  return obj instanceof PyObjectBase && PyType_IsSubtype(Py_TYPE(obj), t) ? true : PyObject_IsInstance(obj, t);
}

function obj2astBuiltin(type: string, obj: PyObject): unknown {
  switch (type) {
    case "identifier":
      if (typeof obj !== "string" && obj !== Py_None) throw typeError("AST identifier must be of type str");
      return obj === Py_None ? null : obj;
    case "string":
      if (typeof obj !== "string" && !(obj instanceof PyBytes)) throw typeError("AST string must be of type str");
      return obj;
    case "int": {
      if (typeof obj === "number" || typeof obj === "boolean") return Number(obj);
      if (typeof obj === "bigint") throw overflowError("Python int too large to convert to C int");
      throw valueError(`invalid integer value: ${PyObject_Repr(obj)}`);
    }
    case "constant":
      return obj;
  }
  return obj2astNode(type, obj);
}

/** obj.name: straight from the instance dict for the classes of this module (they define no data descriptors). */
function getField(obj: PyObject, name: string): PyObject | null {
  if (obj instanceof PyASTObject && obj.dict !== null && state!.byType.has(Py_TYPE(obj))) {
    const v = obj.dict.getStr(name);
    if (v !== undefined) return v;
  }
  return PyObject_GetOptionalAttr(obj, name);
}

/** One field of `owner` (a constructor, product or sum name) read from `obj`. */
function obj2astField(obj: PyObject, f: FieldSpec, owner: string): unknown {
  const tmp = getField(obj, f.name);
  if (tmp === null) {
    if (f.q === 1) return null;
    throw typeError(`required field "${f.name}" missing from ${owner}`);
  }
  if (f.q === 1 && tmp === Py_None) return null;
  if (f.q === 2) {
    if (!(tmp instanceof PyList)) throw typeError(`${owner} field "${f.name}" must be a list, not a ${shortName(Py_TYPE(tmp))}`);
    const n = tmp.items.length;
    const out: unknown[] = [];
    for (let i = 0; i < n; i++) {
      out.push(obj2astBuiltin(f.type, tmp.items[i]));
      if (tmp.items.length !== n) throw runtimeError(`${owner} field "${f.name}" changed size during iteration`);
    }
    return out;
  }
  return obj2astBuiltin(f.type, tmp);
}

function required(v: unknown, f: FieldSpec, owner: string): void {
  if ((v === null || v === undefined) && f.q === 0 && !(f.type === "identifier" || f.type === "string" || f.type === "int" || f.type === "constant")) {
    throw valueError(`field '${f.name}' is required for ${owner}`);
  }
}

function buildNode(spec: NodeSpec, obj: PyObject, attrs: unknown[]): A.AST {
  if (++depthBudget > MAX_DEPTH) {
    depthBudget = 0;
    throw recursionError(` while traversing '${spec.name}' node`);
  }
  try {
    const values: unknown[] = [];
    for (const f of spec.fields) {
      const v = obj2astField(obj, f, spec.name);
      values.push(v);
    }
    spec.fields.forEach((f, i) => required(values[i], f, spec.name));
    // identifiers and the constant value are required too (CPython's _PyAST_* constructors)
    spec.fields.forEach((f, i) => {
      if (f.q === 0 && (f.type === "identifier" || f.type === "constant") && values[i] === null) {
        throw valueError(`field '${f.name}' is required for ${spec.name}`);
      }
    });
    return spec.make!([...values, ...attrs]);
  } finally {
    depthBudget--;
  }
}

/** A node of ASDL type `type` (a sum or product name) from a Python object (CPython: obj2ast_<type>). */
function obj2astNode(type: string, obj: PyObject): A.AST | null {
  if (obj === Py_None) return null;
  const st = getState();
  const sum = SUM_BY_NAME.get(type);
  if (sum === undefined) {
    // a product type: no isinstance check, as CPython
    const spec = st.specs.get(type)!;
    const attrs = spec.attributes.map((a) => obj2astAttribute(obj, a, spec.name));
    return buildNode(spec, obj, attrs);
  }
  const exact = st.byType.get(Py_TYPE(obj));
  if (sum.simple) {
    if (exact !== undefined && exact.sum === type) return exact.singleton!;
    for (const c of sum.constructors) {
      if (isInstanceOf(obj, st.types.get(c)!)) return st.specs.get(c)!.singleton!;
    }
    throw typeError(`expected some sort of ${type}, but got ${PyObject_Repr(obj)}`);
  }
  const attrs = sum.attributes.map((a) => obj2astAttribute(obj, a, sum.name));
  fillEndPositions(sum.attributes, attrs);
  if (exact !== undefined && exact.sum === type) return buildNode(exact, obj, attrs);
  for (const c of sum.constructors) {
    if (isInstanceOf(obj, st.types.get(c)!)) return buildNode(st.specs.get(c)!, obj, attrs);
  }
  throw typeError(`expected some sort of ${type}, but got ${PyObject_Repr(obj)}`);
}

function obj2astAttribute(obj: PyObject, a: FieldSpec, owner: string): unknown {
  const v = obj2astField(obj, a, owner);
  return v;
}

/** Missing end positions take the start's (CPython: end_lineno = lineno when absent). */
function fillEndPositions(specs: readonly FieldSpec[], attrs: unknown[]): void {
  const at = (n: string): number => specs.findIndex((s) => s.name === n);
  const l = at("lineno");
  const el = at("end_lineno");
  const c = at("col_offset");
  const ec = at("end_col_offset");
  if (el >= 0 && attrs[el] === null) attrs[el] = attrs[l];
  if (ec >= 0 && attrs[ec] === null) attrs[ec] = attrs[c];
}

const SUM_BY_NAME = new Map(SUMS.map((s) => [s.name, s]));

const MODE_TYPES = ["Module", "Expression", "Interactive", "FunctionType"] as const;

/** The TypeScript tree of a Python AST given to compile() (CPython: PyAST_obj2mod); mode 0 exec, 1 eval, 2 single, 3 func_type. */
export function PyAST_obj2mod(obj: PyObject, mode: 0 | 1 | 2 | 3): A.mod {
  const st = getState();
  const want = MODE_TYPES[mode];
  if (!isInstanceOf(obj, st.types.get(want)!)) throw typeError(`expected ${want} node, got ${shortName(Py_TYPE(obj))}`);
  depthBudget = 0;
  return obj2astNode("mod", obj) as A.mod;
}

/** Whether `obj` is an ast.AST instance (CPython: PyAST_Check). */
export function PyAST_Check(obj: PyObject): boolean {
  return isInstanceOf(obj, PyAST_Type);
}

/** The `_ast` module (CPython: astmodule_exec). */
export function init_ast(): PyModule {
  const st = getState();
  const m = new PyModule("_ast");
  const d = m.dict;
  d.setStr("AST", PyAST_Type);
  d.setStr("PyCF_ALLOW_TOP_LEVEL_AWAIT", PyCF_ALLOW_TOP_LEVEL_AWAIT);
  d.setStr("PyCF_ONLY_AST", PyCF_ONLY_AST);
  d.setStr("PyCF_TYPE_COMMENTS", PyCF_TYPE_COMMENTS);
  d.setStr("PyCF_OPTIMIZED_AST", PyCF_OPTIMIZED_AST);
  for (const [name, t] of st.types) d.setStr(name, t);
  return m;
}
