// CPython: Objects/enumobject.c (enumerate, reversed), Python/bltinmodule.c (zip, map, filter objects)
import { PyObjectBase, type PyObject, type PyTypeObject, PyBool_Type, newStaticType, PyBaseObject_Type, Py_TYPE, Py_None, Py_TPFLAGS_BASETYPE } from "./object.js";
import { PyTuple } from "./tupleobject.js";
import { PyObject_GetIter, PyIter_Next, PyObject_Vectorcall, PyObject_IsTrue, PyObject_Size, PyObject_GetItem, _PyObject_LookupSpecial, PyObject_CallNoArgs, PyNumber_Index } from "./abstract.js";
import { type PyInt, long_add } from "./longobject.js";
import { typeError, valueError, PyErr_ExceptionMatches } from "../python/errors.js";
import { ArgParser, checkPositional } from "../python/getargs.js";
import { PyExc_IndexError, PyExc_StopIteration } from "./exceptions.js";

function newOf<T extends PyObjectBase>(o: T, type: PyTypeObject, base: PyTypeObject): T {
  if (type !== base) o.ob_type = type;
  return o;
}

export class PyEnumerate extends PyObjectBase {
  constructor(
    public it: PyObject,
    public index: PyInt,
  ) {
    super();
  }
}
export const PyEnum_Type = newStaticType("enumerate", PyBaseObject_Type, Py_TPFLAGS_BASETYPE);
PyEnumerate.prototype.ob_type = PyEnum_Type;
const enumArgs = new ArgParser("enumerate", ["iterable", "start"]);
PyEnum_Type.tp_new = (type, args, start, nargs, kwnames) => {
  if (nargs === 0 && (kwnames === null || kwnames.items.length === 0)) throw typeError("enumerate() missing required argument 'iterable'");
  const [iterable, st] = enumArgs.parse(args, start, nargs, kwnames);
  if (iterable === null) throw typeError("enumerate() missing required argument 'iterable'");
  return newOf(new PyEnumerate(PyObject_GetIter(iterable), st === null ? 0 : PyNumber_Index(st)), type, PyEnum_Type);
};
PyEnum_Type.tp_iter = (v) => v;
PyEnum_Type.tp_iternext = (v) => {
  const e = v as PyEnumerate;
  const x = PyIter_Next(e.it);
  if (x === null) return null;
  const i = e.index;
  e.index = typeof i === "number" && i < Number.MAX_SAFE_INTEGER ? i + 1 : long_add(i, 1);
  return new PyTuple([i, x]);
};

export class PyReversed extends PyObjectBase {
  constructor(
    public seq: PyObject | null,
    public index: number,
  ) {
    super();
  }
}
export const PyReversed_Type = newStaticType("reversed", PyBaseObject_Type, Py_TPFLAGS_BASETYPE);
PyReversed.prototype.ob_type = PyReversed_Type;
PyReversed_Type.tp_new = (type, args, start, nargs, kwnames) => {
  if (kwnames !== null && kwnames.items.length && type === PyReversed_Type) throw typeError("reversed() takes no keyword arguments");
  checkPositional("reversed", nargs, 1, 1);
  const seq = args[start];
  const rev = _PyObject_LookupSpecial(seq, "__reversed__");
  if (rev === Py_None) throw typeError(`'${Py_TYPE(seq).tp_name}' object is not reversible`);
  if (rev !== null) return PyObject_CallNoArgs(rev);
  const t = Py_TYPE(seq);
  if ((t.sq_item === null && t.mp_subscript === null) || t.tp_name === "dict" || (t.sq_length === null && t.mp_length === null)) {
    throw typeError(`'${t.tp_name}' object is not reversible`);
  }
  return newOf(new PyReversed(seq, PyObject_Size(seq) - 1), type, PyReversed_Type);
};
PyReversed_Type.tp_iter = (v) => v;
PyReversed_Type.tp_iternext = (v) => {
  const r = v as PyReversed;
  if (r.seq === null || r.index < 0) {
    r.seq = null;
    return null;
  }
  try {
    return PyObject_GetItem(r.seq, r.index--);
  } catch (e) {
    if (PyErr_ExceptionMatches(e, PyExc_IndexError) || PyErr_ExceptionMatches(e, PyExc_StopIteration)) {
      r.seq = null;
      return null;
    }
    throw e;
  }
};

