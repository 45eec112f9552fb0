// CPython: Objects/floatobject.c
import {
  PyObjectBase, type PyObject, newStaticType, PyBaseObject_Type, Py_NotImplemented, Py_None,
} from "./object.js";
import {
  type PyInt, asInt, PyLong_AsDouble, long_float_compare, cmpResult, HASH_MODULUS, HASH_INF, normBig,
  PyLong_FromNumber,
} from "./longobject.js";
import { PyTuple } from "./tupleobject.js";
import { complex_pow } from "./complexobject.js";
import { zeroDivisionError, overflowError } from "../python/errors.js";
import { newException, PyExc_OverflowError, PyExc_TypeError, PyExc_ValueError, type PyBaseException } from "./exceptions.js";
import type { PyMethodDef, PyTypeObject } from "./object.js";
import { Py_TYPE } from "./object.js";
import { typeError, valueError } from "../python/errors.js";
import { PyFloat_AsDouble, PyObject_Repr, PyNumber_Index } from "./abstract.js";
import { PyBytes } from "./bytesobject.js";
import { checkPositional } from "../python/getargs.js";
import { formatFloatSpec } from "./formatter.js";
import { PyLong_FromDouble, long_sign } from "./longobject.js";

export class PyFloat extends PyObjectBase {
  constructor(public readonly value: number) {
    super();
  }
}
export const PyFloat_Type = newStaticType("float", PyBaseObject_Type);
PyFloat.prototype.ob_type = PyFloat_Type;

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

/** float(s) text parsing (CPython: PyOS_string_to_double + float_from_string); null if invalid. */
export function parseFloatLiteral(text: string): number | null {
  let s = text.trim();
  if (s.includes("_")) {
    // underscores only between digits
    if (!/^[+-]?(\d(_?\d)*)?(\.(\d(_?\d)*)?)?([eE][+-]?\d(_?\d)*)?$/.test(s)) return null;
    s = s.replace(/_/g, "");
  }
  const m = /^([+-]?)(inf|infinity|nan)$/i.exec(s);
  if (m) {
    const v = m[2].toLowerCase() === "nan" ? NaN : Infinity;
    return m[1] === "-" ? -v : v;
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) {
    // Unicode digits are accepted too (rare)
    return null;
  }
  return parseFloat(s);
}

// --- arithmetic ----------------------------------------------------------------------------------

/** An operand of a float operation as a JS number, or null (CPython: CONVERT_TO_DOUBLE). */
export function toDouble(v: PyObject): number | null {
  if (v instanceof PyFloat) return v.value;
  const i = asInt(v);
  if (i === null) return null;
  return PyLong_AsDouble(i);
}

export function float_floordiv_double(vx: number, wx: number): number {
  if (wx === 0) throw zeroDivisionError("division by zero");
  return float_divmod_double(vx, wx)[0];
}

export function float_mod_double(vx: number, wx: number): number {
  if (wx === 0) throw zeroDivisionError("division by zero");
  let mod = vx % wx;
  if (mod) {
    if (wx < 0 !== mod < 0) mod += wx;
  } else {
    mod = wx < 0 ? -0 : 0;
  }
  return mod;
}

/** CPython: float_divmod (floor quotient and remainder with the divisor's sign). */
export function float_divmod_double(vx: number, wx: number): [number, number] {
  if (wx === 0) throw zeroDivisionError("division by zero");
  let mod = vx % wx;
  let div = (vx - mod) / wx;
  if (mod) {
    if (wx < 0 !== mod < 0) {
      mod += wx;
      div -= 1.0;
    }
  } else {
    mod = wx < 0 ? -0 : 0;
  }
  let floordiv: number;
  if (div) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    floordiv = vx / wx < 0 || Object.is(vx / wx, -0) ? -0 : 0;
  }
  return [floordiv, mod];
}

function isOddInteger(x: number): boolean {
  return Number.isInteger(x) && Math.abs(x % 2) === 1;
}

