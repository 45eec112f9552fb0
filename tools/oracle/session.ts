// The reference implementation, CPython 3.14.2 built to WebAssembly (the `pyodide` devDependency),
// driven from Node: one interpreter start-up (~5 s) serves many dumps and program runs.
// Development-only: nothing under src/ imports this, so an installed tython needs no pyodide.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { PyodideInterface } from "pyodide";

export type DumpMode = "tokens" | "ast" | "symtable" | "code" | "dis";
export const DUMP_MODES: readonly DumpMode[] = ["tokens", "ast", "symtable", "code", "dis"];

/** The repository root (this file is dist/tools/oracle/session.js once built). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

/** The project's dump script (tools/oracle/dump.py), the definition of every `tython dump` mode. */
export const DUMP_SCRIPT_PATH = path.join(REPO_ROOT, "tools", "oracle", "dump.py");

export interface RunResult {
  stdout: Buffer;
  stderr: Buffer;
  /** The exit status `python ARGV` would have. */
  status: number;
  /** Wall-clock seconds spent running the program (interpreter start-up excluded). */
  seconds: number;
}

export interface RunOptions {
  cwd?: string;
  stdin?: Uint8Array;
  /** Write output straight to this process's stdout/stderr instead of collecting it. */
  passThrough?: boolean;
}

// Python side of the session: dumping one file with dump.py's own main(), and running a
// program as `python ARGV` would (a fresh __main__ each time; modules imported by one run
// are forgotten before the next).
const PRELUDE = String.raw`
import contextlib, io, os, runpy, sys, traceback, types

def _tython_load_dump(text):
    mod = types.ModuleType("_tython_dump")
    exec(compile(text, "dump.py", "exec"), mod.__dict__)
    return mod

def _tython_dump(mod, mode, path):
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        mod.main([mode, path])
    return buf.getvalue()

def _tython_run(argv, cwd):
    saved_modules = set(sys.modules)
    saved_main = sys.modules["__main__"]
    saved_path = list(sys.path)
    saved_cwd = os.getcwd()
    saved_limit = sys.getrecursionlimit()
    # The program's frames must see CPython's default limit as if nothing were below <module>:
    # count this launcher's frames (and runpy's three for a file or module) into the limit.
    depth, f = 0, sys._getframe()
    while f is not None:
        depth, f = depth + 1, f.f_back
    runpy_frames = 3 if argv and (argv[0] == "-m" or argv[0] not in ("-c", "-")) else 0
    sys.setrecursionlimit(saved_limit + depth + runpy_frames)
    os.chdir(cwd)
    try:
        try:
            if argv and argv[0] == "-c":
                sys.argv = ["-c", *argv[2:]]
                sys.path.insert(0, "")
                main = types.ModuleType("__main__")
                sys.modules["__main__"] = main
                exec(compile(argv[1], "<string>", "exec"), main.__dict__)
            elif argv and argv[0] == "-m":
                sys.argv = [argv[1], *argv[2:]]
                sys.path.insert(0, cwd)
                runpy.run_module(argv[1], run_name="__main__", alter_sys=True)
            elif argv and argv[0] != "-":
                sys.argv = list(argv)
                sys.path.insert(0, os.path.dirname(os.path.abspath(argv[0])))
                runpy.run_path(os.path.abspath(argv[0]), run_name="__main__")
            else:
                sys.argv = [argv[0] if argv else "", *argv[1:]]
                sys.path.insert(0, "")
                main = types.ModuleType("__main__")
                sys.modules["__main__"] = main
                exec(compile(sys.stdin.buffer.read(), "<stdin>", "exec"), main.__dict__)
        except SystemExit as e:
            code = e.code
            if code is None:
                return 0
            if isinstance(code, int):
                return code
            print(code, file=sys.stderr)
            return 1
        except BaseException as e:
            # CPython's command line shows none of the launcher's frames.
            tb = e.__traceback__
            while tb and tb.tb_frame.f_code.co_filename in ("<exec>", "<frozen runpy>", runpy.__file__):
                tb = tb.tb_next
            traceback.print_exception(type(e), e, tb)
            return 130 if isinstance(e, KeyboardInterrupt) else 1
        return 0
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except BaseException:
            pass
        os.chdir(saved_cwd)
        sys.setrecursionlimit(saved_limit)
        sys.path[:] = saved_path
        sys.modules["__main__"] = saved_main
        for name in set(sys.modules) - saved_modules:
            del sys.modules[name]
`;

