// CPython: Modules/_csv.c — CSV parsing and writing: Dialect, reader, writer, the dialect
// registry and field_size_limit. Characters are handled as code points (Python's str indexing).
import {
  PyObjectBase, type PyObject, type PyTypeObject, newStaticType, PyBaseObject_Type, Py_None, Py_TYPE, PyType_IsSubtype,
  PyUnicode_Type, PyLong_Type, Py_TPFLAGS_BASETYPE,
} from "../objects/object.js";
import { PyModule } from "../objects/moduleobject.js";
import { PyTuple } from "../objects/tupleobject.js";
import { PyList } from "../objects/listobject.js";
import { PyDict } from "../objects/dictobject.js";
import { PyFloat_Type } from "../objects/floatobject.js";
import { PyStrBox } from "../objects/unicodeobject.js";
import { newBuiltinFunction } from "../objects/methodobject.js";
import {
  PyObject_IsTrue, PyObject_GetOptionalAttr, PyObject_GetIter, PyIter_Next, PyObject_CallOneArg, PyObject_Str,
  PyNumber_Index,
} from "../objects/abstract.js";
import { _PyType_Lookup } from "../objects/typeobject.js";
import { PyExc_Exception, PyExc_TypeError, PyExc_OverflowError, type PyBaseException } from "../objects/exceptions.js";
import { PyErr_Format, PyErr_ExceptionMatches, typeError, valueError } from "../python/errors.js";
import { ArgParser } from "../python/getargs.js";

type Fast = (self: PyObject, args: readonly PyObject[], start: number, nargs: number, kwnames: PyTuple | null) => PyObject;

export const CsvError = newStaticType("_csv.Error", PyExc_Exception, Py_TPFLAGS_BASETYPE);
const csvError = (msg: string): PyBaseException => PyErr_Format(CsvError, msg);

const QUOTE_MINIMAL = 0, QUOTE_ALL = 1, QUOTE_NONNUMERIC = 2, QUOTE_NONE = 3, QUOTE_STRINGS = 4, QUOTE_NOTNULL = 5;
/** No character (CPython: NOT_SET). */
const NOT_SET = -1;
/** End of a line, fed to the parser after each line's characters (CPython: EOL). */
const EOL = -2;

function isStr(v: PyObject): boolean {
  return typeof v === "string" || PyType_IsSubtype(Py_TYPE(v), PyUnicode_Type);
}
function strValue(v: PyObject): string {
  return typeof v === "string" ? v : (v as PyStrBox).value;
}

export class PyDialect extends PyObjectBase {
  delimiter = 0x2c;
  quotechar: number = 0x22;
  escapechar: number = NOT_SET;
  doublequote = true;
  skipinitialspace = false;
  lineterminator = "\r\n";
  quoting = QUOTE_MINIMAL;
  strict = false;
}
export const PyDialect_Type = newStaticType("_csv.Dialect", PyBaseObject_Type, Py_TPFLAGS_BASETYPE);
PyDialect.prototype.ob_type = PyDialect_Type;
PyDialect_Type.tp_doc =
  "CSV dialect\n\nThe Dialect type records CSV parsing and generation options.\n";

const charOrNone = (c: number): PyObject => (c === NOT_SET ? Py_None : String.fromCodePoint(c));
PyDialect_Type.tp_getset = [
  { name: "delimiter", get: (v) => charOrNone((v as PyDialect).delimiter) },
  { name: "escapechar", get: (v) => charOrNone((v as PyDialect).escapechar) },
  { name: "quotechar", get: (v) => charOrNone((v as PyDialect).quotechar) },
  { name: "lineterminator", get: (v) => (v as PyDialect).lineterminator },
  { name: "quoting", get: (v) => (v as PyDialect).quoting },
  { name: "doublequote", get: (v) => (v as PyDialect).doublequote },
  { name: "skipinitialspace", get: (v) => (v as PyDialect).skipinitialspace },
  { name: "strict", get: (v) => (v as PyDialect).strict },
];

