// CPython: Python/codegen.c (PEP 634: structural pattern matching)
//
// Every codegenPattern* routine consumes the subject on top of the stack and jumps to a
// fail_pop block on failure. pc.on_top counts the items above the subject that stay there;
// name captures go beneath them, so that all stores happen only once the whole pattern matched.
import type { Match, expr, pattern } from "../ast/ast.generated.js";
import { Kind } from "../ast/ast.generated.js";
import { Py_None } from "../objects/object.js";
import type { PySyntaxError } from "../objects/exceptions.js";
import { PyTuple } from "../objects/tupleobject.js";
import { Location, NO_LOCATION, NEXT_LOCATION, type Label } from "./instruction_sequence.js";
import { op, NB_SUBSCR } from "./opcode_utils.js";
import type { Compiler } from "./compile.js";
import { ADDOP, ADDOP_I, ADDOP_JUMP, ADDOP_LOAD_CONST, LOC, NEW_LABEL, USE_LABEL, VISIT_SEQ_STMT, codegenNameop } from "./codegen.js";
import { addopBinary, codegenAddcompareOp, codegenJumpIf, codegenVisitExpr } from "./codegen_expr.js";
import { Eq, GtE, Is, Sub } from "../ast/ast.generated.js";
import { constKey } from "./const_cache.js";
import { constRepr } from "./unparse.js";

interface PatternContext {
  stores: string[];
  allow_irrefutable: boolean;
  fail_pop: Label[];
  on_top: number;
}

function wildcardCheck(p: pattern): boolean {
  return p._kind === Kind.MatchAs && !p.name;
}

function wildcardStarCheck(p: pattern): boolean {
  return p._kind === Kind.MatchStar && !p.name;
}

function ensureFailPop(c: Compiler, pc: PatternContext, n: number): void {
  while (pc.fail_pop.length < n + 1) pc.fail_pop.push(NEW_LABEL(c));
}

function jumpToFailPop(c: Compiler, loc: Location, pc: PatternContext, opcode: number): void {
  // Pop any items on the top of the stack, plus any objects we were going to capture
  const pops = pc.on_top + pc.stores.length;
  ensureFailPop(c, pc, pops);
  ADDOP_JUMP(c, loc, opcode, pc.fail_pop[pops]);
}

function emitAndResetFailPop(c: Compiler, loc: Location, pc: PatternContext): void {
  if (!pc.fail_pop.length) return;
  for (let i = pc.fail_pop.length - 1; i > 0; i--) {
    USE_LABEL(c, pc.fail_pop[i]);
    ADDOP(c, loc, op.POP_TOP);
  }
  USE_LABEL(c, pc.fail_pop[0]);
  pc.fail_pop = [];
}

function errorDuplicateStore(c: Compiler, loc: Location, n: string): PySyntaxError {
  return c.error(loc, `multiple assignments to name '${n}' in pattern`);
}

function patternHelperRotate(c: Compiler, loc: Location, count: number): void {
  while (1 < count) ADDOP_I(c, loc, op.SWAP, count--);
}

function patternHelperStoreName(c: Compiler, loc: Location, n: string | null, pc: PatternContext): void {
  if (n === null) {
    ADDOP(c, loc, op.POP_TOP);
    return;
  }
  if (pc.stores.includes(n)) throw errorDuplicateStore(c, loc, n);
  // Rotate this object underneath any items we need to preserve
  patternHelperRotate(c, loc, pc.on_top + pc.stores.length + 1);
  pc.stores.push(n);
}

function patternUnpackHelper(c: Compiler, loc: Location, elts: pattern[]): void {
  const n = elts.length;
  let seenStar = false;
  for (let i = 0; i < n; i++) {
    const elt = elts[i];
    if (elt._kind === Kind.MatchStar && !seenStar) {
      if (i >= 1 << 8 || n - i - 1 >= 0x7fffffff >> 8) {
        throw c.error(loc, "too many expressions in star-unpacking sequence pattern");
      }
      ADDOP_I(c, loc, op.UNPACK_EX, i + ((n - i - 1) << 8));
      seenStar = true;
    } else if (elt._kind === Kind.MatchStar) {
      throw c.error(loc, "multiple starred expressions in sequence pattern");
    }
  }
  if (!seenStar) ADDOP_I(c, loc, op.UNPACK_SEQUENCE, n);
}

