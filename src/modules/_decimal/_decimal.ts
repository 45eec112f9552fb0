// CPython: Modules/_decimal/_decimal.c — the _decimal module: decimal.Decimal over the arithmetic in
// mpdecimal.ts/mptrans.ts, the Context methods, and the module's constants.
import {
  PyObjectBase, type PyObject, type PyTypeObject, type PyMethodDef, type PyGetSetDef, newStaticType, PyBaseObject_Type,
  Py_None, Py_TYPE, Py_NotImplemented, Py_EQ, Py_NE, Py_LT, Py_LE, Py_GT, PyType_IsSubtype,
} from "../../objects/object.js";
import { PyModule } from "../../objects/moduleobject.js";
import { PyTuple } from "../../objects/tupleobject.js";
import { PyList } from "../../objects/listobject.js";
import { PyFloat } from "../../objects/floatobject.js";
import { PyComplex } from "../../objects/complexobject.js";
import { asInt, normBig, HASH_MODULUS, HASH_INF, unicodeDecimal } from "../../objects/longobject.js";
import { newBuiltinFunction, idOf } from "../../objects/methodobject.js";
import { PyObject_Call, PyObject_GetAttr, PyObject_CallOneArg } from "../../objects/abstract.js";
import { typeError, valueError, overflowError } from "../../python/errors.js";
import { ArgParser, checkPositional, noKeywords } from "../../python/getargs.js";
import { PyImport_ImportModuleLevel } from "../../python/import.js";
import { PyObject_IsInstance } from "../../python/bltinmodule.js";
import { _PyUnicode_IsWhitespace } from "../../objects/unicodectype.js";
import * as M from "./mpdecimal.js";
import * as T from "./mptrans.js";
import { Dec, type Ctx, st } from "./mpdecimal.js";
import {
  PyDecContext, PyDecContext_Type, addStatus, contextArg, currentContext, setContext, isContext, initSignals, initTemplates,
  initSignalDict, signalMap, condMap, DecimalException, defaultContextTemplate, basicContextTemplate,
  extendedContextTemplate, contextBaseMethods, localcontext, ROUND_NAMES, copyContext, setRadix,
} from "./context.js";
import { decFormat } from "./format.js";

// --- the Decimal object ----------------------------------------------------------------------------

export class PyDec extends PyObjectBase {
  constructor(readonly d: Dec) {
    super();
  }
}
export const PyDec_Type = newStaticType("decimal.Decimal", PyBaseObject_Type);
PyDec.prototype.ob_type = PyDec_Type;

function wrap(d: Dec, type: PyTypeObject = PyDec_Type): PyDec {
  const o = new PyDec(d);
  if (type !== PyDec_Type) o.ob_type = type;
  return o;
}

const isDec = (v: PyObject): v is PyDec => v instanceof PyDec;

// --- conversions to Decimal ------------------------------------------------------------------------

const intDec = (v: number | bigint): Dec => M.fromInt(BigInt(v));

/** ASCII text of a number string, or null if it has invalid characters (CPython: numeric_as_ascii). */
function numericAsAscii(s: string, stripWs: boolean, ignoreUnderscores: boolean): string | null {
  let cps = Array.from(s);
  if (stripWs) {
    let a = 0, b = cps.length;
    while (a < b && _PyUnicode_IsWhitespace(cps[a].codePointAt(0)!)) a++;
    while (b > a && _PyUnicode_IsWhitespace(cps[b - 1].codePointAt(0)!)) b--;
    cps = cps.slice(a, b);
  }
  let out = "";
  for (const ch of cps) {
    const cp = ch.codePointAt(0)!;
    if (ignoreUnderscores && ch === "_") continue;
    if (cp < 128) {
      out += ch;
      continue;
    }
    if (_PyUnicode_IsWhitespace(cp)) return null;
    const d = unicodeDecimal(ch);
    if (d < 0) return null;
    out += String.fromCharCode(48 + d);
  }
  return out;
}

/** A string converted with ctx (exact: with the largest context; CPython: mpd_qset_string). */
function decFromString(s: string, ctx: Ctx, exact: boolean): Dec {
  const x = M.parse(s);
  if (x === null) {
    st.f |= M.MPD_Conversion_syntax;
    return M.qnan();
  }
  if (x.isNaN()) {
    if (x.coef !== 0n && x.digits > ctx.prec - ctx.clamp) {
      st.f |= M.MPD_Conversion_syntax;
      return M.qnan();
    }
    return x;
  }
  if (!exact) return M.finalize(x, ctx);
  const saved = st.f;
  st.f = 0;
  const r = M.finalize(x, M.MAXCTX);
  const f = st.f;
  st.f = saved;
  if (f & (M.MPD_Inexact | M.MPD_Rounded | M.MPD_Clamped)) {
    st.f |= M.MPD_Invalid_operation;
    return M.qnan();
  }
  return r;
}

function strToDec(v: string, ctx: PyDecContext, exact: boolean): Dec {
  const a = numericAsAscii(v, exact, exact);
  st.f = 0;
  const r = a === null ? (st.f |= M.MPD_Conversion_syntax, M.qnan()) : decFromString(a, exact ? M.MAXCTX : ctx.c, exact);
  const f = st.f & (exact ? M.MPD_IEEE_Invalid_operation | M.MPD_Division_by_zero : M.MPD_Max_status);
  addStatus(ctx, f);
  return r;
}