/** CPython: _set_char — a one-character str. */
function setChar(name: string, v: PyObject, orNone: boolean): number {
  if (orNone && v === Py_None) return NOT_SET;
  const what = orNone ? "a unicode character or None" : "a unicode character";
  if (!isStr(v)) throw typeError(`"${name}" must be ${what}, not ${Py_TYPE(v).tp_name}`);
  const cps = [...strValue(v)];
  if (cps.length !== 1) throw typeError(`"${name}" must be ${what}, not a string of length ${cps.length}`);
  return cps[0].codePointAt(0) as number;
}

function checkChar(name: string, c: number, d: PyDialect, allowSpace: boolean): void {
  if (c === NOT_SET) return;
  if (c === 0x0d || c === 0x0a || (c === 0x20 && !allowSpace)) throw valueError(`bad ${name} value`);
  if ([...d.lineterminator].some((x) => x.codePointAt(0) === c)) throw valueError(`bad ${name} or lineterminator value`);
}
function checkChars(n1: string, n2: string, c1: number, c2: number): void {
  if (c1 === c2 && c1 !== NOT_SET) throw valueError(`bad ${n1} or ${n2} value`);
}

const DIALECT_ATTRS = ["delimiter", "doublequote", "escapechar", "lineterminator", "quotechar", "quoting", "skipinitialspace", "strict"];
const dialectArgs = new ArgParser("Dialect", ["dialect", ...DIALECT_ATTRS], { posonly: 0 });

const dialects = new PyDict();

/** CPython: get_dialect_from_registry. */
function registryGet(name: PyObject): PyObject {
  const d = dialects.getItem(name);
  if (d === undefined) throw csvError("unknown dialect");
  return d;
}

/** CPython: dialect_new — from a dialect (name, Dialect or any object with the attributes) and keywords. */
function dialectNew(type: PyTypeObject, dialectArg: PyObject | null, kw: Map<string, PyObject>): PyObject {
  let dialect = dialectArg;
  if (dialect !== null && isStr(dialect)) dialect = registryGet(dialect);
  // an existing Dialect with nothing overridden is returned as it is
  if (dialect instanceof PyDialect && Py_TYPE(dialect) === PyDialect_Type && type === PyDialect_Type && kw.size === 0) return dialect;
  const get = (name: string): PyObject | null => {
    const v = kw.get(name);
    if (v !== undefined) return v;
    return dialect !== null ? PyObject_GetOptionalAttr(dialect, name) : null;
  };
  const delimiter = get("delimiter"), doublequote = get("doublequote"), escapechar = get("escapechar");
  const lineterminator = get("lineterminator"), quotechar = get("quotechar"), quoting = get("quoting");
  const skipinitialspace = get("skipinitialspace"), strict = get("strict");
  const d = new PyDialect();
  if (type !== PyDialect_Type) d.ob_type = type;
  if (delimiter !== null) d.delimiter = setChar("delimiter", delimiter, false);
  if (doublequote !== null) d.doublequote = PyObject_IsTrue(doublequote);
  if (escapechar !== null) d.escapechar = setChar("escapechar", escapechar, true);
  if (lineterminator !== null) {
    if (!isStr(lineterminator)) throw typeError(`"lineterminator" must be a string, not ${Py_TYPE(lineterminator).tp_name}`);
    d.lineterminator = strValue(lineterminator);
  }
  if (quotechar !== null) d.quotechar = setChar("quotechar", quotechar, true);
  if (quoting !== null) {
    if (typeof quoting !== "number" && !PyType_IsSubtype(Py_TYPE(quoting), PyLong_Type)) {
      throw typeError(`"quoting" must be an integer, not ${Py_TYPE(quoting).tp_name}`);
    }
    const q = PyNumber_Index(quoting);
    if (typeof q !== "number" || q < QUOTE_MINIMAL || q > QUOTE_NOTNULL) throw typeError('bad "quoting" value');
    d.quoting = q;
  }
  if (skipinitialspace !== null) d.skipinitialspace = PyObject_IsTrue(skipinitialspace);
  if (strict !== null) d.strict = PyObject_IsTrue(strict);
  if (quotechar === Py_None && quoting === null) d.quoting = QUOTE_NONE;
  if (d.quoting !== QUOTE_NONE && d.quotechar === NOT_SET) throw typeError("quotechar must be set if quoting enabled");
  checkChar("delimiter", d.delimiter, d, true);
  checkChar("escapechar", d.escapechar, d, !d.skipinitialspace);
  checkChar("quotechar", d.quotechar, d, !d.skipinitialspace);
  checkChars("delimiter", "escapechar", d.delimiter, d.escapechar);
  checkChars("delimiter", "quotechar", d.delimiter, d.quotechar);
  checkChars("escapechar", "quotechar", d.escapechar, d.quotechar);
  return d;
}

