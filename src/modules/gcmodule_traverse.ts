// CPython: the tp_traverse slots of Objects/*.c, and PyObject_IS_GC / _PyObject_GC_IS_TRACKED as
// gc.get_referents and gc.is_tracked see them.
//
// tython's objects live in V8's heap, which has no traversal API, so each object kind's direct
// references are listed here in the order its CPython tp_traverse visits them. Kinds without an
// entry fall back to the Python objects held in their own fields. A few differences are forced by
// the representation (docs/gc.md): an instance's __dict__ is reported as its values (CPython's
// inline values, before __dict__ is first asked for), and a class's namespace, kept as a JS map,
// is reported as a dict snapshot.
import { type PyObject, PyObjectBase, PyTypeObject, Py_TYPE, Py_None, Py_TPFLAGS_HEAPTYPE } from "../objects/object.js";
import { PyList } from "../objects/listobject.js";
import { PyTuple, PyTuple_Type } from "../objects/tupleobject.js";
import { PyDict } from "../objects/dictobject.js";
import { PySet } from "../objects/setobject.js";
import { PyFunctionObject } from "../objects/funcobject.js";
import { PyCellObject } from "../objects/cellobject.js";
import { PyMethod } from "../objects/classobject.js";
import { PyModule } from "../objects/moduleobject.js";
import { PyInstance } from "../objects/typeobject.js";
import { PySlice } from "../objects/sliceobject.js";
import { PyBaseException } from "../objects/exceptions.js";
import { PyCFunction } from "../objects/methodobject.js";
import { PyClassMethod, PyStaticMethod, PyProperty } from "../objects/descrobject.js";
import { PySuper } from "../objects/typeobject.js";
import { PyGenObject } from "../objects/genobject.js";

const isHeapType = (t: PyTypeObject): boolean => (t.tp_flags & Py_TPFLAGS_HEAPTYPE) !== 0;

// Built-in types whose objects CPython allocates without GC support (no Py_TPFLAGS_HAVE_GC).
const NON_GC_TYPES = new Set([
  "int", "bool", "float", "complex", "str", "bytes", "bytearray", "NoneType", "ellipsis",
  "NotImplementedType", "object", "range", "range_iterator", "longrange_iterator", "code", "frame",
]);

/** Whether objects of o's type take part in cycle collection (CPython: PyObject_IS_GC). */
export function isGC(o: PyObject): boolean {
  if (typeof o !== "object") return false;
  if (o instanceof PyTypeObject) return isHeapType(o);
  const t = Py_TYPE(o);
  if (isHeapType(t)) return true;
  return !NON_GC_TYPES.has(t.tp_name);
}

/**
 * Whether the collector tracks o (CPython: gc.is_tracked). An exact tuple whose items are all
 * of non-GC types is untracked, as CPython 3.14 creates (or untracks) such tuples; dicts stay
 * tracked (3.14 no longer untracks them).
 */
export function isTracked(o: PyObject): boolean {
  if (!isGC(o)) return false;
  if (o instanceof PyTuple && Py_TYPE(o) === PyTuple_Type) {
    for (const x of o.items) if (isGC(x)) return true;
    return false;
  }
  return true;
}

/** Appends the objects o refers to directly, in CPython's tp_traverse order. */
export function traverse(o: PyObject, out: PyObject[]): void {
  if (typeof o !== "object" || !isGC(o)) return;
  const t = Py_TYPE(o);
  const heap = isHeapType(t);
  if (heap && !(o instanceof PyTypeObject)) {
    // subtype_traverse: slots, the instance dict, the type; then the base type's traverse
    if (o instanceof PyInstance && o.slotValues !== null) for (const v of o.slotValues.values()) out.push(v);
    const d = (o as { dict?: PyObject | null }).dict;
    if (d instanceof PyDict && !keepsOwnDict(o)) for (const v of d.values()) out.push(v);
    out.push(t);
    if (o instanceof PyInstance) return;
  }
  traverseBase(o, out);
}

/** Kinds whose base traverse reports their dict itself. */
function keepsOwnDict(o: PyObjectBase): boolean {
  return (
    o instanceof PyModule || o instanceof PyFunctionObject || o instanceof PyBaseException ||
    o instanceof PyStaticMethod || o instanceof PyClassMethod
  );
}

