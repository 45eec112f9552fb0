// Reprs of str, float, complex, bytes and int against CPython 3.14 (golden data made by
// test/golden/objects/make_repr_golden.py).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { unicodeRepr } from "../../src/objects/unicodeobject.js";
import { floatRepr } from "../../src/objects/floatobject.js";
import { complexRepr } from "../../src/objects/complexobject.js";
import { bytesRepr } from "../../src/objects/bytesobject.js";
import { longRepr } from "../../src/objects/longobject.js";

interface Golden {
  str: [number[], string][];
  float: [string, string][];
  complex: [string, string, string][];
  bytes: [string, string][];
  int: [string, string][];
}
const golden: Golden = JSON.parse(
  readFileSync(fileURLToPath(new URL("../../../test/golden/objects/repr.json", import.meta.url)), "utf8"),
);

function hexToDouble(hex: string): number {
  return Buffer.from(hex, "hex").readDoubleLE(0);
}

test("str repr", () => {
  for (const [cps, expected] of golden.str) {
    // A high surrogate followed by a low one is one astral character in a JS string: tython
    // cannot represent that pair of separate code points (a documented limit of the object model).
    if (cps.some((c, i) => c >= 0xd800 && c < 0xdc00 && cps[i + 1] >= 0xdc00 && cps[i + 1] < 0xe000)) continue;
    // Lone surrogates must stay separate code units; String.fromCodePoint would pair them too.
    const s = cps.map((c) => String.fromCodePoint(c)).join("");
    assert.equal(unicodeRepr(s), expected, `code points ${cps.slice(0, 4)}`);
  }
});

test("float repr", () => {
  for (const [hex, expected] of golden.float) assert.equal(floatRepr(hexToDouble(hex)), expected);
});

test("complex repr", () => {
  for (const [re, im, expected] of golden.complex) {
    assert.equal(complexRepr(hexToDouble(re), hexToDouble(im)), expected);
  }
});

test("bytes repr", () => {
  for (const [hex, expected] of golden.bytes) assert.equal(bytesRepr(Buffer.from(hex, "hex")), expected);
});

test("int repr", () => {
  for (const [s, expected] of golden.int) {
    const b = BigInt(s);
    const v = b >= BigInt(Number.MIN_SAFE_INTEGER) && b <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(b) : b;
    assert.equal(longRepr(v), expected);
  }
});
