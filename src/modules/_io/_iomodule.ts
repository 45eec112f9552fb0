// CPython: Modules/_io/_iomodule.c — the _io module: open(), open_code(), text_encoding(), the
// classes, and (CPython: Python/pylifecycle.c create_stdio) the standard streams.
import { type PyObject, Py_None, Py_TYPE } from "../../objects/object.js";
import { PyModule } from "../../objects/moduleobject.js";
import { PyBytes } from "../../objects/bytesobject.js";
import { PyFloat } from "../../objects/floatobject.js";
import { newBuiltinFunction } from "../../objects/methodobject.js";
import {
  PyObject_IsTrue, PyObject_GetAttr, PyObject_SetAttr, PyObject_CallMethod, PyNumber_AsSsize_t, PyNumber_Index,
  PyIndex_Check, _PyObject_LookupSpecial, PyObject_CallNoArgs,
} from "../../objects/abstract.js";
import { PyExc_BlockingIOError, PyBaseException } from "../../objects/exceptions.js";
import { typeError, valueError } from "../../python/errors.js";
import { ArgParser } from "../../python/getargs.js";
import {
  DEFAULT_BUFFER_SIZE, PyExc_UnsupportedOperation, PyIOBase_Type, PyRawIOBase_Type,
} from "./iobase.js";
import { PyFileIO, PyFileIO_Type } from "./fileio.js";
import {
  PyBuffered, PyBufferedIOBase_Type, PyBufferedReader_Type, PyBufferedWriter_Type, PyBufferedRandom_Type,
  PyBufferedRWPair_Type, bufferedFlush,
} from "./bufferedio.js";
import {
  PyTextIO, PyTextIOBase_Type, PyTextIOWrapper_Type, PyIncrementalNewlineDecoder_Type, textiowrapperInit,
  textiowrapperFlush,
} from "./textio.js";
import { PyStringIO_Type } from "./stringio.js";
import { PyBytesIO_Type } from "./bytesio.js";
import { nativeCodec } from "./native_codecs.js";

// --- files to flush at exit -------------------------------------------------------------------------
// CPython flushes a file when its last reference goes (and at shutdown, when modules are cleared).
// tython has no reference counts: the files open() made are flushed at exit, and whenever another
// file is opened (so `open(p, "w").write(s)` followed by `open(p).read()` sees the data).

const liveFiles = new Set<WeakRef<PyTextIO | PyBuffered>>();

function track(f: PyTextIO | PyBuffered): void {
  liveFiles.add(new WeakRef(f));
}

/** Flushes what open() made and is still open; errors are ignored (as in a finalizer). */
export function flushOpenFiles(): void {
  for (const ref of [...liveFiles]) {
    const f = ref.deref();
    if (f === undefined) {
      liveFiles.delete(ref);
      continue;
    }
    try {
      if (f instanceof PyTextIO) {
        if (f.ok > 0 && f.raw !== null && f.raw.fd >= 0) {
          if (f.pending.length > 0 || (f.fastBuffer !== null && f.fastBuffer.write_end > f.fastBuffer.write_pos)) textiowrapperFlush(f);
        } else if (f.ok <= 0 || (f.raw !== null && f.raw.fd < 0)) liveFiles.delete(ref);
      } else if (f.ok > 0 && f.fastRaw !== null && f.fastRaw.fd >= 0) {
        if (f.writable && f.write_end > f.write_pos) bufferedFlush(f);
      } else liveFiles.delete(ref);
    } catch (e) {
      if (!(e instanceof PyBaseException)) throw e;
    }
  }
}

// --- open() -----------------------------------------------------------------------------------------

const openArgs = new ArgParser("open", ["file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"], { required: 1 });

function strArg(fname: string, what: string, v: PyObject | null, dflt: string | null): string | null {
  if (v === null || v === Py_None) {
    if (v === Py_None && dflt !== null && what === "mode") throw typeError(`${fname}() argument '${what}' must be str, not NoneType`);
    return dflt;
  }
  if (typeof v !== "string") {
    throw typeError(`${fname}() argument '${what}' must be str${what === "mode" ? "" : " or None"}, not ${Py_TYPE(v).tp_name}`);
  }
  if (v.includes("\0")) throw valueError("embedded null character");
  return v;
}

