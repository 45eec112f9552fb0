// CPython: Python/codegen.c (scopes: modules, functions, classes, type parameters, annotations)
import type { AnnAssign, AsyncFunctionDef, ClassDef, FunctionDef, TypeAlias, arg, arguments_, expr, mod, stmt, type_param } from "../ast/ast.generated.js";
import { Kind } from "../ast/ast.generated.js";
import { Py_None } from "../objects/object.js";
import { PyTuple } from "../objects/tupleobject.js";
import type { PyCodeObject } from "../objects/codeobject.js";
import { CO_FUTURE_ANNOTATIONS } from "../objects/codeobject.js";
import { Location, NO_LOCATION, NO_LABEL } from "./instruction_sequence.js";
import {
  op,
  CONSTANT_NOTIMPLEMENTEDERROR,
  INTRINSIC_PARAMSPEC,
  INTRINSIC_SET_FUNCTION_TYPE_PARAMS,
  INTRINSIC_SET_TYPEPARAM_DEFAULT,
  INTRINSIC_STOPITERATION_ERROR,
  INTRINSIC_SUBSCRIPT_GENERIC,
  INTRINSIC_TYPEALIAS,
  INTRINSIC_TYPEVAR,
  INTRINSIC_TYPEVAR_WITH_BOUND,
  INTRINSIC_TYPEVAR_WITH_CONSTRAINTS,
  INTRINSIC_TYPEVARTUPLE,
  MAKE_FUNCTION_ANNOTATE,
  MAKE_FUNCTION_ANNOTATIONS,
  MAKE_FUNCTION_CLOSURE,
  MAKE_FUNCTION_DEFAULTS,
  MAKE_FUNCTION_KWDEFAULTS,
  RESUME_AT_FUNC_START,
  COMPARISON_GREATER_THAN,
} from "./opcode_utils.js";
import { type Compiler, FBlockType, ScopeType } from "./compile.js";
import { BlockType, type SymtableEntry } from "./symtable.js";
import { getDocString } from "./symtable_util.js";
import { codegenCallHelper, codegenCallHelperImpl, codegenVisitExpr } from "./codegen_expr.js";
import {
  ADDOP,
  ADDOP_I,
  ADDOP_JUMP,
  ADDOP_LOAD_CONST,
  ADDOP_N,
  ADDOP_NAME,
  LOC,
  NEW_LABEL,
  USE_LABEL,
  VISIT_SEQ_EXPR,
  codegenNameop,
  codegenVisitStmt,
} from "./codegen.js";
import { exprAsUnicode } from "./unparse.js";

/***** Scopes *****/

export function codegenEnterScope(
  c: Compiler,
  name: string,
  scopeType: ScopeType,
  ste: SymtableEntry,
  lineno: number,
  privateName: string | null,
  umd: { argcount?: number; posonlyargcount?: number; kwonlyargcount?: number } | null,
): void {
  c.enterScope(name, scopeType, ste, lineno, privateName, umd);
  const loc = new Location(scopeType === ScopeType.MODULE ? 0 : lineno, lineno, 0, 0);
  ADDOP_I(c, loc, op.RESUME, RESUME_AT_FUNC_START);
  if (scopeType === ScopeType.MODULE) ADDOP(c, loc, op.ANNOTATIONS_PLACEHOLDER);
}

/** Value of annotationlib.Format.VALUE_WITH_FAKE_GLOBALS. */
const ANNOTATE_FORMAT_VALUE_WITH_FAKE_GLOBALS = 2;
const Py_GT = 4;

function codegenSetupAnnotationsScope(c: Compiler, loc: Location, ste: SymtableEntry, name: string): void {
  codegenEnterScope(c, name, ScopeType.ANNOTATIONS, ste, loc.lineno, null, { posonlyargcount: 1 });
  // if .format > VALUE_WITH_FAKE_GLOBALS: raise NotImplementedError
  ADDOP_I(c, loc, op.LOAD_FAST, 0);
  ADDOP_LOAD_CONST(c, loc, ANNOTATE_FORMAT_VALUE_WITH_FAKE_GLOBALS);
  ADDOP_I(c, loc, op.COMPARE_OP, (Py_GT << 5) | COMPARISON_GREATER_THAN);
  const body = NEW_LABEL(c);
  ADDOP_JUMP(c, loc, op.POP_JUMP_IF_FALSE, body);
  ADDOP_I(c, loc, op.LOAD_COMMON_CONSTANT, CONSTANT_NOTIMPLEMENTEDERROR);
  ADDOP_I(c, loc, op.RAISE_VARARGS, 1);
  USE_LABEL(c, body);
}

