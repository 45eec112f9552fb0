// CPython: Python/ast.c (_PyAST_Validate) — checks a tree that Python code built (compile() of
// an ast.AST) before the compiler sees it, with CPython's messages. Trees from the parser are
// valid by construction and skip this.
import * as A from "../ast/ast.generated.js";
import { type PyObject, Py_None, Py_Ellipsis, Py_TYPE, PyLong_Type, PyUnicode_Type } from "../objects/object.js";
import { PyFloat, PyFloat_Type } from "../objects/floatobject.js";
import { PyComplex, PyComplex_Type } from "../objects/complexobject.js";
import { PyBytes, PyBytes_Type } from "../objects/bytesobject.js";
import { PyTuple_Type } from "../objects/tupleobject.js";
import { PyFrozenSet_Type } from "../objects/setobject.js";
import { iterableToArray } from "../objects/abstract.js";
import { typeError, valueError } from "../python/errors.js";

type Ctx = "Load" | "Store" | "Del";

function ctxName(c: A.expr_context): Ctx {
  return c === A.Load ? "Load" : c === A.Store ? "Store" : "Del";
}

interface Positioned {
  lineno: number;
  col_offset: number;
  end_lineno: number;
  end_col_offset: number;
}

function validatePositions(n: Positioned): void {
  if (n.lineno > n.end_lineno) throw valueError(`AST node line range (${n.lineno}, ${n.end_lineno}) is not valid`);
  if ((n.lineno < 0 && n.end_lineno !== n.lineno) || (n.col_offset < 0 && n.col_offset !== n.end_col_offset)) {
    throw valueError(`AST node column range (${n.col_offset}, ${n.end_col_offset}) for line range (${n.lineno}, ${n.end_lineno}) is not valid`);
  }
  if (n.lineno === n.end_lineno && n.col_offset > n.end_col_offset) {
    throw valueError(`line ${n.lineno}, column ${n.col_offset}-${n.end_col_offset} is not a valid range`);
  }
}

function validateName(name: string): void {
  if (name === "None" || name === "True" || name === "False") throw valueError(`identifier field can't represent '${name}' constant`);
}

function validateNonemptySeq(seq: readonly unknown[], what: string, owner: string): void {
  if (seq.length === 0) throw valueError(`empty ${what} on ${owner}`);
}

function isExact(v: PyObject, ...types: unknown[]): boolean {
  const t = Py_TYPE(v);
  return types.includes(t);
}

/** The first value in `v` a Constant cannot hold (itself, or an item of a tuple or frozenset), or null. */
function invalidConstant(v: PyObject): PyObject | null {
  if (v === Py_None || v === Py_Ellipsis) return null;
  if (typeof v === "number" || typeof v === "bigint" || typeof v === "boolean" || typeof v === "string") return null;
  if (isExact(v, PyFloat_Type, PyComplex_Type, PyBytes_Type)) return null;
  if (isExact(v, PyTuple_Type, PyFrozenSet_Type)) {
    for (const item of iterableToArray(v)) {
      const bad = invalidConstant(item);
      if (bad !== null) return bad;
    }
    return null;
  }
  return v;
}

function validateExprs(exprs: readonly (A.expr | null)[], ctx: A.expr_context, nullOk: boolean): void {
  for (const e of exprs) {
    if (e !== null) validateExpr(e, ctx);
    else if (!nullOk) throw valueError("None disallowed in expression list");
  }
}

function validateStmts(stmts: readonly (A.stmt | null)[]): void {
  for (const s of stmts) {
    if (s === null) throw valueError("None disallowed in statement list");
    validateStmt(s);
  }
}

function validateComprehension(gens: readonly A.comprehension[]): void {
  if (gens.length === 0) throw valueError("comprehension with no generators");
  for (const g of gens) {
    validateExpr(g.target, A.Store);
    validateExpr(g.iter, A.Load);
    validateExprs(g.ifs, A.Load, false);
  }
}

function validateKeywords(keywords: readonly A.keyword[]): void {
  for (const k of keywords) validateExpr(k.value, A.Load);
}

