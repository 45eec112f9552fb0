// CPython: Include/object.h, Include/cpython/object.h (PyTypeObject), Objects/object.c
//
// How Python values are represented (see docs/ARCHITECTURE.md, "Object model"):
//   int   -> JS number when it is a safe integer (never -0), else JS bigint (never in safe range)
//   bool  -> JS boolean
//   str   -> JS string
//   float -> PyFloat (floatobject.ts); everything else -> an instance of a PyObjectBase subclass.
// So `typeof v === "number"` always means a small int: V8 keeps those unboxed.
//
// This module is the root of the object graph: it imports nothing at run time, so any module may
// use its definitions at load time. Other object modules may only use this module (and their own
// definitions) at load time; everything else they reference from inside functions.
//
// Type objects inherit slots from their base through the JS prototype chain (a type object is
// created with Object.create(base)), so a slot set on a base after a subtype exists is still
// inherited, and module load order does not matter.
import type { PyTuple } from "./tupleobject.js";
import type { PyDict } from "./dictobject.js";

/** Base of every Python object that is not a JS primitive. */
export abstract class PyObjectBase {
  /** The object's Python type: on the class prototype for built-in classes, own for others. */
  declare ob_type: PyTypeObject;
}

/** Any Python value. C's NULL is `null` (never a Python value). */
export type PyObject = number | bigint | string | boolean | PyObjectBase;

// Calling convention of every callable slot: positional arguments are args[start..start+nargs),
// keyword argument values follow them, named by kwnames (a tuple of str) (CPython: vectorcall).
export type VectorcallFunc = (
  callable: PyObject,
  args: readonly PyObject[],
  start: number,
  nargs: number,
  kwnames: PyTuple | null,
) => PyObject;
export type NewFunc = (
  type: PyTypeObject,
  args: readonly PyObject[],
  start: number,
  nargs: number,
  kwnames: PyTuple | null,
) => PyObject;
export type InitFunc = (
  self: PyObject,
  args: readonly PyObject[],
  start: number,
  nargs: number,
  kwnames: PyTuple | null,
) => void;
export type UnaryFunc = (v: PyObject) => PyObject;
export type BinaryFunc = (v: PyObject, w: PyObject) => PyObject;
export type TernaryFunc = (v: PyObject, w: PyObject, z: PyObject) => PyObject;
export type InquiryFunc = (v: PyObject) => boolean;
export type LenFunc = (v: PyObject) => number;
export type ReprFunc = (v: PyObject) => string;
/** Returns a Python int (never -1). */
export type HashFunc = (v: PyObject) => number | bigint;
/** op is one of Py_LT..Py_GE; may return Py_NotImplemented. */
export type RichCmpFunc = (v: PyObject, w: PyObject, op: number) => PyObject;
/** Returns the next item, or null when exhausted (no StopIteration raised). */
export type IterNextFunc = (v: PyObject) => PyObject | null;
export type GetAttroFunc = (v: PyObject, name: string) => PyObject;
/** value null deletes the attribute. */
export type SetAttroFunc = (v: PyObject, name: string, value: PyObject | null) => void;
export type DescrGetFunc = (descr: PyObject, obj: PyObject | null, type: PyTypeObject | null) => PyObject;
export type DescrSetFunc = (descr: PyObject, obj: PyObject, value: PyObject | null) => void;
export type SsizeArgFunc = (v: PyObject, i: number) => PyObject;
export type SsizeObjArgProc = (v: PyObject, i: number, value: PyObject | null) => void;
export type ObjObjProc = (v: PyObject, w: PyObject) => boolean;
export type ObjObjArgProc = (v: PyObject, key: PyObject, value: PyObject | null) => void;

/** One method of a built-in type, turned into a method descriptor when the type is readied. */
export interface PyMethodDef {
  name: string;
  /** "noargs": fn(self); "o": fn(self, arg); "fast": fn(self, args, start, nargs, kwnames). */
  kind: "noargs" | "o" | "fast";
  fn: (self: PyObject, ...rest: never[]) => PyObject;
  /** "class": a classmethod (self is the type); "static": a staticmethod. */
  binding?: "class" | "static";
  doc?: string;
  /**
   * For a method whose job is to call its first argument (Context.run): lets the eval loop run
   * that call inline, as a Python-to-Python call (so a thread can be suspended inside it). Called
   * with self before the call; does the method's "before" part and returns its "after" part, run
   * when the called frame is popped.
   */
  inline?: (self: PyObject) => () => void;
}
/** A computed attribute of a built-in type (CPython: PyGetSetDef). */
export interface PyGetSetDef {
  name: string;
  get: (self: PyObject) => PyObject;
  set?: (self: PyObject, value: PyObject | null) => void;
  doc?: string;
}

