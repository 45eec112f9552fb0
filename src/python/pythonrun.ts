// CPython: Python/pythonrun.c (running a file or a string as __main__, PyErr_Print, PyErr_Display)
// and Python/pylifecycle.c's exit handling (_Py_HandleSystemExit).
//
// The stages this drives (compiler, eval loop, tracebacks) are loaded on first use, so that the
// command line still starts, and says clearly what is missing, while a stage is being written.
import fs from "node:fs";
import { writeStderr } from "../cli/output.js";
import { internalErrorReport } from "../cli/report.js";
import { PyObject_Str, PyObject_GetAttr, PyObject_SetAttr, PyObject_CallFunctionObjArgs, PyObject_CallMethod } from "../objects/abstract.js";
import { hasPycMagic } from "./pyc.js";
import { PyBaseException, PyExc_KeyboardInterrupt, PySyntaxError, PySystemExit } from "../objects/exceptions.js";
import { Py_None, PyObject_TypeCheck, type PyObject } from "../objects/object.js";

/** Why a program could not run at all (a stage of tython is missing), as opposed to a Python error. */
export class TythonUnavailable extends Error {}

/** The command line as the interpreter sees it (CPython: PyConfig); the sys module reads it. */
export interface PyConfig {
  /** sys.argv: [script, "-c", module path, "-" or "", then the program's arguments]. */
  argv: string[];
  /** sys.path while the interpreter starts (PYTHONPATH, the standard library). */
  sysPath: string[];
  /**
   * The entry put first on sys.path once `site` has run (CPython: config->sys_path_0): the
   * script's directory, "" for -c and stdin, the current directory for -m; null under -P.
   */
  sysPath0: string | null;
  /** -O (1) and -OO (2): asserts and __debug__ code removed, and with 2 docstrings too. */
  optimize: number;
  /** sys.orig_argv: the command line as given, the program's name first. */
  origArgv: string[];
  /** -u: stdout and stderr unbuffered (also PYTHONUNBUFFERED). */
  unbuffered?: boolean;
}

export const interpreterConfig: PyConfig = { argv: [""], sysPath: [], sysPath0: null, optimize: 0, origArgv: ["tython"] };

/** A JS RangeError from a too-deep stack (V8's message), which Python reports as RecursionError. */
export function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && /call stack size/i.test(e.message);
}

/** str(exc), as the one-line forms print it (CPython: BaseException_str and its overrides). */
export function exceptionStr(exc: PyBaseException): string {
  return PyObject_Str(exc);
}

/** A SyntaxError location field as an int, or null for None or a non-int. */
function intField(v: PyObject | null): number | null {
  return typeof v === "number" ? v : null;
}

// ---- SyntaxError display (CPython 3.14: traceback.TracebackException._format_syntax_error) ----

function isPySpace(c: string): boolean {
  return /^[\s\x1c-\x1f\x85]$/u.test(c);
}

/** The lines CPython prints for an uncaught SyntaxError, IndentationError or TabError. */
export function formatSyntaxError(e: PySyntaxError): string {
  const lineno = intField(e.lineno);
  const filename = typeof e.filename === "string" ? e.filename : null;
  let out = "";
  let filenameSuffix = "";
  if (e.lineno !== null && e.lineno !== Py_None) out += `  File "${filename || "<string>"}", line ${PyObject_Str(e.lineno)}\n`;
  else if (filename !== null) filenameSuffix = ` (${filename})`;
  if (typeof e.text === "string") {
    // offsets count code points, as Python's str does
    const rtext = Array.from(e.text.replace(/\n+$/, ""));
    let lead = 0;
    while (lead < rtext.length && (rtext[lead] === " " || rtext[lead] === "\n" || rtext[lead] === "\f")) lead++;
    const ltext = rtext.slice(lead);
    const textLen = Array.from(e.text).length;
    const offsetField = intField(e.offset);
    if (offsetField === null) {
      out += `    ${ltext.join("")}\n`;
    } else {
      let offset = offsetField;
      let endOffset: number;
      const endOffsetField = intField(e.endOffset);
      if (lineno === intField(e.endLineno)) endOffset = endOffsetField !== null && endOffsetField !== 0 ? endOffsetField : offset;
      else endOffset = rtext.length + 1;
      if (textLen > 0 && offset > textLen) offset = rtext.length + 1;
      if (textLen > 0 && endOffset > textLen) endOffset = rtext.length + 1;
      if (offset >= endOffset || endOffset < 0) endOffset = offset + 1;
      const colno = offset - 1 - lead;
      const endColno = endOffset - 1 - lead;
      out += `    ${ltext.join("")}\n`;
      if (colno >= 0) {
        let space = "";
        for (const c of ltext.slice(0, colno)) space += isPySpace(c) ? c : " ";
        out += `    ${space}${"^".repeat(Math.max(0, endColno - colno))}\n`;
      }
    }
  }
  const msg = e.msg === Py_None ? "" : PyObject_Str(e.msg);
  return out + `${e.typeName}: ${msg || "<no detail available>"}${filenameSuffix}\n`;
}

