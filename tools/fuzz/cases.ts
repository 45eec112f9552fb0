// The case list: case i of a run with seed S is always the same source.
import { structuralCases, type StructuralCase } from "./generators.js";
import type { Mode } from "./harness.js";
import { mutate } from "./mutate.js";
import { caseSeed, Rng } from "./rng.js";
import type { Seed } from "./seeds.js";

export interface FuzzCase {
  index: number;
  /** How it was made, enough to find it again. */
  name: string;
  source: Uint8Array;
  mode: Mode;
}

const enc = new TextEncoder();

export class CaseList {
  private readonly structural: StructuralCase[];
  constructor(
    private readonly seeds: readonly Seed[],
    maxStructuralSize: number,
    /** Every `structuralEvery`-th case is a structural one (cycling through them). */
    private readonly structuralEvery = 4,
  ) {
    this.structural = structuralCases(maxStructuralSize);
  }

  get structuralCount(): number {
    return this.structural.length;
  }

  caseAt(seed: number, index: number): FuzzCase {
    const rng = new Rng(caseSeed(seed, index));
    if (index % this.structuralEvery === 0 && this.structural.length > 0) {
      const s = this.structural[(index / this.structuralEvery) % this.structural.length]!;
      return { index, name: `structural: ${s.name}`, source: enc.encode(s.source()), mode: "exec" };
    }
    const a = rng.pick(this.seeds);
    const b = rng.pick(this.seeds);
    const mode: Mode = rng.chance(0.9) ? "exec" : rng.chance(0.5) ? "single" : "eval";
    return { index, name: `mutation of ${a.name} (with ${b.name}) ${mode}`, source: mutate(rng, a.bytes, b.bytes), mode };
  }
}