function codegenLeaveAnnotationsScope(c: Compiler, loc: Location): void {
  ADDOP(c, loc, op.RETURN_VALUE);
  const co = c.optimizeAndAssemble(true);
  // The parameter is `.format` in the symtable but shows as `format` in the signature
  co.co_localsplusnames = ["format", ...co.co_localsplusnames.slice(1)];
  c.exitScope();
  codegenMakeClosure(c, loc, co, 0);
}

function codegenDeferredAnnotationsBody(
  c: Compiler,
  loc: Location,
  deferred: AnnAssign[],
  conditionalIndices: number[],
  scopeType: ScopeType,
): void {
  ADDOP_I(c, loc, op.BUILD_MAP, 0);
  for (let i = 0; i < deferred.length; i++) {
    const st = deferred[i];
    const target = st.target;
    const mangled = c.mangle(target._kind === Kind.Name ? target.id : "");
    const idx = conditionalIndices[i];
    const notSet = NEW_LABEL(c);
    if (idx !== -1) {
      ADDOP_LOAD_CONST(c, LOC(st), idx);
      if (scopeType === ScopeType.CLASS) {
        ADDOP_NAME(c, LOC(st), op.LOAD_DEREF, "__conditional_annotations__", "freevars");
      } else {
        ADDOP_NAME(c, LOC(st), op.LOAD_GLOBAL, "__conditional_annotations__", "names");
      }
      ADDOP_I(c, LOC(st), op.CONTAINS_OP, 0);
      ADDOP_JUMP(c, LOC(st), op.POP_JUMP_IF_FALSE, notSet);
    }
    codegenVisitExpr(c, st.annotation);
    ADDOP_I(c, LOC(st), op.COPY, 2);
    ADDOP_LOAD_CONST(c, LOC(st), mangled);
    ADDOP(c, loc, op.STORE_SUBSCR);
    USE_LABEL(c, notSet);
  }
}

function codegenProcessDeferredAnnotations(c: Compiler, loc: Location): void {
  const deferred = c.u.u_deferred_annotations;
  const indices = c.u.u_conditional_annotation_indices;
  if (deferred === null) return;
  const scopeType = c.u.u_scope_type;
  const needSeparateBlock = scopeType === ScopeType.MODULE;
  if (needSeparateBlock) c.startAnnotationSetup();
  const ste = c.ste;
  codegenSetupAnnotationsScope(c, loc, ste.annotationBlock!, ste.annotationBlock!.name);
  codegenDeferredAnnotationsBody(c, loc, deferred, indices!, scopeType);
  codegenLeaveAnnotationsScope(c, loc);
  codegenNameop(c, loc, ste.type === BlockType.ClassBlock ? "__annotate_func__" : "__annotate__", Kind.Store);
  if (needSeparateBlock) c.endAnnotationSetup();
}

/** CPython: _PyCodegen_Expression. */
export function codegenExpression(c: Compiler, e: expr): void {
  codegenVisitExpr(c, e);
}

/** CPython: _PyCodegen_Module. */
export function codegenModule(c: Compiler, loc: Location, stmts: stmt[], isInteractive: boolean): void {
  if (c.ste.hasConditionalAnnotations) {
    ADDOP_I(c, loc, op.BUILD_SET, 0);
    ADDOP_N(c, loc, op.STORE_NAME, "__conditional_annotations__", "names");
  }
  codegenBody(c, loc, stmts, isInteractive);
}

/** Remove leading whitespace like inspect.cleandoc, keeping leading/trailing blank lines (CPython: _PyCompile_CleanDoc). */
export function cleanDoc(doc: string): string {
  doc = expandTabs(doc);
  const lines = doc.split("\n");
  let margin = Infinity;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    let n = 0;
    while (n < line.length && line[n] === " ") n++;
    if (n < line.length) margin = Math.min(margin, n);
  }
  if (margin === Infinity) margin = 0;
  let first = lines[0];
  let k = 0;
  while (k < first.length && first[k] === " ") k++;
  if (k === 0 && margin === 0) return doc;
  first = first.slice(k);
  const out = [first];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    let j = 0;
    while (j < margin && j < line.length && line[j] === " ") j++;
    out.push(line.slice(j));
  }
  return out.join("\n");
}

