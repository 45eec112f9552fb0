// CPython: Objects/longobject.c
//
// int is a JS number when it is a safe integer (never -0), else a bigint outside the safe range.

/** repr(int). */
export function longRepr(v: number | bigint): string {
  return String(v);
}
