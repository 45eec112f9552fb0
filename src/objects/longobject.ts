// CPython: Objects/longobject.c
//
// int is a JS number when it is a safe integer (never -0), else a bigint outside the safe range.
// Every result goes through the fast number path first and falls back to bigint arithmetic.
import { type PyObject, PyLong_Type, Py_NotImplemented, Py_None, PyObjectBase } from "./object.js";
import { PyFloat, float_pow_double } from "./floatobject.js";
import { PyTuple } from "./tupleobject.js";
import { typeError, valueError, overflowError, zeroDivisionError } from "../python/errors.js";
import { ArgParser } from "../python/getargs.js";
import type { PyMethodDef } from "./object.js";
import { Py_TYPE, PyType_IsSubtype } from "./object.js";
import { PyNumber_Long, PyNumber_Index, PyObject_Repr, iterableToArray, PyObject_CallOneArg } from "./abstract.js";
import { PyByteArray, PyBytes } from "./bytesobject.js";
import { asStr } from "./unicodeobject.js";
import { PyObject_CheckBuffer, getContiguousBytes } from "./buffer.js";
import { formatIntSpec } from "./formatter.js";

export type PyInt = number | bigint;

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_SAFE = -MAX_SAFE;

/** Normalizes a bigint result: a number when it is in the safe range. */
export function normBig(b: bigint): PyInt {
  return b >= MIN_SAFE && b <= MAX_SAFE ? Number(b) : b;
}

/** An int from any integral JS number (which may be outside the safe range or -0). */
export function PyLong_FromNumber(x: number): PyInt {
  if (Number.isSafeInteger(x)) return x + 0;
  return BigInt(x);
}

export function isInt(v: PyObject): v is PyInt {
  return typeof v === "number" || typeof v === "bigint";
}

/** An int or bool as a PyInt (bool is an int subtype). */
export function asInt(v: PyObject): PyInt | null {
  switch (typeof v) {
    case "number":
    case "bigint":
      return v;
    case "boolean":
      return v ? 1 : 0;
    default:
      return v instanceof PyLongBox ? v.value : null;
  }
}

/** An instance of a subclass of int: the value boxed with its own type (and __dict__). */
export class PyLongBox extends PyObjectBase {
  dict: import("./dictobject.js").PyDict | null = null;
  constructor(
    public readonly value: PyInt,
    type: import("./object.js").PyTypeObject,
  ) {
    super();
    this.ob_type = type;
  }
}

const big = (v: PyInt): bigint => (typeof v === "bigint" ? v : BigInt(v));

// --- string conversion --------------------------------------------------------------------------

/** sys.get_int_max_str_digits() (CPython: _PY_LONG_DEFAULT_MAX_STR_DIGITS). */
export let intMaxStrDigits = 4300;
export function setIntMaxStrDigits(n: number): void {
  intMaxStrDigits = n;
}

/** repr(int) / str(int), with CPython's limit on the number of digits. */
export function longRepr(v: PyInt): string {
  if (typeof v === "number") return String(v);
  const s = v.toString();
  if (intMaxStrDigits > 0 && s.length - (v < 0n ? 1 : 0) > intMaxStrDigits) {
    throw valueError(
      `Exceeds the limit (${intMaxStrDigits} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit`,
    );
  }
  return s;
}

