// CPython: Parser/pegen.c, Parser/pegen.h — the runtime the generated parser runs on.
//
// The parser object (API used by the generated parser and by src/parser/pegen_errors.ts):
//   tokens: Token[]        tokens read so far; filled lazily from the tokenizer (`fill` of them)
//   mark: number           index of the next token to match; rules save it and reset it on failure
//   fill: number           number of valid entries in `tokens`
//   fillToken(): Token     reads one more token (tokenizer errors are thrown from here)
//   peekToken(): Token     tokens[mark], filling if needed
//   level: number          rule-call depth (CPython: p->level), checked against MAXSTACK
//   callInvalidRules       true during the second (error-reporting) pass: invalid_ rules run
//   inRawRule              > 0 while growing a left-recursive seed
//   filename, source       for error messages; `source` is the decoded text
//   startMode              "exec" | "eval" | "single" | "func_type"
//   flags                  PyPARSE_* bits (barry_as_FLUFL, type comments)
//   featureVersion         minor version for ast.parse(feature_version=...) (CHECK_VERSION)
//   typeIgnoreComments     `# type: ignore` comments seen (lineno, tag)
//   tokenizer              the token source (a Tokenizer from ./tokenizer/index.ts in practice)
//   sourceLine(n)          text of line n; getMemo/insertMemo, expectToken, nameToken, ... (below)
// Hard keywords are classified here (NAME -> the keyword's number from KEYWORDS, generated from
// the grammar's quoted names); soft keywords stay NAME and are matched by text.
// Tokens carry lineno/col_offset/end_lineno/end_col_offset with columns in UTF-8 bytes (the AST's
// unit), the token text in `string`, and `metadata` (f-string debug text).
// Errors are thrown at once as the Python exception object (PySyntaxError, or the MemoryError
// for parser stack overflow); nothing catches them inside the parser.
import * as ast from "../ast/ast.generated.js";
import { PyBaseException, PyExc_MemoryError } from "../objects/exceptions.js";
import { PyComplex } from "../objects/complexobject.js";
import { PyFloat } from "../objects/floatobject.js";
import type { PyObject } from "../objects/object.js";
import type { Token as LexToken } from "./lexer/token.js";
import { RAISE_SYNTAX_ERROR, RAISE_SYNTAX_ERROR_KNOWN_LOCATION } from "./pegen_errors.js";
import * as T from "./token.generated.js";

/** Maximum rule-call depth before "Parser stack overflowed" (CPython: MAXSTACK, 64-bit). */
export const MAXSTACK = 6000;

// CPython: PyPARSE_* flags.
export const PyPARSE_DONT_IMPLY_DEDENT = 0x0002;
export const PyPARSE_BARRY_AS_BDFL = 0x0020;
export const PyPARSE_TYPE_COMMENTS = 0x0040;
export const PyPARSE_ALLOW_INCOMPLETE_INPUT = 0x0100;

/** One entry of a token's memo list (CPython: Memo). */
export class Memo {
  constructor(
    public type: number,
    public node: unknown,
    public mark: number,
    public next: Memo | null,
  ) {}
}

/** A token as the parser keeps it (CPython: Token in pegen.h). */
export class Token {
  memo: Memo | null = null;
  constructor(
    /** Token type; hard keywords get their own numbers (>= 500, see KEYWORDS in parser.generated.ts). */
    public type: number,
    public string: string,
    public lineno: number,
    /** 0-based, in UTF-8 bytes. */
    public col_offset: number,
    public end_lineno: number,
    public end_col_offset: number,
    /** Bracket nesting level (CPython: token->level). */
    public level: number,
    /** f-string debug text for '=', '!', ':' and '}' tokens (CPython: token->metadata). */
    public metadata: string | null,
  ) {}
}

/** Where tokens come from: the tokenizer in parser mode (byte columns, no COMMENT/NL). */
export interface TokenSource {
  /** The next token; throws PySyntaxError (or IndentationError/TabError) on a tokenizer error. */
  next(): LexToken;
}

export type StartMode = "exec" | "eval" | "single" | "func_type";

export class Parser {
  tokens: Token[] = [];
  fill = 0;
  mark = 0;
  level = 0;
  callInvalidRules = false;
  inRawRule = 0;
  flags = 0;
  featureVersion = 14;
  /** Set once a token has been read in "single" mode (CPython: p->parsing_started). */
  parsingStarted = false;
  readonly typeIgnoreComments: { lineno: number; comment: string }[] = [];
  private dummy: ast.Name | null = null;

