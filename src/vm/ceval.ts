// CPython: Python/ceval.c
//
// Entry points into the eval loop and the helpers its instructions call. The loop itself,
// _PyEval_EvalFrameDefault, is generated from bytecodes.def into generated_cases.generated.ts.
import {
  PyCodeObject, CO_OPTIMIZED, CO_VARARGS, CO_VARKEYWORDS, CO_GENERATOR, CO_COROUTINE, CO_ASYNC_GENERATOR, CO_ITERABLE_COROUTINE,
} from "../objects/codeobject.js";
import { PyMethodDescr } from "../objects/descrobject.js";
import { PyMethod } from "../objects/classobject.js";
import { Py_None, type PyObject, type BinaryFunc, Py_TYPE, PyType_IsSubtype } from "../objects/object.js";
import { PyTuple } from "../objects/tupleobject.js";
import {
  PyBaseException, PyExc_NameError, PyExc_UnboundLocalError, PyExc_TypeError, PyExc_RecursionError,
  newException,
} from "../objects/exceptions.js";
import { PyErr_Format } from "../python/errors.js";
import { PyDict, PyDict_New, PyDict_Type } from "../objects/dictobject.js";
import { PyModule } from "../objects/moduleobject.js";
import { PyDict_GetItem, PyDict_SetItem } from "./ceval_ops.js";
import { PyCell_New } from "../objects/cellobject.js";
import { PyFunctionObject } from "../objects/funcobject.js";
import { _PyInterpreterFrame } from "./frame.js";
import { PyThreadState, PyThreadState_Get } from "./pystate.js";
import { _PyEval_EvalFrameDefault } from "./generated_cases.generated.js";
import { _PyCode_Quicken } from "./specialize.js";

// ---- code objects -------------------------------------------------------------------------------

/** The mutable code-unit copy of co_code the loop executes (made and quickened on first use). */
export function _PyCode_GetAdaptive(co: PyCodeObject): Uint16Array {
  let code = co._co_code_adaptive;
  if (code === null) {
    const bytes = co.co_code;
    code = new Uint16Array(bytes.length >> 1);
    for (let i = 0; i < code.length; i++) code[i] = bytes[2 * i]! | (bytes[2 * i + 1]! << 8);
    _PyCode_Quicken(code);
    co._co_code_adaptive = code;
  }
  return code;
}

// ---- exception table ----------------------------------------------------------------------------

/** Result of get_exception_handler; one shared instance (no allocation while unwinding). */
export const exceptionHandler = { target: -1, depth: 0, lasti: false };

/**
 * Finds the handler covering code unit `index` in co_exceptiontable (CPython: get_exception_handler).
 * Entries are varint-encoded (6 bits per byte, bit 6 = continuation, bit 7 marks an entry's first
 * byte): start, length, target, depth<<1|lasti. Returns the target, or -1 when none covers it.
 */
export function get_exception_handler(co: PyCodeObject, index: number): number {
  const t = co.co_exceptiontable;
  let p = 0;
  const read = (): number => {
    let b = t[p++]!;
    let v = b & 63;
    while (b & 64) {
      b = t[p++]!;
      v = (v << 6) | (b & 63);
    }
    return v;
  };
  while (p < t.length) {
    const start = read();
    const size = read();
    if (index < start) return -1; // entries are sorted by start
    const target = read();
    const dl = read();
    if (index < start + size) {
      exceptionHandler.target = target;
      exceptionHandler.depth = dl >> 1;
      exceptionHandler.lasti = (dl & 1) !== 0;
      return target;
    }
  }
  return -1;
}

// ---- names --------------------------------------------------------------------------------------

/** NameError "name 'x' is not defined" with its .name set (CPython: _PyEval_FormatExcCheckArg). */
export function _PyEval_NameError(name: string): PyBaseException {
  return newException(PyExc_NameError, [`name '${name}' is not defined`], new Map([["name", name]]));
}

/** UnboundLocalError for reading local `index` of `co` before assignment. */
export function _PyEval_UnboundLocalError(co: PyCodeObject, index: number): PyBaseException {
  const name = co.co_localsplusnames[index]!;
  return newException(PyExc_UnboundLocalError, [`cannot access local variable '${name}' where it is not associated with a value`], new Map([["name", name]]));
}

