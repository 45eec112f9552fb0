// The local time zone as glibc computes it (tzset(3), localtime(3), mktime(3)) for the time module:
// TZ unset -> /etc/localtime; TZ naming a file (":Europe/Paris", "Europe/Paris", "/path") -> that
// TZif file under $TZDIR or /usr/share/zoneinfo, its POSIX footer rule past the last transition;
// otherwise TZ is a POSIX rule string ("EST+5EDT,M3.2.0/2,M11.1.0/2"). Node's Intl cannot give
// the zone abbreviations glibc prints, so the tz database files are read directly.
import fs from "node:fs";

export interface LocalType {
  /** Seconds east of UTC (tm_gmtoff). */
  off: number;
  isdst: boolean;
  abbr: string;
}

interface PosixRule {
  std: LocalType;
  dst: LocalType | null;
  /** [kind, a, b, c, time-of-day seconds] for the DST start and end ("J", "N" or "M" rules). */
  start: RuleDate | null;
  end: RuleDate | null;
  /** Whether the string had its offset (glibc leaves the DST name empty otherwise). */
  valid: boolean;
}
type RuleDate =
  | { kind: "J"; day: number; time: number }
  | { kind: "N"; day: number; time: number }
  | { kind: "M"; m: number; w: number; d: number; time: number };

export interface Zone {
  transitions: number[];
  /** Local type index after each transition. */
  idx: number[];
  types: LocalType[];
  /** The rule past the last transition (or the whole zone for a POSIX TZ string). */
  rule: PosixRule | null;
  /** Read from a TZif file (else TZ was a rule string). */
  isFile: boolean;
}

const UTC: Zone = { transitions: [], idx: [], types: [{ off: 0, isdst: false, abbr: "UTC" }], rule: null, isFile: true };

// --- POSIX TZ strings ---

function parseName(s: string, i: number): [string, number] | null {
  if (s[i] === "<") {
    const j = s.indexOf(">", i);
    if (j < 0) return null;
    return [s.slice(i + 1, j), j + 1];
  }
  let j = i;
  while (j < s.length && /[A-Za-z]/.test(s[j])) j++;
  if (j - i < 3) return null;
  return [s.slice(i, j), j];
}

/** [+-]hh[:mm[:ss]] as seconds, or null. */
function parseHms(s: string, i: number, signed: boolean): [number, number] | null {
  let sign = 1;
  if (signed && (s[i] === "+" || s[i] === "-")) {
    if (s[i] === "-") sign = -1;
    i++;
  }
  const m = /^(\d{1,3})(?::(\d{1,2})(?::(\d{1,2}))?)?/.exec(s.slice(i));
  if (m === null) return null;
  const secs = Number(m[1]) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
  return [sign * secs, i + m[0].length];
}

function parseRuleDate(s: string, i: number): [RuleDate, number] | null {
  let r: RuleDate;
  let m: RegExpExecArray | null;
  const rest = s.slice(i);
  if ((m = /^M(\d{1,2})\.(\d)\.(\d)/.exec(rest)) !== null) {
    r = { kind: "M", m: Number(m[1]), w: Number(m[2]), d: Number(m[3]), time: 7200 };
  } else if ((m = /^J(\d{1,3})/.exec(rest)) !== null) {
    r = { kind: "J", day: Number(m[1]), time: 7200 };
  } else if ((m = /^(\d{1,3})/.exec(rest)) !== null) {
    r = { kind: "N", day: Number(m[1]), time: 7200 };
  } else return null;
  i += m[0].length;
  if (s[i] === "/") {
    const t = parseHms(s, i + 1, true);
    if (t === null) return null;
    r.time = t[0];
    i = t[1];
  }
  return [r, i];
}

