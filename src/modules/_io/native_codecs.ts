// The text codecs TextIOWrapper runs without the codec registry (CPython: the fast paths of
// Modules/_io/textio.c's encodefunc table and Objects/unicodeobject.c's utf-8/latin-1/ascii
// codecs): incremental utf-8, utf-8-sig, latin-1 and ascii, with the standard error handlers
// (strict, ignore, replace, surrogateescape, surrogatepass, backslashreplace, xmlcharrefreplace,
// namereplace for encoding). Big chunks are decoded by the platform's decoder; only the bytes
// around an error are looked at one by one.
import { type PyObject } from "../../objects/object.js";
import { PyBytes } from "../../objects/bytesobject.js";
import { newException, PyExc_UnicodeDecodeError, PyExc_UnicodeEncodeError, PyExc_LookupError, type PyBaseException } from "../../objects/exceptions.js";

export type NativeCodec = "utf-8" | "utf-8-sig" | "latin-1" | "ascii";

const ALIASES: Record<string, NativeCodec> = {
  "utf-8": "utf-8", utf8: "utf-8", u8: "utf-8", utf: "utf-8", "utf8-ucs2": "utf-8", "utf8-ucs4": "utf-8", cp65001: "utf-8",
  "utf-8-sig": "utf-8-sig", "utf8-sig": "utf-8-sig",
  "latin-1": "latin-1", latin1: "latin-1", latin: "latin-1", l1: "latin-1", "iso-8859-1": "latin-1", "iso8859-1": "latin-1",
  "iso-ir-100": "latin-1", "iso-8859-1:1987": "latin-1", "8859": "latin-1", cp819: "latin-1", ibm819: "latin-1", csisolatin1: "latin-1",
  "iso8859": "latin-1",
  ascii: "ascii", "us-ascii": "ascii", "646": "ascii", us: "ascii", "ansi-x3.4-1968": "ascii", "ansi-x3-4-1968": "ascii",
  "ansi-x3.4-1986": "ascii", cp367: "ascii", csascii: "ascii", ibm367: "ascii", "iso646-us": "ascii", "iso-646.irv-1991": "ascii",
  "iso-ir-6": "ascii",
};

/** The native codec an encoding name means, or null (CPython: encodings.normalize_encoding + aliases). */
export function nativeCodec(encoding: string): NativeCodec | null {
  const n = encoding.toLowerCase().replace(/[_ ]/g, "-");
  return ALIASES[n] ?? ALIASES[n.replace(/-/g, "")] ?? null;
}

const KNOWN_ERRORS = new Set(["strict", "ignore", "replace", "surrogateescape", "surrogatepass", "backslashreplace", "xmlcharrefreplace", "namereplace"]);
export function isKnownErrorHandler(errors: string): boolean {
  return KNOWN_ERRORS.has(errors);
}
function unknownHandler(errors: string): PyBaseException {
  return newException(PyExc_LookupError, [`unknown error handler name '${errors}'`]);
}

const HEX = "0123456789abcdef";
const hex2 = (b: number): string => HEX[b >> 4] + HEX[b & 15];

/** Code points in s (JS strings keep astral characters as two units). */
export function cpLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}
const SURROGATE = /[\ud800-\udfff]/;
/** No lone surrogates (String.prototype.isWellFormed, ES2024). */
export function isWellFormed(s: string): boolean {
  return (s as unknown as { isWellFormed(): boolean }).isWellFormed();
}
export function hasSurrogates(s: string): boolean {
  return SURROGATE.test(s);
}
/** The JS index of code point `cp` in s. */
export function cpIndex(s: string, cp: number): number {
  if (!SURROGATE.test(s)) return Math.min(cp, s.length);
  let i = 0;
  for (let k = 0; k < cp && i < s.length; k++) {
    const c = s.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
  }
  return i;
}

// --- decoding ----------------------------------------------------------------------------------------

function decodeError(enc: string, input: Uint8Array, start: number, end: number, reason: string): PyBaseException {
  return newException(PyExc_UnicodeDecodeError, [enc, new PyBytes(input.slice()), start, end, reason]);
}

/** The replacement text for undecodable input[start, end) under `errors`. */
function decodeReplacement(enc: string, errors: string, input: Uint8Array, start: number, end: number, reason: string): string {
  switch (errors) {
    case "strict":
      throw decodeError(enc, input, start, end, reason);
    case "ignore":
      return "";
    case "replace":
      return "\ufffd";
    case "surrogateescape": {
      let s = "";
      for (let i = start; i < end; i++) {
        if (input[i] < 128) throw decodeError(enc, input, start, end, reason);
        s += String.fromCharCode(0xdc00 + input[i]);
      }
      return s;
    }
    case "backslashreplace": {
      let s = "";
      for (let i = start; i < end; i++) s += "\\x" + hex2(input[i]);
      return s;
    }
    case "surrogatepass":
    case "xmlcharrefreplace":
    case "namereplace":
      throw decodeError(enc, input, start, end, reason);
    default:
      throw unknownHandler(errors);
  }
}

const fatalUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Length of the valid UTF-8 sequence starting at i (0 when invalid), and the error info. */
function utf8SeqLen(b: Uint8Array, i: number, end: number): { len: number; bad: number; reason: string } {
  const c = b[i];
  let need: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (c < 0x80) return { len: 1, bad: 0, reason: "" };
  if (c >= 0xc2 && c <= 0xdf) need = 1;
  else if (c >= 0xe0 && c <= 0xef) {
    need = 2;
    if (c === 0xe0) lo = 0xa0;
    else if (c === 0xed) hi = 0x9f;
  } else if (c >= 0xf0 && c <= 0xf4) {
    need = 3;
    if (c === 0xf0) lo = 0x90;
    else if (c === 0xf4) hi = 0x8f;
  } else return { len: 0, bad: 1, reason: "invalid start byte" };
  for (let k = 1; k <= need; k++) {
    if (i + k >= end) return { len: 0, bad: k, reason: "unexpected end of data" };
    const d = b[i + k];
    if (d < (k === 1 ? lo : 0x80) || d > (k === 1 ? hi : 0xbf)) return { len: 0, bad: k, reason: "invalid continuation byte" };
  }
  return { len: need + 1, bad: 0, reason: "" };
}

/** Whether b[i, end) is the start of a valid but incomplete UTF-8 sequence. */
function utf8IncompleteTail(b: Uint8Array, end: number): number {
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const c = b[end - back];
    if ((c & 0xc0) === 0x80) continue; // continuation byte: look further back
    const r = utf8SeqLen(b, end - back, end);
    return r.len === 0 && r.reason === "unexpected end of data" ? back : 0;
  }
  return 0;
}

