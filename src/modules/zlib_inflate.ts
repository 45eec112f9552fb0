// Incremental inflation for zlibmodule.ts, with zlib's container handling (CPython passes wbits
// straight to inflateInit2). zlib and raw streams go to one native inflate stream; gzip members
// ("wbits" 16..31, or detected when 32..47) are parsed here around a raw inflate stream, because
// Node's gunzip mode silently continues into a following member where zlib stops (CPython reports
// the rest as unused_data). The header and trailer checks give zlib's messages.
import { crc32 } from "./binascii.js";
import {
  ZStream, ZlibFailure, MODE_INFLATE, MODE_INFLATERAW, Z_SYNC_FLUSH, Z_FINISH, Z_BUF_ERROR, Z_DATA_ERROR, Z_NEED_DICT,
} from "./zlib_stream.js";

const CHUNK = 64 * 1024;
const scratch = new Uint8Array(CHUNK + 1);

/** Whether inflateInit2 accepts these window bits. */
export function validInflateWbits(w: number): boolean {
  return (w >= -15 && w <= -8) || w === 0 || (w >= 8 && w <= 15) || w === 16 || (w >= 24 && w <= 31) || w === 32 || (w >= 40 && w <= 47);
}

const enum Phase { Detect, Body, Header, Trailer, Done }
// gzip header stages, in order
const enum H { Magic, Method, Rest, ExtraLen, Extra, Name, Comment, Hcrc }
const FHCRC = 0x02;
const FEXTRA = 0x04;
const FNAME = 0x08;
const FCOMMENT = 0x10;

/** Output of one decompress step. */
export interface InflateResult {
  out: Uint8Array;
  /** Bytes of the given input consumed (the rest is unconsumed, or unused when eof). */
  consumed: number;
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

export class Inflater {
  private phase: Phase;
  private stream: ZStream | null = null;
  private gzip = false;
  private pending: Uint8Array | null = null;
  // gzip member state
  private hstage = H.Magic;
  private hbuf: number[] = [];
  private hbytes: number[] = [];
  private flags = 0;
  private xlen = 0;
  private crc = 0;
  private isize = 0;
  /**
   * One byte of output already produced but beyond the caller's max_length: asking inflate for
   * one byte more than allowed tells "output limit reached" from "stream ended exactly there".
   */
  private held = -1;
  eof = false;

  /** `wbits` must satisfy validInflateWbits; `zdict` is null when not given. */
  constructor(
    readonly wbits: number,
    readonly zdict: Uint8Array | null,
  ) {
    if (wbits < 0) {
      this.stream = this.open(MODE_INFLATERAW, -wbits, zdict);
      this.phase = Phase.Body;
    } else if (wbits < 16) {
      this.stream = this.open(MODE_INFLATE, wbits, zdict);
      this.phase = Phase.Body;
    } else if (wbits < 32) {
      this.startGzip();
      this.phase = Phase.Header;
    } else {
      this.phase = Phase.Detect;
    }
  }

  private open(mode: number, bits: number, dict: Uint8Array | null): ZStream {
    // Node takes a dictionary only when non-empty; an empty zdict still counts as given
    const d = dict !== null && dict.length > 0 ? dict : null;
    return new ZStream({ mode, windowBits: bits, level: -1, memLevel: 8, strategy: 0, dict: d });
  }

  private startGzip(): void {
    this.gzip = true;
    this.hstage = H.Magic;
    this.hbuf = [];
    this.hbytes = [];
    this.crc = 0;
    this.isize = 0;
  }

  /** A copy in the same state (CPython: inflateCopy). */
  copy(): Inflater {
    const c = Object.create(Inflater.prototype) as Inflater;
    Object.assign(c, this);
    c.stream = this.stream === null || this.stream.closed ? this.stream : this.stream.copy();
    c.hbuf = this.hbuf.slice();
    c.hbytes = this.hbytes.slice();
    return c;
  }

  get copyable(): boolean {
    return this.stream === null || this.stream.copyable || this.stream.closed;
  }

  close(): void {
    if (this.stream !== null) this.stream.close();
  }