function patternHelperSequenceUnpack(c: Compiler, loc: Location, patterns: pattern[], pc: PatternContext): void {
  patternUnpackHelper(c, loc, patterns);
  const size = patterns.length;
  // We've now got a bunch of new subjects on the stack. They need to remain there after each subpattern match:
  pc.on_top += size;
  for (let i = 0; i < size; i++) {
    pc.on_top--;
    patternSubpattern(c, patterns[i], pc);
  }
}

function patternHelperSequenceSubscr(
  c: Compiler,
  loc: Location,
  patterns: pattern[],
  star: number,
  pc: PatternContext,
): void {
  // Keep the subject around for extracting elements
  pc.on_top++;
  const size = patterns.length;
  for (let i = 0; i < size; i++) {
    const p = patterns[i];
    if (wildcardCheck(p)) continue;
    if (i === star) continue;
    ADDOP_I(c, loc, op.COPY, 1);
    if (i < star) {
      ADDOP_LOAD_CONST(c, loc, i);
    } else {
      // The subject may not support negative indexing: compute a nonnegative index
      ADDOP(c, loc, op.GET_LEN);
      ADDOP_LOAD_CONST(c, loc, size - i);
      addopBinary(c, loc, Sub, false);
    }
    ADDOP_I(c, loc, op.BINARY_OP, NB_SUBSCR);
    patternSubpattern(c, p, pc);
  }
  // Pop the subject, we're done with it
  pc.on_top--;
  ADDOP(c, loc, op.POP_TOP);
}

function patternSubpattern(c: Compiler, p: pattern, pc: PatternContext): void {
  const allowIrrefutable = pc.allow_irrefutable;
  pc.allow_irrefutable = true;
  codegenPattern(c, p, pc);
  pc.allow_irrefutable = allowIrrefutable;
}

function patternAs(c: Compiler, p: Extract<pattern, { _kind: Kind.MatchAs }>, pc: PatternContext): void {
  if (p.pattern === null) {
    // An irrefutable match
    if (!pc.allow_irrefutable) {
      if (p.name) throw c.error(LOC(p), `name capture '${p.name}' makes remaining patterns unreachable`);
      throw c.error(LOC(p), "wildcard makes remaining patterns unreachable");
    }
    patternHelperStoreName(c, LOC(p), p.name, pc);
    return;
  }
  // Need to make a copy for (possibly) storing later
  pc.on_top++;
  ADDOP_I(c, LOC(p), op.COPY, 1);
  codegenPattern(c, p.pattern, pc);
  // Success! Store it
  pc.on_top--;
  patternHelperStoreName(c, LOC(p), p.name, pc);
}

function patternClass(c: Compiler, p: Extract<pattern, { _kind: Kind.MatchClass }>, pc: PatternContext): void {
  const patterns = p.patterns;
  const kwdAttrs = p.kwd_attrs;
  const kwdPatterns = p.kwd_patterns;
  const nargs = patterns.length;
  const nattrs = kwdAttrs.length;
  for (let i = 0; i < nattrs; i++) {
    for (let j = i + 1; j < nattrs; j++) {
      if (kwdAttrs[i] === kwdAttrs[j]) {
        throw c.error(LOC(kwdPatterns[j]), `attribute name repeated in class pattern: ${kwdAttrs[i]}`);
      }
    }
  }
  codegenVisitExpr(c, p.cls);
  ADDOP_LOAD_CONST(c, LOC(p), new PyTuple(kwdAttrs));
  ADDOP_I(c, LOC(p), op.MATCH_CLASS, nargs);
  ADDOP_I(c, LOC(p), op.COPY, 1);
  ADDOP_LOAD_CONST(c, LOC(p), Py_None);
  ADDOP_I(c, LOC(p), op.IS_OP, 1);
  // TOS is now a tuple of (nargs + nattrs) attributes (or None)
  pc.on_top++;
  jumpToFailPop(c, LOC(p), pc, op.POP_JUMP_IF_FALSE);
  ADDOP_I(c, LOC(p), op.UNPACK_SEQUENCE, nargs + nattrs);
  pc.on_top += nargs + nattrs - 1;
  for (let i = 0; i < nargs + nattrs; i++) {
    pc.on_top--;
    const sub = i < nargs ? patterns[i] : kwdPatterns[i - nargs];
    if (wildcardCheck(sub)) {
      ADDOP(c, LOC(p), op.POP_TOP);
      continue;
    }
    patternSubpattern(c, sub, pc);
  }
}