/** Decodes UTF-8 with an error handler; `final` false keeps an incomplete tail (returned as rest). */
export function utf8Decode(input: Uint8Array, errors: string, final: boolean, encName = "utf-8"): { text: string; consumed: number } {
  let end = input.length;
  if (!final) end -= utf8IncompleteTail(input, end);
  if (end === 0) return { text: "", consumed: 0 };
  try {
    return { text: fatalUtf8.decode(end === input.length ? input : input.subarray(0, end)), consumed: end };
  } catch {
    // an error somewhere: decode around it below
  }
  let out = "";
  let i = 0;
  let runStart = 0;
  while (i < end) {
    const c = input[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    const r = utf8SeqLen(input, i, end);
    if (r.len > 0) {
      i += r.len;
      continue;
    }
    if (runStart < i) out += fatalUtf8.decode(input.subarray(runStart, i));
    if (errors === "surrogatepass" && c === 0xed && i + 2 < end && (input[i + 1] & 0xe0) === 0xa0 && (input[i + 2] & 0xc0) === 0x80) {
      out += String.fromCharCode(0xd000 | ((input[i + 1] & 0x3f) << 6) | (input[i + 2] & 0x3f));
      i += 3;
      runStart = i;
      continue;
    }
    out += decodeReplacement(encName, errors, input, i, i + r.bad, r.reason);
    i += r.bad;
    runStart = i;
  }
  if (runStart < end) out += fatalUtf8.decode(input.subarray(runStart, end));
  return { text: out, consumed: end };
}

export function latin1Decode(input: Uint8Array): string {
  if (input.length < 64) {
    let s = "";
    for (let i = 0; i < input.length; i++) s += String.fromCharCode(input[i]);
    return s;
  }
  // (TextDecoder's "latin1" is windows-1252; Buffer's latin1 is ISO-8859-1)
  return Buffer.from(input.buffer, input.byteOffset, input.length).toString("latin1");
}

export function asciiDecode(input: Uint8Array, errors: string): string {
  let i = 0;
  while (i < input.length && input[i] < 0x80) i++;
  if (i === input.length) return latin1Decode(input);
  let out = latin1Decode(input.subarray(0, i));
  let runStart = i;
  for (; i < input.length; i++) {
    if (input[i] < 0x80) continue;
    out += latin1Decode(input.subarray(runStart, i));
    out += decodeReplacement("ascii", errors, input, i, i + 1, "ordinal not in range(128)");
    runStart = i + 1;
  }
  return out + latin1Decode(input.subarray(runStart));
}

// --- encoding ----------------------------------------------------------------------------------------

function encodeError(enc: string, s: string, start: number, end: number, reason: string): PyBaseException {
  // positions are in code points
  const cpStart = cpLength(s.slice(0, start));
  const cpEnd = cpStart + cpLength(s.slice(start, end));
  return newException(PyExc_UnicodeEncodeError, [enc, s, cpStart, cpEnd, reason]);
}

let nameLookup: ((cp: number) => string | null) | null = null;
/** Lets unicodedata supply character names for namereplace. */
export function setNameLookup(f: (cp: number) => string | null): void {
  nameLookup = f;
}

/** Replacement bytes (as a latin-1 string) for s[start, end) that `enc` cannot encode. */
function encodeReplacement(enc: string, errors: string, s: string, start: number, end: number, reason: string): string {
  const cps = Array.from(s.slice(start, end), (ch) => ch.codePointAt(0) as number);
  switch (errors) {
    case "strict":
      throw encodeError(enc, s, start, end, reason);
    case "ignore":
      return "";
    case "replace":
      return "?".repeat(cps.length);
    case "backslashreplace":
      return cps.map((c) => (c < 0x100 ? "\\x" + hex2(c) : c < 0x10000 ? "\\u" + c.toString(16).padStart(4, "0") : "\\U" + c.toString(16).padStart(8, "0"))).join("");
    case "xmlcharrefreplace":
      return cps.map((c) => `&#${c};`).join("");
    case "namereplace":
      return cps
        .map((c) => {
          const name = nameLookup?.(c) ?? null;
          if (name !== null) return `\\N{${name}}`;
          return c < 0x100 ? "\\x" + hex2(c) : c < 0x10000 ? "\\u" + c.toString(16).padStart(4, "0") : "\\U" + c.toString(16).padStart(8, "0");
        })
        .join("");
    case "surrogateescape": {
      let r = "";
      for (const c of cps) {
        if (c < 0xdc80 || c > 0xdcff) throw encodeError(enc, s, start, end, reason);
        r += String.fromCharCode(c - 0xdc00);
      }
      return r;
    }
    case "surrogatepass": {
      if (enc !== "utf-8") throw encodeError(enc, s, start, end, reason);
      let r = "";
      for (const c of cps) {
        if (c < 0xd800 || c > 0xdfff) throw encodeError(enc, s, start, end, reason);
        r += String.fromCharCode(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
      }
      return r;
    }
    default:
      throw unknownHandler(errors);
  }
}

function latin1Bytes(s: string): Uint8Array {
  return Buffer.from(s, "latin1");
}

/** str -> bytes in UTF-8; lone surrogates go through the error handler. */
export function utf8Encode(s: string, errors: string): Uint8Array {
  if (isWellFormed(s)) return Buffer.from(s, "utf8");
  const parts: Uint8Array[] = [];
  let runStart = 0;
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) {
      const isPair = c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
      if (isPair) {
        i += 2;
        continue;
      }
      // a run of lone surrogates is one error
      let j = i + 1;
      while (j < s.length) {
        const d = s.charCodeAt(j);
        if (d < 0xd800 || d > 0xdfff) break;
        if (d <= 0xdbff && j + 1 < s.length && (s.charCodeAt(j + 1) & 0xfc00) === 0xdc00) break;
        j++;
      }
      if (runStart < i) parts.push(Buffer.from(s.slice(runStart, i), "utf8"));
      parts.push(replacementBytes("utf-8", errors, s, i, j, "surrogates not allowed", 0x80));
      i = j;
      runStart = j;
      continue;
    }
    i++;
  }
  if (runStart < s.length) parts.push(Buffer.from(s.slice(runStart), "utf8"));
  return Buffer.concat(parts);
}

/** The replacement's bytes: every handler's result here is ASCII text or raw bytes as latin-1. */
function replacementBytes(enc: string, errors: string, s: string, start: number, end: number, reason: string, limit: number): Uint8Array {
  void limit;
  return latin1Bytes(encodeReplacement(enc, errors, s, start, end, reason));
}

/** str -> bytes in latin-1 (limit 0x100) or ascii (limit 0x80). */
export function charmapEncode(s: string, errors: string, limit: 0x100 | 0x80): Uint8Array {
  const enc = limit === 0x100 ? "latin-1" : "ascii";
  const re = limit === 0x100 ? /[^\x00-\xff]/ : /[^\x00-\x7f]/;
  if (!re.test(s)) return latin1Bytes(s);
  const parts: Uint8Array[] = [];
  let runStart = 0;
  let i = 0;
  while (i < s.length) {
    if (s.charCodeAt(i) < limit) {
      i++;
      continue;
    }
    let j = i;
    while (j < s.length && s.charCodeAt(j) >= limit) j++;
    if (runStart < i) parts.push(latin1Bytes(s.slice(runStart, i)));
    const r = encodeReplacement(enc, errors, s, i, j, `ordinal not in range(${limit})`);
    parts.push(latin1Bytes(r));
    i = j;
    runStart = j;
  }
  if (runStart < s.length) parts.push(latin1Bytes(s.slice(runStart)));
  return Buffer.concat(parts);
}