// Type flags (CPython: Include/object.h)
export const Py_TPFLAGS_MANAGED_DICT = 1 << 4;
export const Py_TPFLAGS_IMMUTABLETYPE = 1 << 8;
export const Py_TPFLAGS_HEAPTYPE = 1 << 9;
export const Py_TPFLAGS_BASETYPE = 1 << 10;
export const Py_TPFLAGS_HAVE_VECTORCALL = 1 << 11;
export const Py_TPFLAGS_READY = 1 << 12;
export const Py_TPFLAGS_IS_ABSTRACT = 1 << 20;
export const Py_TPFLAGS_LONG_SUBCLASS = 1 << 24;
export const Py_TPFLAGS_LIST_SUBCLASS = 1 << 25;
export const Py_TPFLAGS_TUPLE_SUBCLASS = 1 << 26;
export const Py_TPFLAGS_BYTES_SUBCLASS = 1 << 27;
export const Py_TPFLAGS_UNICODE_SUBCLASS = 1 << 28;
export const Py_TPFLAGS_DICT_SUBCLASS = 1 << 29;
export const Py_TPFLAGS_BASE_EXC_SUBCLASS = 1 << 30;
export const Py_TPFLAGS_TYPE_SUBCLASS = 2 ** 31;
/** The subclass flags a subtype inherits from its base. */
const INHERITED_FLAGS =
  Py_TPFLAGS_LONG_SUBCLASS | Py_TPFLAGS_LIST_SUBCLASS | Py_TPFLAGS_TUPLE_SUBCLASS | Py_TPFLAGS_BYTES_SUBCLASS |
  Py_TPFLAGS_UNICODE_SUBCLASS | Py_TPFLAGS_DICT_SUBCLASS | Py_TPFLAGS_BASE_EXC_SUBCLASS;

// Rich comparison operators (CPython: Include/object.h)
export const Py_LT = 0;
export const Py_LE = 1;
export const Py_EQ = 2;
export const Py_NE = 3;
export const Py_GT = 4;
export const Py_GE = 5;

/**
 * A Python type (CPython: PyTypeObject). Slots are flat properties; a null slot means "absent".
 * Create types with newStaticType (built-in) or typeobject.ts's type_new (classes).
 */
export class PyTypeObject extends PyObjectBase {
  declare tp_name: string;
  /** __qualname__ / __module__ for heap types; static types derive them from tp_name. */
  declare ht_qualname: string;
  declare tp_base: PyTypeObject | null;
  declare tp_bases: PyTypeObject[];
  declare tp_mro: PyTypeObject[];
  /** The type's namespace; built lazily from tp_methods/tp_getset by PyType_Ready (typeobject.ts). */
  declare tp_dict: Map<string, PyObject> | null;
  declare tp_flags: number;
  declare tp_doc: string | null;
  declare tp_methods: PyMethodDef[] | null;
  declare tp_getset: PyGetSetDef[] | null;
  /** Own subclasses, for __subclasses__() and slot updates. */
  declare tp_subclasses: PyTypeObject[];
  /** Heap types whose instances carry a __dict__. */
  declare tp_dictoffset: number;
  /** Names in __slots__ of a heap type (null when none were declared). */
  declare ht_slots: string[] | null;

  declare tp_repr: ReprFunc | null;
  declare tp_str: ReprFunc | null;
  declare tp_hash: HashFunc | null;
  declare tp_richcompare: RichCmpFunc | null;
  declare tp_iter: UnaryFunc | null;
  declare tp_iternext: IterNextFunc | null;
  declare tp_call: VectorcallFunc | null;
  declare tp_getattro: GetAttroFunc | null;
  declare tp_setattro: SetAttroFunc | null;
  declare tp_descr_get: DescrGetFunc | null;
  declare tp_descr_set: DescrSetFunc | null;
  declare tp_new: NewFunc | null;
  declare tp_init: InitFunc | null;