const SEQ_MSG = "argument must be a sequence of length 3";

/** The string of a (sign, digits, exponent) tuple (CPython: dectuple_as_str). */
function tupleAsString(v: PyTuple | PyList): string {
  const items = v.items;
  if (items.length !== 3) throw valueError(SEQ_MSG);
  const [signO, digitsO, expO] = items;
  const sign = typeof signO === "number" ? signO : typeof signO === "bigint" ? -1 : null;
  if (sign !== 0 && sign !== 1) throw valueError("sign must be an integer with the value 0 or 1");
  let expStr: string;
  let special = "";
  if (typeof expO === "string") {
    if (expO === "F") special = "Inf";
    else if (expO === "n") special = "NaN";
    else if (expO === "N") special = "sNaN";
    else throw valueError("string argument in the third position must be 'F', 'n' or 'N'");
    expStr = "";
  } else {
    const e = asInt(expO);
    if (e === null || typeof expO === "boolean") throw valueError("exponent must be an integer");
    expStr = String(e);
  }
  if (!(digitsO instanceof PyTuple || digitsO instanceof PyList)) throw valueError("coefficient must be a tuple of digits");
  let digits = "";
  for (const d of digitsO.items) {
    if (typeof d !== "number" || d < 0 || d > 9 || !Number.isInteger(d)) throw valueError("coefficient must be a tuple of digits");
    digits += String(d);
  }
  const s = sign ? "-" : "";
  if (special === "Inf") return s + "Inf";
  if (special) return s + special + digits.replace(/^0+/, "");
  return s + (digits === "" ? "0" : digits) + "e" + expStr;
}

function floatOperation(ctx: PyDecContext): void {
  addStatus(ctx, M.MPD_Float_operation);
}

/** Decimal(v) without rounding (CPython: PyDecType_FromObjectExact). */
function fromObjectExact(type: PyTypeObject, v: PyObject, ctx: PyDecContext): PyObject {
  if (isDec(v)) return type === PyDec_Type && Py_TYPE(v) === PyDec_Type ? v : wrap(v.d, type);
  if (typeof v === "string") return wrap(strToDec(v, ctx, true), type);
  const i = asInt(v);
  if (i !== null) return wrap(intDec(i), type);
  if (v instanceof PyTuple || v instanceof PyList) return wrap(strToDec(tupleAsString(v), ctx, true), type);
  if (v instanceof PyFloat) {
    floatOperation(ctx);
    return wrap(M.fromDouble(v.value), type);
  }
  throw typeError(`conversion from ${Py_TYPE(v).tp_name} to Decimal is not supported`);
}

/** Context.create_decimal(v): rounded to the context (CPython: PyDecType_FromObject). */
function fromObjectCtx(v: PyObject, ctx: PyDecContext): PyDec {
  if (typeof v === "string") return wrap(strToDec(v, ctx, false));
  st.f = 0;
  let r: Dec;
  if (isDec(v)) {
    r = v.d.isNaN() && v.d.coef !== 0n && v.d.digits > ctx.c.prec - ctx.c.clamp ? (st.f |= M.MPD_Conversion_syntax, M.qnan()) : M.finalize(v.d, ctx.c);
  } else if (asInt(v) !== null) r = M.finalize(intDec(asInt(v)!), ctx.c);
  else if (v instanceof PyTuple || v instanceof PyList) return wrap(strToDec(tupleAsString(v), ctx, false));
  else if (v instanceof PyFloat) {
    floatOperation(ctx);
    st.f = 0;
    r = M.finalize(M.fromDouble(v.value), ctx.c);
  } else throw typeError(`conversion from ${Py_TYPE(v).tp_name} to Decimal is not supported`);
  addStatus(ctx, st.f);
  return wrap(r);
}

/** An operand: a Decimal or an int, else null (CPython: convert_op with NOT_IMPL). */
function convertOp(v: PyObject): Dec | null {
  if (isDec(v)) return v.d;
  const i = asInt(v);
  if (i !== null) return intDec(i);
  return null;
}

/** An operand or a TypeError (CPython: convert_op with TYPE_ERR). */
function convertRaise(v: PyObject): Dec {
  const d = convertOp(v);
  if (d === null) throw typeError(`conversion from ${Py_TYPE(v).tp_name} to Decimal is not supported`);
  return d;
}

// --- running an operation on a context --------------------------------------------------------------

function run(ctx: PyDecContext, f: () => Dec): PyDec {
  st.f = 0;
  const r = f();
  addStatus(ctx, st.f);
  return wrap(r);
}

// --- conversions from Decimal ------------------------------------------------------------------------

export function decToString(d: Dec, capitals: number, eng = false): string {
  return M.toString(d, eng, capitals !== 0);
}

function toPyInt(d: Dec): PyObject {
  if (d.isNaN()) throw valueError("cannot convert NaN to integer");
  if (d.kind === M.INF) throw overflowError("cannot convert Infinity to integer");
  const v = d.exp >= 0 ? d.coef * M.pow10(d.exp) : d.coef / M.pow10(-d.exp);
  return normBig(d.sign ? -v : v);
}

/** Rounds to an integer with the given rounding and converts (CPython: dec_as_long). */
function asLong(d: Dec, round: number): PyObject {
  if (d.isNaN()) throw valueError("cannot convert NaN to integer");
  if (d.kind === M.INF) throw overflowError("cannot convert Infinity to integer");
  const r = M.rescale(d, 0, round);
  return toPyInt(d.exp >= 0 ? d : r);
}

