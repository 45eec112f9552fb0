// Which objects CPython 3.14 holds more than one reference to regardless of the graph being
// marshalled (so that w_ref always gives them FLAG_REF): see marshal.ts.

/** -5..256 are the immortal small ints (CPython: _PY_NSMALLNEGINTS, _PY_NSMALLPOSINTS). */
export function isSmallInt(n: number): boolean {
  return n >= -5 && n <= 256;
}

/**
 * Whether a string constant is interned by the code object that holds it (CPython:
 * codeobject.c, should_intern_string: ASCII letters, digits and '_' only, the empty string too).
 * Used for every str that is not a name, as literals are what marshal mostly sees.
 */
export function isInternedConstant(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f)) return false;
  }
  return true;
}
