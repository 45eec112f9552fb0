// CPython: Lib/ast.py, dump. Prints a node as ast.dump(node, ...) does in 3.14: optional fields
// that are None and empty sequences are left out (show_empty=False); a node whose printed fields
// are all "simple" (no fields of their own) and number at most three stays on one line.
import { AST, kindNames } from "./ast.generated.js";
import { Py_Ellipsis, Py_None, type PyObject } from "../objects/object.js";
import { PyFloat, floatRepr } from "../objects/floatobject.js";
import { PyComplex, complexRepr } from "../objects/complexobject.js";
import { PyBytes, bytesRepr } from "../objects/bytesobject.js";
import { PyTuple } from "../objects/tupleobject.js";
import { unicodeRepr } from "../objects/unicodeobject.js";
import { longRepr } from "../objects/longobject.js";
import { parserASTFromString } from "../parser/peg_api.js";
import { futureFromAst } from "../compiler/symtable_future.js";
import { PyExc_RecursionError, newException } from "../objects/exceptions.js";

/** A field value of a node: a node, a sequence, a Python value, or null (absent). */
type FieldValue = AST | readonly (AST | null)[] | PyObject | null;

export interface DumpOptions {
  annotateFields?: boolean;
  includeAttributes?: boolean;
  /** null: one line; a number: that many spaces per level; a string: the string per level. */
  indent?: number | string | null;
  showEmpty?: boolean;
  /**
   * Python frames ast.dump's recursive helper may use before RecursionError (one per node or
   * scalar, two per list: the helper and a generator expression). Default: no limit.
   */
  recursionLimit?: number;
}

/** repr() of a value an AST can hold (a Constant's value, an identifier, an int). */
export function constantRepr(v: PyObject | null): string {
  if (v === null || v === Py_None) return "None";
  switch (typeof v) {
    case "string":
      return unicodeRepr(v);
    case "number":
    case "bigint":
      return longRepr(v);
    case "boolean":
      return v ? "True" : "False";
  }
  if (v === Py_Ellipsis) return "Ellipsis";
  if (v instanceof PyFloat) return floatRepr(v.value);
  if (v instanceof PyComplex) return complexRepr(v.real, v.imag);
  if (v instanceof PyBytes) return bytesRepr(v.value);
  if (v instanceof PyTuple) {
    const items = v.items.map(constantRepr);
    return items.length === 1 ? `(${items[0]},)` : `(${items.join(", ")})`;
  }
  return `<${v.constructor.name}>`;
}

class Dumper {
  constructor(
    private readonly annotateFields: boolean,
    private readonly includeAttributes: boolean,
    private readonly indent: string | null,
    private readonly showEmpty: boolean,
    private readonly recursionLimit: number,
  ) {}

  /** The text so far (V8 concatenates strings lazily, faster here than joining an array). */
  text = "";

  /** The (name or null, value) pairs that ast.dump prints for a node, in order. */
  private args(node: AST, names: (string | null)[], values: FieldValue[]): void {
    const cls = node.constructor as typeof AST;
    const rec = node as unknown as Record<string, FieldValue>;
    let keywords = this.annotateFields;
    let buffered = 0; // positional `[]`s held back until a later positional argument shows up
    for (const name of cls._fields) {
      const value = rec[name]!;
      // Only optional fields hold null: their class default is None, so they are left out.
      if (value === null) {
        keywords = true;
        continue;
      }
      if (!this.showEmpty) {
        if (Array.isArray(value) && value.length === 0) {
          if (!keywords) buffered++;
          continue;
        }
        if (!keywords) {
          for (; buffered > 0; buffered--) {
            names.push(null);
            values.push([]);
          }
        }
      }
      names.push(keywords ? name : null);
      values.push(value);
    }
    if (this.includeAttributes) {
      for (const name of cls._attributes) {
        const value = rec[name];
        if (value === null || value === undefined) continue;
        names.push(name);
        values.push(value);
      }
    }
  }

