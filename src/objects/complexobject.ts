// CPython: Objects/complexobject.c
import { PyObjectBase } from "./object.js";

export class PyComplex extends PyObjectBase {
  constructor(
    public readonly real: number,
    public readonly imag: number,
  ) {
    super();
  }
}
