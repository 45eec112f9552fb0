// CPython: Objects/exceptions.c
//
// Error convention: a Python error is thrown as the Python exception object itself (an instance of
// PyBaseException); any other thrown JavaScript value is a bug in tython.
//
// Each JS class below is an instance layout (CPython: PyBaseExceptionObject, PySyntaxErrorObject,
// ...); a Python exception type picks the layout of the nearest type in its MRO that has one.
import {
  PyObjectBase, type PyObject, type PyTypeObject, type PyGetSetDef, type PyMethodDef,
  newStaticType, PyBaseObject_Type, Py_None, Py_TPFLAGS_BASETYPE, Py_TPFLAGS_BASE_EXC_SUBCLASS,
  Py_TPFLAGS_HEAPTYPE, Py_TYPE,
} from "./object.js";
import { PyTuple } from "./tupleobject.js";
import type { PyDict } from "./dictobject.js";
import { PyObject_Repr, PyObject_Str, PyObject_IsTrue, PyNumber_AsSsize_t } from "./abstract.js";
import { PyBytes, bytesLike } from "./bytesobject.js";
import { asStr } from "./unicodeobject.js";
import { PyDict_New } from "./dictobject.js";
import { PyList } from "./listobject.js";
import { PyObject_GenericGetAttr, PyObject_GenericSetAttr, markSharesBaseLayout } from "./typeobject.js";
import { PyObject_CallMethod, PyObject_CallOneArg } from "./abstract.js";
import { _genericAlias } from "./dictobject.js";

// --- types --------------------------------------------------------------------------------------

const EXC_FLAGS = Py_TPFLAGS_BASETYPE | Py_TPFLAGS_BASE_EXC_SUBCLASS;
const allExceptionTypes: PyTypeObject[] = [];
function excType(name: string, base: PyTypeObject): PyTypeObject {
  const t = newStaticType(name, base, EXC_FLAGS);
  allExceptionTypes.push(t);
  return t;
}

export const PyExc_BaseException = excType("BaseException", PyBaseObject_Type);
export const PyExc_BaseExceptionGroup = excType("BaseExceptionGroup", PyExc_BaseException);
export const PyExc_GeneratorExit = excType("GeneratorExit", PyExc_BaseException);
export const PyExc_KeyboardInterrupt = excType("KeyboardInterrupt", PyExc_BaseException);
export const PyExc_SystemExit = excType("SystemExit", PyExc_BaseException);
export const PyExc_Exception = excType("Exception", PyExc_BaseException);
export const PyExc_ArithmeticError = excType("ArithmeticError", PyExc_Exception);
export const PyExc_FloatingPointError = excType("FloatingPointError", PyExc_ArithmeticError);
export const PyExc_OverflowError = excType("OverflowError", PyExc_ArithmeticError);
export const PyExc_ZeroDivisionError = excType("ZeroDivisionError", PyExc_ArithmeticError);
export const PyExc_AssertionError = excType("AssertionError", PyExc_Exception);
export const PyExc_AttributeError = excType("AttributeError", PyExc_Exception);
export const PyExc_BufferError = excType("BufferError", PyExc_Exception);
export const PyExc_EOFError = excType("EOFError", PyExc_Exception);
export const PyExc_ExceptionGroup = excType("ExceptionGroup", PyExc_BaseExceptionGroup);
// ExceptionGroup(BaseExceptionGroup, Exception)
PyExc_ExceptionGroup.tp_bases = [PyExc_BaseExceptionGroup, PyExc_Exception];
PyExc_ExceptionGroup.tp_mro = [PyExc_ExceptionGroup, PyExc_BaseExceptionGroup, PyExc_Exception, PyExc_BaseException, PyBaseObject_Type];
PyExc_Exception.tp_subclasses.push(PyExc_ExceptionGroup);
export const PyExc_ImportError = excType("ImportError", PyExc_Exception);
export const PyExc_ModuleNotFoundError = excType("ModuleNotFoundError", PyExc_ImportError);
export const PyExc_LookupError = excType("LookupError", PyExc_Exception);
export const PyExc_IndexError = excType("IndexError", PyExc_LookupError);
export const PyExc_KeyError = excType("KeyError", PyExc_LookupError);
export const PyExc_MemoryError = excType("MemoryError", PyExc_Exception);
export const PyExc_NameError = excType("NameError", PyExc_Exception);
export const PyExc_UnboundLocalError = excType("UnboundLocalError", PyExc_NameError);
export const PyExc_OSError = excType("OSError", PyExc_Exception);
export const PyExc_BlockingIOError = excType("BlockingIOError", PyExc_OSError);
export const PyExc_ChildProcessError = excType("ChildProcessError", PyExc_OSError);
export const PyExc_ConnectionError = excType("ConnectionError", PyExc_OSError);
export const PyExc_BrokenPipeError = excType("BrokenPipeError", PyExc_ConnectionError);
export const PyExc_ConnectionAbortedError = excType("ConnectionAbortedError", PyExc_ConnectionError);
export const PyExc_ConnectionRefusedError = excType("ConnectionRefusedError", PyExc_ConnectionError);
export const PyExc_ConnectionResetError = excType("ConnectionResetError", PyExc_ConnectionError);
export const PyExc_FileExistsError = excType("FileExistsError", PyExc_OSError);
export const PyExc_FileNotFoundError = excType("FileNotFoundError", PyExc_OSError);
export const PyExc_InterruptedError = excType("InterruptedError", PyExc_OSError);
export const PyExc_IsADirectoryError = excType("IsADirectoryError", PyExc_OSError);
export const PyExc_NotADirectoryError = excType("NotADirectoryError", PyExc_OSError);
export const PyExc_PermissionError = excType("PermissionError", PyExc_OSError);
export const PyExc_ProcessLookupError = excType("ProcessLookupError", PyExc_OSError);
export const PyExc_TimeoutError = excType("TimeoutError", PyExc_OSError);
export const PyExc_ReferenceError = excType("ReferenceError", PyExc_Exception);
export const PyExc_RuntimeError = excType("RuntimeError", PyExc_Exception);
export const PyExc_NotImplementedError = excType("NotImplementedError", PyExc_RuntimeError);
export const PyExc_PythonFinalizationError = excType("PythonFinalizationError", PyExc_RuntimeError);
export const PyExc_RecursionError = excType("RecursionError", PyExc_RuntimeError);
export const PyExc_StopAsyncIteration = excType("StopAsyncIteration", PyExc_Exception);
export const PyExc_StopIteration = excType("StopIteration", PyExc_Exception);
export const PyExc_SyntaxError = excType("SyntaxError", PyExc_Exception);
export const PyExc_IncompleteInputError = excType("_IncompleteInputError", PyExc_SyntaxError);
export const PyExc_IndentationError = excType("IndentationError", PyExc_SyntaxError);
export const PyExc_TabError = excType("TabError", PyExc_IndentationError);
export const PyExc_SystemError = excType("SystemError", PyExc_Exception);
export const PyExc_TypeError = excType("TypeError", PyExc_Exception);
export const PyExc_ValueError = excType("ValueError", PyExc_Exception);
export const PyExc_UnicodeError = excType("UnicodeError", PyExc_ValueError);
export const PyExc_UnicodeDecodeError = excType("UnicodeDecodeError", PyExc_UnicodeError);
export const PyExc_UnicodeEncodeError = excType("UnicodeEncodeError", PyExc_UnicodeError);
export const PyExc_UnicodeTranslateError = excType("UnicodeTranslateError", PyExc_UnicodeError);
export const PyExc_Warning = excType("Warning", PyExc_Exception);
export const PyExc_BytesWarning = excType("BytesWarning", PyExc_Warning);
export const PyExc_DeprecationWarning = excType("DeprecationWarning", PyExc_Warning);
export const PyExc_EncodingWarning = excType("EncodingWarning", PyExc_Warning);
export const PyExc_FutureWarning = excType("FutureWarning", PyExc_Warning);
export const PyExc_ImportWarning = excType("ImportWarning", PyExc_Warning);
export const PyExc_PendingDeprecationWarning = excType("PendingDeprecationWarning", PyExc_Warning);
export const PyExc_ResourceWarning = excType("ResourceWarning", PyExc_Warning);
export const PyExc_RuntimeWarning = excType("RuntimeWarning", PyExc_Warning);
export const PyExc_SyntaxWarning = excType("SyntaxWarning", PyExc_Warning);
export const PyExc_UnicodeWarning = excType("UnicodeWarning", PyExc_Warning);
export const PyExc_UserWarning = excType("UserWarning", PyExc_Warning);

