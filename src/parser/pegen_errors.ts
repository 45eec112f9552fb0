// CPython: Parser/pegen_errors.c (and the error helpers of Parser/pegen.h, pegen.c and
// action_helpers.c that only the invalid_ rules use).
//
// How a SyntaxError is found, as CPython 3.14 does it:
// 1. The first pass parses without the invalid_ rules. An error raised during it (a tokenizer
//    error, a forced token `&&x`, an action's error) is final: CPython's second pass returns at
//    once because p->error_indicator is still set.
// 2. Otherwise the parser is reset (memos cleared, mark 0) and run again with `callInvalidRules`:
//    an invalid_ rule that recognises the mistake raises the specialised error.
// 3. setSyntaxError: with no error from pass 2, "invalid syntax" at the last token the FIRST pass
//    read (or "unexpected indent"/"unexpected unindent" when that token is INDENT/DEDENT). Then the
//    rest of the source is tokenized: a tokenizer error found there replaces the parser's error,
//    and so does a bracket left open on a line before the error's line ("'(' was never closed").
//
// Errors are thrown at once (the parser never catches them), so "bail out if an error is already
// set" is implicit. The raise helpers take the parser as first argument and are called from the
// actions of the grammar's invalid_ rules as `e.RAISE_SYNTAX_ERROR_KNOWN_LOCATION(this, a, "...")`.
//
// Locations: tokens and AST nodes carry 0-based UTF-8 byte columns. SyntaxError.offset and
// end_offset are 1-based character offsets computed on the error line as CPython does
// (_PyPegen_byte_offset_to_character_offset): the byte offset + 1 is turned into a character
// count of that many leading bytes of the line, even for an end column on a later line.
import * as ast from "../ast/ast.generated.js";
import { PySyntaxError } from "../objects/exceptions.js";
import { Py_Ellipsis, Py_None } from "../objects/object.js";
import { E_EOF, E_EOFS, E_EOLS, E_OK } from "./lexer/state.js";
import type { Lexer } from "./lexer/lexer.js";
import { utf8Length } from "./lexer/unicode.js";
import { PyPARSE_ALLOW_INCOMPLETE_INPUT, Token, type Parser } from "./pegen.js";
import * as T from "./token.generated.js";
import { Tokenizer } from "./tokenizer/index.js";

type ErrorKind = "SyntaxError" | "IndentationError" | "_IncompleteInputError";

/** Anything with a source range: a parser Token or an AST node (0-based byte columns). */
export interface Located {
  lineno: number;
  col_offset: number;
  end_lineno: number | null;
  end_col_offset: number | null;
}

/** CPython: CURRENT_POS — "where the tokenizer is now", for end positions. */
export const CURRENT_POS = -5;

// ---- locations ---------------------------------------------------------------------------

function lexerOf(p: Parser): Lexer | null {
  return p.tokenizer instanceof Tokenizer ? p.tokenizer.lexer : null;
}

/**
 * A location's end column. CPython's parser sees a NEWLINE token end just after the newline
 * (after a trailing comment too), i.e. at the line's length + 1, whatever our lexer reports.
 */
function endColOffset(p: Parser, a: Located): number {
  if (a instanceof Token && a.type === T.NEWLINE) {
    const line = p.tokenizer instanceof Tokenizer ? p.tokenizer.lineText(a.lineno) : p.sourceLine(a.lineno);
    return utf8Length(line, 0, line.length) + 1;
  }
  return a.end_col_offset ?? -1;
}

/**
 * The tokenizer's position (CPython: tok->lineno and tok->cur - tok->line_start in bytes): just
 * after the last token read, or at the indentation of the line an INDENT/DEDENT was read on.
 */
function tokenizerPosition(p: Parser): { lineno: number; col: number } {
  const lx = lexerOf(p);
  if (lx !== null) return { lineno: lx.lineno, col: utf8Length(lx.text, lx.lineStart, lx.cur) };
  const t = p.tokens[p.fill - 1];
  return t === undefined ? { lineno: 1, col: 0 } : { lineno: t.end_lineno, col: Math.max(0, t.end_col_offset) };
}

