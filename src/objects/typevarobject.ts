// CPython: Objects/typevarobject.c — the `_typing` module: TypeVar, ParamSpec (with its args and
// kwargs), TypeVarTuple, TypeAliasType, Generic and NoDefault, which Lib/typing.py builds on.
// Substitution logic stays in typing.py (_typevar_subst, _paramspec_subst, ...), called from here
// as CPython's C code calls it.
import {
  type PyObject, type PyTypeObject, PyObjectBase, newStaticType, PyBaseObject_Type, Py_None, Py_TYPE, Py_EQ, Py_NE,
  Py_NotImplemented,
} from "./object.js";
import { PyTuple } from "./tupleobject.js";
import { PyDict } from "./dictobject.js";
import { PyModule } from "./moduleobject.js";
import { PyObject_Repr, PyObject_GetAttr, PyObject_Call, PyObject_IsTrue, PyObject_RichCompareBool } from "./abstract.js";
import { newBuiltinFunction } from "./methodobject.js";
import { typeDict, type_new_impl } from "./typeobject.js";
import { Py_GenericAlias } from "./genericaliasobject.js";
import { _Py_union_from_tuple, PyUnion_Type } from "./unionobject.js";
import { PyType_Type } from "./object.js";
import { typeError, valueError } from "../python/errors.js";
import { ArgParser } from "../python/getargs.js";
import { PyImport_ImportModuleLevel } from "../python/import.js";
import { PyThreadState_Get } from "../vm/pystate.js";

/** typing.<name>(...args): the helpers of Lib/typing.py that CPython's C code calls. */
function callTyping(name: string, args: PyObject[], kwargs: PyDict | null = null): PyObject {
  const typing = PyImport_ImportModuleLevel("typing", Py_None, Py_None, 0);
  return PyObject_Call(PyObject_GetAttr(typing, name), args, kwargs);
}

/** __name__ of the calling frame's module (CPython: caller()), or None. */
function callerModule(): PyObject {
  const f = PyThreadState_Get().current_frame;
  if (f === null) return Py_None;
  const g = f.f_globals;
  return g instanceof PyDict ? (g.getStr("__name__") ?? Py_None) : Py_None;
}

// --- NoDefault ---------------------------------------------------------------------------------

class PyNoDefault extends PyObjectBase {}
const PyNoDefault_Type = newStaticType("NoDefaultType", PyBaseObject_Type, 0);
PyNoDefault.prototype.ob_type = PyNoDefault_Type;
export const Py_NoDefault = new PyNoDefault();
PyNoDefault_Type.tp_repr = () => "typing.NoDefault";
PyNoDefault_Type.tp_new = (_t, _a, _s, nargs, kw) => {
  if (nargs || (kw !== null && kw.items.length)) throw typeError("NoDefaultType takes no arguments");
  return Py_NoDefault;
};
PyNoDefault_Type.tp_methods = [{ name: "__reduce__", kind: "noargs", fn: (() => "NoDefault") as never }];

// --- constevaluator: the evaluate_* values of eagerly given bounds and defaults ---------------------

class PyConstEvaluator extends PyObjectBase {
  constructor(readonly value: PyObject) {
    super();
  }
}
const PyConstEvaluator_Type = newStaticType("constevaluator", PyBaseObject_Type, 0);
PyConstEvaluator.prototype.ob_type = PyConstEvaluator_Type;
PyConstEvaluator_Type.tp_repr = (v) => `<constevaluator ${PyObject_Repr((v as PyConstEvaluator).value)}>`;
const evalArgs = new ArgParser("constevaluator", ["format"], { posonly: 1, required: 1 });
PyConstEvaluator_Type.tp_call = (self, args, start, nargs, kwnames) => {
  const [format] = evalArgs.parse(args, start, nargs, kwnames);
  const value = (self as PyConstEvaluator).value;
  // annotationlib.Format.STRING is 4: the value's source form
  if (format === 4) {
    const annotationlib = PyImport_ImportModuleLevel("annotationlib", Py_None, Py_None, 0);
    return PyObject_Call(PyObject_GetAttr(annotationlib, "type_repr"), [value], null);
  }
  return value;
};

// --- TypeVar, ParamSpec, TypeVarTuple ------------------------------------------------------------

type VarKind = "TypeVar" | "ParamSpec" | "TypeVarTuple";

