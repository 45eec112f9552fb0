// CPython: Modules/arraymodule.c — the typecode descriptors (struct arraydescr: item size, getitem,
// setitem with its overflow messages) and the machine format codes used by pickling. Item sizes are
// those of 64-bit Linux (long and wchar_t are 8 and 4 bytes).
import { type PyObject, Py_TYPE } from "../objects/object.js";
import { PyFloat } from "../objects/floatobject.js";
import { PyNumber_Index, PyLong_AsLong, PyFloat_AsDouble } from "../objects/abstract.js";
import { overflowError, typeError, valueError } from "../python/errors.js";
import { asStr, unicodeLength } from "../objects/unicodeobject.js";

export type ItemStore =
  | Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | BigInt64Array | BigUint64Array
  | Float32Array | Float64Array;
type StoreCtor = new (buf: ArrayBuffer, byteOffset?: number, length?: number) => ItemStore;

export interface ArrayDescr {
  readonly typecode: string;
  readonly itemsize: number;
  readonly store: StoreCtor;
  /** "int" (number items), "big" (8-byte ints in a BigInt array), "float", "unicode" (code points). */
  readonly kind: "int" | "big" | "float" | "unicode";
  readonly signed: boolean;
  /** The Py_buffer format string. */
  readonly format: string;
  /** The machine format code of the items (CPython: typecode_to_mformat_code). */
  readonly mformat: number;
  /** A Python value to the stored item, with CPython's errors (CPython: the *_setitem functions). */
  readonly conv: (v: PyObject) => number | bigint;
}

const greater = (what: string) => overflowError(`${what} is greater than maximum`);
const less = (what: string) => overflowError(`${what} is less than minimum`);

/** A C int argument ("i" format): C long, then the int range. */
function cInt(v: PyObject): number {
  const x = PyLong_AsLong(v);
  if (x > 2147483647) throw greater("signed integer");
  if (x < -2147483648) throw less("signed integer");
  return x;
}
function cShort(v: PyObject): number {
  const x = PyLong_AsLong(v);
  if (x > 32767) throw greater("signed short integer");
  if (x < -32768) throw less("signed short integer");
  return x;
}

/** PyLong_AsUnsignedLong after __index__: the value as a bigint or number. */
function cUnsignedLong(v: PyObject, negMsg: string, bigMsg: string): number | bigint {
  const n = PyNumber_Index(v);
  if (typeof n === "number") {
    if (n < 0) throw overflowError(negMsg);
    return n;
  }
  if (n < 0n) throw overflowError(negMsg);
  if (n >= 1n << 64n) throw overflowError(bigMsg);
  return n;
}

function convB(v: PyObject): number {
  const x = cShort(v);
  if (x < -128) throw less("signed char");
  if (x > 127) throw greater("signed char");
  return x;
}
function convUB(v: PyObject): number {
  const x = PyLong_AsLong(v);
  if (x < 0) throw less("unsigned byte integer");
  if (x > 255) throw greater("unsigned byte integer");
  return x;
}
function convUH(v: PyObject): number {
  const x = cInt(v);
  if (x < 0) throw less("unsigned short");
  if (x > 65535) throw greater("unsigned short");
  return x;
}
function convUI(v: PyObject): number {
  const x = cUnsignedLong(v, "can't convert negative value to unsigned int", "Python int too large to convert to C unsigned long");
  if (x > 4294967295) throw greater("unsigned int");
  return Number(x);
}
function convL(v: PyObject): bigint {
  const n = PyNumber_Index(v);
  if (typeof n === "number") return BigInt(n);
  if (n >= 1n << 63n || n < -(1n << 63n)) throw overflowError("Python int too large to convert to C long");
  return n;
}
function convUL(v: PyObject): bigint {
  return BigInt(cUnsignedLong(v, "can't convert negative value to unsigned int", "Python int too large to convert to C unsigned long"));
}
function convQ(v: PyObject): bigint {
  const n = PyNumber_Index(v);
  if (typeof n === "number") return BigInt(n);
  if (n >= 1n << 63n || n < -(1n << 63n)) throw overflowError("int too big to convert");
  return n;
}
function convUQ(v: PyObject): bigint {
  return BigInt(cUnsignedLong(v, "can't convert negative int to unsigned", "int too big to convert"));
}
function convD(v: PyObject): number {
  return v instanceof PyFloat ? v.value : PyFloat_AsDouble(v);
}
function convU(v: PyObject): number {
  const s = asStr(v);
  if (s === null) throw typeError(`array item must be a unicode character, not ${Py_TYPE(v).tp_name}`);
  const n = unicodeLength(s);
  if (n !== 1) throw typeError(`array item must be a unicode character, not a string of length ${n}`);
  return s.codePointAt(0) as number;
}

