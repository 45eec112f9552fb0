// CPython: Objects/floatobject.c (PyFloat_Pack2/4/8, PyFloat_Unpack2/4/8) — IEEE 754 binary16,
// binary32 and binary64 to and from bytes, for struct, array and memoryview.
import { overflowError } from "../python/errors.js";

const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);
const f32 = new Float32Array(1);

/** Writes `x` as a half float at buf[p..p+2) (CPython: PyFloat_Pack2; round half to even). */
export function pack2(x: number, buf: Uint8Array, p: number, le: boolean): void {
  let sign = 0;
  let e: number;
  let bits: number;
  if (x === 0) {
    sign = Object.is(x, -0) ? 1 : 0;
    e = 0;
    bits = 0;
  } else if (x === Infinity || x === -Infinity) {
    sign = x < 0 ? 1 : 0;
    e = 0x1f;
    bits = 0;
  } else if (Number.isNaN(x)) {
    f64[0] = x;
    const v = u64[0];
    sign = Number(v >> 63n);
    e = 0x1f;
    bits = Number((v & 0xffc0000000000n) >> 42n);
  } else {
    sign = x < 0 ? 1 : 0;
    if (sign) x = -x;
    // frexp: x = f * 2**e with 0.5 <= f < 1
    e = Math.floor(Math.log2(x)) + 1;
    let f = x / 2 ** e;
    if (f >= 1) {
      f /= 2;
      e++;
    } else if (f < 0.5) {
      f *= 2;
      e--;
    }
    // normalise f to [1.0, 2.0)
    f *= 2;
    e--;
    if (e >= 16) throw overflowError("float too large to pack with e format");
    if (e < -25) {
      f = 0;
      e = 0;
    } else if (e < -14) {
      f = f * 2 ** (14 + e);
      e = 0;
    } else {
      e += 15;
      f -= 1;
    }
    f *= 1024;
    bits = Math.floor(f);
    f -= bits;
    if (f > 0.5 || (f === 0.5 && bits % 2 === 1)) {
      bits++;
      if (bits === 1024) {
        bits = 0;
        e++;
        if (e === 31) throw overflowError("float too large to pack with e format");
      }
    }
  }
  const h = bits | (e << 10) | (sign << 15);
  if (le) {
    buf[p] = h & 0xff;
    buf[p + 1] = h >> 8;
  } else {
    buf[p] = h >> 8;
    buf[p + 1] = h & 0xff;
  }
}

/** Reads a half float at buf[p..p+2) (CPython: PyFloat_Unpack2). */
export function unpack2(buf: Uint8Array, p: number, le: boolean): number {
  const h = le ? buf[p] | (buf[p + 1] << 8) : (buf[p] << 8) | buf[p + 1];
  const sign = h >> 15;
  const e = (h >> 10) & 0x1f;
  const f = h & 0x3ff;
  if (e === 0x1f) {
    if (f === 0) return sign ? -Infinity : Infinity;
    // a NaN keeping its sign and payload
    u64[0] = (BigInt(sign) << 63n) | 0x7ff0000000000000n | (BigInt(f) << 42n);
    return f64[0];
  }
  let x = f / 1024;
  if (e === 0) x = x * 2 ** -14;
  else x = (x + 1) * 2 ** (e - 15);
  return sign ? -x : x;
}

/** Whether `x` (finite) overflows a binary32 (CPython: PyFloat_Pack4's check). */
export function float32Overflows(x: number): boolean {
  if (!Number.isFinite(x)) return false;
  f32[0] = x;
  return !Number.isFinite(f32[0]);
}
