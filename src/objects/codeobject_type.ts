// CPython: Objects/codeobject.c — the `code` type as Python code sees it: the co_* attributes,
// equality and hash by content (code_richcompare, code_hash), repr, co_positions(), co_lines() and
// replace() / __replace__ (code_replace_impl).
import { type PyObject, type PyMethodDef, Py_None, Py_TYPE, Py_NotImplemented, Py_EQ, Py_NE, newStaticType, PyBaseObject_Type } from "./object.js";
import { PyCodeObject } from "./codeobject.js";
import { PyTuple } from "./tupleobject.js";
import { PyBytes } from "./bytesobject.js";
import { PyObject_Hash, PyObject_RichCompareBool } from "./abstract.js";
import { addressOf } from "./methodobject.js";
import { PyList } from "./listobject.js";
import { PyObject_GetIter, PyNumber_Index } from "./abstract.js";
import { CO_FAST_CELL, CO_FAST_FREE, CO_FAST_LOCAL, type PyCodeConstructor } from "./codeobject.js";
import { ArgParser } from "../python/getargs.js";
import { typeError, valueError } from "../python/errors.js";
import { asStr } from "./unicodeobject.js";
import { bytesLike } from "./bytesobject.js";

export const PyCode_Type = newStaticType("code", PyBaseObject_Type, 0);
PyCodeObject.prototype.ob_type = PyCode_Type;

function co(v: PyObject): PyCodeObject {
  return v as PyCodeObject;
}

PyCode_Type.tp_getset = [
  { name: "co_argcount", get: (v) => co(v).co_argcount },
  { name: "co_posonlyargcount", get: (v) => co(v).co_posonlyargcount },
  { name: "co_kwonlyargcount", get: (v) => co(v).co_kwonlyargcount },
  { name: "co_stacksize", get: (v) => co(v).co_stacksize },
  { name: "co_flags", get: (v) => co(v).co_flags },
  { name: "co_nlocals", get: (v) => co(v).co_nlocals },
  { name: "co_firstlineno", get: (v) => co(v).co_firstlineno },
  { name: "co_code", get: (v) => new PyBytes(co(v).co_code) },
  { name: "co_consts", get: (v) => new PyTuple(co(v).co_consts.slice()) },
  { name: "co_names", get: (v) => new PyTuple(co(v).co_names.slice()) },
  { name: "co_varnames", get: (v) => new PyTuple(co(v).co_varnames) },
  { name: "co_cellvars", get: (v) => new PyTuple(co(v).co_cellvars) },
  { name: "co_freevars", get: (v) => new PyTuple(co(v).co_freevars) },
  { name: "co_filename", get: (v) => co(v).co_filename },
  { name: "co_name", get: (v) => co(v).co_name },
  { name: "co_qualname", get: (v) => co(v).co_qualname },
  { name: "co_linetable", get: (v) => new PyBytes(co(v).co_linetable) },
  { name: "co_exceptiontable", get: (v) => new PyBytes(co(v).co_exceptiontable) },
  { name: "_co_localsplusnames", get: (v) => new PyTuple(co(v).co_localsplusnames.slice()) },
  { name: "_co_localspluskinds", get: (v) => new PyBytes(co(v).co_localspluskinds) },
];

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function arraysEqual(a: readonly PyObject[], b: readonly PyObject[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!PyObject_RichCompareBool(a[i], b[i], Py_EQ)) return false;
  return true;
}

/** code_richcompare: equal when every field is. */
function codeEqual(a: PyCodeObject, b: PyCodeObject): boolean {
  return (
    a === b ||
    (a.co_name === b.co_name && a.co_qualname === b.co_qualname && a.co_argcount === b.co_argcount &&
      a.co_posonlyargcount === b.co_posonlyargcount && a.co_kwonlyargcount === b.co_kwonlyargcount &&
      a.co_flags === b.co_flags && a.co_firstlineno === b.co_firstlineno && bytesEqual(a.co_code, b.co_code) &&
      arraysEqual(a.co_consts, b.co_consts) && arraysEqual(a.co_names, b.co_names) &&
      arraysEqual(a.co_localsplusnames, b.co_localsplusnames) && bytesEqual(a.co_localspluskinds, b.co_localspluskinds) &&
      bytesEqual(a.co_linetable, b.co_linetable) && bytesEqual(a.co_exceptiontable, b.co_exceptiontable))
  );
}

