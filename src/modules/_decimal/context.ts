// CPython: Modules/_decimal/_decimal.c — the signals (exception classes), decimal.Context with its
// flags and traps (signal dicts), and the current context (a context variable).
import {
  PyObjectBase, type PyObject, type PyTypeObject, type PyGetSetDef, type PyMethodDef, newStaticType, PyBaseObject_Type,
  Py_None, Py_TYPE, PyType_Type, PyObject_TypeCheck,
} from "../../objects/object.js";
import { PyTuple } from "../../objects/tupleobject.js";
import { PyList } from "../../objects/listobject.js";
import { PyDict } from "../../objects/dictobject.js";
import { PyObject_Call, PyObject_IsTrue, PyObject_GetIter, PyIter_Next, PyObject_Repr } from "../../objects/abstract.js";
import {
  PyExc_ArithmeticError, PyExc_ZeroDivisionError, PyExc_TypeError, PyExc_OverflowError, newException,
} from "../../objects/exceptions.js";
import { typeError, valueError, keyError, attributeError } from "../../python/errors.js";
import { ArgParser } from "../../python/getargs.js";
import { asInt } from "../../objects/longobject.js";
import { PyImport_ImportModuleLevel } from "../../python/import.js";
import { PyObject_GetAttr } from "../../objects/abstract.js";
import { PyObject_GenericSetAttr } from "../../objects/typeobject.js";
import { PyContextVar, PyContextVar_Get, PyContextVar_Set } from "../../python/context.js";
import {
  type Ctx, MPD_Clamped, MPD_Conversion_syntax, MPD_Division_by_zero, MPD_Division_impossible, MPD_Division_undefined,
  MPD_Inexact, MPD_Invalid_context, MPD_Invalid_operation, MPD_Float_operation, MPD_Overflow, MPD_Rounded,
  MPD_Subnormal, MPD_Underflow, MPD_IEEE_Invalid_operation, MPD_Malloc_error, MPD_Fpu_error, MAX_PREC, MAX_EMAX, MIN_EMIN,
  ROUND_HALF_EVEN, ROUND_HALF_UP,
} from "./mpdecimal.js";

// --- signals -------------------------------------------------------------------------------------

/** One signal: its exception class, name and status bits (CPython: DecCondMap). */
export interface Signal {
  name: string;
  ex: PyTypeObject;
  flag: number;
}

/** The nine signals of Context.flags/traps, in CPython's order (signal_map). */
export const signalMap: Signal[] = [];
/** The conditions that are subclasses of InvalidOperation (cond_map). */
export const condMap: Signal[] = [];
export let DecimalException: PyTypeObject;
export let PyExc_InvalidOperation: PyTypeObject;
export let PyExc_FloatOperation: PyTypeObject;

function newSignalType(name: string, bases: PyTypeObject[], doc: string): PyTypeObject {
  const d = new PyDict();
  d.setStr("__module__", "decimal");
  d.setStr("__doc__", doc);
  return PyObject_Call(PyType_Type, [name, new PyTuple(bases), d], null) as PyTypeObject;
}

/** Creates the exception classes once (CPython: PyInit__decimal's signal setup). */
export function initSignals(): void {
  if (signalMap.length) return;
  DecimalException = newSignalType("DecimalException", [PyExc_ArithmeticError], "");
  const mk = (name: string, bases: PyTypeObject[], flag: number, doc = ""): Signal => ({ name, ex: newSignalType(name, bases, doc), flag });
  const invalid = mk("InvalidOperation", [DecimalException], MPD_IEEE_Invalid_operation);
  const floatOp = mk("FloatOperation", [DecimalException, PyExc_TypeError], MPD_Float_operation);
  const divZero = mk("DivisionByZero", [DecimalException, PyExc_ZeroDivisionError], MPD_Division_by_zero);
  const inexact = mk("Inexact", [DecimalException], MPD_Inexact);
  const rounded = mk("Rounded", [DecimalException], MPD_Rounded);
  const subnormal = mk("Subnormal", [DecimalException], MPD_Subnormal);
  const overflow = mk("Overflow", [inexact.ex, rounded.ex], MPD_Overflow);
  const underflow = mk("Underflow", [inexact.ex, rounded.ex, subnormal.ex], MPD_Underflow);
  const clamped = mk("Clamped", [DecimalException], MPD_Clamped);
  signalMap.push(invalid, floatOp, divZero, overflow, underflow, subnormal, inexact, rounded, clamped);
  PyExc_InvalidOperation = invalid.ex;
  PyExc_FloatOperation = floatOp.ex;
  condMap.push(
    { name: "InvalidOperation", ex: invalid.ex, flag: MPD_Invalid_operation },
    mk("ConversionSyntax", [invalid.ex], MPD_Conversion_syntax),
    mk("DivisionImpossible", [invalid.ex], MPD_Division_impossible),
    mk("DivisionUndefined", [invalid.ex, PyExc_ZeroDivisionError], MPD_Division_undefined),
    mk("InvalidContext", [invalid.ex], MPD_Invalid_context),
  );
}

