// strftime(3) as glibc formats in the C locale (time.strftime hands the format to it on Linux):
// flags _ - 0 ^ #, a field width, the E and O modifiers, and glibc's handling of unknown
// directives (copied as they are) and of years (no padding unless a width is given).

/** struct tm, with the full year (tm_year + 1900). */
export interface Tm {
  year: number;
  /** 0-11 */
  mon: number;
  mday: number;
  hour: number;
  min: number;
  sec: number;
  /** 0 = Sunday */
  wday: number;
  /** 0-365 */
  yday: number;
  isdst: number;
  zone: string | null;
  gmtoff: number;
}

export const WDAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
export const MON_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** glibc's iso_week_days: days since the Monday starting the ISO week-based year of (yday, wday). */
function isoWeekDays(yday: number, wday: number): number {
  const big = (Math.trunc(366 / 7) + 2) * 7;
  return yday - ((yday - wday + 4 + big) % 7) + 3;
}

interface Ctx {
  tm: Tm;
  /** tzname[0], tzname[1] of the current zone (for %Z without tm_zone). */
  tzname: [string, string];
  /** mktime of tm, for %s. */
  mktime: (tm: Tm) => number;
}

type Mod = "" | "E" | "O";

export function strftime(fmt: string, ctx: Ctx): string {
  let out = "";
  const n = fmt.length;
  let i = 0;
  while (i < n) {
    const c = fmt[i];
    if (c !== "%") {
      out += c;
      i++;
      continue;
    }
    const start = i;
    i++;
    let pad = "";
    let upcase = false;
    let swapcase = false;
    for (; i < n; i++) {
      const f = fmt[i];
      if (f === "_" || f === "-" || f === "0") pad = f;
      else if (f === "^") upcase = true;
      else if (f === "#") swapcase = true;
      else break;
    }
    let width = -1;
    if (i < n && fmt[i] >= "0" && fmt[i] <= "9") {
      width = 0;
      while (i < n && fmt[i] >= "0" && fmt[i] <= "9") width = Math.min(width * 10 + (fmt.charCodeAt(i++) - 48), 1 << 20);
    }
    let mod: Mod = "";
    if (i < n && (fmt[i] === "E" || fmt[i] === "O")) mod = fmt[i++] as Mod;
    if (i >= n) {
      // a directive cut short by the end of the format is copied as it is
      out += padStr(fmt.slice(start), pad, width);
      break;
    }
    const conv = fmt[i++];
    const r = directive(conv, mod, pad, width, upcase, swapcase, ctx);
    out += r ?? padStr(fmt.slice(start, i), pad, width);
  }
  return out;
}

/** Pads a text field to width (spaces, or zeros with the 0 flag) (glibc's cpy). */
function padStr(s: string, pad: string, width: number): string {
  if (width < 0 || s.length >= width) return s;
  return (pad === "0" ? "0" : " ").repeat(width - s.length) + s;
}

/** A number of `digits` digits (glibc's DO_NUMBER / do_number_sign_and_padding). */
function num(v: number, digits: number, pad: string, width: number, defaultPad = "0", alwaysSign = false): string {
  const neg = v < 0;
  const body = String(Math.abs(v));
  const sign = neg ? "-" : alwaysSign ? "+" : "";
  let p = pad === "" ? defaultPad : pad;
  let w = width;
  if (w < 0) w = digits;
  else if (p === "-") p = "_"; // an explicit width still pads (with spaces) under "-"
  if (p === "-") return sign + body;
  const shortage = w - sign.length - body.length;
  if (shortage <= 0) return sign + body;
  return p === "_" ? " ".repeat(shortage) + sign + body : sign + "0".repeat(shortage) + body;
}

/** Years and centuries: no padding unless a width is given (glibc's DO_YEARISH). */
function yearish(v: number, digits: number, pad: string, width: number): string {
  if (width < 0) return String(v);
  return num(v, digits, pad === "" ? "0" : pad, width);
}

function text(s: string, pad: string, width: number, upcase: boolean): string {
  return padStr(upcase ? s.toUpperCase() : s, pad, width);
}

