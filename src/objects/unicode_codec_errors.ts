// CPython: Objects/unicodeobject.c — the error-handler side of the built-in codecs
// (unicode_encode_call_errorhandler, unicode_decode_call_errorhandler_writer, get_error_handler_wide,
// make_encode_exception, raise_encode_exception) and the writers the codecs fill.
import { type PyObject, Py_TYPE } from "./object.js";
import { PyTuple } from "./tupleobject.js";
import { PyBytes } from "./bytesobject.js";
import { PyObject_CallOneArg, PyNumber_AsSsize_t } from "./abstract.js";
import { newException, PyUnicodeError, PyExc_UnicodeEncodeError, PyExc_UnicodeDecodeError } from "./exceptions.js";
import { asStr } from "./unicodeobject.js";
import { typeError, indexError } from "../python/errors.js";
import { PyCodec_LookupError } from "../python/codecs.js";

/** The error handlers the codecs implement inline (CPython: _Py_error_handler). */
export const enum Eh {
  Strict,
  Ignore,
  Replace,
  BackslashReplace,
  XmlCharRefReplace,
  SurrogateEscape,
  SurrogatePass,
  Other,
}

/** CPython: get_error_handler_wide (null, the C NULL, is strict). */
export function errorHandlerKind(errors: string | null): Eh {
  switch (errors) {
    case null:
    case "strict":
      return Eh.Strict;
    case "ignore":
      return Eh.Ignore;
    case "replace":
      return Eh.Replace;
    case "backslashreplace":
      return Eh.BackslashReplace;
    case "xmlcharrefreplace":
      return Eh.XmlCharRefReplace;
    case "surrogateescape":
      return Eh.SurrogateEscape;
    case "surrogatepass":
      return Eh.SurrogatePass;
    default:
      return Eh.Other;
  }
}

/** A string builder over UTF-16 code units, flushed in chunks. */
export class StrWriter {
  private parts = "";
  private units: number[] = [];
  /** Appends one code point. */
  put(cp: number): void {
    if (cp < 0x10000) this.units.push(cp);
    else {
      cp -= 0x10000;
      this.units.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff));
    }
    if (this.units.length >= 8192) this.flush();
  }
  putStr(s: string): void {
    this.flush();
    this.parts += s;
  }
  private flush(): void {
    if (this.units.length === 0) return;
    this.parts += String.fromCharCode.apply(null, this.units);
    this.units.length = 0;
  }
  finish(): string {
    this.flush();
    return this.parts;
  }
}

/** A growable byte buffer. */
export class BytesWriter {
  buf: Uint8Array;
  len = 0;
  constructor(size = 64) {
    this.buf = new Uint8Array(Math.max(16, size));
  }
  private grow(n: number): void {
    let cap = this.buf.length * 2;
    while (cap < this.len + n) cap *= 2;
    const b = new Uint8Array(cap);
    b.set(this.buf.subarray(0, this.len));
    this.buf = b;
  }
  put(byte: number): void {
    if (this.len >= this.buf.length) this.grow(1);
    this.buf[this.len++] = byte;
  }
  putBytes(b: ArrayLike<number>): void {
    if (this.len + b.length > this.buf.length) this.grow(b.length);
    for (let i = 0; i < b.length; i++) this.buf[this.len++] = b[i];
  }
  /** Appends an ASCII JS string. */
  putAscii(s: string): void {
    if (this.len + s.length > this.buf.length) this.grow(s.length);
    for (let i = 0; i < s.length; i++) this.buf[this.len++] = s.charCodeAt(i);
  }
  finish(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}

/** Code points of a str (lone surrogates as themselves; a valid pair is one astral code point). */
export function codePointArray(s: string): Uint32Array {
  const out = new Uint32Array(s.length);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out[n++] = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
        continue;
      }
    }
    out[n++] = c;
  }
  return n === s.length ? out : out.subarray(0, n);
}

/** A str from code points. */
export function codePointsToStr(cps: ArrayLike<number>, start = 0, end = cps.length): string {
  const w = new StrWriter();
  for (let i = start; i < end; i++) w.put(cps[i]);
  return w.finish();
}

/** The state of one encode call's error handling (the exception object is made once and reused). */
export class EncodeErrors {
  readonly kind: Eh;
  private exc: PyUnicodeError | null = null;
  private handler: PyObject | null = null;
  constructor(
    readonly errors: string | null,
    readonly encoding: string,
    readonly str: string,
    readonly cps: ArrayLike<number>,
  ) {
    this.kind = errorHandlerKind(errors);
  }

  /** CPython: make_encode_exception. */
  exception(reason: string, start: number, end: number): PyUnicodeError {
    if (this.exc === null) {
      this.exc = newException(PyExc_UnicodeEncodeError, [this.encoding, this.str, start, end, reason]) as PyUnicodeError;
    } else {
      this.exc.start = start;
      this.exc.end = end;
      this.exc.reason = reason;
    }
    return this.exc;
  }