/** Parses int(s, base) text (CPython: PyLong_FromString); null when the text is invalid. */
export function parseIntLiteral(text: string, base: number): PyInt | null {
  let s = text.trim();
  // str.strip() semantics for whitespace differ slightly from JS trim for a few characters; fine for ASCII
  let neg = false;
  if (s[0] === "+" || s[0] === "-") {
    neg = s[0] === "-";
    s = s.slice(1);
  }
  if (base === 0) {
    const p = s.slice(0, 2).toLowerCase();
    if (p === "0x") base = 16;
    else if (p === "0o") base = 8;
    else if (p === "0b") base = 2;
    else {
      base = 10;
      // "010" is not valid with base 0 (only zeros may lead)
      if (/^0+(_?0)*[1-9]/.test(s)) return null;
    }
    if (base !== 10) s = s.slice(2);
    if (base !== 10 && s.startsWith("_")) s = s.slice(1);
  } else if (
    (base === 16 && /^0x/i.test(s)) || (base === 8 && /^0o/i.test(s)) || (base === 2 && /^0b/i.test(s))
  ) {
    s = s.slice(2);
    if (s.startsWith("_")) s = s.slice(1);
  }
  if (s.length === 0 || s.startsWith("_") || s.endsWith("_") || s.includes("__")) return null;
  s = s.replace(/_/g, "");
  let result: bigint = 0n;
  if (base === 10) {
    if (!/^[0-9]+$/.test(s)) {
      // Unicode decimal digits
      let t = "";
      for (const ch of s) {
        const d = unicodeDecimal(ch);
        if (d < 0) return null;
        t += d;
      }
      s = t;
    }
    if (intMaxStrDigits > 0 && s.length > intMaxStrDigits) {
      throw valueError(
        `Exceeds the limit (${intMaxStrDigits} digits) for integer string conversion: value has ${s.length} digits; use sys.set_int_max_str_digits() to increase the limit`,
      );
    }
    if (s.length < 16) {
      const n = parseInt(s, 10);
      return neg ? -n + 0 : n;
    }
    result = BigInt(s);
  } else {
    const bb = BigInt(base);
    for (const ch of s.toLowerCase()) {
      const c = ch.charCodeAt(0);
      const d = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 122 ? c - 87 : 99;
      if (d >= base) return null;
      result = result * bb + BigInt(d);
    }
  }
  return normBig(neg ? -result : result);
}

/** The value of a Unicode decimal digit (category Nd), or -1. */
export function unicodeDecimal(ch: string): number {
  if (!/^\p{Nd}$/u.test(ch)) return -1;
  const cp = ch.codePointAt(0) as number;
  // Nd digits come in contiguous runs of ten starting at a code point ending with 0 in most blocks
  for (let d = 0; d <= 9; d++) {
    const zero = cp - d;
    if (!/^\p{Nd}$/u.test(String.fromCodePoint(zero))) return d - 1;
  }
  return cp % 10;
}

// --- arithmetic ---------------------------------------------------------------------------------

export function long_add(a: PyInt, b: PyInt): PyInt {
  if (typeof a === "number" && typeof b === "number") {
    const r = a + b;
    if (Number.isSafeInteger(r)) return r;
  }
  return normBig(big(a) + big(b));
}

export function long_sub(a: PyInt, b: PyInt): PyInt {
  if (typeof a === "number" && typeof b === "number") {
    const r = a - b;
    if (Number.isSafeInteger(r)) return r;
  }
  return normBig(big(a) - big(b));
}

export function long_mul(a: PyInt, b: PyInt): PyInt {
  if (typeof a === "number" && typeof b === "number") {
    const r = a * b;
    if (Number.isSafeInteger(r)) return r + 0;
  }
  return normBig(big(a) * big(b));
}

export function long_neg(a: PyInt): PyInt {
  return typeof a === "number" ? 0 - a : normBig(-a);
}

export function long_abs(a: PyInt): PyInt {
  return typeof a === "number" ? Math.abs(a) : a < 0n ? -a : a;
}

export function long_invert(a: PyInt): PyInt {
  return typeof a === "number" ? long_sub(-a, 1) : normBig(~a);
}

export function long_sign(a: PyInt): number {
  return typeof a === "number" ? Math.sign(a) : a < 0n ? -1 : 1;
}

/** Floor division (CPython: l_divmod). */
export function long_floordiv(a: PyInt, b: PyInt): PyInt {
  if (typeof a === "number" && typeof b === "number") {
    if (b === 0) throw zeroDivisionError("division by zero");
    const r = a % b;
    let q = (a - r) / b;
    if (r !== 0 && r < 0 !== b < 0) q -= 1;
    return q + 0;
  }
  const x = big(a);
  const y = big(b);
  if (y === 0n) throw zeroDivisionError("division by zero");
  let q = x / y;
  if (x % y !== 0n && x < 0n !== y < 0n) q -= 1n;
  return normBig(q);
}

