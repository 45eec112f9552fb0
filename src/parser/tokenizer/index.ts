/**
 * The tokenizer: CPython 3.14's token stream, for the parser and for the tokenize module.
 *
 * CPython: Parser/tokenizer/*.c (sources and decoding), Parser/lexer/ (the lexer itself),
 * Python/Python-tokenize.c (the `_tokenize` module's adjustments).
 *
 * Usage:
 *
 *     const tok = new Tokenizer(source, "file.py", false);
 *     for (let t = tok.next(); t.type !== ENDMARKER; t = tok.next()) ...
 *
 * `source` is the file's bytes (Uint8Array: the encoding is found from a BOM or a coding cookie on
 * line 1 or 2, default UTF-8) or an already decoded string (cookies are then ignored, as for
 * compile(str)). Token types are the numbers of src/parser/token.generated.ts.
 *
 * Parser mode (`extraTokens` false), as the C tokenizer serves pegen:
 * - no COMMENT, NL or ENCODING tokens; keywords come as NAME (the parser classifies them);
 *   operators carry their exact type (LPAR, NOTEQUAL, ...); "\r\n" and "\r" are read as "\n";
 * - columns are UTF-8 byte offsets (as the AST's col_offset); INDENT, DEDENT and ENDMARKER have
 *   no text and columns -1;
 * - errors are thrown as PySyntaxError (SyntaxError, IndentationError, TabError) with the exact
 *   message and location CPython's parser reports for tokenizer errors, including "'(' was never
 *   closed" and "unexpected EOF while parsing";
 * - `typeComments = true` gives TYPE_COMMENT / TYPE_IGNORE tokens (ast.parse(type_comments=True));
 * - `warn` receives SyntaxWarnings (and can turn them into errors, as `-W error` does);
 * - `Token.level`, `Tokenizer.level` and `openBracket(i)` expose the bracket stack; `lineText(n)`
 *   gives a source line for error messages; `Token.metadata` holds the expression text of an
 *   f-string replacement field with `=` (on the '!', ':' or '}' that ends it).
 *
 * Tokenize-module mode (`extraTokens` true), as `tokenize.tokenize(readline)` yields them:
 * - ENCODING first (for bytes input), COMMENT and NL tokens, operators typed OP (`exactType`
 *   gives the exact type), NEWLINE text "\n"/"\r\n" ("" at an end of file without newline);
 * - columns count code points; DEDENT/ENDMARKER at end of file sit at (last line + 1, 0);
 * - no checks of number endings, identifiers or bracket matching (as CPython's extra_tokens);
 * - `lastTokenLine()` gives the token's `line` attribute;
 * - errors: PySyntaxError; `tokenizeErrorIsTokenError(e)` tells which ones the tokenize module
 *   turns into TokenError (plain SyntaxErrors raised by the lexer itself).
 */
import { PyExc_SyntaxError, PySyntaxError } from "../../objects/exceptions.js";
import { Py_TYPE } from "../../objects/object.js";
import { E_DEDENT, E_EOF, E_LINECONT, E_TABSPACE, E_TOODEEP } from "../lexer/state.js";
import { Lexer, type WarningHandler } from "../lexer/lexer.js";
import { Token } from "../lexer/token.js";
import { utf8Length } from "../lexer/unicode.js";
import * as T from "../token.generated.js";
import { decode, detectEncodingTokenize } from "./encoding.js";
import { decodeForParser } from "./string_input.js";

export { Token } from "../lexer/token.js";
export type { WarningHandler } from "../lexer/lexer.js";

export class Tokenizer {
  readonly lexer: Lexer;
  readonly filename: string;
  readonly extraTokens: boolean;
  /** The ENCODING token's text in tokenize mode with bytes input, else null. */
  readonly encoding: string | null;
  private encodingPending: boolean;
  /** Whether the decoded source is pure ASCII (columns are then plain index differences). */
  private readonly ascii: boolean;
  /** Errors found while the tokenize module read the file (SyntaxError that are not TokenError). */
  private tokenizeModuleErrors = new WeakSet<PySyntaxError>();

  /** `execInput` false (eval, single and func_type modes): no newline is implied at the end. */
  constructor(source: Uint8Array | string, filename: string, extraTokens = false, execInput = true) {
    this.filename = filename;
    this.extraTokens = extraTokens;
    let text: string;
    this.encoding = null;
    if (extraTokens) {
      if (typeof source === "string") {
        text = source;
      } else {
        let enc;
        try {
          enc = detectEncodingTokenize(source, filename);
        } catch (e) {
          if (e instanceof PySyntaxError) this.tokenizeModuleErrors.add(e);
          throw e;
        }
        this.encoding = enc.name;
        text = decode(source.subarray(enc.bodyStart), enc.codec, false) as string;
      }
    } else {
      text = decodeForParser(source, filename);
    }
    this.encodingPending = this.encoding !== null;
    this.ascii = !/[^\x00-\x7f]/.test(text);
    this.lexer = new Lexer(text, filename, extraTokens, execInput);
  }

