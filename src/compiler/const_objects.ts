// Constant values only the compiler creates: frozenset (folded `x in {1, 2}`) and slice (`a[1:2]`).
// CPython: Objects/setobject.c, Objects/sliceobject.c (the data part only).
import { PyObjectBase, type PyObject } from "../objects/object.js";

export class PyFrozenSet extends PyObjectBase {
  constructor(public readonly items: readonly PyObject[]) {
    super();
  }
}

export class PySlice extends PyObjectBase {
  constructor(
    public readonly start: PyObject,
    public readonly stop: PyObject,
    public readonly step: PyObject,
  ) {
    super();
  }
}
