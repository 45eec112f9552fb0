// CPython: Python/bltinmodule.c
//
// The builtins module. Each function is declared once with its argument parsing (getargs.ts), which
// produces CPython's messages for wrong calls.
import "../objects/init.js";
import {
  type PyObject, PyTypeObject, Py_TYPE, PyType_IsSubtype, Py_None, Py_Ellipsis, Py_NotImplemented, PyBaseObject_Type,
  PyType_Type, PyLong_Type, PyBool_Type, PyUnicode_Type, Py_LT, Py_GT,
} from "../objects/object.js";
import { PyTuple, PyTuple_Type } from "../objects/tupleobject.js";
import { PyList, PyList_Type, listSort } from "../objects/listobject.js";
import { PyDict, PyDict_Type } from "../objects/dictobject.js";
import { PyFloat, PyFloat_Type } from "../objects/floatobject.js";
import { PyComplex_Type } from "../objects/complexobject.js";
import { PyBytes, PyBytes_Type, PyByteArray_Type } from "../objects/bytesobject.js";
import { PyMemoryView_Type } from "../objects/memoryobject.js";
import { PyRange_Type } from "../objects/rangeobject.js";
import { PySlice_Type } from "../objects/sliceobject.js";
import { PyEnum_Type, PyReversed_Type, PyZip_Type, PyMap_Type, PyFilter_Type } from "../objects/enumobject.js";
import { PyProperty_Type, PyClassMethod_Type, PyStaticMethod_Type } from "../objects/descrobject.js";
import { PySuper_Type, instanceDict, typeDict } from "../objects/typeobject.js";
import { PyModule } from "../objects/moduleobject.js";
import { newBuiltinFunction, idOf, type FastFunc } from "../objects/methodobject.js";
import { PyCallIter } from "../objects/iterobject.js";
import { PySet_Type, PyFrozenSet_Type } from "../objects/setobject.js";
import { builtinExceptionTypes, PyExc_StopIteration, PyExc_AttributeError } from "../objects/exceptions.js";
import {
  PyObject_Repr, PyObject_Str, PyObject_ASCII, PyObject_Size, PyObject_Hash, PyObject_IsTrue, PyObject_GetIter,
  PyIter_Next, PyObject_GetAttr, PyObject_GetOptionalAttr, PyObject_SetAttr, PyObject_DelAttr, PyCallable_Check,
  PyNumber_Absolute, PyNumber_Divmod, PyNumber_Power, PyNumber_Add, PyNumber_Index, PyObject_RichCompareBool,
  PyObject_Vectorcall, PyObject_CallNoArgs, PyObject_CallOneArg, _PyObject_LookupSpecial, PyObject_Format,
  iterableToArray, PyIter_Check,
} from "../objects/abstract.js";
import { type PyInt, long_add, long_sign } from "../objects/longobject.js";
import { typeError, valueError, PyErr_ExceptionMatches, stopIteration } from "./errors.js";
import { ArgParser, checkPositional, noKeywords } from "./getargs.js";
import { writeSync } from "node:fs";
import { overflowError } from "./errors.js";
import { PyFunctionObject } from "../objects/funcobject.js";
import { PyCellObject } from "../objects/cellobject.js";
import { _PyEval_Vector } from "../vm/ceval.js";
import { PyThreadState_Get } from "../vm/pystate.js";
import { calculateMetaclass } from "../objects/typeobject.js";
import { PyObject_SetItem } from "../objects/abstract.js";
import { compileStringObject } from "../compiler/compile.js";
import { builtinCompile } from "./bltin_compile.js";
import { PyEval_EvalCode } from "../vm/ceval.js";
import { PyCodeObject, CO_FAST_FREE, CO_FAST_CELL, CO_FAST_HIDDEN } from "../objects/codeobject.js";
import type { _PyInterpreterFrame } from "../vm/frame.js";
import { readSync } from "node:fs";
import { newException, PyExc_EOFError } from "../objects/exceptions.js";
import { PyImport_ImportModuleLevel } from "./import.js";
import "../modules/index.js";

// --- stdout -----------------------------------------------------------------------------------------

