// CPython: Modules/mathmodule.c — the math module.
import { type PyObject, Py_TYPE, Py_None } from "../objects/object.js";
import { PyModule } from "../objects/moduleobject.js";
import { PyFloat, floatRepr } from "../objects/floatobject.js";
import { PyTuple } from "../objects/tupleobject.js";
import { newBuiltinFunction } from "../objects/methodobject.js";
import {
  PyFloat_AsDouble, PyNumber_Index, _PyObject_LookupSpecial, PyObject_CallNoArgs, iterableToArray, PyNumber_Multiply,
  PyNumber_Add, PyObject_Repr,
} from "../objects/abstract.js";
import { long_sign, normBig, PyLong_FromDouble, asInt } from "../objects/longobject.js";
import { valueError, typeError, overflowError, zeroDivisionError } from "../python/errors.js";
import { checkPositional } from "../python/getargs.js";
import type { PyBaseException } from "../objects/exceptions.js";

const domain = (): PyBaseException => valueError("math domain error");

/** A float argument (CPython: PyFloat_AsDouble with the module's messages). */
function num(v: PyObject, fname: string): number {
  if (v instanceof PyFloat) return v.value;
  const t = Py_TYPE(v);
  if (typeof v !== "number" && typeof v !== "bigint" && typeof v !== "boolean" && t.nb_float === null && t.nb_index === null) {
    throw typeError(`must be real number, not ${t.tp_name}`);
  }
  void fname;
  return PyFloat_AsDouble(v);
}

const F = (x: number): PyFloat => new PyFloat(x);

/** Wraps a libm-like function: checks domain (NaN from non-NaN) and overflow (inf from finite). */
function math1(f: (x: number) => number, canOverflow = false): (x: number) => PyFloat {
  return (x) => {
    const r = f(x);
    if (r !== r && x === x) throw domain();
    if (canOverflow && !Number.isFinite(r) && Number.isFinite(x)) throw overflowError("math range error");
    return F(r);
  };
}

function bigOf(v: PyObject, fname: string): bigint {
  const i = asInt(v);
  if (i === null) {
    if (v instanceof PyFloat) throw typeError(`'float' object cannot be interpreted as an integer`);
    return BigInt(PyNumber_Index(v));
  }
  void fname;
  return BigInt(i);
}

function gcd2(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b) [a, b] = [b, a % b];
  return a;
}

function isqrt(n: bigint): bigint {
  if (n < 0n) throw valueError("isqrt() argument must be nonnegative");
  if (n < 2n) return n;
  let x = BigInt(Math.floor(Math.sqrt(Number(n))));
  while (x * x > n) x -= 1n;
  while ((x + 1n) * (x + 1n) <= n) x += 1n;
  return x;
}

function factorial(n: bigint): bigint {
  if (n < 0n) throw valueError("factorial() not defined for negative values");
  let r = 1n;
  for (let i = 2n; i <= n; i++) r *= i;
  return r;
}

function comb(n: bigint, k: bigint): bigint {
  if (n < 0n) throw valueError("n must be a non-negative integer");
  if (k < 0n) throw valueError("k must be a non-negative integer");
  if (k > n) return 0n;
  if (k > n - k) k = n - k;
  let r = 1n;
  for (let i = 1n; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
}

function perm(n: bigint, k: bigint): bigint {
  if (n < 0n) throw valueError("n must be a non-negative integer");
  if (k < 0n) throw valueError("k must be a non-negative integer");
  if (k > n) return 0n;
  let r = 1n;
  for (let i = 0n; i < k; i++) r *= n - i;
  return r;
}

/** Exactly rounded float sum (CPython: math_fsum, Shewchuk's algorithm). */
function fsum(xs: number[]): number {
  const partials: number[] = [];
  let special = 0;
  let infSum = 0;
  for (let x of xs) {
    if (!Number.isFinite(x)) {
      if (x !== x) special = NaN;
      else infSum += x;
      continue;
    }
    let i = 0;
    for (let y of partials) {
      if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo) partials[i++] = lo;
      x = hi;
    }
    partials.length = i;
    partials.push(x);
  }
  if (special !== 0 || infSum !== 0) {
    if (infSum !== infSum) throw valueError("-inf + inf in fsum");
    return special !== 0 ? special : infSum;
  }
  let n = partials.length;
  let hi = 0;
  if (n > 0) {
    hi = partials[--n];
    let lo = 0;
    while (n > 0) {
      const x = hi;
      const y = partials[--n];
      hi = x + y;
      const yr = hi - x;
      lo = y - yr;
      if (lo) break;
    }
    if (n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0))) {
      const y = lo * 2;
      const x = hi + y;
      const yr = x - hi;
      if (y === yr) hi = x;
    }
  }
  return hi;
}

