// CPython: Python/symtable.c, symtable_analyze and its helpers (the second pass).
//
// Walks the blocks top-down deciding each name's scope. A block passes to its children:
//   bound  - names bound in enclosing function-like blocks (null for the module),
//   global - names declared global in enclosing blocks,
//   typeParams - type parameter names visible from enclosing blocks,
// and gets back `free`: names free in its children that it (or an ancestor) must provide.
// A local name that a child needs becomes a cell. Comprehensions (but not generator
// expressions) are inlined into their parent (PEP 709): their symbols merge into it.
import {
  BlockType,
  CELL,
  DEF_BOUND,
  DEF_COMP_CELL,
  DEF_FREE_CLASS,
  DEF_GLOBAL,
  DEF_NONLOCAL,
  DEF_PARAM,
  DEF_TYPE_PARAM,
  FREE,
  GLOBAL_EXPLICIT,
  GLOBAL_IMPLICIT,
  LOCAL,
  SCOPE_OFFSET,
  getScope,
  getSymbol,
  isFunctionLike,
  type Symtable,
  type SymtableEntry,
} from "./symtable.js";

/** CPython: analyze_name. Decides the scope of one name of `ste`. */
function analyzeName(
  st: Symtable,
  ste: SymtableEntry,
  scopes: Map<string, number>,
  name: string,
  flags: number,
  bound: Set<string> | null,
  local: Set<string>,
  free: Set<string>,
  global: Set<string>,
  typeParams: Set<string>,
  classEntry: SymtableEntry | null,
): void {
  if ((flags & DEF_GLOBAL) !== 0) {
    if ((flags & DEF_NONLOCAL) !== 0) throw st.errorAtDirective(ste, name, `name '${name}' is nonlocal and global`);
    scopes.set(name, GLOBAL_EXPLICIT);
    global.add(name);
    if (bound !== null) bound.delete(name);
    return;
  }
  if ((flags & DEF_NONLOCAL) !== 0) {
    if (bound === null) throw st.errorAtDirective(ste, name, "nonlocal declaration not allowed at module level");
    if (!bound.has(name)) throw st.errorAtDirective(ste, name, `no binding for nonlocal '${name}' found`);
    if (typeParams.has(name)) throw st.errorAtDirective(ste, name, `nonlocal binding not allowed for type parameter '${name}'`);
    scopes.set(name, FREE);
    free.add(name);
    return;
  }
  if ((flags & DEF_BOUND) !== 0) {
    scopes.set(name, LOCAL);
    local.add(name);
    global.delete(name);
    if ((flags & DEF_TYPE_PARAM) !== 0) typeParams.add(name);
    else typeParams.delete(name);
    return;
  }
  // In a scope that sees the class namespace (annotation and type scopes in a class body), a
  // name bound in the class, or declared global there, is looked up in the class then globals.
  if (classEntry !== null) {
    const classFlags = getSymbol(classEntry, name);
    if ((classFlags & DEF_GLOBAL) !== 0) {
      scopes.set(name, GLOBAL_EXPLICIT);
      return;
    }
    if ((classFlags & DEF_BOUND) !== 0 && (classFlags & DEF_NONLOCAL) === 0) {
      scopes.set(name, GLOBAL_IMPLICIT);
      return;
    }
  }
  // Bound in an enclosing function: free here.
  if (bound !== null && bound.has(name)) {
    scopes.set(name, FREE);
    free.add(name);
    return;
  }
  scopes.set(name, GLOBAL_IMPLICIT);
}

/** CPython: is_free_in_any_child. */
function isFreeInAnyChild(entry: SymtableEntry, name: string): boolean {
  for (const child of entry.children) {
    if (getScope(child, name) === FREE) return true;
  }
  return false;
}

/** CPython: inline_comprehension. Merges an inlined comprehension's symbols into `ste`. */
function inlineComprehension(ste: SymtableEntry, comp: SymtableEntry, scopes: Map<string, number>, compFree: Set<string>, inlinedCells: Set<string>): void {
  let removeDunderClass = false;
  for (const [name, compFlags] of comp.symbols) {
    // The implicit parameter `.0` stays the comprehension's own.
    if ((compFlags & DEF_PARAM) !== 0) continue;
    let scope = (compFlags >> SCOPE_OFFSET) & 15;
    const onlyFlags = compFlags & ((1 << SCOPE_OFFSET) - 1);
    if (scope === CELL || (onlyFlags & DEF_COMP_CELL) !== 0) inlinedCells.add(name);
    const existing = ste.symbols.get(name);
    // __class__ is never free through a class scope (see dropClassFree).
    if (scope === FREE && ste.type === BlockType.ClassBlock && name === "__class__") {
      scope = GLOBAL_IMPLICIT;
      compFree.delete(name);
      removeDunderClass = true;
    }
    if (existing === undefined) {
      ste.symbols.set(name, onlyFlags);
      scopes.set(name, scope);
    } else if ((existing & DEF_BOUND) !== 0 && ste.type !== BlockType.ClassBlock) {
      // A name free in the comprehension but local outside is now simply local, unless a
      // child of the comprehension still needs it as a cell, or the outer block is a class.
      if (!isFreeInAnyChild(comp, name)) compFree.delete(name);
    }
  }
  if (removeDunderClass) comp.symbols.delete("__class__");
}

