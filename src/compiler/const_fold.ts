// CPython: Python/flowgraph.c, eval_const_binop / eval_const_unaryop and the const_folding_safe_*
// guards; the arithmetic of Objects/longobject.c, floatobject.c, complexobject.c, unicodeobject.c,
// bytesobject.c and tupleobject.c restricted to constant operands.
//
// Every function returns null where CPython's operation raises (the folding is then skipped) or
// where the result would be too large to be worth storing.
import { type PyObject, Py_None, Py_Ellipsis } from "../objects/object.js";
import { PyFloat } from "../objects/floatobject.js";
import { PyComplex } from "../objects/complexobject.js";
import { PyBytes } from "../objects/bytesobject.js";
import { PyTuple } from "../objects/tupleobject.js";
import { PyFrozenSet, PySlice } from "./const_objects.js";
import {
  op,
  NB_ADD,
  NB_AND,
  NB_FLOOR_DIVIDE,
  NB_LSHIFT,
  NB_MULTIPLY,
  NB_OR,
  NB_POWER,
  NB_REMAINDER,
  NB_RSHIFT,
  NB_SUBSCR,
  NB_SUBTRACT,
  NB_TRUE_DIVIDE,
  NB_XOR,
  INTRINSIC_UNARY_POSITIVE,
} from "./opcode_utils.js";

const MAX_INT_SIZE = 128; // bits
const MAX_COLLECTION_SIZE = 256; // items
const MAX_STR_SIZE = 4096; // characters
const MAX_TOTAL_ITEMS = 1024; // including nested collections

type Int = number | bigint;

function isInt(v: PyObject): v is Int | boolean {
  return typeof v === "number" || typeof v === "bigint" || typeof v === "boolean";
}

function toBig(v: Int | boolean): bigint {
  return typeof v === "bigint" ? v : BigInt(v === true ? 1 : v === false ? 0 : v);
}

/** A bigint as tython stores an int: a number when safe, else a bigint. */
function normInt(v: bigint): Int {
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
}

function numBits(v: bigint): number {
  if (v < 0n) v = -v;
  return v === 0n ? 0 : v.toString(2).length;
}

function intToFloat(v: Int | boolean): number | null {
  const f = Number(toBig(v));
  return Number.isFinite(f) ? f : null;
}

function asFloat(v: PyObject): number | null {
  if (v instanceof PyFloat) return v.value;
  if (isInt(v)) return intToFloat(v);
  return null;
}

function asComplex(v: PyObject): [number, number] | null {
  if (v instanceof PyComplex) return [v.real, v.imag];
  const f = asFloat(v);
  return f === null ? null : [f, 0];
}

function pyLen(v: PyObject): number | null {
  if (typeof v === "string") return [...v].length;
  if (v instanceof PyBytes) return v.value.length;
  if (v instanceof PyTuple) return v.items.length;
  return null;
}

function checkComplexity(obj: PyObject, limit: number): number {
  if (obj instanceof PyTuple) {
    limit -= obj.items.length;
    for (let i = 0; limit >= 0 && i < obj.items.length; i++) {
      limit = checkComplexity(obj.items[i], limit);
      if (limit < 0) return limit;
    }
  }
  return limit;
}

function repeatSeq(seq: PyObject, n: number): PyObject | null {
  if (n < 0) n = 0;
  if (typeof seq === "string") return seq.repeat(n);
  if (seq instanceof PyBytes) {
    const out = new Uint8Array(seq.value.length * n);
    for (let i = 0; i < n; i++) out.set(seq.value, i * seq.value.length);
    return new PyBytes(out);
  }
  if (seq instanceof PyTuple) {
    const out: PyObject[] = [];
    for (let i = 0; i < n; i++) out.push(...seq.items);
    return new PyTuple(out);
  }
  return null;
}

