// CPython: Modules/_sre/sre_lib.h (SRE(at), SRE(charset), SRE(count), SRE(match), SRE(search)) and the
// character predicates of Modules/_sre/sre.c.
//
// The matcher runs the code of re._compiler over a subject held as an array of code points (bytes:
// Uint8Array; str: Uint16Array when it has no surrogate pairs, else Int32Array). Like sre_lib.h it is
// iterative: each nested match is a context on an explicit stack, and the "jump" kind of a context
// tells where its parent resumes when it returns, so deep patterns never grow the JS stack.
import {
  _PyUnicode_IsAlnum, _PyUnicode_IsDecimalDigit, _PyUnicode_IsLinebreak, _PyUnicode_IsWhitespace,
  _PyUnicode_ToLowercase, _PyUnicode_ToUppercase,
} from "../../objects/unicodectype.js";
import { runtimeError } from "../../python/errors.js";
import * as C from "./sre_constants.js";

export type SreText = Uint8Array | Uint16Array | Int32Array;

// --- character predicates (sre.c) -------------------------------------------------------------------

const isDigit = (ch: number): boolean => ch >= 0x30 && ch <= 0x39;
const isSpace = (ch: number): boolean => (ch >= 0x09 && ch <= 0x0d) || ch === 0x20;
const isAsciiAlnum = (ch: number): boolean => (ch >= 0x30 && ch <= 0x39) || ((ch | 0x20) >= 0x61 && (ch | 0x20) <= 0x7a);
const isWord = (ch: number): boolean => ch <= 0x7a && (isAsciiAlnum(ch) || ch === 0x5f);
// The C locale: the same classes as ASCII for the 256 byte values.
const isLocWord = (ch: number): boolean => ch < 256 && (isAsciiAlnum(ch) || ch === 0x5f);
const isUniWord = (ch: number): boolean => ch === 0x5f || _PyUnicode_IsAlnum(ch);

export function sreLowerAscii(ch: number): number {
  return ch >= 0x41 && ch <= 0x5a ? ch + 32 : ch;
}
const sreUpperAscii = (ch: number): number => (ch >= 0x61 && ch <= 0x7a ? ch - 32 : ch);
const sreLowerLocale = sreLowerAscii;
const sreUpperLocale = sreUpperAscii;
export const sreLowerUnicode = _PyUnicode_ToLowercase;
export const sreUpperUnicode = _PyUnicode_ToUppercase;

function sreCategory(category: number, ch: number): boolean {
  switch (category) {
    case C.SRE_CATEGORY_DIGIT: return isDigit(ch);
    case C.SRE_CATEGORY_NOT_DIGIT: return !isDigit(ch);
    case C.SRE_CATEGORY_SPACE: return isSpace(ch);
    case C.SRE_CATEGORY_NOT_SPACE: return !isSpace(ch);
    case C.SRE_CATEGORY_WORD: return isWord(ch);
    case C.SRE_CATEGORY_NOT_WORD: return !isWord(ch);
    case C.SRE_CATEGORY_LINEBREAK: return ch === 10;
    case C.SRE_CATEGORY_NOT_LINEBREAK: return ch !== 10;
    case C.SRE_CATEGORY_LOC_WORD: return isLocWord(ch);
    case C.SRE_CATEGORY_LOC_NOT_WORD: return !isLocWord(ch);
    case C.SRE_CATEGORY_UNI_DIGIT: return _PyUnicode_IsDecimalDigit(ch);
    case C.SRE_CATEGORY_UNI_NOT_DIGIT: return !_PyUnicode_IsDecimalDigit(ch);
    case C.SRE_CATEGORY_UNI_SPACE: return _PyUnicode_IsWhitespace(ch);
    case C.SRE_CATEGORY_UNI_NOT_SPACE: return !_PyUnicode_IsWhitespace(ch);
    case C.SRE_CATEGORY_UNI_WORD: return isUniWord(ch);
    case C.SRE_CATEGORY_UNI_NOT_WORD: return !isUniWord(ch);
    case C.SRE_CATEGORY_UNI_LINEBREAK: return _PyUnicode_IsLinebreak(ch);
    case C.SRE_CATEGORY_UNI_NOT_LINEBREAK: return !_PyUnicode_IsLinebreak(ch);
  }
  return false;
}

function charLocIgnore(pattern: number, ch: number): boolean {
  return ch === pattern || sreLowerLocale(ch) === pattern || sreUpperLocale(ch) === pattern;
}

// --- state ------------------------------------------------------------------------------------------

/** A repeat context (CPython: SRE_REPEAT). */
interface SreRepeat {
  count: number;
  /** Index of the REPEAT's <skip> word: min at +1, max at +2, the item at +3. */
  pc: number;
  prev: SreRepeat | null;
  lastPtr: number;
}

/** One nested match (CPython: SRE(match_context)). */
class MatchContext {
  pc = 0;
  ptr = 0;
  count = 0;
  chr = 0;
  rep: SreRepeat | null = null;
  lastmark = -1;
  lastindex = -1;
  toplevel = false;
  jump = 0;
}

/** The growable parts of a state, kept in a pool: a state is made for every match() call. */
interface SreBuffers {
  mark: Int32Array;
  dstack: Int32Array;
  ctxs: MatchContext[];
}
const bufferPool: SreBuffers[] = [];

/** The matching state (CPython: SRE_STATE); positions are code-point indices, -1 is NULL. */
export class SreState {
  start = 0;
  end = 0;
  ptr = 0;
  pos = 0;
  endpos = 0;
  /**
   * marks[2*g], marks[2*g+1]: the span of group g+1 as last seen. Entries above lastmark are
   * garbage (as in CPython, which does not clear them): MARK resets those it skips over.
   */
  mark: Int32Array;
  lastmark = -1;
  lastindex = -1;
  repeat: SreRepeat | null = null;
  matchAll = false;
  mustAdvance = false;
  /** The data stack of saved marks and last_ptrs. */
  dstack: Int32Array;
  dtop = 0;
  ctxs: MatchContext[];
  constructor(
    readonly text: SreText,
    groups: number,
  ) {
    const b = bufferPool.pop();
    const n = Math.max(2 * groups, 2);
    if (b !== undefined) {
      this.mark = b.mark.length >= n ? b.mark : new Int32Array(n);
      this.dstack = b.dstack;
      this.ctxs = b.ctxs;
    } else {
      this.mark = new Int32Array(n);
      this.dstack = new Int32Array(64);
      this.ctxs = [];
    }
  }
  reset(): void {
    this.lastmark = -1;
    this.lastindex = -1;
    this.repeat = null;
    this.dtop = 0;
  }
  /** Gives the buffers back to the pool; the state must not be used afterwards. */
  release(): void {
    if (bufferPool.length < 8) bufferPool.push({ mark: this.mark, dstack: this.dstack, ctxs: this.ctxs });
  }
}