PyCode_Type.tp_richcompare = (v, w, op) => {
  if (!(w instanceof PyCodeObject) || (op !== Py_EQ && op !== Py_NE)) return Py_NotImplemented;
  const eq = codeEqual(co(v), w);
  return op === Py_EQ ? eq : !eq;
};
PyCode_Type.tp_hash = (v) => {
  const c = co(v);
  return PyObject_Hash(new PyTuple([c.co_name, c.co_qualname, c.co_argcount, c.co_flags, c.co_firstlineno, new PyBytes(c.co_code)]));
};
PyCode_Type.tp_repr = (v) => {
  const c = co(v);
  return `<code object ${c.co_name} at ${addressOf(c)}, file "${c.co_filename}", line ${c.co_firstlineno}>`;
};
const orNone = (n: number | null): PyObject => (n === null ? Py_None : n);

const REPLACE_FIELDS = [
  "co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_nlocals", "co_stacksize", "co_flags", "co_firstlineno",
  "co_code", "co_consts", "co_names", "co_varnames", "co_freevars", "co_cellvars", "co_filename", "co_name", "co_qualname",
  "co_linetable", "co_exceptiontable",
] as const;
const replaceArgs = new ArgParser("replace", REPLACE_FIELDS, { kwonlyStart: 0 });

function intField(name: string, v: PyObject | null, cur: number): number {
  if (v === null) return cur;
  const n = PyNumber_Index(v);
  if (typeof n !== "number" || n < -1 || n > 0x7fffffff) throw valueError(`${name} must be a positive integer`);
  return n === -1 ? cur : n;
}
function strField(name: string, v: PyObject | null, cur: string): string {
  if (v === null) return cur;
  const s = asStr(v);
  if (s === null) throw typeError(`replace() argument '${name}' must be str, not ${Py_TYPE(v).tp_name}`);
  return s;
}
function bytesField(name: string, v: PyObject | null, cur: Uint8Array): Uint8Array {
  if (v === null) return cur;
  if (!(v instanceof PyBytes)) throw typeError(`replace() argument '${name}' must be bytes, not ${Py_TYPE(v).tp_name}`);
  return bytesLike(v)!.slice();
}
function tupleField(name: string, v: PyObject | null): PyObject[] | null {
  if (v === null) return null;
  if (!(v instanceof PyTuple)) throw typeError(`replace() argument '${name}' must be tuple, not ${Py_TYPE(v).tp_name}`);
  return v.items.slice();
}
function namesField(name: string, v: PyObject | null): string[] | null {
  const items = tupleField(name, v);
  if (items === null) return null;
  return items.map((x) => {
    const s = asStr(x);
    if (s === null) throw typeError("name tuples must contain only strings, not '" + Py_TYPE(x).tp_name + "'");
    return s;
  });
}

/** localsplus names and kinds from varnames, cellvars and freevars (CPython: _Py_set_localsplus_info's inverse). */
function localsPlus(c: PyCodeObject, varnames: string[], cellvars: string[], freevars: string[]): [string[], Uint8Array] {
  const names: string[] = [];
  const kinds: number[] = [];
  const oldKind = new Map<string, number>();
  c.co_localsplusnames.forEach((n, i) => oldKind.set(n, c.co_localspluskinds[i]));
  varnames.forEach((n, i) => {
    // keep the argument bits of the slot's old kind (renaming keeps what a slot is)
    const old = c.co_localspluskinds[c.co_localsplusnames.indexOf(c.co_varnames[i] ?? "")] ?? CO_FAST_LOCAL;
    names.push(n);
    kinds.push((old & ~CO_FAST_CELL & ~CO_FAST_FREE) | CO_FAST_LOCAL);
  });
  for (const n of cellvars) {
    const at = names.indexOf(n);
    if (at >= 0) kinds[at] |= CO_FAST_CELL;
    else {
      names.push(n);
      kinds.push(CO_FAST_CELL);
    }
  }
  for (const n of freevars) {
    names.push(n);
    kinds.push(CO_FAST_FREE);
  }
  void oldKind;
  return [names, Uint8Array.from(kinds)];
}

