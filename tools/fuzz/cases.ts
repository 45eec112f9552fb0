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
  /** Bytes (a file), or sometimes a string (compile() of a str: decoded, may hold lone surrogates). */
  source: Uint8Array | string;
  mode: Mode;
}

const enc = new TextEncoder();
const dec = new TextDecoder("utf-8");

/** Some bytes as compile() of a str would see them: decoded, with a lone surrogate or a NUL at
 *  some point (what only a str source can hold). */
function asText(rng: Rng, bytes: Uint8Array): string {
  const s = dec.decode(bytes);
  const at = rng.int(s.length + 1);
  const odd = rng.pick(["\ud800", "\udfff", "\udc80", "\0", "\ufeff", "\r", ""]);
  return s.slice(0, at) + odd + s.slice(at);
}

export class CaseList {
  private readonly structural: StructuralCase[];
  constructor(
    private readonly seeds: readonly Seed[],
    maxStructuralSize: number,
    /** Every `structuralEvery`-th case is a structural one, until they are used up. */
    private readonly structuralEvery = 4,
  ) {
    this.structural = structuralCases(maxStructuralSize);
  }

  get structuralCount(): number {
    return this.structural.length;
  }

  caseAt(seed: number, index: number): FuzzCase {
    const rng = new Rng(caseSeed(seed, index));
    // each structural case once (they have no randomness), then only mutations
    if (index % this.structuralEvery === 0 && index / this.structuralEvery < this.structural.length) {
      const s = this.structural[index / this.structuralEvery]!;
      return { index, name: `structural: ${s.name}`, source: enc.encode(s.source()), mode: "exec" };
    }
    const a = rng.pick(this.seeds);
    const b = rng.pick(this.seeds);
    const mode: Mode = rng.chance(0.9) ? "exec" : rng.chance(0.5) ? "single" : "eval";
    const bytes = mutate(rng, a.bytes, b.bytes);
    if (rng.chance(0.1)) return { index, name: `mutation of ${a.name} (with ${b.name}) ${mode}, as str`, source: asText(rng, bytes), mode };
    return { index, name: `mutation of ${a.name} (with ${b.name}) ${mode}`, source: bytes, mode };
  }
}