function roundingToInt(v: PyObject, dunder: string, f: (x: number) => number): PyObject {
  if (typeof v === "number" || typeof v === "bigint") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (!(v instanceof PyFloat)) {
    const m = _PyObject_LookupSpecial(v, dunder);
    if (m !== null) return PyObject_CallNoArgs(m);
  }
  return PyLong_FromDouble(f(num(v, dunder)));
}

export function initMath(): PyModule {
  const m = new PyModule("math", "This module provides access to the mathematical functions\ndefined by the C standard.");
  const d = m.dict;
  d.setStr("pi", F(Math.PI));
  d.setStr("e", F(Math.E));
  d.setStr("tau", F(2 * Math.PI));
  d.setStr("inf", F(Infinity));
  d.setStr("nan", F(NaN));
  const def = (name: string, min: number, max: number, f: (...a: PyObject[]) => PyObject): void => {
    d.setStr(
      name,
      newBuiltinFunction(
        name,
        (_s, args, start, nargs, kw) => {
          if (kw !== null && kw.items.length) throw typeError(`math.${name}() takes no keyword arguments`);
          if (min === max && min === 1 && nargs !== 1) throw typeError(`math.${name}() takes exactly one argument (${nargs} given)`);
          checkPositional(name, nargs, min, max);
          return f(...args.slice(start, start + nargs));
        },
        "math",
      ),
    );
  };
  const unary: [string, (x: number) => number, boolean][] = [
    ["sqrt", (x) => (x < 0 ? NaN : Math.sqrt(x)), false], ["exp", Math.exp, true], ["expm1", Math.expm1, true],
    ["sin", Math.sin, false], ["cos", Math.cos, false], ["tan", Math.tan, false], ["asin", Math.asin, false],
    ["acos", Math.acos, false], ["atan", Math.atan, false], ["sinh", Math.sinh, true], ["cosh", Math.cosh, true],
    ["tanh", Math.tanh, false], ["asinh", Math.asinh, false], ["acosh", Math.acosh, false], ["atanh", Math.atanh, false],
    ["fabs", Math.abs, false], ["cbrt", Math.cbrt, false], ["exp2", (x) => 2 ** x, true],
  ];
  // CPython 3.14's domain error messages for some functions
  const domainMsg: Record<string, string> = {
    sqrt: "expected a nonnegative input, got ",
    acos: "expected a number in range from -1 up to 1, got ",
    asin: "expected a number in range from -1 up to 1, got ",
    acosh: "expected argument value not less than 1, got ",
    atanh: "expected a number between -1 and 1, got ",
  };
  for (const [name, f, ov] of unary) {
    const w = math1(f, ov);
    def(name, 1, 1, (x) => {
      const v = num(x, name);
      const msg = domainMsg[name];
      if (msg !== undefined) {
        const r = f(v);
        if ((r !== r && v === v) || (name === "atanh" && Math.abs(v) === 1)) throw valueError(msg + floatRepr(v));
      }
      if ((name === "sin" || name === "cos" || name === "tan") && !Number.isFinite(v) && v === v) throw domain();
      if (name === "atanh" && Math.abs(v) === 1) throw domain();
      return w(v);
    });
  }
  def("floor", 1, 1, (x) => roundingToInt(x, "__floor__", Math.floor));
  def("ceil", 1, 1, (x) => roundingToInt(x, "__ceil__", Math.ceil));
  def("trunc", 1, 1, (x) => {
    if (!(x instanceof PyFloat) && asInt(x) === null) {
      const mth = _PyObject_LookupSpecial(x, "__trunc__");
      if (mth === null) throw typeError(`type ${Py_TYPE(x).tp_name} doesn't define __trunc__ method`);
      return PyObject_CallNoArgs(mth);
    }
    return roundingToInt(x, "__trunc__", Math.trunc);
  });
  const logImpl = (x: PyObject): number => {
    const i = asInt(x);
    if (typeof i === "bigint") {
      if (i <= 0n) throw valueError("expected a positive input");
      // log of a big int: use its decimal length to stay finite
      const s = i.toString();
      return Math.log(Number("0." + s.slice(0, 17))) + s.length * Math.LN10;
    }
    const v = num(x, "log");
    if (v <= 0 || v !== v) {
      if (v !== v) return v;
      throw valueError(v === 0 || v < 0 ? "expected a positive input" : "math domain error");
    }
    return Math.log(v);
  };
  def("log", 1, 2, (x, base) => {
    const a = logImpl(x);
    if (base === undefined) return F(a);
    const b = logImpl(base);
    if (b === 0) throw zeroDivisionError("division by zero");
    return F(a / b);
  });
  def("log2", 1, 1, (x) => F(logImpl(x) / Math.LN2));
  def("log10", 1, 1, (x) => {
    const i = asInt(x);
    if (typeof i === "number" && i > 0) return F(Math.log10(i));
    return F(logImpl(x) / Math.LN10);
  });
  def("log1p", 1, 1, (x) => {
    const v = num(x, "log1p");
    if (v <= -1) throw valueError("expected argument value > -1, got " + PyObject_Repr(x));
    return F(Math.log1p(v));
  });
  def("pow", 2, 2, (x, y) => {
    const a = num(x, "pow");
    const b = num(y, "pow");
    if (a === 0 && b < 0) throw domain();
    if (a < 0 && Number.isFinite(b) && !Number.isInteger(b)) throw domain();
    const r = a === 1 || b === 0 ? 1 : Math.pow(a, b);
    if (!Number.isFinite(r) && Number.isFinite(a) && Number.isFinite(b)) throw overflowError("math range error");
    return F(r);
  });
  def("atan2", 2, 2, (y, x) => F(Math.atan2(num(y, "atan2"), num(x, "atan2"))));
  def("copysign", 2, 2, (x, y) => {
    const a = Math.abs(num(x, "copysign"));
    const b = num(y, "copysign");
    return F(b < 0 || Object.is(b, -0) || (b !== b && false) ? -a : a);
  });
  def("fmod", 2, 2, (x, y) => {
    const a = num(x, "fmod");
    const b = num(y, "fmod");
    if (b === 0 || !Number.isFinite(a)) {
      if (a !== a || b !== b) return F(NaN);
      throw domain();
    }
    return F(a % b);
  });
  def("remainder", 2, 2, (x, y) => {
    const a = num(x, "remainder");
    const b = num(y, "remainder");
    if (b === 0 || !Number.isFinite(a)) {
      if (a !== a || b !== b) return F(NaN);
      throw domain();
    }
    const n = Math.round(a / b);
    let r = a - n * b;
    if (Math.abs(a / b - Math.trunc(a / b)) === 0.5) r = a - 2 * Math.round(a / b / 2) * b;
    return F(r);
  });
  def("hypot", 0, Infinity, (...xs) => F(Math.hypot(...xs.map((x) => num(x, "hypot")))));
  def("dist", 2, 2, (p, q) => {
    const a = iterableToArray(p).map((x) => num(x, "dist"));
    const b = iterableToArray(q).map((x) => num(x, "dist"));
    if (a.length !== b.length) throw valueError("both points must have the same number of dimensions");
    return F(Math.hypot(...a.map((x, i) => x - b[i])));
  });
  def("isnan", 1, 1, (x) => Number.isNaN(num(x, "isnan")));
  def("isinf", 1, 1, (x) => {
    const v = num(x, "isinf");
    return v === Infinity || v === -Infinity;
  });
  def("isfinite", 1, 1, (x) => Number.isFinite(num(x, "isfinite")));
  def("degrees", 1, 1, (x) => F((num(x, "degrees") * 180) / Math.PI));
  def("radians", 1, 1, (x) => F((num(x, "radians") * Math.PI) / 180));
  def("modf", 1, 1, (x) => {
    const v = num(x, "modf");
    if (!Number.isFinite(v)) return new PyTuple([F(v !== v ? v : v > 0 ? 0 : -0), F(v)]);
    const ip = Math.trunc(v);
    return new PyTuple([F(v - ip === 0 ? (v < 0 || Object.is(v, -0) ? -0 : 0) : v - ip), F(ip)]);
  });
  def("frexp", 1, 1, (x) => {
    let v = num(x, "frexp");
    if (v === 0 || !Number.isFinite(v)) return new PyTuple([F(v), 0]);
    let e = Math.max(-1073, Math.floor(Math.log2(Math.abs(v))) + 1);
    let mant = v * 2 ** -e;
    while (Math.abs(mant) < 0.5) {
      mant *= 2;
      e--;
    }
    while (Math.abs(mant) >= 1) {
      mant /= 2;
      e++;
    }
    v = mant;
    return new PyTuple([F(v), e]);
  });
  def("ldexp", 2, 2, (x, i) => {
    const v = num(x, "ldexp");
    const e = PyNumber_Index(i);
    const n = typeof e === "number" ? e : long_sign(e) * 1e6;
    let r = v;
    let k = n;
    while (k > 1000) {
      r *= 2 ** 1000;
      k -= 1000;
    }
    while (k < -1000) {
      r *= 2 ** -1000;
      k += 1000;
    }
    r *= 2 ** k;
    if (!Number.isFinite(r) && Number.isFinite(v)) throw overflowError("math range error");
    return F(r);
  });
  def("isclose", 2, 2, (a, b) => {
    const x = num(a, "isclose");
    const y = num(b, "isclose");
    if (x === y) return true;
    if (!Number.isFinite(x) || !Number.isFinite(y)) return false;
    const diff = Math.abs(y - x);
    return diff <= Math.abs(1e-9 * y) || diff <= Math.abs(1e-9 * x);
  });
  def("gcd", 0, Infinity, (...xs) => normBig(xs.reduce<bigint>((g, x) => gcd2(g, bigOf(x, "gcd")), 0n)));
  def("lcm", 0, Infinity, (...xs) =>
    normBig(
      xs.reduce<bigint>((l, x) => {
        const b = bigOf(x, "lcm");
        if (l === 0n || b === 0n) return 0n;
        const r = (l / gcd2(l, b)) * b;
        return r < 0n ? -r : r;
      }, 1n),
    ),
  );
  def("isqrt", 1, 1, (x) => normBig(isqrt(bigOf(x, "isqrt"))));
  def("factorial", 1, 1, (x) => {
    if (x instanceof PyFloat) throw typeError("'float' object cannot be interpreted as an integer");
    return normBig(factorial(bigOf(x, "factorial")));
  });
  def("comb", 2, 2, (n, k) => normBig(comb(bigOf(n, "comb"), bigOf(k, "comb"))));
  def("perm", 1, 2, (n, k) => {
    const nn = bigOf(n, "perm");
    return normBig(perm(nn, k === undefined || k === Py_None ? nn : bigOf(k, "perm")));
  });
  def("fsum", 1, 1, (it) => F(fsum(iterableToArray(it).map((x) => num(x, "fsum")))));
  def("prod", 1, 1, (it) => iterableToArray(it).reduce<PyObject>((acc, x) => PyNumber_Multiply(acc, x), 1));
  def("sumprod", 2, 2, (p, q) => {
    const a = iterableToArray(p);
    const b = iterableToArray(q);
    if (a.length !== b.length) throw valueError("Inputs are not the same length");
    let acc: PyObject = 0;
    for (let i = 0; i < a.length; i++) acc = PyNumber_Add(acc, PyNumber_Multiply(a[i], b[i]));
    return acc;
  });
  def("nextafter", 2, 2, (x, y) => F(nextafter(num(x, "nextafter"), num(y, "nextafter"))));
  def("ulp", 1, 1, (x) => {
    const v = Math.abs(num(x, "ulp"));
    if (!Number.isFinite(v)) return F(v);
    const n = nextafter(v, Infinity);
    return F(n === Infinity ? v - nextafter(v, -Infinity) : n - v);
  });
  return m;
}

function nextafter(x: number, y: number): number {
  if (x !== x || y !== y) return NaN;
  if (x === y) return y;
  if (x === 0) return y > 0 ? 5e-324 : -5e-324;
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  let bits = buf.getBigUint64(0);
  if ((y > x) === (x > 0)) bits += 1n;
  else bits -= 1n;
  buf.setBigUint64(0, bits);
  return buf.getFloat64(0);
}

