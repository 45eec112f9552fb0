// CPython: Objects/floatobject.c
import { PyObjectBase } from "./object.js";

export class PyFloat extends PyObjectBase {
  constructor(public readonly value: number) {
    super();
  }
}

/**
 * Python's float repr (CPython: float_repr, PyOS_double_to_string with 'r'): the shortest digits
 * that round-trip, positional when -4 <= exponent < 16, else scientific with a 2-digit minimum
 * exponent. `addDot0` appends ".0" to integral positional results (repr(float) does, complex doesn't).
 */
export function formatFloatShortest(x: number, addDot0: boolean): string {
  if (x !== x) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  if (x === 0) return Object.is(x, -0) ? (addDot0 ? "-0.0" : "-0") : addDot0 ? "0.0" : "0";
  const e = x.toExponential(); // "-d.ddde+x": shortest round-trip digits
  const ePos = e.indexOf("e");
  const neg = e.charCodeAt(0) === 45;
  const mant = e.slice(neg ? 1 : 0, ePos);
  const digits = mant.length > 1 ? mant[0] + mant.slice(2) : mant;
  const exp = +e.slice(ePos + 1);
  const sign = neg ? "-" : "";
  if (exp < -4 || exp >= 16) {
    const expStr = exp < 0 ? (exp > -10 ? "-0" + -exp : "" + exp) : exp < 10 ? "+0" + exp : "+" + exp;
    return sign + mant + "e" + expStr;
  }
  const decpt = exp + 1;
  const n = digits.length;
  if (decpt <= 0) return sign + "0." + "0".repeat(-decpt) + digits;
  if (decpt >= n) return sign + digits + "0".repeat(decpt - n) + (addDot0 ? ".0" : "");
  return sign + digits.slice(0, decpt) + "." + digits.slice(decpt);
}

/** repr(float). */
export function floatRepr(x: number): string {
  return formatFloatShortest(x, true);
}