function push(out: PyObject[], v: PyObject | null | undefined): void {
  if (v !== null && v !== undefined) out.push(v);
}

function traverseBase(o: PyObjectBase, out: PyObject[]): void {
  if (o instanceof PyList || o instanceof PyTuple) {
    // list_traverse and tuple_traverse walk the items from the last
    const items = o.items;
    for (let i = items.length - 1; i >= 0; i--) out.push(items[i]);
    return;
  }
  if (o instanceof PyDict) {
    // dict_traverse: values only when every key is a str, else value then key per entry
    let allStr = true;
    for (const k of o.keys()) if (typeof k !== "string") allStr = false;
    for (const [k, v] of o.entries()) {
      out.push(v);
      if (!allStr) out.push(k);
    }
    return;
  }
  if (o instanceof PySet) {
    for (const k of o.table.keys()) out.push(k);
    return;
  }
  if (o instanceof PyTypeObject) {
    // type_traverse (heap types only): the namespace, __mro__, __bases__, __base__
    const ns = new PyDict();
    if (o.tp_dict !== null) for (const [k, v] of o.tp_dict) ns.setStr(k, v);
    out.push(ns, new PyTuple(o.tp_mro), new PyTuple(o.tp_bases));
    push(out, o.tp_base);
    return;
  }
  if (o instanceof PyFunctionObject) {
    out.push(o.func_code, o.func_globals, o.func_builtins, o.func_module);
    push(out, o.func_defaults);
    push(out, o.func_kwdefaults);
    out.push(o.func_doc, o.func_name);
    push(out, o.dict);
    push(out, o.func_closure);
    push(out, o.func_annotations);
    push(out, o.func_annotate);
    push(out, o.func_typeparams);
    out.push(o.func_qualname);
    return;
  }
  if (o instanceof PyCellObject) return push(out, o.ob_ref);
  if (o instanceof PyMethod) {
    out.push(o.func, o.self);
    return;
  }
  if (o instanceof PyModule) {
    out.push(o.dict);
    return;
  }
  if (o instanceof PySlice) {
    out.push(o.start, o.stop, o.step);
    return;
  }
  if (o instanceof PyBaseException) {
    // BaseException_traverse: dict, args, notes (in the dict here), traceback, cause, context
    push(out, o.dict);
    out.push(o.args);
    push(out, o.traceback);
    push(out, o.cause);
    push(out, o.context);
    return;
  }
  if (o instanceof PyCFunction) {
    push(out, o.self);
    if (o.module !== Py_None) out.push(o.module);
    return;
  }
  if (o instanceof PyStaticMethod || o instanceof PyClassMethod) {
    out.push(o.callable);
    push(out, o.dict);
    return;
  }
  if (o instanceof PyProperty) {
    for (const v of [o.fget, o.fset, o.fdel, o.doc, o.name]) if (v !== Py_None) out.push(v);
    return;
  }
  if (o instanceof PySuper) {
    push(out, o.obj);
    push(out, o.type);
    push(out, o.objType);
    return;
  }
  if (o instanceof PyGenObject) {
    // gen_traverse: the names, then the frame: its function, code and live locals
    const f = o.gi_iframe;
    out.push(o.gi_name, o.gi_qualname);
    push(out, f.f_funcobj);
    out.push(f.f_executable);
    for (const v of f.localsplus) push(out, v);
    return;
  }
  traverseFields(o, out);
}

/** The Python objects held in o's own fields (for kinds without a listed traversal). */
function traverseFields(o: PyObjectBase, out: PyObject[]): void {
  const rec = o as unknown as Record<string, unknown>;
  for (const key of Object.keys(rec)) {
    if (key === "ob_type") continue;
    const v = rec[key];
    if (v instanceof PyObjectBase) out.push(v);
    else if (Array.isArray(v)) {
      for (const x of v) if (x instanceof PyObjectBase) out.push(x);
    } else if (v instanceof Map) {
      for (const x of v.values()) if (x instanceof PyObjectBase) out.push(x);
    }
  }
}