class PyTypeVarLike extends PyObjectBase {
  dict = new PyDict();
  /** The functions of the PEP 695 syntax that compute a bound, constraints or default on first use. */
  lazyBound: PyObject | null = null;
  lazyConstraints: PyObject | null = null;
  lazyDefault: PyObject | null = null;
  constructor(
    type: PyTypeObject,
    readonly kind: VarKind,
    readonly name: string,
    private boundValue: PyObject,
    private constraintsValue: PyTuple,
    private defaultValue_: PyObject,
    readonly covariant: boolean,
    readonly contravariant: boolean,
    readonly inferVariance: boolean,
  ) {
    super();
    this.ob_type = type;
    this.dict.setStr("__module__", callerModule());
  }
  get bound(): PyObject {
    if (this.lazyBound !== null) {
      this.boundValue = callTyping("_type_check", [PyObject_Call(this.lazyBound, [1], null), "Bound must be a type."]);
      this.lazyBound = null;
    }
    return this.boundValue;
  }
  get constraints(): PyTuple {
    if (this.lazyConstraints !== null) {
      const c = PyObject_Call(this.lazyConstraints, [1], null);
      this.constraintsValue = c instanceof PyTuple ? c : new PyTuple([c]);
      this.lazyConstraints = null;
    }
    return this.constraintsValue;
  }
  get defaultValue(): PyObject {
    if (this.lazyDefault !== null) {
      this.defaultValue_ = PyObject_Call(this.lazyDefault, [1], null);
      this.lazyDefault = null;
    }
    return this.defaultValue_;
  }
  /** Whether a default was given, without evaluating a lazy one. */
  get hasDefault(): boolean {
    return this.lazyDefault !== null || this.defaultValue_ !== Py_NoDefault;
  }
}

function newVarType(name: VarKind): PyTypeObject {
  const t = newStaticType(`typing.${name}`, PyBaseObject_Type, 0);
  t.tp_dictoffset = 1;
  return t;
}
export const PyTypeVar_Type = newVarType("TypeVar");
export const PyParamSpec_Type = newVarType("ParamSpec");
export const PyTypeVarTuple_Type = newVarType("TypeVarTuple");

const V = (v: PyObject): PyTypeVarLike => v as PyTypeVarLike;

function variancePrefix(v: PyTypeVarLike): string {
  if (v.inferVariance) return "";
  return v.covariant ? "+" : v.contravariant ? "-" : "~";
}

function checkVariance(covariant: boolean, contravariant: boolean, infer: boolean): void {
  if (covariant && contravariant) throw valueError("Bivariant types are not supported.");
  if (infer && (covariant || contravariant)) throw valueError("Variance cannot be specified with infer_variance.");
}

function nameArg(fname: string, v: PyObject | null): string {
  if (typeof v !== "string") throw typeError(`${fname}() argument 'name' must be str, not ${Py_TYPE(v ?? Py_None).tp_name}`);
  return v;
}

const typevarArgs = new ArgParser("typevar", ["name", "bound", "covariant", "contravariant", "infer_variance", "default"], {
  required: 1,
  kwonlyStart: 1,
});
PyTypeVar_Type.tp_new = (type, args, start, nargs, kwnames) => {
  // TypeVar(name, *constraints, bound=None, covariant=False, contravariant=False, infer_variance=False, default=NoDefault)
  const name = nameArg("typevar", nargs > 0 ? args[start] : null);
  const constraints = new PyTuple(args.slice(start + 1, start + nargs) as PyObject[]);
  const kwArgs: PyObject[] = [name];
  for (let i = 0; i < (kwnames?.items.length ?? 0); i++) kwArgs.push(args[start + nargs + i]);
  const [, bound, co, contra, infer, dflt] = typevarArgs.parse(kwArgs, 0, 1, kwnames);
  const covariant = co !== null && PyObject_IsTrue(co);
  const contravariant = contra !== null && PyObject_IsTrue(contra);
  const inferVariance = infer !== null && PyObject_IsTrue(infer);
  checkVariance(covariant, contravariant, inferVariance);
  let b: PyObject = bound === null ? Py_None : bound;
  if (b !== Py_None) b = callTyping("_type_check", [b, "Bound must be a type."]);
  if (constraints.items.length === 1) throw typeError("A single constraint is not allowed");
  if (constraints.items.length > 0 && b !== Py_None) throw typeError("Constraints cannot be combined with bound=...");
  return new PyTypeVarLike(type, "TypeVar", name, b, constraints, dflt ?? Py_NoDefault, covariant, contravariant, inferVariance);
};