/** Buffered writer to a file descriptor; flushed when large and at exit. */
export class FdWriter {
  private buf: string[] = [];
  private size = 0;
  constructor(private readonly fd: number) {}
  write(s: string): void {
    this.buf.push(s);
    this.size += s.length;
    if (this.size > 1 << 16) this.flush();
  }
  flush(): void {
    if (this.size === 0 && this.buf.length === 0) return;
    const data = this.buf.join("");
    this.buf = [];
    this.size = 0;
    const bytes = Buffer.from(data, "utf8");
    let off = 0;
    while (off < bytes.length) {
      try {
        off += writeSync(this.fd, bytes, off);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "EAGAIN") continue;
        throw e;
      }
    }
  }
}
export const stdoutWriter = new FdWriter(1);
export const stderrWriter = new FdWriter(2);
process.on("exit", () => {
  stdoutWriter.flush();
  stderrWriter.flush();
});

/** sys.stdout when it was replaced by Python code (set by the sys module); null means the fd writer. */
let sysStdoutHook: () => PyObject | null = () => null;
export function setSysStdoutHook(f: () => PyObject | null): void {
  sysStdoutHook = f;
}

// --- the module -------------------------------------------------------------------------------------

export const builtinsModule = new PyModule("builtins", "Built-in functions, types, exceptions, and other objects.");
export const builtinsDict: PyDict = builtinsModule.dict;

function def(name: string, fn: FastFunc): void {
  builtinsDict.setStr(name, newBuiltinFunction(name, fn));
}

/** METH_O: exactly one positional argument. */
function defO(name: string, fn: (arg: PyObject) => PyObject): void {
  def(name, (_self, args, start, nargs, kwnames) => {
    if (kwnames !== null && kwnames.items.length) throw typeError(`${name}() takes no keyword arguments`);
    if (nargs !== 1) throw typeError(`${name}() takes exactly one argument (${nargs} given)`);
    return fn(args[start]);
  });
}

function kwArgs(args: readonly PyObject[], start: number, nargs: number, kwnames: PyTuple | null): Map<string, PyObject> {
  const m = new Map<string, PyObject>();
  if (kwnames !== null) kwnames.items.forEach((k, i) => m.set(k as string, args[start + nargs + i]));
  return m;
}

// print(*args, sep=' ', end='\n', file=None, flush=False)
def("print", (_self, args, start, nargs, kwnames) => {
  let sep: PyObject = Py_None;
  let end: PyObject = Py_None;
  let file: PyObject = Py_None;
  let flush: PyObject = false;
  if (kwnames !== null) {
    kwnames.items.forEach((k, i) => {
      const v = args[start + nargs + i];
      switch (k) {
        case "sep":
          sep = v;
          break;
        case "end":
          end = v;
          break;
        case "file":
          file = v;
          break;
        case "flush":
          flush = v;
          break;
        default:
          throw typeError(`print() got an unexpected keyword argument '${k as string}'`);
      }
    });
  }
  if (sep !== Py_None && typeof sep !== "string") throw typeError(`sep must be None or a string, not ${Py_TYPE(sep).tp_name}`);
  if (end !== Py_None && typeof end !== "string") throw typeError(`end must be None or a string, not ${Py_TYPE(end).tp_name}`);
  const sepS = typeof sep === "string" ? sep : " ";
  const endS = typeof end === "string" ? end : "\n";
  if (file === Py_None) file = sysStdoutHook() ?? Py_None;
  if (file === Py_None) {
    let out = "";
    for (let i = 0; i < nargs; i++) {
      if (i) out += sepS;
      const a = args[start + i];
      out += typeof a === "string" ? a : PyObject_Str(a);
    }
    stdoutWriter.write(out + endS);
    if (PyObject_IsTrue(flush)) stdoutWriter.flush();
    return Py_None;
  }
  const write = PyObject_GetAttr(file, "write");
  for (let i = 0; i < nargs; i++) {
    if (i) PyObject_CallOneArg(write, sepS);
    PyObject_CallOneArg(write, PyObject_Str(args[start + i]));
  }
  PyObject_CallOneArg(write, endS);
  if (PyObject_IsTrue(flush)) PyObject_CallNoArgs(PyObject_GetAttr(file, "flush"));
  return Py_None;
});

