// CPython: Modules/itertoolsmodule.c — the itertools iterators, each a type whose instances wrap a
// JS generator over Python objects.
import { PyObjectBase, type PyObject, type PyTypeObject, newStaticType, PyBaseObject_Type, Py_None, Py_TPFLAGS_BASETYPE } from "../objects/object.js";
import { PyModule } from "../objects/moduleobject.js";
import { PyTuple } from "../objects/tupleobject.js";
import {
  PyObject_GetIter, PyIter_Next, PyObject_Vectorcall, PyObject_IsTrue, PyNumber_Add, PyNumber_Index,
  iterableToArray, PyObject_Repr, PyObject_RichCompareBool, PyObject_Call,
} from "../objects/abstract.js";
import { typeError, valueError } from "../python/errors.js";
import { ArgParser } from "../python/getargs.js";
import { Py_EQ } from "../objects/object.js";
import { newBuiltinFunction } from "../objects/methodobject.js";

class PyItertool extends PyObjectBase {
  constructor(
    readonly gen: Iterator<PyObject>,
    readonly reprText: (() => string) | null = null,
  ) {
    super();
  }
}

function* iterate(it: PyObject): Generator<PyObject> {
  for (let x = PyIter_Next(it); x !== null; x = PyIter_Next(it)) yield x;
}
const call1 = (f: PyObject, x: PyObject): PyObject => PyObject_Vectorcall(f, [x], 0, 1, null);
const kwMap = (args: readonly PyObject[], start: number, nargs: number, kw: import("../objects/tupleobject.js").PyTuple | null): Map<string, PyObject> => {
  const m = new Map<string, PyObject>();
  if (kw !== null) kw.items.forEach((k, i) => m.set(k as string, args[start + nargs + i]));
  return m;
};

type Maker = (args: PyObject[], kw: Map<string, PyObject>, type: PyTypeObject) => PyItertool;

function defType(module: PyModule, name: string, make: Maker): void {
  const t = newStaticType(`itertools.${name}`, PyBaseObject_Type, Py_TPFLAGS_BASETYPE);
  t.tp_new = (type, args, start, nargs, kwnames) => {
    const o = make(args.slice(start, start + nargs), kwMap(args, start, nargs, kwnames), type);
    o.ob_type = type;
    return o;
  };
  t.tp_iter = (v) => v;
  t.tp_iternext = (v) => {
    const r = (v as PyItertool).gen.next();
    return r.done ? null : r.value;
  };
  t.tp_repr = (v) => ((v as PyItertool).reprText?.() ?? `<itertools.${name} object>`);
  module.dict.setStr(name, t);
}

function noKw(name: string, kw: Map<string, PyObject>): void {
  if (kw.size) throw typeError(`${name}() takes no keyword arguments`);
}
function nargsCheck(name: string, args: PyObject[], min: number, max: number): void {
  if (args.length < min) throw typeError(`${name} expected ${min === max ? "" : "at least "}${min} argument${min === 1 ? "" : "s"}, got ${args.length}`);
  if (args.length > max) throw typeError(`${name} expected ${min === max ? "" : "at most "}${max} argument${max === 1 ? "" : "s"}, got ${args.length}`);
}

function* product(pools: PyObject[][], repeat: number): Generator<PyObject> {
  const all: PyObject[][] = [];
  for (let r = 0; r < repeat; r++) all.push(...pools);
  if (all.some((p) => p.length === 0)) return;
  const idx = new Array(all.length).fill(0);
  for (;;) {
    yield new PyTuple(idx.map((i, k) => all[k][i]));
    let k = all.length - 1;
    while (k >= 0 && ++idx[k] === all[k].length) idx[k--] = 0;
    if (k < 0) return;
  }
}

function* combinations(pool: PyObject[], r: number, withReplacement: boolean): Generator<PyObject> {
  const n = pool.length;
  if (!withReplacement && r > n) return;
  if (withReplacement && n === 0 && r > 0) return;
  const idx = withReplacement ? new Array(r).fill(0) : Array.from({ length: r }, (_, i) => i);
  yield new PyTuple(idx.map((i) => pool[i]));
  for (;;) {
    let i = r - 1;
    if (withReplacement) {
      while (i >= 0 && idx[i] === n - 1) i--;
      if (i < 0) return;
      const v = idx[i] + 1;
      for (let j = i; j < r; j++) idx[j] = v;
    } else {
      while (i >= 0 && idx[i] === i + n - r) i--;
      if (i < 0) return;
      idx[i]++;
      for (let j = i + 1; j < r; j++) idx[j] = idx[j - 1] + 1;
    }
    yield new PyTuple(idx.map((k) => pool[k]));
  }
}

