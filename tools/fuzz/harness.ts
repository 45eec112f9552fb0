// Runs one source through the front end in-process (tokenize module, parser, AST dump, symtable,
// compiler) and classifies what happened. The rule being checked: every failure is a Python
// exception object (PyBaseException), never another JavaScript value.
import { dump as astDump } from "../../src/ast/dump.js";
import { compileAST } from "../../src/compiler/compile.js";
import { symtableBuild } from "../../src/compiler/symtable.js";
import { futureFromAst } from "../../src/compiler/symtable_future.js";
import { PyBaseException } from "../../src/objects/exceptions.js";
import { PyObject_Str } from "../../src/objects/abstract.js";
import { dumpTokens } from "../../src/parser/dump_tokens.js";
import { parserASTFromString } from "../../src/parser/peg_api.js";

export type Stage = "tokenize" | "parse" | "ast-dump" | "symtable" | "compile";

/**
 * ok: every stage succeeded; pyexc: a stage raised a Python exception (fine);
 * overflow: a JS RangeError for stack exhaustion escaped a stage (the CLI turns it into a bare
 * RecursionError; CPython raises its own RecursionError/MemoryError/SyntaxError in the stage);
 * crash: any other JS value escaped.
 */
export type OutcomeKind = "ok" | "pyexc" | "overflow" | "crash";

export interface Outcome {
  kind: OutcomeKind;
  /** The stage that raised (null for ok). */
  stage: Stage | null;
  /** "SyntaxError: msg" / "TypeError: msg" / the JS error's name and message. */
  message: string;
  /** For crashes: the JS error's first stack frames (where it happened). */
  where: string;
  ms: number;
}

export type Mode = "exec" | "eval" | "single";

function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && /call stack size/i.test(e.message);
}

function describe(e: unknown): { kind: OutcomeKind; message: string; where: string } {
  if (e instanceof PyBaseException) {
    let text: string;
    try {
      text = PyObject_Str(e);
    } catch (e2) {
      return { kind: "crash", message: `str() of ${e.typeName} failed: ${String(e2)}`, where: stackOf(e2) };
    }
    return { kind: "pyexc", message: `${e.typeName}: ${text}`, where: "" };
  }
  if (isStackOverflow(e)) return { kind: "overflow", message: "RangeError: Maximum call stack size exceeded", where: stackOf(e) };
  const message = e instanceof Error ? `${e.name}: ${e.message}` : `thrown ${typeof e}: ${String(e)}`;
  return { kind: "crash", message, where: stackOf(e) };
}

/** The first few stack frames, with file paths shortened to the repository's. */
function stackOf(e: unknown): string {
  if (!(e instanceof Error) || !e.stack) return "";
  return e.stack
    .split("\n")
    .slice(1, 5)
    .map((l) => l.trim().replace(/file:\/\/\S*?\/dist\//, "dist/"))
    .join(" <- ");
}

/**
 * Runs every stage; stops at the first that raises. A string source is what compile() gets from a
 * str (already decoded, may hold lone surrogates): the tokenize module stage is skipped for it.
 */
export function runCase(source: Uint8Array | string, mode: Mode = "exec"): Outcome {
  const t0 = performance.now();
  let stage: Stage = "tokenize";
  try {
    const lines: string[] = [];
    if (typeof source !== "string") dumpTokens(source, "<fuzz>", lines);
    // the tokenize module goes on after a SyntaxError the parser would report; continue anyway
    stage = "parse";
    const m = parserASTFromString(source, "<fuzz>", mode);
    stage = "ast-dump";
    // the dump may legitimately raise RecursionError on a deep tree; go on to the later stages
    try {
      astDump(m, { includeAttributes: true, indent: 1 });
    } catch (e) {
      if (!(e instanceof PyBaseException)) throw e;
    }
    stage = "symtable";
    symtableBuild(m, "<fuzz>", futureFromAst(m, "<fuzz>"));
    stage = "compile";
    compileAST(m, "<fuzz>", 0, 0);
    return { kind: "ok", stage: null, message: "", where: "", ms: performance.now() - t0 };
  } catch (e) {
    const d = describe(e);
    return { kind: d.kind, stage, message: d.message, where: d.where, ms: performance.now() - t0 };
  }
}

/** What makes two failures "the same bug" for minimization: kind, stage and JS error/frame. */
export function signature(o: Outcome): string {
  if (o.kind === "crash") return `crash@${o.stage}:${o.message.replace(/\d+/g, "N").slice(0, 80)}@${o.where.split(" <- ")[0] ?? ""}`;
  return `${o.kind}@${o.stage}`;
}