/** CPython: analyze_cells. Locals that children use become cells. */
function analyzeCells(scopes: Map<string, number>, free: Set<string>, inlinedCells: Set<string>): void {
  for (const [name, scope] of scopes) {
    if (scope !== LOCAL) continue;
    if (!free.has(name) && !inlinedCells.has(name)) continue;
    scopes.set(name, CELL);
    free.delete(name);
  }
}

/** CPython: drop_class_free. A class provides __class__, __classdict__ and __conditional_annotations__ itself. */
function dropClassFree(ste: SymtableEntry, free: Set<string>): void {
  if (free.delete("__class__")) ste.needsClassClosure = true;
  if (free.delete("__classdict__")) ste.needsClassdict = true;
  if (free.delete("__conditional_annotations__")) ste.hasConditionalAnnotations = true;
}

/** CPython: update_symbols. Stores the scopes in the flags; records free names passing through. */
function updateSymbols(
  symbols: Map<string, number>,
  scopes: Map<string, number>,
  bound: Set<string> | null,
  free: Set<string>,
  inlinedCells: Set<string>,
  classFlag: boolean,
): void {
  for (const [name, flags] of symbols) {
    let f = flags;
    if (inlinedCells.has(name)) f |= DEF_COMP_CELL;
    const scope = scopes.get(name);
    if (scope === undefined) throw new Error(`symtable: no scope for ${name}`);
    symbols.set(name, f | (scope << SCOPE_OFFSET));
  }
  for (const name of free) {
    const v = symbols.get(name);
    if (v !== undefined) {
      // A method's free variable that the class also binds or uses.
      if (classFlag) symbols.set(name, v | DEF_FREE_CLASS);
      continue;
    }
    if (bound !== null && !bound.has(name)) continue; // a global
    symbols.set(name, FREE << SCOPE_OFFSET);
  }
}

/** CPython: analyze_block. */
function analyzeBlock(
  st: Symtable,
  ste: SymtableEntry,
  bound: Set<string> | null,
  free: Set<string>,
  global: Set<string>,
  typeParams: Set<string>,
  classEntry: SymtableEntry | null,
): void {
  const local = new Set<string>();
  const scopes = new Map<string, number>();
  const newGlobal = new Set<string>();
  const newFree = new Set<string>();
  const newBound = new Set<string>();
  const inlinedCells = new Set<string>();

  // A class's own names are invisible to its methods: children get the enclosing sets.
  if (ste.type === BlockType.ClassBlock) {
    for (const n of global) newGlobal.add(n);
    if (bound !== null) for (const n of bound) newBound.add(n);
  }

  for (const [name, flags] of ste.symbols) {
    analyzeName(st, ste, scopes, name, flags, bound, local, free, global, typeParams, classEntry);
  }

  if (ste.type !== BlockType.ClassBlock) {
    if (isFunctionLike(ste)) for (const n of local) newBound.add(n);
    if (bound !== null) for (const n of bound) newBound.add(n);
    for (const n of global) newGlobal.add(n);
  } else {
    newBound.add("__class__");
    newBound.add("__classdict__");
    newBound.add("__conditional_annotations__");
  }

  for (const entry of ste.children) {
    let newClassEntry: SymtableEntry | null = null;
    if (entry.canSeeClassScope) {
      if (ste.type === BlockType.ClassBlock) newClassEntry = ste;
      else if (classEntry !== null) newClassEntry = classEntry;
    }
    // Inline every comprehension except generator expressions, and except those in annotation
    // scopes nested in classes.
    const inlineComp = entry.comprehension !== 0 && !entry.generator && !ste.canSeeClassScope;
    const childFree = new Set(newFree);
    analyzeBlock(st, entry, new Set(newBound), childFree, new Set(newGlobal), new Set(typeParams), newClassEntry);
    if (inlineComp) {
      inlineComprehension(ste, entry, scopes, childFree, inlinedCells);
      entry.compInlined = true;
    }
    for (const n of childFree) newFree.add(n);
  }

  // An inlined comprehension's children become ours.
  for (let i = ste.children.length - 1; i >= 0; i--) {
    const entry = ste.children[i]!;
    if (entry.compInlined) ste.children.splice(i, 1, ...entry.children);
  }

  if (isFunctionLike(ste)) analyzeCells(scopes, newFree, inlinedCells);
  else if (ste.type === BlockType.ClassBlock) dropClassFree(ste, newFree);
  updateSymbols(ste.symbols, scopes, bound, newFree, inlinedCells, ste.type === BlockType.ClassBlock || ste.canSeeClassScope);
  for (const n of newFree) free.add(n);
}

/** CPython: symtable_analyze. */
export function symtableAnalyze(st: Symtable): void {
  analyzeBlock(st, st.top, null, new Set(), new Set(), new Set(), null);
}
