// CPython: Modules/md5module.c (over HACL*) — MD5 (RFC 1321), here in TypeScript.
import { PyModule } from "../objects/moduleobject.js";
import { newBuiltinFunction } from "../objects/methodobject.js";
import { BlockHash } from "./hash_md.js";
import { PyHash, defineHashType, newHashType, parseHashCtor } from "./hashlib.js";
import type { ArgParser } from "../python/getargs.js";

const S = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
const K = new Int32Array(64);
for (let i = 0; i < 64; i++) K[i] = Math.floor(Math.abs(Math.sin(i + 1)) * 4294967296) | 0;
const M = new Int32Array(16);

export class Md5 extends BlockHash {
  private readonly h = Int32Array.of(0x67452301, 0xefcdab89 | 0, 0x98badcfe | 0, 0x10325476);
  constructor() {
    super(64, 8, true);
  }
  protected compress(d: Uint8Array, off: number): void {
    for (let i = 0; i < 16; i++) {
      const p = off + 4 * i;
      M[i] = d[p] | (d[p + 1] << 8) | (d[p + 2] << 16) | (d[p + 3] << 24);
    }
    const h = this.h;
    let a = h[0], b = h[1], c = h[2], e = h[3];
    for (let i = 0; i < 64; i++) {
      let f: number, g: number;
      if (i < 16) {
        f = (b & c) | (~b & e);
        g = i;
      } else if (i < 32) {
        f = (e & b) | (~e & c);
        g = (5 * i + 1) & 15;
      } else if (i < 48) {
        f = b ^ c ^ e;
        g = (3 * i + 5) & 15;
      } else {
        f = c ^ (b | ~e);
        g = (7 * i) & 15;
      }
      const t = e;
      e = c;
      c = b;
      const x = (a + f + K[i] + M[g]) | 0;
      const s = S[((i >> 4) << 2) | (i & 3)];
      b = (b + ((x << s) | (x >>> (32 - s)))) | 0;
      a = t;
    }
    h[0] = (h[0] + a) | 0;
    h[1] = (h[1] + b) | 0;
    h[2] = (h[2] + c) | 0;
    h[3] = (h[3] + e) | 0;
  }
  protected output(): Uint8Array {
    const out = new Uint8Array(16);
    for (let i = 0; i < 16; i++) out[i] = (this.h[i >> 2] >>> (8 * (i & 3))) & 0xff;
    return out;
  }
  protected fresh(): Md5 {
    return new Md5();
  }
  protected copyState(to: Md5): void {
    to.h.set(this.h);
  }
}

export const MD5Type = newHashType("_md5.md5");
defineHashType(MD5Type, { name: "md5", digestSize: 16, blockSize: 64 });

export function initMd5(): PyModule {
  const m = new PyModule("_md5");
  const parsers = new Map<string, ArgParser>();
  m.dict.setStr("MD5Type", MD5Type);
  m.dict.setStr("_GIL_MINSIZE", 2048);
  m.dict.setStr(
    "md5",
    newBuiltinFunction("md5", (_s, args, start, nargs, kw) => {
      const h = new PyHash(MD5Type, new Md5(), -1);
      const data = parseHashCtor(parsers, "md5", args, start, nargs, kw);
      if (data !== null) h.engine.update(data);
      return h;
    }, "_md5"),
  );
  return m;
}