// ---- PyErr_Print ---------------------------------------------------------------------------------

// The stages below are imported by (non-literal) name, so that tython builds and its command line
// starts even while one of them is missing; these interfaces are what pythonrun needs of each.
const TRACEBACK = "./traceback.js";
const COMPILER = "../compiler/compile.js";
const PARSER = "../parser/peg_api.js";
const CEVAL = "../vm/ceval.js";
const BUILTINS = "./bltinmodule.js";

interface TracebackApi {
  formatException(exc: PyBaseException): string;
  linecacheRegister(filename: string, source: string): void;
}
interface CompileApi {
  compileStringObject(source: Uint8Array, filename: string, mode: "exec", flags: number, optimize: number): PyObject;
}
interface ParserApi {
  parserASTFromString(source: Uint8Array, filename: string, mode: "exec"): unknown;
}
interface CevalApi {
  PyEval_EvalCode(code: PyObject, globals: PyObject, locals: PyObject | null): PyObject;
}
interface Writer {
  flush(): void;
}
interface BuiltinsApi {
  builtinsModule: PyObject;
  stdoutWriter: Writer;
  stderrWriter: Writer;
  flushStdFiles(): PyBaseException | null;
}

/** Imports a stage on first use; a stage that does not exist yet becomes TythonUnavailable. */
async function loadStage<T>(load: () => Promise<T>, what: string): Promise<T> {
  try {
    return await load();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ERR_MODULE_NOT_FOUND") {
      const missing = /Cannot find module '([^']*)'/.exec((e as Error).message)?.[1] ?? "?";
      throw new TythonUnavailable(`tython: ${what} is not available yet (missing ${missing.replace(/^.*\/dist\//, "dist/")})`);
    }
    throw e;
  }
}

/**
 * CPython: PyErr_ProgramTextObject. A SyntaxError raised after parsing (by the symbol table or the
 * compiler) carries no source line; CPython reads it from the file, as this does.
 */
function fillSyntaxErrorText(e: PySyntaxError): void {
  if (e.text !== null && e.text !== Py_None) return;
  const lineno = intField(e.lineno);
  if (lineno === null || lineno < 1 || typeof e.filename !== "string" || !isRealFile(e.filename)) return;
  let data: Buffer;
  try {
    data = fs.readFileSync(e.filename);
  } catch {
    return;
  }
  let start = 0;
  for (let n = 1; n < lineno; n++) {
    const nl = data.indexOf(10, start);
    if (nl < 0) return;
    start = nl + 1;
  }
  const nl = data.indexOf(10, start);
  e.text = data.toString("utf8", start, nl < 0 ? data.length : nl + 1);
}

/** The source each SyntaxError came from (CPython keeps it in the exception's _metadata). */
const syntaxErrorSources = new WeakMap<PySyntaxError, string>();

interface TokenizerApi {
  Tokenizer: new (source: string, filename: string, extraTokens: boolean) => {
    next(): { type: number; string: string; lineno: number; colOffset: number; endLineno: number; endColOffset: number };
  };
}
interface ParserDriverApi {
  newParser(source: string, filename: string, mode: "exec", flags: number): unknown;
  runParser(p: unknown): unknown;
}
interface CompileAstApi {
  compileAST(m: unknown, filename: string): unknown;
}
const TOKENIZER = "../parser/tokenizer/index.js";
const PyPARSE_ALLOW_INCOMPLETE_INPUT = 0x0100;
const ENDMARKER = 0;

