// CPython: Objects/setobject.c (set_add_entry, set_lookkey, set_table_resize, set_insert_clean)
//
// The open-addressing table behind set and frozenset, with CPython's probe sequence (linear probes,
// then perturbation) and resize policy, so iteration order matches CPython's for keys whose hashes
// match (ints, floats, tuples of them, None, ...).
import { type PyObject, Py_EQ } from "./object.js";
import { PyObject_Hash, PyObject_RichCompareBool } from "./abstract.js";
import { Py_TYPE } from "./object.js";
import { typeError } from "../python/errors.js";

/** The hash of a set element, with set's message for unhashable elements. */
function setHash(key: PyObject): number | bigint {
  if (Py_TYPE(key).tp_hash === null) {
    const n = Py_TYPE(key).tp_name;
    throw typeError(`cannot use '${n}' as a set element (unhashable type: '${n}')`);
  }
  return PyObject_Hash(key);
}

const MINSIZE = 8;
const LINEAR_PROBES = 9;
const PERTURB_SHIFT = 5;
const DUMMY = Symbol("dummy");
type Slot = PyObject | typeof DUMMY | undefined;

/** The probe state for a hash: low 32 bits of `perturb`, which is (size_t)hash shifted right. */
class Perturb {
  private big: bigint | null;
  private num: number;
  constructor(h: number | bigint) {
    if (typeof h === "number" && h >= 0) {
      this.num = h;
      this.big = null;
    } else {
      this.big = BigInt.asUintN(64, BigInt(h));
      this.num = 0;
    }
  }
  shift(): void {
    if (this.big !== null) this.big >>= BigInt(PERTURB_SHIFT);
    else this.num = Math.floor(this.num / 32);
  }
  low32(): number {
    return this.big !== null ? Number(this.big & 0xffffffffn) : this.num % 0x100000000;
  }
}

function lowBits(h: number | bigint): number {
  return typeof h === "number" ? h | 0 : Number(BigInt.asUintN(32, h)) | 0;
}

export class SetTable {
  private keys_: Slot[] = new Array(MINSIZE);
  private hashes: (number | bigint)[] = new Array(MINSIZE).fill(0);
  private mask = MINSIZE - 1;
  private fill = 0;
  used = 0;
  /** Where set.pop() resumes its scan (CPython: so->finger). */
  finger = 0;

  get size(): number {
    return this.used;
  }

  /** Index of the slot holding `key`, or -1. */
  private lookup(key: PyObject, h: number | bigint): number {
    const mask = this.mask;
    let i = lowBits(h) & mask;
    const perturb = new Perturb(h);
    for (;;) {
      let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
      let j = i;
      do {
        const k = this.keys_[j];
        if (k === undefined) return -1;
        if (k !== DUMMY && (k === key || (this.hashes[j] === h && PyObject_RichCompareBool(k, key, Py_EQ)))) return j;
        j++;
      } while (probes-- > 0);
      perturb.shift();
      i = (i * 5 + 1 + perturb.low32()) & mask;
    }
  }

  has(key: PyObject): boolean {
    return this.lookup(key, setHash(key)) >= 0;
  }

  /** Adds `key` (CPython: set_add_entry). The second argument exists for call-site symmetry with PyDict. */
  setItem(key: PyObject, _unused?: PyObject): void {
    const h = setHash(key);
    const mask = this.mask;
    let i = lowBits(h) & mask;
    const perturb = new Perturb(h);
    let freeslot = -1;
    for (;;) {
      let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
      let j = i;
      do {
        const k = this.keys_[j];
        if (k === undefined) {
          if (freeslot >= 0) {
            this.keys_[freeslot] = key;
            this.hashes[freeslot] = h;
            this.used++;
            return;
          }
          this.keys_[j] = key;
          this.hashes[j] = h;
          this.fill++;
          this.used++;
          if (this.fill * 5 >= mask * 3) this.resize(this.used > 50000 ? this.used * 2 : this.used * 4);
          return;
        }
        if (k === DUMMY) {
          if (freeslot < 0) freeslot = j;
        } else if (k === key || (this.hashes[j] === h && PyObject_RichCompareBool(k, key, Py_EQ))) return;
        j++;
      } while (probes-- > 0);
      perturb.shift();
      i = (i * 5 + 1 + perturb.low32()) & mask;
    }
  }

  private insertClean(key: PyObject, h: number | bigint): void {
    const mask = this.mask;
    let i = lowBits(h) & mask;
    const perturb = new Perturb(h);
    for (;;) {
      if (this.keys_[i] === undefined) break;
      let found = -1;
      if (i + LINEAR_PROBES <= mask) {
        for (let j = 1; j <= LINEAR_PROBES; j++) {
          if (this.keys_[i + j] === undefined) {
            found = i + j;
            break;
          }
        }
      }
      if (found >= 0) {
        i = found;
        break;
      }
      perturb.shift();
      i = (i * 5 + 1 + perturb.low32()) & mask;
    }
    this.keys_[i] = key;
    this.hashes[i] = h;
    this.fill++;
    this.used++;
  }

  private resize(minused: number): void {
    let size = MINSIZE;
    while (size <= minused) size *= 2;
    const oldKeys = this.keys_;
    const oldHashes = this.hashes;
    this.keys_ = new Array(size);
    this.hashes = new Array(size).fill(0);
    this.mask = size - 1;
    this.fill = 0;
    this.used = 0;
    for (let i = 0; i < oldKeys.length; i++) {
      const k = oldKeys[i];
      if (k !== undefined && k !== DUMMY) this.insertClean(k, oldHashes[i]);
    }
  }

  /** Removes `key`; returns whether it was present (CPython: set_discard_key). */
  delItem(key: PyObject): boolean {
    const j = this.lookup(key, setHash(key));
    if (j < 0) return false;
    this.keys_[j] = DUMMY;
    this.hashes[j] = -1;
    this.used--;
    return true;
  }

  /** Removes and returns an element, scanning from the finger (CPython: set_pop). */
  pop(): PyObject | null {
    if (this.used === 0) return null;
    let i = this.finger & this.mask;
    for (;;) {
      const k = this.keys_[i];
      if (k !== undefined && k !== DUMMY) {
        this.keys_[i] = DUMMY;
        this.hashes[i] = -1;
        this.used--;
        this.finger = i + 1;
        return k;
      }
      i = (i + 1) & this.mask;
    }
  }

  clear(): void {
    this.keys_ = new Array(MINSIZE);
    this.hashes = new Array(MINSIZE).fill(0);
    this.mask = MINSIZE - 1;
    this.fill = 0;
    this.used = 0;
    this.finger = 0;
  }

  /** Elements in table order (CPython's iteration order). */
  *keys(): IterableIterator<PyObject> {
    const ks = this.keys_;
    for (let i = 0; i < ks.length; i++) {
      const k = ks[i];
      if (k !== undefined && k !== DUMMY) yield k;
    }
  }
}
