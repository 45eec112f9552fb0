// CPython: Parser/peg_api.c and the driver part of Parser/pegen.c (_PyPegen_run_parser,
// _PyPegen_run_parser_from_string).
import type * as ast from "../ast/ast.generated.js";
import { Tokenizer } from "./tokenizer/index.js";
import { GeneratedParser, KEYWORDS, SOFT_KEYWORDS, runStartRule } from "./parser.generated.js";
import { PyPARSE_ALLOW_INCOMPLETE_INPUT, PyPARSE_BARRY_AS_BDFL, PyPARSE_DONT_IMPLY_DEDENT, PyPARSE_TYPE_COMMENTS, type StartMode } from "./pegen.js";
import { RAISE_SYNTAX_ERROR, runParser as runWithErrorPass } from "./pegen_errors.js";
import * as T from "./token.generated.js";

// PyCF_* compiler flags the parser looks at (CPython: Include/cpython/compile.h, code.h).
const PyCF_DONT_IMPLY_DEDENT = 0x0200;
const PyCF_ONLY_AST = 0x0400;
const PyCF_TYPE_COMMENTS = 0x1000;
const PyCF_ALLOW_INCOMPLETE_INPUT = 0x4000;
const CO_FUTURE_BARRY_AS_BDFL = 0x400000;

/** CPython: compute_parser_flags (PyCF_* -> PyPARSE_*). */
function computeParserFlags(cf: number): number {
  let flags = 0;
  if (cf & PyCF_DONT_IMPLY_DEDENT) flags |= PyPARSE_DONT_IMPLY_DEDENT;
  if (cf & CO_FUTURE_BARRY_AS_BDFL) flags |= PyPARSE_BARRY_AS_BDFL;
  if (cf & PyCF_TYPE_COMMENTS) flags |= PyPARSE_TYPE_COMMENTS;
  if (cf & PyCF_ALLOW_INCOMPLETE_INPUT) flags |= PyPARSE_ALLOW_INCOMPLETE_INPUT;
  return flags;
}

/**
 * Makes a parser over `source` (bytes: encoding detected; str: taken as decoded); `cfFlags` are
 * PyCF_* compiler flags (type comments, barry_as_FLUFL, ...).
 */
export function newParser(source: Uint8Array | string, filename: string, mode: StartMode, cfFlags = 0,
  featureVersion = 14): GeneratedParser {
  const tok = new Tokenizer(source, filename, false, mode === "exec" || mode === "single");
  const p = new GeneratedParser(tok, KEYWORDS, SOFT_KEYWORDS, filename, tok.lexer.text, mode);
  p.flags = computeParserFlags(cfFlags);
  // CPython: the feature version only applies when compiling to an AST (ast.parse).
  if (cfFlags & PyCF_ONLY_AST) p.featureVersion = featureVersion;
  if (p.flags & PyPARSE_TYPE_COMMENTS) tok.typeComments = true;
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
    // with --stack-size=3900 to reach CPython's depth). A tokenizer error further on (such as
    // "too many nested parentheses") is what CPython meets first; else report its MAXSTACK error.
    if (e instanceof RangeError) {
      // The tokenizer may have been interrupted mid-token: scan again from the start.
      const tok = new Tokenizer(p.source, p.filename, false, p.startMode === "exec" || p.startMode === "single");
      while (tok.next().type !== T.ENDMARKER);
      p.stackOverflow();
    }
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

/**
 * CPython: _PyParser_ASTFromString. `cfFlags`: PyCF_* flags (e.g. PyCF_TYPE_COMMENTS 0x1000);
 * `featureVersion`: the minor version of ast.parse(feature_version=(3, N)), used with PyCF_ONLY_AST.
 * Errors are thrown as PySyntaxError (or MemoryError).
 */
export function parserASTFromString(source: Uint8Array | string, filename: string, mode: StartMode, cfFlags = 0,
  featureVersion = 14): ast.mod {
  return runParser(newParser(source, filename, mode, cfFlags, featureVersion));
}
