// CPython: Modules/_io/textio.c — _TextIOBase, IncrementalNewlineDecoder, TextIOWrapper.
//
// Decoded text is kept as JS strings; positions that CPython counts in code points (the
// characters a tell() cookie skips) are counted in code points here too. Encoded output waits in
// `pending` (ASCII text stays a string until it is written) and goes to the buffer in chunks of
// _CHUNK_SIZE, as CPython's pending_bytes.
import { PyObjectBase, type PyObject, Py_None, Py_TYPE, Py_Ellipsis, newStaticType, PyBaseObject_Type, Py_TPFLAGS_BASETYPE } from "../../objects/object.js";
import { PyBytes, bytesLike } from "../../objects/bytesobject.js";
import { PyTuple } from "../../objects/tupleobject.js";
import {
  PyObject_IsTrue, PyObject_GetAttr, PyObject_GetOptionalAttr, PyObject_Repr, PyNumber_AsSsize_t, PyNumber_Index,
  PyObject_CallMethod, PyObject_RichCompareBool, PyObject_Call, PyObject_Vectorcall,
} from "../../objects/abstract.js";
import { newException, PyExc_OSError, PyExc_ValueError, PyExc_LookupError, PyExc_BlockingIOError, PyBaseException } from "../../objects/exceptions.js";
import { typeError, valueError, PyErr_ExceptionMatches } from "../../python/errors.js";
import { ArgParser } from "../../python/getargs.js";
import { PyImport_ImportModuleLevel } from "../../python/import.js";
import { Py_EQ, Py_LT } from "../../objects/object.js";
import { long_add, long_lshift, long_rshift, long_and, type PyInt } from "../../objects/longobject.js";
import {
  PyIOBaseObject, PyIOBase_Type, mNoArgs, mO, mArgs, sizeArg, unsupported, closedError, iobaseIsClosed,
} from "./iobase.js";
import {
  PyBuffered, PyBufferedReader_Type, PyBufferedWriter_Type, PyBufferedRandom_Type, bufferedWrite, bufferedRead1,
  bufferedRead, bufferedFlush,
} from "./bufferedio.js";
import { PyFileIO, PyFileIO_Type } from "./fileio.js";
import {
  type IncDecoder, type IncEncoder, nativeCodec, nativeDecoder, NativeEncoder, cpLength, cpIndex, hasSurrogates,
} from "./native_codecs.js";

/** The locale's encoding as CPython names it under a UTF-8 locale (nl_langinfo(CODESET)). */
export const LOCALE_ENCODING = "UTF-8";

// --- _TextIOBase ------------------------------------------------------------------------------------

export const PyTextIOBase_Type = newStaticType("_io._TextIOBase", PyIOBase_Type, Py_TPFLAGS_BASETYPE);
PyTextIOBase_Type.tp_methods = [
  mNoArgs("detach", () => {
    throw unsupported("detach");
  }),
  mArgs("read", new ArgParser("read", ["size"], { posonly: 1 }), () => {
    throw unsupported("read");
  }),
  mArgs("readline", new ArgParser("readline", ["size"], { posonly: 1 }), () => {
    throw unsupported("readline");
  }),
  mO("write", () => {
    throw unsupported("write");
  }),
];
PyTextIOBase_Type.tp_getset = [
  { name: "encoding", get: () => Py_None },
  { name: "newlines", get: () => Py_None },
  { name: "errors", get: () => Py_None },
];

// --- IncrementalNewlineDecoder ----------------------------------------------------------------------

const SEEN_CR = 1;
const SEEN_LF = 2;
const SEEN_CRLF = 4;

/** Universal-newline decoding over an inner decoder (CPython: nldecoder_object). */
export class NewlineDecoder implements IncDecoder {
  pendingcr = false;
  seennl = 0;
  constructor(
    readonly inner: IncDecoder | null,
    readonly translate: boolean,
  ) {}
  /** CPython: _PyIncrementalNewlineDecoder_decode on text already decoded. */
  process(output: string, final: boolean): string {
    if (this.pendingcr && (output.length > 0 || final)) {
      output = "\r" + output;
      this.pendingcr = false;
    }
    if (!final && output.length > 0 && output.charCodeAt(output.length - 1) === 13) {
      output = output.slice(0, -1);
      this.pendingcr = true;
    }
    const cr = output.indexOf("\r");
    const lf = output.indexOf("\n");
    if (cr < 0) {
      if (lf >= 0) this.seennl |= SEEN_LF;
      return output;
    }
    // count the kinds of line ending present
    let seen = 0;
    for (let i = Math.min(cr, lf < 0 ? cr : lf); i < output.length; i++) {
      const c = output.charCodeAt(i);
      if (c === 13) {
        if (output.charCodeAt(i + 1) === 10) {
          seen |= SEEN_CRLF;
          i++;
        } else seen |= SEEN_CR;
      } else if (c === 10) seen |= SEEN_LF;
      if (seen === 7) break;
    }
    this.seennl |= seen;
    if (this.translate) {
      if (seen & SEEN_CRLF) output = output.replaceAll("\r\n", "\n");
      if (seen & SEEN_CR) output = output.replaceAll("\r", "\n");
    }
    return output;
  }
  decode(input: Uint8Array, final: boolean): string {
    return this.process((this.inner as IncDecoder).decode(input, final), final);
  }
  getstate(): [Uint8Array, PyObject] {
    let buf: Uint8Array = new Uint8Array(0);
    let flag: PyInt = 0;
    if (this.inner !== null) {
      const [b, f] = this.inner.getstate();
      buf = b;
      flag = PyNumber_Index(f);
    }
    flag = long_lshift(flag, 1);
    if (this.pendingcr) flag = long_add(flag, 1);
    return [buf, flag];
  }
  setstate(buf: Uint8Array, flags: PyObject): void {
    const f = PyNumber_Index(flags);
    this.pendingcr = long_and(f, 1) !== 0;
    if (this.inner !== null) this.inner.setstate(buf, long_rshift(f, 1));
  }
  reset(): void {
    this.seennl = 0;
    this.pendingcr = false;
    this.inner?.reset();
  }
  newlines(): PyObject {
    switch (this.seennl) {
      case SEEN_CR: return "\r";
      case SEEN_LF: return "\n";
      case SEEN_CRLF: return "\r\n";
      case SEEN_CR | SEEN_LF: return new PyTuple(["\r", "\n"]);
      case SEEN_CR | SEEN_CRLF: return new PyTuple(["\r", "\r\n"]);
      case SEEN_LF | SEEN_CRLF: return new PyTuple(["\n", "\r\n"]);
      case SEEN_CR | SEEN_LF | SEEN_CRLF: return new PyTuple(["\r", "\n", "\r\n"]);
      default: return Py_None;
    }
  }
}