/** CPython: _io_open_impl. */
export function ioOpen(
  file: PyObject, mode: string, buffering: number, encoding: string | null, errors: string | null, newline: string | null,
  closefd: boolean, opener: PyObject,
): PyObject {
  let pathOrFd = file;
  const isNumber = PyIndex_Check(file) || file instanceof PyFloat;
  if (!isNumber && typeof file !== "string" && !(file instanceof PyBytes)) {
    const fspath = _PyObject_LookupSpecial(file, "__fspath__");
    if (fspath === null) throw typeError(`expected str, bytes or os.PathLike object, not ${Py_TYPE(file).tp_name}`);
    pathOrFd = PyObject_CallNoArgs(fspath);
    if (typeof pathOrFd !== "string" && !(pathOrFd instanceof PyBytes)) {
      throw typeError(`expected ${Py_TYPE(file).tp_name}.__fspath__() to return str or bytes, not ${Py_TYPE(pathOrFd).tp_name}`);
    }
  }
  let creating = false, reading = false, writing = false, appending = false, updating = false, text = false, binary = false;
  for (let i = 0; i < mode.length; i++) {
    const c = mode[i];
    if (!"xrwa+tb".includes(c) || mode.indexOf(c, i + 1) >= 0) throw valueError(`invalid mode: '${mode}'`);
    switch (c) {
      case "x": creating = true; break;
      case "r": reading = true; break;
      case "w": writing = true; break;
      case "a": appending = true; break;
      case "+": updating = true; break;
      case "t": text = true; break;
      case "b": binary = true; break;
    }
  }
  let rawmode = creating ? "x" : reading ? "r" : writing ? "w" : appending ? "a" : "";
  if (updating) rawmode += "+";
  if (text && binary) throw valueError("can't have text and binary mode at once");
  if (Number(creating) + Number(reading) + Number(writing) + Number(appending) > 1) {
    throw valueError("must have exactly one of create/read/write/append mode");
  }
  if (binary && encoding !== null) throw valueError("binary mode doesn't take an encoding argument");
  if (binary && errors !== null) throw valueError("binary mode doesn't take an errors argument");
  if (binary && newline !== null) throw valueError("binary mode doesn't take a newline argument");
  // (binary with buffering=1 warns in CPython: RuntimeWarning, once the warnings module exists)
  flushOpenFiles();
  const raw = new PyFileIO();
  PyFileIO_Type.tp_init?.(raw, [pathOrFd, rawmode, closefd, opener], 0, 4, null);
  let result: PyObject = raw;
  try {
    let lineBuffering = false;
    let isatty = false;
    if (buffering < 0) isatty = PyObject_IsTrue(PyObject_CallMethod(raw, "_isatty_open_only"));
    if (buffering === 1 || isatty) {
      buffering = -1;
      lineBuffering = true;
    }
    if (buffering < 0) buffering = Math.max(Math.min(raw.blksize, 8192 * 1024), DEFAULT_BUFFER_SIZE);
    if (buffering === 0) {
      if (!binary) throw valueError("can't have unbuffered text I/O");
      return result;
    }
    const btype = updating ? PyBufferedRandom_Type : creating || writing || appending ? PyBufferedWriter_Type : reading ? PyBufferedReader_Type : null;
    if (btype === null) throw valueError(`unknown mode: '${mode}'`);
    const buffer = new PyBuffered();
    buffer.ob_type = btype;
    btype.tp_init?.(buffer, [raw, buffering], 0, 2, null);
    result = buffer;
    if (binary) {
      if (buffer.writable && raw.seekableCache !== 0) track(buffer);
      return result;
    }
    const wrapper = new PyTextIO();
    textiowrapperInit(wrapper, buffer, encoding, errors, newline, lineBuffering, false);
    result = wrapper;
    PyObject_SetAttr(wrapper, "mode", mode);
    if (buffer.writable) track(wrapper);
    return result;
  } catch (e) {
    try {
      PyObject_CallMethod(result, "close");
    } catch (e2) {
      if (!(e2 instanceof PyBaseException)) throw e2;
    }
    throw e;
  }
}

export const ioOpenFunction = newBuiltinFunction(
  "open",
  (_s, args, start, nargs, kw) => {
    const [file, mode, buffering, encoding, errors, newline, closefd, opener] = openArgs.parse(args, start, nargs, kw);
    const m = strArg("open", "mode", mode, "r") as string;
    let buf = -1;
    if (buffering !== null) {
      if (buffering instanceof PyFloat) throw typeError("'float' object cannot be interpreted as an integer");
      buf = PyNumber_AsSsize_t(PyNumber_Index(buffering), "overflow");
    }
    return ioOpen(
      file as PyObject, m, buf, strArg("open", "encoding", encoding, null), strArg("open", "errors", errors, null),
      strArg("open", "newline", newline, null), closefd === null ? true : PyObject_IsTrue(closefd), opener ?? Py_None,
    );
  },
  "_io",
);

