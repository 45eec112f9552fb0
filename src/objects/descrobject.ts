// CPython: Objects/descrobject.c (method/getset/wrapper descriptors, property), Objects/funcobject.c
// (classmethod, staticmethod: kept here because funcobject.ts holds only the function type)
import {
  PyObjectBase, type PyObject, type PyTypeObject, type PyMethodDef, type PyGetSetDef, newStaticType,
  PyBaseObject_Type, Py_None, Py_TYPE, PyType_IsSubtype, Py_TPFLAGS_BASETYPE,
} from "./object.js";
import type { PyTuple } from "./tupleobject.js";
import { PyCFunction, callMethodDef, addressOf, shortTypeName } from "./methodobject.js";
import { PyMethod } from "./classobject.js";
import { typeError, attributeError } from "../python/errors.js";
import { PyObject_Vectorcall, PyObject_Repr, PyObject_CallOneArg, PyObject_IsTrue } from "./abstract.js";
import { ArgParser } from "../python/getargs.js";

/** Py_TPFLAGS_METHOD_DESCRIPTOR: calling type.attr(obj, ...) equals obj.attr(...) (unbound call is safe). */
export const Py_TPFLAGS_METHOD_DESCRIPTOR = 1 << 17;

function descrCheck(descr: { owner: PyTypeObject; name: string }, obj: PyObject, kind: string): void {
  if (!PyType_IsSubtype(Py_TYPE(obj), descr.owner)) {
    throw typeError(
      `descriptor '${descr.name}' for '${descr.owner.tp_name}' objects doesn't apply to a '${Py_TYPE(obj).tp_name}' object`,
    );
  }
  void kind;
}

/** A method of a built-in type, e.g. list.append (CPython: PyMethodDescrObject). */
export class PyMethodDescr extends PyObjectBase {
  constructor(
    public readonly owner: PyTypeObject,
    public readonly def: PyMethodDef,
  ) {
    super();
  }
  get name(): string {
    return this.def.name;
  }
}
export const PyMethodDescr_Type = newStaticType("method_descriptor", PyBaseObject_Type, Py_TPFLAGS_METHOD_DESCRIPTOR);
PyMethodDescr.prototype.ob_type = PyMethodDescr_Type;
PyMethodDescr_Type.tp_descr_get = (descr, obj) => {
  const d = descr as PyMethodDescr;
  if (obj === null || obj === Py_None && !PyType_IsSubtype(Py_TYPE(Py_None), d.owner)) return d;
  descrCheck(d, obj, "method");
  return new PyCFunction(d.def, obj, Py_None, d.owner);
};
PyMethodDescr_Type.tp_call = (callable, args, start, nargs, kwnames) => {
  const d = callable as PyMethodDescr;
  if (nargs < 1) throw typeError(`unbound method ${shortTypeName(d.owner)}.${d.def.name}() needs an argument`);
  const self = args[start];
  descrCheck(d, self, "method");
  return callMethodDef(d.def, shortTypeName(d.owner) + "." + d.def.name, self, args, start + 1, nargs - 1, kwnames);
};
PyMethodDescr_Type.tp_repr = (v) => `<method '${(v as PyMethodDescr).def.name}' of '${(v as PyMethodDescr).owner.tp_name}' objects>`;

/** A class method of a built-in type, e.g. dict.fromkeys (CPython: PyClassMethodDescr_Type). */
export class PyClassMethodDescr extends PyObjectBase {
  constructor(
    public readonly owner: PyTypeObject,
    public readonly def: PyMethodDef,
  ) {
    super();
  }
}
export const PyClassMethodDescr_Type = newStaticType("classmethod_descriptor", PyBaseObject_Type, 0);
PyClassMethodDescr.prototype.ob_type = PyClassMethodDescr_Type;
PyClassMethodDescr_Type.tp_descr_get = (descr, obj, type) => {
  const d = descr as PyClassMethodDescr;
  const t = type ?? Py_TYPE(obj as PyObject);
  return new PyCFunction(d.def, t, Py_None, d.owner);
};
PyClassMethodDescr_Type.tp_repr = (v) =>
  `<method '${(v as PyClassMethodDescr).def.name}' of '${(v as PyClassMethodDescr).owner.tp_name}' objects>`;