  /** Whether ast.dump calls this value simple: a scalar, `[]`, or a node printing no fields. */
  private isSimple(value: FieldValue): boolean {
    if (value instanceof AST) {
      const cls = value.constructor as typeof AST;
      if (this.includeAttributes && cls._attributes.length > 0) return false;
      const rec = value as unknown as Record<string, FieldValue>;
      for (const name of cls._fields) {
        const v = rec[name]!;
        if (v !== null && (this.showEmpty || !Array.isArray(v) || v.length !== 0)) return false;
      }
      return true;
    }
    return !Array.isArray(value) || value.length === 0;
  }

  /** The line break and indentation before an item at `level` (with a comma: `sep`). */
  private prefix(level: number, sep: boolean): string {
    const cache = sep ? this.seps : this.prefixes;
    let p = cache[level];
    if (p === undefined) cache[level] = p = (sep ? ",\n" : "\n") + this.indent!.repeat(level);
    return p;
  }
  private readonly prefixes: string[] = [];
  private readonly seps: string[] = [];

  /** CPython's _format; `depth` counts its Python frames, for RecursionError. */
  format(value: FieldValue, level: number, depth: number): void {
    if (depth > this.recursionLimit) throw newException(PyExc_RecursionError, ["maximum recursion depth exceeded"]);
    let prefix = "";
    let sep = ", ";
    if (this.indent !== null) {
      level++;
      prefix = this.prefix(level, false);
      sep = this.prefix(level, true);
    }
    if (value instanceof AST) {
      const names: (string | null)[] = [];
      const values: FieldValue[] = [];
      this.args(value, names, values);
      let allSimple = true;
      for (const v of values) {
        if (!this.isSimple(v)) {
          allSimple = false;
          break;
        }
      }
      this.text += kindNames[value._kind]! + "(";
      const oneLine = allSimple && names.length <= 3;
      if (!oneLine) this.text += prefix;
      for (let i = 0; i < names.length; i++) {
        if (i > 0) this.text += oneLine ? ", " : sep;
        const n = names[i];
        if (n !== null) this.text += n + "=";
        this.format(values[i]!, level, depth + 1);
      }
      this.text += ")";
    } else if (Array.isArray(value)) {
      if (value.length === 0) {
        this.text += "[]";
        return;
      }
      this.text += "[" + prefix;
      for (let i = 0; i < value.length; i++) {
        if (i > 0) this.text += sep;
        this.format(value[i] as FieldValue, level, depth + 2);
      }
      this.text += "]";
    } else {
      this.text += constantRepr(value as PyObject | null);
    }
  }
}

/** ast.dump (CPython: Lib/ast.py); the defaults are Python's. */
export function dump(node: AST, options: DumpOptions = {}): string {
  const indent = options.indent ?? null;
  const d = new Dumper(
    options.annotateFields ?? true,
    options.includeAttributes ?? false,
    typeof indent === "number" ? " ".repeat(indent) : indent,
    options.showEmpty ?? false,
    options.recursionLimit ?? Infinity,
  );
  try {
    d.format(node, 0, 1);
  } catch (e) {
    if (e instanceof RangeError) throw newException(PyExc_RecursionError, ["maximum recursion depth exceeded"]);
    throw e;
  }
  return d.text;
}

/** ast.dump, appending the text to `out`. */
export function dumpTo(node: AST, options: DumpOptions, out: string[]): void {
  out.push(dump(node, options));
}

/** The frames ast.dump's helper gets under dump.py in the oracle (1000 minus the callers'). */
const DUMP_PY_RECURSION_LIMIT = 989;

/** `tython dump ast FILE`: ast.dump(ast.parse(source), include_attributes=True, indent=1). */
export function dumpAst(source: Uint8Array, filename: string, out: string[]): void {
  const m = parserASTFromString(source, filename, "exec");
  // ast.parse also reads the future imports (CPython: _PyCompile_AstPreprocess), rejecting unknown ones.
  futureFromAst(m, filename);
  out.push(dump(m, { includeAttributes: true, indent: 1, recursionLimit: DUMP_PY_RECURSION_LIMIT }));
}