/**
 * The line CPython quotes for an error on `lineno`: the tokenizer's current line (with its
 * newline) when the tokenizer is on that line, else the line from the source (without it).
 */
function errorLine(p: Parser, lineno: number): string {
  const lx = lexerOf(p);
  if (lx !== null) {
    if (lx.lineno <= lineno && lx.inp > 0) return lx.text.slice(lx.lineStart, lx.inp);
    return p.tokenizer instanceof Tokenizer ? p.tokenizer.lineText(lineno) : "";
  }
  return p.sourceLine(lineno);
}

/**
 * CPython: _PyPegen_byte_offset_to_character_offset — the number of characters in the first
 * `offset` bytes of `line` (UTF-8), a character cut in the middle counting as one; past the end
 * of the line, one more than its length (CPython decodes its terminating NUL too).
 */
export function byteOffsetToCharacterOffset(line: string, offset: number): number {
  let bytes = 0;
  let chars = 0;
  const n = line.length;
  for (let i = 0; i < n; i++) {
    if (bytes >= offset) return chars;
    const c = line.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = line.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
    chars++;
  }
  return bytes >= offset ? chars : chars + 1;
}

/**
 * CPython: _PyPegen_raise_error_known_location (the error it would raise). Columns are 1-based
 * byte offsets (0 or -1 kept as they are), or CURRENT_POS.
 */
function knownLocationError(p: Parser, kind: ErrorKind, lineno: number, colOffset: number,
  endLineno: number, endColOffset: number, msg: string): PySyntaxError {
  if (endLineno === CURRENT_POS || endColOffset === CURRENT_POS) {
    const pos = tokenizerPosition(p);
    if (endLineno === CURRENT_POS) endLineno = pos.lineno;
    if (endColOffset === CURRENT_POS) endColOffset = pos.col;
  }
  const line = errorLine(p, lineno);
  const col = byteOffsetToCharacterOffset(line, colOffset);
  const endCol = endColOffset > 0 ? byteOffsetToCharacterOffset(line, endColOffset) : endColOffset;
  return new PySyntaxError(kind, msg, p.filename, lineno, col, endLineno, endCol, line);
}

function raiseKnownLocation(p: Parser, kind: ErrorKind, lineno: number, colOffset: number,
  endLineno: number, endColOffset: number, msg: string): never {
  throw knownLocationError(p, kind, lineno, colOffset, endLineno, endColOffset, msg);
}

/** CPython: RAISE_ERROR_KNOWN_LOCATION — 0-based columns, -1 for "none", or CURRENT_POS. */
export function RAISE_ERROR_KNOWN_LOCATION(p: Parser, kind: ErrorKind, lineno: number, colOffset: number,
  endLineno: number, endColOffset: number, msg: string): never {
  return raiseKnownLocation(p, kind, lineno, colOffset === CURRENT_POS ? CURRENT_POS : colOffset + 1,
    endLineno, endColOffset === CURRENT_POS ? CURRENT_POS : endColOffset + 1, msg);
}

/**
 * CPython: _PyPegen_raise_error — at the last token read (or, with `useMark`, the token at the
 * mark). A token without columns (INDENT, DEDENT, ENDMARKER) is located at the tokenizer's
 * position, 0-based as CPython leaves it, with no end column.
 */
function raiseError(p: Parser, kind: ErrorKind, useMark: boolean, msg: string): never {
  if (p.fill === 0) raiseKnownLocation(p, kind, 0, 0, 0, -1, msg);
  if (useMark && p.mark === p.fill) p.fillToken();
  throw errorAtToken(p, kind, p.tokens[useMark ? p.mark : p.fill - 1]!, msg);
}

function errorAtToken(p: Parser, kind: ErrorKind, t: Token, msg: string): PySyntaxError {
  const col = t.col_offset === -1 ? tokenizerPosition(p).col : t.col_offset + 1;
  const endCol = t.end_col_offset === -1 ? -1 : endColOffset(p, t) + 1;
  return knownLocationError(p, kind, t.lineno, col, t.end_lineno, endCol, msg);
}

