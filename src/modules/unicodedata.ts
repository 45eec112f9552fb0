// CPython: Modules/unicodedata.c — the unicodedata module (the current database) and its UCD type,
// whose one instance ucd_3_2_0 answers from the Unicode 3.2.0 database (used by stringprep/idna).
import { type PyObject, PyObjectBase, newStaticType, PyBaseObject_Type, Py_TYPE, type PyMethodDef } from "../objects/object.js";
import { PyModule } from "../objects/moduleobject.js";
import { newBuiltinFunction, type FastFunc } from "../objects/methodobject.js";
import { asStr } from "../objects/unicodeobject.js";
import { bytesLike } from "../objects/bytesobject.js";
import { PyFloat } from "../objects/floatobject.js";
import { newException, PyExc_KeyError } from "../objects/exceptions.js";
import { typeError, valueError } from "../python/errors.js";
import { checkPositional } from "../python/getargs.js";
import { setCharNameLookup, setCharCodeLookup } from "../python/codecs.js";
import { codePointArray, codePointsToStr } from "../objects/unicode_codec_errors.js";
import {
  UNIDATA_VERSION, getRecord, charName, aliasSlotName, lookupName, decompositionString, decompose, composeNormal,
  OLD_DB,
} from "./unicodedata_db.js";

/** A UCD object: the current database (old false) or 3.2.0. */
export class PyUCD extends PyObjectBase {
  constructor(readonly old: boolean) {
    super();
  }
}
export const PyUCD_Type = newStaticType("unicodedata.UCD", PyBaseObject_Type, 0);
PyUCD.prototype.ob_type = PyUCD_Type;
PyUCD_Type.tp_new = () => {
  throw typeError("cannot create 'unicodedata.UCD' instances");
};

/** The one code point of a "unicode character" argument (Argument Clinic's `int(accept={str})`). */
function charArg(fname: string, v: PyObject): number {
  const s = asStr(v);
  if (s === null) throw typeError(`${fname}() argument must be a unicode character, not ${Py_TYPE(v).tp_name}`);
  const cps = codePointArray(s);
  if (cps.length !== 1) throw typeError(`${fname}(): argument must be a unicode character, not a string of length ${cps.length}`);
  return cps[0];
}

function strArg(fname: string, pos: number, v: PyObject): string {
  const s = asStr(v);
  if (s === null) throw typeError(`${fname}() argument ${pos} must be str, not ${Py_TYPE(v).tp_name}`);
  return s;
}

/** The name of a character (the 3.2.0 database has none for characters it did not assign). */
function nameOf(cp: number, old: boolean): string | null {
  if (old) {
    const r = OLD_DB.record(cp);
    if (r !== null && r.category === "Cn") return null;
  }
  return charName(cp);
}

const FORMS = new Set(["NFC", "NFKC", "NFD", "NFKD"]);

export function normalizeStr(form: string, s: string, old: boolean): string {
  if (!FORMS.has(form)) throw valueError("invalid normalization form");
  if (s.length === 0) return s;
  // ASCII is in every normalization form
  let ascii = true;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return s;
  const cps = codePointArray(s);
  const compat = form[2] === "K";
  const out = form.endsWith("C") ? composeNormal(cps, compat, old) : decompose(cps, compat, old);
  return codePointsToStr(out);
}

/** The answers of one database (the current one or 3.2.0) for a code point. */
export class UcdView {
  constructor(readonly old: boolean) {}
  private rec(cp: number) {
    return this.old ? OLD_DB.record(cp) : null;
  }
  category(cp: number): string {
    return this.rec(cp)?.category ?? getRecord(cp).category;
  }
  bidirectional(cp: number): string {
    return this.rec(cp)?.bidirectional ?? getRecord(cp).bidirectional;
  }
  combining(cp: number): number {
    return this.rec(cp)?.combining ?? getRecord(cp).combining;
  }
  mirrored(cp: number): number {
    return this.rec(cp)?.mirrored ?? getRecord(cp).mirrored;
  }
  eastAsianWidth(cp: number): string {
    return this.rec(cp)?.eastAsianWidth ?? getRecord(cp).eastAsianWidth;
  }
  /** -1: none. */
  decimal(cp: number): number {
    return this.rec(cp)?.decimal ?? getRecord(cp).decimal;
  }
  digit(cp: number): number {
    return this.rec(cp)?.digit ?? getRecord(cp).digit;
  }
  /** NaN: none. */
  numeric(cp: number): number {
    return this.rec(cp)?.numeric ?? getRecord(cp).numeric;
  }
  decomposition(cp: number): string {
    return this.rec(cp)?.decomposition ?? decompositionString(cp);
  }
  name(cp: number): string | null {
    return nameOf(cp, this.old);
  }
  normalize(form: string, s: string): string {
    return normalizeStr(form, s, this.old);
  }
}
const VIEWS = [new UcdView(false), new UcdView(true)];