function* permutations(pool: PyObject[], r: number): Generator<PyObject> {
  const n = pool.length;
  if (r > n) return;
  const indices = Array.from({ length: n }, (_, i) => i);
  const cycles = Array.from({ length: r }, (_, i) => n - i);
  yield new PyTuple(indices.slice(0, r).map((i) => pool[i]));
  while (n) {
    let i = r - 1;
    for (; i >= 0; i--) {
      cycles[i]--;
      if (cycles[i] === 0) {
        indices.push(...indices.splice(i, 1));
        cycles[i] = n - i;
      } else {
        const j = cycles[i];
        [indices[i], indices[n - j]] = [indices[n - j], indices[i]];
        yield new PyTuple(indices.slice(0, r).map((k) => pool[k]));
        break;
      }
    }
    if (i < 0) return;
  }
}

const isliceArgs = (args: PyObject[]): [number, number | null, number] => {
  const idx = (v: PyObject, what: string): number | null => {
    if (v === Py_None) return null;
    const n = Number(PyNumber_Index(v));
    if (n < 0) throw valueError(`${what} argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.`);
    return n;
  };
  if (args.length === 2) return [0, idx(args[1], "Stop"), 1];
  const start = idx(args[1], "Indices") ?? 0;
  const stop = idx(args[2], "Stop");
  const step = args.length > 3 ? idx(args[3], "Step") ?? 1 : 1;
  if (step === 0) throw valueError("Step for islice() must be a positive integer or None.");
  return [start, stop, step];
};

const accumulateArgs = new ArgParser("accumulate", ["iterable", "func", "initial"], { required: 1, kwonlyStart: 2 });