  constructor(
    readonly tokenizer: TokenSource,
    readonly keywords: ReadonlyMap<string, number>,
    readonly softKeywords: readonly string[],
    readonly filename: string,
    readonly source: string,
    readonly startMode: StartMode,
  ) {}

  // ---- tokens ---------------------------------------------------------------------------

  /** Reads the next token into `tokens` (CPython: _PyPegen_fill_token). */
  fillToken(): Token {
    let lt = this.tokenizer.next();
    // `# type: ignore` comments are collected, not parsed.
    while (lt.type === T.TYPE_IGNORE) {
      this.typeIgnoreComments.push({ lineno: lt.lineno, comment: lt.string });
      lt = this.tokenizer.next();
    }
    let type = lt.type;
    if (type === T.NAME) {
      const kw = this.keywords.get(lt.string);
      if (kw !== undefined) type = kw;
    }
    // In "single" mode, an ENDMARKER after a statement is seen as NEWLINE first.
    if (this.startMode === "single" && type === T.ENDMARKER && this.parsingStarted) {
      type = T.NEWLINE;
      this.parsingStarted = false;
    } else this.parsingStarted = true;
    const t = new Token(type, lt.string, lt.lineno, lt.colOffset, lt.endLineno, lt.endColOffset, lt.level, lt.metadata);
    this.tokens.push(t);
    this.fill++;
    return t;
  }

  /** tokens[mark], reading it if needed. */
  peekToken(): Token {
    return this.mark < this.fill ? this.tokens[this.mark]! : this.fillToken();
  }

  /** CPython: _PyPegen_expect_token. */
  expectToken(type: number): Token | null {
    const t = this.mark < this.fill ? this.tokens[this.mark]! : this.fillToken();
    if (t.type !== type) return null;
    this.mark++;
    return t;
  }

  /** CPython: _PyPegen_expect_forced_token — raises "expected 'x'" when the token is missing. */
  expectForcedToken(type: number, expected: string): Token {
    const t = this.peekToken();
    if (t.type !== type) RAISE_SYNTAX_ERROR_KNOWN_LOCATION(this, t, `expected '${expected}'`);
    this.mark++;
    return t;
  }

  /** CPython: _PyPegen_expect_forced_result. */
  expectForcedResult<R>(result: R | null, expected: string): R {
    if (result === null) RAISE_SYNTAX_ERROR(this, `expected (${expected})`);
    return result;
  }

  /** CPython: _PyPegen_get_last_nonnwhitespace_token. */
  lastNonwhitespaceToken(): Token {
    let t = this.tokens[0]!;
    for (let m = this.mark - 1; m >= 0; m--) {
      t = this.tokens[m]!;
      if (t.type !== T.ENDMARKER && (t.type < T.NEWLINE || t.type > T.DEDENT)) break;
    }
    return t;
  }

  /** Lookahead helpers: `saved` is the mark before the item was tried. */
  positiveLookahead(saved: number, result: unknown): boolean {
    this.mark = saved;
    return result !== null;
  }
  negativeLookahead(saved: number, result: unknown): boolean {
    this.mark = saved;
    return result === null;
  }

  // ---- memoization ----------------------------------------------------------------------

  /** CPython: _PyPegen_is_memoized. Returns undefined when not memoized; else the node (or null). */
  getMemo(type: number): unknown {
    const t = this.mark < this.fill ? this.tokens[this.mark]! : this.fillToken();
    for (let m = t.memo; m !== null; m = m.next) {
      if (m.type === type) {
        this.mark = m.mark;
        return m.node;
      }
    }
    return undefined;
  }

  /** CPython: _PyPegen_update_memo / _PyPegen_insert_memo (result at `mark`, ending at this.mark). */
  insertMemo(mark: number, type: number, node: unknown): void {
    const t = this.tokens[mark]!;
    for (let m = t.memo; m !== null; m = m.next) {
      if (m.type === type) {
        m.node = node;
        m.mark = this.mark;
        return;
      }
    }
    t.memo = new Memo(type, node, this.mark, t.memo);
  }

  // ---- token -> AST ---------------------------------------------------------------------

