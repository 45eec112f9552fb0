// CPython: Python/ast_unparse.c
//
// An expression back to source text, for `from __future__ import annotations` (PEP 563).
import type { expr, comprehension, arguments_, keyword } from "../ast/ast.generated.js";
import { Kind } from "../ast/ast.generated.js";
import { type PyObject, Py_None, Py_Ellipsis } from "../objects/object.js";
import { PyFloat, floatRepr } from "../objects/floatobject.js";
import { PyComplex, complexRepr } from "../objects/complexobject.js";
import { PyBytes, bytesRepr } from "../objects/bytesobject.js";
import { PyTuple } from "../objects/tupleobject.js";
import { unicodeRepr } from "../objects/unicodeobject.js";
import { longRepr } from "../objects/longobject.js";

const enum PR {
  TUPLE,
  TEST, // 'if'-'else', 'lambda'
  OR, // 'or'
  AND, // 'and'
  NOT, // 'not'
  CMP, // '<', '>', '==', '>=', '<=', '!=', 'in', 'not in', 'is', 'is not'
  EXPR,
  BOR = EXPR, // '|'
  BXOR, // '^'
  BAND, // '&'
  SHIFT, // '<<', '>>'
  ARITH, // '+', '-'
  TERM, // '*', '@', '/', '%', '//'
  FACTOR, // unary '+', '-', '~'
  POWER, // '**'
  AWAIT, // 'await'
  ATOM,
}

const INF_STR = "1e309";

function floatText(v: number): string {
  if (!Number.isFinite(v)) {
    if (Number.isNaN(v)) return `(${INF_STR}-${INF_STR})`;
    return v < 0 ? "-" + INF_STR : INF_STR;
  }
  return floatRepr(v);
}

/** repr() of a constant, as unparsing writes it. */
export function constRepr(v: PyObject): string {
  switch (typeof v) {
    case "string":
      return unicodeRepr(v);
    case "boolean":
      return v ? "True" : "False";
    case "number":
    case "bigint":
      return longRepr(v);
  }
  if (v === Py_None) return "None";
  if (v === Py_Ellipsis) return "...";
  if (v instanceof PyFloat) return floatText(v.value);
  if (v instanceof PyComplex) {
    if (!Number.isFinite(v.real) || !Number.isFinite(v.imag)) {
      return `(${floatText(v.real)}+${floatText(v.imag)}j)`;
    }
    return complexRepr(v.real, v.imag);
  }
  if (v instanceof PyBytes) return bytesRepr(v.value);
  if (v instanceof PyTuple) {
    const items = v.items.map(constRepr);
    return items.length === 1 ? `(${items[0]},)` : `(${items.join(", ")})`;
  }
  return String(v);
}

const BINOP: Partial<Record<Kind, [string, PR]>> = {
  [Kind.Add]: [" + ", PR.ARITH],
  [Kind.Sub]: [" - ", PR.ARITH],
  [Kind.Mult]: [" * ", PR.TERM],
  [Kind.MatMult]: [" @ ", PR.TERM],
  [Kind.Div]: [" / ", PR.TERM],
  [Kind.Mod]: [" % ", PR.TERM],
  [Kind.LShift]: [" << ", PR.SHIFT],
  [Kind.RShift]: [" >> ", PR.SHIFT],
  [Kind.BitOr]: [" | ", PR.BOR],
  [Kind.BitXor]: [" ^ ", PR.BXOR],
  [Kind.BitAnd]: [" & ", PR.BAND],
  [Kind.FloorDiv]: [" // ", PR.TERM],
  [Kind.Pow]: [" ** ", PR.POWER],
};

const CMPOP: Partial<Record<Kind, string>> = {
  [Kind.Eq]: " == ",
  [Kind.NotEq]: " != ",
  [Kind.Lt]: " < ",
  [Kind.LtE]: " <= ",
  [Kind.Gt]: " > ",
  [Kind.GtE]: " >= ",
  [Kind.Is]: " is ",
  [Kind.IsNot]: " is not ",
  [Kind.In]: " in ",
  [Kind.NotIn]: " not in ",
};

function paren(cond: boolean, s: string): string {
  return cond ? `(${s})` : s;
}

