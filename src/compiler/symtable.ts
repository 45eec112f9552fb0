// CPython: Python/symtable.c, Include/internal/pycore_symtable.h
//
// The symbol table: which names each scope binds, uses and declares, and (after analysis)
// whether each name is local, global, free or a cell there.
//
// API (for the compiler):
//   const st = symtableBuild(mod, filename, future);   // throws PySyntaxError
//   st.top                        the module's entry
//   st.lookup(key)                the entry of a block, by its AST node:
//       mod -> module; FunctionDef / AsyncFunctionDef / ClassDef / Lambda / ListComp / SetComp /
//       DictComp / GeneratorExp node -> its block; a generic def/class/type alias's
//       `type_params` array -> its type-parameters block; TypeAlias -> the alias value's block;
//       TypeVar / ParamSpec / TypeVarTuple -> its bound's (or the ParamSpec/TypeVarTuple
//       default's) block.
//   st.lookupSecondary(key)       the entry CPython keys by "address + 1":
//       mod / ClassDef -> the __annotate__ block of the module's / class's variable
//       annotations; FunctionDef / AsyncFunctionDef -> the __annotate__ block of its
//       parameter and return annotations (CPython keys that one by the `arguments`);
//       TypeVar -> its default's block.
//   ste.symbols: Map name -> flags (DEF_* bits | scope << SCOPE_OFFSET); getScope(ste, name)
//   ste.varnames (parameters, in order), ste.children, ste.type (BlockType), and the other
//   fields of CPython's PySTEntryObject, camelCased without the `ste_` prefix.
import { Del, Kind, Load, Store } from "../ast/ast.generated.js";
import type { alias, arg, arguments_, comprehension, excepthandler, expr, expr_context, keyword, match_case, mod, pattern, stmt, type_param, withitem } from "../ast/ast.generated.js";
import { PyExc_RecursionError, PyExc_RuntimeError, PySyntaxError, newException } from "../objects/exceptions.js";
import { CO_FUTURE_ANNOTATIONS } from "../objects/codeobject.js";
import { PyCF_ALLOW_TOP_LEVEL_AWAIT, type FutureFeatures, type SourceLocation } from "./symtable_future.js";
import { getDocString, mangle } from "./symtable_util.js";
import { symtableAnalyze } from "./symtable_analyze.js";

// Flags of a symbol (CPython: DEF_* in pycore_symtable.h; the `_symtable` module exports them).
export const DEF_GLOBAL = 1; // global statement
export const DEF_LOCAL = 2; // assigned in this block
export const DEF_PARAM = 4; // a parameter
export const DEF_NONLOCAL = 8; // nonlocal statement
export const USE = 16; // read in this block
export const DEF_FREE_CLASS = 64; // free in a method, bound in the class
export const DEF_IMPORT = 128; // bound by an import
export const DEF_ANNOT = 256; // annotated (x: T)
export const DEF_COMP_ITER = 512; // comprehension iteration variable
export const DEF_TYPE_PARAM = 1024; // type parameter
export const DEF_COMP_CELL = 2048; // cell of an inlined comprehension
export const DEF_BOUND = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

// Scopes, stored in the flags at SCOPE_OFFSET.
export const SCOPE_OFFSET = 12;
export const SCOPE_MASK = DEF_GLOBAL | DEF_LOCAL | DEF_PARAM | DEF_NONLOCAL;
export const LOCAL = 1;
export const GLOBAL_EXPLICIT = 2;
export const GLOBAL_IMPLICIT = 3;
export const FREE = 4;
export const CELL = 5;

/** CPython: _Py_block_ty (values as the `_symtable` module's TYPE_* constants). */
export const enum BlockType {
  FunctionBlock = 0,
  ClassBlock = 1,
  ModuleBlock = 2,
  /** PEP 649 __annotate__ scopes. */
  AnnotationBlock = 3,
  /** The lazily evaluated value of a `type X = ...` statement. */
  TypeAliasBlock = 4,
  /** The scope holding a generic def's/class's/alias's type parameters (PEP 695). */
  TypeParametersBlock = 5,
  /** A TypeVar's bound or constraints, or a type parameter's default. */
  TypeVariableBlock = 6,
}

/** CPython: _Py_comprehension_ty. */
export const enum ComprehensionType {
  NoComprehension = 0,
  ListComprehension = 1,
  DictComprehension = 2,
  SetComprehension = 3,
  GeneratorExpression = 4,
}

const LOCATION0: SourceLocation = { lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 };

/** A `global` / `nonlocal` statement's name and location (for errors found during analysis). */
export interface Directive {
  name: string;
  loc: SourceLocation;
}

/** CPython: PySTEntryObject. */
export class SymtableEntry {
  /** name -> DEF_* flags, with the scope in bits SCOPE_OFFSET.. after analysis. */
  readonly symbols = new Map<string, number>();
  /** Parameters, in order of definition. */
  readonly varnames: string[] = [];
  readonly children: SymtableEntry[] = [];
  directives: Directive[] | null = null;
  /** In a generic class's type-parameter scope: the names to mangle (the type parameters). */
  mangledNames: Set<string> | null = null;
  /** For TypeVariableBlock: what the block evaluates, for error messages ("a TypeVar bound"). */
  scopeInfo: string | null = null;
  nested = false;
  generator = false;
  coroutine = false;
  comprehension = ComprehensionType.NoComprehension;
  varargs = false;
  varkeywords = false;
  returnsValue = false;
  /** A class whose methods use `__class__` (or super()). */
  needsClassClosure = false;
  /** A class whose annotation/type scopes use `__classdict__`. */
  needsClassdict = false;
  compInlined = false;
  compIterTarget = false;
  /** Depth of comprehension iterable expressions being visited (walrus not allowed there). */
  compIterExpr = 0;
  /** An annotation or type scope that sees the enclosing class's namespace via __classdict__. */
  canSeeClassScope = false;
  hasConditionalAnnotations = false;
  inConditionalBlock = false;
  inUnevaluatedAnnotation = false;
  annotationsUsed = false;
  /** The __annotate__ block of this module's/class's variable annotations. */
  annotationBlock: SymtableEntry | null = null;
  hasDocstring = false;
  /** A function defined directly in a class body. */
  method = false;

