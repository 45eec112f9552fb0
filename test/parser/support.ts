// Shared by the parser tests: the ast mode of dump.py, over tython's parser.
import { dumpTo } from "../../src/ast/dump.js";
import { parserASTFromString } from "../../src/parser/peg_api.js";

/** What dump.py prints for the ast mode (one file). */
export function dumpAstLikeDumpPy(source: Uint8Array, name: string): string {
  try {
    const out: string[] = [];
    dumpTo(parserASTFromString(source, name, "exec"), { includeAttributes: true, indent: 1 }, out);
    return out.join("") + "\n";
  } catch (e) {
    const s = e as { msg?: unknown; lineno?: unknown; offset?: unknown; endLineno?: unknown; endOffset?: unknown; typeName?: string; args?: { items?: unknown[] } };
    if (s.msg !== undefined) return `SyntaxError: ${s.msg} (${s.lineno}, ${s.offset}, ${s.endLineno}, ${s.endOffset})\n`;
    throw e;
  }
}