function toDouble(d: Dec): number {
  if (d.isNaN()) {
    if (d.kind === M.SNAN) throw valueError("cannot convert signaling NaN to float");
    return d.sign ? -NaN : NaN;
  }
  if (d.kind === M.INF) return d.sign ? -Infinity : Infinity;
  return Number(M.toString(d, false, true));
}

const HASH_10INV = 2305843009213693951n === HASH_MODULUS ? modpow(10n, HASH_MODULUS - 2n, HASH_MODULUS) : 0n;
function modpow(b: bigint, e: bigint, m: bigint): bigint {
  let r = 1n;
  b %= m;
  while (e > 0n) {
    if (e & 1n) r = (r * b) % m;
    b = (b * b) % m;
    e >>= 1n;
  }
  return r;
}

function decHash(v: PyDec): number | bigint {
  const d = v.d;
  if (d.kind === M.SNAN) throw typeError("Cannot hash a signaling NaN value");
  if (d.kind === M.NAN) return Math.floor(idOf(v) / 16);
  if (d.kind === M.INF) return d.sign ? -HASH_INF : HASH_INF;
  const e = d.exp >= 0 ? modpow(10n, BigInt(d.exp), HASH_MODULUS) : modpow(HASH_10INV, BigInt(-d.exp), HASH_MODULUS);
  let h = ((d.coef % HASH_MODULUS) * e) % HASH_MODULUS;
  if (d.sign) h = -h;
  if (h === -1n) h = -2n;
  return normBig(h);
}

// --- comparisons --------------------------------------------------------------------------------

let rationalType: PyObject | null = null;
function isRational(w: PyObject): boolean {
  if (rationalType === null) {
    const numbers = PyImport_ImportModuleLevel("numbers", Py_None, Py_None, 0);
    rationalType = PyObject_GetAttr(numbers, "Rational");
  }
  return PyObject_IsInstance(w, rationalType);
}

function bigOf(v: PyObject): bigint {
  const i = asInt(v);
  if (i === null) throw typeError("an integer is required");
  return BigInt(i);
}

/** The operands of a comparison, or null for NotImplemented (CPython: convert_op_cmp). */
function convertCmp(a: Dec, w: PyObject, op: number, ctx: PyDecContext): [Dec, Dec] | null {
  const b = convertOp(w);
  if (b) return [a, b];
  let f: number | null = null;
  if (w instanceof PyFloat) f = w.value;
  else if (w instanceof PyComplex && (op === Py_EQ || op === Py_NE)) {
    if (w.imag !== 0) return null;
    f = w.real;
  }
  if (f !== null) {
    if (op !== Py_EQ && op !== Py_NE) addStatus(ctx, M.MPD_Float_operation);
    else ctx.status |= M.MPD_Float_operation;
    return [a, M.fromDouble(f)];
  }
  if (isRational(w)) {
    const num = bigOf(PyObject_GetAttr(w, "numerator"));
    const den = bigOf(PyObject_GetAttr(w, "denominator"));
    const va = a.kind === M.FINITE ? M.finite(a.sign, a.coef * den, a.exp) : a;
    return [va, M.fromInt(num)];
  }
  return null;
}

function richCompare(v: PyObject, w: PyObject, op: number): PyObject {
  const ctx = currentContext();
  const ops = convertCmp((v as PyDec).d, w, op, ctx);
  if (ops === null) return Py_NotImplemented;
  const [a, b] = ops;
  if (a.isNaN() || b.isNaN()) {
    if (a.kind === M.SNAN || b.kind === M.SNAN || (op !== Py_EQ && op !== Py_NE)) addStatus(ctx, M.MPD_Invalid_operation);
    return op === Py_NE;
  }
  const c = M.cmp(a, b);
  switch (op) {
    case Py_EQ: return c === 0;
    case Py_NE: return c !== 0;
    case Py_LT: return c < 0;
    case Py_LE: return c <= 0;
    case Py_GT: return c > 0;
    default: return c >= 0;
  }
}

// --- the number protocol ---------------------------------------------------------------------------

type Bin = (a: Dec, b: Dec, c: Ctx) => Dec;
function binSlot(f: Bin): (v: PyObject, w: PyObject) => PyObject {
  return (v, w) => {
    const a = convertOp(v);
    if (a === null) return Py_NotImplemented;
    const b = convertOp(w);
    if (b === null) return Py_NotImplemented;
    const ctx = currentContext();
    return run(ctx, () => f(a, b, ctx.c));
  };
}