/** float ** float for real results; negative base with fractional exponent -> NaN marker (caller). */
export function float_pow_double(iv: number, iw: number): number {
  if (iw === 0) return 1.0;
  if (iv !== iv) return iv;
  if (iw !== iw) return iv === 1.0 ? 1.0 : iw;
  if (iw === Infinity || iw === -Infinity) {
    const av = Math.abs(iv);
    if (av === 1.0) return 1.0;
    return av > 1.0 === iw > 0 ? Infinity : 0.0;
  }
  if (iv === Infinity || iv === -Infinity) {
    const odd = isOddInteger(iw);
    if (iw > 0) return odd ? iv : Infinity;
    return odd ? (iv < 0 ? -0 : 0) : 0;
  }
  if (iv === 0) {
    if (iw < 0) throw zeroDivisionError("zero to a negative power");
    return isOddInteger(iw) ? iv : 0;
  }
  if (iv === 1.0) return 1.0;
  const r = Math.pow(iv, iw);
  if (r === Infinity || r === -Infinity) {
    throw newException(PyExc_OverflowError, [34, "Numerical result out of range"]);
  }
  return r;
}

function float_pow(v: PyObject, w: PyObject, z: PyObject): PyObject {
  if (z !== Py_None) throw typeErrorPow();
  const iv = toDouble(v);
  const iw = toDouble(w);
  if (iv === null || iw === null) return Py_NotImplemented;
  if (iv < 0 && Number.isFinite(iw) && !Number.isInteger(iw) && Number.isFinite(iv)) {
    // A negative number to a fractional power is complex
    return complex_pow(iv, 0, iw, 0);
  }
  return new PyFloat(float_pow_double(iv, iw));
}

function typeErrorPow(): PyBaseException {
  return newException(PyExc_TypeError, ["pow() 3rd argument not allowed unless all arguments are integers"]);
}

// --- hashing -------------------------------------------------------------------------------------

/** CPython: _Py_HashDouble (NaN hashes by identity, handled by the caller). */
export function float_hash_double(x: number): PyInt {
  if (Number.isInteger(x) && Math.abs(x) <= Number.MAX_SAFE_INTEGER) return x === -1 ? -2 : x + 0;
  if (x === Infinity) return HASH_INF;
  if (x === -Infinity) return -HASH_INF;
  // x = m * 2**e with m a 53-bit integer
  const neg = x < 0;
  let a = Math.abs(x);
  let e = 0;
  while (!Number.isInteger(a)) {
    a *= 2;
    e--;
  }
  while (a > Number.MAX_SAFE_INTEGER) {
    a /= 2;
    e++;
  }
  const m = BigInt(a);
  // 2**61 = 1 (mod 2**61 - 1), so 2**e = 2**(e mod 61)
  const k = ((e % 61) + 61) % 61;
  let h = (m * (1n << BigInt(k))) % HASH_MODULUS;
  if (neg) h = -h;
  if (h === -1n) h = -2n;
  return normBig(h);
}

let nanHashCounter = 0x5a5a5a5;
const nanHashes = new WeakMap<PyFloat, number>();

function float_hash(v: PyObject): PyInt {
  const f = v as PyFloat;
  const x = f.value;
  if (x !== x) {
    let h = nanHashes.get(f);
    if (h === undefined) {
      h = nanHashCounter = (nanHashCounter + 0x9e37) % 0x7fffffff;
      nanHashes.set(f, h);
    }
    return h;
  }
  return float_hash_double(x);
}

// --- rounding ------------------------------------------------------------------------------------

/** round(x, ndigits) correctly rounded, half to even on exact ties (CPython: double_round). */
export function float_round_digits(x: number, ndigits: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  if (ndigits > 330) return x;
  if (ndigits < -330) return x < 0 ? -0 : 0;
  // x = m * 2**e exactly
  let a = Math.abs(x);
  let e = 0;
  while (!Number.isInteger(a)) {
    a *= 2;
    e--;
  }
  let num = BigInt(a);
  let den = 1n;
  if (e >= 0) num <<= BigInt(e);
  else den <<= BigInt(-e);
  if (ndigits >= 0) num *= 10n ** BigInt(ndigits);
  else den *= 10n ** BigInt(-ndigits);
  let q = num / den;
  const r2 = (num % den) * 2n;
  if (r2 > den || (r2 === den && q % 2n === 1n)) q += 1n;
  const result = parseFloat(q.toString() + "e" + -ndigits);
  if (!Number.isFinite(result)) throw overflowError("rounded value too large to represent");
  return x < 0 ? -result : result;
}

/** round(x) to the nearest int, half to even. */
export function float_round_to_int(x: number): PyInt {
  if (x !== x) throw newException(PyExc_ValueError, ["cannot convert float NaN to integer"]);
  if (!Number.isFinite(x)) throw overflowError("cannot convert float infinity to integer");
  let r = Math.round(x);
  if (Math.abs(x - Math.trunc(x)) === 0.5) r = 2 * Math.round(x / 2);
  return PyLong_FromNumber(r);
}