defO("len", (o) => PyObject_Size(o));
defO("repr", (o) => PyObject_Repr(o));
defO("ascii", (o) => PyObject_ASCII(o));
defO("abs", (o) => PyNumber_Absolute(o));
defO("callable", (o) => PyCallable_Check(o));
defO("hash", (o) => PyObject_Hash(o));
defO("id", (o) => idOf(o));

function allAny(o: PyObject, want: boolean): boolean {
  const it = PyObject_GetIter(o);
  for (let x = PyIter_Next(it); x !== null; x = PyIter_Next(it)) {
    if (PyObject_IsTrue(x) === want) return want;
  }
  return !want;
}
defO("all", (o) => allAny(o, false));
defO("any", (o) => allAny(o, true));

defO("chr", (o) => {
  const i = PyNumber_Index(o);
  if (typeof i !== "number" || i < 0 || i > 0x10ffff) {
    if (typeof i === "bigint") throw newOverflow("Python int too large to convert to C int");
    throw valueError("chr() arg not in range(0x110000)");
  }
  return String.fromCodePoint(i);
});
const newOverflow = overflowError;

defO("ord", (o) => {
  if (typeof o === "string") {
    const n = [...o].length;
    if (n !== 1) throw typeError(`ord() expected a character, but string of length ${n} found`);
    return o.codePointAt(0) as number;
  }
  if (o instanceof PyBytes) {
    if (o.value.length !== 1) throw typeError(`ord() expected a character, but string of length ${o.value.length} found`);
    return o.value[0];
  }
  throw typeError(`ord() expected string of length 1, but ${Py_TYPE(o).tp_name} found`);
});

function radix(o: PyObject, base: number, prefix: string): string {
  const i = PyNumber_Index(o);
  const neg = long_sign(i) < 0;
  const a = neg ? (typeof i === "number" ? -i : -i) : i;
  return (neg ? "-" : "") + prefix + a.toString(base);
}
defO("hex", (o) => radix(o, 16, "0x"));
defO("oct", (o) => radix(o, 8, "0o"));
defO("bin", (o) => radix(o, 2, "0b"));

def("divmod", (_s, args, start, nargs, kw) => {
  noKeywords("divmod", kw);
  checkPositional("divmod", nargs, 2, 2);
  return PyNumber_Divmod(args[start], args[start + 1]);
});

const powArgs = new ArgParser("pow", ["base", "exp", "mod"], { required: 2 });
def("pow", (_s, args, start, nargs, kw) => {
  const [b, e, m] = powArgs.parse(args, start, nargs, kw);
  return PyNumber_Power(b as PyObject, e as PyObject, m ?? Py_None);
});

const roundArgs = new ArgParser("round", ["number", "ndigits"], { required: 1 });
def("round", (_s, args, start, nargs, kw) => {
  const [num, nd] = roundArgs.parse(args, start, nargs, kw);
  const meth = _PyObject_LookupSpecial(num as PyObject, "__round__");
  if (meth === null) throw typeError(`type ${Py_TYPE(num as PyObject).tp_name} doesn't define __round__ method`);
  if (nd === null || nd === Py_None) return PyObject_CallNoArgs(meth);
  return PyObject_CallOneArg(meth, nd);
});

