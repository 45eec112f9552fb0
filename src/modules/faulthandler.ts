// CPython: Modules/faulthandler.c, and the traceback dumper of Python/traceback.c
// (_Py_DumpTraceback, _Py_DumpTracebackThreads) — dump Python tracebacks to an fd.
//
// A JavaScript program gets no fatal signals (SIGSEGV and the like never reach it), so enable()
// only records its settings, used by the _sigsegv-style test helpers. dump_traceback_later's
// timer is polled with the signal timers (at the eval breaker and in sleeps), since no watchdog
// thread can interrupt the synchronous eval loop; register() dumps when tython delivers the
// signal (raise_signal, os.kill to itself). docs/os-support.md.
import fs from "node:fs";
import { type PyObject, Py_None, Py_TYPE } from "../objects/object.js";
import { PyModule } from "../objects/moduleobject.js";
import { PyFloat } from "../objects/floatobject.js";
import { newBuiltinFunction } from "../objects/methodobject.js";
import { PyNumber_Index, PyIndex_Check, PyObject_CallMethod, PyObject_IsTrue } from "../objects/abstract.js";
import { PyBaseException } from "../objects/exceptions.js";
import { typeError, valueError, overflowError, runtimeError } from "../python/errors.js";
import { PyErr_SetFromErrno, EINVAL } from "../python/oserror.js";
import { ArgParser } from "../python/getargs.js";
import { getSysModule } from "../python/sysmodule.js";
import { _PyThread_All, _PyThread_Current, mainPyThread, monotonicMs, type PyThread, THREAD_DONE } from "../python/ceval_gil.js";
import type { _PyInterpreterFrame } from "../vm/frame.js";
import { _PyInterpreterFrame_GetLine } from "../vm/frame.js";
import { fdWrite } from "./posixmodule_fd.js";
import { NSIG, _PySignal_SetWatchdog, _PySignal_SetFaultHook } from "./signalmodule.js";

const M = "faulthandler";
const MAX_FRAME_DEPTH = 100;
const MAX_STRING_LENGTH = 500;
const FATAL_SIGNALS = [11, 8, 6, 7, 4]; // SIGSEGV, SIGFPE, SIGABRT, SIGBUS, SIGILL

function write(fd: number, s: string): void {
  try {
    // through posix's fd layer, which keeps the offsets of the fds it pwrite()s
    const b = Buffer.from(s, "latin1");
    let done = 0;
    while (done < b.length) done += fdWrite(fd, b.subarray(done));
  } catch {
    // as the C code, a failed write is not reported
  }
}

/** A string as faulthandler writes it: ASCII, other characters escaped, long ones cut (CPython: _Py_DumpASCII). */
function dumpAscii(s: string): string {
  let out = "";
  let n = 0;
  for (const ch of s) {
    if (n++ >= MAX_STRING_LENGTH) {
      out += "...";
      break;
    }
    const c = ch.codePointAt(0) as number;
    if (c >= 0x20 && c <= 0x7e) out += ch;
    else if (c <= 0xff) out += "\\x" + c.toString(16).padStart(2, "0");
    else if (c <= 0xffff) out += "\\u" + c.toString(16).padStart(4, "0");
    else out += "\\U" + c.toString(16).padStart(8, "0");
  }
  return out;
}

function dumpFrames(fd: number, top: _PyInterpreterFrame | null): void {
  let depth = 0;
  for (let f = top; f !== null; f = f.previous) {
    if (depth++ >= MAX_FRAME_DEPTH) break;
    const co = f.f_executable;
    const line = _PyInterpreterFrame_GetLine(f);
    write(fd, `  File "${dumpAscii(co.co_filename)}", line ${line === null ? "???" : line} in ${dumpAscii(co.co_name)}\n`);
  }
}

function threadName(t: PyThread): string | null {
  if (t === mainPyThread) {
    // the OS name of the main thread: the process's
    try {
      return fs.readFileSync("/proc/self/comm", "latin1").trim();
    } catch {
      return null;
    }
  }
  // threads take their Python name, cut to the 15 bytes the OS keeps
  return t.name === null ? null : t.name.slice(0, 15);
}

/** The traceback of one thread, or of all (CPython: _Py_DumpTracebackThreads); `current` is null for a watchdog. */
function dumpTraceback(fd: number, allThreads: boolean, current: PyThread | null): void {
  if (!allThreads) {
    write(fd, "Stack (most recent call first):\n");
    dumpFrames(fd, _PyThread_Current().tstate.current_frame);
    return;
  }
  const threads = _PyThread_All().filter((t) => t.status !== THREAD_DONE || t === current);
  let first = true;
  for (let i = threads.length - 1; i >= 0; i--) {
    const t = threads[i];
    if (!first) write(fd, "\n");
    first = false;
    const name = threadName(t);
    const head = t === current ? "Current thread" : "Thread";
    write(fd, `${head} 0x${t.ident.toString(16).padStart(16, "0")}${name ? ` [${dumpAscii(name)}]` : ""} (most recent call first):\n`);
    dumpFrames(fd, t.tstate.current_frame);
  }
}