function patternMappingKey(c: Compiler, seen: Set<string>, p: Extract<pattern, { _kind: Kind.MatchMapping }>, i: number): void {
  const key: expr | null = p.keys[i];
  if (key === null) {
    throw c.error(LOC(p.patterns[i]), "can't use NULL keys in MatchMapping (set 'rest' parameter instead)");
  }
  if (key._kind === Kind.Constant) {
    const k = constKey(key.value);
    if (seen.has(k)) throw c.error(LOC(p), "mapping pattern checks duplicate key (" + constRepr(key.value) + ")");
    seen.add(k);
  } else if (key._kind !== Kind.Attribute) {
    throw c.error(LOC(p), "mapping pattern keys may only match literals and attribute lookups");
  }
  codegenVisitExpr(c, key);
}

function patternMapping(c: Compiler, p: Extract<pattern, { _kind: Kind.MatchMapping }>, pc: PatternContext): void {
  const keys = p.keys;
  const patterns = p.patterns;
  let size = keys.length;
  const starTarget = p.rest;
  // We need to keep the subject on top during the mapping and length checks
  pc.on_top++;
  ADDOP(c, LOC(p), op.MATCH_MAPPING);
  jumpToFailPop(c, LOC(p), pc, op.POP_JUMP_IF_FALSE);
  if (!size && !starTarget) {
    // If the pattern is just "{}", we're done! Pop the subject
    pc.on_top--;
    ADDOP(c, LOC(p), op.POP_TOP);
    return;
  }
  if (size) {
    // If the pattern has any keys in it, perform a length check
    ADDOP(c, LOC(p), op.GET_LEN);
    ADDOP_LOAD_CONST(c, LOC(p), size);
    codegenAddcompareOp(c, LOC(p), GtE);
    jumpToFailPop(c, LOC(p), pc, op.POP_JUMP_IF_FALSE);
  }
  const seen = new Set<string>();
  for (let i = 0; i < size; i++) patternMappingKey(c, seen, p, i);
  ADDOP_I(c, LOC(p), op.BUILD_TUPLE, size);
  ADDOP(c, LOC(p), op.MATCH_KEYS);
  // There's now a tuple of keys and a tuple of values on top of the subject
  pc.on_top += 2;
  ADDOP_I(c, LOC(p), op.COPY, 1);
  ADDOP_LOAD_CONST(c, LOC(p), Py_None);
  ADDOP_I(c, LOC(p), op.IS_OP, 1);
  jumpToFailPop(c, LOC(p), pc, op.POP_JUMP_IF_FALSE);
  // Match the sub-patterns against the tuple of values
  ADDOP_I(c, LOC(p), op.UNPACK_SEQUENCE, size);
  pc.on_top += size - 1;
  for (let i = 0; i < size; i++) {
    pc.on_top--;
    patternSubpattern(c, patterns[i], pc);
  }
  // It's a match: what follows consumes the tuple of keys and the subject
  pc.on_top -= 2;
  if (starTarget) {
    // rest = dict(TOS1); for key in TOS: del rest[key]
    ADDOP_I(c, LOC(p), op.BUILD_MAP, 0); // [subject, keys, empty]
    ADDOP_I(c, LOC(p), op.SWAP, 3); // [empty, keys, subject]
    ADDOP_I(c, LOC(p), op.DICT_UPDATE, 2); // [copy, keys]
    ADDOP_I(c, LOC(p), op.UNPACK_SEQUENCE, size); // [copy, keys...]
    while (size) {
      ADDOP_I(c, LOC(p), op.COPY, 1 + size--); // [copy, keys..., copy]
      ADDOP_I(c, LOC(p), op.SWAP, 2); // [copy, keys..., copy, key]
      ADDOP(c, LOC(p), op.DELETE_SUBSCR); // [copy, keys...]
    }
    patternHelperStoreName(c, LOC(p), starTarget, pc);
  } else {
    ADDOP(c, LOC(p), op.POP_TOP); // Tuple of keys.
    ADDOP(c, LOC(p), op.POP_TOP); // Subject.
  }
}

