// CPython: Python/Python-tokenize.c — the `_tokenize` module: TokenizerIter, the tokenizer the
// tokenize module runs (tokenize.tokenize / generate_tokens), over tython's own tokenizer.
//
// CPython's iterator pulls lines from `readline` as it goes; ours reads them all on the first
// next() (the lexer works on the whole text), so a readline that never ends never yields a token.
import { type PyObject, type PyTypeObject, PyObjectBase, newStaticType, PyBaseObject_Type, Py_TYPE } from "../objects/object.js";
import { PyTuple } from "../objects/tupleobject.js";
import { PyBytes, decodeBytes, bytesLike } from "../objects/bytesobject.js";
import { PyModule } from "../objects/moduleobject.js";
import { PyObject_CallNoArgs, PyObject_IsTrue } from "../objects/abstract.js";
import { PyExc_StopIteration, PySyntaxError } from "../objects/exceptions.js";
import { typeError, PyErr_ExceptionMatches } from "./errors.js";
import { ArgParser } from "./getargs.js";
import { Tokenizer } from "../parser/tokenizer/index.js";
import { ENDMARKER, DEDENT, INDENT } from "../parser/token.generated.js";

class PyTokenizerIter extends PyObjectBase {
  tok: Tokenizer | null = null;
  done = false;
  constructor(
    type: PyTypeObject,
    readonly readline: PyObject,
    readonly extraTokens: boolean,
    readonly encoding: string | null,
  ) {
    super();
    this.ob_type = type;
  }
}

export const PyTokenizerIter_Type = newStaticType("_tokenize.TokenizerIter", PyBaseObject_Type, 0);
PyTokenizerIter.prototype.ob_type = PyTokenizerIter_Type;

const newArgs = new ArgParser("tokenizeriter", ["readline", "extra_tokens", "encoding"], { posonly: 1, required: 1, kwonlyStart: 1, minkw: 1 });

PyTokenizerIter_Type.tp_new = (type, args, start, nargs, kwnames) => {
  const [readline, extra, encoding] = newArgs.parse(args, start, nargs, kwnames);
  if (encoding !== null && typeof encoding !== "string") {
    throw typeError(`tokenizeriter() argument 'encoding' must be str, not ${Py_TYPE(encoding).tp_name}`);
  }
  return new PyTokenizerIter(type, readline as PyObject, PyObject_IsTrue(extra as PyObject), encoding);
};

/** Every line readline gives, decoded when an encoding was given (CPython: tok_readline_string / _raw). */
function readAll(it: PyTokenizerIter): string {
  const parts: string[] = [];
  for (;;) {
    let line: PyObject;
    try {
      line = PyObject_CallNoArgs(it.readline);
    } catch (e) {
      if (PyErr_ExceptionMatches(e, PyExc_StopIteration)) break;
      throw e;
    }
    if (it.encoding === null) {
      if (typeof line !== "string") throw typeError("readline() returned a non-string object");
      if (line === "") break;
      parts.push(line);
    } else {
      const b = line instanceof PyBytes ? line.value : bytesLike(line);
      if (b === null) throw typeError(`readline() returned a non-bytes object`);
      if (b.length === 0) break;
      parts.push(decodeBytes(b, it.encoding, "strict"));
    }
  }
  return parts.join("");
}

/** Byte offset `col` of `line` as a code point offset (the parser-mode tokenizer counts UTF-8 bytes). */
function charOffset(line: string, col: number): number {
  if (col < 0) return col;
  const bytes = new TextEncoder().encode(line).subarray(0, col);
  return [...new TextDecoder().decode(bytes)].length;
}

PyTokenizerIter_Type.tp_iter = (self) => self;
PyTokenizerIter_Type.tp_iternext = (self) => {
  const it = self as PyTokenizerIter;
  if (it.done) return null;
  if (it.tok === null) it.tok = new Tokenizer(readAll(it), "<string>", it.extraTokens);
  const tok = it.tok;
  let t;
  try {
    t = tok.next();
  } catch (e) {
    it.done = true;
    // CPython sets only a location on this one (PyErr_SyntaxLocationObject): args is (msg,)
    if (e instanceof PySyntaxError && e.msg === "unexpected EOF in multi-line statement") {
      e.args = new PyTuple([e.msg]);
      e.endLineno = e.lineno;
    }
    throw e;
  }
  if (t.type === ENDMARKER) it.done = true;
  if (it.extraTokens) {
    return new PyTuple([t.type, t.string, new PyTuple([t.lineno, t.colOffset]), new PyTuple([t.endLineno, t.endColOffset]), tok.lastTokenLine()]);
  }
  // parser mode: the line the token starts on, columns in code points
  const line = tok.lineText(t.lineno);
  const full = line === "" ? "" : line + "\n";
  const noText = t.type === INDENT || t.type === DEDENT || t.type === ENDMARKER;
  const sc = noText ? -1 : charOffset(line, t.colOffset);
  const ec = noText ? -1 : charOffset(tok.lineText(t.endLineno), t.endColOffset);
  return new PyTuple([t.type, t.string, new PyTuple([t.lineno, sc]), new PyTuple([t.endLineno, ec]), full]);
};

/** The `_tokenize` module. */
export function init_tokenize(): PyModule {
  const m = new PyModule("_tokenize");
  m.dict.setStr("TokenizerIter", PyTokenizerIter_Type);
  return m;
}
