// CPython: Objects/moduleobject.c
import { PyObjectBase, type PyObject, newStaticType, PyBaseObject_Type, Py_None, Py_TYPE, Py_TPFLAGS_BASETYPE } from "./object.js";
import { PyDict } from "./dictobject.js";
import { PyObject_GenericGetAttr, PyObject_GenericSetAttr, genericGetAttrOrNull, _PyType_Lookup } from "./typeobject.js";
import { PyObject_Repr, PyObject_CallOneArg } from "./abstract.js";
import { attributeError, typeError } from "../python/errors.js";
import { ArgParser } from "../python/getargs.js";

export class PyModule extends PyObjectBase {
  dict: PyDict;
  constructor(name: string, doc: PyObject = Py_None) {
    super();
    this.dict = new PyDict();
    this.dict.setStr("__name__", name);
    this.dict.setStr("__doc__", doc);
    this.dict.setStr("__package__", Py_None);
    this.dict.setStr("__loader__", Py_None);
    this.dict.setStr("__spec__", Py_None);
  }
  /** CPython's md_dict. */
  get md_dict(): PyDict {
    return this.dict;
  }
  get name(): string {
    const n = this.dict.getStr("__name__");
    return typeof n === "string" ? n : "?";
  }
}
export const PyModule_Type = newStaticType("module", PyBaseObject_Type, Py_TPFLAGS_BASETYPE);
PyModule.prototype.ob_type = PyModule_Type;
PyModule_Type.tp_dictoffset = 1;

PyModule_Type.tp_getattro = (o, name) => {
  const r = genericGetAttrOrNull(o, name);
  if (r !== null) return r;
  const m = o as PyModule;
  const getattr = m.dict.getStr("__getattr__");
  if (getattr !== undefined) return PyObject_CallOneArg(getattr, name);
  const modName = m.dict.getStr("__name__");
  if (typeof modName !== "string") throw attributeError(`module has no attribute '${name}'`, o, name);
  throw attributeError(`module '${modName}' has no attribute '${name}'`, o, name);
};
PyModule_Type.tp_setattro = PyObject_GenericSetAttr;
/** importlib._bootstrap._module_repr, once importlib is installed (CPython: _PyImport_ImportlibModuleRepr). */
let importlibModuleRepr: ((m: PyObject) => string) | null = null;
export function setImportlibModuleRepr(f: (m: PyObject) => string): void {
  importlibModuleRepr = f;
}

PyModule_Type.tp_repr = (o) => {
  if (importlibModuleRepr !== null) return importlibModuleRepr(o);
  const m = o as PyModule;
  const file = m.dict.getStr("__file__");
  if (typeof file === "string") return `<module ${PyObject_Repr(m.name)} from ${PyObject_Repr(file)}>`;
  const spec = m.dict.getStr("__spec__");
  if (spec === Py_None || spec === undefined) return `<module ${PyObject_Repr(m.name)}>`;
  return `<module ${PyObject_Repr(m.name)} (built-in)>`;
};
const moduleArgs = new ArgParser("module", ["name", "doc"], { required: 1 });
PyModule_Type.tp_new = (type) => {
  const m = new PyModule("?");
  if (type !== PyModule_Type) m.ob_type = type;
  return m;
};
PyModule_Type.tp_init = (self, args, start, nargs, kwnames) => {
  const [name, doc] = moduleArgs.parse(args, start, nargs, kwnames);
  if (typeof name !== "string") throw typeError(`module.__init__() argument 'name' must be str, not ${Py_TYPE(name as PyObject).tp_name}`);
  const m = self as PyModule;
  m.dict.setStr("__name__", name);
  m.dict.setStr("__doc__", doc ?? Py_None);
};
PyModule_Type.tp_getset = [
  { name: "__dict__", get: (o) => (o as PyModule).dict },
];