/** Every built-in exception type, for the builtins module (name -> type; aliases included). */
export function builtinExceptionTypes(): [string, PyTypeObject][] {
  const out: [string, PyTypeObject][] = [];
  const walk = (t: PyTypeObject): void => {
    if (t.tp_name !== "_IncompleteInputError" && !out.some(([, u]) => u === t)) out.push([t.tp_name, t]);
    for (const s of t.tp_subclasses) if (!(s.tp_flags & Py_TPFLAGS_HEAPTYPE)) walk(s);
  };
  walk(PyExc_BaseException);
  out.push(["EnvironmentError", PyExc_OSError], ["IOError", PyExc_OSError]);
  return out;
}

// --- instance layouts ---------------------------------------------------------------------------

/** CPython: PyBaseExceptionObject. */
export class PyBaseException extends PyObjectBase {
  args: PyTuple;
  /** A traceback object or null (None). */
  traceback: PyObject | null = null;
  cause: PyObject | null = null;
  context: PyObject | null = null;
  suppressContext = false;
  dict: PyDict | null = null;
  constructor(type: PyTypeObject, args: readonly PyObject[] | PyTuple) {
    super();
    this.ob_type = type;
    this.args = args instanceof PyTuple ? args : new PyTuple(args);
  }
  /** __notes__ from the instance dict, or null. */
  get notes(): PyObject | null {
    return this.dict?.getStr("__notes__") ?? null;
  }
  /** The exception's class name (kept for early users; prefer Py_TYPE(e).tp_name). */
  get typeName(): string {
    return this.ob_type.tp_name;
  }
  /** Sets attributes from the constructor arguments (CPython: each type's tp_init). */
  init(_kwargs: Map<string, PyObject> | null): void {}
}

function argOr(args: PyTuple, i: number): PyObject {
  return i < args.items.length ? args.items[i] : Py_None;
}

/** CPython: PyStopIterationObject. */
export class PyStopIteration extends PyBaseException {
  value: PyObject = Py_None;
  override init(): void {
    this.value = argOr(this.args, 0);
  }
}

/** CPython: PySystemExitObject. */
export class PySystemExit extends PyBaseException {
  code: PyObject = Py_None;
  override init(): void {
    const a = this.args.items;
    this.code = a.length === 0 ? Py_None : a.length === 1 ? a[0] : this.args;
  }
}

