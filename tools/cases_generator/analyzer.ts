// Turns parsed definitions into numbered instructions with flags, cache sizes and stack effects
// (CPython: Tools/cases_generator/analyzer.py, including its opcode numbering rule).
import type { CacheEntry, Definition, FamilyDef, InstDef, PseudoDef, StackItem } from "./parser.js";

/** Metadata flag bits; values as in CPython's pycore_opcode_metadata.h (HAS_EXC_FLAG is ours). */
export const FLAG_BITS: ReadonlyArray<[string, string, number]> = [
  // [flag name, annotation, bit]
  ["HAS_ARG_FLAG", "arg", 1 << 0],
  ["HAS_CONST_FLAG", "const", 1 << 1],
  ["HAS_NAME_FLAG", "name", 1 << 2],
  ["HAS_JUMP_FLAG", "jump", 1 << 3],
  ["HAS_FREE_FLAG", "free", 1 << 4],
  ["HAS_LOCAL_FLAG", "local", 1 << 5],
  ["HAS_EVAL_BREAK_FLAG", "eval_break", 1 << 6],
  ["HAS_DEOPT_FLAG", "deopt", 1 << 7],
  ["HAS_PURE_FLAG", "pure", 1 << 11],
  ["HAS_EXC_FLAG", "exc", 1 << 16],
];
const ANNOTATIONS = new Set(FLAG_BITS.map((f) => f[1]));
/** Flags a specialization takes over from its generic instruction. */
const INHERITED = ["arg", "const", "name", "jump", "free", "local"];

export interface Instruction {
  name: string;
  opcode: number;
  def: InstDef;
  /** The generic instruction this one specializes, or null. */
  family: string | null;
  /** Annotation names of the flags set (see FLAG_BITS). */
  flags: Set<string>;
  /** Inline cache code units after the instruction (a specialization has its family's). */
  cacheSize: number;
  deopt: number;
}

export interface Pseudo {
  name: string;
  opcode: number;
  def: PseudoDef;
  flags: Set<string>;
  targets: string[];
}

export interface Analysis {
  instructions: Map<string, Instruction>;
  pseudos: Map<string, Pseudo>;
  families: Map<string, FamilyDef>;
  /** Number of real instructions without an argument (CPython's HAVE_ARGUMENT). */
  haveArgument: number;
  minInstrumented: number;
  opmap: Map<string, number>;
  /** name -> number for every instruction and pseudo-instruction, by number. */
  byNumber: Map<number, string>;
}

const PREDEFINED: ReadonlyArray<[string, number]> = [
  ["CACHE", 0],
  ["RESERVED", 17], // the initial value of an adaptive counter
  ["RESUME", 128],
  ["BINARY_OP_INPLACE_ADD_UNICODE", 3], // historical
  ["INSTRUMENTED_LINE", 254],
  ["ENTER_EXECUTOR", 255],
];
export const MIN_PSEUDO_OPCODE = 256;

function cacheTotal(caches: CacheEntry[]): number {
  return caches.reduce((n, c) => n + c.size, 0);
}

function mentionsOparg(def: { inputs: StackItem[]; outputs: StackItem[]; body?: string | null }): boolean {
  const texts = [...def.inputs, ...def.outputs].map((i) => i.size ?? "");
  if (def.body) texts.push(def.body);
  return texts.some((t) => /\boparg\b/.test(t));
}

