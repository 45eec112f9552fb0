// CPython 3.14: Lib/traceback.py, _extract_caret_anchors_from_line_segment and
// StackSummary._should_show_carets: where a traceback line puts `~` and `^`.
import * as ast from "../ast/ast.generated.js";
import { parserASTFromString } from "../parser/peg_api.js";
import { byteOffsetToCharOffset } from "./traceback.js";

/** Where the secondary (`^`) part of the carets starts and ends (lines relative to the segment). */
export interface CaretAnchors {
  leftEndLineno: number;
  leftEndOffset: number;
  rightStartLineno: number;
  rightStartOffset: number;
  primaryChar: string;
  secondaryChar: string;
}

function parseModule(source: string): ast.Module | null {
  try {
    const tree = parserASTFromString(source, "<unknown>", "exec");
    return tree instanceof ast.Module ? tree : null;
  } catch {
    return null;
  }
}

const isSpace = (ch: string): boolean => /^\s$/u.test(ch);

/** Anchors for a binary operation, a subscript or a call filling `segment`, else null. */
export function computeCaretAnchors(segment: string): CaretAnchors | null {
  // Parenthesized so a multi-line expression parses as one expression statement.
  const tree = parseModule(`(\n${segment}\n)`);
  if (tree === null || tree.body.length !== 1) return null;
  const lines = segment.split(/\r\n|\r|\n/).map((l) => Array.from(l));
  if (lines.length > 0 && lines[lines.length - 1]!.length === 0 && /(\r\n|\r|\n)$/.test(segment)) lines.pop();
  const normalize = (lineno: number, offset: number): number => byteOffsetToCharOffset(lines[lineno]!.join(""), offset);
  const nextValidChar = (lineno: number, col: number): [number, number] => {
    while (lineno < lines.length && col >= lines[lineno]!.length) {
      col = 0;
      lineno++;
    }
    if (lineno >= lines.length) throw new Error("no valid character");
    return [lineno, col];
  };
  const increment = (lineno: number, col: number): [number, number] => nextValidChar(lineno, col + 1);
  const nextline = (lineno: number): [number, number] => nextValidChar(lineno + 1, 0);
  const incrementUntil = (lineno: number, col: number, stop: (ch: string) => boolean): [number, number] => {
    for (;;) {
      const ch = lines[lineno]![col]!;
      if (ch === "\\" || ch === "#") [lineno, col] = nextline(lineno);
      else if (!stop(ch)) [lineno, col] = increment(lineno, col);
      else return [lineno, col];
    }
  };
  // -2: end_lineno is 1-based and the segment starts after the added "(\n"
  const setupPositions = (e: ast.expr, forceValid = true): [number, number] => {
    const lineno = e.end_lineno! - 2;
    const col = normalize(lineno, e.end_col_offset!);
    return forceValid ? nextValidChar(lineno, col) : [lineno, col];
  };
  const anchors = (a: number, b: number, c: number, d: number): CaretAnchors => ({
    leftEndLineno: a, leftEndOffset: b, rightStartLineno: c, rightStartOffset: d, primaryChar: "~", secondaryChar: "^",
  });
  const stmt = tree.body[0]!;
  if (!(stmt instanceof ast.Expr)) return null;
  const e = stmt.value;
  if (e instanceof ast.BinOp) {
    let [lineno, col] = setupPositions(e.left);
    [lineno, col] = incrementUntil(lineno, col, (x) => !isSpace(x) && x !== ")");
    let rightCol = col + 1;
    const line = lines[lineno]!;
    if (rightCol < line.length && (e.right.lineno - 2 > lineno || rightCol < normalize(e.right.lineno - 2, e.right.col_offset))) {
      const ch = line[rightCol]!;
      if (!isSpace(ch) && ch !== "\\" && ch !== "#") rightCol++;
    }
    return anchors(lineno, col, lineno, rightCol);
  }
  if (e instanceof ast.Subscript || e instanceof ast.Call) {
    const [l0, c0] = setupPositions(e instanceof ast.Subscript ? e.value : e.func);
    const bracket = e instanceof ast.Subscript ? "[" : "(";
    const [ll, lc] = incrementUntil(l0, c0, (x) => x === bracket);
    const [rl, rc] = setupPositions(e, false);
    return anchors(ll, lc, rl, rc);
  }
  return null;
}

/** Whether carets add information: not when they would underline the whole statement. */
export function shouldShowCarets(startOffset: number, endOffset: number, allLines: string[], anchors: CaretAnchors | null): boolean {
  const tree = parseModule(allLines.join("\n"));
  if (tree !== null) {
    if (tree.body.length === 0) return false;
    const stmt = tree.body[0]!;
    let value: ast.expr | null = null;
    if (stmt instanceof ast.Return && stmt.value instanceof ast.Call && stmt.value.func instanceof ast.Name) value = stmt.value;
    else if (stmt instanceof ast.Assign && stmt.value instanceof ast.Call && stmt.targets.length === 1 && stmt.targets[0] instanceof ast.Name) value = stmt.value;
    if (
      value !== null && value.lineno === 1 && value.end_lineno === allLines.length &&
      value.col_offset === startOffset && value.end_col_offset === endOffset
    ) {
      return false;
    }
  }
  if (anchors !== null) return true;
  const first = Array.from(allLines[0]!);
  const last = Array.from(allLines[allLines.length - 1]!);
  return first.slice(0, startOffset).join("").trim() !== "" || last.slice(endOffset).join("").trim() !== "";
}