function unparseComprehensions(gens: comprehension[]): string {
  let out = "";
  for (const g of gens) {
    out += g.is_async ? " async for " : " for ";
    out += unparse(g.target, PR.TUPLE) + " in " + unparse(g.iter, PR.TEST + 1);
    for (const i of g.ifs) out += " if " + unparse(i, PR.TEST + 1);
  }
  return out;
}

function unparseArgs(a: arguments_): string {
  const parts: string[] = [];
  const posargs = [...a.posonlyargs, ...a.args];
  const firstDefault = posargs.length - a.defaults.length;
  posargs.forEach((arg, i) => {
    let s = arg.arg;
    if (i >= firstDefault) s += "=" + unparse(a.defaults[i - firstDefault], PR.TEST);
    parts.push(s);
    if (a.posonlyargs.length && i === a.posonlyargs.length - 1) parts.push("/");
  });
  if (a.vararg || a.kwonlyargs.length) parts.push("*" + (a.vararg ? a.vararg.arg : ""));
  a.kwonlyargs.forEach((arg, i) => {
    const d = a.kw_defaults[i];
    parts.push(arg.arg + (d ? "=" + unparse(d, PR.TEST) : ""));
  });
  if (a.kwarg) parts.push("**" + a.kwarg.arg);
  return parts.join(", ");
}

function unparseKeyword(k: keyword): string {
  return k.arg === null ? "**" + unparse(k.value, PR.TEST) : k.arg + "=" + unparse(k.value, PR.TEST);
}

function unparseFstringBody(values: expr[]): string {
  let out = "";
  for (const v of values) {
    if (v._kind === Kind.Constant && typeof v.value === "string") {
      out += v.value.replaceAll("{", "{{").replaceAll("}", "}}");
    } else if (v._kind === Kind.FormattedValue) {
      let inner = unparse(v.value, PR.TEST + 1);
      if (inner.startsWith("{")) inner = " " + inner;
      out += "{" + inner;
      if (v.conversion !== -1) out += "!" + String.fromCharCode(v.conversion);
      if (v.format_spec) {
        const spec = v.format_spec;
        out += ":" + (spec._kind === Kind.JoinedStr ? unparseFstringBody(spec.values) : unparse(spec, PR.TEST));
      }
      out += "}";
    }
  }
  return out;
}

