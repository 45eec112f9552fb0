// CPython: Objects/complexobject.c
import { PyObjectBase } from "./object.js";
import { formatFloatShortest } from "./floatobject.js";

export class PyComplex extends PyObjectBase {
  constructor(
    public readonly real: number,
    public readonly imag: number,
  ) {
    super();
  }
}

/** repr(complex) (CPython: complex_repr). */
export function complexRepr(re: number, im: number): string {
  const imStr = formatFloatShortest(im, false);
  // A real part of +0.0 is omitted; -0.0 is shown.
  if (re === 0 && !Object.is(re, -0)) return imStr + "j";
  const sep = imStr.charCodeAt(0) === 45 ? "" : "+";
  return "(" + formatFloatShortest(re, false) + sep + imStr + "j)";
}
