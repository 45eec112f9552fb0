// CPython: Modules/sha3module.c (over HACL*) — SHA3-224/256/384/512 and SHAKE128/256 (FIPS 202),
// here in TypeScript. The 1600-bit Keccak state is 50 little-endian 32-bit words, lane k being
// (low, high) = (s[2k], s[2k+1]), so byte i of the state is byte i & 3 of word i >> 2.
import { PyModule } from "../objects/moduleobject.js";
import type { PyObject, PyTypeObject } from "../objects/object.js";
import { PyBytes } from "../objects/bytesobject.js";
import { PyHash, defineHashType, newHashType, parseHashCtor, type HashEngine } from "./hashlib.js";
import type { ArgParser } from "../python/getargs.js";

const ROTC = [1, 3, 6, 10, 15, 21, 28, 36, 45, 55, 2, 14, 27, 41, 56, 8, 25, 43, 62, 18, 39, 61, 20, 44];
const PILN = [10, 7, 11, 17, 18, 3, 5, 16, 8, 21, 24, 4, 15, 23, 19, 13, 12, 2, 20, 14, 22, 9, 6, 1];
// round constants from the LFSR of FIPS 202 (rc(t)), as (low, high) words
const RC = new Int32Array(48);
{
  let r = 1;
  const bit = (): number => {
    const b = r & 1;
    r = r & 0x80 ? ((r << 1) ^ 0x71) & 0xff : (r << 1) & 0xff;
    return b;
  };
  for (let i = 0; i < 24; i++) {
    for (let j = 0; j < 7; j++) {
      if (bit()) {
        const pos = (1 << j) - 1;
        if (pos < 32) RC[2 * i] |= 1 << pos;
        else RC[2 * i + 1] |= 1 << (pos - 32);
      }
    }
  }
}
const BC = new Int32Array(10);

function keccakF(s: Int32Array): void {
  const bc = BC;
  for (let round = 0; round < 24; round++) {
    // θ
    for (let i = 0; i < 10; i++) bc[i] = s[i] ^ s[i + 10] ^ s[i + 20] ^ s[i + 30] ^ s[i + 40];
    for (let i = 0; i < 5; i++) {
      const p = 2 * ((i + 4) % 5);
      const q = 2 * ((i + 1) % 5);
      const tl = bc[p] ^ ((bc[q] << 1) | (bc[q + 1] >>> 31));
      const th = bc[p + 1] ^ ((bc[q + 1] << 1) | (bc[q] >>> 31));
      for (let j = 0; j < 50; j += 10) {
        s[j + 2 * i] ^= tl;
        s[j + 2 * i + 1] ^= th;
      }
    }
    // ρ and π
    let tl = s[2];
    let th = s[3];
    for (let i = 0; i < 24; i++) {
      const j = 2 * PILN[i];
      const bl = s[j];
      const bh = s[j + 1];
      const n = ROTC[i];
      if (n < 32) {
        s[j] = (tl << n) | (th >>> (32 - n));
        s[j + 1] = (th << n) | (tl >>> (32 - n));
      } else {
        const m = n - 32;
        s[j] = m === 0 ? th : (th << m) | (tl >>> (32 - m));
        s[j + 1] = m === 0 ? tl : (tl << m) | (th >>> (32 - m));
      }
      tl = bl;
      th = bh;
    }
    // χ
    for (let j = 0; j < 50; j += 10) {
      for (let i = 0; i < 10; i++) bc[i] = s[j + i];
      for (let i = 0; i < 5; i++) {
        const a = 2 * ((i + 1) % 5);
        const b = 2 * ((i + 2) % 5);
        s[j + 2 * i] ^= ~bc[a] & bc[b];
        s[j + 2 * i + 1] ^= ~bc[a + 1] & bc[b + 1];
      }
    }
    // ι
    s[0] ^= RC[2 * round];
    s[1] ^= RC[2 * round + 1];
  }
}

