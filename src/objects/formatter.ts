// CPython: Python/formatter_unicode.c (format specs), Objects/stringlib/unicode_format.h (str.format)
import { type PyObject, Py_TYPE } from "./object.js";
import { PyObject_Format, PyObject_Str, PyObject_Repr, PyObject_ASCII, PyObject_GetAttr, PyObject_GetItem } from "./abstract.js";
import { type PyInt, long_abs, long_sign } from "./longobject.js";
import { formatFloatShortest } from "./floatobject.js";
import { codePoints, unicodeLength } from "./unicodeobject.js";
import { valueError, typeError, indexError, overflowError } from "../python/errors.js";

interface Spec {
  fill: string;
  align: string;
  sign: string;
  z: boolean;
  alt: boolean;
  zero: boolean;
  width: number;
  grouping: string;
  precision: number;
  type: string;
}

function parseSpec(spec: string, defaultAlign: string): Spec {
  const cps = codePoints(spec);
  let i = 0;
  const s: Spec = { fill: " ", align: "", sign: "", z: false, alt: false, zero: false, width: -1, grouping: "", precision: -1, type: "" };
  const isAlign = (c: string | undefined): boolean => c === "<" || c === ">" || c === "=" || c === "^";
  if (cps.length >= 2 && isAlign(cps[1])) {
    s.fill = cps[0];
    s.align = cps[1];
    i = 2;
  } else if (isAlign(cps[0])) {
    s.align = cps[0];
    i = 1;
  }
  if (cps[i] === "+" || cps[i] === "-" || cps[i] === " ") s.sign = cps[i++];
  if (cps[i] === "z") {
    s.z = true;
    i++;
  }
  if (cps[i] === "#") {
    s.alt = true;
    i++;
  }
  if (cps[i] === "0") {
    s.zero = true;
    if (!s.align) {
      s.fill = "0";
      s.align = "=";
    }
    i++;
  }
  let w = "";
  while (i < cps.length && cps[i] >= "0" && cps[i] <= "9") w += cps[i++];
  if (w) s.width = parseInt(w, 10);
  if (cps[i] === "," || cps[i] === "_") s.grouping = cps[i++];
  if (cps[i] === "." ) {
    i++;
    let p = "";
    while (i < cps.length && cps[i] >= "0" && cps[i] <= "9") p += cps[i++];
    if (!p) throw valueError("Format specifier missing precision");
    s.precision = parseInt(p, 10);
  }
  if (i < cps.length - 1) throw valueError("Invalid format specifier '" + spec + "' for object of type '" + "%T" + "'");
  if (i < cps.length) s.type = cps[i];
  if (!s.align) s.align = defaultAlign;
  return s;
}

function pad(body: string, prefix: string, s: Spec): string {
  const len = unicodeLength(body) + unicodeLength(prefix);
  if (s.width <= len) return prefix + body;
  const n = s.width - len;
  switch (s.align) {
    case "<":
      return prefix + body + s.fill.repeat(n);
    case "^": {
      const left = Math.floor(n / 2);
      return s.fill.repeat(left) + prefix + body + s.fill.repeat(n - left);
    }
    case "=":
      return prefix + s.fill.repeat(n) + body;
    default:
      return s.fill.repeat(n) + prefix + body;
  }
}

function invalidSpec(spec: string, typeName: string): Error {
  return valueError(`Invalid format specifier '${spec}' for object of type '${typeName}'`) as unknown as Error;
}

function parseSpecFor(spec: string, defaultAlign: string, typeName: string): Spec {
  try {
    return parseSpec(spec, defaultAlign);
  } catch (e) {
    if (e instanceof Object && PyObject_Str(e as PyObject).includes("%T")) throw invalidSpec(spec, typeName);
    throw e;
  }
}

/** format(str, spec) (CPython: format_string_internal). */
export function formatStrSpec(v: string, spec: string): string {
  if (spec === "") return v;
  const s = parseSpecFor(spec, "<", "str");
  if (s.type !== "" && s.type !== "s") throw valueError(`Unknown format code '${s.type}' for object of type 'str'`);
  if (s.sign) throw valueError("Sign not allowed in string format specifier");
  if (s.alt) throw valueError("Alternate form (#) not allowed in string format specifier");
  if (s.align === "=") throw valueError("'=' alignment not allowed in string format specifier");
  if (s.grouping) throw valueError(`Cannot specify '${s.grouping}' with 's'.`);
  let body = v;
  if (s.precision >= 0) body = codePoints(v).slice(0, s.precision).join("");
  return pad(body, "", s);
}