function dpush(st: SreState, v: number): void {
  if (st.dtop === st.dstack.length) {
    const n = new Int32Array(st.dstack.length * 2);
    n.set(st.dstack);
    st.dstack = n;
  }
  st.dstack[st.dtop++] = v;
}

function markPush(st: SreState, lastmark: number): void {
  if (lastmark < 0) return;
  const n = lastmark + 1;
  while (st.dtop + n > st.dstack.length) {
    const g = new Int32Array(st.dstack.length * 2);
    g.set(st.dstack);
    st.dstack = g;
  }
  const d = st.dstack;
  const m = st.mark;
  let t = st.dtop;
  for (let i = 0; i < n; i++) d[t++] = m[i];
  st.dtop = t;
}

function markPop(st: SreState, lastmark: number, discard: boolean): void {
  if (lastmark < 0) return;
  const n = lastmark + 1;
  const b = st.dtop - n;
  const d = st.dstack;
  const m = st.mark;
  for (let i = 0; i < n; i++) m[i] = d[b + i];
  if (discard) st.dtop = b;
}

function markDiscard(st: SreState, lastmark: number): void {
  if (lastmark >= 0) st.dtop -= lastmark + 1;
}

// --- SRE(at), SRE(charset), SRE(count) ------------------------------------------------------------

function sreAt(st: SreState, ptr: number, at: number): boolean {
  const text = st.text;
  const end = st.end;
  let thisp: boolean;
  let thatp: boolean;
  switch (at) {
    case C.SRE_AT_BEGINNING:
    case C.SRE_AT_BEGINNING_STRING:
      return ptr === 0;
    case C.SRE_AT_BEGINNING_LINE:
      return ptr === 0 || text[ptr - 1] === 10;
    case C.SRE_AT_END:
      return (end - ptr === 1 && text[ptr] === 10) || ptr === end;
    case C.SRE_AT_END_LINE:
      return ptr === end || text[ptr] === 10;
    case C.SRE_AT_END_STRING:
      return ptr === end;
    case C.SRE_AT_BOUNDARY:
    case C.SRE_AT_NON_BOUNDARY:
      // an empty string has no boundary, and (since 3.14) is a non-boundary
      if (end === 0) return at === C.SRE_AT_NON_BOUNDARY;
      thatp = ptr > 0 ? isWord(text[ptr - 1]) : false;
      thisp = ptr < end ? isWord(text[ptr]) : false;
      return at === C.SRE_AT_BOUNDARY ? thisp !== thatp : thisp === thatp;
    case C.SRE_AT_LOC_BOUNDARY:
    case C.SRE_AT_LOC_NON_BOUNDARY:
      // an empty string has no boundary, and (since 3.14) is a non-boundary
      if (end === 0) return at === C.SRE_AT_LOC_NON_BOUNDARY;
      thatp = ptr > 0 ? isLocWord(text[ptr - 1]) : false;
      thisp = ptr < end ? isLocWord(text[ptr]) : false;
      return at === C.SRE_AT_LOC_BOUNDARY ? thisp !== thatp : thisp === thatp;
    case C.SRE_AT_UNI_BOUNDARY:
    case C.SRE_AT_UNI_NON_BOUNDARY:
      // an empty string has no boundary, and (since 3.14) is a non-boundary
      if (end === 0) return at === C.SRE_AT_UNI_NON_BOUNDARY;
      thatp = ptr > 0 ? isUniWord(text[ptr - 1]) : false;
      thisp = ptr < end ? isUniWord(text[ptr]) : false;
      return at === C.SRE_AT_UNI_BOUNDARY ? thisp !== thatp : thisp === thatp;
  }
  return false;
}

/** Is `ch` in the set starting at code[pc] (a sequence of set items ended by FAILURE)? */
export function sreCharset(code: Uint32Array, pc: number, ch: number): boolean {
  let ok = true;
  for (;;) {
    switch (code[pc++]) {
      case C.SRE_OP_FAILURE:
        return !ok;
      case C.SRE_OP_LITERAL:
        if (ch === code[pc]) return ok;
        pc++;
        break;
      case C.SRE_OP_CATEGORY:
        if (sreCategory(code[pc], ch)) return ok;
        pc++;
        break;
      case C.SRE_OP_CHARSET:
        if (ch < 256 && (code[pc + (ch >> 5)] & (1 << (ch & 31))) !== 0) return ok;
        pc += 8;
        break;
      case C.SRE_OP_RANGE:
        if (code[pc] <= ch && ch <= code[pc + 1]) return ok;
        pc += 2;
        break;
      case C.SRE_OP_RANGE_UNI_IGNORE: {
        if (code[pc] <= ch && ch <= code[pc + 1]) return ok;
        const uch = sreUpperUnicode(ch);
        if (code[pc] <= uch && uch <= code[pc + 1]) return ok;
        pc += 2;
        break;
      }
      case C.SRE_OP_NEGATE:
        ok = !ok;
        break;
      case C.SRE_OP_BIGCHARSET: {
        // <BIGCHARSET> <blockcount> <256 block indices as bytes, little-endian in 64 words> <blocks>
        const count = code[pc++];
        let block = -1;
        if (ch < 0x10000) {
          const hi = ch >> 8;
          block = (code[pc + (hi >> 2)] >>> (8 * (hi & 3))) & 0xff;
        }
        pc += 64;
        if (block >= 0 && (code[pc + block * 8 + ((ch & 255) >> 5)] & (1 << (ch & 31))) !== 0) return ok;
        pc += count * 8;
        break;
      }
      default:
        return false;
    }
  }
}