/** CPython 3.14's "Did you mean 'while'?" for a misspelt keyword (see syntax_suggestions.ts). */
async function suggestKeyword(e: PySyntaxError): Promise<void> {
  const source = syntaxErrorSources.get(e);
  if (source === undefined) return;
  try {
    const { Tokenizer } = (await import(TOKENIZER)) as TokenizerApi;
    const parser = (await import(PARSER)) as ParserDriverApi;
    const compiler = (await import(COMPILER)) as CompileAstApi;
    const { findKeywordTypos } = await import("./syntax_suggestions.js");
    findKeywordTypos(e, source, {
      *tokens(text: string) {
        const tok = new Tokenizer(text, "<string>", true);
        for (let t = tok.next(); t.type !== ENDMARKER; t = tok.next()) yield t;
      },
      compile(text: string, allowIncomplete: boolean) {
        const flags = allowIncomplete ? PyPARSE_ALLOW_INCOMPLETE_INPUT : 0;
        compiler.compileAST(parser.runParser(parser.newParser(text, "<input>", "exec", flags)), "<input>");
      },
    });
  } catch {
    // as traceback.py, which looks for typos under suppress(Exception): the error stays as raised
  }
}

/** The text CPython's default excepthook prints for an uncaught exception. */
export async function formatUncaught(exc: PyBaseException): Promise<string> {
  if (exc instanceof PySyntaxError) {
    fillSyntaxErrorText(exc);
    await suggestKeyword(exc);
    return formatSyntaxError(exc);
  }
  const tb = await loadStage(() => import(TRACEBACK) as Promise<TracebackApi>, "traceback printing");
  return tb.formatException(exc);
}

/** Writes out what the program printed, so that an error report comes after it. */
async function flushStdio(): Promise<void> {
  try {
    const b = (await import(BUILTINS)) as BuiltinsApi;
    b.stdoutWriter.flush();
    b.stderrWriter.flush();
  } catch {
    // no builtins yet: nothing was printed
  }
}

/**
 * CPython: PyErr_Print + _Py_HandleSystemExit. Reports a value thrown out of the program and
 * returns the process's exit status.
 */
export async function pyErrPrint(thrown: unknown): Promise<number> {
  await flushStdio();
  if (isStackOverflow(thrown)) {
    writeStderr("RecursionError: maximum recursion depth exceeded\n");
    return 1;
  }
  if (thrown instanceof TythonUnavailable) {
    writeStderr(thrown.message + "\n");
    return 1;
  }
  if (!(thrown instanceof PyBaseException)) {
    writeStderr(internalErrorReport(thrown));
    return 1;
  }
  if (thrown instanceof PySystemExit) return handleSystemExit(thrown);
  try {
    // CPython: _PyErr_PrintEx calls sys.excepthook (sysmodule_hooks.ts); the built-in one is this display
    const hooks = await import("./sysmodule_hooks.js");
    const outcome = hooks.callExcepthook(thrown);
    await flushStdio(); // what the hook printed comes before the report
    if (outcome.kind === "exit") return handleSystemExit(outcome.exit as PySystemExit);
    if (outcome.kind === "missing") writeStderr("sys.excepthook is missing\n" + (await formatUncaught(thrown)));
    else if (outcome.kind === "failed") {
      writeStderr("Error in sys.excepthook:\n" + (await formatUncaught(outcome.error)) + "\nOriginal exception was:\n" + (await formatUncaught(thrown)));
    } else if (outcome.kind === "default") writeStderr(await formatUncaught(thrown));
    await flushStdio();
  } catch (e) {
    writeStderr(internalErrorReport(e));
  }
  return PyObject_TypeCheck(thrown, PyExc_KeyboardInterrupt) ? 130 : 1;
}