function validateArgs(args: readonly A.arg[]): void {
  for (const a of args) {
    validatePositions(a);
    if (a.annotation !== null) validateExpr(a.annotation, A.Load);
  }
}

function validateArguments(args: A.arguments_): void {
  validateArgs(args.posonlyargs);
  validateArgs(args.args);
  if (args.vararg !== null && args.vararg.annotation !== null) validateExpr(args.vararg.annotation, A.Load);
  validateArgs(args.kwonlyargs);
  if (args.kwarg !== null && args.kwarg.annotation !== null) validateExpr(args.kwarg.annotation, A.Load);
  if (args.defaults.length > args.posonlyargs.length + args.args.length) {
    throw valueError("more positional defaults than args on arguments");
  }
  if (args.kw_defaults.length !== args.kwonlyargs.length) {
    throw valueError("length of kwonlyargs is not the same as kw_defaults on arguments");
  }
  validateExprs(args.defaults, A.Load, false);
  validateExprs(args.kw_defaults, A.Load, true);
}

function validateExpr(e: A.expr, ctx: A.expr_context): void {
  validatePositions(e);
  let actual: A.expr_context | null = null;
  switch (e._kind) {
    case A.Kind.Attribute:
    case A.Kind.Subscript:
    case A.Kind.Starred:
    case A.Kind.Name:
    case A.Kind.List:
    case A.Kind.Tuple:
      actual = e.ctx;
      break;
    default:
      if (ctx !== A.Load) throw valueError(`expression which can't be assigned to in ${ctxName(ctx)} context`);
  }
  if (actual !== null && actual !== ctx) {
    throw valueError(`expression must have ${ctxName(ctx)} context but has ${ctxName(actual)} instead`);
  }
  switch (e._kind) {
    case A.Kind.BoolOp:
      if (e.values.length < 2) throw valueError("BoolOp with less than 2 values");
      return validateExprs(e.values, A.Load, false);
    case A.Kind.BinOp:
      validateExpr(e.left, A.Load);
      return validateExpr(e.right, A.Load);
    case A.Kind.UnaryOp:
      return validateExpr(e.operand, A.Load);
    case A.Kind.Lambda:
      validateArguments(e.args);
      return validateExpr(e.body, A.Load);
    case A.Kind.IfExp:
      validateExpr(e.test, A.Load);
      validateExpr(e.body, A.Load);
      return validateExpr(e.orelse, A.Load);
    case A.Kind.Dict:
      if (e.keys.length !== e.values.length) throw valueError("Dict doesn't have the same number of keys as values");
      // a None key is dict unpacking ({**d})
      validateExprs(e.keys, A.Load, true);
      return validateExprs(e.values, A.Load, false);
    case A.Kind.Set:
      return validateExprs(e.elts, A.Load, false);
    case A.Kind.ListComp:
    case A.Kind.SetComp:
    case A.Kind.GeneratorExp:
      validateComprehension(e.generators);
      return validateExpr(e.elt, A.Load);
    case A.Kind.DictComp:
      validateComprehension(e.generators);
      validateExpr(e.key, A.Load);
      return validateExpr(e.value, A.Load);
    case A.Kind.Yield:
      if (e.value !== null) validateExpr(e.value, A.Load);
      return;
    case A.Kind.YieldFrom:
    case A.Kind.Await:
      return validateExpr(e.value, A.Load);
    case A.Kind.Compare:
      if (e.comparators.length === 0) throw valueError("Compare with no comparators");
      if (e.comparators.length !== e.ops.length) throw valueError("Compare has a different number of comparators and operands");
      validateExprs(e.comparators, A.Load, false);
      return validateExpr(e.left, A.Load);
    case A.Kind.Call:
      validateExpr(e.func, A.Load);
      validateExprs(e.args, A.Load, false);
      return validateKeywords(e.keywords);
    case A.Kind.Constant:
    {
      const bad = invalidConstant(e.value);
      if (bad !== null) throw typeError(`got an invalid type in Constant: ${Py_TYPE(bad).tp_name}`);
      return;
    }
    case A.Kind.JoinedStr:
    case A.Kind.TemplateStr:
      return validateExprs(e.values, A.Load, false);
    case A.Kind.FormattedValue:
    case A.Kind.Interpolation:
      validateExpr(e.value, A.Load);
      if (e.format_spec !== null) validateExpr(e.format_spec, A.Load);
      return;
    case A.Kind.Attribute:
      return validateExpr(e.value, A.Load);
    case A.Kind.Subscript:
      validateExpr(e.slice, A.Load);
      return validateExpr(e.value, A.Load);
    case A.Kind.Starred:
      return validateExpr(e.value, ctx);
    case A.Kind.Slice:
      if (e.lower !== null) validateExpr(e.lower, A.Load);
      if (e.upper !== null) validateExpr(e.upper, A.Load);
      if (e.step !== null) validateExpr(e.step, A.Load);
      return;
    case A.Kind.List:
    case A.Kind.Tuple:
      return validateExprs(e.elts, ctx, false);
    case A.Kind.NamedExpr:
      if (e.target._kind !== A.Kind.Name) throw typeError("NamedExpr target must be a Name");
      return validateExpr(e.value, A.Load);
    case A.Kind.Name:
      return validateName(e.id);
  }
}