function expandTabs(s: string): string {
  if (!s.includes("\t")) return s;
  let out = "";
  let col = 0;
  for (const ch of s) {
    if (ch === "\t") {
      const n = 8 - (col % 8);
      out += " ".repeat(n);
      col += n;
    } else {
      out += ch;
      col = ch === "\n" || ch === "\r" ? 0 : col + 1;
    }
  }
  return out;
}

function codegenBody(c: Compiler, loc: Location, stmts: stmt[], isInteractive: boolean): void {
  const ste = c.ste;
  if (c.c_future & CO_FUTURE_ANNOTATIONS && ste.annotationsUsed) ADDOP(c, loc, op.SETUP_ANNOTATIONS);
  if (!stmts.length) return;
  let firstInstr = 0;
  if (!isInteractive && ste.hasDocstring) {
    const docstring = getDocString(stmts)!;
    firstInstr = 1;
    const st = stmts[0];
    const value = (st as Extract<stmt, { _kind: Kind.Expr }>).value;
    ADDOP_LOAD_CONST(c, LOC(value), cleanDoc(docstring));
    codegenNameop(c, NO_LOCATION, "__doc__", Kind.Store);
  }
  for (let i = firstInstr; i < stmts.length; i++) codegenVisitStmt(c, stmts[i]);
  if (!(c.c_future & CO_FUTURE_ANNOTATIONS)) codegenProcessDeferredAnnotations(c, loc);
}

export function codegenEnterAnonymousScope(c: Compiler, m: mod): void {
  codegenEnterScope(c, "<module>", ScopeType.MODULE, c.c_st.lookup(m), 1, null, null);
}

/** CPython: codegen_make_closure. */
export function codegenMakeClosure(c: Compiler, loc: Location, co: PyCodeObject, flags: number): void {
  if (co.co_nfreevars) {
    for (let i = co.firstFree(); i < co.co_nlocalsplus; i++) {
      // LOAD_CLOSURE, not the LOAD_DEREF codegen_nameop would emit
      const name = co.co_localsplusnames[i];
      ADDOP_I(c, loc, op.LOAD_CLOSURE, c.lookupArg(name));
    }
    flags |= MAKE_FUNCTION_CLOSURE;
    ADDOP_I(c, loc, op.BUILD_TUPLE, co.co_nfreevars);
  }
  ADDOP_LOAD_CONST(c, loc, co);
  ADDOP(c, loc, op.MAKE_FUNCTION);
  if (flags & MAKE_FUNCTION_CLOSURE) ADDOP_I(c, loc, op.SET_FUNCTION_ATTRIBUTE, MAKE_FUNCTION_CLOSURE);
  if (flags & MAKE_FUNCTION_ANNOTATIONS) ADDOP_I(c, loc, op.SET_FUNCTION_ATTRIBUTE, MAKE_FUNCTION_ANNOTATIONS);
  if (flags & MAKE_FUNCTION_ANNOTATE) ADDOP_I(c, loc, op.SET_FUNCTION_ATTRIBUTE, MAKE_FUNCTION_ANNOTATE);
  if (flags & MAKE_FUNCTION_KWDEFAULTS) ADDOP_I(c, loc, op.SET_FUNCTION_ATTRIBUTE, MAKE_FUNCTION_KWDEFAULTS);
  if (flags & MAKE_FUNCTION_DEFAULTS) ADDOP_I(c, loc, op.SET_FUNCTION_ATTRIBUTE, MAKE_FUNCTION_DEFAULTS);
}

function codegenDecorators(c: Compiler, decos: expr[]): void {
  for (const d of decos) codegenVisitExpr(c, d);
}

function codegenApplyDecorators(c: Compiler, decos: expr[]): void {
  for (let i = decos.length - 1; i > -1; i--) ADDOP_I(c, LOC(decos[i]), op.CALL, 0);
}

function codegenKwonlydefaults(c: Compiler, loc: Location, kwonlyargs: arg[], kwDefaults: (expr | null)[]): boolean {
  let defaultCount = 0;
  for (let i = 0; i < kwonlyargs.length; i++) {
    const default_ = kwDefaults[i];
    if (default_) {
      defaultCount++;
      ADDOP_LOAD_CONST(c, loc, c.maybeMangle(kwonlyargs[i].arg));
      codegenVisitExpr(c, default_);
    }
  }
  if (defaultCount) {
    ADDOP_I(c, loc, op.BUILD_MAP, defaultCount);
    return true;
  }
  return false;
}

