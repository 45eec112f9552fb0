// CPython: Modules/gcmodule.c (the gc module) over Python/gc.c's collector state.
//
// tython's objects live in V8's garbage-collected heap: there are no reference counts, no
// generations and no cycle collector of our own, and V8 reports nothing about what it frees. So
// the module keeps CPython's state (enabled flag, thresholds, debug flags, freeze count, per-
// generation stats) and its argument checking; collect() finds nothing (0) but runs gc.callbacks
// as a collection does; get_referents, is_tracked and get_referrers/get_objects work from the
// object traversals of gcmodule_traverse.ts. docs/gc.md lists what differs.
import { type PyObject, PyObjectBase, Py_None, Py_TYPE } from "../objects/object.js";
import { PyModule } from "../objects/moduleobject.js";
import { PyList } from "../objects/listobject.js";
import { PyTuple } from "../objects/tupleobject.js";
import { PyDict } from "../objects/dictobject.js";
import { newBuiltinFunction, type FastFunc } from "../objects/methodobject.js";
import { PyNumber_Index, PyIndex_Check, PyObject_Vectorcall, PyObject_Repr } from "../objects/abstract.js";
import { typeError, valueError, overflowError } from "../python/errors.js";
import { ArgParser, noKeywords } from "../python/getargs.js";
import { PyErr_FormatUnraisable } from "../python/unraisable.js";
import { getSysModule } from "../python/sysmodule.js";
import { PyThreadState_Get } from "../vm/pystate.js";
import { _PyThread_All } from "../python/ceval_gil.js";
import { isTracked, traverse } from "./gcmodule_traverse.js";

const M = "gc";
const NUM_GENERATIONS = 3;
const DEBUG_STATS = 1 << 0;
const DEBUG_COLLECTABLE = 1 << 1;
const DEBUG_UNCOLLECTABLE = 1 << 2;
const DEBUG_SAVEALL = 1 << 5;
const DEBUG_LEAK = DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_SAVEALL;

interface GenStats {
  collections: number;
  collected: number;
  uncollectable: number;
}

// CPython's GCState, as far as it means something here
const state = {
  enabled: true,
  debug: 0,
  // CPython 3.14's defaults (Python/gc.c: _PyGC_InitState)
  threshold: [2000, 10, 10],
  collecting: false,
  frozen: 0,
  stats: [0, 1, 2].map((): GenStats => ({ collections: 0, collected: 0, uncollectable: 0 })),
  garbage: new PyList([]),
  callbacks: new PyList([]),
};

const C_INT_MAX = 2147483647;
const C_INT_MIN = -2147483648;

/** Clinic's `int` converter: an index, "Python int too large to convert to C int" beyond C int. */
function clinicInt(v: PyObject): number {
  const n = PyNumber_Index(v);
  if (typeof n !== "number" || n > C_INT_MAX || n < C_INT_MIN) throw overflowError("Python int too large to convert to C int");
  return n;
}

/** PyArg_ParseTuple's "i" format. */
function parseTupleInt(v: PyObject): number {
  const n = PyNumber_Index(v);
  if (typeof n !== "number" || n > C_INT_MAX) throw overflowError(n < 0 ? "signed integer is less than minimum" : "signed integer is greater than maximum");
  if (n < C_INT_MIN) throw overflowError("signed integer is less than minimum");
  return n;
}

/** Runs gc.callbacks for one phase (CPython: invoke_gc_callback); the list may change meanwhile. */
function invokeCallbacks(phase: string, generation: number, collected: number, uncollectable: number): void {
  const cbs = state.callbacks.items;
  if (cbs.length === 0) return;
  const info = new PyDict();
  info.setStr("generation", generation);
  info.setStr("collected", collected);
  info.setStr("uncollectable", uncollectable);
  const args: PyObject[] = [phase, info];
  for (let i = 0; i < cbs.length; i++) {
    const cb = cbs[i];
    try {
      PyObject_Vectorcall(cb, args, 0, 2, null);
    } catch (e) {
      let r: string;
      try {
        r = PyObject_Repr(cb);
      } catch {
        r = "<object repr() failed>";
      }
      PyErr_FormatUnraisable(`Exception ignored while calling GC callback ${r}`, e);
    }
  }
}

/** One collection of `generation` (CPython: _PyGC_Collect): V8 owns the memory, so none is found. */
function collectGeneration(generation: number): number {
  if (state.collecting) return 0; // a collection already runs (e.g. collect() from a callback)
  state.collecting = true;
  try {
    invokeCallbacks("start", generation, 0, 0);
    state.stats[generation].collections++;
    invokeCallbacks("stop", generation, 0, 0);
  } finally {
    state.collecting = false;
  }
  return 0;
}