const paramspecArgs = new ArgParser("paramspec", ["name", "bound", "covariant", "contravariant", "infer_variance", "default"], {
  required: 1,
  kwonlyStart: 1,
});
PyParamSpec_Type.tp_new = (type, args, start, nargs, kwnames) => {
  const [n, bound, co, contra, infer, dflt] = paramspecArgs.parse(args, start, nargs, kwnames);
  const name = nameArg("paramspec", n);
  const covariant = co !== null && PyObject_IsTrue(co);
  const contravariant = contra !== null && PyObject_IsTrue(contra);
  const inferVariance = infer !== null && PyObject_IsTrue(infer);
  checkVariance(covariant, contravariant, inferVariance);
  let b: PyObject = bound === null ? Py_None : bound;
  if (b !== Py_None) b = callTyping("_type_check", [b, "Bound must be a type."]);
  return new PyTypeVarLike(type, "ParamSpec", name, b, new PyTuple([]), dflt ?? Py_NoDefault, covariant, contravariant, inferVariance);
};

const typevartupleArgs = new ArgParser("typevartuple", ["name", "default"], { required: 1, kwonlyStart: 1 });
PyTypeVarTuple_Type.tp_new = (type, args, start, nargs, kwnames) => {
  const [n, dflt] = typevartupleArgs.parse(args, start, nargs, kwnames);
  const name = nameArg("typevartuple", n);
  return new PyTypeVarLike(type, "TypeVarTuple", name, Py_None, new PyTuple([]), dflt ?? Py_NoDefault, false, false, false);
};

function commonGetset(t: PyTypeObject): void {
  t.tp_getset = [
    { name: "__name__", get: (v) => V(v).name },
    { name: "__default__", get: (v) => V(v).defaultValue },
    { name: "evaluate_default", get: (v) => V(v).lazyDefault ?? new PyConstEvaluator(V(v).defaultValue) },
    ...(t === PyTypeVarTuple_Type ? [] : [
      { name: "__bound__", get: (v: PyObject) => V(v).bound },
      { name: "__covariant__", get: (v: PyObject) => V(v).covariant },
      { name: "__contravariant__", get: (v: PyObject) => V(v).contravariant },
      { name: "__infer_variance__", get: (v: PyObject) => V(v).inferVariance },
      { name: "evaluate_bound", get: (v: PyObject) => V(v).lazyBound ?? (V(v).bound === Py_None ? Py_None : new PyConstEvaluator(V(v).bound)) },
    ]),
  ];
  t.tp_repr = (v) => (t === PyTypeVarTuple_Type ? V(v).name : variancePrefix(V(v)) + V(v).name);
  t.nb_or = (a, b) => _Py_union_from_tuple([a, b]);
}
commonGetset(PyTypeVar_Type);
commonGetset(PyParamSpec_Type);
commonGetset(PyTypeVarTuple_Type);
PyTypeVar_Type.tp_getset!.push(
  { name: "__constraints__", get: (v) => V(v).constraints },
  { name: "evaluate_constraints", get: (v) => V(v).lazyConstraints ?? (V(v).constraints.items.length ? new PyConstEvaluator(V(v).constraints) : Py_None) },
);

const hasDefault = { name: "has_default", kind: "noargs" as const, fn: ((v: PyObject) => V(v).hasDefault) as never };
const reduceName = { name: "__reduce__", kind: "noargs" as const, fn: ((v: PyObject) => V(v).name) as never };
const mroEntries = (kind: VarKind) => ({
  name: "__mro_entries__",
  kind: "o" as const,
  fn: (() => {
    throw typeError(`Cannot subclass an instance of ${kind}`);
  }) as never,
});
const prepareArgs = (fname: string) => new ArgParser(fname, ["alias", "args"], { posonly: 2, required: 2 });

/** TypeVar.__typing_prepare_subst__: fills in the default of a missing argument (CPython: typevar_typing_prepare_subst). */
function typevarPrepareSubst(self: PyObject, args: readonly PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  const [alias, argv] = prepareArgs("__typing_prepare_subst__").parse(args, start, nargs, kwnames);
  const params = PyObject_GetAttr(alias as PyObject, "__parameters__") as PyTuple;
  const items = (argv as PyTuple).items;
  const i = params.items.indexOf(self);
  if (i < items.length) return argv as PyObject;
  if (i === items.length && V(self).defaultValue !== Py_NoDefault) return new PyTuple([...items, V(self).defaultValue]);
  throw typeError(`Too few arguments for ${PyObject_Repr(alias as PyObject)}; actual ${items.length}, expected at least ${i + 1}`);
}