  /** Receives SyntaxWarnings (invalid number endings such as `1if`, `\{` in f-strings); return true
   *  to raise one as a SyntaxError. Parser mode only (the tokenize module reports none). */
  set warn(handler: WarningHandler | null) {
    if (!this.extraTokens) this.lexer.warn = handler;
  }

  /** Makes `# type: ...` comments TYPE_COMMENT / TYPE_IGNORE tokens (ast.parse(type_comments=True));
   *  set before the first next(). */
  set typeComments(on: boolean) {
    this.lexer.typeComments = on;
  }

  /** Current bracket nesting level. */
  get level(): number {
    return this.lexer.level;
  }

  /** The i-th open bracket (0 = outermost): its character, line and column (UTF-8 bytes). */
  openBracket(i: number): { char: string; lineno: number; colOffset: number } {
    const lx = this.lexer;
    const pos = lx.parenposstack[i]!;
    const ls = lx.text.lastIndexOf("\n", pos - 1) + 1;
    return { char: String.fromCharCode(lx.parenstack[i]!), lineno: lx.parenlinenostack[i]!, colOffset: this.col(ls, pos) };
  }

  /** Source line `lineno` (1-based) without its newline, or "" past the end. */
  lineText(lineno: number): string {
    const text = this.lexer.text;
    let pos = 0;
    for (let i = 1; i < lineno; i++) {
      const nl = text.indexOf("\n", pos);
      if (nl < 0) return "";
      pos = nl + 1;
    }
    return pos >= text.length ? "" : this.lexer.lineText(pos);
  }

  /** Column of text[pos] in the line starting at lineStart, in this mode's unit. Tokens come in
   *  order, so the last answer for the line is where counting resumes. */
  private col(lineStart: number, pos: number): number {
    if (this.ascii) return pos - lineStart;
    if (lineStart !== this.colLine || pos < this.colPos) {
      this.colLine = lineStart;
      this.colPos = lineStart;
      this.colValue = 0;
    }
    const lx = this.lexer;
    this.colValue += this.extraTokens ? lx.codePoints(this.colPos, pos) : utf8Length(lx.text, this.colPos, pos);
    this.colPos = pos;
    return this.colValue;
  }
  private colLine = -1;
  private colPos = 0;
  private colValue = 0;

  /** True for an error the tokenize module reports as TokenError (see the module comment). */
  tokenizeErrorIsTokenError(e: PySyntaxError): boolean {
    return Py_TYPE(e) === PyExc_SyntaxError && !this.tokenizeModuleErrors.has(e);
  }

  next(): Token {
    if (this.encodingPending) {
      this.encodingPending = false;
      this.lastType = T.ENCODING;
      return new Token(T.ENCODING, this.encoding!, 0, 0, 0, 0, 0, null, 0, 0);
    }
    const lx = this.lexer;
    let type = lx.get();
    if (type === T.ERRORTOKEN) throw this.extraTokens ? this.tokenizeDoneError() : this.parserDoneError();
    const pStart = lx.pStart;
    const pEnd = lx.pEnd;
    const stringLit = type === T.STRING || type === T.FSTRING_MIDDLE || type === T.TSTRING_MIDDLE;
    const startLineStart = stringLit ? lx.multiLineStart : lx.lineStart;
    let lineno = stringLit ? lx.firstLineno : lx.lineno;
    let endLineno = lx.lineno;
    let string = pStart >= 0 ? lx.text.slice(pStart, pEnd) : "";
    let col = pStart >= 0 && pStart >= startLineStart ? this.col(startLineStart, pStart) : -1;
    // Parser mode takes a token's end column from the lexer's position (CPython: tok->col_offset), which
    // lies past the second brace of a FSTRING_MIDDLE ending at `{{` or `}}`; the tokenize module uses p_end.
    const endPos = !this.extraTokens && (type === T.FSTRING_MIDDLE || type === T.TSTRING_MIDDLE) ? lx.cur : pEnd;
    let endCol = pEnd >= 0 && endPos >= lx.lineStart ? this.col(lx.lineStart, endPos) : -1;
    if (this.extraTokens) {
      if (type === T.ENDMARKER || (type === T.DEDENT && lx.done === E_EOF)) {
        lineno = endLineno = lineno + 1;
        col = endCol = 0;
      }
      if (type > T.DEDENT && type < T.OP) {
        type = T.OP;
      } else if (type === T.NEWLINE) {
        if (!lx.implicitNewline) string = lx.text.charCodeAt(pStart) === 13 ? "\r\n" : "\n";
        endCol++;
      } else if (type === T.NL) {
        if (lx.implicitNewline) string = "";
      }
    }
    this.lastType = type;
    return new Token(type, string, lineno, col, endLineno, endCol, lx.level, lx.metadata, pStart, pEnd);
  }
  private lastType = -1;

