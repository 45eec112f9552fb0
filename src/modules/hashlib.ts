// CPython: Modules/hashlib.h and the shared shape of the hash objects of _md5, _sha1, _sha2, _sha3
// and _blake2 (update/digest/hexdigest/copy, name/digest_size/block_size), over pure TypeScript
// engines so they run anywhere.
import { PyObjectBase, type PyObject, type PyMethodDef, type PyGetSetDef, type PyTypeObject, newStaticType, PyBaseObject_Type, Py_TYPE, Py_None } from "../objects/object.js";
import type { PyTuple } from "../objects/tupleobject.js";
import { PyBytes } from "../objects/bytesobject.js";
import { PyObject_CheckBuffer, getContiguousBytes } from "../objects/buffer.js";
import { typeError, valueError, overflowError } from "../python/errors.js";
import { PyNumber_Index } from "../objects/abstract.js";
import { ArgParser } from "../python/getargs.js";

/** A running hash: absorbs bytes, and gives the digest of what it absorbed so far. */
export interface HashEngine {
  update(data: Uint8Array): void;
  /** The digest, without disturbing the running state. */
  digest(): Uint8Array;
  clone(): HashEngine;
}

/** The bytes of a hash input (CPython: GET_BUFFER_VIEW_OR_ERROUT). */
export function hashInput(obj: PyObject): Uint8Array {
  if (typeof obj === "string") throw typeError("Strings must be encoded before hashing");
  if (!PyObject_CheckBuffer(obj)) throw typeError("object supporting the buffer API required");
  return getContiguousBytes(obj);
}

/** CPython: _Py_hashlib_data_argument — `data` and the deprecated `string` keyword. */
export function dataArgument(data: PyObject | null, string: PyObject | null): PyObject | null {
  if (data !== null && string !== null) {
    throw typeError(
      "'data' and 'string' are mutually exclusive and support for 'string' keyword parameter is slated for removal in a future version.",
    );
  }
  return data ?? string;
}

const HEX = "0123456789abcdef";
export function hexOf(b: Uint8Array): string {
  let s = "";
  for (let i = 0; i < b.length; i++) s += HEX[b[i] >> 4] + HEX[b[i] & 15];
  return s;
}

export class PyHash extends PyObjectBase {
  constructor(
    type: PyTypeObject,
    public engine: HashEngine,
    /** Per-object digest size (blake2's digest_size parameter); -1 uses the type's. */
    readonly digestSize: number,
  ) {
    super();
    this.ob_type = type;
  }
}

/** What a hash type shows as name/digest_size/block_size. */
export interface HashInfo {
  name: string;
  digestSize: number;
  blockSize: number;
}

type Fast = (self: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null) => PyObject;
const asHash = (v: PyObject): PyHash => v as PyHash;

/** Methods and attributes common to every hash object; `xof` gives digest(length) instead. */
export function defineHashType(type: PyTypeObject, info: HashInfo, xof: ((e: HashEngine, n: number) => Uint8Array) | null = null): void {
  type.tp_new = null;
  const digestSize = (h: PyHash): number => (h.digestSize >= 0 ? h.digestSize : info.digestSize);
  const methods: PyMethodDef[] = [
    {
      name: "update",
      kind: "o",
      fn: ((self: PyObject, data: PyObject) => {
        asHash(self).engine.update(hashInput(data));
        return Py_None;
      }) as PyMethodDef["fn"],
      doc: "Update this hash object's state with the provided string.",
    },
    {
      name: "copy",
      kind: "noargs",
      fn: ((self: PyObject) => {
        const h = asHash(self);
        return new PyHash(Py_TYPE(h), h.engine.clone(), h.digestSize);
      }) as PyMethodDef["fn"],
      doc: "Return a copy of the hash object.",
    },
  ];
  if (xof === null) {
    methods.push(
      { name: "digest", kind: "noargs", fn: ((self: PyObject) => new PyBytes(asHash(self).engine.digest())) as PyMethodDef["fn"], doc: "Return the digest value as a bytes object." },
      { name: "hexdigest", kind: "noargs", fn: ((self: PyObject) => hexOf(asHash(self).engine.digest())) as PyMethodDef["fn"], doc: "Return the digest value as a string of hexadecimal digits." },
    );
  } else {
    const lengthOf = (p: ArgParser, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null): number => {
      const [n] = p.parse(args, start, nargs, kw);
      return xofLength(n as PyObject);
    };
    const dp = new ArgParser("digest", ["length"], { required: 1 });
    const hp = new ArgParser("hexdigest", ["length"], { required: 1 });
    const digest: Fast = (self, args, start, nargs, kw) => new PyBytes(xof(asHash(self).engine, lengthOf(dp, args, start, nargs, kw)));
    const hexdigest: Fast = (self, args, start, nargs, kw) => hexOf(xof(asHash(self).engine, lengthOf(hp, args, start, nargs, kw)));
    methods.push(
      { name: "digest", kind: "fast", fn: digest as PyMethodDef["fn"], doc: "Return the digest value as a bytes object." },
      { name: "hexdigest", kind: "fast", fn: hexdigest as PyMethodDef["fn"], doc: "Return the digest value as a string of hexadecimal digits." },
    );
  }
  type.tp_methods = methods;
  const getset: PyGetSetDef[] = [
    { name: "name", get: () => info.name },
    { name: "digest_size", get: ((v: PyObject) => digestSize(asHash(v))) as PyGetSetDef["get"] },
    { name: "block_size", get: () => info.blockSize },
  ];
  type.tp_getset = getset;
}

/** The `length` of a XOF digest (a size_t; CPython's limit is 2**29 bytes). */
function xofLength(v: PyObject): number {
  const n = PyNumber_Index(v);
  if (n < 0) throw valueError("Cannot convert negative int");
  if (typeof n === "bigint") {
    if (n >= 1n << 64n) throw overflowError("Python int too large to convert to C size_t");
    throw valueError("length is too large");
  }
  if (n >= 2 ** 29) throw valueError("length is too large");
  return n;
}

/** A non-instantiable hash type (md5, sha1, sha2: made by module functions). */
export function newHashType(fullName: string): PyTypeObject {
  return newStaticType(fullName, PyBaseObject_Type, 0);
}

const ctorNames = ["data", "usedforsecurity", "string"];
/** Parses (data=b'', *, usedforsecurity=True, string=None) and returns the initial data or null. */
export function parseHashCtor(parsers: Map<string, ArgParser>, fname: string, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null): Uint8Array | null {
  let p = parsers.get(fname);
  if (p === undefined) {
    p = new ArgParser(fname, ctorNames, { kwonlyStart: 1 });
    parsers.set(fname, p);
  }
  const [data, , string] = p.parse(args, start, nargs, kw);
  const d = dataArgument(data, string);
  return d === null ? null : hashInput(d);
}
