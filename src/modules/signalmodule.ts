// CPython: Modules/signalmodule.c — the _signal module: per-signal Python handlers, run by the main
// thread at the eval breaker; timers (alarm, setitimer); signal masks, pending and waited signals.
//
// Node delivers real OS signals through its event loop, which never runs while the (synchronous)
// eval loop does, so only the signals tython raises itself reach a Python handler: raise_signal,
// os.kill/pthread_kill to this process, and expired alarm/setitimer timers (polled at the eval
// breaker and in sleeps). docs/os-support.md says what is and is not delivered.
import fs from "node:fs";
import os from "node:os";
import { type PyObject, Py_None } from "../objects/object.js";
import { PyModule } from "../objects/moduleobject.js";
import { PyTuple } from "../objects/tupleobject.js";
import { PyFloat } from "../objects/floatobject.js";
import { type PySet, PySet_Type, makeSet } from "../objects/setobject.js";
import { newBuiltinFunction } from "../objects/methodobject.js";
import { PyCallable_Check, PyObject_Call, PyObject_GetIter, PyIter_Next, PyNumber_Index, PyIndex_Check } from "../objects/abstract.js";
import { newStaticType, Py_TYPE } from "../objects/object.js";
import { PyBaseException, PyExc_OSError, PyExc_KeyboardInterrupt, newException } from "../objects/exceptions.js";
import { PyStructSequence_NewType, PyStructSequence_New } from "../objects/structseq.js";
import { _PyFrame_GetFrameObject } from "../objects/frameobject.js";
import { typeError, valueError } from "../python/errors.js";
import { PyErr_SetFromErrno, strerror, EINVAL, EBADF } from "../python/oserror.js";
import { ArgParser, checkPositional, noKeywords } from "../python/getargs.js";
import { _PyEval_Signals, _PyThread_Current, _PyThread_All, _PyThread_Wait, _PyThread_SleepAlone, _PyThread_Multiple, mainPyThread, monotonicMs } from "../python/ceval_gil.js";
import { PyThreadState_Get } from "../vm/pystate.js";
import { cInt } from "./posixmodule_path.js";
import { fdGetBlocking, fdWrite } from "./posixmodule_fd.js";

const M = "_signal";
export const NSIG = 65;
const ESRCH = 3;

export const SIGINT = 2;
const SIGALRM = 14;
const SIGVTALRM = 26;
const SIGPROF = 27;

/** Linux x86_64's signal numbers (bits/signum-arch.h). */
export const SIGNALS: readonly (readonly [string, number])[] = [
  ["SIGHUP", 1], ["SIGINT", 2], ["SIGQUIT", 3], ["SIGILL", 4], ["SIGTRAP", 5], ["SIGABRT", 6], ["SIGIOT", 6],
  ["SIGBUS", 7], ["SIGFPE", 8], ["SIGKILL", 9], ["SIGUSR1", 10], ["SIGSEGV", 11], ["SIGUSR2", 12], ["SIGPIPE", 13],
  ["SIGALRM", 14], ["SIGTERM", 15], ["SIGSTKFLT", 16], ["SIGCHLD", 17], ["SIGCLD", 17], ["SIGCONT", 18], ["SIGSTOP", 19],
  ["SIGTSTP", 20], ["SIGTTIN", 21], ["SIGTTOU", 22], ["SIGURG", 23], ["SIGXCPU", 24], ["SIGXFSZ", 25],
  ["SIGVTALRM", 26], ["SIGPROF", 27], ["SIGWINCH", 28], ["SIGIO", 29], ["SIGPOLL", 29], ["SIGPWR", 30], ["SIGSYS", 31],
  ["SIGRTMIN", 34], ["SIGRTMAX", 64],
];

/** glibc's strsignal(3) texts for 1..31. */
const DESCRIPTIONS = [
  "", "Hangup", "Interrupt", "Quit", "Illegal instruction", "Trace/breakpoint trap", "Aborted", "Bus error",
  "Floating point exception", "Killed", "User defined signal 1", "Segmentation fault", "User defined signal 2",
  "Broken pipe", "Alarm clock", "Terminated", "Stack fault", "Child exited", "Continued", "Stopped (signal)", "Stopped",
  "Stopped (tty input)", "Stopped (tty output)", "Urgent I/O condition", "CPU time limit exceeded",
  "File size limit exceeded", "Virtual timer expired", "Profiling timer expired", "Window changed", "I/O possible",
  "Power failure", "Bad system call",
];