/** CPython: PyImportErrorObject. */
export class PyImportError extends PyBaseException {
  msg: PyObject = Py_None;
  name: PyObject = Py_None;
  path: PyObject = Py_None;
  nameFrom: PyObject = Py_None;
  override init(kwargs: Map<string, PyObject> | null): void {
    if (this.args.items.length === 1) this.msg = this.args.items[0];
    if (kwargs) {
      this.name = kwargs.get("name") ?? Py_None;
      this.path = kwargs.get("path") ?? Py_None;
      this.nameFrom = kwargs.get("name_from") ?? Py_None;
    }
  }
}

/** CPython: PyNameErrorObject. */
export class PyNameError extends PyBaseException {
  name: PyObject = Py_None;
  override init(kwargs: Map<string, PyObject> | null): void {
    if (kwargs) this.name = kwargs.get("name") ?? Py_None;
  }
}

/** CPython: PyAttributeErrorObject. */
export class PyAttributeError extends PyBaseException {
  name: PyObject = Py_None;
  obj: PyObject = Py_None;
  override init(kwargs: Map<string, PyObject> | null): void {
    if (kwargs) {
      this.name = kwargs.get("name") ?? Py_None;
      this.obj = kwargs.get("obj") ?? Py_None;
    }
  }
}

/** CPython: PyOSErrorObject. */
export class PyOSError extends PyBaseException {
  errno: PyObject = Py_None;
  strerror: PyObject = Py_None;
  filename: PyObject = Py_None;
  filename2: PyObject = Py_None;
  characters_written: PyObject | null = null;
  override init(): void {
    const a = this.args.items;
    if (a.length >= 2 && a.length <= 5) {
      this.errno = a[0];
      this.strerror = a[1];
      if (a.length >= 3) this.filename = a[2];
      if (a.length >= 5) this.filename2 = a[4];
      // args keeps only (errno, strerror) when a filename was given
      if (a.length >= 3) this.args = new PyTuple([a[0], a[1]]);
    }
  }
}

/** CPython: PyUnicodeErrorObject (decode/encode/translate errors). */
export class PyUnicodeError extends PyBaseException {
  encoding: PyObject = Py_None;
  object: PyObject = Py_None;
  start: PyObject = 0;
  end: PyObject = 0;
  reason: PyObject = Py_None;
  // CPython: Unicode{Encode,Decode,Translate}Error_init (PyArg_ParseTuple "UUnnU", "UOnnU", "UnnU")
  override init(): void {
    const a = this.args.items;
    const t = this.ob_type;
    const translate = isSubtype(t, PyExc_UnicodeTranslateError);
    const decode = isSubtype(t, PyExc_UnicodeDecodeError);
    if (!translate && !decode && !isSubtype(t, PyExc_UnicodeEncodeError)) return;
    const n = translate ? 4 : 5;
    if (a.length !== n) throw typeErrorLazy(`function takes exactly ${n} arguments (${a.length} given)`);
    const str = (i: number): void => {
      if (asStr(a[i]) === null) throw typeErrorLazy(`argument ${i + 1} must be str, not ${Py_TYPE(a[i]).tp_name}`);
    };
    const idx = (i: number): PyObject => PyNumber_AsSsize_t(a[i]);
    if (translate) {
      str(0);
      this.object = a[0];
      this.start = idx(1);
      this.end = idx(2);
      str(3);
      this.reason = a[3];
      return;
    }
    str(0);
    this.encoding = a[0];
    if (decode) {
      const v = a[1];
      const b = bytesLike(v);
      if (b === null) throw typeErrorLazy(`a bytes-like object is required, not '${Py_TYPE(v).tp_name}'`);
      this.object = v instanceof PyBytes ? v : new PyBytes(b.slice());
    } else {
      str(1);
      this.object = a[1];
    }
    this.start = idx(2);
    this.end = idx(3);
    str(4);
    this.reason = a[4];
  }
}

/** CPython: PyBaseExceptionGroupObject. */
export class PyBaseExceptionGroup extends PyBaseException {
  msg: PyObject = "";
  excs: PyTuple = new PyTuple([]);
  override init(): void {
    const a = this.args.items;
    if (a.length === 2) {
      this.msg = a[0];
      if (a[1] instanceof PyTuple) this.excs = a[1];
      else if (a[1] instanceof PyList) this.excs = new PyTuple(a[1].items.slice());
    }
  }
}

type SyntaxErrorKind = "SyntaxError" | "IndentationError" | "TabError" | "_IncompleteInputError";

/**
 * SyntaxError and its subclasses (CPython: PySyntaxErrorObject, SyntaxError_init). The front end
 * builds them with `new PySyntaxError(kind, msg, filename, lineno, offset, endLineno, endOffset,
 * text)`; null stands for None in the location fields.
 */