// --- patterns ---------------------------------------------------------------------------------

function literalNumber(e: A.expr, allowReal: boolean, allowImaginary: boolean): boolean {
  if (e._kind !== A.Kind.Constant) return false;
  const v = e.value;
  if (allowReal && (Py_TYPE(v) === PyLong_Type || v instanceof PyFloat)) return true;
  if (allowImaginary && v instanceof PyComplex) return true;
  return false;
}

function literalNegative(e: A.expr, allowReal: boolean, allowImaginary: boolean): boolean {
  return e._kind === A.Kind.UnaryOp && e.op === A.USub && literalNumber(e.operand, allowReal, allowImaginary);
}

function literalComplex(e: A.expr): boolean {
  if (e._kind !== A.Kind.BinOp || (e.op !== A.Add && e.op !== A.Sub)) return false;
  const left = e.left._kind === A.Kind.UnaryOp ? literalNegative(e.left, true, false) : literalNumber(e.left, true, false);
  return left && literalNumber(e.right, false, true);
}

function validatePatternMatchValue(e: A.expr): void {
  validateExpr(e, A.Load);
  switch (e._kind) {
    case A.Kind.Constant: {
      const v = e.value;
      if (Py_TYPE(v) === PyLong_Type || v instanceof PyFloat || v instanceof PyBytes || v instanceof PyComplex || Py_TYPE(v) === PyUnicode_Type) return;
      throw valueError("unexpected constant inside of a literal pattern");
    }
    case A.Kind.Attribute:
      return;
    case A.Kind.UnaryOp:
      if (literalNegative(e, true, true)) return;
      break;
    case A.Kind.BinOp:
      if (literalComplex(e)) return;
      break;
    case A.Kind.JoinedStr:
    case A.Kind.TemplateStr:
      return;
  }
  throw valueError("patterns may only match literals and attribute lookups");
}

function validateCapture(name: string): void {
  if (name === "_") throw valueError("can't capture name '_' in patterns");
  validateName(name);
}

function validatePatterns(ps: readonly A.pattern[], starOk: boolean): void {
  for (const p of ps) validatePattern(p, starOk);
}