/** A Python incremental decoder object seen through IncDecoder. */
class PyDecoderAdapter implements IncDecoder {
  constructor(readonly obj: PyObject) {}
  decode(input: Uint8Array, final: boolean): string {
    return checkDecoded(PyObject_CallMethod(this.obj, "decode", new PyBytes(input), final));
  }
  getstate(): [Uint8Array, PyObject] {
    return parseDecoderState(PyObject_CallMethod(this.obj, "getstate"));
  }
  setstate(buf: Uint8Array, flags: PyObject): void {
    PyObject_CallMethod(this.obj, "setstate", new PyTuple([new PyBytes(buf), flags]));
  }
  reset(): void {
    PyObject_CallMethod(this.obj, "reset");
  }
}
function checkDecoded(r: PyObject): string {
  if (typeof r !== "string") throw typeError(`decoder should return a string result, not '${Py_TYPE(r).tp_name}'`);
  return r;
}
function parseDecoderState(st: PyObject): [Uint8Array, PyObject] {
  if (!(st instanceof PyTuple)) throw typeError("illegal decoder state");
  if (st.items.length !== 2) throw typeError(`illegal decoder state`);
  const [buf, flags] = st.items;
  if (!(buf instanceof PyBytes)) throw typeError(`illegal decoder state: the first item should be a bytes object, not '${Py_TYPE(buf).tp_name}'`);
  return [buf.value, flags];
}

class PyEncoderAdapter implements IncEncoder {
  constructor(readonly obj: PyObject) {}
  encode(s: string): Uint8Array {
    const r = PyObject_CallMethod(this.obj, "encode", s);
    const b = r instanceof PyBytes ? r.value : null;
    if (b === null) throw typeError(`encoder should return a bytes object, not '${Py_TYPE(r).tp_name}'`);
    return b;
  }
  reset(): void {
    PyObject_CallMethod(this.obj, "reset");
  }
  setstate(state: PyObject): void {
    PyObject_CallMethod(this.obj, "setstate", state);
  }
}

/** The Python-visible IncrementalNewlineDecoder. */
export class PyIncNewlineDecoder extends PyObjectBase {
  core: NewlineDecoder | null = null;
  /** The wrapped Python decoder object (or None). */
  decoderObj: PyObject = Py_None;
  errors: PyObject = "strict";
}
export const PyIncrementalNewlineDecoder_Type = newStaticType("_io.IncrementalNewlineDecoder", PyBaseObject_Type, Py_TPFLAGS_BASETYPE);
PyIncNewlineDecoder.prototype.ob_type = PyIncrementalNewlineDecoder_Type;
PyIncrementalNewlineDecoder_Type.tp_new = (type) => {
  const o = new PyIncNewlineDecoder();
  if (type !== PyIncrementalNewlineDecoder_Type) o.ob_type = type;
  return o;
};
const nldInitArgs = new ArgParser("IncrementalNewlineDecoder", ["decoder", "translate", "errors"], { required: 2 });
PyIncrementalNewlineDecoder_Type.tp_init = (self, args, start, nargs, kw) => {
  const [decoder, translate, errors] = nldInitArgs.parse(args, start, nargs, kw);
  const o = self as PyIncNewlineDecoder;
  o.decoderObj = decoder as PyObject;
  o.errors = errors ?? "strict";
  o.core = new NewlineDecoder(decoder === Py_None ? null : new PyDecoderAdapter(decoder as PyObject), PyObject_IsTrue(translate as PyObject));
};
function nld(v: PyObject): NewlineDecoder {
  const o = v as PyIncNewlineDecoder;
  if (!(o instanceof PyIncNewlineDecoder) || o.core === null) throw valueError("IncrementalNewlineDecoder.__init__() not called");
  return o.core;
}
const nldDecodeArgs = new ArgParser("decode", ["input", "final"], { required: 1 });
PyIncrementalNewlineDecoder_Type.tp_methods = [
  mArgs("decode", nldDecodeArgs, (v, [input, final]) => {
    const core = nld(v);
    const fin = final !== null && PyObject_IsTrue(final);
    let out: string;
    if (core.inner === null) out = checkDecoded(input as PyObject);
    else out = checkDecoded(PyObject_CallMethod((v as PyIncNewlineDecoder).decoderObj, "decode", input as PyObject, fin));
    return core.process(out, fin);
  }),
  mNoArgs("getstate", (v) => {
    const [buf, flag] = nld(v).getstate();
    return new PyTuple([new PyBytes(buf), flag]);
  }),
  mO("setstate", (v, state) => {
    if (!(state instanceof PyTuple) || state.items.length !== 2) throw typeError("state argument must be a tuple");
    const [buf, flag] = state.items;
    const core = nld(v);
    const f = PyNumber_Index(flag);
    core.pendingcr = long_and(f, 1) !== 0;
    if (core.inner !== null) PyObject_CallMethod((v as PyIncNewlineDecoder).decoderObj, "setstate", new PyTuple([buf, long_rshift(f, 1)]));
    return Py_None;
  }),
  mNoArgs("reset", (v) => {
    nld(v).reset();
    return Py_None;
  }),
];
PyIncrementalNewlineDecoder_Type.tp_getset = [{ name: "newlines", get: (v) => nld(v).newlines() }];

// --- codec lookup -----------------------------------------------------------------------------------

interface TextCodec {
  /** The codec's canonical name (codec_info.name). */
  name: string;
  makeDecoder(errors: string): IncDecoder;
  makeEncoder(errors: string): IncEncoder;
  /** The Python decoder object when it came from the registry (what `decoder` is in CPython). */
}