/** The fd of a file argument, flushing the file first (CPython: faulthandler_get_fileno). */
function fileno(file: PyObject | null): { fd: number; file: PyObject } {
  let f = file;
  if (f === null || f === Py_None) {
    f = getSysModule().dict.getStr("stderr") ?? null;
    if (f === null || f === Py_None) throw runtimeError("sys.stderr is None");
  } else if (typeof f === "number" || typeof f === "bigint" || typeof f === "boolean") {
    const fd = Number(PyNumber_Index(f));
    if (fd < 0) throw valueError("file is not a valid file descriptor");
    return { fd, file: f };
  }
  const r = PyObject_CallMethod(f, "fileno");
  if (!PyIndex_Check(r)) throw valueError("file.fileno() is not a valid file descriptor");
  const fd = Number(PyNumber_Index(r));
  if (fd < 0) throw valueError("file.fileno() is not a valid file descriptor");
  try {
    PyObject_CallMethod(f, "flush");
  } catch (e) {
    // ignored, as CPython does
    if (!(e instanceof PyBaseException)) throw e;
  }
  return { fd, file: f };
}

const truth = (v: PyObject | null, dflt: boolean): boolean => (v === null ? dflt : PyObject_IsTrue(v));

/** Seconds as faulthandler takes them, in microseconds (CPython: _PyTime_FromSecondsObject). */
function timeoutMicroseconds(v: PyObject): number {
  let secs: number;
  if (v instanceof PyFloat) {
    secs = v.value;
    if (secs !== secs) throw valueError("Invalid value NaN (not a number)");
  } else if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint" || PyIndex_Check(v)) {
    secs = Number(PyNumber_Index(v));
  } else throw typeError(`'${Py_TYPE(v).tp_name}' object cannot be interpreted as an integer or float`);
  if (Math.abs(secs) * 1e9 > 9.223372036854775807e18) throw overflowError("timestamp out of range for C PyTime_t");
  return Math.ceil(secs * 1e6);
}

function timeoutHeader(us: number): string {
  const sec = Math.floor(us / 1e6);
  const frac = us % 1e6;
  const h = Math.floor(sec / 3600);
  const m = Math.floor(sec / 60) % 60;
  const s = sec % 60;
  const two = (x: number): string => String(x).padStart(2, "0");
  return `Timeout (${h}:${two(m)}:${two(s)}${frac ? "." + String(frac).padStart(6, "0") : ""})!\n`;
}

// --- state ---

let enabled = false;
let fatalFd = 2;
let fatalAllThreads = true;
/** The file objects given, kept alive as CPython keeps a reference. */
let fatalFile: PyObject | null = null;
let laterFile: PyObject | null = null;
const registered = new Map<number, { file: PyObject; fd: number; allThreads: boolean; chain: boolean }>();

function armLater(us: number, repeat: boolean, fd: number, exit: boolean): void {
  const fire = (): void => {
    write(fd, timeoutHeader(us));
    dumpTraceback(fd, true, null);
    if (exit) process.exit(1);
    if (repeat) armLater(us, repeat, fd, exit);
  };
  _PySignal_SetWatchdog(monotonicMs() + us / 1000, fire);
}

function checkSignum(v: PyObject): number {
  const n = Number(PyNumber_Index(v));
  if (FATAL_SIGNALS.includes(n)) throw runtimeError(`signal ${n} cannot be registered, use enable() instead`);
  if (n < 1 || n >= NSIG) throw valueError("signal number out of range");
  return n;
}

/** A fatal error of the _sigsegv kind: the dump enable() asked for, then the signal's default action. */
function fatal(name: string, kill: () => void): never {
  if (enabled) {
    write(fatalFd, `Fatal Python error: ${name}\n\n`);
    dumpTraceback(fatalFd, fatalAllThreads, _PyThread_Current());
  }
  kill();
  process.abort();
}
const killWith = (sig: string) => (): void => {
  process.kill(process.pid, sig as NodeJS.Signals);
};

type Fast = (self: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: import("../objects/tupleobject.js").PyTuple | null) => PyObject;

