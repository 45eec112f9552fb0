// `tython dump symtable`: every symbol table, depth first, as the oracle's dump.py prints it
// through CPython's `symtable` module (Lib/symtable.py), which derives its predicates
// (is_local, is_global, ...) from the flags and scopes that symtable.c stores.
import {
  BlockType,
  CELL,
  DEF_ANNOT,
  DEF_BOUND,
  DEF_COMP_CELL,
  DEF_COMP_ITER,
  DEF_FREE_CLASS,
  DEF_IMPORT,
  DEF_LOCAL,
  DEF_NONLOCAL,
  DEF_PARAM,
  DEF_TYPE_PARAM,
  FREE,
  GLOBAL_EXPLICIT,
  GLOBAL_IMPLICIT,
  LOCAL,
  SCOPE_MASK,
  SCOPE_OFFSET,
  USE,
  symtableBuild,
  type SymtableEntry,
} from "./symtable.js";
import { futureFromAst } from "./symtable_future.js";
import { PyExc_RecursionError, newException } from "../objects/exceptions.js";
import type { mod } from "../ast/ast.generated.js";
import { parserASTFromString } from "../parser/peg_api.js";

/** Lib/symtable.py's SymbolTableType member names, by BlockType. */
const TYPE_NAMES = ["FUNCTION", "CLASS", "MODULE", "ANNOTATION", "TYPE_ALIAS", "TYPE_PARAMETERS", "TYPE_VARIABLE"];

/** The predicates dump.py prints, in its order (Lib/symtable.py, class Symbol). */
function symbolFlags(flags: number, moduleScope: boolean): string {
  const scope = (flags >> SCOPE_OFFSET) & SCOPE_MASK;
  const boundInModule = moduleScope && (flags & DEF_BOUND) !== 0;
  const parts: string[] = [];
  if (flags & USE) parts.push("referenced");
  if (flags & DEF_IMPORT) parts.push("imported");
  if (flags & DEF_PARAM) parts.push("parameter");
  if (flags & DEF_TYPE_PARAM) parts.push("type_parameter");
  if (scope === GLOBAL_IMPLICIT || scope === GLOBAL_EXPLICIT || boundInModule) parts.push("global");
  if (flags & DEF_NONLOCAL) parts.push("nonlocal");
  if (scope === GLOBAL_EXPLICIT) parts.push("declared_global");
  if (scope === LOCAL || scope === CELL || boundInModule) parts.push("local");
  if (flags & DEF_ANNOT) parts.push("annotated");
  if (scope === FREE) parts.push("free");
  if (flags & DEF_FREE_CLASS) parts.push("free_class");
  if (flags & DEF_LOCAL) parts.push("assigned");
  if (flags & DEF_COMP_ITER) parts.push("comp_iter");
  if (flags & DEF_COMP_CELL) parts.push("comp_cell");
  return parts.join(" ");
}

/** Maps a UTF-16 code unit so that comparing mapped units orders strings by code point. */
function codePointRank(c: number): number {
  if (c < 0xd800) return c;
  return c <= 0xdfff ? c + 0x2000 : c - 0x800;
}

/** Code-point order, as Python sorts str (JS's `<` compares UTF-16 code units). */
function compareNames(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(i);
    if (ca !== cb) return codePointRank(ca) - codePointRank(cb);
  }
  return a.length - b.length;
}

/**
 * The depth of nested tables at which dump.py's recursive walk raises RecursionError under the
 * oracle: it prints the table's header line, then runs out of frames listing its symbols or
 * children (measured on 1000 nested lambdas: 986 headers, then the error).
 */
const DUMP_PY_MAX_DEPTH = 986;

function walk(ste: SymtableEntry, depth: number, out: string[]): void {
  const pad = "  ".repeat(depth);
  const optimized = ste.type === BlockType.FunctionBlock ? " optimized" : "";
  out.push(`${pad}${TYPE_NAMES[ste.type]} ${ste.name} line ${ste.lineno}${optimized}\n`);
  if (depth >= DUMP_PY_MAX_DEPTH && (ste.symbols.size > 0 || ste.children.length > 0)) {
    throw newException(PyExc_RecursionError, ["maximum recursion depth exceeded"]);
  }
  // Lib/symtable.py treats a table named "top" as the module scope, whatever its type.
  const moduleScope = ste.name === "top";
  const names = [...ste.symbols.keys()].sort(compareNames);
  for (const name of names) {
    out.push(`${pad}  ${name}: ${symbolFlags(ste.symbols.get(name)!, moduleScope)}\n`);
  }
  for (const child of ste.children) walk(child, depth + 1, out);
}

/** Builds the symbol tables of a parsed module and appends the dump to `out`. */
export function dumpSymtableOfModule(m: mod, filename: string, out: string[]): void {
  const st = symtableBuild(m, filename, futureFromAst(m, filename));
  walk(st.top, 0, out);
}

/** `tython dump symtable FILE`: parses `source` and dumps its symbol tables. */
export function dumpSymtable(source: Uint8Array, filename: string, out: string[]): void {
  dumpSymtableOfModule(parserASTFromString(source, filename, "exec"), filename, out);
}
