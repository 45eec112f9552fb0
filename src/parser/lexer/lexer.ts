// CPython: Parser/lexer/lexer.c — the tokenizer proper: tok_get_normal_mode, tok_get_fstring_mode.
//
// The lexer works on the whole decoded source held as one JS string (`text`), reading it line by
// line as CPython's underflow functions do, on char codes; a token's text is sliced only once the
// token is complete. Errors raised through _PyTokenizer_syntaxerror are thrown at once as
// PySyntaxError; the errors CPython reports through `tok->done` (E_EOF, E_DEDENT, E_TABSPACE,
// E_TOODEEP, E_LINECONT) return ERRORTOKEN with `done` set, and the caller (the parser's or the
// tokenize module's driver, src/parser/tokenizer/) turns them into its own exception.
import { PySyntaxError } from "../../objects/exceptions.js";
import * as T from "../token.generated.js";
import {
  E_DEDENT, E_EOF, E_EOFS, E_EOLS, E_ERROR, E_LINECONT, E_OK, E_TABSPACE, E_TOODEEP, EOF,
  MAX_EXPR_NESTING, MAXFSTRINGLEVEL, MAXINDENT, MAXLEVEL, TOK_FSTRING_MODE, TOK_REGULAR_MODE,
  TokenizerMode,
} from "./state.js";
import { isPrintable, scanIdentifier, utf8Length } from "./unicode.js";

/** A warning from the lexer: category, message, filename, line. Returns true to raise it as an error. */
export type WarningHandler = (category: "SyntaxWarning", message: string, filename: string, lineno: number) => boolean;

const TABSIZE = 8;
const ALTTABSIZE = 1;

// Character codes used below.
const C_TAB = 9, C_LF = 10, C_FF = 12, C_CR = 13, C_SPACE = 32, C_BANG = 33, C_DQUOTE = 34,
  C_HASH = 35, C_SQUOTE = 39, C_LPAR = 40, C_RPAR = 41, C_PLUS = 43, C_MINUS = 45, C_DOT = 46,
  C_0 = 48, C_1 = 49, C_7 = 55, C_9 = 57, C_COLON = 58, C_EQUAL = 61, C_LSQB = 91, C_BSLASH = 92,
  C_RSQB = 93, C_UNDERSCORE = 95, C_LBRACE = 123, C_RBRACE = 125;

function isDigit(c: number): boolean {
  return c >= C_0 && c <= C_9;
}
function isXDigit(c: number): boolean {
  return (c >= C_0 && c <= C_9) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}
function isPotentialIdentifierStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === C_UNDERSCORE || c >= 128;
}
/** 1 for the ASCII characters of names: letters, digits, '_'. */
const ASCII_NAME_CHAR = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  ASCII_NAME_CHAR[c] = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= C_0 && c <= C_9) || c === C_UNDERSCORE ? 1 : 0;
}
function isPotentialIdentifierChar(c: number): boolean {
  return c >= 128 || (c >= 0 && ASCII_NAME_CHAR[c] === 1);
}
function toLower(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}
function isStringLit(type: number): boolean {
  return type === T.STRING || type === T.FSTRING_MIDDLE || type === T.TSTRING_MIDDLE;
}

export class Lexer {
  /** The decoded source; it always ends with "\n" (one is added when missing, as CPython does). */
  readonly text: string;
  readonly n: number;
  /** True when the final "\n" of `text` was added (CPython: tok->implicit_newline on the last line). */
  readonly addedNewline: boolean;
  readonly filename: string;
  /** The tokenize module's mode: COMMENT/NL tokens, no literal checks (CPython: tok_extra_tokens). */
  readonly extraTokens: boolean;
  private readonly hasNul: boolean;

  cur = 0;
  inp = 0;
  lineStart = 0;
  /** Start of CPython's line buffer in readline mode (reset at each line read outside a token). */
  bufStart = 0;
  lineno = 0;
  done = E_OK;
  /** Index where the current token starts, or -1 (CPython: tok->start == NULL). */
  start = -1;
  implicitNewline = false;
  atbol = true;
  pendin = 0;
  indent = 0;
  readonly indstack = new Int32Array(MAXINDENT + 1);
  readonly altindstack = new Int32Array(MAXINDENT + 1);
  level = 0;
  readonly parenstack = new Int32Array(MAXLEVEL);
  readonly parenlinenostack = new Int32Array(MAXLEVEL);
  /** Index in `text` of each open bracket (CPython keeps its column in parencolstack). */
  readonly parenposstack = new Int32Array(MAXLEVEL);
  private commentNewline = false;
  contLine = false;
  firstLineno = 0;
  multiLineStart = 0;
  /** The mode stack: regular mode at the bottom, one entry per open f/t-string (CPython: tok_mode_stack). */
  private readonly modes: TokenizerMode[] = [new TokenizerMode()];
  modeIndex = 0;

  /** Whether `# type:` comments become TYPE_COMMENT/TYPE_IGNORE tokens (CPython: tok->type_comments,
   *  set by ast.parse(type_comments=True)). */
  typeComments = false;

  /** Receives the lexer's warnings; returns true when the warning is to be raised as an error
   *  (warnings filter "error"). Null: warnings are dropped (CPython: tok->report_warnings off). */
  warn: WarningHandler | null = null;

