// CPython: Python/bltinmodule.c (builtin_compile_impl) — compile() of source text or of an
// ast.AST tree, to a code object or (with PyCF_ONLY_AST) to a tree.
import { type PyObject, Py_TYPE } from "../objects/object.js";
import { PyBytes } from "../objects/bytesobject.js";
import { PyNumber_Index } from "../objects/abstract.js";
import type { PyTuple } from "../objects/tupleobject.js";
import { typeError, valueError, overflowError } from "./errors.js";
import { ArgParser } from "./getargs.js";
import { interpreterConfig } from "./pythonrun.js";
import { compileAST, PyCF_MASK } from "../compiler/compile.js";
import { astPreprocess } from "../compiler/ast_preprocess.js";
import { PyAST_Validate } from "../compiler/ast_validate.js";
import { parserASTFromString } from "../parser/peg_api.js";
import {
  PyAST_Check, PyAST_obj2mod, PyAST_mod2obj, PyCF_ONLY_AST, PyCF_OPTIMIZED_AST, PyCF_TYPE_COMMENTS, PyCF_ALLOW_TOP_LEVEL_AWAIT,
} from "../ast/python_ast.js";

// CPython: PyCF_MASK_OBSOLETE (CO_NESTED) and PyCF_COMPILE_MASK
const PyCF_MASK_OBSOLETE = 0x0010;
const PyCF_SOURCE_IS_UTF8 = 0x0100;
const PyCF_DONT_IMPLY_DEDENT = 0x0200;
const PyCF_IGNORE_COOKIE = 0x0800;
const PyCF_ALLOW_INCOMPLETE_INPUT = 0x4000;
const PyCF_COMPILE_MASK =
  PyCF_ONLY_AST | PyCF_ALLOW_TOP_LEVEL_AWAIT | PyCF_TYPE_COMMENTS | PyCF_DONT_IMPLY_DEDENT | PyCF_ALLOW_INCOMPLETE_INPUT |
  PyCF_OPTIMIZED_AST;

const MODES = ["exec", "eval", "single", "func_type"] as const;
type Mode = (typeof MODES)[number];

const compileArgs = new ArgParser("compile", ["source", "filename", "mode", "flags", "dont_inherit", "optimize", "_feature_version"], {
  required: 3,
  kwonlyStart: 6,
});

/** The filename argument: str, bytes or os.PathLike (CPython: PyUnicode_FSDecoder). */
function fsDecode(v: PyObject): string {
  if (typeof v === "string") return v;
  if (v instanceof PyBytes) return new TextDecoder().decode(v.value);
  throw typeError(`expected str, bytes or os.PathLike object, not ${Py_TYPE(v).tp_name}`);
}

/** The text of a source argument (CPython: _Py_SourceAsString). */
export function compileSource(src: PyObject): string | Uint8Array {
  if (typeof src === "string") return src;
  if (src instanceof PyBytes) return src.value;
  throw typeError("compile() arg 1 must be a string, bytes or AST object");
}

function cInt(v: PyObject): number {
  const n = PyNumber_Index(v);
  if (typeof n !== "number" || n < -(2 ** 31) || n >= 2 ** 31) throw overflowError("Python int too large to convert to C int");
  return n;
}

export function builtinCompile(args: readonly PyObject[], start: number, nargs: number, kwnames: PyTuple | null): PyObject {
  const [src, filenameArg, modeArg, flagsArg, , optimizeArg, featureArg] = compileArgs.parse(args, start, nargs, kwnames);
  const filename = fsDecode(filenameArg as PyObject);
  const flags = flagsArg === null ? 0 : cInt(flagsArg);
  const optimize = optimizeArg === null ? -1 : Number(PyNumber_Index(optimizeArg));
  const featureVersion = featureArg === null ? -1 : Number(PyNumber_Index(featureArg));
  if (flags & ~(PyCF_MASK | PyCF_MASK_OBSOLETE | PyCF_COMPILE_MASK | PyCF_SOURCE_IS_UTF8 | PyCF_IGNORE_COOKIE)) {
    throw valueError("compile(): unrecognised flags");
  }
  if (optimize < -1 || optimize > 2) throw valueError("compile(): invalid optimize value");
  const mode = typeof modeArg === "string" && (MODES as readonly string[]).includes(modeArg) ? (modeArg as Mode) : null;
  if (mode === null || (mode === "func_type" && !(flags & PyCF_ONLY_AST))) {
    if (mode === "func_type") throw valueError("compile() mode 'func_type' requires flag PyCF_ONLY_AST");
    throw valueError(`compile() mode must be 'exec', 'eval' or 'single'`);
  }
  const level = optimize === -1 ? interpreterConfig.optimize : optimize;
  const optimizedAst = (flags & PyCF_OPTIMIZED_AST) === PyCF_OPTIMIZED_AST;
  if (PyAST_Check(src as PyObject)) {
    if (flags & PyCF_ONLY_AST && !optimizedAst) return src as PyObject;
    const m = PyAST_obj2mod(src as PyObject, MODES.indexOf(mode) as 0 | 1 | 2 | 3);
    PyAST_Validate(m);
    if (flags & PyCF_ONLY_AST) {
      astPreprocess(m, filename, level, flags);
      return PyAST_mod2obj(m);
    }
    return compileAST(m, filename, flags, optimize);
  }
  const text = compileSource(src as PyObject);
  if (flags & PyCF_ONLY_AST) {
    const minor = featureVersion >= 0 ? featureVersion : 14;
    const m = parserASTFromString(text, filename, mode, flags, minor);
    if (optimizedAst) astPreprocess(m, filename, level, flags);
    return PyAST_mod2obj(m);
  }
  return compileAST(parserASTFromString(text, filename, mode, flags), filename, flags, optimize);
}
