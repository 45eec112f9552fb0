// CPython 3.14: Lib/traceback.py, TracebackException._find_keyword_typos. When a SyntaxError says
// just "invalid syntax", CPython looks for a misspelt keyword among the first names of the source
// up to the error line (`whille x:`), and when writing the keyword there makes the code parse, the
// error points at that name and says "invalid syntax. Did you mean 'while'?".
import { PyExc_IncompleteInputError, PySyntaxError } from "../objects/exceptions.js";
import { PyObject_TypeCheck } from "../objects/object.js";
import { calculateSuggestions } from "./suggestions.js";

// keyword.kwlist
const KWLIST = [
  "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
  "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in",
  "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
];
const NAME = 1; // token.NAME

/** What this needs of the front end (loaded by the caller, as the stages may be missing). */
export interface FrontEnd {
  /** Tokens of `source` as tokenize.generate_tokens yields them; throws on a tokenizer error. */
  tokens(source: string): Iterable<{ type: number; string: string; lineno: number; colOffset: number; endLineno: number; endColOffset: number }>;
  /** Compiles `source` in exec mode; `allowIncomplete` gives _IncompleteInputError for a source that ends early. */
  compile(source: string, allowIncomplete: boolean): void;
}

// ---- difflib.get_close_matches ------------------------------------------------------------------

/** Size of the longest common block of a[alo:ahi], b[blo:bhi], first in a then in b (difflib's find_longest_match). */
function longestMatch(a: string[], b: string[], alo: number, ahi: number, blo: number, bhi: number): [number, number, number] {
  let besti = alo;
  let bestj = blo;
  let bestsize = 0;
  let j2len = new Map<number, number>();
  for (let i = alo; i < ahi; i++) {
    const next = new Map<number, number>();
    for (let j = blo; j < bhi; j++) {
      if (b[j] !== a[i]) continue;
      const k = (j2len.get(j - 1) ?? 0) + 1;
      next.set(j, k);
      if (k > bestsize) {
        besti = i - k + 1;
        bestj = j - k + 1;
        bestsize = k;
      }
    }
    j2len = next;
  }
  return [besti, bestj, bestsize];
}

/** SequenceMatcher(None, a, b).ratio(): twice the matched characters over the total. */
export function sequenceRatio(a: string, b: string): number {
  const as = Array.from(a);
  const bs = Array.from(b);
  let matches = 0;
  const queue: [number, number, number, number][] = [[0, as.length, 0, bs.length]];
  while (queue.length > 0) {
    const [alo, ahi, blo, bhi] = queue.pop()!;
    const [i, j, k] = longestMatch(as, bs, alo, ahi, blo, bhi);
    if (k === 0) continue;
    matches += k;
    if (alo < i && blo < j) queue.push([alo, i, blo, j]);
    if (i + k < ahi && j + k < bhi) queue.push([i + k, ahi, j + k, bhi]);
  }
  const total = as.length + bs.length;
  return total === 0 ? 1 : (2 * matches) / total;
}

/** difflib.get_close_matches(word, possibilities, n, cutoff). */
export function getCloseMatches(word: string, possibilities: readonly string[], n = 3, cutoff = 0.6): string[] {
  const scored: [number, string][] = [];
  for (const x of possibilities) {
    const r = sequenceRatio(x, word);
    if (r >= cutoff) scored.push([r, x]);
  }
  // heapq.nlargest over (ratio, word) pairs
  scored.sort((p, q) => q[0] - p[0] || (q[1] < p[1] ? -1 : q[1] > p[1] ? 1 : 0));
  return scored.slice(0, n).map((p) => p[1]);
}

// ---- the search ------------------------------------------------------------------------------

/** textwrap.dedent (3.14). */
function dedent(text: string): string {
  const lines = text.split("\n");
  const isBlank = (l: string): boolean => l === "" || /^\s+$/u.test(l);
  const nonBlank = lines.filter((l) => !isBlank(l));
  let l1 = "";
  let l2 = "";
  if (nonBlank.length > 0) {
    l1 = nonBlank.reduce((m, l) => (l < m ? l : m));
    l2 = nonBlank.reduce((m, l) => (l > m ? l : m));
  }
  let margin = 0;
  for (margin = 0; margin < l1.length; margin++) {
    const c = l1[margin]!;
    if (c !== l2[margin] || (c !== " " && c !== "\t")) break;
  }
  if (margin === l1.length && margin > 0) margin--; // enumerate() leaves the last index
  return lines.map((l) => (isBlank(l) && l !== "" ? "" : l.slice(margin))).join("\n");
}

/** str.splitlines(). */
function splitlines(s: string): string[] {
  const lines = s.split(/\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/);
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** codeop.compile_command(code, symbol="exec") raises no SyntaxError (complete or incomplete code). */
function compilesAsCommand(fe: FrontEnd, code: string): boolean {
  let source = code;
  if (source.split("\n").every((l) => l.trim() === "" || l.trim().startsWith("#"))) source = "pass";
  const attempt = (src: string, allowIncomplete: boolean): "ok" | "incomplete" | "error" => {
    try {
      fe.compile(src, allowIncomplete);
      return "ok";
    } catch (e) {
      if (!(e instanceof PySyntaxError)) throw e;
      return PyObject_TypeCheck(e, PyExc_IncompleteInputError) ? "incomplete" : "error";
    }
  };
  if (attempt(source, true) === "ok") return true;
  if (attempt(source + "\n", true) !== "error") return true;
  return attempt(source, false) === "ok";
}

/**
 * Rewrites `e` in place when a keyword typo explains it. `source` is the text that was compiled
 * (CPython keeps it in the exception's _metadata).
 */
export function findKeywordTypos(e: PySyntaxError, source: string, fe: FrontEnd): void {
  const msg = typeof e.msg === "string" ? e.msg : "";
  if (msg !== "invalid syntax" && !msg.includes("Perhaps you forgot a comma")) return;
  const endLine = typeof e.lineno === "number" ? e.lineno : 0;
  const errorCode = dedent(splitlines(source).slice(0, endLine).join("\n"));
  if (errorCode.length > 1024) return;
  const errorLines = splitlines(errorCode);
  let left = 10;
  try {
    for (const token of fe.tokens(errorCode)) {
      if (token.type !== NAME) continue;
      const wrong = token.string;
      if (KWLIST.includes(wrong)) continue;
      if (--left < 0) break;
      const matches: string[] = [];
      const close = calculateSuggestions(KWLIST, wrong);
      if (close !== null) matches.push(close);
      matches.push(...getCloseMatches(wrong, KWLIST, 3, 0.5));
      for (const suggestion of matches.slice(0, 3)) {
        if (suggestion === wrong) continue;
        const lines = errorLines.slice();
        const chars = Array.from(lines[token.lineno - 1] ?? "");
        chars.splice(token.colOffset, token.endColOffset - token.colOffset, ...suggestion);
        lines[token.lineno - 1] = chars.join("");
        if (!compilesAsCommand(fe, lines.join("\n"))) continue;
        e.text = errorLines[token.lineno - 1] ?? "";
        e.offset = token.colOffset + 1;
        e.endOffset = token.endColOffset + 1;
        e.lineno = token.lineno;
        e.endLineno = token.endLineno;
        e.msg = `invalid syntax. Did you mean '${suggestion}'?`;
        return;
      }
    }
  } catch (err) {
    // as traceback.py, which runs this under suppress(Exception): a tokenizer error ends the search
    if (!(err instanceof PySyntaxError)) throw err;
  }
}