const D = PyDec_Type;
D.nb_add = binSlot(M.add);
D.nb_subtract = binSlot(M.subtract);
D.nb_multiply = binSlot(M.multiply);
D.nb_true_divide = binSlot(M.divide);
D.nb_floor_divide = binSlot(M.divideInt);
D.nb_remainder = binSlot(M.remainder);
D.nb_divmod = (v, w) => {
  const a = convertOp(v);
  if (a === null) return Py_NotImplemented;
  const b = convertOp(w);
  if (b === null) return Py_NotImplemented;
  const ctx = currentContext();
  st.f = 0;
  const [q, r] = M.divmod(a, b, ctx.c);
  addStatus(ctx, st.f);
  return new PyTuple([wrap(q), wrap(r)]);
};
D.nb_power = (v, w, z) => {
  const a = convertOp(v);
  if (a === null) return Py_NotImplemented;
  const b = convertOp(w);
  if (b === null) return Py_NotImplemented;
  const ctx = currentContext();
  if (z === Py_None) return run(ctx, () => T.pow(a, b, ctx.c));
  const m = convertOp(z);
  if (m === null) return Py_NotImplemented;
  return run(ctx, () => T.powmod(a, b, m, ctx.c));
};
const unSlot = (f: (a: Dec, c: Ctx) => Dec) => (v: PyObject): PyObject => {
  const ctx = currentContext();
  return run(ctx, () => f((v as PyDec).d, ctx.c));
};
D.nb_negative = unSlot(M.minus);
D.nb_positive = unSlot(M.plus);
D.nb_absolute = unSlot(M.abs);
D.nb_bool = (v) => !(v as PyDec).d.isZero();
D.nb_int = (v) => asLong((v as PyDec).d, M.ROUND_DOWN);
D.nb_float = (v) => new PyFloat(toDouble((v as PyDec).d));
D.tp_hash = (v) => decHash(v as PyDec);
D.tp_richcompare = richCompare;
D.tp_repr = (v) => `Decimal('${decToString((v as PyDec).d, currentContext().capitals)}')`;
D.tp_str = (v) => decToString((v as PyDec).d, currentContext().capitals);

const decNewArgs = new ArgParser("Decimal", ["value", "context"]);
D.tp_new = (type, args, start, nargs, kw) => {
  const [value, context] = decNewArgs.parse(args, start, nargs, kw);
  const ctx = contextArg(context);
  if (value === null) return wrap(M.ZERO, type);
  return fromObjectExact(type, value, ctx);
};

// --- Decimal methods -------------------------------------------------------------------------------

type Fast = (self: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null) => PyObject;
const fast = (name: string, fn: Fast, binding?: "class"): PyMethodDef => ({ name, kind: "fast", fn: fn as PyMethodDef["fn"], binding });
const noargs = (name: string, fn: (d: Dec, self: PyDec) => PyObject): PyMethodDef => ({
  name, kind: "noargs", fn: ((v: PyObject) => fn((v as PyDec).d, v as PyDec)) as PyMethodDef["fn"],
});

/** A rounding argument (CPython: getround). */
function roundArg(v: PyObject | null, ctx: PyDecContext): number {
  if (v === null || v === Py_None) return ctx.c.round;
  const i = typeof v === "string" ? ROUND_NAMES.indexOf(v) : -1;
  if (i < 0) {
    throw typeError(
      "valid values for rounding are:\n  [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN,\n   ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n   ROUND_05UP]",
    );
  }
  return i;
}

function unaryMethod(name: string, f: (a: Dec, c: Ctx) => Dec): PyMethodDef {
  const p = new ArgParser(name, ["context"]);
  return fast(name, (self, args, start, nargs, kw) => {
    const ctx = contextArg(p.parse(args, start, nargs, kw)[0]);
    return run(ctx, () => f((self as PyDec).d, ctx.c));
  });
}
function binaryMethod(name: string, f: (a: Dec, b: Dec, c: Ctx) => Dec): PyMethodDef {
  const p = new ArgParser(name, ["other", "context"], { required: 1 });
  return fast(name, (self, args, start, nargs, kw) => {
    const [o, c] = p.parse(args, start, nargs, kw);
    const ctx = contextArg(c);
    const b = convertRaise(o!);
    return run(ctx, () => f((self as PyDec).d, b, ctx.c));
  });
}
function predicate(name: string, f: (a: Dec) => boolean): PyMethodDef {
  return noargs(name, (d) => f(d));
}
function ctxPredicate(name: string, f: (a: Dec, c: Ctx) => boolean): PyMethodDef {
  const p = new ArgParser(name, ["context"]);
  return fast(name, (self, args, start, nargs, kw) => f((self as PyDec).d, contextArg(p.parse(args, start, nargs, kw)[0]).c));
}

function toIntegralMethod(name: string, exact: boolean): PyMethodDef {
  const p = new ArgParser(name, ["rounding", "context"]);
  return fast(name, (self, args, start, nargs, kw) => {
    const [r, c] = p.parse(args, start, nargs, kw);
    const ctx = contextArg(c);
    const mode = roundArg(r, ctx);
    return run(ctx, () => M.toIntegral((self as PyDec).d, ctx.c, mode, exact));
  });
}

const compareTotal = (a: Dec, b: Dec): Dec => {
  const c = M.cmpTotal(a, b);
  return c === 0 ? M.ZERO : c < 0 ? M.finite(1, 1n, 0) : M.ONE;
};
const compareTotalMag = (a: Dec, b: Dec): Dec => {
  const c = M.cmpTotalMag(a, b);
  return c === 0 ? M.ZERO : c < 0 ? M.finite(1, 1n, 0) : M.ONE;
};

function digitsTuple(d: Dec): PyTuple {
  if (d.kind === M.INF) return new PyTuple([0]);
  if (d.isNaN() && d.coef === 0n) return new PyTuple([]);
  return new PyTuple(Array.from(d.coef.toString(), (c) => c.charCodeAt(0) - 48));
}

let DecimalTuple: PyObject = Py_None;