  /** CPython: _PyPegen_name_token. */
  nameToken(): ast.Name | null {
    const t = this.expectToken(T.NAME);
    return t === null ? null : this.nameFromToken(t);
  }

  /** CPython: _PyPegen_name_from_token. */
  nameFromToken(t: Token): ast.Name {
    return new ast.Name(newIdentifier(t.string), ast.Load, t.lineno, t.col_offset, t.end_lineno, t.end_col_offset);
  }

  /** CPython: _PyPegen_soft_keyword_token. */
  softKeywordToken(): ast.Name | null {
    const t = this.peekToken();
    if (t.type !== T.NAME || !this.softKeywords.includes(t.string)) return null;
    this.mark++;
    return this.nameFromToken(t);
  }

  /** CPython: _PyPegen_expect_soft_keyword. */
  expectSoftKeyword(keyword: string): ast.Name | null {
    const t = this.peekToken();
    if (t.type !== T.NAME || t.string !== keyword) return null;
    this.mark++;
    return this.nameFromToken(t);
  }

  /** CPython: _PyPegen_string_token. */
  stringToken(): Token | null {
    return this.expectToken(T.STRING);
  }

  /** CPython: _PyPegen_number_token. */
  numberToken(): ast.expr | null {
    const t = this.expectToken(T.NUMBER);
    if (t === null) return null;
    const value = this.parseNumber(t);
    return new ast.Constant(value, null, t.lineno, t.col_offset, t.end_lineno, t.end_col_offset);
  }

  /** CPython: parsenumber / parsenumber_raw in pegen.c. */
  private parseNumber(t: Token): PyObject {
    let s = t.string;
    if (s.includes("_")) {
      if (this.featureVersion < 6) {
        RAISE_SYNTAX_ERROR(this, "Underscores in numeric literals are only supported in Python 3.6 and greater");
      }
      s = s.replace(/_/g, "");
    }
    const c1 = s.charCodeAt(1) | 0x20;
    if (s.charCodeAt(0) === 48 /* 0 */ && (c1 === 120 || c1 === 111 || c1 === 98) /* x o b */) {
      return normalizeInt(BigInt(s));
    }
    if (/^[0-9]+$/.test(s)) {
      if (s.length <= 15) return parseInt(s, 10);
      if (s.length > 4300) {
        RAISE_SYNTAX_ERROR_KNOWN_LOCATION(this, t,
          `Exceeds the limit (4300 digits) for integer string conversion: value has ${s.length} digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.`);
      }
      return normalizeInt(BigInt(s));
    }
    const last = s.charCodeAt(s.length - 1) | 0x20;
    if (last === 106 /* j */) return new PyComplex(0, Number(s.slice(0, -1)));
    return new PyFloat(Number(s));
  }

  /** Ends an inlined group's rule level (the generator's `a ?? b` form of a _tmp_N rule). */
  leaveLevel<R>(result: R): R {
    this.level--;
    return result;
  }

  /** CPython: _PyPegen_dummy_name — a placeholder Name for actions without results. */
  dummyName(..._args: unknown[]): ast.Name {
    if (this.dummy === null) this.dummy = new ast.Name("", ast.Load, 1, 0, 1, 0);
    return this.dummy;
  }

  /** A reference to an invalid_ rule not defined (yet): it never matches. */
  undefinedRule(_name: string): null {
    return null;
  }

  /** CPython: _Pypegen_stack_overflow. */
  stackOverflow(): never {
    throw new PyBaseException(PyExc_MemoryError, ["Parser stack overflowed - Python source too complex to parse"]);
  }

  // ---- errors ---------------------------------------------------------------------------

  /** The text of source line `lineno` (1-based), without its newline. */
  sourceLine(lineno: number): string {
    let start = 0;
    for (let i = 1; i < lineno; i++) {
      const nl = this.source.indexOf("\n", start);
      if (nl < 0) return "";
      start = nl + 1;
    }
    let end = this.source.indexOf("\n", start);
    if (end < 0) end = this.source.length;
    return this.source.slice(start, end);
  }
}

/** An int as the object model wants it: a number when safe, else a bigint. */
export function normalizeInt(v: bigint): number | bigint {
  return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v;
}

/** CPython: _PyPegen_new_identifier — identifiers are NFKC-normalized. */
export function newIdentifier(s: string): string {
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) >= 128) return s.normalize("NFKC");
  }
  return s;
}
