// BLAKE2b and BLAKE2s (RFC 7693) with the full parameter block (tree hashing fields, salt,
// personalization), in TypeScript. BLAKE2b's 64-bit words are (low, high) 32-bit pairs.
import type { HashEngine } from "./hashlib.js";
import { IV256, IV512 } from "./sha2module.js";

const SIGMA = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
  [14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3],
  [11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4],
  [7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8],
  [9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13],
  [2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9],
  [12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11],
  [13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10],
  [6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5],
  [10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0],
];
const SIGMA_FLAT = Uint8Array.from(SIGMA.flat());

// BLAKE2b's IV is SHA-512's, as (low, high) pairs; BLAKE2s's is SHA-256's
const IVB = new Int32Array(16);
for (let i = 0; i < 8; i++) {
  IVB[2 * i] = IV512[2 * i + 1];
  IVB[2 * i + 1] = IV512[2 * i];
}
const IVS = IV256;

/** The tree-hashing parameters (both variants). */
export interface Blake2Params {
  digestSize: number;
  key: Uint8Array;
  salt: Uint8Array;
  person: Uint8Array;
  fanout: number;
  depth: number;
  leafSize: number;
  nodeOffset: bigint;
  nodeDepth: number;
  innerSize: number;
  lastNode: boolean;
}

const VB = new Int32Array(32);
const MB = new Int32Array(32);
const VS = new Int32Array(16);
const MS = new Int32Array(16);

function gb(v: Int32Array, m: Int32Array, a: number, b: number, c: number, d: number, x: number, y: number): void {
  // a = a + b + m[x]
  let lo = (v[a] >>> 0) + (v[b] >>> 0) + (m[x] >>> 0);
  v[a + 1] = (v[a + 1] + v[b + 1] + m[x + 1] + Math.floor(lo / 4294967296)) | 0;
  v[a] = lo | 0;
  // d = rotr32(d ^ a)
  let xl = v[d] ^ v[a];
  let xh = v[d + 1] ^ v[a + 1];
  v[d] = xh;
  v[d + 1] = xl;
  // c = c + d
  lo = (v[c] >>> 0) + (v[d] >>> 0);
  v[c + 1] = (v[c + 1] + v[d + 1] + Math.floor(lo / 4294967296)) | 0;
  v[c] = lo | 0;
  // b = rotr24(b ^ c)
  xl = v[b] ^ v[c];
  xh = v[b + 1] ^ v[c + 1];
  v[b] = (xl >>> 24) | (xh << 8);
  v[b + 1] = (xh >>> 24) | (xl << 8);
  // a = a + b + m[y]
  lo = (v[a] >>> 0) + (v[b] >>> 0) + (m[y] >>> 0);
  v[a + 1] = (v[a + 1] + v[b + 1] + m[y + 1] + Math.floor(lo / 4294967296)) | 0;
  v[a] = lo | 0;
  // d = rotr16(d ^ a)
  xl = v[d] ^ v[a];
  xh = v[d + 1] ^ v[a + 1];
  v[d] = (xl >>> 16) | (xh << 16);
  v[d + 1] = (xh >>> 16) | (xl << 16);
  // c = c + d
  lo = (v[c] >>> 0) + (v[d] >>> 0);
  v[c + 1] = (v[c + 1] + v[d + 1] + Math.floor(lo / 4294967296)) | 0;
  v[c] = lo | 0;
  // b = rotr63(b ^ c) = rotl1
  xl = v[b] ^ v[c];
  xh = v[b + 1] ^ v[c + 1];
  v[b] = (xl << 1) | (xh >>> 31);
  v[b + 1] = (xh << 1) | (xl >>> 31);
}

function gs(v: Int32Array, a: number, b: number, c: number, d: number, x: number, y: number): void {
  let t: number;
  v[a] = (v[a] + v[b] + x) | 0;
  t = v[d] ^ v[a];
  v[d] = (t >>> 16) | (t << 16);
  v[c] = (v[c] + v[d]) | 0;
  t = v[b] ^ v[c];
  v[b] = (t >>> 12) | (t << 20);
  v[a] = (v[a] + v[b] + y) | 0;
  t = v[d] ^ v[a];
  v[d] = (t >>> 8) | (t << 24);
  v[c] = (v[c] + v[d]) | 0;
  t = v[b] ^ v[c];
  v[b] = (t >>> 7) | (t << 25);
}

export class Blake2 implements HashEngine {
  private readonly h: Int32Array;
  private readonly buf: Uint8Array;
  private used = 0;
  /** Bytes compressed so far (exact below 2**53). */
  private t = 0;

  constructor(
    /** true: BLAKE2b (128-byte blocks); false: BLAKE2s (64-byte blocks). */
    readonly big: boolean,
    readonly outLen: number,
    private readonly lastNode: boolean,
    init: Int32Array | null,
  ) {
    this.buf = new Uint8Array(big ? 128 : 64);
    this.h = init === null ? new Int32Array(big ? 16 : 8) : init.slice();
  }

