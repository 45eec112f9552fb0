// Loads every object module so all built-in types have their slots (CPython: _PyTypes_InitTypes).
import "./longobject.js";
import "./boolobject.js";
import "./floatobject.js";
import "./complexobject.js";
import "./unicode_methods.js";
import "./bytesobject.js";
import "./bytearrayobject.js";
import "./memoryobject.js";
import "./tupleobject.js";
import "./listobject.js";
import "./dictobject.js";
import "./rangeobject.js";
import "./sliceobject.js";
import "./iterobject.js";
import "./typeobject.js";
import "./descrobject.js";
import "./methodobject.js";
import "./classobject.js";
import "./moduleobject.js";
import "./exceptions.js";
import "./enumobject.js";
import "./setobject.js";
import "./namespaceobject.js";
import "./funcobject.js";
import "./codeobject_type.js";
import "./typeobject_reduce.js";
import { PyFunction_Type } from "./funcobject.js";
import { PyMethod } from "./classobject.js";
import { Py_TPFLAGS_METHOD_DESCRIPTOR } from "./descrobject.js";
import { _installGenericAliasHooks } from "./genericaliasobject.js";
import { setMappingProxyHook } from "./typeobject.js";
import { _installUnion } from "./unionobject.js";

// Functions bind to instances as methods (CPython: funcobject.c, func_descr_get). Set here, after
// every module has loaded, until funcobject.ts defines it itself.
if (PyFunction_Type.tp_descr_get === null) {
  PyFunction_Type.tp_descr_get = (f, obj) => (obj === null ? f : new PyMethod(f, obj));
  PyFunction_Type.tp_flags |= Py_TPFLAGS_METHOD_DESCRIPTOR;
}

_installGenericAliasHooks(setMappingProxyHook);
_installUnion();
