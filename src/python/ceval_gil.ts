// CPython: Python/ceval_gil.c (when a thread gives way to another) and Python/thread.c. The
// design is ours: Python threads share the one JavaScript thread and are switched cooperatively.
// docs/threads.md explains the model; in short:
//
// - Each Python thread has its own PyThreadState (frame chain, recursion budget, handled exception).
// - A thread started on a Python function runs its outermost eval loop from runSlice(). At a switch
//   point in that loop (the eval breaker, every EVAL_BUDGET backward jumps/calls, once the switch
//   interval has passed) it is suspended: the loop saves its state and returns, and the thread is
//   resumed later by a new call of the loop. A blocking call (lock acquire, join, sleep) made
//   directly by the CALL instruction of that outermost loop suspends the thread too: the call is
//   abandoned without effect and re-executed on resumption (with the same deadline).
// - Anywhere else (a thread whose JavaScript stack holds more than its outermost loop, or the main
//   thread, which the embedder started) the thread cannot be unwound: it runs the other threads
//   nested, on top of its own stack, until what it waits for happens.
import { PyObjectBase, type PyObject } from "../objects/object.js";
import {
  PyThreadState, PyThreadState_Get, PyThreadState_New, PyThreadState_Swap, PyThreadState_Delete, _PyThreadState_Main,
} from "../vm/pystate.js";

/**
 * The signals part of the eval breaker (CPython: _PY_SIGNALS_PENDING_BIT and the pending-calls
 * check): `pending` is set while a signal is tripped or a timer (signal.alarm/setitimer) is armed;
 * the main thread's eval loop then calls `check()` between two entries of its loop, and blocking
 * waits wake at `deadline` (a monotonicMs() time) to call it. check() runs the Python handlers
 * and returns the exception one raised, or null; the signal module installs it.
 */
export const _PyEval_Signals: {
  pending: boolean;
  deadline: number;
  main: PyThreadState;
  check: () => PyObject | null;
} = { pending: false, deadline: Infinity, main: _PyThreadState_Main(), check: () => null };

/** Runs the signal check from a wait of the main thread; throws what a handler raised (EINTR then the handler's exception, as CPython). */
function checkSignalsInWait(tstate: PyThreadState): void {
  if (!_PyEval_Signals.pending || tstate !== _PyEval_Signals.main) return;
  const exc = _PyEval_Signals.check();
  if (exc !== null) throw exc;
}

/** Returned by a suspended outermost eval loop instead of a result (never a Python value). */
class SuspendedMarker extends PyObjectBase {}
export const _PyEval_SUSPENDED: PyObject = new SuspendedMarker();

/** Thrown by a blocking call to unwind the thread's outermost loop; the loop catches it. */
export const _PyThread_SuspendSignal = { toString: () => "thread switch" };

export const THREAD_NEW = 0;
export const THREAD_READY = 1;
export const THREAD_RUNNING = 2;
export const THREAD_DONE = 3;

/** What a suspended thread waits for before it may run again (null: nothing). */
export type WaitCondition = (() => boolean) | null;

/** One Python thread (CPython: the OS thread plus its PyThreadState). */
export class PyThread {
  status = THREAD_NEW;
  /** Whether its JavaScript activations are live (it runs, or waits under a thread running on top). */
  onStack = false;
  waitReady: WaitCondition = null;
  /** performance.now() time after which a timed wait gives up (Infinity: no timeout). */
  deadline = Infinity;
  /** Where a blocking call suspended the thread: its re-execution keeps the deadline. */
  blockFrame: unknown = null;
  blockInstr = -1;
  blockDeadline = Infinity;
  /** Runs the thread's code (called once, from its first slice); may return _PyEval_SUSPENDED. */
  start: (() => PyObject) | null;
  /** Resumes a suspended outermost loop (set by the eval loop's suspension). */
  resume: ((t: PyThreadState) => PyObject) | null = null;
  /** Called with the thread's outcome when it is done: its value, or the exception thrown. */
  finish: (error: unknown, hasError: boolean) => void;
  readonly daemon: boolean;
  name: string | null = null;
  constructor(
    readonly tstate: PyThreadState,
    readonly ident: number,
    start: (() => PyObject) | null,
    finish: (error: unknown, hasError: boolean) => void,
    daemon: boolean,
  ) {
    this.start = start;
    this.finish = finish;
    this.daemon = daemon;
  }
}

let nextIdent = 1;
const mainTstate = _PyThreadState_Main();
export const mainPyThread = new PyThread(mainTstate, newIdent(), null, () => {}, false);
mainPyThread.status = THREAD_RUNNING;
mainPyThread.onStack = true;
mainTstate.thread_id = mainPyThread.ident;

/** Threads not yet done, in the order they were started (round robin follows it). */
const threads: PyThread[] = [mainPyThread];
const byTstate = new Map<PyThreadState, PyThread>([[mainTstate, mainPyThread]]);
let current = mainPyThread;

