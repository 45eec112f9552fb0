// CPython: Include/object.h, Objects/object.c
//
// How Python values are represented (see docs/ARCHITECTURE.md, "Object model"):
//   int   -> JS number when it is a safe integer (never -0), else JS bigint (never in safe range)
//   bool  -> JS boolean
//   str   -> JS string
//   float -> PyFloat (floatobject.ts); everything else -> an instance of a PyObjectBase subclass.
// So `typeof v === "number"` always means a small int: V8 keeps those unboxed.

/** Base of every Python object that is not a JS primitive. */
export abstract class PyObjectBase {}

/** Any Python value. C's NULL is `null` (never a Python value). */
export type PyObject = number | bigint | string | boolean | PyObjectBase;

/** CPython: Objects/object.c, _Py_NoneStruct. */
export class PyNoneType extends PyObjectBase {}
export const Py_None = new PyNoneType();

/** CPython: Objects/sliceobject.c, _Py_EllipsisObject. */
export class PyEllipsisType extends PyObjectBase {}
export const Py_Ellipsis = new PyEllipsisType();
