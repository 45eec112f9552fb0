// CPython: Python/traceback.c (traceback objects, PyTraceBack_Here) and the formatting of
// Lib/traceback.py that PyErr_Display uses in 3.13+ (source lines, `~~^^` carets, chained
// exceptions, "[Previous line repeated N more times]").
//
// Exports for others: formatException(exc): string (the text PyErr_Display writes for an uncaught
// exception, used by pythonrun.ts), PyTraceBack_Here(frame, exc), PyTraceBackObject,
// linecacheRegister(filename, source) (source for "<string>"-like filenames, e.g. `-c`).
import { readFileSync } from "node:fs";
import { PyObjectBase, PyBaseObject_Type, Py_None, Py_TYPE, newStaticType, type PyObject } from "../objects/object.js";
import { PyBaseException } from "../objects/exceptions.js";
import { PyObject_Str, PyObject_GetOptionalAttr } from "../objects/abstract.js";
import type { PyCodeObject } from "../objects/codeobject.js";
import { PyFrameObject, _PyFrame_GetFrameObject } from "../objects/frameobject.js";
import type { _PyInterpreterFrame } from "../vm/frame.js";
import { computeCaretAnchors, shouldShowCarets, type CaretAnchors } from "./traceback_carets.js";
import { suggestionSuffix } from "./traceback_suggestions.js";

export const PyTraceBack_Type = newStaticType("traceback", PyBaseObject_Type, 0);

/** CPython: PyTracebackObject. */
export class PyTraceBackObject extends PyObjectBase {
  constructor(
    public tb_next: PyTraceBackObject | null,
    public readonly tb_frame: PyFrameObject,
    /** Byte offset of the instruction that was running. */
    public readonly tb_lasti: number,
  ) {
    super();
  }
  get tb_lineno(): number | null {
    return this.tb_frame.f_frame.f_executable.addr2line(this.tb_lasti >> 1);
  }
}
PyTraceBackObject.prototype.ob_type = PyTraceBack_Type;
PyTraceBack_Type.tp_getset = [
  { name: "tb_next", get: (t) => (t as PyTraceBackObject).tb_next ?? Py_None },
  { name: "tb_frame", get: (t) => (t as PyTraceBackObject).tb_frame },
  { name: "tb_lasti", get: (t) => (t as PyTraceBackObject).tb_lasti },
  { name: "tb_lineno", get: (t) => (t as PyTraceBackObject).tb_lineno ?? Py_None },
];

/** Adds the frame's current instruction in front of the exception's traceback (CPython: PyTraceBack_Here). */
export function PyTraceBack_Here(frame: _PyInterpreterFrame, exc: PyBaseException): void {
  const prev = exc.traceback instanceof PyTraceBackObject ? exc.traceback : null;
  exc.traceback = new PyTraceBackObject(prev, _PyFrame_GetFrameObject(frame), frame.instr_ptr * 2);
}

// ---- source lines (CPython: Lib/linecache.py) ---------------------------------------------------

const registered = new Map<string, string[]>();
const fileCache = new Map<string, string[] | null>();

/** Makes `source` the text shown for `filename` (for code that has no file: `-c`, stdin, exec). */
export function linecacheRegister(filename: string, source: string): void {
  registered.set(filename, source.split(/\r\n|\r|\n/));
}

/** Line `lineno` (1-based) of `filename` without its line ending, or "" (CPython: linecache.getline). */
export function getline(filename: string, lineno: number): string {
  let lines = registered.get(filename) ?? fileCache.get(filename);
  if (lines === undefined) {
    try {
      lines = readFileSync(filename, "utf8").split(/\r\n|\r|\n/);
    } catch {
      lines = null;
    }
    fileCache.set(filename, lines);
  }
  if (lines === null || lines === undefined) return "";
  return lineno >= 1 && lineno <= lines.length ? lines[lineno - 1]! : "";
}

// ---- formatting ---------------------------------------------------------------------------------

interface FrameSummary {
  filename: string;
  lineno: number | null;
  endLineno: number | null;
  colno: number | null;
  endColno: number | null;
  name: string;
}

function summarize(tb: PyTraceBackObject | null): FrameSummary[] {
  const out: FrameSummary[] = [];
  for (; tb !== null; tb = tb.tb_next) {
    const co: PyCodeObject = tb.tb_frame.f_frame.f_executable;
    const pos = co.co_positions()[tb.tb_lasti >> 1];
    out.push({
      filename: co.co_filename,
      lineno: pos?.lineno ?? tb.tb_lineno,
      endLineno: pos?.endLineno ?? null,
      colno: pos?.col ?? null,
      endColno: pos?.endCol ?? null,
      name: co.co_name,
    });
  }
  return out;
}

/** Python's str.strip / lstrip / rstrip over ASCII white space and the usual Unicode spaces. */
const rstrip = (s: string): string => s.replace(/\s+$/u, "");
const lstrip = (s: string): string => s.replace(/^\s+/u, "");

