// Writes the tokenizer's golden files from the reference (CPython 3.14 via pyodide):
//
//   npm run build && node dist/tools/tokens_gen/golden.js
//
// - test/golden/tokens/<name>.py.tokens: dump.py's `tokens` output for each test/corpus/tokens/*.py
//   (the tokenize module's view);
// - test/golden/tokens/parser_errors.json: for each corpus file but those whose error comes from the
//   parser, the SyntaxError that compile() raises, as dump.py prints it, or "OK" when it compiles
//   (the parser's view of the tokenizer).
import fs from "node:fs";
import path from "node:path";
import { referenceDump } from "../oracle/reference.js";
import { REPO_ROOT } from "../oracle/session.js";

/** Files whose compile() error comes from the parser, not the tokenizer. */
const PARSER_DETECTED = new Set([
  "err_dollar.py", "err_fstring_empty_expr.py", "ellipsis_dots.py", "formfeed.py", "keywords_soft.py", "operators.py",
  "prefix_duplicates.py",
]);

const corpusDir = path.join(REPO_ROOT, "test", "corpus", "tokens");
const goldenDir = path.join(REPO_ROOT, "test", "golden", "tokens");
const files = fs.readdirSync(corpusDir).filter((f) => f.endsWith(".py")).sort().map((f) => path.join(corpusDir, f));

const tokens = await referenceDump("tokens", files);
fs.mkdirSync(goldenDir, { recursive: true });
for (const [file, text] of tokens) fs.writeFileSync(path.join(goldenDir, `${path.basename(file)}.tokens`), text);

const errFiles = files.filter((f) => !PARSER_DETECTED.has(path.basename(f)));
const ast = await referenceDump("ast", errFiles);
const errors: Record<string, string> = {};
for (const [file, text] of ast) {
  const last = text.trimEnd().split("\n").pop()!;
  errors[path.basename(file)] = last.startsWith("SyntaxError: ") ? last : "OK";
}
fs.writeFileSync(path.join(goldenDir, "parser_errors.json"), JSON.stringify(errors, null, 1) + "\n");
process.stdout.write(`wrote ${tokens.size} token dumps and ${ast.size} parser errors into ${goldenDir}\n`);