  // The token being built (CPython: p_start, p_end, token->metadata).
  pStart = -1;
  pEnd = -1;
  metadata: string | null = null;

  /** `execInput`: whole-file input, which gets an implied final newline; eval and single mode
   *  sources are read as they are (CPython: translate_newlines' exec_input). */
  constructor(text: string, filename: string, extraTokens: boolean, execInput = true) {
    this.addedNewline = execInput && (text.length === 0 || text.charCodeAt(text.length - 1) !== C_LF);
    // An empty source has no line at all; CPython's readers give EOF at once.
    this.text = text.length === 0 ? "" : this.addedNewline ? text + "\n" : text;
    this.n = this.text.length;
    this.filename = filename;
    this.extraTokens = extraTokens;
    this.hasNul = this.text.indexOf("\0") >= 0;
  }

  // --- reading characters (CPython: tok_nextc, tok_backup, the underflow functions) ---

  nextc(): number {
    for (;;) {
      if (this.cur !== this.inp) return this.text.charCodeAt(this.cur++);
      if (this.done !== E_OK) return EOF;
      if (!this.underflow()) {
        this.cur = this.inp;
        return EOF;
      }
      this.lineStart = this.cur;
      if (this.hasNul) {
        const z = this.text.indexOf("\0", this.lineStart);
        if (z >= 0 && z < this.inp) this.raiseNullBytes();
      }
    }
  }

  /** Reports NUL in a line; the drivers decide the exact exception. */
  private raiseNullBytes(): never {
    this.done = E_ERROR;
    const err = this.syntaxErrorObject("source code cannot contain null bytes", -1, -1);
    this.cur = this.inp;
    throw err;
  }

  private underflow(): boolean {
    // tok->buf: the readline tokenizer (tokenize module) keeps it across f-string lines, the string
    // tokenizer (parser) only across the lines of one token.
    if (this.start === -1 && (this.modeIndex === 0 || !this.extraTokens)) this.bufStart = this.inp;
    if (this.inp >= this.n) {
      this.done = E_EOF;
      return false;
    }
    const nl = this.text.indexOf("\n", this.inp);
    this.inp = nl < 0 ? this.n : nl + 1;
    this.implicitNewline = this.addedNewline && this.inp === this.n;
    this.lineno++;
    return true;
  }

  backup(c: number): void {
    if (c !== EOF) this.cur--;
  }

  // --- errors (CPython: Parser/tokenizer/helpers.c, _syntaxerror_range) ---

  /** The source line starting at `lineStart`, without its newline. */
  lineText(lineStart: number): string {
    let e = this.text.indexOf("\n", lineStart);
    if (e < 0) e = this.n;
    return this.text.slice(lineStart, e);
  }

  /** Code points between two indices. */
  codePoints(from: number, to: number): number {
    let n = 0;
    for (let i = from; i < to; i++) {
      const c = this.text.charCodeAt(i);
      if (c < 0xdc00 || c > 0xdfff || i === from || (this.text.charCodeAt(i - 1) & 0xfc00) !== 0xd800) n++;
    }
    return n;
  }

  /** A SyntaxError at the current position; colOffset/endColOffset -1 mean "at tok->cur". */
  syntaxErrorObject(msg: string, colOffset: number, endColOffset: number): PySyntaxError {
    if (colOffset === -1) colOffset = this.codePoints(this.lineStart, this.cur);
    if (endColOffset === -1) endColOffset = colOffset;
    return new PySyntaxError("SyntaxError", msg, this.filename, this.lineno, colOffset, this.lineno, endColOffset,
      this.lineText(this.lineStart));
  }

  syntaxError(msg: string): never {
    this.done = E_ERROR;
    throw this.syntaxErrorObject(msg, -1, -1);
  }

  private indentError(): number {
    this.done = E_TABSPACE;
    this.cur = this.inp;
    return T.ERRORTOKEN;
  }

  /** Reports a SyntaxWarning; when the handler makes it an error, raises `errorMsg` here
   *  (CPython: _PyTokenizer_parser_warn, _PyTokenizer_warn_invalid_escape_sequence). */
  private parserWarn(msg: string, errorMsg: string): void {
    if (this.warn !== null && this.warn("SyntaxWarning", msg, this.filename, this.lineno)) this.syntaxError(errorMsg);
  }

  // --- tokens ---

  private makeToken(type: number, pStart: number, pEnd: number): number {
    this.pStart = pStart;
    this.pEnd = pEnd;
    return type;
  }

  /** Reads the next token: returns its type; its span is pStart..pEnd (-1 when it has none). */
  get(): number {
    this.metadata = null;
    const mode = this.modes[this.modeIndex]!;
    if (mode.kind === TOK_REGULAR_MODE) return this.getNormalMode(mode);
    return this.getFStringMode(mode);
  }

  /** Line number where the last token starts (string literals can start on an earlier line). */
  tokenLineno(type: number): number {
    return isStringLit(type) ? this.firstLineno : this.lineno;
  }

  get insideFString(): boolean {
    return this.modeIndex > 0;
  }

