// CPython: Objects/unicodeobject.c — the UTF-16, UTF-32 and UTF-7 codecs (PyUnicode_DecodeUTF16Stateful,
// _PyUnicode_EncodeUTF16, PyUnicode_DecodeUTF32Stateful, _PyUnicode_EncodeUTF32,
// PyUnicode_DecodeUTF7Stateful, _PyUnicode_EncodeUTF7). The native byte order is little-endian.
import { EncodeErrors, DecodeErrors, StrWriter, BytesWriter, codePointArray } from "./unicode_codec_errors.js";

function isSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdfff;
}

// --- UTF-16 ----------------------------------------------------------------------------------

/** CPython: _PyUnicode_EncodeUTF16 — byteorder 0 writes a BOM and native (little-endian) order. */
export function encodeUTF16(s: string, errors: string | null, byteorder: number): Uint8Array {
  const encoding = byteorder === -1 ? "utf-16-le" : byteorder === 1 ? "utf-16-be" : "utf-16";
  const be = byteorder === 1;
  const w = new BytesWriter(s.length * 2 + 2);
  const unit = (u: number): void => {
    if (be) {
      w.put(u >> 8);
      w.put(u & 0xff);
    } else {
      w.put(u & 0xff);
      w.put(u >> 8);
    }
  };
  if (byteorder === 0) unit(0xfeff);
  const cps = codePointArray(s);
  let st: EncodeErrors | null = null;
  let pos = 0;
  while (pos < cps.length) {
    const ch = cps[pos];
    if (!isSurrogate(ch)) {
      if (ch < 0x10000) unit(ch);
      else {
        unit(0xd800 + ((ch - 0x10000) >> 10));
        unit(0xdc00 + ((ch - 0x10000) & 0x3ff));
      }
      pos++;
      continue;
    }
    st ??= new EncodeErrors(errors, encoding, s, cps);
    const [rep, newpos] = st.call("surrogates not allowed", pos, pos + 1);
    pos = newpos;
    if (typeof rep !== "string") {
      if (rep.length & 1) st.raise("surrogates not allowed", pos - 1, pos);
      w.putBytes(rep);
    } else {
      for (let k = 0; k < rep.length; k++) if (rep.charCodeAt(k) >= 0x80) st.raise("surrogates not allowed", pos - 1, pos);
      for (let k = 0; k < rep.length; k++) unit(rep.charCodeAt(k));
    }
  }
  return w.finish();
}

/**
 * CPython: PyUnicode_DecodeUTF16Stateful — [str, consumed, byteorder]. byteorder 0 detects a BOM
 * (and skips it); -1 is little-endian, 1 big-endian. Not final: a truncated unit or pair stays unconsumed.
 */
export function decodeUTF16(b: Uint8Array, errors: string | null, final: boolean, byteorder: number): [string, number, number] {
  let bo = byteorder;
  let q = 0;
  if (bo === 0 && b.length >= 2) {
    const bom = (b[1] << 8) | b[0];
    if (bom === 0xfeff) {
      q = 2;
      bo = -1;
    } else if (bom === 0xfffe) {
      q = 2;
      bo = 1;
    }
  }
  if (q === b.length) return ["", b.length, bo];
  const be = bo === 1;
  const st = new DecodeErrors(errors, be ? "utf-16-be" : "utf-16-le", b);
  const w = new StrWriter();
  let input = b;
  for (;;) {
    const e = input.length;
    const unit = (p: number): number => (be ? (input[p] << 8) | input[p + 1] : (input[p + 1] << 8) | input[p]);
    let reason: string;
    let start: number;
    let end: number;
    // CPython: stringlib utf16_decode, then the error cases 0..3
    for (;;) {
      if (e - q < 2) {
        if (q === e || !final) return [w.finish(), q, bo];
        reason = "truncated data";
        start = q;
        end = e;
        break;
      }
      const ch = unit(q);
      q += 2;
      if (!isSurrogate(ch)) {
        w.put(ch);
        continue;
      }
      if (ch > 0xdbff) {
        reason = "illegal encoding";
        start = q - 2;
        end = start + 2;
        break;
      }
      if (e - q < 2) {
        q -= 2;
        if (!final) return [w.finish(), q, bo];
        reason = "unexpected end of data";
        start = q;
        end = e;
        break;
      }
      const ch2 = unit(q);
      q += 2;
      if (ch2 < 0xdc00 || ch2 > 0xdfff) {
        reason = "illegal UTF-16 surrogate";
        start = q - 4;
        end = start + 2;
        break;
      }
      w.put(0x10000 + ((ch - 0xd800) << 10) + (ch2 - 0xdc00));
    }
    q = st.handle(w, reason, start, end);
    input = st.input;
  }
}

// --- UTF-32 ----------------------------------------------------------------------------------

