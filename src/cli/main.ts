// CPython: Modules/main.c (Py_BytesMain, pymain_run_python: command, module, file or stdin) with the
// option parsing of Python/initconfig.c (config_parse_cmdline) and Python/getopt.c (_PyOS_GetOpt).
import fs from "node:fs";
import path from "node:path";
import { STDLIB_DIR } from "../python/paths.js";
import type { MainSource, PyConfig } from "../python/pythonrun.js";
import { type CmdLineOptions, ConfigError, readSysOptions, setSysOptions, sysOptions } from "../python/sysmodule_config.js";
import { internalErrorReport } from "./report.js";
import { writeStderr, writeStdout } from "./output.js";

export const PY_VERSION = "3.14.2";
const PROGRAM = "tython";


// CPython 3.14's short options; a letter followed by ':' takes an argument.
const SHORT_OPTIONS = "bBc:dEhiIJm:OPqRsStuvVW:xX:?";
const LONG_OPTIONS: Record<string, boolean> = {
  "check-hash-based-pycs": true,
  "help-env": false,
  "help-xoptions": false,
  "help-all": false,
};

const USAGE_LINE = `usage: ${PROGRAM} [option] ... [-c cmd | -m mod | file | -] [arg] ...\n`;

const USAGE_HELP = `Options (tython accepts CPython's options; those it does not act on yet are ignored):
-c cmd : run the program given as a string (ends the option list)
-h     : print this help message and exit (also -? or --help)
-m mod : run a module found on sys.path as a script (ends the option list)
-O     : remove assert and __debug__-dependent statements (-OO: also docstrings)
-V     : print the Python version number and exit (also --version)
         when given twice, print more information about the build
-x     : skip the first line of the source (for non-Unix forms of #!cmd)
Arguments:
file   : program read from script file
-      : program read from stdin (default)
arg ...: arguments passed to program in sys.argv[1:]
Other commands:
${PROGRAM} dump MODE FILE... : print a stage's canonical dump (tokens, ast, symtable, code, dis)
`;

interface CmdLine {
  command: string | null;
  module: string | null;
  /** The script path, "-" for stdin, or null (stdin). */
  filename: string | null;
  args: string[];
  skipFirstLine: boolean;
  optimize: number;
  /** -u */
  unbuffered: boolean;
  /** The arguments as given (for sys.orig_argv). */
  origArgv: readonly string[];
  /** The flags, -W and -X options, for sys.flags, sys.warnoptions and sys._xoptions. */
  options: CmdLineOptions;
}

/** Prints the error usage (CPython: usage(1, program)) and returns exit status 2. */
function usageError(message: string): number {
  writeStderr(`${message}\n${USAGE_LINE}Try \`python -h' for more information.\n`);
  return 2;
}