  private lookahead(test: string): boolean {
    let i = 0;
    let res = false;
    for (;;) {
      const c = this.nextc();
      if (i === test.length) {
        res = !isPotentialIdentifierChar(c);
      } else if (c === test.charCodeAt(i)) {
        i++;
        continue;
      }
      this.backup(c);
      while (i > 0) {
        i--;
        this.backup(test.charCodeAt(i));
      }
      return res;
    }
  }

  private verifyEndOfNumber(c: number, kind: string): boolean {
    if (this.extraTokens) return true;
    let r = false;
    if (c === 97) r = this.lookahead("nd"); // a
    else if (c === 101) r = this.lookahead("lse"); // e
    else if (c === 102) r = this.lookahead("or"); // f
    else if (c === 105) { // i
      const c2 = this.nextc();
      if (c2 === 102 || c2 === 110 || c2 === 115) r = true;
      this.backup(c2);
    } else if (c === 111) r = this.lookahead("r"); // o
    else if (c === 110) r = this.lookahead("ot"); // n
    if (r) {
      this.backup(c);
      this.parserWarn(`invalid ${kind} literal`, `invalid ${kind} literal`);
      this.nextc();
      return true;
    }
    if (c < 128 && isPotentialIdentifierChar(c)) {
      this.backup(c);
      this.syntaxError(`invalid ${kind} literal`);
    }
    return true;
  }

  private verifyIdentifier(): void {
    if (this.extraTokens) return;
    const s = this.text.slice(this.start, this.cur);
    const invalid = scanIdentifier(s);
    if (invalid >= s.length) return;
    const ch = s.codePointAt(invalid)!;
    this.cur = this.start + invalid + (ch > 0xffff ? 2 : 1);
    const hex = ch.toString(16).toUpperCase().padStart(4, "0");
    if (isPrintable(ch)) this.syntaxError(`invalid character '${String.fromCodePoint(ch)}' (U+${hex})`);
    this.syntaxError(`invalid non-printable character U+${hex}`);
  }

  /** Only r combines with b, f or t (CPython: maybe_raise_syntax_error_for_string_prefixes). */
  private checkStringPrefixes(b: boolean, r: boolean, u: boolean, f: boolean, t: boolean): void {
    let pair: string | null = null;
    if (u && b) pair = "'u' and 'b'";
    else if (u && r) pair = "'u' and 'r'";
    else if (u && f) pair = "'u' and 'f'";
    else if (u && t) pair = "'u' and 't'";
    else if (b && f) pair = "'b' and 'f'";
    else if (b && t) pair = "'b' and 't'";
    else if (f && t) pair = "'f' and 't'";
    if (pair === null) return;
    this.done = E_ERROR;
    const ls = this.lineStart;
    throw this.syntaxErrorObject(`${pair} prefixes are incompatible`, utf8Length(this.text, ls, this.start + 1),
      utf8Length(this.text, ls, this.cur));
  }

  private decimalTail(): number {
    let c: number;
    for (;;) {
      do c = this.nextc(); while (isDigit(c));
      if (c !== C_UNDERSCORE) break;
      c = this.nextc();
      if (!isDigit(c)) {
        this.backup(c);
        this.syntaxError("invalid decimal literal");
      }
    }
    return c;
  }

  /** Returns false (with `done` set) when the backslash is not followed by a newline or the input ends. */
  private continuationLine(): boolean {
    let c = this.nextc();
    if (c === C_CR) c = this.nextc();
    if (c !== C_LF) {
      this.done = E_LINECONT;
      return false;
    }
    c = this.nextc();
    if (c === EOF) {
      this.done = E_EOF;
      this.cur = this.inp;
      return false;
    }
    this.backup(c);
    return true;
  }