  /** Tokenize mode: the `line` attribute of the token next() just returned, as the tokenize module
   *  gives it (the physical lines the token spans; "" for the end-of-file DEDENT/ENDMARKER). */
  lastTokenLine(): string {
    const lx = this.lexer;
    const type = this.lastType;
    if (type === T.ENCODING || type === T.ENDMARKER || (type === T.DEDENT && lx.done === E_EOF)) return "";
    const stringLit = type === T.STRING || type === T.FSTRING_MIDDLE || type === T.TSTRING_MIDDLE;
    const start = stringLit ? lx.multiLineStart : lx.lineStart;
    let end = lx.inp;
    if (end - start >= 1 && lx.implicitNewline) end--;
    return lx.text.slice(start, end);
  }

  /** CPython: Python-tokenize.c, _tokenizer_error — errors the lexer reports through tok->done. */
  private tokenizeDoneError(): PySyntaxError {
    const lx = this.lexer;
    const f = this.filename;
    if (lx.done === E_EOF) {
      const off = Math.max(0, utf8Length(lx.text, lx.bufStart, lx.inp));
      return new PySyntaxError("SyntaxError", "unexpected EOF in multi-line statement", f, lx.lineno, off, null, null, null);
    }
    let kind: "SyntaxError" | "IndentationError" | "TabError" = "SyntaxError";
    let msg = "unknown tokenization error";
    switch (lx.done) {
      case E_DEDENT: kind = "IndentationError"; msg = "unindent does not match any outer indentation level"; break;
      case E_TABSPACE: kind = "TabError"; msg = "inconsistent use of tabs and spaces in indentation"; break;
      case E_TOODEEP: kind = "IndentationError"; msg = "too many levels of indentation"; break;
      case E_LINECONT: msg = "unexpected character after line continuation character"; break;
    }
    const lineEnd = Math.max(lx.bufStart, lx.inp - 1);
    const line = lx.text.slice(lx.bufStart, lineEnd);
    const offset = Math.min(lx.codePoints(lx.bufStart, lx.inp), lx.codePoints(lx.bufStart, lineEnd) + 1);
    return new PySyntaxError(kind, msg, f, lx.lineno, offset, null, null, line);
  }

  /** CPython: Parser/pegen_errors.c, _Pypegen_tokenizer_error — the same errors as pegen raises them. */
  private parserDoneError(): PySyntaxError {
    const lx = this.lexer;
    const f = this.filename;
    const curLine = lx.text.slice(lx.lineStart, lx.inp);
    // CPython: _PyPegen_byte_offset_to_character_offset on the error line.
    const toChars = (line: string, byteCol: number): number => {
      const bytes = Buffer.from(line, "utf8");
      if (byteCol > bytes.length + 1) byteCol = bytes.length + 1;
      if (byteCol <= bytes.length) return [...bytes.subarray(0, byteCol).toString("utf8")].length;
      return [...line].length + (byteCol - bytes.length);
    };
    switch (lx.done) {
      case E_EOF: {
        if (lx.level > 0) {
          const i = lx.level - 1;
          const openLine = lx.parenlinenostack[i]!;
          const pos = lx.parenposstack[i]!;
          const ls = lx.text.lastIndexOf("\n", pos - 1) + 1;
          const text = lx.lineno <= openLine ? curLine : lx.lineText(ls);
          const col = toChars(text, utf8Length(lx.text, ls, pos) + 1);
          return new PySyntaxError("SyntaxError", `'${String.fromCharCode(lx.parenstack[i]!)}' was never closed`, f,
            openLine, col, openLine, 0, text);
        }
        const col = toChars(curLine, utf8Length(lx.text, lx.lineStart, lx.cur));
        return new PySyntaxError("SyntaxError", "unexpected EOF while parsing", f, lx.lineno, col, lx.lineno, -1, curLine);
      }
      case E_DEDENT: {
        const col = toChars(curLine, utf8Length(lx.text, lx.lineStart, lx.cur));
        return new PySyntaxError("IndentationError", "unindent does not match any outer indentation level", f,
          lx.lineno, col, lx.lineno, -1, curLine);
      }
      case E_TABSPACE:
        return new PySyntaxError("TabError", "inconsistent use of tabs and spaces in indentation", f, lx.lineno, 1,
          lx.lineno, 0, curLine);
      case E_TOODEEP:
        return new PySyntaxError("IndentationError", "too many levels of indentation", f, lx.lineno, 1, lx.lineno, 0,
          curLine);
      case E_LINECONT: {
        // Counted from tok->buf, which is still the first line of a multi-line string just closed.
        const col = toChars(curLine, utf8Length(lx.text, lx.bufStart, lx.cur));
        return new PySyntaxError("SyntaxError", "unexpected character after line continuation character", f,
          lx.lineno, col, lx.lineno, 0, curLine);
      }
      default:
        return new PySyntaxError("SyntaxError", "unknown parsing error", f, lx.lineno, 1, lx.lineno, 0, curLine);
    }
  }
}

/** The exact type of a tokenize-mode token (CPython: TokenInfo.exact_type). */
export function exactType(type: number, string: string): number {
  if (type === T.OP) return T.EXACT_TOKEN_TYPES.get(string) ?? T.OP;
  return type;
}
