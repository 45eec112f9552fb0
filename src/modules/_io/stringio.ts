// CPython: Modules/_io/stringio.c — StringIO, an in-memory text stream. The text is one JS
// string (V8 makes appends cheap); positions are in code points, as CPython's.
import { type PyObject, Py_None, Py_TYPE, newStaticType, Py_TPFLAGS_BASETYPE } from "../../objects/object.js";
import { PyTuple } from "../../objects/tupleobject.js";
import { PyDict } from "../../objects/dictobject.js";
import { PyNumber_AsSsize_t, PyNumber_Index, PyObject_CallMethod, PyObject_GetIter, PyIter_Next } from "../../objects/abstract.js";
import { newException, PyExc_OSError, type PyBaseException } from "../../objects/exceptions.js";
import { typeError, valueError, overflowError } from "../../python/errors.js";
import { ArgParser } from "../../python/getargs.js";
import { PyIOBaseObject, mNoArgs, mO, mArgs, sizeArg } from "./iobase.js";
import { PyTextIOBase_Type, NewlineDecoder, findLineEnding } from "./textio.js";
import { cpLength, cpIndex, hasSurrogates } from "./native_codecs.js";

export class PyStringIO extends PyIOBaseObject {
  ok = false;
  closed = false;
  buf = "";
  /** buf has surrogates: positions need code point arithmetic. */
  wide = false;
  /** Length and position in code points. */
  size = 0;
  pos = 0;
  decoder: NewlineDecoder | null = null;
  readnl: string | null = null;
  writenl: string | null = null;
  readuniversal = false;
  readtranslate = false;
}
export const PyStringIO_Type = newStaticType("_io.StringIO", PyTextIOBase_Type, Py_TPFLAGS_BASETYPE);
PyStringIO.prototype.ob_type = PyStringIO_Type;
PyStringIO_Type.tp_dictoffset = 1;
PyStringIO_Type.tp_new = (type) => {
  const o = new PyStringIO();
  if (type !== PyStringIO_Type) o.ob_type = type;
  return o;
};

// StringIO's message has no final period (CPython: stringio.c CHECK_CLOSED)
const closedError = (): PyBaseException => valueError("I/O operation on closed file");

function self_(v: PyObject): PyStringIO {
  if (!(v instanceof PyStringIO)) throw typeError(`descriptor requires a '_io.StringIO' object but received a '${Py_TYPE(v).tp_name}'`);
  if (!v.ok) throw valueError("I/O operation on uninitialized object");
  return v;
}
function open_(v: PyObject): PyStringIO {
  const s = self_(v);
  if (s.closed) throw closedError();
  return s;
}

/** JS index of code point position p (p <= size). */
function jsIndex(s: PyStringIO, p: number): number {
  return s.wide ? cpIndex(s.buf, p) : p;
}

/** CPython: write_str. */
function writeStr(s: PyStringIO, text: string): number {
  let decoded = text;
  if (s.decoder !== null) decoded = s.decoder.process(decoded, true);
  if (s.writenl !== null) decoded = decoded.replaceAll("\n", s.writenl);
  const wide = hasSurrogates(decoded);
  const len = wide ? cpLength(decoded) : decoded.length;
  if (len === 0) return 0;
  if (s.pos > Number.MAX_SAFE_INTEGER - len) throw overflowError("new position too large");
  if (s.pos === s.size) s.buf += decoded;
  else {
    if (s.pos > s.size) {
      s.buf += "\0".repeat(s.pos - s.size);
      s.size = s.pos;
    }
    const a = jsIndex(s, s.pos);
    const endCp = s.pos + len;
    const b = endCp >= s.size ? s.buf.length : jsIndex(s, endCp);
    s.buf = s.buf.slice(0, a) + decoded + s.buf.slice(b);
  }
  if (wide) s.wide = true;
  s.pos += len;
  if (s.size < s.pos) s.size = s.pos;
  return len;
}