/** NameError for a free variable read before its cell is set. */
export function _PyEval_FreeVarError(co: PyCodeObject, index: number): PyBaseException {
  const name = co.co_localsplusnames[index]!;
  return newException(PyExc_NameError, [`cannot access free variable '${name}' where it is not associated with a value in enclosing scope`], new Map([["name", name]]));
}

/** A name in `globals` then `builtins` (CPython: _PyEval_LoadGlobalStackRef); raises NameError. */
export function _PyEval_LoadGlobal(globals: PyObject, builtins: PyObject, name: string): PyObject {
  const v = PyDict_GetItem(globals, name) ?? PyDict_GetItem(builtins, name);
  if (v === null) throw _PyEval_NameError(name);
  return v;
}

let interpBuiltins: PyDict | null = null;

/** Records the builtins module's dict: frames whose globals lack `__builtins__` use it. */
export function _PyEval_SetBuiltins(builtins: PyDict): void {
  interpBuiltins = builtins;
}

/** The builtins dict a module's globals refer to through `__builtins__` (a module or a dict). */
export function _PyEval_GetBuiltinsFromGlobals(globals: PyObject): PyObject {
  const b = PyDict_GetItem(globals, "__builtins__");
  if (b instanceof PyModule) return b.dict;
  if (b instanceof PyDict) return b;
  return interpBuiltins ?? (interpBuiltins = PyDict_New());
}

// ---- frames and calls ---------------------------------------------------------------------------

/** RecursionError when the Python frame budget is spent (CPython: _Py_EnterRecursivePy). */
function enterRecursivePy(tstate: PyThreadState): void {
  if (tstate.py_recursion_remaining-- <= 0) {
    tstate.py_recursion_remaining++;
    throw PyErr_Format(PyExc_RecursionError, "maximum recursion depth exceeded");
  }
}

/**
 * Makes the frame for calling `func` with args[start..start+argcount) (the last
 * len(kwnames) of them keyword values) and binds the parameters (CPython: _PyEvalFramePushAndInit,
 * initialize_locals). The frame is not linked into the thread's chain yet. For a frame the loop
 * runs inline: it counts against the recursion limit here.
 */
export function _PyEvalFramePushAndInit(
  tstate: PyThreadState, func: PyFunctionObject, locals: PyObject | null,
  args: readonly (PyObject | null)[], start: number, argcount: number, kwnames: PyTuple | null,
): _PyInterpreterFrame {
  const frame = makeFunctionFrame(func, locals, args, start, argcount, kwnames);
  _PyEval_EnterFrame(tstate);
  return frame;
}

/** Whether `func` binds `n` positional arguments with nothing else to do (CALL_PY_EXACT_ARGS). */
export function _PyFunction_TakesExactly(func: PyFunctionObject, n: number): boolean {
  const co = func.func_code;
  return co.co_argcount === n && co.co_kwonlyargcount === 0 && (co.co_flags & (CO_VARARGS | CO_VARKEYWORDS)) === 0;
}

/** The frame for a call _PyFunction_TakesExactly accepts: the arguments are copied as they are. */
export function _PyEvalFramePushExact(
  tstate: PyThreadState, func: PyFunctionObject, args: readonly (PyObject | null)[], start: number, n: number,
): _PyInterpreterFrame {
  const frame = new _PyInterpreterFrame(func.func_code, func, func.func_globals, func.func_builtins, null);
  const lp = frame.localsplus;
  for (let i = 0; i < n; i++) lp[i] = args[start + i]!;
  _PyEval_EnterFrame(tstate);
  return frame;
}

function makeFunctionFrame(
  func: PyFunctionObject, locals: PyObject | null,
  args: readonly (PyObject | null)[], start: number, argcount: number, kwnames: PyTuple | null,
): _PyInterpreterFrame {
  const frame = new _PyInterpreterFrame(func.func_code, func, func.func_globals, func.func_builtins, locals);
  initializeLocals(func, frame.localsplus, args, start, argcount, kwnames);
  return frame;
}