function codegenArgannotation(c: Compiler, id: string, annotation: expr | null, loc: Location): number {
  if (!annotation) return 0;
  ADDOP_LOAD_CONST(c, loc, c.maybeMangle(id));
  if (c.c_future & CO_FUTURE_ANNOTATIONS) {
    ADDOP_LOAD_CONST(c, LOC(annotation), exprAsUnicode(annotation));
  } else if (annotation._kind === Kind.Starred) {
    // *args: *Ts (a TypeVarTuple): [annotation_value] = [*Ts]
    codegenVisitExpr(c, annotation.value);
    ADDOP_I(c, loc, op.UNPACK_SEQUENCE, 1);
  } else {
    codegenVisitExpr(c, annotation);
  }
  return 1;
}

function codegenAnnotationsInScope(c: Compiler, loc: Location, args: arguments_, returns: expr | null): number {
  let n = 0;
  for (const a of args.args) n += codegenArgannotation(c, a.arg, a.annotation, loc);
  for (const a of args.posonlyargs) n += codegenArgannotation(c, a.arg, a.annotation, loc);
  if (args.vararg && args.vararg.annotation) n += codegenArgannotation(c, args.vararg.arg, args.vararg.annotation, loc);
  for (const a of args.kwonlyargs) n += codegenArgannotation(c, a.arg, a.annotation, loc);
  if (args.kwarg && args.kwarg.annotation) n += codegenArgannotation(c, args.kwarg.arg, args.kwarg.annotation, loc);
  n += codegenArgannotation(c, "return", returns, loc);
  return n;
}

function codegenFunctionAnnotations(
  c: Compiler,
  loc: Location,
  s: FunctionDef | AsyncFunctionDef,
): number {
  const ste = c.c_st.lookupOptional(s, true);
  if (ste !== null && ste.annotationsUsed) {
    codegenSetupAnnotationsScope(c, loc, ste, ste.name);
    const n = codegenAnnotationsInScope(c, loc, s.args, s.returns);
    ADDOP_I(c, loc, op.BUILD_MAP, n);
    codegenLeaveAnnotationsScope(c, loc);
    return MAKE_FUNCTION_ANNOTATE;
  }
  return 0;
}

/** CPython: codegen_default_arguments. */
export function codegenDefaultArguments(c: Compiler, loc: Location, args: arguments_): number {
  let funcflags = 0;
  if (args.defaults.length > 0) {
    VISIT_SEQ_EXPR(c, args.defaults);
    ADDOP_I(c, loc, op.BUILD_TUPLE, args.defaults.length);
    funcflags |= MAKE_FUNCTION_DEFAULTS;
  }
  if (args.kwonlyargs.length) {
    if (codegenKwonlydefaults(c, loc, args.kwonlyargs, args.kw_defaults)) funcflags |= MAKE_FUNCTION_KWDEFAULTS;
  }
  return funcflags;
}

export function codegenWrapInStopiterationHandler(c: Compiler): void {
  const handler = NEW_LABEL(c);
  // Insert SETUP_CLEANUP at start
  c.seq.insertInstruction(0, op.SETUP_CLEANUP, handler, NO_LOCATION);
  ADDOP_LOAD_CONST(c, NO_LOCATION, Py_None);
  ADDOP(c, NO_LOCATION, op.RETURN_VALUE);
  USE_LABEL(c, handler);
  ADDOP_I(c, NO_LOCATION, op.CALL_INTRINSIC_1, INTRINSIC_STOPITERATION_ERROR);
  ADDOP_I(c, NO_LOCATION, op.RERAISE, 1);
}

function codegenTypeParamBoundOrDefault(
  c: Compiler,
  e: expr,
  name: string,
  key: object,
  secondary: boolean,
  allowStarred: boolean,
): void {
  ADDOP_LOAD_CONST(c, LOC(e), new PyTuple([1]));
  codegenSetupAnnotationsScope(c, LOC(e), secondary ? c.c_st.lookupSecondary(key) : c.c_st.lookup(key), name);
  if (allowStarred && e._kind === Kind.Starred) {
    codegenVisitExpr(c, e.value);
    ADDOP_I(c, LOC(e), op.UNPACK_SEQUENCE, 1);
  } else {
    codegenVisitExpr(c, e);
  }
  ADDOP(c, LOC(e), op.RETURN_VALUE);
  const co = c.optimizeAndAssemble(true);
  c.exitScope();
  codegenMakeClosure(c, LOC(e), co, MAKE_FUNCTION_DEFAULTS);
}

