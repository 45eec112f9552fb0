// CPython: Objects/unionobject.c (int | str, typing.Union in 3.14)
import { PyObjectBase, type PyObject, PyTypeObject, newStaticType, PyBaseObject_Type, Py_None, Py_NotImplemented, Py_TYPE, PyNone_Type, Py_EQ, Py_NE } from "./object.js";
import { PyTuple } from "./tupleobject.js";
import { PyObject_RichCompareBool, PyObject_Hash, PyObject_Repr, PyObject_GetOptionalAttr } from "./abstract.js";
import { PyGenericAlias } from "./genericaliasobject.js";
import { PyFrozenSet_Type, makeSet } from "./setobject.js";
import { typeError } from "../python/errors.js";
import { setTypeUnionHook } from "./typeobject.js";

export class PyUnion extends PyObjectBase {
  constructor(public readonly args: PyTuple) {
    super();
  }
}
export const PyUnion_Type = newStaticType("typing.Union", PyBaseObject_Type, 0);
PyUnion.prototype.ob_type = PyUnion_Type;

/** Whether `v` may be an operand of `|` for unions (CPython: is_unionable). */
function isUnionable(v: PyObject): boolean {
  return v === Py_None || v instanceof PyTypeObject || v instanceof PyGenericAlias || v instanceof PyUnion;
}

function flatten(v: PyObject, out: PyObject[]): void {
  const item = v === Py_None ? PyNone_Type : v;
  if (item instanceof PyUnion) {
    for (const a of item.args.items) flatten(a, out);
    return;
  }
  if (!out.some((x) => x === item || (x instanceof PyGenericAlias && PyObject_RichCompareBool(x, item, Py_EQ)))) out.push(item);
}

/** a | b for types (CPython: _Py_union_type_or). */
export function _Py_union_type_or(a: PyObject, b: PyObject): PyObject {
  if (!isUnionable(a) || !isUnionable(b)) return Py_NotImplemented;
  const args: PyObject[] = [];
  flatten(a, args);
  flatten(b, args);
  if (args.length === 1) return args[0];
  return new PyUnion(new PyTuple(args));
}

/** A union of any objects, as Union[...] builds it: None as NoneType, unions flattened, duplicates
 *  dropped, one argument returned as it is (CPython: _Py_union_from_tuple). */
export function _Py_union_from_tuple(items: readonly PyObject[]): PyObject {
  const args: PyObject[] = [];
  const add = (v: PyObject): void => {
    const item = v === Py_None ? PyNone_Type : v;
    if (item instanceof PyUnion) {
      for (const a of item.args.items) add(a);
      return;
    }
    PyObject_Hash(item); // Union members must be hashable
    if (!args.some((x) => x === item || PyObject_RichCompareBool(x, item, Py_EQ))) args.push(item);
  };
  for (const v of items) add(v);
  if (args.length === 0) throw typeError("Cannot take a Union of no types.");
  if (args.length === 1) return args[0];
  return new PyUnion(new PyTuple(args));
}

function argRepr(a: PyObject): string {
  if (a === PyNone_Type) return "None";
  if (a instanceof PyTypeObject) {
    const mod = PyObject_GetOptionalAttr(a, "__module__");
    const qn = PyObject_GetOptionalAttr(a, "__qualname__");
    if (typeof qn === "string") return mod === "builtins" || typeof mod !== "string" ? qn : `${mod}.${qn}`;
  }
  return PyObject_Repr(a);
}

PyUnion_Type.tp_repr = (v) => (v as PyUnion).args.items.map(argRepr).join(" | ");
PyUnion_Type.nb_or = _Py_union_type_or;
PyUnion_Type.tp_getset = [
  { name: "__args__", get: (v) => (v as PyUnion).args },
  { name: "__parameters__", get: () => new PyTuple([]) },
  { name: "__origin__", get: () => PyUnion_Type },
];
PyUnion_Type.tp_richcompare = (v, w, op) => {
  if (!(w instanceof PyUnion) || (op !== Py_EQ && op !== Py_NE)) return Py_NotImplemented;
  const a = makeSet(PyFrozenSet_Type, (v as PyUnion).args.items);
  const b = makeSet(PyFrozenSet_Type, w.args.items);
  const eq = PyObject_RichCompareBool(a, b, Py_EQ);
  return op === Py_EQ ? eq : !eq;
};
PyUnion_Type.tp_hash = (v) => PyObject_Hash(makeSet(PyFrozenSet_Type, (v as PyUnion).args.items));

function checkArgs(u: PyUnion, fname: string): PyTypeObject[] {
  return u.args.items.map((a) => {
    if (!(a instanceof PyTypeObject)) throw typeError(`${fname}() argument 2 cannot be a parameterized generic`);
    return a;
  });
}
PyUnion_Type.tp_methods = [
  {
    name: "__class_getitem__",
    kind: "o",
    binding: "class",
    fn: ((_cls: PyObject, args: PyObject) => _Py_union_from_tuple(args instanceof PyTuple ? args.items : [args])) as never,
  },
  {
    name: "__instancecheck__",
    kind: "o",
    fn: ((v: PyObject, inst: PyObject) => checkArgs(v as PyUnion, "isinstance").some((t) => Py_TYPE(inst) === t || Py_TYPE(inst).tp_mro.includes(t))) as never,
  },
  {
    name: "__subclasscheck__",
    kind: "o",
    fn: ((v: PyObject, sub: PyObject) => {
      if (!(sub instanceof PyTypeObject)) throw typeError("issubclass() arg 1 must be a class");
      return checkArgs(v as PyUnion, "issubclass").some((t) => sub === t || sub.tp_mro.includes(t));
    }) as never,
  },
];

export function _installUnion(): void {
  setTypeUnionHook(_Py_union_type_or);
}
