// CPython: Modules/expat/xmltok.c (encodings, initScan, XmlUpdatePosition) — expat's input
// encodings. expat tokenizes bytes of each encoding in place; we decode a range of the input
// buffer into code points (a Window) with the byte offset of each, so one tokenizer serves all.
import { Tokenizer, CP_MALFORM, CP_PARTIAL, CP_ODD } from "./xmltok.js";

export type EncodingKind = "utf8" | "utf16le" | "utf16be" | "latin1" | "ascii" | "map";

export interface Encoding {
  kind: EncodingKind;
  /** For "map" (an unknown encoding through the codecs): code point per byte, -1 invalid. */
  map: Int32Array | null;
}

export const UTF8: Encoding = { kind: "utf8", map: null };
export const UTF16LE: Encoding = { kind: "utf16le", map: null };
export const UTF16BE: Encoding = { kind: "utf16be", map: null };
export const LATIN1: Encoding = { kind: "latin1", map: null };
export const ASCII_ENC: Encoding = { kind: "ascii", map: null };

export function minBytesPerChar(e: Encoding): number {
  return e.kind === "utf16le" || e.kind === "utf16be" ? 2 : 1;
}

/** The encodings expat knows by name (expat: getEncodingIndex); undefined for the others. */
export function knownEncoding(name: string): Encoding | "utf16" | undefined {
  switch (name.toUpperCase()) {
    case "ISO-8859-1": return LATIN1;
    case "US-ASCII": return ASCII_ENC;
    case "UTF-8": return UTF8;
    case "UTF-16": return "utf16";
    case "UTF-16BE": return UTF16BE;
    case "UTF-16LE": return UTF16LE;
  }
  return undefined;
}