export class PyZip extends PyObjectBase {
  constructor(
    public its: PyObject[] | null,
    public strict: boolean,
  ) {
    super();
  }
}
export const PyZip_Type = newStaticType("zip", PyBaseObject_Type, Py_TPFLAGS_BASETYPE);
PyZip.prototype.ob_type = PyZip_Type;
PyZip_Type.tp_new = (type, args, start, nargs, kwnames) => {
  let strict = false;
  if (kwnames !== null) {
    kwnames.items.forEach((k, i) => {
      if (k !== "strict") throw typeError(`zip() got an unexpected keyword argument '${k as string}'`);
      strict = PyObject_IsTrue(args[start + nargs + i]);
    });
  }
  const its: PyObject[] = [];
  for (let i = 0; i < nargs; i++) its.push(PyObject_GetIter(args[start + i]));
  return newOf(new PyZip(its, strict), type, PyZip_Type);
};
PyZip_Type.tp_iter = (v) => v;
PyZip_Type.tp_iternext = (v) => {
  const z = v as PyZip;
  const its = z.its;
  if (its === null || its.length === 0) return null;
  const out = new Array<PyObject>(its.length);
  for (let i = 0; i < its.length; i++) {
    const x = PyIter_Next(its[i]);
    if (x === null) {
      z.its = null;
      if (z.strict) {
        if (i > 0) throw valueError(`zip() argument ${i + 1} is shorter than argument${i > 1 ? "s 1-" + i : " 1"}`);
        for (let j = 1; j < its.length; j++) {
          if (PyIter_Next(its[j]) !== null) throw valueError(`zip() argument ${j + 1} is longer than argument${j > 1 ? "s 1-" + j : " 1"}`);
        }
      }
      return null;
    }
    out[i] = x;
  }
  return new PyTuple(out);
};

export class PyMap extends PyObjectBase {
  constructor(
    public func: PyObject,
    public its: PyObject[],
  ) {
    super();
  }
}
export const PyMap_Type = newStaticType("map", PyBaseObject_Type, Py_TPFLAGS_BASETYPE);
PyMap.prototype.ob_type = PyMap_Type;
PyMap_Type.tp_new = (type, args, start, nargs, kwnames) => {
  if (kwnames !== null && kwnames.items.length) {
    const bad = kwnames.items.find((k) => k !== "strict");
    if (bad !== undefined && type === PyMap_Type) throw typeError(`map() got an unexpected keyword argument '${bad as string}'`);
  }
  if (nargs < 2) throw typeError("map() must have at least two arguments.");
  const its: PyObject[] = [];
  for (let i = 1; i < nargs; i++) its.push(PyObject_GetIter(args[start + i]));
  return newOf(new PyMap(args[start], its), type, PyMap_Type);
};
PyMap_Type.tp_iter = (v) => v;
PyMap_Type.tp_iternext = (v) => {
  const m = v as PyMap;
  const vals = new Array<PyObject>(m.its.length);
  for (let i = 0; i < m.its.length; i++) {
    const x = PyIter_Next(m.its[i]);
    if (x === null) return null;
    vals[i] = x;
  }
  return PyObject_Vectorcall(m.func, vals, 0, vals.length, null);
};

export class PyFilter extends PyObjectBase {
  constructor(
    public func: PyObject,
    public it: PyObject,
  ) {
    super();
  }
}
export const PyFilter_Type = newStaticType("filter", PyBaseObject_Type, Py_TPFLAGS_BASETYPE);
PyFilter.prototype.ob_type = PyFilter_Type;
PyFilter_Type.tp_new = (type, args, start, nargs, kwnames) => {
  if (kwnames !== null && kwnames.items.length && type === PyFilter_Type) throw typeError("filter() takes no keyword arguments");
  checkPositional("filter", nargs, 2, 2);
  return newOf(new PyFilter(args[start], PyObject_GetIter(args[start + 1])), type, PyFilter_Type);
};
PyFilter_Type.tp_iter = (v) => v;
PyFilter_Type.tp_iternext = (v) => {
  const f = v as PyFilter;
  for (;;) {
    const x = PyIter_Next(f.it);
    if (x === null) return null;
    const ok = f.func === Py_None || f.func === PyBool_Type ? PyObject_IsTrue(x) : PyObject_IsTrue(PyObject_Vectorcall(f.func, [x], 0, 1, null));
    if (ok) return x;
  }
};
