// CPython: Objects/unicodeobject.c (+ Objects/stringlib/codecs.h) — the UTF-8, ASCII and Latin-1
// codecs with CPython's error ranges, reasons and inline error handlers.
import {
  Eh, EncodeErrors, DecodeErrors, StrWriter, BytesWriter, codePointArray, backslashForm,
} from "./unicode_codec_errors.js";

const utf8Fatal = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const utf8Encoder = new TextEncoder();

/** Whether the JS string has a lone surrogate (a str TextEncoder would mangle). */
export function hasLoneSurrogate(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
    }
    return true;
  }
  return false;
}

function isSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdfff;
}

// --- UTF-8 ---------------------------------------------------------------------------------

/** CPython: unicode_encode_utf8. */
export function encodeUTF8(s: string, errors: string | null): Uint8Array {
  if (!hasLoneSurrogate(s)) return utf8Encoder.encode(s);
  const cps = codePointArray(s);
  const size = cps.length;
  const st = new EncodeErrors(errors, "utf-8", s, cps);
  const w = new BytesWriter(s.length * 3);
  const reason = "surrogates not allowed";
  let i = 0;
  while (i < size) {
    const ch = cps[i];
    if (ch < 0x80) {
      w.put(ch);
      i++;
    } else if (ch < 0x800) {
      w.put(0xc0 | (ch >> 6));
      w.put(0x80 | (ch & 0x3f));
      i++;
    } else if (isSurrogate(ch)) {
      let startpos = i;
      let endpos = i + 1;
      while (endpos < size && isSurrogate(cps[endpos])) endpos++;
      switch (st.kind) {
        case Eh.Strict:
          return st.raise(reason, startpos, endpos);
        case Eh.Replace:
          for (let k = startpos; k < endpos; k++) w.put(0x3f);
          i = endpos;
          continue;
        case Eh.Ignore:
          i = endpos;
          continue;
        case Eh.SurrogatePass:
          for (let k = startpos; k < endpos; k++) {
            const c = cps[k];
            w.put(0xe0 | (c >> 12));
            w.put(0x80 | ((c >> 6) & 0x3f));
            w.put(0x80 | (c & 0x3f));
          }
          i = endpos;
          continue;
        case Eh.BackslashReplace:
          for (let k = startpos; k < endpos; k++) w.putAscii(backslashForm(cps[k]));
          i = endpos;
          continue;
        case Eh.XmlCharRefReplace:
          for (let k = startpos; k < endpos; k++) w.putAscii(`&#${cps[k]};`);
          i = endpos;
          continue;
        case Eh.SurrogateEscape: {
          let k = startpos;
          for (; k < endpos; k++) {
            const c = cps[k];
            if (c < 0xdc80 || c > 0xdcff) break;
            w.put(c & 0xff);
          }
          if (k >= endpos) {
            i = endpos;
            continue;
          }
          startpos = k;
          break;
        }
        default:
          break;
      }
      const [rep, newpos] = st.call(reason, startpos, endpos);
      if (typeof rep !== "string") w.putBytes(rep);
      else {
        for (let k = 0; k < rep.length; k++) if (rep.charCodeAt(k) >= 0x80) st.raise(reason, startpos, endpos);
        w.putAscii(rep);
      }
      i = newpos;
    } else if (ch < 0x10000) {
      w.put(0xe0 | (ch >> 12));
      w.put(0x80 | ((ch >> 6) & 0x3f));
      w.put(0x80 | (ch & 0x3f));
      i++;
    } else {
      w.put(0xf0 | (ch >> 18));
      w.put(0x80 | ((ch >> 12) & 0x3f));
      w.put(0x80 | ((ch >> 6) & 0x3f));
      w.put(0x80 | (ch & 0x3f));
      i++;
    }
  }
  return w.finish();
}

function isCont(b: number): boolean {
  return (b & 0xc0) === 0x80;
}

let utf8Cp = 0;
/**
 * One UTF-8 sequence at s[p] (CPython: stringlib utf8_decode's cases): n > 0 for a valid
 * sequence of n bytes (code point in utf8Cp), 0 for truncated input, -1 for an invalid start
 * byte, -2/-3/-4 for an invalid continuation byte after 1/2/3 good bytes.
 */
function utf8Step(s: Uint8Array, p: number, end: number): number {
  const ch = s[p];
  const avail = end - p;
  if (ch < 0xc2) return -1;
  if (ch < 0xe0) {
    if (avail < 2) return 0;
    const c2 = s[p + 1];
    if (!isCont(c2)) return -2;
    utf8Cp = ((ch & 0x1f) << 6) | (c2 & 0x3f);
    return 2;
  }
  if (ch < 0xf0) {
    if (avail < 3) {
      if (avail < 2) return 0;
      const c2 = s[p + 1];
      if (!isCont(c2) || (c2 < 0xa0 ? ch === 0xe0 : ch === 0xed)) return -2;
      return 0;
    }
    const c2 = s[p + 1];
    const c3 = s[p + 2];
    if (!isCont(c2)) return -2;
    if (ch === 0xe0) {
      if (c2 < 0xa0) return -2;
    } else if (ch === 0xed && c2 >= 0xa0) return -2;
    if (!isCont(c3)) return -3;
    utf8Cp = ((ch & 0x0f) << 12) | ((c2 & 0x3f) << 6) | (c3 & 0x3f);
    return 3;
  }
  if (ch < 0xf5) {
    if (avail < 4) {
      if (avail < 2) return 0;
      const c2 = s[p + 1];
      if (!isCont(c2) || (c2 < 0x90 ? ch === 0xf0 : ch === 0xf4)) return -2;
      if (avail < 3) return 0;
      if (!isCont(s[p + 2])) return -3;
      return 0;
    }
    const c2 = s[p + 1];
    const c3 = s[p + 2];
    const c4 = s[p + 3];
    if (!isCont(c2)) return -2;
    if (ch === 0xf0) {
      if (c2 < 0x90) return -2;
    } else if (ch === 0xf4 && c2 >= 0x90) return -2;
    if (!isCont(c3)) return -3;
    if (!isCont(c4)) return -4;
    utf8Cp = ((ch & 0x07) << 18) | ((c2 & 0x3f) << 12) | ((c3 & 0x3f) << 6) | (c4 & 0x3f);
    return 4;
  }
  return -1;
}