export class PySyntaxError extends PyBaseException {
  msg: PyObject;
  filename: PyObject | null;
  /** 1-based line, or null when unknown. */
  lineno: PyObject | null;
  /** 1-based offset in characters (as CPython's SyntaxError.offset), or null. */
  offset: PyObject | null;
  endLineno: PyObject | null;
  endOffset: PyObject | null;
  /** The source line, or null. */
  text: PyObject | null;
  printFileAndLine: PyObject | null = null;
  constructor(
    kind: SyntaxErrorKind | PyTypeObject,
    msg: PyObject,
    filename: PyObject | null,
    lineno: PyObject | null,
    offset: PyObject | null,
    endLineno: PyObject | null,
    endOffset: PyObject | null,
    text: PyObject | null,
  ) {
    const type = typeof kind === "string" ? syntaxErrorKinds[kind] : kind;
    const n = (v: PyObject | null): PyObject => v ?? Py_None;
    super(type, [msg, new PyTuple([n(filename), n(lineno), n(offset), n(text), n(endLineno), n(endOffset)])]);
    this.msg = msg;
    this.filename = filename;
    this.lineno = lineno;
    this.offset = offset;
    this.endLineno = endLineno;
    this.endOffset = endOffset;
    this.text = text;
  }
  override init(): void {
    const a = this.args.items;
    this.msg = a.length >= 1 ? a[0] : Py_None;
    this.filename = this.lineno = this.offset = this.text = this.endLineno = this.endOffset = null;
    if (a.length === 2) {
      const info = a[1];
      if (!(info instanceof PyTuple)) throw typeErrorLazy("'" + Py_TYPE(info).tp_name + "' object is not iterable");
      const t = info.items;
      if (t.length < 4 || t.length > 6) throw typeErrorLazy("function takes at least 4 arguments and at most 6 arguments");
      this.filename = t[0];
      this.lineno = t[1];
      this.offset = t[2];
      this.text = t[3];
      if (t.length > 4) this.endLineno = t[4];
      if (t.length > 5) this.endOffset = t[5];
    }
  }
}
const syntaxErrorKinds: Record<SyntaxErrorKind, PyTypeObject> = {
  SyntaxError: PyExc_SyntaxError,
  IndentationError: PyExc_IndentationError,
  TabError: PyExc_TabError,
  _IncompleteInputError: PyExc_IncompleteInputError,
};

function isSubtype(a: PyTypeObject, b: PyTypeObject): boolean {
  return a === b || a.tp_mro.includes(b);
}

/** Instance layout per exception type (looked up along the MRO). */
type Layout = new (type: PyTypeObject, args: readonly PyObject[]) => PyBaseException;
const layouts = new Map<PyTypeObject, Layout>([
  [PyExc_BaseException, PyBaseException],
  [PyExc_StopIteration, PyStopIteration],
  [PyExc_SystemExit, PySystemExit],
  [PyExc_ImportError, PyImportError],
  [PyExc_NameError, PyNameError],
  [PyExc_AttributeError, PyAttributeError],
  [PyExc_OSError, PyOSError],
  [PyExc_UnicodeError, PyUnicodeError],
  [PyExc_BaseExceptionGroup, PyBaseExceptionGroup],
  [
    PyExc_SyntaxError,
    class extends PySyntaxError {
      constructor(type: PyTypeObject, args: readonly PyObject[]) {
        super(type, Py_None, null, null, null, null, null, null);
        this.args = new PyTuple(args);
      }
    },
  ],
]);

// Exception types without a layout of their own can be combined as bases (class E(LookupError, SystemError)).
for (const t of allExceptionTypes) if (!layouts.has(t)) markSharesBaseLayout(t);

function layoutOf(type: PyTypeObject): Layout {
  for (const t of type.tp_mro) {
    const l = layouts.get(t);
    if (l) return l;
  }
  return PyBaseException;
}

// OSError(errno, ...) picks a subclass by errno (Linux numbers) (CPython: errnomap).
const errnoMap = new Map<number, PyTypeObject>([
  [11, PyExc_BlockingIOError], [114, PyExc_BlockingIOError], [115, PyExc_BlockingIOError],
  [10, PyExc_ChildProcessError], [32, PyExc_BrokenPipeError], [108, PyExc_BrokenPipeError],
  [103, PyExc_ConnectionAbortedError], [111, PyExc_ConnectionRefusedError], [104, PyExc_ConnectionResetError],
  [17, PyExc_FileExistsError], [2, PyExc_FileNotFoundError], [21, PyExc_IsADirectoryError],
  [20, PyExc_NotADirectoryError], [4, PyExc_InterruptedError], [1, PyExc_PermissionError],
  [13, PyExc_PermissionError], [3, PyExc_ProcessLookupError], [110, PyExc_TimeoutError],
]);

/**
 * Creates an exception of a built-in or user exception type as calling it with `args` and
 * `kwargs` would, minus a user-defined __init__ (CPython: BaseException_new + tp_init).
 */
export function newException(
  type: PyTypeObject,
  args: readonly PyObject[],
  kwargs: Map<string, PyObject> | null = null,
): PyBaseException {
  if (type === PyExc_OSError && args.length >= 2 && typeof args[0] === "number") {
    type = errnoMap.get(args[0]) ?? type;
  }
  const Layout = layoutOf(type);
  const e = new Layout(type, args);
  e.init(kwargs);
  return e;
}

// Raised while building an exception: creates the TypeError lazily to keep load order simple.
function typeErrorLazy(msg: string): PyBaseException {
  return newException(PyExc_TypeError, [msg]);
}

// --- str and repr -------------------------------------------------------------------------------

function BaseException_str(self: PyBaseException): string {
  const a = self.args.items;
  if (a.length === 0) return "";
  if (a.length === 1) return PyObject_Str(a[0]);
  return PyObject_Str(self.args);
}

function BaseException_repr(self: PyBaseException): string {
  const name = shortName(self.ob_type);
  const a = self.args.items;
  if (a.length === 1) return name + "(" + PyObject_Repr(a[0]) + ")";
  return name + PyObject_Repr(self.args);
}

