// Small helpers shared by the symbol table and the compiler.
import { Kind, type stmt } from "../ast/ast.generated.js";

/** CPython: _PyAST_GetDocString. The docstring of a body: its first statement if that is a str constant. */
export function getDocString(body: readonly stmt[]): string | null {
  if (body.length === 0) return null;
  const s = body[0]!;
  if (s._kind !== Kind.Expr) return null;
  const e = s.value;
  if (e._kind !== Kind.Constant || typeof e.value !== "string") return null;
  return e.value;
}

/**
 * CPython: _Py_Mangle. Inside class `privateName`, `__spam` becomes `_privateName__spam`
 * (leading underscores of the class name dropped); dunder names and dotted names are kept.
 */
export function mangle(privateName: string | null, ident: string): string {
  if (privateName === null || ident.charCodeAt(0) !== 95 || ident.charCodeAt(1) !== 95) return ident;
  const n = ident.length;
  if ((ident.charCodeAt(n - 1) === 95 && ident.charCodeAt(n - 2) === 95) || ident.includes(".")) return ident;
  let i = 0;
  while (i < privateName.length && privateName.charCodeAt(i) === 95) i++;
  if (i === privateName.length) return ident;
  return "_" + privateName.slice(i) + ident;
}