const SIGNALS_MSG =
  "valid values for signals are:\n  [InvalidOperation, FloatOperation, DivisionByZero,\n   Overflow, Underflow, Subnormal, Inexact, Rounded,\n   Clamped]";

/** The status bits of a signal class, or a KeyError (CPython: exception_as_flag). */
function exceptionAsFlag(ex: PyObject): number {
  for (const s of signalMap) if (s.ex === ex) return s.flag;
  throw keyError(SIGNALS_MSG);
}

/** The signals in `flags` as a list of classes (CPython: flags_as_list). */
function flagsAsList(flags: number): PyList {
  const out: PyObject[] = [];
  for (const s of condMap) if (flags & s.flag) out.push(s.ex);
  for (let i = 1; i < signalMap.length; i++) if (flags & signalMap[i].flag) out.push(signalMap[i].ex);
  return new PyList(out);
}

function signalsAsList(flags: number): PyList {
  return new PyList(signalMap.filter((s) => flags & s.flag).map((s) => s.ex));
}

// libmpdec's flag names, in bit order (CPython: dec_signal_string)
const FLAG_NAMES = [
  "Clamped", "InvalidOperation", "DivisionByZero", "InvalidOperation", "InvalidOperation", "InvalidOperation",
  "Inexact", "InvalidOperation", "InvalidOperation", "InvalidOperation", "FloatOperation", "Overflow", "Rounded",
  "Subnormal", "Underflow",
];

/** "[InvalidOperation, DivisionByZero]" (CPython: mpd_lsnprint_signals). */
function signalString(flags: number): string {
  const out: string[] = [];
  let invalidDone = false;
  for (let j = 0; j < FLAG_NAMES.length; j++) {
    if (!(flags & (1 << j))) continue;
    const n = FLAG_NAMES[j];
    if (n === "InvalidOperation") {
      if (invalidDone) continue;
      invalidDone = true;
    }
    out.push(n);
  }
  return "[" + out.join(", ") + "]";
}

// --- Context -------------------------------------------------------------------------------------

export const ROUND_NAMES = [
  "ROUND_UP", "ROUND_DOWN", "ROUND_CEILING", "ROUND_FLOOR", "ROUND_HALF_UP", "ROUND_HALF_DOWN", "ROUND_HALF_EVEN",
  "ROUND_05UP",
];
const ROUNDING_MSG =
  "valid values for rounding are:\n  [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN,\n   ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n   ROUND_05UP]";

export class PyDecContext extends PyObjectBase {
  c: Ctx = { prec: 28, emax: 999999, emin: -999999, round: ROUND_HALF_EVEN, clamp: 0 };
  /** The exact values of prec, Emin, Emax (those beyond 2**53 do not survive a JS number). */
  precV: PyObject = 28;
  eminV: PyObject = -999999;
  emaxV: PyObject = 999999;
  traps = MPD_IEEE_Invalid_operation | MPD_Division_by_zero | MPD_Overflow;
  status = 0;
  capitals = 1;
}
export const PyDecContext_Type = newStaticType("decimal.Context", PyBaseObject_Type);
PyDecContext.prototype.ob_type = PyDecContext_Type;

export function isContext(v: PyObject): v is PyDecContext {
  return v instanceof PyDecContext;
}

/**
 * Adds status bits to a context and raises the most important trapped signal
 * (CPython: dec_addstatus).
 */
