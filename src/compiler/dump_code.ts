// The `code` mode of tython's stage dumps: every code object of a module, depth first, printed
// exactly as tools/oracle/dump.py's `code` mode prints CPython's.
import { type PyObject, Py_None, Py_Ellipsis } from "../objects/object.js";
import { PyFloat, floatRepr } from "../objects/floatobject.js";
import { PyComplex, complexRepr } from "../objects/complexobject.js";
import { PyBytes, bytesRepr } from "../objects/bytesobject.js";
import { PyTuple } from "../objects/tupleobject.js";
import { unicodeRepr } from "../objects/unicodeobject.js";
import { longRepr } from "../objects/longobject.js";
import { PyCodeObject } from "../objects/codeobject.js";
import { PyFrozenSet, PySlice } from "./const_objects.js";
import { comparePyStr, compileStringObject } from "./compile.js";
import { disCode } from "./dis.js";

/** repr() of a constant. */
function constReprPlain(v: PyObject): string {
  switch (typeof v) {
    case "string":
      return unicodeRepr(v);
    case "boolean":
      return v ? "True" : "False";
    case "number":
    case "bigint":
      return longRepr(v);
  }
  if (v === Py_None) return "None";
  if (v === Py_Ellipsis) return "Ellipsis";
  if (v instanceof PyFloat) return floatRepr(v.value);
  if (v instanceof PyComplex) return complexRepr(v.real, v.imag);
  if (v instanceof PyBytes) return bytesRepr(v.value);
  if (v instanceof PyTuple) return tupleRepr(v.items.map(constReprPlain));
  if (v instanceof PySlice) return `slice(${constReprPlain(v.start)}, ${constReprPlain(v.stop)}, ${constReprPlain(v.step)})`;
  if (v instanceof PyFrozenSet) return v.items.length ? `frozenset({${v.items.map(constReprPlain).join(", ")}})` : "frozenset()";
  if (v instanceof PyCodeObject) return `<code object ${v.co_name}>`;
  return String(v);
}

function tupleRepr(items: string[]): string {
  return items.length === 1 ? `(${items[0]},)` : `(${items.join(", ")})`;
}

/** dump.py's const_repr. */
function constRepr(v: PyObject): string {
  if (v instanceof PyCodeObject) return `<code ${v.co_qualname} line ${v.co_firstlineno}>`;
  if (v instanceof PyTuple) return tupleRepr(v.items.map(constRepr));
  if (v instanceof PyFrozenSet) return `frozenset({${v.items.map(constRepr).sort(comparePyStr).join(", ")}})`;
  if (v instanceof PyFloat) return `float(${floatRepr(v.value)})`;
  return constReprPlain(v);
}

function hex(b: Uint8Array): string {
  let s = "";
  for (const x of b) s += (x < 16 ? "0" : "") + x.toString(16);
  return s;
}

function namesRepr(names: string[]): string {
  return tupleRepr(names.map(unicodeRepr));
}

function walk(code: PyCodeObject, out: string[]): void {
  out.push(`code ${code.co_qualname} (line ${code.co_firstlineno})`);
  out.push(`  co_name: ${unicodeRepr(code.co_name)}`);
  out.push(`  co_flags: 0x${code.co_flags.toString(16)}`);
  out.push(`  co_argcount: ${code.co_argcount}`);
  out.push(`  co_posonlyargcount: ${code.co_posonlyargcount}`);
  out.push(`  co_kwonlyargcount: ${code.co_kwonlyargcount}`);
  out.push(`  co_nlocals: ${code.co_nlocals}`);
  out.push(`  co_stacksize: ${code.co_stacksize}`);
  out.push(`  co_firstlineno: ${code.co_firstlineno}`);
  out.push(`  co_varnames: ${namesRepr(code.co_varnames)}`);
  out.push(`  co_cellvars: ${namesRepr(code.co_cellvars)}`);
  out.push(`  co_freevars: ${namesRepr(code.co_freevars)}`);
  out.push(`  co_names: ${namesRepr(code.co_names)}`);
  out.push(`  co_consts: [${code.co_consts.map(constRepr).join(", ")}]`);
  out.push(`  co_code: ${hex(code.co_code)}`);
  out.push(`  co_linetable: ${hex(code.co_linetable)}`);
  out.push(`  co_exceptiontable: ${hex(code.co_exceptiontable)}`);
  for (const c of code.co_consts) if (c instanceof PyCodeObject) walk(c, out);
}

/** Print what dump.py's `code` mode prints for one file's bytes; errors are thrown. */
export function dumpCode(source: Uint8Array, filename: string, out: string[]): void {
  const name = filename.slice(filename.lastIndexOf("/") + 1);
  walk(compileStringObject(source, name, "exec"), out);
}

/** Print what dump.py's `dis` mode prints (dis.dis of the module's code); errors are thrown. */
export function dumpDis(source: Uint8Array, filename: string, out: string[]): void {
  const name = filename.slice(filename.lastIndexOf("/") + 1);
  disCode(compileStringObject(source, name, "exec"), out);
}