function asTuple(d: Dec): PyObject {
  const exp: PyObject = d.kind === M.INF ? "F" : d.kind === M.NAN ? "n" : d.kind === M.SNAN ? "N" : d.exp;
  return PyObject_Call(DecimalTuple, [d.sign, digitsTuple(d), exp], null);
}

function asIntegerRatio(d: Dec): PyObject {
  if (d.isNaN()) throw valueError("cannot convert NaN to integer ratio");
  if (d.kind === M.INF) throw overflowError("cannot convert Infinity to integer ratio");
  let n = d.coef;
  let den = 1n;
  if (d.exp >= 0) n *= M.pow10(d.exp);
  else den = M.pow10(-d.exp);
  let a = n, b = den;
  while (b) [a, b] = [b, a % b];
  if (a > 1n) {
    n /= a;
    den /= a;
  }
  return new PyTuple([normBig(d.sign ? -n : n), normBig(den)]);
}

function decRound(self: PyDec, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null): PyObject {
  noKeywords("__round__", kw);
  if (nargs > 1) throw typeError(`function takes at most 1 argument (${nargs} given)`);
  const d = self.d;
  const ctx = currentContext();
  if (nargs === 1 && args[start] !== Py_None) {
    const n = asInt(args[start]);
    if (n === null) throw typeError("optional arg must be an integer");
    const q = M.finite(0, 1n, -Number(n));
    return run(ctx, () => M.quantize(d, q, ctx.c));
  }
  return asLong(d, M.ROUND_HALF_EVEN);
}

/** Decimal.from_float / from_number's result for a class (CPython: PyDecType_FromFloatExact + call). */
function forClass(cls: PyObject, d: Dec): PyObject {
  const r = wrap(d);
  if (cls === PyDec_Type) return r;
  return PyObject_CallOneArg(cls, r);
}

const formatArgs = new ArgParser("__format__", ["format_spec", "override"], { required: 1, posonly: 2 });
const fromFloatArgs = new ArgParser("from_float", ["f"], { required: 1, posonly: 1 });
const fromNumberArgs = new ArgParser("from_number", ["number"], { required: 1, posonly: 1 });
const quantizeArgs = new ArgParser("quantize", ["exp", "rounding", "context"], { required: 1 });
const fmaArgs = new ArgParser("fma", ["other", "third", "context"], { required: 2 });
const ctxOnly = (name: string) => new ArgParser(name, ["context"]);
const engArgs = ctxOnly("to_eng_string");
const classArgs = ctxOnly("number_class");
const copySignArgs = new ArgParser("copy_sign", ["other", "context"], { required: 1 });
const cmpTotalArgs = new ArgParser("compare_total", ["other", "context"], { required: 1 });
const cmpTotalMagArgs = new ArgParser("compare_total_mag", ["other", "context"], { required: 1 });
const sameQuantumArgs = new ArgParser("same_quantum", ["other", "context"], { required: 1 });

const TEN = M.finite(0, 10n, 0);