/** Signals glibc keeps for itself (its threads implementation): no handler can be set for them. */
const isReserved = (sig: number): boolean => sig === 32 || sig === 33;
/** Signals whose action cannot be changed. */
const isUncatchable = (sig: number): boolean => sig === 9 || sig === 19 || isReserved(sig);
const SIG_DFL = 0;
const SIG_IGN = 1;

// --- state ---

/** The Python-level handler of each signal: SIG_DFL (0), SIG_IGN (1), a callable, or None. */
const handlers: PyObject[] = new Array(NSIG).fill(SIG_DFL);
/** Signals waiting for their Python handler (CPython: Handlers[i].tripped). */
const tripped = new Uint8Array(NSIG);
/** The main thread's signal mask (pthread_sigmask) and the blocked signals sent meanwhile (sigpending). */
const blocked = new Uint8Array(NSIG);
const pendingBlocked = new Uint8Array(NSIG);
/** How each pending blocked signal was sent (its siginfo si_code), for sigwaitinfo. */
const pendingCode = new Int32Array(NSIG);
let anyTripped = false;
/** How many handlers have run (signal.pause returns once one has). */
let handledCount = 0;
let wakeupFd = -1;
/** Node listeners standing for SIG_IGN (Node gives no way to ignore a signal otherwise). */
const ignoreListeners = new Map<number, () => void>();

const SI_USER = 0;
const SI_KERNEL = 0x80;

interface ITimer {
  /** When the timer expires: monotonic ms (REAL) or CPU µs (VIRTUAL, PROF); Infinity when disarmed. */
  due: number;
  /** The reload interval, in the timer's unit (0: one-shot). */
  interval: number;
}
const ITIMER_REAL = 0;
const ITIMER_VIRTUAL = 1;
const ITIMER_PROF = 2;
const timers: ITimer[] = [
  { due: Infinity, interval: 0 },
  { due: Infinity, interval: 0 },
  { due: Infinity, interval: 0 },
];
const TIMER_SIGNAL = [SIGALRM, SIGVTALRM, SIGPROF];

/** The clock of each timer, in its unit: wall ms, user CPU µs, user+system CPU µs. */
function timerNow(which: number): number {
  if (which === ITIMER_REAL) return monotonicMs();
  const u = process.cpuUsage();
  return which === ITIMER_VIRTUAL ? u.user : u.user + u.system;
}
const UNIT_PER_SECOND = [1000, 1e6, 1e6];

/** faulthandler's dump_traceback_later timer (a monotonic ms time), polled with the signal timers. */
let watchdogDue = Infinity;
let watchdogFire: (() => void) | null = null;
/** Arms (or, with Infinity, disarms) the watchdog timer. */
export function _PySignal_SetWatchdog(due: number, fire: (() => void) | null): void {
  watchdogDue = due;
  watchdogFire = fire;
  updatePending();
}

/** faulthandler.register: a dump run when the signal is delivered, and whether the handler runs too. */
const faultHooks = new Map<number, { dump: () => void; chain: boolean }>();
export function _PySignal_SetFaultHook(sig: number, hook: { dump: () => void; chain: boolean } | null): void {
  if (hook === null) faultHooks.delete(sig);
  else faultHooks.set(sig, hook);
}

function updatePending(): void {
  _PyEval_Signals.pending =
    anyTripped || timers[0].due !== Infinity || timers[1].due !== Infinity || timers[2].due !== Infinity || watchdogDue !== Infinity;
  _PyEval_Signals.deadline = Math.min(timers[0].due, watchdogDue);
}

const isCallableHandler = (h: PyObject): boolean => h !== Py_None && typeof h !== "number" && PyCallable_Check(h);

/**
 * A signal sent to this process by tython itself (CPython: the C signal handler, and the kernel's
 * default action when there is no handler). A blocked signal stays pending; SIG_IGN drops it; a
 * Python handler trips it; SIG_DFL takes the default action by sending it to the process for real.
 */
function deliver(sig: number, code: number): void {
  if (blocked[sig]) {
    pendingBlocked[sig] = 1;
    pendingCode[sig] = code;
    return;
  }
  const fault = faultHooks.get(sig);
  if (fault !== undefined) {
    // faulthandler's C handler runs first, then (chain=True) the one it replaced
    fault.dump();
    if (!fault.chain) return;
  }
  const h = handlers[sig];
  if (isCallableHandler(h)) {
    trip(sig);
    return;
  }
  if (h === SIG_IGN) return;
  defaultAction(sig);
}