function group(digits: string, sep: string, size: number): string {
  if (!sep) return digits;
  let out = "";
  let n = 0;
  for (let i = digits.length - 1; i >= 0; i--) {
    out = digits[i] + out;
    if (++n % size === 0 && i > 0) out = sep + out;
  }
  return out;
}

/** Inserts grouping into an integer part, padding with zeros when zero-filling (CPython: _PyUnicode_InsertThousandsGrouping). */
function groupWithZeroFill(digits: string, sep: string, size: number, minWidth: number): string {
  if (!sep) return digits.padStart(minWidth, "0");
  let g = group(digits, sep, size);
  while (g.length < minWidth) {
    digits = "0" + digits;
    g = group(digits, sep, size);
  }
  return g;
}

function signOf(neg: boolean, s: Spec): string {
  if (neg) return "-";
  if (s.sign === "+") return "+";
  if (s.sign === " ") return " ";
  return "";
}

/** format(int, spec) (CPython: format_long_internal). */
export function formatIntSpec(v: PyInt, spec: string): string {
  if (spec === "") return String(v);
  const s = parseSpecFor(spec, ">", "int");
  switch (s.type) {
    case "e": case "E": case "f": case "F": case "g": case "G": case "%":
      return formatFloatSpec(Number(v), spec);
  }
  if (s.precision >= 0) throw valueError("Precision not allowed in integer format specifier");
  const neg = long_sign(v) < 0;
  const a = long_abs(v);
  let digits: string;
  let prefix = "";
  let gsize = 3;
  switch (s.type) {
    case "": case "d": case "n":
      digits = String(a);
      break;
    case "b":
      digits = a.toString(2);
      prefix = s.alt ? "0b" : "";
      gsize = 4;
      break;
    case "o":
      digits = a.toString(8);
      prefix = s.alt ? "0o" : "";
      gsize = 4;
      break;
    case "x":
      digits = a.toString(16);
      prefix = s.alt ? "0x" : "";
      gsize = 4;
      break;
    case "X":
      digits = a.toString(16).toUpperCase();
      prefix = s.alt ? "0X" : "";
      gsize = 4;
      break;
    case "c": {
      if (s.sign) throw valueError("Sign not allowed with integer format specifier 'c'");
      if (s.alt) throw valueError("Alternate form (#) not allowed with integer format specifier 'c'");
      const n = Number(v);
      if (n < 0 || n > 0x10ffff) throw overflowError("%c arg not in range(0x110000)");
      return pad(String.fromCodePoint(n), "", s);
    }
    default:
      throw valueError(`Unknown format code '${s.type}' for object of type 'int'`);
  }
  if (s.grouping === "," && s.type !== "" && s.type !== "d") {
    throw valueError(`Cannot specify ',' with '${s.type}'.`);
  }
  const sign = signOf(neg, s);
  if (s.align === "=" && s.fill === "0" && s.grouping) {
    const minWidth = Math.max(0, s.width - sign.length - prefix.length);
    return sign + prefix + groupWithZeroFill(digits, s.grouping, gsize, minWidth);
  }
  return pad(group(digits, s.grouping, gsize), sign + prefix, s);
}

/** x (finite, >= 0) as the exact fraction num / den of BigInts. */
function exactFraction(x: number): [bigint, bigint] {
  if (x === 0) return [0n, 1n];
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exp: number;
  if (biased === 0) exp = -1074;
  else {
    mant |= 1n << 52n;
    exp = biased - 1075;
  }
  return exp >= 0 ? [mant << BigInt(exp), 1n] : [mant, 1n << BigInt(-exp)];
}

/** num / den rounded to an integer, ties to even (as CPython's correctly rounded dtoa). */
function roundHalfEven(num: bigint, den: bigint): bigint {
  const q = num / den;
  const r2 = (num % den) * 2n;
  return r2 > den || (r2 === den && (q & 1n) === 1n) ? q + 1n : q;
}

/** Fixed-point digits of finite x >= 0 with prec decimals, correctly rounded (CPython: 'f'). */
function fixedDigits(x: number, prec: number): string {
  const [num, den] = exactFraction(x);
  const digits = roundHalfEven(num * 10n ** BigInt(prec), den).toString();
  if (prec === 0) return digits;
  const padded = digits.padStart(prec + 1, "0");
  return padded.slice(0, padded.length - prec) + "." + padded.slice(padded.length - prec);
}