  static create(big: boolean, p: Blake2Params): Blake2 {
    // the parameter block, XORed into the IV
    const pb = new Uint8Array(big ? 64 : 32);
    pb[0] = p.digestSize;
    pb[1] = p.key.length;
    pb[2] = p.fanout;
    pb[3] = p.depth;
    for (let i = 0; i < 4; i++) pb[4 + i] = (p.leafSize >>> (8 * i)) & 0xff;
    const offLen = big ? 8 : 6;
    for (let i = 0; i < offLen; i++) pb[8 + i] = Number((p.nodeOffset >> BigInt(8 * i)) & 0xffn);
    pb[8 + offLen] = p.nodeDepth;
    pb[9 + offLen] = p.innerSize;
    const saltAt = big ? 32 : 16;
    pb.set(p.salt, saltAt);
    pb.set(p.person, saltAt + (big ? 16 : 8));
    const iv = big ? IVB : IVS;
    const h = new Int32Array(iv.length);
    for (let i = 0; i < iv.length; i++) {
      const q = 4 * i;
      h[i] = iv[i] ^ (pb[q] | (pb[q + 1] << 8) | (pb[q + 2] << 16) | (pb[q + 3] << 24));
    }
    const e = new Blake2(big, p.digestSize, p.lastNode, h);
    if (p.key.length) {
      const block = new Uint8Array(e.buf.length);
      block.set(p.key);
      e.update(block);
    }
    return e;
  }

  private compress(d: Uint8Array, off: number, last: boolean): void {
    const h = this.h;
    if (this.big) {
      const v = VB;
      const m = MB;
      for (let i = 0; i < 32; i++) {
        const p = off + 4 * i;
        m[i] = d[p] | (d[p + 1] << 8) | (d[p + 2] << 16) | (d[p + 3] << 24);
      }
      v.set(h, 0);
      v.set(IVB, 16);
      v[24] ^= this.t >>> 0;
      v[25] ^= Math.floor(this.t / 4294967296);
      if (last) {
        v[28] = ~v[28];
        v[29] = ~v[29];
        if (this.lastNode) {
          v[30] = ~v[30];
          v[31] = ~v[31];
        }
      }
      for (let r = 0; r < 12; r++) {
        const s = (r % 10) * 16;
        const S = SIGMA_FLAT;
        gb(v, m, 0, 8, 16, 24, 2 * S[s], 2 * S[s + 1]);
        gb(v, m, 2, 10, 18, 26, 2 * S[s + 2], 2 * S[s + 3]);
        gb(v, m, 4, 12, 20, 28, 2 * S[s + 4], 2 * S[s + 5]);
        gb(v, m, 6, 14, 22, 30, 2 * S[s + 6], 2 * S[s + 7]);
        gb(v, m, 0, 10, 20, 30, 2 * S[s + 8], 2 * S[s + 9]);
        gb(v, m, 2, 12, 22, 24, 2 * S[s + 10], 2 * S[s + 11]);
        gb(v, m, 4, 14, 16, 26, 2 * S[s + 12], 2 * S[s + 13]);
        gb(v, m, 6, 8, 18, 28, 2 * S[s + 14], 2 * S[s + 15]);
      }
      for (let i = 0; i < 16; i++) h[i] ^= v[i] ^ v[i + 16];
    } else {
      const v = VS;
      const m = MS;
      for (let i = 0; i < 16; i++) {
        const p = off + 4 * i;
        m[i] = d[p] | (d[p + 1] << 8) | (d[p + 2] << 16) | (d[p + 3] << 24);
      }
      v.set(h, 0);
      v.set(IVS, 8);
      v[12] ^= this.t >>> 0;
      v[13] ^= Math.floor(this.t / 4294967296);
      if (last) {
        v[14] = ~v[14];
        if (this.lastNode) v[15] = ~v[15];
      }
      for (let r = 0; r < 10; r++) {
        const s = r * 16;
        const S = SIGMA_FLAT;
        gs(v, 0, 4, 8, 12, m[S[s]], m[S[s + 1]]);
        gs(v, 1, 5, 9, 13, m[S[s + 2]], m[S[s + 3]]);
        gs(v, 2, 6, 10, 14, m[S[s + 4]], m[S[s + 5]]);
        gs(v, 3, 7, 11, 15, m[S[s + 6]], m[S[s + 7]]);
        gs(v, 0, 5, 10, 15, m[S[s + 8]], m[S[s + 9]]);
        gs(v, 1, 6, 11, 12, m[S[s + 10]], m[S[s + 11]]);
        gs(v, 2, 7, 8, 13, m[S[s + 12]], m[S[s + 13]]);
        gs(v, 3, 4, 9, 14, m[S[s + 14]], m[S[s + 15]]);
      }
      for (let i = 0; i < 8; i++) h[i] ^= v[i] ^ v[i + 8];
    }
  }

  update(data: Uint8Array): void {
    const bl = this.buf.length;
    const n = data.length;
    let off = 0;
    // a full buffer is compressed only once more data follows (the last block is special)
    while (off < n) {
      if (this.used === bl) {
        this.t += bl;
        this.compress(this.buf, 0, false);
        this.used = 0;
      }
      if (this.used === 0) {
        while (n - off > bl) {
          this.t += bl;
          this.compress(data, off, false);
          off += bl;
        }
      }
      const take = Math.min(bl - this.used, n - off);
      this.buf.set(data.subarray(off, off + take), this.used);
      this.used += take;
      off += take;
    }
  }

  clone(): Blake2 {
    const c = new Blake2(this.big, this.outLen, this.lastNode, this.h);
    c.buf.set(this.buf);
    c.used = this.used;
    c.t = this.t;
    return c;
  }

  digest(): Uint8Array {
    const c = this.clone();
    c.buf.fill(0, c.used);
    c.t += c.used;
    c.compress(c.buf, 0, true);
    const out = new Uint8Array(this.outLen);
    for (let i = 0; i < this.outLen; i++) out[i] = (c.h[i >> 2] >>> (8 * (i & 3))) & 0xff;
    return out;
  }
}