function patternOr(c: Compiler, p: Extract<pattern, { _kind: Kind.MatchOr }>, pc: PatternContext): void {
  const end = NEW_LABEL(c);
  const size = p.patterns.length;
  const old: PatternContext = { ...pc };
  // control: the names bound by the first alternative, in their order
  let control: string[] | null = null;
  for (let i = 0; i < size; i++) {
    const alt = p.patterns[i];
    pc.stores = [];
    // An irrefutable sub-pattern must be last, if it is allowed at all
    pc.allow_irrefutable = i === size - 1 && old.allow_irrefutable;
    pc.fail_pop = [];
    pc.on_top = 0;
    ADDOP_I(c, LOC(alt), op.COPY, 1);
    codegenPattern(c, alt, pc);
    // Success!
    const nstores = pc.stores.length;
    if (!i) {
      control = pc.stores;
    } else if (nstores !== control!.length) {
      throw c.error(LOC(p), "alternative patterns bind different names");
    } else if (nstores) {
      // There were captures: reorder them to match control's order
      let icontrol = nstores;
      while (icontrol--) {
        const name = control![icontrol];
        const istores = pc.stores.indexOf(name);
        if (istores < 0) throw c.error(LOC(p), "alternative patterns bind different names");
        if (icontrol !== istores) {
          let rotations = istores + 1;
          // Perform the same rotation on pc.stores
          const rotated = pc.stores.slice(0, rotations);
          pc.stores.splice(0, rotations);
          pc.stores.splice(icontrol - istores, 0, ...rotated);
          // Do the same thing to the stack, using several rotations
          while (rotations--) patternHelperRotate(c, LOC(alt), icontrol + 1);
        }
      }
    }
    ADDOP_JUMP(c, LOC(alt), op.JUMP, end);
    emitAndResetFailPop(c, LOC(alt), pc);
  }
  pc.stores = old.stores;
  pc.allow_irrefutable = old.allow_irrefutable;
  pc.fail_pop = old.fail_pop;
  pc.on_top = old.on_top;
  // No match. Pop the remaining copy of the subject and fail
  ADDOP(c, LOC(p), op.POP_TOP);
  jumpToFailPop(c, LOC(p), pc, op.JUMP);
  USE_LABEL(c, end);
  const nstores = control!.length;
  // Rotate each capture past the other stores, the subject copy, on_top items and earlier stores
  const nrots = nstores + 1 + pc.on_top + pc.stores.length;
  for (let i = 0; i < nstores; i++) {
    patternHelperRotate(c, LOC(p), nrots);
    const name = control![i];
    if (pc.stores.includes(name)) throw errorDuplicateStore(c, LOC(p), name);
    pc.stores.push(name);
  }
  // Pop the copy of the subject
  ADDOP(c, LOC(p), op.POP_TOP);
}

function patternSequence(c: Compiler, p: Extract<pattern, { _kind: Kind.MatchSequence }>, pc: PatternContext): void {
  const patterns = p.patterns;
  const size = patterns.length;
  let star = -1;
  let onlyWildcard = true;
  let starWildcard = false;
  // Find a starred name, if it exists. There may be at most one
  for (let i = 0; i < size; i++) {
    const sub = patterns[i];
    if (sub._kind === Kind.MatchStar) {
      if (star >= 0) throw c.error(LOC(p), "multiple starred names in sequence pattern");
      starWildcard = wildcardStarCheck(sub);
      onlyWildcard = onlyWildcard && starWildcard;
      star = i;
      continue;
    }
    onlyWildcard = onlyWildcard && wildcardCheck(sub);
  }
  // We need to keep the subject on top during the sequence and length checks
  pc.on_top++;
  ADDOP(c, LOC(p), op.MATCH_SEQUENCE);
  jumpToFailPop(c, LOC(p), pc, op.POP_JUMP_IF_FALSE);
  if (star < 0) {
    // No star: len(subject) == size
    ADDOP(c, LOC(p), op.GET_LEN);
    ADDOP_LOAD_CONST(c, LOC(p), size);
    codegenAddcompareOp(c, LOC(p), Eq);
    jumpToFailPop(c, LOC(p), pc, op.POP_JUMP_IF_FALSE);
  } else if (size > 1) {
    // Star: len(subject) >= size - 1
    ADDOP(c, LOC(p), op.GET_LEN);
    ADDOP_LOAD_CONST(c, LOC(p), size - 1);
    codegenAddcompareOp(c, LOC(p), GtE);
    jumpToFailPop(c, LOC(p), pc, op.POP_JUMP_IF_FALSE);
  }
  // Whatever comes next should consume the subject
  pc.on_top--;
  if (onlyWildcard) {
    // Patterns like: [] / [_] / [_, _] / [*_] / [_, *_] / [_, _, *_] / etc.
    ADDOP(c, LOC(p), op.POP_TOP);
  } else if (starWildcard) {
    patternHelperSequenceSubscr(c, LOC(p), patterns, star, pc);
  } else {
    patternHelperSequenceUnpack(c, LOC(p), patterns, pc);
  }
}