/** CPython: _PyCodec_LookupTextEncoding. */
function lookupTextEncoding(encoding: string): TextCodec {
  const nat = nativeCodec(encoding);
  if (nat !== null) {
    return {
      name: nat,
      makeDecoder: (errors) => nativeDecoder(nat, errors),
      makeEncoder: (errors) => new NativeEncoder(nat, errors),
    };
  }
  let codecs: PyObject;
  try {
    codecs = PyImport_ImportModuleLevel("codecs", Py_None, Py_None, 0);
  } catch (e) {
    if (e instanceof PyBaseException) throw newException(PyExc_LookupError, [`unknown encoding: ${encoding}`]);
    throw e;
  }
  const info = PyObject_CallMethod(codecs, "lookup", encoding);
  const isText = PyObject_GetOptionalAttr(info, "_is_text_encoding");
  if (isText !== null && !PyObject_IsTrue(isText)) {
    throw newException(PyExc_LookupError, [`'${encoding}' is not a text encoding; use codecs.open() to handle arbitrary codecs`]);
  }
  const name = PyObject_GetAttr(info, "name");
  return {
    name: typeof name === "string" ? name : encoding,
    makeDecoder: (errors) => new PyDecoderAdapter(PyObject_Vectorcall(PyObject_GetAttr(info, "incrementaldecoder"), [errors], 0, 1, null)),
    makeEncoder: (errors) => new PyEncoderAdapter(PyObject_Vectorcall(PyObject_GetAttr(info, "incrementalencoder"), [errors], 0, 1, null)),
  };
}

// --- TextIOWrapper ----------------------------------------------------------------------------------

export class PyTextIO extends PyIOBaseObject {
  ok = 0;
  detached = false;
  buffer: PyObject = Py_None;
  /** The buffer when it is an exact built-in buffered object (called directly). */
  fastBuffer: PyBuffered | null = null;
  /** The FileIO under fastBuffer, for the closed check (CPython: self->raw). */
  raw: PyFileIO | null = null;
  encoding: PyObject = Py_None;
  errors = "strict";
  codecName = "";
  decoder: IncDecoder | null = null;
  encoder: IncEncoder | null = null;
  /** The encoder is the native UTF-8/latin-1/ascii one (ASCII text can stay a string). */
  asciiCompatEncoder = false;
  readuniversal = false;
  readtranslate = false;
  writetranslate = false;
  readnl: string | null = null;
  writenl: string | null = null;
  line_buffering = false;
  write_through = false;
  decoded_chars = "";
  /** JS index into decoded_chars. */
  decoded_chars_used = 0;
  decodedHasSurrogates = false;
  pending: (string | Uint8Array)[] = [];
  pending_count = 0;
  /** (dec_flags, next_input) at the start of the last chunk, for tell(). */
  snapshot: [PyObject, Uint8Array] | null = null;
  b2cratio = 0;
  seekable = false;
  telling = false;
  has_read1 = false;
  chunk_size = 8192;
  encoding_start_of_stream = false;
  finalizing = false;
}
export const PyTextIOWrapper_Type = newStaticType("_io.TextIOWrapper", PyTextIOBase_Type, Py_TPFLAGS_BASETYPE);
PyTextIO.prototype.ob_type = PyTextIOWrapper_Type;
PyTextIOWrapper_Type.tp_dictoffset = 1;
PyTextIOWrapper_Type.tp_new = (type) => {
  const o = new PyTextIO();
  if (type !== PyTextIOWrapper_Type) o.ob_type = type;
  return o;
};

function self_(v: PyObject): PyTextIO {
  if (!(v instanceof PyTextIO)) throw typeError(`descriptor requires a '_io.TextIOWrapper' object but received a '${Py_TYPE(v).tp_name}'`);
  return v;
}
/** CPython: CHECK_ATTACHED. */
function attached(v: PyObject): PyTextIO {
  const t = self_(v);
  if (t.ok <= 0) {
    if (t.detached) throw valueError("underlying buffer has been detached");
    throw valueError("I/O operation on uninitialized object");
  }
  return t;
}
/** CPython: CHECK_CLOSED. */
function checkClosedT(t: PyTextIO): void {
  let closed: boolean;
  if (Py_TYPE(t) === PyTextIOWrapper_Type) {
    if (t.raw !== null) closed = t.raw.fd < 0;
    else closed = PyObject_IsTrue(PyObject_GetAttr(t.buffer, "closed"));
  } else closed = PyObject_IsTrue(PyObject_GetAttr(t, "closed"));
  if (closed) throw closedError();
}

function validateNewline(newline: string): void {
  if (newline !== "" && newline !== "\n" && newline !== "\r" && newline !== "\r\n") throw valueError(`illegal newline value: ${newline}`);
}

function setNewline(t: PyTextIO, newline: string | null): void {
  t.readnl = newline;
  t.readuniversal = newline === null || newline === "";
  t.readtranslate = newline === null;
  t.writetranslate = newline === null || newline !== "";
  t.writenl = null;
  if (!t.readuniversal && t.readnl !== null) {
    t.writenl = t.readnl === "\n" ? null : t.readnl;
  }
}

function setDecodedChars(t: PyTextIO, s: string): void {
  t.decoded_chars = s;
  t.decoded_chars_used = 0;
  t.decodedHasSurrogates = s.length > 0 && hasSurrogates(s);
}

/** Up to n code points of the decoded text not yet used (all when n < 0). */
function getDecodedChars(t: PyTextIO, n: number): string {
  const s = t.decoded_chars;
  const used = t.decoded_chars_used;
  if (used >= s.length) return "";
  let end: number;
  if (n < 0) end = s.length;
  else if (!t.decodedHasSurrogates) end = Math.min(s.length, used + n);
  else end = used + cpIndex(s.slice(used), n);
  t.decoded_chars_used = end;
  return used === 0 && end === s.length ? s : s.slice(used, end);
}