const sumArgs = new ArgParser("sum", ["iterable", "start"], { posonly: 1, required: 1 });
def("sum", (_s, args, start, nargs, kw) => {
  const [iterable, st] = sumArgs.parse(args, start, nargs, kw);
  let result: PyObject = st ?? 0;
  if (typeof result === "string") throw typeError("sum() can't sum strings [use ''.join(seq) instead]");
  if (result instanceof PyBytes) throw typeError("sum() can't sum bytes [use b''.join(seq) instead]");
  const it = PyObject_GetIter(iterable as PyObject);
  // exact float summation like CPython's (Neumaier compensation)
  for (let x = PyIter_Next(it); x !== null; x = PyIter_Next(it)) {
    if (typeof result === "number" && typeof x === "number") {
      const r: number = result + x;
      result = Number.isSafeInteger(r) ? r : long_add(result, x);
      continue;
    }
    if (result instanceof PyFloat && Py_TYPE(result) === PyFloat_Type && (x instanceof PyFloat && Py_TYPE(x) === PyFloat_Type || typeof x === "number")) {
      let f = result.value;
      let c = 0;
      let y: PyObject | null = x;
      while (y !== null && ((y instanceof PyFloat && Py_TYPE(y) === PyFloat_Type) || typeof y === "number" || typeof y === "boolean")) {
        const v: number = y instanceof PyFloat ? y.value : Number(y);
        const t = f + v;
        if (Math.abs(f) >= Math.abs(v)) c += f - t + v;
        else c += v - t + f;
        f = t;
        y = PyIter_Next(it);
      }
      const total = c !== 0 && Number.isFinite(c) ? f + c : f;
      result = new PyFloat(total);
      if (y === null) break;
      result = PyNumber_Add(result, y);
      continue;
    }
    result = PyNumber_Add(result, x);
  }
  return result;
});

function minmax(name: string, op: number): FastFunc {
  return (_s, args, start, nargs, kwnames) => {
    const kw = kwArgs(args, start, nargs, kwnames);
    let key: PyObject = Py_None;
    let dflt: PyObject | null = null;
    for (const [k, v] of kw) {
      if (k === "key") key = v;
      else if (k === "default") dflt = v;
      else throw typeError(`${name}() got an unexpected keyword argument '${k}'`);
    }
    if (nargs === 0) throw typeError(`${name} expected at least 1 argument, got 0`);
    let items: PyObject[];
    if (nargs === 1) items = iterableToArray(args[start]);
    else {
      if (dflt !== null) throw typeError(`Cannot specify a default for ${name}() with multiple positional arguments`);
      items = args.slice(start, start + nargs);
    }
    if (items.length === 0) {
      if (dflt !== null) return dflt;
      throw valueError(`${name}() iterable argument is empty`);
    }
    let best = items[0];
    let bestKey = key === Py_None ? best : PyObject_CallOneArg(key, best);
    for (let i = 1; i < items.length; i++) {
      const k = key === Py_None ? items[i] : PyObject_CallOneArg(key, items[i]);
      if (PyObject_RichCompareBool(k, bestKey, op)) {
        best = items[i];
        bestKey = k;
      }
    }
    return best;
  };
}
def("min", minmax("min", Py_LT));
def("max", minmax("max", Py_GT));

const sortedArgs = new ArgParser("sort", ["key", "reverse"], { kwonlyStart: 0 });
def("sorted", (_s, args, start, nargs, kw) => {
  checkPositional("sorted", nargs, 1, 1);
  const l = new PyList(iterableToArray(args[start]));
  const [key, reverse] = sortedArgs.parse(args, start + 1, 0, kw);
  listSort(l, key ?? Py_None, reverse !== null && PyObject_IsTrue(reverse));
  return l;
});

def("iter", (_s, args, start, nargs, kw) => {
  noKeywords("iter", kw);
  checkPositional("iter", nargs, 1, 2);
  if (nargs === 1) return PyObject_GetIter(args[start]);
  if (!PyCallable_Check(args[start])) throw typeError("iter(v, w): v must be callable");
  return new PyCallIter(args[start], args[start + 1]);
});

def("next", (_s, args, start, nargs, kw) => {
  noKeywords("next", kw);
  checkPositional("next", nargs, 1, 2);
  const it = args[start];
  if (!PyIter_Check(it)) throw typeError(`'${Py_TYPE(it).tp_name}' object is not an iterator`);
  const r = PyIter_Next(it);
  if (r !== null) return r;
  if (nargs === 2) return args[start + 1];
  throw stopIteration();
});

