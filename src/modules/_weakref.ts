// CPython: Modules/_weakref.c — the _weakref module over src/objects/weakrefobject.ts.
import { type PyObject, Py_None } from "../objects/object.js";
import { PyModule } from "../objects/moduleobject.js";
import { PyList } from "../objects/listobject.js";
import { PyDict } from "../objects/dictobject.js";
import { newBuiltinFunction } from "../objects/methodobject.js";
import { PyWeakRef_Type, PyWeakProxy_Type, newProxy } from "../objects/weakrefobject.js";
import { checkPositional } from "../python/getargs.js";
import { PyObject_DelItem } from "../objects/abstract.js";

export function init_weakref(): PyModule {
  const m = new PyModule("_weakref", "Weak-reference support module.");
  const d = m.dict;
  d.setStr("ref", PyWeakRef_Type);
  d.setStr("ReferenceType", PyWeakRef_Type);
  d.setStr("ProxyType", PyWeakProxy_Type);
  d.setStr("CallableProxyType", PyWeakProxy_Type);
  const fn = (name: string, f: (args: readonly PyObject[], start: number, nargs: number) => PyObject): void => {
    d.setStr(name, newBuiltinFunction(name, (_s, args, start, nargs) => f(args, start, nargs), "_weakref"));
  };
  fn("proxy", (args, start, nargs) => {
    checkPositional("proxy", nargs, 1, 2);
    return newProxy(args[start]);
  });
  fn("getweakrefcount", (_a, _s, nargs) => {
    checkPositional("getweakrefcount", nargs, 1, 1);
    return 0;
  });
  fn("getweakrefs", (_a, _s, nargs) => {
    checkPositional("getweakrefs", nargs, 1, 1);
    return new PyList([]);
  });
  fn("_remove_dead_weakref", (args, start, nargs) => {
    checkPositional("_remove_dead_weakref", nargs, 2, 2);
    const dict = args[start];
    if (dict instanceof PyDict && dict.has(args[start + 1])) PyObject_DelItem(dict, args[start + 1]);
    return Py_None;
  });
  return m;
}
