// CPython: Python/ast_preprocess.c
//
// AST rewrites before code generation: `__debug__` becomes a constant, `"..." % (a, b)` with a
// literal format becomes an f-string, negative and complex numbers in match patterns are folded,
// and docstrings are dropped under -OO. (Constant folding of operators happens in flowgraph.ts.)
import {
  AST,
  Constant,
  FormattedValue,
  JoinedStr,
  Kind,
  Pass,
  expr_base,
  type expr,
  type mod,
  type stmt,
} from "../ast/ast.generated.js";
import type { PyObject } from "../objects/object.js";
import { CO_FUTURE_ANNOTATIONS } from "../objects/codeobject.js";
import { getDocString } from "./symtable_util.js";
import { evalConstBinop, evalConstUnaryop } from "./const_fold.js";
import { op, NB_ADD, NB_SUBTRACT } from "./opcode_utils.js";

interface State {
  optimize: number;
  ffFeatures: number;
}

/** Fields never holding expressions to fold in annotation-free mode. */
const ANNOTATION_FIELDS = new Set(["annotation", "returns"]);

function transformValue(v: unknown, state: State): unknown {
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = transformValue(v[i], state);
    return v;
  }
  if (v instanceof AST) return transformNode(v, state);
  return v;
}

function transformNode(node: AST, state: State): AST {
  const kind = node._kind;
  if (kind === Kind.MatchValue) {
    const n = node as unknown as { value: expr };
    n.value = foldConstMatchPatterns(n.value);
  } else if (kind === Kind.MatchMapping) {
    const n = node as unknown as { keys: expr[] };
    n.keys = n.keys.map(foldConstMatchPatterns);
  }
  const fields = (node.constructor as typeof AST)._fields;
  const skipAnnotations = (state.ffFeatures & CO_FUTURE_ANNOTATIONS) !== 0;
  const rec = node as unknown as Record<string, unknown>;
  if (hasBody(kind)) {
    astfoldBody(rec.body as stmt[], state);
  }
  for (const f of fields) {
    if (f === "body" && hasBody(kind)) continue;
    if (skipAnnotations && ANNOTATION_FIELDS.has(f)) continue;
    rec[f] = transformValue(rec[f], state);
  }
  if (node instanceof expr_base) return foldExpr(node as expr, state);
  return node;
}

function hasBody(kind: Kind): boolean {
  return (
    kind === Kind.Module ||
    kind === Kind.FunctionDef ||
    kind === Kind.AsyncFunctionDef ||
    kind === Kind.ClassDef
  );
}

function astfoldBody(stmts: stmt[], state: State): void {
  if (getDocString(stmts) !== null && state.optimize >= 2) {
    // remove the docstring; a lone docstring becomes `pass`
    if (stmts.length === 1) {
      const d = stmts[0];
      stmts[0] = new Pass(d.lineno, d.col_offset, d.lineno, d.col_offset + 4);
    } else {
      stmts.splice(0, 1);
    }
  }
  for (let i = 0; i < stmts.length; i++) stmts[i] = transformNode(stmts[i], state) as stmt;
}

function foldExpr(e: expr, state: State): expr {
  switch (e._kind) {
    case Kind.Name:
      if (e.ctx._kind === Kind.Load && e.id === "__debug__") {
        return new Constant(!state.optimize, null, e.lineno, e.col_offset, e.end_lineno, e.end_col_offset);
      }
      return e;
    case Kind.BinOp: {
      const lhs = e.left;
      if (
        e.op._kind === Kind.Mod &&
        lhs._kind === Kind.Constant &&
        typeof lhs.value === "string" &&
        e.right._kind === Kind.Tuple &&
        !e.right.elts.some((x) => x._kind === Kind.Starred)
      ) {
        return optimizeFormat(e, lhs.value, e.right.elts) ?? e;
      }
      return e;
    }
  }
  return e;
}

function makeConst(node: expr, value: PyObject | null): expr {
  if (value === null) return node;
  return new Constant(value, null, node.lineno, node.col_offset, node.end_lineno, node.end_col_offset);
}