function charsetLocIgnore(code: Uint32Array, pc: number, ch: number): boolean {
  // a negated set matches when neither case is in the set (not when either is out of it)
  let negated = false;
  if (code[pc] === C.SRE_OP_NEGATE) {
    negated = true;
    pc++;
  }
  const lo = sreLowerLocale(ch);
  let found = sreCharset(code, pc, lo);
  if (!found) {
    const up = sreUpperLocale(ch);
    found = up !== lo && sreCharset(code, pc, up);
  }
  return found !== negated;
}

/** Does the one-character item at code[pc] match `ch` (the ops REPEAT_ONE items are made of)? */
function matchOne(code: Uint32Array, pc: number, ch: number): boolean {
  switch (code[pc]) {
    case C.SRE_OP_ANY: return ch !== 10;
    case C.SRE_OP_ANY_ALL: return true;
    case C.SRE_OP_LITERAL: return ch === code[pc + 1];
    case C.SRE_OP_NOT_LITERAL: return ch !== code[pc + 1];
    case C.SRE_OP_LITERAL_IGNORE: return sreLowerAscii(ch) === code[pc + 1];
    case C.SRE_OP_NOT_LITERAL_IGNORE: return sreLowerAscii(ch) !== code[pc + 1];
    case C.SRE_OP_LITERAL_UNI_IGNORE: return sreLowerUnicode(ch) === code[pc + 1];
    case C.SRE_OP_NOT_LITERAL_UNI_IGNORE: return sreLowerUnicode(ch) !== code[pc + 1];
    case C.SRE_OP_LITERAL_LOC_IGNORE: return charLocIgnore(code[pc + 1], ch);
    case C.SRE_OP_NOT_LITERAL_LOC_IGNORE: return !charLocIgnore(code[pc + 1], ch);
    case C.SRE_OP_CATEGORY: return sreCategory(code[pc + 1], ch);
    case C.SRE_OP_IN: return sreCharset(code, pc + 2, ch);
    case C.SRE_OP_IN_IGNORE: return sreCharset(code, pc + 2, sreLowerAscii(ch));
    case C.SRE_OP_IN_UNI_IGNORE: return sreCharset(code, pc + 2, sreLowerUnicode(ch));
    case C.SRE_OP_IN_LOC_IGNORE: return charsetLocIgnore(code, pc + 2, ch);
  }
  return false;
}

/** How many times the one-character item at code[pc] matches from st.ptr, at most maxcount. */
function sreCount(st: SreState, code: Uint32Array, pc: number, maxcount: number): number {
  const text = st.text;
  const start = st.ptr;
  let ptr = start;
  let end = st.end;
  if (maxcount < end - ptr && maxcount !== C.SRE_MAXREPEAT) end = ptr + maxcount;
  const chr = code[pc + 1];
  switch (code[pc]) {
    case C.SRE_OP_IN:
      while (ptr < end && sreCharset(code, pc + 2, text[ptr])) ptr++;
      break;
    case C.SRE_OP_ANY:
      while (ptr < end && text[ptr] !== 10) ptr++;
      break;
    case C.SRE_OP_ANY_ALL:
      ptr = end;
      break;
    case C.SRE_OP_LITERAL:
      while (ptr < end && text[ptr] === chr) ptr++;
      break;
    case C.SRE_OP_LITERAL_IGNORE:
      while (ptr < end && sreLowerAscii(text[ptr]) === chr) ptr++;
      break;
    case C.SRE_OP_LITERAL_UNI_IGNORE:
      while (ptr < end && sreLowerUnicode(text[ptr]) === chr) ptr++;
      break;
    case C.SRE_OP_LITERAL_LOC_IGNORE:
      while (ptr < end && charLocIgnore(chr, text[ptr])) ptr++;
      break;
    case C.SRE_OP_NOT_LITERAL:
      while (ptr < end && text[ptr] !== chr) ptr++;
      break;
    case C.SRE_OP_NOT_LITERAL_IGNORE:
      while (ptr < end && sreLowerAscii(text[ptr]) !== chr) ptr++;
      break;
    case C.SRE_OP_NOT_LITERAL_UNI_IGNORE:
      while (ptr < end && sreLowerUnicode(text[ptr]) !== chr) ptr++;
      break;
    case C.SRE_OP_NOT_LITERAL_LOC_IGNORE:
      while (ptr < end && !charLocIgnore(chr, text[ptr])) ptr++;
      break;
    default:
      while (ptr < end && matchOne(code, pc, text[ptr])) ptr++;
  }
  return ptr - start;
}

// --- SRE(match) ---------------------------------------------------------------------------------------

// Where a parent context resumes when its child returns (CPython: the JUMP_* labels).
const JUMP_NONE = 0;
const JUMP_MAX_UNTIL_1 = 1;
const JUMP_MAX_UNTIL_2 = 2;
const JUMP_MAX_UNTIL_3 = 3;
const JUMP_MIN_UNTIL_1 = 4;
const JUMP_MIN_UNTIL_2 = 5;
const JUMP_MIN_UNTIL_3 = 6;
const JUMP_REPEAT = 7;
const JUMP_REPEAT_ONE_1 = 8;
const JUMP_REPEAT_ONE_2 = 9;
const JUMP_MIN_REPEAT_ONE = 10;
const JUMP_BRANCH = 11;
const JUMP_ASSERT = 12;
const JUMP_ASSERT_NOT = 13;
const JUMP_POSS_REPEAT_1 = 14;
const JUMP_POSS_REPEAT_2 = 15;
const JUMP_ATOMIC_GROUP = 16;
// Loop heads entered both from an opcode and from a resume.
const LOOP_BRANCH = 20;
const LOOP_REPEAT_ONE_LITERAL = 21;
const LOOP_REPEAT_ONE = 22;
const LOOP_MIN_REPEAT_ONE = 23;
const LOOP_POSS_REPEAT_1 = 24;
const LOOP_POSS_REPEAT_2 = 25;
const POSS_REPEAT_TAIL = 26;
const MAX_UNTIL_MORE = 27;
const MAX_UNTIL_TAIL = 28;