const openCodeArgs = new ArgParser("open_code", ["path"], { required: 1 });
const textEncodingArgs = new ArgParser("text_encoding", ["encoding", "stacklevel"], { required: 1, posonly: 2 });

// --- the standard streams (CPython: pylifecycle.c create_stdio) -----------------------------------------

export interface StdioConfig {
  /** -u / PYTHONUNBUFFERED */
  unbuffered: boolean;
  /** PYTHONIOENCODING split into encoding and errors (either may be null). */
  encoding: string | null;
  errors: string | null;
}

/** Creates sys.stdin/stdout/stderr for fd 0/1/2, or None when the descriptor is not open. */
export function createStdio(fd: number, write: boolean, name: string, encoding: string, errors: string, cfg: StdioConfig): PyObject {
  const raw = new PyFileIO();
  try {
    PyFileIO_Type.tp_init?.(raw, [fd, write ? "wb" : "rb", false, Py_None], 0, 4, null);
  } catch (e) {
    if (e instanceof PyBaseException) return Py_None; // CPython: is_valid_fd failed
    throw e;
  }
  const buffered = !cfg.unbuffered || !write;
  let buf: PyObject = raw;
  if (buffered) {
    const b = new PyBuffered();
    b.ob_type = write ? PyBufferedWriter_Type : PyBufferedReader_Type;
    b.ob_type.tp_init?.(b, [raw, Math.max(Math.min(raw.blksize, 8192 * 1024), DEFAULT_BUFFER_SIZE)], 0, 2, null);
    buf = b;
  }
  PyObject_SetAttr(raw, "name", name);
  const isatty = PyObject_IsTrue(PyObject_CallMethod(raw, "isatty"));
  const writeThrough = !buffered;
  const lineBuffering = buffered && (isatty || fd === 2);
  const stream = new PyTextIO();
  textiowrapperInit(stream, buf, encoding, errors, "\n", lineBuffering, writeThrough);
  PyObject_SetAttr(stream, "mode", write ? "w" : "r");
  return stream;
}

// --- the module -------------------------------------------------------------------------------------

export function init_io(): PyModule {
  const m = new PyModule("_io", "The io module provides the Python interfaces to stream handling.");
  const d = m.dict;
  d.setStr("DEFAULT_BUFFER_SIZE", DEFAULT_BUFFER_SIZE);
  d.setStr("UnsupportedOperation", PyExc_UnsupportedOperation);
  d.setStr("BlockingIOError", PyExc_BlockingIOError);
  d.setStr("open", ioOpenFunction);
  d.setStr(
    "open_code",
    newBuiltinFunction(
      "open_code",
      (_s, args, start, nargs, kw) => {
        const [path] = openCodeArgs.parse(args, start, nargs, kw);
        if (typeof path !== "string") throw typeError(`open_code() argument 'path' must be str, not ${Py_TYPE(path as PyObject).tp_name}`);
        return ioOpen(path, "rb", -1, null, null, null, true, Py_None);
      },
      "_io",
    ),
  );
  d.setStr(
    "text_encoding",
    newBuiltinFunction(
      "text_encoding",
      (_s, args, start, nargs, kw) => {
        const [encoding] = textEncodingArgs.parse(args, start, nargs, kw);
        // EncodingWarning only with -X warn_default_encoding, which tython does not have yet
        return encoding === Py_None ? "locale" : (encoding as PyObject);
      },
      "_io",
    ),
  );
  for (const t of [
    PyIOBase_Type, PyRawIOBase_Type, PyBufferedIOBase_Type, PyTextIOBase_Type, PyFileIO_Type, PyBytesIO_Type, PyStringIO_Type,
    PyBufferedReader_Type, PyBufferedWriter_Type, PyBufferedRWPair_Type, PyBufferedRandom_Type, PyTextIOWrapper_Type,
    PyIncrementalNewlineDecoder_Type,
  ]) {
    d.setStr(t.tp_name.slice(4), t);
  }
  return m;
}

void PyObject_GetAttr;
void nativeCodec;
