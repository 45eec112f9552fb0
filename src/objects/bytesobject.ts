// CPython: Objects/bytesobject.c
import { PyObjectBase } from "./object.js";

export class PyBytes extends PyObjectBase {
  constructor(public readonly value: Uint8Array) {
    super();
  }
}

const HEX = "0123456789abcdef";

/** repr(bytes) (CPython: PyBytes_Repr); `prefix` is "b" for bytes. */
export function bytesRepr(b: Uint8Array, prefix = "b"): string {
  let hasSingle = false;
  let hasDouble = false;
  for (let i = 0; i < b.length; i++) {
    if (b[i] === 0x27) hasSingle = true;
    else if (b[i] === 0x22) hasDouble = true;
  }
  const quote = hasSingle && !hasDouble ? 0x22 : 0x27;
  let out = prefix + String.fromCharCode(quote);
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    if (c === quote || c === 0x5c) out += "\\" + String.fromCharCode(c);
    else if (c === 0x09) out += "\\t";
    else if (c === 0x0a) out += "\\n";
    else if (c === 0x0d) out += "\\r";
    else if (c < 0x20 || c >= 0x7f) out += "\\x" + HEX[c >> 4] + HEX[c & 0xf];
    else out += String.fromCharCode(c);
  }
  return out + String.fromCharCode(quote);
}