  /**
   * Inflates as much of `input` as possible, producing at most `maxOut` bytes (Infinity for no
   * limit). Throws ZlibFailure on corrupt data.
   */
  decompress(data: Uint8Array, maxOut: number): InflateResult {
    let input = data;
    let base = 0;
    if (this.pending !== null) {
      base = this.pending.length;
      input = new Uint8Array(base + data.length);
      input.set(this.pending);
      input.set(data, base);
      this.pending = null;
    }
    const chunks: Uint8Array[] = [];
    let total = 0;
    if (this.held >= 0 && maxOut > 0) {
      chunks.push(Uint8Array.of(this.held));
      total = 1;
      this.held = -1;
    }
    let off = 0;
    const n = input.length;
    outer: for (;;) {
      switch (this.phase) {
        case Phase.Detect: {
          if (n - off < 2 && !(n - off === 1 && input[off] !== 0x1f)) {
            if (n - off === 1) this.pending = input.slice(off);
            off = n;
            break outer;
          }
          const bits = this.wbits & 15;
          if (input[off] === 0x1f && input[off + 1] === 0x8b) {
            this.startGzip();
            this.phase = Phase.Header;
          } else {
            this.stream = this.open(MODE_INFLATE, bits, this.zdict);
            this.phase = Phase.Body;
          }
          continue;
        }
        case Phase.Header:
          off = this.header(input, off);
          if (this.phase === Phase.Header) break outer;
          continue;
        case Phase.Body: {
          const s = this.stream as ZStream;
          let ended = false;
          for (;;) {
            const room = maxOut - total;
            if (room <= 0) break outer;
            const outLen = room <= CHUNK ? room + 1 : CHUNK;
            const inLen = n - off;
            const err = s.write(Z_SYNC_FLUSH, inLen ? input : null, off, inLen, scratch, outLen);
            if (err !== 0) throw this.failure(err, s);
            const produced = outLen - s.availOut;
            off += inLen - s.availIn;
            if (produced) {
              const piece = scratch.slice(0, produced);
              if (this.gzip) {
                this.crc = crc32(piece, this.crc);
                this.isize = (this.isize + produced) >>> 0;
              }
              if (produced > room) {
                this.held = piece[room];
                chunks.push(piece.subarray(0, room));
                total += room;
                break outer;
              }
              chunks.push(piece);
              total += produced;
            }
            if (s.availOut === 0) continue;
            if (s.availIn > 0) {
              ended = true;
            } else {
              // all input taken and output room left: probe with Z_FINISH and no input, which
              // succeeds (Z_STREAM_END) only at the end of the stream and changes nothing otherwise
              const perr = s.write(Z_FINISH, null, 0, 0, scratch, 1);
              ended = perr === 0;
              if (perr !== 0 && perr !== Z_BUF_ERROR) throw this.failure(perr, s);
            }
            break;
          }
          if (!ended) break outer;
          s.close();
          if (this.gzip) {
            this.phase = Phase.Trailer;
            this.hbuf = [];
            continue;
          }
          this.phase = Phase.Done;
          this.eof = true;
          break outer;
        }
        case Phase.Trailer:
          off = this.trailer(input, off);
          if (this.phase === Phase.Trailer) break outer;
          continue;
        default:
          break outer;
      }
    }
    const out = chunks.length === 0 ? new Uint8Array(0) : concat(chunks, total);
    if (off < base) {
      this.pending = input.slice(off, base);
      return { out, consumed: 0 };
    }
    return { out, consumed: off - base };
  }

  private failure(err: number, s: ZStream): ZlibFailure {
    if (err === Z_NEED_DICT) {
      // Node reports a dictionary zlib rejected as Z_NEED_DICT too
      return this.zdict !== null ? new ZlibFailure(Z_DATA_ERROR, null, "while setting zdict") : new ZlibFailure(Z_NEED_DICT, null);
    }
    const m = s.lastMsg;
    return new ZlibFailure(err, m === "" || m === "Zlib error" ? null : m);
  }

