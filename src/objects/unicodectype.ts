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