function shortName(t: PyTypeObject): string {
  return t.tp_name.slice(t.tp_name.lastIndexOf(".") + 1);
}

function KeyError_str(self: PyBaseException): string {
  // A single argument is shown by repr, so KeyError('') is not mistaken for a bare KeyError
  if (self.args.items.length === 1) return PyObject_Repr(self.args.items[0]);
  return BaseException_str(self);
}

function basename(s: string): string {
  return s.slice(s.lastIndexOf("/") + 1);
}

function SyntaxError_str(self: PySyntaxError): string {
  const msg = PyObject_Str(self.msg);
  const file = typeof self.filename === "string" ? basename(self.filename) : null;
  const line = typeof self.lineno === "number" ? self.lineno : null;
  if (file !== null && line !== null) return `${msg} (${file}, line ${line})`;
  if (file !== null) return `${msg} (${file})`;
  if (line !== null) return `${msg} (line ${line})`;
  return msg;
}

function ImportError_str(self: PyImportError): string {
  if (typeof self.msg === "string") return self.msg;
  return BaseException_str(self);
}

function OSError_str(self: PyOSError): string {
  const e = self;
  if (e.filename !== Py_None) {
    if (e.filename2 !== Py_None) {
      return `[Errno ${PyObject_Str(e.errno)}] ${PyObject_Str(e.strerror)}: ${PyObject_Repr(e.filename)} -> ${PyObject_Repr(e.filename2)}`;
    }
    return `[Errno ${PyObject_Str(e.errno)}] ${PyObject_Str(e.strerror)}: ${PyObject_Repr(e.filename)}`;
  }
  if (e.errno !== Py_None && e.strerror !== Py_None) return `[Errno ${PyObject_Str(e.errno)}] ${PyObject_Str(e.strerror)}`;
  return BaseException_str(self);
}

function hex2(n: number): string {
  return n.toString(16).padStart(2, "0");
}

function UnicodeError_str(self: PyUnicodeError): string {
  const t = self.ob_type;
  if (self.object === Py_None) return BaseException_str(self);
  const start = typeof self.start === "number" ? self.start : 0;
  const end = typeof self.end === "number" ? self.end : 0;
  const reason = PyObject_Str(self.reason);
  const enc = PyObject_Str(self.encoding);
  if (isSubtype(t, PyExc_UnicodeDecodeError)) {
    const obj = self.object as PyObjectBase & { value?: Uint8Array };
    if (end === start + 1 && obj.value && start >= 0 && start < obj.value.length) return `'${enc}' codec can't decode byte 0x${hex2(obj.value[start])} in position ${start}: ${reason}`;
    return `'${enc}' codec can't decode bytes in position ${start}-${end - 1}: ${reason}`;
  }
  const s = typeof self.object === "string" ? [...self.object] : [];
  const what = isSubtype(t, PyExc_UnicodeEncodeError) ? `'${enc}' codec can't encode` : "can't translate";
  if (end === start + 1 && s[start] !== undefined) {
    const cp = s[start].codePointAt(0) as number;
    const esc = cp <= 0xff ? "\\x" + hex2(cp) : cp <= 0xffff ? "\\u" + cp.toString(16).padStart(4, "0") : "\\U" + cp.toString(16).padStart(8, "0");
    return `${what} character '${esc}' in position ${start}: ${reason}`;
  }
  return `${what} characters in position ${start}-${end - 1}: ${reason}`;
}

function BaseExceptionGroup_str(self: PyBaseExceptionGroup): string {
  const n = self.excs.items.length;
  return `${PyObject_Str(self.msg)} (${n} sub-exception${n > 1 ? "s" : ""})`;
}

PyExc_BaseException.tp_str = (v) => BaseException_str(v as PyBaseException);
PyExc_BaseException.tp_repr = (v) => BaseException_repr(v as PyBaseException);
PyExc_KeyError.tp_str = (v) => KeyError_str(v as PyBaseException);
PyExc_SyntaxError.tp_str = (v) => SyntaxError_str(v as PySyntaxError);
PyExc_ImportError.tp_str = (v) => ImportError_str(v as PyImportError);
PyExc_OSError.tp_str = (v) => OSError_str(v as PyOSError);
PyExc_UnicodeError.tp_str = (v) => UnicodeError_str(v as PyUnicodeError);
PyExc_BaseExceptionGroup.tp_str = (v) => BaseExceptionGroup_str(v as PyBaseExceptionGroup);

// --- attributes ---------------------------------------------------------------------------------

function orNone(v: PyObject | null): PyObject {
  return v ?? Py_None;
}

/** A read/write attribute stored in a JS field of the layout (CPython: PyMemberDef T_OBJECT). */
function member<T extends PyBaseException>(name: string, field: keyof T & string): PyGetSetDef {
  return {
    name,
    get: (self) => orNone((self as unknown as Record<string, PyObject | null>)[field]),
    set: (self, value) => {
      (self as unknown as Record<string, PyObject | null>)[field] = value === null ? Py_None : value;
    },
  };
}