function validatePattern(p: A.pattern, starOk: boolean): void {
  validatePositions(p);
  switch (p._kind) {
    case A.Kind.MatchValue:
      return validatePatternMatchValue(p.value);
    case A.Kind.MatchSingleton:
      if (!(p.value === Py_None || typeof p.value === "boolean")) throw valueError("MatchSingleton can only contain True, False and None");
      return;
    case A.Kind.MatchSequence:
      return validatePatterns(p.patterns, true);
    case A.Kind.MatchMapping:
      if (p.keys.length !== p.patterns.length) throw valueError("MatchMapping doesn't have the same number of keys as patterns");
      if (p.rest !== null) validateCapture(p.rest);
      for (const k of p.keys) {
        // True, False and None keys are valid syntax: the compiler reports them
        if (k._kind === A.Kind.Constant && (k.value === Py_None || typeof k.value === "boolean")) continue;
        validatePatternMatchValue(k);
      }
      return validatePatterns(p.patterns, false);
    case A.Kind.MatchClass: {
      if (p.kwd_attrs.length !== p.kwd_patterns.length) {
        throw valueError("MatchClass doesn't have the same number of keyword attributes as patterns");
      }
      validateExpr(p.cls, A.Load);
      let cls: A.expr = p.cls;
      while (cls._kind !== A.Kind.Name) {
        if (cls._kind !== A.Kind.Attribute) throw valueError("MatchClass cls field can only contain Name or Attribute nodes.");
        cls = cls.value;
      }
      for (const a of p.kwd_attrs) validateName(a);
      validatePatterns(p.patterns, false);
      return validatePatterns(p.kwd_patterns, false);
    }
    case A.Kind.MatchStar:
      if (!starOk) throw valueError("can't use MatchStar here");
      if (p.name !== null) validateCapture(p.name);
      return;
    case A.Kind.MatchAs:
      if (p.name !== null) validateCapture(p.name);
      if (p.pattern === null) return;
      if (p.name === null) throw valueError("MatchAs must specify a target name if a pattern is given");
      return validatePattern(p.pattern, false);
    case A.Kind.MatchOr:
      if (p.patterns.length < 2) throw valueError("MatchOr requires at least 2 patterns");
      return validatePatterns(p.patterns, false);
  }
}

// --- statements -------------------------------------------------------------------------------

function validateTypeParams(tps: readonly A.type_param[]): void {
  for (const tp of tps) {
    validatePositions(tp);
    validateName(tp.name);
    if (tp._kind === A.Kind.TypeVar && tp.bound !== null) validateExpr(tp.bound, A.Load);
    if (tp.default_value !== null) validateExpr(tp.default_value, A.Load);
  }
}

function validateBody(body: readonly A.stmt[], owner: string): void {
  validateNonemptySeq(body, "body", owner);
  validateStmts(body);
}

function validateAssignList(targets: readonly A.expr[], ctx: A.expr_context): void {
  validateNonemptySeq(targets, "targets", ctx === A.Del ? "Delete" : "Assign");
  validateExprs(targets, ctx, false);
}

function validateHandlers(s: A.Try | A.TryStar, owner: string): void {
  validateBody(s.body, owner);
  if (s.handlers.length === 0 && s.finalbody.length === 0) throw valueError(`${owner} has neither except handlers nor finalbody`);
  if (s.handlers.length === 0 && s.orelse.length !== 0) throw valueError(`${owner} has orelse but no except handlers`);
  for (const h of s.handlers) {
    validatePositions(h);
    if (h.type !== null) validateExpr(h.type, A.Load);
    validateBody(h.body, "ExceptHandler");
  }
  if (s.finalbody.length) validateStmts(s.finalbody);
  if (s.orelse.length) validateStmts(s.orelse);
}