export function addStatus(ctx: PyDecContext, status: number): void {
  ctx.status |= status;
  const trapped = status & (ctx.traps | MPD_Malloc_error);
  if (trapped) {
    let ex: PyTypeObject = signalMap[0].ex;
    for (const s of signalMap) {
      if (trapped & s.flag) {
        ex = s.ex;
        break;
      }
    }
    throw newException(ex, [flagsAsList(trapped)]);
  }
}

/** An int attribute value (CPython: PyLong_AsSsize_t). */
function asSsize(v: PyObject): bigint {
  const i = asInt(v);
  if (i === null) throw typeError("an integer is required");
  return BigInt(i);
}
const SSIZE_MAX = (1n << 63n) - 1n;
function checkSsize(x: bigint): void {
  if (x > SSIZE_MAX || x < -SSIZE_MAX - 1n) throw newException(PyExc_OverflowError, ["Python int too large to convert to C ssize_t"]);
}

const norm = (x: bigint): PyObject => (x >= -(2n ** 53n) + 1n && x <= 2n ** 53n - 1n ? Number(x) : x);

export function setPrec(ctx: PyDecContext, v: PyObject): void {
  const x = asSsize(v);
  checkSsize(x);
  if (x < 1n || x > MAX_PREC) throw valueError("valid range for prec is [1, MAX_PREC]");
  ctx.c.prec = Number(x);
  ctx.precV = norm(x);
}
export function setEmin(ctx: PyDecContext, v: PyObject): void {
  const x = asSsize(v);
  checkSsize(x);
  if (x > 0n || x < MIN_EMIN) throw valueError("valid range for Emin is [MIN_EMIN, 0]");
  ctx.c.emin = Number(x);
  ctx.eminV = norm(x);
}
export function setEmax(ctx: PyDecContext, v: PyObject): void {
  const x = asSsize(v);
  checkSsize(x);
  if (x < 0n || x > MAX_EMAX) throw valueError("valid range for Emax is [0, MAX_EMAX]");
  ctx.c.emax = Number(x);
  ctx.emaxV = norm(x);
}
export function setRounding(ctx: PyDecContext, v: PyObject): void {
  const i = typeof v === "string" ? ROUND_NAMES.indexOf(v) : -1;
  if (i < 0) throw typeError(ROUNDING_MSG);
  ctx.c.round = i;
}
function setCapitals(ctx: PyDecContext, v: PyObject): void {
  const x = asSsize(v);
  checkSsize(x);
  if (x !== 0n && x !== 1n) throw valueError("valid values for capitals are 0 or 1");
  ctx.capitals = Number(x);
}
function setClamp(ctx: PyDecContext, v: PyObject): void {
  const x = asSsize(v);
  checkSsize(x);
  if (x !== 0n && x !== 1n) throw valueError("valid values for clamp are 0 or 1");
  ctx.c.clamp = Number(x);
}

/** Signal bits from a list of signals or a signal dict (CPython: context_settraps_list/_dict). */
function signalsFrom(v: PyObject): number {
  if (v instanceof PyList) {
    let f = 0;
    for (const s of v.items) f |= exceptionAsFlag(s);
    return f;
  }
  if (v instanceof PySignalDict) return v.isTraps ? v.ctx.traps : v.ctx.status;
  if (v instanceof PyDict) {
    if (v.size !== signalMap.length) throw keyError("invalid signal dict");
    let f = 0;
    for (const s of signalMap) {
      const x = v.getItem(s.ex);
      if (x === undefined) throw keyError("invalid signal dict");
      if (PyObject_IsTrue(x)) f |= s.flag;
    }
    return f;
  }
  throw typeError("argument must be a signal dict");
}

function setTraps(ctx: PyDecContext, v: PyObject): void {
  ctx.traps = signalsFrom(v);
}
function setFlags(ctx: PyDecContext, v: PyObject): void {
  ctx.status = signalsFrom(v);
}

const contextArgs = new ArgParser("Context", ["prec", "rounding", "Emin", "Emax", "capitals", "clamp", "flags", "traps"]);

