// Checks the generated opcode numbers and metadata against CPython 3.14's, recorded in
// test/golden/vm/opcodes.json by test/vm/gen_opcode_golden.py (its header says how to rerun it).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import * as ids from "../../src/vm/opcode_ids.generated.js";
import * as meta from "../../src/vm/opcode_metadata.generated.js";
import { generate } from "../../tools/cases_generator/index.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

interface Golden {
  opmap: Record<string, number>;
  specialized_opmap: Record<string, number>;
  specializations: Record<string, string[]>;
  inline_cache_entries: Record<string, number>;
  HAVE_ARGUMENT: number;
  MIN_INSTRUMENTED_OPCODE: number;
  hasarg: number[];
  hasconst: number[];
  hasname: number[];
  hasjrel: number[];
  haslocal: number[];
  hasfree: number[];
  hasexc: number[];
  opargs: number[];
  stack_effect: Record<string, (number | null)[][]>;
}
const golden = JSON.parse(readFileSync(join(root, "test/golden/vm/opcodes.json"), "utf8")) as Golden;
const idTable = ids as unknown as Record<string, number>;

test("opcode numbers are CPython 3.14's", () => {
  assert.deepEqual({ ...meta.opmap }, golden.opmap);
  assert.deepEqual({ ...meta._specialized_opmap }, golden.specialized_opmap);
  for (const [name, num] of Object.entries({ ...golden.opmap, ...golden.specialized_opmap })) {
    assert.equal(idTable[name], num, name);
    assert.equal(meta._PyOpcode_OpName[num], name);
  }
  assert.equal(ids.HAVE_ARGUMENT, golden.HAVE_ARGUMENT);
  assert.equal(meta.MIN_INSTRUMENTED_OPCODE, golden.MIN_INSTRUMENTED_OPCODE);
  assert.deepEqual({ ...meta._specializations }, golden.specializations);
});

test("inline cache sizes", () => {
  for (let op = 0; op < 256; op++) {
    const name = meta._PyOpcode_OpName[op]!;
    assert.equal(meta._PyOpcode_Caches[op], golden.inline_cache_entries[name] ?? 0, name);
  }
  for (const [base, members] of Object.entries(golden.specializations)) {
    for (const m of members) {
      assert.equal(meta.OPCODE_CACHE_SIZE[idTable[m]!], golden.inline_cache_entries[base] ?? 0, m);
      assert.equal(meta._PyOpcode_Deopt[idTable[m]!], idTable[base], m);
    }
  }
  for (const [name, fmt] of Object.entries(meta._cache_format)) {
    assert.equal(Object.values(fmt).reduce((x, y) => x + y, 0), golden.inline_cache_entries[name], name);
  }
});

test("flags as dis and _opcode report them", () => {
  const ops = Object.values(golden.opmap).sort((a, b) => a - b);
  const pick = (f: (op: number) => boolean): number[] => ops.filter(f);
  const sorted = (l: number[]): number[] => [...l].sort((a, b) => a - b);
  assert.deepEqual(pick(meta.OPCODE_HAS_ARG), sorted(golden.hasarg));
  assert.deepEqual(pick(meta.OPCODE_HAS_CONST), sorted(golden.hasconst));
  assert.deepEqual(pick(meta.OPCODE_HAS_NAME), sorted(golden.hasname));
  assert.deepEqual(pick(meta.OPCODE_HAS_JUMP), sorted(golden.hasjrel));
  assert.deepEqual(pick(meta.OPCODE_HAS_LOCAL), sorted(golden.haslocal));
  assert.deepEqual(pick(meta.OPCODE_HAS_FREE), sorted(golden.hasfree));
  assert.deepEqual(pick(meta.OPCODE_HAS_EXC), sorted(golden.hasexc));
});

test("stack effects", () => {
  const all = { ...golden.opmap, ...golden.specialized_opmap };
  for (const [name, rows] of Object.entries(golden.stack_effect)) {
    const op = all[name]!;
    const jumps = [null, true, false];
    for (let j = 0; j < 3; j++) {
      golden.opargs.forEach((oparg, k) => {
        assert.equal(meta.stackEffect(op, oparg, jumps[j]!), rows[j]![k], `${name} oparg=${oparg} jump=${jumps[j]}`);
      });
    }
  }
});

test("pseudo-instruction targets", () => {
  assert.deepEqual(meta._PyOpcode_PseudoTargets(ids.JUMP), [ids.JUMP_FORWARD, ids.JUMP_BACKWARD]);
  assert.deepEqual(meta._PyOpcode_PseudoTargets(ids.LOAD_CLOSURE), [ids.LOAD_FAST]);
  assert.deepEqual(meta._PyOpcode_PseudoTargets(ids.LOAD_FAST), []);
});

test("generated files are up to date", () => {
  for (const f of generate()) assert.equal(readFileSync(join(root, f.path), "utf8"), f.text, `${f.path} is stale: run npm run regen`);
});
