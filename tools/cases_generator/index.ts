// The cases generator (CPython: Tools/cases_generator/): reads src/vm/bytecodes.def and writes the
// opcode numbers, the instruction metadata and the eval loop's cases.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { analyze } from "./analyzer.js";
import { emitOpcodeIds, emitOpcodeMetadata } from "./emit_metadata.js";
import { emitCases } from "./emit_cases.js";
import { parseDefinitions, type Definition } from "./parser.js";

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
export const DEF_PATH = "src/vm/bytecodes.def";

export function loadDefinitions(): Definition[] {
  return parseDefinitions(readFileSync(join(repoRoot, DEF_PATH), "utf8"), DEF_PATH);
}

export function generate(): { path: string; text: string }[] {
  const defs = loadDefinitions();
  const a = analyze(defs);
  const preamble = defs.flatMap((d) => (d.kind === "preamble" ? [d.text] : [])).join("\n");
  const hot = new Set(defs.flatMap((d) => (d.kind === "hot" ? d.names : [])));
  for (const n of hot) if (!a.instructions.has(n)) throw new Error(`hot: no instruction ${n}`);
  return [
    { path: "src/vm/opcode_ids.generated.ts", text: emitOpcodeIds(a) },
    { path: "src/vm/opcode_metadata.generated.ts", text: emitOpcodeMetadata(a) },
    { path: "src/vm/generated_cases.generated.ts", text: emitCases(a, preamble, hot) },
  ];
}
