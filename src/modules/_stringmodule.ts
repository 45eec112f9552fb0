// CPython: Objects/unicodeobject.c (_string module) and Objects/stringlib/unicode_format.h
// (MarkupIterator, FieldNameIterator): the format-string parsers string.Formatter uses.
import { PyObjectBase, type PyObject, newStaticType, PyBaseObject_Type, Py_None, Py_TYPE } from "../objects/object.js";
import { PyModule } from "../objects/moduleobject.js";
import { PyTuple } from "../objects/tupleobject.js";
import { newBuiltinFunction } from "../objects/methodobject.js";
import { typeError, valueError } from "../python/errors.js";
import { checkPositional } from "../python/getargs.js";

class PyFormatIter extends PyObjectBase {
  constructor(readonly gen: Iterator<PyObject>) {
    super();
  }
}
const PyFormatterIter_Type = newStaticType("formatteriterator", PyBaseObject_Type, 0);
const PyFieldNameIter_Type = newStaticType("fieldnameiterator", PyBaseObject_Type, 0);
for (const T of [PyFormatterIter_Type, PyFieldNameIter_Type]) {
  T.tp_iter = (v) => v;
  T.tp_iternext = (v) => {
    const r = (v as PyFormatIter).gen.next();
    return r.done ? null : r.value;
  };
}
function iterOf(type: typeof PyFormatterIter_Type, gen: Iterator<PyObject>): PyFormatIter {
  const it = new PyFormatIter(gen);
  it.ob_type = type;
  return it;
}

/** (literal, field_name, format_spec, conversion) per piece (CPython: MarkupIterator_next). */
function* markup(s: string): Generator<PyObject> {
  const n = s.length;
  let i = 0;
  while (i < n) {
    let literal = "";
    let markupFollows = false;
    while (i < n) {
      const c = s[i++];
      if (c !== "{" && c !== "}") {
        literal += c;
        continue;
      }
      const next = i < n ? s[i] : "";
      if (next === c) {
        // doubled brace: one literal brace ends this piece
        literal += c;
        i++;
        break;
      }
      if (c === "}") throw valueError("Single '}' encountered in format string");
      if (i >= n) throw valueError("Single '{' encountered in format string");
      markupFollows = true;
      break;
    }
    if (!markupFollows) {
      yield new PyTuple([literal, Py_None, Py_None, Py_None]);
      continue;
    }
    // field name up to ':', '!' or '}' (CPython: parse_field)
    const nameStart = i;
    let stop = "";
    while (i < n) {
      const c = s[i++];
      if (c === "{") throw valueError("unexpected '{' in field name");
      if (c === "[") {
        while (i < n && s[i] !== "]") i++;
        continue;
      }
      if (c === "}" || c === ":" || c === "!") {
        stop = c;
        break;
      }
    }
    if (stop === "") throw valueError("expected '}' before end of string");
    const name = s.slice(nameStart, i - 1);
    let conversion: PyObject = Py_None;
    let spec = "";
    if (stop !== "}") {
      let inSpec = stop === ":";
      if (stop === "!") {
        if (i >= n) throw valueError("end of string while looking for conversion specifier");
        conversion = s[i++];
        if (i < n) {
          const c = s[i++];
          if (c === ":") inSpec = true;
          else if (c !== "}") throw valueError("expected ':' after conversion specifier");
        } else inSpec = true;
      }
      if (inSpec) {
        // the spec runs to the matching '}'
        let level = 1;
        const specStart = i;
        for (; i < n; i++) {
          if (s[i] === "{") level++;
          else if (s[i] === "}" && --level === 0) break;
        }
        if (level > 0) throw valueError("unmatched '{' in format spec");
        spec = s.slice(specStart, i);
        i++;
      }
    }
    yield new PyTuple([literal, name, spec, conversion]);
  }
}

const digits = /^[0-9]+$/;
const keyOf = (s: string): PyObject => (digits.test(s) ? Number(s) : s);

/** (is_attribute, key) per accessor after the first name (CPython: FieldNameIterator_next). */
function* fieldNameRest(rest: string): Generator<PyObject> {
  let i = 0;
  const n = rest.length;
  while (i < n) {
    const c = rest[i++];
    if (c === ".") {
      let j = i;
      while (j < n && rest[j] !== "." && rest[j] !== "[") j++;
      const name = rest.slice(i, j);
      if (name === "") throw valueError("Empty attribute in format string");
      i = j;
      yield new PyTuple([true, name]);
    } else if (c === "[") {
      let j = i;
      while (j < n && rest[j] !== "]") j++;
      if (j >= n) throw valueError("Missing ']' in format string");
      const key = rest.slice(i, j);
      if (key === "") throw valueError("Empty attribute in format string");
      i = j + 1;
      yield new PyTuple([false, keyOf(key)]);
    } else throw valueError("Only '.' or '[' may follow ']' in format field specifier");
  }
}

function strArg(fname: string, v: PyObject): string {
  if (typeof v !== "string") throw typeError(`expected str, got ${Py_TYPE(v).tp_name}`);
  void fname;
  return v;
}

export function init_string(): PyModule {
  const m = new PyModule("_string", "string helper module");
  m.dict.setStr(
    "formatter_parser",
    newBuiltinFunction("formatter_parser", (_s, args, start, nargs) => {
      checkPositional("formatter_parser", nargs, 1, 1);
      return iterOf(PyFormatterIter_Type, markup(strArg("formatter_parser", args[start])));
    }, "_string"),
  );
  m.dict.setStr(
    "formatter_field_name_split",
    newBuiltinFunction("formatter_field_name_split", (_s, args, start, nargs) => {
      checkPositional("formatter_field_name_split", nargs, 1, 1);
      const s = strArg("formatter_field_name_split", args[start]);
      let k = 0;
      while (k < s.length && s[k] !== "." && s[k] !== "[") k++;
      const first = s.slice(0, k);
      return new PyTuple([keyOf(first), iterOf(PyFieldNameIter_Type, fieldNameRest(s.slice(k)))]);
    }, "_string"),
  );
  return m;
}
