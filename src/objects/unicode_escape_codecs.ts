// CPython: Objects/unicodeobject.c (unicode_escape, raw_unicode_escape) and Objects/bytesobject.c
// (_PyBytes_DecodeEscape, used by _codecs.escape_decode; escape_encode is in _codecsmodule.c).
import { DecodeErrors, StrWriter, BytesWriter, codePointArray } from "./unicode_codec_errors.js";
import { newException, PyExc_UnicodeError, PyExc_DeprecationWarning } from "./exceptions.js";
import { valueError } from "../python/errors.js";
import { warnFormat, lookupCharCode } from "../python/codecs.js";

const HEX = "0123456789abcdef";

function hexDigit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  return -1;
}

function hex(n: number, width: number): string {
  let s = "";
  for (let i = width - 1; i >= 0; i--) s += HEX[(n >>> (4 * i)) & 15];
  return s;
}

/** CPython: PyUnicode_AsUnicodeEscapeString. */
export function encodeUnicodeEscape(s: string): Uint8Array {
  const cps = codePointArray(s);
  const w = new BytesWriter(cps.length + 16);
  for (let i = 0; i < cps.length; i++) {
    const ch = cps[i];
    if (ch < 0x100) {
      if (ch >= 0x20 && ch < 0x7f) {
        if (ch === 0x5c) w.putAscii("\\\\");
        else w.put(ch);
      } else if (ch === 9) w.putAscii("\\t");
      else if (ch === 10) w.putAscii("\\n");
      else if (ch === 13) w.putAscii("\\r");
      else w.putAscii("\\x" + hex(ch, 2));
    } else if (ch < 0x10000) w.putAscii("\\u" + hex(ch, 4));
    else w.putAscii("\\U" + hex(ch, 8));
  }
  return w.finish();
}

/** CPython: PyUnicode_AsRawUnicodeEscapeString. */
export function encodeRawUnicodeEscape(s: string): Uint8Array {
  const cps = codePointArray(s);
  const w = new BytesWriter(cps.length + 16);
  for (let i = 0; i < cps.length; i++) {
    const ch = cps[i];
    if (ch < 0x100) w.put(ch);
    else if (ch < 0x10000) w.putAscii("\\u" + hex(ch, 4));
    else w.putAscii("\\U" + hex(ch, 8));
  }
  return w.finish();
}

/**
 * CPython: _PyUnicode_DecodeUnicodeEscapeInternal2 + _PyUnicode_DecodeUnicodeEscapeStateful —
 * [str, consumed]; warns (DeprecationWarning) about the first invalid escape.
 */