function setupCodec(t: PyTextIO, codec: TextCodec, errors: string): void {
  t.codecName = codec.name;
  t.decoder = null;
  t.encoder = null;
  if (PyObject_IsTrue(PyObject_CallMethod(t.buffer, "readable"))) {
    const d = codec.makeDecoder(errors);
    t.decoder = t.readuniversal ? new NewlineDecoder(d, t.readtranslate) : d;
  }
  if (PyObject_IsTrue(PyObject_CallMethod(t.buffer, "writable"))) {
    t.encoder = codec.makeEncoder(errors);
    t.asciiCompatEncoder = t.encoder instanceof NativeEncoder && t.encoder.codec !== "utf-8-sig";
  }
}

/** CPython: _textiowrapper_fix_encoder_state. */
function fixEncoderState(t: PyTextIO): void {
  if (!t.seekable || t.encoder === null) return;
  t.encoding_start_of_stream = true;
  const cookie = PyObject_CallMethod(t.buffer, "tell");
  if (!PyObject_RichCompareBool(cookie, 0, Py_EQ)) {
    t.encoding_start_of_stream = false;
    t.encoder.setstate(0);
  }
}

const initArgs = new ArgParser("TextIOWrapper", ["buffer", "encoding", "errors", "newline", "line_buffering", "write_through"], { required: 1 });

function strOrNone(fname: string, what: string, v: PyObject | null): string | null {
  if (v === null || v === Py_None) return null;
  if (typeof v !== "string") throw typeError(`${fname}() argument '${what}' must be str or None, not ${Py_TYPE(v).tp_name}`);
  if (v.includes("\0")) throw valueError("embedded null character");
  return v;
}

/** CPython: _io_TextIOWrapper___init___impl. */
export function textiowrapperInit(
  t: PyTextIO, buffer: PyObject, encodingArg: string | null, errorsArg: string | null, newline: string | null,
  lineBuffering: boolean, writeThrough: boolean,
): void {
  t.ok = 0;
  t.detached = false;
  if (newline !== null) validateNewline(newline);
  const errors = errorsArg ?? "strict";
  let encoding = encodingArg;
  if (encoding === null || encoding === "locale") encoding = LOCALE_ENCODING;
  const codec = lookupTextEncoding(encoding);
  t.encoding = encoding;
  t.errors = errors;
  t.chunk_size = 8192;
  t.line_buffering = lineBuffering;
  t.write_through = writeThrough;
  setNewline(t, newline);
  t.buffer = buffer;
  setDecodedChars(t, "");
  t.pending = [];
  t.pending_count = 0;
  t.snapshot = null;
  t.b2cratio = 0;
  setupCodec(t, codec, errors);
  const bt = Py_TYPE(buffer);
  t.fastBuffer = null;
  t.raw = null;
  if ((bt === PyBufferedReader_Type || bt === PyBufferedWriter_Type || bt === PyBufferedRandom_Type) && buffer instanceof PyBuffered) {
    t.fastBuffer = buffer;
    const raw = buffer.raw;
    if (raw instanceof PyFileIO && Py_TYPE(raw) === PyFileIO_Type) t.raw = raw;
  }
  t.seekable = t.telling = PyObject_IsTrue(PyObject_CallMethod(buffer, "seekable"));
  t.has_read1 = PyObject_GetOptionalAttr(buffer, "read1") !== null;
  t.encoding_start_of_stream = false;
  fixEncoderState(t);
  t.ok = 1;
}

PyTextIOWrapper_Type.tp_init = (self, args, start, nargs, kw) => {
  const [buffer, encoding, errors, newline, lb, wt] = initArgs.parse(args, start, nargs, kw);
  const t = self_(self);
  const enc = strOrNone("TextIOWrapper", "encoding", encoding);
  if (errors !== null && errors !== Py_None && typeof errors !== "string") {
    throw typeError(`TextIOWrapper() argument 'errors' must be str or None, not ${Py_TYPE(errors).tp_name}`);
  }
  const nl = strOrNone("TextIOWrapper", "newline", newline);
  textiowrapperInit(t, buffer as PyObject, enc, errors === null || errors === Py_None ? null : (errors as string), nl,
    lb !== null && PyObject_IsTrue(lb), wt !== null && PyObject_IsTrue(wt));
};

/** Writes the pending encoded text to the buffer (CPython: _textiowrapper_writeflush). */
export function textiowrapperWriteflush(t: PyTextIO): void {
  if (t.pending.length === 0) return;
  const parts = t.pending;
  const count = t.pending_count;
  t.pending = [];
  t.pending_count = 0;
  let bytes: Uint8Array;
  if (parts.length === 1) {
    const p = parts[0];
    bytes = typeof p === "string" ? Buffer.from(p, "latin1") : p;
  } else {
    let allStr = true;
    for (const p of parts) if (typeof p !== "string") allStr = false;
    if (allStr) bytes = Buffer.from((parts as string[]).join(""), "latin1");
    else {
      bytes = new Uint8Array(count);
      let off = 0;
      for (const p of parts) {
        if (typeof p === "string") {
          (bytes as Buffer).set(Buffer.from(p, "latin1"), off);
          off += p.length;
        } else {
          bytes.set(p, off);
          off += p.length;
        }
      }
    }
  }
  if (t.fastBuffer !== null && t.fastBuffer.ok > 0) bufferedWrite(t.fastBuffer, bytes);
  else PyObject_CallMethod(t.buffer, "write", new PyBytes(bytes));
}

const ASCII_ONLY = /^[\x00-\x7f]*$/;

/** CPython: _io_TextIOWrapper_write_impl (text already checked to be a str). */
export function textiowrapperWrite(t: PyTextIO, text: string): number {
  checkClosedT(t);
  if (t.encoder === null) throw unsupported("not writable");
  const textLen = t.decodedHasSurrogates || hasSurrogates(text) ? cpLength(text) : text.length;
  let haslf = false;
  if ((t.writetranslate && t.writenl !== null) || t.line_buffering) haslf = text.includes("\n");
  if (haslf && t.writetranslate && t.writenl !== null) text = text.replaceAll("\n", t.writenl);
  const textNeedflush = t.write_through;
  const needflush = t.line_buffering && (haslf || text.includes("\r"));
  let b: string | Uint8Array;
  if (t.asciiCompatEncoder && ASCII_ONLY.test(text)) b = text;
  else b = t.encoder.encode(text);
  t.encoding_start_of_stream = false;
  const blen = b.length;
  if (t.pending_count + blen > t.chunk_size) textiowrapperWriteflush(t);
  t.pending.push(b);
  t.pending_count += blen;
  if (t.pending_count >= t.chunk_size || needflush || textNeedflush) textiowrapperWriteflush(t);
  if (needflush) {
    if (t.fastBuffer !== null && t.fastBuffer.ok > 0) bufferedFlush(t.fastBuffer);
    else PyObject_CallMethod(t.buffer, "flush");
  }
  if (t.decoded_chars.length > 0) setDecodedChars(t, "");
  t.snapshot = null;
  if (t.decoder !== null) t.decoder.reset();
  return textLen;
}

