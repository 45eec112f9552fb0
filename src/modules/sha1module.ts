// CPython: Modules/sha1module.c (over HACL*) — SHA-1 (FIPS 180-4), here in TypeScript.
import { PyModule } from "../objects/moduleobject.js";
import { newBuiltinFunction } from "../objects/methodobject.js";
import { BlockHash, wordsBE } from "./hash_md.js";
import { PyHash, defineHashType, newHashType, parseHashCtor } from "./hashlib.js";
import type { ArgParser } from "../python/getargs.js";

const W = new Int32Array(80);

export class Sha1 extends BlockHash {
  private readonly h = Int32Array.of(0x67452301, 0xefcdab89 | 0, 0x98badcfe | 0, 0x10325476, 0xc3d2e1f0 | 0);
  constructor() {
    super(64, 8, false);
  }
  protected compress(d: Uint8Array, off: number): void {
    for (let i = 0; i < 16; i++) {
      const p = off + 4 * i;
      W[i] = (d[p] << 24) | (d[p + 1] << 16) | (d[p + 2] << 8) | d[p + 3];
    }
    for (let i = 16; i < 80; i++) {
      const x = W[i - 3] ^ W[i - 8] ^ W[i - 14] ^ W[i - 16];
      W[i] = (x << 1) | (x >>> 31);
    }
    const h = this.h;
    let a = h[0], b = h[1], c = h[2], e = h[3], f = h[4];
    for (let i = 0; i < 80; i++) {
      let fn: number, k: number;
      if (i < 20) {
        fn = (b & c) | (~b & e);
        k = 0x5a827999;
      } else if (i < 40) {
        fn = b ^ c ^ e;
        k = 0x6ed9eba1;
      } else if (i < 60) {
        fn = (b & c) | (b & e) | (c & e);
        k = 0x8f1bbcdc | 0;
      } else {
        fn = b ^ c ^ e;
        k = 0xca62c1d6 | 0;
      }
      const t = (((a << 5) | (a >>> 27)) + fn + f + k + W[i]) | 0;
      f = e;
      e = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = t;
    }
    h[0] = (h[0] + a) | 0;
    h[1] = (h[1] + b) | 0;
    h[2] = (h[2] + c) | 0;
    h[3] = (h[3] + e) | 0;
    h[4] = (h[4] + f) | 0;
  }
  protected output(): Uint8Array {
    return wordsBE(this.h, 20);
  }
  protected fresh(): Sha1 {
    return new Sha1();
  }
  protected copyState(to: Sha1): void {
    to.h.set(this.h);
  }
}

export const SHA1Type = newHashType("_sha1.sha1");
defineHashType(SHA1Type, { name: "sha1", digestSize: 20, blockSize: 64 });

export function initSha1(): PyModule {
  const m = new PyModule("_sha1");
  const parsers = new Map<string, ArgParser>();
  m.dict.setStr("SHA1Type", SHA1Type);
  m.dict.setStr("_GIL_MINSIZE", 2048);
  m.dict.setStr(
    "sha1",
    newBuiltinFunction("sha1", (_s, args, start, nargs, kw) => {
      const h = new PyHash(SHA1Type, new Sha1(), -1);
      const data = parseHashCtor(parsers, "sha1", args, start, nargs, kw);
      if (data !== null) h.engine.update(data);
      return h;
    }, "_sha1"),
  );
  return m;
}
