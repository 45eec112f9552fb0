// CPython: Parser/lexer/state.h, state.c — the tokenizer's state and its token record.

/** Error/state codes of the tokenizer (CPython: Include/errcode.h, the subset the lexer uses). */
export const E_OK = 10;
export const E_EOF = 11;
export const E_EOFS = 23;
export const E_EOLS = 24;
export const E_LINECONT = 25;
export const E_TOODEEP = 20;
export const E_DEDENT = 21;
export const E_TABSPACE = 18;
export const E_ERROR = 17;

export const MAXINDENT = 100; // max indentation level
export const MAXLEVEL = 200; // max parentheses level
export const MAXFSTRINGLEVEL = 150; // max level of f-string nesting
export const MAX_EXPR_NESTING = 3; // max nesting of replacement fields inside format specs

export const EOF = -1;

export const TOK_REGULAR_MODE = 0;
export const TOK_FSTRING_MODE = 1;

/** One level of the mode stack: the regular mode at the bottom, one entry per open f/t-string. */
export class TokenizerMode {
  kind = TOK_REGULAR_MODE;
  /** True for a t-string (TSTRING_* tokens, "t-string:" messages). */
  isTString = false;
  quote = 0;
  quoteSize = 0;
  raw = false;
  /** Index of the string's first prefix character. */
  start = 0;
  /** Index of the start of the line holding `start`, and that line's number. */
  multiLineStart = 0;
  lineStart = 0;
  curlyBracketDepth = 0;
  curlyBracketExprStartDepth = -1;
  inFormatSpec = false;
  debug = false;
  /** Index just after the '{' of the current replacement field, or -1. */
  lastExprStart = -1;
  /** Index of the '!', ':' or '}' that ended the expression, or -1. */
  lastExprEnd = -1;
}