/** Exponent digits of finite x >= 0 with prec decimals, correctly rounded (CPython: 'e'). */
function expDigits(x: number, prec: number, upper: boolean): string {
  let mantissa: string;
  let exp = 0;
  if (x === 0) mantissa = "0".repeat(prec + 1);
  else {
    const [num, den] = exactFraction(x);
    exp = Math.floor(Math.log10(x));
    for (;;) {
      const shift = prec - exp;
      const q = shift >= 0 ? roundHalfEven(num * 10n ** BigInt(shift), den) : roundHalfEven(num, den * 10n ** BigInt(-shift));
      mantissa = q.toString();
      if (mantissa.length > prec + 1) exp++;
      else if (mantissa.length < prec + 1) exp--;
      else break;
    }
  }
  const body = prec > 0 ? mantissa[0] + "." + mantissa.slice(1) : mantissa;
  const e = Math.abs(exp).toString().padStart(2, "0");
  return body + (upper ? "E" : "e") + (exp < 0 ? "-" : "+") + e;
}

/** %g formatting of a finite non-negative number (CPython: format_float_short with 'g'). */
function generalDigits(x: number, prec: number, alt: boolean, upper: boolean, noType = false): string {
  if (prec === 0) prec = 1;
  if (x === 0) return alt ? "0." + "0".repeat(prec - 1) : "0";
  // rounding can bump the exponent; determine it from the formatted exponent
  const et = expDigits(x, prec - 1, false);
  const exp = parseInt(et.slice(et.indexOf("e") + 1), 10);
  let r: string;
  // With no type code, fixed notation keeps a digit after the point, so it gives way one
  // exponent earlier (CPython: format_float_internal, type '' with a precision).
  if (exp < -4 || exp >= (noType ? prec - 1 : prec)) {
    r = expDigits(x, prec - 1, upper);
    if (!alt) r = r.replace(/\.?0+(?=[eE])/, "");
  } else {
    r = fixedDigits(x, Math.max(0, prec - 1 - exp));
    if (!alt) {
      if (r.includes(".")) r = r.replace(/\.?0+$/, "");
    } else if (!r.includes(".")) r += ".";
  }
  return r;
}

/** format(float, spec) (CPython: format_float_internal). */
export function formatFloatSpec(x: number, spec: string): string {
  if (spec === "") return formatFloatShortest(x, true);
  const s = parseSpecFor(spec, ">", "float");
  let type = s.type;
  let prec = s.precision;
  if ("eEfFgGn%".indexOf(type) < 0 && type !== "") throw valueError(`Unknown format code '${type}' for object of type 'float'`);
  if (type === "n") type = "g";
  const neg = x < 0 || Object.is(x, -0);
  let a = Math.abs(x);
  let body = "";
  let negOut = neg;
  if (type === "%") a *= 100;
  if (a !== a) {
    body = "nan";
    negOut = false;
    if (type === "E" || type === "F" || type === "G") body = "NAN";
  } else if (a === Infinity) {
    body = type === "E" || type === "F" || type === "G" ? "INF" : "inf";
  }
  if (a !== a || a === Infinity) {
    if (type === "%") body += "%";
  } else {
    switch (type) {
      case "":
        if (prec < 0) body = formatFloatShortest(a, true);
        else {
          body = generalDigits(a, prec, s.alt, false, true);
          if (!/[.e]/.test(body)) body += ".0";
        }
        break;
      case "f":
      case "F":
      case "%":
        body = fixedDigits(a, prec < 0 ? 6 : prec);
        if (s.alt && !body.includes(".")) body += ".";
        if (type === "%") body += "%";
        break;
      case "e":
      case "E":
        body = expDigits(a, prec < 0 ? 6 : prec, type === "E");
        if (s.alt && !body.includes(".")) body = body.replace(/[eE]/, ".$&");
        break;
      default:
        body = generalDigits(a, prec < 0 ? 6 : prec, s.alt, type === "G");
    }
    if (s.z && negOut && /^[0.%eE+\-]*$/.test(body.replace(/e[+-]\d+$/i, ""))) negOut = false;
  }
  const sign = signOf(negOut, s);
  if (s.grouping) {
    const m = /^(\d+)(.*)$/.exec(body);
    if (m) {
      if (s.align === "=" && s.fill === "0") {
        const minWidth = Math.max(0, s.width - sign.length - m[2].length);
        return sign + groupWithZeroFill(m[1], s.grouping, 3, minWidth) + m[2];
      }
      body = group(m[1], s.grouping, 3) + m[2];
    }
  }
  return pad(body, sign, s);
}