def("getattr", (_s, args, start, nargs, kw) => {
  noKeywords("getattr", kw);
  checkPositional("getattr", nargs, 2, 3);
  const name = args[start + 1];
  if (typeof name !== "string") throw typeError(`attribute name must be string, not '${Py_TYPE(name).tp_name}'`);
  if (nargs === 3) {
    const r = PyObject_GetOptionalAttr(args[start], name);
    return r ?? args[start + 2];
  }
  return PyObject_GetAttr(args[start], name);
});
def("setattr", (_s, args, start, nargs, kw) => {
  noKeywords("setattr", kw);
  checkPositional("setattr", nargs, 3, 3);
  const name = args[start + 1];
  if (typeof name !== "string") throw typeError(`attribute name must be string, not '${Py_TYPE(name).tp_name}'`);
  PyObject_SetAttr(args[start], name, args[start + 2]);
  return Py_None;
});
def("delattr", (_s, args, start, nargs, kw) => {
  noKeywords("delattr", kw);
  checkPositional("delattr", nargs, 2, 2);
  const name = args[start + 1];
  if (typeof name !== "string") throw typeError(`attribute name must be string, not '${Py_TYPE(name).tp_name}'`);
  PyObject_DelAttr(args[start], name);
  return Py_None;
});
def("hasattr", (_s, args, start, nargs, kw) => {
  noKeywords("hasattr", kw);
  checkPositional("hasattr", nargs, 2, 2);
  const name = args[start + 1];
  if (typeof name !== "string") throw typeError(`attribute name must be string, not '${Py_TYPE(name).tp_name}'`);
  return PyObject_GetOptionalAttr(args[start], name) !== null;
});

/** isinstance(inst, cls) (CPython: PyObject_IsInstance). */
export function PyObject_IsInstance(inst: PyObject, cls: PyObject): boolean {
  if (Py_TYPE(inst) === cls) return true;
  if (cls instanceof PyTypeObject && Py_TYPE(cls) === PyType_Type) return recursiveIsInstance(inst, cls);
  if (cls instanceof PyTuple) {
    for (const c of cls.items) if (PyObject_IsInstance(inst, c)) return true;
    return false;
  }
  const check = _PyObject_LookupSpecial(cls, "__instancecheck__");
  if (check !== null) return PyObject_IsTrue(PyObject_CallOneArg(check, inst));
  if (!(cls instanceof PyTypeObject)) throw typeError("isinstance() arg 2 must be a type, a tuple of types, or a union");
  return recursiveIsInstance(inst, cls);
}
function recursiveIsInstance(inst: PyObject, cls: PyTypeObject): boolean {
  if (PyType_IsSubtype(Py_TYPE(inst), cls)) return true;
  const c = PyObject_GetOptionalAttr(inst, "__class__");
  return c instanceof PyTypeObject && c !== Py_TYPE(inst) && PyType_IsSubtype(c, cls);
}

/** issubclass(derived, cls) (CPython: PyObject_IsSubclass). */
export function PyObject_IsSubclass(derived: PyObject, cls: PyObject): boolean {
  if (cls instanceof PyTypeObject && Py_TYPE(cls) === PyType_Type) {
    if (derived === cls) return true;
    if (!(derived instanceof PyTypeObject)) {
      const bases = PyObject_GetOptionalAttr(derived, "__bases__");
      if (!(bases instanceof PyTuple)) throw typeError("issubclass() arg 1 must be a class");
      return bases.items.some((b) => PyObject_IsSubclass(b, cls));
    }
    return PyType_IsSubtype(derived, cls);
  }
  if (cls instanceof PyTuple) {
    for (const c of cls.items) if (PyObject_IsSubclass(derived, c)) return true;
    return false;
  }
  const check = _PyObject_LookupSpecial(cls, "__subclasscheck__");
  if (check !== null) return PyObject_IsTrue(PyObject_CallOneArg(check, derived));
  if (!(cls instanceof PyTypeObject)) throw typeError("issubclass() arg 2 must be a class, a tuple of classes, or a union");
  if (!(derived instanceof PyTypeObject)) throw typeError("issubclass() arg 1 must be a class");
  return PyType_IsSubtype(derived, cls);
}