  constructor(
    readonly table: Symtable,
    readonly name: string,
    readonly type: BlockType,
    /** The AST node (or type_params array) keying this block; see Symtable.lookup. */
    readonly key: object,
    readonly loc: SourceLocation,
  ) {}

  get lineno(): number {
    return this.loc.lineno;
  }
}

/** CPython: _PyST_IsFunctionLike. */
export function isFunctionLike(ste: SymtableEntry): boolean {
  const t = ste.type;
  return t === BlockType.FunctionBlock || t === BlockType.AnnotationBlock || t === BlockType.TypeVariableBlock || t === BlockType.TypeAliasBlock || t === BlockType.TypeParametersBlock;
}

/** CPython: _PyST_GetSymbol. */
export function getSymbol(ste: SymtableEntry, name: string): number {
  return ste.symbols.get(name) ?? 0;
}

/** CPython: _PyST_GetScope. 0 when the name is not in the block. */
export function getScope(ste: SymtableEntry, name: string): number {
  return ((ste.symbols.get(name) ?? 0) >> SCOPE_OFFSET) & SCOPE_MASK;
}

/** CPython: _Py_MaybeMangle. */
export function maybeMangle(privateName: string | null, ste: SymtableEntry, name: string): string {
  if (ste.mangledNames !== null && !ste.mangledNames.has(name)) return name;
  return mangle(privateName, name);
}

function syntaxError(filename: string, msg: string, loc: SourceLocation): PySyntaxError {
  return new PySyntaxError("SyntaxError", msg, filename, loc.lineno, loc.col_offset + 1, loc.end_lineno, loc.end_col_offset + 1, null);
}

/** Nesting depth of visits before RecursionError (CPython checks its C stack instead). */
const MAX_RECURSION = 10000;

function recursionError() {
  return newException(PyExc_RecursionError, ["maximum recursion depth exceeded during compilation"]);
}

/** CPython: struct symtable, and the first pass (symtable_visit_*) that fills it. */
export class Symtable {
  top!: SymtableEntry;
  /** Innermost block being visited. */
  private cur!: SymtableEntry;
  private readonly stack: SymtableEntry[] = [];
  private readonly blocks = new Map<object, SymtableEntry>();
  private readonly secondaryBlocks = new Map<object, SymtableEntry>();
  /** The module's symbols (CPython: st_global). */
  private global!: Map<string, number>;
  /** Name of the class whose body is being visited, for mangling (CPython: st_private). */
  private private_: string | null = null;
  private depth = 0;

  constructor(
    readonly filename: string,
    readonly future: FutureFeatures,
  ) {}

  /** The block keyed by `key` (see the API at the top of this file). */
  lookup(key: object): SymtableEntry {
    const ste = this.blocks.get(key);
    if (ste === undefined) throw new Error("symtable: unknown symbol table entry");
    return ste;
  }

  /** The block CPython keys by `key` + 1 (see the API at the top of this file). */
  lookupSecondary(key: object): SymtableEntry {
    const ste = this.secondaryBlocks.get(key);
    if (ste === undefined) throw new Error("symtable: unknown symbol table entry");
    return ste;
  }

  lookupOptional(key: object, secondary = false): SymtableEntry | null {
    return (secondary ? this.secondaryBlocks : this.blocks).get(key) ?? null;
  }

  /** CPython: _PySymtable_Build, minus the analysis. */
  build(m: mod): void {
    this.enterBlock("top", BlockType.ModuleBlock, m, false, LOCATION0);
    this.top = this.cur;
    switch (m._kind) {
      case Kind.Module:
        if (getDocString(m.body) !== null) this.cur.hasDocstring = true;
        for (const s of m.body) this.visitStmt(s);
        break;
      case Kind.Expression:
        this.visitExpr(m.body);
        break;
      case Kind.Interactive:
        for (const s of m.body) this.visitStmt(s);
        break;
      case Kind.FunctionType:
        throw newException(PyExc_RuntimeError, ["this compiler does not handle FunctionTypes"]);
    }
    this.exitBlock();
  }

  private error(msg: string, loc: SourceLocation): PySyntaxError {
    return syntaxError(this.filename, msg, loc);
  }

  /** CPython: ste_new. */
  /** `secondary` null: a block the compiler never looks up (not registered under its key). */
  private steNew(name: string, type: BlockType, key: object, secondary: boolean | null, loc: SourceLocation): SymtableEntry {
    const ste = new SymtableEntry(this, name, type, key, loc);
    const cur = this.stack.length > 0 ? this.cur : null;
    if (cur !== null) {
      if (cur.nested || isFunctionLike(cur)) ste.nested = true;
      if (cur.type === BlockType.ClassBlock && type === BlockType.FunctionBlock) ste.method = true;
    }
    if (secondary !== null) (secondary ? this.secondaryBlocks : this.blocks).set(key, ste);
    return ste;
  }

  /** CPython: symtable_enter_existing_block. */
  private enterExistingBlock(ste: SymtableEntry, addToChildren: boolean): void {
    const prev = this.stack.length > 0 ? this.cur : null;
    this.stack.push(ste);
    if (prev !== null) {
      // bpo-37757: walrus is disallowed anywhere inside a comprehension's outermost iterable.
      ste.compIterExpr = prev.compIterExpr;
      if (prev.mangledNames !== null && ste.type !== BlockType.ClassBlock) ste.mangledNames = prev.mangledNames;
    }
    this.cur = ste;
    // Under `from __future__ import annotations`, annotations become strings: their blocks
    // are visited (for errors) but are no part of the tree.
    if ((this.future.features & CO_FUTURE_ANNOTATIONS) !== 0 && ste.type === BlockType.AnnotationBlock) return;
    if (ste.type === BlockType.ModuleBlock) this.global = ste.symbols;
    if (prev !== null && addToChildren) prev.children.push(ste);
  }

