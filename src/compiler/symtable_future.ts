// CPython: Python/future.c
// Finds the `from __future__ import ...` statements at the start of a module; the symbol table
// and the compiler read the result.
import { Kind, type mod, type stmt } from "../ast/ast.generated.js";
import { CO_FUTURE_ANNOTATIONS, CO_FUTURE_BARRY_AS_BDFL } from "../objects/codeobject.js";
import { PySyntaxError } from "../objects/exceptions.js";
import { getDocString } from "./symtable_util.js";

/** compile() flag: `await` and async comprehensions/loops allowed at module level (CPython: Include/cpython/compile.h). */
export const PyCF_ALLOW_TOP_LEVEL_AWAIT = 0x2000;

/** A source range: 1-based lines, 0-based UTF-8 byte columns, as AST nodes carry them. */
export interface SourceLocation {
  lineno: number;
  col_offset: number;
  end_lineno: number;
  end_col_offset: number;
}

/** CPython: _PyFutureFeatures. */
export interface FutureFeatures {
  /** CO_FUTURE_* bits, plus compiler flags such as PyCF_ALLOW_TOP_LEVEL_AWAIT. */
  features: number;
  /** The last future statement; all -1 when there is none. */
  location: SourceLocation;
}

/** Features that need no flag (always on, or gone). */
const ACCEPTED = new Set([
  "nested_scopes",
  "generators",
  "division",
  "absolute_import",
  "with_statement",
  "print_function",
  "unicode_literals",
  "generator_stop",
]);

function checkFeatures(ff: FutureFeatures, s: stmt, filename: string): void {
  if (s._kind !== Kind.ImportFrom) return;
  for (const alias of s.names) {
    const feature = alias.name;
    if (ACCEPTED.has(feature)) continue;
    if (feature === "barry_as_FLUFL") {
      ff.features |= CO_FUTURE_BARRY_AS_BDFL;
    } else if (feature === "annotations") {
      ff.features |= CO_FUTURE_ANNOTATIONS;
    } else {
      const msg = feature === "braces" ? "not a chance" : `future feature ${feature} is not defined`;
      throw new PySyntaxError(
        "SyntaxError",
        msg,
        filename,
        alias.lineno,
        alias.col_offset + 1,
        alias.end_lineno,
        alias.end_col_offset + 1,
        null,
      );
    }
  }
}

/** CPython: _PyFuture_FromAST. `flags` are compiler flags to merge in (PyCF_*). */
export function futureFromAst(m: mod, filename: string, flags = 0): FutureFeatures {
  const ff: FutureFeatures = {
    features: 0,
    location: { lineno: -1, col_offset: -1, end_lineno: -1, end_col_offset: -1 },
  };
  if (m._kind === Kind.Module || m._kind === Kind.Interactive) {
    const body = m.body;
    for (let i = getDocString(body) !== null ? 1 : 0; i < body.length; i++) {
      const s = body[i]!;
      if (s._kind !== Kind.ImportFrom || s.level !== 0 || s.module !== "__future__") break;
      checkFeatures(ff, s, filename);
      ff.location = { lineno: s.lineno, col_offset: s.col_offset, end_lineno: s.end_lineno, end_col_offset: s.end_col_offset };
    }
  }
  ff.features |= flags;
  return ff;
}
