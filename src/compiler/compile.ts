// CPython: Python/compile.c
//
// The compiler driver: compilation units (one per code object), scopes from the symbol table,
// frame blocks, constants, and optimize-and-assemble of each unit.
//
// API:
//   compileStringObject(source, filename, mode, flags?, optimize?) -> PyCodeObject
//   compileAST(mod, filename, mode?, flags?, optimize?)              -> PyCodeObject
// `mode` is "exec", "eval" or "single"; errors are thrown as PySyntaxError.
import type { AnnAssign, expr, mod, stmt } from "../ast/ast.generated.js";
import { Kind } from "../ast/ast.generated.js";
import type { PyObject } from "../objects/object.js";
import { PySyntaxError } from "../objects/exceptions.js";
import { PyTuple } from "../objects/tupleobject.js";
import {
  PyCodeObject,
  CO_ASYNC_GENERATOR,
  CO_COROUTINE,
  CO_GENERATOR,
  CO_HAS_DOCSTRING,
  CO_METHOD,
  CO_NESTED,
  CO_NEWLOCALS,
  CO_OPTIMIZED,
  CO_VARARGS,
  CO_VARKEYWORDS,
} from "../objects/codeobject.js";
import { parserASTFromString } from "../parser/peg_api.js";
import { ConstTable } from "./const_cache.js";
import { InstructionSequence, Location, type Label } from "./instruction_sequence.js";
import {
  cfgFromInstructionSequence,
  optimizeCodeUnit,
  optimizedCfgToInstructionSequence,
  type CodeUnitMetadata,
} from "./flowgraph.js";
import { makeCodeObject } from "./assemble.js";
import {
  BlockType,
  CELL,
  DEF_COMP_CELL,
  DEF_FREE_CLASS,
  DEF_LOCAL,
  DEF_NONLOCAL,
  FREE,
  GLOBAL_EXPLICIT,
  GLOBAL_IMPLICIT,
  LOCAL,
  SCOPE_MASK,
  SCOPE_OFFSET,
  getScope,
  getSymbol,
  isFunctionLike,
  maybeMangle,
  symtableBuild,
  type Symtable,
  type SymtableEntry,
} from "./symtable.js";
import { futureFromAst } from "./symtable_future.js";
import { mangle } from "./symtable_util.js";
import { astPreprocess } from "./ast_preprocess.js";
import { codegenAddReturnAtEnd } from "./codegen.js";
import { codegenEnterAnonymousScope, codegenExpression, codegenModule } from "./codegen_scope.js";

export const enum ScopeType {
  MODULE,
  CLASS,
  FUNCTION,
  ASYNC_FUNCTION,
  LAMBDA,
  COMPREHENSION,
  ANNOTATIONS,
}

export const enum FBlockType {
  WHILE_LOOP,
  FOR_LOOP,
  TRY_EXCEPT,
  FINALLY_TRY,
  FINALLY_END,
  WITH,
  ASYNC_WITH,
  HANDLER_CLEANUP,
  POP_VALUE,
  EXCEPTION_HANDLER,
  EXCEPTION_GROUP_HANDLER,
  ASYNC_COMPREHENSION_GENERATOR,
  STOP_ITERATION,
}

/** What a frame block carries: a finally body, a with statement, an except-as name. */
export type FBlockDatum = stmt[] | stmt | string | null;

export interface FBlockInfo {
  fb_type: FBlockType;
  fb_block: Label;
  fb_loc: Location;
  fb_exit: Label;
  fb_datum: FBlockDatum;
}

/** Max statically nested blocks (CPython: CO_MAXBLOCKS). */
const CO_MAXBLOCKS = 21;

// PyCF_* compiler flags (CPython: Include/cpython/compile.h)
export const PyCF_MASK = 0x20000 | 0x40000 | 0x80000 | 0x100000 | 0x200000 | 0x400000 | 0x800000 | 0x1000000;

export class CompilerUnit {
  u_static_attributes: Set<string> | null = null;
  u_deferred_annotations: AnnAssign[] | null = null;
  u_conditional_annotation_indices: number[] | null = null;
  u_next_conditional_annotation_index = 0;
  u_instr_sequence = new InstructionSequence();
  u_stashed_instr_sequence: InstructionSequence | null = null;
  u_fblock: FBlockInfo[] = [];
  u_in_inlined_comp = 0;
  u_in_conditional_block = 0;
  constructor(
    public u_ste: SymtableEntry,
    public u_scope_type: ScopeType,
    public u_private: string | null,
    public u_metadata: CodeUnitMetadata,
  ) {}
}

