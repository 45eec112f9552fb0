// CPython: Parser/peg_api.c and the driver part of Parser/pegen.c (_PyPegen_run_parser,
// _PyPegen_run_parser_from_string).
import type * as ast from "../ast/ast.generated.js";
import { Tokenizer } from "./tokenizer/index.js";
import { GeneratedParser, KEYWORDS, SOFT_KEYWORDS, runStartRule } from "./parser.generated.js";
import { type StartMode } from "./pegen.js";
import { RAISE_SYNTAX_ERROR, runParser as runWithErrorPass } from "./pegen_errors.js";

/** Makes a parser over `source` (bytes: encoding detected; str: taken as decoded). */
export function newParser(source: Uint8Array | string, filename: string, mode: StartMode, flags = 0): GeneratedParser {
  const tok = new Tokenizer(source, filename, false);
  const p = new GeneratedParser(tok, KEYWORDS, SOFT_KEYWORDS, filename, tok.lexer.text, mode);
  p.flags = flags;
  return p;
}

/**
 * Runs the parser (CPython: _PyPegen_run_parser): on failure, the second pass with the invalid_
 * rules reports CPython's error (src/parser/pegen_errors.ts).
 */
export function runParser(p: GeneratedParser): ast.mod {
  try {
    const res = runWithErrorPass(p, () => runStartRule(p, p.startMode));
    if (p.startMode === "single" && badSingleStatement(p)) {
      RAISE_SYNTAX_ERROR(p, "multiple statements found while compiling a single statement");
    }
    return res;
  } catch (e) {
    // The JS stack ran out before MAXSTACK rule levels (node's default stack is small; run node
    // with --stack-size=3900 to reach CPython's depth): report what CPython reports at MAXSTACK.
    if (e instanceof RangeError) p.stackOverflow();
    throw e;
  }
}

/** CPython: bad_single_statement — anything but blanks and comments left after the statement. */
function badSingleStatement(p: GeneratedParser): boolean {
  if (!(p.tokenizer instanceof Tokenizer)) return false;
  const { text, cur } = p.tokenizer.lexer;
  for (let i = cur; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 12 || c === 13) continue;
    if (c !== 35 /* # */) return true;
    while (i < text.length && text.charCodeAt(i) !== 10) i++;
  }
  return false;
}

/** CPython: _PyParser_ASTFromString. Errors are thrown as PySyntaxError (or MemoryError). */
export function parserASTFromString(source: Uint8Array | string, filename: string, mode: StartMode): ast.mod {
  return runParser(newParser(source, filename, mode));
}
