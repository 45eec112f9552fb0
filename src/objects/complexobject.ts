// CPython: Objects/complexobject.c
import { PyObjectBase, type PyObject, newStaticType, PyBaseObject_Type, Py_NotImplemented, Py_None } from "./object.js";
import { formatFloatShortest, PyFloat, float_hash_double } from "./floatobject.js";
import { asInt, PyLong_AsDouble, type PyInt, normBig } from "./longobject.js";
import { zeroDivisionError, typeError, overflowError } from "../python/errors.js";
import { ArgParser } from "../python/getargs.js";
import { PyFloat_AsDouble, PyObject_CallNoArgs, _PyObject_LookupSpecial } from "./abstract.js";
import { Py_TYPE, type PyTypeObject } from "./object.js";
import { valueError } from "../python/errors.js";
import { parseFloatLiteral } from "./floatobject.js";

export class PyComplex extends PyObjectBase {
  constructor(
    public readonly real: number,
    public readonly imag: number,
  ) {
    super();
  }
}
export const PyComplex_Type = newStaticType("complex", PyBaseObject_Type);
PyComplex.prototype.ob_type = PyComplex_Type;

/** repr(complex) (CPython: complex_repr). */
export function complexRepr(re: number, im: number): string {
  const imStr = formatFloatShortest(im, false);
  // A real part of +0.0 is omitted; -0.0 is shown.
  if (re === 0 && !Object.is(re, -0)) return imStr + "j";
  const sep = imStr.charCodeAt(0) === 45 ? "" : "+";
  return "(" + formatFloatShortest(re, false) + sep + imStr + "j)";
}

/** An operand as [re, im], or null when it is not a number (CPython: TO_COMPLEX). */
function toComplex(v: PyObject): [number, number] | null {
  if (v instanceof PyComplex) return [v.real, v.imag];
  if (v instanceof PyFloat) return [v.value, 0];
  const i = asInt(v);
  if (i === null) return null;
  return [PyLong_AsDouble(i), 0];
}

function c_quot(ar: number, ai: number, br: number, bi: number): [number, number] {
  // Smith's algorithm, as CPython's _Py_c_quot
  const absBr = Math.abs(br);
  const absBi = Math.abs(bi);
  if (absBr >= absBi) {
    if (absBr === 0) throw zeroDivisionError("division by zero");
    const ratio = bi / br;
    const denom = br + bi * ratio;
    return [(ar + ai * ratio) / denom, (ai - ar * ratio) / denom];
  }
  if (absBi >= absBr) {
    const ratio = br / bi;
    const denom = br * ratio + bi;
    return [(ar * ratio + ai) / denom, (ai * ratio - ar) / denom];
  }
  return [NaN, NaN];
}

/** a ** b for complex numbers (CPython: _Py_c_pow). */
export function complex_pow(ar: number, ai: number, br: number, bi: number): PyComplex {
  if (br === 0 && bi === 0) return new PyComplex(1, 0);
  if (ar === 0 && ai === 0) {
    if (bi !== 0 || br < 0) throw zeroDivisionError("zero to a negative or complex power");
    return new PyComplex(0, 0);
  }
  // integer exponents by repeated multiplication (CPython: c_powi for |n| <= 100)
  if (bi === 0 && Number.isInteger(br) && Math.abs(br) <= 100) {
    let rr = 1;
    let ri = 0;
    let xr = ar;
    let xi = ai;
    let n = Math.abs(br);
    while (n > 0) {
      if (n & 1) [rr, ri] = [rr * xr - ri * xi, rr * xi + ri * xr];
      [xr, xi] = [xr * xr - xi * xi, 2 * xr * xi];
      n >>= 1;
    }
    if (br < 0) [rr, ri] = c_quot(1, 0, rr, ri);
    return checkOverflow(rr, ri);
  }
  const vabs = Math.hypot(ar, ai);
  let len = Math.pow(vabs, br);
  const at = Math.atan2(ai, ar);
  let phase = at * br;
  if (bi !== 0) {
    len /= Math.exp(at * bi);
    phase += bi * Math.log(vabs);
  }
  return checkOverflow(len * Math.cos(phase), len * Math.sin(phase));
}

function checkOverflow(re: number, im: number): PyComplex {
  if (!Number.isFinite(re) || !Number.isFinite(im)) {
    if ((re === Infinity || re === -Infinity || im === Infinity || im === -Infinity)) throw overflowError("complex exponentiation");
  }
  return new PyComplex(re, im);
}

export function complex_hash(re: number, im: number): PyInt {
  const hr = re !== re ? 0 : float_hash_double(re);
  const hi = im !== im ? 0 : float_hash_double(im);
  // hash = hr + 1000003 * hi, wrapped to 64 bits like a C Py_uhash_t
  let h = BigInt.asIntN(64, BigInt(hr) + 1000003n * BigInt(hi));
  if (h === -1n) h = -2n;
  return normBig(h);
}

function binop(v: PyObject, w: PyObject, f: (a: [number, number], b: [number, number]) => [number, number]): PyObject {
  const a = toComplex(v);
  const b = toComplex(w);
  if (a === null || b === null) return Py_NotImplemented;
  const [re, im] = f(a, b);
  return new PyComplex(re, im);
}

