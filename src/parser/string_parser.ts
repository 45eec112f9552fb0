// CPython: Parser/string_parser.c — decoding the text of string and bytes literals.
//
// Escapes are decoded the way CPython does it: non-ASCII characters are first rewritten as
// \UXXXXXXXX escapes into an ASCII buffer (decode_unicode_with_escapes), which is then decoded as
// 'unicode_escape'; so error positions count in that buffer, as CPython reports them.
// Invalid-escape SyntaxWarnings are not emitted.
import { PyBytes } from "../objects/bytesobject.js";
import type { Parser, Token } from "./pegen.js";
import { RAISE_SYNTAX_ERROR, RAISE_SYNTAX_ERROR_KNOWN_LOCATION } from "./pegen_errors.js";
import { lookupUnicodeName } from "./unicode_names.js";

/** CPython: _PyPegen_parse_string — a STRING token's value (str or bytes). */
export function parseString(p: Parser, t: Token): string | PyBytes {
  const s = t.string;
  let i = 0;
  let bytesmode = false;
  let rawmode = false;
  for (;;) {
    const c = s.charCodeAt(i) | 0x20;
    if (c === 98 /* b */) bytesmode = true;
    else if (c === 114 /* r */) rawmode = true;
    else if (c !== 117 /* u */) break;
    i++;
  }
  const q = s[i]!;
  const triple = s.length - i >= 6 && s[i + 1] === q && s[i + 2] === q;
  const body = triple ? s.slice(i + 3, s.length - 3) : s.slice(i + 1, s.length - 1);
  rawmode = rawmode || body.indexOf("\\") < 0;
  if (bytesmode) {
    for (let k = 0; k < body.length; k++) {
      if (body.charCodeAt(k) >= 0x80) {
        RAISE_SYNTAX_ERROR_KNOWN_LOCATION(p, t, "bytes can only contain ASCII literal characters");
      }
    }
    if (rawmode) return new PyBytes(latin1Bytes(body));
    return decodeBytesWithEscapes(p, body, t);
  }
  return decodeString(p, rawmode, body, t);
}

/** CPython: _PyPegen_decode_string. */
export function decodeString(p: Parser, raw: boolean, s: string, t: Token): string {
  if (raw) return s;
  return decodeUnicodeWithEscapes(p, s, t);
}

function latin1Bytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** The error CPython reports for a failed decode (CPython: _Pypegen_raise_decode_error). */
function decodeError(p: Parser, kind: "unicode error" | "value error", detail: string): never {
  RAISE_SYNTAX_ERROR(p, `(${kind}) ${detail}`);
}

function unicodeEscapeError(p: Parser, start: number, end: number, message: string): never {
  const where = end - start === 1 ? `byte 0x5c in position ${start}` : `bytes in position ${start}-${end - 1}`;
  decodeError(p, "unicode error", `'unicodeescape' codec can't decode ${where}: ${message}`);
}