/** CPython: textiowrapper_read_chunk: false at EOF. */
function readChunk(t: PyTextIO, sizeHint: number): boolean {
  if (t.decoder === null) throw unsupported("not readable");
  let decBuffer: Uint8Array | null = null;
  let decFlags: PyObject = 0;
  if (t.telling) [decBuffer, decFlags] = t.decoder.getstate();
  if (sizeHint > 0) sizeHint = Math.floor(Math.max(t.b2cratio, 1.0) * sizeHint);
  const chunkSize = Math.max(t.chunk_size, sizeHint);
  let input: PyObject;
  const fb = t.fastBuffer;
  if (fb !== null && fb.ok > 0 && fb.readable) input = bufferedRead1(fb, chunkSize);
  else input = PyObject_CallMethod(t.buffer, t.has_read1 ? "read1" : "read", chunkSize);
  const bytes = input === Py_None ? null : bytesLike(input);
  if (bytes === null) {
    if (input === Py_None) throw newException(PyExc_BlockingIOError, ["Read returned None."]);
    throw typeError(`underlying ${t.has_read1 ? "read1" : "read"}() should have returned a bytes-like object, not '${Py_TYPE(input).tp_name}'`);
  }
  const nbytes = bytes.length;
  let eof = nbytes === 0;
  const decoded = t.decoder.decode(bytes, eof);
  const nchars = decoded.length;
  t.b2cratio = nchars > 0 ? nbytes / (hasSurrogates(decoded) ? cpLength(decoded) : nchars) : 0;
  if (nchars > 0) eof = false;
  setDecodedChars(t, decoded);
  if (t.telling) {
    const prev = decBuffer as Uint8Array;
    let next: Uint8Array;
    if (prev.length === 0) next = bytes.slice();
    else {
      next = new Uint8Array(prev.length + nbytes);
      next.set(prev, 0);
      next.set(bytes, prev.length);
    }
    t.snapshot = [decFlags, next];
  }
  return !eof;
}

/** CPython: _io_TextIOWrapper_read_impl. */
export function textiowrapperRead(t: PyTextIO, n: number): string {
  checkClosedT(t);
  if (t.decoder === null) throw unsupported("not readable");
  textiowrapperWriteflush(t);
  if (n < 0) {
    const fb = t.fastBuffer;
    const bytesObj = fb !== null && fb.ok > 0 && fb.readable ? bufferedRead(fb, -1) : PyObject_CallMethod(t.buffer, "read");
    if (bytesObj === Py_None) throw newException(PyExc_BlockingIOError, ["Read returned None."]);
    const bytes = bytesLike(bytesObj);
    if (bytes === null) throw typeError(`underlying read() should have returned a bytes object, not '${Py_TYPE(bytesObj).tp_name}'`);
    const decoded = t.decoder.decode(bytes, true);
    const result = getDecodedChars(t, -1);
    setDecodedChars(t, "");
    t.snapshot = null;
    return result.length === 0 ? decoded : result + decoded;
  }
  let result = getDecodedChars(t, n);
  let remaining = n - (t.decodedHasSurrogates ? cpLength(result) : result.length);
  if (remaining <= 0) return result;
  const chunks: string[] = [result];
  while (remaining > 0) {
    if (!readChunk(t, remaining)) break;
    result = getDecodedChars(t, remaining);
    chunks.push(result);
    remaining -= t.decodedHasSurrogates ? cpLength(result) : result.length;
  }
  return chunks.join("");
}

/**
 * CPython: _PyIO_find_line_ending. Returns the index just past the line ending in s[start, end),
 * or -(consumed+1) when there is none, `consumed` being how far it is safe to put aside.
 */
export function findLineEnding(translated: boolean, universal: boolean, readnl: string | null, s: string, start: number): number {
  const end = s.length;
  if (translated) {
    const i = s.indexOf("\n", start);
    return i >= 0 ? i + 1 : -(end + 1);
  }
  if (universal) {
    for (let i = start; i < end; i++) {
      const c = s.charCodeAt(i);
      if (c === 10) return i + 1;
      if (c === 13) return s.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
    }
    return -(end + 1);
  }
  const nl = readnl as string;
  const i = s.indexOf(nl, start);
  if (i >= 0) return i + nl.length;
  if (nl.length === 1) return -(end + 1);
  // a partial line ending may be at the very end
  const safe = Math.max(start, end - nl.length + 1);
  return -(safe + 1);
}

