// CPython: Modules/_hashopenssl.c — the _hashlib module, OpenSSL's digests, HMAC, PBKDF2 and scrypt;
// here over node:crypto (itself OpenSSL). The pure-TypeScript _md5/_sha*/_blake2 modules stay
// what hashlib falls back to where this module is missing (browsers).
import { createHash, pbkdf2Sync, scryptSync, type Hash } from "node:crypto";
import { type PyObject, type PyTypeObject, newStaticType, Py_TYPE, Py_None } from "../objects/object.js";
import { PyModule } from "../objects/moduleobject.js";
import { PyBytes } from "../objects/bytesobject.js";
import { PyDict } from "../objects/dictobject.js";
import { PyFrozenSet_Type, makeSet } from "../objects/setobject.js";
import type { PyTuple } from "../objects/tupleobject.js";
import { newBuiltinFunction, addressOf } from "../objects/methodobject.js";
import { PyObject_CheckBuffer, getContiguousBytes } from "../objects/buffer.js";
import { PyNumber_Index, PyObject_Repr } from "../objects/abstract.js";
import { PyExc_ValueError } from "../objects/exceptions.js";
import { PyErr_Format, typeError, valueError, overflowError } from "../python/errors.js";
import { ArgParser } from "../python/getargs.js";
import { PyHash, defineHashType, newHashType, dataArgument, hashInput, type HashEngine } from "./hashlib.js";

export const UnsupportedDigestmodError = newStaticType("_hashlib.UnsupportedDigestmodError", PyExc_ValueError);
const unsupported = (): never => {
  throw PyErr_Format(UnsupportedDigestmodError, "[digital envelope routines] unsupported");
};

interface Digest {
  /** CPython's name. */
  name: string;
  node: string;
  digestSize: number;
  blockSize: number;
  xof: boolean;
}
const DIGESTS: Digest[] = [
  ["md5", "md5", 16, 64], ["sha1", "sha1", 20, 64], ["sha224", "sha224", 28, 64], ["sha256", "sha256", 32, 64],
  ["sha384", "sha384", 48, 128], ["sha512", "sha512", 64, 128], ["sha512_224", "sha512-224", 28, 128], ["sha512_256", "sha512-256", 32, 128],
  ["sha3_224", "sha3-224", 28, 144], ["sha3_256", "sha3-256", 32, 136], ["sha3_384", "sha3-384", 48, 104], ["sha3_512", "sha3-512", 64, 72],
  ["shake_128", "shake128", 0, 168], ["shake_256", "shake256", 0, 136], ["blake2b", "blake2b512", 64, 128], ["blake2s", "blake2s256", 32, 64],
  ["ripemd160", "ripemd160", 20, 64], ["sm3", "sm3", 32, 64], ["md5-sha1", "md5-sha1", 36, 64],
].map(([name, node, digestSize, blockSize]) => ({
  name: name as string, node: node as string, digestSize: digestSize as number, blockSize: blockSize as number, xof: (digestSize as number) === 0,
}));

/** The digests this Node's OpenSSL provides, by every accepted spelling. */
const BY_NAME = new Map<string, Digest>();
const AVAILABLE: Digest[] = [];
for (const d of DIGESTS) {
  try {
    createHash(d.node);
  } catch {
    continue;
  }
  AVAILABLE.push(d);
  for (const alias of [d.name, d.node, d.name.replace("_", "-"), d.node.toUpperCase(), d.name.toUpperCase()]) BY_NAME.set(alias, d);
}
for (const [alias, name] of [["ripemd", "ripemd160"], ["rmd160", "ripemd160"], ["RIPEMD160", "ripemd160"], ["SHA512-224", "sha512_224"], ["SHA512-256", "sha512_256"]]) {
  const d = BY_NAME.get(name);
  if (d !== undefined) BY_NAME.set(alias, d);
}

function digestByName(name: string): Digest {
  return BY_NAME.get(name) ?? BY_NAME.get(name.toLowerCase()) ?? unsupported();
}

