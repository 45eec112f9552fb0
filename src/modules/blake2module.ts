// CPython: Modules/blake2module.c (over HACL*) — blake2b and blake2s with their tree-hashing
// parameters; the engine is blake2_impl.ts.
import { PyModule } from "../objects/moduleobject.js";
import type { PyObject, PyTypeObject } from "../objects/object.js";
import { PyObject_IsTrue, PyNumber_Index } from "../objects/abstract.js";
import { getContiguousBytes } from "../objects/buffer.js";
import { typeDict } from "../objects/typeobject.js";
import { valueError, overflowError } from "../python/errors.js";
import { ArgParser } from "../python/getargs.js";
import { asCInt } from "../python/pystrhex.js";
import { PyHash, defineHashType, newHashType, dataArgument, hashInput } from "./hashlib.js";
import { Blake2 } from "./blake2_impl.js";

const NAMES = [
  "data", "digest_size", "key", "salt", "person", "fanout", "depth", "leaf_size", "node_offset", "node_depth", "inner_size",
  "last_node", "usedforsecurity", "string",
];

/** An unsigned C integer argument of `bits` bits (CPython: the unsigned long / long long converters). */
function unsignedArg(v: PyObject, bits: number, cname: string): bigint {
  const n = BigInt(PyNumber_Index(v));
  if (n < 0n) throw valueError("Cannot convert negative int");
  if (n >= 1n << BigInt(bits)) throw overflowError(`Python int too large for C ${cname}`);
  return n;
}

function defineBlake2(big: boolean): PyTypeObject {
  const name = big ? "blake2b" : "blake2s";
  const label = big ? "Blake2b" : "Blake2s";
  const maxDigest = big ? 64 : 32;
  const saltSize = big ? 16 : 8;
  const t = newHashType(`_blake2.${name}`);
  defineHashType(t, { name, digestSize: maxDigest, blockSize: big ? 128 : 64 });
  const parser = new ArgParser(name, NAMES, { kwonlyStart: 1 });
  const buf = (v: PyObject | null): Uint8Array => (v === null ? new Uint8Array(0) : getContiguousBytes(v).slice());
  t.tp_new = (type, args, start, nargs, kw) => {
    const a = parser.parse(args, start, nargs, kw);
    const digestSize = a[1] === null ? maxDigest : asCInt(a[1]);
    const key = buf(a[2]);
    const salt = buf(a[3]);
    const person = buf(a[4]);
    const fanout = a[5] === null ? 1 : asCInt(a[5]);
    const depth = a[6] === null ? 1 : asCInt(a[6]);
    const leafSize = a[7] === null ? 0n : unsignedArg(a[7], 64, "unsigned long");
    const nodeOffset = a[8] === null ? 0n : unsignedArg(a[8], 64, "unsigned long long");
    const nodeDepth = a[9] === null ? 0 : asCInt(a[9]);
    const innerSize = a[10] === null ? 0 : asCInt(a[10]);
    const lastNode = a[11] !== null && PyObject_IsTrue(a[11]);
    if (a[12] !== null) PyObject_IsTrue(a[12]);
    const data = dataArgument(a[0], a[13]);
    if (digestSize <= 0 || digestSize > maxDigest) {
      throw valueError(`digest_size for ${label} must be between 1 and ${maxDigest} bytes, here it is ${digestSize}`);
    }
    if (salt.length > saltSize) throw valueError(`maximum salt length is ${saltSize} bytes`);
    if (person.length > saltSize) throw valueError(`maximum person length is ${saltSize} bytes`);
    if (fanout < 0 || fanout > 255) throw valueError("fanout must be between 0 and 255");
    if (depth <= 0 || depth > 255) throw valueError("depth must be between 1 and 255");
    if (leafSize > 0xffffffffn) throw overflowError("leaf_size is too large");
    if (!big && nodeOffset > 0xffffffffffffn) throw overflowError("node_offset is too large");
    if (nodeDepth < 0 || nodeDepth > 255) throw valueError("node_depth must be between 0 and 255");
    if (innerSize < 0 || innerSize > maxDigest) throw valueError(`inner_size must be between 0 and is ${maxDigest}`);
    if (key.length > maxDigest) throw valueError(`maximum key length is ${maxDigest} bytes`);
    const engine = Blake2.create(big, {
      digestSize, key, salt, person, fanout, depth, leafSize: Number(leafSize), nodeOffset, nodeDepth, innerSize, lastNode,
    });
    const h = new PyHash(type, engine, digestSize);
    if (data !== null) engine.update(hashInput(data));
    return h;
  };
  const d = typeDict(t);
  d.set("SALT_SIZE", saltSize);
  d.set("PERSON_SIZE", saltSize);
  d.set("MAX_KEY_SIZE", maxDigest);
  d.set("MAX_DIGEST_SIZE", maxDigest);
  return t;
}

export const Blake2bType = defineBlake2(true);
export const Blake2sType = defineBlake2(false);

export function initBlake2(): PyModule {
  const m = new PyModule("_blake2");
  const d = m.dict;
  d.setStr("blake2b", Blake2bType);
  d.setStr("blake2s", Blake2sType);
  d.setStr("BLAKE2B_SALT_SIZE", 16);
  d.setStr("BLAKE2B_PERSON_SIZE", 16);
  d.setStr("BLAKE2B_MAX_KEY_SIZE", 64);
  d.setStr("BLAKE2B_MAX_DIGEST_SIZE", 64);
  d.setStr("BLAKE2S_SALT_SIZE", 8);
  d.setStr("BLAKE2S_PERSON_SIZE", 8);
  d.setStr("BLAKE2S_MAX_KEY_SIZE", 32);
  d.setStr("BLAKE2S_MAX_DIGEST_SIZE", 32);
  d.setStr("_GIL_MINSIZE", 2048);
  return m;
}
