// CPython: Objects/templateobject.c — string.templatelib.Template, the value of a t-string:
// strings and interpolations, alternating, always one more string than interpolations.
import { type PyObject, PyObjectBase, newStaticType, PyBaseObject_Type, Py_NotImplemented, Py_None, Py_TYPE } from "./object.js";
import { PyTuple } from "./tupleobject.js";
import { PyObject_Repr, PyObject_GetAttr } from "./abstract.js";
import { PyInterpolation, PyInterpolation_Type } from "./interpolationobject.js";
import { typeError } from "../python/errors.js";
import { PyImport_ImportModuleLevel } from "../python/import.js";

export class PyTemplate extends PyObjectBase {
  constructor(
    readonly strings: PyTuple,
    readonly interpolations: PyTuple,
  ) {
    super();
  }
}
export const PyTemplate_Type = newStaticType("string.templatelib.Template", PyBaseObject_Type, 0);
PyTemplate.prototype.ob_type = PyTemplate_Type;
PyTemplate_Type.tp_doc = "Template object";

/** A template from parts in order: adjacent strings join, a missing string between interpolations is "". */
function fromParts(parts: readonly PyObject[]): PyTemplate {
  const strings: string[] = [];
  const interps: PyObject[] = [];
  let pending = "";
  let last: "str" | "interp" | null = null;
  for (const p of parts) {
    if (typeof p === "string") {
      pending = last === "str" ? pending + p : p;
      last = "str";
    } else {
      strings.push(last === "str" ? pending : "");
      pending = "";
      interps.push(p);
      last = "interp";
    }
  }
  strings.push(last === "str" ? pending : "");
  return new PyTemplate(new PyTuple(strings), new PyTuple(interps));
}

PyTemplate_Type.tp_new = (_type, args, start, nargs, kwnames) => {
  if (kwnames !== null && kwnames.items.length) throw typeError("Template.__new__ only accepts *args arguments");
  const parts: PyObject[] = [];
  for (let i = 0; i < nargs; i++) {
    const a = args[start + i];
    if (typeof a !== "string" && !(a instanceof PyInterpolation && Py_TYPE(a) === PyInterpolation_Type)) {
      throw typeError(`Template.__new__ *args need to be of type 'str' or 'Interpolation', got ${Py_TYPE(a).tp_name}`);
    }
    parts.push(a);
  }
  return fromParts(parts);
};

/** BUILD_TEMPLATE (CPython: _PyTemplate_Build). */
export function _PyTemplate_Build(strings: PyObject, interpolations: PyObject): PyTemplate {
  return new PyTemplate(strings as PyTuple, interpolations as PyTuple);
}

const T = (v: PyObject): PyTemplate => v as PyTemplate;
PyTemplate_Type.tp_getset = [
  { name: "strings", get: (v) => T(v).strings },
  { name: "interpolations", get: (v) => T(v).interpolations },
  { name: "values", get: (v) => new PyTuple(T(v).interpolations.items.map((i) => (i as PyInterpolation).value)) },
];
PyTemplate_Type.tp_repr = (v) => `Template(strings=${PyObject_Repr(T(v).strings)}, interpolations=${PyObject_Repr(T(v).interpolations)})`;

/** The non-empty strings and the interpolations, in order. */
class PyTemplateIter extends PyObjectBase {
  i = 0;
  constructor(readonly parts: readonly PyObject[]) {
    super();
  }
}
const PyTemplateIter_Type = newStaticType("string.templatelib.TemplateIter", PyBaseObject_Type, 0);
PyTemplateIter.prototype.ob_type = PyTemplateIter_Type;
PyTemplateIter_Type.tp_iter = (v) => v;
PyTemplateIter_Type.tp_iternext = (v) => {
  const it = v as PyTemplateIter;
  return it.i < it.parts.length ? it.parts[it.i++] : null;
};
PyTemplate_Type.tp_iter = (v) => {
  const t = T(v);
  const parts: PyObject[] = [];
  t.strings.items.forEach((s, k) => {
    if (s !== "") parts.push(s);
    if (k < t.interpolations.items.length) parts.push(t.interpolations.items[k]);
  });
  return new PyTemplateIter(parts);
};

PyTemplate_Type.nb_add = (a, b) => {
  if (a instanceof PyTemplate && b instanceof PyTemplate) {
    const s1 = a.strings.items;
    const s2 = b.strings.items;
    const strings = [...s1.slice(0, -1), (s1[s1.length - 1] as string) + (s2[0] as string), ...s2.slice(1)];
    return new PyTemplate(new PyTuple(strings), new PyTuple([...a.interpolations.items, ...b.interpolations.items]));
  }
  if (a instanceof PyTemplate && typeof b === "string") {
    throw typeError(`can only concatenate string.templatelib.Template (not "str") to string.templatelib.Template`);
  }
  return Py_NotImplemented;
};

PyTemplate_Type.tp_methods = [
  {
    name: "__reduce__",
    kind: "noargs",
    fn: ((v: PyObject) => {
      const mod = PyImport_ImportModuleLevel("string.templatelib", Py_None, new PyTuple(["_template_unpickle"]), 0);
      return new PyTuple([PyObject_GetAttr(mod, "_template_unpickle"), new PyTuple([T(v).strings, T(v).interpolations])]);
    }) as never,
  },
];