D.tp_methods = [
  unaryMethod("exp", T.exp),
  unaryMethod("ln", T.ln),
  unaryMethod("log10", T.log10),
  unaryMethod("logb", M.logb),
  unaryMethod("logical_invert", M.logicalInvert),
  unaryMethod("next_minus", M.nextMinus),
  unaryMethod("next_plus", M.nextPlus),
  unaryMethod("normalize", M.normalize),
  unaryMethod("sqrt", T.sqrt),
  toIntegralMethod("to_integral", false),
  toIntegralMethod("to_integral_exact", true),
  toIntegralMethod("to_integral_value", false),
  binaryMethod("compare", M.compare),
  binaryMethod("compare_signal", M.compareSignal),
  binaryMethod("logical_and", M.logicalAnd),
  binaryMethod("logical_or", M.logicalOr),
  binaryMethod("logical_xor", M.logicalXor),
  binaryMethod("max", M.max),
  binaryMethod("max_mag", M.maxMag),
  binaryMethod("min", M.min),
  binaryMethod("min_mag", M.minMag),
  binaryMethod("next_toward", M.nextToward),
  binaryMethod("remainder_near", M.remainderNear),
  binaryMethod("rotate", M.rotate),
  binaryMethod("scaleb", M.scaleb),
  binaryMethod("shift", M.shift),
  fast("fma", (self, args, start, nargs, kw) => {
    const [o, t, c] = fmaArgs.parse(args, start, nargs, kw);
    const ctx = contextArg(c);
    const b = convertRaise(o!);
    const e = convertRaise(t!);
    return run(ctx, () => M.fma((self as PyDec).d, b, e, ctx.c));
  }),
  fast("quantize", (self, args, start, nargs, kw) => {
    const [e, r, c] = quantizeArgs.parse(args, start, nargs, kw);
    const ctx = contextArg(c);
    const mode = roundArg(r, ctx);
    const q = convertRaise(e!);
    return run(ctx, () => M.quantize((self as PyDec).d, q, ctx.c, mode));
  }),
  predicate("is_canonical", () => true),
  predicate("is_finite", (d) => d.kind === M.FINITE),
  predicate("is_infinite", (d) => d.kind === M.INF),
  predicate("is_nan", (d) => d.isNaN()),
  predicate("is_qnan", (d) => d.kind === M.NAN),
  predicate("is_snan", (d) => d.kind === M.SNAN),
  predicate("is_signed", (d) => d.sign === 1),
  predicate("is_zero", (d) => d.isZero()),
  ctxPredicate("is_normal", M.isNormal),
  ctxPredicate("is_subnormal", M.isSubnormal),
  noargs("adjusted", (d) => (d.kind === M.FINITE ? d.adj : 0)),
  noargs("canonical", (_d, self) => self),
  noargs("conjugate", (_d, self) => self),
  noargs("radix", () => wrap(TEN)),
  noargs("copy_abs", (d) => wrap(M.copyAbs(d))),
  noargs("copy_negate", (d) => wrap(M.copyNegate(d))),
  noargs("as_tuple", (d) => asTuple(d)),
  noargs("as_integer_ratio", (d) => asIntegerRatio(d)),
  fast("copy_sign", (self, args, start, nargs, kw) => {
    const [o, c] = copySignArgs.parse(args, start, nargs, kw);
    contextArg(c);
    return wrap(M.copySign((self as PyDec).d, convertRaise(o!)));
  }),
  fast("compare_total", (self, args, start, nargs, kw) => {
    const [o, c] = cmpTotalArgs.parse(args, start, nargs, kw);
    contextArg(c);
    return wrap(compareTotal((self as PyDec).d, convertRaise(o!)));
  }),
  fast("compare_total_mag", (self, args, start, nargs, kw) => {
    const [o, c] = cmpTotalMagArgs.parse(args, start, nargs, kw);
    contextArg(c);
    return wrap(compareTotalMag((self as PyDec).d, convertRaise(o!)));
  }),
  fast("same_quantum", (self, args, start, nargs, kw) => {
    const [o, c] = sameQuantumArgs.parse(args, start, nargs, kw);
    contextArg(c);
    return M.sameQuantum((self as PyDec).d, convertRaise(o!));
  }),
  fast("to_eng_string", (self, args, start, nargs, kw) => {
    const ctx = contextArg(engArgs.parse(args, start, nargs, kw)[0]);
    return decToString((self as PyDec).d, ctx.capitals, true);
  }),
  fast("number_class", (self, args, start, nargs, kw) => {
    const ctx = contextArg(classArgs.parse(args, start, nargs, kw)[0]);
    return M.numberClass((self as PyDec).d, ctx.c);
  }),
  fast("__round__", (self, args, start, nargs, kw) => decRound(self as PyDec, args, start, nargs, kw)),
  noargs("__ceil__", (d) => asLong(d, M.ROUND_CEILING)),
  noargs("__floor__", (d) => asLong(d, M.ROUND_FLOOR)),
  noargs("__trunc__", (d) => asLong(d, M.ROUND_DOWN)),
  noargs("__complex__", (d) => new PyComplex(toDouble(d), 0)),
  noargs("__copy__", (_d, self) => self),
  { name: "__deepcopy__", kind: "o", fn: ((v: PyObject) => v) as PyMethodDef["fn"] },
  noargs("__reduce__", (d, self) => new PyTuple([Py_TYPE(self), new PyTuple([decToString(d, 1)])])),
  noargs("__sizeof__", (d) => 104 + 8 * Math.ceil(d.digits / 19)),
  fast("__format__", (self, args, start, nargs, kw) => {
    const [spec, override] = formatArgs.parse(args, start, nargs, kw);
    if (typeof spec !== "string") throw typeError("format arg must be str");
    return decFormat((self as PyDec).d, spec, override, currentContext());
  }),
  fast("from_float", (cls, args, start, nargs, kw) => {
    const [f] = fromFloatArgs.parse(args, start, nargs, kw);
    const i = asInt(f!);
    if (i !== null) return forClass(cls, intDec(i));
    if (!(f instanceof PyFloat)) throw typeError("argument must be int or float");
    return forClass(cls, M.fromDouble(f.value));
  }, "class"),
  fast("from_number", (cls, args, start, nargs, kw) => {
    const [f] = fromNumberArgs.parse(args, start, nargs, kw);
    if (f instanceof PyFloat) return forClass(cls, M.fromDouble(f.value));
    if (isDec(f!)) return forClass(cls, f.d);
    const i = typeof f === "boolean" ? null : asInt(f!);
    if (i !== null) return forClass(cls, intDec(i));
    throw typeError(`conversion from ${Py_TYPE(f!).tp_name} to Decimal is not supported`);
  }, "class"),
];
D.tp_getset = [
  { name: "real", get: ((v: PyObject) => v) as PyGetSetDef["get"] },
  { name: "imag", get: (() => wrap(M.ZERO)) as PyGetSetDef["get"] },
];

// --- Context methods ---------------------------------------------------------------------------------

const C = PyDecContext_Type;
function ctxUnary(name: string, f: (a: Dec, c: Ctx) => Dec): PyMethodDef {
  return { name, kind: "o", fn: ((self: PyObject, x: PyObject) => {
    const ctx = self as PyDecContext;
    const a = convertRaise(x);
    return run(ctx, () => f(a, ctx.c));
  }) as PyMethodDef["fn"] };
}
function ctxValue(name: string, f: (a: Dec, ctx: PyDecContext, x: PyObject) => PyObject): PyMethodDef {
  return { name, kind: "o", fn: ((self: PyObject, x: PyObject) => f(convertRaise(x), self as PyDecContext, x)) as PyMethodDef["fn"] };
}
function ctxBinary(name: string, f: (a: Dec, b: Dec, c: Ctx) => Dec): PyMethodDef {
  return fast(name, (self, args, start, nargs, kw) => {
    noKeywords(name, kw);
    checkPositional(name, nargs, 2, 2);
    const ctx = self as PyDecContext;
    const a = convertRaise(args[start]);
    const b = convertRaise(args[start + 1]);
    return run(ctx, () => f(a, b, ctx.c));
  });
}
function requireDec(v: PyObject): Dec {
  if (!isDec(v)) throw typeError("argument must be a Decimal");
  return v.d;
}

