// CPython: Tools/peg_generator/pegen/build.py
//
// `generate()` reads Grammar/python.gram and Grammar/Tokens and returns the text of
// src/parser/parser.generated.ts (called by tools/regen.ts and by the staleness test).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseGrammar } from "./grammar.js";
import { readTokens, TsParserGenerator } from "./ts_generator.js";

/** The repository root (this file runs from dist/tools/pegen/ or tools/pegen/). */
function repoRoot(): string {
  const here = fileURLToPath(new URL(".", import.meta.url));
  return here.replace(/(dist\/)?tools\/pegen\/?$/, "");
}

/** Generates a parser from grammar and token-file texts. */
export function generateParser(grammarText: string, tokensText: string): string {
  return new TsParserGenerator(parseGrammar(grammarText), readTokens(tokensText)).generate();
}

export function generate(): { path: string; text: string }[] {
  const root = repoRoot();
  const grammar = readFileSync(root + "Grammar/python.gram", "utf8");
  const tokens = readFileSync(root + "Grammar/Tokens", "utf8");
  return [{ path: "src/parser/parser.generated.ts", text: generateParser(grammar, tokens) }];
}