/** The keyword arguments as a map, rejecting unknown names (CPython's message for this function). */
function keywordMap(args: readonly PyObject[], start: number, nargs: number, kwnames: PyTuple | null): Map<string, PyObject> {
  const kw = new Map<string, PyObject>();
  if (kwnames === null) return kw;
  for (let i = 0; i < kwnames.items.length; i++) {
    const name = kwnames.items[i] as string;
    if (!DIALECT_ATTRS.includes(name)) throw typeError(`this function got an unexpected keyword argument '${name}'`);
    kw.set(name, args[start + nargs + i]);
  }
  return kw;
}

PyDialect_Type.tp_new = (type, args, start, nargs, kwnames) => {
  if (nargs > 1) throw typeError(`Dialect() takes at most 1 positional argument (${nargs} given)`);
  const kw = kwnames !== null && kwnames.items.includes("dialect") ? null : keywordMap(args, start, nargs, kwnames);
  if (kw === null) {
    const a = dialectArgs.parse(args, start, nargs, kwnames);
    const m = new Map<string, PyObject>();
    DIALECT_ATTRS.forEach((n, i) => a[i + 1] !== null && m.set(n, a[i + 1] as PyObject));
    return dialectNew(type, a[0], m);
  }
  return dialectNew(type, nargs > 0 ? args[start] : null, kw);
};

function callDialect(dialectArg: PyObject | null, kw: Map<string, PyObject>): PyDialect {
  return dialectNew(PyDialect_Type, dialectArg, kw) as PyDialect;
}

// --- reader ---------------------------------------------------------------------------------------------

const enum State {
  START_RECORD, START_FIELD, ESCAPED_CHAR, IN_FIELD, IN_QUOTED_FIELD, ESCAPE_IN_QUOTED_FIELD, QUOTE_IN_QUOTED_FIELD,
  EAT_CRNL, AFTER_ESCAPED_CRNL,
}

let fieldLimit = 128 * 1024;

export class PyReader extends PyObjectBase {
  state = State.START_RECORD;
  fields: PyObject[] | null = null;
  field: number[] = [];
  unquotedField = false;
  lineNum = 0;
  constructor(
    readonly input: PyObject,
    readonly dialect: PyDialect,
  ) {
    super();
  }
}
export const PyReader_Type = newStaticType("_csv.reader", PyBaseObject_Type, 0);
PyReader.prototype.ob_type = PyReader_Type;
PyReader_Type.tp_doc =
  "CSV reader\n\nReader objects are responsible for reading and parsing tabular data\nin CSV format.\n";

function saveField(r: PyReader): void {
  const q = r.dialect.quoting;
  let field: PyObject;
  if (r.unquotedField && r.field.length === 0 && (q === QUOTE_NOTNULL || q === QUOTE_STRINGS)) field = Py_None;
  else {
    field = String.fromCodePoint(...r.field);
    if (r.unquotedField && r.field.length !== 0 && (q === QUOTE_NONNUMERIC || q === QUOTE_STRINGS)) {
      field = PyObject_CallOneArg(PyFloat_Type, field);
    }
  }
  r.field = [];
  (r.fields as PyObject[]).push(field);
}