export function decodeUnicodeEscape(b: Uint8Array, errors: string | null, final: boolean): [string, number] {
  const st = new DecodeErrors(errors, "unicodeescape", b);
  const w = new StrWriter();
  let input = b;
  let s = 0;
  let firstInvalid = -1;
  let consumed = -1;
  while (s < input.length) {
    const end = input.length;
    let c = input[s++];
    if (c !== 0x5c) {
      w.put(c);
      continue;
    }
    const startinpos = s - 1;
    let message: string;
    let incomplete = false;
    escape: {
      if (s >= end) {
        message = "\\ at end of string";
        incomplete = true;
        break escape;
      }
      c = input[s++];
      let count = 0;
      switch (c) {
        case 0x0a:
          continue;
        case 0x5c:
          w.put(0x5c);
          continue;
        case 0x27:
          w.put(0x27);
          continue;
        case 0x22:
          w.put(0x22);
          continue;
        case 0x62:
          w.put(8);
          continue;
        case 0x66:
          w.put(12);
          continue;
        case 0x74:
          w.put(9);
          continue;
        case 0x6e:
          w.put(10);
          continue;
        case 0x72:
          w.put(13);
          continue;
        case 0x76:
          w.put(11);
          continue;
        case 0x61:
          w.put(7);
          continue;
        case 0x30: case 0x31: case 0x32: case 0x33: case 0x34: case 0x35: case 0x36: case 0x37: {
          let ch = c - 0x30;
          if (s < end && input[s] >= 0x30 && input[s] <= 0x37) {
            ch = (ch << 3) + input[s++] - 0x30;
            if (s < end && input[s] >= 0x30 && input[s] <= 0x37) ch = (ch << 3) + input[s++] - 0x30;
          }
          if (ch > 0o377 && firstInvalid === -1) firstInvalid = ch;
          w.put(ch);
          continue;
        }
        case 0x78:
          count = 2;
          message = "truncated \\xXX escape";
          break;
        case 0x75:
          count = 4;
          message = "truncated \\uXXXX escape";
          break;
        case 0x55:
          count = 8;
          message = "truncated \\UXXXXXXXX escape";
          break;
        case 0x4e: {
          if (lookupCharCode === null) throw newException(PyExc_UnicodeError, ["\\N escapes not supported (can't load unicodedata module)"]);
          message = "malformed \\N character escape";
          if (s >= end) {
            incomplete = true;
            break escape;
          }
          if (input[s] === 0x7b) {
            const nameStart = ++s;
            while (s < end && input[s] !== 0x7d) s++;
            if (s >= end) {
              incomplete = true;
              break escape;
            }
            if (s > nameStart) {
              let name = "";
              for (let k = nameStart; k < s; k++) name += String.fromCharCode(input[k]);
              s++;
              const code = lookupCharCode(name);
              if (code >= 0) {
                w.put(code);
                continue;
              }
              message = "unknown Unicode character name";
            }
          }
          break escape;
        }
        default:
          if (firstInvalid === -1) firstInvalid = c;
          w.put(0x5c);
          w.put(c);
          continue;
      }
      let ch = 0;
      for (; count; ++s, --count) {
        if (s >= end) {
          incomplete = true;
          break escape;
        }
        const d = hexDigit(input[s]);
        if (d < 0) break escape;
        ch = ch * 16 + d;
      }
      if (ch > 0x10ffff) {
        message = "illegal Unicode character";
        break escape;
      }
      w.put(ch);
      continue;
    }
    if (incomplete && !final) {
      consumed = startinpos;
      break;
    }
    s = st.handle(w, message, startinpos, s);
    input = st.input;
  }
  if (firstInvalid !== -1) {
    if (firstInvalid > 0xff) warnFormat(PyExc_DeprecationWarning, `"\\${firstInvalid.toString(8)}" is an invalid octal escape sequence. Such sequences will not work in the future. `);
    else warnFormat(PyExc_DeprecationWarning, `"\\${String.fromCharCode(firstInvalid)}" is an invalid escape sequence. Such sequences will not work in the future. `);
  }
  return [w.finish(), consumed >= 0 ? consumed : s];
}

/** CPython: _PyUnicode_DecodeRawUnicodeEscapeStateful — [str, consumed]. */
export function decodeRawUnicodeEscape(b: Uint8Array, errors: string | null, final: boolean): [string, number] {
  const st = new DecodeErrors(errors, "rawunicodeescape", b);
  const w = new StrWriter();
  let input = b;
  let s = 0;
  let consumed = -1;
  while (s < input.length) {
    const end = input.length;
    let c = input[s++];
    if (c !== 0x5c || (s >= end && final)) {
      w.put(c);
      continue;
    }
    const startinpos = s - 1;
    let message = "\\ at end of string";
    let incomplete = false;
    escape: {
      if (s >= end) {
        incomplete = true;
        break escape;
      }
      c = input[s++];
      let count: number;
      if (c === 0x75) {
        count = 4;
        message = "truncated \\uXXXX escape";
      } else if (c === 0x55) {
        count = 8;
        message = "truncated \\UXXXXXXXX escape";
      } else {
        w.put(0x5c);
        w.put(c);
        continue;
      }
      let ch = 0;
      for (; count; ++s, --count) {
        if (s >= end) {
          incomplete = true;
          break escape;
        }
        const d = hexDigit(input[s]);
        if (d < 0) break escape;
        ch = ch * 16 + d;
      }
      if (ch > 0x10ffff) {
        message = "\\Uxxxxxxxx out of range";
        break escape;
      }
      w.put(ch);
      continue;
    }
    if (incomplete && !final) {
      consumed = startinpos;
      break;
    }
    s = st.handle(w, message, startinpos, s);
    input = st.input;
  }
  return [w.finish(), consumed >= 0 ? consumed : s];
}