function codegenTypeParams(c: Compiler, typeParams: type_param[]): void {
  const n = typeParams.length;
  let seenDefault = false;
  for (const tp of typeParams) {
    const loc = LOC(tp);
    ADDOP_LOAD_CONST(c, loc, tp.name);
    switch (tp._kind) {
      case Kind.TypeVar:
        if (tp.bound) {
          codegenTypeParamBoundOrDefault(c, tp.bound, tp.name, tp, false, false);
          ADDOP_I(
            c,
            loc,
            op.CALL_INTRINSIC_2,
            tp.bound._kind === Kind.Tuple ? INTRINSIC_TYPEVAR_WITH_CONSTRAINTS : INTRINSIC_TYPEVAR_WITH_BOUND,
          );
        } else {
          ADDOP_I(c, loc, op.CALL_INTRINSIC_1, INTRINSIC_TYPEVAR);
        }
        break;
      case Kind.TypeVarTuple:
        ADDOP_I(c, loc, op.CALL_INTRINSIC_1, INTRINSIC_TYPEVARTUPLE);
        break;
      case Kind.ParamSpec:
        ADDOP_I(c, loc, op.CALL_INTRINSIC_1, INTRINSIC_PARAMSPEC);
        break;
    }
    if (tp.default_value) {
      seenDefault = true;
      // A TypeVar's default is keyed like CPython's "typeparam + 1"
      const isTypeVar = tp._kind === Kind.TypeVar;
      codegenTypeParamBoundOrDefault(c, tp.default_value, tp.name, tp, isTypeVar, tp._kind === Kind.TypeVarTuple);
      ADDOP_I(c, loc, op.CALL_INTRINSIC_2, INTRINSIC_SET_TYPEPARAM_DEFAULT);
    } else if (seenDefault) {
      throw c.error(loc, `non-default type parameter '${tp.name}' follows default type parameter`);
    }
    ADDOP_I(c, loc, op.COPY, 1);
    codegenNameop(c, loc, tp.name, Kind.Store);
  }
  ADDOP_I(c, LOC(typeParams[0]), op.BUILD_TUPLE, n);
}

function codegenFunctionBody(
  c: Compiler,
  s: FunctionDef | AsyncFunctionDef,
  isAsync: boolean,
  funcflags: number,
  firstlineno: number,
): void {
  const args = s.args;
  const body = s.body;
  codegenEnterScope(
    c,
    s.name,
    isAsync ? ScopeType.ASYNC_FUNCTION : ScopeType.FUNCTION,
    c.c_st.lookup(s),
    firstlineno,
    null,
    { argcount: args.args.length, posonlyargcount: args.posonlyargs.length, kwonlyargcount: args.kwonlyargs.length },
  );
  const ste = c.ste;
  let firstInstr = 0;
  if (ste.hasDocstring) {
    firstInstr = 1;
    c.addConst(cleanDoc(getDocString(body)!));
  }
  const start = NEW_LABEL(c);
  USE_LABEL(c, start);
  const addStopiterationHandler = ste.coroutine || ste.generator;
  if (addStopiterationHandler) {
    // codegenWrapInStopiterationHandler pushes a block
    c.pushFBlock(NO_LOCATION, FBlockType.STOP_ITERATION, start, NO_LABEL, null);
  }
  for (let i = firstInstr; i < body.length; i++) codegenVisitStmt(c, body[i]);
  if (addStopiterationHandler) {
    codegenWrapInStopiterationHandler(c);
    c.popFBlock(FBlockType.STOP_ITERATION, start);
  }
  const co = c.optimizeAndAssemble(true);
  c.exitScope();
  codegenMakeClosure(c, LOC(s), co, funcflags);
}