  /** CPython: raise_encode_exception. */
  raise(reason: string, start: number, end: number): never {
    throw this.exception(reason, start, end);
  }

  /** CPython: unicode_encode_call_errorhandler — [replacement (str or bytes), new position]. */
  call(reason: string, start: number, end: number): [string | Uint8Array, number] {
    if (this.handler === null) this.handler = PyCodec_LookupError(this.errors);
    const exc = this.exception(reason, start, end);
    const res = PyObject_CallOneArg(this.handler, exc);
    if (!(res instanceof PyTuple) || res.items.length !== 2) throw typeError("encoding error handler must return (str/bytes, int) tuple");
    const [rep, posObj] = res.items;
    const s = asStr(rep);
    if (s === null && !(rep instanceof PyBytes)) throw typeError("encoding error handler must return (str/bytes, int) tuple");
    let pos = PyNumber_AsSsize_t(posObj);
    const len = this.cps.length;
    if (pos < 0) pos += len;
    if (pos < 0 || pos > len) throw indexError(`position ${pos} from error handler out of bounds`);
    return [s ?? (rep as PyBytes).value, pos];
  }
}

/** The state of one decode call's error handling; `input` follows the exception's object. */
export class DecodeErrors {
  readonly kind: Eh;
  private exc: PyUnicodeError | null = null;
  private handler: PyObject | null = null;
  constructor(
    readonly errors: string | null,
    readonly encoding: string,
    public input: Uint8Array,
  ) {
    this.kind = errorHandlerKind(errors);
  }

  exception(reason: string, start: number, end: number): PyUnicodeError {
    if (this.exc === null) {
      this.exc = newException(PyExc_UnicodeDecodeError, [this.encoding, new PyBytes(this.input), start, end, reason]) as PyUnicodeError;
    } else {
      this.exc.start = start;
      this.exc.end = end;
      this.exc.reason = reason;
    }
    return this.exc;
  }

  raise(reason: string, start: number, end: number): never {
    throw this.exception(reason, start, end);
  }

  /**
   * CPython: unicode_decode_call_errorhandler_writer — [replacement, new position]. The handler
   * may replace the exception's object; `input` is then the new bytes.
   */
  call(reason: string, start: number, end: number): [string, number] {
    if (this.handler === null) this.handler = PyCodec_LookupError(this.errors);
    const exc = this.exception(reason, start, end);
    const res = PyObject_CallOneArg(this.handler, exc);
    if (!(res instanceof PyTuple) || res.items.length !== 2) throw typeError("decoding error handler must return (str, int) tuple");
    const [rep, posObj] = res.items;
    const s = asStr(rep);
    if (s === null) throw typeError("decoding error handler must return (str, int) tuple");
    let pos = PyNumber_AsSsize_t(posObj);
    const obj = exc.object;
    if (!(obj instanceof PyBytes)) throw typeError("exception attribute object must be bytes");
    this.input = obj.value;
    const len = this.input.length;
    if (pos < 0) pos += len;
    if (pos < 0 || pos > len) throw indexError(`position ${pos} from error handler out of bounds`);
    return [s, pos];
  }

  /**
   * The common inline handling of a decode error over input[start, end) (CPython: the
   * switch on the error handler in the decoders): writes the replacement, returns the new position.
   */
  handle(w: StrWriter, reason: string, start: number, end: number): number {
    switch (this.kind) {
      case Eh.Strict:
        return this.raise(reason, start, end);
      case Eh.Ignore:
        return end;
      case Eh.Replace:
        w.put(0xfffd);
        return end;
      case Eh.SurrogateEscape: {
        // bytes >= 0x80 only; an ASCII byte makes the handler raise
        let ok = true;
        for (let i = start; i < end; i++) if (this.input[i] < 0x80) ok = false;
        if (ok && end - start <= 4) {
          for (let i = start; i < end; i++) w.put(0xdc00 + this.input[i]);
          return end;
        }
        break;
      }
      default:
        break;
    }
    const [rep, pos] = this.call(reason, start, end);
    w.putStr(rep);
    return pos;
  }
}

/** `\xNN`, `\uNNNN` or `\UNNNNNNNN` for a code point (CPython's backslashreplace form). */
export function backslashForm(c: number): string {
  if (c >= 0x10000) return "\\U" + c.toString(16).padStart(8, "0");
  if (c >= 0x100) return "\\u" + c.toString(16).padStart(4, "0");
  return "\\x" + c.toString(16).padStart(2, "0");
}

/** "a bytes-like object is required, not 'int'" and friends use this name. */
export function typeName(v: PyObject): string {
  return Py_TYPE(v).tp_name;
}