  private getNormalMode(mode: TokenizerMode): number {
    let c = 0;
    nextline: for (;;) {
      this.start = -1;
      let blankline = false;

      // Indentation level
      if (this.atbol) {
        let col = 0;
        let altcol = 0;
        this.atbol = false;
        let contLineCol = 0;
        for (;;) {
          c = this.nextc();
          if (c === C_SPACE) {
            col++, altcol++;
          } else if (c === C_TAB) {
            col = ((col / TABSIZE) | 0) * TABSIZE + TABSIZE;
            altcol = ((altcol / ALTTABSIZE) | 0) * ALTTABSIZE + ALTTABSIZE;
          } else if (c === C_FF) {
            col = altcol = 0;
          } else if (c === C_BSLASH) {
            contLineCol = contLineCol ? contLineCol : col;
            if (!this.continuationLine()) return this.makeToken(T.ERRORTOKEN, -1, -1);
          } else {
            break;
          }
        }
        this.backup(c);
        if (c === C_HASH || c === C_LF || c === C_CR) blankline = true;
        if (!blankline && this.level === 0) {
          col = contLineCol ? contLineCol : col;
          altcol = contLineCol ? contLineCol : altcol;
          if (col === this.indstack[this.indent]) {
            if (altcol !== this.altindstack[this.indent]) return this.makeToken(this.indentError(), -1, -1);
          } else if (col > this.indstack[this.indent]!) {
            if (this.indent + 1 >= MAXINDENT) {
              this.done = E_TOODEEP;
              this.cur = this.inp;
              return this.makeToken(T.ERRORTOKEN, -1, -1);
            }
            if (altcol <= this.altindstack[this.indent]!) return this.makeToken(this.indentError(), -1, -1);
            this.pendin++;
            this.indstack[++this.indent] = col;
            this.altindstack[this.indent] = altcol;
          } else {
            while (this.indent > 0 && col < this.indstack[this.indent]!) {
              this.pendin--;
              this.indent--;
            }
            if (col !== this.indstack[this.indent]) {
              this.done = E_DEDENT;
              this.cur = this.inp;
              return this.makeToken(T.ERRORTOKEN, -1, -1);
            }
            if (altcol !== this.altindstack[this.indent]) return this.makeToken(this.indentError(), -1, -1);
          }
        }
      }

      this.start = this.cur;

      // Pending indents/dedents
      if (this.pendin !== 0) {
        if (this.pendin < 0) {
          this.pendin++;
          return this.extraTokens ? this.makeToken(T.DEDENT, this.cur, this.cur) : this.makeToken(T.DEDENT, -1, -1);
        }
        this.pendin--;
        return this.extraTokens ? this.makeToken(T.INDENT, this.bufStart, this.cur) : this.makeToken(T.INDENT, -1, -1);
      }

      // Peek ahead (reads the next line when needed)
      c = this.nextc();
      this.backup(c);

      again: for (;;) {
        this.start = -1;
        do c = this.nextc(); while (c === C_SPACE || c === C_TAB || c === C_FF);
        this.start = this.cur - 1;

        // Comment
        if (c === C_HASH) {
          {
            const text = this.text;
            const inp = this.inp;
            let i = this.cur;
            let d = 0;
            while (i < inp && (d = text.charCodeAt(i)) !== C_LF && d !== C_CR) i++;
            this.cur = i;
          }
          c = this.nextc();
          while (c !== EOF && c !== C_LF && c !== C_CR) c = this.nextc();
          if (this.typeComments) {
            const t = this.typeComment(c, blankline);
            if (t >= 0) return t;
          }
          if (this.extraTokens) {
            const p = this.start;
            this.backup(c);
            this.commentNewline = blankline;
            return this.makeToken(T.COMMENT, p, this.cur);
          }
        }

        // EOF and errors
        if (c === EOF) {
          if (this.level) return this.makeToken(T.ERRORTOKEN, -1, -1);
          return this.makeToken(this.done === E_EOF ? T.ENDMARKER : T.ERRORTOKEN, -1, -1);
        }

        // Identifier, or a string prefix
        if (isPotentialIdentifierStart(c)) {
          // Any set of the prefix letters, each once; a quote after them makes a string.
          let sawB = false, sawR = false, sawU = false, sawF = false, sawT = false;
          for (;;) {
            if (!sawB && (c === 98 || c === 66)) sawB = true; // b B
            else if (!sawU && (c === 117 || c === 85)) sawU = true; // u U
            else if (!sawR && (c === 114 || c === 82)) sawR = true; // r R
            else if (!sawF && (c === 102 || c === 70)) sawF = true; // f F
            else if (!sawT && (c === 116 || c === 84)) sawT = true; // t T
            else break;
            c = this.nextc();
            if (c === C_DQUOTE || c === C_SQUOTE) {
              this.checkStringPrefixes(sawB, sawR, sawU, sawF, sawT);
              if (sawF || sawT) return this.fstringStart(c, sawT);
              return this.letterQuote(c);
            }
          }
          let nonascii = false;
          // Fast path over the ASCII part of the name, within the current line.
          if (c < 128 && isPotentialIdentifierChar(c)) {
            const text = this.text;
            const inp = this.inp;
            let i = this.cur;
            let d = 0;
            while (i < inp && (d = text.charCodeAt(i)) < 128 && ASCII_NAME_CHAR[d] === 1) i++;
            this.cur = i;
            c = this.nextc();
          }
          while (isPotentialIdentifierChar(c)) {
            if (c >= 128) nonascii = true;
            c = this.nextc();
          }
          this.backup(c);
          if (nonascii) this.verifyIdentifier();
          return this.makeToken(T.NAME, this.start, this.cur);
        }

        if (c === C_CR) c = this.nextc();

        // Newline
        if (c === C_LF) {
          this.atbol = true;
          if (blankline || this.level > 0) {
            if (this.extraTokens) {
              this.commentNewline = false;
              return this.makeToken(T.NL, this.start, this.cur);
            }
            continue nextline;
          }
          if (this.commentNewline && this.extraTokens) {
            this.commentNewline = false;
            return this.makeToken(T.NL, this.start, this.cur);
          }
          this.contLine = false;
          return this.makeToken(T.NEWLINE, this.start, this.cur - 1);
        }

        // Period or number starting with period
        if (c === C_DOT) {
          c = this.nextc();
          if (isDigit(c)) return this.number(c, true);
          if (c === C_DOT) {
            c = this.nextc();
            if (c === C_DOT) return this.makeToken(T.ELLIPSIS, this.start, this.cur);
            this.backup(c);
            this.backup(C_DOT);
          } else {
            this.backup(c);
          }
          return this.makeToken(T.DOT, this.start, this.cur);
        }

        if (isDigit(c)) return this.number(c, false);

        // String
        if (c === C_DQUOTE || c === C_SQUOTE) return this.letterQuote(c);

        // Line continuation
        if (c === C_BSLASH) {
          if (!this.continuationLine()) return this.makeToken(T.ERRORTOKEN, -1, -1);
          this.contLine = true;
          continue again;
        }

        return this.punctuation(c, mode);
      }
    }
  }

