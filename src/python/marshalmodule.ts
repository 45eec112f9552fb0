// CPython: Python/marshal.c (the module part: marshal.dump, load, dumps, loads, version).
import { type PyObject, Py_TYPE } from "../objects/object.js";
import { PyModule } from "../objects/moduleobject.js";
import { newBuiltinFunction } from "../objects/methodobject.js";
import { PyBytes, PyByteArray, bytesLike } from "../objects/bytesobject.js";
import { PyObject_CallMethod, PyObject_IsTrue, PyNumber_Index } from "../objects/abstract.js";
import { ArgParser } from "./getargs.js";
import { typeError, valueError, overflowError } from "./errors.js";
import {
  Py_MARSHAL_VERSION, PyMarshal_WriteObjectToString, PyMarshal_ReadObjectFromString, PyMarshal_ReadObjectFromSource,
  type MarshalSource,
} from "./marshal.js";
import { PySys_Audit } from "./audit.js";

/** A C int argument (CPython: the clinic `int` converter). */
function cInt(v: PyObject): number {
  if (typeof v === "number" && Number.isInteger(v) && Math.abs(v) <= 0x7fffffff) return v;
  const n = PyNumber_Index(v);
  if (typeof n !== "number" || n > 0x7fffffff || n < -0x80000000) throw overflowError("Python int too large to convert to C int");
  return n;
}

const dumpsArgs = new ArgParser("dumps", ["value", "version", "allow_code"], { posonly: 2, required: 1, kwonlyStart: 2 });
const dumpArgs = new ArgParser("dump", ["value", "file", "version", "allow_code"], { posonly: 3, required: 2, kwonlyStart: 3 });
const loadsArgs = new ArgParser("loads", ["bytes", "allow_code"], { posonly: 1, required: 1, kwonlyStart: 1 });
const loadArgs = new ArgParser("load", ["file", "allow_code"], { posonly: 1, required: 1, kwonlyStart: 1 });

function dumpsImpl(value: PyObject, version: number, allowCode: boolean): PyBytes {
  PySys_Audit("marshal.dumps", [value, version]);
  return PyMarshal_WriteObjectToString(value, version, allowCode);
}

/** Reads through file.readinto, as CPython's r_string does for load(). */
function fileSource(file: PyObject): MarshalSource {
  return {
    read(n: number): Uint8Array | null {
      if (n === 0) return new Uint8Array(0);
      const buf = new PyByteArray(new Uint8Array(n));
      const r = PyObject_CallMethod(file, "readinto", buf);
      const got = PyNumber_Index(r);
      if (typeof got !== "number") throw overflowError("cannot fit 'int' into an index-sized integer");
      if (got > n) throw valueError(`read() returned too much data: ${n} bytes requested, ${got} returned`);
      if (got !== n) return null;
      return buf.value.subarray(0, n);
    },
  };
}

export function initMarshal(): PyModule {
  const m = new PyModule(
    "marshal",
    "This module contains functions that can read and write Python values in\n" +
      "a binary format. The format is specific to Python, but independent of\n" +
      "machine architecture issues.\n\n" +
      "Not all Python object types are supported; in general, only objects\n" +
      "whose value is independent from a particular invocation of Python can be\n" +
      "written and read by this module. The following types are supported:\n" +
      "None, integers, floating-point numbers, strings, bytes, bytearrays,\n" +
      "tuples, lists, sets, dictionaries, and code objects, where it\n" +
      "should be understood that tuples, lists and dictionaries are only\n" +
      "supported as long as the values contained therein are themselves\n" +
      "supported; and recursive lists and dictionaries should not be written\n" +
      "(they will cause infinite loops).\n\n" +
      "Variables:\n\n" +
      "version -- indicates the format that the module uses. Version 0 is the\n" +
      "    historical format, version 1 shares interned strings and version 2\n" +
      "    uses a binary format for floating-point numbers.\n" +
      "    Version 3 shares common object references (New in version 3.4).\n\n" +
      "Functions:\n\n" +
      "dump() -- write value to a file\n" +
      "load() -- read value from a file\n" +
      "dumps() -- marshal value as a bytes object\n" +
      "loads() -- read value from a bytes-like object",
  );
  const d = m.dict;
  d.setStr("version", Py_MARSHAL_VERSION);
  d.setStr(
    "dumps",
    newBuiltinFunction("dumps", (_s, args, start, nargs, kwnames) => {
      const [value, version, allowCode] = dumpsArgs.parse(args, start, nargs, kwnames);
      return dumpsImpl(value!, version === null ? Py_MARSHAL_VERSION : cInt(version), allowCode === null || PyObject_IsTrue(allowCode));
    }, "marshal"),
  );
  d.setStr(
    "dump",
    newBuiltinFunction("dump", (_s, args, start, nargs, kwnames) => {
      const [value, file, version, allowCode] = dumpArgs.parse(args, start, nargs, kwnames);
      const s = dumpsImpl(value!, version === null ? Py_MARSHAL_VERSION : cInt(version), allowCode === null || PyObject_IsTrue(allowCode));
      return PyObject_CallMethod(file!, "write", s);
    }, "marshal"),
  );
  d.setStr(
    "loads",
    newBuiltinFunction("loads", (_s, args, start, nargs, kwnames) => {
      const [bytes, allowCode] = loadsArgs.parse(args, start, nargs, kwnames);
      const data = bytesLike(bytes!);
      if (data === null) throw typeError(`a bytes-like object is required, not '${Py_TYPE(bytes!).tp_name}'`);
      PySys_Audit("marshal.loads", [new PyBytes(data)]);
      return PyMarshal_ReadObjectFromString(data, allowCode === null || PyObject_IsTrue(allowCode));
    }, "marshal"),
  );
  d.setStr(
    "load",
    newBuiltinFunction("load", (_s, args, start, nargs, kwnames) => {
      const [file, allowCode] = loadArgs.parse(args, start, nargs, kwnames);
      // a zero-byte read first: the file must have read() returning bytes
      const data = PyObject_CallMethod(file!, "read", 0);
      if (!(data instanceof PyBytes)) throw typeError(`file.read() returned not bytes but ${Py_TYPE(data).tp_name}`);
      PySys_Audit("marshal.load", []);
      return PyMarshal_ReadObjectFromSource(fileSource(file!), allowCode === null || PyObject_IsTrue(allowCode));
    }, "marshal"),
  );
  return m;
}