const T = PyComplex_Type;
T.nb_add = (v, w) => binop(v, w, (a, b) => [a[0] + b[0], a[1] + b[1]]);
T.nb_subtract = (v, w) => binop(v, w, (a, b) => [a[0] - b[0], a[1] - b[1]]);
T.nb_multiply = (v, w) => binop(v, w, (a, b) => [a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]]);
T.nb_true_divide = (v, w) => binop(v, w, (a, b) => c_quot(a[0], a[1], b[0], b[1]));
T.nb_power = (v, w, z) => {
  if (z !== Py_None) throw typeError("complex modulo");
  const a = toComplex(v);
  const b = toComplex(w);
  if (a === null || b === null) return Py_NotImplemented;
  return complex_pow(a[0], a[1], b[0], b[1]);
};
T.nb_negative = (v) => new PyComplex(-(v as PyComplex).real, -(v as PyComplex).imag);
T.nb_positive = (v) => new PyComplex((v as PyComplex).real, (v as PyComplex).imag);
T.nb_absolute = (v) => {
  const r = Math.hypot((v as PyComplex).real, (v as PyComplex).imag);
  if (r === Infinity && Number.isFinite((v as PyComplex).real) && Number.isFinite((v as PyComplex).imag)) {
    throw overflowError("absolute value too large");
  }
  return new PyFloat(r);
};
T.nb_bool = (v) => (v as PyComplex).real !== 0 || (v as PyComplex).imag !== 0;
T.tp_repr = (v) => complexRepr((v as PyComplex).real, (v as PyComplex).imag);
T.tp_hash = (v) => complex_hash((v as PyComplex).real, (v as PyComplex).imag);
T.tp_richcompare = (v, w, op) => {
  if (op !== 2 && op !== 3) return Py_NotImplemented;
  const a = v as PyComplex;
  let eq: boolean;
  if (w instanceof PyComplex) eq = a.real === w.real && a.imag === w.imag;
  else if (w instanceof PyFloat) eq = a.imag === 0 && a.real === w.value;
  else {
    const i = asInt(w);
    if (i === null) return Py_NotImplemented;
    eq = a.imag === 0 && typeof i === "number" ? a.real === i : a.imag === 0 && Number.isInteger(a.real) && BigInt(a.real) === i;
  }
  return op === 2 ? eq : !eq;
};

// --- complex(real, imag) (CPython: complex_new) ---------------------------------------------------------


const complexArgs = new ArgParser("complex", ["real", "imag"]);

function parseComplex(text: string): [number, number] | null {
  let s = text.trim();
  if (s.startsWith("(") && s.endsWith(")")) s = s.slice(1, -1).trim();
  const num = "(?:(?:\\d[\\d_]*)?\\.?[\\d_]*(?:[eE][+-]?\\d+)?|inf|infinity|nan)";
  const m = new RegExp(`^([+-]?${num})?(?:([+-]${num}?)[jJ])?$`, "i").exec(s);
  const only = new RegExp(`^([+-]?${num}?)[jJ]$`, "i").exec(s);
  if (only) {
    const t = only[1] === "" || only[1] === "+" ? "1" : only[1] === "-" ? "-1" : only[1];
    const im = parseFloatLiteral(t);
    return im === null ? null : [0, im];
  }
  if (!m || s === "") return null;
  const re = m[1] ? parseFloatLiteral(m[1]) : 0;
  let im = 0;
  if (m[2] !== undefined) {
    const t = m[2] === "+" ? "1" : m[2] === "-" ? "-1" : m[2];
    const v = parseFloatLiteral(t);
    if (v === null) return null;
    im = v;
  }
  return re === null ? null : [re, im];
}

function complexParts(v: PyObject): [number, number] {
  if (v instanceof PyComplex) return [v.real, v.imag];
  const m = _PyObject_LookupSpecial(v, "__complex__");
  if (m !== null) {
    const r = PyObject_CallNoArgs(m);
    if (!(r instanceof PyComplex)) throw typeError(`__complex__ returned non-complex (type ${Py_TYPE(r).tp_name})`);
    return [r.real, r.imag];
  }
  const t = Py_TYPE(v);
  if (t.nb_float === null && t.nb_index === null) {
    throw typeError(`complex() argument 'real' must be a real number, not ${t.tp_name}`);
  }
  return [PyFloat_AsDouble(v), 0];
}

PyComplex_Type.tp_new = (type, args, start, nargs, kwnames) => {
  const [r, i] = complexArgs.parse(args, start, nargs, kwnames);
  let re = 0;
  let im = 0;
  if (typeof r === "string") {
    if (i !== null) throw typeError("complex() can't take second arg if first is a string");
    const p = parseComplex(r);
    if (p === null) throw valueError("complex() arg is a malformed string");
    [re, im] = p;
  } else {
    if (r !== null) [re, im] = complexParts(r);
    if (i !== null) {
      if (typeof i === "string") throw typeError("complex() second arg can't be a string");
      const [ir, ii] = complexParts(i);
      re -= ii;
      im += ir;
    }
  }
  const c = new PyComplex(re, im);
  if (type !== PyComplex_Type) (c as { ob_type: PyTypeObject }).ob_type = type;
  return c;
};
PyComplex_Type.tp_getset = [
  { name: "real", get: (v) => new PyFloat((v as PyComplex).real) },
  { name: "imag", get: (v) => new PyFloat((v as PyComplex).imag) },
];
PyComplex_Type.tp_methods = [
  {
    name: "conjugate",
    kind: "noargs",
    fn: ((v: PyObject) => new PyComplex((v as PyComplex).real, -(v as PyComplex).imag)) as import("./object.js").PyMethodDef["fn"],
  },
  {
    name: "__complex__",
    kind: "noargs",
    fn: ((v: PyObject) => v) as import("./object.js").PyMethodDef["fn"],
  },
];