/** A computed attribute of a built-in type (CPython: PyGetSetDescrObject). */
export class PyGetSetDescr extends PyObjectBase {
  constructor(
    public readonly owner: PyTypeObject,
    public readonly def: PyGetSetDef,
  ) {
    super();
  }
  get name(): string {
    return this.def.name;
  }
}
export const PyGetSetDescr_Type = newStaticType("getset_descriptor", PyBaseObject_Type, 0);
PyGetSetDescr.prototype.ob_type = PyGetSetDescr_Type;
PyGetSetDescr_Type.tp_descr_get = (descr, obj) => {
  const d = descr as PyGetSetDescr;
  if (obj === null) return d;
  descrCheck(d, obj, "attribute");
  return d.def.get(obj);
};
PyGetSetDescr_Type.tp_descr_set = (descr, obj, value) => {
  const d = descr as PyGetSetDescr;
  descrCheck(d, obj, "attribute");
  if (!d.def.set) {
    throw attributeError(`attribute '${d.def.name}' of '${d.owner.tp_name}' objects is not writable`);
  }
  d.def.set(obj, value);
};
PyGetSetDescr_Type.tp_repr = (v) => `<attribute '${(v as PyGetSetDescr).def.name}' of '${(v as PyGetSetDescr).owner.tp_name}' objects>`;

/** A slot exposed as a dunder method, e.g. int.__add__ (CPython: PyWrapperDescrObject). */
export class PyWrapperDescr extends PyObjectBase {
  constructor(
    public readonly owner: PyTypeObject,
    public readonly name: string,
    /** Calls the slot: self plus the positional arguments. */
    public readonly wrapper: (self: PyObject, args: readonly PyObject[], kw: PyTuple | null) => PyObject,
  ) {
    super();
  }
}
export const PyWrapperDescr_Type = newStaticType("wrapper_descriptor", PyBaseObject_Type, Py_TPFLAGS_METHOD_DESCRIPTOR);
PyWrapperDescr.prototype.ob_type = PyWrapperDescr_Type;

/** A slot wrapper bound to an object (CPython: method-wrapper). */
export class PyMethodWrapper extends PyObjectBase {
  constructor(
    public readonly descr: PyWrapperDescr,
    public readonly self: PyObject,
  ) {
    super();
  }
}
export const PyMethodWrapper_Type = newStaticType("method-wrapper", PyBaseObject_Type, 0);
PyMethodWrapper.prototype.ob_type = PyMethodWrapper_Type;

PyWrapperDescr_Type.tp_descr_get = (descr, obj) => {
  const d = descr as PyWrapperDescr;
  if (obj === null) return d;
  descrCheck(d, obj, "slot");
  return new PyMethodWrapper(d, obj);
};
PyWrapperDescr_Type.tp_call = (callable, args, start, nargs, kwnames) => {
  const d = callable as PyWrapperDescr;
  if (nargs < 1) throw typeError(`descriptor '${d.name}' of '${d.owner.tp_name}' object needs an argument`);
  const self = args[start];
  descrCheck(d, self, "slot");
  return d.wrapper(self, args.slice(start + 1, start + nargs + (kwnames?.items.length ?? 0)), kwnames);
};
PyWrapperDescr_Type.tp_repr = (v) => `<slot wrapper '${(v as PyWrapperDescr).name}' of '${(v as PyWrapperDescr).owner.tp_name}' objects>`;
PyMethodWrapper_Type.tp_call = (callable, args, start, nargs, kwnames) => {
  const m = callable as PyMethodWrapper;
  return m.descr.wrapper(m.self, args.slice(start, start + nargs + (kwnames?.items.length ?? 0)), kwnames);
};
PyMethodWrapper_Type.tp_repr = (v) => {
  const m = v as PyMethodWrapper;
  return `<method-wrapper '${m.descr.name}' of ${Py_TYPE(m.self).tp_name} object at ${addressOf(m.self)}>`;
};
PyMethodWrapper_Type.tp_getset = [
  { name: "__self__", get: (v) => (v as PyMethodWrapper).self },
  { name: "__name__", get: (v) => (v as PyMethodWrapper).descr.name },
];

// --- classmethod / staticmethod (CPython: Objects/funcobject.c) -------------------------------------