PyTypeVar_Type.tp_methods = [
  hasDefault, reduceName, mroEntries("TypeVar"),
  { name: "__typing_subst__", kind: "o", fn: ((v: PyObject, arg: PyObject) => callTyping("_typevar_subst", [v, arg])) as never },
  { name: "__typing_prepare_subst__", kind: "fast", fn: typevarPrepareSubst as never },
];
PyParamSpec_Type.tp_methods = [
  hasDefault, reduceName, mroEntries("ParamSpec"),
  { name: "__typing_subst__", kind: "o", fn: ((v: PyObject, arg: PyObject) => callTyping("_paramspec_subst", [v, arg])) as never },
  {
    name: "__typing_prepare_subst__",
    kind: "fast",
    fn: ((v: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null) => {
      const [alias, argv] = prepareArgs("__typing_prepare_subst__").parse(args, start, nargs, kw);
      return callTyping("_paramspec_prepare_subst", [v, alias as PyObject, argv as PyObject]);
    }) as never,
  },
];
PyTypeVarTuple_Type.tp_methods = [
  hasDefault, reduceName, mroEntries("TypeVarTuple"),
  {
    name: "__typing_subst__",
    kind: "o",
    fn: (() => {
      throw typeError("Substitution of bare TypeVarTuple is not supported");
    }) as never,
  },
  {
    name: "__typing_prepare_subst__",
    kind: "fast",
    fn: ((v: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null) => {
      const [alias, argv] = prepareArgs("__typing_prepare_subst__").parse(args, start, nargs, kw);
      return callTyping("_typevartuple_prepare_subst", [v, alias as PyObject, argv as PyObject]);
    }) as never,
  },
];
// iter(Ts) gives Unpack[Ts] once (CPython: typevartuple_iter)
PyTypeVarTuple_Type.tp_iter = (v) => {
  const typing = PyImport_ImportModuleLevel("typing", Py_None, Py_None, 0);
  const unpacked = PyObject_Call(PyObject_GetAttr(PyObject_GetAttr(typing, "Unpack"), "__getitem__"), [v], null);
  return PyObject_Call(PyObject_GetAttr(new PyTuple([unpacked]), "__iter__"), [], null);
};

// --- ParamSpecArgs / ParamSpecKwargs -----------------------------------------------------------------

class PyParamSpecAttr extends PyObjectBase {
  constructor(
    type: PyTypeObject,
    readonly origin: PyObject,
  ) {
    super();
    this.ob_type = type;
  }
}
function newAttrType(name: string, suffix: string): PyTypeObject {
  const t = newStaticType(`typing.${name}`, PyBaseObject_Type, 0);
  t.tp_getset = [{ name: "__origin__", get: (v) => (v as PyParamSpecAttr).origin }];
  t.tp_repr = (v) => {
    const o = (v as PyParamSpecAttr).origin;
    return (o instanceof PyTypeVarLike ? o.name : PyObject_Repr(o)) + suffix;
  };
  t.tp_richcompare = (a, b, op) => {
    if ((op !== Py_EQ && op !== Py_NE) || Py_TYPE(b) !== t) return Py_NotImplemented;
    const eq = PyObject_RichCompareBool((a as PyParamSpecAttr).origin, (b as PyParamSpecAttr).origin, Py_EQ);
    return op === Py_EQ ? eq : !eq;
  };
  t.tp_new = (type, args, start, nargs, kw) => {
    const [origin] = new ArgParser(name.toLowerCase(), ["origin"], { required: 1 }).parse(args, start, nargs, kw);
    return new PyParamSpecAttr(type, origin as PyObject);
  };
  t.tp_methods = [mroEntries(name as VarKind)];
  return t;
}
export const PyParamSpecArgs_Type = newAttrType("ParamSpecArgs", ".args");
export const PyParamSpecKwargs_Type = newAttrType("ParamSpecKwargs", ".kwargs");
PyParamSpec_Type.tp_getset!.push(
  { name: "args", get: (v) => new PyParamSpecAttr(PyParamSpecArgs_Type, v) },
  { name: "kwargs", get: (v) => new PyParamSpecAttr(PyParamSpecKwargs_Type, v) },
);

// --- TypeAliasType ----------------------------------------------------------------------------------