function trip(sig: number): void {
  tripped[sig] = 1;
  anyTripped = true;
  updatePending();
  if (wakeupFd !== -1) {
    try {
      fdWrite(wakeupFd, Uint8Array.of(sig));
    } catch {
      // a full or closed wakeup fd loses the byte, as CPython's handler does (it reports it later)
    }
  }
}

/** The default action of a signal: the process gets it for real (Node has no handler for most). */
function defaultAction(sig: number): void {
  try {
    process.kill(process.pid, sig);
  } catch {
    // a signal Node cannot send: nothing happens
  }
}

/** Fires the timers that have expired. */
function pollTimers(): void {
  if (watchdogDue !== Infinity && monotonicMs() >= watchdogDue) {
    const fire = watchdogFire;
    watchdogDue = Infinity;
    watchdogFire = null;
    updatePending();
    if (fire !== null) fire();
  }
  for (let which = 0; which < 3; which++) {
    const t = timers[which];
    if (t.due === Infinity) continue;
    const now = timerNow(which);
    if (now < t.due) continue;
    if (t.interval > 0) {
      t.due += t.interval * Math.max(1, Math.ceil((now - t.due) / t.interval));
    } else t.due = Infinity;
    updatePending();
    deliver(TIMER_SIGNAL[which], SI_KERNEL);
  }
}

/**
 * Runs the handlers of the tripped signals, in the main thread (CPython: _PyErr_CheckSignalsTstate).
 * Returns the exception a handler raised (the signals not yet handled stay tripped), or null.
 */
function checkSignals(): PyBaseException | null {
  pollTimers();
  if (!anyTripped) return null;
  if (_PyThread_Current() !== mainPyThread) return null;
  anyTripped = false;
  updatePending();
  const tstate = PyThreadState_Get();
  for (let sig = 1; sig < NSIG; sig++) {
    if (!tripped[sig]) continue;
    tripped[sig] = 0;
    const h = handlers[sig];
    if (!isCallableHandler(h)) continue; // reset to SIG_DFL/SIG_IGN since it was tripped
    const frame = tstate.current_frame === null ? Py_None : _PyFrame_GetFrameObject(tstate.current_frame);
    handledCount++;
    try {
      PyObject_Call(h, [sig, frame], null);
    } catch (e) {
      if (!(e instanceof PyBaseException)) throw e;
      // the others are handled at the next check
      for (let s = sig + 1; s < NSIG; s++) if (tripped[s]) anyTripped = true;
      updatePending();
      return e;
    }
  }
  return null;
}
_PyEval_Signals.check = checkSignals;

/** PyErr_CheckSignals(): runs pending handlers now, raising what one raised. */
export function PyErr_CheckSignals(): void {
  if (!_PyEval_Signals.pending) return;
  const exc = checkSignals();
  if (exc !== null) throw exc;
}

/**
 * os.kill(os.getpid(), sig) and the like: delivers `sig` as the kernel would to this process.
 * Returns false when the caller should send it for real (a signal with its default action).
 */
export function _PySignal_KillSelf(sig: number): boolean {
  if (sig <= 0 || sig >= NSIG) return false;
  const h = handlers[sig];
  if (!blocked[sig] && h === SIG_DFL && !faultHooks.has(sig)) return false;
  deliver(sig, SI_USER);
  return true;
}

// --- start-up state: what the process inherited, then Python's own choices ---

function initHandlers(): void {
  let ignored = 0n;
  try {
    const m = /^SigIgn:\s*([0-9a-f]+)$/m.exec(fs.readFileSync("/proc/self/status", "latin1"));
    if (m !== null) ignored = BigInt("0x" + m[1]);
  } catch {
    // no /proc: assume nothing is ignored
  }
  for (let sig = 1; sig < NSIG; sig++) {
    if (isReserved(sig)) handlers[sig] = Py_None;
    else if ((ignored >> BigInt(sig - 1)) & 1n) handlers[sig] = SIG_IGN;
  }
  // Python ignores SIGPIPE and SIGXFSZ, and makes SIGINT raise KeyboardInterrupt
  handlers[13] = SIG_IGN;
  handlers[25] = SIG_IGN;
  if (handlers[SIGINT] === SIG_DFL) handlers[SIGINT] = defaultIntHandler;
}