export class Keccak implements HashEngine {
  private readonly s = new Int32Array(50);
  private pos = 0;
  constructor(
    /** Rate in bytes. */
    readonly rate: number,
    /** Domain-separation suffix: 0x06 for SHA-3, 0x1f for SHAKE. */
    readonly suffix: number,
    /** Digest length for SHA-3 (0 for SHAKE). */
    readonly outLen: number,
  ) {}

  update(data: Uint8Array): void {
    const s = this.s;
    const rate = this.rate;
    let pos = this.pos;
    const n = data.length;
    let i = 0;
    while (i < n) {
      if (pos === 0 && n - i >= rate) {
        // whole blocks, a word at a time
        for (let w = 0; w < rate >> 2; w++, i += 4) s[w] ^= data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24);
        keccakF(s);
        continue;
      }
      s[pos >> 2] ^= data[i++] << (8 * (pos & 3));
      if (++pos === rate) {
        keccakF(s);
        pos = 0;
      }
    }
    this.pos = pos;
  }

  clone(): Keccak {
    const c = new Keccak(this.rate, this.suffix, this.outLen);
    c.s.set(this.s);
    c.pos = this.pos;
    return c;
  }

  /** `len` bytes of output, from a finished copy of the state. */
  squeeze(len: number): Uint8Array {
    const s = this.s.slice();
    s[this.pos >> 2] ^= this.suffix << (8 * (this.pos & 3));
    const last = this.rate - 1;
    s[last >> 2] ^= 0x80 << (8 * (last & 3));
    keccakF(s);
    const out = new Uint8Array(len);
    let o = 0;
    for (;;) {
      for (let b = 0; b < this.rate && o < len; b++) out[o++] = (s[b >> 2] >>> (8 * (b & 3))) & 0xff;
      if (o >= len) return out;
      keccakF(s);
    }
  }

  digest(): Uint8Array {
    return this.squeeze(this.outLen);
  }
}

interface Sha3Kind {
  name: string;
  rate: number;
  suffix: number;
  outLen: number;
}
const KINDS: Sha3Kind[] = [
  { name: "sha3_224", rate: 144, suffix: 0x06, outLen: 28 },
  { name: "sha3_256", rate: 136, suffix: 0x06, outLen: 32 },
  { name: "sha3_384", rate: 104, suffix: 0x06, outLen: 48 },
  { name: "sha3_512", rate: 72, suffix: 0x06, outLen: 64 },
  { name: "shake_128", rate: 168, suffix: 0x1f, outLen: 0 },
  { name: "shake_256", rate: 136, suffix: 0x1f, outLen: 0 },
];

const parsers = new Map<string, ArgParser>();
export const SHA3_TYPES = new Map<string, PyTypeObject>();
for (const k of KINDS) {
  const t = newHashType(`_sha3.${k.name}`);
  const xof = k.outLen === 0 ? (e: HashEngine, n: number) => (e as Keccak).squeeze(n) : null;
  defineHashType(t, { name: k.name, digestSize: k.outLen, blockSize: k.rate }, xof);
  t.tp_new = (type, args, start, nargs, kw) => {
    const h = new PyHash(type, new Keccak(k.rate, k.suffix, k.outLen), -1);
    const data = parseHashCtor(parsers, k.name, args, start, nargs, kw);
    if (data !== null) h.engine.update(data);
    return h;
  };
  const getset = t.tp_getset ?? [];
  getset.push(
    { name: "_capacity_bits", get: () => 1600 - 8 * k.rate },
    { name: "_rate_bits", get: () => 8 * k.rate },
    { name: "_suffix", get: (): PyObject => new PyBytes(Uint8Array.of(k.suffix === 0x06 ? 0x06 : 0x1f)) },
  );
  t.tp_getset = getset;
  SHA3_TYPES.set(k.name, t);
}

export function initSha3(): PyModule {
  const m = new PyModule("_sha3");
  for (const [name, t] of SHA3_TYPES) m.dict.setStr(name, t);
  m.dict.setStr("implementation", "HACL");
  m.dict.setStr("_GIL_MINSIZE", 2048);
  return m;
}
