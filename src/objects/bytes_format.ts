// CPython: Objects/bytesobject.c (_PyBytes_FormatEx) — printf-style `bytes % args` (PEP 461).
// Numeric conversions are formatted as str % does (unicode_format.ts) and encoded as ASCII.
import { type PyObject, Py_TYPE, PyObjectBase } from "./object.js";
import { PyTuple } from "./tupleobject.js";
import { PyObject_ASCII, PyObject_GetItem, PyIndex_Check, PyNumber_Index, _PyObject_LookupSpecial, PyObject_CallNoArgs } from "./abstract.js";
import { typeError, valueError, overflowError } from "../python/errors.js";
import { percentFormat } from "./unicode_format.js";
import { PyObject_CheckBuffer, getContiguousBytes, bytesFromBuffer } from "./buffer.js";

// bytesobject.ts imports this module, so the classes are reached through a hook set at its load
let classes: { isBytes(v: PyObject): boolean; isByteArray(v: PyObject): boolean; value(v: PyObject): Uint8Array; make(u: Uint8Array): PyObject } | null = null;
export function _setBytesClasses(c: typeof classes): void {
  classes = c;
}

function ascii(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** %b / %s: bytes, a buffer, or __bytes__ (CPython: format_obj). */
function formatObj(v: PyObject): Uint8Array {
  const c = classes!;
  if (c.isBytes(v)) return c.value(v);
  if (PyObject_CheckBuffer(v)) return bytesFromBuffer(v);
  if (v instanceof PyObjectBase) {
    const meth = _PyObject_LookupSpecial(v, "__bytes__");
    if (meth !== null) {
      const r = PyObject_CallNoArgs(meth);
      if (!c.isBytes(r)) throw typeError(`__bytes__ returned non-bytes (type ${Py_TYPE(r).tp_name})`);
      return c.value(r);
    }
  }
  throw typeError(`%b requires a bytes-like object, or an object that implements __bytes__, not '${Py_TYPE(v).tp_name}'`);
}

function isMapping(v: PyObject): boolean {
  const c = classes!;
  return typeof v !== "string" && !(v instanceof PyTuple) && !c.isBytes(v) && Py_TYPE(v).mp_subscript !== null;
}

/** fmt % args for bytes and bytearray. */
export function bytesFormat(fmt: Uint8Array, args: PyObject): Uint8Array {
  const tuple = args instanceof PyTuple ? args.items : null;
  const dict = isMapping(args) ? args : null;
  let arglen = tuple !== null ? tuple.length : -1;
  let argidx = 0;
  const nextArg = (): PyObject => {
    if (arglen < 0) {
      if (argidx === 0) {
        argidx = 1;
        return args;
      }
    } else if (argidx < arglen) return (tuple as PyObject[])[argidx++];
    throw typeError("not enough arguments for format string");
  };
  const out: number[] = [];
  const push = (b: Uint8Array): void => {
    for (let k = 0; k < b.length; k++) out.push(b[k]);
  };
  const n = fmt.length;
  let i = 0;
  let usedDict = false;
  while (i < n) {
    const ch = fmt[i++];
    if (ch !== 0x25) {
      out.push(ch);
      continue;
    }
    if (i < n && fmt[i] === 0x25) {
      out.push(0x25);
      i++;
      continue;
    }
    let value: PyObject | null = null;
    if (i < n && fmt[i] === 0x28) {
      // %(key)
      if (dict === null) throw typeError("format requires a mapping");
      let depth = 1;
      const ks = ++i;
      while (i < n && depth > 0) {
        if (fmt[i] === 0x29) depth--;
        else if (fmt[i] === 0x28) depth++;
        i++;
      }
      if (depth > 0) throw valueError("incomplete format key");
      value = PyObject_GetItem(dict, classes!.make(fmt.slice(ks, i - 1)));
      usedDict = true;
      arglen = -1;
      argidx = -2;
    }
    let flags = "";
    while (i < n && "-+ #0".includes(String.fromCharCode(fmt[i]))) flags += String.fromCharCode(fmt[i++]);
    let width = -1;
    if (i < n && fmt[i] === 0x2a) {
      i++;
      const w = nextArg();
      if (!(typeof w === "number" || typeof w === "bigint" || typeof w === "boolean")) throw typeError("* wants int");
      width = Number(w);
      if (width < 0) {
        flags += "-";
        width = -width;
      }
    } else if (i < n && fmt[i] >= 0x30 && fmt[i] <= 0x39) {
      width = 0;
      while (i < n && fmt[i] >= 0x30 && fmt[i] <= 0x39) width = width * 10 + (fmt[i++] - 0x30);
    }
    let prec = -1;
    if (i < n && fmt[i] === 0x2e) {
      i++;
      prec = 0;
      if (i < n && fmt[i] === 0x2a) {
        i++;
        const p = nextArg();
        if (!(typeof p === "number" || typeof p === "bigint" || typeof p === "boolean")) throw typeError("* wants int");
        prec = Math.max(0, Number(p));
      } else {
        while (i < n && fmt[i] >= 0x30 && fmt[i] <= 0x39) prec = prec * 10 + (fmt[i++] - 0x30);
      }
    }
    if (i >= n) throw valueError("incomplete format");
    const c = fmt[i++];
    const conv = String.fromCharCode(c);
    if (value === null && c !== 0x25) value = nextArg();
    let piece: Uint8Array;
    switch (conv) {
      case "%":
        piece = Uint8Array.of(0x25);
        break;
      case "r": case "a":
        piece = ascii(PyObject_ASCII(value as PyObject));
        if (prec >= 0) piece = piece.slice(0, prec);
        break;
      case "s": case "b":
        piece = formatObj(value as PyObject);
        if (prec >= 0) piece = piece.slice(0, prec);
        break;
      case "c": {
        const v = value as PyObject;
        const cls = classes!;
        if (cls.isBytes(v) || cls.isByteArray(v)) {
          const b = cls.value(v);
          if (b.length !== 1) throw typeError("%c requires an integer in range(256) or a single byte");
          piece = b.slice();
        } else if (PyIndex_Check(v)) {
          const x = PyNumber_Index(v);
          if (x < 0 || x > 255) throw overflowError("%c arg not in range(256)");
          piece = Uint8Array.of(Number(x));
        } else throw typeError("%c requires an integer in range(256) or a single byte");
        break;
      }
      case "d": case "i": case "u": case "o": case "x": case "X": case "e": case "E": case "f": case "F": case "g": case "G": {
        const spec = "%" + flags + (width >= 0 ? String(width) : "") + (prec >= 0 ? "." + prec : "") + conv;
        push(ascii(percentFormat(spec, new PyTuple([value as PyObject]))));
        continue;
      }
      default:
        throw valueError(`unsupported format character '${c >= 0x20 && c < 0x7f ? conv : "\\x" + c.toString(16).padStart(2, "0")}' (0x${c.toString(16)}) at index ${i - 1}`);
    }
    if (width > piece.length) {
      const padn = width - piece.length;
      if (flags.includes("-")) {
        push(piece);
        for (let k = 0; k < padn; k++) out.push(0x20);
      } else {
        for (let k = 0; k < padn; k++) out.push(0x20);
        push(piece);
      }
    } else push(piece);
  }
  if (argidx < arglen && dict === null && !usedDict) throw typeError("not all arguments converted during bytes formatting");
  return Uint8Array.from(out);
}