export function long_mod(a: PyInt, b: PyInt): PyInt {
  if (typeof a === "number" && typeof b === "number") {
    if (b === 0) throw zeroDivisionError("division by zero");
    let r = a % b;
    if (r !== 0 && r < 0 !== b < 0) r += b;
    return r + 0;
  }
  const x = big(a);
  const y = big(b);
  if (y === 0n) throw zeroDivisionError("division by zero");
  let r = x % y;
  if (r !== 0n && r < 0n !== y < 0n) r += y;
  return normBig(r);
}

export function long_divmod(a: PyInt, b: PyInt): [PyInt, PyInt] {
  return [long_floordiv(a, b), long_mod(a, b)];
}

function bitLength(x: bigint): number {
  if (x < 0n) x = -x;
  return x === 0n ? 0 : x.toString(2).length;
}

/** int.bit_length(). */
export function long_bit_length(a: PyInt): number {
  if (typeof a === "number") {
    const m = Math.abs(a);
    return m === 0 ? 0 : m < 2 ** 31 ? 32 - Math.clz32(m) : Math.floor(Math.log2(m)) + 1 - (2 ** Math.floor(Math.log2(m)) > m ? 1 : 0);
  }
  return bitLength(a);
}

/** Correctly rounded int / int (CPython: long_true_divide). */
export function long_true_divide(a: PyInt, b: PyInt): number {
  if (typeof a === "number" && typeof b === "number") {
    if (b === 0) throw zeroDivisionError("division by zero");
    return a / b; // both exact doubles: IEEE division rounds correctly
  }
  let x = big(a);
  let y = big(b);
  if (y === 0n) throw zeroDivisionError("division by zero");
  const neg = x < 0n !== y < 0n;
  if (x < 0n) x = -x;
  if (y < 0n) y = -y;
  if (x === 0n) return neg ? -0 : 0;
  const shift = 55 - (bitLength(x) - bitLength(y));
  let num = x;
  let den = y;
  if (shift >= 0) num <<= BigInt(shift);
  else den <<= BigInt(-shift);
  let q = num / den;
  if (num % den !== 0n) q |= 1n; // sticky bit for correct rounding
  let r = Number(q);
  // scale by 2**-shift in steps that stay exact
  let s = -shift;
  while (s > 1000) {
    r *= 2 ** 1000;
    s -= 1000;
  }
  while (s < -1000) {
    r *= 2 ** -1000;
    s += 1000;
  }
  r *= 2 ** s;
  if (!Number.isFinite(r)) throw overflowError("integer division result too large for a float");
  return neg ? -r : r;
}

/** int -> float (CPython: PyLong_AsDouble). */
export function PyLong_AsDouble(a: PyInt): number {
  if (typeof a === "number") return a;
  const r = Number(a);
  if (!Number.isFinite(r)) throw overflowError("int too large to convert to float");
  return r;
}

export function long_pow_int(a: PyInt, e: PyInt): PyInt {
  // e >= 0
  if (typeof a === "number" && typeof e === "number") {
    if (a === 1 || e === 0) return 1;
    if (a === 0) return 0;
    if (a === -1) return e % 2 === 0 ? 1 : -1;
    let result = 1;
    let base = a;
    let n = e;
    let ok = true;
    while (n > 0) {
      if (n & 1) {
        result *= base;
        if (!Number.isSafeInteger(result)) {
          ok = false;
          break;
        }
      }
      n = Math.floor(n / 2);
      if (n > 0) {
        base *= base;
        if (!Number.isSafeInteger(base)) {
          ok = false;
          break;
        }
      }
    }
    if (ok) return result + 0;
  }
  const be = big(e);
  if (be > 100000000n && !(typeof a === "number" && Math.abs(a) <= 1)) {
    throw newMemoryError();
  }
  return normBig(big(a) ** be);
}

function newMemoryError(): never {
  throw new RangeError("Maximum BigInt size exceeded");
}