/** Applies Context()'s arguments (CPython: context_setattrs). */
export function contextSetAttrs(ctx: PyDecContext, a: (PyObject | null)[]): void {
  const [prec, rounding, emin, emax, capitals, clamp, flags, traps] = a;
  const given = (x: PyObject | null): x is PyObject => x !== null && x !== Py_None;
  if (given(prec)) setPrec(ctx, prec);
  if (given(rounding)) setRounding(ctx, rounding);
  if (given(emin)) setEmin(ctx, emin);
  if (given(emax)) setEmax(ctx, emax);
  if (given(capitals)) setCapitals(ctx, capitals);
  if (given(clamp)) setClamp(ctx, clamp);
  if (given(traps)) setTraps(ctx, traps);
  if (given(flags)) setFlags(ctx, flags);
}

export function copyContext(src: PyDecContext, type: PyTypeObject = PyDecContext_Type): PyDecContext {
  const c = new PyDecContext();
  if (type !== PyDecContext_Type) c.ob_type = type;
  c.c = { ...src.c };
  c.precV = src.precV;
  c.eminV = src.eminV;
  c.emaxV = src.emaxV;
  c.traps = src.traps;
  c.status = src.status;
  c.capitals = src.capitals;
  return c;
}

export let defaultContextTemplate: PyDecContext;
export let basicContextTemplate: PyDecContext;
export let extendedContextTemplate: PyDecContext;

export function initTemplates(): void {
  if (defaultContextTemplate) return;
  defaultContextTemplate = new PyDecContext();
  basicContextTemplate = new PyDecContext();
  basicContextTemplate.c = { prec: 9, emax: 999999, emin: -999999, round: ROUND_HALF_UP, clamp: 0 };
  basicContextTemplate.precV = 9;
  basicContextTemplate.traps =
    MPD_IEEE_Invalid_operation | MPD_Division_by_zero | MPD_Overflow | MPD_Underflow | MPD_Clamped;
  extendedContextTemplate = new PyDecContext();
  extendedContextTemplate.c = { prec: 9, emax: 999999, emin: -999999, round: ROUND_HALF_EVEN, clamp: 0 };
  extendedContextTemplate.precV = 9;
  extendedContextTemplate.traps = 0;
}

PyDecContext_Type.tp_new = (type) => {
  // a new context starts from DefaultContext's settings, without its flags
  const c = copyContext(defaultContextTemplate, type);
  c.status = 0;
  return c;
};
PyDecContext_Type.tp_init = (self, args, start, nargs, kw) => {
  contextSetAttrs(self as PyDecContext, contextArgs.parse(args, start, nargs, kw));
};

export function contextRepr(ctx: PyDecContext): string {
  return (
    `Context(prec=${ctx.precV}, rounding=${ROUND_NAMES[ctx.c.round]}, Emin=${ctx.eminV}, Emax=${ctx.emaxV}, ` +
    `capitals=${ctx.capitals}, clamp=${ctx.c.clamp}, flags=${signalString(ctx.status)}, traps=${signalString(ctx.traps)})`
  );
}
PyDecContext_Type.tp_repr = (v) => contextRepr(v as PyDecContext);

const get = (f: (c: PyDecContext) => PyObject) => ((v: PyObject) => f(v as PyDecContext)) as PyGetSetDef["get"];
const set = (f: (c: PyDecContext, v: PyObject) => void) => ((s: PyObject, v: PyObject | null) => {
  if (v === null) throw attributeError("context attributes cannot be deleted");
  f(s as PyDecContext, v);
}) as PyGetSetDef["set"];

PyDecContext_Type.tp_getset = [
  { name: "prec", get: get((c) => c.precV), set: set(setPrec) },
  { name: "Emax", get: get((c) => c.emaxV), set: set(setEmax) },
  { name: "Emin", get: get((c) => c.eminV), set: set(setEmin) },
  { name: "rounding", get: get((c) => ROUND_NAMES[c.c.round]), set: set(setRounding) },
  { name: "capitals", get: get((c) => c.capitals), set: set(setCapitals) },
  { name: "clamp", get: get((c) => c.c.clamp), set: set(setClamp) },
  { name: "flags", get: get((c) => newSignalDict(c, false)), set: set(setFlags) },
  { name: "traps", get: get((c) => newSignalDict(c, true)), set: set(setTraps) },
];

