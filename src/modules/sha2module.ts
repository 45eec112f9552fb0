// CPython: Modules/sha2module.c (over HACL*) — SHA-224/256/384/512 (FIPS 180-4), here in
// TypeScript; the 64-bit words of SHA-512 are kept as (high, low) 32-bit pairs.
import { PyModule } from "../objects/moduleobject.js";
import { newBuiltinFunction } from "../objects/methodobject.js";
import type { PyTypeObject } from "../objects/object.js";
import { BlockHash, wordsBE } from "./hash_md.js";
import { PyHash, defineHashType, newHashType, parseHashCtor, type HashEngine } from "./hashlib.js";
import type { ArgParser } from "../python/getargs.js";

/** floor(x ** (1/k)) for a non-negative bigint. */
function iroot(x: bigint, k: bigint): bigint {
  if (x < 2n) return x;
  let r = 1n << (BigInt(x.toString(2).length) / k + 1n);
  for (;;) {
    const next = ((k - 1n) * r + x / r ** (k - 1n)) / k;
    if (next >= r) return r;
    r = next;
  }
}
const PRIMES: number[] = [];
for (let n = 2; PRIMES.length < 80; n++) if (PRIMES.every((p) => n % p)) PRIMES.push(n);
/** The first `bits` of the fractional part of p ** (1/k) (FIPS 180-4's constants). */
const frac = (p: number, k: bigint, bits: bigint): bigint => iroot(BigInt(p) << (bits * k), k) & ((1n << bits) - 1n);

const K256 = Int32Array.from(PRIMES.slice(0, 64), (p) => Number(frac(p, 3n, 32n)) | 0);
const K512 = new Int32Array(160);
PRIMES.forEach((p, i) => {
  const v = frac(p, 3n, 64n);
  K512[2 * i] = Number(v >> 32n) | 0;
  K512[2 * i + 1] = Number(v & 0xffffffffn) | 0;
});
export const IV256 = Int32Array.from(PRIMES.slice(0, 8), (p) => Number(frac(p, 2n, 32n)) | 0);
export const IV512 = new Int32Array(16);
const IV384 = new Int32Array(16);
PRIMES.slice(0, 16).forEach((p, i) => {
  const v = frac(p, 2n, 64n);
  const t = i < 8 ? IV512 : IV384;
  const j = i & 7;
  t[2 * j] = Number(v >> 32n) | 0;
  t[2 * j + 1] = Number(v & 0xffffffffn) | 0;
});
// SHA-224 starts from the low halves of SHA-384's initial words
const IV224 = Int32Array.from({ length: 8 }, (_, i) => IV384[2 * i + 1]);

const W = new Int32Array(64);