function addChar(r: PyReader, c: number): void {
  if (r.field.length >= fieldLimit) throw csvError(`field larger than field limit (${fieldLimit})`);
  r.field.push(c);
}

function startField(r: PyReader, c: number, nl: boolean): void {
  const d = r.dialect;
  r.unquotedField = true;
  if (nl || c === EOL) {
    saveField(r);
    r.state = c === EOL ? State.START_RECORD : State.EAT_CRNL;
  } else if (c === d.quotechar && d.quoting !== QUOTE_NONE) {
    r.unquotedField = false;
    r.state = State.IN_QUOTED_FIELD;
  } else if (c === d.escapechar) {
    r.state = State.ESCAPED_CHAR;
  } else if (c === 0x20 && d.skipinitialspace) {
    // spaces at the start of a field are skipped
  } else if (c === d.delimiter) {
    saveField(r);
  } else {
    addChar(r, c);
    r.state = State.IN_FIELD;
  }
}

function inField(r: PyReader, c: number, nl: boolean): void {
  const d = r.dialect;
  if (nl || c === EOL) {
    saveField(r);
    r.state = c === EOL ? State.START_RECORD : State.EAT_CRNL;
  } else if (c === d.escapechar) {
    r.state = State.ESCAPED_CHAR;
  } else if (c === d.delimiter) {
    saveField(r);
    r.state = State.START_FIELD;
  } else {
    addChar(r, c);
  }
}

/** CPython: parse_process_char. */
function processChar(r: PyReader, c: number): void {
  const d = r.dialect;
  const nl = c === 0x0a || c === 0x0d;
  switch (r.state) {
    case State.START_RECORD:
      if (c === EOL) break;
      if (nl) {
        r.state = State.EAT_CRNL;
        break;
      }
      r.state = State.START_FIELD;
      startField(r, c, nl);
      break;
    case State.START_FIELD:
      startField(r, c, nl);
      break;
    case State.ESCAPED_CHAR:
      if (nl) {
        addChar(r, c);
        r.state = State.AFTER_ESCAPED_CRNL;
        break;
      }
      addChar(r, c === EOL ? 0x0a : c);
      r.state = State.IN_FIELD;
      break;
    case State.AFTER_ESCAPED_CRNL:
      if (c !== EOL) inField(r, c, nl);
      break;
    case State.IN_FIELD:
      inField(r, c, nl);
      break;
    case State.IN_QUOTED_FIELD:
      if (c === EOL) {
        // a line break inside quotes: the next line continues the field
      } else if (c === d.escapechar) {
        r.state = State.ESCAPE_IN_QUOTED_FIELD;
      } else if (c === d.quotechar && d.quoting !== QUOTE_NONE) {
        r.state = d.doublequote ? State.QUOTE_IN_QUOTED_FIELD : State.IN_FIELD;
      } else {
        addChar(r, c);
      }
      break;
    case State.ESCAPE_IN_QUOTED_FIELD:
      addChar(r, c === EOL ? 0x0a : c);
      r.state = State.IN_QUOTED_FIELD;
      break;
    case State.QUOTE_IN_QUOTED_FIELD:
      if (d.quoting !== QUOTE_NONE && c === d.quotechar) {
        addChar(r, c);
        r.state = State.IN_QUOTED_FIELD;
      } else if (c === d.delimiter) {
        saveField(r);
        r.state = State.START_FIELD;
      } else if (nl || c === EOL) {
        saveField(r);
        r.state = c === EOL ? State.START_RECORD : State.EAT_CRNL;
      } else if (!d.strict) {
        addChar(r, c);
        r.state = State.IN_FIELD;
      } else {
        throw csvError(`'${String.fromCodePoint(d.delimiter)}' expected after '${String.fromCodePoint(d.quotechar)}'`);
      }
      break;
    case State.EAT_CRNL:
      if (nl) break;
      if (c === EOL) r.state = State.START_RECORD;
      else throw csvError("new-line character seen in unquoted field - do you need to open the file with newline=''?");
      break;
  }
}