  /** A `# type: ...` comment as TYPE_COMMENT or TYPE_IGNORE, or -1 for an ordinary comment.
   *  `c` is the character that ended the comment (CPython: the type_comments part of the lexer). */
  private typeComment(c: number, blankline: boolean): number {
    const text = this.text;
    const prefix = "# type: ";
    let p = this.start;
    let i = 0;
    for (; i < prefix.length && p < this.cur; i++) {
      const want = prefix.charCodeAt(i);
      if (want === C_SPACE) {
        // a space in the prefix stands for any run of spaces and tabs
        while (text.charCodeAt(p) === C_SPACE || text.charCodeAt(p) === C_TAB) p++;
      } else if (text.charCodeAt(p) === want) {
        p++;
      } else {
        break;
      }
    }
    if (i < prefix.length) return -1;
    this.backup(c); // the newline or EOF is not part of the comment
    const ignoreEnd = p + 6;
    const after = text.charCodeAt(ignoreEnd);
    const isIgnore = this.cur >= ignoreEnd && text.startsWith("ignore", p) &&
      !(this.cur > ignoreEnd && (after >= 128 || (after >= 48 && after <= 57) || (after >= 65 && after <= 90) ||
        (after >= 97 && after <= 122)));
    if (isIgnore) {
      const end = this.cur;
      // A type: ignore alone on its line also takes the newline.
      if (blankline) {
        this.nextc();
        this.atbol = true;
      }
      return this.makeToken(T.TYPE_IGNORE, ignoreEnd, end);
    }
    return this.makeToken(T.TYPE_COMMENT, p, this.cur);
  }