PyExc_BaseException.tp_getset = [
  {
    name: "args",
    get: (self) => (self as PyBaseException).args,
    set: (self, value) => {
      if (value === null) throw typeErrorLazy("args may not be deleted");
      (self as PyBaseException).args = value instanceof PyTuple ? value : toTuple(value);
    },
  },
  {
    name: "__traceback__",
    get: (self) => orNone((self as PyBaseException).traceback),
    set: (self, value) => {
      if (value === null) throw typeErrorLazy("__traceback__ may not be deleted");
      if (value !== Py_None && Py_TYPE(value).tp_name !== "traceback") {
        throw typeErrorLazy("__traceback__ must be a traceback or None");
      }
      (self as PyBaseException).traceback = value === Py_None ? null : value;
    },
  },
  {
    name: "__cause__",
    get: (self) => orNone((self as PyBaseException).cause),
    set: (self, value) => {
      if (value === null) throw typeErrorLazy("__cause__ may not be deleted");
      if (value !== Py_None && !(value instanceof PyBaseException)) {
        throw typeErrorLazy("exception cause must be None or derive from BaseException");
      }
      const e = self as PyBaseException;
      e.cause = value === Py_None ? null : value;
      e.suppressContext = true;
    },
  },
  {
    name: "__context__",
    get: (self) => orNone((self as PyBaseException).context),
    set: (self, value) => {
      if (value === null) throw typeErrorLazy("__context__ may not be deleted");
      if (value !== Py_None && !(value instanceof PyBaseException)) {
        throw typeErrorLazy("exception context must be None or derive from BaseException");
      }
      (self as PyBaseException).context = value === Py_None ? null : value;
    },
  },
  {
    name: "__suppress_context__",
    get: (self) => (self as PyBaseException).suppressContext,
    set: (self, value) => {
      (self as PyBaseException).suppressContext = value !== null && PyObject_IsTrue(value);
    },
  },
  {
    name: "__dict__",
    get: (self) => {
      const e = self as PyBaseException;
      return (e.dict ??= PyDict_New());
    },
  },
];
PyExc_StopIteration.tp_getset = [member<PyStopIteration>("value", "value")];
PyExc_SystemExit.tp_getset = [member<PySystemExit>("code", "code")];
PyExc_ImportError.tp_getset = [
  member<PyImportError>("msg", "msg"),
  member<PyImportError>("name", "name"),
  member<PyImportError>("path", "path"),
  member<PyImportError>("name_from", "nameFrom"),
];
PyExc_NameError.tp_getset = [member<PyNameError>("name", "name")];
PyExc_AttributeError.tp_getset = [member<PyAttributeError>("name", "name"), member<PyAttributeError>("obj", "obj")];
PyExc_OSError.tp_getset = [
  member<PyOSError>("errno", "errno"),
  member<PyOSError>("strerror", "strerror"),
  member<PyOSError>("filename", "filename"),
  member<PyOSError>("filename2", "filename2"),
];
PyExc_SyntaxError.tp_getset = [
  member<PySyntaxError>("msg", "msg"),
  member<PySyntaxError>("filename", "filename"),
  member<PySyntaxError>("lineno", "lineno"),
  member<PySyntaxError>("offset", "offset"),
  member<PySyntaxError>("text", "text"),
  member<PySyntaxError>("end_lineno", "endLineno"),
  member<PySyntaxError>("end_offset", "endOffset"),
  member<PySyntaxError>("print_file_and_line", "printFileAndLine"),
];
PyExc_UnicodeError.tp_getset = [
  member<PyUnicodeError>("encoding", "encoding"),
  member<PyUnicodeError>("object", "object"),
  member<PyUnicodeError>("start", "start"),
  member<PyUnicodeError>("end", "end"),
  member<PyUnicodeError>("reason", "reason"),
];
PyExc_BaseExceptionGroup.tp_getset = [
  { name: "message", get: (self) => (self as PyBaseExceptionGroup).msg },
  { name: "exceptions", get: (self) => (self as PyBaseExceptionGroup).excs },
];

function toTuple(v: PyObject): PyTuple {
  // Imported lazily through abstract.ts's sequence helpers would create a load-order dependency.
  const items: PyObject[] = [];
  if (v instanceof PyList) items.push(...v.items);
  else items.push(v);
  return new PyTuple(items);
}

PyExc_BaseException.tp_methods = [
  {
    name: "with_traceback",
    kind: "o",
    fn: ((self: PyObject, tb: PyObject): PyObject => {
      const e = self as PyBaseException;
      e.traceback = tb === Py_None ? null : tb;
      return e;
    }) as PyMethodDef["fn"],
  },
  {
    name: "add_note",
    kind: "o",
    fn: ((self: PyObject, note: PyObject): PyObject => {
      if (typeof note !== "string") throw typeErrorLazy(`note must be a str, not '${Py_TYPE(note).tp_name}'`);
      // notes live in the instance __dict__ as __notes__ (CPython: BaseException_add_note)
      const e = self as PyBaseException;
      const d = (e.dict ??= PyDict_New());
      let notes = d.getStr("__notes__");
      if (notes === undefined) {
        notes = new PyList([]);
        d.setStr("__notes__", notes);
      }
      if (!(notes instanceof PyList)) throw typeErrorLazy("Cannot add note: __notes__ is not a list");
      notes.items.push(note);
      return Py_None;
    }) as PyMethodDef["fn"],
  },
];

// --- construction from Python (CPython: BaseException_new / BaseException_init) ---------------------

function kwMap(args: readonly PyObject[], start: number, nargs: number, kwnames: PyTuple | null): Map<string, PyObject> | null {
  if (kwnames === null || kwnames.items.length === 0) return null;
  const m = new Map<string, PyObject>();
  kwnames.items.forEach((k, i) => m.set(k as string, args[start + nargs + i]));
  return m;
}