/** Parses a POSIX TZ rule; null when even the standard name is missing. */
export function parsePosixTz(s: string): PosixRule | null {
  const n = parseName(s, 0);
  if (n === null) return null;
  const stdName = n[0];
  let i = n[1];
  const o = parseHms(s, i, true);
  // glibc: a name without a (valid) offset is UTC under that name
  if (o === null) return { std: { off: 0, isdst: false, abbr: stdName }, dst: null, start: null, end: null, valid: false };
  const stdOff = -o[0];
  i = o[1];
  const std: LocalType = { off: stdOff, isdst: false, abbr: stdName };
  const dn = parseName(s, i);
  if (dn === null) return { std, dst: null, start: null, end: null, valid: true };
  i = dn[1];
  let dstOff = stdOff + 3600;
  const d = parseHms(s, i, true);
  if (d !== null && s[i] !== ",") {
    dstOff = -d[0];
    i = d[1];
  }
  const dst: LocalType = { off: dstOff, isdst: true, abbr: dn[0] };
  let start: RuleDate | null = { kind: "M", m: 3, w: 2, d: 0, time: 7200 };
  let end: RuleDate | null = { kind: "M", m: 11, w: 1, d: 0, time: 7200 };
  if (s[i] === ",") {
    const a = parseRuleDate(s, i + 1);
    if (a !== null && s[a[1]] === ",") {
      const b = parseRuleDate(s, a[1] + 1);
      if (b !== null) {
        start = a[0];
        end = b[0];
      }
    }
  }
  return { std, dst, start, end, valid: true };
}

// --- calendar helpers ---

