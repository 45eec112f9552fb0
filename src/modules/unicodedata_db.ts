// CPython: Modules/unicodedata.c (+ unicodedata_db.h, unicodename_db.h) — the Unicode database:
// records, names (with the algorithmic Hangul and ideograph names), aliases and named sequences,
// normalization, and the 3.2.0 database. Decoded lazily from unicodedata_db.generated.ts.
import * as DB from "./unicodedata_db.generated.js";

export const UNIDATA_VERSION = DB.UNIDATA_VERSION;

export interface UcdRecord {
  category: string;
  bidirectional: string;
  combining: number;
  eastAsianWidth: string;
  mirrored: number;
  decimal: number;
  digit: number;
  numeric: number;
  /** str predicate bits (see FLAG_*). */
  flags: number;
}

export const FLAG_ALPHA = 1 << 0;
export const FLAG_DECIMAL = 1 << 1;
export const FLAG_DIGIT = 1 << 2;
export const FLAG_NUMERIC = 1 << 3;
export const FLAG_SPACE = 1 << 4;
export const FLAG_PRINTABLE = 1 << 5;
export const FLAG_UPPER = 1 << 6;
export const FLAG_LOWER = 1 << 7;
export const FLAG_TITLE = 1 << 8;
export const FLAG_ID_START = 1 << 9;
export const FLAG_ID_CONTINUE = 1 << 10;
export const FLAG_ALNUM = 1 << 11;

let records: UcdRecord[] | null = null;
let recIndex: Uint16Array | null = null;

function parseRecord(s: string): UcdRecord {
  const f = s.split(" ");
  return {
    category: f[0],
    bidirectional: f[1] === "-" ? "" : f[1],
    combining: parseInt(f[2], 36),
    eastAsianWidth: f[3],
    mirrored: Number(f[4]),
    decimal: f[5] === "-" ? -1 : Number(f[5]),
    digit: f[6] === "-" ? -1 : Number(f[6]),
    numeric: f[7] === "-" ? NaN : parseFloat(f[7]),
    flags: parseInt(f[8], 36),
  };
}

function loadRecords(): void {
  records = DB.RECORDS.split(";").map(parseRecord);
  const idx = new Uint16Array(0x110000);
  let cp = 0;
  for (const run of DB.RUNS.split(";")) {
    const c = run.indexOf(",");
    const n = parseInt(run.slice(0, c), 36);
    const k = parseInt(run.slice(c + 1), 36);
    idx.fill(k, cp, cp + n);
    cp += n;
  }
  recIndex = idx;
}

/** The database record of a code point (CPython: _getrecord_ex). */
export function getRecord(cp: number): UcdRecord {
  if (records === null) loadRecords();
  return (records as UcdRecord[])[(recIndex as Uint16Array)[cp]];
}

// --- decompositions ----------------------------------------------------------------------------

let decomps: Map<number, string> | null = null;
function loadDecomps(): Map<number, string> {
  const m = new Map<number, string>();
  let cp = 0;
  for (const e of DB.DECOMPOSITIONS.split(";")) {
    const c = e.indexOf(":");
    cp += parseInt(e.slice(0, c), 36);
    m.set(cp, e.slice(c + 1));
  }
  return (decomps = m);
}

/** unicodedata.decomposition: "<tag> XXXX YYYY" or "" (Hangul syllables give ""). */
export function decompositionString(cp: number): string {
  return (decomps ?? loadDecomps()).get(cp) ?? "";
}

// --- names -------------------------------------------------------------------------------------

