// CPython: Modules/_contextvarsmodule.c — the _contextvars module over src/python/context.ts.
import type { PyObject } from "../objects/object.js";
import { PyModule } from "../objects/moduleobject.js";
import { newBuiltinFunction } from "../objects/methodobject.js";
import { checkPositional, noKeywords } from "../python/getargs.js";
import { PyContext_Type, PyContextVar_Type, PyContextToken_Type, PyContext_CopyCurrent } from "../python/context.js";

export function init_contextvars(): PyModule {
  const m = new PyModule("_contextvars", "Context Variables");
  const d = m.dict;
  d.setStr("Context", PyContext_Type);
  d.setStr("ContextVar", PyContextVar_Type);
  d.setStr("Token", PyContextToken_Type);
  d.setStr(
    "copy_context",
    newBuiltinFunction("copy_context", (_s, _a, _st, nargs, kw): PyObject => {
      noKeywords("copy_context", kw);
      checkPositional("copy_context", nargs, 0, 0);
      return PyContext_CopyCurrent();
    }, "_contextvars"),
  );
  return m;
}