/** CPython: _codecs_escape_encode_impl (bytes repr escapes without the quotes). */
export function escapeEncode(b: Uint8Array): Uint8Array {
  const w = new BytesWriter(b.length + 8);
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    if (c === 0x27 || c === 0x5c) {
      w.put(0x5c);
      w.put(c);
    } else if (c === 9) w.putAscii("\\t");
    else if (c === 10) w.putAscii("\\n");
    else if (c === 13) w.putAscii("\\r");
    else if (c < 0x20 || c >= 0x7f) w.putAscii("\\x" + hex(c, 2));
    else w.put(c);
  }
  return w.finish();
}

/** CPython: _PyBytes_DecodeEscape2 + PyBytes_DecodeEscape (errors: strict, replace, ignore). */
export function escapeDecode(b: Uint8Array, errors: string | null): Uint8Array {
  const w = new BytesWriter(b.length);
  let firstInvalid = -1;
  let s = 0;
  const end = b.length;
  while (s < end) {
    if (b[s] !== 0x5c) {
      w.put(b[s++]);
      continue;
    }
    s++;
    if (s === end) throw valueError("Trailing \\ in string");
    const c = b[s++];
    switch (c) {
      case 0x0a:
        break;
      case 0x5c:
        w.put(0x5c);
        break;
      case 0x27:
        w.put(0x27);
        break;
      case 0x22:
        w.put(0x22);
        break;
      case 0x62:
        w.put(8);
        break;
      case 0x66:
        w.put(12);
        break;
      case 0x74:
        w.put(9);
        break;
      case 0x6e:
        w.put(10);
        break;
      case 0x72:
        w.put(13);
        break;
      case 0x76:
        w.put(11);
        break;
      case 0x61:
        w.put(7);
        break;
      case 0x30: case 0x31: case 0x32: case 0x33: case 0x34: case 0x35: case 0x36: case 0x37: {
        let ch = c - 0x30;
        if (s < end && b[s] >= 0x30 && b[s] <= 0x37) {
          ch = (ch << 3) + b[s++] - 0x30;
          if (s < end && b[s] >= 0x30 && b[s] <= 0x37) ch = (ch << 3) + b[s++] - 0x30;
        }
        if (ch > 0o377 && firstInvalid === -1) firstInvalid = ch;
        w.put(ch & 0xff);
        break;
      }
      case 0x78: {
        const d1 = s < end ? hexDigit(b[s]) : -1;
        const d2 = s + 1 < end ? hexDigit(b[s + 1]) : -1;
        if (d1 >= 0 && d2 >= 0) {
          w.put(d1 * 16 + d2);
          s += 2;
          break;
        }
        if (errors === null || errors === "strict") throw valueError(`invalid \\x escape at position ${s - 2}`);
        if (errors === "replace") w.put(0x3f);
        else if (errors !== "ignore") throw valueError(`decoding error; unknown error handling code: ${errors}`);
        // skip the \x and one more hex digit when there is one
        if (s < end && hexDigit(b[s]) >= 0) s++;
        break;
      }
      default:
        if (firstInvalid === -1) firstInvalid = c;
        w.put(0x5c);
        s--;
    }
  }
  if (firstInvalid !== -1) {
    if (firstInvalid > 0xff) warnFormat(PyExc_DeprecationWarning, `b"\\${firstInvalid.toString(8)}" is an invalid octal escape sequence. Such sequences will not work in the future. `);
    else warnFormat(PyExc_DeprecationWarning, `b"\\${String.fromCharCode(firstInvalid)}" is an invalid escape sequence. Such sequences will not work in the future. `);
  }
  return w.finish();
}