const powerArgs = new ArgParser("power", ["a", "b", "modulo"], { required: 2 });
const createArgs = new ArgParser("create_decimal", ["num"], { posonly: 1 });

C.tp_methods = [
  ...contextBaseMethods,
  ctxUnary("abs", M.abs),
  ctxUnary("exp", T.exp),
  ctxUnary("ln", T.ln),
  ctxUnary("log10", T.log10),
  ctxUnary("logb", M.logb),
  ctxUnary("logical_invert", M.logicalInvert),
  ctxUnary("minus", M.minus),
  ctxUnary("next_minus", M.nextMinus),
  ctxUnary("next_plus", M.nextPlus),
  ctxUnary("normalize", M.normalize),
  ctxUnary("plus", M.plus),
  ctxUnary("sqrt", T.sqrt),
  ctxUnary("to_integral", (a, c) => M.toIntegral(a, c, c.round, false)),
  ctxUnary("to_integral_exact", (a, c) => M.toIntegral(a, c, c.round, true)),
  ctxUnary("to_integral_value", (a, c) => M.toIntegral(a, c, c.round, false)),
  ctxUnary("_apply", (a, c) => M.finalize(a.isNaN() ? a : a, c)),
  ctxValue("copy_abs", (a) => wrap(M.copyAbs(a))),
  ctxValue("copy_negate", (a) => wrap(M.copyNegate(a))),
  ctxValue("copy_decimal", (a) => wrap(a)),
  ctxValue("number_class", (a, ctx) => M.numberClass(a, ctx.c)),
  ctxValue("to_sci_string", (a, ctx) => decToString(a, ctx.capitals)),
  ctxValue("to_eng_string", (a, ctx) => decToString(a, ctx.capitals, true)),
  ctxValue("is_finite", (a) => a.kind === M.FINITE),
  ctxValue("is_infinite", (a) => a.kind === M.INF),
  ctxValue("is_nan", (a) => a.isNaN()),
  ctxValue("is_qnan", (a) => a.kind === M.NAN),
  ctxValue("is_snan", (a) => a.kind === M.SNAN),
  ctxValue("is_signed", (a) => a.sign === 1),
  ctxValue("is_zero", (a) => a.isZero()),
  ctxValue("is_normal", (a, ctx) => M.isNormal(a, ctx.c)),
  ctxValue("is_subnormal", (a, ctx) => M.isSubnormal(a, ctx.c)),
  { name: "is_canonical", kind: "o", fn: ((_s: PyObject, x: PyObject) => (requireDec(x), true)) as PyMethodDef["fn"] },
  { name: "canonical", kind: "o", fn: ((_s: PyObject, x: PyObject) => (requireDec(x), x)) as PyMethodDef["fn"] },
  ctxBinary("add", M.add),
  ctxBinary("compare", M.compare),
  ctxBinary("compare_signal", M.compareSignal),
  ctxBinary("compare_total", compareTotal),
  ctxBinary("compare_total_mag", compareTotalMag),
  ctxBinary("copy_sign", M.copySign),
  ctxBinary("divide", M.divide),
  ctxBinary("divide_int", M.divideInt),
  ctxBinary("logical_and", M.logicalAnd),
  ctxBinary("logical_or", M.logicalOr),
  ctxBinary("logical_xor", M.logicalXor),
  ctxBinary("max", M.max),
  ctxBinary("max_mag", M.maxMag),
  ctxBinary("min", M.min),
  ctxBinary("min_mag", M.minMag),
  ctxBinary("multiply", M.multiply),
  ctxBinary("next_toward", M.nextToward),
  ctxBinary("quantize", (a, b, c) => M.quantize(a, b, c)),
  ctxBinary("remainder", M.remainder),
  ctxBinary("remainder_near", M.remainderNear),
  ctxBinary("rotate", M.rotate),
  ctxBinary("scaleb", M.scaleb),
  ctxBinary("shift", M.shift),
  ctxBinary("subtract", M.subtract),
  fast("same_quantum", (_self, args, start, nargs, kw) => {
    noKeywords("same_quantum", kw);
    checkPositional("same_quantum", nargs, 2, 2);
    return M.sameQuantum(convertRaise(args[start]), convertRaise(args[start + 1]));
  }),
  fast("divmod", (self, args, start, nargs, kw) => {
    noKeywords("divmod", kw);
    checkPositional("divmod", nargs, 2, 2);
    const ctx = self as PyDecContext;
    const a = convertRaise(args[start]);
    const b = convertRaise(args[start + 1]);
    st.f = 0;
    const [q, r] = M.divmod(a, b, ctx.c);
    addStatus(ctx, st.f);
    return new PyTuple([wrap(q), wrap(r)]);
  }),
  fast("fma", (self, args, start, nargs, kw) => {
    noKeywords("fma", kw);
    checkPositional("fma", nargs, 3, 3);
    const ctx = self as PyDecContext;
    const a = convertRaise(args[start]);
    const b = convertRaise(args[start + 1]);
    const c = convertRaise(args[start + 2]);
    return run(ctx, () => M.fma(a, b, c, ctx.c));
  }),
  fast("power", (self, args, start, nargs, kw) => {
    const [a0, b0, m0] = powerArgs.parse(args, start, nargs, kw);
    const ctx = self as PyDecContext;
    const a = convertRaise(a0!);
    const b = convertRaise(b0!);
    if (m0 === null || m0 === Py_None) return run(ctx, () => T.pow(a, b, ctx.c));
    const m = convertRaise(m0);
    return run(ctx, () => T.powmod(a, b, m, ctx.c));
  }),
  fast("create_decimal", (self, args, start, nargs, kw) => {
    const [num] = createArgs.parse(args, start, nargs, kw);
    return fromObjectCtx(num ?? "0", self as PyDecContext);
  }),
  { name: "create_decimal_from_float", kind: "o", fn: ((self: PyObject, f: PyObject) => {
    const ctx = self as PyDecContext;
    const i = asInt(f);
    let d: Dec;
    if (i !== null) d = intDec(i);
    else if (f instanceof PyFloat) d = M.fromDouble(f.value);
    else throw typeError("argument must be int or float");
    return run(ctx, () => M.finalize(d, ctx.c));
  }) as PyMethodDef["fn"] },
];
setRadix(() => wrap(TEN));