/** CPython: decode_unicode_with_escapes. */
function decodeUnicodeWithEscapes(p: Parser, s: string, _t: Token): string {
  // Build the ASCII buffer: non-ASCII characters become \UXXXXXXXX; a backslash followed by a
  // non-ASCII character (or ending the text) becomes \u005c.
  let buf = "";
  let ascii = s.charCodeAt(s.length - 1) !== 92; // a final backslash needs the rewrite too
  for (let i = 0; i < s.length && ascii; i++) if (s.charCodeAt(i) >= 0x80) ascii = false;
  if (ascii) buf = s;
  else {
    const parts: string[] = [];
    for (let i = 0; i < s.length; ) {
      let c = s.codePointAt(i)!;
      if (c === 92) {
        parts.push("\\");
        i++;
        if (i >= s.length || s.charCodeAt(i) >= 0x80) {
          parts.push("u005c");
          if (i >= s.length) break;
        }
        c = s.codePointAt(i)!;
      }
      if (c >= 0x80) {
        parts.push("\\U" + c.toString(16).padStart(8, "0"));
        i += c > 0xffff ? 2 : 1;
      } else {
        parts.push(s[i]!);
        i++;
      }
    }
    buf = parts.join("");
  }
  return decodeUnicodeEscape(p, buf);
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  c |= 0x20;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/** CPython: _PyUnicode_DecodeUnicodeEscapeInternal2 over an ASCII buffer. */
function decodeUnicodeEscape(p: Parser, s: string): string {
  const out: string[] = [];
  const end = s.length;
  let i = 0;
  let runStart = 0;
  while (i < end) {
    const bs = s.indexOf("\\", i);
    if (bs < 0) break;
    if (bs > runStart) out.push(s.slice(runStart, bs));
    const start = bs;
    i = bs + 1;
    if (i >= end) unicodeEscapeError(p, start, end, "\\ at end of string");
    const c = s.charCodeAt(i++);
    switch (c) {
      case 10: // backslash-newline: nothing
        break;
      case 92:
        out.push("\\");
        break;
      case 39:
        out.push("'");
        break;
      case 34:
        out.push('"');
        break;
      case 98:
        out.push("\b");
        break;
      case 102:
        out.push("\f");
        break;
      case 116:
        out.push("\t");
        break;
      case 110:
        out.push("\n");
        break;
      case 114:
        out.push("\r");
        break;
      case 118:
        out.push("\v");
        break;
      case 97:
        out.push("\x07");
        break;
      case 48: case 49: case 50: case 51: case 52: case 53: case 54: case 55: {
        let v = c - 48;
        for (let k = 0; k < 2 && i < end; k++) {
          const d = s.charCodeAt(i);
          if (d < 48 || d > 55) break;
          v = v * 8 + (d - 48);
          i++;
        }
        out.push(String.fromCodePoint(v));
        break;
      }
      case 120: // x
      case 117: // u
      case 85: { // U
        const count = c === 120 ? 2 : c === 117 ? 4 : 8;
        const message = c === 120 ? "truncated \\xXX escape" : c === 117 ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape";
        let v = 0;
        for (let k = 0; k < count; k++) {
          if (i >= end) unicodeEscapeError(p, start, end, message);
          const h = hexValue(s.charCodeAt(i));
          if (h < 0) unicodeEscapeError(p, start, i, message);
          v = v * 16 + h;
          i++;
        }
        if (v > 0x10ffff) unicodeEscapeError(p, start, i, "illegal Unicode character");
        out.push(String.fromCodePoint(v));
        break;
      }
      case 78: { // N
        const malformed = "malformed \\N character escape";
        if (i >= end) unicodeEscapeError(p, start, end, malformed);
        if (s.charCodeAt(i) !== 123) unicodeEscapeError(p, start, i, malformed);
        const nameStart = ++i;
        while (i < end && s.charCodeAt(i) !== 125) i++;
        if (i >= end) unicodeEscapeError(p, start, end, malformed);
        const name = s.slice(nameStart, i);
        if (name.length === 0) unicodeEscapeError(p, start, i, malformed);
        i++;
        const cp = lookupUnicodeName(name);
        if (cp < 0) unicodeEscapeError(p, start, i, "unknown Unicode character name");
        out.push(String.fromCodePoint(cp));
        break;
      }
      default:
        // An invalid escape keeps its backslash (CPython warns).
        out.push("\\", String.fromCharCode(c));
        break;
    }
    runStart = i;
  }
  if (runStart === 0) return s;
  if (runStart < end) out.push(s.slice(runStart));
  return out.join("");
}

/** CPython: decode_bytes_with_escapes (_PyBytes_DecodeEscape2). */
function decodeBytesWithEscapes(p: Parser, s: string, _t: Token): PyBytes {
  const out: number[] = [];
  const end = s.length;
  let i = 0;
  while (i < end) {
    const c = s.charCodeAt(i++);
    if (c !== 92) {
      out.push(c);
      continue;
    }
    if (i >= end) decodeError(p, "value error", "Trailing \\ in string");
    const e = s.charCodeAt(i++);
    switch (e) {
      case 10:
        break;
      case 92:
        out.push(92);
        break;
      case 39:
        out.push(39);
        break;
      case 34:
        out.push(34);
        break;
      case 98:
        out.push(8);
        break;
      case 102:
        out.push(12);
        break;
      case 116:
        out.push(9);
        break;
      case 110:
        out.push(10);
        break;
      case 114:
        out.push(13);
        break;
      case 118:
        out.push(11);
        break;
      case 97:
        out.push(7);
        break;
      case 48: case 49: case 50: case 51: case 52: case 53: case 54: case 55: {
        let v = e - 48;
        for (let k = 0; k < 2 && i < end; k++) {
          const d = s.charCodeAt(i);
          if (d < 48 || d > 55) break;
          v = v * 8 + (d - 48);
          i++;
        }
        out.push(v & 0xff);
        break;
      }
      case 120: {
        const h1 = i < end ? hexValue(s.charCodeAt(i)) : -1;
        const h2 = i + 1 < end ? hexValue(s.charCodeAt(i + 1)) : -1;
        if (h1 < 0 || h2 < 0) decodeError(p, "value error", `invalid \\x escape at position ${i - 2}`);
        out.push(h1 * 16 + h2);
        i += 2;
        break;
      }
      default:
        out.push(92, e);
        break;
    }
  }
  return new PyBytes(Uint8Array.from(out));
}