function patternValue(c: Compiler, p: Extract<pattern, { _kind: Kind.MatchValue }>, pc: PatternContext): void {
  const value = p.value;
  if (value._kind !== Kind.Constant && value._kind !== Kind.Attribute) {
    throw c.error(LOC(p), "patterns may only match literals and attribute lookups");
  }
  codegenVisitExpr(c, value);
  codegenAddcompareOp(c, LOC(p), Eq);
  ADDOP(c, LOC(p), op.TO_BOOL);
  jumpToFailPop(c, LOC(p), pc, op.POP_JUMP_IF_FALSE);
}

function patternSingleton(c: Compiler, p: Extract<pattern, { _kind: Kind.MatchSingleton }>, pc: PatternContext): void {
  ADDOP_LOAD_CONST(c, LOC(p), p.value);
  codegenAddcompareOp(c, LOC(p), Is);
  jumpToFailPop(c, LOC(p), pc, op.POP_JUMP_IF_FALSE);
}

function codegenPattern(c: Compiler, p: pattern, pc: PatternContext): void {
  switch (p._kind) {
    case Kind.MatchValue:
      return patternValue(c, p, pc);
    case Kind.MatchSingleton:
      return patternSingleton(c, p, pc);
    case Kind.MatchSequence:
      return patternSequence(c, p, pc);
    case Kind.MatchMapping:
      return patternMapping(c, p, pc);
    case Kind.MatchClass:
      return patternClass(c, p, pc);
    case Kind.MatchStar:
      return patternHelperStoreName(c, LOC(p), p.name, pc);
    case Kind.MatchAs:
      return patternAs(c, p, pc);
    case Kind.MatchOr:
      return patternOr(c, p, pc);
  }
}

/** CPython: codegen_match. */
export function codegenMatch(c: Compiler, s: Match): void {
  codegenVisitExpr(c, s.subject);
  const end = NEW_LABEL(c);
  const cases = s.cases.length;
  let m = s.cases[cases - 1];
  const hasDefault = wildcardCheck(m.pattern) && 1 < cases ? 1 : 0;
  const pc: PatternContext = { stores: [], allow_irrefutable: false, fail_pop: [], on_top: 0 };
  for (let i = 0; i < cases - hasDefault; i++) {
    m = s.cases[i];
    // Only copy the subject if we're *not* on the last case
    if (i !== cases - hasDefault - 1) ADDOP_I(c, LOC(m.pattern), op.COPY, 1);
    pc.stores = [];
    // Irrefutable cases must be either guarded, last, or both
    pc.allow_irrefutable = m.guard !== null || i === cases - 1;
    pc.fail_pop = [];
    pc.on_top = 0;
    codegenPattern(c, m.pattern, pc);
    // It's a match! Store all of the captured names (they're on the stack)
    for (const name of pc.stores) codegenNameop(c, LOC(m.pattern), name, Kind.Store);
    if (m.guard) {
      ensureFailPop(c, pc, 0);
      codegenJumpIf(c, LOC(m.pattern), m.guard, pc.fail_pop[0], false);
    }
    // Success! Pop the subject off, we're done with it
    if (i !== cases - hasDefault - 1) ADDOP(c, NEXT_LOCATION, op.POP_TOP);
    VISIT_SEQ_STMT(c, m.body);
    ADDOP_JUMP(c, NO_LOCATION, op.JUMP, end);
    // A failed pattern's cleanup takes the pattern's line, not the body's last line
    emitAndResetFailPop(c, LOC(m.pattern), pc);
  }
  if (hasDefault) {
    // A trailing "case _" saves a bit of redundant pushing and popping
    m = s.cases[cases - 1];
    if (cases === 1) ADDOP(c, LOC(m.pattern), op.POP_TOP); // No matches. Done with the subject
    else ADDOP(c, LOC(m.pattern), op.NOP); // line coverage for the default case
    if (m.guard) codegenJumpIf(c, LOC(m.pattern), m.guard, end, false);
    VISIT_SEQ_STMT(c, m.body);
  }
  USE_LABEL(c, end);
}
