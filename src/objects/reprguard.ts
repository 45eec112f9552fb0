// CPython: Objects/object.c, Py_ReprEnter / Py_ReprLeave — recursion guard for container reprs.
const active = new Set<object>();

/** False when `o`'s repr is already being computed (the caller prints "[...]" or similar). */
export function reprEnter(o: object): boolean {
  if (active.has(o)) return false;
  active.add(o);
  return true;
}

export function reprLeave(o: object): void {
  active.delete(o);
}