export function RAISE_SYNTAX_ERROR(p: Parser, msg: string): never {
  return raiseError(p, "SyntaxError", false, msg);
}

export function RAISE_INDENTATION_ERROR(p: Parser, msg: string): never {
  return raiseError(p, "IndentationError", false, msg);
}

export function RAISE_SYNTAX_ERROR_ON_NEXT_TOKEN(p: Parser, msg: string): never {
  return raiseError(p, "SyntaxError", true, msg);
}

export function RAISE_SYNTAX_ERROR_KNOWN_LOCATION(p: Parser, a: Located, msg: string): never {
  return RAISE_ERROR_KNOWN_LOCATION(p, "SyntaxError", a.lineno, a.col_offset, a.end_lineno ?? a.lineno,
    endColOffset(p, a), msg);
}

export function RAISE_SYNTAX_ERROR_KNOWN_RANGE(p: Parser, a: Located, b: Located, msg: string): never {
  return RAISE_ERROR_KNOWN_LOCATION(p, "SyntaxError", a.lineno, a.col_offset, b.end_lineno ?? b.lineno,
    endColOffset(p, b), msg);
}

export function RAISE_SYNTAX_ERROR_STARTING_FROM(p: Parser, a: Located, msg: string): never {
  return RAISE_ERROR_KNOWN_LOCATION(p, "SyntaxError", a.lineno, a.col_offset, CURRENT_POS, CURRENT_POS, msg);
}

// ---- invalid targets (CPython: _PyPegen_get_invalid_target, _RAISE_SYNTAX_ERROR_INVALID_TARGET) ----

export const enum TargetsType {
  STAR_TARGETS,
  DEL_TARGETS,
  FOR_TARGETS,
}

/** The first sub-expression of `e` that cannot be a target, or null when all can. */
export function getInvalidTarget(e: ast.expr | null, type: TargetsType): ast.expr | null {
  if (e === null) return null;
  switch (e._kind) {
    case ast.Kind.List:
    case ast.Kind.Tuple:
      for (const elt of e.elts) {
        const child = getInvalidTarget(elt, type);
        if (child !== null) return child;
      }
      return null;
    case ast.Kind.Starred:
      if (type === TargetsType.DEL_TARGETS) return e;
      return getInvalidTarget(e.value, type);
    case ast.Kind.Compare:
      // `for a in b` reaches here as the comparison `a in b`: look at its left side.
      if (type === TargetsType.FOR_TARGETS) {
        return e.ops[0] === ast.In ? getInvalidTarget(e.left, type) : null;
      }
      return e;
    case ast.Kind.Name:
    case ast.Kind.Subscript:
    case ast.Kind.Attribute:
      return null;
    default:
      return e;
  }
}

/** "cannot assign to X" / "cannot delete X" at the invalid part of `e`; null when there is none. */
export function RAISE_SYNTAX_ERROR_INVALID_TARGET(p: Parser, type: TargetsType, e: ast.expr): null {
  const invalid = getInvalidTarget(e, type);
  if (invalid === null) return null;
  const verb = type === TargetsType.DEL_TARGETS ? "delete" : "assign to";
  return RAISE_SYNTAX_ERROR_KNOWN_LOCATION(p, invalid, `cannot ${verb} ${getExprName(invalid)}`);
}

