// CPython: Modules/_operator.c — attrgetter, itemgetter and methodcaller: callables built once and
// called often (key functions), so each call does no allocation beyond the result.
import {
  PyObjectBase, type PyObject, type PyMethodDef, newStaticType, PyBaseObject_Type, Py_TYPE,
} from "../objects/object.js";
import { PyTuple, PyTuple_Type } from "../objects/tupleobject.js";
import { PyList, PyList_Type } from "../objects/listobject.js";
import type { PyDict } from "../objects/dictobject.js";
import { PyObject_GetAttr, PyObject_GetItem, PyObject_Repr, PyObject_Vectorcall } from "../objects/abstract.js";
import { typeError } from "../python/errors.js";
import { checkPositional } from "../python/getargs.js";
import { asStr } from "../objects/unicodeobject.js";
import { reprEnter, reprLeave } from "../objects/reprguard.js";
import { newPartial } from "./_functoolsmodule.js";

type Fn = PyMethodDef["fn"];

function noKw(name: string, kw: PyTuple | null): void {
  if (kw !== null && kw.items.length) throw typeError(`${name}() takes no keyword arguments`);
}

/** "%s(...)" while the object's repr is already being computed (CPython: Py_ReprEnter). */
function guardedRepr(o: PyObject, body: () => string): string {
  if (!reprEnter(o as object)) return `${Py_TYPE(o).tp_name}(...)`;
  try {
    return body();
  } finally {
    reprLeave(o as object);
  }
}

// --- attrgetter -------------------------------------------------------------------------------------

class PyAttrGetter extends PyObjectBase {
  constructor(
    /** Each attribute: a plain name, or the parts of a dotted name. */
    readonly attrs: (string | string[])[],
  ) {
    super();
  }
}
const AttrGetter_Type = newStaticType("operator.attrgetter", PyBaseObject_Type, 0);
PyAttrGetter.prototype.ob_type = AttrGetter_Type;
AttrGetter_Type.tp_doc =
  "Return a callable object that fetches the given attribute(s) from its operand.\n" +
  "After f = attrgetter('name'), the call f(r) returns r.name.\n" +
  "After g = attrgetter('name', 'date'), the call g(r) returns (r.name, r.date).\n" +
  "After h = attrgetter('name.first', 'name.last'), the call h(r) returns\n(r.name.first, r.name.last).";

function dottedGetAttr(obj: PyObject, attr: string | string[]): PyObject {
  if (typeof attr === "string") return PyObject_GetAttr(obj, attr);
  for (let i = 0; i < attr.length; i++) obj = PyObject_GetAttr(obj, attr[i]);
  return obj;
}
const dottedName = (attr: string | string[]): string => (typeof attr === "string" ? attr : attr.join("."));

AttrGetter_Type.tp_new = (_type, args, start, nargs, kw) => {
  noKw("attrgetter", kw);
  if (nargs < 1) throw typeError("attrgetter expected 1 argument, got 0");
  const attrs: (string | string[])[] = [];
  for (let i = 0; i < nargs; i++) {
    const s = asStr(args[start + i]);
    if (s === null) throw typeError("attribute name must be a string");
    attrs.push(s.includes(".") ? s.split(".") : s);
  }
  return new PyAttrGetter(attrs);
};
AttrGetter_Type.tp_call = (self, args, start, nargs, kw) => {
  noKw("attrgetter", kw);
  if (nargs !== 1) checkPositional("attrgetter", nargs, 1, 1);
  const attrs = (self as PyAttrGetter).attrs;
  const obj = args[start];
  if (attrs.length === 1) return dottedGetAttr(obj, attrs[0]);
  const out = new Array<PyObject>(attrs.length);
  for (let i = 0; i < attrs.length; i++) out[i] = dottedGetAttr(obj, attrs[i]);
  return new PyTuple(out);
};
AttrGetter_Type.tp_repr = (self) =>
  guardedRepr(self, () => {
    const names = (self as PyAttrGetter).attrs.map(dottedName);
    return `${Py_TYPE(self).tp_name}(${names.map((n) => PyObject_Repr(n)).join(", ")})`;
  });
AttrGetter_Type.tp_methods = [
  {
    name: "__reduce__",
    kind: "noargs",
    fn: ((self: PyObject) => new PyTuple([Py_TYPE(self), new PyTuple((self as PyAttrGetter).attrs.map(dottedName))])) as Fn,
    doc: "Return state information for pickling",
  },
];

// --- itemgetter -------------------------------------------------------------------------------------

class PyItemGetter extends PyObjectBase {
  /** For one non-negative int item: it, for the list/tuple fast path; else -1. */
  readonly index: number;
  constructor(readonly items: PyObject[]) {
    super();
    const it = items[0];
    this.index = items.length === 1 && typeof it === "number" && it >= 0 ? it : -1;
  }
}
const ItemGetter_Type = newStaticType("operator.itemgetter", PyBaseObject_Type, 0);
PyItemGetter.prototype.ob_type = ItemGetter_Type;
ItemGetter_Type.tp_doc =
  "Return a callable object that fetches the given item(s) from its operand.\n" +
  "After f = itemgetter(2), the call f(r) returns r[2].\n" +
  "After g = itemgetter(2, 5, 3), the call g(r) returns (r[2], r[5], r[3])";