export const defaultIntHandler = newBuiltinFunction("default_int_handler", (_s, _args, _start, nargs, kw) => {
  noKeywords("default_int_handler", kw);
  checkPositional("default_int_handler", nargs, 2, 2);
  throw newException(PyExc_KeyboardInterrupt, []);
}, M, "The default handler for SIGINT installed by Python.\n\nIt raises KeyboardInterrupt.");
initHandlers();

// --- argument checks ---

function signum(v: PyObject): number {
  const n = cInt(v);
  if (n < 1 || n >= NSIG) throw valueError("signal number out of range");
  return n;
}

function requireMain(fname: string): void {
  if (_PyThread_Current() !== mainPyThread) throw valueError(`${fname} only works in main thread of the main interpreter`);
}

/** A sigset_t argument: an iterable of signal numbers (CPython: _Py_Sigset_Converter). */
function sigset(v: PyObject): Uint8Array {
  const set = new Uint8Array(NSIG);
  const it = PyObject_GetIter(v);
  for (let x = PyIter_Next(it); x !== null; x = PyIter_Next(it)) {
    const n = cInt(x);
    if (n < 1 || n >= NSIG) throw valueError(`signal number ${n} out of range [1; ${NSIG - 1}]`);
    set[n] = 1;
  }
  return set;
}

function sigsetToPy(set: Uint8Array): PySet {
  const items: number[] = [];
  for (let s = 1; s < NSIG; s++) if (set[s]) items.push(s);
  return makeSet(PySet_Type, items);
}

/** Seconds as a timer takes them (CPython: _PyTime_FromSecondsObject). */
function seconds(v: PyObject): number {
  if (v instanceof PyFloat) {
    if (v.value !== v.value) throw valueError("Invalid value NaN (not a number)");
    return v.value;
  }
  if (typeof v === "number" || typeof v === "bigint" || typeof v === "boolean" || PyIndex_Check(v)) return Number(PyNumber_Index(v));
  throw typeError(`'${Py_TYPE(v).tp_name}' object cannot be interpreted as an integer or float`);
}

export const ItimerError = newStaticType("signal.ItimerError", PyExc_OSError);
const itimerError = (): PyBaseException => newException(ItimerError, [EINVAL, strerror(EINVAL)]);

export const SiginfoType = PyStructSequence_NewType({
  name: "signal.struct_siginfo",
  doc: "struct siginfo: Result from sigwaitinfo or sigtimedwait.\n\nThis object may be accessed either as a tuple of\n(si_signo, si_code, si_errno, si_pid, si_uid, si_status, si_band),\nor via the attributes si_signo, si_code, and so on.",
  fields: ["si_signo", "si_code", "si_errno", "si_pid", "si_uid", "si_status", "si_band"],
});

function itimerValue(which: number): PyTuple {
  const t = timers[which];
  const unit = UNIT_PER_SECOND[which];
  const left = t.due === Infinity ? 0 : Math.max(t.due - timerNow(which), unit / 1e6);
  // struct timeval: microsecond resolution
  const us = (x: number): number => Math.round((x / unit) * 1e6) / 1e6;
  return new PyTuple([new PyFloat(us(left)), new PyFloat(us(t.interval))]);
}

function setTimer(which: number, value: number, interval: number): void {
  const t = timers[which];
  const unit = UNIT_PER_SECOND[which];
  t.due = value > 0 ? timerNow(which) + value * unit : Infinity;
  t.interval = value > 0 ? interval * unit : 0;
  updatePending();
}

/** Takes and returns the lowest pending blocked signal of `set`, or 0. */
function takePending(set: Uint8Array): number {
  for (let s = 1; s < NSIG; s++) {
    if (set[s] && pendingBlocked[s]) {
      pendingBlocked[s] = 0;
      return s;
    }
  }
  return 0;
}

/**
 * Waits up to `timeoutMs` (negative: forever) for a signal of `set` to be pending, as sigwait does;
 * returns it (taken) or 0. Only a timer or another thread can send one meanwhile; with neither,
 * waiting forever hangs, as it would in CPython.
 */