PyReader_Type.tp_iter = (v) => v;
PyReader_Type.tp_iternext = (v) => {
  const r = v as PyReader;
  r.fields = [];
  r.field = [];
  r.state = State.START_RECORD;
  do {
    const line = PyIter_Next(r.input);
    if (line === null) {
      if (r.field.length !== 0 || (r.state as State) === State.IN_QUOTED_FIELD) {
        if (r.dialect.strict) throw csvError("unexpected end of data");
        saveField(r);
        break;
      }
      return null;
    }
    if (!isStr(line)) {
      throw csvError(`iterator should return strings, not ${Py_TYPE(line).tp_name} (the file should be opened in text mode)`);
    }
    r.lineNum++;
    const s = strValue(line);
    for (let i = 0; i < s.length; i++) {
      let c = s.charCodeAt(i);
      if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
        const lo = s.charCodeAt(i + 1);
        if (lo >= 0xdc00 && lo < 0xe000) {
          c = 0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00);
          i++;
        }
      }
      processChar(r, c);
    }
    processChar(r, EOL);
  } while (r.state !== State.START_RECORD);
  const fields = r.fields as PyObject[];
  r.fields = null;
  return new PyList(fields);
};
PyReader_Type.tp_getset = [
  { name: "dialect", get: (v) => (v as PyReader).dialect },
  { name: "line_num", get: (v) => (v as PyReader).lineNum },
];

/** The dialect argument and keywords shared by reader() and writer(). */
function dialectFromCall(args: readonly PyObject[], start: number, nargs: number, kwnames: PyTuple | null, fname: string): [PyObject, PyDialect] {
  if (nargs < 1) throw typeError(`expected at least 1 argument, got 0`);
  if (nargs > 2) throw typeError(`${fname} expected at most 2 arguments, got ${nargs}`);
  const kw = new Map<string, PyObject>();
  let dialectArg: PyObject | null = nargs > 1 ? args[start + 1] : null;
  if (kwnames !== null) {
    for (let i = 0; i < kwnames.items.length; i++) {
      const name = kwnames.items[i] as string;
      const v = args[start + nargs + i];
      if (name === "dialect") dialectArg = v;
      else if (DIALECT_ATTRS.includes(name)) kw.set(name, v);
      else throw typeError(`this function got an unexpected keyword argument '${name}'`);
    }
  }
  return [args[start], callDialect(dialectArg, kw)];
}

const reader: Fast = (_s, args, start, nargs, kwnames) => {
  const [file, dialect] = dialectFromCall(args, start, nargs, kwnames, "reader");
  return new PyReader(PyObject_GetIter(file), dialect);
};

// --- writer ---------------------------------------------------------------------------------------------

export class PyWriter extends PyObjectBase {
  constructor(
    readonly write: PyObject,
    readonly dialect: PyDialect,
  ) {
    super();
  }
}
export const PyWriter_Type = newStaticType("_csv.writer", PyBaseObject_Type, 0);
PyWriter.prototype.ob_type = PyWriter_Type;
PyWriter_Type.tp_doc =
  "CSV writer\n\nWriter objects are responsible for generating tabular data\nin CSV format from sequence input.\n";

/** CPython: PyNumber_Check — int, float, complex or anything with __index__/__int__/__float__. */
function PyNumber_Check(v: PyObject): boolean {
  if (typeof v === "number" || typeof v === "bigint" || typeof v === "boolean") return true;
  const t = Py_TYPE(v);
  return _PyType_Lookup(t, "__index__") !== null || _PyType_Lookup(t, "__int__") !== null ||
    _PyType_Lookup(t, "__float__") !== null || t.tp_name === "complex" || _PyType_Lookup(t, "__complex__") !== null;
}

function hasChar(s: string, c: number): boolean {
  for (const x of s) if (x.codePointAt(0) === c) return true;
  return false;
}