// --- the object graph as far as tython can see it ----------------------------------------------------

/** Objects the collector would start from: the modules, and every thread's frames. */
function roots(): PyObject[] {
  const out: PyObject[] = [getSysModule(), state.garbage, state.callbacks];
  const tstates = new Set([PyThreadState_Get()]);
  for (const t of _PyThread_All()) tstates.add(t.tstate);
  for (const ts of tstates) {
    for (let f = ts.current_frame; f !== null; f = f.previous) {
      out.push(f.f_globals, f.f_builtins);
      if (f.f_locals !== null) out.push(f.f_locals);
      if (f.f_funcobj !== null) out.push(f.f_funcobj);
      for (const v of f.localsplus) if (v !== null) out.push(v);
    }
  }
  return out;
}

/** Every tracked object reachable from the roots, each once. */
function reachableObjects(): PyObject[] {
  const seen = new Set<PyObject>();
  const found: PyObject[] = [];
  const stack = roots();
  const refs: PyObject[] = [];
  while (stack.length > 0) {
    const o = stack.pop() as PyObject;
    if (!(o instanceof PyObjectBase) || seen.has(o)) continue;
    seen.add(o);
    if (!isTracked(o)) continue;
    found.push(o);
    refs.length = 0;
    traverse(o, refs);
    for (const r of refs) if (r instanceof PyObjectBase && !seen.has(r)) stack.push(r);
  }
  return found;
}

// --- the module ----------------------------------------------------------------------------------

function noArgs(name: string, f: () => PyObject): FastFunc {
  return (_s, _a, _st, nargs, kw) => {
    noKeywords(`${M}.${name}`, kw);
    if (nargs !== 0) throw typeError(`${M}.${name}() takes no arguments (${nargs} given)`);
    return f();
  };
}

function oneArg(name: string, f: (o: PyObject) => PyObject): FastFunc {
  return (_s, a, st, nargs, kw) => {
    noKeywords(`${M}.${name}`, kw);
    if (nargs !== 1) throw typeError(`${M}.${name}() takes exactly one argument (${nargs} given)`);
    return f(a[st]);
  };
}

function varArgs(name: string, f: (objs: PyObject[]) => PyObject): FastFunc {
  return (_s, a, st, nargs, kw) => {
    noKeywords(`${M}.${name}`, kw);
    return f(a.slice(st, st + nargs));
  };
}

const collectArgs = new ArgParser("collect", ["generation"]);
const getObjectsArgs = new ArgParser("get_objects", ["generation"]);

function gcCollect(generation: PyObject | null): PyObject {
  const g = generation === null ? NUM_GENERATIONS - 1 : clinicInt(generation);
  if (g < 0 || g >= NUM_GENERATIONS) throw valueError("invalid generation");
  return collectGeneration(g);
}

function gcSetThreshold(a: readonly PyObject[], st: number, nargs: number): PyObject {
  if (nargs < 1 || nargs > NUM_GENERATIONS) throw typeError(`${M}.set_threshold requires 1 to ${NUM_GENERATIONS} arguments`);
  const vals: number[] = [];
  for (let i = 0; i < nargs; i++) vals.push(parseTupleInt(a[st + i]));
  for (let i = 0; i < nargs; i++) state.threshold[i] = vals[i];
  return Py_None;
}

function gcGetObjects(generation: PyObject | null): PyObject {
  if (generation !== null && generation !== Py_None) {
    if (!PyIndex_Check(generation)) throw typeError(`argument should be integer or None, not '${Py_TYPE(generation).tp_name}'`);
    const n = PyNumber_Index(generation);
    if (typeof n !== "number" || !Number.isSafeInteger(n)) throw overflowError("cannot fit 'int' into an index-sized integer");
    if (n >= NUM_GENERATIONS) throw valueError(`generation parameter must be less than the number of available generations (${NUM_GENERATIONS})`);
    if (n < -1) throw valueError("generation parameter cannot be negative");
    // no generations here: every object counts as never collected, i.e. in the youngest one
    if (n > 0) return new PyList([]);
  }
  return new PyList(reachableObjects());
}

function gcGetReferrers(objs: PyObject[]): PyObject {
  const targets = new Set<PyObject>(objs);
  const out: PyObject[] = [];
  const refs: PyObject[] = [];
  if (targets.size === 0) return new PyList(out);
  for (const o of reachableObjects()) {
    refs.length = 0;
    traverse(o, refs);
    for (const r of refs) {
      if (targets.has(r)) {
        out.push(o);
        break;
      }
    }
  }
  return new PyList(out);
}