export class PyClassMethod extends PyObjectBase {
  dict: PyObject | null = null;
  constructor(public callable: PyObject) {
    super();
  }
}
export const PyClassMethod_Type = newStaticType("classmethod", PyBaseObject_Type, Py_TPFLAGS_BASETYPE);
PyClassMethod.prototype.ob_type = PyClassMethod_Type;
PyClassMethod_Type.tp_descr_get = (descr, obj, type) => {
  const cm = descr as PyClassMethod;
  return new PyMethod(cm.callable, type ?? Py_TYPE(obj as PyObject));
};
PyClassMethod_Type.tp_new = (type, args, start, nargs, kwnames) => {
  if (kwnames !== null && kwnames.items.length) throw typeError("classmethod() takes no keyword arguments");
  if (nargs !== 1) throw typeError(`classmethod expected 1 argument, got ${nargs}`);
  const cm = new PyClassMethod(args[start]);
  cm.ob_type = type;
  return cm;
};
PyClassMethod_Type.tp_init = () => {};
PyClassMethod_Type.tp_getset = [
  { name: "__func__", get: (v) => (v as PyClassMethod).callable },
  { name: "__wrapped__", get: (v) => (v as PyClassMethod).callable },
  {
    name: "__isabstractmethod__",
    get: (v) => isAbstract((v as PyClassMethod).callable),
  },
];
PyClassMethod_Type.tp_repr = (v) => `<classmethod(${PyObject_Repr((v as PyClassMethod).callable)})>`;

export class PyStaticMethod extends PyObjectBase {
  dict: PyObject | null = null;
  constructor(public callable: PyObject) {
    super();
  }
}
export const PyStaticMethod_Type = newStaticType("staticmethod", PyBaseObject_Type, Py_TPFLAGS_BASETYPE);
PyStaticMethod.prototype.ob_type = PyStaticMethod_Type;
PyStaticMethod_Type.tp_descr_get = (descr) => (descr as PyStaticMethod).callable;
PyStaticMethod_Type.tp_new = (type, args, start, nargs, kwnames) => {
  if (kwnames !== null && kwnames.items.length) throw typeError("staticmethod() takes no keyword arguments");
  if (nargs !== 1) throw typeError(`staticmethod expected 1 argument, got ${nargs}`);
  const sm = new PyStaticMethod(args[start]);
  sm.ob_type = type;
  return sm;
};
PyStaticMethod_Type.tp_init = () => {};
PyStaticMethod_Type.tp_call = (callable, args, start, nargs, kwnames) =>
  PyObject_Vectorcall((callable as PyStaticMethod).callable, args, start, nargs, kwnames);
PyStaticMethod_Type.tp_getset = [
  { name: "__func__", get: (v) => (v as PyStaticMethod).callable },
  { name: "__wrapped__", get: (v) => (v as PyStaticMethod).callable },
  { name: "__isabstractmethod__", get: (v) => isAbstract((v as PyStaticMethod).callable) },
];
PyStaticMethod_Type.tp_repr = (v) => `<staticmethod(${PyObject_Repr((v as PyStaticMethod).callable)})>`;

function isAbstract(f: PyObject): boolean {
  const v = getOptional(f, "__isabstractmethod__");
  return v !== null && PyObject_IsTrue(v);
}
import { PyObject_GetOptionalAttr as getOptional } from "./abstract.js";

// --- property (CPython: Objects/descrobject.c, property) ----------------------------------------------

export class PyProperty extends PyObjectBase {
  fget: PyObject = Py_None;
  fset: PyObject = Py_None;
  fdel: PyObject = Py_None;
  doc: PyObject = Py_None;
  name: PyObject = Py_None;
}
export const PyProperty_Type = newStaticType("property", PyBaseObject_Type, Py_TPFLAGS_BASETYPE);
PyProperty.prototype.ob_type = PyProperty_Type;

const propertyArgs = new ArgParser("property", ["fget", "fset", "fdel", "doc"]);
PyProperty_Type.tp_new = (type) => {
  const p = new PyProperty();
  p.ob_type = type;
  return p;
};
PyProperty_Type.tp_init = (self, args, start, nargs, kwnames) => {
  const [fget, fset, fdel, doc] = propertyArgs.parse(args, start, nargs, kwnames);
  const p = self as PyProperty;
  p.fget = fget ?? Py_None;
  p.fset = fset ?? Py_None;
  p.fdel = fdel ?? Py_None;
  p.doc = doc ?? Py_None;
  if (doc === null && p.fget !== Py_None) p.doc = getOptional(p.fget, "__doc__") ?? Py_None;
};

function propertyQualname(p: PyProperty, obj: PyObject): string {
  const n = p.name === Py_None && p.fget !== Py_None ? getOptional(p.fget, "__name__") : p.name;
  return typeof n === "string" ? `property '${n}' of '${Py_TYPE(obj).tp_name}' object` : `property of '${Py_TYPE(obj).tp_name}' object`;
}