// --- str.format (CPython: Objects/stringlib/unicode_format.h) -------------------------------------------

/** Expands a format string; `kw` looks up keyword fields. */
export function formatString(template: string, args: readonly PyObject[], kw: (name: string) => PyObject, depth = 2): string {
  let out = "";
  let auto = 0;
  let manual = false;
  let autoUsed = false;
  const n = template.length;
  let i = 0;
  while (i < n) {
    const c = template[i];
    if (c === "{") {
      if (template[i + 1] === "{") {
        out += "{";
        i += 2;
        continue;
      }
      // find matching close brace (nested braces allowed in the spec)
      let j = i + 1;
      let level = 1;
      while (j < n && level > 0) {
        if (template[j] === "{") level++;
        else if (template[j] === "}") level--;
        if (level > 0) j++;
      }
      if (level > 0) throw valueError("expected '}' before end of string");
      const field = template.slice(i + 1, j);
      i = j + 1;
      // split field_name, conversion, spec
      let k = 0;
      let bracket = false;
      while (k < field.length) {
        const ch = field[k];
        if (ch === "[") bracket = true;
        else if (ch === "]") bracket = false;
        else if (!bracket && (ch === "!" || ch === ":")) break;
        k++;
      }
      const name = field.slice(0, k);
      let conv = "";
      let spec = "";
      if (field[k] === "!") {
        conv = field[k + 1] ?? "";
        if (k + 2 < field.length && field[k + 2] !== ":") throw valueError("expected ':' after conversion specifier");
        if (k + 1 >= field.length) throw valueError("end of string while looking for conversion specifier");
        spec = field.slice(k + 3);
      } else if (field[k] === ":") spec = field.slice(k + 1);
      // resolve the object
      const m = /^([^.[]*)(.*)$/s.exec(name) as RegExpExecArray;
      const first = m[1];
      let obj: PyObject;
      if (first === "") {
        if (manual) throw valueError("cannot switch from manual field specification to automatic field numbering");
        autoUsed = true;
        if (auto >= args.length) throw indexError(`Replacement index ${auto} out of range for positional args tuple`);
        obj = args[auto++];
      } else if (/^\d+$/.test(first)) {
        if (autoUsed) throw valueError("cannot switch from automatic field numbering to manual field specification");
        manual = true;
        const idx = parseInt(first, 10);
        if (idx >= args.length) throw indexError(`Replacement index ${idx} out of range for positional args tuple`);
        obj = args[idx];
      } else obj = kw(first);
      let rest = m[2];
      while (rest) {
        const a = /^\.([^.[]+)/.exec(rest);
        if (a) {
          obj = PyObject_GetAttr(obj, a[1]);
          rest = rest.slice(a[0].length);
          continue;
        }
        const b = /^\[([^\]]*)\]/.exec(rest);
        if (b) {
          obj = PyObject_GetItem(obj, /^\d+$/.test(b[1]) ? parseInt(b[1], 10) : b[1]);
          rest = rest.slice(b[0].length);
          continue;
        }
        throw valueError("Only '.' or '[' may follow ']' in format field specifier");
      }
      switch (conv) {
        case "":
          break;
        case "r":
          obj = PyObject_Repr(obj);
          break;
        case "s":
          obj = PyObject_Str(obj);
          break;
        case "a":
          obj = PyObject_ASCII(obj);
          break;
        default:
          throw valueError(`Unknown conversion specifier ${conv}`);
      }
      if (spec.includes("{")) {
        if (depth <= 0) throw valueError("Max string recursion exceeded");
        spec = formatString(spec, args.slice(auto), kw, depth - 1);
      }
      out += PyObject_Format(obj, spec);
    } else if (c === "}") {
      if (template[i + 1] === "}") {
        out += "}";
        i += 2;
        continue;
      }
      throw valueError("Single '}' encountered in format string");
    } else {
      out += c;
      i++;
    }
  }
  return out;
}