// --- incremental codecs for TextIOWrapper -------------------------------------------------------------

/** An incremental decoder as TextIOWrapper drives it (CPython: codecs.IncrementalDecoder). */
export interface IncDecoder {
  decode(input: Uint8Array, final: boolean): string;
  /** (buffered input, flags) */
  getstate(): [Uint8Array, PyObject];
  setstate(buf: Uint8Array, flags: PyObject): void;
  reset(): void;
}
export interface IncEncoder {
  /** Returns a latin-1/ASCII JS string when the text is ASCII and the codec ASCII-compatible. */
  encode(s: string): Uint8Array;
  reset(): void;
  setstate(state: PyObject): void;
}

const EMPTY = new Uint8Array(0);
function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const r = new Uint8Array(a.length + b.length);
  r.set(a, 0);
  r.set(b, a.length);
  return r;
}

export class Utf8Decoder implements IncDecoder {
  pending: Uint8Array = EMPTY;
  constructor(readonly errors: string) {}
  decode(input: Uint8Array, final: boolean): string {
    const data = concatBytes(this.pending, input);
    const r = utf8Decode(data, this.errors, final);
    this.pending = r.consumed === data.length ? EMPTY : data.slice(r.consumed);
    return r.text;
  }
  getstate(): [Uint8Array, PyObject] {
    return [this.pending, 0];
  }
  setstate(buf: Uint8Array): void {
    this.pending = buf.slice();
  }
  reset(): void {
    this.pending = EMPTY;
  }
}

/** utf-8-sig: drops a leading BOM (state flag 1 while the start has not been seen, as CPython's). */
export class Utf8SigDecoder implements IncDecoder {
  inner: Utf8Decoder;
  first = true;
  pending: Uint8Array = EMPTY;
  constructor(readonly errors: string) {
    this.inner = new Utf8Decoder(errors);
  }
  decode(input: Uint8Array, final: boolean): string {
    if (this.first) {
      const data = concatBytes(this.pending, input);
      if (data.length < 3 && !final && [0xef, 0xbb, 0xbf].slice(0, data.length).every((v, k) => data[k] === v)) {
        this.pending = data;
        return "";
      }
      this.first = false;
      this.pending = EMPTY;
      const body = data.length >= 3 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? data.subarray(3) : data;
      return this.inner.decode(body, final);
    }
    return this.inner.decode(input, final);
  }
  getstate(): [Uint8Array, PyObject] {
    if (this.first) return [this.pending, 1];
    return [this.inner.pending, 0];
  }
  setstate(buf: Uint8Array, flags: PyObject): void {
    this.first = flags === 1 || flags === true;
    if (this.first) this.pending = buf.slice();
    else this.inner.setstate(buf);
  }
  reset(): void {
    this.first = true;
    this.pending = EMPTY;
    this.inner.reset();
  }
}

export class CharmapDecoder implements IncDecoder {
  constructor(
    readonly ascii: boolean,
    readonly errors: string,
  ) {}
  decode(input: Uint8Array): string {
    return this.ascii ? asciiDecode(input, this.errors) : latin1Decode(input);
  }
  getstate(): [Uint8Array, PyObject] {
    return [EMPTY, 0];
  }
  setstate(): void {}
  reset(): void {}
}

export class NativeEncoder implements IncEncoder {
  /** utf-8-sig: the BOM is still to be written. */
  bomPending: boolean;
  constructor(
    readonly codec: NativeCodec,
    readonly errors: string,
  ) {
    this.bomPending = codec === "utf-8-sig";
  }
  encode(s: string): Uint8Array {
    let b: Uint8Array;
    switch (this.codec) {
      case "utf-8":
      case "utf-8-sig":
        b = utf8Encode(s, this.errors);
        break;
      case "latin-1":
        b = charmapEncode(s, this.errors, 0x100);
        break;
      case "ascii":
        b = charmapEncode(s, this.errors, 0x80);
        break;
    }
    if (this.bomPending && s.length > 0) {
      this.bomPending = false;
      b = concatBytes(Uint8Array.of(0xef, 0xbb, 0xbf), b);
    }
    return b;
  }
  reset(): void {
    this.bomPending = this.codec === "utf-8-sig";
  }
  setstate(state: PyObject): void {
    // utf-8-sig's encoder state: 0 once the BOM is written
    if (this.codec === "utf-8-sig") this.bomPending = state !== 0 && state !== false;
  }
}

export function nativeDecoder(codec: NativeCodec, errors: string): IncDecoder {
  switch (codec) {
    case "utf-8":
      return new Utf8Decoder(errors);
    case "utf-8-sig":
      return new Utf8SigDecoder(errors);
    case "latin-1":
      return new CharmapDecoder(false, errors);
    case "ascii":
      return new CharmapDecoder(true, errors);
  }
}