/**
 * CPython: unicode_decode_utf8 — [str, bytes consumed]. With final false, a truncated sequence
 * at the end is left unconsumed (the incremental decoder keeps it).
 */
export function decodeUTF8(b: Uint8Array, errors: string | null, final: boolean, encoding = "utf-8"): [string, number] {
  if (final || b.length === 0 || b[b.length - 1] < 0x80) {
    try {
      return [utf8Fatal.decode(b), b.length];
    } catch {
      // an error somewhere: the exact path below
    }
  }
  const st = new DecodeErrors(errors, encoding, b);
  const w = new StrWriter();
  let input = b;
  let pos = 0;
  while (pos < input.length) {
    const c = input[pos];
    if (c < 0x80) {
      w.put(c);
      pos++;
      continue;
    }
    const end = input.length;
    const n = utf8Step(input, pos, end);
    if (n > 0) {
      w.put(utf8Cp);
      pos += n;
      continue;
    }
    let reason: string;
    let errEnd: number;
    if (n === 0) {
      if (!final) break;
      reason = "unexpected end of data";
      errEnd = end;
    } else if (n === -1) {
      reason = "invalid start byte";
      errEnd = pos + 1;
    } else {
      // a truncated surrogate (ED A0..BF) waits for its last byte when not final, for surrogatepass
      if (n === -2 && !final && c === 0xed && end - pos === 2 && input[pos + 1] >= 0xa0 && input[pos + 1] <= 0xbf) break;
      reason = "invalid continuation byte";
      errEnd = pos - n - 1;
    }
    pos = st.handle(w, reason, pos, errEnd);
    input = st.input;
  }
  return [w.finish(), pos];
}

// --- ASCII and Latin-1 ---------------------------------------------------------------------

/** CPython: unicode_encode_ucs1 — ASCII (limit 128) or Latin-1 (limit 256). */
export function encodeUCS1(s: string, errors: string | null, limit: 128 | 256): Uint8Array {
  let fast = true;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) >= limit) {
      fast = false;
      break;
    }
  }
  if (fast) {
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    return out;
  }
  const encoding = limit === 256 ? "latin-1" : "ascii";
  const reason = limit === 256 ? "ordinal not in range(256)" : "ordinal not in range(128)";
  const cps = codePointArray(s);
  const size = cps.length;
  const st = new EncodeErrors(errors, encoding, s, cps);
  const w = new BytesWriter(size);
  let pos = 0;
  while (pos < size) {
    const ch = cps[pos];
    if (ch < limit) {
      w.put(ch);
      pos++;
      continue;
    }
    let collstart = pos;
    let collend = pos + 1;
    while (collend < size && cps[collend] >= limit) collend++;
    switch (st.kind) {
      case Eh.Strict:
        return st.raise(reason, collstart, collend);
      case Eh.Replace:
        for (let k = collstart; k < collend; k++) w.put(0x3f);
        pos = collend;
        continue;
      case Eh.Ignore:
        pos = collend;
        continue;
      case Eh.BackslashReplace:
        for (let k = collstart; k < collend; k++) w.putAscii(backslashForm(cps[k]));
        pos = collend;
        continue;
      case Eh.XmlCharRefReplace:
        for (let k = collstart; k < collend; k++) w.putAscii(`&#${cps[k]};`);
        pos = collend;
        continue;
      case Eh.SurrogateEscape: {
        let k = collstart;
        for (; k < collend; k++) {
          const c = cps[k];
          if (c < 0xdc80 || c > 0xdcff) break;
          w.put(c - 0xdc00);
        }
        if (k >= collend) {
          pos = collend;
          continue;
        }
        collstart = k;
        break;
      }
      default:
        break;
    }
    const [rep, newpos] = st.call(reason, collstart, collend);
    if (typeof rep !== "string") w.putBytes(rep);
    else {
      const rc = codePointArray(rep);
      for (let k = 0; k < rc.length; k++) {
        if (rc[k] >= limit) st.raise(reason, collstart, collend);
        w.put(rc[k]);
      }
    }
    pos = newpos;
  }
  return w.finish();
}

/** CPython: PyUnicode_DecodeLatin1. */
export function decodeLatin1(b: Uint8Array): string {
  let out = "";
  for (let i = 0; i < b.length; i += 8192) out += String.fromCharCode.apply(null, Array.from(b.subarray(i, i + 8192)));
  return out;
}

/** CPython: PyUnicode_DecodeASCII. */
export function decodeASCII(b: Uint8Array, errors: string | null): string {
  let i = 0;
  while (i < b.length && b[i] < 0x80) i++;
  if (i === b.length) return decodeLatin1(b);
  const st = new DecodeErrors(errors, "ascii", b);
  const w = new StrWriter();
  let input = b;
  let pos = 0;
  while (pos < input.length) {
    const c = input[pos];
    if (c < 0x80) {
      w.put(c);
      pos++;
      continue;
    }
    pos = st.handle(w, "ordinal not in range(128)", pos, pos + 1);
    input = st.input;
  }
  return w.finish();
}