type Sink = (fd: 1 | 2, bytes: Uint8Array) => void;

function writeAllSync(fd: number, bytes: Uint8Array): void {
  let done = 0;
  while (done < bytes.length) {
    try {
      done += fs.writeSync(fd, bytes, done, bytes.length - done);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "EPIPE") process.exit(0);
      if (code !== "EAGAIN") throw e;
    }
  }
}

export class ReferencePython {
  private sink: Sink;
  private stdinData: Uint8Array = new Uint8Array(0);
  private readonly mounted = new Set<string>();
  private dumpModule: unknown = null;
  private dumpText = "";
  private scratch = 0;

  private constructor(private readonly py: PyodideInterface) {
    this.sink = () => {};
    const output = (fd: 1 | 2) => ({
      write: (buf: Uint8Array): number => {
        this.sink(fd, buf);
        return buf.length;
      },
    });
    py.setStdout(output(1));
    py.setStderr(output(2));
    py.setStdin({
      read: (buf: Uint8Array): number => {
        const n = Math.min(buf.length, this.stdinData.length);
        buf.set(this.stdinData.subarray(0, n));
        this.stdinData = this.stdinData.subarray(n);
        return n;
      },
    });
    py.runPython(PRELUDE);
  }

  /** Starts CPython 3.14 (pyodide must be installed: `npm install` in a checkout). */
  static async start(): Promise<ReferencePython> {
    let mod: typeof import("pyodide");
    try {
      mod = await import("pyodide");
    } catch {
      throw new Error("the reference needs the pyodide devDependency: run `npm install` in the repository");
    }
    return new ReferencePython(await mod.loadPyodide());
  }

  /** dump.py's output for one file, exactly as `python dump.py MODE FILE` prints it. */
  dump(mode: DumpMode, name: string, source: Uint8Array): string {
    const text = fs.readFileSync(DUMP_SCRIPT_PATH, "utf8");
    if (this.dumpModule === null || text !== this.dumpText) {
      this.dumpModule = this.call("_tython_load_dump", text);
      this.dumpText = text;
    }
    // dump.py names each file by its basename, so the copy keeps it.
    const dir = `/tython_scratch/${this.scratch++}`;
    this.py.FS.mkdirTree(dir);
    const file = `${dir}/${name}`;
    this.py.FS.writeFile(file, source);
    try {
      return this.call("_tython_dump", this.dumpModule, mode, file) as string;
    } finally {
      this.py.FS.unlink(file);
      this.py.FS.rmdir(dir);
    }
  }

  /** Runs `python ARGV` (FILE, -c CODE, -m MODULE, or - / nothing for stdin) as __main__. */
  run(argv: readonly string[], options: RunOptions = {}): RunResult {
    const cwd = path.resolve(options.cwd ?? process.cwd());
    for (const p of [cwd, ...argv]) this.mountFor(path.resolve(cwd, p), p === cwd);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    this.sink = options.passThrough
      ? (fd, bytes) => writeAllSync(fd, bytes)
      : (fd, bytes) => (fd === 1 ? out : err).push(Buffer.from(bytes));
    this.stdinData = options.stdin ?? new Uint8Array(0);
    const started = performance.now();
    let status: number;
    try {
      status = this.call("_tython_run", this.py.toPy([...argv]), cwd) as number;
    } finally {
      this.sink = () => {};
    }
    const seconds = (performance.now() - started) / 1000;
    return { stdout: Buffer.concat(out), stderr: Buffer.concat(err), status, seconds };
  }

  private call(fn: string, ...args: unknown[]): unknown {
    const f = this.py.globals.get(fn) as (...a: unknown[]) => unknown;
    return f(...args);
  }

  /** Mounts the host's top-level folder holding `abs` at the same path (as python.mjs does). */
  private mountFor(abs: string, always: boolean): void {
    if (!always && !fs.existsSync(abs)) return;
    const top = abs.split(path.sep)[1];
    if (!top || ["lib", "dev", "proc", "sys", "tython_scratch"].includes(top) || this.mounted.has(top)) return;
    try {
      this.py.FS.mkdirTree("/" + top);
    } catch {
      // already there
    }
    this.py.mountNodeFS("/" + top, "/" + top);
    this.mounted.add(top);
  }
}