/**
 * Counts a frame starting to run against the recursion limit (CPython: _Py_EnterRecursivePy);
 * _PyEval_EvalFrameDefault does it for its entry frame, the loop for frames it runs inline, and
 * _PyEval_FrameClearAndPop / a yield undo it.
 */
export function _PyEval_EnterFrame(tstate: PyThreadState): void {
  enterRecursivePy(tstate);
}

/** Undoes _PyEvalFramePushAndInit's recursion accounting when a frame is done. */
export function _PyEval_FrameClearAndPop(tstate: PyThreadState, frame: _PyInterpreterFrame): void {
  tstate.py_recursion_remaining++;
  if (frame.frame_obj !== null) frame.frame_obj._takeOwnership(frame);
  const hook = frame.exit_hook;
  if (hook !== null) {
    frame.exit_hook = null;
    hook();
  }
}

/**
 * CALL_FUNCTION_EX of a Python function (or a method of one) with a tuple of arguments and a dict
 * of str keywords: the frame to run inline (CPython: _PyEvalFramePushAndInit_Ex); else null.
 */
export function _PyEval_FramePushEx(tstate: PyThreadState, func: PyObject, callargs: PyObject, kwargs: PyObject | null): _PyInterpreterFrame | null {
  if (tstate.interp.eval_frame !== null || !(callargs instanceof PyTuple)) return null;
  let self: PyObject | null = null;
  if (func instanceof PyMethod && func.func instanceof PyFunctionObject) {
    self = func.self;
    func = func.func;
  }
  if (!(func instanceof PyFunctionObject)) return null;
  const stack: PyObject[] = self === null ? callargs.items.slice() : [self, ...callargs.items];
  let kwnames: PyTuple | null = null;
  if (kwargs !== null && kwargs !== Py_None) {
    if (!(kwargs instanceof PyDict) || kwargs.ob_type !== PyDict_Type) return null;
    if (kwargs.size > 0) {
      const names: PyObject[] = [];
      for (const [k, v] of kwargs.entries()) {
        if (typeof k !== "string") return null;
        names.push(k);
        stack.push(v);
      }
      kwnames = new PyTuple(names);
    }
  }
  return _PyEvalFramePushAndInit(tstate, func, func.func_code.co_flags & CO_OPTIMIZED ? null : func.func_globals, stack, 0, stack.length, kwnames);
}

/**
 * CALL of a builtin method with PyMethodDef.inline (Context.run(f, *args)): when `f` is a Python
 * function (or a method of one), returns its frame for the loop to run inline, with the method's
 * "after" part as the frame's exit hook; else null (the builtin is called as usual). The callable
 * is lp[start-1]... as CALL lays it out: self at lp[start], f at lp[start + 1].
 */
export function _PyEval_TryInlineCall(
  tstate: PyThreadState, callable: PyObject, lp: (PyObject | null)[], start: number, total: number, kwnames: PyTuple | null,
): _PyInterpreterFrame | null {
  let def;
  let selfIndex = start;
  if (callable instanceof PyMethodDescr) {
    def = callable.def;
    if (total < 2 || !PyType_IsSubtype(Py_TYPE(lp[start]!), callable.owner)) return null;
  } else return null;
  const enter = def.inline;
  if (enter === undefined || tstate.interp.eval_frame !== null) return null;
  const self = lp[selfIndex]!;
  let f = lp[selfIndex + 1]!;
  let argStart = selfIndex + 2;
  let n = total - 2;
  let bound: PyObject | null = null;
  if (f instanceof PyMethod && f.func instanceof PyFunctionObject) {
    bound = f.self;
    f = f.func;
    argStart--;
    n++;
  }
  if (!(f instanceof PyFunctionObject) || f.func_code.co_flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR | CO_ITERABLE_COROUTINE)) return null;
  if (bound !== null) lp[argStart] = bound;
  const exit = enter(self);
  let frame: _PyInterpreterFrame;
  try {
    frame = _PyEvalFramePushAndInit(tstate, f, f.func_code.co_flags & CO_OPTIMIZED ? null : f.func_globals, lp, argStart, n, kwnames);
  } catch (e) {
    exit();
    throw e;
  }
  frame.exit_hook = exit;
  return frame;
}