function validateStmt(s: A.stmt): void {
  validatePositions(s);
  switch (s._kind) {
    case A.Kind.FunctionDef:
    case A.Kind.AsyncFunctionDef:
      validateBody(s.body, s._kind === A.Kind.FunctionDef ? "FunctionDef" : "AsyncFunctionDef");
      validateTypeParams(s.type_params);
      validateArguments(s.args);
      validateExprs(s.decorator_list, A.Load, false);
      if (s.returns !== null) validateExpr(s.returns, A.Load);
      return;
    case A.Kind.ClassDef:
      validateBody(s.body, "ClassDef");
      validateTypeParams(s.type_params);
      validateExprs(s.bases, A.Load, false);
      validateKeywords(s.keywords);
      return validateExprs(s.decorator_list, A.Load, false);
    case A.Kind.Return:
      if (s.value !== null) validateExpr(s.value, A.Load);
      return;
    case A.Kind.Delete:
      return validateAssignList(s.targets, A.Del);
    case A.Kind.Assign:
      validateAssignList(s.targets, A.Store);
      return validateExpr(s.value, A.Load);
    case A.Kind.AugAssign:
      validateExpr(s.target, A.Store);
      return validateExpr(s.value, A.Load);
    case A.Kind.AnnAssign:
      if (s.target._kind !== A.Kind.Name && s.simple) throw typeError("AnnAssign with simple non-Name target");
      validateExpr(s.target, A.Store);
      if (s.value !== null) validateExpr(s.value, A.Load);
      return validateExpr(s.annotation, A.Load);
    case A.Kind.TypeAlias:
      if (s.name._kind !== A.Kind.Name) throw typeError("TypeAlias with non-Name name");
      validateExpr(s.name, A.Store);
      validateTypeParams(s.type_params);
      return validateExpr(s.value, A.Load);
    case A.Kind.For:
    case A.Kind.AsyncFor:
      validateExpr(s.target, A.Store);
      validateExpr(s.iter, A.Load);
      validateBody(s.body, s._kind === A.Kind.For ? "For" : "AsyncFor");
      return validateStmts(s.orelse);
    case A.Kind.While:
    case A.Kind.If:
      validateExpr(s.test, A.Load);
      validateBody(s.body, s._kind === A.Kind.While ? "While" : "If");
      return validateStmts(s.orelse);
    case A.Kind.With:
    case A.Kind.AsyncWith: {
      const owner = s._kind === A.Kind.With ? "With" : "AsyncWith";
      validateNonemptySeq(s.items, "items", owner);
      for (const item of s.items) {
        validateExpr(item.context_expr, A.Load);
        if (item.optional_vars !== null) validateExpr(item.optional_vars, A.Store);
      }
      return validateBody(s.body, owner);
    }
    case A.Kind.Match:
      validateExpr(s.subject, A.Load);
      validateNonemptySeq(s.cases, "cases", "Match");
      for (const c of s.cases) {
        validatePattern(c.pattern, false);
        if (c.guard !== null) validateExpr(c.guard, A.Load);
        validateBody(c.body, "match_case");
      }
      return;
    case A.Kind.Raise:
      if (s.exc !== null) {
        validateExpr(s.exc, A.Load);
        if (s.cause !== null) validateExpr(s.cause, A.Load);
        return;
      }
      if (s.cause !== null) throw valueError("Raise with cause but no exception");
      return;
    case A.Kind.Try:
      return validateHandlers(s, "Try");
    case A.Kind.TryStar:
      return validateHandlers(s, "TryStar");
    case A.Kind.Assert:
      validateExpr(s.test, A.Load);
      if (s.msg !== null) validateExpr(s.msg, A.Load);
      return;
    case A.Kind.Import:
      return validateNonemptySeq(s.names, "names", "Import");
    case A.Kind.ImportFrom:
      if (s.level !== null && s.level < 0) throw valueError("Negative ImportFrom level");
      return validateNonemptySeq(s.names, "names", "ImportFrom");
    case A.Kind.Global:
      return validateNonemptySeq(s.names, "names", "Global");
    case A.Kind.Nonlocal:
      return validateNonemptySeq(s.names, "names", "Nonlocal");
    case A.Kind.Expr:
      return validateExpr(s.value, A.Load);
    case A.Kind.Pass:
    case A.Kind.Break:
    case A.Kind.Continue:
      return;
  }
}

/** Throws CPython's ValueError/TypeError for the first invalid part of `m` (CPython: _PyAST_Validate). */
export function PyAST_Validate(m: A.mod): void {
  switch (m._kind) {
    case A.Kind.Module:
    case A.Kind.Interactive:
      return validateStmts(m.body);
    case A.Kind.Expression:
      return validateExpr(m.body, A.Load);
    case A.Kind.FunctionType:
      validateExprs(m.argtypes, A.Load, false);
      return validateExpr(m.returns, A.Load);
  }
}


