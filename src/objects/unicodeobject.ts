// CPython: Objects/unicodeobject.c
//
// str is a JS string. Python indexes by code point while JS strings are UTF-16; strings without
// surrogates (the common case) take the fast paths, others go through code-point arrays.
import { isPrintableCodePoint } from "./unicodectype.js";
import { PyObjectBase, type PyObject, type PyTypeObject } from "./object.js";
import type { PyDict } from "./dictobject.js";

/** An instance of a subclass of str: the value boxed with its own type (and __dict__). */
export class PyStrBox extends PyObjectBase {
  dict: PyDict | null = null;
  constructor(
    public readonly value: string,
    type: PyTypeObject,
  ) {
    super();
    this.ob_type = type;
  }
}

/** A str or str-subclass value as a JS string, or null (CPython: PyUnicode_Check + data). */
export function asStr(v: PyObject): string | null {
  if (typeof v === "string") return v;
  return v instanceof PyStrBox ? v.value : null;
}

const HEX = "0123456789abcdef";

function hexEscape(prefix: string, cp: number, width: number): string {
  let s = "";
  for (let i = width - 1; i >= 0; i--) s += HEX[(cp >> (4 * i)) & 0xf];
  return prefix + s;
}

/** repr(str) (CPython: unicode_repr). */
export function unicodeRepr(s: string): string {
  // Prefer single quotes unless the string contains ' and no ".
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  let runStart = 0;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f && c !== 0x5c && c !== 0x27 && c !== 0x22) continue;
    let cp = c;
    let width = 1;
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < n) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) {
        cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        width = 2;
      }
    }
    let esc: string;
    if (cp === 0x5c) esc = "\\\\";
    else if (cp === 0x27 || cp === 0x22) {
      if (cp !== quote.charCodeAt(0)) continue;
      esc = "\\" + quote;
    } else if (cp === 0x09) esc = "\\t";
    else if (cp === 0x0a) esc = "\\n";
    else if (cp === 0x0d) esc = "\\r";
    else if (cp < 0x20 || cp === 0x7f) esc = hexEscape("\\x", cp, 2);
    else if (isPrintableCodePoint(cp)) {
      i += width - 1;
      continue;
    } else if (cp <= 0xff) esc = hexEscape("\\x", cp, 2);
    else if (cp <= 0xffff) esc = hexEscape("\\u", cp, 4);
    else esc = hexEscape("\\U", cp, 8);
    out += s.slice(runStart, i) + esc;
    i += width - 1;
    runStart = i + 1;
  }
  return out + s.slice(runStart) + quote;
}

// --- code points ----------------------------------------------------------------------------------

const SURROGATE = /[\ud800-\udfff]/;

/** Whether indexing `s` by code point differs from indexing by UTF-16 unit. */
export function hasSurrogates(s: string): boolean {
  return SURROGATE.test(s);
}

/** The code points of `s` as one-character strings (astral characters stay whole). */
export function codePoints(s: string): string[] {
  return Array.from(s);
}

/** Number of code points. */
export function unicodeLength(s: string): number {
  if (!hasSurrogates(s)) return s.length;
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** Three-way comparison by code point (JS compares UTF-16 units, which orders astral characters wrongly). */
export function unicodeCompare(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      const xs = x >= 0xd800 && x <= 0xdfff;
      const ys = y >= 0xd800 && y <= 0xdfff;
      if (xs !== ys) {
        // a surrogate (astral char) is larger than any BMP char >= U+E000
        if (xs && y >= 0xe000) return 1;
        if (ys && x >= 0xe000) return -1;
      }
      return x < y ? -1 : 1;
    }
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}