def("isinstance", (_s, args, start, nargs, kw) => {
  noKeywords("isinstance", kw);
  checkPositional("isinstance", nargs, 2, 2);
  return PyObject_IsInstance(args[start], args[start + 1]);
});
def("issubclass", (_s, args, start, nargs, kw) => {
  noKeywords("issubclass", kw);
  checkPositional("issubclass", nargs, 2, 2);
  return PyObject_IsSubclass(args[start], args[start + 1]);
});

const formatArgs = new ArgParser("format", ["value", "format_spec"], { posonly: 2, required: 1 });
def("format", (_s, args, start, nargs, kw) => {
  const [v, spec] = formatArgs.parse(args, start, nargs, kw);
  if (spec !== null && typeof spec !== "string") throw typeError(`format() argument 2 must be str, not ${Py_TYPE(spec).tp_name}`);
  return PyObject_Format(v as PyObject, (spec as string | null) ?? "");
});

def("dir", (_s, args, start, nargs, kw) => {
  noKeywords("dir", kw);
  checkPositional("dir", nargs, 0, 1);
  if (nargs === 0) {
    const g = localsHook();
    return new PyList(iterableToArray(g).map((k) => k).sort());
  }
  const meth = _PyObject_LookupSpecial(args[start], "__dir__");
  if (meth === null) throw typeError("object does not provide __dir__");
  const names = iterableToArray(PyObject_CallNoArgs(meth));
  const l = new PyList(names);
  listSort(l, Py_None, false);
  return l;
});

def("vars", (_s, args, start, nargs, kw) => {
  noKeywords("vars", kw);
  checkPositional("vars", nargs, 0, 1);
  if (nargs === 0) return localsHook();
  const o = args[start];
  const d = PyObject_GetOptionalAttr(o, "__dict__");
  if (d === null) throw typeError("vars() argument must have __dict__ attribute");
  return d;
});

/** locals() of the running frame (set by the eval loop). */
let localsHook: () => PyObject = () => new PyDict();
export function setLocalsHook(f: () => PyObject): void {
  localsHook = f;
}

// --- types and constants ------------------------------------------------------------------------------

const types: [string, PyTypeObject][] = [
  ["object", PyBaseObject_Type], ["type", PyType_Type], ["int", PyLong_Type], ["bool", PyBool_Type],
  ["float", PyFloat_Type], ["complex", PyComplex_Type], ["str", PyUnicode_Type], ["tuple", PyTuple_Type],
  ["list", PyList_Type], ["dict", PyDict_Type], ["range", PyRange_Type], ["slice", PySlice_Type],
  ["enumerate", PyEnum_Type], ["reversed", PyReversed_Type], ["zip", PyZip_Type], ["map", PyMap_Type],
  ["filter", PyFilter_Type], ["property", PyProperty_Type], ["classmethod", PyClassMethod_Type],
  ["staticmethod", PyStaticMethod_Type], ["super", PySuper_Type], ["set", PySet_Type], ["frozenset", PyFrozenSet_Type],
  ["bytes", PyBytes_Type], ["bytearray", PyByteArray_Type], ["memoryview", PyMemoryView_Type],
];
for (const [n, t] of types) builtinsDict.setStr(n, t);
for (const [n, t] of builtinExceptionTypes()) builtinsDict.setStr(n, t);
builtinsDict.setStr("None", Py_None);
builtinsDict.setStr("Ellipsis", Py_Ellipsis);
builtinsDict.setStr("NotImplemented", Py_NotImplemented);
builtinsDict.setStr("False", false);
builtinsDict.setStr("True", true);
builtinsDict.setStr("__debug__", true);


// --- __build_class__ (CPython: builtin___build_class__) ------------------------------------------------


/** Replaces bases that define __mro_entries__ (CPython: update_bases). */
function updateBases(bases: PyObject[]): PyObject[] {
  let changed = false;
  const out: PyObject[] = [];
  for (const b of bases) {
    if (b instanceof PyTypeObject) {
      out.push(b);
      continue;
    }
    const meth = PyObject_GetOptionalAttr(b, "__mro_entries__");
    if (meth === null) {
      out.push(b);
      continue;
    }
    const r = PyObject_CallOneArg(meth, new PyTuple(bases));
    if (!(r instanceof PyTuple)) throw typeError("__mro_entries__ must return a tuple");
    out.push(...r.items);
    changed = true;
  }
  return changed ? out : bases;
}

