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
import { checkPositional, ArgParser } from "../python/getargs.js";
import { tgamma, lgamma, erf, erfc, vectorNorm, ldexp, frexpExponent, fma, decompose, roundToDouble, type MathResult } from "./math_special.js";
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
  const p: number[] = [];
  let specialSum = 0.0;
  let infSum = 0.0;
  for (const xsave of xs) {
    let x = xsave;
    let i = 0;
    for (let j = 0; j < p.length; j++) {
      let y = p[j];
      if (Math.abs(x) < Math.abs(y)) {
        const t = x;
        x = y;
        y = t;
      }
      const hi = x + y;
      const yr = hi - x;
      const lo = y - yr;
      if (lo !== 0.0) p[i++] = lo;
      x = hi;
    }
    p.length = i;
    if (x !== 0.0) {
      if (!Number.isFinite(x)) {
        if (Number.isFinite(xsave)) throw overflowError("intermediate overflow in fsum");
        if (xsave === Infinity || xsave === -Infinity) infSum += xsave;
        specialSum += xsave;
        p.length = 0;
      } else p.push(x);
    }
  }
  if (specialSum !== 0.0) {
    if (infSum !== infSum) throw valueError("-inf + inf in fsum");
    return specialSum;
  }
  let n = p.length;
  let hi = 0.0;
  if (n > 0) {
    hi = p[--n];
    let lo = 0.0;
    while (n > 0) {
      const x = hi;
      const y = p[--n];
      hi = x + y;
      const yr = hi - x;
      lo = y - yr;
      if (lo !== 0.0) break;
    }
    if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
      const y = lo * 2.0;
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
  const defKw = (parser: ArgParser, f: (...a: (PyObject | null)[]) => PyObject): void => {
    d.setStr(parser.fname, newBuiltinFunction(parser.fname, (_s, args, start, nargs, kw) => f(...parser.parse(args, start, nargs, kw)), "math"));
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
  const special = (name: string, f: (x: number) => MathResult): void => {
    def(name, 1, 1, (x) => {
      const v = num(x, name);
      const [r, err] = f(v);
      if (err === "dom") throw valueError(`expected a noninteger or positive integer, got ${floatRepr(v)}`);
      if (err === "range") throw overflowError("math range error");
      return F(r);
    });
  };
  special("gamma", tgamma);
  special("lgamma", lgamma);
  def("erf", 1, 1, (x) => F(erf(num(x, "erf"))));
  def("erfc", 1, 1, (x) => F(erfc(num(x, "erfc"))));
  def("fma", 3, 3, (x, y, z) => {
    const [r, err] = fma(num(x, "fma"), num(y, "fma"), num(z, "fma"));
    if (err === "dom") throw valueError("invalid operation in fma");
    if (err === "range") throw overflowError("overflow in fma");
    return F(r);
  });
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
  // CPython: loghelper — ints too big for a double go through frexp
  const loghelper = (x: PyObject, f: (v: number) => number): number => {
    const i = asInt(x);
    if (i !== null) {
      if (long_sign(i) <= 0) throw valueError("expected a positive input");
      const dv = Number(i);
      if (Number.isFinite(dv)) return f(dv);
      const big = BigInt(i);
      const e = big.toString(2).length;
      // top 64 bits as a fraction in [0.5, 1)
      const shift = BigInt(e - 64);
      const top = Number(big >> shift) / 2 ** 64;
      return f(top) + f(2.0) * e;
    }
    const v = num(x, "log");
    if (v !== v) return v;
    if (v <= 0) throw valueError(`expected a positive input, got ${floatRepr(v)}`);
    return f(v);
  };
  def("log", 1, 2, (x, base) => {
    const a = loghelper(x, Math.log);
    if (base === undefined) return F(a);
    const b = loghelper(base, Math.log);
    if (b === 0) throw zeroDivisionError("division by zero");
    return F(a / b);
  });
  def("log2", 1, 1, (x) => F(loghelper(x, Math.log2)));
  def("log10", 1, 1, (x) => F(loghelper(x, Math.log10)));
  def("log1p", 1, 1, (x) => {
    const v = num(x, "log1p");
    if (v <= -1) throw valueError("expected argument value > -1, got " + floatRepr(v));
    return F(v === 0 ? v : Math.log1p(v));
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
  def("hypot", 0, Infinity, (...xs) => {
    let max = 0;
    let nan = false;
    const v = xs.map((x) => {
      const a = Math.abs(num(x, "hypot"));
      if (a !== a) nan = true;
      else if (a > max) max = a;
      return a;
    });
    return F(vectorNorm(v, max, nan));
  });
  def("dist", 2, 2, (p, q) => {
    const a = p instanceof PyTuple ? p.items : iterableToArray(p);
    const b = q instanceof PyTuple ? q.items : iterableToArray(q);
    if (a.length !== b.length) throw valueError("both points must have the same number of dimensions");
    let max = 0;
    let nan = false;
    const v = a.map((x, i) => {
      const diff = Math.abs(num(x, "dist") - num(b[i], "dist"));
      if (diff !== diff) nan = true;
      else if (diff > max) max = diff;
      return diff;
    });
    return F(vectorNorm(v, max, nan));
  });
  def("isnan", 1, 1, (x) => Number.isNaN(num(x, "isnan")));
  def("isinf", 1, 1, (x) => {
    const v = num(x, "isinf");
    return v === Infinity || v === -Infinity;
  });
  def("isfinite", 1, 1, (x) => Number.isFinite(num(x, "isfinite")));
  def("degrees", 1, 1, (x) => F(num(x, "degrees") * (180.0 / Math.PI)));
  def("radians", 1, 1, (x) => F(num(x, "radians") * (Math.PI / 180.0)));
  def("modf", 1, 1, (x) => {
    const v = num(x, "modf");
    if (!Number.isFinite(v)) return new PyTuple([F(v !== v ? v : v > 0 ? 0 : -0), F(v)]);
    const ip = Math.trunc(v);
    return new PyTuple([F(v - ip === 0 ? (v < 0 || Object.is(v, -0) ? -0 : 0) : v - ip), F(ip)]);
  });
  def("frexp", 1, 1, (x) => {
    const v = num(x, "frexp");
    if (v === 0 || !Number.isFinite(v)) return new PyTuple([F(v), 0]);
    const e = frexpExponent(v);
    return new PyTuple([F(ldexp(v, -e)), e]);
  });
  def("ldexp", 2, 2, (x, i) => {
    const v = num(x, "ldexp");
    if (asInt(i) === null) throw typeError("Expected an int as second argument to ldexp.");
    const e = asInt(i) as number | bigint;
    const k = typeof e === "number" ? e : long_sign(e) * 1e6;
    const r = ldexp(v, Math.max(-1e6, Math.min(1e6, k)));
    if (!Number.isFinite(r) && Number.isFinite(v)) throw overflowError("math range error");
    return F(r);
  });
  defKw(iscloseArgs, (a, b, rel, abs) => {
    const x = num(a as PyObject, "isclose");
    const y = num(b as PyObject, "isclose");
    const relTol = rel === null ? 1e-9 : num(rel, "isclose");
    const absTol = abs === null ? 0.0 : num(abs, "isclose");
    if (relTol < 0.0 || absTol < 0.0) throw valueError("tolerances must be non-negative");
    if (x === y) return true;
    if (x === Infinity || x === -Infinity || y === Infinity || y === -Infinity) return false;
    const diff = Math.abs(y - x);
    return diff <= Math.abs(relTol * y) || diff <= Math.abs(relTol * x) || diff <= absTol;
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
  defKw(prodArgs, (it, start) => {
    let acc: PyObject = start ?? 1;
    const iter = iterableToArray(it as PyObject);
    for (const x of iter) acc = PyNumber_Multiply(acc, x);
    return acc;
  });
  def("sumprod", 2, 2, (p, q) => sumprod(p, q));
  defKw(nextafterArgs, (x, y, stepsObj) => {
    let a = num(x as PyObject, "nextafter");
    const b = num(y as PyObject, "nextafter");
    if (stepsObj === null || stepsObj === Py_None) return F(nextafter(a, b));
    const steps = PyNumber_Index(stepsObj);
    if (long_sign(steps) < 0) throw valueError("steps must be a non-negative integer");
    // 2**64 steps cross every double: clamp
    const n = typeof steps === "bigint" ? 2 ** 64 : steps;
    if (a !== a || b !== b) return F(a !== a ? a : b);
    for (let i = 0; i < n && a !== b; i++) {
      if (i > 0 && i % 1048576 === 0 && n > 2 ** 24) {
        // far away: jump by bit arithmetic
        a = jumpTowards(a, b, n - i);
        break;
      }
      a = nextafter(a, b);
    }
    return F(a);
  });
  def("ulp", 1, 1, (x) => {
    const v = Math.abs(num(x, "ulp"));
    if (!Number.isFinite(v)) return F(v);
    const n = nextafter(v, Infinity);
    return F(n === Infinity ? v - nextafter(v, -Infinity) : n - v);
  });
  return m;
}

const iscloseArgs = new ArgParser("isclose", ["a", "b", "rel_tol", "abs_tol"], { posonly: 0, required: 2, kwonlyStart: 2 });
const prodArgs = new ArgParser("prod", ["iterable", "start"], { posonly: 1, required: 1, kwonlyStart: 1 });
const nextafterArgs = new ArgParser("nextafter", ["x", "y", "steps"], { posonly: 2, required: 2, kwonlyStart: 2 });

/** The double n steps from a towards b (or b if it is closer), by ordering the bit patterns. */
function jumpTowards(a: number, b: number, n: number): number {
  const key = (x: number): bigint => {
    const buf = new DataView(new ArrayBuffer(8));
    buf.setFloat64(0, x);
    const u = buf.getBigInt64(0);
    return u < 0n ? -(u & 0x7fffffffffffffffn) : u;
  };
  const unkey = (k: bigint): number => {
    const buf = new DataView(new ArrayBuffer(8));
    buf.setBigInt64(0, k < 0n ? -k | -0x8000000000000000n : k);
    return buf.getFloat64(0);
  };
  const ka = key(a);
  const kb = key(b);
  const step = BigInt(Math.min(n, 2 ** 63));
  const kr = kb > ka ? (ka + step > kb ? kb : ka + step) : ka - step < kb ? kb : ka - step;
  return kr === kb ? b : unkey(kr);
}

/** sum(p[i] * q[i]) (CPython: math_sumprod_impl): exact for ints; floats summed exactly, rounded once. */
function sumprod(p: PyObject, q: PyObject): PyObject {
  const a = iterableToArray(p);
  const b = iterableToArray(q);
  if (a.length !== b.length) throw valueError("Inputs are not the same length");
  const isNum = (v: PyObject): boolean => v instanceof PyFloat || (asInt(v) !== null && typeof v !== "boolean");
  let allInt = true;
  let allNum = true;
  for (let i = 0; i < a.length; i++) {
    if (!isNum(a[i]) || !isNum(b[i])) allNum = false;
    if (a[i] instanceof PyFloat || b[i] instanceof PyFloat || asInt(a[i]) === null || asInt(b[i]) === null) allInt = false;
  }
  if (allInt) {
    let acc = 0n;
    for (let i = 0; i < a.length; i++) acc += BigInt(asInt(a[i]) as number | bigint) * BigInt(asInt(b[i]) as number | bigint);
    return normBig(acc);
  }
  if (allNum) {
    const exact = (v: PyObject): [bigint, number] | null => {
      if (v instanceof PyFloat) return Number.isFinite(v.value) ? decompose(v.value) : null;
      const d = PyFloat_AsDouble(v);
      return Number.isFinite(d) ? decompose(d) : null;
    };
    let ok = true;
    const terms: [bigint, number][] = [];
    let plain = 0;
    for (let i = 0; i < a.length && ok; i++) {
      const x = exact(a[i]);
      const y = exact(b[i]);
      if (x === null || y === null) {
        ok = false;
        break;
      }
      terms.push([x[0] * y[0], x[1] + y[1]]);
      plain += num(a[i], "sumprod") * num(b[i], "sumprod");
    }
    if (ok && Number.isFinite(plain)) {
      if (terms.length === 0) return 0;
      const emin = Math.min(...terms.map((t) => t[1]));
      let acc = 0n;
      for (const [m, e] of terms) acc += m << BigInt(e - emin);
      return F(acc === 0n ? 0 : roundToDouble(acc, emin));
    }
  }
  let acc: PyObject = 0;
  for (let i = 0; i < a.length; i++) acc = PyNumber_Add(acc, PyNumber_Multiply(a[i], b[i]));
  return acc;
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