export function initFaulthandler(): PyModule {
  const m = new PyModule(M, "faulthandler module.");
  const d = m.dict;
  const fn = (name: string, f: Fast, doc?: string): void => d.setStr(name, newBuiltinFunction(name, f, M, doc));

  const enableArgs = new ArgParser("enable", ["file", "all_threads", "c_stack"]);
  fn("enable", (_s, a, s, n, kw) => {
    const [file, all] = enableArgs.parse(a, s, n, kw);
    const { fd, file: f } = fileno(file);
    enabled = true;
    fatalFd = fd;
    fatalFile = f;
    fatalAllThreads = truth(all, true);
    return Py_None;
  }, "Enable the fault handler.");
  fn("disable", () => {
    if (!enabled) return false;
    enabled = false;
    fatalFile = null;
    return true;
  }, "Disable the fault handler.");
  fn("is_enabled", () => enabled, "Check if the handler is enabled.");

  const dumpArgs = new ArgParser("dump_traceback", ["file", "all_threads"]);
  fn("dump_traceback", (_s, a, s, n, kw) => {
    const [file, all] = dumpArgs.parse(a, s, n, kw);
    const { fd } = fileno(file);
    dumpTraceback(fd, truth(all, true), _PyThread_Current());
    return Py_None;
  }, "Dump the traceback of the current thread, or of all threads if all_threads is True, into file.");
  const cStackArgs = new ArgParser("dump_c_stack", ["file"]);
  fn("dump_c_stack", (_s, a, s, n, kw) => {
    const [file] = cStackArgs.parse(a, s, n, kw);
    const { fd } = fileno(file);
    // the C stack is V8's: nothing a reader could use
    write(fd, "Current thread's C stack trace (most recent call first):\n  <cannot get C stack on this system>\n");
    return Py_None;
  }, "Dump the C stack of the current thread.");

  const laterArgs = new ArgParser("dump_traceback_later", ["timeout", "repeat", "file", "exit"], { required: 1 });
  fn("dump_traceback_later", (_s, a, s, n, kw) => {
    const [t, repeat, file, exit] = laterArgs.parse(a, s, n, kw);
    const us = timeoutMicroseconds(t as PyObject);
    if (us <= 0) throw valueError("timeout must be greater than 0");
    if (us > 9.223372036854775807e12) throw overflowError("timeout value is too large");
    const { fd, file: f } = fileno(file);
    laterFile = f;
    armLater(us, truth(repeat, false), fd, truth(exit, false));
    return Py_None;
  }, "Dump the traceback of all threads in timeout seconds,\nor each timeout seconds if repeat is True. If exit is True, call _exit(1) which is not safe.");
  fn("cancel_dump_traceback_later", () => {
    _PySignal_SetWatchdog(Infinity, null);
    laterFile = null;
    return Py_None;
  }, "Cancel the previous call to dump_traceback_later().");

  const registerArgs = new ArgParser("register", ["signum", "file", "all_threads", "chain"], { required: 1 });
  fn("register", (_s, a, s, n, kw) => {
    const [sig, file, all, chain] = registerArgs.parse(a, s, n, kw);
    const signum = checkSignum(sig as PyObject);
    const { fd, file: f } = fileno(file);
    if (signum === 9 || signum === 19 || signum === 32 || signum === 33) throw PyErr_SetFromErrno(EINVAL);
    const entry = { file: f, fd, allThreads: truth(all, true), chain: truth(chain, false) };
    registered.set(signum, entry);
    _PySignal_SetFaultHook(signum, {
      dump: () => dumpTraceback(entry.fd, entry.allThreads, _PyThread_Current()),
      chain: entry.chain,
    });
    return Py_None;
  }, "Register a handler for the signal 'signum': dump the traceback of the current thread, or of all threads if all_threads is True, into file.");
  fn("unregister", (_s, a, s, n, kw) => {
    const [sig] = new ArgParser("unregister", ["signum"], { required: 1, posonly: 1 }).parse(a, s, n, kw);
    const signum = checkSignum(sig as PyObject);
    if (!registered.delete(signum)) return false;
    _PySignal_SetFaultHook(signum, null);
    return true;
  }, "Unregister the handler of the signal 'signum' registered by register().");

  // the crash helpers CPython's tests use
  fn("_read_null", () => fatal("Segmentation fault", killWith("SIGSEGV")));
  fn("_sigsegv", () => fatal("Segmentation fault", killWith("SIGSEGV")));
  fn("_sigabrt", () => fatal("Aborted", () => process.abort()));
  fn("_sigfpe", () => fatal("Floating-point exception", killWith("SIGFPE")));
  fn("_stack_overflow", () => fatal("Segmentation fault", killWith("SIGSEGV")));
  fn("_fatal_error_c_thread", () => {
    write(fatalFd, "Fatal Python error: _fatal_error_c_thread: in new thread\n");
    process.abort();
  });
  void fatalFile;
  void laterFile;
  return m;
}