def("__build_class__", (_s, args, start, nargs, kwnames) => {
  if (nargs < 2) throw typeError("__build_class__: not enough arguments");
  const func = args[start];
  if (!(func instanceof PyFunctionObject)) throw typeError("__build_class__: func must be a function");
  const name = args[start + 1];
  if (typeof name !== "string") throw typeError("__build_class__: name is not a string");
  const origBases = args.slice(start + 2, start + nargs);
  const bases = updateBases(origBases);
  const kw = kwArgs(args, start, nargs, kwnames);
  let meta: PyObject | undefined = kw.get("metaclass");
  kw.delete("metaclass");
  let isClass = false;
  if (meta === undefined) {
    meta = bases.length ? Py_TYPE(bases[0]) : PyType_Type;
    isClass = true;
  } else isClass = meta instanceof PyTypeObject;
  if (isClass) meta = calculateMetaclass(meta as PyTypeObject, bases);
  const kwNames = [...kw.keys()];
  const kwVals = [...kw.values()];
  const kwTuple = kwNames.length ? new PyTuple(kwNames) : null;
  const prep = PyObject_GetOptionalAttr(meta, "__prepare__");
  const ns = prep === null ? new PyDict() : PyObject_Vectorcall(prep, [name, new PyTuple(bases), ...kwVals], 0, 2, kwTuple);
  if (Py_TYPE(ns).mp_subscript === null) {
    throw typeError(`${isClass ? (meta as PyTypeObject).tp_name : "<metaclass>"}.__prepare__() must return a mapping, not ${Py_TYPE(ns).tp_name}`);
  }
  const cell = _PyEval_Vector(PyThreadState_Get(), func, ns, [], 0, 0, null);
  if (bases !== origBases) PyObject_SetItem(ns, "__orig_bases__", new PyTuple(origBases));
  const cls = PyObject_Vectorcall(meta, [name, new PyTuple(bases), ns, ...kwVals], 0, 3, kwTuple);
  if (cls instanceof PyTypeObject && cell instanceof PyCellObject) {
    if (cell.ob_ref !== cls) {
      if (cell.ob_ref === null) cell.ob_ref = cls;
      else {
        throw typeError(`__class__ set to ${PyObject_Repr(cell.ob_ref)} defining ${PyObject_Repr(name)} as ${PyObject_Repr(cls)}`);
      }
    }
  }
  return cls;
});

// --- globals, locals, eval, exec, compile (CPython: builtin_globals/locals/eval/exec/compile) -------------


function currentFrame(): _PyInterpreterFrame | null {
  return PyThreadState_Get().current_frame;
}

/** The running frame's locals as a mapping (a snapshot dict for function frames). */
function frameLocals(f: _PyInterpreterFrame): PyObject {
  if (f.f_locals !== null) return f.f_locals;
  const co = f.f_executable;
  const d = new PyDict();
  const names = co.co_localsplusnames;
  const kinds = co.co_localspluskinds;
  for (let i = 0; i < names.length; i++) {
    if (kinds[i] & CO_FAST_HIDDEN) continue;
    let v = f.localsplus[i];
    if (v instanceof PyCellObject && kinds[i] & (CO_FAST_CELL | CO_FAST_FREE)) v = v.ob_ref;
    if (v !== null && v !== undefined) d.setStr(names[i] as string, v);
  }
  return d;
}

def("globals", (_s, _args, _start, nargs, kw) => {
  noKeywords("globals", kw);
  if (nargs !== 0) throw typeError(`globals() takes no arguments (${nargs} given)`);
  const f = currentFrame();
  return f === null ? new PyDict() : f.f_globals;
});
def("locals", (_s, _args, _start, nargs, kw) => {
  noKeywords("locals", kw);
  if (nargs !== 0) throw typeError(`locals() takes no arguments (${nargs} given)`);
  const f = currentFrame();
  return f === null ? new PyDict() : frameLocals(f);
});
setLocalsHook(() => {
  const f = currentFrame();
  return f === null ? new PyDict() : frameLocals(f);
});

