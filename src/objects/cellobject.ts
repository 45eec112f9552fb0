// CPython: Objects/cellobject.c
//
// A cell holds one variable shared between a function and the closures nested in it.
import { PyObjectBase, PyBaseObject_Type, newStaticType, type PyObject } from "./object.js";

export const PyCell_Type = newStaticType("cell", PyBaseObject_Type, 0);

export class PyCellObject extends PyObjectBase {
  /** The variable's value, or null while unbound. */
  ob_ref: PyObject | null;
  constructor(value: PyObject | null) {
    super();
    this.ob_ref = value;
  }
}
PyCellObject.prototype.ob_type = PyCell_Type;

export function PyCell_New(value: PyObject | null): PyCellObject {
  return new PyCellObject(value);
}
