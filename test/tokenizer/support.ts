// Shared helpers of the tokenizer tests.
import "../../src/objects/init.js"; // the object layer first (as the entry points do)
import { PySyntaxError } from "../../src/objects/exceptions.js";
import { dumpTokens } from "../../src/parser/dump_tokens.js";
import { Tokenizer } from "../../src/parser/tokenizer/index.js";
import { ENDMARKER } from "../../src/parser/token.generated.js";

const none = (v: unknown): string => (v === null || v === undefined ? "None" : String(v));

/** A SyntaxError as dump.py prints it. */
export function syntaxErrorLine(e: PySyntaxError): string {
  return `SyntaxError: ${String(e.msg)} (${none(e.lineno)}, ${none(e.offset)}, ${none(e.endLineno)}, ${none(e.endOffset)})`;
}

/** What `dump.py tokens FILE` prints for these bytes. */
export function tokensDump(source: Uint8Array, name: string): string {
  const out: string[] = [];
  try {
    dumpTokens(source, name, out);
  } catch (e) {
    if (!(e instanceof PySyntaxError)) throw e;
    out.push(syntaxErrorLine(e));
  }
  return out.map((l) => l + "\n").join("");
}

/** Tokenizes in the parser's mode to the end: "OK" or the SyntaxError line. */
export function parserModeResult(source: Uint8Array | string, name: string): string {
  try {
    const tok = new Tokenizer(source, name, false);
    while (tok.next().type !== ENDMARKER);
    return "OK";
  } catch (e) {
    if (!(e instanceof PySyntaxError)) throw e;
    return syntaxErrorLine(e);
  }
}