class PyTypeAlias extends PyObjectBase {
  /** For `type X = ...`: the function computing the value on first use. */
  lazyValue: PyObject | null = null;
  constructor(
    readonly name: string,
    private value_: PyObject,
    readonly typeParams: PyTuple,
    readonly module: PyObject,
  ) {
    super();
  }
  get value(): PyObject {
    if (this.lazyValue !== null) {
      this.value_ = PyObject_Call(this.lazyValue, [1], null);
      this.lazyValue = null;
    }
    return this.value_;
  }
}
export const PyTypeAlias_Type = newStaticType("typing.TypeAliasType", PyBaseObject_Type, 0);
PyTypeAlias.prototype.ob_type = PyTypeAlias_Type;
const aliasArgs = new ArgParser("typealias", ["name", "value", "type_params"], { required: 2, kwonlyStart: 2 });
PyTypeAlias_Type.tp_new = (_type, args, start, nargs, kwnames) => {
  const [n, value, tp] = aliasArgs.parse(args, start, nargs, kwnames);
  const name = nameArg("typealias", n);
  let params = new PyTuple([]);
  if (tp !== null && tp !== Py_None) {
    if (!(tp instanceof PyTuple)) throw typeError("type_params must be a tuple");
    for (const p of tp.items) {
      if (!(p instanceof PyTypeVarLike)) throw typeError(`Expected a type param, got ${PyObject_Repr(p)}`);
    }
    params = tp;
  }
  return new PyTypeAlias(name, value as PyObject, params, callerModule());
};
const A = (v: PyObject): PyTypeAlias => v as PyTypeAlias;
PyTypeAlias_Type.tp_getset = [
  { name: "__name__", get: (v) => A(v).name },
  { name: "__qualname__", get: (v) => A(v).name },
  { name: "__value__", get: (v) => A(v).value },
  { name: "evaluate_value", get: (v) => A(v).lazyValue ?? new PyConstEvaluator(A(v).value) },
  { name: "__type_params__", get: (v) => A(v).typeParams },
  { name: "__parameters__", get: (v) => A(v).typeParams },
  { name: "__module__", get: (v) => A(v).module },
];
PyTypeAlias_Type.tp_repr = (v) => A(v).name;
PyTypeAlias_Type.nb_or = (a, b) => _Py_union_from_tuple([a, b]);
PyTypeAlias_Type.mp_subscript = (v, key) => {
  if (A(v).typeParams.items.length === 0) throw typeError("Only generic type aliases are subscriptable");
  return Py_GenericAlias(v, key);
};
PyTypeAlias_Type.tp_methods = [{ name: "__reduce__", kind: "noargs", fn: ((v: PyObject) => A(v).name) as never }];

// --- Generic ------------------------------------------------------------------------------------

let genericType: PyTypeObject | null = null;
/** typing.Generic: a class whose __class_getitem__ and __init_subclass__ are typing.py's. */
function getGeneric(): PyTypeObject {
  if (genericType !== null) return genericType;
  const d = new PyDict();
  d.setStr("__module__", "typing");
  d.setStr("__doc__", GENERIC_DOC);
  d.setStr("__slots__", new PyTuple([]));
  const g = type_new_impl(PyType_Type, "Generic", [PyBaseObject_Type], d, new Map());
  const td = typeDict(g);
  td.delete("__slots__");
  td.set("__class_getitem__", classMethod("__class_getitem__", (cls, args) => callTyping("_generic_class_getitem", [cls, args[0]])));
  td.set("__init_subclass__", classMethod("__init_subclass__", (cls, args, kw) => callTyping("_generic_init_subclass", [cls, ...args], kw)));
  return (genericType = g);
}
const GENERIC_DOC =
  "Abstract base class for generic types.\n\nOn Python 3.12 and newer, generic classes implicitly inherit from\nGeneric when they declare a parameter list after the class's name::\n\n    class Mapping[KT, VT]:\n        def __getitem__(self, key: KT) -> VT:\n            ...\n        # Etc.\n\nOn older versions of Python, however, generic classes have to\nexplicitly inherit from Generic.\n\nAfter a class has been declared to be generic, it can then be used as\nfollows::\n\n    def lookup_name[KT, VT](mapping: Mapping[KT, VT], key: KT, default: VT) -> VT:\n        try:\n            return mapping[key]\n        except KeyError:\n            return default";