const MODE_ENTRANCE = 0;
const MODE_DISPATCH = 1;
const MODE_EXIT = 2;
const MODE_CONTINUE = 3;

function illegal(): never {
  throw runtimeError("internal error in regular expression engine");
}

/** SRE(match): does the code at `pc` match at st.ptr? On success st.ptr is the end of the match. */
export function sreMatch(st: SreState, code: Uint32Array, pc: number, toplevel: boolean): boolean {
  const text = st.text;
  const end = st.end;
  const ctxs = st.ctxs;
  let depth = 0;
  let ctx = ctxs[0] ?? (ctxs[0] = new MatchContext());
  ctx.jump = JUMP_NONE;
  ctx.toplevel = toplevel;
  let ptr = 0;
  let ret = false;
  let mode = MODE_ENTRANCE;
  let cont = 0;
  let nextPc = 0;
  let nextJump = 0;
  let nextToplevel = false;

  for (;;) {
    if (mode === MODE_ENTRANCE) {
      ptr = st.ptr;
      if (code[pc] === C.SRE_OP_INFO) {
        // <INFO> <1=skip> <2=flags> <3=min> ...
        if (code[pc + 3] !== 0 && end - ptr < code[pc + 3]) {
          ret = false;
          mode = MODE_EXIT;
        } else {
          pc += code[pc + 1] + 1;
          mode = MODE_DISPATCH;
        }
      } else mode = MODE_DISPATCH;
    }

    if (mode === MODE_DISPATCH) {
      // Runs ops until one fails, succeeds or starts a child context.
      dispatch: for (;;) {
        switch (code[pc++]) {
          case C.SRE_OP_MARK: {
            const i = code[pc];
            if (i & 1) st.lastindex = (i >> 1) + 1;
            if (i > st.lastmark) {
              for (let j = st.lastmark + 1; j < i; j++) st.mark[j] = -1;
              st.lastmark = i;
            }
            st.mark[i] = ptr;
            pc++;
            continue;
          }
          case C.SRE_OP_LITERAL:
            if (ptr >= end || text[ptr] !== code[pc]) break dispatch;
            pc++;
            ptr++;
            continue;
          case C.SRE_OP_NOT_LITERAL:
            if (ptr >= end || text[ptr] === code[pc]) break dispatch;
            pc++;
            ptr++;
            continue;
          case C.SRE_OP_SUCCESS:
            if (ctx.toplevel && ((st.matchAll && ptr !== st.end) || (st.mustAdvance && ptr === st.start))) break dispatch;
            st.ptr = ptr;
            ret = true;
            mode = MODE_EXIT;
            break dispatch;
          case C.SRE_OP_AT:
            if (!sreAt(st, ptr, code[pc])) break dispatch;
            pc++;
            continue;
          case C.SRE_OP_CATEGORY:
            if (ptr >= end || !sreCategory(code[pc], text[ptr])) break dispatch;
            pc++;
            ptr++;
            continue;
          case C.SRE_OP_ANY:
            if (ptr >= end || text[ptr] === 10) break dispatch;
            ptr++;
            continue;
          case C.SRE_OP_ANY_ALL:
            if (ptr >= end) break dispatch;
            ptr++;
            continue;
          case C.SRE_OP_IN:
            if (ptr >= end || !sreCharset(code, pc + 1, text[ptr])) break dispatch;
            pc += code[pc];
            ptr++;
            continue;
          case C.SRE_OP_LITERAL_IGNORE:
            if (ptr >= end || sreLowerAscii(text[ptr]) !== code[pc]) break dispatch;
            pc++;
            ptr++;
            continue;
          case C.SRE_OP_LITERAL_UNI_IGNORE:
            if (ptr >= end || sreLowerUnicode(text[ptr]) !== code[pc]) break dispatch;
            pc++;
            ptr++;
            continue;
          case C.SRE_OP_LITERAL_LOC_IGNORE:
            if (ptr >= end || !charLocIgnore(code[pc], text[ptr])) break dispatch;
            pc++;
            ptr++;
            continue;
          case C.SRE_OP_NOT_LITERAL_IGNORE:
            if (ptr >= end || sreLowerAscii(text[ptr]) === code[pc]) break dispatch;
            pc++;
            ptr++;
            continue;
          case C.SRE_OP_NOT_LITERAL_UNI_IGNORE:
            if (ptr >= end || sreLowerUnicode(text[ptr]) === code[pc]) break dispatch;
            pc++;
            ptr++;
            continue;
          case C.SRE_OP_NOT_LITERAL_LOC_IGNORE:
            if (ptr >= end || charLocIgnore(code[pc], text[ptr])) break dispatch;
            pc++;
            ptr++;
            continue;
          case C.SRE_OP_IN_IGNORE:
            if (ptr >= end || !sreCharset(code, pc + 1, sreLowerAscii(text[ptr]))) break dispatch;
            pc += code[pc];
            ptr++;
            continue;
          case C.SRE_OP_IN_UNI_IGNORE:
            if (ptr >= end || !sreCharset(code, pc + 1, sreLowerUnicode(text[ptr]))) break dispatch;
            pc += code[pc];
            ptr++;
            continue;
          case C.SRE_OP_IN_LOC_IGNORE:
            if (ptr >= end || !charsetLocIgnore(code, pc + 1, text[ptr])) break dispatch;
            pc += code[pc];
            ptr++;
            continue;
          case C.SRE_OP_JUMP:
          case C.SRE_OP_INFO:
            pc += code[pc];
            continue;
          case C.SRE_OP_BRANCH:
            // <BRANCH> <0=skip> code <JUMP> ... <NULL>
            ctx.lastmark = st.lastmark;
            ctx.lastindex = st.lastindex;
            if (st.repeat !== null) markPush(st, ctx.lastmark);
            cont = LOOP_BRANCH;
            mode = MODE_CONTINUE;
            break dispatch;
          case C.SRE_OP_REPEAT_ONE: {
            // <REPEAT_ONE> <skip> <1=min> <2=max> item <SUCCESS> tail
            const min = code[pc + 1];
            if (min > end - ptr) break dispatch;
            st.ptr = ptr;
            const count = sreCount(st, code, pc + 3, code[pc + 2]);
            ptr += count;
            ctx.count = count;
            if (count < min) break dispatch;
            const tail = pc + code[pc];
            if (code[tail] === C.SRE_OP_SUCCESS && ptr === st.end && !(ctx.toplevel && st.mustAdvance && ptr === st.start)) {
              st.ptr = ptr;
              ret = true;
              mode = MODE_EXIT;
              break dispatch;
            }
            ctx.lastmark = st.lastmark;
            ctx.lastindex = st.lastindex;
            if (st.repeat !== null) markPush(st, ctx.lastmark);
            if (code[tail] === C.SRE_OP_LITERAL) {
              ctx.chr = code[tail + 1];
              cont = LOOP_REPEAT_ONE_LITERAL;
            } else cont = LOOP_REPEAT_ONE;
            mode = MODE_CONTINUE;
            break dispatch;
          }
          case C.SRE_OP_MIN_REPEAT_ONE: {
            // <MIN_REPEAT_ONE> <skip> <1=min> <2=max> item <SUCCESS> tail
            const min = code[pc + 1];
            if (min > end - ptr) break dispatch;
            st.ptr = ptr;
            if (min === 0) ctx.count = 0;
            else {
              const count = sreCount(st, code, pc + 3, min);
              if (count < min) break dispatch;
              ctx.count = count;
              ptr += count;
            }
            if (
              code[pc + code[pc]] === C.SRE_OP_SUCCESS &&
              !(ctx.toplevel && ((st.matchAll && ptr !== st.end) || (st.mustAdvance && ptr === st.start)))
            ) {
              st.ptr = ptr;
              ret = true;
              mode = MODE_EXIT;
              break dispatch;
            }
            ctx.lastmark = st.lastmark;
            ctx.lastindex = st.lastindex;
            if (st.repeat !== null) markPush(st, ctx.lastmark);
            cont = LOOP_MIN_REPEAT_ONE;
            mode = MODE_CONTINUE;
            break dispatch;
          }
          case C.SRE_OP_POSSESSIVE_REPEAT_ONE: {
            const min = code[pc + 1];
            if (ptr + min > end) break dispatch;
            st.ptr = ptr;
            const count = sreCount(st, code, pc + 3, code[pc + 2]);
            ptr += count;
            ctx.count = count;
            if (count < min) break dispatch;
            pc += code[pc];
            if (code[pc] === C.SRE_OP_SUCCESS && ptr === st.end && !(ctx.toplevel && st.mustAdvance && ptr === st.start)) {
              st.ptr = ptr;
              ret = true;
              mode = MODE_EXIT;
              break dispatch;
            }
            continue;
          }
          case C.SRE_OP_REPEAT: {
            // <REPEAT> <skip> <1=min> <2=max> <3=repeat_index> item <UNTIL> tail
            const rep: SreRepeat = { count: -1, pc, prev: st.repeat, lastPtr: -1 };
            ctx.rep = rep;
            st.repeat = rep;
            st.ptr = ptr;
            nextJump = JUMP_REPEAT;
            nextPc = pc + code[pc];
            nextToplevel = ctx.toplevel;
            mode = MODE_ENTRANCE;
            break dispatch;
          }
          case C.SRE_OP_MAX_UNTIL: {
            const rep = st.repeat;
            if (rep === null) illegal();
            ctx.rep = rep;
            st.ptr = ptr;
            ctx.count = rep.count + 1;
            if (ctx.count < code[rep.pc + 1]) {
              rep.count = ctx.count;
              nextJump = JUMP_MAX_UNTIL_1;
              nextPc = rep.pc + 3;
              nextToplevel = ctx.toplevel;
              mode = MODE_ENTRANCE;
              break dispatch;
            }
            cont = MAX_UNTIL_MORE;
            mode = MODE_CONTINUE;
            break dispatch;
          }
          case C.SRE_OP_MIN_UNTIL: {
            const rep = st.repeat;
            if (rep === null) illegal();
            ctx.rep = rep;
            st.ptr = ptr;
            ctx.count = rep.count + 1;
            if (ctx.count < code[rep.pc + 1]) {
              rep.count = ctx.count;
              nextJump = JUMP_MIN_UNTIL_1;
              nextPc = rep.pc + 3;
              nextToplevel = ctx.toplevel;
              mode = MODE_ENTRANCE;
              break dispatch;
            }
            // see if the tail matches
            st.repeat = rep.prev;
            ctx.lastmark = st.lastmark;
            ctx.lastindex = st.lastindex;
            if (st.repeat !== null) markPush(st, ctx.lastmark);
            nextJump = JUMP_MIN_UNTIL_2;
            nextPc = pc;
            nextToplevel = ctx.toplevel;
            mode = MODE_ENTRANCE;
            break dispatch;
          }
          case C.SRE_OP_POSSESSIVE_REPEAT:
            // <POSSESSIVE_REPEAT> <skip> <1=min> <2=max> pattern <SUCCESS> tail
            st.ptr = ptr;
            // a repeat context, so that the body saves and restores marks as inside REPEAT (gh-101955)
            ctx.rep = { count: -1, pc: -1, prev: st.repeat, lastPtr: -1 };
            st.repeat = ctx.rep;
            ctx.count = 0;
            cont = LOOP_POSS_REPEAT_1;
            mode = MODE_CONTINUE;
            break dispatch;
          case C.SRE_OP_ATOMIC_GROUP:
            // <ATOMIC_GROUP> <skip> pattern <SUCCESS> tail
            st.ptr = ptr;
            nextJump = JUMP_ATOMIC_GROUP;
            nextPc = pc + 1;
            nextToplevel = false;
            mode = MODE_ENTRANCE;
            break dispatch;
          case C.SRE_OP_GROUPREF:
          case C.SRE_OP_GROUPREF_IGNORE:
          case C.SRE_OP_GROUPREF_UNI_IGNORE:
          case C.SRE_OP_GROUPREF_LOC_IGNORE: {
            const op = code[pc - 1];
            const groupref = code[pc] * 2;
            if (groupref >= st.lastmark) break dispatch;
            let p = st.mark[groupref];
            const e = st.mark[groupref + 1];
            if (p < 0 || e < 0 || e < p) break dispatch;
            if (op === C.SRE_OP_GROUPREF) {
              while (p < e) {
                if (ptr >= end || text[ptr] !== text[p]) break dispatch;
                p++;
                ptr++;
              }
            } else {
              const lower = op === C.SRE_OP_GROUPREF_UNI_IGNORE ? sreLowerUnicode : op === C.SRE_OP_GROUPREF_IGNORE ? sreLowerAscii : sreLowerLocale;
              while (p < e) {
                if (ptr >= end || lower(text[ptr]) !== lower(text[p])) break dispatch;
                p++;
                ptr++;
              }
            }
            pc++;
            continue;
          }
          case C.SRE_OP_GROUPREF_EXISTS: {
            // <GROUPREF_EXISTS> <group> <skip> codeyes <JUMP> codeno ...
            const groupref = code[pc] * 2;
            if (groupref >= st.lastmark) {
              pc += code[pc + 1];
              continue;
            }
            const p = st.mark[groupref];
            const e = st.mark[groupref + 1];
            if (p < 0 || e < 0 || e < p) {
              pc += code[pc + 1];
              continue;
            }
            pc += 2;
            continue;
          }
          case C.SRE_OP_ASSERT:
            // <ASSERT> <skip> <back> <pattern>
            if (ptr < code[pc + 1]) break dispatch;
            st.ptr = ptr - code[pc + 1];
            nextJump = JUMP_ASSERT;
            nextPc = pc + 2;
            nextToplevel = false;
            mode = MODE_ENTRANCE;
            break dispatch;
          case C.SRE_OP_ASSERT_NOT:
            if (ptr >= code[pc + 1]) {
              st.ptr = ptr - code[pc + 1];
              ctx.lastmark = st.lastmark;
              ctx.lastindex = st.lastindex;
              if (st.repeat !== null) markPush(st, ctx.lastmark);
              nextJump = JUMP_ASSERT_NOT;
              nextPc = pc + 2;
              nextToplevel = false;
              mode = MODE_ENTRANCE;
              break dispatch;
            }
            pc += code[pc];
            continue;
          case C.SRE_OP_FAILURE:
            break dispatch;
          default:
            illegal();
        }
      }
      if (mode === MODE_DISPATCH) {
        // an op failed
        ret = false;
        mode = MODE_EXIT;
      }
    }

    if (mode === MODE_EXIT) {
      // return from the current context to its parent, which resumes where it started the child
      const jump = ctx.jump;
      if (depth === 0) return ret;
      depth--;
      ctx = ctxs[depth];
      pc = ctx.pc;
      ptr = ctx.ptr;
      cont = jump;
      mode = MODE_CONTINUE;
    }

    if (mode === MODE_CONTINUE) {
      // the resume point or loop head `cont` of ctx; it sets the next mode (ENTRANCE after setting
      // nextPc/nextJump/nextToplevel, DISPATCH to go on with the ops at pc, EXIT with ret set)
      resume: for (;;) {
        switch (cont) {
          case LOOP_BRANCH:
            for (; code[pc] !== 0; pc += code[pc]) {
              if (code[pc + 1] === C.SRE_OP_LITERAL && (ptr >= end || text[ptr] !== code[pc + 2])) continue;
              if (code[pc + 1] === C.SRE_OP_IN && (ptr >= end || !sreCharset(code, pc + 3, text[ptr]))) continue;
              st.ptr = ptr;
              { nextJump = JUMP_BRANCH; nextPc = pc + 1; nextToplevel = ctx.toplevel; mode = MODE_ENTRANCE; break resume; }
            }
            if (st.repeat !== null) markDiscard(st, ctx.lastmark);
            { ret = false; mode = MODE_EXIT; break resume; }
          case JUMP_BRANCH:
            if (ret) {
              if (st.repeat !== null) markDiscard(st, ctx.lastmark);
              { mode = MODE_EXIT; break resume; }
            }
            if (st.repeat !== null) markPop(st, ctx.lastmark, false);
            st.lastmark = ctx.lastmark;
            st.lastindex = ctx.lastindex;
            pc += code[pc];
            cont = LOOP_BRANCH;
            continue;

          case LOOP_REPEAT_ONE_LITERAL: {
            const min = code[pc + 1];
            const chr = ctx.chr;
            while (ctx.count >= min && (ptr >= end || text[ptr] !== chr)) {
              ptr--;
              ctx.count--;
            }
            if (ctx.count < min) {
              if (st.repeat !== null) markDiscard(st, ctx.lastmark);
              { ret = false; mode = MODE_EXIT; break resume; }
            }
            st.ptr = ptr;
            { nextJump = JUMP_REPEAT_ONE_1; nextPc = pc + code[pc]; nextToplevel = ctx.toplevel; mode = MODE_ENTRANCE; break resume; }
          }
          case LOOP_REPEAT_ONE:
            if (ctx.count >= code[pc + 1]) {
              st.ptr = ptr;
              { nextJump = JUMP_REPEAT_ONE_2; nextPc = pc + code[pc]; nextToplevel = ctx.toplevel; mode = MODE_ENTRANCE; break resume; }
            }
            if (st.repeat !== null) markDiscard(st, ctx.lastmark);
            { ret = false; mode = MODE_EXIT; break resume; }
          case JUMP_REPEAT_ONE_1:
          case JUMP_REPEAT_ONE_2:
            if (ret) {
              if (st.repeat !== null) markDiscard(st, ctx.lastmark);
              { mode = MODE_EXIT; break resume; }
            }
            if (st.repeat !== null) markPop(st, ctx.lastmark, false);
            st.lastmark = ctx.lastmark;
            st.lastindex = ctx.lastindex;
            ptr--;
            ctx.count--;
            cont = cont === JUMP_REPEAT_ONE_1 ? LOOP_REPEAT_ONE_LITERAL : LOOP_REPEAT_ONE;
            continue;

          case LOOP_MIN_REPEAT_ONE:
            if (code[pc + 2] === C.SRE_MAXREPEAT || ctx.count <= code[pc + 2]) {
              st.ptr = ptr;
              { nextJump = JUMP_MIN_REPEAT_ONE; nextPc = pc + code[pc]; nextToplevel = ctx.toplevel; mode = MODE_ENTRANCE; break resume; }
            }
            if (st.repeat !== null) markDiscard(st, ctx.lastmark);
            { ret = false; mode = MODE_EXIT; break resume; }
          case JUMP_MIN_REPEAT_ONE:
            if (ret) {
              if (st.repeat !== null) markDiscard(st, ctx.lastmark);
              { mode = MODE_EXIT; break resume; }
            }
            if (st.repeat !== null) markPop(st, ctx.lastmark, false);
            st.lastmark = ctx.lastmark;
            st.lastindex = ctx.lastindex;
            st.ptr = ptr;
            if (sreCount(st, code, pc + 3, 1) === 0) {
              if (st.repeat !== null) markDiscard(st, ctx.lastmark);
              { ret = false; mode = MODE_EXIT; break resume; }
            }
            ptr++;
            ctx.count++;
            cont = LOOP_MIN_REPEAT_ONE;
            continue;

          case JUMP_REPEAT: {
            const rep = ctx.rep as SreRepeat;
            st.repeat = rep.prev;
            mode = MODE_EXIT; break resume;
          }

          case JUMP_MAX_UNTIL_1:
          case JUMP_MIN_UNTIL_1: {
            if (ret) { mode = MODE_EXIT; break resume; }
            (ctx.rep as SreRepeat).count = ctx.count - 1;
            st.ptr = ptr;
            { ret = false; mode = MODE_EXIT; break resume; }
          }
          case MAX_UNTIL_MORE: {
            const rep = ctx.rep as SreRepeat;
            const max = code[rep.pc + 2];
            if ((ctx.count < max || max === C.SRE_MAXREPEAT) && st.ptr !== rep.lastPtr) {
              // we may have enough matches, but if we can match another item, do so
              rep.count = ctx.count;
              ctx.lastmark = st.lastmark;
              ctx.lastindex = st.lastindex;
              markPush(st, ctx.lastmark);
              dpush(st, rep.lastPtr); // zero-width match protection
              rep.lastPtr = st.ptr;
              { nextJump = JUMP_MAX_UNTIL_2; nextPc = rep.pc + 3; nextToplevel = ctx.toplevel; mode = MODE_ENTRANCE; break resume; }
            }
            cont = MAX_UNTIL_TAIL;
            continue;
          }
          case JUMP_MAX_UNTIL_2: {
            const rep = ctx.rep as SreRepeat;
            rep.lastPtr = st.dstack[--st.dtop];
            if (ret) {
              markDiscard(st, ctx.lastmark);
              { mode = MODE_EXIT; break resume; }
            }
            markPop(st, ctx.lastmark, true);
            st.lastmark = ctx.lastmark;
            st.lastindex = ctx.lastindex;
            rep.count = ctx.count - 1;
            st.ptr = ptr;
            cont = MAX_UNTIL_TAIL;
            continue;
          }
          case MAX_UNTIL_TAIL:
            // cannot match more repeated items here; make sure the tail matches
            st.repeat = (ctx.rep as SreRepeat).prev;
            { nextJump = JUMP_MAX_UNTIL_3; nextPc = pc; nextToplevel = ctx.toplevel; mode = MODE_ENTRANCE; break resume; }
          case JUMP_MAX_UNTIL_3:
            st.repeat = ctx.rep;
            if (ret) { mode = MODE_EXIT; break resume; }
            st.ptr = ptr;
            { ret = false; mode = MODE_EXIT; break resume; }

          case JUMP_MIN_UNTIL_2: {
            const rep = ctx.rep as SreRepeat;
            const repeatOfTail = st.repeat;
            st.repeat = rep;
            if (ret) {
              if (repeatOfTail !== null) markDiscard(st, ctx.lastmark);
              { mode = MODE_EXIT; break resume; }
            }
            if (repeatOfTail !== null) markPop(st, ctx.lastmark, true);
            st.lastmark = ctx.lastmark;
            st.lastindex = ctx.lastindex;
            st.ptr = ptr;
            const max = code[rep.pc + 2];
            if ((ctx.count >= max && max !== C.SRE_MAXREPEAT) || st.ptr === rep.lastPtr) { ret = false; mode = MODE_EXIT; break resume; }
            rep.count = ctx.count;
            dpush(st, rep.lastPtr);
            rep.lastPtr = st.ptr;
            { nextJump = JUMP_MIN_UNTIL_3; nextPc = rep.pc + 3; nextToplevel = ctx.toplevel; mode = MODE_ENTRANCE; break resume; }
          }
          case JUMP_MIN_UNTIL_3: {
            const rep = ctx.rep as SreRepeat;
            rep.lastPtr = st.dstack[--st.dtop];
            if (ret) { mode = MODE_EXIT; break resume; }
            rep.count = ctx.count - 1;
            st.ptr = ptr;
            { ret = false; mode = MODE_EXIT; break resume; }
          }

          case LOOP_POSS_REPEAT_1:
            if (ctx.count < code[pc + 1]) { nextJump = JUMP_POSS_REPEAT_1; nextPc = pc + 3; nextToplevel = false; mode = MODE_ENTRANCE; break resume; }
            ptr = -1;
            cont = LOOP_POSS_REPEAT_2;
            continue;
          case JUMP_POSS_REPEAT_1:
            if (ret) {
              ctx.count++;
              cont = LOOP_POSS_REPEAT_1;
              continue;
            }
            st.ptr = ptr;
            st.repeat = (ctx.rep as SreRepeat).prev;
            { ret = false; mode = MODE_EXIT; break resume; }
          case LOOP_POSS_REPEAT_2: {
            const max = code[pc + 2];
            if ((ctx.count < max || max === C.SRE_MAXREPEAT) && st.ptr !== ptr) {
              ctx.lastmark = st.lastmark;
              ctx.lastindex = st.lastindex;
              markPush(st, ctx.lastmark);
              ptr = st.ptr;
              { nextJump = JUMP_POSS_REPEAT_2; nextPc = pc + 3; nextToplevel = false; mode = MODE_ENTRANCE; break resume; }
            }
            cont = POSS_REPEAT_TAIL;
            continue;
          }
          case JUMP_POSS_REPEAT_2:
            if (ret) {
              markDiscard(st, ctx.lastmark);
              ctx.count++;
              cont = LOOP_POSS_REPEAT_2;
              continue;
            }
            markPop(st, ctx.lastmark, true);
            st.lastmark = ctx.lastmark;
            st.lastindex = ctx.lastindex;
            st.ptr = ptr;
            cont = POSS_REPEAT_TAIL;
            continue;
          case POSS_REPEAT_TAIL:
            st.repeat = (ctx.rep as SreRepeat).prev;
            pc += code[pc] + 1;
            ptr = st.ptr;
            { mode = MODE_DISPATCH; break resume; }

          case JUMP_ATOMIC_GROUP:
            if (!ret) {
              st.ptr = ptr;
              { ret = false; mode = MODE_EXIT; break resume; }
            }
            pc += code[pc];
            ptr = st.ptr;
            { mode = MODE_DISPATCH; break resume; }

          case JUMP_ASSERT:
            if (!ret) { ret = false; mode = MODE_EXIT; break resume; }
            pc += code[pc];
            { mode = MODE_DISPATCH; break resume; }
          case JUMP_ASSERT_NOT:
            if (ret) {
              if (st.repeat !== null) markDiscard(st, ctx.lastmark);
              { ret = false; mode = MODE_EXIT; break resume; }
            }
            if (st.repeat !== null) markPop(st, ctx.lastmark, true);
            st.lastmark = ctx.lastmark;
            st.lastindex = ctx.lastindex;
            pc += code[pc];
            { mode = MODE_DISPATCH; break resume; }

          default:
            illegal();
        }
      }
    }

    if (mode === MODE_ENTRANCE) {
      // DO_JUMP: save the parent's position, start a child context at nextPc
      ctx.pc = pc;
      ctx.ptr = ptr;
      depth++;
      const child = ctxs[depth] ?? (ctxs[depth] = new MatchContext());
      child.jump = nextJump;
      child.toplevel = nextToplevel;
      ctx = child;
      pc = nextPc;
    }
  }

}

