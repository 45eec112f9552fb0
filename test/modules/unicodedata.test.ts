// The whole Unicode database against CPython 3.14's: every unicodedata answer for every code point
// (current database and ucd_3_2_0), as md5 digests per block of 0x1000 code points recorded by
// tools/unicode_data/digest_ucd.py under the reference (test/golden/unicodedata_digest.json).
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { fileURLToPath } from "node:url";
import "../../src/objects/init.js";
import { UcdView } from "../../src/modules/unicodedata.js";
import { UNIDATA_VERSION } from "../../src/modules/unicodedata_db.js";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const golden = JSON.parse(fs.readFileSync(path.join(root, "test", "golden", "unicodedata_digest.json"), "utf8")) as {
  version: string;
  current: string[];
  old: string[];
};

function hexs(s: string): string {
  return [...s].map((c) => (c.codePointAt(0) as number).toString(16)).join(" ");
}

function line(db: UcdView, c: number): string {
  const ch = String.fromCodePoint(c);
  const num = db.numeric(c);
  return [
    db.category(c), db.bidirectional(c), db.combining(c), db.eastAsianWidth(c), db.mirrored(c), db.decimal(c), db.digit(c),
    Number.isNaN(num) ? "-" : BigInt(Math.trunc(num * 1e6)).toString(), db.decomposition(c), db.name(c) ?? "-",
    hexs(db.normalize("NFC", ch)), hexs(db.normalize("NFD", ch)), hexs(db.normalize("NFKC", ch)), hexs(db.normalize("NFKD", ch)),
  ].join("|");
}

test("unidata_version", () => {
  assert.equal(UNIDATA_VERSION, golden.version);
});

for (const [key, old] of [["current", false], ["old", true]] as const) {
  test(`every code point of the ${key} database`, () => {
    const db = new UcdView(old);
    const bad: string[] = [];
    for (let b = 0; b < 0x110; b++) {
      const h = crypto.createHash("md5");
      for (let c = b * 0x1000; c < (b + 1) * 0x1000; c++) {
        // lone surrogates: CPython hashes their UTF-8 with surrogatepass-like bytes; encode the same way
        h.update(utf8(line(db, c) + "\n"));
      }
      if (h.digest("hex") !== golden[key][b]) bad.push(`U+${(b * 0x1000).toString(16).toUpperCase()}`);
    }
    assert.deepEqual(bad, [], `blocks that differ from CPython: ${bad.join(", ")}`);
  });
}

function utf8(s: string): Buffer {
  return Buffer.from(s, "utf8");
}