function gcGetReferents(objs: PyObject[]): PyObject {
  const out: PyObject[] = [];
  for (const o of objs) traverse(o, out);
  return new PyList(out);
}

function gcGetStats(): PyObject {
  const out: PyObject[] = [];
  for (const s of state.stats) {
    const d = new PyDict();
    d.setStr("collections", s.collections);
    d.setStr("collected", s.collected);
    d.setStr("uncollectable", s.uncollectable);
    out.push(d);
  }
  return new PyList(out);
}

const DOC =
  "This module provides access to the garbage collector for reference cycles.\n\n" +
  "enable() -- Enable automatic garbage collection.\n" +
  "disable() -- Disable automatic garbage collection.\n" +
  "isenabled() -- Returns true if automatic collection is enabled.\n" +
  "collect() -- Do a full collection right now.\n" +
  "get_count() -- Return the current collection counts.\n" +
  "get_stats() -- Return list of dictionaries containing per-generation stats.\n" +
  "set_debug() -- Set debugging flags.\n" +
  "get_debug() -- Get debugging flags.\n" +
  "set_threshold() -- Set the collection thresholds.\n" +
  "get_threshold() -- Return the current collection thresholds.\n" +
  "get_objects() -- Return a list of all objects tracked by the collector.\n" +
  "is_tracked() -- Returns true if a given object is tracked.\n" +
  "is_finalized() -- Returns true if a given object has been already finalized.\n" +
  "get_referrers() -- Return the list of objects that refer to an object.\n" +
  "get_referents() -- Return the list of objects that an object refers to.\n" +
  "freeze() -- Freeze all tracked objects and ignore them for future collections.\n" +
  "unfreeze() -- Unfreeze all objects in the permanent generation.\n" +
  "get_freeze_count() -- Return the number of objects in the permanent generation.\n";

export function initGc(): PyModule {
  const m = new PyModule(M, DOC);
  const d = m.dict;
  const fn = (name: string, f: FastFunc): void => d.setStr(name, newBuiltinFunction(name, f, M));
  fn("enable", noArgs("enable", () => ((state.enabled = true), Py_None)));
  fn("disable", noArgs("disable", () => ((state.enabled = false), Py_None)));
  fn("isenabled", noArgs("isenabled", () => state.enabled));
  fn("collect", (_s, a, st, n, kw) => gcCollect(collectArgs.parse(a, st, n, kw)[0]));
  // no allocation counting: nothing is ever pending collection
  fn("get_count", noArgs("get_count", () => new PyTuple([0, 0, 0])));
  fn("get_threshold", noArgs("get_threshold", () => new PyTuple(state.threshold.slice())));
  fn("set_threshold", (_s, a, st, n, kw) => {
    noKeywords("set_threshold", kw);
    return gcSetThreshold(a, st, n);
  });
  fn("get_debug", noArgs("get_debug", () => state.debug));
  fn("set_debug", oneArg("set_debug", (flags) => ((state.debug = clinicInt(flags)), Py_None)));
  fn("get_objects", (_s, a, st, n, kw) => gcGetObjects(getObjectsArgs.parse(a, st, n, kw)[0]));
  fn("get_stats", noArgs("get_stats", gcGetStats));
  fn("get_referrers", varArgs("get_referrers", gcGetReferrers));
  fn("get_referents", varArgs("get_referents", gcGetReferents));
  fn("is_tracked", oneArg("is_tracked", (o) => isTracked(o)));
  // tython never runs an object's finalizer (V8 frees objects without telling)
  fn("is_finalized", oneArg("is_finalized", () => false));
  // every object the collector can reach becomes frozen
  fn("freeze", noArgs("freeze", () => ((state.frozen = reachableObjects().length), Py_None)));
  fn("unfreeze", noArgs("unfreeze", () => ((state.frozen = 0), Py_None)));
  fn("get_freeze_count", noArgs("get_freeze_count", () => state.frozen));
  d.setStr("garbage", state.garbage);
  d.setStr("callbacks", state.callbacks);
  d.setStr("DEBUG_STATS", DEBUG_STATS);
  d.setStr("DEBUG_COLLECTABLE", DEBUG_COLLECTABLE);
  d.setStr("DEBUG_UNCOLLECTABLE", DEBUG_UNCOLLECTABLE);
  d.setStr("DEBUG_SAVEALL", DEBUG_SAVEALL);
  d.setStr("DEBUG_LEAK", DEBUG_LEAK);
  return m;
}