function d(
  typecode: string, itemsize: number, store: StoreCtor, kind: ArrayDescr["kind"], signed: boolean, mformat: number,
  conv: ArrayDescr["conv"], format = typecode,
): ArrayDescr {
  return { typecode, itemsize, store, kind, signed, format, mformat, conv };
}

// Machine format codes (CPython: enum machine_format_code)
export const UNSIGNED_INT8 = 0;
export const MACHINE_FORMAT_CODE_MAX = 21;

export const DESCRIPTORS: readonly ArrayDescr[] = [
  d("b", 1, Int8Array, "int", true, 1, convB),
  d("B", 1, Uint8Array, "int", false, 0, convUB),
  // wchar_t is 4 bytes on Linux; 'u' is exported as 'w' (3.14)
  d("u", 4, Uint32Array, "unicode", false, 20, convU, "w"),
  d("w", 4, Uint32Array, "unicode", false, 20, convU),
  d("h", 2, Int16Array, "int", true, 4, cShort),
  d("H", 2, Uint16Array, "int", false, 2, convUH),
  d("i", 4, Int32Array, "int", true, 8, cInt),
  d("I", 4, Uint32Array, "int", false, 6, convUI),
  d("l", 8, BigInt64Array, "big", true, 12, convL),
  d("L", 8, BigUint64Array, "big", false, 10, convUL),
  d("q", 8, BigInt64Array, "big", true, 12, convQ),
  d("Q", 8, BigUint64Array, "big", false, 10, convUQ),
  d("f", 4, Float32Array, "float", true, 14, convD),
  d("d", 8, Float64Array, "float", true, 16, convD),
];
export const TYPECODES = DESCRIPTORS.map((x) => x.typecode).join("");

export function findDescr(typecode: string): ArrayDescr | null {
  for (const x of DESCRIPTORS) if (x.typecode === typecode) return x;
  return null;
}

/** A stored item as a Python value (CPython: the *_getitem functions). */
export function itemToPy(descr: ArrayDescr, x: number | bigint): PyObject {
  switch (descr.kind) {
    case "int":
      return x as number;
    case "big": {
      const b = x as bigint;
      return b >= -9007199254740991n && b <= 9007199254740991n ? Number(b) : b;
    }
    case "float":
      return new PyFloat(x as number);
    default: {
      const c = x as number;
      if (c > 0x10ffff) throw valueError("chr() arg not in range(0x110000)");
      return String.fromCodePoint(c);
    }
  }
}

/** {size, signed, big-endian} of each machine format code (CPython: mformat_descriptors; its UTF-16/32 sizes are 4 and 8). */
export const MFORMAT_DESCR: readonly [number, boolean, boolean][] = [
  [1, false, false], [1, true, false],
  [2, false, false], [2, false, true], [2, true, false], [2, true, true],
  [4, false, false], [4, false, true], [4, true, false], [4, true, true],
  [8, false, false], [8, false, true], [8, true, false], [8, true, true],
  [4, false, false], [4, false, true], [8, false, false], [8, false, true],
  [4, false, false], [4, false, true], [8, false, false], [8, false, true],
];