export function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1-12) (H. Hinnant's algorithm). */
export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** [year, month 1-12, day] of a day count since 1970-01-01. */
export function civilFromDays(z: number): [number, number, number] {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/**
 * Seconds since the epoch (local clock) at which a rule date falls in year y. As glibc's
 * compute_change, years before 1970 count from 1970-01-01 (so their changes compare as 1970's).
 */
function ruleLocalTime(r: RuleDate, y: number): number {
  const jan1 = daysFromCivil(y, 1, 1);
  let yday: number;
  if (r.kind === "J") {
    // Julian day 1..365, February 29 never counted
    let n = r.day;
    if (isLeap(y) && n >= 60) n++;
    yday = n - 1;
  } else if (r.kind === "N") {
    yday = r.day;
  } else {
    const first = daysFromCivil(y, r.m, 1);
    const wdayFirst = (((first + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
    let day = first + ((r.d - wdayFirst + 7) % 7) + (r.w - 1) * 7;
    const mdays = [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][r.m - 1];
    while (day >= first + mdays) day -= 7;
    yday = day - jan1;
  }
  return ((y > 1970 ? jan1 : 0) + yday) * 86400 + r.time;
}

function ruleType(rule: PosixRule, t: number): LocalType {
  if (rule.dst === null || rule.start === null || rule.end === null) return rule.std;
  const [y] = civilFromDays(Math.floor((t + rule.std.off) / 86400));
  const start = ruleLocalTime(rule.start, y) - rule.std.off;
  const end = ruleLocalTime(rule.end, y) - rule.dst.off;
  if (start < end) return t >= start && t < end ? rule.dst : rule.std;
  return t >= end && t < start ? rule.std : rule.dst;
}

// --- TZif files ---

function parseTzif(b: Buffer): Zone | null {
  if (b.length < 44 || b.toString("latin1", 0, 4) !== "TZif") return null;
  const version = b[4];
  const counts = (at: number): number[] => [0, 1, 2, 3, 4, 5].map((k) => b.readUInt32BE(at + 20 + k * 4));
  let [isut, isstd, leap, timecnt, typecnt, charcnt] = counts(0);
  let at = 44;
  let wide = false;
  if (version >= 0x32) {
    at += timecnt * 4 + timecnt + typecnt * 6 + charcnt + leap * 8 + isstd + isut;
    [isut, isstd, leap, timecnt, typecnt, charcnt] = counts(at);
    at += 44;
    wide = true;
  }
  const transitions: number[] = [];
  for (let k = 0; k < timecnt; k++) transitions.push(wide ? Number(b.readBigInt64BE(at + k * 8)) : b.readInt32BE(at + k * 4));
  at += timecnt * (wide ? 8 : 4);
  const idx: number[] = [];
  for (let k = 0; k < timecnt; k++) idx.push(b[at + k]);
  at += timecnt;
  const raw: [number, boolean, number][] = [];
  for (let k = 0; k < typecnt; k++) raw.push([b.readInt32BE(at + k * 6), b[at + k * 6 + 4] !== 0, b[at + k * 6 + 5]]);
  at += typecnt * 6;
  const chars = b.toString("latin1", at, at + charcnt);
  at += charcnt + leap * (wide ? 12 : 8) + isstd + isut;
  const types = raw.map(([off, isdst, ai]) => ({ off, isdst, abbr: chars.slice(ai, chars.indexOf("\0", ai) < 0 ? undefined : chars.indexOf("\0", ai)) }));
  let rule: PosixRule | null = null;
  if (wide && b[at] === 0x0a) {
    const end = b.indexOf(0x0a, at + 1);
    if (end > at) rule = parsePosixTz(b.toString("latin1", at + 1, end));
  }
  if (types.length === 0) return null;
  // a trailing transition to the type already in force (zic's 32-bit compatibility entry) changes
  // nothing: past the last real one the footer rule applies, as glibc finds
  while (rule !== null && transitions.length > 1 && idx[idx.length - 1] === idx[idx.length - 2]) {
    transitions.pop();
    idx.pop();
  }
  return { transitions, idx, types, rule, isFile: true };
}

function loadFile(file: string): Zone | null {
  try {
    return parseTzif(fs.readFileSync(file));
  } catch {
    return null;
  }
}

/** The zone TZ names (glibc's tzset): null TZ -> /etc/localtime. */
export function loadZone(tz: string | undefined): Zone {
  if (tz === undefined) return loadFile("/etc/localtime") ?? UTC;
  if (tz === "") return UTC;
  const name = tz.startsWith(":") ? tz.slice(1) : tz;
  if (name !== "" && !name.includes("..")) {
    const dir = process.env.TZDIR ?? "/usr/share/zoneinfo";
    const z = loadFile(name.startsWith("/") ? name : `${dir}/${name}`);
    if (z !== null) return z;
  }
  const rule = parsePosixTz(name);
  if (rule === null) return UTC;
  return { transitions: [], idx: [], types: [rule.std, ...(rule.dst ? [rule.dst] : [])], rule, isFile: false };
}

/**
 * glibc's tzname[0] and tzname[1]: global state that tzset and every localtime conversion update
 * (strftime's %Z prints it for a tuple without tm_zone).
 */
let tznameState: [string, string] = ["UTC", "UTC"];
export function currentTzname(): [string, string] {
  return tznameState;
}

function ruleNames(rule: PosixRule): [string, string] {
  return [rule.std.abbr, rule.dst?.abbr ?? (rule.valid ? rule.std.abbr : "")];
}

/** The local time type in force at UTC time t (seconds), updating tzname as glibc's __tzfile_compute. */
export function zoneTypeAt(z: Zone, t: number): LocalType {
  const tr = z.transitions;
  if (!z.isFile) {
    if (z.rule === null) return z.types[0];
    tznameState = ruleNames(z.rule);
    return ruleType(z.rule, t);
  }
  if (tr.length === 0 || t < tr[0]) {
    // before any transition: the first non-DST type
    const types = z.types;
    let k = 0;
    let dstName: string | null = null;
    while (k < types.length && types[k].isdst) {
      dstName ??= types[k].abbr;
      k++;
    }
    if (k === types.length) k = 0;
    dstName ??= types.slice(k).find((x) => x.isdst)?.abbr ?? tznameState[1];
    tznameState = [types[k].abbr, dstName];
    return types[k];
  }
  if (t >= tr[tr.length - 1] && z.rule !== null) {
    tznameState = ruleNames(z.rule);
    return ruleType(z.rule, t);
  }
  let lo = 0;
  let hi = tr.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (tr[mid] <= t) lo = mid;
    else hi = mid - 1;
  }
  tznameState = scanNames(z, lo + 1);
  return z.types[z.idx[lo]];
}

/** The names of the latest standard and daylight types among the first `n` transitions. */
function scanNames(z: Zone, n: number): [string, string] {
  const names: (string | null)[] = [null, null];
  for (let k = n - 1; k >= 0; k--) {
    const ty = z.types[z.idx[k]];
    const dst = ty.isdst ? 1 : 0;
    if (names[dst] === null) {
      names[dst] = ty.abbr;
      if (names[1 - dst] !== null) break;
    }
  }
  const std = names[0] ?? names[1] ?? z.types[0].abbr;
  return [std, names[1] ?? std];
}

/** tzset(3): the names of a newly loaded zone. */
export function tzsetNames(z: Zone): void {
  tznameState = !z.isFile && z.rule !== null ? ruleNames(z.rule) : scanNames(z, z.transitions.length);
}