  private number(c: number, fromDot: boolean): number {
    // States of CPython's gotos: 0 = integer part done, 1 = fraction, 2 = exponent, 3 = imaginary
    let state = fromDot ? 1 : 0;
    if (!fromDot) {
      if (c === C_0) {
        c = this.nextc();
        if (c === 120 || c === 88) { // x X
          c = this.nextc();
          do {
            if (c === C_UNDERSCORE) c = this.nextc();
            if (!isXDigit(c)) {
              this.backup(c);
              this.syntaxError("invalid hexadecimal literal");
            }
            do c = this.nextc(); while (isXDigit(c));
          } while (c === C_UNDERSCORE);
          this.verifyEndOfNumber(c, "hexadecimal");
          return this.endNumber(c);
        } else if (c === 111 || c === 79) { // o O
          c = this.nextc();
          do {
            if (c === C_UNDERSCORE) c = this.nextc();
            if (c < C_0 || c > C_7) {
              if (isDigit(c)) this.syntaxError(`invalid digit '${String.fromCharCode(c)}' in octal literal`);
              this.backup(c);
              this.syntaxError("invalid octal literal");
            }
            do c = this.nextc(); while (c >= C_0 && c <= C_7);
          } while (c === C_UNDERSCORE);
          if (isDigit(c)) this.syntaxError(`invalid digit '${String.fromCharCode(c)}' in octal literal`);
          this.verifyEndOfNumber(c, "octal");
          return this.endNumber(c);
        } else if (c === 98 || c === 66) { // b B
          c = this.nextc();
          do {
            if (c === C_UNDERSCORE) c = this.nextc();
            if (c !== C_0 && c !== C_1) {
              if (isDigit(c)) this.syntaxError(`invalid digit '${String.fromCharCode(c)}' in binary literal`);
              this.backup(c);
              this.syntaxError("invalid binary literal");
            }
            do c = this.nextc(); while (c === C_0 || c === C_1);
          } while (c === C_UNDERSCORE);
          if (isDigit(c)) this.syntaxError(`invalid digit '${String.fromCharCode(c)}' in binary literal`);
          this.verifyEndOfNumber(c, "binary");
          return this.endNumber(c);
        } else {
          let nonzero = false;
          for (;;) {
            if (c === C_UNDERSCORE) {
              c = this.nextc();
              if (!isDigit(c)) {
                this.backup(c);
                this.syntaxError("invalid decimal literal");
              }
            }
            if (c !== C_0) break;
            c = this.nextc();
          }
          const zerosEnd = this.cur;
          if (isDigit(c)) {
            nonzero = true;
            c = this.decimalTail();
          }
          if (c === C_DOT) {
            c = this.nextc();
            state = 1;
          } else if (c === 101 || c === 69) {
            state = 2;
          } else if (c === 106 || c === 74) {
            state = 3;
          } else {
            if (nonzero && !this.extraTokens) {
              this.backup(c);
              this.done = E_ERROR;
              const ls = this.lineStart;
              throw this.syntaxErrorObject(
                "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                utf8Length(this.text, ls, this.start + 1), utf8Length(this.text, ls, zerosEnd));
            }
            this.verifyEndOfNumber(c, "decimal");
            return this.endNumber(c);
          }
        }
      } else {
        c = this.decimalTail();
        if (c === C_DOT) {
          c = this.nextc();
          state = 1;
        }
      }
    }
    if (state === 1) {
      if (isDigit(c)) c = this.decimalTail();
    }
    if (state <= 2 && (c === 101 || c === 69)) {
      const e = c;
      c = this.nextc();
      if (c === C_PLUS || c === C_MINUS) {
        c = this.nextc();
        if (!isDigit(c)) {
          this.backup(c);
          this.syntaxError("invalid decimal literal");
        }
      } else if (!isDigit(c)) {
        this.backup(c);
        this.verifyEndOfNumber(e, "decimal");
        this.backup(e);
        return this.makeToken(T.NUMBER, this.start, this.cur);
      }
      c = this.decimalTail();
      state = 2;
    }
    if (state === 3 || c === 106 || c === 74) {
      c = this.nextc();
      this.verifyEndOfNumber(c, "imaginary");
    } else {
      this.verifyEndOfNumber(c, "decimal");
    }
    return this.endNumber(c);
  }

  private endNumber(c: number): number {
    this.backup(c);
    return this.makeToken(T.NUMBER, this.start, this.cur);
  }

  private fstringStart(c: number, isT: boolean): number {
    const quote = c;
    let quoteSize = 1;
    this.firstLineno = this.lineno;
    this.multiLineStart = this.lineStart;
    const afterQuote = this.nextc();
    if (afterQuote === quote) {
      const afterAfter = this.nextc();
      if (afterAfter === quote) {
        quoteSize = 3;
      } else {
        this.backup(afterAfter);
        this.backup(afterQuote);
      }
    }
    if (afterQuote !== quote) this.backup(afterQuote);

    const pStart = this.start;
    const pEnd = this.cur;
    if (this.modeIndex + 1 >= MAXFSTRINGLEVEL) this.syntaxError(`too many nested f-strings or t-strings`);
    this.modeIndex++;
    let m = this.modes[this.modeIndex];
    if (m === undefined) {
      m = new TokenizerMode();
      this.modes.push(m);
    }
    m.kind = TOK_FSTRING_MODE;
    m.isTString = isT;
    m.quote = quote;
    m.quoteSize = quoteSize;
    m.start = this.start;
    m.multiLineStart = this.lineStart;
    m.lineStart = this.lineno;
    m.lastExprStart = -1;
    m.lastExprEnd = -1;
    m.inFormatSpec = false;
    m.debug = false;
    // The prefix is at most two letters; it is raw when either is r/R.
    const p0 = toLower(this.text.charCodeAt(this.start));
    const p1 = toLower(this.text.charCodeAt(this.start + 1));
    m.raw = p0 === 114 || p1 === 114;
    m.curlyBracketDepth = 0;
    m.curlyBracketExprStartDepth = -1;
    return this.makeToken(isT ? T.TSTRING_START : T.FSTRING_START, pStart, pEnd);
  }

  private letterQuote(c: number): number {
    const quote = c;
    let quoteSize = 1;
    let endQuoteSize = 0;
    let hasEscapedQuote = false;
    this.firstLineno = this.lineno;
    this.multiLineStart = this.lineStart;

    c = this.nextc();
    if (c === quote) {
      c = this.nextc();
      if (c === quote) quoteSize = 3;
      else endQuoteSize = 1; // empty string
    }
    if (c !== quote) this.backup(c);

    const text = this.text;
    while (endQuoteSize !== quoteSize) {
      if (endQuoteSize === 0) {
        // Fast path: skip the characters that cannot end the string or escape, within the line.
        const inp = this.inp;
        let i = this.cur;
        let d = 0;
        while (i < inp && (d = text.charCodeAt(i)) !== quote && d !== C_BSLASH && d !== C_LF) i++;
        this.cur = i;
      }
      c = this.nextc();
      if (c === EOF || (quoteSize === 1 && c === C_LF)) {
        // Report the error from the opening quote.
        this.cur = this.start + 1;
        this.lineStart = this.multiLineStart;
        const detected = this.lineno;
        this.lineno = this.firstLineno;
        if (this.insideFString) {
          const m = this.modes[this.modeIndex]!;
          if (m.quote === quote && m.quoteSize === quoteSize) {
            this.syntaxError(`${m.isTString ? "t" : "f"}-string: expecting '}'`);
          }
        }
        if (quoteSize === 3) {
          this.unterminated(`unterminated triple-quoted string literal (detected at line ${detected})`, c, E_EOFS);
        }
        if (hasEscapedQuote) {
          this.unterminated(
            `unterminated string literal (detected at line ${detected}); perhaps you escaped the end quote?`, c, E_EOLS);
        }
        this.unterminated(`unterminated string literal (detected at line ${detected})`, c, E_EOLS);
      }
      if (c === quote) {
        endQuoteSize += 1;
      } else {
        endQuoteSize = 0;
        if (c === C_BSLASH) {
          c = this.nextc();
          if (c === quote) hasEscapedQuote = true;
          if (c === C_CR) c = this.nextc();
        }
      }
    }
    return this.makeToken(T.STRING, this.start, this.cur);
  }

  /** An unterminated literal; when the input ended inside it, `done` says so (E_EOFS, E_EOLS), which
   *  tells the parser the input is incomplete rather than wrong (codeop, the REPL). */
  private unterminated(msg: string, c: number, eofCode: number): never {
    const err = this.syntaxErrorObject(msg, -1, -1);
    this.done = c === C_LF ? E_ERROR : eofCode;
    throw err;
  }

  private punctuation(c: number, mode: TokenizerMode): number {
    // Punctuation inside an f-string's replacement field
    const isPunct = c === C_COLON || c === C_RBRACE || c === C_BANG || c === C_LBRACE;
    if (isPunct && this.insideFString && mode.curlyBracketExprStartDepth >= 0) {
      const cursor = mode.curlyBracketDepth - (c !== C_LBRACE ? 1 : 0);
      const cursorValid = cursor === 0 || (cursor === 1 && (mode.debug || mode.inFormatSpec));
      if (cursorValid) {
        if (c === C_LBRACE) {
          mode.lastExprStart = this.cur;
          mode.lastExprEnd = -1;
        } else {
          if (mode.lastExprEnd === -1) mode.lastExprEnd = this.start;
          this.setFStringExpr(mode);
        }
      }
      if (c === C_COLON && cursor === mode.curlyBracketExprStartDepth) {
        mode.kind = TOK_FSTRING_MODE;
        mode.inFormatSpec = true;
        return this.makeToken(T.COLON, this.start, this.cur);
      }
    }

    // Two- and three-character operators
    {
      const c2 = this.nextc();
      let tokType = T.tokenTwoChars(c, c2);
      if (tokType !== T.OP) {
        const c3 = this.nextc();
        const t3 = T.tokenThreeChars(c, c2, c3);
        if (t3 !== T.OP) tokType = t3;
        else this.backup(c3);
        return this.makeToken(tokType, this.start, this.cur);
      }
      this.backup(c2);
    }

    // Bracket nesting
    switch (c) {
      case C_LPAR:
      case C_LSQB:
      case C_LBRACE:
        if (this.level >= MAXLEVEL) this.syntaxError("too many nested parentheses");
        this.parenstack[this.level] = c;
        this.parenlinenostack[this.level] = this.lineno;
        this.parenposstack[this.level] = this.start;
        this.level++;
        if (this.insideFString) mode.curlyBracketDepth++;
        break;
      case C_RPAR:
      case C_RSQB:
      case C_RBRACE: {
        if (this.insideFString && !mode.curlyBracketDepth && c === C_RBRACE) {
          this.syntaxError(`${mode.isTString ? "t" : "f"}-string: single '}' is not allowed`);
        }
        if (!this.extraTokens && !this.level) this.syntaxError(`unmatched '${String.fromCharCode(c)}'`);
        if (this.level > 0) {
          this.level--;
          const opening = this.parenstack[this.level]!;
          if (!this.extraTokens && !((opening === C_LPAR && c === C_RPAR) || (opening === C_LSQB && c === C_RSQB) ||
              (opening === C_LBRACE && c === C_RBRACE))) {
            if (this.insideFString && opening === C_LBRACE) {
              const previousBracket = mode.curlyBracketDepth - 1;
              if (previousBracket === mode.curlyBracketExprStartDepth) {
                this.syntaxError(`${mode.isTString ? "t" : "f"}-string: unmatched '${String.fromCharCode(c)}'`);
              }
            }
            const cs = String.fromCharCode(c), os = String.fromCharCode(opening);
            if (this.parenlinenostack[this.level] !== this.lineno) {
              this.syntaxError(`closing parenthesis '${cs}' does not match opening parenthesis '${os}' on line ${
                this.parenlinenostack[this.level]}`);
            }
            this.syntaxError(`closing parenthesis '${cs}' does not match opening parenthesis '${os}'`);
          }
        }
        if (this.insideFString) {
          mode.curlyBracketDepth--;
          if (mode.curlyBracketDepth < 0) {
            this.syntaxError(`${mode.isTString ? "t" : "f"}-string: unmatched '${String.fromCharCode(c)}'`);
          }
          if (c === C_RBRACE && mode.curlyBracketDepth === mode.curlyBracketExprStartDepth) {
            mode.curlyBracketExprStartDepth--;
            mode.kind = TOK_FSTRING_MODE;
            mode.inFormatSpec = false;
            mode.debug = false;
          }
        }
        break;
      }
      default:
        break;
    }

    if (!(c >= 0x20 && c < 0x7f)) {
      this.syntaxError(`invalid non-printable character U+${c.toString(16).toUpperCase().padStart(4, "0")}`);
    }
    if (c === C_EQUAL && mode.curlyBracketExprStartDepth >= 0) mode.debug = true;
    return this.makeToken(T.tokenOneChar(c), this.start, this.cur);
  }

  /** Records the source of a replacement field's expression for `=` (CPython: set_fstring_expr). */
  private setFStringExpr(mode: TokenizerMode): void {
    // t-strings keep every field's source (Interpolation.str); f-strings only for `=`.
    if (!(mode.debug || mode.isTString) || this.metadata !== null || mode.lastExprStart < 0) return;
    let s = this.text.slice(mode.lastExprStart, mode.lastExprEnd);
    if (s.indexOf("#") >= 0) {
      // Comments inside the expression are dropped, keeping their newlines.
      let out = "";
      for (let i = 0; i < s.length; i++) {
        if (s.charCodeAt(i) === C_HASH) {
          while (i < s.length && s.charCodeAt(i) !== C_LF) i++;
          if (i < s.length) out += "\n";
        } else {
          out += s[i];
        }
      }
      s = out;
    }
    this.metadata = s;
  }

  private getFStringMode(mode: TokenizerMode): number {
    let endQuoteSize = 0;
    let unicodeEscape = false;
    const middle = mode.isTString ? T.TSTRING_MIDDLE : T.FSTRING_MIDDLE;

    this.start = this.cur;
    this.firstLineno = this.lineno;

    // A replacement field starting right away: nothing to return before it.
    const startChar = this.nextc();
    if (startChar === C_LBRACE) {
      const peek1 = this.nextc();
      this.backup(peek1);
      this.backup(startChar);
      if (peek1 !== C_LBRACE) {
        mode.curlyBracketExprStartDepth++;
        if (mode.curlyBracketExprStartDepth >= MAX_EXPR_NESTING) {
          this.syntaxError(`${mode.isTString ? "t" : "f"}-string: expressions nested too deeply`);
        }
        mode.kind = TOK_REGULAR_MODE;
        return this.getNormalMode(mode);
      }
    } else {
      this.backup(startChar);
    }

    // End of the string?
    let atEnd = true;
    for (let i = 0; i < mode.quoteSize; i++) {
      const q = this.nextc();
      if (q !== mode.quote) {
        this.backup(q);
        atEnd = false;
        break;
      }
    }
    if (atEnd) {
      mode.lastExprStart = -1;
      mode.lastExprEnd = -1;
      const pStart = this.start;
      this.modeIndex--;
      return this.makeToken(mode.isTString ? T.TSTRING_END : T.FSTRING_END, pStart, this.cur);
    }

    this.multiLineStart = this.lineStart;
    while (endQuoteSize !== mode.quoteSize) {
      const c = this.nextc();
      const inFormatSpec = mode.inFormatSpec && mode.curlyBracketExprStartDepth >= 0;
      if (c === EOF || (mode.quoteSize === 1 && c === C_LF)) {
        if (inFormatSpec && c === C_LF) {
          const k = mode.isTString ? "t" : "f";
          this.syntaxError(`${k}-string: newlines are not allowed in format specifiers for single quoted ${k}-strings`);
        }
        this.cur = mode.start + 1;
        this.lineStart = mode.multiLineStart;
        const detected = this.lineno;
        this.lineno = mode.lineStart;
        const k = mode.isTString ? "t" : "f";
        if (mode.quoteSize === 3) {
          this.unterminated(`unterminated triple-quoted ${k}-string literal (detected at line ${detected})`, c, E_EOFS);
        }
        this.syntaxError(`unterminated ${k}-string literal (detected at line ${detected})`);
      }
      if (c === mode.quote) {
        endQuoteSize += 1;
        continue;
      }
      endQuoteSize = 0;

      if (c === C_LBRACE) {
        const peek = this.nextc();
        if (peek !== C_LBRACE || inFormatSpec) {
          this.backup(peek);
          this.backup(c);
          mode.curlyBracketExprStartDepth++;
          if (mode.curlyBracketExprStartDepth >= MAX_EXPR_NESTING) {
            this.syntaxError(`${mode.isTString ? "t" : "f"}-string: expressions nested too deeply`);
          }
          mode.kind = TOK_REGULAR_MODE;
          mode.inFormatSpec = false;
          return this.makeToken(middle, this.start, this.cur);
        }
        return this.makeToken(middle, this.start, this.cur - 1);
      } else if (c === C_RBRACE) {
        if (unicodeEscape) return this.makeToken(middle, this.start, this.cur);
        const peek = this.nextc();
        if (peek === C_RBRACE && !inFormatSpec && mode.curlyBracketDepth === 0) {
          return this.makeToken(middle, this.start, this.cur - 1);
        }
        this.backup(peek);
        this.backup(c);
        mode.kind = TOK_REGULAR_MODE;
        mode.inFormatSpec = false;
        return this.makeToken(middle, this.start, this.cur);
      } else if (c === C_BSLASH) {
        let peek = this.nextc();
        if (peek === C_CR) peek = this.nextc();
        if (peek === C_LBRACE || peek === C_RBRACE) {
          if (!mode.raw) {
            const ch = String.fromCharCode(peek);
            this.parserWarn(
              `"\\${ch}" is an invalid escape sequence. Such sequences will not work in the future. ` +
                `Did you mean "\\\\${ch}"? A raw string is also an option.`,
              `"\\${ch}" is an invalid escape sequence. Did you mean "\\\\${ch}"? A raw string is also an option.`);
          }
          this.backup(peek);
          continue;
        }
        if (!mode.raw && peek === 78) { // \N{...}
          peek = this.nextc();
          if (peek === C_LBRACE) unicodeEscape = true;
          else this.backup(peek);
        }
      }
    }

    // Give the quotes back: they make the FSTRING_END token of the next call.
    for (let i = 0; i < mode.quoteSize; i++) this.backup(mode.quote);
    return this.makeToken(middle, this.start, this.cur);
  }
}