/** CPython: _Py_HandleSystemExit: code None -> 0, an int -> that int, else printed to stderr, 1. */
function handleSystemExit(exc: PySystemExit): number {
  const code = exc.code;
  if (code === Py_None) return 0;
  if (typeof code === "number") return code | 0;
  if (typeof code === "boolean") return code ? 1 : 0;
  if (typeof code === "bigint") return Number(BigInt.asIntN(32, code));
  writeStderr(PyObject_Str(code) + "\n");
  return 1;
}

// ---- running a program ---------------------------------------------------------------------------

/** A filename that names a real file (not "<string>" or "<stdin>"), which __main__.__file__ gets. */
function isRealFile(filename: string): boolean {
  return !(filename.startsWith("<") && filename.endsWith(">"));
}

/**
 * What the program is: -c text, a script file (source or .pyc), standard input, or a module run
 * by runpy (-m's, or the __main__ of a directory or zip file given as the script).
 */
export type MainSource =
  | { kind: "command"; source: Uint8Array }
  | { kind: "file"; source: Uint8Array; filename: string }
  | { kind: "stdin"; source: Uint8Array }
  | { kind: "module"; name: string; alterArgv: boolean };

interface ImportApi {
  initImportlib(): void;
  PyImport_ImportModule(name: string): PyObject;
}
const IMPORT = "./import.js";

/**
 * CPython: add_main_module and init_import_site (pylifecycle.c): importlib installed, an empty
 * __main__ in sys.modules (its __loader__ BuiltinImporter), then `import site` unless -S.
 */
async function initMain(): Promise<PyObject> {
  const imp = await loadStage(() => import(IMPORT) as Promise<ImportApi>, "the import system");
  const { PyModule } = await import("../objects/moduleobject.js");
  const { sysModules, getSysModule } = await import("./sysmodule.js");
  const { PyList } = await import("../objects/listobject.js");
  const { builtinsModule } = await loadStage(() => import(BUILTINS) as Promise<BuiltinsApi>, "the builtins module");
  imp.initImportlib();
  const main = new PyModule("__main__");
  main.dict.setStr("__builtins__", builtinsModule);
  const bootstrap = sysModules().getStr("_frozen_importlib");
  if (bootstrap !== undefined) main.dict.setStr("__loader__", PyObject_GetAttr(bootstrap, "BuiltinImporter"));
  sysModules().setStr("__main__", main);
  const { sysOptions } = await import("./sysmodule_config.js");
  if (sysOptions.siteImport) imp.PyImport_ImportModule("site");
  // CPython: pymain_run_python's pymain_sys_path_add_path0, after site
  const sysPath = getSysModule().dict.getStr("path");
  if (interpreterConfig.sysPath0 !== null && sysPath instanceof PyList) sysPath.items.unshift(interpreterConfig.sysPath0);
  return main;
}

/** A loader of importlib._bootstrap_external for `__main__` (CPython: set_main_loader). */
function setMainLoader(main: PyObject, filename: string, loaderName: string, sysModulesGet: (n: string) => PyObject | undefined): void {
  const external = sysModulesGet("_frozen_importlib_external");
  if (external === undefined) return;
  const loaderType = PyObject_GetAttr(external, loaderName);
  PyObject_SetAttr(main, "__loader__", PyObject_CallFunctionObjArgs(loaderType, "__main__", filename));
}

/**
 * CPython: pymain_run_python with _PyRun_SimpleStringFlagsWithName, _PyRun_SimpleFileObject
 * (run_pyc_file for a compiled file) and pymain_run_module (runpy._run_module_as_main). Reports an
 * uncaught exception and returns the exit status.
 */
