// CPython: Parser/tokenizer/helpers.c (get_normal_name, check_bom, check_coding_spec) and
// Lib/tokenize.py (detect_encoding) — finding and applying a source file's encoding.
import { PySyntaxError } from "../../objects/exceptions.js";

/** The codecs tython can decode source with, by Python's normalized codec name. */
type Codec = "utf_8" | "latin_1" | "ascii" | "cp1252";

const ALIASES: ReadonlyMap<string, Codec> = new Map<string, Codec>([
  ...["utf_8", "utf8", "u8", "utf", "utf8_ucs2", "utf8_ucs4", "cp65001"].map((a) => [a, "utf_8"] as [string, Codec]),
  ...["latin_1", "latin1", "l1", "latin", "iso8859_1", "iso_8859_1", "8859", "cp819", "iso_ir_100", "csisolatin1",
    "iso_8859_1_1987", "ibm819", "iso8859"].map((a) => [a, "latin_1"] as [string, Codec]),
  ...["ascii", "us_ascii", "646", "ansi_x3.4_1968", "ansi_x3_4_1968", "ansi_x3.4_1986", "cp367", "csascii", "ibm367",
    "iso646_us", "iso_646.irv_1991", "iso_ir_6", "us"].map((a) => [a, "ascii"] as [string, Codec]),
  ...["cp1252", "windows_1252", "1252"].map((a) => [a, "cp1252"] as [string, Codec]),
]);

/** Python's codecs.lookup for the supported codecs (encodings.normalize_encoding + aliases); null if unknown. */
export function lookupCodec(name: string): Codec | null {
  let norm = name.toLowerCase().replace(/[^a-z0-9.]+/g, "_").replace(/^_+|_+$/g, "");
  if (norm === "utf_8_sig") norm = "utf_8";
  return ALIASES.get(norm) ?? null;
}

/** CPython: get_normal_name — only the spellings of utf-8 and latin-1 are normalized. */
export function getNormalName(orig: string): string {
  const enc = orig.slice(0, 12).toLowerCase().replace(/_/g, "-");
  if (enc === "utf-8" || enc.startsWith("utf-8-")) return "utf-8";
  if (enc === "latin-1" || enc === "iso-8859-1" || enc === "iso-latin-1" || enc.startsWith("latin-1-") ||
      enc.startsWith("iso-8859-1-") || enc.startsWith("iso-latin-1-")) return "iso-8859-1";
  return orig;
}

const CP1252_HIGH = [
  0x20ac, 0xfffd, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0xfffd,
  0x017d, 0xfffd, 0xfffd, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0xfffd, 0x017e, 0x0178,
];

const UTF8_STRICT = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const UTF8_REPLACE = new TextDecoder("utf-8", { ignoreBOM: true });

/** Decodes bytes; with `strict`, returns the index of the first undecodable byte as a number instead. */
export function decode(bytes: Uint8Array, codec: Codec, strict: boolean): string | number {
  if (codec === "utf_8") {
    if (strict) {
      try {
        return UTF8_STRICT.decode(bytes);
      } catch {
        return firstInvalidUtf8(bytes);
      }
    }
    return UTF8_REPLACE.decode(bytes);
  }
  let out = "";
  const CHUNK = 8192;
  const codes: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    let cp = b;
    if (b >= 0x80) {
      if (codec === "ascii") cp = 0xfffd;
      else if (codec === "cp1252" && b < 0xa0) cp = CP1252_HIGH[b - 0x80]!;
      if (cp === 0xfffd && strict) return i;
    }
    codes.push(cp);
    if (codes.length === CHUNK) {
      out += String.fromCharCode(...codes);
      codes.length = 0;
    }
  }
  return out + String.fromCharCode(...codes);
}

/** Index of the first byte that does not start a valid UTF-8 sequence. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    let n = 0;
    let min = 0;
    if (c < 0x80) { i++; continue; }
    else if (c >= 0xc2 && c <= 0xdf) { n = 1; min = 0x80; }
    else if (c >= 0xe0 && c <= 0xef) { n = 2; min = 0x800; }
    else if (c >= 0xf0 && c <= 0xf4) { n = 3; min = 0x10000; }
    else return i;
    let cp = c & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (d & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return b.length;
}

function encodingError(msg: string, filename: string): PySyntaxError {
  return new PySyntaxError("SyntaxError", msg, filename, null, null, null, null, null);
}

const COOKIE_RE = /^[ \t\f]*#[^\n]*?coding[:=][ \t]*([-\w.]+)/;
const BLANK_RE = /^[ \t\f]*(?:[#\r\n]|$)/;

/** Splits off the first line (through "\n") starting at `from`. */
function lineEnd(b: Uint8Array, from: number): number {
  const i = b.indexOf(10, from);
  return i < 0 ? b.length : i + 1;
}

function latin1(b: Uint8Array, from: number, to: number): string {
  let s = "";
  for (let i = from; i < to; i++) s += String.fromCharCode(b[i]!);
  return s;
}

export interface DetectedEncoding {
  /** The name the tokenize module reports in its ENCODING token. */
  name: string;
  codec: Codec;
  /** Where the source text starts (after a UTF-8 BOM). */
  bodyStart: number;
}

/** The tokenize module's detect_encoding (Lib/tokenize.py), for a BytesIO without a name. */
export function detectEncodingTokenize(b: Uint8Array, filename: string): DetectedEncoding {
  let bom = false;
  let pos = 0;
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
    bom = true;
    pos = 3;
  }
  const dflt: DetectedEncoding = { name: "utf-8", codec: "utf_8", bodyStart: pos };
  const check = (from: number, to: number, codec: Codec): void => {
    for (let i = from; i < to; i++) {
      if (b[i] === 0) throw encodingError("source code cannot contain null bytes", filename);
    }
    if (typeof decode(b.subarray(from, to), codec, true) === "number") {
      throw encodingError("invalid or missing encoding declaration", filename);
    }
  };
  const findCookie = (from: number, to: number): DetectedEncoding | null => {
    const m = COOKIE_RE.exec(latin1(b, from, to));
    if (m === null) return null;
    const enc = getNormalName(m[1]!);
    const codec = lookupCodec(enc);
    if (codec === null) throw encodingError("unknown encoding: " + enc, filename);
    if (bom && enc !== "utf-8") throw encodingError("encoding problem: utf-8", filename);
    return { name: enc, codec, bodyStart: pos };
  };
  const e1 = lineEnd(b, pos);
  if (e1 === pos) return dflt;
  const c1 = findCookie(pos, e1);
  if (c1 !== null) {
    check(pos, e1, c1.codec);
    return c1;
  }
  if (!BLANK_RE.test(latin1(b, pos, e1))) {
    check(pos, e1, "utf_8");
    return dflt;
  }
  const e2 = lineEnd(b, e1);
  if (e2 === e1) {
    check(pos, e1, "utf_8");
    return dflt;
  }
  const c2 = findCookie(e1, e2);
  if (c2 !== null) {
    check(pos, e2, c2.codec);
    return c2;
  }
  check(pos, e2, "utf_8");
  return dflt;
}