function safeMultiply(v: PyObject, w: PyObject): PyObject | null {
  if (isInt(v) && isInt(w)) {
    const a = toBig(v);
    const b = toBig(w);
    if (a !== 0n && b !== 0n && numBits(a) + numBits(b) > MAX_INT_SIZE) return null;
    return normInt(a * b);
  }
  if (isInt(v) && (w instanceof PyTuple || typeof w === "string" || w instanceof PyBytes)) {
    const size = pyLen(w)!;
    const nb = toBig(v);
    if (size) {
      const limit = w instanceof PyTuple ? MAX_COLLECTION_SIZE : MAX_STR_SIZE;
      if (nb < 0n || nb > BigInt(Math.floor(limit / size))) return null;
      const n = Number(nb);
      if (w instanceof PyTuple && n && checkComplexity(w, Math.floor(MAX_TOTAL_ITEMS / n)) < 0) return null;
    }
    return repeatSeq(w, nb > 0n ? Number(nb) : 0);
  }
  if (isInt(w) && (v instanceof PyTuple || typeof v === "string" || v instanceof PyBytes)) {
    return safeMultiply(w, v);
  }
  return numericOp(v, NB_MULTIPLY, w);
}

function floorDivInt(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}

function floatDivmod(vx: number, wx: number): [number, number] | null {
  if (wx === 0) return null;
  let mod = vx % wx;
  let div = (vx - mod) / wx;
  if (mod) {
    if (wx < 0 !== mod < 0) {
      mod += wx;
      div -= 1.0;
    }
  } else {
    mod = Object.is(wx, -0) || wx < 0 ? -0 : 0;
  }
  let floordiv: number;
  if (div) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    floordiv = vx / wx < 0 ? -0 : 0;
  }
  return [floordiv, mod];
}

function intPow(a: bigint, b: bigint): PyObject | null {
  if (b < 0n) {
    if (a === 0n) return null;
    const fa = Number(a);
    const r = Math.pow(fa, Number(b));
    return Number.isFinite(r) ? new PyFloat(r) : null;
  }
  if (a !== 0n && b > 0n) {
    if (numBits(a) > MAX_INT_SIZE / Number(b)) return null;
  }
  return normInt(a ** b);
}

function floatPow(x: number, y: number): PyObject | null {
  if (y === 0) return new PyFloat(1.0);
  if (Number.isNaN(x)) return new PyFloat(x);
  if (Number.isNaN(y)) return new PyFloat(x === 1.0 ? 1.0 : y);
  if (x === 0 && y < 0) return null; // ZeroDivisionError
  if (x < 0 && !Number.isInteger(y) && Number.isFinite(y)) return null; // complex result
  if (x === 1.0) return new PyFloat(1.0);
  if (x === -1.0 && !Number.isFinite(y)) return new PyFloat(1.0);
  const r = Math.pow(x, y);
  if (!Number.isFinite(r) && Number.isFinite(x) && Number.isFinite(y)) return null; // OverflowError
  return new PyFloat(r);
}