/** CPython: _PyPegen_get_expr_name — how messages name a kind of expression. */
export function getExprName(e: ast.expr): string {
  switch (e._kind) {
    case ast.Kind.Attribute: return "attribute";
    case ast.Kind.Subscript: return "subscript";
    case ast.Kind.Starred: return "starred";
    case ast.Kind.Name: return "name";
    case ast.Kind.List: return "list";
    case ast.Kind.Tuple: return "tuple";
    case ast.Kind.Lambda: return "lambda";
    case ast.Kind.Call: return "function call";
    case ast.Kind.BoolOp:
    case ast.Kind.BinOp:
    case ast.Kind.UnaryOp: return "expression";
    case ast.Kind.GeneratorExp: return "generator expression";
    case ast.Kind.Yield:
    case ast.Kind.YieldFrom: return "yield expression";
    case ast.Kind.Await: return "await expression";
    case ast.Kind.ListComp: return "list comprehension";
    case ast.Kind.SetComp: return "set comprehension";
    case ast.Kind.DictComp: return "dict comprehension";
    case ast.Kind.Dict: return "dict literal";
    case ast.Kind.Set: return "set display";
    case ast.Kind.JoinedStr:
    case ast.Kind.FormattedValue: return "f-string expression";
    case ast.Kind.TemplateStr:
    case ast.Kind.Interpolation: return "t-string expression";
    case ast.Kind.Constant: {
      const v = e.value;
      if (v === Py_None) return "None";
      if (v === false) return "False";
      if (v === true) return "True";
      if (v === Py_Ellipsis) return "ellipsis";
      return "literal";
    }
    case ast.Kind.Compare: return "comparison";
    case ast.Kind.IfExp: return "conditional expression";
    case ast.Kind.NamedExpr: return "named expression";
    default: return "expression";
  }
}

// ---- helpers of particular invalid_ rules (CPython: action_helpers.c) ----------------------

/** CPython: _PyPegen_get_last_comprehension_item — where a comprehension ends. */
export function getLastComprehensionItem(c: ast.comprehension): ast.expr {
  return c.ifs.length === 0 ? c.iter : c.ifs[c.ifs.length - 1]!;
}

/** CPython: _PyPegen_arguments_parsing_error — a positional argument after keywords. */
export function argumentsParsingError(p: Parser, e: ast.Call): never {
  const unpacking = e.keywords.some((k) => k.arg === null);
  return RAISE_SYNTAX_ERROR(p, unpacking
    ? "positional argument follows keyword argument unpacking"
    : "positional argument follows keyword argument");
}

/** CPython: _PyPegen_nonparen_genexp_in_call — `f(a, x for x in y)`; null for `f(x for x in y)`. */
export function nonparenGenexpInCall(p: Parser, args: ast.Call, comprehensions: ast.comprehension[]): null {
  const n = args.args.length;
  if (n <= 1) return null;
  return RAISE_SYNTAX_ERROR_KNOWN_RANGE(p, args.args[n - 1]!,
    getLastComprehensionItem(comprehensions[comprehensions.length - 1]!), "Generator expression must be parenthesized");
}

/** CPython: _PyPegen_check_legacy_stmt — a name that was a statement in Python 2. */
export function checkLegacyStmt(_p: Parser, name: ast.expr): boolean {
  return name._kind === ast.Kind.Name && (name.id === "print" || name.id === "exec");
}

/** The "Perhaps you forgot a comma?" check of invalid_expression: only inside brackets. */
export function raiseErrorForMissingComma(p: Parser, a: ast.expr, b: ast.expr): null {
  if (checkLegacyStmt(p, a)) return null;
  if (p.tokens[p.mark - 1]!.level === 0) return null;
  return RAISE_SYNTAX_ERROR_KNOWN_RANGE(p, a, b, "invalid syntax. Perhaps you forgot a comma?");
}

/** The first item of a non-empty sequence (CPython: PyPegen_first_item). */
export function firstItem<E>(seq: readonly E[]): E {
  return seq[0]!;
}

/** The last item of a non-empty sequence (CPython: PyPegen_last_item). */
export function lastItem<E>(seq: readonly E[]): E {
  return seq[seq.length - 1]!;
}

// ---- the two passes (CPython: _PyPegen_run_parser, _Pypegen_set_syntax_error) -------------

/**
 * Runs `parse` (the start rule) and returns its result; on failure runs the error pass and
 * throws the SyntaxError CPython reports. Other exceptions (MemoryError) pass through.
 * With PyPARSE_ALLOW_INCOMPLETE_INPUT (codeop, the REPL), a source that ends too early gives
 * _IncompleteInputError "incomplete input" instead.
 */