/** Parses options as _PyOS_GetOpt does; returns the command line, or an exit status. */
function parseCmdLine(argv: readonly string[]): CmdLine | number {
  const cl: CmdLine = { command: null, module: null, filename: null, args: [], skipFirstLine: false, optimize: 0, unbuffered: false, origArgv: argv,
    options: { counts: {}, warnoptions: [], xoptions: [] } };
  let versionCount = 0;
  let i = 0;
  options: while (i < argv.length) {
    const arg = argv[i]!;
    if (arg[0] !== "-" || arg === "-") break;
    i++;
    if (arg === "--") break;
    if (arg === "--help") return help();
    if (arg === "--version") {
      versionCount++;
      continue;
    }
    if (arg.startsWith("--")) {
      const name = arg.slice(2);
      if (!(name in LONG_OPTIONS)) return usageError(`unknown option ${arg}`);
      if (name === "help-env" || name === "help-xoptions" || name === "help-all") return help();
      if (LONG_OPTIONS[name]) {
        if (i >= argv.length) return usageError(`Argument expected for the ${arg} options`);
        i++;
      }
      continue;
    }
    for (let j = 1; j < arg.length; j++) {
      const c = arg[j]!;
      if (c === "J") return usageError("-J is reserved for Jython");
      const k = SHORT_OPTIONS.indexOf(c);
      if (c === ":" || k < 0) return usageError(`Unknown option: -${c}`);
      let optarg: string | null = null;
      if (SHORT_OPTIONS[k + 1] === ":") {
        if (j + 1 < arg.length) optarg = arg.slice(j + 1);
        else if (i < argv.length) optarg = argv[i++]!;
        else return usageError(`Argument expected for the -${c} option`);
      }
      switch (c) {
        case "c":
          cl.command = optarg! + "\n";
          break options;
        case "m":
          cl.module = optarg!;
          break options;
        case "h":
        case "?":
          return help();
        case "V":
          versionCount++;
          break;
        case "x":
          cl.skipFirstLine = true;
          break;
        case "O":
          cl.optimize++;
          cl.options.counts.O = cl.optimize;
          break;
        case "u":
          cl.unbuffered = true;
          cl.options.counts.u = 1;
          break;
        case "W":
          cl.options.warnoptions.push(optarg!);
          break;
        case "X":
          cl.options.xoptions.push(optarg!);
          break;
        default:
          // recorded for sys.flags (most have no other effect yet)
          cl.options.counts[c] = (cl.options.counts[c] ?? 0) + 1;
          break;
      }
      if (optarg !== null) break;
    }
  }
  if (versionCount > 0) {
    writeStdout(
      versionCount === 1
        ? `Python ${PY_VERSION}\n`
        : `Python ${PY_VERSION} (tython, Node.js ${process.version}) [TypeScript on V8]\n`,
    );
    return 0;
  }
  if (cl.command === null && cl.module === null && i < argv.length) cl.filename = argv[i++]!;
  cl.args = argv.slice(i);
  return cl;
}

function help(): number {
  writeStdout(USAGE_LINE + USAGE_HELP);
  return 0;
}

/**
 * sys.path after its first entry (CPython: Modules/getpath.py): PYTHONPATH's folders (unless -E),
 * then PREFIX/lib/python314.zip, the standard library and its lib-dynload folder.
 */
export function defaultSysPath(): string[] {
  const out: string[] = [];
  const pp = sysOptions.useEnvironment ? process.env.PYTHONPATH : undefined;
  if (pp) for (const p of pp.split(path.delimiter)) if (p !== "") out.push(path.resolve(p));
  const lib = path.dirname(STDLIB_DIR);
  out.push(path.join(lib, "python314.zip"), STDLIB_DIR, path.join(STDLIB_DIR, "lib-dynload"));
  return out;
}

/** Sets sys.path: `first` goes in front once site has run, unless -P (safe_path) (CPython: config->sys_path_0). */
function setSysPath(config: PyConfig, first: string): void {
  config.sysPath = defaultSysPath();
  config.sysPath0 = sysOptions.safePath ? null : first;
}

/** Whether `file` is a zip archive (its end-of-central-directory record), which zipimport can run. */
function isZipFile(file: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, "r");
  } catch {
    return false;
  }
  try {
    const size = fs.fstatSync(fd).size;
    if (size < 22) return false;
    const n = Math.min(size, 22 + 65535);
    const buf = Buffer.alloc(n);
    fs.readSync(fd, buf, 0, n, size - n);
    for (let i = n - 22; i >= 0; i--) if (buf.readUInt32LE(i) === 0x06054b50) return true;
    return false;
  } finally {
    fs.closeSync(fd);
  }
}

function readStdin(): Uint8Array {
  try {
    return fs.readFileSync(0);
  } catch {
    return new Uint8Array(0);
  }
}

function skipLine(source: Uint8Array): Uint8Array {
  const nl = source.indexOf(10);
  return nl < 0 ? new Uint8Array(0) : source.subarray(nl + 1);
}

