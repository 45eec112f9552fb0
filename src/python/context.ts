// CPython: Python/context.c — contextvars: Context, ContextVar, Token (PEP 567).
//
// A Context maps ContextVars to values. CPython shares structure between copies with a HAMT; here
// a Context owns a Map that is copied when a variable is set in a Context that was copied from
// (copy on write), which keeps copy_context() O(1). Each thread state has its current Context.
import {
  PyObjectBase, type PyObject, Py_None, Py_TYPE, newStaticType, PyBaseObject_Type, type PyMethodDef, Py_EQ, Py_NE,
  Py_NotImplemented,
} from "../objects/object.js";
import { PyTuple } from "../objects/tupleobject.js";
import { PyList } from "../objects/listobject.js";
import { Py_GenericAlias } from "../objects/genericaliasobject.js";
import { addressOf } from "../objects/methodobject.js";
import { PyObject_Repr, PyObject_Vectorcall, PyObject_RichCompareBool } from "../objects/abstract.js";
import { PyExc_LookupError, newException } from "../objects/exceptions.js";
import { typeError, valueError, runtimeError, keyError, attributeError } from "./errors.js";
import { ArgParser, checkPositional } from "./getargs.js";
import { PyThreadState_Get, type PyThreadState } from "../vm/pystate.js";
import { typeDict } from "../objects/typeobject.js";

export class PyContext extends PyObjectBase {
  vars: Map<PyContextVar, PyObject>;
  /** Whether `vars` is shared with a copy (then the next set copies it first). */
  shared = false;
  /** The context that was current when this one was entered (CPython: ctx_prev). */
  prev: PyContext | null = null;
  entered = false;
  constructor(vars?: Map<PyContextVar, PyObject>) {
    super();
    this.vars = vars ?? new Map();
  }
  copy(): PyContext {
    this.shared = true;
    const c = new PyContext(this.vars);
    c.shared = true;
    return c;
  }
  set(v: PyContextVar, value: PyObject | null): void {
    if (this.shared) {
      this.vars = new Map(this.vars);
      this.shared = false;
    }
    if (value === null) this.vars.delete(v);
    else this.vars.set(v, value);
  }
}
export const PyContext_Type = newStaticType("_contextvars.Context", PyBaseObject_Type, 0);
PyContext.prototype.ob_type = PyContext_Type;

export class PyContextVar extends PyObjectBase {
  constructor(
    readonly name: string,
    readonly dflt: PyObject | null,
  ) {
    super();
  }
}
export const PyContextVar_Type = newStaticType("_contextvars.ContextVar", PyBaseObject_Type, 0);
PyContextVar.prototype.ob_type = PyContextVar_Type;

export class PyContextToken extends PyObjectBase {
  used = false;
  constructor(
    readonly ctx: PyContext,
    readonly v: PyContextVar,
    /** The variable's value before the set, or null when it had none. */
    readonly old: PyObject | null,
  ) {
    super();
  }
}
export const PyContextToken_Type = newStaticType("_contextvars.Token", PyBaseObject_Type, 0);
PyContextToken.prototype.ob_type = PyContextToken_Type;

class PyTokenMissing extends PyObjectBase {}
const PyTokenMissing_Type = newStaticType("Token.MISSING", PyBaseObject_Type, 0);
PyTokenMissing.prototype.ob_type = PyTokenMissing_Type;
PyTokenMissing_Type.tp_repr = () => "<Token.MISSING>";
export const Token_MISSING = new PyTokenMissing();

const contexts = new WeakMap<PyThreadState, PyContext>();

/** The running thread's current context (CPython: context_get). */
export function PyContext_CopyCurrent(): PyContext {
  return currentContext().copy();
}
function currentContext(): PyContext {
  const ts = PyThreadState_Get();
  let c = contexts.get(ts);
  if (c === undefined) {
    c = new PyContext();
    contexts.set(ts, c);
  }
  return c;
}

/** Enters `ctx` in the running thread (CPython: _PyContext_Enter). */
export function PyContext_Enter(ctx: PyContext): void {
  if (ctx.entered) throw runtimeError(`cannot enter context: ${PyObject_Repr(ctx)} is already entered`);
  const ts = PyThreadState_Get();
  ctx.prev = currentContext();
  ctx.entered = true;
  contexts.set(ts, ctx);
}
export function PyContext_Exit(ctx: PyContext): void {
  const ts = PyThreadState_Get();
  contexts.set(ts, ctx.prev!);
  ctx.prev = null;
  ctx.entered = false;
}