  /** CPython: symtable_enter_block. */
  private enterBlock(name: string, type: BlockType, key: object, secondary: boolean | null, loc: SourceLocation): void {
    const ste = this.steNew(name, type, key, secondary, loc);
    this.enterExistingBlock(ste, true);
    if (type === BlockType.AnnotationBlock || type === BlockType.TypeVariableBlock || type === BlockType.TypeAliasBlock) {
      // These blocks are functions taking the annotation format as a parameter.
      this.addDef(".format", DEF_PARAM, loc);
      this.addDef(".format", USE, loc);
    }
  }

  /** CPython: symtable_exit_block. */
  private exitBlock(): void {
    this.stack.pop();
    if (this.stack.length > 0) this.cur = this.stack[this.stack.length - 1]!;
  }

  /** CPython: symtable_lookup_entry. */
  private lookupEntry(ste: SymtableEntry, name: string): number {
    return getSymbol(ste, maybeMangle(this.private_, ste, name));
  }

  /** CPython: symtable_add_def_helper. */
  private addDefHelper(name: string, flag: number, ste: SymtableEntry, loc: SourceLocation): void {
    const mangled = maybeMangle(this.private_, this.cur, name);
    const dict = ste.symbols;
    const old = dict.get(mangled);
    let val: number;
    if (old !== undefined) {
      if ((flag & DEF_PARAM) !== 0 && (old & DEF_PARAM) !== 0) {
        throw this.error(`duplicate argument '${name}' in function definition`, loc);
      }
      if ((flag & DEF_TYPE_PARAM) !== 0 && (old & DEF_TYPE_PARAM) !== 0) {
        throw this.error(`duplicate type parameter '${name}'`, loc);
      }
      val = old | flag;
    } else {
      val = flag;
    }
    if (ste.compIterTarget) {
      // An iteration variable of a comprehension: no walrus may rebind it.
      if ((val & (DEF_GLOBAL | DEF_NONLOCAL)) !== 0) {
        throw this.error(`comprehension inner loop cannot rebind assignment expression target '${name}'`, loc);
      }
      val |= DEF_COMP_ITER;
    }
    dict.set(mangled, val);
    if ((flag & DEF_PARAM) !== 0) {
      ste.varnames.push(mangled);
    } else if ((flag & DEF_GLOBAL) !== 0) {
      this.global.set(mangled, (this.global.get(mangled) ?? 0) | flag);
    }
  }

  /** CPython: check_name. */
  private checkName(name: string, loc: SourceLocation, ctx: expr_context): void {
    if (name === "__debug__") {
      if (ctx === Store) throw this.error("cannot assign to __debug__", loc);
      if (ctx === Del) throw this.error("cannot delete __debug__", loc);
    }
  }

  private checkKeywords(keywords: readonly keyword[]): void {
    for (const k of keywords) {
      if (k.arg !== null) this.checkName(k.arg, k, Store);
    }
  }

  /** CPython: symtable_add_def_ctx. */
  private addDefCtx(name: string, flag: number, loc: SourceLocation, ctx: expr_context): void {
    if ((flag & (DEF_PARAM | DEF_LOCAL | DEF_IMPORT)) !== 0) this.checkName(name, loc, ctx);
    if ((flag & DEF_TYPE_PARAM) !== 0 && this.cur.mangledNames !== null) this.cur.mangledNames.add(name);
    this.addDefHelper(name, flag, this.cur, loc);
  }

  /** CPython: symtable_add_def. */
  private addDef(name: string, flag: number, loc: SourceLocation): void {
    this.addDefCtx(name, flag, loc, flag === USE ? Load : Store);
  }

  /** CPython: symtable_enter_type_param_block. */
  private enterTypeParamBlock(name: string, key: object, hasDefaults: boolean, hasKwDefaults: boolean, isClass: boolean, loc: SourceLocation): void {
    const currentType = this.cur.type;
    this.enterBlock(name, BlockType.TypeParametersBlock, key, false, loc);
    if (currentType === BlockType.ClassBlock) {
      this.cur.canSeeClassScope = true;
      this.addDef("__classdict__", USE, loc);
    }
    if (isClass) {
      // Set when the type params tuple is built, used for the bases.
      this.addDef(".type_params", DEF_LOCAL, loc);
      this.addDef(".type_params", USE, loc);
      this.addDef(".generic_base", DEF_LOCAL, loc);
      this.addDef(".generic_base", USE, loc);
    }
    if (hasDefaults) this.addDef(".defaults", DEF_PARAM, loc);
    if (hasKwDefaults) this.addDef(".kwdefaults", DEF_PARAM, loc);
  }

  /** CPython: symtable_record_directive. */
  private recordDirective(name: string, loc: SourceLocation): void {
    const cur = this.cur;
    if (cur.directives === null) cur.directives = [];
    cur.directives.push({ name: maybeMangle(this.private_, cur, name), loc });
  }

  /** CPython: check_import_from. */
  private checkImportFrom(s: stmt & { _kind: Kind.ImportFrom }): void {
    const fut = this.future.location;
    if (s.module === "__future__" && s.level === 0 && (s.lineno > fut.lineno || (s.lineno === fut.end_lineno && s.col_offset > fut.end_col_offset))) {
      throw this.error("from __future__ imports must occur at the beginning of the file", s);
    }
  }