/** CPython: pymain_main. Returns the process's exit status. */
export async function pyBytesMain(argv: readonly string[]): Promise<number> {
  // Options are handled before the interpreter is loaded: -V, -h and usage errors need none of it.
  const cl = argv[0] === "dump" ? null : parseCmdLine(argv);
  if (typeof cl === "number") return cl;
  if (cl !== null) {
    // CPython: PyConfig_Read (the environment joins the options; bad values are fatal)
    try {
      const options = readSysOptions(cl.options, process.env);
      setSysOptions(options);
      cl.optimize = options.optimize;
      cl.unbuffered = options.unbuffered;
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      writeStderr(e.report());
      return 1;
    }
  }
  let runtime: Runtime;
  try {
    runtime = await loadRuntime();
  } catch (e) {
    writeStderr(internalErrorReport(e));
    return 1;
  }
  try {
    if (cl === null) return await runtime.dumpMain(argv.slice(1));
    return await runCmdLine(cl, runtime);
  } catch (e) {
    return runtime.pyErrPrint(e);
  }
}

interface Runtime {
  interpreterConfig: PyConfig;
  pyErrPrint(e: unknown): Promise<number>;
  runMain(what: MainSource): Promise<number>;
  dumpMain(args: readonly string[]): Promise<number>;
}

async function loadRuntime(): Promise<Runtime> {
  // the object modules first, in the order that gives every built-in type its slots
  await import("../objects/init.js");
  const run = await import("../python/pythonrun.js");
  const dump = await import("./dump.js");
  return { interpreterConfig: run.interpreterConfig, pyErrPrint: run.pyErrPrint, runMain: run.runMain, dumpMain: dump.dumpMain };
}

async function runCmdLine(cl: CmdLine, rt: Runtime): Promise<number> {
  const { interpreterConfig, runMain } = rt;
  interpreterConfig.optimize = cl.optimize;
  interpreterConfig.unbuffered = cl.unbuffered;
  interpreterConfig.origArgv = [PROGRAM, ...cl.origArgv];
  const cwd = process.cwd();
  if (cl.command !== null) {
    interpreterConfig.argv = ["-c", ...cl.args];
    setSysPath(interpreterConfig, "");
    return runMain({ kind: "command", source: Buffer.from(cl.command, "utf8") });
  }
  if (cl.module !== null) {
    // runpy finds the module and makes sys.argv[0] its file
    interpreterConfig.argv = ["-m", ...cl.args];
    setSysPath(interpreterConfig, cwd);
    return runMain({ kind: "module", name: cl.module, alterArgv: true });
  }
  if (cl.filename !== null && cl.filename !== "-") {
    const file = path.resolve(cwd, cl.filename);
    let source: Uint8Array;
    try {
      if (fs.statSync(file).isDirectory() || isZipFile(file)) {
        // CPython: pymain_run_python with an importer for the script: its __main__ is run from it
        interpreterConfig.argv = [cl.filename, ...cl.args];
        setSysPath(interpreterConfig, cl.filename);
        return runMain({ kind: "module", name: "__main__", alterArgv: false });
      }
      setSysPath(interpreterConfig, path.dirname(fs.realpathSync(file)));
      source = fs.readFileSync(file);
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      const reason = err.code === "ENOENT" ? "[Errno 2] No such file or directory" : err.code === "EACCES" ? "[Errno 13] Permission denied" : String(err.message);
      writeStderr(`${PROGRAM}: can't open file '${file}': ${reason}\n`);
      return 2;
    }
    interpreterConfig.argv = [cl.filename, ...cl.args];
    return runMain({ kind: "file", source: cl.skipFirstLine ? skipLine(source) : source, filename: file });
  }
  interpreterConfig.argv = [cl.filename ?? "", ...cl.args];
  setSysPath(interpreterConfig, "");
  if (process.stdin.isTTY && cl.filename === null) {
    writeStderr(`${PROGRAM}: no interactive prompt yet; reading a program until end of input (Ctrl-D)\n`);
  }
  const source = readStdin();
  return runMain({ kind: "stdin", source: cl.skipFirstLine ? skipLine(source) : source });
}