export function PyContextVar_Get(v: PyContextVar, dflt: PyObject | null): PyObject | null {
  return currentContext().vars.get(v) ?? dflt ?? v.dflt;
}

export function PyContextVar_Set(v: PyContextVar, value: PyObject): PyContextToken {
  const ctx = currentContext();
  const tok = new PyContextToken(ctx, v, ctx.vars.get(v) ?? null);
  ctx.set(v, value);
  return tok;
}

function tokenRepr(t: PyContextToken): string {
  return `<Token${t.used ? " used" : ""} var=${PyObject_Repr(t.v)} at ${addressOf(t)}>`;
}

export function PyContextVar_Reset(v: PyContextVar, t: PyContextToken): void {
  if (t.used) throw runtimeError(`${tokenRepr(t)} has already been used once`);
  if (t.v !== v) throw valueError(`${tokenRepr(t)} was created by a different ContextVar`);
  const ctx = currentContext();
  if (t.ctx !== ctx) throw valueError(`${tokenRepr(t)} was created in a different Context`);
  t.used = true;
  ctx.set(v, t.old);
}

function checkVar(key: PyObject): PyContextVar {
  if (!(key instanceof PyContextVar)) throw typeError(`a ContextVar key was expected, got ${PyObject_Repr(key)}`);
  return key;
}

// ---- Context -------------------------------------------------------------------------------------

PyContext_Type.tp_new = (type, _args, _start, nargs, kwnames) => {
  if (nargs !== 0 || (kwnames !== null && kwnames.items.length)) throw typeError("Context() does not accept any arguments");
  void type;
  return new PyContext();
};
PyContext_Type.tp_hash = null;
PyContext_Type.mp_length = (o) => (o as PyContext).vars.size;
PyContext_Type.sq_length = (o) => (o as PyContext).vars.size;
PyContext_Type.mp_subscript = (o, key) => {
  const v = (o as PyContext).vars.get(checkVar(key));
  if (v === undefined) throw keyError(key);
  return v;
};
PyContext_Type.sq_contains = (o, key) => (o as PyContext).vars.has(checkVar(key));
PyContext_Type.tp_iter = (o) => PyObject_GetIterOfList([...(o as PyContext).vars.keys()]);
PyContext_Type.tp_richcompare = (a, b, op) => {
  if (!(b instanceof PyContext) || (op !== Py_EQ && op !== Py_NE)) return Py_NotImplemented;
  const x = (a as PyContext).vars;
  const y = b.vars;
  let eq = x.size === y.size;
  if (eq) {
    for (const [k, v] of x) {
      const w = y.get(k);
      if (w === undefined || !PyObject_RichCompareBool(v, w, Py_EQ)) {
        eq = false;
        break;
      }
    }
  }
  return op === Py_EQ ? eq : !eq;
};

function PyObject_GetIterOfList(items: PyObject[]): PyObject {
  const l = new PyList(items);
  return Py_TYPE(l).tp_iter!(l);
}

const getParser = new ArgParser("get", ["key", "default"], { required: 1, posonly: 2 });

function contextRun(self: PyObject, args: readonly PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  if (nargs < 1) throw typeError("run() missing 1 required positional argument");
  const ctx = self as PyContext;
  PyContext_Enter(ctx);
  try {
    return PyObject_Vectorcall(args[start], args, start + 1, nargs - 1, kwnames);
  } finally {
    PyContext_Exit(ctx);
  }
}