function directive(conv: string, mod: Mod, pad: string, width: number, upcase: boolean, swapcase: boolean, ctx: Ctx): string | null {
  const tm = ctx.tm;
  const sub = (f: string): string => padStr(strftime(f, ctx), pad, width);
  const up = upcase || swapcase;
  switch (conv) {
    case "%":
      return mod ? null : padStr("%", pad, width);
    case "n":
      return padStr("\n", pad, width);
    case "t":
      return padStr("\t", pad, width);
    case "a":
      return mod ? null : text(WDAY_NAMES[tm.wday]?.slice(0, 3) ?? "?", pad, width, up);
    case "A":
      return mod ? null : text(WDAY_NAMES[tm.wday] ?? "?", pad, width, up);
    case "b":
    case "h":
      return mod === "E" ? null : text(MON_NAMES[tm.mon]?.slice(0, 3) ?? "?", pad, width, up);
    case "B":
      return mod === "E" ? null : text(MON_NAMES[tm.mon] ?? "?", pad, width, up);
    case "c":
      return mod === "O" ? null : text(strftime("%a %b %e %H:%M:%S %Y", ctx), pad, width, upcase);
    case "C":
      return mod === "O" ? null : yearish(Math.floor(tm.year / 100), 2, pad, width);
    case "x":
      return mod === "O" ? null : text(strftime("%m/%d/%y", ctx), pad, width, upcase);
    case "X":
      return mod === "O" ? null : text(strftime("%H:%M:%S", ctx), pad, width, upcase);
    case "D":
      return mod ? null : sub("%m/%d/%y");
    case "F":
      return mod ? null : sub("%Y-%m-%d");
    case "R":
      return sub("%H:%M");
    case "T":
      return sub("%H:%M:%S");
    case "r":
      return sub("%I:%M:%S %p");
    case "d":
      return mod === "E" ? null : num(tm.mday, 2, pad, width);
    case "e":
      return mod === "E" ? null : num(tm.mday, 2, pad, width, "_");
    case "H":
      return mod === "E" ? null : num(tm.hour, 2, pad, width);
    case "I":
      return mod === "E" ? null : num(((tm.hour + 11) % 12) + 1, 2, pad, width);
    case "k":
      return mod === "E" ? null : num(tm.hour, 2, pad, width, "_");
    case "l":
      return mod === "E" ? null : num(((tm.hour + 11) % 12) + 1, 2, pad, width, "_");
    case "j":
      return mod === "E" ? null : num(tm.yday + 1, 3, pad, width);
    case "m":
      return mod === "E" ? null : num(tm.mon + 1, 2, pad, width);
    case "M":
      return mod === "E" ? null : num(tm.min, 2, pad, width);
    case "S":
      return mod === "E" ? null : num(tm.sec, 2, pad, width);
    case "u":
      return mod === "E" ? null : num(((tm.wday + 6) % 7) + 1, 1, pad, width);
    case "w":
      return mod === "E" ? null : num(tm.wday, 1, pad, width);
    case "U":
      return mod === "E" ? null : num(Math.trunc((tm.yday - tm.wday + 7) / 7), 2, pad, width);
    case "W":
      return mod === "E" ? null : num(Math.trunc((tm.yday - ((tm.wday - 1 + 7) % 7) + 7) / 7), 2, pad, width);
    case "V":
    case "G":
    case "g": {
      if (mod === "E") return null;
      let adjust = 0;
      let days = isoWeekDays(tm.yday, tm.wday);
      if (days < 0) {
        adjust = -1;
        days = isoWeekDays(tm.yday + (365 + (isLeap(tm.year - 1) ? 1 : 0)), tm.wday);
      } else {
        const d = isoWeekDays(tm.yday - (365 + (isLeap(tm.year) ? 1 : 0)), tm.wday);
        if (d >= 0) {
          adjust = 1;
          days = d;
        }
      }
      if (conv === "V") return num(Math.trunc(days / 7) + 1, 2, pad, width);
      const y = tm.year + adjust;
      if (conv === "G") return yearish(y, 4, pad, width);
      return num(((y % 100) + 100) % 100, 2, pad, width);
    }
    case "y":
      return num(((tm.year % 100) + 100) % 100, 2, pad, width);
    case "Y":
      return mod === "O" ? null : yearish(tm.year, 4, pad, width);
    case "p":
    case "P": {
      const s = tm.hour >= 12 ? "PM" : "AM";
      const lower = conv === "P" || swapcase;
      return padStr(lower && !upcase ? s.toLowerCase() : s, pad, width);
    }
    case "s":
      return num(ctx.mktime(tm), 1, pad, width);
    case "z": {
      if (tm.isdst < 0) return "";
      const off = tm.gmtoff;
      const a = Math.abs(off);
      const v = Math.trunc(a / 3600) * 100 + Math.trunc((a / 60) % 60);
      const sign = off < 0 ? "-" : "+";
      const body = String(v);
      if (pad === "-") return sign + body;
      if (width < 0) return sign + body.padStart(4, "0");
      // glibc pads both around the sign and the digits to the width
      const fill = pad === "_" ? " " : "0";
      return " ".repeat(Math.max(0, width - 1)) + sign + body.padStart(width, fill);
    }
    case "Z": {
      let zone = tm.zone;
      if (zone === null || zone === "") zone = tm.isdst >= 0 ? ctx.tzname[tm.isdst > 0 ? 1 : 0] : "";
      return text(zone, pad, width, upcase);
    }
    default:
      return null;
  }
}