// --- slots ---------------------------------------------------------------------------------------

function binop(v: PyObject, w: PyObject, f: (a: number, b: number) => number): PyObject {
  const a = toDouble(v);
  const b = toDouble(w);
  if (a === null || b === null) return Py_NotImplemented;
  return new PyFloat(f(a, b));
}

const T = PyFloat_Type;
T.nb_add = (v, w) => binop(v, w, (a, b) => a + b);
T.nb_subtract = (v, w) => binop(v, w, (a, b) => a - b);
T.nb_multiply = (v, w) => binop(v, w, (a, b) => a * b);
T.nb_true_divide = (v, w) =>
  binop(v, w, (a, b) => {
    if (b === 0) throw zeroDivisionError("division by zero");
    return a / b;
  });
T.nb_floor_divide = (v, w) => binop(v, w, float_floordiv_double);
T.nb_remainder = (v, w) => binop(v, w, float_mod_double);
T.nb_divmod = (v, w) => {
  const a = toDouble(v);
  const b = toDouble(w);
  if (a === null || b === null) return Py_NotImplemented;
  const [d, m] = float_divmod_double(a, b);
  return new PyTuple([new PyFloat(d), new PyFloat(m)]);
};
T.nb_power = float_pow;
T.nb_negative = (v) => new PyFloat(-(v as PyFloat).value);
T.nb_positive = (v) => (v instanceof PyFloat && v.ob_type === PyFloat_Type ? v : new PyFloat((v as PyFloat).value));
T.nb_absolute = (v) => new PyFloat(Math.abs((v as PyFloat).value));
T.nb_bool = (v) => (v as PyFloat).value !== 0;
T.nb_int = (v) => {
  const x = (v as PyFloat).value;
  if (x !== x) throw newException(PyExc_ValueError, ["cannot convert float NaN to integer"]);
  if (!Number.isFinite(x)) throw overflowError("cannot convert float infinity to integer");
  return PyLong_FromNumber(Math.trunc(x));
};
T.nb_float = (v) => (v instanceof PyFloat && v.ob_type === PyFloat_Type ? v : new PyFloat((v as PyFloat).value));
T.tp_hash = float_hash;
T.tp_repr = (v) => floatRepr((v as PyFloat).value);
T.tp_richcompare = (v, w, op) => {
  const a = (v as PyFloat).value;
  let c: number | null;
  if (w instanceof PyFloat) {
    const b = w.value;
    if (a !== a || b !== b) return op === 3;
    c = a < b ? -1 : a > b ? 1 : 0;
  } else {
    const i = asInt(w);
    if (i === null) return Py_NotImplemented;
    const ic = long_float_compare(i, a);
    if (ic === null) return op === 3;
    c = -ic;
  }
  return cmpResult(c, op);
};

// --- float(x), methods ---------------------------------------------------------------------------


/** float(text) (CPython: PyFloat_FromString). */
export function floatFromText(text: PyObject): number {
  const s = typeof text === "string" ? text : new TextDecoder("latin1").decode((text as PyBytes).value);
  const r = parseFloatLiteral(s);
  if (r === null) throw valueError(`could not convert string to float: ${PyObject_Repr(text)}`);
  return r;
}

T.tp_new = (type, args, start, nargs, kwnames) => {
  if (kwnames !== null && kwnames.items.length && type === PyFloat_Type) throw typeError("float() takes no keyword arguments");
  checkPositional("float", nargs, 0, 1);
  let x = 0;
  if (nargs === 1) {
    const a = args[start];
    if (typeof a === "string" || a instanceof PyBytes) x = floatFromText(a);
    else if (a instanceof PyFloat) x = a.value;
    else {
      const t = Py_TYPE(a);
      if (t.nb_float === null && t.nb_index === null) {
        throw typeError(`float() argument must be a string or a real number, not '${t.tp_name}'`);
      }
      x = PyFloat_AsDouble(a);
    }
  }
  const f = new PyFloat(x);
  if (type !== PyFloat_Type) (f as { ob_type: PyTypeObject }).ob_type = type;
  return f;
};

const fv = (v: PyObject): number => (v as PyFloat).value;

