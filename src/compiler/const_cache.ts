// CPython: Objects/codeobject.c, _PyCode_ConstantKey; Python/compile.c, const_cache_insert
//
// Constants are merged by a key that tells apart values Python considers equal but that must
// stay distinct in co_consts: 1, 1.0, True and 0.0 vs -0.0, for instance.
import { PyObjectBase, type PyObject, Py_None, Py_Ellipsis } from "../objects/object.js";
import { PyFloat } from "../objects/floatobject.js";
import { PyComplex } from "../objects/complexobject.js";
import { PyBytes } from "../objects/bytesobject.js";
import { PyTuple } from "../objects/tupleobject.js";
import { PyFrozenSet, PySlice } from "./const_objects.js";
import { PyCodeObject } from "../objects/codeobject.js";

const identityKeys = new WeakMap<object, string>();
let nextIdentity = 0;

function floatKey(v: number): string {
  if (Number.isNaN(v)) return "nan";
  return Object.is(v, -0) ? "-0" : String(v);
}

/** A string that is equal for two constants exactly when CPython merges them. */
export function constKey(o: PyObject): string {
  switch (typeof o) {
    case "number":
      return "i" + o;
    case "bigint":
      return "i" + o.toString();
    case "string":
      return "s" + o;
    case "boolean":
      return o ? "T" : "F";
  }
  if (o === Py_None) return "N";
  if (o === Py_Ellipsis) return "E";
  if (o instanceof PyFloat) return "f" + floatKey(o.value);
  if (o instanceof PyComplex) return "c" + floatKey(o.real) + "," + floatKey(o.imag);
  if (o instanceof PyBytes) {
    let s = "b";
    for (const byte of o.value) s += String.fromCharCode(byte);
    return s;
  }
  if (o instanceof PyTuple) return "(" + o.items.map(constKey).join("\u0000") + ")";
  if (o instanceof PyFrozenSet) return "{" + o.items.map(constKey).sort().join("\u0000") + "}";
  if (o instanceof PySlice) return "[" + [o.start, o.stop, o.step].map(constKey).join("\u0000") + "]";
  // Code objects compare equal by content (CPython: code_richcompare), not by qualname.
  if (o instanceof PyCodeObject) return codeKey(o);
  // Anything else: identity.
  let key = identityKeys.get(o as PyObjectBase);
  if (key === undefined) {
    key = "@" + nextIdentity++;
    identityKeys.set(o as PyObjectBase, key);
  }
  return key;
}

function bytesKey(b: Uint8Array): string {
  let s = "";
  for (const byte of b) s += String.fromCharCode(byte);
  return s;
}

function codeKey(co: PyCodeObject): string {
  return (
    "<" +
    [
      co.co_name,
      co.co_argcount,
      co.co_posonlyargcount,
      co.co_kwonlyargcount,
      co.co_flags,
      co.co_firstlineno,
      bytesKey(co.co_code),
      co.co_consts.map(constKey).join("\u0001"),
      co.co_names.join("\u0001"),
      co.co_localsplusnames.join("\u0001"),
      bytesKey(co.co_linetable),
      bytesKey(co.co_exceptiontable),
    ].join("\u0002") +
    ">"
  );
}

/** An ordered set of constants indexed by constKey (a code unit's u_consts). */
export class ConstTable {
  readonly values: PyObject[] = [];
  private readonly index = new Map<string, number>();

  /** Index of `o`, adding it at the end when new (CPython: _PyCompile_DictAddObj on u_consts). */
  add(o: PyObject): number {
    const key = constKey(o);
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(o);
      this.index.set(key, i);
    }
    return i;
  }
}