export function codegenFunction(c: Compiler, s: FunctionDef | AsyncFunctionDef, isAsync: boolean): void {
  const { args, decorator_list: decos, name, type_params: typeParams } = s;
  codegenDecorators(c, decos);
  const firstlineno = decos.length ? decos[0].lineno : s.lineno;
  const loc = LOC(s);
  const isGeneric = typeParams.length > 0;
  let funcflags = codegenDefaultArguments(c, loc, args);
  let numTypeparamArgs = 0;
  if (isGeneric) {
    if (funcflags & MAKE_FUNCTION_DEFAULTS) numTypeparamArgs += 1;
    if (funcflags & MAKE_FUNCTION_KWDEFAULTS) numTypeparamArgs += 1;
    if (numTypeparamArgs === 2) ADDOP_I(c, loc, op.SWAP, 2);
    codegenEnterScope(
      c,
      `<generic parameters of ${name}>`,
      ScopeType.ANNOTATIONS,
      c.c_st.lookup(typeParams),
      firstlineno,
      null,
      { argcount: numTypeparamArgs },
    );
    codegenTypeParams(c, typeParams);
    for (let i = 0; i < numTypeparamArgs; i++) ADDOP_I(c, loc, op.LOAD_FAST, i);
  }
  funcflags |= codegenFunctionAnnotations(c, loc, s);
  codegenFunctionBody(c, s, isAsync, funcflags, firstlineno);
  if (isGeneric) {
    ADDOP_I(c, loc, op.SWAP, 2);
    ADDOP_I(c, loc, op.CALL_INTRINSIC_2, INTRINSIC_SET_FUNCTION_TYPE_PARAMS);
    const co = c.optimizeAndAssemble(false);
    c.exitScope();
    codegenMakeClosure(c, loc, co, 0);
    if (numTypeparamArgs > 0) {
      ADDOP_I(c, loc, op.SWAP, numTypeparamArgs + 1);
      ADDOP_I(c, loc, op.CALL, numTypeparamArgs - 1);
    } else {
      ADDOP(c, loc, op.PUSH_NULL);
      ADDOP_I(c, loc, op.CALL, 0);
    }
  }
  codegenApplyDecorators(c, decos);
  codegenNameop(c, loc, name, Kind.Store);
}

function codegenSetTypeParamsInClass(c: Compiler, loc: Location): void {
  codegenNameop(c, loc, ".type_params", Kind.Load);
  codegenNameop(c, loc, "__type_params__", Kind.Store);
}

function codegenClassBody(c: Compiler, s: ClassDef, firstlineno: number): void {
  // 1. compile the class body into a code object
  codegenEnterScope(c, s.name, ScopeType.CLASS, c.c_st.lookup(s), firstlineno, s.name, null);
  let loc = new Location(firstlineno, firstlineno, 0, 0);
  // load (global) __name__ and store it as __module__
  codegenNameop(c, loc, "__name__", Kind.Load);
  codegenNameop(c, loc, "__module__", Kind.Store);
  ADDOP_LOAD_CONST(c, loc, c.metadata.u_qualname!);
  codegenNameop(c, loc, "__qualname__", Kind.Store);
  ADDOP_LOAD_CONST(c, loc, c.metadata.u_firstlineno);
  codegenNameop(c, loc, "__firstlineno__", Kind.Store);
  if (s.type_params.length > 0) codegenSetTypeParamsInClass(c, loc);
  if (c.ste.needsClassdict) {
    ADDOP(c, loc, op.LOAD_LOCALS);
    // a STORE_DEREF in a class namespace, which codegenNameop would not emit
    ADDOP_N(c, loc, op.STORE_DEREF, "__classdict__", "cellvars");
  }
  if (c.ste.hasConditionalAnnotations) {
    ADDOP_I(c, loc, op.BUILD_SET, 0);
    ADDOP_N(c, loc, op.STORE_DEREF, "__conditional_annotations__", "cellvars");
  }
  codegenBody(c, loc, s.body, false);
  ADDOP_LOAD_CONST(c, NO_LOCATION, c.staticAttributesAsTuple());
  codegenNameop(c, NO_LOCATION, "__static_attributes__", Kind.Store);
  // The following code is artificial
  if (c.ste.needsClassdict) {
    ADDOP_I(c, NO_LOCATION, op.LOAD_CLOSURE, c.lookupCellvar("__classdict__"));
    codegenNameop(c, NO_LOCATION, "__classdictcell__", Kind.Store);
  }
  if (c.ste.needsClassClosure) {
    // Store __classcell__ into the class namespace and return it
    ADDOP_I(c, NO_LOCATION, op.LOAD_CLOSURE, c.lookupCellvar("__class__"));
    ADDOP_I(c, NO_LOCATION, op.COPY, 1);
    codegenNameop(c, NO_LOCATION, "__classcell__", Kind.Store);
  } else {
    ADDOP_LOAD_CONST(c, NO_LOCATION, Py_None);
  }
  ADDOP(c, NO_LOCATION, op.RETURN_VALUE);
  const co = c.optimizeAndAssemble(true);
  c.exitScope();
  // 2. load the 'build_class' function, attributed to the class line
  loc = LOC(s);
  ADDOP(c, loc, op.LOAD_BUILD_CLASS);
  ADDOP(c, loc, op.PUSH_NULL);
  // 3. load a function (or closure) made from the code object
  codegenMakeClosure(c, loc, co, 0);
  // 4. load class name
  ADDOP_LOAD_CONST(c, loc, s.name);
}