/** Keyword arguments each built-in exception type accepts. */
function allowedKeywords(type: PyTypeObject): string[] {
  if (isSubtype(type, PyExc_ImportError)) return ["name", "path", "name_from"];
  if (isSubtype(type, PyExc_AttributeError)) return ["name", "obj"];
  if (isSubtype(type, PyExc_NameError)) return ["name"];
  return [];
}

PyExc_BaseException.tp_new = (type, args, start, nargs, kwnames) => {
  const e = new (layoutOf(type))(type, args.slice(start, start + nargs));
  const kw = kwMap(args, start, nargs, kwnames);
  if (!(type.tp_flags & Py_TPFLAGS_HEAPTYPE) || type.tp_init === PyExc_BaseException.tp_init) e.init(kw);
  else e.init(null);
  if (type === PyExc_OSError || (type.tp_flags & Py_TPFLAGS_HEAPTYPE) === 0) {
    if (type === PyExc_OSError && nargs >= 2 && typeof args[start] === "number") {
      const sub = errnoMap.get(args[start] as number);
      if (sub) e.ob_type = sub;
    }
  }
  return e;
};
PyExc_BaseException.tp_init = (self, args, start, nargs, kwnames) => {
  const e = self as PyBaseException;
  const kw = kwMap(args, start, nargs, kwnames);
  const type = Py_TYPE(self);
  if (kw !== null) {
    const allowed = allowedKeywords(type);
    for (const k of kw.keys()) {
      if (!allowed.includes(k)) {
        if (allowed.length === 0) throw typeErrorLazy(`${type.tp_name}() takes no keyword arguments`);
        throw typeErrorLazy(`${type.tp_name}() got an unexpected keyword argument '${k}'`);
      }
    }
  }
  e.args = new PyTuple(args.slice(start, start + nargs));
  e.init(kw);
};
PyExc_BaseException.tp_dictoffset = 1;
PyExc_BaseException.tp_getattro = (o, name) => PyObject_GenericGetAttr(o, name);
PyExc_BaseException.tp_setattro = (o, name, v) => PyObject_GenericSetAttr(o, name, v);

// --- exception groups (CPython: BaseExceptionGroup_new, derive, split, subgroup) --------------------

function isExceptionInstance(v: PyObject): v is PyBaseException {
  return v instanceof PyBaseException;
}

PyExc_BaseExceptionGroup.tp_new = (type, args, start, nargs, kwnames) => {
  if (kwnames !== null && kwnames.items.length) throw typeErrorLazy(`${type.tp_name}() takes no keyword arguments`);
  if (nargs !== 2) throw typeErrorLazy(`BaseExceptionGroup.__new__() takes exactly 2 arguments (${nargs} given)`);
  const msg = args[start];
  const excs = args[start + 1];
  if (typeof msg !== "string") {
    throw typeErrorLazy(`BaseExceptionGroup.__new__() argument 1 must be str, not ${Py_TYPE(msg).tp_name}`);
  }
  if (!(excs instanceof PyTuple) && !(excs instanceof PyList) && Py_TYPE(excs).sq_item === null) {
    throw typeErrorLazy("second argument (exceptions) must be a sequence");
  }
  const items = excs instanceof PyTuple || excs instanceof PyList ? excs.items.slice() : [];
  if (items.length === 0) throw newException(PyExc_ValueError, ["second argument (exceptions) must be a non-empty sequence"]);
  let nestedBase = false;
  items.forEach((e, i) => {
    if (!isExceptionInstance(e)) {
      throw newException(PyExc_ValueError, [`Item ${i} of second argument (exceptions) is not an exception`]);
    }
    if (!isSubtype(Py_TYPE(e), PyExc_Exception)) nestedBase = true;
  });
  let cls = type;
  if (cls === PyExc_BaseExceptionGroup) {
    if (!nestedBase) cls = PyExc_ExceptionGroup;
  } else if (cls === PyExc_ExceptionGroup) {
    if (nestedBase) throw typeErrorLazy("Cannot nest BaseExceptions in an ExceptionGroup");
  } else if (nestedBase && isSubtype(cls, PyExc_Exception)) {
    throw typeErrorLazy(`Cannot nest BaseExceptions in '${cls.tp_name}'`);
  }
  const g = new PyBaseExceptionGroup(cls, [msg, excs]);
  g.msg = msg;
  g.excs = new PyTuple(items);
  return g;
};
PyExc_BaseExceptionGroup.tp_init = (self, args, start, nargs) => {
  (self as PyBaseException).args = new PyTuple(args.slice(start, start + nargs));
};

/** eg.derive(excs): a group like eg with other exceptions (calls a user override when present). */
function derive(eg: PyBaseExceptionGroup, excs: PyObject[]): PyBaseExceptionGroup {
  const r = PyObject_CallMethod(eg, "derive", new PyList(excs));
  if (!(r instanceof PyBaseExceptionGroup)) throw typeErrorLazy("derive must return an instance of BaseExceptionGroup");
  // copy __cause__, __context__, __traceback__ and notes (CPython: exceptiongroup_subset)
  r.cause = eg.cause;
  r.context = eg.context;
  r.traceback = eg.traceback;
  const notes = eg.notes;
  if (notes !== null) (r.dict ??= PyDict_New()).setStr("__notes__", notes instanceof PyList ? new PyList(notes.items.slice()) : notes);
  return r;
}

type Matcher = (e: PyBaseException) => boolean;