const SBase = 0xac00, LBase = 0x1100, VBase = 0x1161, TBase = 0x11a7;
const LCount = 19, VCount = 21, TCount = 28, NCount = VCount * TCount, SCount = LCount * NCount;
const JAMO_L = ["G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H"];
const JAMO_V = ["A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I"];
const JAMO_T = ["", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M", "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H"];

let names: Map<number, string> | null = null;
let nameRanges: { first: number; last: number; prefix: string }[] | null = null;
let codes: Map<string, number> | null = null;
let aliases: { name: string; code: number }[] | null = null;
let sequences: { name: string; codes: number[] }[] | null = null;

function loadNames(): Map<number, string> {
  const m = new Map<number, string>();
  let cp = 0;
  for (const e of DB.NAMES.split(";")) {
    const c = e.indexOf(":");
    cp += c === 0 ? 1 : parseInt(e.slice(0, c), 36);
    m.set(cp, e.slice(c + 1));
  }
  nameRanges = DB.NAME_RANGES.split(";").map((r) => {
    const [a, b, prefix] = r.split(",");
    return { first: parseInt(a, 16), last: parseInt(b, 16), prefix };
  });
  return (names = m);
}

/** The name of a code point, or null (CPython: _getucname without aliases). */
export function charName(cp: number): string | null {
  if (cp >= SBase && cp < SBase + SCount) {
    const s = cp - SBase;
    const l = Math.floor(s / NCount);
    const v = Math.floor((s % NCount) / TCount);
    const t = s % TCount;
    return "HANGUL SYLLABLE " + JAMO_L[l] + JAMO_V[v] + JAMO_T[t];
  }
  const n = (names ?? loadNames()).get(cp);
  if (n !== undefined) return n;
  for (const r of nameRanges as { first: number; last: number; prefix: string }[]) {
    if (cp >= r.first && cp <= r.last) return r.prefix + cp.toString(16).toUpperCase().padStart(4, "0");
  }
  return null;
}

function loadAliases(): void {
  aliases = DB.ALIASES.split(";").map((e) => {
    const c = e.lastIndexOf(":");
    return { name: e.slice(0, c), code: parseInt(e.slice(c + 1), 16) };
  });
  sequences = DB.SEQUENCES.split(";").map((e) => {
    const c = e.lastIndexOf(":");
    return { name: e.slice(0, c), codes: e.slice(c + 1).split(" ").map((x) => parseInt(x, 16)) };
  });
}

/** The name of an alias (U+F0000 + i) or named sequence (U+F0200 + i) slot, as namereplace sees it. */
export function aliasSlotName(cp: number): string | null {
  if (aliases === null) loadAliases();
  if (cp >= 0xf0000 && cp < 0xf0000 + (aliases as { name: string }[]).length) return (aliases as { name: string }[])[cp - 0xf0000].name;
  if (cp >= 0xf0200 && cp < 0xf0200 + (sequences as { name: string }[]).length) return (sequences as { name: string }[])[cp - 0xf0200].name;
  return null;
}

function findSyllable(s: string, pos: number, table: string[]): [number, number] {
  // the longest jamo name at pos (CPython: find_syllable)
  let best = -1;
  let len = 0;
  for (let i = 0; i < table.length; i++) {
    const t = table[i];
    if (t.length > len && s.startsWith(t, pos)) {
      best = i;
      len = t.length;
    }
  }
  if (best < 0 && table[11] === "") best = 11; // the empty L (IEUNG)
  if (best < 0 && table === JAMO_T) best = 0;
  return [best, len];
}

export type LookupResult = { code: number } | { sequence: number[] } | null;

/**
 * The character (or named sequence) called `name` (CPython: _getcode): the algorithmic Hangul and
 * CJK UNIFIED IDEOGRAPH names are matched case-sensitively, table names and aliases case-insensitively.
 */
export function lookupName(name: string, withAliases: boolean): LookupResult {
  if (name.startsWith("HANGUL SYLLABLE ")) {
    let pos = 16;
    const [l, ll] = findSyllable(name, pos, JAMO_L);
    pos += ll;
    const [v, vl] = findSyllable(name, pos, JAMO_V);
    pos += vl;
    const [t, tl] = findSyllable(name, pos, JAMO_T);
    pos += tl;
    if (l !== -1 && v !== -1 && t !== -1 && pos === name.length) return { code: SBase + (l * VCount + v) * TCount + t };
  }
  if (name.startsWith("CJK UNIFIED IDEOGRAPH-")) {
    const h = name.slice(22);
    if ((h.length === 4 || h.length === 5) && /^[0-9A-F]+$/.test(h)) {
      const v = parseInt(h, 16);
      const r = getRecord(v);
      if (isUnifiedIdeograph(v) && r.category !== "Cn") return { code: v };
    }
    return null;
  }
  if (codes === null) {
    const m = new Map<string, number>();
    const nm = names ?? loadNames();
    for (const [cp, n] of nm) m.set(n, cp);
    for (const r of nameRanges as { first: number; last: number; prefix: string }[]) {
      if (r.prefix === "CJK UNIFIED IDEOGRAPH-") continue;
      for (let cp = r.first; cp <= r.last; cp++) m.set(r.prefix + cp.toString(16).toUpperCase().padStart(4, "0"), cp);
    }
    codes = m;
  }
  const upper = name.toUpperCase();
  const c = codes.get(upper);
  if (c !== undefined) return { code: c };
  if (!withAliases) return null;
  if (aliases === null) loadAliases();
  for (const a of aliases as { name: string; code: number }[]) if (a.name === upper) return { code: a.code };
  for (const s of sequences as { name: string; codes: number[] }[]) if (s.name === upper) return { sequence: s.codes };
  return null;
}

function isUnifiedIdeograph(cp: number): boolean {
  if (nameRanges === null) loadNames();
  for (const r of nameRanges as unknown as { first: number; last: number; prefix: string }[]) {
    if (r.prefix === "CJK UNIFIED IDEOGRAPH-" && cp >= r.first && cp <= r.last) return true;
  }
  return false;
}

// --- case mappings -----------------------------------------------------------------------------

export interface CaseMapping {
  lower: number[] | null;
  upper: number[] | null;
  title: number[] | null;
  fold: number[] | null;
}
let cases: Map<number, CaseMapping> | null = null;
/** str.lower/upper/title/casefold of one character (null: the character itself). */
export function caseMapping(cp: number): CaseMapping | undefined {
  if (cases === null) {
    const m = new Map<number, CaseMapping>();
    let c = 0;
    const parse = (s: string): number[] | null => (s === "" ? null : s.split(" ").map((x) => parseInt(x, 16)));
    for (const e of DB.CASES.split(";")) {
      const f = e.split(":");
      c += parseInt(f[0], 36);
      m.set(c, { lower: parse(f[1]), upper: parse(f[2]), title: parse(f[3]), fold: parse(f[4]) });
    }
    cases = m;
  }
  return cases.get(cp);
}

// --- normalization (CPython: nfd_nfkd, nfc_nfkc) ----------------------------------------------

let compose: Map<number, Map<number, number>> | null = null;
let composeLast: Set<number> | null = null;

function loadComposition(): void {
  const excl = new Set(DB.COMPOSITION_EXCLUSIONS.split(";").map((x) => parseInt(x, 16)));
  const first = new Map<number, Map<number, number>>();
  const last = new Set<number>();
  for (const [cp, d] of decomps ?? loadDecomps()) {
    if (d.startsWith("<") || excl.has(cp)) continue;
    const parts = d.split(" ");
    if (parts.length !== 2) continue;
    const a = parseInt(parts[0], 16);
    const b = parseInt(parts[1], 16);
    let m = first.get(a);
    if (m === undefined) first.set(a, (m = new Map()));
    m.set(b, cp);
    last.add(b);
  }
  compose = first;
  composeLast = last;
}

/** The 3.2.0 database's differences (ucd_3_2_0). */
export interface OldDb {
  record(cp: number): OldRecord | null;
  normalization(cp: number): number[][] | null;
}
export interface OldRecord {
  category: string;
  bidirectional: string;
  eastAsianWidth: string;
  mirrored: number;
  decimal: number;
  digit: number;
  numeric: number;
  combining: number;
  decomposition: string;
}

let oldRecords: OldRecord[] | null = null;
let oldRuns: Int32Array | null = null;
let oldNorm: Map<number, number[][]> | null = null;
function loadOld(): void {
  oldRecords = DB.OLD_RECORDS.split(";").map((s) => {
    const f = s.split(" ");
    return {
      category: f[0],
      bidirectional: f[1] === "-" ? "" : f[1],
      eastAsianWidth: f[2],
      mirrored: Number(f[3]),
      decimal: f[4] === "-" ? -1 : Number(f[4]),
      digit: f[5] === "-" ? -1 : Number(f[5]),
      numeric: f[6] === "-" ? NaN : parseFloat(f[6]),
      combining: Number(f[7]),
      decomposition: f[8] === "-" ? "" : f[8].replace(/_/g, " "),
    };
  });
  const runs = DB.OLD_RUNS.split(";");
  oldRuns = new Int32Array(runs.length * 3);
  runs.forEach((r, i) => {
    const [a, n, k] = r.split(",");
    oldRuns![3 * i] = parseInt(a, 16);
    oldRuns![3 * i + 1] = parseInt(n, 36);
    oldRuns![3 * i + 2] = parseInt(k, 36);
  });
  oldNorm = new Map();
  for (const e of DB.OLD_NORMALIZATION.split(";")) {
    if (!e) continue;
    const c = e.indexOf(":");
    oldNorm.set(parseInt(e.slice(0, c), 16), e.slice(c + 1).split(",").map((s) => (s === "" ? [] : s.split(" ").map((x) => parseInt(x, 16)))));
  }
}

export const OLD_DB: OldDb = {
  record(cp: number): OldRecord | null {
    if (oldRecords === null) loadOld();
    const r = oldRuns as Int32Array;
    let lo = 0;
    let hi = r.length / 3 - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const start = r[3 * mid];
      if (cp < start) hi = mid - 1;
      else if (cp >= start + r[3 * mid + 1]) lo = mid + 1;
      else return (oldRecords as OldRecord[])[r[3 * mid + 2]];
    }
    return null;
  },
  normalization(cp: number): number[][] | null {
    if (oldRecords === null) loadOld();
    return (oldNorm as Map<number, number[][]>).get(cp) ?? null;
  },
};

