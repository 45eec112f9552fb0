// CPython: Modules/_randommodule.c — the Mersenne Twister (MT19937) behind random.Random, seeded
// and stepped exactly as CPython's so seeded sequences are equal.
import { randomBytes } from "node:crypto";
import { PyObjectBase, type PyObject, type PyMethodDef, newStaticType, PyBaseObject_Type, Py_None, Py_TPFLAGS_BASETYPE, Py_TYPE } from "../objects/object.js";
import { PyModule } from "../objects/moduleobject.js";
import { PyTuple } from "../objects/tupleobject.js";
import { PyFloat } from "../objects/floatobject.js";
import { PyObject_Hash, PyNumber_Index } from "../objects/abstract.js";
import { asInt, normBig } from "../objects/longobject.js";
import { typeError, valueError, overflowError } from "../python/errors.js";
import { checkPositional } from "../python/getargs.js";
import { shortTypeName } from "../objects/methodobject.js";

type Fn = PyMethodDef["fn"];
const N = 624;
const M = 397;

export class PyRandom extends PyObjectBase {
  readonly state = new Uint32Array(N);
  index = N + 1;

  /** CPython: init_genrand. */
  initGenrand(s: number): void {
    const mt = this.state;
    mt[0] = s >>> 0;
    for (let i = 1; i < N; i++) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = (Math.imul(1812433253, prev) + i) >>> 0;
    }
    this.index = N;
  }

  /** CPython: init_by_array. */
  initByArray(key: Uint32Array): void {
    const mt = this.state;
    this.initGenrand(19650218);
    let i = 1;
    let j = 0;
    const len = key.length;
    for (let k = N > len ? N : len; k; k--) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = ((mt[i] ^ Math.imul(prev, 1664525)) + key[j] + j) >>> 0;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
      if (j >= len) j = 0;
    }
    for (let k = N - 1; k; k--) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = ((mt[i] ^ Math.imul(prev, 1566083941)) - i) >>> 0;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
    }
    mt[0] = 0x80000000;
  }

  /** CPython: genrand_uint32. */
  next32(): number {
    const mt = this.state;
    if (this.index >= N) {
      let kk = 0;
      let y: number;
      for (; kk < N - M; kk++) {
        y = (mt[kk] & 0x80000000) | (mt[kk + 1] & 0x7fffffff);
        mt[kk] = mt[kk + M] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      }
      for (; kk < N - 1; kk++) {
        y = (mt[kk] & 0x80000000) | (mt[kk + 1] & 0x7fffffff);
        mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      }
      y = (mt[N - 1] & 0x80000000) | (mt[0] & 0x7fffffff);
      mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      this.index = 0;
    }
    let y = mt[this.index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  random(): number {
    const a = this.next32() >>> 5;
    const b = this.next32() >>> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
  }
}

export const PyRandom_Type = newStaticType("_random.Random", PyBaseObject_Type, Py_TPFLAGS_BASETYPE);
PyRandom.prototype.ob_type = PyRandom_Type;
PyRandom_Type.tp_doc = "Random() -> create a random number generator with its own internal state.";
const asR = (v: PyObject): PyRandom => v as PyRandom;

/** The 32-bit words of a non-negative int, least significant first (at least one word). */
function wordsOf(n: bigint): Uint32Array {
  const words: number[] = [];
  while (n > 0n) {
    words.push(Number(n & 0xffffffffn));
    n >>= 32n;
  }
  if (words.length === 0) words.push(0);
  return Uint32Array.from(words);
}

/** CPython: random_seed. */
function randomSeed(r: PyRandom, arg: PyObject | null): void {
  if (arg === null || arg === Py_None) {
    const bytes = randomBytes(N * 4);
    r.initByArray(new Uint32Array(bytes.buffer, bytes.byteOffset, N));
    return;
  }
  let n: bigint;
  const i = asInt(arg);
  if (i !== null && !(arg instanceof PyFloat)) n = BigInt(i) < 0n ? -BigInt(i) : BigInt(i);
  else {
    // other hashables seed from their hash, as a C size_t (64-bit)
    const h = BigInt(PyObject_Hash(arg));
    n = h < 0n ? h + (1n << 64n) : h;
  }
  r.initByArray(wordsOf(n));
}

// CPython: tp_new is PyType_GenericNew; random_init seeds (so subclasses may take other arguments)
PyRandom_Type.tp_new = (type) => {
  const r = new PyRandom();
  if (type !== PyRandom_Type) r.ob_type = type;
  return r;
};
const randomInit: NonNullable<typeof PyRandom_Type.tp_init> = (self, args, start, nargs, kw) => {
  const t = Py_TYPE(self);
  if ((t === PyRandom_Type || t.tp_init === randomInit) && kw !== null && kw.items.length) {
    throw typeError("Random() takes no keyword arguments");
  }
  if (nargs > 1) throw typeError("Random() requires 0 or 1 argument");
  randomSeed(asR(self), nargs ? args[start] : null);
};
PyRandom_Type.tp_init = randomInit;

PyRandom_Type.tp_methods = [
  {
    name: "random",
    kind: "noargs",
    fn: ((s: PyObject) => new PyFloat(asR(s).random())) as Fn,
    doc: "random() -> x in the interval [0, 1).",
  },
  {
    name: "seed",
    kind: "fast",
    fn: ((s: PyObject, args: readonly PyObject[], start: number, nargs: number) => {
      checkPositional("seed", nargs, 0, 1);
      randomSeed(asR(s), nargs ? args[start] : null);
      return Py_None;
    }) as Fn,
    doc: "seed([n]) -> None.\n\nDefaults to use urandom and falls back to a combination\nof the current time and the process identifier.",
  },
  {
    name: "getstate",
    kind: "noargs",
    fn: ((s: PyObject) => {
      const r = asR(s);
      const items: PyObject[] = Array.from(r.state);
      items.push(r.index);
      return new PyTuple(items);
    }) as Fn,
    doc: "getstate() -> tuple containing the current state.",
  },
  {
    name: "setstate",
    kind: "o",
    fn: ((s: PyObject, state: PyObject) => {
      const r = asR(s);
      if (!(state instanceof PyTuple)) throw typeError("state vector must be a tuple");
      if (state.items.length !== N + 1) throw valueError("state vector is the wrong size");
      const words = new Uint32Array(N);
      for (let i = 0; i < N; i++) {
        const v = state.items[i];
        const n = asInt(v);
        if (n === null) throw typeError("an integer is required");
        if (BigInt(n) < 0n) throw overflowError("can't convert negative value to unsigned int");
        if (BigInt(n) > 0xffffffffn) throw overflowError("Python int too large to convert to C unsigned long");
        words[i] = Number(n);
      }
      const idx = asInt(state.items[N]);
      if (idx === null) throw typeError("an integer is required");
      if (BigInt(idx) < 0n || BigInt(idx) > BigInt(N)) throw valueError("invalid state");
      r.state.set(words);
      r.index = Number(idx);
      return Py_None;
    }) as Fn,
    doc: "setstate(state) -> None.  Restores generator state.",
  },
  {
    name: "getrandbits",
    kind: "o",
    fn: ((s: PyObject, kObj: PyObject) => {
      const r = asR(s);
      if (kObj instanceof PyFloat) throw typeError("'float' object cannot be interpreted as an integer");
      const kv = PyNumber_Index(kObj);
      if (BigInt(kv) < 0n) throw valueError("Cannot convert negative int");
      let k = Number(kv);
      if (k === 0) return 0;
      if (k <= 32) return r.next32() >>> (32 - k);
      if (k <= 53) {
        // two words, low first, fit in a double exactly
        const lo = r.next32();
        const hi = r.next32() >>> (64 - k);
        return hi * 4294967296 + lo;
      }
      let result = 0n;
      let shift = 0n;
      while (k > 0) {
        let w = r.next32();
        if (k < 32) w >>>= 32 - k;
        result |= BigInt(w) << shift;
        shift += 32n;
        k -= 32;
      }
      return normBig(result);
    }) as Fn,
    doc: "getrandbits($self, k, /)\n--\n\ngetrandbits(k) -> x.  Generates an int with k random bits.",
  },
  {
    name: "__reduce__",
    kind: "noargs",
    fn: ((s: PyObject) => {
      throw typeError(`cannot pickle '${shortTypeName(Py_TYPE(s))}' object`);
    }) as Fn,
  },
];

export function init_random(): PyModule {
  const m = new PyModule("_random", "Module implements the Mersenne Twister random number generator.");
  m.dict.setStr("Random", PyRandom_Type);
  return m;
}