class NodeHash implements HashEngine {
  constructor(
    readonly h: Hash,
    readonly d: Digest,
  ) {}
  update(data: Uint8Array): void {
    this.h.update(data);
  }
  digest(): Uint8Array {
    return new Uint8Array(this.h.copy().digest());
  }
  squeeze(n: number): Uint8Array {
    return new Uint8Array(this.h.copy({ outputLength: n }).digest());
  }
  clone(): NodeHash {
    return new NodeHash(this.h.copy(), this.d);
  }
}

// one Python type per call shape; name/digest_size/block_size come from the engine's digest
export const HASH_Type = newHashType("_hashlib.HASH");
export const HASHXOF_Type = newStaticType("_hashlib.HASHXOF", HASH_Type, 0);
function defineOpenSSLType(t: PyTypeObject, xof: boolean): void {
  defineHashType(t, { name: "", digestSize: 0, blockSize: 0 }, xof ? (e, n) => (e as NodeHash).squeeze(n) : null);
  const d = (v: PyObject): Digest => ((v as PyHash).engine as NodeHash).d;
  t.tp_getset = [
    { name: "name", get: (v) => d(v).name },
    { name: "digest_size", get: (v) => d(v).digestSize },
    { name: "block_size", get: (v) => d(v).blockSize },
  ];
  t.tp_repr = (v) => `<${d(v).name} ${t.tp_name} object @ 0x${addressOf(v)}>`;
}
defineOpenSSLType(HASH_Type, false);
defineOpenSSLType(HASHXOF_Type, true);

function newHash(d: Digest, data: Uint8Array | null): PyHash {
  const h = new PyHash(d.xof ? HASHXOF_Type : HASH_Type, new NodeHash(createHash(d.node), d), -1);
  if (data !== null) h.engine.update(data);
  return h;
}

// ---------------------------------------------------------------- HMAC

class HmacEngine implements HashEngine {
  constructor(
    readonly inner: Hash,
    readonly outer: Hash,
    readonly d: Digest,
  ) {}
  static create(d: Digest, key: Uint8Array): HmacEngine {
    let k = key;
    if (k.length > d.blockSize) k = new Uint8Array(createHash(d.node).update(k).digest());
    const ipad = new Uint8Array(d.blockSize).fill(0x36);
    const opad = new Uint8Array(d.blockSize).fill(0x5c);
    for (let i = 0; i < k.length; i++) {
      ipad[i] ^= k[i];
      opad[i] ^= k[i];
    }
    return new HmacEngine(createHash(d.node).update(ipad), createHash(d.node).update(opad), d);
  }
  update(data: Uint8Array): void {
    this.inner.update(data);
  }
  digest(): Uint8Array {
    return new Uint8Array(this.outer.copy().update(this.inner.copy().digest()).digest());
  }
  clone(): HmacEngine {
    return new HmacEngine(this.inner.copy(), this.outer.copy(), this.d);
  }
}
export const HMAC_Type = newHashType("_hashlib.HMAC");
defineHashType(HMAC_Type, { name: "", digestSize: 0, blockSize: 0 });
{
  const d = (v: PyObject): Digest => ((v as PyHash).engine as HmacEngine).d;
  HMAC_Type.tp_getset = [
    { name: "name", get: (v) => `hmac-${d(v).name}` },
    { name: "digest_size", get: (v) => d(v).digestSize },
    { name: "block_size", get: (v) => d(v).blockSize },
  ];
  HMAC_Type.tp_repr = (v) => `<${d(v).name} HMAC object @ 0x${addressOf(v)}>`;
}

// ---------------------------------------------------------------- module

type Fast = (self: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null) => PyObject;