/** Modular inverse, or null when not invertible. */
function modInverse(a: bigint, m: bigint): bigint | null {
  let [oldR, r] = [((a % m) + m) % m, m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  if (oldR !== 1n) return null;
  return ((oldS % m) + m) % m;
}

/** pow(a, e, m) for ints (CPython: long_pow with a modulus). */
export function long_pow_mod(a: PyInt, e: PyInt, m: PyInt): PyInt {
  let mod = big(m);
  if (mod === 0n) throw valueError("pow() 3rd argument cannot be 0");
  const negMod = mod < 0n;
  if (negMod) mod = -mod;
  let base = ((big(a) % mod) + mod) % mod;
  let exp = big(e);
  if (exp < 0n) {
    const inv = modInverse(base, mod);
    if (inv === null) throw valueError("base is not invertible for the given modulus");
    base = inv;
    exp = -exp;
  }
  let result = mod === 1n ? 0n : 1n;
  while (exp > 0n) {
    if (exp & 1n) result = (result * base) % mod;
    exp >>= 1n;
    base = (base * base) % mod;
  }
  if (negMod && result !== 0n) result -= mod;
  return normBig(result);
}

function fitsInt32(a: PyInt): a is number {
  return typeof a === "number" && (a | 0) === a;
}

export function long_and(a: PyInt, b: PyInt): PyInt {
  if (fitsInt32(a) && fitsInt32(b)) return a & b;
  return normBig(big(a) & big(b));
}
export function long_or(a: PyInt, b: PyInt): PyInt {
  if (fitsInt32(a) && fitsInt32(b)) return a | b;
  return normBig(big(a) | big(b));
}
export function long_xor(a: PyInt, b: PyInt): PyInt {
  if (fitsInt32(a) && fitsInt32(b)) return a ^ b;
  return normBig(big(a) ^ big(b));
}

export function long_lshift(a: PyInt, b: PyInt): PyInt {
  if (long_sign(b) < 0) throw valueError("negative shift count");
  if (a === 0) return 0;
  if (typeof b === "bigint" || b > 2 ** 31) throw overflowError("too many digits in integer");
  if (typeof a === "number" && b < 53) {
    const r = a * 2 ** b;
    if (Number.isSafeInteger(r)) return r;
  }
  return normBig(big(a) << BigInt(b));
}

export function long_rshift(a: PyInt, b: PyInt): PyInt {
  if (long_sign(b) < 0) throw valueError("negative shift count");
  if (typeof b === "bigint") return long_sign(a) < 0 ? -1 : 0;
  if (typeof a === "number") {
    if (b >= 54) return a < 0 ? -1 : 0;
    return Math.floor(a / 2 ** b) + 0;
  }
  return normBig(a >> BigInt(b));
}

// --- hashing (CPython: Python/pyhash.c, _PyHASH_MODULUS = 2**61 - 1) ------------------------------

export const HASH_MODULUS = (1n << 61n) - 1n;
export const HASH_INF = 314159;

export function long_hash(a: PyInt): PyInt {
  if (typeof a === "number") return a === -1 ? -2 : a;
  const neg = a < 0n;
  let h = (neg ? -a : a) % HASH_MODULUS;
  if (neg) h = -h;
  if (h === -1n) h = -2n;
  return normBig(h);
}

// --- comparisons ---------------------------------------------------------------------------------

export function long_compare(a: PyInt, b: PyInt): number {
  if (typeof a === "number" && typeof b === "number") return a < b ? -1 : a > b ? 1 : 0;
  const x = big(a);
  const y = big(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Compares an int with a float exactly (CPython: float_richcompare's int branch); NaN -> null. */
export function long_float_compare(a: PyInt, f: number): number | null {
  if (f !== f) return null;
  if (typeof a === "number") return a < f ? -1 : a > f ? 1 : 0;
  if (f === Infinity) return -1;
  if (f === -Infinity) return 1;
  const fl = Math.floor(f);
  const c = long_compare(a, BigInt(fl));
  if (c !== 0) return c;
  return fl === f ? 0 : -1;
}

// --- conversions from other objects ---------------------------------------------------------------

/** int(x) for a finite float (CPython: PyLong_FromDouble). */
export function PyLong_FromDouble(x: number): PyInt {
  if (x !== x) throw valueError("cannot convert float NaN to integer");
  if (x === Infinity || x === -Infinity) throw overflowError("cannot convert float infinity to integer");
  return PyLong_FromNumber(Math.trunc(x));
}

// --- the int type's number slots -------------------------------------------------------------------

/** Both operands as ints (bool included), or null when either is not an int. */
function bothInts(v: PyObject, w: PyObject, cb: (a: PyInt, b: PyInt) => PyObject): PyObject {
  const a = asInt(v);
  const b = asInt(w);
  if (a === null || b === null) return Py_NotImplemented;
  return cb(a, b);
}

function long_pow(v: PyObject, w: PyObject, z: PyObject): PyObject {
  const a = asInt(v);
  const b = asInt(w);
  if (a === null || b === null) return Py_NotImplemented;
  if (z !== Py_None) {
    const m = asInt(z);
    if (m === null) return Py_NotImplemented;
    return long_pow_mod(a, b, m);
  }
  if (long_sign(b) < 0) {
    return new PyFloat(float_pow_double(PyLong_AsDouble(a), PyLong_AsDouble(b)));
  }
  return long_pow_int(a, b);
}

const T = PyLong_Type;
T.nb_add = (v, w) => bothInts(v, w, long_add);
T.nb_subtract = (v, w) => bothInts(v, w, long_sub);
T.nb_multiply = (v, w) => bothInts(v, w, long_mul);
T.nb_floor_divide = (v, w) => bothInts(v, w, long_floordiv);
T.nb_remainder = (v, w) => bothInts(v, w, long_mod);
T.nb_true_divide = (v, w) => bothInts(v, w, (a, b) => new PyFloat(long_true_divide(a, b)));
T.nb_divmod = (v, w) => bothInts(v, w, (a, b) => new PyTuple(long_divmod(a, b)));
T.nb_power = long_pow;
T.nb_lshift = (v, w) => bothInts(v, w, long_lshift);
T.nb_rshift = (v, w) => bothInts(v, w, long_rshift);
T.nb_and = (v, w) => bothInts(v, w, long_and);
T.nb_or = (v, w) => bothInts(v, w, long_or);
T.nb_xor = (v, w) => bothInts(v, w, long_xor);
T.nb_negative = (v) => long_neg(asInt(v) as PyInt);
T.nb_positive = (v) => asInt(v) as PyInt;
T.nb_absolute = (v) => long_abs(asInt(v) as PyInt);
T.nb_invert = (v) => long_invert(asInt(v) as PyInt);
T.nb_bool = (v) => asInt(v) !== 0;
T.nb_int = (v) => asInt(v) as PyInt;
T.nb_index = (v) => asInt(v) as PyInt;
T.nb_float = (v) => new PyFloat(PyLong_AsDouble(asInt(v) as PyInt));
T.tp_hash = (v) => long_hash(asInt(v) as PyInt);
T.tp_repr = (v) => longRepr(asInt(v) as PyInt);
T.tp_richcompare = (v, w, op) => {
  const a = asInt(v);
  const b = asInt(w);
  if (a === null || b === null) return Py_NotImplemented;
  return cmpResult(long_compare(a, b), op);
};

/** Turns a three-way comparison into the result of rich comparison `op`. */
export function cmpResult(c: number, op: number): boolean {
  switch (op) {
    case 0:
      return c < 0;
    case 1:
      return c <= 0;
    case 2:
      return c === 0;
    case 3:
      return c !== 0;
    case 4:
      return c > 0;
    default:
      return c >= 0;
  }
}


// --- int(x, base), methods ---------------------------------------------------------------------


const intArgs = new ArgParser("int", ["x", "base"], { posonly: 1 });

/** int(text, base) for str/bytes arguments (CPython: PyLong_FromUnicodeObject). */
export function longFromText(text: PyObject, base: number): PyInt {
  const str = asStr(text);
  const s = str ?? new TextDecoder("latin1").decode((text as PyBytes | PyByteArray).value);
  const r = parseIntLiteral(s, base);
  if (r === null) {
    // bytes-like text is shown as bytes, as _PyLong_FromBytes does (a bytearray included)
    const shown = str !== null ? PyObject_Repr(text) : PyObject_Repr(new PyBytes((text as PyBytes | PyByteArray).value.slice()));
    throw valueError(`invalid literal for int() with base ${base}: ${shown.length > 200 ? shown.slice(0, 200) : shown}`);
  }
  return r;
}

/** The arguments int() parses as text: str, bytes and bytearray, subclasses included (long_new_impl). */
function isIntText(x: PyObject): boolean {
  return asStr(x) !== null || x instanceof PyBytes || x instanceof PyByteArray;
}

T.tp_new = (type, args, start, nargs, kwnames) => {
  if (nargs > 2) throw typeError(`int expected at most 2 arguments, got ${nargs}`);
  const [x, baseArg] = intArgs.parse(args, start, nargs, kwnames);
  let v: PyInt;
  if (x === null) {
    if (baseArg !== null) throw typeError("int() missing string argument");
    v = 0;
  } else if (baseArg === null) {
    if (isIntText(x)) v = longFromText(x, 10);
    else if (Py_TYPE(x).nb_int === null && Py_TYPE(x).nb_index === null && typeof x === "object" && PyObject_CheckBuffer(x)) {
      // any other buffer exporter is read as bytes (PyNumber_Long)
      v = longFromText(new PyBytes(getContiguousBytes(x).slice()), 10);
    } else v = PyNumber_Long(x);
  } else {
    const b = PyNumber_Index(baseArg);
    if (typeof b !== "number" || (b !== 0 && (b < 2 || b > 36))) throw valueError("int() base must be >= 2 and <= 36, or 0");
    if (!isIntText(x)) throw typeError("int() can't convert non-string with explicit base");
    v = longFromText(x, b);
  }
  if (type === PyLong_Type) return v;
  return longSubclassHook(type, v);
};
function longSubclassHook(type: import("./object.js").PyTypeObject, v: PyInt): PyObject {
  return new PyLongBox(v, type);
}

const roundArgs = new ArgParser("__round__", ["ndigits"], { posonly: 1 });
const toBytesArgs = new ArgParser("to_bytes", ["length", "byteorder", "signed"], { kwonlyStart: 2 });

function intOf(v: PyObject): PyInt {
  return asInt(v) as PyInt;
}

T.tp_methods = [
  { name: "bit_length", kind: "noargs", fn: ((v: PyObject) => long_bit_length(intOf(v))) as PyMethodDef["fn"] },
  {
    name: "bit_count",
    kind: "noargs",
    fn: ((v: PyObject) => {
      const a = long_abs(intOf(v));
      return [...a.toString(2)].filter((c) => c === "1").length;
    }) as PyMethodDef["fn"],
  },
  { name: "conjugate", kind: "noargs", fn: ((v: PyObject) => intOf(v)) as PyMethodDef["fn"] },
  { name: "__trunc__", kind: "noargs", fn: ((v: PyObject) => intOf(v)) as PyMethodDef["fn"] },
  { name: "__floor__", kind: "noargs", fn: ((v: PyObject) => intOf(v)) as PyMethodDef["fn"] },
  { name: "__ceil__", kind: "noargs", fn: ((v: PyObject) => intOf(v)) as PyMethodDef["fn"] },
  { name: "is_integer", kind: "noargs", fn: (() => true) as PyMethodDef["fn"] },
  {
    name: "as_integer_ratio",
    kind: "noargs",
    fn: ((v: PyObject) => new PyTuple([intOf(v), 1])) as PyMethodDef["fn"],
  },
  {
    name: "__round__",
    kind: "fast",
    fn: ((v: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: import("./tupleobject.js").PyTuple | null) => {
      const [nd] = roundArgs.parse(args, start, nargs, kw);
      const a = intOf(v);
      if (nd === null || nd === Py_None) return a;
      const n = PyNumber_Index(nd);
      if (long_sign(n) >= 0) return a;
      // round half to even at 10**-n
      const pow = long_pow_int(10, long_neg(n));
      const [q, r] = long_divmod(a, pow);
      const twice = long_mul(r, 2);
      const c = long_compare(twice, pow);
      let qq = q;
      if (c > 0 || (c === 0 && long_mod(q, 2) === 1)) qq = long_add(q, 1);
      return long_mul(qq, pow);
    }) as PyMethodDef["fn"],
  },
  {
    name: "__format__",
    kind: "o",
    fn: ((v: PyObject, spec: PyObject) => {
      if (typeof spec !== "string") throw typeError(`__format__() argument must be str, not ${Py_TYPE(spec).tp_name}`);
      if (typeof v === "boolean" && spec === "") return v ? "True" : "False";
      return formatIntSpec(intOf(v), spec);
    }) as PyMethodDef["fn"],
  },
  { name: "__index__", kind: "noargs", fn: ((v: PyObject) => intOf(v)) as PyMethodDef["fn"] },
  { name: "__getnewargs__", kind: "noargs", fn: ((v: PyObject) => new PyTuple([intOf(v)])) as PyMethodDef["fn"] },
  { name: "__sizeof__", kind: "noargs", fn: ((v: PyObject) => 28 + 4 * Math.floor(long_bit_length(intOf(v)) / 30)) as PyMethodDef["fn"] },
  {
    name: "to_bytes",
    kind: "fast",
    fn: ((v: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: import("./tupleobject.js").PyTuple | null) => {
      const [lenArg, order, signed] = toBytesArgs.parse(args, start, nargs, kw);
      const length = lenArg === null ? 1 : Number(PyNumber_Index(lenArg));
      const little = order === "little";
      if (order !== null && order !== "little" && order !== "big") throw valueError("byteorder must be either 'little' or 'big'");
      let x = BigInt(intOf(v));
      const isSigned = signed === true;
      if (x < 0n && !isSigned) throw overflowError("can't convert negative int to unsigned");
      if (x < 0n) x += 1n << BigInt(8 * length);
      const out = new Uint8Array(length);
      for (let i = 0; i < length; i++) {
        out[little ? i : length - 1 - i] = Number(x & 0xffn);
        x >>= 8n;
      }
      if (x !== 0n || (isSigned && long_sign(intOf(v)) >= 0 && length > 0 && out[little ? length - 1 : 0] & 0x80)) {
        throw overflowError("int too big to convert");
      }
      return new PyBytes(out);
    }) as PyMethodDef["fn"],
  },
];
const fromBytesArgs = new ArgParser("from_bytes", ["bytes", "byteorder", "signed"], { required: 1, kwonlyStart: 2 });
T.tp_methods.push({
  name: "from_bytes",
  kind: "fast",
  binding: "class",
  fn: ((cls: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: import("./tupleobject.js").PyTuple | null) => {
    const [b, order, signed] = fromBytesArgs.parse(args, start, nargs, kw);
    const bytes = b instanceof PyBytes ? b.value : Uint8Array.from(iterableToArray(b as PyObject).map((x) => Number(PyNumber_Index(x))));
    if (order !== null && order !== "little" && order !== "big") throw valueError("byteorder must be either 'little' or 'big'");
    const little = order === "little";
    let x = 0n;
    for (let i = 0; i < bytes.length; i++) x = (x << 8n) | BigInt(bytes[little ? bytes.length - 1 - i : i]);
    if (signed === true && bytes.length > 0 && x >= 1n << BigInt(8 * bytes.length - 1)) x -= 1n << BigInt(8 * bytes.length);
    const v = normBig(x);
    return cls === PyLong_Type ? v : PyObject_CallOneArg(cls, v);
  }) as PyMethodDef["fn"],
});
T.tp_getset = [
  { name: "real", get: (v) => intOf(v) },
  { name: "imag", get: () => 0 },
  { name: "numerator", get: (v) => intOf(v) },
  { name: "denominator", get: () => 1 },
];
T.tp_doc = "int([x]) -> integer\nint(x, base=10) -> integer";