  declare nb_add: BinaryFunc | null;
  declare nb_subtract: BinaryFunc | null;
  declare nb_multiply: BinaryFunc | null;
  declare nb_remainder: BinaryFunc | null;
  declare nb_divmod: BinaryFunc | null;
  declare nb_power: TernaryFunc | null;
  declare nb_negative: UnaryFunc | null;
  declare nb_positive: UnaryFunc | null;
  declare nb_absolute: UnaryFunc | null;
  declare nb_bool: InquiryFunc | null;
  declare nb_invert: UnaryFunc | null;
  declare nb_lshift: BinaryFunc | null;
  declare nb_rshift: BinaryFunc | null;
  declare nb_and: BinaryFunc | null;
  declare nb_xor: BinaryFunc | null;
  declare nb_or: BinaryFunc | null;
  declare nb_int: UnaryFunc | null;
  declare nb_float: UnaryFunc | null;
  declare nb_inplace_add: BinaryFunc | null;
  declare nb_inplace_subtract: BinaryFunc | null;
  declare nb_inplace_multiply: BinaryFunc | null;
  declare nb_inplace_remainder: BinaryFunc | null;
  declare nb_inplace_power: TernaryFunc | null;
  declare nb_inplace_lshift: BinaryFunc | null;
  declare nb_inplace_rshift: BinaryFunc | null;
  declare nb_inplace_and: BinaryFunc | null;
  declare nb_inplace_xor: BinaryFunc | null;
  declare nb_inplace_or: BinaryFunc | null;
  declare nb_floor_divide: BinaryFunc | null;
  declare nb_true_divide: BinaryFunc | null;
  declare nb_inplace_floor_divide: BinaryFunc | null;
  declare nb_inplace_true_divide: BinaryFunc | null;
  declare nb_index: UnaryFunc | null;
  declare nb_matrix_multiply: BinaryFunc | null;
  declare nb_inplace_matrix_multiply: BinaryFunc | null;

  declare sq_length: LenFunc | null;
  declare sq_concat: BinaryFunc | null;
  declare sq_repeat: SsizeArgFunc | null;
  declare sq_item: SsizeArgFunc | null;
  declare sq_ass_item: SsizeObjArgProc | null;
  declare sq_contains: ObjObjProc | null;
  declare sq_inplace_concat: BinaryFunc | null;
  declare sq_inplace_repeat: SsizeArgFunc | null;

  declare mp_length: LenFunc | null;
  declare mp_subscript: BinaryFunc | null;
  declare mp_ass_subscript: ObjObjArgProc | null;
}

/** Slot names (every `tp_`, `nb_`, `sq_`, `mp_` function slot), defaulting to null. */
export const SLOT_NAMES = [
  "tp_repr", "tp_str", "tp_hash", "tp_richcompare", "tp_iter", "tp_iternext", "tp_call", "tp_getattro",
  "tp_setattro", "tp_descr_get", "tp_descr_set", "tp_new", "tp_init",
  "nb_add", "nb_subtract", "nb_multiply", "nb_remainder", "nb_divmod", "nb_power", "nb_negative", "nb_positive",
  "nb_absolute", "nb_bool", "nb_invert", "nb_lshift", "nb_rshift", "nb_and", "nb_xor", "nb_or", "nb_int",
  "nb_float", "nb_inplace_add", "nb_inplace_subtract", "nb_inplace_multiply", "nb_inplace_remainder",
  "nb_inplace_power", "nb_inplace_lshift", "nb_inplace_rshift", "nb_inplace_and", "nb_inplace_xor",
  "nb_inplace_or", "nb_floor_divide", "nb_true_divide", "nb_inplace_floor_divide", "nb_inplace_true_divide",
  "nb_index", "nb_matrix_multiply", "nb_inplace_matrix_multiply",
  "sq_length", "sq_concat", "sq_repeat", "sq_item", "sq_ass_item", "sq_contains", "sq_inplace_concat",
  "sq_inplace_repeat", "mp_length", "mp_subscript", "mp_ass_subscript",
] as const;
export type SlotName = (typeof SLOT_NAMES)[number];
{
  const proto = PyTypeObject.prototype as unknown as Record<string, unknown>;
  for (const s of SLOT_NAMES) proto[s] = null;
  proto.tp_doc = null;
  proto.tp_methods = null;
  proto.tp_getset = null;
  proto.ht_slots = null;
  proto.tp_dictoffset = 0;
}

/**
 * Creates a built-in type. Slots not set on it are inherited from `base` (prototype chain);
 * tp_mro is the single-inheritance chain. `metatype` defaults to `type`.
 */
export function newStaticType(
  name: string,
  base: PyTypeObject | null,
  flags: number = Py_TPFLAGS_BASETYPE,
  metatype?: PyTypeObject,
): PyTypeObject {
  const t = Object.create(base ?? PyTypeObject.prototype) as PyTypeObject;
  t.ob_type = metatype ?? PyType_Type;
  t.tp_name = name;
  t.ht_qualname = name.slice(name.lastIndexOf(".") + 1);
  t.tp_base = base;
  t.tp_bases = base ? [base] : [];
  t.tp_mro = base ? [t, ...base.tp_mro] : [t];
  t.tp_dict = null;
  t.tp_flags = flags | Py_TPFLAGS_IMMUTABLETYPE | (base ? base.tp_flags & INHERITED_FLAGS : 0);
  t.tp_subclasses = [];
  t.tp_methods = null;
  t.tp_getset = null;
  t.tp_doc = null;
  if (base) base.tp_subclasses.push(t);
  return t;
}