PyProperty_Type.tp_descr_get = (descr, obj) => {
  const p = descr as PyProperty;
  if (obj === null || obj === Py_None && false) return p;
  if (p.fget === Py_None) throw attributeError(`${propertyQualname(p, obj)} has no getter`, obj);
  return PyObject_CallOneArg(p.fget, obj);
};
PyProperty_Type.tp_descr_set = (descr, obj, value) => {
  const p = descr as PyProperty;
  if (value === null) {
    if (p.fdel === Py_None) throw attributeError(`${propertyQualname(p, obj)} has no deleter`, obj);
    PyObject_CallOneArg(p.fdel, obj);
    return;
  }
  if (p.fset === Py_None) throw attributeError(`${propertyQualname(p, obj)} has no setter`, obj);
  PyObject_Vectorcall(p.fset, [obj, value], 0, 2, null);
};

function propertyCopy(p: PyProperty, fget: PyObject, fset: PyObject, fdel: PyObject): PyObject {
  const t = Py_TYPE(p);
  const np = PyObject_Vectorcall(t, [fget, fset, fdel, p.doc], 0, 4, null);
  if (np instanceof PyProperty) np.name = p.name;
  return np;
}

PyProperty_Type.tp_methods = [
  { name: "getter", kind: "o", fn: ((s: PyObject, f: PyObject) => propertyCopy(s as PyProperty, f, (s as PyProperty).fset, (s as PyProperty).fdel)) as PyMethodDef["fn"] },
  { name: "setter", kind: "o", fn: ((s: PyObject, f: PyObject) => propertyCopy(s as PyProperty, (s as PyProperty).fget, f, (s as PyProperty).fdel)) as PyMethodDef["fn"] },
  { name: "deleter", kind: "o", fn: ((s: PyObject, f: PyObject) => propertyCopy(s as PyProperty, (s as PyProperty).fget, (s as PyProperty).fset, f)) as PyMethodDef["fn"] },
  {
    name: "__set_name__",
    kind: "fast",
    fn: ((s: PyObject, args: readonly PyObject[], start: number, nargs: number) => {
      if (nargs !== 2) throw typeError(`__set_name__() takes 2 positional arguments but ${nargs} were given`);
      (s as PyProperty).name = args[start + 1];
      return Py_None;
    }) as PyMethodDef["fn"],
  },
];
PyProperty_Type.tp_getset = [
  { name: "fget", get: (v) => (v as PyProperty).fget },
  { name: "fset", get: (v) => (v as PyProperty).fset },
  { name: "fdel", get: (v) => (v as PyProperty).fdel },
  { name: "__doc__", get: (v) => (v as PyProperty).doc, set: (v, x) => void ((v as PyProperty).doc = x ?? Py_None) },
  { name: "__isabstractmethod__", get: (v) => isAbstract((v as PyProperty).fget) || isAbstract((v as PyProperty).fset) },
];

// --- descriptor attributes (CPython: descr_members, descr_getset) ------------------------------------

function descrGetsets(name: (d: PyObject) => string, owner: (d: PyObject) => PyTypeObject, doc: (d: PyObject) => PyObject): PyGetSetDef[] {
  return [
    { name: "__name__", get: (d) => name(d) },
    { name: "__qualname__", get: (d) => `${owner(d).tp_name}.${name(d)}` },
    { name: "__objclass__", get: (d) => owner(d) },
    { name: "__doc__", get: (d) => doc(d) },
    { name: "__text_signature__", get: () => Py_None },
  ];
}
PyMethodDescr_Type.tp_getset = descrGetsets((d) => (d as PyMethodDescr).def.name, (d) => (d as PyMethodDescr).owner, (d) => (d as PyMethodDescr).def.doc ?? Py_None);
PyClassMethodDescr_Type.tp_getset = descrGetsets((d) => (d as PyClassMethodDescr).def.name, (d) => (d as PyClassMethodDescr).owner, (d) => (d as PyClassMethodDescr).def.doc ?? Py_None);
PyGetSetDescr_Type.tp_getset = descrGetsets((d) => (d as PyGetSetDescr).def.name, (d) => (d as PyGetSetDescr).owner, (d) => (d as PyGetSetDescr).def.doc ?? Py_None);
PyWrapperDescr_Type.tp_getset = descrGetsets((d) => (d as PyWrapperDescr).name, (d) => (d as PyWrapperDescr).owner, () => Py_None);
PyMethodWrapper_Type.tp_getset.push(
  { name: "__qualname__", get: (v) => `${(v as PyMethodWrapper).descr.owner.tp_name}.${(v as PyMethodWrapper).descr.name}` },
  { name: "__objclass__", get: (v) => (v as PyMethodWrapper).descr.owner },
);
