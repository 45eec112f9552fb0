// CPython: Modules/_codecsmodule.c — the _codecs module: the registry functions of
// Python/codecs.c and the C-level codec functions the `encodings` package calls.
import { type PyObject, Py_None, Py_TYPE, PyBool_Type } from "../objects/object.js";
import { PyModule } from "../objects/moduleobject.js";
import { PyTuple } from "../objects/tupleobject.js";
import { PyBytes, PyBytes_Type, bytesLike } from "../objects/bytesobject.js";
import { newBuiltinFunction, type FastFunc } from "../objects/methodobject.js";
import { PyObject_IsTrue, PyNumber_Index } from "../objects/abstract.js";
import { asStr } from "../objects/unicodeobject.js";
import { PyType_IsSubtype } from "../objects/object.js";
import { ArgParser, checkPositional } from "../python/getargs.js";
import { typeError, overflowError } from "../python/errors.js";
import {
  PyCodec_Register, PyCodec_Unregister, _PyCodec_Lookup, PyCodec_Encode, PyCodec_Decode, PyCodec_RegisterError,
  PyCodec_LookupError, _PyCodec_UnregisterError,
} from "../python/codecs.js";
import { encodeUTF8, decodeUTF8, encodeUCS1, decodeASCII, decodeLatin1 } from "../objects/unicode_codecs.js";
import { encodeCharmap, decodeCharmap, buildEncodingMap } from "../objects/unicode_charmap.js";
import { unicodeLength } from "../objects/unicodeobject.js";
import {
  encodeUTF16, decodeUTF16, encodeUTF32, decodeUTF32, encodeUTF7, decodeUTF7,
} from "../objects/unicode_codecs_utf.js";
import {
  encodeUnicodeEscape, decodeUnicodeEscape, encodeRawUnicodeEscape, decodeRawUnicodeEscape, escapeEncode,
  escapeDecode,
} from "../objects/unicode_escape_codecs.js";

// --- argument converters (Argument Clinic's str, str(accept={str, NoneType}), Py_buffer, bool, int)

function argStr(fname: string, pos: string, v: PyObject): string {
  const s = asStr(v);
  if (s === null) throw typeError(`${fname}() argument ${pos} must be str, not ${Py_TYPE(v).tp_name}`);
  return s;
}

function argErrors(fname: string, pos: string, v: PyObject | null): string | null {
  if (v === null || v === Py_None) return null;
  const s = asStr(v);
  if (s === null) throw typeError(`${fname}() argument ${pos} must be str or None, not ${Py_TYPE(v).tp_name}`);
  return s;
}

/** Py_buffer: a bytes-like object; with acceptStr, a str is taken as its UTF-8 bytes. */
function argBuffer(v: PyObject, acceptStr = false): Uint8Array {
  const b = bytesLike(v);
  if (b !== null) return b;
  if (acceptStr) {
    const s = asStr(v);
    if (s !== null) return encodeUTF8(s, null);
  }
  throw typeError(`a bytes-like object is required, not '${Py_TYPE(v).tp_name}'`);
}

function argBool(v: PyObject | null): boolean {
  return v === null ? false : PyObject_IsTrue(v);
}

/** Clinic `int` (C int). */
function argInt(v: PyObject | null, dflt: number): number {
  if (v === null) return dflt;
  if (typeof v === "number" && Number.isInteger(v) && Py_TYPE(v) !== PyBool_Type) return v;
  const n = PyNumber_Index(v);
  if (typeof n !== "number" || n > 0x7fffffff || n < -0x80000000) {
    throw overflowError(typeof n === "bigint" && n < 0n ? "signed integer is less than minimum" : "signed integer is greater than maximum");
  }
  return n;
}

const codecTuple = (obj: PyObject, consumed: number): PyTuple => new PyTuple([obj, consumed]);