function classMethod(name: string, f: (cls: PyObject, args: PyObject[], kw: PyDict | null) => PyObject): PyObject {
  const fn = newBuiltinFunction(name, (_s, args, start, nargs, kwnames) => {
    const kw = kwnames === null || kwnames.items.length === 0 ? null : new PyDict();
    kwnames?.items.forEach((k, i) => kw!.setStr(k as string, args[start + nargs + i]));
    return f(args[start], args.slice(start + 1, start + nargs) as PyObject[], kw);
  }, "typing");
  const builtins = PyImport_ImportModuleLevel("builtins", Py_None, Py_None, 0);
  return PyObject_Call(PyObject_GetAttr(builtins, "classmethod"), [fn], null);
}

// --- the intrinsics of the PEP 695 syntax (CPython: Python/intrinsics.c) ---------------------------------

/** INTRINSIC_TYPEVAR / PARAMSPEC / TYPEVARTUPLE: `def f[T]`, `[**P]`, `[*Ts]` (variance inferred). */
export function _Py_make_typevar(kind: VarKind, name: PyObject): PyObject {
  const t = kind === "TypeVar" ? PyTypeVar_Type : kind === "ParamSpec" ? PyParamSpec_Type : PyTypeVarTuple_Type;
  return new PyTypeVarLike(t, kind, name as string, Py_None, new PyTuple([]), Py_NoDefault, false, false, kind !== "TypeVarTuple");
}

/** INTRINSIC_TYPEVAR_WITH_BOUND / _WITH_CONSTRAINTS: `[T: int]`, `[T: (int, str)]`, evaluated lazily. */
export function _Py_make_typevar_lazy(name: PyObject, evaluate: PyObject, constraints: boolean): PyObject {
  const tv = _Py_make_typevar("TypeVar", name) as PyTypeVarLike;
  if (constraints) tv.lazyConstraints = evaluate;
  else tv.lazyBound = evaluate;
  return tv;
}

/** INTRINSIC_SET_TYPEPARAM_DEFAULT: `[T = int]`. */
export function _Py_set_typeparam_default(typeparam: PyObject, evaluate: PyObject): PyObject {
  (typeparam as PyTypeVarLike).lazyDefault = evaluate;
  return typeparam;
}

/** INTRINSIC_SUBSCRIPT_GENERIC: the Generic[...] base of `class C[T]` (TypeVarTuples unpacked). */
export function _Py_subscript_generic(params: PyObject): PyObject {
  let items = (params as PyTuple).items;
  if (items.some((p) => Py_TYPE(p) === PyTypeVarTuple_Type)) {
    const typing = PyImport_ImportModuleLevel("typing", Py_None, Py_None, 0);
    const unpack = PyObject_GetAttr(typing, "Unpack");
    items = items.map((p) => (Py_TYPE(p) === PyTypeVarTuple_Type ? PyObject_Call(PyObject_GetAttr(unpack, "__getitem__"), [p], null) : p));
  }
  return callTyping("_GenericAlias", [getGeneric(), new PyTuple(items)]);
}

/** INTRINSIC_TYPEALIAS: `type X[T] = ...` from (name, type_params, compute_value). */
export function _Py_make_typealias(args: PyObject): PyObject {
  const [name, params, compute] = (args as PyTuple).items;
  const a = new PyTypeAlias(name as string, Py_None, params === Py_None ? new PyTuple([]) : (params as PyTuple), callerModule());
  a.lazyValue = compute;
  return a;
}

/** The `_typing` module. */
export function init_typing(): PyModule {
  const m = new PyModule("_typing", "Primitives and accelerators for the typing module.\n");
  const d = m.dict;
  d.setStr("_idfunc", newBuiltinFunction("_idfunc", (_s, args, start, nargs) => {
    if (nargs !== 1) throw typeError(`_typing._idfunc() takes exactly one argument (${nargs} given)`);
    return args[start];
  }, "_typing"));
  d.setStr("TypeVar", PyTypeVar_Type);
  d.setStr("ParamSpec", PyParamSpec_Type);
  d.setStr("TypeVarTuple", PyTypeVarTuple_Type);
  d.setStr("ParamSpecArgs", PyParamSpecArgs_Type);
  d.setStr("ParamSpecKwargs", PyParamSpecKwargs_Type);
  d.setStr("TypeAliasType", PyTypeAlias_Type);
  d.setStr("Generic", getGeneric());
  d.setStr("Union", PyUnion_Type);
  d.setStr("NoDefault", Py_NoDefault);
  return m;
}
