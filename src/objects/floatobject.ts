// CPython: Objects/floatobject.c
import { PyObjectBase } from "./object.js";

export class PyFloat extends PyObjectBase {
  constructor(public readonly value: number) {
    super();
  }
}