type Impl = (db: UcdView, args: (PyObject | null)[]) => PyObject;

/** name, min..max positional arguments, implementation. */
const FUNCTIONS: [string, number, number, Impl][] = [
  ["decimal", 1, 2, (db, [c, dflt]) => {
    const v = db.decimal(charArg("decimal", c as PyObject));
    if (v >= 0) return v;
    if (dflt === null) throw valueError("not a decimal");
    return dflt;
  }],
  ["digit", 1, 2, (db, [c, dflt]) => {
    const v = db.digit(charArg("digit", c as PyObject));
    if (v >= 0) return v;
    if (dflt === null) throw valueError("not a digit");
    return dflt;
  }],
  ["numeric", 1, 2, (db, [c, dflt]) => {
    const v = db.numeric(charArg("numeric", c as PyObject));
    if (!Number.isNaN(v)) return new PyFloat(v);
    if (dflt === null) throw valueError("not a numeric character");
    return dflt;
  }],
  ["category", 1, 1, (db, [c]) => db.category(charArg("category", c as PyObject))],
  ["bidirectional", 1, 1, (db, [c]) => db.bidirectional(charArg("bidirectional", c as PyObject))],
  ["combining", 1, 1, (db, [c]) => db.combining(charArg("combining", c as PyObject))],
  ["mirrored", 1, 1, (db, [c]) => db.mirrored(charArg("mirrored", c as PyObject))],
  ["east_asian_width", 1, 1, (db, [c]) => db.eastAsianWidth(charArg("east_asian_width", c as PyObject))],
  ["decomposition", 1, 1, (db, [c]) => db.decomposition(charArg("decomposition", c as PyObject))],
  ["name", 1, 2, (db, [c, dflt]) => {
    const n = db.name(charArg("name", c as PyObject));
    if (n !== null) return n;
    if (dflt === null) throw valueError("no such name");
    return dflt;
  }],
  ["lookup", 1, 1, (db, [n]) => {
    const v = n as PyObject;
    let name = asStr(v);
    if (name === null) {
      const b = bytesLike(v);
      if (b === null) throw typeError(`a bytes-like object is required, not '${Py_TYPE(v).tp_name}'`);
      name = String.fromCharCode(...b);
    }
    if (name.length > 256) throw newException(PyExc_KeyError, ["name too long"]);
    const r = lookupName(name, !db.old);
    if (r !== null && "code" in r) return codePointsToStr([r.code]);
    if (r !== null && "sequence" in r) return codePointsToStr(r.sequence);
    throw newException(PyExc_KeyError, [`undefined character name '${name}'`]);
  }],
  ["normalize", 2, 2, (db, [f, s]) => db.normalize(strArg("normalize", 1, f as PyObject), strArg("normalize", 2, s as PyObject))],
  ["is_normalized", 2, 2, (db, [f, s]) => {
    const str = strArg("is_normalized", 2, s as PyObject);
    return db.normalize(strArg("is_normalized", 1, f as PyObject), str) === str;
  }],
];

function makeFast(name: string, min: number, max: number, impl: Impl, view: (self: PyObject) => UcdView, qualname: string): FastFunc {
  return (self, args, start, nargs, kw) => {
    if (kw !== null && kw.items.length) throw typeError(`${qualname}() takes no keyword arguments`);
    checkPositional(name, nargs, min, max);
    const a: (PyObject | null)[] = [];
    for (let i = 0; i < max; i++) a.push(i < nargs ? args[start + i] : null);
    return impl(view(self), a);
  };
}

PyUCD_Type.tp_methods = FUNCTIONS.map(([name, min, max, impl]): PyMethodDef => ({
  name,
  kind: "fast",
  fn: makeFast(name, min, max, impl, (self) => VIEWS[(self as PyUCD).old ? 1 : 0], `UCD.${name}`) as PyMethodDef["fn"],
}));
PyUCD_Type.tp_getset = [
  { name: "unidata_version", get: (self: PyObject) => ((self as PyUCD).old ? "3.2.0" : UNIDATA_VERSION) },
];

// namereplace and \N{...} (CPython: the _ucnhash_CAPI capsule)
setCharNameLookup((cp) => charName(cp) ?? aliasSlotName(cp));
setCharCodeLookup((name) => {
  const r = lookupName(name, true);
  return r !== null && "code" in r ? r.code : -1;
});

export function initUnicodedata(): PyModule {
  const m = new PyModule("unicodedata");
  const d = m.dict;
  for (const [name, min, max, impl] of FUNCTIONS) {
    d.setStr(name, newBuiltinFunction(name, makeFast(name, min, max, impl, () => VIEWS[0], `unicodedata.${name}`), "unicodedata"));
  }
  d.setStr("unidata_version", UNIDATA_VERSION);
  d.setStr("UCD", PyUCD_Type);
  d.setStr("ucd_3_2_0", new PyUCD(true));
  return m;
}
