// `tython dump tokens`: the token stream as tools/oracle/dump.py's `tokens` mode prints it,
// i.e. `python -m tokenize -e` lines built from tokenize.tokenize(BytesIO(source).readline).
import { PySyntaxError } from "../objects/exceptions.js";
import { unicodeRepr } from "../objects/unicodeobject.js";
import { exactType, Tokenizer } from "./tokenizer/index.js";
import { ENDMARKER, tokName } from "./token.generated.js";

/** Pads to `width` code points, as Python's "%-Ns". */
function ljust(s: string, width: number): string {
  let n = s.length;
  if (n < width * 2) {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0xdc00 && c <= 0xdfff && i > 0 && (s.charCodeAt(i - 1) & 0xfc00) === 0xd800) n--;
    }
  }
  return n >= width ? s : s + " ".repeat(width - n);
}

/** The tokenize module's message for an error (CPython: tokenize._transform_msg). */
function transformMsg(msg: string): string {
  return msg.includes("unterminated triple-quoted string literal") ? "EOF in multi-line string" : msg;
}

/**
 * Pushes one line per token (without "\n"). When tokenizing fails, the lines of the tokens before
 * the error are pushed first; then a TokenError (what the tokenize module raises for the lexer's
 * own SyntaxErrors) is pushed as dump.py prints it, `TokenError: ('msg', (lineno, offset))`, and
 * the function returns; any other error (IndentationError, TabError, an encoding SyntaxError) is
 * thrown as PySyntaxError, which the caller prints as `SyntaxError: msg (lineno, offset,
 * end_lineno, end_offset)` (None for null).
 */
export function dumpTokens(source: Uint8Array, filename: string, out: string[]): void {
  const tok = new Tokenizer(source, filename, true);
  try {
    for (;;) {
      const t = tok.next();
      const span = `${t.lineno},${t.colOffset}-${t.endLineno},${t.endColOffset}:`;
      out.push(ljust(span, 20) + ljust(tokName[exactType(t.type, t.string)]!, 15) + ljust(unicodeRepr(t.string), 15));
      if (t.type === ENDMARKER) return;
    }
  } catch (e) {
    if (e instanceof PySyntaxError && tok.tokenizeErrorIsTokenError(e)) {
      const pos = `(${e.lineno ?? "None"}, ${e.offset ?? "None"})`;
      out.push(`TokenError: (${unicodeRepr(transformMsg(e.msg as string))}, ${pos})`);
      return;
    }
    throw e;
  }
}