function newIdent(): number {
  // distinct, stable, nonzero; shaped like CPython's (pthread_t values are large)
  return 0x7f0000000000 + 0x1000 * nextIdent++;
}

/** sys.getswitchinterval(), in seconds. */
let switchInterval = 0.005;
let lastSwitch = 0;

export function _PyEval_GetSwitchInterval(): number {
  return switchInterval;
}
export function _PyEval_SetSwitchInterval(seconds: number): void {
  switchInterval = seconds;
}

export function monotonicMs(): number {
  return performance.now();
}

export function _PyThread_Current(): PyThread {
  return current;
}
export function _PyThread_Of(t: PyThreadState): PyThread | undefined {
  return byTstate.get(t);
}
export function _PyThread_All(): readonly PyThread[] {
  return threads;
}

/** Whether more than one thread exists (the eval loop checks for switches only then). */
export function _PyThread_Multiple(): boolean {
  return threads.length > 1;
}

/** Creates a thread that will run `start` when first scheduled (CPython: PyThread_start_joinable_thread). */
export function _PyThread_Create(
  start: (tstate: PyThreadState) => PyObject,
  finish: (error: unknown, hasError: boolean) => void,
  daemon: boolean,
): PyThread {
  const tstate = PyThreadState_New();
  const t = new PyThread(tstate, newIdent(), null, finish, daemon);
  t.start = () => start(tstate);
  tstate.thread_id = t.ident;
  threads.push(t);
  byTstate.set(tstate, t);
  return t;
}

function runnable(t: PyThread, now: number): boolean {
  if (t.onStack || t.status === THREAD_DONE) return false;
  if (t.waitReady === null || t.waitReady()) return true;
  return now >= t.deadline;
}

/** Runs `t` until it suspends or ends. */
function runSlice(t: PyThread): void {
  const prevThread = current;
  const prevTstate = PyThreadState_Swap(t.tstate);
  current = t;
  t.onStack = true;
  t.waitReady = null;
  t.deadline = Infinity;
  lastSwitch = monotonicMs();
  let r: PyObject;
  try {
    if (t.status === THREAD_NEW) {
      t.status = THREAD_RUNNING;
      const start = t.start!;
      t.start = null;
      r = start();
    } else {
      t.status = THREAD_RUNNING;
      const resume = t.resume!;
      t.resume = null;
      r = resume(t.tstate);
    }
    if (r === _PyEval_SUSPENDED) t.status = THREAD_READY;
    else end(t, null, false);
  } catch (e) {
    end(t, e, true);
  } finally {
    t.onStack = false;
    current = prevThread;
    PyThreadState_Swap(prevTstate);
    lastSwitch = monotonicMs();
  }
}

function end(t: PyThread, error: unknown, hasError: boolean): void {
  t.status = THREAD_DONE;
  t.tstate.suspendable = false;
  const i = threads.indexOf(t);
  if (i >= 0) threads.splice(i, 1);
  byTstate.delete(t.tstate);
  PyThreadState_Delete(t.tstate);
  t.finish(error, hasError);
}

/** Round-robin position, so that every runnable thread gets its turn. */
let rr = 0;

/** The next thread that may run now (not on the stack, not waiting), or null. */
function pickRunnable(): PyThread | null {
  const now = monotonicMs();
  const n = threads.length;
  for (let k = 0; k < n; k++) {
    const t = threads[(rr + k) % n]!;
    if (t !== current && runnable(t, now)) {
      rr = (rr + k + 1) % n;
      return t;
    }
  }
  return null;
}

/**
 * The eval breaker's question: should the running thread give way now? Only when other threads
 * exist and the switch interval has passed since the last switch.
 */
export function _PyThread_SwitchDue(): boolean {
  return threads.length > 1 && monotonicMs() - lastSwitch >= switchInterval * 1000;
}

/**
 * The running thread gives way at a switch point where it cannot be suspended: runs each other
 * runnable thread once (each until it suspends or ends), then returns.
 */
export function _PyThread_YieldNested(): void {
  const seen = new Set<PyThread>();
  for (;;) {
    const t = pickRunnable();
    if (t === null || seen.has(t)) break;
    seen.add(t);
    runSlice(t);
  }
  lastSwitch = monotonicMs();
}

/** Sleeps the whole process (no thread can run) for `ms` milliseconds. */
const sleepCell = new Int32Array(new SharedArrayBuffer(4));
function sleepMs(ms: number): void {
  if (ms > 0) Atomics.wait(sleepCell, 0, 0, Math.min(ms, 2 ** 31 - 1));
}

/**
 * Whether the running thread can be suspended from a blocking call whose arguments are `args`:
 * a thread started on a Python function, inside only its outermost eval loop, called directly by
 * that loop (its arguments are on the running frame's stack).
 */