function qualnameOf(func: PyFunctionObject): string {
  return func.func_qualname;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function nameList(names: string[]): string {
  const q = names.map((n) => `'${n}'`);
  if (q.length === 1) return q[0]!;
  if (q.length === 2) return `${q[0]} and ${q[1]}`;
  return q.slice(0, -1).join(", ") + ", and " + q[q.length - 1];
}

/** Binds call arguments to parameters; CPython's exact TypeError messages (ceval.c, initialize_locals). */
function initializeLocals(
  func: PyFunctionObject, lp: (PyObject | null)[], args: readonly (PyObject | null)[], start: number,
  argcount: number, kwnames: PyTuple | null,
): void {
  const co = func.func_code;
  const nkw = kwnames === null ? 0 : kwnames.items.length;
  const npos = argcount - nkw;
  const total = co.co_argcount + co.co_kwonlyargcount;
  const flags = co.co_flags;
  let kwdict: PyDict | null = null;
  let i = total;
  if (flags & CO_VARARGS) i++;
  if (flags & CO_VARKEYWORDS) {
    kwdict = PyDict_New();
    lp[i] = kwdict;
  }
  const n = Math.min(npos, co.co_argcount);
  for (let j = 0; j < n; j++) lp[j] = args[start + j]!;
  if (flags & CO_VARARGS) {
    lp[total] = new PyTuple(npos > n ? (args.slice(start + n, start + npos) as PyObject[]) : []);
  }
  // keyword arguments
  for (let k = 0; k < nkw; k++) {
    const keyword = kwnames!.items[k] as string;
    const value = args[start + npos + k]!;
    let idx = -1;
    for (let p = co.co_posonlyargcount; p < total; p++) {
      if (co.co_localsplusnames[p] === keyword) {
        idx = p;
        break;
      }
    }
    if (idx < 0) {
      if (kwdict === null) {
        const posonly = co.co_localsplusnames.slice(0, co.co_posonlyargcount).includes(keyword);
        if (posonly) {
          throw PyErr_Format(PyExc_TypeError, `${qualnameOf(func)}() got some positional-only arguments passed as keyword arguments: '${keyword}'`);
        }
        throw PyErr_Format(PyExc_TypeError, `${qualnameOf(func)}() got an unexpected keyword argument '${keyword}'`);
      }
      PyDict_SetItem(kwdict, keyword, value);
      continue;
    }
    if (lp[idx] !== null) {
      throw PyErr_Format(PyExc_TypeError, `${qualnameOf(func)}() got multiple values for argument '${keyword}'`);
    }
    lp[idx] = value;
  }
  if (npos > co.co_argcount && !(flags & CO_VARARGS)) throw tooManyPositional(func, npos, kwnames);
  // defaults for missing positional parameters
  if (npos < co.co_argcount) {
    const defaults = func.func_defaults === null ? [] : func.func_defaults.items;
    const m = co.co_argcount - defaults.length;
    const missing: string[] = [];
    for (let p = npos; p < m; p++) if (lp[p] === null) missing.push(co.co_localsplusnames[p]!);
    if (missing.length > 0) {
      throw PyErr_Format(PyExc_TypeError, `${qualnameOf(func)}() missing ${missing.length} required positional argument${missing.length === 1 ? "" : "s"}: ${nameList(missing)}`);
    }
    for (let p = Math.max(npos, m); p < co.co_argcount; p++) if (lp[p] === null) lp[p] = defaults[p - m]!;
  }
  // keyword-only defaults
  if (co.co_kwonlyargcount > 0) {
    const missing: string[] = [];
    for (let p = co.co_argcount; p < total; p++) {
      if (lp[p] !== null) continue;
      const name = co.co_localsplusnames[p]!;
      const dflt = func.func_kwdefaults === null ? null : PyDict_GetItem(func.func_kwdefaults, name);
      if (dflt === null) missing.push(name);
      else lp[p] = dflt;
    }
    if (missing.length > 0) {
      throw PyErr_Format(PyExc_TypeError, `${qualnameOf(func)}() missing ${missing.length} required keyword-only argument${missing.length === 1 ? "" : "s"}: ${nameList(missing)}`);
    }
  }
}

function tooManyPositional(func: PyFunctionObject, given: number, kwnames: PyTuple | null): PyBaseException {
  const co = func.func_code;
  const defcount = func.func_defaults === null ? 0 : func.func_defaults.items.length;
  let kwonlyGiven = 0;
  if (kwnames !== null) {
    for (const k of kwnames.items) {
      const idx = co.co_localsplusnames.indexOf(k as string);
      if (idx >= co.co_argcount && idx < co.co_argcount + co.co_kwonlyargcount) kwonlyGiven++;
    }
  }
  const sig = defcount > 0 ? `from ${co.co_argcount - defcount} to ${co.co_argcount}` : String(co.co_argcount);
  const takes = defcount > 0 ? `${sig} positional arguments` : plural(co.co_argcount, "positional argument");
  const kwonly = kwonlyGiven > 0 ? ` positional argument${given === 1 ? "" : "s"} (and ${plural(kwonlyGiven, "keyword-only argument")})` : "";
  const given_ = kwonlyGiven > 0 ? `${given}${kwonly}` : `${given}`;
  const was = given === 1 && kwonlyGiven === 0 ? "was" : "were";
  return PyErr_Format(PyExc_TypeError, `${qualnameOf(func)}() takes ${takes} but ${given_} ${was} given`);
}

/** A generator's frame leaving the loop at a yield (CPython: the frame pop in YIELD_VALUE). */
export function _PyEval_FrameSuspend(tstate: PyThreadState): void {
  tstate.py_recursion_remaining++;
}

/**
 * Runs a frame through the PEP 523 hook if one is installed (CPython: _PyEval_EvalFrame). A hook
 * that evaluates a frame itself, without _PyEval_EvalFrameDefault, owns it: nothing else to undo.
 */
export function _PyEval_EvalFrame(tstate: PyThreadState, frame: _PyInterpreterFrame, throwflag: boolean): PyObject {
  const hook = tstate.interp.eval_frame;
  if (hook !== null) return hook(tstate, frame, throwflag);
  return _PyEval_EvalFrameDefault(tstate, frame, throwflag);
}

/** Calls a Python function from outside the loop (CPython: _PyEval_Vector). */
export function _PyEval_Vector(
  tstate: PyThreadState, func: PyFunctionObject, locals: PyObject | null,
  args: readonly (PyObject | null)[], start: number, argcount: number, kwnames: PyTuple | null,
): PyObject {
  return _PyEval_EvalFrame(tstate, makeFunctionFrame(func, locals, args, start, argcount, kwnames), false);
}

/** PyFunction_Type's call slot (CPython: _PyFunction_Vectorcall). */
export function _PyFunction_Vectorcall(callable: PyObject, args: readonly PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  const func = callable as PyFunctionObject;
  const nkw = kwnames === null ? 0 : kwnames.items.length;
  const co = func.func_code;
  const locals = co.co_flags & CO_OPTIMIZED ? null : func.func_globals;
  return _PyEval_Vector(PyThreadState_Get(), func, locals, args, start, nargs + nkw, kwnames);
}

/** Runs a module or exec'd code object (CPython: PyEval_EvalCode). */
export function PyEval_EvalCode(co: PyCodeObject, globals: PyObject, locals: PyObject | null): PyObject {
  const tstate = PyThreadState_Get();
  const builtins = _PyEval_GetBuiltinsFromGlobals(globals);
  const frame = new _PyInterpreterFrame(co, null, globals, builtins, locals ?? globals);
  return _PyEval_EvalFrame(tstate, frame, false);
}

/** MAKE_CELL: wraps local `index`'s current value (an argument, or null) in a new cell. */
export function _PyEval_MakeCell(lp: (PyObject | null)[], index: number): void {
  lp[index] = PyCell_New(lp[index] ?? null);
}

/** COPY_FREE_VARS: the function's closure cells become the frame's last `n` localsplus slots. */
export function _PyEval_CopyFreeVars(frame: _PyInterpreterFrame, n: number): void {
  const closure = frame.f_funcobj!.func_closure!.items;
  const offset = frame.f_executable.co_nlocalsplus - n;
  for (let i = 0; i < n; i++) frame.localsplus[offset + i] = closure[i]!;
}

