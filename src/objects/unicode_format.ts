// CPython: Objects/unicodeobject.c (PyUnicode_Format: printf-style `str % args`)
import { type PyObject, Py_TYPE } from "./object.js";
import { PyTuple } from "./tupleobject.js";
import { PyDict } from "./dictobject.js";
import { PyFloat } from "./floatobject.js";
import { PyObject_Str, PyObject_Repr, PyObject_ASCII, PyObject_GetItem, PyNumber_Index, PyNumber_Long, PyFloat_AsDouble } from "./abstract.js";
import { formatIntSpec, formatFloatSpec } from "./formatter.js";
import { codePoints } from "./unicodeobject.js";
import { typeError, valueError, overflowError } from "../python/errors.js";
import { type PyInt, asInt } from "./longobject.js";

function isMapping(v: PyObject): boolean {
  return v instanceof PyDict || (!(v instanceof PyTuple) && typeof v !== "string" && Py_TYPE(v).mp_subscript !== null);
}

export function percentFormat(fmt: string, values: PyObject): string {
  const tuple = values instanceof PyTuple ? values.items : null;
  const dict = tuple === null && isMapping(values) ? values : null;
  let argi = 0;
  const nextArg = (): PyObject => {
    if (tuple !== null) {
      if (argi >= tuple.length) throw typeError("not enough arguments for format string");
      return tuple[argi++];
    }
    if (argi++ > 0) throw typeError("not enough arguments for format string");
    return values;
  };
  let out = "";
  const n = fmt.length;
  let i = 0;
  while (i < n) {
    const pct = fmt.indexOf("%", i);
    if (pct < 0) {
      out += fmt.slice(i);
      break;
    }
    out += fmt.slice(i, pct);
    i = pct + 1;
    if (i >= n) throw valueError("incomplete format");
    let arg: PyObject | null = null;
    if (fmt[i] === "(") {
      if (dict === null) throw typeError("format requires a mapping");
      let depth = 1;
      let j = i + 1;
      while (j < n && depth > 0) {
        if (fmt[j] === "(") depth++;
        else if (fmt[j] === ")") depth--;
        j++;
      }
      if (depth > 0) throw valueError("incomplete format key");
      arg = PyObject_GetItem(dict, fmt.slice(i + 1, j - 1));
      i = j;
    }
    let flags = "";
    while (i < n && "-+ #0".includes(fmt[i])) flags += fmt[i++];
    let width = "";
    if (fmt[i] === "*") {
      const w = nextArg();
      if (typeof w !== "number") throw typeError("* wants int");
      width = String(w);
      if (w < 0) {
        flags += "-";
        width = String(-w);
      }
      i++;
    } else while (i < n && fmt[i] >= "0" && fmt[i] <= "9") width += fmt[i++];
    let prec = "";
    let hasPrec = false;
    if (fmt[i] === ".") {
      hasPrec = true;
      i++;
      if (fmt[i] === "*") {
        const p = nextArg();
        if (typeof p !== "number") throw typeError("* wants int");
        prec = String(Math.max(0, p));
        i++;
      } else while (i < n && fmt[i] >= "0" && fmt[i] <= "9") prec += fmt[i++];
      if (!prec) prec = "0";
    }
    while (i < n && "hlL".includes(fmt[i])) i++;
    if (i >= n) throw valueError("incomplete format");
    const conv = fmt[i++];
    if (conv === "%") {
      out += "%";
      continue;
    }
    if (arg === null) arg = dict !== null ? values : nextArg();
    const left = flags.includes("-");
    const zero = flags.includes("0") && !left;
    const sign = flags.includes("+") ? "+" : flags.includes(" ") ? " " : "";
    const alt = flags.includes("#");
    let spec = "";
    let body: string;
    switch (conv) {
      case "s":
      case "r":
      case "a": {
        body = conv === "s" ? PyObject_Str(arg) : conv === "r" ? PyObject_Repr(arg) : PyObject_ASCII(arg);
        if (hasPrec) body = codePoints(body).slice(0, +prec).join("");
        const len = codePoints(body).length;
        if (width && len < +width) body = left ? body + " ".repeat(+width - len) : " ".repeat(+width - len) + body;
        out += body;
        continue;
      }
      case "d":
      case "i":
      case "u": {
        let v: PyInt;
        if (arg instanceof PyFloat) v = PyNumber_Long(arg);
        else if (asInt(arg) !== null) v = asInt(arg) as PyInt;
        else {
          try {
            v = PyNumber_Long(arg);
          } catch {
            throw typeError(`%${conv} format: a real number is required, not ${Py_TYPE(arg).tp_name}`);
          }
        }
        spec = `${left ? "<" : ""}${sign}${zero ? "0" : ""}${width}d`;
        body = formatIntSpec(v, spec);
        if (hasPrec) {
          const neg = body.trimStart().startsWith("-");
          const digits = body.trim().replace(/^[-+ ]/, "");
          if (digits.length < +prec) {
            body = (neg ? "-" : sign) + digits.padStart(+prec, "0");
            if (width && body.length < +width) body = left ? body.padEnd(+width) : body.padStart(+width);
          }
        }
        out += body;
        continue;
      }
      case "x":
      case "X":
      case "o": {
        if (asInt(arg) === null && Py_TYPE(arg).nb_index === null) {
          throw typeError(`%${conv} format: an integer is required, not ${Py_TYPE(arg).tp_name}`);
        }
        const v = PyNumber_Index(arg);
        spec = `${left ? "<" : ""}${sign}${alt ? "#" : ""}${zero ? "0" : ""}${width}${conv}`;
        out += formatIntSpec(v, spec);
        continue;
      }
      case "e":
      case "E":
      case "f":
      case "F":
      case "g":
      case "G": {
        let x: number;
        try {
          x = PyFloat_AsDouble(arg);
        } catch {
          throw typeError(`must be real number, not ${Py_TYPE(arg).tp_name}`);
        }
        spec = `${left ? "<" : ""}${sign}${alt ? "#" : ""}${zero ? "0" : ""}${width}.${hasPrec ? prec : "6"}${conv}`;
        out += formatFloatSpec(x, spec);
        continue;
      }
      case "c": {
        let ch: string;
        if (typeof arg === "string") {
          if (codePoints(arg).length !== 1) throw typeError(`%c requires an int or a unicode character, not a string of length ${codePoints(arg).length}`);
          ch = arg;
        } else {
          const v = asInt(arg);
          if (v === null) throw typeError(`%c requires an int or a unicode character, not ${Py_TYPE(arg).tp_name}`);
          if (typeof v !== "number" || v < 0 || v > 0x10ffff) throw overflowError("%c arg not in range(0x110000)");
          ch = String.fromCodePoint(v);
        }
        if (width && 1 < +width) ch = left ? ch + " ".repeat(+width - 1) : " ".repeat(+width - 1) + ch;
        out += ch;
        continue;
      }
      default:
        throw valueError(
          `unsupported format character '${conv}' (0x${conv.charCodeAt(0).toString(16)}) at index ${i - 1}`,
        );
    }
  }
  if (tuple !== null && argi < tuple.length) throw typeError("not all arguments converted during string formatting");
  if (tuple === null && dict === null && argi === 0) throw typeError("not all arguments converted during string formatting");
  return out;
}