function decomposeInto(out: number[], code: number, compat: boolean, old: boolean): void {
  if (code >= SBase && code < SBase + SCount) {
    const s = code - SBase;
    out.push(LBase + Math.floor(s / NCount), VBase + Math.floor((s % NCount) / TCount));
    const t = TBase + (s % TCount);
    if (t !== TBase) out.push(t);
    return;
  }
  if (old) {
    const n = OLD_DB.normalization(code);
    if (n !== null) {
      for (const c of n[compat ? 3 : 1]) out.push(c);
      return;
    }
    const r = OLD_DB.record(code);
    if (r !== null && r.category === "Cn") {
      out.push(code);
      return;
    }
  }
  const d = (decomps ?? loadDecomps()).get(code);
  if (d === undefined || (!compat && d.startsWith("<"))) {
    out.push(code);
    return;
  }
  const parts = d.split(" ");
  for (let i = d.startsWith("<") ? 1 : 0; i < parts.length; i++) decomposeInto(out, parseInt(parts[i], 16), compat, old);
}

/** NFD/NFKD of code points (CPython: nfd_nfkd), canonically ordered. */
export function decompose(cps: ArrayLike<number>, compat: boolean, old: boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < cps.length; i++) decomposeInto(out, cps[i], compat, old);
  // canonical ordering: a stable sort of each run of non-starters by combining class
  for (let i = 1; i < out.length; i++) {
    const cur = getRecord(out[i]).combining;
    if (cur === 0) continue;
    let j = i;
    while (j > 0) {
      const prev = getRecord(out[j - 1]).combining;
      if (prev === 0 || prev <= cur) break;
      const t = out[j];
      out[j] = out[j - 1];
      out[j - 1] = t;
      j--;
    }
  }
  return out;
}