function waitFor(set: Uint8Array, timeoutMs: number): number {
  const end = timeoutMs < 0 ? Infinity : monotonicMs() + timeoutMs;
  for (;;) {
    pollTimers();
    const s = takePending(set);
    if (s !== 0) return s;
    PyErr_CheckSignals();
    const now = monotonicMs();
    if (now >= end) return 0;
    const wake = Math.min(end, timers[0].due, now + (timers[1].due !== Infinity || timers[2].due !== Infinity ? 10 : Infinity));
    if (_PyThread_Multiple()) {
      _PyThread_Wait(() => pendingAny(set) || anyTripped, wake === Infinity ? -1 : Math.max(0, wake - now), null);
    } else _PyThread_SleepAlone(wake === Infinity ? 2 ** 31 - 1 : Math.max(0, wake - now));
  }
}
function pendingAny(set: Uint8Array): boolean {
  for (let s = 1; s < NSIG; s++) if (set[s] && pendingBlocked[s]) return true;
  return false;
}

/** Keeps Node's listeners in step with SIG_IGN (a listener that does nothing ignores the signal). */
function setOsDisposition(sig: number, h: PyObject): void {
  const name = SIGNAL_NAME.get(sig);
  if (name === undefined) return;
  const old = ignoreListeners.get(sig);
  if (h === SIG_IGN) {
    if (old !== undefined) return;
    const noop = (): void => {};
    try {
      process.on(name as NodeJS.Signals, noop);
      ignoreListeners.set(sig, noop);
    } catch {
      // a signal Node does not let a listener take
    }
  } else if (old !== undefined) {
    process.removeListener(name as NodeJS.Signals, old);
    ignoreListeners.delete(sig);
  }
}
const SIGNAL_NAME = new Map<number, string>();
for (const [name, n] of Object.entries(os.constants.signals)) {
  // Node's own SIGPIPE/SIGXFSZ are already ignored; SIGKILL/SIGSTOP cannot be listened to
  if (n !== 9 && n !== 19 && n !== 13 && n !== 25 && !SIGNAL_NAME.has(n)) SIGNAL_NAME.set(n, name);
}

// --- the module ---

type Fast = (self: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null) => PyObject;