/** code.replace(**changes) (CPython: code_replace_impl). */
function codeReplace(v: PyObject, args: readonly PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  const c = co(v);
  const a = replaceArgs.parse(args, start, nargs, kwnames);
  const f = (name: (typeof REPLACE_FIELDS)[number]): PyObject | null => a[REPLACE_FIELDS.indexOf(name)];
  const varnames = namesField("co_varnames", f("co_varnames"));
  const cellvars = namesField("co_cellvars", f("co_cellvars"));
  const freevars = namesField("co_freevars", f("co_freevars"));
  let localsplusnames = c.co_localsplusnames.slice();
  let localspluskinds: Uint8Array = c.co_localspluskinds.slice();
  if (varnames !== null || cellvars !== null || freevars !== null) {
    [localsplusnames, localspluskinds] = localsPlus(c, varnames ?? c.co_varnames, cellvars ?? c.co_cellvars, freevars ?? c.co_freevars);
  }
  const names = namesField("co_names", f("co_names"));
  const con: PyCodeConstructor = {
    filename: strField("co_filename", f("co_filename"), c.co_filename),
    name: strField("co_name", f("co_name"), c.co_name),
    qualname: strField("co_qualname", f("co_qualname"), c.co_qualname),
    flags: intField("co_flags", f("co_flags"), c.co_flags),
    code: bytesField("co_code", f("co_code"), c.co_code),
    firstlineno: intField("co_firstlineno", f("co_firstlineno"), c.co_firstlineno),
    linetable: bytesField("co_linetable", f("co_linetable"), c.co_linetable),
    consts: tupleField("co_consts", f("co_consts")) ?? c.co_consts.slice(),
    names: names ?? c.co_names.slice(),
    localsplusnames,
    localspluskinds,
    argcount: intField("co_argcount", f("co_argcount"), c.co_argcount),
    posonlyargcount: intField("co_posonlyargcount", f("co_posonlyargcount"), c.co_posonlyargcount),
    kwonlyargcount: intField("co_kwonlyargcount", f("co_kwonlyargcount"), c.co_kwonlyargcount),
    stacksize: intField("co_stacksize", f("co_stacksize"), c.co_stacksize),
    exceptiontable: bytesField("co_exceptiontable", f("co_exceptiontable"), c.co_exceptiontable),
  };
  intField("co_nlocals", f("co_nlocals"), c.co_nlocals);
  return new PyCodeObject(con);
}

PyCode_Type.tp_methods = [
  { name: "replace", kind: "fast", fn: codeReplace as PyMethodDef["fn"] },
  { name: "__replace__", kind: "fast", fn: codeReplace as PyMethodDef["fn"] },
  {
    // one (lineno, end_lineno, col_offset, end_col_offset) per code unit (CPython: code_positionsiterator)
    name: "co_positions",
    kind: "noargs",
    fn: ((v: PyObject) => {
      const rows = co(v).co_positions().map((p) => new PyTuple([orNone(p.lineno), orNone(p.endLineno), orNone(p.col), orNone(p.endCol)]));
      return PyObject_GetIter(new PyList(rows));
    }) as PyMethodDef["fn"],
  },
  {
    // (start, end, lineno) byte ranges (CPython: code_linesiterator)
    name: "co_lines",
    kind: "noargs",
    fn: ((v: PyObject) => PyObject_GetIter(new PyList(co(v).co_lines().map(([a, b, l]) => new PyTuple([a, b, orNone(l)]))))) as PyMethodDef["fn"],
  },
];