  /** Parses gzip header bytes from input[off..]; returns the new offset. */
  private header(input: Uint8Array, off: number): number {
    const n = input.length;
    while (off < n) {
      const b = input[off++];
      this.hbytes.push(b);
      const hb = this.hbuf;
      switch (this.hstage) {
        case H.Magic:
          hb.push(b);
          if (hb.length < 2) continue;
          if (hb[0] !== 0x1f || hb[1] !== 0x8b) throw new ZlibFailure(Z_DATA_ERROR, "incorrect header check");
          this.next(H.Method);
          continue;
        case H.Method:
          hb.push(b);
          if (hb.length < 2) continue;
          if (hb[0] !== 8) throw new ZlibFailure(Z_DATA_ERROR, "unknown compression method");
          if (hb[1] & 0xe0) throw new ZlibFailure(Z_DATA_ERROR, "unknown header flags set");
          this.flags = hb[1];
          this.next(H.Rest);
          continue;
        case H.Rest:
          hb.push(b);
          if (hb.length < 6) continue;
          this.next(H.ExtraLen);
          break;
        case H.ExtraLen:
          hb.push(b);
          if (hb.length < 2) continue;
          this.xlen = hb[0] | (hb[1] << 8);
          this.next(this.xlen ? H.Extra : H.Name);
          break;
        case H.Extra:
          if (--this.xlen > 0) continue;
          this.next(H.Name);
          break;
        case H.Name:
          if (b !== 0) continue;
          this.next(H.Comment);
          break;
        case H.Comment:
          if (b !== 0) continue;
          this.next(H.Hcrc);
          break;
        case H.Hcrc: {
          hb.push(b);
          if (hb.length < 2) continue;
          const want = crc32(Uint8Array.from(this.hbytes.slice(0, -2)), 0) & 0xffff;
          if ((hb[0] | (hb[1] << 8)) !== want) throw new ZlibFailure(Z_DATA_ERROR, "header crc mismatch");
          this.bodyStart();
          break;
        }
      }
      if (this.phase !== Phase.Header) break;
    }
    // an empty optional field ends the header without consuming a byte
    if (this.phase === Phase.Header) this.skipAbsent();
    return off;
  }

  private next(stage: H): void {
    this.hstage = stage;
    this.hbuf = [];
    this.skipAbsent();
  }

  /** Moves past optional header fields the flags say are absent. */
  private skipAbsent(): void {
    const f = this.flags;
    for (;;) {
      const s = this.hstage;
      if (s === H.ExtraLen && !(f & FEXTRA)) this.hstage = H.Name;
      else if (s === H.Name && !(f & FNAME)) this.hstage = H.Comment;
      else if (s === H.Comment && !(f & FCOMMENT)) this.hstage = H.Hcrc;
      else if (s === H.Hcrc && !(f & FHCRC)) {
        this.bodyStart();
        return;
      } else return;
    }
  }

  private bodyStart(): void {
    if (this.phase !== Phase.Header) return;
    const bits = this.wbits & 15 || 15;
    this.stream = this.open(MODE_INFLATERAW, bits, null);
    this.phase = Phase.Body;
    this.hbytes = [];
  }

  /** Parses the gzip trailer (CRC-32 and ISIZE, little-endian); returns the new offset. */
  private trailer(input: Uint8Array, off: number): number {
    const hb = this.hbuf;
    const n = input.length;
    while (off < n && hb.length < 8) {
      hb.push(input[off++]);
      if (hb.length === 4 && ((hb[0] | (hb[1] << 8) | (hb[2] << 16) | (hb[3] << 24)) >>> 0) !== this.crc) {
        throw new ZlibFailure(Z_DATA_ERROR, "incorrect data check");
      }
    }
    if (hb.length < 8) return off;
    if (((hb[4] | (hb[5] << 8) | (hb[6] << 16) | (hb[7] << 24)) >>> 0) !== this.isize) {
      throw new ZlibFailure(Z_DATA_ERROR, "incorrect length check");
    }
    this.phase = Phase.Done;
    this.eof = true;
    return off;
  }
}
