// CPython: Modules/_decimal/_decimal.c (dec_format) over libmpdec/io.c (mpd_qformat_spec) — the
// format specification mini-language for Decimal.__format__.
import { type PyObject, Py_None } from "../../objects/object.js";
import { valueError } from "../../python/errors.js";
import { Dec, FINITE, finite, pow10, rescale, ndigits, st } from "./mpdecimal.js";
import { toString } from "./mpdecimal.js";
import type { PyDecContext } from "./context.js";

interface Spec {
  fill: string;
  align: string | null;
  sign: string;
  noNeg0: boolean;
  alt: boolean;
  zeropad: boolean;
  width: number;
  sep: string;
  prec: number | null;
  fracSep: string;
  type: string;
}

function parseSpec(spec: string): Spec {
  const cps = Array.from(spec);
  let i = 0;
  let fill = " ";
  let align: string | null = null;
  const isAlign = (c: string | undefined) => c === "<" || c === ">" || c === "=" || c === "^";
  if (cps.length >= 2 && isAlign(cps[1])) {
    fill = cps[0];
    align = cps[1];
    i = 2;
  } else if (isAlign(cps[0])) {
    align = cps[0];
    i = 1;
  }
  let sign = "-";
  if (cps[i] === "+" || cps[i] === "-" || cps[i] === " ") sign = cps[i++];
  let noNeg0 = false;
  if (cps[i] === "z") {
    noNeg0 = true;
    i++;
  }
  let alt = false;
  if (cps[i] === "#") {
    alt = true;
    i++;
  }
  let zeropad = false;
  if (cps[i] === "0") {
    zeropad = true;
    i++;
  }
  let w = "";
  while (i < cps.length && cps[i] >= "0" && cps[i] <= "9") w += cps[i++];
  let sep = "";
  if (cps[i] === "," || cps[i] === "_") sep = cps[i++];
  let prec: number | null = null;
  let fracSep = "";
  if (cps[i] === ".") {
    i++;
    let p = "";
    while (i < cps.length && cps[i] >= "0" && cps[i] <= "9") p += cps[i++];
    if (p === "") throw valueError("invalid format string");
    prec = Number(p);
    if (cps[i] === "," || cps[i] === "_") fracSep = cps[i++];
  }
  let type = "";
  if (i < cps.length && "eEfFgGn%".includes(cps[i])) type = cps[i++];
  if (i !== cps.length) throw valueError("invalid format string");
  if (type === "n" && sep) throw valueError("invalid format string");
  return { fill, align, sign, noNeg0, alt, zeropad, width: w === "" ? 0 : Number(w), sep, prec, fracSep, type };
}

function signStr(neg: boolean, spec: Spec): string {
  if (neg) return "-";
  return spec.sign === "+" ? "+" : spec.sign === " " ? " " : "";
}

function align(sign: string, body: string, spec: Spec): string {
  const len = Array.from(sign + body).length;
  const pad = spec.width - len;
  if (pad <= 0) return sign + body;
  const fill = spec.fill;
  switch (spec.align ?? ">") {
    case "<":
      return sign + body + fill.repeat(pad);
    case "=":
      return sign + fill.repeat(pad) + body;
    case "^": {
      const left = pad >> 1;
      return fill.repeat(left) + sign + body + fill.repeat(pad - left);
    }
    default:
      return fill.repeat(pad) + sign + body;
  }
}

/** Inserts separators into the integer digits, zero-padding to minWidth (CPython: _insert_thousands_sep). */
function groupInt(digits: string, sep: string, minWidth: number): string {
  if (!sep) return digits.length < minWidth ? "0".repeat(minWidth - digits.length) + digits : digits;
  const groups: string[] = [];
  for (;;) {
    const l = Math.min(Math.max(digits.length, minWidth, 1), 3);
    groups.push("0".repeat(Math.max(0, l - digits.length)) + digits.slice(Math.max(0, digits.length - l)));
    digits = digits.slice(0, Math.max(0, digits.length - l));
    minWidth -= l;
    if (!digits && minWidth <= 0) break;
    minWidth -= sep.length;
  }
  return groups.reverse().join(sep);
}

