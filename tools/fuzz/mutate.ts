// Byte-level and structure-aware mutations of a seed source.
import type { Rng } from "./rng.js";

const enc = new TextEncoder();
const b = (s: string): Uint8Array => enc.encode(s);
const raw = (...xs: number[]): Uint8Array => Uint8Array.from(xs);

/** Fragments worth inserting: invalid UTF-8, NUL, BOM, control characters, brackets, quotes,
 *  escapes (lone surrogates, bad \N{...}), keywords, odd encoding declarations. */
const FRAGMENTS: readonly Uint8Array[] = [
  raw(0), raw(0xff), raw(0xc3), raw(0xe2, 0x82), raw(0xed, 0xa0, 0x80), raw(0xf4, 0x90, 0x80, 0x80), raw(0xc0, 0x80),
  raw(0xef, 0xbb, 0xbf), raw(0x0c), raw(0x0b), raw(0x1a), raw(0x0d), raw(0x0d, 0x0a), raw(0x09), raw(0x7f),
  b("\u00a0"), b("\u2028"), b("\u3000"), b("\ufeff"), b("é"), b("𝔘"), b("ﬁ"), b("٣"),
  b("("), b(")"), b("["), b("]"), b("{"), b("}"), b("'"), b('"'), b("'''"), b('"""'), b("\\"), b("\\\n"),
  b("\n"), b("    "), b("\t"), b(" "), b("#"), b(":"), b(";"), b(","), b("."), b("..."), b("="), b(":="),
  b("\\N{"), b("\\N{BULLET}"), b("\\N{NOPE}"), b("\\ud800"), b("\\udfff"), b("\\U00110000"), b("\\x"), b("\\x4"),
  b("\\777"), b("\\u12"), b("{{"), b("}}"), b("{x!r}"), b("{x=}"), b("{x:{y}}"), b("!r"), b(":>10"),
  b("f'"), b('f"'), b("t'"), b("rb'"), b("br\""), b("u'"), b("rf'"), b("ft'"), b("bu'"), b("f'''"),
  b("# -*- coding: latin-1 -*-\n"), b("# coding: bogus\n"), b("# coding: utf-16\n"), b("# coding=ascii\n"),
  b("# vim: set fileencoding=cp1252 :\n"), b("# coding: utf-8-sig\n"), b("#!/usr/bin/env python\n"),
  b("lambda"), b("lambda:"), b("yield"), b("yield from"), b("await"), b("async"), b("def"), b("class"),
  b("return"), b("break"), b("continue"), b("global x"), b("nonlocal x"), b("del"), b("import"), b("from"),
  b("match"), b("case"), b("type"), b("_"), b("*"), b("**"), b("@"), b("->"), b("|"), b("not"), b("in"), b("is"),
  b("if"), b("else"), b("elif"), b("try:"), b("except"), b("except*"), b("finally:"), b("with"), b("for"), b("while"),
  b("__debug__"), b("__class__"), b("super()"), b("None"), b("True"), b("..."), b("__future__"),
  b("0x"), b("0b2"), b("0o8"), b("1e"), b("1_"), b("1__0"), b("01"), b("1.e+"), b("1j"), b("0_7"), b("1if"), b("9" .repeat(5000)),
  b("$"), b("?"), b("!"), b("`"), b("\\t"), b("<>"), b("=="), b("!="), b("**="), b("//="), b("->"),
];

const OPENERS = new Set([0x28, 0x5b, 0x7b]);
const CLOSERS = new Set([0x29, 0x5d, 0x7d]);
const BRACKETS = [0x28, 0x29, 0x5b, 0x5d, 0x7b, 0x7d];

function concat(...parts: Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let i = 0;
  for (const p of parts) {
    out.set(p, i);
    i += p.length;
  }
  return out;
}

/** Offsets of every byte satisfying `pred` (at most a sample, to stay cheap on big files). */
function positions(src: Uint8Array, pred: (c: number, i: number) => boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < src.length; i++) if (pred(src[i]!, i)) out.push(i);
  return out;
}

/** Line start offsets. */
function lineStarts(src: Uint8Array): number[] {
  const out = [0];
  for (let i = 0; i < src.length; i++) if (src[i] === 10 && i + 1 < src.length) out.push(i + 1);
  return out;
}

/** Truncates at a kind of point: anywhere, after an opener/quote/backslash/colon/'{', inside a
 *  multi-byte character, at a line end without the newline, in indentation. */
function truncate(rng: Rng, src: Uint8Array): Uint8Array {
  const kinds: ((c: number, i: number) => boolean)[] = [
    () => true,
    (c) => OPENERS.has(c),
    (c) => c === 0x22 || c === 0x27,
    (c) => c === 0x5c,
    (c) => c === 0x3a,
    (c) => c >= 0x80 && (c & 0xc0) === 0x80,
    (c) => c === 10,
    (c, i) => c === 0x20 && i > 0 && (src[i - 1] === 10 || src[i - 1] === 0x20),
    (c) => c === 0x7b || c === 0x21,
  ];
  const ps = positions(src, rng.pick(kinds));
  if (ps.length === 0) return src.subarray(0, rng.int(src.length + 1));
  const at = rng.pick(ps) + (rng.chance(0.5) ? 1 : 0);
  return src.subarray(0, at);
}

function insertAt(src: Uint8Array, at: number, frag: Uint8Array): Uint8Array {
  return concat(src.subarray(0, at), frag, src.subarray(at));
}