/** CPython: _textiowrapper_readline. `limit` counts code points. */
export function textiowrapperReadline(t: PyTextIO, limit: number): string {
  checkClosedT(t);
  textiowrapperWriteflush(t);
  let chunks: string[] | null = null;
  let chunked = 0;
  let remaining: string | null = null;
  let line: string | null = null;
  let start = 0;
  let endpos = 0;
  let offsetToBuffer = 0;
  for (;;) {
    let res = true;
    while (t.decoded_chars.length - t.decoded_chars_used <= 0 || t.decoded_chars.length === 0) {
      res = readChunk(t, 0);
      if (!res) break;
    }
    if (!res) {
      setDecodedChars(t, "");
      t.snapshot = null;
      start = endpos = offsetToBuffer = 0;
      line = null;
      break;
    }
    if (remaining === null) {
      line = t.decoded_chars;
      start = t.decoded_chars_used;
      offsetToBuffer = 0;
    } else {
      line = remaining + t.decoded_chars.slice(t.decoded_chars_used);
      start = 0;
      offsetToBuffer = remaining.length;
      remaining = null;
    }
    const r = findLineEnding(t.readtranslate, t.readuniversal, t.readnl, line, start);
    if (r >= 0) {
      endpos = r;
      if (limit >= 0 && lenCp(t, line, start, endpos) + chunked >= limit) endpos = start + cpIndex(line.slice(start), limit - chunked);
      break;
    }
    endpos = -r - 1;
    if (limit >= 0 && lenCp(t, line, start, endpos) + chunked >= limit) {
      endpos = start + cpIndex(line.slice(start), limit - chunked);
      break;
    }
    if (endpos > start) {
      const s = line.slice(start, endpos);
      (chunks ??= []).push(s);
      chunked += lenCp(t, s, 0, s.length);
    }
    if (endpos < line.length) remaining = line.slice(endpos);
    line = null;
    setDecodedChars(t, "");
  }
  let result: string;
  if (line !== null) {
    t.decoded_chars_used = endpos - offsetToBuffer;
    result = start > 0 || endpos < line.length ? line.slice(start, endpos) : line;
  } else result = "";
  if (remaining !== null) (chunks ??= []).push(remaining);
  if (chunks !== null) {
    if (line !== null) chunks.push(result);
    return chunks.join("");
  }
  return result;
}
function lenCp(t: PyTextIO, s: string, a: number, b: number): number {
  return t.decodedHasSurrogates ? cpLength(s.slice(a, b)) : b - a;
}

// --- tell/seek cookies (CPython: cookie_type, COOKIE_BUF_LEN on a 64-bit little-endian system) -------

interface Cookie {
  start_pos: PyInt;
  dec_flags: PyInt;
  bytes_to_feed: number;
  chars_to_skip: number;
  need_eof: number;
}
function buildCookie(c: Cookie): PyInt {
  if (c.dec_flags === 0 && c.bytes_to_feed === 0 && c.chars_to_skip === 0 && c.need_eof === 0) return c.start_pos;
  const v =
    BigInt.asUintN(64, BigInt(c.start_pos)) |
    (BigInt.asUintN(32, BigInt(c.dec_flags)) << 64n) |
    (BigInt(c.bytes_to_feed) << 96n) |
    (BigInt(c.chars_to_skip) << 128n) |
    (BigInt(c.need_eof) << 160n);
  return v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
}
function parseCookie(v: PyObject): Cookie {
  const n = BigInt(PyNumber_Index(v));
  const field = (shift: bigint, bits: number): bigint => BigInt.asUintN(bits, n >> shift);
  const sp = BigInt.asIntN(64, field(0n, 64));
  const df = BigInt.asIntN(32, field(64n, 32));
  return {
    start_pos: sp >= BigInt(Number.MIN_SAFE_INTEGER) && sp <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(sp) : sp,
    dec_flags: Number(df),
    bytes_to_feed: Number(BigInt.asIntN(32, field(96n, 32))),
    chars_to_skip: Number(BigInt.asIntN(32, field(128n, 32))),
    need_eof: Number(field(160n, 8)),
  };
}

function decoderSetstate(t: PyTextIO, c: Cookie): void {
  const d = t.decoder as IncDecoder;
  if (c.start_pos === 0 && c.dec_flags === 0) d.reset();
  else d.setstate(new Uint8Array(0), c.dec_flags);
}
function encoderSetstate(t: PyTextIO, c: Cookie): void {
  const e = t.encoder as IncEncoder;
  if (c.start_pos === 0 && c.dec_flags === 0) e.reset();
  else e.setstate(0);
}

function decodedLen(d: IncDecoder, input: Uint8Array, final = false): number {
  const s = d.decode(input, final);
  return hasSurrogates(s) ? cpLength(s) : s.length;
}

function bufferTell(t: PyTextIO): PyInt {
  return PyNumber_Index(PyObject_CallMethod(t.buffer, "tell"));
}

/** CPython: _io_TextIOWrapper_tell_impl. */
export function textiowrapperTell(t: PyTextIO): PyObject {
  checkClosedT(t);
  if (!t.seekable) throw unsupported("underlying stream is not seekable");
  if (!t.telling) throw newException(PyExc_OSError, ["telling position disabled by next() call"]);
  textiowrapperWriteflush(t);
  PyObject_CallMethod(t, "flush");
  const posobj = bufferTell(t);
  if (t.decoder === null || t.snapshot === null) return posobj;
  const [decFlagsObj, nextInput] = t.snapshot;
  const cookie: Cookie = { start_pos: 0, dec_flags: 0, bytes_to_feed: 0, chars_to_skip: 0, need_eof: 0 };
  const startPos = BigInt(posobj) - BigInt(nextInput.length);
  cookie.start_pos = Number(startPos);
  cookie.dec_flags = PyNumber_Index(decFlagsObj);
  if (t.decoded_chars_used === 0) return buildCookie(cookie);
  let charsToSkip = t.decodedHasSurrogates ? cpLength(t.decoded_chars.slice(0, t.decoded_chars_used)) : t.decoded_chars_used;
  const decoder = t.decoder;
  const saved = decoder.getstate();
  try {
    let skipBytes = Math.floor(t.b2cratio * charsToSkip);
    let skipBack = 1;
    while (skipBytes > 0) {
      decoderSetstate(t, cookie);
      const charsDecoded = decodedLen(decoder, nextInput.subarray(0, skipBytes));
      if (charsDecoded <= charsToSkip) {
        const [decBuffer, decFlags] = decoder.getstate();
        if (decBuffer.length === 0) {
          cookie.dec_flags = PyNumber_Index(decFlags);
          charsToSkip -= charsDecoded;
          break;
        }
        skipBytes -= decBuffer.length;
        skipBack = 1;
      } else {
        skipBytes -= skipBack;
        skipBack *= 2;
      }
    }
    if (skipBytes <= 0) {
      skipBytes = 0;
      decoderSetstate(t, cookie);
    }
    cookie.start_pos = Number(startPos) + skipBytes;
    cookie.chars_to_skip = charsToSkip;
    if (charsToSkip === 0) return buildCookie(cookie);
    let charsDecoded = 0;
    let i = skipBytes;
    const endIn = nextInput.length;
    for (; i < endIn; i++) {
      charsDecoded += decodedLen(decoder, nextInput.subarray(i, i + 1));
      cookie.bytes_to_feed += 1;
      const [decBuffer, decFlags] = decoder.getstate();
      if (decBuffer.length === 0 && charsDecoded <= charsToSkip) {
        cookie.start_pos = (cookie.start_pos as number) + cookie.bytes_to_feed;
        charsToSkip -= charsDecoded;
        cookie.dec_flags = PyNumber_Index(decFlags);
        cookie.bytes_to_feed = 0;
        charsDecoded = 0;
      }
      if (charsDecoded >= charsToSkip) break;
    }
    if (i >= endIn) {
      charsDecoded += decodedLen(decoder, new Uint8Array(0), true);
      cookie.need_eof = 1;
      if (charsDecoded < charsToSkip) throw newException(PyExc_OSError, ["can't reconstruct logical file position"]);
    }
    cookie.chars_to_skip = charsToSkip;
    return buildCookie(cookie);
  } finally {
    decoder.setstate(saved[0], saved[1]);
  }
}