function sourceArg(fname: string, src: PyObject): string | Uint8Array {
  if (typeof src === "string") return src;
  if (src instanceof PyBytes) return src.value;
  throw typeError(`${fname}() arg 1 must be a string, bytes or code object`);
}

function evalOrExec(fname: "eval" | "exec", args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null): PyObject {
  const [src, g, l] = (fname === "eval" ? evalArgs : execArgs).parse(args, start, nargs, kw);
  let globals: PyObject | null = g === null || g === Py_None ? null : g;
  let locals: PyObject | null = l === null || l === Py_None ? null : l;
  if (globals !== null && !(globals instanceof PyDict)) {
    throw typeError(fname === "eval" ? "globals must be a real dict; try eval(expr, {}, mapping)" : `exec() globals must be a dict, not ${Py_TYPE(globals).tp_name}`);
  }
  if (locals !== null && Py_TYPE(locals).mp_subscript === null) {
    throw typeError(`locals must be a mapping`);
  }
  const f = currentFrame();
  if (globals === null) {
    globals = f === null ? new PyDict() : f.f_globals;
    if (locals === null) locals = f === null ? globals : frameLocals(f);
  } else if (locals === null) locals = globals;
  if (globals instanceof PyDict && globals.getStr("__builtins__") === undefined) globals.setStr("__builtins__", builtinsModule);
  let code: PyObject = src as PyObject;
  if (!(code instanceof PyCodeObject)) {
    let text = sourceArg(fname, code);
    if (fname === "eval" && typeof text === "string") text = text.replace(/^[ \t]+/, "");
    code = compileStringObject(text, "<string>", fname);
  }
  const r = PyEval_EvalCode(code as PyCodeObject, globals, locals);
  return fname === "eval" ? r : Py_None;
}
const evalArgs = new ArgParser("eval", ["source", "globals", "locals"], { posonly: 1, required: 1 });
const execArgs = new ArgParser("exec", ["source", "globals", "locals"], { posonly: 1, required: 1 });
def("eval", (_s, args, start, nargs, kw) => evalOrExec("eval", args, start, nargs, kw));
def("exec", (_s, args, start, nargs, kw) => evalOrExec("exec", args, start, nargs, kw));

def("compile", (_s, args, start, nargs, kw) => builtinCompile(args, start, nargs, kw));

// input([prompt]) reading a line from standard input (CPython: builtin_input without a tty)
def("input", (_s, args, start, nargs, kw) => {
  noKeywords("input", kw);
  checkPositional("input", nargs, 0, 1);
  if (nargs === 1) stdoutWriter.write(PyObject_Str(args[start]));
  stdoutWriter.flush();
  const bytes: number[] = [];
  const buf = Buffer.alloc(1);
  for (;;) {
    let n = 0;
    try {
      n = readSync(0, buf, 0, 1, null);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "EAGAIN") continue;
      if ((e as NodeJS.ErrnoException).code === "EOF") n = 0;
      else throw e;
    }
    if (n === 0) {
      if (bytes.length === 0) throw newException(PyExc_EOFError, ["EOF when reading a line"]);
      break;
    }
    if (buf[0] === 10) break;
    bytes.push(buf[0]);
  }
  return Buffer.from(bytes).toString("utf8");
});

// __import__(name, globals=None, locals=None, fromlist=(), level=0) (CPython: builtin___import__)
const importArgs = new ArgParser("__import__", ["name", "globals", "locals", "fromlist", "level"], { required: 1 });
def("__import__", (_s, args, start, nargs, kw) => {
  const [name, globals, , fromlist, level] = importArgs.parse(args, start, nargs, kw);
  const lv = level === null ? 0 : Number(PyNumber_Index(level));
  return PyImport_ImportModuleLevel(name as PyObject, globals ?? Py_None, fromlist ?? Py_None, lv);
});