/** One mutation of `src`; `other` is another seed for splicing. */
export function mutateOnce(rng: Rng, src: Uint8Array, other: Uint8Array): Uint8Array {
  const n = src.length;
  switch (rng.int(14)) {
    case 0:
      return truncate(rng, src);
    case 1: {
      // flip a byte
      if (n === 0) return raw(rng.int(256));
      const out = src.slice();
      const i = rng.int(n);
      out[i] = rng.chance(0.5) ? rng.int(256) : out[i]! ^ (1 << rng.int(8));
      return out;
    }
    case 2:
    case 3:
      return insertAt(src, rng.int(n + 1), rng.pick(FRAGMENTS));
    case 4: {
      // delete a range
      const i = rng.int(n + 1);
      const len = 1 + rng.int(rng.chance(0.7) ? 4 : 200);
      return concat(src.subarray(0, i), src.subarray(Math.min(n, i + len)));
    }
    case 5: {
      // duplicate a range several times
      const i = rng.int(n + 1);
      const piece = src.subarray(i, Math.min(n, i + 1 + rng.int(40)));
      const parts: Uint8Array[] = [src.subarray(0, i)];
      const k = 2 + rng.int(rng.chance(0.2) ? 300 : 5);
      for (let j = 0; j < k; j++) parts.push(piece);
      parts.push(src.subarray(i));
      return concat(...parts);
    }
    case 6: {
      // bracket damage: delete, swap, or add one
      const ps = positions(src, (c) => OPENERS.has(c) || CLOSERS.has(c));
      if (ps.length === 0) return insertAt(src, rng.int(n + 1), raw(rng.pick(BRACKETS)));
      const i = rng.pick(ps);
      if (rng.chance(0.5)) return concat(src.subarray(0, i), src.subarray(i + 1));
      const out = src.slice();
      out[i] = rng.pick(BRACKETS);
      return out;
    }
    case 7: {
      // indentation damage on one line
      const ls = lineStarts(src);
      const i = rng.pick(ls);
      const what = rng.int(4);
      if (what === 0) return insertAt(src, i, b(" "));
      if (what === 1) return insertAt(src, i, b("\t"));
      if (what === 2) return insertAt(src, i, b(" ".repeat(1 + rng.int(12))));
      return src[i] === 0x20 || src[i] === 9 ? concat(src.subarray(0, i), src.subarray(i + 1)) : insertAt(src, i, b("\f"));
    }
    case 8: {
      // quote damage
      const ps = positions(src, (c) => c === 0x22 || c === 0x27);
      if (ps.length === 0) return insertAt(src, rng.int(n + 1), b(rng.pick(["'", '"', "'''"])));
      const i = rng.pick(ps);
      if (rng.chance(0.5)) return concat(src.subarray(0, i), src.subarray(i + 1));
      const out = src.slice();
      out[i] = out[i] === 0x22 ? 0x27 : 0x22;
      return out;
    }
    case 9: {
      // splice: a prefix of this file and a suffix of the other at line boundaries
      const a = lineStarts(src);
      const bs = lineStarts(other);
      return concat(src.subarray(0, rng.pick(a)), other.subarray(rng.pick(bs)));
    }
    case 10: {
      // insert a range of the other file (token-ish splice)
      const j = rng.int(other.length + 1);
      const piece = other.subarray(j, Math.min(other.length, j + 1 + rng.int(60)));
      return insertAt(src, rng.int(n + 1), piece);
    }
    case 11: {
      // an encoding declaration or BOM at the start (or on line 2)
      const decls = [
        raw(0xef, 0xbb, 0xbf), b("# coding: latin-1\n"), b("# -*- coding: utf-8 -*-\n"), b("# coding: ascii\n"),
        b("# coding: nonexistent\n"), b("# coding: utf-16\n"), b("#!python\n# coding: cp1252\n"), b("\n# coding: euc-jp\n"),
        concat(raw(0xef, 0xbb, 0xbf), b("# coding: latin-1\n")), b("# coding: UTF-8\n"), b("# coding: utf8\n"),
        b("# coding: iso-8859-15\n"), b("# coding:\n"), b("#coding:utf-8\xff\n"),
      ];
      return concat(rng.pick(decls), src);
    }
    case 12: {
      // replace a byte range by random bytes
      const i = rng.int(n + 1);
      const len = 1 + rng.int(8);
      const junk = new Uint8Array(len);
      for (let j = 0; j < len; j++) junk[j] = rng.chance(0.5) ? rng.int(256) : 0x20 + rng.int(95);
      return concat(src.subarray(0, i), junk, src.subarray(Math.min(n, i + len)));
    }
    default: {
      // swap two lines
      const ls = lineStarts(src);
      if (ls.length < 2) return src;
      const x = rng.int(ls.length - 1);
      const lineA = src.subarray(ls[x]!, ls[x + 1]!);
      const y = rng.int(ls.length);
      const endY = y + 1 < ls.length ? ls[y + 1]! : n;
      return concat(src.subarray(0, ls[x]!), src.subarray(ls[x + 1]!, endY), lineA, src.subarray(endY));
    }
  }
}

/** 1 to 4 stacked mutations. */
export function mutate(rng: Rng, src: Uint8Array, other: Uint8Array): Uint8Array {
  let out = src;
  const k = 1 + (rng.chance(0.6) ? 0 : rng.int(4));
  for (let i = 0; i < k; i++) out = mutateOnce(rng, out, other);
  return out;
}