export class Sha256 extends BlockHash {
  private readonly h: Int32Array;
  constructor(private readonly outLen: number) {
    super(64, 8, false);
    this.h = (outLen === 28 ? IV224 : IV256).slice();
  }
  protected compress(d: Uint8Array, off: number): void {
    for (let i = 0; i < 16; i++) {
      const p = off + 4 * i;
      W[i] = (d[p] << 24) | (d[p + 1] << 16) | (d[p + 2] << 8) | d[p + 3];
    }
    for (let i = 16; i < 64; i++) {
      const x = W[i - 15];
      const y = W[i - 2];
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      W[i] = (W[i - 16] + s0 + W[i - 7] + s1) | 0;
    }
    const h = this.h;
    let a = h[0], b = h[1], c = h[2], e = h[3], f = h[4], g = h[5], hh = h[6], k = h[7];
    // (a, b, c, e, f, g, hh, k) are FIPS's (a, b, c, d, e, f, g, h)
    for (let i = 0; i < 64; i++) {
      const S1 = ((f >>> 6) | (f << 26)) ^ ((f >>> 11) | (f << 21)) ^ ((f >>> 25) | (f << 7));
      const ch = (f & g) ^ (~f & hh);
      const t1 = (k + S1 + ch + K256[i] + W[i]) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (S0 + maj) | 0;
      k = hh;
      hh = g;
      g = f;
      f = (e + t1) | 0;
      e = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h[0] = (h[0] + a) | 0;
    h[1] = (h[1] + b) | 0;
    h[2] = (h[2] + c) | 0;
    h[3] = (h[3] + e) | 0;
    h[4] = (h[4] + f) | 0;
    h[5] = (h[5] + g) | 0;
    h[6] = (h[6] + hh) | 0;
    h[7] = (h[7] + k) | 0;
  }
  protected output(): Uint8Array {
    return wordsBE(this.h, this.outLen);
  }
  protected fresh(): Sha256 {
    return new Sha256(this.outLen);
  }
  protected copyState(to: Sha256): void {
    to.h.set(this.h);
  }
}

const W2 = new Int32Array(160);
const TWO32 = 4294967296;

export class Sha512 extends BlockHash {
  private readonly h: Int32Array;
  constructor(private readonly outLen: number) {
    super(128, 16, false);
    this.h = (outLen === 48 ? IV384 : IV512).slice();
  }
  protected compress(d: Uint8Array, off: number): void {
    const w = W2;
    for (let i = 0; i < 32; i++) {
      const p = off + 4 * i;
      w[i] = (d[p] << 24) | (d[p + 1] << 16) | (d[p + 2] << 8) | d[p + 3];
    }
    for (let i = 16; i < 80; i++) {
      // σ0(w[i-15]) = rotr1 ^ rotr8 ^ shr7; σ1(w[i-2]) = rotr19 ^ rotr61 ^ shr6
      let xh = w[2 * (i - 15)], xl = w[2 * (i - 15) + 1];
      const s0h = ((xh >>> 1) | (xl << 31)) ^ ((xh >>> 8) | (xl << 24)) ^ (xh >>> 7);
      const s0l = ((xl >>> 1) | (xh << 31)) ^ ((xl >>> 8) | (xh << 24)) ^ ((xl >>> 7) | (xh << 25));
      xh = w[2 * (i - 2)];
      xl = w[2 * (i - 2) + 1];
      const s1h = ((xh >>> 19) | (xl << 13)) ^ ((xl >>> 29) | (xh << 3)) ^ (xh >>> 6);
      const s1l = ((xl >>> 19) | (xh << 13)) ^ ((xh >>> 29) | (xl << 3)) ^ ((xl >>> 6) | (xh << 26));
      const lo = (s0l >>> 0) + (s1l >>> 0) + (w[2 * (i - 7) + 1] >>> 0) + (w[2 * (i - 16) + 1] >>> 0);
      w[2 * i] = (s0h + s1h + w[2 * (i - 7)] + w[2 * (i - 16)] + Math.floor(lo / TWO32)) | 0;
      w[2 * i + 1] = lo | 0;
    }
    const h = this.h;
    let ah = h[0], al = h[1], bh = h[2], bl = h[3], ch = h[4], cl = h[5], dh = h[6], dl = h[7];
    let eh = h[8], el = h[9], fh = h[10], fl = h[11], gh = h[12], gl = h[13], hh = h[14], hl = h[15];
    for (let i = 0; i < 80; i++) {
      // Σ1(e) = rotr14 ^ rotr18 ^ rotr41
      const S1h = ((eh >>> 14) | (el << 18)) ^ ((eh >>> 18) | (el << 14)) ^ ((el >>> 9) | (eh << 23));
      const S1l = ((el >>> 14) | (eh << 18)) ^ ((el >>> 18) | (eh << 14)) ^ ((eh >>> 9) | (el << 23));
      const chh = (eh & fh) ^ (~eh & gh);
      const chl = (el & fl) ^ (~el & gl);
      const t1l = (hl >>> 0) + (S1l >>> 0) + (chl >>> 0) + (K512[2 * i + 1] >>> 0) + (W2[2 * i + 1] >>> 0);
      const t1h = (hh + S1h + chh + K512[2 * i] + W2[2 * i] + Math.floor(t1l / TWO32)) | 0;
      // Σ0(a) = rotr28 ^ rotr34 ^ rotr39
      const S0h = ((ah >>> 28) | (al << 4)) ^ ((al >>> 2) | (ah << 30)) ^ ((al >>> 7) | (ah << 25));
      const S0l = ((al >>> 28) | (ah << 4)) ^ ((ah >>> 2) | (al << 30)) ^ ((ah >>> 7) | (al << 25));
      const mjh = (ah & bh) ^ (ah & ch) ^ (bh & ch);
      const mjl = (al & bl) ^ (al & cl) ^ (bl & cl);
      const t2l = (S0l >>> 0) + (mjl >>> 0);
      const t2h = (S0h + mjh + Math.floor(t2l / TWO32)) | 0;
      hh = gh;
      hl = gl;
      gh = fh;
      gl = fl;
      fh = eh;
      fl = el;
      const el2 = (dl >>> 0) + (t1l >>> 0);
      eh = (dh + t1h + Math.floor(el2 / TWO32)) | 0;
      el = el2 | 0;
      dh = ch;
      dl = cl;
      ch = bh;
      cl = bl;
      bh = ah;
      bl = al;
      const al2 = (t1l >>> 0) + (t2l >>> 0);
      ah = (t1h + t2h + Math.floor(al2 / TWO32)) | 0;
      al = al2 | 0;
    }
    const add = (i: number, xh: number, xl: number): void => {
      const lo = (h[i + 1] >>> 0) + (xl >>> 0);
      h[i] = (h[i] + xh + Math.floor(lo / TWO32)) | 0;
      h[i + 1] = lo | 0;
    };
    add(0, ah, al);
    add(2, bh, bl);
    add(4, ch, cl);
    add(6, dh, dl);
    add(8, eh, el);
    add(10, fh, fl);
    add(12, gh, gl);
    add(14, hh, hl);
  }
  protected output(): Uint8Array {
    return wordsBE(this.h, this.outLen);
  }
  protected fresh(): Sha512 {
    return new Sha512(this.outLen);
  }
  protected copyState(to: Sha512): void {
    to.h.set(this.h);
  }
}

export const SHA224Type = newHashType("_sha2.SHA224Type");
export const SHA256Type = newHashType("_sha2.SHA256Type");
export const SHA384Type = newHashType("_sha2.SHA384Type");
export const SHA512Type = newHashType("_sha2.SHA512Type");
defineHashType(SHA224Type, { name: "sha224", digestSize: 28, blockSize: 64 });
defineHashType(SHA256Type, { name: "sha256", digestSize: 32, blockSize: 64 });
defineHashType(SHA384Type, { name: "sha384", digestSize: 48, blockSize: 128 });
defineHashType(SHA512Type, { name: "sha512", digestSize: 64, blockSize: 128 });

export function initSha2(): PyModule {
  const m = new PyModule("_sha2");
  const parsers = new Map<string, ArgParser>();
  const d = m.dict;
  d.setStr("SHA224Type", SHA224Type);
  d.setStr("SHA256Type", SHA256Type);
  d.setStr("SHA384Type", SHA384Type);
  d.setStr("SHA512Type", SHA512Type);
  d.setStr("_GIL_MINSIZE", 2048);
  const def = (name: string, type: PyTypeObject, make: () => HashEngine): void => {
    d.setStr(
      name,
      newBuiltinFunction(name, (_s, args, start, nargs, kw) => {
        const h = new PyHash(type, make(), -1);
        const data = parseHashCtor(parsers, name, args, start, nargs, kw);
        if (data !== null) h.engine.update(data);
        return h;
      }, "_sha2"),
    );
  };
  def("sha224", SHA224Type, () => new Sha256(28));
  def("sha256", SHA256Type, () => new Sha256(32));
  def("sha384", SHA384Type, () => new Sha512(48));
  def("sha512", SHA512Type, () => new Sha512(64));
  return m;
}