export async function runMain(what: MainSource): Promise<number> {
  const source = what.kind === "module" ? null : what.source;
  const filename = what.kind === "file" ? what.filename : what.kind === "stdin" ? "<stdin>" : "<string>";
  try {
    let compile: CompileApi;
    try {
      compile = await loadStage(() => import(COMPILER) as Promise<CompileApi>, "the compiler");
    } catch (e) {
      // Without a compiler, still report the program's syntax errors when the parser exists.
      if (!(e instanceof TythonUnavailable) || source === null) throw e;
      const parser = await loadStage(() => import(PARSER) as Promise<ParserApi>, "the parser");
      parser.parserASTFromString(source, filename, "exec");
      throw e;
    }
    const ceval = await loadStage(() => import(CEVAL) as Promise<CevalApi>, "the eval loop");
    const { sysModules } = await import("./sysmodule.js");
    const modulesGet = (n: string): PyObject | undefined => sysModules().getStr(n);
    let status: number;
    try {
      const main = await initMain();
      const d = (main as PyObject & { dict: import("../objects/dictobject.js").PyDict }).dict;
      if (what.kind === "module") {
        const runpy = (await import(IMPORT) as ImportApi).PyImport_ImportModule("runpy");
        PyObject_CallMethod(runpy, "_run_module_as_main", what.name, what.alterArgv);
      } else {
        let code: PyObject;
        if (what.kind === "file" && isPycFile(what.source, what.filename)) {
          code = await loadPyc(what.source);
          d.setStr("__file__", filename);
          d.setStr("__cached__", Py_None);
          setMainLoader(main, filename, "SourcelessFileLoader", modulesGet);
        } else {
          code = compile.compileStringObject(what.source, filename, "exec", 0, interpreterConfig.optimize);
          if (what.kind === "command") {
            // CPython 3.13+ keeps -c code for tracebacks (gh-117174); a file's lines are read from it
            const tb = await loadStage(() => import(TRACEBACK) as Promise<TracebackApi>, "traceback printing");
            tb.linecacheRegister(filename, Buffer.from(what.source).toString("utf8"));
          } else {
            d.setStr("__file__", filename);
            d.setStr("__cached__", Py_None);
            if (what.kind === "file") setMainLoader(main, filename, "SourceFileLoader", modulesGet);
          }
        }
        ceval.PyEval_EvalCode(code, d, d);
      }
      status = 0;
    } catch (e) {
      if (e instanceof PySyntaxError && source !== null) syntaxErrorSources.set(e, Buffer.from(source).toString("utf8"));
      status = await pyErrPrint(e);
    }
    return await finalize(status);
  } catch (e) {
    if (e instanceof PySyntaxError && source !== null) syntaxErrorSources.set(e, Buffer.from(source).toString("utf8"));
    return finalizeStdio(await pyErrPrint(e));
  }
}

/** CPython: maybe_pyc_file: a name ending in .pyc, or a file starting with this version's magic number. */
function isPycFile(data: Uint8Array, filename: string): boolean {
  return filename.endsWith(".pyc") || hasPycMagic(data);
}

/** The code of a .pyc file run as the script (CPython: run_pyc_file). */
async function loadPyc(data: Uint8Array): Promise<PyObject> {
  const { runtimeError } = await import("./errors.js");
  if (!hasPycMagic(data)) throw runtimeError("Bad magic number in .pyc file");
  const { PyMarshal_ReadObjectFromString } = await import("./marshal.js");
  const { PyCodeObject } = await import("../objects/codeobject.js");
  const code = PyMarshal_ReadObjectFromString(data.subarray(16));
  if (!(code instanceof PyCodeObject)) throw runtimeError("Bad code object in .pyc file");
  return code;
}

/**
 * After the program: Py_FinalizeEx (threads joined, atexit callbacks); a SystemExit or error
 * they raise is reported (as unraisable), and the exit status stays the program's.
 */
async function finalize(status: number): Promise<number> {
  try {
    const lifecycle = await import("./pylifecycle.js");
    lifecycle.Py_FinalizeEx();
  } catch (e) {
    if (!(e instanceof PyBaseException)) throw e;
    await pyErrPrint(e);
  }
  await flushStdio();
  return finalizeStdio(status);
}

/**
 * CPython: Py_FinalizeEx's flush_std_files: an error flushing sys.stdout is reported as
 * "Exception ignored while flushing sys.stdout" and the exit status becomes 120.
 */
async function finalizeStdio(status: number): Promise<number> {
  let b: BuiltinsApi;
  try {
    b = (await import(BUILTINS)) as BuiltinsApi;
  } catch {
    return status;
  }
  const failure = b.flushStdFiles();
  if (failure === null) return status;
  let text: string;
  try {
    text = await formatUncaught(failure);
  } catch (e) {
    text = internalErrorReport(e);
  }
  writeStderr("Exception ignored while flushing sys.stdout:\n" + text);
  return 120;
}