/** Argument counts a unit starts with (CPython: the _PyCompile_CodeUnitMetadata initializers). */
export interface UnitArgs {
  argcount?: number;
  posonlyargcount?: number;
  kwonlyargcount?: number;
}

/** State kept while compiling a comprehension inline (CPython: _PyCompile_InlinedComprehensionState). */
export interface InlinedComprehensionState {
  pushed_locals: string[] | null;
  temp_symbols: Map<string, number> | null;
  fast_hidden: Set<string> | null;
  cleanup: Label;
}

/** Shows a SyntaxWarning; false when a filter made it an error (a SyntaxWarning exception). */
export type CompileWarnHook = (msg: string, filename: string, lineno: number) => boolean;
let compileWarnHook: CompileWarnHook | null = null;
export function _PyCompile_SetWarnHook(hook: CompileWarnHook): void {
  compileWarnHook = hook;
}

export class Compiler {
  c_st!: Symtable;
  c_future = 0;
  c_flags = 0;
  c_optimize = 0;
  c_interactive = false;
  u!: CompilerUnit;
  c_stack: CompilerUnit[] = [];
  c_disable_warning = 0;

  constructor(public c_filename: string) {}

  /** CPython: _PyCompile_Error. */
  error(loc: Location, msg: string): PySyntaxError {
    return new PySyntaxError(
      "SyntaxError",
      msg,
      this.c_filename,
      loc.lineno,
      loc.col_offset + 1,
      loc.end_lineno,
      loc.end_col_offset + 1,
      null,
    );
  }

  /**
   * CPython: _PyCompile_Warn + _PyErr_EmitSyntaxWarning: a SyntaxWarning through the warnings
   * machinery (set by src/python/_warnings.ts); one that a filter turns into an error becomes a
   * SyntaxError at `loc`.
   */
  warn(loc: Location, msg: string): void {
    if (this.c_disable_warning || compileWarnHook === null) return;
    if (!compileWarnHook(msg, this.c_filename, loc.lineno)) throw this.error(loc, msg);
  }

  get seq(): InstructionSequence {
    return this.u.u_instr_sequence;
  }

  get ste(): SymtableEntry {
    return this.u.u_ste;
  }

  get metadata(): CodeUnitMetadata {
    return this.u.u_metadata;
  }

  /** CPython: _PyCompile_EnterScope. */
  enterScope(
    name: string,
    scopeType: ScopeType,
    ste: SymtableEntry,
    lineno: number,
    privateName: string | null,
    umd: UnitArgs | null,
  ): void {
    const varnames = new Map<string, number>();
    for (const v of ste.varnames) if (!varnames.has(v)) varnames.set(v, varnames.size);
    const cellvars = dictbytype(ste.symbols, CELL, DEF_COMP_CELL, 0);
    if (ste.needsClassClosure) dictAddObj(cellvars, "__class__");
    if (ste.needsClassdict) dictAddObj(cellvars, "__classdict__");
    if (ste.hasConditionalAnnotations) dictAddObj(cellvars, "__conditional_annotations__");
    const freevars = dictbytype(ste.symbols, FREE, DEF_FREE_CLASS, cellvars.size);
    const metadata: CodeUnitMetadata = {
      u_name: name,
      u_qualname: null,
      u_consts: new ConstTable(),
      u_names: new Map(),
      u_varnames: varnames,
      u_cellvars: cellvars,
      u_freevars: freevars,
      u_fasthidden: new Map(),
      u_argcount: umd?.argcount ?? 0,
      u_posonlyargcount: umd?.posonlyargcount ?? 0,
      u_kwonlyargcount: umd?.kwonlyargcount ?? 0,
      u_firstlineno: lineno,
    };
    if (this.u !== undefined && this.u !== null) {
      this.c_stack.push(this.u);
      if (privateName === null) privateName = this.u.u_private;
    }
    const u = new CompilerUnit(ste, scopeType, privateName, metadata);
    if (scopeType === ScopeType.CLASS) u.u_static_attributes = new Set();
    this.u = u;
    if (scopeType !== ScopeType.MODULE) this.setQualname();
  }

  /** CPython: _PyCompile_ExitScope. */
  exitScope(): void {
    this.u = this.c_stack.pop()!;
  }