const initArgs = new ArgParser("StringIO", ["initial_value", "newline"]);
PyStringIO_Type.tp_init = (self, args, start, nargs, kw) => {
  const [value, newlineObj] = initArgs.parse(args, start, nargs, kw);
  const s = self as PyStringIO;
  let newline: string | null = "\n";
  if (newlineObj !== null) {
    if (newlineObj === Py_None) newline = null;
    else if (typeof newlineObj !== "string") throw typeError(`newline must be str or None, not ${Py_TYPE(newlineObj).tp_name}`);
    else newline = newlineObj;
  }
  if (newline !== null && newline !== "" && newline !== "\n" && newline !== "\r" && newline !== "\r\n") {
    throw valueError(`illegal newline value: '${newline}'`);
  }
  if (value !== null && value !== Py_None && typeof value !== "string") {
    throw typeError(`initial_value must be str or None, not ${Py_TYPE(value).tp_name}`);
  }
  s.ok = false;
  s.closed = false;
  s.readnl = newline;
  s.readuniversal = newline === null || newline === "";
  s.readtranslate = newline === null;
  s.writenl = newline !== null && newline.startsWith("\r") ? newline : null;
  s.decoder = s.readuniversal ? new NewlineDecoder(null, s.readtranslate) : null;
  s.buf = "";
  s.wide = false;
  s.size = 0;
  s.pos = 0;
  if (typeof value === "string" && value.length > 0) writeStr(s, value);
  s.pos = 0;
  s.ok = true;
};

function readN(s: PyStringIO, n: number): string {
  if (s.pos >= s.size) return "";
  const avail = s.size - s.pos;
  if (n < 0 || n > avail) n = avail;
  const a = jsIndex(s, s.pos);
  const b = s.pos + n >= s.size ? s.buf.length : jsIndex(s, s.pos + n);
  s.pos += n;
  return a === 0 && b === s.buf.length ? s.buf : s.buf.slice(a, b);
}

/** CPython: _stringio_readline. */
export function stringioReadline(s: PyStringIO, limit: number): string {
  if (s.pos >= s.size) return "";
  const a = jsIndex(s, s.pos);
  const r = findLineEnding(s.readtranslate, s.readuniversal, s.readnl, s.buf, a);
  let end = r >= 0 ? r : s.buf.length;
  if (limit >= 0) {
    const lim = s.wide ? a + cpIndex(s.buf.slice(a), limit) : a + limit;
    if (lim < end) end = lim;
  }
  const line = s.buf.slice(a, end);
  s.pos += s.wide ? cpLength(line) : line.length;
  return line;
}

const readArgs = new ArgParser("read", ["size"], { posonly: 1 });
const readlineArgs = new ArgParser("readline", ["size"], { posonly: 1 });
const seekArgs = new ArgParser("seek", ["pos", "whence"], { posonly: 2, required: 1 });
const truncateArgs = new ArgParser("truncate", ["pos"], { posonly: 1 });

PyStringIO_Type.tp_iter = (v) => {
  open_(v);
  return v;
};
PyStringIO_Type.tp_iternext = (v) => {
  let line: PyObject;
  if (Py_TYPE(v) === PyStringIO_Type) line = stringioReadline(open_(v), -1);
  else {
    line = PyObject_CallMethod(v, "readline");
    if (typeof line !== "string") throw newException(PyExc_OSError, [`readline() should have returned a str object, not '${Py_TYPE(line).tp_name}'`]);
  }
  return (line as string).length === 0 ? null : line;
};

