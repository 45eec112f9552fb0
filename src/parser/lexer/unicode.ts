// The few Unicode predicates the lexer needs (CPython: Objects/unicodectype.c, _PyUnicode_ScanIdentifier).

const XID_START = /[\p{XID_Start}_]/u;
const XID_CONTINUE = /\p{XID_Continue}/u;

export { isPrintableCodePoint as isPrintable } from "../../objects/unicodectype.js";

/** Index (in UTF-16 units) of the first character that cannot be part of an identifier, or s.length. */
export function scanIdentifier(s: string): number {
  let i = 0;
  while (i < s.length) {
    const cp = s.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    if (cp >= 128 ? !(i === 0 ? XID_START : XID_CONTINUE).test(ch) : !isAsciiIdentChar(cp, i === 0)) return i;
    i += cp > 0xffff ? 2 : 1;
  }
  return s.length;
}

function isAsciiIdentChar(c: number, first: boolean): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (!first && c >= 48 && c <= 57);
}

/** Number of UTF-8 bytes encoding text[from, to). */
export function utf8Length(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