function complexDiv(a: [number, number], b: [number, number]): [number, number] | null {
  const [ar, ai] = a;
  const [br, bi] = b;
  const absBr = Math.abs(br);
  const absBi = Math.abs(bi);
  if (absBr >= absBi) {
    if (absBr === 0) return null;
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

/** Arithmetic on int/bool, float and complex operands. */
function numericOp(v: PyObject, nb: number, w: PyObject): PyObject | null {
  if (isInt(v) && isInt(w)) {
    const bothBool = typeof v === "boolean" && typeof w === "boolean";
    const a = toBig(v);
    const b = toBig(w);
    switch (nb) {
      case NB_ADD:
        return normInt(a + b);
      case NB_SUBTRACT:
        return normInt(a - b);
      case NB_MULTIPLY:
        return normInt(a * b);
      case NB_FLOOR_DIVIDE:
        return b === 0n ? null : normInt(floorDivInt(a, b));
      case NB_REMAINDER:
        return b === 0n ? null : normInt(a - floorDivInt(a, b) * b);
      case NB_TRUE_DIVIDE: {
        if (b === 0n) return null;
        const fa = intToFloat(a);
        const fb = intToFloat(b);
        if (fa === null || fb === null) return null;
        return new PyFloat(fa / fb);
      }
      case NB_POWER:
        return intPow(a, b);
      case NB_LSHIFT:
        if (b < 0n) return null;
        if (a !== 0n && b !== 0n && (b > BigInt(MAX_INT_SIZE) || numBits(a) > MAX_INT_SIZE - Number(b))) return null;
        return normInt(a << b);
      case NB_RSHIFT:
        if (b < 0n) return null;
        return normInt(a >> (b > 100000n ? 100000n : b));
      case NB_AND:
        return bothBool ? (v as boolean) && (w as boolean) : normInt(a & b);
      case NB_OR:
        return bothBool ? (v as boolean) || (w as boolean) : normInt(a | b);
      case NB_XOR:
        return bothBool ? v !== w : normInt(a ^ b);
    }
    return null;
  }
  if (v instanceof PyComplex || w instanceof PyComplex) {
    const a = asComplex(v);
    const b = asComplex(w);
    if (a === null || b === null) return null;
    switch (nb) {
      case NB_ADD:
        return new PyComplex(a[0] + b[0], a[1] + b[1]);
      case NB_SUBTRACT:
        return new PyComplex(a[0] - b[0], a[1] - b[1]);
      case NB_MULTIPLY:
        return new PyComplex(a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]);
      case NB_TRUE_DIVIDE: {
        const r = complexDiv(a, b);
        return r === null ? null : new PyComplex(r[0], r[1]);
      }
    }
    return null;
  }
  if (v instanceof PyFloat || w instanceof PyFloat) {
    const a = asFloat(v);
    const b = asFloat(w);
    if (a === null || b === null) return null;
    switch (nb) {
      case NB_ADD:
        return new PyFloat(a + b);
      case NB_SUBTRACT:
        return new PyFloat(a - b);
      case NB_MULTIPLY:
        return new PyFloat(a * b);
      case NB_TRUE_DIVIDE:
        return b === 0 ? null : new PyFloat(a / b);
      case NB_FLOOR_DIVIDE: {
        const r = floatDivmod(a, b);
        return r === null ? null : new PyFloat(r[0]);
      }
      case NB_REMAINDER: {
        const r = floatDivmod(a, b);
        return r === null ? null : new PyFloat(r[1]);
      }
      case NB_POWER:
        return floatPow(a, b);
    }
    return null;
  }
  return null;
}

function concat(v: PyObject, w: PyObject): PyObject | null {
  if (typeof v === "string" && typeof w === "string") return v + w;
  if (v instanceof PyBytes && w instanceof PyBytes) {
    const out = new Uint8Array(v.value.length + w.value.length);
    out.set(v.value);
    out.set(w.value, v.value.length);
    return new PyBytes(out);
  }
  if (v instanceof PyTuple && w instanceof PyTuple) return new PyTuple([...v.items, ...w.items]);
  return null;
}

function sliceIndices(s: PySlice, length: number): [number, number, number] | null {
  const get = (o: PyObject): number | null | undefined => {
    if (o === Py_None) return undefined;
    if (isInt(o)) {
      const b = toBig(o);
      const lim = BigInt(Number.MAX_SAFE_INTEGER);
      return Number(b > lim ? lim : b < -lim ? -lim : b);
    }
    return null;
  };
  const stepRaw = get(s.step);
  if (stepRaw === null) return null;
  const step = stepRaw === undefined ? 1 : stepRaw;
  if (step === 0) return null;
  const startRaw = get(s.start);
  const stopRaw = get(s.stop);
  if (startRaw === null || stopRaw === null) return null;
  const lower = step < 0 ? -1 : 0;
  const upper = step < 0 ? length - 1 : length;
  const clamp = (x: number): number => {
    if (x < 0) {
      x += length;
      return x < lower ? lower : x;
    }
    return x > upper ? upper : x;
  };
  const start = startRaw === undefined ? (step < 0 ? upper : lower) : clamp(startRaw);
  const stop = stopRaw === undefined ? (step < 0 ? lower : upper) : clamp(stopRaw);
  return [start, stop, step];
}

function subscript(v: PyObject, w: PyObject): PyObject | null {
  const items: PyObject[] | null =
    typeof v === "string" ? [...v] : v instanceof PyTuple ? [...v.items] : v instanceof PyBytes ? [...v.value] : null;
  if (items === null) return null;
  if (isInt(w)) {
    let i = toBig(w);
    if (i < 0n) i += BigInt(items.length);
    if (i < 0n || i >= BigInt(items.length)) return null;
    return items[Number(i)];
  }
  if (w instanceof PySlice) {
    const idx = sliceIndices(w, items.length);
    if (idx === null) return null;
    const [start, stop, step] = idx;
    const out: PyObject[] = [];
    if (step > 0) for (let i = start; i < stop; i += step) out.push(items[i]);
    else for (let i = start; i > stop; i += step) out.push(items[i]);
    if (typeof v === "string") return (out as string[]).join("");
    if (v instanceof PyBytes) return new PyBytes(Uint8Array.from(out as number[]));
    return new PyTuple(out);
  }
  return null;
}

/** CPython: eval_const_binop. */
export function evalConstBinop(left: PyObject, nb: number, right: PyObject): PyObject | null {
  switch (nb) {
    case NB_ADD:
      return concat(left, right) ?? numericOp(left, nb, right);
    case NB_MULTIPLY:
      return safeMultiply(left, right);
    case NB_REMAINDER:
      if (typeof left === "string" || left instanceof PyBytes) return null;
      return numericOp(left, nb, right);
    case NB_SUBSCR:
      return subscript(left, right);
    case NB_SUBTRACT:
    case NB_TRUE_DIVIDE:
    case NB_FLOOR_DIVIDE:
    case NB_POWER:
    case NB_LSHIFT:
    case NB_RSHIFT:
    case NB_OR:
    case NB_XOR:
    case NB_AND:
      return numericOp(left, nb, right);
  }
  return null; // NB_MATRIX_MULTIPLY: no constant implements it
}

/** CPython: eval_const_unaryop. */
export function evalConstUnaryop(operand: PyObject, opcode: number, oparg: number): PyObject | null {
  switch (opcode) {
    case op.UNARY_NEGATIVE:
      if (isInt(operand)) return normInt(-toBig(operand));
      if (operand instanceof PyFloat) return new PyFloat(-operand.value);
      if (operand instanceof PyComplex) return new PyComplex(-operand.real, -operand.imag);
      return null;
    case op.UNARY_INVERT:
      if (isInt(operand)) return normInt(~toBig(operand));
      return null;
    case op.UNARY_NOT: {
      const t = constIsTrue(operand);
      return t === null ? null : !t;
    }
    case op.CALL_INTRINSIC_1:
      if (oparg !== INTRINSIC_UNARY_POSITIVE) return null;
      if (typeof operand === "boolean") return operand ? 1 : 0;
      if (isInt(operand) || operand instanceof PyFloat || operand instanceof PyComplex) return operand;
      return null;
  }
  return null;
}

/** Truth value of a constant (CPython: PyObject_IsTrue); null when unknown. */
export function constIsTrue(v: PyObject): boolean | null {
  switch (typeof v) {
    case "boolean":
      return v;
    case "number":
      return v !== 0;
    case "bigint":
      return v !== 0n;
    case "string":
      return v.length > 0;
  }
  if (v === Py_None) return false;
  if (v === Py_Ellipsis) return true;
  if (v instanceof PyFloat) return v.value !== 0;
  if (v instanceof PyComplex) return v.real !== 0 || v.imag !== 0;
  if (v instanceof PyBytes) return v.value.length > 0;
  if (v instanceof PyTuple) return v.items.length > 0;
  if (v instanceof PyFrozenSet) return v.items.length > 0;
  return true;
}

/** Key equal for constants that are equal as set members (1 == 1.0 == True). */
function setKey(v: PyObject): string {
  if (isInt(v)) return "n" + toBig(v).toString();
  if (v instanceof PyFloat) {
    if (Number.isInteger(v.value)) return "n" + BigInt(v.value).toString();
    return "f" + String(v.value);
  }
  if (v instanceof PyComplex) {
    if (v.imag === 0) return setKey(new PyFloat(v.real));
    return "c" + v.real + "," + v.imag;
  }
  if (typeof v === "string") return "s" + v;
  if (v instanceof PyTuple) return "(" + v.items.map(setKey).join("\u0000") + ")";
  if (v instanceof PyBytes) return "b" + Array.from(v.value).join(",");
  if (v === Py_None) return "N";
  if (v === Py_Ellipsis) return "E";
  return "?" + String(v);
}

/** frozenset(items), keeping the first of equal items. */
export function frozensetOf(items: readonly PyObject[]): PyFrozenSet {
  const seen = new Set<string>();
  const out: PyObject[] = [];
  for (const item of items) {
    const k = setKey(item);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(item);
    }
  }
  return new PyFrozenSet(out);
}