T.tp_methods = [
  {
    // CPython: float___getformat___impl (tython's floats are IEEE 754 doubles, little-endian in memory)
    name: "__getformat__",
    kind: "o",
    binding: "class",
    fn: ((_cls: PyObject, typestr: PyObject) => {
      if (typeof typestr !== "string") throw typeError(`__getformat__() argument must be str, not ${Py_TYPE(typestr).tp_name}`);
      if (typestr !== "double" && typestr !== "float") throw valueError("__getformat__() argument 1 must be 'double' or 'float'");
      return "IEEE, little-endian";
    }) as PyMethodDef["fn"],
  },
  { name: "is_integer", kind: "noargs", fn: ((v: PyObject) => Number.isInteger(fv(v))) as PyMethodDef["fn"] },
  { name: "conjugate", kind: "noargs", fn: ((v: PyObject) => new PyFloat(fv(v))) as PyMethodDef["fn"] },
  { name: "__trunc__", kind: "noargs", fn: ((v: PyObject) => PyLong_FromDouble(fv(v))) as PyMethodDef["fn"] },
  { name: "__floor__", kind: "noargs", fn: ((v: PyObject) => PyLong_FromDouble(Math.floor(fv(v)))) as PyMethodDef["fn"] },
  { name: "__ceil__", kind: "noargs", fn: ((v: PyObject) => PyLong_FromDouble(Math.ceil(fv(v)))) as PyMethodDef["fn"] },
  {
    name: "__round__",
    kind: "fast",
    fn: ((v: PyObject, args: readonly PyObject[], start: number, nargs: number) => {
      if (nargs > 1) throw typeError(`__round__ expected at most 1 argument, got ${nargs}`);
      const nd = nargs ? args[start] : Py_None;
      if (nd === Py_None) return float_round_to_int(fv(v));
      const n = PyNumber_Index(nd);
      const digits = typeof n === "number" ? n : long_sign(n) > 0 ? 400 : -400;
      return new PyFloat(float_round_digits(fv(v), digits));
    }) as PyMethodDef["fn"],
  },
  {
    name: "as_integer_ratio",
    kind: "noargs",
    fn: ((v: PyObject) => {
      let x = fv(v);
      if (x !== x) throw valueError("cannot convert NaN to integer ratio");
      if (!Number.isFinite(x)) throw newException(PyExc_OverflowError, ["cannot convert Infinity to integer ratio"]);
      let den = 1n;
      while (!Number.isInteger(x)) {
        x *= 2;
        den *= 2n;
      }
      let num = BigInt(x);
      while (den > 1n && num % 2n === 0n) {
        num /= 2n;
        den /= 2n;
      }
      return new PyTuple([normBig(num), normBig(den)]);
    }) as PyMethodDef["fn"],
  },
  {
    name: "hex",
    kind: "noargs",
    fn: ((v: PyObject) => floatHex(fv(v))) as PyMethodDef["fn"],
  },
  {
    name: "__format__",
    kind: "o",
    fn: ((v: PyObject, spec: PyObject) => {
      if (typeof spec !== "string") throw typeError(`__format__() argument must be str, not ${Py_TYPE(spec).tp_name}`);
      return formatFloatSpec(fv(v), spec);
    }) as PyMethodDef["fn"],
  },
  { name: "__getnewargs__", kind: "noargs", fn: ((v: PyObject) => new PyTuple([fv(v)])) as PyMethodDef["fn"] },
];
T.tp_getset = [
  { name: "real", get: (v) => new PyFloat(fv(v)) },
  { name: "imag", get: () => new PyFloat(0) },
];

function floatHex(x: number): string {
  if (x !== x) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  const sign = x < 0 || Object.is(x, -0) ? "-" : "";
  let a = Math.abs(x);
  if (a === 0) return sign + "0x0.0p+0";
  let e = 0;
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, a);
  const hi = buf.getUint32(0);
  const lo = buf.getUint32(4);
  const bexp = (hi >>> 20) & 0x7ff;
  let mant = ((BigInt(hi & 0xfffff) << 32n) | BigInt(lo)).toString(16).padStart(13, "0");
  let lead = "1";
  if (bexp === 0) {
    lead = "0";
    e = -1022;
  } else e = bexp - 1023;
  mant = mant.replace(/0+$/, "");
  void a;
  return `${sign}0x${lead}.${mant || "0"}p${e >= 0 ? "+" : ""}${e}`;
}
