// CPython: Objects/bytesobject.c
import { PyObjectBase } from "./object.js";

export class PyBytes extends PyObjectBase {
  constructor(public readonly value: Uint8Array) {
    super();
  }
}
