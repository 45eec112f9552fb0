// CPython: Tools/peg_generator/pegen/parser_generator.py (nullable rules, first graph,
// left-recursion leaders) and sccutils.py (strongly connected components, cycles).
import { GrammarError, type Alt, type Grammar, type Item, type Rhs } from "./grammar.js";

/** Computes which rules can match without consuming input (CPython: NullableVisitor). */
export function computeNullables(g: Grammar): Set<string> {
  const nullable = new Set<string>();
  const itemNullable = (it: Item): boolean => {
    switch (it.kind) {
      case "name":
        return nullable.has(it.value);
      case "string":
        return it.value === "";
      case "group":
        return rhsNullable(it.rhs);
      case "opt":
      case "repeat0":
      case "poslook":
      case "neglook":
      case "cut":
        return true;
      case "repeat1":
      case "forced":
        return itemNullable(it.node);
      case "gather":
        return itemNullable(it.node);
    }
  };
  const altNullable = (a: Alt): boolean => a.items.every((ni) => itemNullable(ni.item));
  const rhsNullable = (r: Rhs): boolean => r.alts.some(altNullable);
  // Iterate to a fixed point.
  for (let changed = true; changed; ) {
    changed = false;
    for (const rule of g.rules.values()) {
      if (!nullable.has(rule.name) && rhsNullable(rule.rhs)) {
        nullable.add(rule.name);
        changed = true;
      }
    }
  }
  return nullable;
}

/** Rule names that can be called at the start position of each rule (CPython: make_first_graph). */
function makeFirstGraph(g: Grammar, nullable: Set<string>): Map<string, Set<string>> {
  const isNullable = (it: Item): boolean => {
    switch (it.kind) {
      case "name":
        return nullable.has(it.value);
      case "string":
        return false;
      case "group":
        return it.rhs.alts.some((a) => a.items.every((ni) => isNullable(ni.item)));
      case "repeat1":
      case "forced":
      case "gather":
        return isNullable(it.node);
      default:
        return true;
    }
  };
  const initial = (it: Item, out: Set<string>): void => {
    switch (it.kind) {
      case "name":
        out.add(it.value);
        return;
      case "group":
        for (const a of it.rhs.alts) initialAlt(a, out);
        return;
      case "opt":
      case "repeat0":
      case "repeat1":
      case "forced":
        initial(it.node, out);
        return;
      case "gather":
        initial(it.node, out);
        return;
      default:
        return;
    }
  };
  const initialAlt = (a: Alt, out: Set<string>): void => {
    for (const ni of a.items) {
      initial(ni.item, out);
      if (!isNullable(ni.item)) break;
    }
  };
  const graph = new Map<string, Set<string>>();
  for (const rule of g.rules.values()) {
    const names = new Set<string>();
    for (const a of rule.rhs.alts) initialAlt(a, names);
    graph.set(rule.name, names);
  }
  for (const names of [...graph.values()]) for (const n of names) if (!graph.has(n)) graph.set(n, new Set());
  return graph;
}

/** Tarjan's algorithm. */
function stronglyConnectedComponents(graph: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  let counter = 0;
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      out.push(scc);
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return out;
}

/** All simple cycles through `start` inside the component (CPython: find_cycles_in_scc). */
function cyclesInScc(graph: Map<string, Set<string>>, scc: Set<string>, start: string): string[][] {
  const cycles: string[][] = [];
  const dfs = (node: string, path: string[]): void => {
    if (path.includes(node)) {
      if (node === start) cycles.push(path.slice());
      return;
    }
    path.push(node);
    for (const child of graph.get(node) ?? []) if (scc.has(child)) dfs(child, path);
    path.pop();
  };
  dfs(start, []);
  return cycles;
}

/** Marks left-recursive rules and picks one leader per cycle (CPython: compute_left_recursives). */
export function computeLeftRecursives(g: Grammar): void {
  const graph = makeFirstGraph(g, computeNullables(g));
  for (const scc of stronglyConnectedComponents(graph)) {
    if (scc.length > 1) {
      const sccSet = new Set(scc);
      for (const name of scc) {
        const r = g.rules.get(name);
        if (r) r.leftRecursive = true;
      }
      const leaders = new Set(scc);
      for (const start of scc) {
        for (const cycle of cyclesInScc(graph, sccSet, start)) {
          const inCycle = new Set(cycle);
          for (const n of scc) if (!inCycle.has(n)) leaders.delete(n);
          if (leaders.size === 0) throw new GrammarError(`SCC ${scc.join(",")} has no leadership candidate`);
        }
      }
      const leader = [...leaders].sort()[0];
      g.rules.get(leader)!.leader = true;
    } else {
      const name = scc[0];
      if (graph.get(name)?.has(name)) {
        const r = g.rules.get(name)!;
        r.leftRecursive = true;
        r.leader = true;
      }
    }
  }
}