function groupFrac(digits: string, sep: string): string {
  if (!sep) return digits;
  const out: string[] = [];
  for (let i = 0; i < digits.length; i += 3) out.push(digits.slice(i, i + 3));
  return out.join(sep);
}

/** Rounds to `places` significant digits (CPython's _pydecimal: Decimal._round). */
function roundSig(d: Dec, places: number, mode: number): Dec {
  if (d.kind !== FINITE || d.coef === 0n) return d;
  let r = rescale(d, d.adj + 1 - places, mode);
  if (r.adj !== d.adj) r = rescale(r, r.adj + 1 - places, mode);
  return r;
}

export function decFormat(d: Dec, specStr: string, override: PyObject | null, ctx: PyDecContext): string {
  void override;
  void Py_None;
  const spec = parseSpec(specStr);
  let type = spec.type;
  if (type === "") type = ctx.capitals ? "G" : "g";
  if (type === "n") type = "g";
  if (d.kind !== FINITE) {
    if (spec.zeropad && spec.align === null) {
      spec.fill = " ";
    }
    let body = toString(new Dec(0, d.coef, d.exp, d.kind), false, true);
    if (type === "%") body += "%";
    return align(signStr(d.sign === 1, spec), body, spec);
  }
  if (spec.zeropad && spec.align === null) {
    spec.fill = "0";
    spec.align = "=";
  }
  const mode = ctx.c.round;
  const saved = st.f;
  if (type === "%") d = finite(d.sign, d.coef, d.exp + 2);
  const p = spec.prec;
  if (p !== null) {
    if (type === "e" || type === "E") d = roundSig(d, p + 1, mode);
    else if (type === "f" || type === "F" || type === "%") d = rescale(d, -p, mode);
    else if ((type === "g" || type === "G") && d.digits > p) d = roundSig(d, p === 0 ? 1 : p, mode);
  }
  if (d.coef === 0n && d.exp > 0 && (type === "f" || type === "F" || type === "%")) d = rescale(d, 0, mode);
  st.f = saved;
  const neg = d.sign === 1 && !(d.coef === 0n && spec.noNeg0);
  const digits = d.coef.toString();
  const leftdigits = d.exp + ndigits(d.coef);
  let dotplace: number;
  if (type === "e" || type === "E") dotplace = d.coef === 0n && p !== null ? 1 - p : 1;
  else if (type === "f" || type === "F" || type === "%") dotplace = leftdigits;
  else dotplace = d.exp <= 0 && leftdigits > -6 ? leftdigits : 1;
  let intpart: string, fracpart: string;
  if (dotplace < 0) {
    intpart = "0";
    fracpart = "0".repeat(-dotplace) + digits;
  } else if (dotplace > digits.length) {
    intpart = digits + "0".repeat(dotplace - digits.length);
    fracpart = "";
  } else {
    intpart = digits.slice(0, dotplace) || "0";
    fracpart = digits.slice(dotplace);
  }
  const exp = leftdigits - dotplace;
  let tail = fracpart || spec.alt ? "." + groupFrac(fracpart, spec.fracSep) : "";
  if (exp !== 0 || type === "e" || type === "E") {
    const echar = type === "E" || type === "G" ? "E" : "e";
    tail += echar + (exp < 0 ? "-" : "+") + Math.abs(exp);
  }
  if (type === "%") tail += "%";
  const sign = signStr(neg, spec);
  const minWidth = spec.fill === "0" && spec.align === "=" ? spec.width - Array.from(tail).length - sign.length : 0;
  const body = groupInt(intpart, spec.sep, minWidth) + tail;
  void pow10;
  return align(sign, body, spec);
}