PyContext_Type.tp_methods = [
  {
    name: "run",
    kind: "fast",
    fn: contextRun as PyMethodDef["fn"],
    inline: (self) => {
      const ctx = self as PyContext;
      PyContext_Enter(ctx);
      return () => PyContext_Exit(ctx);
    },
  },
  { name: "copy", kind: "noargs", fn: ((self: PyObject) => (self as PyContext).copy()) as PyMethodDef["fn"] },
  {
    name: "get",
    kind: "fast",
    fn: ((self: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null) => {
      const [key, dflt] = getParser.parse(args, start, nargs, kw);
      return (self as PyContext).vars.get(checkVar(key!)) ?? dflt ?? Py_None;
    }) as PyMethodDef["fn"],
  },
  { name: "keys", kind: "noargs", fn: ((self: PyObject) => new PyList([...(self as PyContext).vars.keys()])) as PyMethodDef["fn"] },
  { name: "values", kind: "noargs", fn: ((self: PyObject) => new PyList([...(self as PyContext).vars.values()])) as PyMethodDef["fn"] },
  {
    name: "items",
    kind: "noargs",
    fn: ((self: PyObject) => new PyList([...(self as PyContext).vars].map(([k, v]) => new PyTuple([k, v])))) as PyMethodDef["fn"],
  },
];

// ---- ContextVar ----------------------------------------------------------------------------------

const varParser = new ArgParser("ContextVar", ["name", "default"], { required: 1, posonly: 1, kwonlyStart: 1 });

PyContextVar_Type.tp_new = (_type, args, start, nargs, kwnames) => {
  const [name, dflt] = varParser.parse(args, start, nargs, kwnames);
  if (typeof name !== "string") throw typeError("context variable name must be a str");
  return new PyContextVar(name, dflt);
};
PyContextVar_Type.tp_repr = (o) => {
  const v = o as PyContextVar;
  const d = v.dflt === null ? "" : ` default=${PyObject_Repr(v.dflt)}`;
  return `<ContextVar name=${PyObject_Repr(v.name)}${d} at ${addressOf(o)}>`;
};
const varGetParser = new ArgParser("get", ["default"], { posonly: 1 });
PyContextVar_Type.tp_methods = [
  {
    name: "get",
    kind: "fast",
    fn: ((self: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null) => {
      const [dflt] = varGetParser.parse(args, start, nargs, kw);
      const r = PyContextVar_Get(self as PyContextVar, dflt);
      if (r === null) throw newException(PyExc_LookupError, [self]);
      return r;
    }) as PyMethodDef["fn"],
  },
  { name: "set", kind: "o", fn: ((self: PyObject, value: PyObject) => PyContextVar_Set(self as PyContextVar, value)) as PyMethodDef["fn"] },
  {
    name: "reset",
    kind: "o",
    fn: ((self: PyObject, tok: PyObject) => {
      if (!(tok instanceof PyContextToken)) throw typeError(`expected an instance of Token, got ${PyObject_Repr(tok)}`);
      PyContextVar_Reset(self as PyContextVar, tok);
      return Py_None;
    }) as PyMethodDef["fn"],
  },
  { name: "__class_getitem__", kind: "o", binding: "class", fn: ((cls: PyObject, item: PyObject) => Py_GenericAlias(cls, item)) as PyMethodDef["fn"] },
];
PyContextVar_Type.tp_getset = [
  {
    name: "name",
    get: (o) => (o as PyContextVar).name,
    set: () => {
      throw attributeError("readonly attribute");
    },
  },
];

// ---- Token -----------------------------------------------------------------------------------------

PyContextToken_Type.tp_new = null;
PyContextToken_Type.tp_repr = (o) => tokenRepr(o as PyContextToken);
PyContextToken_Type.tp_getset = [
  { name: "var", get: (o) => (o as PyContextToken).v },
  { name: "old_value", get: (o) => (o as PyContextToken).old ?? Token_MISSING },
];
PyContextToken_Type.tp_methods = [
  { name: "__enter__", kind: "noargs", fn: ((self: PyObject) => self) as PyMethodDef["fn"] },
  {
    name: "__exit__",
    kind: "fast",
    fn: ((self: PyObject, _a: readonly PyObject[], _s: number, nargs: number) => {
      checkPositional("__exit__", nargs, 3, 3);
      const t = self as PyContextToken;
      PyContextVar_Reset(t.v, t);
      return Py_None;
    }) as PyMethodDef["fn"],
  },
  { name: "__class_getitem__", kind: "o", binding: "class", fn: ((cls: PyObject, item: PyObject) => Py_GenericAlias(cls, item)) as PyMethodDef["fn"] },
];
typeDict(PyContextToken_Type).set("MISSING", Token_MISSING);