export function init_signal(): PyModule {
  const m = new PyModule(M, "This module provides mechanisms to use signal handlers in Python.\n\nFunctions:\n\nalarm() -- cause SIGALRM after a specified time [Unix only]\nsetitimer() -- cause a signal (described below) after a specified\n               float time and the timer may restart then [Unix only]\ngetitimer() -- get current value of timer [Unix only]\nsignal() -- set the action for a given signal\ngetsignal() -- get the signal action for a given signal\npause() -- wait until a signal arrives [Unix only]\ndefault_int_handler() -- default SIGINT handler\n\nsignal constants:\nSIG_DFL -- used to refer to the system default handler\nSIG_IGN -- used to ignore the signal\nNSIG -- number of defined signals\nSIGINT, SIGTERM, etc. -- signal numbers\n\nitimer constants:\nITIMER_REAL -- decrements in real time, and delivers SIGALRM upon\n               expiration\nITIMER_VIRTUAL -- decrements only when the process is executing,\n               and delivers SIGVTALRM upon expiration\nITIMER_PROF -- decrements both when the process is executing and\n               when the system is executing on behalf of the process.\n               Coupled with ITIMER_VIRTUAL, this timer is usually\n               used to profile the time spent by the application\n               in user and kernel space. SIGPROF is delivered upon\n               expiration.\n\n\n*** IMPORTANT NOTICE ***\nA signal handler function is called with two arguments:\nthe first is the signal number, the second is the interrupted stack frame.");
  const d = m.dict;
  const fn = (name: string, f: Fast, doc?: string): void => d.setStr(name, newBuiltinFunction(name, f, M, doc));
  /** A positional-only function of min..max arguments (Argument Clinic's messages). */
  const pos = (name: string, min: number, max: number, f: (a: readonly PyObject[], s: number, n: number) => PyObject): void =>
    fn(name, (_s, args, start, nargs, kw) => {
      noKeywords(M + "." + name, kw);
      checkPositional(name, nargs, min, max);
      return f(args, start, nargs);
    });

  d.setStr("SIG_DFL", SIG_DFL);
  d.setStr("SIG_IGN", SIG_IGN);
  d.setStr("NSIG", NSIG);
  d.setStr("SIG_BLOCK", 0);
  d.setStr("SIG_UNBLOCK", 1);
  d.setStr("SIG_SETMASK", 2);
  for (const [name, n] of SIGNALS) d.setStr(name, n);
  d.setStr("ITIMER_REAL", ITIMER_REAL);
  d.setStr("ITIMER_VIRTUAL", ITIMER_VIRTUAL);
  d.setStr("ITIMER_PROF", ITIMER_PROF);
  d.setStr("ItimerError", ItimerError);
  d.setStr("struct_siginfo", SiginfoType);
  d.setStr("default_int_handler", defaultIntHandler);

  pos("signal", 2, 2, (a, s) => {
    const sig = cInt(a[s]);
    const handler = a[s + 1];
    requireMain("signal");
    if (sig < 1 || sig >= NSIG) throw valueError("signal number out of range");
    let h: PyObject;
    if (typeof handler === "number" && (handler === SIG_DFL || handler === SIG_IGN)) h = handler;
    else if (typeof handler !== "number" && typeof handler !== "boolean" && PyCallable_Check(handler)) h = handler;
    else throw typeError("signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object");
    if (isUncatchable(sig)) throw PyErr_SetFromErrno(EINVAL);
    PyErr_CheckSignals();
    const old = handlers[sig];
    handlers[sig] = h;
    setOsDisposition(sig, h);
    return old;
  });
  pos("getsignal", 1, 1, (a, s) => handlers[signum(a[s])]);
  pos("strsignal", 1, 1, (a, s) => {
    const sig = signum(a[s]);
    if (sig < 32) return DESCRIPTIONS[sig];
    if (isReserved(sig)) return Py_None;
    return `Real-time signal ${sig - 34}`;
  });
  pos("valid_signals", 0, 0, () => {
    const all = new Uint8Array(NSIG).fill(1);
    all[0] = 0;
    all[32] = all[33] = 0;
    return sigsetToPy(all);
  });
  pos("raise_signal", 1, 1, (a, s) => {
    // raise(3) itself checks the number: 0 sends nothing
    const sig = cInt(a[s]);
    if (sig < 0 || sig >= NSIG || isReserved(sig)) throw PyErr_SetFromErrno(EINVAL);
    if (sig !== 0) deliver(sig, SI_USER);
    PyErr_CheckSignals();
    return Py_None;
  });
  pos("siginterrupt", 2, 2, (a, s) => {
    signum(a[s]);
    cInt(a[s + 1]);
    // restarting or interrupting a system call is moot: no call is interrupted here
    return Py_None;
  });
  pos("alarm", 1, 1, (a, s) => {
    const secs = cInt(a[s]) >>> 0; // alarm() takes an unsigned int
    const t = timers[ITIMER_REAL];
    let left = 0;
    if (t.due !== Infinity) {
      const ms = Math.max(t.due - monotonicMs(), 0);
      // alarm(2) rounds the time left to the nearest second, but never down to 0
      left = Math.max(1, Math.round(ms / 1000));
    }
    setTimer(ITIMER_REAL, secs, 0);
    return left;
  });
  pos("pause", 0, 0, () => {
    // returns after a signal's handler ran; only a timer or another thread can send one now
    const before = handledCount;
    for (;;) {
      pollTimers();
      PyErr_CheckSignals();
      if (handledCount !== before) return Py_None;
      const now = monotonicMs();
      const wake = Math.min(timers[0].due, now + (timers[1].due !== Infinity || timers[2].due !== Infinity ? 10 : Infinity));
      if (_PyThread_Multiple()) _PyThread_Wait(() => anyTripped, wake === Infinity ? -1 : Math.max(0, wake - now), null);
      else _PyThread_SleepAlone(wake === Infinity ? 2 ** 31 - 1 : Math.max(0, wake - now));
    }
  });
  const setitimerArgs = new ArgParser("setitimer", ["which", "seconds", "interval"], { posonly: 3, required: 2 });
  fn("setitimer", (_s, args, start, nargs, kw) => {
    const [w, sec, iv] = setitimerArgs.parse(args, start, nargs, kw);
    const which = cInt(w as PyObject);
    const value = seconds(sec as PyObject);
    const interval = iv === null ? 0 : seconds(iv);
    if (which < 0 || which > 2 || value < 0 || interval < 0) throw itimerError();
    const old = itimerValue(which);
    setTimer(which, value, interval);
    return old;
  });
  pos("getitimer", 1, 1, (a, s) => {
    const which = cInt(a[s]);
    if (which < 0 || which > 2) throw itimerError();
    return itimerValue(which);
  });
  const wakeupArgs = new ArgParser("set_wakeup_fd", ["fd", "warn_on_full_buffer"], { posonly: 1, required: 1, kwonlyStart: 1 });
  fn("set_wakeup_fd", (_s, args, start, nargs, kw) => {
    const [fdArg, warn] = wakeupArgs.parse(args, start, nargs, kw);
    const fd = cInt(fdArg as PyObject);
    requireMain("set_wakeup_fd");
    if (fd !== -1) {
      if (fd < 0) throw PyErr_SetFromErrno(EBADF);
      if (fdGetBlocking(fd)) throw valueError(`the fd ${fd} must be in non-blocking mode`);
    }
    const old = wakeupFd;
    wakeupFd = fd;
    void warn; // a full wakeup fd loses bytes silently: nothing here reports it
    return old;
  });
  pos("pthread_kill", 2, 2, (a, s) => {
    const tid = Number(BigInt.asUintN(64, BigInt(PyNumber_Index(a[s]))));
    const sig = cInt(a[s + 1]);
    if (sig < 0 || sig >= NSIG) throw PyErr_SetFromErrno(EINVAL);
    if (!_PyThread_All().some((t) => t.ident === tid)) throw PyErr_SetFromErrno(ESRCH);
    if (sig === 0) return Py_None;
    if (isReserved(sig)) throw PyErr_SetFromErrno(EINVAL);
    // every thread shares the process's handlers; the main thread runs them
    if (!_PySignal_KillSelf(sig)) defaultAction(sig);
    PyErr_CheckSignals();
    return Py_None;
  });
  pos("pthread_sigmask", 2, 2, (a, s) => {
    const how = cInt(a[s]);
    const set = sigset(a[s + 1]);
    if (how < 0 || how > 2) throw PyErr_SetFromErrno(EINVAL);
    const previous = sigsetToPy(blocked);
    for (let sig = 1; sig < NSIG; sig++) {
      if (how === 0) blocked[sig] |= set[sig];
      else if (how === 1) blocked[sig] &= set[sig] ^ 1;
      else blocked[sig] = set[sig];
    }
    // SIGKILL and SIGSTOP cannot be blocked
    blocked[9] = blocked[19] = 0;
    for (let sig = 1; sig < NSIG; sig++) {
      if (pendingBlocked[sig] && !blocked[sig]) {
        pendingBlocked[sig] = 0;
        deliver(sig, pendingCode[sig]);
      }
    }
    PyErr_CheckSignals();
    return previous;
  });
  pos("sigpending", 0, 0, () => sigsetToPy(pendingBlocked));
  pos("sigwait", 1, 1, (a, s) => waitFor(sigset(a[s]), -1));
  const siginfo = (sig: number): PyObject => {
    const code = pendingCode[sig];
    const pid = code === SI_KERNEL ? 0 : process.pid;
    const uid = code === SI_KERNEL ? 0 : (process.getuid?.() ?? 0);
    // si_band shares its storage with si_pid and si_uid (a union in siginfo_t)
    const band = pid + uid * 2 ** 32;
    return PyStructSequence_New(SiginfoType, [sig, code, 0, pid, uid, 0, Number.isSafeInteger(band) ? band : BigInt(pid) + (BigInt(uid) << 32n)]);
  };
  pos("sigwaitinfo", 1, 1, (a, s) => siginfo(waitFor(sigset(a[s]), -1)));
  pos("sigtimedwait", 2, 2, (a, s) => {
    const set = sigset(a[s]);
    const timeout = seconds(a[s + 1]);
    if (timeout < 0) throw valueError("timeout must be non-negative");
    const sig = waitFor(set, timeout * 1000);
    return sig === 0 ? Py_None : siginfo(sig);
  });
  const pidfdArgs = new ArgParser("pidfd_send_signal", ["pidfd", "sig", "siginfo", "flags"], { posonly: 4, required: 2 });
  fn("pidfd_send_signal", (_s, args, start, nargs, kw) => {
    const [pidfd, sig, info, flags] = pidfdArgs.parse(args, start, nargs, kw);
    cInt(pidfd as PyObject);
    cInt(sig as PyObject);
    if (info !== null && info !== Py_None) throw typeError("siginfo must be None");
    if (flags !== null) cInt(flags);
    // no fd here can be a pidfd (os.pidfd_open is not available): the kernel's answer to any other fd
    throw PyErr_SetFromErrno(EBADF);
  });
  return m;
}
