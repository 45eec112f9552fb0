// `tython dump MODE FILE...`: each stage's canonical dump, printing exactly what the project's
// dump script (tools/oracle/dump.py) prints under CPython, so the two can be diffed file by file.
//
// Each stage's dumper is `(source: Uint8Array, filename: string, out: string[]) => void`: it pushes
// the output's lines onto `out` (each element one or more whole lines; its final "\n" may be left
// out), and throws a Python exception after pushing any partial output. Stages are imported on
// first use, so a missing or broken stage breaks only its own mode.
import fs from "node:fs";
import { PyObject_Str } from "../objects/abstract.js";
import { PyBaseException, PySyntaxError } from "../objects/exceptions.js";
import type { PyObject } from "../objects/object.js";
import { exceptionStr, isStackOverflow } from "../python/pythonrun.js";
import { internalErrorReport } from "./report.js";
import { BufferedWriter, writeStderr } from "./output.js";

export type Dumper = (source: Uint8Array, filename: string, out: string[]) => void;

/** Where each mode's dumper lives: [module (relative to this file), exported function]. */
const DUMPERS: Record<string, readonly [string, string]> = {
  tokens: ["../parser/dump_tokens.js", "dumpTokens"],
  ast: ["../ast/dump.js", "dumpAst"],
  symtable: ["../compiler/dump_symtable.js", "dumpSymtable"],
  code: ["../compiler/dump_code.js", "dumpCode"],
  dis: ["../compiler/dump_code.js", "dumpDis"],
};

export const DUMP_USAGE = `usage: tython dump MODE FILE...

MODE is one of:
  tokens    the token stream (ENCODING first), as \`python -m tokenize -e\` prints it
  ast       ast.dump(..., include_attributes=True, indent=1) of the parsed module
  symtable  every symbol table, depth first, with each symbol's flags
  code      every code object, depth first: all co_* fields, bytecode and tables in hex
  dis       dis.dis of the module, with memory addresses removed
`;

/** Loads a mode's dumper, or returns why it cannot (reported per file, like any other failure). */
async function loadDumper(mode: string): Promise<Dumper | string> {
  const [spec, name] = DUMPERS[mode]!;
  try {
    const mod = (await import(spec)) as Record<string, unknown>;
    const f = mod[name];
    if (typeof f !== "function") return `tython: internal error: ${spec} does not export ${name}()`;
    return f as Dumper;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ERR_MODULE_NOT_FOUND") {
      return `tython: internal error: the ${mode} dumper is not available (${spec} is missing)`;
    }
    return internalErrorReport(e).trimEnd();
  }
}

/** The line dump.py prints when dumping a file raises (CPython: dump.py's main). */
export function dumpErrorLine(e: unknown): string {
  if (e instanceof PySyntaxError) {
    // dump.py catches SyntaxError, so IndentationError and TabError print as SyntaxError too
    const n = (v: PyObject | null): string => (v === null ? "None" : PyObject_Str(v));
    return `SyntaxError: ${n(e.msg)} (${n(e.lineno)}, ${n(e.offset)}, ${n(e.endLineno)}, ${n(e.endOffset)})\n`;
  }
  if (e instanceof PyBaseException) return `${e.typeName}: ${exceptionStr(e)}\n`;
  if (isStackOverflow(e)) return "RecursionError: maximum recursion depth exceeded\n";
  // one line, like the others: the report's first line names the error
  return internalErrorReport(e).split("\n", 1)[0] + "\n";
}

/** Runs `tython dump ARGS`; returns the exit status. */
export async function dumpMain(args: readonly string[]): Promise<number> {
  const mode = args[0];
  if (args.length < 2 || mode === undefined || !(mode in DUMPERS)) {
    writeStderr(DUMP_USAGE);
    return 2;
  }
  const dumper = await loadDumper(mode);
  const files = args.slice(1);
  const out = new BufferedWriter(1);
  let status = 0;
  for (const path of files) {
    if (files.length > 1) out.write(`==> ${path} <==\n`);
    let source: Uint8Array;
    try {
      source = fs.readFileSync(path);
    } catch (e) {
      out.flush();
      const code = (e as NodeJS.ErrnoException).code;
      writeStderr(`tython dump: cannot read ${path}: ${code ?? String(e)}\n`);
      status = 1;
      continue;
    }
    if (typeof dumper === "string") {
      out.write(dumper + "\n");
      continue;
    }
    // dump.py names the file by its basename
    const name = path.slice(path.lastIndexOf("/") + 1);
    const pieces: string[] = [];
    let error: unknown = null;
    let failed = false;
    try {
      dumper(source, name, pieces);
    } catch (e) {
      error = e;
      failed = true;
    }
    for (const line of pieces) out.write(line.endsWith("\n") ? line : line + "\n");
    if (failed) out.write(dumpErrorLine(error));
  }
  out.flush();
  return status;
}
