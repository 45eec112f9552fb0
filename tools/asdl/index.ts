// Generates src/ast/ast.generated.ts and src/ast/ast_schema.generated.ts from Parser/Python.asdl (CPython: Parser/asdl_c.py).
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAsdl } from "./asdl.js";
import { generateTs } from "./gen_ts.js";
import { generateSchema } from "./gen_schema.js";

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

export function generate(): { path: string; text: string }[] {
  const mod = parseAsdl(readFileSync(join(repoRoot, "Parser", "Python.asdl"), "utf8"));
  return [
    { path: "src/ast/ast.generated.ts", text: generateTs(mod) },
    { path: "src/ast/ast_schema.generated.ts", text: generateSchema(mod) },
  ];
}