/** CPython: _io_TextIOWrapper_seek_impl. */
export function textiowrapperSeek(t: PyTextIO, cookieObj: PyObject, whence: number): PyObject {
  checkClosedT(t);
  if (!t.seekable) throw unsupported("underlying stream is not seekable");
  switch (whence) {
    case 1:
      if (!PyObject_RichCompareBool(cookieObj, 0, Py_EQ)) throw unsupported("can't do nonzero cur-relative seeks");
      cookieObj = PyObject_CallMethod(t, "tell");
      break;
    case 2: {
      if (!PyObject_RichCompareBool(cookieObj, 0, Py_EQ)) throw unsupported("can't do nonzero end-relative seeks");
      PyObject_CallMethod(t, "flush");
      setDecodedChars(t, "");
      t.snapshot = null;
      t.decoder?.reset();
      const res = PyObject_CallMethod(t.buffer, "seek", 0, 2);
      if (t.encoder !== null) {
        if (PyObject_RichCompareBool(res, 0, Py_EQ)) {
          t.encoder.reset();
          t.encoding_start_of_stream = true;
        } else {
          t.encoder.setstate(0);
          t.encoding_start_of_stream = false;
        }
      }
      return res;
    }
    case 0:
      break;
    default:
      throw valueError(`invalid whence (${whence}, should be 0, 1 or 2)`);
  }
  if (PyObject_RichCompareBool(cookieObj, 0, Py_LT)) throw valueError(`negative seek position ${PyObject_Repr(cookieObj)}`);
  PyObject_CallMethod(t, "flush");
  const cookie = parseCookie(cookieObj);
  PyObject_CallMethod(t.buffer, "seek", cookie.start_pos);
  setDecodedChars(t, "");
  t.snapshot = null;
  if (t.decoder !== null) decoderSetstate(t, cookie);
  if (cookie.chars_to_skip) {
    const chunk = PyObject_CallMethod(t.buffer, "read", cookie.bytes_to_feed);
    if (!(chunk instanceof PyBytes)) throw typeError(`underlying read() should have returned a bytes object, not '${Py_TYPE(chunk).tp_name}'`);
    t.snapshot = [cookie.dec_flags, chunk.value];
    const decoded = (t.decoder as IncDecoder).decode(chunk.value, cookie.need_eof !== 0);
    setDecodedChars(t, decoded);
    if (cpLength(decoded) < cookie.chars_to_skip) throw newException(PyExc_OSError, ["can't restore logical file position"]);
    t.decoded_chars_used = cpIndex(decoded, cookie.chars_to_skip);
  } else t.snapshot = [cookie.dec_flags, new Uint8Array(0)];
  if (t.encoder !== null) encoderSetstate(t, cookie);
  return cookieObj;
}

export function textiowrapperFlush(t: PyTextIO): void {
  checkClosedT(t);
  t.telling = t.seekable;
  textiowrapperWriteflush(t);
  if (t.fastBuffer !== null && t.fastBuffer.ok > 0) bufferedFlush(t.fastBuffer);
  else PyObject_CallMethod(t.buffer, "flush");
}

function textiowrapperClosed(t: PyTextIO): boolean {
  if (t.raw !== null && Py_TYPE(t) === PyTextIOWrapper_Type) return t.raw.fd < 0;
  return PyObject_IsTrue(PyObject_GetAttr(t.buffer, "closed"));
}

function textiowrapperClose(v: PyObject): PyObject {
  const t = attached(v);
  if (PyObject_IsTrue(PyObject_GetAttr(v, "closed"))) return Py_None;
  let err: unknown = null;
  try {
    PyObject_CallMethod(v, "flush");
  } catch (e) {
    err = e;
  }
  try {
    PyObject_CallMethod(t.buffer, "close");
  } catch (e) {
    if (err instanceof PyBaseException && e instanceof PyBaseException && e !== err) e.context = err;
    err = e;
  }
  if (err !== null) throw err;
  return Py_None;
}

const readArgs = new ArgParser("read", ["size"], { posonly: 1 });
const readlineArgs = new ArgParser("readline", ["size"], { posonly: 1 });
const seekArgs = new ArgParser("seek", ["cookie", "whence"], { posonly: 2, required: 1 });
const truncateArgs = new ArgParser("truncate", ["pos"], { posonly: 1 });
const reconfigureArgs = new ArgParser("reconfigure", ["encoding", "errors", "newline", "line_buffering", "write_through"], { kwonlyStart: 0 });

function optionalBool(v: PyObject | null, dflt: boolean): boolean {
  if (v === null || v === Py_None) return dflt;
  return PyObject_IsTrue(v);
}