function matcherOf(condition: PyObject): Matcher {
  if (condition instanceof PyObjectBase && (condition as PyTypeObject).tp_mro !== undefined && Py_TYPE(condition).tp_flags & (2 ** 31)) {
    const t = condition as PyTypeObject;
    return (e) => isSubtype(Py_TYPE(e), t);
  }
  if (condition instanceof PyTuple) {
    const ts = condition.items as PyTypeObject[];
    return (e) => ts.some((t) => isSubtype(Py_TYPE(e), t));
  }
  if (Py_TYPE(condition).tp_call !== null) return (e) => PyObject_IsTrue(PyObject_CallOneArg(condition, e));
  throw typeErrorLazy("expected an exception type, a tuple of exception types, or a callable (other than a class)");
}

/** [match, rest] of splitting `exc` by `m` (CPython: exceptiongroup_split_recursive). */
function splitRecursive(exc: PyBaseException, m: Matcher, constructRest: boolean): [PyBaseException | null, PyBaseException | null] {
  if (m(exc)) return [exc, null];
  if (!(exc instanceof PyBaseExceptionGroup)) return [null, constructRest ? exc : null];
  const matches: PyObject[] = [];
  const rests: PyObject[] = [];
  for (const e of exc.excs.items) {
    const [a, b] = splitRecursive(e as PyBaseException, m, constructRest);
    if (a !== null) matches.push(a);
    if (b !== null) rests.push(b);
  }
  const match = matches.length ? derive(exc, matches) : null;
  const rest = constructRest && rests.length ? derive(exc, rests) : null;
  return [match, rest];
}

/** except* matching: [match, rest] for `exc` against `matchType` (CPython: _PyEval_ExceptionGroupMatch). */
export function _PyEval_ExceptionGroupMatch(exc: PyObject, matchType: PyObject): [PyObject, PyObject] {
  if (exc === Py_None) return [Py_None, Py_None];
  const e = exc as PyBaseException;
  const m = matcherOf(matchType);
  if (m(e)) {
    if (e instanceof PyBaseExceptionGroup) return [e, Py_None];
    // a naked exception is wrapped in a group with an empty message
    const wrapped = PyExc_BaseExceptionGroup.tp_new!(PyExc_BaseExceptionGroup, ["", new PyTuple([e])], 0, 2, null) as PyBaseException;
    wrapped.traceback = e.traceback;
    return [wrapped, Py_None];
  }
  if (e instanceof PyBaseExceptionGroup) {
    const [match, rest] = splitRecursive(e, m, true);
    return [match ?? Py_None, rest ?? Py_None];
  }
  return [Py_None, e];
}

function collectLeaves(e: PyObject, out: Set<PyObject>): void {
  if (e instanceof PyBaseExceptionGroup) for (const x of e.excs.items) collectLeaves(x, out);
  else out.add(e);
}

/**
 * The exception to re-raise after an except* block (CPython: _PyExc_PrepReraiseStar): raised
 * exceptions plus the parts of the original group that were re-raised, keeping the original's shape.
 */
export function _PyExc_PrepReraiseStar(orig: PyObject, excs: PyList): PyObject {
  const items = excs.items.filter((x) => x !== Py_None);
  if (items.length === 0) return Py_None;
  if (!(orig instanceof PyBaseExceptionGroup)) return items[0];
  const origLeaves = new Set<PyObject>();
  collectLeaves(orig, origLeaves);
  const raised: PyObject[] = [];
  const reraisedLeaves = new Set<PyObject>();
  for (const e of items) {
    const leaves = new Set<PyObject>();
    collectLeaves(e, leaves);
    if ([...leaves].every((l) => origLeaves.has(l))) for (const l of leaves) reraisedLeaves.add(l);
    else raised.push(e);
  }
  let reraised: PyObject | null = null;
  if (reraisedLeaves.size) {
    const [m] = splitRecursive(orig, (x) => reraisedLeaves.has(x), false);
    reraised = m;
  }
  if (raised.length === 0) return reraised ?? Py_None;
  const all = reraised !== null ? [...raised, reraised] : raised;
  if (all.length === 1) return all[0];
  return PyExc_BaseExceptionGroup.tp_new!(PyExc_BaseExceptionGroup, ["", new PyList(all)], 0, 2, null);
}

PyExc_BaseExceptionGroup.tp_methods = [
  {
    name: "derive",
    kind: "o",
    fn: ((self: PyObject, excs: PyObject) => {
      const g = self as PyBaseExceptionGroup;
      return PyExc_BaseExceptionGroup.tp_new!(PyExc_BaseExceptionGroup, [g.msg, excs], 0, 2, null);
    }) as PyMethodDef["fn"],
  },
  {
    name: "split",
    kind: "o",
    fn: ((self: PyObject, cond: PyObject) => {
      const [m, r] = splitRecursive(self as PyBaseException, matcherOf(cond), true);
      return new PyTuple([m ?? Py_None, r ?? Py_None]);
    }) as PyMethodDef["fn"],
  },
  {
    name: "subgroup",
    kind: "o",
    fn: ((self: PyObject, cond: PyObject) => splitRecursive(self as PyBaseException, matcherOf(cond), false)[0] ?? Py_None) as PyMethodDef["fn"],
  },
  {
    name: "__class_getitem__",
    kind: "o",
    binding: "class",
    fn: ((cls: PyObject, item: PyObject) => _genericAlias(cls, item)) as PyMethodDef["fn"],
  },
];