function canSuspend(tstate: PyThreadState, args: readonly PyObject[] | null): boolean {
  return tstate.suspendable && tstate.eval_depth === 1 && args !== null && tstate.current_frame !== null && args === tstate.current_frame.localsplus;
}

/**
 * Waits until `ready()` holds, or `timeoutMs` (negative: forever) has passed; returns whether it
 * holds. `args` are the blocking builtin's arguments (see canSuspend). Other threads run meanwhile.
 * Waiting forever with nothing that could ever make it hold hangs, as CPython does.
 */
export function _PyThread_Wait(ready: () => boolean, timeoutMs: number, args: readonly PyObject[] | null): boolean {
  const me = current;
  const tstate = me.tstate;
  const frame = tstate.current_frame;
  const instr = frame === null ? -1 : frame.instr_ptr;
  let deadline: number;
  if (me.blockFrame === frame && me.blockInstr === instr && frame !== null) deadline = me.blockDeadline;
  else deadline = timeoutMs < 0 ? Infinity : monotonicMs() + timeoutMs;
  me.blockFrame = null;
  me.blockInstr = -1;
  if (ready()) return true;
  if (timeoutMs === 0 || monotonicMs() >= deadline) return false;
  if (canSuspend(tstate, args)) {
    me.blockFrame = frame;
    me.blockInstr = instr;
    me.blockDeadline = deadline;
    me.waitReady = ready;
    me.deadline = deadline;
    throw _PyThread_SuspendSignal;
  }
  for (;;) {
    if (ready()) return true;
    checkSignalsInWait(tstate);
    if (ready()) return true;
    if (tstate.pending_async_exc !== null) {
      // interrupt_main() from another thread interrupts the main thread's wait, as a signal does
      const exc = tstate.pending_async_exc;
      tstate.pending_async_exc = null;
      throw exc;
    }
    const t = pickRunnable();
    if (t !== null) {
      runSlice(t);
      continue;
    }
    const now = monotonicMs();
    if (now >= deadline) return ready();
    // nothing can run now: sleep until the nearest deadline (ours or a sleeping thread's)
    let wake = deadline;
    if (tstate === _PyEval_Signals.main && _PyEval_Signals.deadline < wake) wake = Math.max(_PyEval_Signals.deadline, now);
    for (const o of threads) if (!o.onStack && o.status !== THREAD_DONE && o.deadline < wake) wake = o.deadline;
    if (wake === Infinity) {
      // A deadlock, as far as the threads that can run are concerned. A thread below us on the
      // JavaScript stack may be ready, but it cannot run before we return: say so.
      const stuck = threads.some((o) => o.onStack && o !== me && (o.waitReady === null || o.waitReady()));
      if (stuck) {
        throw new ThreadScheduleError();
      }
      sleepMs(2 ** 31 - 1); // hangs, as CPython does (a deadlock)
      continue;
    }
    sleepMs(wake - now);
  }
}

/** Raised (as RuntimeError, see _thread) when the cooperative model cannot continue a wait. */
export class ThreadScheduleError extends Error {
  constructor() {
    super("cannot switch to the thread that would release this wait");
  }
}

/** Sleeps `ms` milliseconds, running other threads meanwhile (time.sleep). */
export function _PyThread_Sleep(ms: number, args: readonly PyObject[] | null): void {
  if (threads.length === 1 && !canSuspend(PyThreadState_Get(), args)) {
    _PyThread_SleepAlone(ms);
    return;
  }
  _PyThread_Wait(() => false, Math.max(ms, 0), args);
}

/**
 * Sleeps `ms` milliseconds with no other thread to run (time.sleep of a lone thread). A signal
 * timer that expires meanwhile runs its handler; an exception from it ends the sleep, else the
 * sleep goes on to its end (PEP 475).
 */
export function _PyThread_SleepAlone(ms: number): void {
  const end = monotonicMs() + ms;
  const tstate = PyThreadState_Get();
  for (;;) {
    checkSignalsInWait(tstate);
    const now = monotonicMs();
    if (now >= end) return;
    let wake = end;
    if (tstate === _PyEval_Signals.main && _PyEval_Signals.deadline < wake) wake = Math.max(_PyEval_Signals.deadline, now);
    sleepMs(wake - now);
    if (wake === end && monotonicMs() >= end) {
      checkSignalsInWait(tstate);
      return;
    }
  }
}

/** Called by the eval loop when the running thread's outermost loop suspended itself. */
export function _PyThread_SetResume(tstate: PyThreadState, resume: (t: PyThreadState) => PyObject): void {
  const t = byTstate.get(tstate);
  if (t !== undefined) t.resume = resume;
}

/** Keeps running other threads until `done()`; used at shutdown (joins) by the main thread. */
export function _PyThread_RunUntil(done: () => boolean): void {
  _PyThread_Wait(done, -1, null);
}