PyStringIO_Type.tp_methods = [
  mNoArgs("getvalue", (v) => open_(v).buf),
  mArgs("read", readArgs, (v, [n]) => readN(open_(v), sizeArg(n))),
  mArgs("readline", readlineArgs, (v, [n]) => stringioReadline(open_(v), sizeArg(n))),
  mArgs("truncate", truncateArgs, (v, [posObj]) => {
    const s = open_(v);
    const size = posObj === null || posObj === Py_None ? s.pos : PyNumber_AsSsize_t(PyNumber_Index(posObj), "overflow");
    if (size < 0) throw valueError(`Negative size value ${size}`);
    if (size < s.size) {
      s.buf = s.buf.slice(0, jsIndex(s, size));
      s.size = size;
      if (s.wide) s.wide = hasSurrogates(s.buf);
    }
    return size;
  }),
  mArgs("seek", seekArgs, (v, [posObj, whenceObj]) => {
    const s = open_(v);
    let pos = PyNumber_AsSsize_t(PyNumber_Index(posObj as PyObject), "overflow");
    const whence = whenceObj === null ? 0 : PyNumber_AsSsize_t(whenceObj, "overflow");
    if (whence !== 0 && whence !== 1 && whence !== 2) throw valueError(`Invalid whence (${whence}, should be 0, 1 or 2)`);
    if (pos < 0 && whence === 0) throw valueError(`Negative seek position ${pos}`);
    if (whence !== 0 && pos !== 0) throw newException(PyExc_OSError, ["Can't do nonzero cur-relative seeks"]);
    if (whence === 1) pos = s.pos;
    else if (whence === 2) pos = s.size;
    s.pos = pos;
    return pos;
  }),
  mO("write", (v, obj) => {
    const s = self_(v);
    if (typeof obj !== "string") throw typeError(`string argument expected, got '${Py_TYPE(obj).tp_name}'`);
    if (s.closed) throw closedError();
    const size = hasSurrogates(obj) ? cpLength(obj) : obj.length;
    if (size > 0) writeStr(s, obj);
    return size;
  }),
  mNoArgs("tell", (v) => open_(v).pos),
  mNoArgs("readable", (v) => (open_(v), true)),
  mNoArgs("writable", (v) => (open_(v), true)),
  mNoArgs("seekable", (v) => (open_(v), true)),
  mNoArgs("close", (v) => {
    const s = v as PyStringIO;
    s.closed = true;
    s.buf = "";
    return Py_None;
  }),
  mNoArgs("__getstate__", (v) => {
    const s = open_(v);
    const d = s.dict;
    const copy = new PyDict();
    if (d !== null) for (const [k, val] of d.entries()) copy.setItem(k, val);
    return new PyTuple([s.buf, s.readnl === null ? Py_None : s.readnl, s.pos, d === null ? Py_None : copy]);
  }),
  mO("__setstate__", (v, state) => {
    const s = v as PyStringIO;
    if (s.closed) throw closedError();
    if (!(state instanceof PyTuple) || state.items.length < 4) {
      throw typeError(`${Py_TYPE(v).tp_name}.__setstate__ argument should be 4-tuple, got ${Py_TYPE(state).tp_name}`);
    }
    const [value, nl, pos, dict] = state.items;
    PyStringIO_Type.tp_init?.(v, [Py_None, nl], 0, 2, null);
    s.buf = value as string;
    s.wide = hasSurrogates(s.buf);
    s.size = s.wide ? cpLength(s.buf) : s.buf.length;
    if (typeof pos !== "number") throw typeError(`third item of state must be an integer, got ${Py_TYPE(pos).tp_name}`);
    if (pos < 0) throw valueError("position value cannot be negative");
    s.pos = pos;
    if (dict !== Py_None) {
      if (!(dict instanceof PyDict)) throw typeError(`fourth item of state should be a dict, got a ${Py_TYPE(dict).tp_name}`);
      const own = (s.dict ??= new PyDict());
      for (const [k, val] of dict.entries()) own.setItem(k, val);
    }
    return Py_None;
  }),
];
PyStringIO_Type.tp_getset = [
  { name: "closed", get: (v) => self_(v).closed },
  { name: "line_buffering", get: (v) => (open_(v), false) },
  { name: "newlines", get: (v) => open_(v).decoder?.newlines() ?? Py_None },
];

void PyObject_GetIter;
void PyIter_Next;