/** Decoded code points of a range of input, with absolute byte offsets (off[n] is the end). */
export class Window {
  readonly tok: Tokenizer;
  constructor(
    readonly cp: Int32Array,
    /** Absolute byte offset of each code point, or null for text not from the input (entities). */
    readonly off: Float64Array | null,
    readonly n: number,
    ns: boolean,
  ) {
    this.tok = new Tokenizer(cp, ns);
  }
  /** Byte offset of code point i. */
  abs(i: number): number {
    return (this.off as Float64Array)[i];
  }
  /** Index of the code point starting at absolute byte offset a (binary search). */
  indexOf(a: number): number {
    const off = this.off as Float64Array;
    let lo = 0, hi = this.n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (off[mid] < a) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** A window over a JS string (internal entity text), in expat's internal encoding. */
export function stringWindow(s: string, ns: boolean): Window {
  const cps: number[] = [];
  for (const ch of s) cps.push(ch.codePointAt(0) as number);
  const cp = new Int32Array(cps.length + 1);
  cp.set(cps);
  cp[cps.length] = 0x7fffffff;
  return new Window(cp, null, cps.length, ns);
}

/** Decodes buf[s, e) (absolute offsets base + index) in encoding enc. */
export function decodeWindow(enc: Encoding, buf: Uint8Array, base: number, s: number, e: number, ns: boolean): Window {
  const len = e - s;
  const cp = new Int32Array(len + 1);
  const off = new Float64Array(len + 1);
  let n = 0;
  let i = s - base;
  const end = e - base;
  switch (enc.kind) {
    case "utf8":
      while (i < end) {
        const b = buf[i];
        off[n] = i + base;
        if (b < 0x80) {
          cp[n++] = b;
          i++;
          continue;
        }
        let need = 0;
        let c = 0;
        if (b >= 0xc2 && b <= 0xdf) { need = 2; c = b & 0x1f; }
        else if (b >= 0xe0 && b <= 0xef) { need = 3; c = b & 0x0f; }
        else if (b >= 0xf0 && b <= 0xf4) { need = 4; c = b & 0x07; }
        if (need === 0) {
          cp[n++] = CP_MALFORM;
          i++;
          continue;
        }
        if (end - i < need) {
          cp[n++] = CP_PARTIAL;
          i = end;
          break;
        }
        let ok = true;
        for (let k = 1; k < need; k++) {
          const t = buf[i + k];
          if ((t & 0xc0) !== 0x80) ok = false;
          c = (c << 6) | (t & 0x3f);
        }
        if (ok) {
          if (need === 3 && (c < 0x800 || (c >= 0xd800 && c <= 0xdfff) || c === 0xfffe || c === 0xffff)) ok = false;
          else if (need === 4 && (c < 0x10000 || c > 0x10ffff)) ok = false;
        }
        if (!ok) {
          cp[n++] = CP_MALFORM;
          i++;
          continue;
        }
        cp[n++] = c;
        i += need;
      }
      break;
    case "utf16le":
    case "utf16be": {
      const le = enc.kind === "utf16le";
      while (i < end) {
        off[n] = i + base;
        if (end - i < 2) {
          cp[n++] = CP_ODD;
          i = end;
          break;
        }
        const u = le ? buf[i] | (buf[i + 1] << 8) : (buf[i] << 8) | buf[i + 1];
        if (u >= 0xd800 && u <= 0xdbff) {
          if (end - i < 4) {
            cp[n++] = CP_PARTIAL;
            i = end;
            break;
          }
          const u2 = le ? buf[i + 2] | (buf[i + 3] << 8) : (buf[i + 2] << 8) | buf[i + 3];
          if (u2 >= 0xdc00 && u2 <= 0xdfff) {
            cp[n++] = 0x10000 + ((u - 0xd800) << 10) + (u2 - 0xdc00);
            i += 4;
            continue;
          }
          cp[n++] = CP_MALFORM;
          i += 2;
          continue;
        }
        cp[n++] = u >= 0xdc00 && u <= 0xdfff ? CP_MALFORM : u;
        i += 2;
      }
      break;
    }
    case "latin1":
      while (i < end) {
        off[n] = i + base;
        cp[n++] = buf[i++];
      }
      break;
    case "ascii":
      while (i < end) {
        off[n] = i + base;
        const b = buf[i++];
        cp[n++] = b < 0x80 ? b : CP_MALFORM;
      }
      break;
    case "map": {
      const map = enc.map as Int32Array;
      while (i < end) {
        off[n] = i + base;
        const c = map[buf[i++]];
        cp[n++] = c < 0 ? CP_MALFORM : c;
      }
      break;
    }
  }
  off[n] = i + base;
  // a sentinel past the end keeps look-ahead reads in range
  cp[n] = 0x7fffffff;
  return new Window(cp, off, n, ns);
}

export interface Detected {
  enc: Encoding;
  /** Bytes of a byte order mark to skip. */
  bom: number;
}

/**
 * Detects the encoding of a document from its first bytes (expat: initScan in the prolog state).
 * `init` is the protocol encoding (UTF-8 when none). Returns null when more bytes are needed.
 */
export function detectEncoding(buf: Uint8Array, i: number, end: number, init: Encoding | "utf16", final: boolean): Detected | null {
  const dflt = (): Encoding => (init === "utf16" ? UTF16BE : init);
  if (i >= end) return final ? { enc: dflt(), bom: 0 } : null;
  if (end - i === 1) {
    const b = buf[i];
    if (!final && (b === 0xfe || b === 0xff || b === 0xef || b === 0x00 || b === 0x3c)) return null;
    return { enc: dflt(), bom: 0 };
  }
  const two = (buf[i] << 8) | buf[i + 1];
  switch (two) {
    case 0xfeff:
      return { enc: UTF16BE, bom: 2 };
    case 0x3c00:
      return { enc: UTF16LE, bom: 0 };
    case 0xfffe:
      return { enc: UTF16LE, bom: 2 };
    case 0xefbb:
      if (end - i === 2) return final ? { enc: dflt(), bom: 0 } : null;
      if (buf[i + 2] === 0xbf) return { enc: UTF8, bom: 3 };
      break;
    default:
      if (buf[i] === 0) return { enc: UTF16BE, bom: 0 };
      if (buf[i + 1] === 0) return { enc: UTF16LE, bom: 0 };
  }
  return { enc: dflt(), bom: 0 };
}

/** Line and column bookkeeping (expat: POSITION, XmlUpdatePosition). Lines are 0-based here. */
export class Position {
  line = 0;
  col = 0;
  /** Absolute byte offset the position refers to. */
  abs = 0;

  /** Advances over code points w.cp[from, to) (a CR LF pair is one line break). */
  advance(w: Window, from: number, to: number): void {
    const cp = w.cp;
    for (let i = from; i < to; i++) {
      const c = cp[i];
      if (c === 10) {
        this.line++;
        this.col = 0;
      } else if (c === 13) {
        this.line++;
        this.col = 0;
        if (i + 1 < to && cp[i + 1] === 10) i++;
      } else this.col++;
    }
  }
}