/** CPython: _tscmp / compare_digest — constant-time comparison of str (ASCII) or bytes-likes. */
function compareDigest(a: PyObject, b: PyObject): boolean {
  let x: Uint8Array;
  let y: Uint8Array;
  if (typeof a === "string" && typeof b === "string") {
    if (!/^[\x00-\x7f]*$/.test(a) || !/^[\x00-\x7f]*$/.test(b)) throw typeError("comparing strings with non-ASCII characters is not supported");
    x = Uint8Array.from(a, (c) => c.charCodeAt(0));
    y = Uint8Array.from(b, (c) => c.charCodeAt(0));
  } else {
    if (!PyObject_CheckBuffer(a) && !PyObject_CheckBuffer(b)) {
      throw typeError(`unsupported operand types(s) or combination of types: '${Py_TYPE(a).tp_name}' and '${Py_TYPE(b).tp_name}'`);
    }
    x = getContiguousBytes(a);
    y = getContiguousBytes(b);
  }
  // the length leaks, the contents do not
  let r = x.length === y.length ? 0 : 1;
  const other = x.length === y.length ? y : x;
  for (let i = 0; i < x.length; i++) r |= x[i] ^ other[i];
  return r === 0;
}

export function init_hashlib(): PyModule {
  const m = new PyModule("_hashlib", "OpenSSL interface for hashlib module");
  const d = m.dict;
  const fn = (name: string, f: Fast): PyObject => {
    const o = newBuiltinFunction(name, f, "_hashlib");
    d.setStr(name, o);
    return o;
  };
  const ctorNames = ["data", "usedforsecurity", "string"];
  const newArgs = new ArgParser("new", ["name", "data", "usedforsecurity", "string"], { required: 1, kwonlyStart: 2 });
  fn("new", (_s, a, st, n, kw) => {
    const [name, data, , string] = newArgs.parse(a, st, n, kw);
    if (typeof name !== "string") throw typeError(`new() argument 'name' must be str, not ${Py_TYPE(name as PyObject).tp_name}`);
    const init = dataArgument(data, string);
    const input = init === null ? null : hashInput(init);
    return newHash(digestByName(name), input);
  });
  const constructors = new PyDict();
  const byFunction = new Map<PyObject, Digest>();
  for (const name of ["md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3_224", "sha3_256", "sha3_384", "sha3_512", "shake_128", "shake_256"]) {
    const dg = BY_NAME.get(name);
    if (dg === undefined) continue;
    const p = new ArgParser(`openssl_${name}`, ctorNames, { kwonlyStart: 1 });
    const f = fn(`openssl_${name}`, (_s, a, st, n, kw) => {
      const [data, , string] = p.parse(a, st, n, kw);
      const init = dataArgument(data, string);
      return newHash(dg, init === null ? null : hashInput(init));
    });
    constructors.setItem(f, name);
    byFunction.set(f, dg);
  }
  d.setStr("_constructors", constructors);
  d.setStr("openssl_md_meth_names", makeSet(PyFrozenSet_Type, AVAILABLE.map((x) => x.name)));

  /** A digestmod argument: a name, or one of the openssl_* constructors (CPython: py_digest_by_digestmod). */
  const digestmodOf = (v: PyObject): Digest => {
    if (typeof v === "string") return digestByName(v);
    const dg = byFunction.get(v);
    if (dg === undefined) throw PyErr_Format(UnsupportedDigestmodError, `Unsupported digestmod ${PyObject_Repr(v)}`);
    return dg;
  };
  const hmacDigest = (dg: Digest): Digest => {
    if (dg.xof) throw valueError("no reason supplied");
    return dg;
  };

  const hmacDigestArgs = new ArgParser("hmac_digest", ["key", "msg", "digest"], { required: 3 });
  fn("hmac_digest", (_s, a, st, n, kw) => {
    const [key, msg, digest] = hmacDigestArgs.parse(a, st, n, kw);
    const k = getContiguousBytes(key as PyObject).slice();
    const data = getContiguousBytes(msg as PyObject).slice();
    const e = HmacEngine.create(hmacDigest(digestmodOf(digest as PyObject)), k);
    e.update(data);
    return new PyBytes(e.digest());
  });
  const hmacNewArgs = new ArgParser("hmac_new", ["key", "msg", "digestmod"], { required: 1 });
  fn("hmac_new", (_s, a, st, n, kw) => {
    const [key, msg, digestmod] = hmacNewArgs.parse(a, st, n, kw);
    const k = getContiguousBytes(key as PyObject).slice();
    if (digestmod === null || digestmod === Py_None) throw typeError("Missing required parameter 'digestmod'.");
    const e = HmacEngine.create(hmacDigest(digestmodOf(digestmod)), k);
    if (msg !== null && msg !== Py_None) e.update(hashInput(msg));
    return new PyHash(HMAC_Type, e, -1);
  });

  const pbkdf2Args = new ArgParser("pbkdf2_hmac", ["hash_name", "password", "salt", "iterations", "dklen"], { required: 4 });
  fn("pbkdf2_hmac", (_s, a, st, n, kw) => {
    const [hashName, password, salt, iterObj, dklenObj] = pbkdf2Args.parse(a, st, n, kw);
    if (typeof hashName !== "string") throw typeError(`pbkdf2_hmac() argument 'hash_name' must be str, not ${Py_TYPE(hashName as PyObject).tp_name}`);
    const pw = getContiguousBytes(password as PyObject).slice();
    const sa = getContiguousBytes(salt as PyObject).slice();
    const it = PyNumber_Index(iterObj as PyObject);
    const dg = digestByName(hashName);
    if (it < 1) throw valueError("iteration value must be greater than 0.");
    if (it > 2147483647) throw overflowError("iteration value is too great.");
    const dklen = dklenObj === null || dklenObj === Py_None ? dg.digestSize : PyNumber_Index(dklenObj);
    if (dklen < 1) throw valueError("key length must be greater than 0.");
    if (dklen > 2147483647) throw overflowError("key length is too great.");
    return new PyBytes(new Uint8Array(pbkdf2Sync(pw, sa, Number(it), Number(dklen), dg.node)));
  });

  const scryptArgs = new ArgParser("scrypt", ["password", "salt", "n", "r", "p", "maxmem", "dklen"], { required: 1, kwonlyStart: 1, minkw: 4 });
  fn("scrypt", (_s, a, st, n, kw) => {
    const [password, salt, nObj, rObj, pObj, maxmemObj, dklenObj] = scryptArgs.parse(a, st, n, kw);
    const pw = getContiguousBytes(password as PyObject).slice();
    const sa = getContiguousBytes(salt as PyObject).slice();
    const unsigned = (v: PyObject): number => {
      const x = PyNumber_Index(v);
      if (x < 0) throw overflowError("can't convert negative value to unsigned int");
      if (x > 0xffffffffffffffffn) throw overflowError("Python int too large to convert to C unsigned long");
      return Number(x);
    };
    const N = unsigned(nObj as PyObject);
    if (N < 2 || (N & (N - 1)) !== 0 || N > 2 ** 53) throw valueError("n must be a power of 2.");
    const r = unsigned(rObj as PyObject);
    const p = unsigned(pObj as PyObject);
    const maxmem = maxmemObj === null ? 0 : PyNumber_Index(maxmemObj);
    if (maxmem < 0 || maxmem > 2147483647) throw valueError("maxmem must be positive and smaller than 2147483647");
    const dklen = dklenObj === null ? 64 : PyNumber_Index(dklenObj);
    if (dklen < 1 || dklen > 2147483647) throw valueError("dklen must be greater than 0 and smaller than 2147483647");
    try {
      // OpenSSL's own default limit when maxmem is 0 is 32 MiB, as Node's
      const out = scryptSync(pw, sa, Number(dklen), { N, r, p, maxmem: Number(maxmem) || 32 * 1024 * 1024 });
      return new PyBytes(new Uint8Array(out));
    } catch {
      throw valueError("Invalid parameter combination for n, r, p, maxmem.");
    }
  });

  const cdArgs = new ArgParser("compare_digest", ["a", "b"], { posonly: 2, required: 2 });
  fn("compare_digest", (_s, a, st, n, kw) => {
    const [x, y] = cdArgs.parse(a, st, n, kw);
    return compareDigest(x as PyObject, y as PyObject);
  });
  fn("get_fips_mode", () => 0);

  d.setStr("HASH", HASH_Type);
  d.setStr("HASHXOF", HASHXOF_Type);
  d.setStr("HMAC", HMAC_Type);
  d.setStr("UnsupportedDigestmodError", UnsupportedDigestmodError);
  d.setStr("_GIL_MINSIZE", 2048);
  return m;
}