ItemGetter_Type.tp_new = (_type, args, start, nargs, kw) => {
  noKw("itemgetter", kw);
  if (nargs < 1) throw typeError("itemgetter expected 1 argument, got 0");
  return new PyItemGetter(args.slice(start, start + nargs));
};
ItemGetter_Type.tp_call = (self, args, start, nargs, kw) => {
  noKw("itemgetter", kw);
  if (nargs !== 1) checkPositional("itemgetter", nargs, 1, 1);
  const ig = self as PyItemGetter;
  const obj = args[start];
  const idx = ig.index;
  if (idx >= 0 && (obj instanceof PyTuple || obj instanceof PyList) && idx < obj.items.length) {
    const t = Py_TYPE(obj);
    // only exact tuples and lists: a subclass may override __getitem__
    if (t === PyTuple_Type || t === PyList_Type) return obj.items[idx];
  }
  const items = ig.items;
  if (items.length === 1) return PyObject_GetItem(obj, items[0]);
  const out = new Array<PyObject>(items.length);
  for (let i = 0; i < items.length; i++) out[i] = PyObject_GetItem(obj, items[i]);
  return new PyTuple(out);
};
ItemGetter_Type.tp_repr = (self) =>
  guardedRepr(self, () => {
    const items = (self as PyItemGetter).items;
    const name = Py_TYPE(self).tp_name;
    if (items.length === 1) return `${name}(${PyObject_Repr(items[0])})`;
    return `${name}${PyObject_Repr(new PyTuple(items))}`;
  });
ItemGetter_Type.tp_methods = [
  {
    name: "__reduce__",
    kind: "noargs",
    fn: ((self: PyObject) => new PyTuple([Py_TYPE(self), new PyTuple((self as PyItemGetter).items.slice())])) as Fn,
    doc: "Return state information for pickling",
  },
];

// --- methodcaller -----------------------------------------------------------------------------------

class PyMethodCaller extends PyObjectBase {
  constructor(
    readonly name: string,
    /** The positional arguments then the keyword values, as passed to each call. */
    readonly stack: PyObject[],
    readonly nargs: number,
    readonly kwnames: PyTuple | null,
  ) {
    super();
  }
}
const MethodCaller_Type = newStaticType("operator.methodcaller", PyBaseObject_Type, 0);
PyMethodCaller.prototype.ob_type = MethodCaller_Type;
MethodCaller_Type.tp_doc =
  "Return a callable object that calls the given method on its operand.\n" +
  "After f = methodcaller('name'), the call f(r) returns r.name().\n" +
  "After g = methodcaller('name', 'date', foo=1), the call g(r) returns\nr.name('date', foo=1).";

MethodCaller_Type.tp_new = (_type, args, start, nargs, kw) => {
  if (nargs < 1) throw typeError("methodcaller needs at least one argument, the method name");
  const name = asStr(args[start]);
  if (name === null) throw typeError("method name must be a string");
  const nkw = kw === null ? 0 : kw.items.length;
  const stack = args.slice(start + 1, start + nargs + nkw);
  return new PyMethodCaller(name, stack, nargs - 1, nkw ? kw : null);
};
MethodCaller_Type.tp_call = (self, args, start, nargs, kw) => {
  noKw("methodcaller", kw);
  if (nargs !== 1) checkPositional("methodcaller", nargs, 1, 1);
  const mc = self as PyMethodCaller;
  const meth = PyObject_GetAttr(args[start], mc.name);
  return PyObject_Vectorcall(meth, mc.stack, 0, mc.nargs, mc.kwnames);
};
MethodCaller_Type.tp_repr = (self) =>
  guardedRepr(self, () => {
    const mc = self as PyMethodCaller;
    const parts = [PyObject_Repr(mc.name)];
    for (let i = 0; i < mc.nargs; i++) parts.push(PyObject_Repr(mc.stack[i]));
    const names = mc.kwnames === null ? [] : mc.kwnames.items;
    for (let i = 0; i < names.length; i++) parts.push(`${names[i] as string}=${PyObject_Repr(mc.stack[mc.nargs + i])}`);
    return `${Py_TYPE(self).tp_name}(${parts.join(", ")})`;
  });
MethodCaller_Type.tp_methods = [
  {
    name: "__reduce__",
    kind: "noargs",
    fn: ((self: PyObject) => {
      const mc = self as PyMethodCaller;
      const pos = mc.stack.slice(0, mc.nargs);
      if (mc.kwnames === null) return new PyTuple([Py_TYPE(self), new PyTuple([mc.name, ...pos])]);
      // partial(methodcaller, name, **kwargs), args
      const p = newPartial(Py_TYPE(self), [mc.name], mc.kwnames.items as string[], mc.stack.slice(mc.nargs));
      return new PyTuple([p, new PyTuple(pos)]);
    }) as Fn,
    doc: "Return state information for pickling",
  },
];

export function initOperatorGetters(d: PyDict): void {
  d.setStr("attrgetter", AttrGetter_Type);
  d.setStr("itemgetter", ItemGetter_Type);
  d.setStr("methodcaller", MethodCaller_Type);
}
