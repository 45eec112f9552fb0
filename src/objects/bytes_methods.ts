// CPython: Objects/bytes_methods.c, Objects/stringlib/ (the byte-string algorithms shared by
// bytes and bytearray): searching, case mapping, classification, splitting, padding, translate.
// Everything here works on Uint8Array and is ASCII-only, as CPython's bytes methods are.

export const isSpaceByte = (c: number): boolean => c === 0x20 || (c >= 0x09 && c <= 0x0d);
export const isDigitByte = (c: number): boolean => c >= 0x30 && c <= 0x39;
export const isLowerByte = (c: number): boolean => c >= 0x61 && c <= 0x7a;
export const isUpperByte = (c: number): boolean => c >= 0x41 && c <= 0x5a;
export const isAlphaByte = (c: number): boolean => isLowerByte(c) || isUpperByte(c);
export const isAlnumByte = (c: number): boolean => isAlphaByte(c) || isDigitByte(c);
const toLower = (c: number): number => (isUpperByte(c) ? c + 32 : c);
const toUpper = (c: number): number => (isLowerByte(c) ? c - 32 : c);

export function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const r = new Uint8Array(a.length + b.length);
  r.set(a, 0);
  r.set(b, a.length);
  return r;
}

export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return a.length - b.length;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** First index of `needle` in hay[from..to), or -1. */
export function indexOf(hay: Uint8Array, needle: Uint8Array, from: number, to: number): number {
  const m = needle.length;
  if (m === 0) return from <= to ? from : -1;
  if (m === 1) {
    const c = needle[0];
    for (let i = from; i < to; i++) if (hay[i] === c) return i;
    return -1;
  }
  const first = needle[0];
  outer: for (let i = from; i + m <= to; i++) {
    if (hay[i] !== first) continue;
    for (let j = 1; j < m; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** Last index of `needle` in hay[from..to), or -1. */
export function lastIndexOf(hay: Uint8Array, needle: Uint8Array, from: number, to: number): number {
  const m = needle.length;
  if (m === 0) return from <= to ? to : -1;
  outer: for (let i = to - m; i >= from; i--) {
    for (let j = 0; j < m; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** Non-overlapping occurrences of `needle` in hay[from..to) (CPython: stringlib count). */
export function countOf(hay: Uint8Array, needle: Uint8Array, from: number, to: number, max = Infinity): number {
  if (from > to) return 0;
  if (needle.length === 0) return Math.min(to - from + 1, max);
  let n = 0;
  for (let i = indexOf(hay, needle, from, to); i >= 0 && n < max; i = indexOf(hay, needle, i + needle.length, to)) n++;
  return n;
}

export function lower(a: Uint8Array): Uint8Array {
  return a.map(toLower);
}
export function upper(a: Uint8Array): Uint8Array {
  return a.map(toUpper);
}
export function swapcase(a: Uint8Array): Uint8Array {
  return a.map((c) => (isUpperByte(c) ? c + 32 : isLowerByte(c) ? c - 32 : c));
}
export function capitalize(a: Uint8Array): Uint8Array {
  return a.map((c, i) => (i === 0 ? toUpper(c) : toLower(c)));
}
export function title(a: Uint8Array): Uint8Array {
  let prevCased = false;
  return a.map((c) => {
    let r = c;
    if (isLowerByte(c)) r = prevCased ? c : c - 32;
    else if (isUpperByte(c)) r = prevCased ? c + 32 : c;
    prevCased = isAlphaByte(c);
    return r;
  });
}

export function isAll(a: Uint8Array, f: (c: number) => boolean): boolean {
  if (a.length === 0) return false;
  for (let i = 0; i < a.length; i++) if (!f(a[i])) return false;
  return true;
}
export function isAscii(a: Uint8Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] >= 0x80) return false;
  return true;
}
export function isLower(a: Uint8Array): boolean {
  let cased = false;
  for (let i = 0; i < a.length; i++) {
    if (isUpperByte(a[i])) return false;
    if (isLowerByte(a[i])) cased = true;
  }
  return cased;
}
export function isUpper(a: Uint8Array): boolean {
  let cased = false;
  for (let i = 0; i < a.length; i++) {
    if (isLowerByte(a[i])) return false;
    if (isUpperByte(a[i])) cased = true;
  }
  return cased;
}
export function isTitle(a: Uint8Array): boolean {
  let cased = false;
  let prevCased = false;
  for (let i = 0; i < a.length; i++) {
    const c = a[i];
    if (isUpperByte(c)) {
      if (prevCased) return false;
      prevCased = true;
      cased = true;
    } else if (isLowerByte(c)) {
      if (!prevCased) return false;
      prevCased = true;
      cased = true;
    } else prevCased = false;
  }
  return cased;
}

/** Strips bytes in `chars` (ASCII whitespace when null) from the ends. */
export function strip(a: Uint8Array, chars: Uint8Array | null, left: boolean, right: boolean): [number, number] {
  const inSet = chars === null ? isSpaceByte : (c: number) => chars.includes(c);
  let i = 0;
  let j = a.length;
  if (left) while (i < j && inSet(a[i])) i++;
  if (right) while (j > i && inSet(a[j - 1])) j--;
  return [i, j];
}

/** Splits on runs of ASCII whitespace (CPython: stringlib split_whitespace). */
export function splitWhitespace(a: Uint8Array, maxsplit: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  const n = a.length;
  let i = 0;
  while (i < n) {
    while (i < n && isSpaceByte(a[i])) i++;
    if (i === n) break;
    if (maxsplit-- === 0) {
      out.push(a.subarray(i, n));
      return out;
    }
    let j = i;
    while (j < n && !isSpaceByte(a[j])) j++;
    out.push(a.subarray(i, j));
    i = j;
  }
  return out;
}
export function rsplitWhitespace(a: Uint8Array, maxsplit: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  let j = a.length;
  while (j > 0) {
    while (j > 0 && isSpaceByte(a[j - 1])) j--;
    if (j === 0) break;
    if (maxsplit-- === 0) {
      out.push(a.subarray(0, j));
      break;
    }
    let i = j;
    while (i > 0 && !isSpaceByte(a[i - 1])) i--;
    out.push(a.subarray(i, j));
    j = i;
  }
  return out.reverse();
}
export function splitSep(a: Uint8Array, sep: Uint8Array, maxsplit: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  let i = 0;
  while (maxsplit-- !== 0) {
    const k = indexOf(a, sep, i, a.length);
    if (k < 0) break;
    out.push(a.subarray(i, k));
    i = k + sep.length;
  }
  out.push(a.subarray(i));
  return out;
}
export function rsplitSep(a: Uint8Array, sep: Uint8Array, maxsplit: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  let j = a.length;
  while (maxsplit-- !== 0) {
    const k = lastIndexOf(a, sep, 0, j);
    if (k < 0) break;
    out.push(a.subarray(k + sep.length, j));
    j = k;
  }
  out.push(a.subarray(0, j));
  return out.reverse();
}
export function splitlines(a: Uint8Array, keepends: boolean): Uint8Array[] {
  const out: Uint8Array[] = [];
  const n = a.length;
  let i = 0;
  while (i < n) {
    let j = i;
    while (j < n && a[j] !== 0x0a && a[j] !== 0x0d) j++;
    let eol = j;
    if (j < n) {
      eol = a[j] === 0x0d && j + 1 < n && a[j + 1] === 0x0a ? j + 2 : j + 1;
      if (keepends) j = eol;
    }
    out.push(a.subarray(i, j));
    i = eol;
  }
  return out;
}

export function replace(a: Uint8Array, old: Uint8Array, rep: Uint8Array, count: number): Uint8Array {
  if (count < 0) count = Infinity;
  if (count === 0) return a;
  const parts: Uint8Array[] = [];
  if (old.length === 0) {
    // insert `rep` before every byte and at the end, up to count times
    let n = 0;
    for (let i = 0; i <= a.length; i++) {
      if (n < count) {
        parts.push(rep);
        n++;
      }
      if (i < a.length) parts.push(a.subarray(i, i + 1));
    }
    return join(parts);
  }
  let i = 0;
  let n = 0;
  while (n < count) {
    const k = indexOf(a, old, i, a.length);
    if (k < 0) break;
    parts.push(a.subarray(i, k), rep);
    i = k + old.length;
    n++;
  }
  if (n === 0) return a;
  parts.push(a.subarray(i));
  return join(parts);
}

export function join(parts: readonly Uint8Array[], sep?: Uint8Array): Uint8Array {
  let len = 0;
  for (const p of parts) len += p.length;
  if (sep !== undefined && parts.length > 1) len += sep.length * (parts.length - 1);
  const out = new Uint8Array(len);
  let o = 0;
  for (let i = 0; i < parts.length; i++) {
    if (i > 0 && sep !== undefined) {
      out.set(sep, o);
      o += sep.length;
    }
    out.set(parts[i], o);
    o += parts[i].length;
  }
  return out;
}

export function expandtabs(a: Uint8Array, tabsize: number): Uint8Array {
  const out: number[] = [];
  let col = 0;
  for (let i = 0; i < a.length; i++) {
    const c = a[i];
    if (c === 0x09) {
      if (tabsize > 0) {
        const n = tabsize - (col % tabsize);
        for (let k = 0; k < n; k++) out.push(0x20);
        col += n;
      }
    } else {
      out.push(c);
      col = c === 0x0a || c === 0x0d ? 0 : col + 1;
    }
  }
  return Uint8Array.from(out);
}

/** Pads to `width` with `fill`: left/right counts as str.center/ljust/rjust do. */
export function pad(a: Uint8Array, width: number, fill: number, kind: "center" | "ljust" | "rjust"): Uint8Array | null {
  if (width <= a.length) return null;
  const total = width - a.length;
  let left: number;
  if (kind === "ljust") left = 0;
  else if (kind === "rjust") left = total;
  else left = Math.floor(total / 2) + (total & width & 1);
  const out = new Uint8Array(width).fill(fill);
  out.set(a, left);
  return out;
}

export function zfill(a: Uint8Array, width: number): Uint8Array | null {
  if (width <= a.length) return null;
  const fill = width - a.length;
  const out = new Uint8Array(width).fill(0x30);
  out.set(a, fill);
  if (a.length > 0 && (a[0] === 0x2b || a[0] === 0x2d)) {
    out[0] = a[0];
    out[fill] = 0x30;
  }
  return out;
}

export function translate(a: Uint8Array, table: Uint8Array | null, del: Uint8Array | null): Uint8Array {
  const drop = new Uint8Array(256);
  if (del !== null) for (let i = 0; i < del.length; i++) drop[del[i]] = 1;
  const out: number[] = [];
  for (let i = 0; i < a.length; i++) {
    const c = a[i];
    if (!drop[c]) out.push(table === null ? c : table[c]);
  }
  return Uint8Array.from(out);
}
