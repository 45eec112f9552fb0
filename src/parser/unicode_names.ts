// CPython: Modules/unicodedata.c, _getcode (the \N{...} name lookup used by string literals, through
// the _ucnhash_CAPI capsule): names, algorithmic names and aliases of the full Unicode database.
import { lookupName } from "../modules/unicodedata_db.js";

/** The code point named `name` (case-insensitive except the algorithmic names), or -1. */
export function lookupUnicodeName(name: string): number {
  const r = lookupName(name, true);
  return r !== null && "code" in r ? r.code : -1;
}
