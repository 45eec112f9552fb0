// CPython: Parser/peg_api.c and the driver part of Parser/pegen.c (_PyPegen_run_parser,
// _PyPegen_run_parser_from_string).
import type * as ast from "../ast/ast.generated.js";
import { Tokenizer } from "./tokenizer/index.js";
import { GeneratedParser, KEYWORDS, SOFT_KEYWORDS, runStartRule } from "./parser.generated.js";
import { Parser, type StartMode } from "./pegen.js";
import * as T from "./token.generated.js";

/** Makes a parser over `source` (bytes: encoding detected; str: taken as decoded). */
export function newParser(source: Uint8Array | string, filename: string, mode: StartMode, flags = 0): GeneratedParser {
  const tok = new Tokenizer(source, filename, false);
  const p = new GeneratedParser(tok, KEYWORDS, SOFT_KEYWORDS, filename, tok.lexer.text, mode);
  p.flags = flags;
  return p;
}

/**
 * Runs the parser (CPython: _PyPegen_run_parser): on failure, the second pass with the invalid_
 * rules (src/parser/pegen_errors.ts) reports CPython's error; here, until that pass exists, the
 * generic "invalid syntax" at the furthest token read.
 */
export function runParser(p: GeneratedParser): ast.mod {
  const res = runStartRule(p, p.startMode);
  if (res === null) throw syntaxErrorAtLastToken(p);
  return res;
}

/** "invalid syntax" at the last token read (CPython: _Pypegen_set_syntax_error, simple case). */
export function syntaxErrorAtLastToken(p: Parser) {
  const t = p.tokens[p.fill - 1]!;
  if (t.type === T.ENDMARKER || t.type === T.INDENT || t.type === T.DEDENT || t.col_offset < 0) {
    const last = p.fill >= 2 ? p.tokens[p.fill - 2]! : t;
    return p.syntaxErrorKnownRange(last.end_lineno, Math.max(last.end_col_offset, 0), last.end_lineno, Math.max(last.end_col_offset, 0), "invalid syntax");
  }
  return p.syntaxErrorKnownRange(t.lineno, t.col_offset, t.end_lineno, t.end_col_offset, "invalid syntax");
}

/** CPython: _PyParser_ASTFromString. Errors are thrown as PySyntaxError (or MemoryError). */
export function parserASTFromString(source: Uint8Array | string, filename: string, mode: StartMode): ast.mod {
  return runParser(newParser(source, filename, mode));
}