const GETSET_NAMES = new Set(["prec", "Emax", "Emin", "rounding", "capitals", "clamp", "flags", "traps"]);
PyDecContext_Type.tp_setattro = (v, name, value) => {
  if (value === null) throw attributeError("context attributes cannot be deleted");
  // a plain Context has no __dict__ (CPython: context_setattr's message)
  if (!GETSET_NAMES.has(name) && Py_TYPE(v) === PyDecContext_Type) {
    throw attributeError(`'decimal.Context' object has no attribute '${name}'`);
  }
  PyObject_GenericSetAttr(v, name, value);
};

export function contextReduce(ctx: PyDecContext): PyObject {
  return new PyTuple([
    Py_TYPE(ctx),
    new PyTuple([
      ctx.precV, ROUND_NAMES[ctx.c.round], ctx.eminV, ctx.emaxV, ctx.capitals, ctx.c.clamp,
      signalsAsList(ctx.status), signalsAsList(ctx.traps),
    ]),
  ]);
}

export const contextBaseMethods: PyMethodDef[] = [
  { name: "clear_flags", kind: "noargs", fn: ((v: PyObject) => ((v as PyDecContext).status = 0, Py_None)) as PyMethodDef["fn"] },
  { name: "clear_traps", kind: "noargs", fn: ((v: PyObject) => ((v as PyDecContext).traps = 0, Py_None)) as PyMethodDef["fn"] },
  { name: "copy", kind: "noargs", fn: ((v: PyObject) => copyContext(v as PyDecContext, Py_TYPE(v))) as PyMethodDef["fn"] },
  { name: "__copy__", kind: "noargs", fn: ((v: PyObject) => copyContext(v as PyDecContext, Py_TYPE(v))) as PyMethodDef["fn"] },
  { name: "__reduce__", kind: "noargs", fn: ((v: PyObject) => contextReduce(v as PyDecContext)) as PyMethodDef["fn"] },
  { name: "Etiny", kind: "noargs", fn: ((v: PyObject) => norm(BigInt((v as PyDecContext).eminV as number | bigint) - BigInt((v as PyDecContext).precV as number | bigint) + 1n)) as PyMethodDef["fn"] },
  { name: "Etop", kind: "noargs", fn: ((v: PyObject) => norm(BigInt((v as PyDecContext).emaxV as number | bigint) - BigInt((v as PyDecContext).precV as number | bigint) + 1n)) as PyMethodDef["fn"] },
  { name: "radix", kind: "noargs", fn: (() => radix()) as PyMethodDef["fn"] },
];
let radix: () => PyObject = () => 10;
export function setRadix(f: () => PyObject): void {
  radix = f;
}

// --- signal dicts (context.flags and context.traps) ----------------------------------------------

export class PySignalDict extends PyObjectBase {
  constructor(
    readonly ctx: PyDecContext,
    readonly isTraps: boolean,
  ) {
    super();
  }
}
export const PySignalDictMixin_Type = newStaticType("decimal.SignalDictMixin", PyBaseObject_Type);
PySignalDict.prototype.ob_type = PySignalDictMixin_Type;
let SignalDict_Type: PyTypeObject = PySignalDictMixin_Type;

function newSignalDict(ctx: PyDecContext, traps: boolean): PySignalDict {
  const d = new PySignalDict(ctx, traps);
  d.ob_type = SignalDict_Type;
  return d;
}

const sdBits = (d: PySignalDict): number => (d.isTraps ? d.ctx.traps : d.ctx.status);
PySignalDictMixin_Type.mp_length = () => signalMap.length;
PySignalDictMixin_Type.mp_subscript = (v, key) => {
  const d = v as PySignalDict;
  return (sdBits(d) & exceptionAsFlag(key)) !== 0;
};
PySignalDictMixin_Type.mp_ass_subscript = (v, key, value) => {
  const d = v as PySignalDict;
  if (value === null) throw valueError("signal keys cannot be deleted");
  const f = exceptionAsFlag(key);
  const on = PyObject_IsTrue(value);
  if (d.isTraps) d.ctx.traps = on ? d.ctx.traps | f : d.ctx.traps & ~f;
  else d.ctx.status = on ? d.ctx.status | f : d.ctx.status & ~f;
};
PySignalDictMixin_Type.tp_iter = () => PyObject_GetIter(new PyList(signalMap.map((s) => s.ex)));
PySignalDictMixin_Type.tp_repr = (v) => {
  const d = v as PySignalDict;
  const bits = sdBits(d);
  return "{" + signalMap.map((s) => `<class 'decimal.${s.name}'>:${bits & s.flag ? "True" : "False"}`).join(", ") + "}";
};
PySignalDictMixin_Type.tp_methods = [
  {
    name: "copy",
    kind: "noargs",
    fn: ((v: PyObject) => {
      const d = v as PySignalDict;
      const out = new PyDict();
      const bits = sdBits(d);
      for (const s of signalMap) out.setItem(s.ex, (bits & s.flag) !== 0);
      return out;
    }) as PyMethodDef["fn"],
  },
];