function foldConstMatchPatterns(node: expr): expr {
  switch (node._kind) {
    case Kind.UnaryOp:
      if (node.op._kind === Kind.USub && node.operand._kind === Kind.Constant) {
        return makeConst(node, evalConstUnaryop(node.operand.value, op.UNARY_NEGATIVE, 0));
      }
      break;
    case Kind.BinOp: {
      const o = node.op._kind;
      if ((o === Kind.Add || o === Kind.Sub) && node.right._kind === Kind.Constant) {
        node.left = foldConstMatchPatterns(node.left);
        if (node.left._kind === Kind.Constant) {
          const nb = o === Kind.Add ? NB_ADD : NB_SUBTRACT;
          return makeConst(node, evalConstBinop(node.left.value, nb, node.right.value));
        }
      }
      break;
    }
  }
  return node;
}

/***** "%s" % (a, b) -> f"{a!s}{b!s}" (CPython: optimize_format) *****/

const F_LJUST = 1;
const MAXDIGITS = 3;

function parseLiteral(fmt: string[], pos: { i: number }): Constant | null {
  const start = pos.i;
  let p = start;
  let hasPercents = false;
  while (p < fmt.length) {
    if (fmt[p] !== "%") p++;
    else if (p + 1 < fmt.length && fmt[p + 1] === "%") {
      hasPercents = true;
      p += 2;
    } else break;
  }
  pos.i = p;
  if (p === start) return null;
  let str = fmt.slice(start, p).join("");
  if (hasPercents) str = str.replaceAll("%%", "%");
  return new Constant(str, null, -1, -1, -1, -1);
}

function parseFormat(fmt: string[], pos: { i: number }, arg: expr): FormattedValue | null {
  let p = pos.i;
  let flags = 0;
  let width = -1;
  let prec = -1;
  let ch: string;
  const next = (): boolean => {
    if (p >= fmt.length) return false;
    ch = fmt[p++];
    return true;
  };
  for (;;) {
    if (!next()) return null;
    if (ch! === "-") flags |= F_LJUST;
    else if (ch! === "+" || ch! === " " || ch! === "#" || ch! === "0") flags |= 2;
    else break;
  }
  if (ch! >= "0" && ch! <= "9") {
    width = 0;
    let digits = 0;
    while (ch! >= "0" && ch! <= "9") {
      width = width * 10 + (ch!.charCodeAt(0) - 48);
      if (!next()) return null;
      if (++digits >= MAXDIGITS) return null;
    }
  }
  if (ch! === ".") {
    if (!next()) return null;
    prec = 0;
    if (ch! >= "0" && ch! <= "9") {
      let digits = 0;
      while (ch! >= "0" && ch! <= "9") {
        prec = prec * 10 + (ch!.charCodeAt(0) - 48);
        if (!next()) return null;
        if (++digits >= MAXDIGITS) return null;
      }
    }
  }
  const spec = ch!;
  pos.i = p;
  if (spec !== "s" && spec !== "r" && spec !== "a") return null;
  let buf = "";
  if (!(flags & F_LJUST) && width > 0) buf += ">";
  if (width >= 0) buf += String(width);
  if (prec >= 0) buf += "." + prec;
  const formatSpec = buf ? new Constant(buf, null, -1, -1, -1, -1) : null;
  return new FormattedValue(
    arg,
    spec.charCodeAt(0),
    formatSpec,
    arg.lineno,
    arg.col_offset,
    arg.end_lineno,
    arg.end_col_offset,
  );
}

function optimizeFormat(node: expr, fmtStr: string, elts: expr[]): expr | null {
  const fmt = [...fmtStr];
  const pos = { i: 0 };
  let cnt = 0;
  const seq: expr[] = [];
  for (;;) {
    const lit = parseLiteral(fmt, pos);
    if (lit) seq.push(lit);
    if (pos.i >= fmt.length) break;
    if (cnt >= elts.length) return null; // more format units than items
    pos.i++;
    const e = parseFormat(fmt, pos, elts[cnt]);
    cnt++;
    if (!e) return null;
    seq.push(e);
  }
  if (cnt < elts.length) return null; // more items than format units
  return new JoinedStr(seq, node.lineno, node.col_offset, node.end_lineno, node.end_col_offset);
}

/** CPython: _PyAST_Preprocess. */
export function astPreprocess(m: mod, _filename: string, optimize: number, ffFeatures: number): void {
  const state: State = { optimize, ffFeatures };
  transformNode(m, state);
}