/** CPython: _PyUnicode_EncodeUTF32. */
export function encodeUTF32(s: string, errors: string | null, byteorder: number): Uint8Array {
  const encoding = byteorder === -1 ? "utf-32-le" : byteorder === 1 ? "utf-32-be" : "utf-32";
  const be = byteorder === 1;
  const w = new BytesWriter(s.length * 4 + 4);
  const unit = (u: number): void => {
    if (be) {
      w.put(0);
      w.put(u >> 16);
      w.put((u >> 8) & 0xff);
      w.put(u & 0xff);
    } else {
      w.put(u & 0xff);
      w.put((u >> 8) & 0xff);
      w.put(u >> 16);
      w.put(0);
    }
  };
  if (byteorder === 0) unit(0xfeff);
  const cps = codePointArray(s);
  let st: EncodeErrors | null = null;
  let pos = 0;
  while (pos < cps.length) {
    const ch = cps[pos];
    if (!isSurrogate(ch)) {
      unit(ch);
      pos++;
      continue;
    }
    st ??= new EncodeErrors(errors, encoding, s, cps);
    const [rep, newpos] = st.call("surrogates not allowed", pos, pos + 1);
    pos = newpos;
    if (typeof rep !== "string") {
      if (rep.length & 3) st.raise("surrogates not allowed", pos - 1, pos);
      w.putBytes(rep);
    } else {
      for (let k = 0; k < rep.length; k++) if (rep.charCodeAt(k) >= 0x80) st.raise("surrogates not allowed", pos - 1, pos);
      for (let k = 0; k < rep.length; k++) unit(rep.charCodeAt(k));
    }
  }
  return w.finish();
}

/** CPython: PyUnicode_DecodeUTF32Stateful — [str, consumed, byteorder]. */
export function decodeUTF32(b: Uint8Array, errors: string | null, final: boolean, byteorder: number): [string, number, number] {
  let bo = byteorder;
  let q = 0;
  if (bo === 0 && b.length >= 4) {
    const bom = ((b[3] << 24) | (b[2] << 16) | (b[1] << 8) | b[0]) >>> 0;
    if (bom === 0x0000feff) {
      bo = -1;
      q = 4;
    } else if (bom === 0xfffe0000) {
      bo = 1;
      q = 4;
    }
  }
  if (q === b.length) return ["", b.length, bo];
  const be = bo === 1;
  const st = new DecodeErrors(errors, be ? "utf-32-be" : "utf-32-le", b);
  const w = new StrWriter();
  let input = b;
  while (q < input.length) {
    const e = input.length;
    let reason: string;
    let end: number;
    if (e - q >= 4) {
      const ch = be
        ? ((input[q] << 24) | (input[q + 1] << 16) | (input[q + 2] << 8) | input[q + 3]) >>> 0
        : ((input[q + 3] << 24) | (input[q + 2] << 16) | (input[q + 1] << 8) | input[q]) >>> 0;
      if (isSurrogate(ch)) {
        reason = "code point in surrogate code point range(0xd800, 0xe000)";
        end = q + 4;
      } else if (ch < 0x110000) {
        w.put(ch);
        q += 4;
        continue;
      } else {
        reason = "code point not in range(0x110000)";
        end = q + 4;
      }
    } else {
      if (!final) break;
      reason = "truncated data";
      end = e;
    }
    q = st.handle(w, reason, q, end);
    input = st.input;
  }
  return [w.finish(), q, bo];
}

// --- UTF-7 -----------------------------------------------------------------------------------

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

// RFC 2152 sets: 0 Set D, 1 Set O, 2 whitespace, 3 special (always base64-encoded)
const UTF7_CATEGORY = [
  3, 3, 3, 3, 3, 3, 3, 3, 3, 2, 2, 3, 3, 2, 3, 3,
  3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
  2, 1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 3, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 0,
  1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 3, 1, 1, 1,
  1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 3, 3,
];

function isBase64(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2f;
}
function fromBase64(c: number): number {
  if (c >= 0x41 && c <= 0x5a) return c - 0x41;
  if (c >= 0x61 && c <= 0x7a) return c - 0x61 + 26;
  if (c >= 0x30 && c <= 0x39) return c - 0x30 + 52;
  return c === 0x2b ? 62 : 63;
}
function encodeDirect(c: number): boolean {
  return c < 128 && c > 0 && UTF7_CATEGORY[c] !== 3;
}
function decodeDirect(c: number): boolean {
  return c <= 127 && c !== 0x2b;
}