/** CPython: join_append_data — the field as written, quoted when needed. */
function joinField(d: PyDialect, field: string | null, quoted: boolean): string {
  let body = "";
  if (field !== null) {
    for (const ch of field) {
      const c = ch.codePointAt(0) as number;
      if (c === d.delimiter || c === d.escapechar || c === d.quotechar || c === 0x0a || c === 0x0d || hasChar(d.lineterminator, c)) {
        let wantEscape = false;
        if (d.quoting === QUOTE_NONE) wantEscape = true;
        else {
          if (c === d.quotechar) {
            if (d.doublequote) body += ch;
            else wantEscape = true;
          } else if (c === d.escapechar) {
            wantEscape = true;
          }
          if (!wantEscape) quoted = true;
        }
        if (wantEscape) {
          if (d.escapechar === NOT_SET) throw csvError("need to escape, but no escapechar set");
          body += String.fromCodePoint(d.escapechar);
        }
      }
      body += ch;
    }
  }
  if (!quoted) return body;
  const q = String.fromCodePoint(d.quotechar);
  return q + body + q;
}

function writerow(w: PyWriter, seq: PyObject): PyObject {
  const d = w.dialect;
  let it: PyObject;
  try {
    it = PyObject_GetIter(seq);
  } catch (e) {
    if (PyErr_ExceptionMatches(e, PyExc_TypeError)) throw csvError(`iterable expected, not ${Py_TYPE(seq).tp_name}`);
    throw e;
  }
  const parts: string[] = [];
  let nullField = false;
  for (let field = PyIter_Next(it); field !== null; field = PyIter_Next(it)) {
    let quoted: boolean;
    switch (d.quoting) {
      case QUOTE_NONNUMERIC: quoted = !PyNumber_Check(field); break;
      case QUOTE_ALL: quoted = true; break;
      case QUOTE_STRINGS: quoted = isStr(field); break;
      case QUOTE_NOTNULL: quoted = field !== Py_None; break;
      default: quoted = false;
    }
    nullField = field === Py_None;
    const text = isStr(field) ? strValue(field) : nullField ? null : (PyObject_Str(field) as string);
    parts.push(joinField(d, text, quoted));
  }
  if (parts.length === 1 && parts[0] === "") {
    if (d.quoting === QUOTE_NONE || (nullField && (d.quoting === QUOTE_STRINGS || d.quoting === QUOTE_NOTNULL))) {
      throw csvError("single empty field record must be quoted");
    }
    parts[0] = joinField(d, null, true);
  }
  const line = parts.join(String.fromCodePoint(d.delimiter)) + d.lineterminator;
  return PyObject_CallOneArg(w.write, line);
}

PyWriter_Type.tp_methods = [
  {
    name: "writerow",
    kind: "o",
    fn: ((self: PyObject, row: PyObject) => writerow(self as PyWriter, row)) as never,
    doc: "writerow(iterable)\n\nConstruct and write a CSV record from an iterable of fields.  Non-string\nelements will be converted to string.",
  },
  {
    name: "writerows",
    kind: "o",
    fn: ((self: PyObject, rows: PyObject) => {
      const it = PyObject_GetIter(rows);
      for (let row = PyIter_Next(it); row !== null; row = PyIter_Next(it)) writerow(self as PyWriter, row);
      return Py_None;
    }) as never,
    doc: "writerows(iterable of iterables)\n\nConstruct and write a series of iterables to a csv file.  Non-string\nelements will be converted to string.",
  },
];
PyWriter_Type.tp_getset = [{ name: "dialect", get: (v) => (v as PyWriter).dialect }];

const writer: Fast = (_s, args, start, nargs, kwnames) => {
  const [file, dialect] = dialectFromCall(args, start, nargs, kwnames, "writer");
  const write = PyObject_GetOptionalAttr(file, "write");
  if (write === null) throw typeError('argument 1 must have a "write" method');
  return new PyWriter(write, dialect);
};

// --- the registry ------------------------------------------------------------------------------------