// The core types whose instances are JS primitives, plus object and type (CPython: Objects/object.c,
// typeobject.c). Their slots are filled in by their modules.
// PyType_Type must exist before newStaticType runs (it is every static type's metatype).
export let PyType_Type: PyTypeObject = undefined as unknown as PyTypeObject;
export const PyBaseObject_Type: PyTypeObject = newStaticType("object", null);
PyType_Type = newStaticType("type", PyBaseObject_Type, Py_TPFLAGS_BASETYPE | Py_TPFLAGS_TYPE_SUBCLASS);
PyBaseObject_Type.ob_type = PyType_Type;
PyType_Type.ob_type = PyType_Type;
PyTypeObject.prototype.ob_type = PyType_Type;
PyObjectBase.prototype.ob_type = PyBaseObject_Type;

export const PyLong_Type = newStaticType("int", PyBaseObject_Type, Py_TPFLAGS_BASETYPE | Py_TPFLAGS_LONG_SUBCLASS);
export const PyBool_Type = newStaticType("bool", PyLong_Type, 0);
export const PyUnicode_Type = newStaticType("str", PyBaseObject_Type, Py_TPFLAGS_BASETYPE | Py_TPFLAGS_UNICODE_SUBCLASS);

/** The type of any value; fast for primitives (CPython: Py_TYPE). */
export function Py_TYPE(v: PyObject): PyTypeObject {
  switch (typeof v) {
    case "number":
    case "bigint":
      return PyLong_Type;
    case "string":
      return PyUnicode_Type;
    case "boolean":
      return PyBool_Type;
    default:
      return v.ob_type;
  }
}

/** Whether `a` is `b` or a subtype of it (CPython: PyType_IsSubtype). */
export function PyType_IsSubtype(a: PyTypeObject, b: PyTypeObject): boolean {
  if (a === b) return true;
  const mro = a.tp_mro;
  for (let i = 1; i < mro.length; i++) if (mro[i] === b) return true;
  return false;
}

/** isinstance(v, t) without __instancecheck__ (CPython: PyObject_TypeCheck). */
export function PyObject_TypeCheck(v: PyObject, t: PyTypeObject): boolean {
  return PyType_IsSubtype(Py_TYPE(v), t);
}

export function PyType_HasFeature(t: PyTypeObject, flag: number): boolean {
  return (t.tp_flags & flag) !== 0;
}

/** CPython: Objects/object.c, _Py_NoneStruct. */
export class PyNoneType extends PyObjectBase {}
export const PyNone_Type = newStaticType("NoneType", PyBaseObject_Type, 0);
PyNoneType.prototype.ob_type = PyNone_Type;
export const Py_None = new PyNoneType();

/** CPython: Objects/sliceobject.c, _Py_EllipsisObject. */
export class PyEllipsisType extends PyObjectBase {}
export const PyEllipsis_Type = newStaticType("ellipsis", PyBaseObject_Type, 0);
PyEllipsisType.prototype.ob_type = PyEllipsis_Type;
export const Py_Ellipsis = new PyEllipsisType();

/** CPython: Objects/object.c, _Py_NotImplementedStruct. */
export class PyNotImplementedType extends PyObjectBase {}
export const PyNotImplemented_Type = newStaticType("NotImplementedType", PyBaseObject_Type, 0);
PyNotImplementedType.prototype.ob_type = PyNotImplemented_Type;
export const Py_NotImplemented = new PyNotImplementedType();

/** Every value that is not one of the built-in primitives' or PyObjectBase's is a bug. */
export function Py_IsNone(v: PyObject | null): boolean {
  return v === Py_None;
}

/** The name used in messages: type(v).__name__ (CPython: Py_TYPE(v)->tp_name for static types). */
export function _PyType_Name(t: PyTypeObject): string {
  return t.ht_qualname !== undefined && t.tp_flags & Py_TPFLAGS_HEAPTYPE ? t.ht_qualname : t.tp_name.slice(t.tp_name.lastIndexOf(".") + 1);
}

/** type(v).__name__ as CPython's messages print it with %T / tp_name. */
export function typeName(v: PyObject): string {
  return Py_TYPE(v).tp_name;
}

// Slots of the singletons (CPython: Objects/object.c none_repr, NotImplemented_repr; sliceobject.c ellipsis_repr)
PyNone_Type.tp_repr = () => "None";
PyNone_Type.nb_bool = () => false;
PyNone_Type.tp_hash = () => 0xfca86420; // a fixed constant since CPython 3.12
PyEllipsis_Type.tp_repr = () => "Ellipsis";
PyNotImplemented_Type.tp_repr = () => "NotImplemented";