// --- SRE(search) --------------------------------------------------------------------------------------

/** SRE(search): the first match at or after st.start; on success st.start..st.ptr is the match. */
export function sreSearch(st: SreState, code: Uint32Array): boolean {
  const text = st.text;
  let ptr = st.start;
  let end = st.end;
  let pc = 0;
  let prefixLen = 0;
  let prefixSkip = 0;
  let prefix = 0;
  let overlap = 0;
  let charset = -1;
  let flags = 0;

  if (ptr > end) return false;

  if (code[0] === C.SRE_OP_INFO) {
    // <INFO> <1=skip> <2=flags> <3=min> <4=max> <5=prefix info>
    flags = code[2];
    const min = code[3];
    if (min !== 0 && end - ptr < min) return false;
    if (min > 1) {
      // adjust end point (but make sure we leave at least one character in there)
      end -= min - 1;
      if (end <= ptr) end = ptr;
    }
    if (flags & C.SRE_INFO_PREFIX) {
      // <length> <skip> <prefix data> <overlap data>
      prefixLen = code[5];
      prefixSkip = code[6];
      prefix = 7;
      overlap = prefix + prefixLen - 1;
    } else if (flags & C.SRE_INFO_CHARSET) {
      charset = 5;
    }
    pc = 1 + code[1];
  }

  if (prefixLen === 1) {
    // pattern starts with a literal character
    const c = code[prefix];
    end = st.end;
    st.mustAdvance = false;
    while (ptr < end) {
      while (text[ptr] !== c) {
        if (++ptr >= end) return false;
      }
      st.start = ptr;
      st.ptr = ptr + prefixSkip;
      if (flags & C.SRE_INFO_LITERAL) return true;
      if (sreMatch(st, code, pc + 2 * prefixSkip, false)) return true;
      ++ptr;
      st.lastmark = st.lastindex = -1;
    }
    return false;
  }

  if (prefixLen > 1) {
    // pattern starts with a known prefix; use the overlap table to skip forward
    end = st.end;
    if (prefixLen > end - ptr) return false;
    const c0 = code[prefix];
    while (ptr < end) {
      while (text[ptr++] !== c0) {
        if (ptr >= end) return false;
      }
      if (ptr >= end) return false;
      let i = 1;
      st.mustAdvance = false;
      do {
        if (text[ptr] === code[prefix + i]) {
          if (++i !== prefixLen) {
            if (++ptr >= end) return false;
            continue;
          }
          // found a potential match
          st.start = ptr - (prefixLen - 1);
          st.ptr = ptr - (prefixLen - prefixSkip - 1);
          if (flags & C.SRE_INFO_LITERAL) return true;
          if (sreMatch(st, code, pc + 2 * prefixSkip, false)) return true;
          // close but no cigar -- try again
          if (++ptr >= end) return false;
          st.lastmark = st.lastindex = -1;
        }
        i = code[overlap + i];
      } while (i !== 0);
    }
    return false;
  }

  if (charset >= 0) {
    // pattern starts with a character from a known set
    end = st.end;
    st.mustAdvance = false;
    for (;;) {
      while (ptr < end && !sreCharset(code, charset, text[ptr])) ptr++;
      if (ptr >= end) return false;
      st.start = ptr;
      st.ptr = ptr;
      if (sreMatch(st, code, pc, false)) return true;
      ptr++;
      st.lastmark = st.lastindex = -1;
    }
  }

  // general case
  st.start = st.ptr = ptr;
  let status = sreMatch(st, code, pc, true);
  st.mustAdvance = false;
  if (!status && code[pc] === C.SRE_OP_AT && (code[pc + 1] === C.SRE_AT_BEGINNING || code[pc + 1] === C.SRE_AT_BEGINNING_STRING)) {
    st.start = st.ptr = end;
    return false;
  }
  while (!status && ptr < end) {
    ptr++;
    st.lastmark = st.lastindex = -1;
    st.start = st.ptr = ptr;
    status = sreMatch(st, code, pc, false);
  }
  return status;
}
