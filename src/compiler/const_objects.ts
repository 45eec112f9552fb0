// Constant values only the compiler creates: frozenset (folded `x in {1, 2}`) and slice (`a[1:2]`).
// They are the runtime's own objects, so the eval loop can use them as they are.
import { type PyObject } from "../objects/object.js";
import { PySet, PyFrozenSet_Type } from "../objects/setobject.js";
export { PySlice } from "../objects/sliceobject.js";

/** A constant frozenset (CPython: PyFrozenSet_New at compile time). */
export class PyFrozenSet extends PySet {
  constructor(items: readonly PyObject[]) {
    super(items);
    this.ob_type = PyFrozenSet_Type;
  }
}