// --- the module ----------------------------------------------------------------------------------

export function init_decimal(): PyModule {
  initSignals();
  initTemplates();
  initSignalDict();
  const m = new PyModule("_decimal", "C decimal arithmetic module");
  const d = m.dict;
  const collections = PyImport_ImportModuleLevel("collections", Py_None, Py_None, 0);
  const nt = PyObject_GetAttr(collections, "namedtuple");
  DecimalTuple = PyObject_Call(nt, ["DecimalTuple", "sign digits exponent"], null);
  PyObject_Call(PyObject_GetAttr(Py_TYPE(DecimalTuple), "__setattr__"), [DecimalTuple, "__module__", "decimal"], null);
  d.setStr("Decimal", PyDec_Type);
  d.setStr("Context", PyDecContext_Type);
  d.setStr("DecimalTuple", DecimalTuple);
  d.setStr("DecimalException", DecimalException);
  for (const s of signalMap) d.setStr(s.name, s.ex);
  for (const s of condMap) d.setStr(s.name, s.ex);
  d.setStr("DefaultContext", defaultContextTemplate);
  d.setStr("BasicContext", basicContextTemplate);
  d.setStr("ExtendedContext", extendedContextTemplate);
  const fn = (name: string, f: Fast): void => d.setStr(name, newBuiltinFunction(name, f, "decimal"));
  fn("getcontext", (_s, _a, _st, nargs, kw) => {
    noKeywords("getcontext", kw);
    checkPositional("getcontext", nargs, 0, 0);
    return currentContext();
  });
  fn("setcontext", (_s, args, start, nargs, kw) => {
    noKeywords("setcontext", kw);
    checkPositional("setcontext", nargs, 1, 1);
    setContext(args[start]);
    return Py_None;
  });
  fn("localcontext", (_s, args, start, nargs, kw) => localcontext(args, start, nargs, kw));
  fn("IEEEContext", (_s, args, start, nargs, kw) => {
    noKeywords("IEEEContext", kw);
    checkPositional("IEEEContext", nargs, 1, 1);
    return ieeeContext(args[start]);
  });
  for (let i = 0; i < ROUND_NAMES.length; i++) d.setStr(ROUND_NAMES[i], ROUND_NAMES[i]);
  d.setStr("MAX_PREC", M.MAX_PREC);
  d.setStr("MAX_EMAX", M.MAX_EMAX);
  d.setStr("MIN_EMIN", M.MIN_EMIN);
  d.setStr("MIN_ETINY", M.MIN_ETINY);
  d.setStr("IEEE_CONTEXT_MAX_BITS", 512);
  d.setStr("HAVE_THREADS", true);
  d.setStr("HAVE_CONTEXTVAR", true);
  d.setStr("__version__", "1.70");
  d.setStr("__libmpdec_version__", "2.5.1");
  return m;
}

/** A context for an IEEE 754 interchange format of `bits` bits (CPython: ctxmanager IEEEContext). */
function ieeeContext(v: PyObject): PyObject {
  const b = asInt(v);
  if (b === null) throw typeError(`'${Py_TYPE(v).tp_name}' object cannot be interpreted as an integer`);
  const bits = Number(b);
  if (bits <= 0 || bits > 512 || bits % 32 !== 0) throw valueError(`argument must be a multiple of 32, with a maximum of 512`);
  const c = copyContext(defaultContextTemplate);
  const prec = 9 * (bits / 32) - 2;
  const emax = 3 * 2 ** (bits / 16 + 3);
  c.c = { prec, emax, emin: 1 - emax, round: M.ROUND_HALF_EVEN, clamp: 1 };
  c.precV = prec;
  c.emaxV = emax;
  c.eminV = 1 - emax;
  c.traps = 0;
  c.status = 0;
  return c;
}

export { isContext, PyType_IsSubtype };