  private allowsTopLevelAwait(): boolean {
    return (this.future.features & PyCF_ALLOW_TOP_LEVEL_AWAIT) !== 0 && this.cur.type === BlockType.ModuleBlock;
  }

  private isAsyncDef(): boolean {
    return this.cur.type === BlockType.FunctionBlock && this.cur.coroutine;
  }

  private enterRecursive(): void {
    if (++this.depth > MAX_RECURSION) {
      throw recursionError();
    }
  }

  private visitStmts(seq: readonly stmt[]): void {
    for (let i = 0; i < seq.length; i++) this.visitStmt(seq[i]!);
  }

  private visitExprs(seq: readonly (expr | null)[]): void {
    for (let i = 0; i < seq.length; i++) {
      const e = seq[i];
      if (e != null) this.visitExpr(e);
    }
  }

  /** The parts of FunctionDef / AsyncFunctionDef handling common to both. */
  private visitFunctionDef(s: stmt & { _kind: Kind.FunctionDef | Kind.AsyncFunctionDef }): void {
    this.addDef(s.name, DEF_LOCAL, s);
    const args = s.args;
    this.visitExprs(args.defaults);
    this.visitExprs(args.kw_defaults);
    this.visitExprs(s.decorator_list);
    const generic = s.type_params.length > 0;
    if (generic) {
      // CPython's `defaults` sequence always exists, so `.defaults` is always a parameter.
      this.enterTypeParamBlock(s.name, s.type_params, true, hasKwonlyDefaults(args), false, s);
      for (const tp of s.type_params) this.visitTypeParam(tp);
    }
    const newSte = this.steNew(s.name, BlockType.FunctionBlock, s, false, s);
    if (getDocString(s.body) !== null) newSte.hasDocstring = true;
    this.visitAnnotations(s, args, s.returns);
    this.enterExistingBlock(newSte, true);
    if (s._kind === Kind.AsyncFunctionDef) this.cur.coroutine = true;
    this.visitArguments(args);
    this.visitStmts(s.body);
    this.exitBlock();
    if (generic) this.exitBlock();
  }