export function analyze(defs: Definition[]): Analysis {
  const insts = new Map<string, InstDef>();
  const families = new Map<string, FamilyDef>();
  const pseudoDefs = new Map<string, PseudoDef>();
  for (const d of defs) {
    if (d.kind === "preamble" || d.kind === "hot") continue;
    const seen = insts.has(d.name) || pseudoDefs.has(d.name);
    if (d.kind === "inst") {
      if (seen) throw new Error(`line ${d.line}: ${d.name} defined twice`);
      for (const a of d.annotations) if (!ANNOTATIONS.has(a)) throw new Error(`line ${d.line}: unknown annotation '${a}'`);
      insts.set(d.name, d);
    } else if (d.kind === "family") {
      families.set(d.name, d);
    } else {
      if (seen) throw new Error(`line ${d.line}: ${d.name} defined twice`);
      pseudoDefs.set(d.name, d);
    }
  }
  const familyOf = new Map<string, string>();
  for (const f of families.values()) {
    if (!insts.has(f.name)) throw new Error(`family ${f.name}: no such instruction`);
    const headCaches = cacheTotal(insts.get(f.name)!.caches);
    if (headCaches !== f.cacheSize) throw new Error(`family ${f.name}: head has ${headCaches} cache entries, family says ${f.cacheSize}`);
    for (const m of f.members) {
      const md = insts.get(m);
      if (md === undefined) throw new Error(`family ${f.name}: no instruction ${m}`);
      if (md.caches.length > 0 && cacheTotal(md.caches) !== f.cacheSize) throw new Error(`${m}: cache size differs from family ${f.name}`);
      familyOf.set(m, f.name);
    }
  }

  // Opcode numbers, by CPython's rule.
  const opmap = new Map<string, number>(PREDEFINED.filter(([n]) => insts.has(n)));
  const used = new Set(opmap.values());
  const instrumented = [...insts.keys()].filter((n) => n.startsWith("INSTRUMENTED_"));
  const specialized = [...familyOf.keys()];
  const noArg: string[] = [];
  const hasArg: string[] = [];
  for (const [name, d] of insts) {
    if (familyOf.has(name) || name.startsWith("INSTRUMENTED_")) continue;
    if (d.annotations.includes("arg") || mentionsOparg(d)) hasArg.push(name);
    else noArg.push(name);
  }
  let next = 1;
  const add = (name: string): void => {
    if (opmap.has(name)) return;
    while (used.has(next)) next++;
    opmap.set(name, next);
    used.add(next);
    next++;
  };
  for (const n of [...noArg].sort()) add(n);
  for (const n of [...hasArg].sort()) add(n);
  next = 129;
  for (const n of [...specialized].sort()) add(n);
  const minInstrumented = 254 - (instrumented.length - 1);
  next = minInstrumented;
  for (const n of instrumented) add(n);
  if (Math.max(...[...opmap.values()].filter((v) => v < minInstrumented)) >= minInstrumented) {
    throw new Error("too many instructions: specializations run into the instrumented range");
  }
  next = MIN_PSEUDO_OPCODE;
  for (const n of [...pseudoDefs.keys()].sort()) add(n);

  const instructions = new Map<string, Instruction>();
  for (const [name, d] of insts) {
    const family = familyOf.get(name) ?? null;
    const flags = new Set(d.annotations);
    if (mentionsOparg(d)) flags.add("arg");
    if (d.body !== null && /\bDEOPT_IF\(/.test(d.body)) flags.add("deopt");
    if (family !== null) {
      const head = insts.get(family)!;
      for (const f of INHERITED) if (head.annotations.includes(f) || (f === "arg" && mentionsOparg(head))) flags.add(f);
    }
    const cacheSize = family !== null ? families.get(family)!.cacheSize : cacheTotal(d.caches);
    instructions.set(name, { name, opcode: opmap.get(name)!, def: d, family, flags, cacheSize, deopt: opmap.get(family ?? name)! });
  }
  const pseudos = new Map<string, Pseudo>();
  for (const [name, d] of pseudoDefs) {
    for (const t of d.targets) if (!insts.has(t)) throw new Error(`pseudo ${name}: no instruction ${t}`);
    for (const f of d.flags) if (!ANNOTATIONS.has(f)) throw new Error(`pseudo ${name}: unknown flag '${f}'`);
    pseudos.set(name, { name, opcode: opmap.get(name)!, def: d, flags: new Set(d.flags), targets: d.targets });
  }
  const byNumber = new Map<number, string>();
  for (const [n, v] of opmap) byNumber.set(v, n);
  return { instructions, pseudos, families, haveArgument: noArg.length, minInstrumented, opmap, byNumber };
}

/** `a + b + (oparg * 2)`-style count of stack items, as a TypeScript expression. */
export function countExpr(items: StackItem[]): string {
  let fixed = 0;
  const parts: string[] = [];
  for (const i of items) {
    if (i.size === null) fixed++;
    else if (/^\d+$/.test(i.size)) fixed += Number(i.size);
    else parts.push(`(${i.size})`);
  }
  if (parts.length === 0) return String(fixed);
  return (fixed > 0 ? [String(fixed), ...parts] : parts).join(" + ");
}
