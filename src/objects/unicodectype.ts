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

// --- the character database (CPython: unicodetype_db.h via _PyUnicode_TypeRecord) --------------
// Flags and full case mappings come from the generated Unicode 16.0 tables; ASCII is answered inline
// so that ASCII-only strings never load them.
import {
  getRecord, caseMapping, FLAG_ALPHA, FLAG_DECIMAL, FLAG_DIGIT, FLAG_NUMERIC, FLAG_SPACE, FLAG_UPPER, FLAG_LOWER,
  FLAG_TITLE, FLAG_ID_START, FLAG_ID_CONTINUE,
} from "../modules/unicodedata_db.js";

const A_ALPHA = 1, A_DIGIT = 2, A_SPACE = 4, A_UPPER = 8, A_LOWER = 16;
const ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) ASCII[c] |= A_ALPHA;
  if (c >= 0x30 && c <= 0x39) ASCII[c] |= A_DIGIT;
  if (c === 32 || (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x1f)) ASCII[c] |= A_SPACE;
  if (c >= 0x41 && c <= 0x5a) ASCII[c] |= A_UPPER;
  if (c >= 0x61 && c <= 0x7a) ASCII[c] |= A_LOWER;
}

const flags = (cp: number): number => getRecord(cp).flags;

export const _PyUnicode_IsAlpha = (cp: number): boolean => (cp < 128 ? (ASCII[cp] & A_ALPHA) !== 0 : (flags(cp) & FLAG_ALPHA) !== 0);
export const _PyUnicode_IsDecimalDigit = (cp: number): boolean => (cp < 128 ? (ASCII[cp] & A_DIGIT) !== 0 : (flags(cp) & FLAG_DECIMAL) !== 0);
export const _PyUnicode_IsDigit = (cp: number): boolean => (cp < 128 ? (ASCII[cp] & A_DIGIT) !== 0 : (flags(cp) & FLAG_DIGIT) !== 0);
export const _PyUnicode_IsNumeric = (cp: number): boolean => (cp < 128 ? (ASCII[cp] & A_DIGIT) !== 0 : (flags(cp) & FLAG_NUMERIC) !== 0);
export const _PyUnicode_IsWhitespace = (cp: number): boolean => (cp < 128 ? (ASCII[cp] & A_SPACE) !== 0 : (flags(cp) & FLAG_SPACE) !== 0);
export const _PyUnicode_IsAlnum = (cp: number): boolean => _PyUnicode_IsAlpha(cp) || _PyUnicode_IsNumeric(cp);
/** Py_UNICODE_ISUPPER (the Uppercase property). */
export const _PyUnicode_IsUppercase = (cp: number): boolean => (cp < 128 ? (ASCII[cp] & A_UPPER) !== 0 : (flags(cp) & FLAG_UPPER) !== 0);
/** Py_UNICODE_ISLOWER (the Lowercase property). */
export const _PyUnicode_IsLowercase = (cp: number): boolean => (cp < 128 ? (ASCII[cp] & A_LOWER) !== 0 : (flags(cp) & FLAG_LOWER) !== 0);
/** Py_UNICODE_ISTITLE (category Lt). */
export const _PyUnicode_IsTitlecase = (cp: number): boolean => cp >= 128 && (flags(cp) & (FLAG_TITLE | FLAG_UPPER)) === FLAG_TITLE;
export const _PyUnicode_IsXidStart = (cp: number): boolean => (cp < 128 ? (ASCII[cp] & A_ALPHA) !== 0 || cp === 0x5f : (flags(cp) & FLAG_ID_START) !== 0);
export const _PyUnicode_IsXidContinue = (cp: number): boolean =>
  cp < 128 ? (ASCII[cp] & (A_ALPHA | A_DIGIT)) !== 0 || cp === 0x5f : (flags(cp) & FLAG_ID_CONTINUE) !== 0;

/** The Cased and Case_Ignorable properties (for title() and the final sigma); not in the dump. */
export const _PyUnicode_IsCased = (cp: number): boolean => (cp < 128 ? (ASCII[cp] & A_ALPHA) !== 0 : /\p{Cased}/u.test(String.fromCodePoint(cp)));
export const _PyUnicode_IsCaseIgnorable = (cp: number): boolean => /\p{Case_Ignorable}/u.test(String.fromCodePoint(cp));

/** Full case mappings (CPython: _PyUnicode_ToLowerFull etc.); the character itself when unmapped. */
export function toLowerFull(cp: number): number[] | number {
  if (cp < 128) return ASCII[cp] & A_UPPER ? cp + 32 : cp;
  return caseMapping(cp)?.lower ?? cp;
}
export function toUpperFull(cp: number): number[] | number {
  if (cp < 128) return ASCII[cp] & A_LOWER ? cp - 32 : cp;
  return caseMapping(cp)?.upper ?? cp;
}
export function toTitleFull(cp: number): number[] | number {
  if (cp < 128) return ASCII[cp] & A_LOWER ? cp - 32 : cp;
  return caseMapping(cp)?.title ?? cp;
}
export function toFoldedFull(cp: number): number[] | number {
  if (cp < 128) return ASCII[cp] & A_UPPER ? cp + 32 : cp;
  return caseMapping(cp)?.fold ?? cp;
}

/** Py_UNICODE_ISLINEBREAK. */
export function _PyUnicode_IsLinebreak(cp: number): boolean {
  return (cp >= 0x0a && cp <= 0x0d) || (cp >= 0x1c && cp <= 0x1e) || cp === 0x85 || cp === 0x2028 || cp === 0x2029;
}

const lowerCache = new Int32Array(0x10000).fill(-1);
const upperCache = new Int32Array(0x10000).fill(-1);
const astralLower = new Map<number, number>();
const astralUpper = new Map<number, number>();

// The simple mapping is the first code point of the full mapping (as CPython's extended-case records),
// from the Unicode 16.0 tables.
function firstOf(m: number[] | number): number {
  return typeof m === "number" ? m : m[0];
}

/** _PyUnicode_ToLowercase (Py_UNICODE_TOLOWER). */
export function _PyUnicode_ToLowercase(cp: number): number {
  if (cp < 128) return cp >= 0x41 && cp <= 0x5a ? cp + 32 : cp;
  if (cp < 0x10000) {
    let r = lowerCache[cp];
    if (r < 0) {
      r = firstOf(toLowerFull(cp));
      lowerCache[cp] = r;
    }
    return r;
  }
  if (cp > 0x10ffff) return cp;
  let r = astralLower.get(cp);
  if (r === undefined) astralLower.set(cp, (r = firstOf(toLowerFull(cp))));
  return r;
}

/** _PyUnicode_ToUppercase (Py_UNICODE_TOUPPER). */
export function _PyUnicode_ToUppercase(cp: number): number {
  if (cp < 128) return cp >= 0x61 && cp <= 0x7a ? cp - 32 : cp;
  if (cp < 0x10000) {
    let r = upperCache[cp];
    if (r < 0) {
      r = firstOf(toUpperFull(cp));
      upperCache[cp] = r;
    }
    return r;
  }
  if (cp > 0x10ffff) return cp;
  let r = astralUpper.get(cp);
  if (r === undefined) astralUpper.set(cp, (r = firstOf(toUpperFull(cp))));
  return r;
}