/** textwrap.dedent: removes the longest common leading white space of the non-blank lines. */
function dedent(text: string): string {
  const lines = text.split("\n");
  let margin: string | null = null;
  for (const l of lines) {
    if (l.trim() === "") continue;
    const ws = /^[ \t]*/.exec(l)![0];
    if (margin === null) margin = ws;
    else {
      let k = 0;
      while (k < margin.length && k < ws.length && margin[k] === ws[k]) k++;
      margin = margin.slice(0, k);
    }
  }
  return lines.map((l) => (l.trim() === "" ? "" : l.slice(margin?.length ?? 0))).join("\n");
}

/** Character (code point) index of UTF-8 byte offset `offset` in `line` (CPython: _byte_offset_to_character_offset). */
export function byteOffsetToCharOffset(line: string, offset: number): number {
  const bytes = Buffer.from(line, "utf8").subarray(0, Math.max(0, offset));
  return Array.from(bytes.toString("utf8")).length;
}

function isWide(cp: number): boolean {
  // East Asian Wide (W) and Fullwidth (F) ranges, the ones that matter in source code
  return (
    (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) || (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/** Display columns of the first `offset` characters of `line` (CPython: traceback._display_width). */
function displayWidth(line: string, offset?: number): number {
  const cps = Array.from(line);
  const n = offset ?? cps.length;
  let w = 0;
  for (let i = 0; i < n && i < cps.length; i++) w += isWide(cps[i]!.codePointAt(0)!) ? 2 : 1;
  if (n > cps.length) w += n - cps.length;
  return w;
}

const cpLen = (s: string): number => Array.from(s).length;
const cpSlice = (s: string, a: number, b?: number): string => Array.from(s).slice(a, b).join("");

function formatFrameSummary(fs: FrameSummary, carets: boolean): string {
  const filename = fs.filename.startsWith("<stdin-") && fs.filename.endsWith(">") ? "<stdin>" : fs.filename;
  let row = `  File "${filename}", line ${fs.lineno ?? "None"}, in ${fs.name}\n`;
  if (fs.lineno === null || fs.endLineno === null) return row;
  if (!carets) {
    // the C traceback printer (PyTraceBack_Print): the first line, stripped, no carets
    const line = getline(fs.filename, fs.lineno).trim();
    return line === "" ? row : row + "    " + line + "\n";
  }
  const original: string[] = [];
  for (let l = fs.lineno; l <= fs.endLineno; l++) original.push(rstrip(getline(fs.filename, l)));
  const originalText = original.join("\n") + "\n";
  const dedented = dedent(originalText);
  if (dedented.trim() === "") return row;
  if (fs.colno === null || fs.endColno === null) {
    return row + "    " + original[0]!.trim() + "\n";
  }
  const firstLine = original[0]!;
  const lastLine = original[fs.endLineno - fs.lineno]!;
  let startOffset = byteOffsetToCharOffset(firstLine, fs.colno);
  let endOffset = byteOffsetToCharOffset(lastLine, fs.endColno);
  const allLines = dedented.split("\n").slice(0, fs.endLineno - fs.lineno + 1);
  const dedentChars = cpLen(firstLine) - cpLen(allLines[0]!);
  startOffset = Math.max(0, startOffset - dedentChars);
  endOffset = Math.max(0, endOffset - dedentChars);
  const dpStart = displayWidth(allLines[0]!, startOffset);
  const dpEnd = displayWidth(allLines[allLines.length - 1]!, endOffset);
  const joined = allLines.join("\n");
  const segment = cpSlice(joined, startOffset, cpLen(joined) - (cpLen(allLines[allLines.length - 1]!) - endOffset));
  let anchors: CaretAnchors | null = null;
  try {
    anchors = computeCaretAnchors(segment);
  } catch {
    anchors = null;
  }
  const showCarets = shouldShowCarets(startOffset, endOffset, allLines, anchors);
  const significant = new Set<number>([0, allLines.length - 1]);
  let leftEnd = 0;
  let rightStart = 0;
  let primary = "^";
  let secondary = "^";
  if (anchors !== null) {
    leftEnd = anchors.leftEndOffset + (anchors.leftEndLineno === 0 ? startOffset : 0);
    rightStart = anchors.rightStartOffset + (anchors.rightStartLineno === 0 ? startOffset : 0);
    leftEnd = displayWidth(allLines[anchors.leftEndLineno]!, leftEnd);
    rightStart = displayWidth(allLines[anchors.rightStartLineno]!, rightStart);
    primary = anchors.primaryChar;
    secondary = anchors.secondaryChar;
    for (let l = anchors.leftEndLineno - 1; l <= anchors.leftEndLineno + 1; l++) significant.add(l);
    for (let l = anchors.rightStartLineno - 1; l <= anchors.rightStartLineno + 1; l++) significant.add(l);
  }
  significant.delete(-1);
  significant.delete(allLines.length);
  let result = "";
  const outputLine = (lineno: number): void => {
    const line = allLines[lineno]!;
    result += line + "\n";
    if (!showCarets) return;
    const numSpaces = cpLen(line) - cpLen(lstrip(line));
    const numCarets = lineno === allLines.length - 1 ? dpEnd : displayWidth(line);
    let carets = "";
    for (let col = 0; col < numCarets; col++) {
      if (col < numSpaces || (lineno === 0 && col < dpStart)) {
        carets += " ";
      } else if (
        anchors !== null &&
        (lineno > anchors.leftEndLineno || (lineno === anchors.leftEndLineno && col >= leftEnd)) &&
        (lineno < anchors.rightStartLineno || (lineno === anchors.rightStartLineno && col < rightStart))
      ) {
        carets += secondary;
      } else {
        carets += primary;
      }
    }
    result += carets + "\n";
  };
  const sig = [...significant].sort((a, b) => a - b);
  sig.forEach((lineno, i) => {
    if (i > 0) {
      const diff = lineno - sig[i - 1]!;
      if (diff === 2) outputLine(lineno - 1);
      else if (diff > 2) result += `...<${diff - 1} lines>...\n`;
    }
    outputLine(lineno);
  });
  const indented = dedent(result)
    .split("\n")
    .map((l, i, arr) => (i === arr.length - 1 && l === "" ? l : "    " + l))
    .join("\n");
  return row + indented;
}

const RECURSIVE_CUTOFF = 3;

/** StackSummary.format: frames, collapsing runs of the same line after three repetitions. */
function formatStack(frames: FrameSummary[], carets = true): string {
  let out = "";
  let lastFile: string | null = null;
  let lastLine: number | null = null;
  let lastName: string | null = null;
  let count = 0;
  const repeated = (n: number): string => `  [Previous line repeated ${n} more time${n > 1 ? "s" : ""}]\n`;
  for (const fs of frames) {
    if (lastFile !== fs.filename || lastLine !== fs.lineno || lastName !== fs.name) {
      if (count > RECURSIVE_CUTOFF) out += repeated(count - RECURSIVE_CUTOFF);
      lastFile = fs.filename;
      lastLine = fs.lineno;
      lastName = fs.name;
      count = 0;
    }
    count++;
    if (count > RECURSIVE_CUTOFF) continue;
    out += formatFrameSummary(fs, carets);
  }
  if (count > RECURSIVE_CUTOFF) out += repeated(count - RECURSIVE_CUTOFF);
  return out;
}

function safeStr(v: PyObject, what: string): string {
  try {
    return PyObject_Str(v);
  } catch {
    return `<${what} str() failed>`;
  }
}

/** The last line: `Type: message`, the type qualified by its module unless builtins/__main__. */
function formatExceptionOnly(exc: PyBaseException): string {
  const type = Py_TYPE(exc);
  let stype = type.ht_qualname ?? type.tp_name;
  const mod = PyObject_GetOptionalAttr(type, "__module__");
  if (typeof mod === "string" && mod !== "builtins" && mod !== "__main__") stype = `${mod}.${stype}`;
  const s = safeStr(exc, "exception") + suggestionSuffix(exc, exc.traceback instanceof PyTraceBackObject ? exc.traceback : null);
  let out = s === "" ? `${stype}\n` : `${stype}: ${s}\n`;
  const notes = exc.notes;
  if (notes !== null && notes !== undefined && notes !== Py_None) {
    const items = (notes as { items?: PyObject[] }).items;
    if (Array.isArray(items)) for (const n of items) for (const l of safeStr(n, "note").split("\n")) out += l + "\n";
  }
  return out;
}

const CAUSE_MESSAGE = "\nThe above exception was the direct cause of the following exception:\n\n";
const CONTEXT_MESSAGE = "\nDuring handling of the above exception, another exception occurred:\n\n";

/** What the default sys.excepthook prints for `exc` (CPython 3.14: traceback.TracebackException.format). */
export function formatException(exc: PyBaseException, carets = true): string {
  const chain: [string | null, PyBaseException][] = [];
  const seen = new Set<PyBaseException>();
  let e: PyBaseException | null = exc;
  while (e !== null && !seen.has(e)) {
    seen.add(e);
    let msg: string | null = null;
    let next: PyBaseException | null = null;
    if (e.cause instanceof PyBaseException) {
      msg = CAUSE_MESSAGE;
      next = e.cause;
    } else if (e.context instanceof PyBaseException && !e.suppressContext) {
      msg = CONTEXT_MESSAGE;
      next = e.context;
    }
    chain.push([msg, e]);
    e = next !== null && seen.has(next) ? null : next;
  }
  let out = "";
  for (let i = chain.length - 1; i >= 0; i--) {
    const [msg, x] = chain[i]!;
    if (msg !== null) out += msg;
    const frames = summarize(x.traceback instanceof PyTraceBackObject ? x.traceback : null);
    if (frames.length > 0) out += "Traceback (most recent call last):\n" + formatStack(frames, carets);
    out += formatExceptionOnly(x);
  }
  return out;
}
