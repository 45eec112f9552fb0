// CPython: Parser/tokenizer/string_tokenizer.c and helpers.c (decode_str, check_bom,
// check_coding_spec, translate_newlines) — the source as compile() hands it to the parser.
import { PySyntaxError } from "../../objects/exceptions.js";
import { decode, getNormalName, lookupCodec } from "./encoding.js";

const COOKIE_RE = /^[ \t\f]*#[^\n]*?coding[:=][ \t]*([-\w.]+)/;
const BLANK_RE = /^[ \t\f]*(?:[#\r\n]|$)/;

function err(msg: string, filename: string, lineno: number | null, offset: number | null,
  endLineno: number | null = null, endOffset: number | null = null, text: string | null = null): PySyntaxError {
  return new PySyntaxError("SyntaxError", msg, filename, lineno, offset, endLineno, endOffset, text);
}

/** "\r\n" and "\r" become "\n" (CPython: translate_newlines). */
export function translateNewlines(s: string): string {
  return s.indexOf("\r") < 0 ? s : s.replace(/\r\n?/g, "\n");
}

function latin1(b: Uint8Array, from: number, to: number): string {
  let s = "";
  for (let i = from; i < to; i++) s += String.fromCharCode(b[i]!);
  return s;
}

/** Decodes a source for the parser: BOM, coding cookie, UTF-8 check, newline translation. */
export function decodeForParser(source: Uint8Array | string, filename: string): string {
  if (typeof source === "string") {
    if (source.indexOf("\0") >= 0) throw err("source code string cannot contain null bytes", filename, null, null);
    return translateNewlines(source);
  }
  const b = source;
  if (b.indexOf(0) >= 0) throw err("source code string cannot contain null bytes", filename, null, null);
  let pos = 0;
  const bom = b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
  if (bom) pos = 3;

  // The coding spec: line 1, or line 2 when line 1 is blank or a comment.
  let encName: string | null = null;
  let cookieLine = 0;
  let cookieFrom = 0, cookieTo = 0;
  let from = pos;
  for (let lineno = 1; lineno <= 2 && from < b.length; lineno++) {
    const nl = b.indexOf(10, from);
    const to = nl < 0 ? b.length : nl + 1;
    const line = latin1(b, from, to);
    const m = COOKIE_RE.exec(line);
    if (m !== null) {
      encName = getNormalName(m[1]!);
      cookieLine = lineno;
      cookieFrom = from;
      cookieTo = to;
      break;
    }
    if (!BLANK_RE.test(line)) break;
    from = to;
  }

  if (encName !== null && encName !== "utf-8") {
    const codec = lookupCodec(encName);
    if (codec === null) throw err(`unknown encoding: ${encName}`, filename, 0, -1);
    if (bom) {
      const text = latin1(b, cookieFrom, cookieTo).replace(/\r?\n$/, "");
      throw err(`encoding problem: ${encName} with BOM`, filename, cookieLine, 0, cookieLine, text.length, text);
    }
    if (codec !== "utf_8") {
      const r = decode(b.subarray(pos), codec, true);
      if (typeof r === "number") {
        const byte = b[pos + r]!.toString(16).padStart(2, "0");
        const why = codec === "ascii"
          ? `'ascii' codec can't decode byte 0x${byte} in position ${r}: ordinal not in range(128)`
          : `'charmap' codec can't decode byte 0x${byte} in position ${r}: character maps to <undefined>`;
        throw err(why, filename, 0, -1);
      }
      return translateNewlines(r);
    }
  }
  const body = b.subarray(pos);
  const decoded = decode(body, "utf_8", true);
  if (typeof decoded === "string") return translateNewlines(decoded);
  const bad = decoded;
  let ls = body.lastIndexOf(10, bad - 1) + 1;
  if (bad === 0) ls = 0;
  let lineno = 1;
  for (let i = 0; i < ls; i++) if (body[i] === 10) lineno++;
  const nl = body.indexOf(10, bad);
  const lineText = decode(body.subarray(ls, nl < 0 ? body.length : nl), "utf_8", false) as string;
  const col = [...(decode(body.subarray(ls, bad), "utf_8", false) as string)].length + 1;
  throw err(`Non-UTF-8 code starting with '\\x${body[bad]!.toString(16).padStart(2, "0")}' on line ${lineno}, ` +
    "but no encoding declared; see https://peps.python.org/pep-0263/ for details", filename, lineno, col, lineno,
    col, lineText.replace(/\r$/, ""));
}