export function init_codecs(): PyModule {
  const m = new PyModule("_codecs");
  const d = m.dict;
  const def = (name: string, f: FastFunc): void => d.setStr(name, newBuiltinFunction(name, f, "_codecs"));
  /** A positional-only function of min..max arguments. */
  const pos = (name: string, min: number, max: number, f: (a: (PyObject | null)[]) => PyObject): void =>
    def(name, (_s, args, start, nargs, kw) => {
      if (kw !== null && kw.items.length) throw typeError(`${name}() takes no keyword arguments`);
      checkPositional(name, nargs, min, max);
      const a: (PyObject | null)[] = [];
      for (let i = 0; i < max; i++) a.push(i < nargs ? args[start + i] : null);
      return f(a);
    });

  pos("register", 1, 1, ([f]) => {
    PyCodec_Register(f as PyObject);
    return Py_None;
  });
  pos("unregister", 1, 1, ([f]) => {
    PyCodec_Unregister(f as PyObject);
    return Py_None;
  });
  pos("lookup", 1, 1, ([e]) => {
    const s = asStr(e as PyObject);
    if (s === null) throw typeError(`lookup() argument must be str, not ${Py_TYPE(e as PyObject).tp_name}`);
    return _PyCodec_Lookup(s);
  });
  const codingArgs = (name: string): ArgParser => new ArgParser(name, ["obj", "encoding", "errors"], { required: 1 });
  for (const [name, fn, dflt] of [["encode", PyCodec_Encode, "utf-8"], ["decode", PyCodec_Decode, "utf-8"]] as const) {
    const p = codingArgs(name);
    def(name, (_s, args, start, nargs, kw) => {
      const [obj, enc, errs] = p.parse(args, start, nargs, kw);
      const encoding = enc === null ? dflt : asStr(enc);
      if (encoding === null) throw typeError(`${name}() argument 'encoding' must be str, not ${Py_TYPE(enc as PyObject).tp_name}`);
      const errors = errs === null ? "strict" : asStr(errs);
      if (errors === null) throw typeError(`${name}() argument 'errors' must be str, not ${Py_TYPE(errs as PyObject).tp_name}`);
      return fn(obj as PyObject, encoding, errors);
    });
  }
  pos("register_error", 2, 2, ([n, h]) => {
    PyCodec_RegisterError(argStr("register_error", "1", n as PyObject), h as PyObject);
    return Py_None;
  });
  pos("_unregister_error", 1, 1, ([n]) => {
    const s = asStr(n as PyObject);
    if (s === null) throw typeError(`_unregister_error() argument must be str, not ${Py_TYPE(n as PyObject).tp_name}`);
    return _PyCodec_UnregisterError(s);
  });
  pos("lookup_error", 1, 1, ([n]) => {
    const s = asStr(n as PyObject);
    if (s === null) throw typeError(`lookup_error() argument must be str, not ${Py_TYPE(n as PyObject).tp_name}`);
    return PyCodec_LookupError(s);
  });

  // --- the codecs: encoders take (str, errors=None), decoders (data, errors=None, final=False)
  const encoder = (name: string, f: (s: string, errors: string | null) => Uint8Array): void =>
    pos(name, 1, 2, ([s, e]) => {
      const str = argStr(name, "1", s as PyObject);
      const errors = argErrors(name, "2", e);
      return codecTuple(new PyBytes(f(str, errors)), unicodeLength(str));
    });
  encoder("utf_8_encode", encodeUTF8);
  encoder("ascii_encode", (s, e) => encodeUCS1(s, e, 128));
  encoder("latin_1_encode", (s, e) => encodeUCS1(s, e, 256));
  encoder("utf_7_encode", encodeUTF7);
  encoder("utf_16_le_encode", (s, e) => encodeUTF16(s, e, -1));
  encoder("utf_16_be_encode", (s, e) => encodeUTF16(s, e, 1));
  encoder("utf_32_le_encode", (s, e) => encodeUTF32(s, e, -1));
  encoder("utf_32_be_encode", (s, e) => encodeUTF32(s, e, 1));
  encoder("unicode_escape_encode", (s) => encodeUnicodeEscape(s));
  encoder("raw_unicode_escape_encode", (s) => encodeRawUnicodeEscape(s));
  for (const [name, f] of [["utf_16_encode", encodeUTF16], ["utf_32_encode", encodeUTF32]] as const) {
    pos(name, 1, 3, ([s, e, bo]) => {
      const str = argStr(name, "1", s as PyObject);
      const errors = argErrors(name, "2", e);
      return codecTuple(new PyBytes(f(str, errors, argInt(bo, 0))), unicodeLength(str));
    });
  }

  const decoder = (name: string, f: (b: Uint8Array, errors: string | null, final: boolean) => [string, number], acceptStr = false): void =>
    pos(name, 1, 3, ([b, e, fin]) => {
      const data = argBuffer(b as PyObject, acceptStr);
      const errors = argErrors(name, "2", e);
      const [s, consumed] = f(data, errors, argBool(fin));
      return codecTuple(s, consumed);
    });
  const fullDecoder = (name: string, f: (b: Uint8Array, errors: string | null) => string, acceptStr = false): void =>
    pos(name, 1, 2, ([b, e]) => {
      const data = argBuffer(b as PyObject, acceptStr);
      const errors = argErrors(name, "2", e);
      return codecTuple(f(data, errors), data.length);
    });
  decoder("utf_8_decode", (b, e, fin) => decodeUTF8(b, e, fin));
  decoder("utf_7_decode", decodeUTF7);
  decoder("utf_16_le_decode", (b, e, fin) => decodeUTF16(b, e, fin, -1).slice(0, 2) as [string, number]);
  decoder("utf_16_be_decode", (b, e, fin) => decodeUTF16(b, e, fin, 1).slice(0, 2) as [string, number]);
  decoder("utf_16_decode", (b, e, fin) => decodeUTF16(b, e, fin, 0).slice(0, 2) as [string, number]);
  decoder("utf_32_le_decode", (b, e, fin) => decodeUTF32(b, e, fin, -1).slice(0, 2) as [string, number]);
  decoder("utf_32_be_decode", (b, e, fin) => decodeUTF32(b, e, fin, 1).slice(0, 2) as [string, number]);
  decoder("utf_32_decode", (b, e, fin) => decodeUTF32(b, e, fin, 0).slice(0, 2) as [string, number]);
  fullDecoder("ascii_decode", decodeASCII);
  fullDecoder("latin_1_decode", (b) => decodeLatin1(b));
  // unicode_escape_decode(data, errors=None, final=True)
  for (const [name, f] of [["unicode_escape_decode", decodeUnicodeEscape], ["raw_unicode_escape_decode", decodeRawUnicodeEscape]] as const) {
    pos(name, 1, 3, ([b, e, fin]) => {
      const data = argBuffer(b as PyObject, true);
      const errors = argErrors(name, "2", e);
      const [s, consumed] = f(data, errors, fin === null ? true : PyObject_IsTrue(fin));
      return codecTuple(s, consumed);
    });
  }
  for (const [name, f] of [["utf_16_ex_decode", decodeUTF16], ["utf_32_ex_decode", decodeUTF32]] as const) {
    // (data, errors=None, byteorder=0, final=False) -> (str, consumed, byteorder)
    pos(name, 1, 4, ([b, e, bo, fin]) => {
      const data = argBuffer(b as PyObject);
      const errors = argErrors(name, "2", e);
      const [s, consumed, order] = f(data, errors, argBool(fin), argInt(bo, 0));
      return new PyTuple([s, consumed, order]);
    });
  }

  pos("charmap_encode", 1, 3, ([s, e, mp]) => {
    const str = argStr("charmap_encode", "1", s as PyObject);
    const errors = argErrors("charmap_encode", "2", e);
    return codecTuple(new PyBytes(encodeCharmap(str, errors, mp ?? Py_None)), unicodeLength(str));
  });
  pos("charmap_decode", 1, 3, ([b, e, mp]) => {
    const data = argBuffer(b as PyObject);
    const errors = argErrors("charmap_decode", "2", e);
    return codecTuple(decodeCharmap(data, errors, mp ?? Py_None), data.length);
  });
  pos("charmap_build", 1, 1, ([t]) => {
    const s = asStr(t as PyObject);
    if (s === null) throw typeError(`charmap_build() argument must be str, not ${Py_TYPE(t as PyObject).tp_name}`);
    return buildEncodingMap(s);
  });

  pos("escape_encode", 1, 2, ([b, e]) => {
    const v = b as PyObject;
    if (!(v instanceof PyBytes) || !PyType_IsSubtype(Py_TYPE(v), PyBytes_Type)) {
      throw typeError(`escape_encode() argument 1 must be bytes, not ${Py_TYPE(v).tp_name}`);
    }
    argErrors("escape_encode", "2", e);
    return codecTuple(new PyBytes(escapeEncode(v.value)), v.value.length);
  });
  pos("escape_decode", 1, 2, ([b, e]) => {
    const data = argBuffer(b as PyObject, true);
    const errors = argErrors("escape_decode", "2", e);
    return codecTuple(new PyBytes(escapeDecode(data, errors)), data.length);
  });
  pos("readbuffer_encode", 1, 2, ([b, e]) => {
    const data = argBuffer(b as PyObject, true);
    argErrors("readbuffer_encode", "2", e);
    return codecTuple(new PyBytes(data.slice()), data.length);
  });
  return m;
}
