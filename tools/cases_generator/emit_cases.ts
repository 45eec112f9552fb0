// Writes src/vm/generated_cases.generated.ts (CPython: Tools/cases_generator/tier1_generator.py).
import type { Analysis } from "./analyzer.js";
import { HEADER } from "./emit_metadata.js";

export function emitCases(_a: Analysis): string {
  return [HEADER, "/** The eval loop's instruction cases (not generated yet). */", "export {};", ""].join("\n");
}