function unparse(e: expr, level: PR): string {
  switch (e._kind) {
    case Kind.BoolOp: {
      const pr = e.op._kind === Kind.And ? PR.AND : PR.OR;
      const sep = e.op._kind === Kind.And ? " and " : " or ";
      return paren(level > pr, e.values.map((v) => unparse(v, pr + 1)).join(sep));
    }
    case Kind.NamedExpr:
      return paren(level > PR.TUPLE, unparse(e.target, PR.ATOM) + " := " + unparse(e.value, PR.ATOM));
    case Kind.BinOp: {
      const [sym, pr] = BINOP[e.op._kind]!;
      const rassoc = e.op._kind === Kind.Pow;
      return paren(level > pr, unparse(e.left, rassoc ? pr + 1 : pr) + sym + unparse(e.right, rassoc ? pr : pr + 1));
    }
    case Kind.UnaryOp: {
      const k = e.op._kind;
      const [sym, pr] =
        k === Kind.Not ? ["not ", PR.NOT] : k === Kind.Invert ? ["~", PR.FACTOR] : k === Kind.UAdd ? ["+", PR.FACTOR] : ["-", PR.FACTOR];
      return paren(level > pr, sym + unparse(e.operand, pr));
    }
    case Kind.Lambda: {
      const args = unparseArgs(e.args);
      return paren(level > PR.TEST, "lambda" + (args ? " " + args : "") + ": " + unparse(e.body, PR.TEST));
    }
    case Kind.IfExp:
      return paren(
        level > PR.TEST,
        unparse(e.body, PR.TEST + 1) + " if " + unparse(e.test, PR.TEST + 1) + " else " + unparse(e.orelse, PR.TEST),
      );
    case Kind.Dict: {
      const items = e.keys.map((k, i) =>
        k === null ? "**" + unparse(e.values[i], PR.EXPR) : unparse(k, PR.TEST) + ": " + unparse(e.values[i], PR.TEST),
      );
      return "{" + items.join(", ") + "}";
    }
    case Kind.Set:
      return e.elts.length ? "{" + e.elts.map((x) => unparse(x, PR.TEST)).join(", ") + "}" : "{*()}";
    case Kind.ListComp:
      return "[" + unparse(e.elt, PR.TEST) + unparseComprehensions(e.generators) + "]";
    case Kind.SetComp:
      return "{" + unparse(e.elt, PR.TEST) + unparseComprehensions(e.generators) + "}";
    case Kind.DictComp:
      return "{" + unparse(e.key, PR.TEST) + ": " + unparse(e.value, PR.TEST) + unparseComprehensions(e.generators) + "}";
    case Kind.GeneratorExp:
      return "(" + unparse(e.elt, PR.TEST) + unparseComprehensions(e.generators) + ")";
    case Kind.Await:
      return paren(level > PR.AWAIT, "await " + unparse(e.value, PR.ATOM));
    case Kind.Yield:
      return paren(level > PR.ATOM - 1 || true, "yield" + (e.value ? " " + unparse(e.value, PR.TEST) : ""));
    case Kind.YieldFrom:
      return "(yield from " + unparse(e.value, PR.TEST) + ")";
    case Kind.Compare: {
      let out = unparse(e.left, PR.CMP + 1);
      e.ops.forEach((o, i) => (out += CMPOP[o._kind] + unparse(e.comparators[i], PR.CMP + 1)));
      return paren(level > PR.CMP, out);
    }
    case Kind.Call: {
      const args = e.args.map((a) => unparse(a, PR.TEST));
      if (e.args.length === 1 && e.keywords.length === 0 && e.args[0]._kind === Kind.GeneratorExp) {
        return unparse(e.func, PR.ATOM) + args[0];
      }
      return unparse(e.func, PR.ATOM) + "(" + [...args, ...e.keywords.map(unparseKeyword)].join(", ") + ")";
    }
    case Kind.Constant:
      return constRepr(e.value);
    case Kind.JoinedStr:
      return "f" + unicodeRepr(unparseFstringBody(e.values));
    case Kind.FormattedValue:
      return "f" + unicodeRepr(unparseFstringBody([e]));
    case Kind.Attribute: {
      let v = unparse(e.value, PR.ATOM);
      // 1.real needs a space: "1 .real"
      if (e.value._kind === Kind.Constant && (typeof e.value.value === "number" || typeof e.value.value === "bigint")) {
        v += " ";
      }
      return v + "." + e.attr;
    }
    case Kind.Subscript: {
      const s = e.slice;
      let inner: string;
      if (s._kind === Kind.Tuple && s.elts.length) {
        inner = s.elts.map((x) => unparse(x, PR.TEST)).join(", ");
        if (s.elts.length === 1) inner += ",";
      } else {
        inner = unparse(s, PR.TUPLE);
      }
      return unparse(e.value, PR.ATOM) + "[" + inner + "]";
    }
    case Kind.Starred:
      return "*" + unparse(e.value, PR.EXPR);
    case Kind.Name:
      return e.id;
    case Kind.List:
      return "[" + e.elts.map((x) => unparse(x, PR.TEST)).join(", ") + "]";
    case Kind.Tuple: {
      if (!e.elts.length) return "()";
      let inner = e.elts.map((x) => unparse(x, PR.TEST)).join(", ");
      if (e.elts.length === 1) inner += ",";
      return paren(level > PR.TUPLE, inner);
    }
    case Kind.Slice: {
      let out = e.lower ? unparse(e.lower, PR.TEST) : "";
      out += ":";
      if (e.upper) out += unparse(e.upper, PR.TEST);
      if (e.step) out += ":" + unparse(e.step, PR.TEST);
      return out;
    }
    case Kind.TemplateStr:
    case Kind.Interpolation:
      return "t''";
  }
}

/** CPython: _PyAST_ExprAsUnicode. */
export function exprAsUnicode(e: expr): string {
  return unparse(e, PR.TEST);
}
