// CPython: Objects/structseq.c — named tuples written in C: os.stat_result, time.struct_time,
// sys.float_info, sys.version_info, pwd.struct_passwd, ...
//
// A struct sequence is a tuple of its first n_sequence_fields values; the fields past those
// (n_fields in all) are reachable only as attributes, as CPython keeps them beyond ob_size.
import {
  type PyObject, type PyTypeObject, type PyGetSetDef, newStaticType, Py_None, Py_TYPE, Py_TPFLAGS_BASETYPE,
} from "./object.js";
import { PyTuple, PyTuple_Type } from "./tupleobject.js";
import { PyDict } from "./dictobject.js";
import { PyObject_Repr, iterableToArray } from "./abstract.js";
import { typeDict } from "./typeobject.js";
import { typeError, attributeError, PyErr_ExceptionMatches } from "../python/errors.js";
import { PyExc_TypeError } from "./exceptions.js";
import { ArgParser } from "../python/getargs.js";

export class PyStructSequence extends PyTuple {
  constructor(
    items: readonly PyObject[],
    /** The fields past n_sequence_fields (attribute-only). */
    readonly hidden: readonly PyObject[],
  ) {
    super(items);
  }
}

export interface StructSequenceDesc {
  /** Qualified name, e.g. "os.stat_result". */
  name: string;
  doc?: string;
  /** Every field's name, visible ones first; null marks an unnamed field (CPython's PyStructSequence_UnnamedField). */
  fields: readonly (string | null)[];
  /** How many leading fields the tuple shows. Defaults to all. */
  nSequence?: number;
  /** Whether Python code may create instances (false for sys.flags and the like). */
  constructible?: boolean;
}

interface StructSeqInfo {
  fields: readonly (string | null)[];
  nSequence: number;
}
const infos = new WeakMap<PyTypeObject, StructSeqInfo>();

function infoOf(t: PyTypeObject): StructSeqInfo {
  for (const b of t.tp_mro) {
    const i = infos.get(b);
    if (i !== undefined) return i;
  }
  throw typeError(`${t.tp_name} is not a struct sequence type`);
}

/** Creates a struct sequence type (CPython: PyStructSequence_NewType). */
export function PyStructSequence_NewType(desc: StructSequenceDesc): PyTypeObject {
  const nSequence = desc.nSequence ?? desc.fields.length;
  const t = newStaticType(desc.name, PyTuple_Type, Py_TPFLAGS_BASETYPE);
  const info: StructSeqInfo = { fields: desc.fields, nSequence };
  infos.set(t, info);
  t.tp_doc = desc.doc ?? null;
  const getset: PyGetSetDef[] = [];
  desc.fields.forEach((name, i) => {
    if (name === null) return;
    getset.push({
      name,
      get: i < nSequence ? (v) => (v as PyStructSequence).items[i] : (v) => (v as PyStructSequence).hidden[i - nSequence],
      // CPython's fields are READONLY members
      set: readonlyMember,
    });
  });
  t.tp_getset = getset;
  t.tp_methods = [{ name: "__reduce__", kind: "noargs", fn: structseqReduce as never }];
  t.tp_repr = structseqRepr;
  if (desc.constructible === false) t.tp_new = null;
  else t.tp_new = structseqNew;
  const d = typeDict(t);
  const unnamed = desc.fields.filter((f) => f === null).length;
  d.set("n_sequence_fields", nSequence);
  d.set("n_fields", desc.fields.length);
  d.set("n_unnamed_fields", unnamed);
  d.set("__match_args__", new PyTuple(desc.fields.slice(0, nSequence).filter((f): f is string => f !== null)));
  return t;
}

function readonlyMember(): never {
  throw attributeError("readonly attribute");
}

/** An instance of a struct sequence type from all its field values (CPython: PyStructSequence_New + SetItem). */
export function PyStructSequence_New(type: PyTypeObject, values: readonly PyObject[]): PyStructSequence {
  const { fields, nSequence } = infoOf(type);
  const all = values.length >= fields.length ? values : [...values, ...new Array<PyObject>(fields.length - values.length).fill(Py_None)];
  const r = new PyStructSequence(all.slice(0, nSequence), all.slice(nSequence, fields.length));
  r.ob_type = type;
  return r;
}

const newParser = new ArgParser("structseq", ["sequence", "dict"], { required: 1 });

function structseqNew(type: PyTypeObject, args: readonly PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  const [seqArg, dictArg] = newParser.parse(args, start, nargs, kwnames);
  const { fields, nSequence } = infoOf(type);
  let seq: PyObject[];
  try {
    seq = iterableToArray(seqArg as PyObject);
  } catch (e) {
    if (PyErr_ExceptionMatches(e, PyExc_TypeError)) throw typeError("constructor requires a sequence");
    throw e;
  }
  const name = type.tp_name;
  const n = fields.length;
  if (seq.length < nSequence) {
    throw typeError(`${name}() takes ${nSequence === n ? "a" : "an at least"} ${nSequence}-sequence (${seq.length}-sequence given)`);
  }
  if (seq.length > n) {
    throw typeError(`${name}() takes ${nSequence === n ? "a" : "an at most"} ${n}-sequence (${seq.length}-sequence given)`);
  }
  if (dictArg !== null && dictArg !== Py_None && !(dictArg instanceof PyDict)) {
    throw typeError(`${name}() takes a dict as second arg, if any`);
  }
  const values = seq.slice();
  for (let i = seq.length; i < n; i++) {
    const f = fields[i];
    const v = f !== null && dictArg instanceof PyDict ? dictArg.getStr(f) : undefined;
    values.push(v ?? Py_None);
  }
  return PyStructSequence_New(type, values);
}

function structseqRepr(v: PyObject): string {
  const s = v as PyStructSequence;
  const { fields } = infoOf(Py_TYPE(v));
  const parts: string[] = [];
  // CPython labels the visible values with the named fields in order, unnamed ones skipped (so
  // os.stat_result shows its integer times as st_atime=...)
  const named = fields.filter((f) => f !== null);
  for (let i = 0; i < s.items.length; i++) parts.push(`${named[i] ?? "unnamed"}=${PyObject_Repr(s.items[i])}`);
  return `${Py_TYPE(v).tp_name}(${parts.join(", ")})`;
}

function structseqReduce(v: PyObject): PyObject {
  const s = v as PyStructSequence;
  const { fields, nSequence } = infoOf(Py_TYPE(v));
  const d = new PyDict();
  for (let i = nSequence; i < fields.length; i++) {
    const f = fields[i];
    if (f !== null) d.setStr(f, s.hidden[i - nSequence]);
  }
  return new PyTuple([Py_TYPE(v), new PyTuple([new PyTuple(s.items), d])]);
}
