// CPython: Objects/tupleobject.c
import { PyObjectBase, type PyObject } from "./object.js";

export class PyTuple extends PyObjectBase {
  constructor(public readonly items: readonly PyObject[]) {
    super();
  }
}