export function codegenClass(c: Compiler, s: ClassDef): void {
  const decos = s.decorator_list;
  codegenDecorators(c, decos);
  const firstlineno = decos.length ? decos[0].lineno : s.lineno;
  const loc = LOC(s);
  const typeParams = s.type_params;
  const isGeneric = typeParams.length > 0;
  if (isGeneric) {
    codegenEnterScope(
      c,
      `<generic parameters of ${s.name}>`,
      ScopeType.ANNOTATIONS,
      c.c_st.lookup(typeParams),
      firstlineno,
      s.name,
      null,
    );
    codegenTypeParams(c, typeParams);
    codegenNameop(c, loc, ".type_params", Kind.Store);
  }
  codegenClassBody(c, s, firstlineno);
  if (isGeneric) {
    codegenNameop(c, loc, ".type_params", Kind.Load);
    ADDOP_I(c, loc, op.CALL_INTRINSIC_1, INTRINSIC_SUBSCRIPT_GENERIC);
    codegenNameop(c, loc, ".generic_base", Kind.Store);
    codegenCallHelperImpl(c, loc, 2, s.bases, ".generic_base", s.keywords);
    const co = c.optimizeAndAssemble(false);
    c.exitScope();
    codegenMakeClosure(c, loc, co, 0);
    ADDOP(c, loc, op.PUSH_NULL);
    ADDOP_I(c, loc, op.CALL, 0);
  } else {
    codegenCallHelper(c, loc, 2, s.bases, s.keywords);
  }
  codegenApplyDecorators(c, decos);
  codegenNameop(c, loc, s.name, Kind.Store);
}

function codegenTypealiasBody(c: Compiler, s: TypeAlias): void {
  const loc = LOC(s);
  const name = (s.name as Extract<expr, { _kind: Kind.Name }>).id;
  ADDOP_LOAD_CONST(c, loc, new PyTuple([1]));
  codegenSetupAnnotationsScope(c, LOC(s), c.c_st.lookup(s), name);
  codegenVisitExpr(c, s.value);
  ADDOP(c, loc, op.RETURN_VALUE);
  const co = c.optimizeAndAssemble(false);
  c.exitScope();
  codegenMakeClosure(c, loc, co, MAKE_FUNCTION_DEFAULTS);
  ADDOP_I(c, loc, op.BUILD_TUPLE, 3);
  ADDOP_I(c, loc, op.CALL_INTRINSIC_1, INTRINSIC_TYPEALIAS);
}

export function codegenTypealias(c: Compiler, s: TypeAlias): void {
  const loc = LOC(s);
  const typeParams = s.type_params;
  const isGeneric = typeParams.length > 0;
  const name = (s.name as Extract<expr, { _kind: Kind.Name }>).id;
  if (isGeneric) {
    codegenEnterScope(c, `<generic parameters of ${name}>`, ScopeType.ANNOTATIONS, c.c_st.lookup(typeParams), loc.lineno, null, null);
    ADDOP_LOAD_CONST(c, loc, name);
    codegenTypeParams(c, typeParams);
  } else {
    ADDOP_LOAD_CONST(c, loc, name);
    ADDOP_LOAD_CONST(c, loc, Py_None);
  }
  codegenTypealiasBody(c, s);
  if (isGeneric) {
    const co = c.optimizeAndAssemble(false);
    c.exitScope();
    codegenMakeClosure(c, loc, co, 0);
    ADDOP(c, loc, op.PUSH_NULL);
    ADDOP_I(c, loc, op.CALL, 0);
  }
  codegenNameop(c, loc, name, Kind.Store);
}