PyTextIOWrapper_Type.tp_methods = [
  mNoArgs("detach", (v) => {
    const t = attached(v);
    PyObject_CallMethod(v, "flush");
    const buffer = t.buffer;
    t.buffer = Py_None;
    t.fastBuffer = null;
    t.raw = null;
    t.detached = true;
    t.ok = 0;
    return buffer;
  }),
  mO("write", (v, text) => {
    const t = attached(v);
    if (typeof text !== "string") throw typeError(`write() argument must be str, not ${Py_TYPE(text).tp_name}`);
    return textiowrapperWrite(t, text);
  }),
  mArgs("read", readArgs, (v, [n]) => textiowrapperRead(attached(v), sizeArg(n))),
  mArgs("readline", readlineArgs, (v, [n]) => {
    const t = attached(v);
    if (n !== null && n !== Py_None && typeof n !== "number" && typeof n !== "bigint" && typeof n !== "boolean") {
      sizeArg(n);
    }
    return textiowrapperReadline(t, sizeArg(n));
  }),
  mNoArgs("flush", (v) => {
    textiowrapperFlush(attached(v));
    return Py_None;
  }),
  mNoArgs("close", textiowrapperClose),
  mNoArgs("fileno", (v) => PyObject_CallMethod(attached(v).buffer, "fileno")),
  mNoArgs("seekable", (v) => PyObject_CallMethod(attached(v).buffer, "seekable")),
  mNoArgs("readable", (v) => PyObject_CallMethod(attached(v).buffer, "readable")),
  mNoArgs("writable", (v) => PyObject_CallMethod(attached(v).buffer, "writable")),
  mNoArgs("isatty", (v) => PyObject_CallMethod(attached(v).buffer, "isatty")),
  mArgs("seek", seekArgs, (v, [cookie, whence]) => {
    const t = attached(v);
    return textiowrapperSeek(t, cookie as PyObject, whence === null ? 0 : PyNumber_AsSsize_t(whence, "overflow"));
  }),
  mNoArgs("tell", (v) => textiowrapperTell(attached(v))),
  mArgs("truncate", truncateArgs, (v, [pos]) => {
    const t = attached(v);
    PyObject_CallMethod(v, "flush");
    return PyObject_CallMethod(t.buffer, "truncate", pos ?? Py_None);
  }),
  mArgs("reconfigure", reconfigureArgs, (v, [encoding, errors, newline, lb, wt]) => {
    const t = attached(v);
    const enc = strOrNone("reconfigure", "encoding", encoding);
    const errs = strOrNone("reconfigure", "errors", errors);
    const newlineGiven = newline !== null && newline !== Py_Ellipsis;
    const nl = newlineGiven ? strOrNone("reconfigure", "newline", newline) : null;
    if (t.decoded_chars.length > 0 && (enc !== null || errs !== null || newlineGiven)) {
      throw unsupported("It is not possible to set the encoding or newline of stream after the first read");
    }
    if (nl !== null) validateNewline(nl);
    const lineBuffering = optionalBool(lb, t.line_buffering);
    const writeThrough = optionalBool(wt, t.write_through);
    PyObject_CallMethod(v, "flush");
    t.b2cratio = 0;
    if (newlineGiven) setNewline(t, nl);
    if (enc !== null || errs !== null || newlineGiven) {
      let encoding: string;
      let errors: string;
      if (enc === null) {
        encoding = t.encoding as string;
        errors = errs ?? t.errors;
      } else {
        encoding = enc === "locale" ? LOCALE_ENCODING : enc;
        errors = errs ?? "strict";
      }
      const codec = lookupTextEncoding(encoding);
      t.encoding = encoding;
      t.errors = errors;
      setupCodec(t, codec, errors);
      fixEncoderState(t);
    }
    t.line_buffering = lineBuffering;
    t.write_through = writeThrough;
    return Py_None;
  }),
  mNoArgs("__getstate__", (v) => {
    throw typeError(`cannot pickle '${Py_TYPE(v).tp_name}' instances`);
  }),
];

PyTextIOWrapper_Type.tp_iternext = (v) => {
  const t = attached(v);
  t.telling = false;
  let line: PyObject;
  try {
    if (Py_TYPE(v) === PyTextIOWrapper_Type) line = textiowrapperReadline(t, -1);
    else {
      line = PyObject_CallMethod(v, "readline");
      if (typeof line !== "string") {
        throw newException(PyExc_OSError, [`readline() should have returned a str object, not '${Py_TYPE(line).tp_name}'`]);
      }
    }
  } catch (e) {
    t.snapshot = null;
    t.telling = t.seekable;
    throw e;
  }
  if ((line as string).length === 0) {
    t.snapshot = null;
    t.telling = t.seekable;
    return null;
  }
  return line;
};

PyTextIOWrapper_Type.tp_repr = (v) => {
  const t = self_(v);
  let out = `<${Py_TYPE(v).tp_name}`;
  const optional = (name: string): PyObject | null => {
    try {
      return PyObject_GetOptionalAttr(v, name);
    } catch (e) {
      // a detached stream's name raises ValueError, which the repr leaves out
      if (PyErr_ExceptionMatches(e, PyExc_ValueError)) return null;
      throw e;
    }
  };
  const name = optional("name");
  if (name !== null) out += ` name=${PyObject_Repr(name)}`;
  const mode = optional("mode");
  if (mode !== null) out += ` mode=${PyObject_Repr(mode)}`;
  out += ` encoding=${PyObject_Repr(t.encoding)}>`;
  return out;
};

PyTextIOWrapper_Type.tp_getset = [
  { name: "name", get: (v) => PyObject_GetAttr(attached(v).buffer, "name") },
  { name: "closed", get: (v) => textiowrapperClosed(attached(v)) },
  {
    name: "newlines",
    get: (v) => {
      const d = attached(v).decoder;
      return d instanceof NewlineDecoder ? d.newlines() : Py_None;
    },
  },
  { name: "errors", get: (v) => self_(v).errors },
  { name: "encoding", get: (v) => self_(v).encoding },
  { name: "buffer", get: (v) => self_(v).buffer },
  { name: "line_buffering", get: (v) => self_(v).line_buffering },
  { name: "write_through", get: (v) => self_(v).write_through },
  { name: "_finalizing", get: (v) => self_(v).finalizing },
  {
    name: "_CHUNK_SIZE",
    get: (v) => attached(v).chunk_size,
    set: (v, value) => {
      const t = attached(v);
      if (value === null) throw newException(PyExc_OSError, ["cannot delete attribute"]);
      const n = PyNumber_AsSsize_t(value, "overflow");
      if (n <= 0) throw valueError("a strictly positive integer is required");
      t.chunk_size = n;
    },
  },
];

void iobaseIsClosed;
void PyObject_Call;