const registerDialect: Fast = (_s, args, start, nargs, kwnames) => {
  if (nargs < 1) throw typeError("expected at least 1 argument, got 0");
  if (nargs > 2) throw typeError(`register_dialect expected at most 2 arguments, got ${nargs}`);
  const name = args[start];
  if (!isStr(name)) throw typeError("dialect name must be a string");
  const kw = new Map<string, PyObject>();
  if (kwnames !== null) {
    for (let i = 0; i < kwnames.items.length; i++) {
      const k = kwnames.items[i] as string;
      if (!DIALECT_ATTRS.includes(k)) throw typeError(`this function got an unexpected keyword argument '${k}'`);
      kw.set(k, args[start + nargs + i]);
    }
  }
  dialects.setItem(name, callDialect(nargs > 1 ? args[start + 1] : null, kw));
  return Py_None;
};

const fieldSizeArgs = new ArgParser("field_size_limit", ["new_limit"], {});

export function initCsv(): PyModule {
  const m = new PyModule("_csv", "CSV parsing and writing.\n");
  const d = m.dict;
  const fn = (name: string, f: Fast, doc: string): void => d.setStr(name, newBuiltinFunction(name, f, "_csv", doc));
  d.setStr("Error", CsvError);
  d.setStr("Dialect", PyDialect_Type);
  d.setStr("Reader", PyReader_Type);
  d.setStr("Writer", PyWriter_Type);
  d.setStr("_dialects", dialects);
  d.setStr("QUOTE_MINIMAL", QUOTE_MINIMAL);
  d.setStr("QUOTE_ALL", QUOTE_ALL);
  d.setStr("QUOTE_NONNUMERIC", QUOTE_NONNUMERIC);
  d.setStr("QUOTE_NONE", QUOTE_NONE);
  d.setStr("QUOTE_STRINGS", QUOTE_STRINGS);
  d.setStr("QUOTE_NOTNULL", QUOTE_NOTNULL);
  fn("reader", reader, "csv_reader = reader(iterable [, dialect='excel']\n                        [optional keyword args])\n    for row in csv_reader:\n        process(row)\n");
  fn("writer", writer, "csv_writer = csv.writer(fileobj [, dialect='excel']\n                            [optional keyword args])\n    for row in sequence:\n        csv_writer.writerow(row)\n");
  fn("register_dialect", registerDialect, "Create a mapping from a string name to a dialect class.\n    dialect = csv.register_dialect(name[, dialect[, **fmtparams]])");
  fn(
    "unregister_dialect",
    (_s, a, st, n) => {
      if (n !== 1) throw typeError(`unregister_dialect() takes exactly one argument (${n} given)`);
      if (!dialects.delItem(a[st])) throw csvError("unknown dialect");
      return Py_None;
    },
    "Delete the name/dialect mapping associated with a string name.\n\n    csv.unregister_dialect(name)",
  );
  fn(
    "get_dialect",
    (_s, a, st, n) => {
      if (n !== 1) throw typeError(`get_dialect() takes exactly one argument (${n} given)`);
      return registryGet(a[st]);
    },
    "Return the dialect instance associated with name.\n\n    dialect = csv.get_dialect(name)",
  );
  fn("list_dialects", () => new PyList([...dialects.keys()]), "Return a list of all know dialect names.\n\n    names = csv.list_dialects()");
  fn(
    "field_size_limit",
    (_s, a, st, n, kw) => {
      const [limit] = fieldSizeArgs.parse(a, st, n, kw);
      const old = fieldLimit;
      if (limit !== null) {
        if (typeof limit !== "number" && !PyType_IsSubtype(Py_TYPE(limit), PyLong_Type)) throw typeError("limit must be an integer");
        const v = PyNumber_Index(limit);
        if (typeof v !== "number" || v > 9223372036854775807 || v < -9223372036854775808) {
          throw PyErr_Format(PyExc_OverflowError, "Python int too large to convert to C long");
        }
        fieldLimit = v;
      }
      return old;
    },
    "Sets an upper limit on parsed fields.\n\n    csv.field_size_limit([limit])\n\nReturns old limit. If limit is not given, no new limit is set and\nthe old limit is returned",
  );
  return m;
}
