// Rebuilds an AST from the JSON that test/golden/symtable/make.sh writes with CPython's ast
// module, so symbol tables can be tested on CPython's exact trees.
import * as A from "../../src/ast/ast.generated.js";
import { Py_Ellipsis, Py_None, type PyObject } from "../../src/objects/object.js";
import { PyFloat } from "../../src/objects/floatobject.js";
import { PyComplex } from "../../src/objects/complexobject.js";
import { PyBytes } from "../../src/objects/bytesobject.js";

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Parses Python's float.hex() format ("0x1.8p+1", "inf", "-nan"). */
function floatFromHex(s: string): number {
  const m = /^(-)?0x([0-9a-f])\.([0-9a-f]*)p([+-]\d+)$/.exec(s);
  if (m === null) {
    const v = s.replace(/^-/, "");
    const x = v === "inf" ? Infinity : NaN;
    return s.startsWith("-") ? -x : x;
  }
  let mant = parseInt(m[2]!, 16);
  let scale = 1;
  for (const d of m[3]!) {
    scale /= 16;
    mant += parseInt(d, 16) * scale;
  }
  const v = mant * 2 ** parseInt(m[4]!, 10);
  return m[1] ? -v : v;
}

function constant(j: { [k: string]: Json }): PyObject {
  switch (j["$"]) {
    case "Ellipsis":
      return Py_Ellipsis;
    case "bool":
      return j["v"] as boolean;
    case "int": {
      const b = BigInt(j["v"] as string);
      return b >= BigInt(Number.MIN_SAFE_INTEGER) && b <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(b) : b;
    }
    case "float":
      return new PyFloat(floatFromHex(j["v"] as string));
    case "complex":
      return new PyComplex(floatFromHex(j["re"] as string), floatFromHex(j["im"] as string));
    case "bytes": {
      const hex = j["v"] as string;
      const a = new Uint8Array(hex.length / 2);
      for (let i = 0; i < a.length; i++) a[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
      return new PyBytes(a);
    }
  }
  throw new Error(`bad constant ${JSON.stringify(j)}`);
}

const classes = A as unknown as Record<string, unknown>;

function convert(j: Json, field: string): unknown {
  if (j === null) return field === "value" ? Py_None : null;
  if (typeof j === "string" || typeof j === "number") return j;
  if (Array.isArray(j)) return j.map((x) => convert(x, ""));
  if (typeof j === "object" && "$" in j) return constant(j);
  const o = j as { [k: string]: Json };
  const name = o["_"] as string;
  const cls = classes[name === "arguments" ? "arguments_" : name];
  if (cls instanceof A.AST) return cls; // singleton (Load, Add, ...)
  const C = cls as { _fields: readonly string[]; _attributes: readonly string[] } & (new (...args: unknown[]) => A.AST);
  const args: unknown[] = [];
  for (const f of C._fields) {
    const v = o[f]!;
    // Only Constant.value / MatchSingleton.value hold Python's None as a value.
    args.push(v === null && !((name === "Constant" || name === "MatchSingleton") && f === "value") ? null : convert(v, f));
  }
  for (const a of C._attributes) args.push(o[a]);
  return new C(...args);
}

/** The module of a JSON AST dump, or the SyntaxError line CPython reported for it. */
export function moduleFromJson(text: string): A.mod | string {
  const j = JSON.parse(text) as { [k: string]: Json };
  if (typeof j["error"] === "string") return j["error"];
  return convert(j, "") as A.mod;
}