  private setQualname(): void {
    const u = this.u;
    let base: string | null = null;
    const stackSize = this.c_stack.length;
    if (stackSize >= 1) {
      let parent = this.c_stack[stackSize - 1];
      if (parent.u_scope_type === ScopeType.ANNOTATIONS) {
        // The parent is an annotation scope: look at the grandparent.
        if (stackSize === 1) {
          u.u_metadata.u_qualname = u.u_metadata.u_name;
          return;
        }
        parent = this.c_stack[stackSize - 2];
      }
      let forceGlobal = false;
      if (
        u.u_scope_type === ScopeType.FUNCTION ||
        u.u_scope_type === ScopeType.ASYNC_FUNCTION ||
        u.u_scope_type === ScopeType.CLASS
      ) {
        const mangled = mangle(parent.u_private, u.u_metadata.u_name);
        if (getScope(parent.u_ste, mangled) === GLOBAL_EXPLICIT) forceGlobal = true;
      }
      if (!forceGlobal) {
        if (
          parent.u_scope_type === ScopeType.FUNCTION ||
          parent.u_scope_type === ScopeType.ASYNC_FUNCTION ||
          parent.u_scope_type === ScopeType.LAMBDA
        ) {
          base = parent.u_metadata.u_qualname + ".<locals>";
        } else {
          base = parent.u_metadata.u_qualname;
        }
      }
    }
    u.u_metadata.u_qualname = base !== null ? base + "." + u.u_metadata.u_name : u.u_metadata.u_name;
  }

  pushFBlock(loc: Location, t: FBlockType, blockLabel: Label, exit: Label, datum: FBlockDatum): void {
    if (this.u.u_fblock.length >= CO_MAXBLOCKS) throw this.error(loc, "too many statically nested blocks");
    this.u.u_fblock.push({ fb_type: t, fb_block: blockLabel, fb_loc: loc, fb_exit: exit, fb_datum: datum });
    if (t === FBlockType.FINALLY_END) this.c_disable_warning++;
  }

  popFBlock(t: FBlockType, _blockLabel: Label): void {
    this.u.u_fblock.pop();
    if (t === FBlockType.FINALLY_END) this.c_disable_warning--;
  }

  topFBlock(): FBlockInfo | null {
    const f = this.u.u_fblock;
    return f.length ? f[f.length - 1] : null;
  }

  /** CPython: _PyCompile_AddConst. */
  addConst(o: PyObject): number {
    return this.u.u_metadata.u_consts.add(o);
  }

  maybeMangle(name: string): string {
    return maybeMangle(this.u.u_private, this.u.u_ste, name);
  }

  mangle(name: string): string {
    return mangle(this.u.u_private, name);
  }

  /** CPython: _PyCompile_GetRefType. */
  getRefType(name: string): number {
    if (
      this.u.u_scope_type === ScopeType.CLASS &&
      (name === "__class__" || name === "__classdict__" || name === "__conditional_annotations__")
    ) {
      return CELL;
    }
    const scope = getScope(this.u.u_ste, name);
    if (scope === 0) {
      throw this.error(new Location(-1, -1, -1, -1), `_PyST_GetScope(name=${name}) failed: unknown scope`);
    }
    return scope;
  }

  lookupCellvar(name: string): number {
    return this.u.u_metadata.u_cellvars.get(name)!;
  }

  /** CPython: _PyCompile_LookupArg. */
  lookupArg(name: string): number {
    const reftype = this.getRefType(name);
    const arg =
      reftype === CELL ? this.u.u_metadata.u_cellvars.get(name) : this.u.u_metadata.u_freevars.get(name);
    if (arg === undefined) throw this.error(new Location(-1, -1, -1, -1), `compiler_lookup_arg(name=${name}) failed`);
    return arg;
  }

  staticAttributesAsTuple(): PyTuple {
    return new PyTuple([...this.u.u_static_attributes!].sort(comparePyStr));
  }

  /** CPython: _PyCompile_ResolveNameop. Returns the optype and (for non-fast ones) the index. */
  resolveNameop(mangled: string, scope: number): [NameOpType, number] {
    const md = this.u.u_metadata;
    let dict = md.u_names;
    let optype = NameOpType.NAME;
    switch (scope) {
      case FREE:
        dict = md.u_freevars;
        optype = NameOpType.DEREF;
        break;
      case CELL:
        dict = md.u_cellvars;
        optype = NameOpType.DEREF;
        break;
      case LOCAL:
        if (isFunctionLike(this.u.u_ste)) optype = NameOpType.FAST;
        else if (md.u_fasthidden.get(mangled) === true) optype = NameOpType.FAST;
        break;
      case GLOBAL_IMPLICIT:
        if (isFunctionLike(this.u.u_ste)) optype = NameOpType.GLOBAL;
        break;
      case GLOBAL_EXPLICIT:
        optype = NameOpType.GLOBAL;
        break;
    }
    if (optype !== NameOpType.FAST) return [optype, dictAddObj(dict, mangled)];
    return [optype, 0];
  }