  /** CPython: symtable_visit_stmt. */
  visitStmt(s: stmt): void {
    this.enterRecursive();
    switch (s._kind) {
      case Kind.FunctionDef:
      case Kind.AsyncFunctionDef:
        this.visitFunctionDef(s);
        break;
      case Kind.ClassDef: {
        this.addDef(s.name, DEF_LOCAL, s);
        this.visitExprs(s.decorator_list);
        const tmp = this.private_;
        const generic = s.type_params.length > 0;
        if (generic) {
          this.enterTypeParamBlock(s.name, s.type_params, false, false, true, s);
          this.private_ = s.name;
          this.cur.mangledNames = new Set();
          for (const tp of s.type_params) this.visitTypeParam(tp);
        }
        this.visitExprs(s.bases);
        this.checkKeywords(s.keywords);
        for (const k of s.keywords) this.visitExpr(k.value);
        this.enterBlock(s.name, BlockType.ClassBlock, s, false, s);
        this.private_ = s.name;
        if (generic) {
          this.addDef("__type_params__", DEF_LOCAL, s);
          this.addDef(".type_params", USE, s);
        }
        if (getDocString(s.body) !== null) this.cur.hasDocstring = true;
        this.visitStmts(s.body);
        this.exitBlock();
        if (generic) this.exitBlock();
        this.private_ = tmp;
        break;
      }
      case Kind.TypeAlias: {
        this.visitExpr(s.name);
        const nameNode = s.name;
        const name = nameNode._kind === Kind.Name ? nameNode.id : "";
        const inClass = this.cur.type === BlockType.ClassBlock;
        const generic = s.type_params.length > 0;
        if (generic) {
          this.enterTypeParamBlock(name, s.type_params, false, false, false, s);
          for (const tp of s.type_params) this.visitTypeParam(tp);
        }
        this.enterBlock(name, BlockType.TypeAliasBlock, s, false, s);
        this.cur.canSeeClassScope = inClass;
        if (inClass) this.addDef("__classdict__", USE, s.value);
        this.visitExpr(s.value);
        this.exitBlock();
        if (generic) this.exitBlock();
        break;
      }
      case Kind.Return:
        if (s.value !== null) {
          this.visitExpr(s.value);
          this.cur.returnsValue = true;
        }
        break;
      case Kind.Delete:
        this.visitExprs(s.targets);
        break;
      case Kind.Assign:
        this.visitExprs(s.targets);
        this.visitExpr(s.value);
        break;
      case Kind.AnnAssign: {
        const cur = this.cur;
        cur.annotationsUsed = true;
        const target = s.target;
        if (target._kind === Kind.Name) {
          const flags = this.lookupEntry(cur, target.id);
          if ((flags & (DEF_GLOBAL | DEF_NONLOCAL)) !== 0 && cur.symbols !== this.global && s.simple) {
            const what = (flags & DEF_GLOBAL) !== 0 ? "global" : "nonlocal";
            throw this.error(`annotated name '${target.id}' can't be ${what}`, s);
          }
          if (s.simple) this.addDef(target.id, DEF_ANNOT | DEF_LOCAL, target);
          if (s.value !== null) this.addDef(target.id, DEF_LOCAL, target);
        } else {
          this.visitExpr(target);
        }
        this.visitAnnotation(s.annotation, cur.key);
        if (s.value !== null) this.visitExpr(s.value);
        break;
      }
      case Kind.AugAssign:
        this.visitExpr(s.target);
        this.visitExpr(s.value);
        break;
      case Kind.For:
        this.visitExpr(s.target);
        this.visitExpr(s.iter);
        this.visitConditional(s.body, s.orelse);
        break;
      case Kind.While:
      case Kind.If:
        this.visitExpr(s.test);
        this.visitConditional(s.body, s.orelse);
        break;
      case Kind.Match: {
        this.visitExpr(s.subject);
        const cur = this.cur;
        const saved = cur.inConditionalBlock;
        cur.inConditionalBlock = true;
        for (const m of s.cases) this.visitMatchCase(m);
        cur.inConditionalBlock = saved;
        break;
      }
      case Kind.Raise:
        if (s.exc !== null) {
          this.visitExpr(s.exc);
          if (s.cause !== null) this.visitExpr(s.cause);
        }
        break;
      case Kind.Try:
      case Kind.TryStar: {
        const cur = this.cur;
        const saved = cur.inConditionalBlock;
        cur.inConditionalBlock = true;
        this.visitStmts(s.body);
        for (const h of s.handlers) this.visitExceptHandler(h);
        this.visitStmts(s.orelse);
        this.visitStmts(s.finalbody);
        cur.inConditionalBlock = saved;
        break;
      }
      case Kind.Assert:
        this.visitExpr(s.test);
        if (s.msg !== null) this.visitExpr(s.msg);
        break;
      case Kind.Import:
        for (const a of s.names) this.visitAlias(a);
        break;
      case Kind.ImportFrom:
        for (const a of s.names) this.visitAlias(a);
        this.checkImportFrom(s);
        break;
      case Kind.Global:
      case Kind.Nonlocal: {
        const isGlobal = s._kind === Kind.Global;
        const what = isGlobal ? "global" : "nonlocal";
        for (const name of s.names) {
          const flags = this.lookupEntry(this.cur, name);
          if ((flags & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT)) !== 0) {
            let msg: string;
            if ((flags & DEF_PARAM) !== 0) msg = `name '${name}' is parameter and ${what}`;
            else if ((flags & USE) !== 0) msg = `name '${name}' is used prior to ${what} declaration`;
            else if ((flags & DEF_ANNOT) !== 0) msg = `annotated name '${name}' can't be ${what}`;
            else msg = `name '${name}' is assigned to before ${what} declaration`;
            throw this.error(msg, s);
          }
          this.addDef(name, isGlobal ? DEF_GLOBAL : DEF_NONLOCAL, s);
          this.recordDirective(name, s);
        }
        break;
      }
      case Kind.Expr:
        this.visitExpr(s.value);
        break;
      case Kind.Pass:
      case Kind.Break:
      case Kind.Continue:
        break;
      case Kind.With: {
        const cur = this.cur;
        const saved = cur.inConditionalBlock;
        cur.inConditionalBlock = true;
        for (const item of s.items) this.visitWithItem(item);
        this.visitStmts(s.body);
        cur.inConditionalBlock = saved;
        break;
      }
      case Kind.AsyncWith: {
        if (this.allowsTopLevelAwait()) this.cur.coroutine = true;
        if (!this.cur.coroutine) throw this.error("'async with' outside async function", s);
        const cur = this.cur;
        const saved = cur.inConditionalBlock;
        cur.inConditionalBlock = true;
        for (const item of s.items) this.visitWithItem(item);
        this.visitStmts(s.body);
        cur.inConditionalBlock = saved;
        break;
      }
      case Kind.AsyncFor:
        if (this.allowsTopLevelAwait()) this.cur.coroutine = true;
        if (!this.cur.coroutine) throw this.error("'async for' outside async function", s);
        this.visitExpr(s.target);
        this.visitExpr(s.iter);
        this.visitConditional(s.body, s.orelse);
        break;
    }
    this.depth--;
  }

  /** A loop's or if's body and else, which only may run (CPython: ENTER_CONDITIONAL_BLOCK). */
  private visitConditional(body: readonly stmt[], orelse: readonly stmt[]): void {
    const cur = this.cur;
    const saved = cur.inConditionalBlock;
    cur.inConditionalBlock = true;
    this.visitStmts(body);
    this.visitStmts(orelse);
    cur.inConditionalBlock = saved;
  }

  /** CPython: symtable_extend_namedexpr_scope. */
  private extendNamedExprScope(e: expr): void {
    if (e._kind !== Kind.Name) return;
    const target = e.id;
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const ste = this.stack[i]!;
      // In a comprehension, only check for a clash with an iteration variable.
      if (ste.comprehension !== ComprehensionType.NoComprehension) {
        const flags = this.lookupEntry(ste, target);
        if ((flags & DEF_COMP_ITER) !== 0 && (flags & DEF_LOCAL) !== 0) {
          throw this.error(`assignment expression cannot rebind comprehension iteration variable '${target}'`, e);
        }
        continue;
      }
      switch (ste.type) {
        case BlockType.FunctionBlock: {
          const flags = this.lookupEntry(ste, target);
          this.addDef(target, (flags & DEF_GLOBAL) !== 0 ? DEF_GLOBAL : DEF_NONLOCAL, e);
          this.recordDirective(target, e);
          this.addDefHelper(target, DEF_LOCAL, ste, e);
          return;
        }
        case BlockType.ModuleBlock:
          this.addDef(target, DEF_GLOBAL, e);
          this.recordDirective(target, e);
          this.addDefHelper(target, DEF_GLOBAL, ste, e);
          return;
        case BlockType.ClassBlock:
          throw this.error("assignment expression within a comprehension cannot be used in a class body", e);
        case BlockType.TypeParametersBlock:
          throw this.error("assignment expression within a comprehension cannot be used within the definition of a generic", e);
        case BlockType.TypeAliasBlock:
          throw this.error("assignment expression within a comprehension cannot be used in a type alias", e);
        case BlockType.TypeVariableBlock:
          throw this.error("assignment expression within a comprehension cannot be used in a TypeVar bound", e);
        case BlockType.AnnotationBlock:
          break;
      }
    }
  }

  /** CPython: symtable_handle_namedexpr. */
  private handleNamedExpr(e: expr & { _kind: Kind.NamedExpr }): void {
    if (this.cur.compIterExpr > 0) {
      throw this.error("assignment expression cannot be used in a comprehension iterable expression", e);
    }
    if (this.cur.comprehension !== ComprehensionType.NoComprehension) this.extendNamedExprScope(e.target);
    this.visitExpr(e.value);
    this.visitExpr(e.target);
  }

  /** CPython: symtable_visit_expr. */
  visitExpr(e: expr): void {
    this.enterRecursive();
    switch (e._kind) {
      case Kind.NamedExpr:
        this.raiseIfAnnotationBlock("named expression", e);
        this.handleNamedExpr(e);
        break;
      case Kind.BoolOp:
        this.visitExprs(e.values);
        break;
      case Kind.BinOp:
        this.visitExpr(e.left);
        this.visitExpr(e.right);
        break;
      case Kind.UnaryOp:
        this.visitExpr(e.operand);
        break;
      case Kind.Lambda:
        this.visitExprs(e.args.defaults);
        this.visitExprs(e.args.kw_defaults);
        this.enterBlock("lambda", BlockType.FunctionBlock, e, false, e);
        this.visitArguments(e.args);
        this.visitExpr(e.body);
        this.exitBlock();
        break;
      case Kind.IfExp:
        this.visitExpr(e.test);
        this.visitExpr(e.body);
        this.visitExpr(e.orelse);
        break;
      case Kind.Dict:
        this.visitExprs(e.keys);
        this.visitExprs(e.values);
        break;
      case Kind.Set:
        this.visitExprs(e.elts);
        break;
      case Kind.GeneratorExp:
        this.handleComprehension(e, "genexpr", e.generators, e.elt, null);
        break;
      case Kind.ListComp:
        this.handleComprehension(e, "listcomp", e.generators, e.elt, null);
        break;
      case Kind.SetComp:
        this.handleComprehension(e, "setcomp", e.generators, e.elt, null);
        break;
      case Kind.DictComp:
        this.handleComprehension(e, "dictcomp", e.generators, e.key, e.value);
        break;
      case Kind.Yield:
      case Kind.YieldFrom:
        this.raiseIfAnnotationBlock("yield expression", e);
        if (e.value !== null) this.visitExpr(e.value);
        this.cur.generator = true;
        if (this.cur.comprehension !== ComprehensionType.NoComprehension) this.raiseComprehensionYield(e);
        break;
      case Kind.Await:
        this.raiseIfAnnotationBlock("await expression", e);
        if (!this.allowsTopLevelAwait()) {
          if (!isFunctionLike(this.cur)) throw this.error("'await' outside function", e);
          if (!this.isAsyncDef() && this.cur.comprehension === ComprehensionType.NoComprehension) {
            throw this.error("'await' outside async function", e);
          }
        }
        this.visitExpr(e.value);
        this.cur.coroutine = true;
        break;
      case Kind.Compare:
        this.visitExpr(e.left);
        this.visitExprs(e.comparators);
        break;
      case Kind.Call:
        this.visitExpr(e.func);
        this.visitExprs(e.args);
        this.checkKeywords(e.keywords);
        for (const k of e.keywords) this.visitExpr(k.value);
        break;
      case Kind.FormattedValue:
        this.visitExpr(e.value);
        if (e.format_spec !== null) this.visitExpr(e.format_spec);
        break;
      case Kind.Interpolation:
        this.visitExpr(e.value);
        if (e.format_spec !== null) this.visitExpr(e.format_spec);
        break;
      case Kind.JoinedStr:
      case Kind.TemplateStr:
        this.visitExprs(e.values);
        break;
      case Kind.Constant:
        break;
      case Kind.Attribute:
        this.checkName(e.attr, e, e.ctx);
        this.visitExpr(e.value);
        break;
      case Kind.Subscript:
        this.visitExpr(e.value);
        this.visitExpr(e.slice);
        break;
      case Kind.Starred:
        this.visitExpr(e.value);
        break;
      case Kind.Slice:
        if (e.lower !== null) this.visitExpr(e.lower);
        if (e.upper !== null) this.visitExpr(e.upper);
        if (e.step !== null) this.visitExpr(e.step);
        break;
      case Kind.Name:
        if (!this.cur.inUnevaluatedAnnotation) {
          this.addDefCtx(e.id, e.ctx === Load ? USE : DEF_LOCAL, e, e.ctx);
          // super() needs the __class__ cell.
          if (e.ctx === Load && e.id === "super" && isFunctionLike(this.cur)) this.addDef("__class__", USE, e);
        }
        break;
      case Kind.List:
      case Kind.Tuple:
        this.visitExprs(e.elts);
        break;
    }
    this.depth--;
  }

  /** CPython: symtable_visit_type_param_bound_or_default. */
  private visitTypeParamBoundOrDefault(e: expr | null, name: string, tp: type_param, secondary: boolean, scopeInfo: string): void {
    if (name === "__classdict__") {
      throw this.error(`reserved name '${name}' cannot be used for type parameter`, tp);
    }
    if (e === null) return;
    const inClass = this.cur.canSeeClassScope;
    this.enterBlock(name, BlockType.TypeVariableBlock, tp, secondary, e);
    this.cur.canSeeClassScope = inClass;
    if (inClass) this.addDef("__classdict__", USE, e);
    this.cur.scopeInfo = scopeInfo;
    this.visitExpr(e);
    this.exitBlock();
  }

  /** CPython: symtable_visit_type_param. */
  private visitTypeParam(tp: type_param): void {
    this.enterRecursive();
    this.addDef(tp.name, DEF_TYPE_PARAM | DEF_LOCAL, tp);
    switch (tp._kind) {
      case Kind.TypeVar: {
        const bound = tp.bound;
        const info = bound === null ? "" : bound._kind === Kind.Tuple ? "a TypeVar constraint" : "a TypeVar bound";
        this.visitTypeParamBoundOrDefault(bound, tp.name, tp, false, info);
        this.visitTypeParamBoundOrDefault(tp.default_value, tp.name, tp, true, "a TypeVar default");
        break;
      }
      case Kind.TypeVarTuple:
        this.visitTypeParamBoundOrDefault(tp.default_value, tp.name, tp, false, "a TypeVarTuple default");
        break;
      case Kind.ParamSpec:
        this.visitTypeParamBoundOrDefault(tp.default_value, tp.name, tp, false, "a ParamSpec default");
        break;
    }
    this.depth--;
  }

  /** CPython: symtable_visit_pattern. */
  private visitPattern(p: pattern): void {
    this.enterRecursive();
    switch (p._kind) {
      case Kind.MatchValue:
        this.visitExpr(p.value);
        break;
      case Kind.MatchSingleton:
        break;
      case Kind.MatchSequence:
        for (const q of p.patterns) this.visitPattern(q);
        break;
      case Kind.MatchStar:
        if (p.name !== null) this.addDef(p.name, DEF_LOCAL, p);
        break;
      case Kind.MatchMapping:
        this.visitExprs(p.keys);
        for (const q of p.patterns) this.visitPattern(q);
        if (p.rest !== null) this.addDef(p.rest, DEF_LOCAL, p);
        break;
      case Kind.MatchClass:
        this.visitExpr(p.cls);
        for (const q of p.patterns) this.visitPattern(q);
        for (let i = 0; i < p.kwd_attrs.length; i++) this.checkName(p.kwd_attrs[i]!, p.kwd_patterns[i]!, Store);
        for (const q of p.kwd_patterns) this.visitPattern(q);
        break;
      case Kind.MatchAs:
        if (p.pattern !== null) this.visitPattern(p.pattern);
        if (p.name !== null) this.addDef(p.name, DEF_LOCAL, p);
        break;
      case Kind.MatchOr:
        for (const q of p.patterns) this.visitPattern(q);
        break;
    }
    this.depth--;
  }

  /** CPython: symtable_visit_annotation (a variable annotation, `x: T`). */
  private visitAnnotation(annotation: expr, ownerKey: object): void {
    const parent = this.cur;
    // Annotations in function bodies are never evaluated: they must not create symbols.
    const unevaluated = parent.type === BlockType.FunctionBlock;
    // Module annotations are always conditional: a module may run only partly.
    if ((parent.type === BlockType.ModuleBlock || (parent.type === BlockType.ClassBlock && parent.inConditionalBlock)) && !parent.hasConditionalAnnotations) {
      parent.hasConditionalAnnotations = true;
      this.addDef("__conditional_annotations__", USE, annotation);
    }
    if (parent.annotationBlock === null) {
      // A function body's annotations are never evaluated, so the compiler never looks their
      // block up (CPython keys it by the function + 1, here the key of its parameters' one).
      this.enterBlock("__annotate__", BlockType.AnnotationBlock, ownerKey, parent.type === BlockType.FunctionBlock ? null : true, annotation);
      parent.annotationBlock = this.cur;
      if (parent.type === BlockType.ClassBlock && (this.future.features & CO_FUTURE_ANNOTATIONS) === 0) {
        this.cur.canSeeClassScope = true;
        this.addDef("__classdict__", USE, annotation);
      }
    } else {
      this.enterExistingBlock(parent.annotationBlock, false);
    }
    if (unevaluated) this.cur.inUnevaluatedAnnotation = true;
    this.visitExpr(annotation);
    if (unevaluated) this.cur.inUnevaluatedAnnotation = false;
    this.exitBlock();
  }

  private visitArgAnnotations(args: readonly arg[]): void {
    for (const a of args) {
      if (a.annotation !== null) {
        this.cur.annotationsUsed = true;
        this.visitExpr(a.annotation);
      }
    }
  }

  /** CPython: symtable_visit_annotations (a function's parameter and return annotations). */
  private visitAnnotations(s: stmt, a: arguments_, returns: expr | null): void {
    const inClass = this.cur.canSeeClassScope;
    const currentType = this.cur.type;
    this.enterBlock("__annotate__", BlockType.AnnotationBlock, s, true, s);
    if (inClass || currentType === BlockType.ClassBlock) {
      this.cur.canSeeClassScope = true;
      this.addDef("__classdict__", USE, s);
    }
    this.visitArgAnnotations(a.posonlyargs);
    this.visitArgAnnotations(a.args);
    if (a.vararg !== null && a.vararg.annotation !== null) {
      this.cur.annotationsUsed = true;
      this.visitExpr(a.vararg.annotation);
    }
    if (a.kwarg !== null && a.kwarg.annotation !== null) {
      this.cur.annotationsUsed = true;
      this.visitExpr(a.kwarg.annotation);
    }
    this.visitArgAnnotations(a.kwonlyargs);
    if (returns !== null) {
      this.cur.annotationsUsed = true;
      this.visitExpr(returns);
    }
    this.exitBlock();
  }

  /** CPython: symtable_visit_arguments (the parameters, in the function's own block). */
  private visitArguments(a: arguments_): void {
    for (const p of a.posonlyargs) this.addDef(p.arg, DEF_PARAM, p);
    for (const p of a.args) this.addDef(p.arg, DEF_PARAM, p);
    for (const p of a.kwonlyargs) this.addDef(p.arg, DEF_PARAM, p);
    if (a.vararg !== null) {
      this.addDef(a.vararg.arg, DEF_PARAM, a.vararg);
      this.cur.varargs = true;
    }
    if (a.kwarg !== null) {
      this.addDef(a.kwarg.arg, DEF_PARAM, a.kwarg);
      this.cur.varkeywords = true;
    }
  }

  private visitExceptHandler(h: excepthandler): void {
    if (h.type !== null) this.visitExpr(h.type);
    if (h.name !== null) this.addDef(h.name, DEF_LOCAL, h);
    this.visitStmts(h.body);
  }

  private visitWithItem(item: withitem): void {
    this.visitExpr(item.context_expr);
    if (item.optional_vars !== null) this.visitExpr(item.optional_vars);
  }

  private visitMatchCase(m: match_case): void {
    this.visitPattern(m.pattern);
    if (m.guard !== null) this.visitExpr(m.guard);
    this.visitStmts(m.body);
  }

  /** CPython: symtable_visit_alias. `import a.b` binds `a`. */
  private visitAlias(a: alias): void {
    const name = a.asname ?? a.name;
    if (name === "*") {
      if (this.cur.type !== BlockType.ModuleBlock) throw this.error("import * only allowed at module level", a);
      return;
    }
    const dot = name.indexOf(".");
    this.addDef(dot >= 0 ? name.slice(0, dot) : name, DEF_IMPORT, a);
  }

  /** CPython: symtable_visit_comprehension (the second and later `for` clauses). */
  private visitComprehension(lc: comprehension): void {
    const cur = this.cur;
    cur.compIterTarget = true;
    this.visitExpr(lc.target);
    cur.compIterTarget = false;
    cur.compIterExpr++;
    this.visitExpr(lc.iter);
    cur.compIterExpr--;
    this.visitExprs(lc.ifs);
    if (lc.is_async) cur.coroutine = true;
  }

  /** CPython: symtable_handle_comprehension. */
  private handleComprehension(e: expr, scopeName: string, generators: readonly comprehension[], elt: expr, value: expr | null): void {
    const isGenerator = e._kind === Kind.GeneratorExp;
    const outermost = generators[0]!;
    // The outermost iterable is evaluated in the enclosing scope.
    this.cur.compIterExpr++;
    this.visitExpr(outermost.iter);
    this.cur.compIterExpr--;
    this.enterBlock(scopeName, BlockType.FunctionBlock, e, false, e);
    const comp = this.cur;
    switch (e._kind) {
      case Kind.ListComp:
        comp.comprehension = ComprehensionType.ListComprehension;
        break;
      case Kind.SetComp:
        comp.comprehension = ComprehensionType.SetComprehension;
        break;
      case Kind.DictComp:
        comp.comprehension = ComprehensionType.DictComprehension;
        break;
      default:
        comp.comprehension = ComprehensionType.GeneratorExpression;
    }
    if (outermost.is_async) comp.coroutine = true;
    // The outermost iterator is passed in as the implicit parameter `.0`.
    this.addDef(".0", DEF_PARAM, comp.loc);
    comp.compIterTarget = true;
    this.visitExpr(outermost.target);
    comp.compIterTarget = false;
    this.visitExprs(outermost.ifs);
    for (let i = 1; i < generators.length; i++) this.visitComprehension(generators[i]!);
    if (value !== null) this.visitExpr(value);
    this.visitExpr(elt);
    comp.generator = isGenerator;
    const isAsync = comp.coroutine && !isGenerator;
    this.exitBlock();
    if (isAsync && !this.isAsyncDef() && this.cur.comprehension === ComprehensionType.NoComprehension && !this.allowsTopLevelAwait()) {
      throw this.error("asynchronous comprehension outside of an asynchronous function", e);
    }
    if (isAsync) this.cur.coroutine = true;
  }

  /** CPython: symtable_raise_if_annotation_block. */
  private raiseIfAnnotationBlock(name: string, e: expr): void {
    const cur = this.cur;
    switch (cur.type) {
      case BlockType.AnnotationBlock:
        throw this.error(`${name} cannot be used within an annotation`, e);
      case BlockType.TypeVariableBlock:
        throw this.error(`${name} cannot be used within ${cur.scopeInfo}`, e);
      case BlockType.TypeAliasBlock:
        throw this.error(`${name} cannot be used within a type alias`, e);
      case BlockType.TypeParametersBlock:
        throw this.error(`${name} cannot be used within the definition of a generic`, e);
    }
  }

  /** CPython: symtable_raise_if_comprehension_block. */
  private raiseComprehensionYield(e: expr): never {
    let what: string;
    switch (this.cur.comprehension) {
      case ComprehensionType.ListComprehension:
        what = "list comprehension";
        break;
      case ComprehensionType.SetComprehension:
        what = "set comprehension";
        break;
      case ComprehensionType.DictComprehension:
        what = "dict comprehension";
        break;
      default:
        what = "generator expression";
    }
    throw this.error(`'yield' inside ${what}`, e);
  }

  /** Raises the SyntaxError for a bad `global`/`nonlocal` found during analysis (CPython: error_at_directive). */
  errorAtDirective(ste: SymtableEntry, name: string, msg: string): PySyntaxError {
    for (const d of ste.directives ?? []) {
      if (d.name === name) return this.error(msg, d.loc);
    }
    return new PySyntaxError("SyntaxError", msg, this.filename, null, null, null, null, null);
  }
}

function hasKwonlyDefaults(a: arguments_): boolean {
  for (let i = 0; i < a.kwonlyargs.length; i++) {
    if (a.kw_defaults[i] != null) return true;
  }
  return false;
}

/** CPython: _PySymtable_Build. Builds and analyzes the symbol tables of a module. */
export function symtableBuild(m: mod, filename: string, future: FutureFeatures): Symtable {
  const st = new Symtable(filename, future);
  try {
    st.build(m);
    symtableAnalyze(st);
  } catch (e) {
    // The JS stack ran out before MAX_RECURSION (the caller's frames count too).
    if (e instanceof RangeError && /call stack/.test(e.message)) throw recursionError();
    throw e;
  }
  return st;
}