/** CPython: _PyUnicode_EncodeUTF7 (Set O and whitespace directly; never fails). */
export function encodeUTF7(s: string, _errors: string | null): Uint8Array {
  const cps = codePointArray(s);
  const w = new BytesWriter(s.length * 2);
  let inShift = false;
  let bits = 0;
  let buf = 0;
  const emit16 = (u: number): void => {
    // bits < 6 before, so buf stays within 22 bits
    bits += 16;
    buf = ((buf << 16) | u) & ((1 << bits) - 1);
    while (bits >= 6) {
      w.put(B64.charCodeAt((buf >> (bits - 6)) & 0x3f));
      bits -= 6;
      buf &= (1 << bits) - 1;
    }
  };
  for (let i = 0; i < cps.length; i++) {
    let ch = cps[i];
    if (inShift) {
      if (encodeDirect(ch)) {
        if (bits) {
          w.put(B64.charCodeAt((buf << (6 - bits)) & 0x3f));
          buf = 0;
          bits = 0;
        }
        inShift = false;
        if (isBase64(ch) || ch === 0x2d) w.put(0x2d);
        w.put(ch);
        continue;
      }
    } else if (ch === 0x2b) {
      w.put(0x2b);
      w.put(0x2d);
      continue;
    } else if (encodeDirect(ch)) {
      w.put(ch);
      continue;
    } else {
      w.put(0x2b);
      inShift = true;
    }
    if (ch >= 0x10000) {
      emit16(0xd800 + ((ch - 0x10000) >> 10));
      ch = 0xdc00 + ((ch - 0x10000) & 0x3ff);
    }
    emit16(ch);
  }
  if (bits) w.put(B64.charCodeAt((buf << (6 - bits)) & 0x3f));
  if (inShift) w.put(0x2d);
  return w.finish();
}

/** CPython: PyUnicode_DecodeUTF7Stateful — [str, consumed]. */
export function decodeUTF7(b: Uint8Array, errors: string | null, final: boolean): [string, number] {
  if (b.length === 0) return ["", 0];
  const st = new DecodeErrors(errors, "utf7", b);
  // code points, not a StrWriter: an unfinished shift sequence is backed out of the output
  const out: number[] = [];
  let input = b;
  let s = 0;
  let inShift = false;
  let shiftOutStart = 0;
  let bits = 0;
  let buf = 0;
  let surrogate = 0;
  let startinpos = 0;
  const error = (reason: string, endinpos: number): void => {
    const sink = new StrWriter();
    s = st.handle(sink, reason, startinpos, endinpos);
    for (const c of codePointArray(sink.finish())) out.push(c);
    input = st.input;
  };
  for (;;) {
    while (s < input.length) {
      const ch = input[s];
      if (inShift) {
        if (isBase64(ch)) {
          buf = ((buf << 6) | fromBase64(ch)) >>> 0;
          bits += 6;
          s++;
          if (bits >= 16) {
            const outCh = (buf >>> (bits - 16)) & 0xffff;
            bits -= 16;
            buf &= (1 << bits) - 1;
            if (surrogate) {
              if (outCh >= 0xdc00 && outCh <= 0xdfff) {
                out.push(0x10000 + ((surrogate - 0xd800) << 10) + (outCh - 0xdc00));
                surrogate = 0;
                continue;
              }
              out.push(surrogate);
              surrogate = 0;
            }
            if (outCh >= 0xd800 && outCh <= 0xdbff) surrogate = outCh;
            else out.push(outCh);
          }
        } else {
          inShift = false;
          if (bits > 0) {
            if (bits >= 6) {
              s++;
              error("partial character in shift sequence", s);
              continue;
            }
            if (buf !== 0) {
              s++;
              error("non-zero padding bits in shift sequence", s);
              continue;
            }
          }
          if (surrogate && decodeDirect(ch)) out.push(surrogate);
          surrogate = 0;
          if (ch === 0x2d) s++;
        }
      } else if (ch === 0x2b) {
        startinpos = s;
        s++;
        if (s < input.length && input[s] === 0x2d) {
          s++;
          out.push(0x2b);
        } else if (s < input.length && !isBase64(input[s])) {
          s++;
          error("ill-formed sequence", s);
        } else {
          inShift = true;
          surrogate = 0;
          shiftOutStart = out.length;
          bits = 0;
          buf = 0;
        }
      } else if (decodeDirect(ch)) {
        s++;
        out.push(ch);
      } else {
        startinpos = s;
        s++;
        error("unexpected special character", s);
      }
    }
    if (inShift && final) {
      inShift = false;
      if (surrogate || bits >= 6 || (bits > 0 && buf !== 0)) {
        error("unterminated shift sequence", input.length);
        if (s < input.length) continue;
      }
    }
    break;
  }
  let consumed = s;
  if (!final && inShift) {
    consumed = startinpos;
    out.length = shiftOutStart;
  }
  const w = new StrWriter();
  for (const c of out) w.put(c);
  return [w.finish(), consumed];
}