  /** CPython: _PyCompile_MaybeAddStaticAttributeToClass. */
  maybeAddStaticAttributeToClass(e: expr): void {
    if (e._kind !== Kind.Attribute) return;
    const value = e.value;
    if (value._kind !== Kind.Name || e.ctx._kind !== Kind.Store || value.id !== "self") return;
    for (let i = this.c_stack.length - 1; i >= 0; i--) {
      const u = this.c_stack[i];
      if (u.u_scope_type === ScopeType.CLASS) {
        u.u_static_attributes!.add(e.attr);
        break;
      }
    }
  }

  /** CPython: _PyCompile_TweakInlinedComprehensionScopes. */
  tweakInlinedComprehensionScopes(entry: SymtableEntry, state: InlinedComprehensionState): void {
    const u = this.u;
    const inClassBlock = u.u_ste.type === BlockType.ClassBlock && !u.u_in_inlined_comp;
    u.u_in_inlined_comp++;
    for (const [k, symbol] of entry.symbols) {
      const scope = (symbol >> SCOPE_OFFSET) & SCOPE_MASK;
      const outsymbol = getSymbol(u.u_ste, k);
      const outsc = (outsymbol >> SCOPE_OFFSET) & SCOPE_MASK;
      // A name with a different scope inside the comprehension is handled with the inner one
      // while compiling it (free inside, or cell inside and free outside, needs nothing).
      if ((scope !== outsc && scope !== FREE && !(scope === CELL && outsc === FREE)) || inClassBlock) {
        if (state.temp_symbols === null) state.temp_symbols = new Map();
        u.u_ste.symbols.set(k, symbol);
        state.temp_symbols.set(k, outsymbol);
      }
      if ((symbol & DEF_LOCAL && !(symbol & DEF_NONLOCAL)) || inClassBlock) {
        if (!isFunctionLike(u.u_ste)) {
          // non-function scope: this name uses fast locals
          const orig = u.u_metadata.u_fasthidden.get(k);
          if (orig !== true) {
            u.u_metadata.u_fasthidden.set(k, true);
            if (state.fast_hidden === null) state.fast_hidden = new Set();
            state.fast_hidden.add(k);
          }
        }
      }
    }
  }

  /** CPython: _PyCompile_RevertInlinedComprehensionScopes. */
  revertInlinedComprehensionScopes(state: InlinedComprehensionState): void {
    const u = this.u;
    u.u_in_inlined_comp--;
    if (state.temp_symbols) {
      for (const [k, v] of state.temp_symbols) u.u_ste.symbols.set(k, v);
      state.temp_symbols = null;
    }
    if (state.fast_hidden) {
      // set to false rather than removed: these names get CO_FAST_HIDDEN
      for (const k of state.fast_hidden) u.u_metadata.u_fasthidden.set(k, false);
      state.fast_hidden = null;
    }
  }

  /** CPython: _PyCompile_AddDeferredAnnotation. Returns the conditional index, or null. */
  addDeferredAnnotation(s: AnnAssign): number | null {
    const u = this.u;
    if (u.u_deferred_annotations === null) u.u_deferred_annotations = [];
    if (u.u_conditional_annotation_indices === null) u.u_conditional_annotation_indices = [];
    u.u_deferred_annotations.push(s);
    let index = -1;
    let result: number | null = null;
    if (u.u_scope_type === ScopeType.MODULE || u.u_in_conditional_block) {
      index = u.u_next_conditional_annotation_index++;
      result = index;
    }
    u.u_conditional_annotation_indices.push(index);
    return result;
  }

  startAnnotationSetup(): void {
    this.u.u_stashed_instr_sequence = this.u.u_instr_sequence;
    this.u.u_instr_sequence = new InstructionSequence();
  }

  endAnnotationSetup(): void {
    const parent = this.u.u_stashed_instr_sequence!;
    const anno = this.u.u_instr_sequence;
    this.u.u_stashed_instr_sequence = null;
    this.u.u_instr_sequence = parent;
    parent.setAnnotationsCode(anno);
  }

  isInteractiveTopLevel(): boolean {
    return this.c_interactive && this.c_stack.length === 0;
  }

