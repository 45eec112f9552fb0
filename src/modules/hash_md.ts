// The Merkle–Damgård framing shared by MD5, SHA-1 and SHA-2: block buffering, and the final
// padding (0x80, zeros, then the message length in bits).
import type { HashEngine } from "./hashlib.js";

export abstract class BlockHash implements HashEngine {
  protected readonly buf: Uint8Array;
  protected used = 0;
  /** Bytes absorbed so far (exact below 2**53). */
  protected total = 0;

  constructor(
    readonly blockLen: number,
    /** Width of the length field: 8 bytes (MD5, SHA-1, SHA-256) or 16 (SHA-512). */
    private readonly lenBytes: number,
    private readonly littleEndian: boolean,
  ) {
    this.buf = new Uint8Array(blockLen);
  }

  /** Mixes one block, at data[off..off+blockLen), into the state. */
  protected abstract compress(data: Uint8Array, off: number): void;
  /** The digest bytes of the current state. */
  protected abstract output(): Uint8Array;
  protected abstract fresh(): BlockHash;
  /** Copies the chaining state into `to`. */
  protected abstract copyState(to: this): void;

  update(data: Uint8Array): void {
    const bl = this.blockLen;
    let off = 0;
    const n = data.length;
    this.total += n;
    if (this.used) {
      const take = Math.min(bl - this.used, n);
      this.buf.set(data.subarray(0, take), this.used);
      this.used += take;
      off = take;
      if (this.used < bl) return;
      this.compress(this.buf, 0);
      this.used = 0;
    }
    for (; off + bl <= n; off += bl) this.compress(data, off);
    if (off < n) {
      this.buf.set(data.subarray(off), 0);
      this.used = n - off;
    }
  }

  clone(): this {
    const c = this.fresh() as this;
    c.buf.set(this.buf);
    c.used = this.used;
    c.total = this.total;
    this.copyState(c);
    return c;
  }

  digest(): Uint8Array {
    const c = this.clone();
    const bl = this.blockLen;
    const bits = c.total * 8;
    const pad = new Uint8Array(((c.used + 1 + this.lenBytes + bl - 1) / bl | 0) * bl - c.used);
    pad[0] = 0x80;
    // the bit length, at most 2**56 here: written as two 32-bit halves
    const hi = Math.floor(bits / 4294967296);
    const lo = bits >>> 0;
    const L = pad.length;
    if (this.littleEndian) {
      const p = L - this.lenBytes;
      pad[p] = lo & 0xff;
      pad[p + 1] = (lo >>> 8) & 0xff;
      pad[p + 2] = (lo >>> 16) & 0xff;
      pad[p + 3] = lo >>> 24;
      pad[p + 4] = hi & 0xff;
      pad[p + 5] = (hi >>> 8) & 0xff;
      pad[p + 6] = (hi >>> 16) & 0xff;
      pad[p + 7] = hi >>> 24;
    } else {
      pad[L - 1] = lo & 0xff;
      pad[L - 2] = (lo >>> 8) & 0xff;
      pad[L - 3] = (lo >>> 16) & 0xff;
      pad[L - 4] = lo >>> 24;
      pad[L - 5] = hi & 0xff;
      pad[L - 6] = (hi >>> 8) & 0xff;
      pad[L - 7] = (hi >>> 16) & 0xff;
      pad[L - 8] = hi >>> 24;
    }
    const t = c.total;
    c.update(pad);
    c.total = t;
    return c.output();
  }
}

/** Big-endian bytes of 32-bit words (the first `n` bytes). */
export function wordsBE(w: Int32Array | Uint32Array, n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = (w[i >> 2] >>> (24 - 8 * (i & 3))) & 0xff;
  return out;
}
