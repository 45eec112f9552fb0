// CPython: Objects/unicodectype.c (_PyUnicode_IsPrintable)
//
// Character properties by Unicode 16.0 (CPython 3.14's database), not by the JS engine's version.
import { NONPRINTABLE_RANGES_DATA } from "./unicode_printable.generated.js";

/** Sorted [start0, end0, start1, end1, ...] of non-printable code points. */
const NONPRINTABLE: Uint32Array = (() => {
  const pairs = NONPRINTABLE_RANGES_DATA.split(";");
  const out = new Uint32Array(pairs.length * 2);
  let prevEnd = 0;
  for (let i = 0; i < pairs.length; i++) {
    const comma = pairs[i].indexOf(",");
    const start = prevEnd + parseInt(pairs[i].slice(0, comma), 36);
    const end = start + parseInt(pairs[i].slice(comma + 1), 36);
    out[2 * i] = start;
    out[2 * i + 1] = end;
    prevEnd = end;
  }
  return out;
})();

/** str.isprintable() for one code point. */
export function isPrintableCodePoint(cp: number): boolean {
  if (cp < 0x7f) return cp >= 0x20;
  if (cp < 0xa1) return false; // DEL, C1 controls, NBSP
  let lo = 0;
  let hi = (NONPRINTABLE.length >> 1) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < NONPRINTABLE[2 * mid]) hi = mid - 1;
    else if (cp > NONPRINTABLE[2 * mid + 1]) lo = mid + 1;
    else return false;
  }
  return true;
}

// --- character classes and simple case mappings (CPython: Py_UNICODE_ISDECIMAL, ISSPACE, ISALNUM,
// ISLINEBREAK, TOLOWER, TOUPPER), one code point at a time, cached; used by the regex engine ---

const CT_KNOWN = 1;
const CT_DECIMAL = 2;
const CT_ALNUM = 4;
const CT_SPACE = 8;
/** Lazily filled flags per code point (0 = not computed yet). */
const ctypeCache = new Uint8Array(0x110000);
const RE_DECIMAL = /^\p{Nd}$/u;
const RE_ALNUM = /^[\p{L}\p{N}]$/u;

function isWhitespaceRaw(cp: number): boolean {
  if (cp < 128) return (cp >= 0x09 && cp <= 0x0d) || (cp >= 0x1c && cp <= 0x20);
  return (
    cp === 0x85 || cp === 0xa0 || cp === 0x1680 || (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x2028 || cp === 0x2029 || cp === 0x202f || cp === 0x205f || cp === 0x3000
  );
}

function ctypeFlags(cp: number): number {
  let f = ctypeCache[cp];
  if (f === 0) {
    f = CT_KNOWN;
    if (cp < 0xd800 || cp > 0xdfff) {
      const c = String.fromCodePoint(cp);
      if (RE_DECIMAL.test(c)) f |= CT_DECIMAL;
      if (RE_ALNUM.test(c)) f |= CT_ALNUM;
    }
    if (isWhitespaceRaw(cp)) f |= CT_SPACE;
    ctypeCache[cp] = f;
  }
  return f;
}

/** Py_UNICODE_ISDECIMAL. */
export function _PyUnicode_IsDecimalDigit(cp: number): boolean {
  if (cp < 128) return cp >= 0x30 && cp <= 0x39;
  return cp <= 0x10ffff && (ctypeFlags(cp) & CT_DECIMAL) !== 0;
}
/** Py_UNICODE_ISSPACE. */
export function _PyUnicode_IsWhitespace(cp: number): boolean {
  return isWhitespaceRaw(cp);
}
/** Py_UNICODE_ISALNUM. */
export function _PyUnicode_IsAlnum(cp: number): boolean {
  if (cp < 128) return (cp >= 0x30 && cp <= 0x39) || ((cp | 0x20) >= 0x61 && (cp | 0x20) <= 0x7a);
  return cp <= 0x10ffff && (ctypeFlags(cp) & CT_ALNUM) !== 0;
}
/** Py_UNICODE_ISLINEBREAK. */
export function _PyUnicode_IsLinebreak(cp: number): boolean {
  return (cp >= 0x0a && cp <= 0x0d) || (cp >= 0x1c && cp <= 0x1e) || cp === 0x85 || cp === 0x2028 || cp === 0x2029;
}

const lowerCache = new Int32Array(0x10000).fill(-1);
const upperCache = new Int32Array(0x10000).fill(-1);
const astralLower = new Map<number, number>();
const astralUpper = new Map<number, number>();

// The simple mapping is the first code point of the full mapping (as CPython's extended-case records).
function firstCodePoint(s: string, cp: number): number {
  return s.length === 0 ? cp : (s.codePointAt(0) as number);
}

/** _PyUnicode_ToLowercase (Py_UNICODE_TOLOWER). */
export function _PyUnicode_ToLowercase(cp: number): number {
  if (cp < 128) return cp >= 0x41 && cp <= 0x5a ? cp + 32 : cp;
  if (cp < 0x10000) {
    let r = lowerCache[cp];
    if (r < 0) {
      r = cp >= 0xd800 && cp <= 0xdfff ? cp : firstCodePoint(String.fromCharCode(cp).toLowerCase(), cp);
      lowerCache[cp] = r;
    }
    return r;
  }
  if (cp > 0x10ffff) return cp;
  let r = astralLower.get(cp);
  if (r === undefined) astralLower.set(cp, (r = firstCodePoint(String.fromCodePoint(cp).toLowerCase(), cp)));
  return r;
}

/** _PyUnicode_ToUppercase (Py_UNICODE_TOUPPER). */
export function _PyUnicode_ToUppercase(cp: number): number {
  if (cp < 128) return cp >= 0x61 && cp <= 0x7a ? cp - 32 : cp;
  if (cp < 0x10000) {
    let r = upperCache[cp];
    if (r < 0) {
      r = cp >= 0xd800 && cp <= 0xdfff ? cp : firstCodePoint(String.fromCharCode(cp).toUpperCase(), cp);
      upperCache[cp] = r;
    }
    return r;
  }
  if (cp > 0x10ffff) return cp;
  let r = astralUpper.get(cp);
  if (r === undefined) astralUpper.set(cp, (r = firstCodePoint(String.fromCodePoint(cp).toUpperCase(), cp)));
  return r;
}