  /** CPython: compute_code_flags. */
  computeCodeFlags(): number {
    const ste = this.u.u_ste;
    let flags = 0;
    if (isFunctionLike(ste)) {
      flags |= CO_NEWLOCALS | CO_OPTIMIZED;
      if (ste.nested) flags |= CO_NESTED;
      if (ste.generator && !ste.coroutine) flags |= CO_GENERATOR;
      if (ste.generator && ste.coroutine) flags |= CO_ASYNC_GENERATOR;
      if (ste.varargs) flags |= CO_VARARGS;
      if (ste.varkeywords) flags |= CO_VARKEYWORDS;
      if (ste.hasDocstring) flags |= CO_HAS_DOCSTRING;
      if (ste.method) flags |= CO_METHOD;
    }
    if (ste.coroutine && !ste.generator) flags |= CO_COROUTINE;
    flags |= this.c_flags & PyCF_MASK;
    return flags;
  }

  /** CPython: _PyCompile_OptimizeAndAssemble. */
  optimizeAndAssemble(addNone: boolean): PyCodeObject {
    const u = this.u;
    const codeFlags = this.computeCodeFlags();
    codegenAddReturnAtEnd(this, addNone);
    const consts = u.u_metadata.u_consts.values.slice();
    const g = cfgFromInstructionSequence(u.u_instr_sequence);
    const nlocals = u.u_metadata.u_varnames.size;
    const nparams = u.u_ste.varnames.length;
    optimizeCodeUnit(g, consts, nlocals, nparams, u.u_metadata.u_firstlineno);
    const { seq, stackdepth, nlocalsplus } = optimizedCfgToInstructionSequence(g, u.u_metadata, codeFlags);
    return makeCodeObject(u.u_metadata, consts, stackdepth, seq, nlocalsplus, codeFlags, this.c_filename);
  }
}

export const enum NameOpType {
  FAST,
  GLOBAL,
  DEREF,
  NAME,
}

/** Sort order of Python str (by code point, not UTF-16 unit). */
export function comparePyStr(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const d = x[i].codePointAt(0)! - y[i].codePointAt(0)!;
    if (d) return d;
  }
  return x.length - y.length;
}

/** CPython: _PyCompile_DictAddObj. */
export function dictAddObj(dict: Map<string, number>, o: string): number {
  let v = dict.get(o);
  if (v === undefined) {
    v = dict.size;
    dict.set(o, v);
  }
  return v;
}

/** Names whose scope is `scopeType` or that have `flag`, numbered from `offset` in sorted order. */
function dictbytype(src: Map<string, number>, scopeType: number, flag: number, offset: number): Map<string, number> {
  const dest = new Map<string, number>();
  const keys = [...src.keys()].sort(comparePyStr);
  let i = offset;
  for (const k of keys) {
    const vi = src.get(k)!;
    if (((vi >> SCOPE_OFFSET) & SCOPE_MASK) === scopeType || vi & flag) dest.set(k, i++);
  }
  return dest;
}

/** CPython: compiler_mod. */
function compilerMod(c: Compiler, m: mod): PyCodeObject {
  codegenEnterAnonymousScope(c, m);
  switch (m._kind) {
    case Kind.Module:
      codegenModule(c, startLocation(m.body), m.body, false);
      break;
    case Kind.Interactive:
      c.c_interactive = true;
      codegenModule(c, startLocation(m.body), m.body, true);
      break;
    case Kind.Expression:
      codegenExpression(c, m.body);
      break;
    default:
      throw c.error(new Location(1, 1, 0, 0), "module kind should not be possible");
  }
  const co = c.optimizeAndAssemble(m._kind !== Kind.Expression);
  c.exitScope();
  return co;
}

function startLocation(stmts: stmt[]): Location {
  if (stmts.length > 0) {
    const st = stmts[0];
    return new Location(st.lineno, st.end_lineno, st.col_offset, st.end_col_offset);
  }
  return new Location(1, 1, 0, 0);
}

/** CPython: _PyAST_Compile. */
export function compileAST(m: mod, filename: string, flags = 0, optimize = 0): PyCodeObject {
  const c = new Compiler(filename);
  const future = futureFromAst(m, filename, flags);
  c.c_future = future.features | flags;
  future.features = c.c_future;
  c.c_flags = c.c_future;
  c.c_optimize = optimize === -1 ? 0 : optimize;
  astPreprocess(m, filename, c.c_optimize, c.c_future);
  c.c_st = symtableBuild(m, filename, future);
  return compilerMod(c, m);
}

/** CPython: Py_CompileStringObject. `mode` is "exec", "eval" or "single". */
export function compileStringObject(
  source: string | Uint8Array,
  filename: string,
  mode: "exec" | "eval" | "single",
  flags = 0,
  optimize = -1,
): PyCodeObject {
  const m = parserASTFromString(source, filename, mode);
  return compileAST(m, filename, flags, optimize);
}