/** NFC/NFKC (CPython: nfc_nfkc). */
export function composeNormal(cps: ArrayLike<number>, compat: boolean, old: boolean): number[] {
  const data = decompose(cps, compat, old);
  if (compose === null) loadComposition();
  const comp = compose as Map<number, Map<number, number>>;
  const lastSet = composeLast as Set<number>;
  const out: number[] = [];
  const skipped = new Set<number>();
  const len = data.length;
  let i = 0;
  while (i < len) {
    if (skipped.has(i)) {
      skipped.delete(i);
      i++;
      continue;
    }
    let code = data[i];
    if (code >= LBase && code < LBase + LCount && i + 1 < len && data[i + 1] >= VBase && data[i + 1] < VBase + VCount) {
      code = SBase + ((code - LBase) * VCount + (data[i + 1] - VBase)) * TCount;
      i += 2;
      if (i < len && data[i] > TBase && data[i] < TBase + TCount) {
        code += data[i] - TBase;
        i++;
      }
      out.push(code);
      continue;
    }
    let f = comp.get(code);
    out.push(code);
    if (f === undefined) {
      i++;
      continue;
    }
    let i1 = i + 1;
    let comb = 0;
    while (i1 < len) {
      const code1 = data[i1];
      const comb1 = getRecord(code1).combining;
      if (comb) {
        if (comb1 === 0) break;
        if (comb >= comb1) {
          i1++;
          continue;
        }
      }
      const composed = lastSet.has(code1) ? f.get(code1) : undefined;
      if (composed === undefined) {
        if (comb1 === 0) break;
        comb = comb1;
        i1++;
        continue;
      }
      out[out.length - 1] = composed;
      skipped.add(i1);
      i1++;
      f = comp.get(composed);
      if (f === undefined) break;
    }
    i++;
  }
  return out;
}
