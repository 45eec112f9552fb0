// CPython: Modules/errnomodule.c — the errno module: Linux's numbers for every name, and
// errorcode (number -> the name CPython lists first).
import { PyModule } from "../objects/moduleobject.js";
import { PyDict } from "../objects/dictobject.js";
import { LINUX_ERRNO } from "../python/errno_linux.js";

const DOC =
  "This module makes available standard errno system symbols.\n\nThe value of each symbol is the corresponding integer value,\n" +
  "e.g., on most systems, errno.ENOENT equals the integer 2.\n\nThe dictionary errno.errorcode maps numeric codes to symbol names,\n" +
  "e.g., errno.errorcode[2] could be the string 'ENOENT'.\n\nSymbols that are not relevant to the underlying system are not defined.\n\n" +
  "To map error codes to error messages, use the function os.strerror(),\ne.g. os.strerror(2) could return 'No such file or directory'.";

export function initErrno(): PyModule {
  const m = new PyModule("errno", DOC);
  const errorcode = new PyDict();
  for (const [n, names] of LINUX_ERRNO) {
    for (const name of names) m.dict.setStr(name, n);
    errorcode.setItem(n, names[0]);
  }
  m.dict.setStr("errorcode", errorcode);
  return m;
}