/** Creates SignalDict(SignalDictMixin, MutableMapping) as CPython does at module init. */
export function initSignalDict(): void {
  if (SignalDict_Type !== PySignalDictMixin_Type) return;
  const abc = PyImport_ImportModuleLevel("collections.abc", Py_None, new PyList(["MutableMapping"]), 0);
  const mm = PyObject_GetAttr(abc, "MutableMapping");
  SignalDict_Type = PyObject_Call(PyType_Type, ["SignalDict", new PyTuple([PySignalDictMixin_Type, mm]), new PyDict()], null) as PyTypeObject;
}

// --- the current context ---------------------------------------------------------------------------

const currentVar = new PyContextVar("decimal_context", null);

/** The current context, created from DefaultContext on first use (CPython: current_context). */
export function currentContext(): PyDecContext {
  const v = PyContextVar_Get(currentVar, null);
  if (v !== null) return v as PyDecContext;
  const c = copyContext(defaultContextTemplate);
  c.status = 0;
  PyContextVar_Set(currentVar, c);
  return c;
}

export function setContext(v: PyObject): void {
  if (!isContext(v)) throw typeError("argument must be a context");
  // the templates are never used directly
  if (v === defaultContextTemplate || v === basicContextTemplate || v === extendedContextTemplate) {
    const c = copyContext(v);
    c.status = 0;
    v = c;
  }
  PyContextVar_Set(currentVar, v);
}

/** A context argument: None for the current one (CPython: CONTEXT_CHECK_VA). */
export function contextArg(v: PyObject | null): PyDecContext {
  if (v === null || v === Py_None) return currentContext();
  if (!isContext(v)) throw typeError("optional argument must be a context");
  return v;
}

// --- localcontext() ------------------------------------------------------------------------------------

class PyContextManager extends PyObjectBase {
  saved: PyDecContext | null = null;
  constructor(readonly local: PyDecContext, readonly global: PyDecContext) {
    super();
  }
}
export const PyContextManager_Type = newStaticType("decimal.ContextManager", PyBaseObject_Type, 0);
PyContextManager.prototype.ob_type = PyContextManager_Type;
PyContextManager_Type.tp_methods = [
  {
    name: "__enter__",
    kind: "noargs",
    fn: ((v: PyObject) => {
      const m = v as PyContextManager;
      m.saved = currentContext();
      setContext(m.local);
      return m.local;
    }) as PyMethodDef["fn"],
  },
  {
    name: "__exit__",
    kind: "fast",
    fn: ((v: PyObject) => {
      const m = v as PyContextManager;
      setContext(m.saved ?? m.global);
      return false;
    }) as PyMethodDef["fn"],
  },
];

const localArgs = new ArgParser("localcontext", ["ctx", "prec", "rounding", "Emin", "Emax", "capitals", "clamp", "flags", "traps"], { kwonlyStart: 1 });

export function localcontext(args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null): PyObject {
  let parsed: (PyObject | null)[];
  try {
    parsed = localArgs.parse(args, start, nargs, kw);
  } catch (e) {
    // CPython's message for an unknown keyword
    if (kw !== null) {
      for (const k of kw.items) {
        if (!localArgs.names.includes(k as string)) throw typeError(`this function got an unexpected keyword argument '${k as string}'`);
      }
    }
    throw e;
  }
  const ctxArg = parsed[0];
  const global = currentContext();
  let base: PyDecContext;
  if (ctxArg === null || ctxArg === Py_None) base = global;
  else if (isContext(ctxArg)) base = ctxArg;
  else throw typeError("optional argument must be a context");
  const local = copyContext(base);
  contextSetAttrs(local, parsed.slice(1));
  return new PyContextManager(local, global);
}

export { PyObject_Repr };
