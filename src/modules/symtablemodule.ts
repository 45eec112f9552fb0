// CPython: Modules/symtablemodule.c and Python/symtable.c's PySTEntry_Type — the `_symtable`
// module that Lib/symtable.py reads: the compiler's own symbol tables, as "symtable entry" objects.
import { type PyObject, PyObjectBase, newStaticType, PyBaseObject_Type, Py_TYPE } from "../objects/object.js";
import { PyModule } from "../objects/moduleobject.js";
import { PyList } from "../objects/listobject.js";
import { PyDict } from "../objects/dictobject.js";
import { PyBytes } from "../objects/bytesobject.js";
import { newBuiltinFunction } from "../objects/methodobject.js";
import { typeError, valueError } from "../python/errors.js";
import { ArgParser } from "../python/getargs.js";
import { parserASTFromString } from "../parser/peg_api.js";
import {
  symtableBuild, type SymtableEntry, USE, DEF_GLOBAL, DEF_NONLOCAL, DEF_LOCAL, DEF_PARAM, DEF_TYPE_PARAM,
  DEF_FREE_CLASS, DEF_IMPORT, DEF_BOUND, DEF_ANNOT, DEF_COMP_ITER, DEF_COMP_CELL, SCOPE_OFFSET, SCOPE_MASK,
  FREE, LOCAL, GLOBAL_IMPLICIT, GLOBAL_EXPLICIT, CELL,
} from "../compiler/symtable.js";
import { futureFromAst } from "../compiler/symtable_future.js";

/** A Python view of one block (CPython: PySTEntryObject). */
class PySTEntry extends PyObjectBase {
  constructor(
    readonly ste: SymtableEntry,
    readonly id: number,
  ) {
    super();
  }
}
const PySTEntry_Type = newStaticType("symtable entry", PyBaseObject_Type, 0);
PySTEntry.prototype.ob_type = PySTEntry_Type;

// ids stand for CPython's addresses of the AST nodes keying the blocks: unique and stable per entry
const entries = new WeakMap<SymtableEntry, PySTEntry>();
let nextId = 0x1000;
function wrap(ste: SymtableEntry): PySTEntry {
  let e = entries.get(ste);
  if (e === undefined) entries.set(ste, (e = new PySTEntry(ste, (nextId += 8))));
  return e;
}

const E = (v: PyObject): SymtableEntry => (v as PySTEntry).ste;
PySTEntry_Type.tp_getset = [
  { name: "id", get: (v) => (v as PySTEntry).id },
  { name: "name", get: (v) => E(v).name },
  { name: "symbols", get: (v) => {
    const d = new PyDict();
    for (const [k, f] of E(v).symbols) d.setStr(k, f);
    return d;
  } },
  { name: "varnames", get: (v) => new PyList(E(v).varnames.slice()) },
  { name: "children", get: (v) => new PyList(E(v).children.map(wrap)) },
  { name: "type", get: (v) => E(v).type as number },
  { name: "lineno", get: (v) => E(v).lineno },
  { name: "nested", get: (v) => (E(v).nested ? 1 : 0) },
];
PySTEntry_Type.tp_repr = (v) => `<symtable entry ${E(v).name}(${(v as PySTEntry).id}), line ${E(v).lineno}>`;

const symtableArgs = new ArgParser("symtable", ["source", "filename", "startstr"], { posonly: 3, required: 3 });

export function init_symtable(): PyModule {
  const m = new PyModule("_symtable");
  const d = m.dict;
  d.setStr("symtable", newBuiltinFunction("symtable", (_s, args, start, nargs, kwnames) => {
    const [src, filename, mode] = symtableArgs.parse(args, start, nargs, kwnames);
    let text: string | Uint8Array;
    if (typeof src === "string") text = src;
    else if (src instanceof PyBytes) text = src.value;
    else throw typeError("symtable() arg 1 must be a string or bytes object");
    if (typeof filename !== "string" && !(filename instanceof PyBytes)) {
      throw typeError(`expected str, bytes or os.PathLike object, not ${Py_TYPE(filename as PyObject).tp_name}`);
    }
    const fname = typeof filename === "string" ? filename : new TextDecoder().decode(filename.value);
    if (mode !== "exec" && mode !== "eval" && mode !== "single") {
      throw valueError("symtable() arg 3 must be 'exec' or 'eval' or 'single'");
    }
    const tree = parserASTFromString(text, fname, mode);
    return wrap(symtableBuild(tree, fname, futureFromAst(tree, fname)).top);
  }, "_symtable"));
  const constants: [string, number][] = [
    ["USE", USE], ["DEF_GLOBAL", DEF_GLOBAL], ["DEF_NONLOCAL", DEF_NONLOCAL], ["DEF_LOCAL", DEF_LOCAL],
    ["DEF_PARAM", DEF_PARAM], ["DEF_TYPE_PARAM", DEF_TYPE_PARAM], ["DEF_FREE_CLASS", DEF_FREE_CLASS],
    ["DEF_IMPORT", DEF_IMPORT], ["DEF_BOUND", DEF_BOUND], ["DEF_ANNOT", DEF_ANNOT], ["DEF_COMP_ITER", DEF_COMP_ITER],
    ["DEF_COMP_CELL", DEF_COMP_CELL], ["TYPE_FUNCTION", 0], ["TYPE_CLASS", 1], ["TYPE_MODULE", 2],
    ["TYPE_ANNOTATION", 3], ["TYPE_TYPE_ALIAS", 4], ["TYPE_TYPE_PARAMETERS", 5], ["TYPE_TYPE_VARIABLE", 6],
    ["LOCAL", LOCAL], ["GLOBAL_EXPLICIT", GLOBAL_EXPLICIT], ["GLOBAL_IMPLICIT", GLOBAL_IMPLICIT], ["FREE", FREE],
    ["CELL", CELL], ["SCOPE_OFF", SCOPE_OFFSET], ["SCOPE_MASK", SCOPE_MASK],
  ];
  for (const [k, v] of constants) d.setStr(k, v);
  return m;
}