export function runParser<R>(p: Parser, parse: () => R | null): R {
  let err: PySyntaxError | null = null;
  try {
    const res = parse();
    if (res !== null) return res;
  } catch (e) {
    if (!(e instanceof PySyntaxError)) throw e;
    err = e;
  }
  if ((p.flags & PyPARSE_ALLOW_INCOMPLETE_INPUT) !== 0 && isEndOfSource(p)) {
    if (err !== null) {
      // The tokenizer's error token (CPython keeps it as the last token): no columns of its own.
      const pos = tokenizerPosition(p);
      raiseKnownLocation(p, "_IncompleteInputError", pos.lineno, pos.col, pos.lineno, -1, "incomplete input");
    }
    raiseError(p, "_IncompleteInputError", false, "incomplete input");
  }
  const lastToken = p.tokens[p.fill - 1]!;
  if (err === null) {
    resetParserStateForErrorPass(p);
    try {
      parse();
    } catch (e) {
      if (!(e instanceof PySyntaxError)) throw e;
      err = e;
    } finally {
      p.callInvalidRules = false;
    }
  }
  throw setSyntaxError(p, lastToken, err);
}

/** CPython: _is_end_of_source — the tokenizer stopped at the end of the input. */
function isEndOfSource(p: Parser): boolean {
  const done = lexerOf(p)?.done;
  return done === E_EOF || done === E_EOFS || done === E_EOLS;
}

/** CPython: reset_parser_state_for_error_pass. */
function resetParserStateForErrorPass(p: Parser): void {
  for (let i = 0; i < p.fill; i++) p.tokens[i]!.memo = null;
  p.mark = 0;
  p.level = 0;
  p.callInvalidRules = true;
}

/** CPython: _Pypegen_set_syntax_error — the error to report after both passes. */
export function setSyntaxError(p: Parser, lastToken: Token, err: PySyntaxError | null): PySyntaxError {
  if (err !== null) {
    // Tokenizer errors stand as they are; a parser error may give way to one found further on.
    const lx = lexerOf(p);
    const tokOk = lx === null || lx.done === E_OK;
    return tokOk ? tokenizeFullSourceToCheckForErrors(p, err) : err;
  }
  if (lastToken.type === T.INDENT || lastToken.type === T.DEDENT) {
    // Located at the last token read (CPython's RAISE_INDENTATION_ERROR), not at lastToken.
    return errorAtToken(p, "IndentationError", p.tokens[p.fill - 1]!,
      lastToken.type === T.INDENT ? "unexpected indent" : "unexpected unindent");
  }
  // The first pass's last token: the second pass may have read further for nothing.
  return tokenizeFullSourceToCheckForErrors(p, knownLocationError(p, "SyntaxError", lastToken.lineno,
    lastToken.col_offset + 1, lastToken.end_lineno, endColOffset(p, lastToken) + 1, "invalid syntax"));
}

/**
 * CPython: _PyPegen_tokenize_full_source_to_check_for_errors — tokenizes the rest of the source:
 * a tokenizer error there wins over `err` (unless raised inside an f-string), and so does a
 * bracket still open at the end when it was opened on a line before the last token read.
 */
function tokenizeFullSourceToCheckForErrors(p: Parser, err: PySyntaxError): PySyntaxError {
  const lx = lexerOf(p);
  if (lx === null) return err;
  const currentErrLine = p.tokens[p.fill - 1]!.lineno;
  try {
    for (;;) {
      const type = lx.get();
      if (type === T.ENDMARKER) return err;
      if (type === T.ERRORTOKEN) {
        if (lx.level !== 0) {
          const i = lx.level - 1;
          const openLine = lx.parenlinenostack[i]!;
          // Inside an f-string, the error in its expression part stands (CPython: tok_mode_stack_index).
          if (currentErrLine > openLine && lx.modeIndex <= 0) {
            const pos = lx.parenposstack[i]!;
            const lineStart = lx.text.lastIndexOf("\n", pos - 1) + 1;
            return knownLocationError(p, "SyntaxError", openLine, utf8Length(lx.text, lineStart, pos) + 1, openLine, 0,
              `'${String.fromCharCode(lx.parenstack[i]!)}' was never closed`);
          }
        }
        return err;
      }
    }
  } catch (e) {
    if (!(e instanceof PySyntaxError)) throw e;
    return lx.modeIndex <= 0 ? e : err;
  }
}