export function initItertools(): PyModule {
  const m = new PyModule("itertools", "Functional tools for creating and using iterators.");
  defType(m, "count", (args, kw) => {
    let start: PyObject = kw.get("start") ?? (args.length > 0 ? args[0] : 0);
    const step: PyObject = kw.get("step") ?? (args.length > 1 ? args[1] : 1);
    const gen = (function* () {
      for (;;) {
        yield start;
        start = PyNumber_Add(start, step);
      }
    })();
    return new PyItertool(gen, () => (step === 1 ? `count(${PyObject_Repr(start)})` : `count(${PyObject_Repr(start)}, ${PyObject_Repr(step)})`));
  });
  defType(m, "repeat", (args, kw) => {
    const obj = kw.get("object") ?? args[0];
    const timesArg = kw.get("times") ?? (args.length > 1 ? args[1] : null);
    if (obj === undefined) throw typeError("repeat() missing required argument 'object' (pos 1)");
    let left = timesArg === null ? -1 : Math.max(0, Number(PyNumber_Index(timesArg)));
    const gen = (function* () {
      while (left !== 0) {
        if (left > 0) left--;
        yield obj;
      }
    })();
    return new PyItertool(gen, () => (left < 0 ? `repeat(${PyObject_Repr(obj)})` : `repeat(${PyObject_Repr(obj)}, ${left})`));
  });
  defType(m, "cycle", (args, kw) => {
    noKw("cycle", kw);
    nargsCheck("cycle", args, 1, 1);
    const it = PyObject_GetIter(args[0]);
    return new PyItertool((function* () {
      const saved: PyObject[] = [];
      for (const x of iterate(it)) {
        saved.push(x);
        yield x;
      }
      if (saved.length === 0) return;
      for (;;) yield* saved;
    })());
  });
  defType(m, "chain", (args, kw) => {
    noKw("chain", kw);
    return new PyItertool((function* () {
      for (const a of args) yield* iterate(PyObject_GetIter(a));
    })());
  });
  const chainType = m.dict.getStr("chain") as PyTypeObject;
  chainType.tp_methods = [
    {
      name: "from_iterable",
      kind: "o",
      binding: "class",
      fn: ((_cls: PyObject, iterable: PyObject) => {
        const outer = PyObject_GetIter(iterable);
        const o = new PyItertool((function* () {
          for (const a of iterate(outer)) yield* iterate(PyObject_GetIter(a));
        })());
        o.ob_type = chainType;
        return o;
      }) as never,
    },
  ];
  defType(m, "islice", (args, kw) => {
    noKw("islice", kw);
    nargsCheck("islice", args, 2, 4);
    const it = PyObject_GetIter(args[0]);
    const [start, stop, step] = isliceArgs(args);
    return new PyItertool((function* () {
      let i = 0;
      let next = start;
      for (;;) {
        if (stop !== null && i >= stop) return;
        const x = PyIter_Next(it);
        if (x === null) return;
        if (i === next) {
          yield x;
          next += step;
        }
        i++;
      }
    })());
  });
  defType(m, "accumulate", (args, kwm) => {
    const [iterable, func, initial] = accumulateArgs.parse([...args, ...kwm.values()], 0, args.length, kwm.size ? new PyTuple([...kwm.keys()]) : null);
    const it = PyObject_GetIter(iterable as PyObject);
    return new PyItertool((function* () {
      let acc: PyObject | null = initial !== null && initial !== Py_None ? initial : null;
      if (acc !== null) yield acc;
      for (const x of iterate(it)) {
        acc = acc === null ? x : func === null || func === Py_None ? PyNumber_Add(acc, x) : PyObject_Vectorcall(func, [acc, x], 0, 2, null);
        yield acc;
      }
    })());
  });
  const keyed = (name: string, pick: (pred: boolean) => boolean): void =>
    defType(m, name, (args, kw) => {
      noKw(name, kw);
      nargsCheck(name, args, 2, 2);
      const [pred, iterable] = args;
      const it = PyObject_GetIter(iterable);
      return new PyItertool((function* () {
        for (const x of iterate(it)) {
          const ok = pred === Py_None ? PyObject_IsTrue(x) : PyObject_IsTrue(call1(pred, x));
          if (pick(ok)) yield x;
        }
      })());
    });
  keyed("filterfalse", (ok) => !ok);
  defType(m, "takewhile", (args, kw) => {
    noKw("takewhile", kw);
    nargsCheck("takewhile", args, 2, 2);
    const it = PyObject_GetIter(args[1]);
    return new PyItertool((function* () {
      for (const x of iterate(it)) {
        if (!PyObject_IsTrue(call1(args[0], x))) return;
        yield x;
      }
    })());
  });
  defType(m, "dropwhile", (args, kw) => {
    noKw("dropwhile", kw);
    nargsCheck("dropwhile", args, 2, 2);
    const it = PyObject_GetIter(args[1]);
    return new PyItertool((function* () {
      let dropping = true;
      for (const x of iterate(it)) {
        if (dropping && PyObject_IsTrue(call1(args[0], x))) continue;
        dropping = false;
        yield x;
      }
    })());
  });
  defType(m, "compress", (args, kw) => {
    const data = PyObject_GetIter(kw.get("data") ?? args[0]);
    const sel = PyObject_GetIter(kw.get("selectors") ?? args[1]);
    return new PyItertool((function* () {
      for (;;) {
        const d = PyIter_Next(data);
        const s = PyIter_Next(sel);
        if (d === null || s === null) return;
        if (PyObject_IsTrue(s)) yield d;
      }
    })());
  });
  defType(m, "starmap", (args, kw) => {
    noKw("starmap", kw);
    nargsCheck("starmap", args, 2, 2);
    const it = PyObject_GetIter(args[1]);
    return new PyItertool((function* () {
      for (const x of iterate(it)) yield PyObject_Call(args[0], new PyTuple(iterableToArray(x)), null);
    })());
  });
  defType(m, "zip_longest", (args, kw) => {
    const fill = kw.get("fillvalue") ?? Py_None;
    for (const k of kw.keys()) if (k !== "fillvalue") throw typeError(`zip_longest() got an unexpected keyword argument '${k}'`);
    const its: (PyObject | null)[] = args.map((a) => PyObject_GetIter(a));
    return new PyItertool((function* () {
      if (its.length === 0) return;
      for (;;) {
        let active = 0;
        const row = its.map((it, i) => {
          if (it === null) return fill;
          const x = PyIter_Next(it);
          if (x === null) {
            its[i] = null;
            return fill;
          }
          active++;
          return x;
        });
        if (active === 0) return;
        yield new PyTuple(row);
      }
    })());
  });
  defType(m, "product", (args, kw) => {
    const repeat = kw.has("repeat") ? Number(PyNumber_Index(kw.get("repeat") as PyObject)) : 1;
    if (repeat < 0) throw valueError("repeat argument cannot be negative");
    return new PyItertool(product(args.map((a) => iterableToArray(a)), repeat));
  });
  defType(m, "combinations", (args, kw) => {
    const pool = iterableToArray(kw.get("iterable") ?? args[0]);
    const r = Number(PyNumber_Index(kw.get("r") ?? args[1]));
    if (r < 0) throw valueError("r must be non-negative");
    return new PyItertool(combinations(pool, r, false));
  });
  defType(m, "combinations_with_replacement", (args, kw) => {
    const pool = iterableToArray(kw.get("iterable") ?? args[0]);
    const r = Number(PyNumber_Index(kw.get("r") ?? args[1]));
    if (r < 0) throw valueError("r must be non-negative");
    return new PyItertool(combinations(pool, r, true));
  });
  defType(m, "permutations", (args, kw) => {
    const pool = iterableToArray(kw.get("iterable") ?? args[0]);
    const rArg = kw.get("r") ?? (args.length > 1 ? args[1] : Py_None);
    const r = rArg === Py_None ? pool.length : Number(PyNumber_Index(rArg));
    if (r < 0) throw valueError("r must be non-negative");
    return new PyItertool(permutations(pool, r));
  });
  defType(m, "pairwise", (args, kw) => {
    noKw("pairwise", kw);
    nargsCheck("pairwise", args, 1, 1);
    const it = PyObject_GetIter(args[0]);
    return new PyItertool((function* () {
      let prev = PyIter_Next(it);
      if (prev === null) return;
      for (const x of iterate(it)) {
        yield new PyTuple([prev, x]);
        prev = x;
      }
    })());
  });
  defType(m, "batched", (args, kw) => {
    const it = PyObject_GetIter(kw.get("iterable") ?? args[0]);
    const n = Number(PyNumber_Index(kw.get("n") ?? args[1]));
    const strict = PyObject_IsTrue(kw.get("strict") ?? false);
    if (n < 1) throw valueError("n must be at least one");
    return new PyItertool((function* () {
      for (;;) {
        const batch: PyObject[] = [];
        for (let x = batch.length < n ? PyIter_Next(it) : null; x !== null; x = batch.length < n ? PyIter_Next(it) : null) {
          batch.push(x);
          if (batch.length === n) break;
        }
        if (batch.length === 0) return;
        if (strict && batch.length < n) throw valueError("batched(): incomplete batch");
        yield new PyTuple(batch);
        if (batch.length < n) return;
      }
    })());
  });
  defType(m, "groupby", (args, kw) => {
    const it = PyObject_GetIter(kw.get("iterable") ?? args[0]);
    const key = kw.get("key") ?? (args.length > 1 ? args[1] : Py_None);
    const keyOf = (x: PyObject): PyObject => (key === Py_None ? x : call1(key, x));
    let pending: PyObject | null = PyIter_Next(it);
    let pendingKey: PyObject | null = pending === null ? null : keyOf(pending);
    return new PyItertool((function* () {
      while (pending !== null) {
        const k = pendingKey as PyObject;
        const group: PyObject[] = [];
        while (pending !== null && PyObject_RichCompareBool(pendingKey as PyObject, k, Py_EQ)) {
          group.push(pending);
          pending = PyIter_Next(it);
          pendingKey = pending === null ? null : keyOf(pending);
        }
        yield new PyTuple([k, PyObject_GetIter(new PyTuple(group))]);
      }
    })());
  });
  m.dict.setStr(
    "tee",
    (() => {
      const t = newStaticType("itertools._tee", PyBaseObject_Type, 0);
      t.tp_iter = (v) => v;
      t.tp_iternext = (v) => {
        const r = (v as PyItertool).gen.next();
        return r.done ? null : r.value;
      };
      const f = (_s: PyObject, args: readonly PyObject[], start: number, nargs: number): PyObject => {
        const it = PyObject_GetIter(args[start]);
        const n = nargs > 1 ? Number(PyNumber_Index(args[start + 1])) : 2;
        const buffers: PyObject[][] = Array.from({ length: n }, () => []);
        const pull = (): boolean => {
          const x = PyIter_Next(it);
          if (x === null) return false;
          for (const b of buffers) b.push(x);
          return true;
        };
        return new PyTuple(
          buffers.map((buf) => {
            const o = new PyItertool((function* () {
              for (;;) {
                if (buf.length === 0 && !pull()) return;
                yield buf.shift() as PyObject;
              }
            })());
            o.ob_type = t;
            return o;
          }),
        );
      };
      return newBuiltinFunction("tee", f as never, "itertools");
    })(),
  );
  return m;
}
