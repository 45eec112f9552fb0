// CPython: Modules/pyexpat.c — the pyexpat module: xmlparser objects over our expat (xmlparse.ts),
// Python handlers with pyexpat's character-data buffering and interning, ExpatError, and the
// errors and model submodules.
import {
  PyObjectBase, type PyObject, type PyMethodDef, type PyGetSetDef, newStaticType, PyBaseObject_Type, Py_None, Py_TYPE,
} from "../../objects/object.js";
import { PyModule } from "../../objects/moduleobject.js";
import { PyTuple } from "../../objects/tupleobject.js";
import { PyList } from "../../objects/listobject.js";
import { PyDict, PyDict_Type } from "../../objects/dictobject.js";
import { PyBytes, PyByteArray } from "../../objects/bytesobject.js";
import { newBuiltinFunction } from "../../objects/methodobject.js";
import { PyObject_IsTrue, PyObject_CallFunctionObjArgs, PyObject_GetAttr, PyLong_AsLong, PyObject_SetAttr, PyObject_CallOneArg } from "../../objects/abstract.js";
import { getContiguousBytes } from "../../objects/buffer.js";
import { PyExc_Exception, PyExc_AttributeError, PyBaseException, newException, PyExc_TypeError } from "../../objects/exceptions.js";
import { typeError, valueError, runtimeError, attributeError, PyErr_ExceptionMatches } from "../../python/errors.js";
import { ArgParser, noKeywords, checkPositional } from "../../python/getargs.js";
import { encodeUTF8 } from "../../objects/unicode_codecs.js";
import { PyUnicode_Decode } from "../../objects/unicode_encoding.js";
import { asStr } from "../../objects/unicodeobject.js";
import { sysModules } from "../../python/sysmodule.js";
import { XMLParser, XML_PARAM_ENTITY_PARSING_ALWAYS, XML_PARAM_ENTITY_PARSING_NEVER, XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE } from "./xmlparse.js";
import { XMLHandlers, type ContentModel } from "./xmlhandlers.js";
import { ERROR_NAMES, ERROR_MESSAGES, XML_ERROR_CANT_CHANGE_FEATURE_ONCE_PARSING } from "./errors.js";

export const ExpatError = newStaticType("xml.parsers.expat.ExpatError", PyExc_Exception);

const EXPAT_VERSION = "expat_2.7.3";
const VERSION_INFO = [2, 7, 3];

/** pyexpat's handler table (handler_info), in its order. */
const HANDLER_NAMES = [
  "StartElementHandler", "EndElementHandler", "ProcessingInstructionHandler", "CharacterDataHandler",
  "UnparsedEntityDeclHandler", "NotationDeclHandler", "StartNamespaceDeclHandler", "EndNamespaceDeclHandler",
  "CommentHandler", "StartCdataSectionHandler", "EndCdataSectionHandler", "DefaultHandler", "DefaultHandlerExpand",
  "NotStandaloneHandler", "ExternalEntityRefHandler", "StartDoctypeDeclHandler", "EndDoctypeDeclHandler",
  "EntityDeclHandler", "XmlDeclHandler", "ElementDeclHandler", "AttlistDeclHandler", "SkippedEntityHandler",
] as const;
const H = Object.fromEntries(HANDLER_NAMES.map((n, i) => [n, i])) as Record<(typeof HANDLER_NAMES)[number], number>;

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n++;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** An xmlparser object (CPython: xmlparseobject). */
export class PyXMLParser extends PyObjectBase {
  readonly handlers: (PyObject | null)[] = new Array(HANDLER_NAMES.length).fill(null);
  readonly core: XMLParser;
  readonly h = new XMLHandlers();
  intern: PyDict | null;
  /** Buffered character data (pyexpat: buffer), or null when buffer_text is off. */
  buffer: string[] | null = null;
  bufferSize = 8192;
  bufferUsed = 0;
  orderedAttributes = false;
  specifiedAttributes = false;
  nsPrefixes = false;
  inCallback = false;
  reparseDeferralEnabled = true;
  /** The exception a handler raised: the parse stops and Parse() raises it. */
  exc: PyBaseException | null = null;

  constructor(encoding: string | null, nsSep: string | null, intern: PyDict | null, parent: PyXMLParser | null = null, context: string | null = null) {
    super();
    this.intern = intern;
    this.h.unknownEncoding = (name) => this.unknownEncoding(name);
    this.core = parent === null ? new XMLParser(encoding, nsSep, this.h) : parent.core.externalEntityParser(context, encoding, this.h);
  }

  // --- helpers -------------------------------------------------------------------------------

  internStr(s: string | null): PyObject {
    if (s === null) return Py_None;
    const d = this.intern;
    if (d === null) return s;
    const v = d.getItem(s);
    if (v !== undefined) return v;
    d.setItem(s, s);
    return s;
  }

  /** Calls a Python handler; an exception stops the parser (pyexpat: call_with_frame + flag_error). */
  call(index: number, args: PyObject[]): PyObject | null {
    const f = this.handlers[index];
    if (f === null || this.exc !== null) return null;
    const save = this.inCallback;
    this.inCallback = true;
    try {
      return PyObject_CallFunctionObjArgs(f, ...args);
    } catch (e) {
      this.fail(e);
      return null;
    } finally {
      this.inCallback = save;
    }
  }

  private fail(e: unknown): void {
    if (!(e instanceof PyBaseException)) throw e;
    if (this.exc === null) this.exc = e;
    this.core.stop();
    this.clearHandlers();
  }

  private clearHandlers(): void {
    for (let i = 0; i < this.handlers.length; i++) {
      this.handlers[i] = null;
      this.setCHandler(i, false);
    }
  }

  /** Runs a handler with the character buffer flushed first (pyexpat's my_*Handler). */
  private pre(): boolean {
    if (this.exc !== null) return false;
    return this.flush();
  }

  flush(): boolean {
    if (this.buffer === null || this.bufferUsed === 0) return true;
    const data = this.buffer.join("");
    this.buffer.length = 0;
    this.bufferUsed = 0;
    return this.callCharacterHandler(data);
  }

  private callCharacterHandler(data: string): boolean {
    if (this.handlers[H.CharacterDataHandler] === null) return false;
    return this.call(H.CharacterDataHandler, [data]) !== null;
  }

  private characterData(data: string): void {
    if (this.exc !== null) return;
    if (this.buffer === null) {
      this.callCharacterHandler(data);
      return;
    }
    const len = utf8Length(data);
    if (this.bufferUsed + len > this.bufferSize) {
      if (!this.flush()) return;
      if (this.handlers[H.CharacterDataHandler] === null) return;
    }
    if (len > this.bufferSize) {
      this.callCharacterHandler(data);
      this.bufferUsed = 0;
    } else {
      this.buffer.push(data);
      this.bufferUsed += len;
    }
  }

  private unknownEncoding(name: string): Int32Array | null {
    if (this.exc !== null) return null;
    const bytes = new Uint8Array(256);
    for (let i = 0; i < 256; i++) bytes[i] = i;
    let u: string;
    try {
      u = PyUnicode_Decode(bytes, name, "replace");
    } catch (e) {
      this.fail(e);
      return null;
    }
    const cps = Array.from(u, (c) => c.codePointAt(0) as number);
    if (cps.length !== 256) {
      this.fail(valueError("multi-byte encodings are not supported"));
      return null;
    }
    const map = new Int32Array(256);
    for (let i = 0; i < 256; i++) map[i] = cps[i] === 0xfffd ? -1 : cps[i];
    return map;
  }

  /** Installs or removes the core callback for handler `index` (pyexpat: handler_info[].setter). */
  setCHandler(index: number, on: boolean): void {
    const h = this.h;
    switch (index) {
      case H.StartElementHandler:
        h.startElement = on ? (name, atts, nSpecified) => {
          if (!this.pre()) return;
          const max = this.specifiedAttributes ? nSpecified : atts.length;
          let container: PyObject;
          if (this.orderedAttributes) {
            const items: PyObject[] = [];
            for (let i = 0; i < max; i += 2) items.push(this.internStr(atts[i]), atts[i + 1]);
            container = new PyList(items);
          } else {
            const d = new PyDict();
            for (let i = 0; i < max; i += 2) d.setItem(this.internStr(atts[i]), atts[i + 1]);
            container = d;
          }
          this.call(index, [this.internStr(name), container]);
        } : null;
        break;
      case H.EndElementHandler:
        h.endElement = on ? (name) => {
          if (this.pre()) this.call(index, [this.internStr(name)]);
        } : null;
        break;
      case H.ProcessingInstructionHandler:
        h.processingInstruction = on ? (target, data) => {
          if (this.pre()) this.call(index, [this.internStr(target), data]);
        } : null;
        break;
      case H.CharacterDataHandler:
        h.characterData = on ? (data) => this.characterData(data) : this.inCallback ? () => {} : null;
        break;
      case H.UnparsedEntityDeclHandler:
        h.unparsedEntityDecl = on ? (name, base, sysid, pubid, notation) => {
          if (this.pre()) this.call(index, [this.internStr(name), this.internStr(base), this.internStr(sysid), this.internStr(pubid), this.internStr(notation)]);
        } : null;
        break;
      case H.NotationDeclHandler:
        h.notationDecl = on ? (name, base, sysid, pubid) => {
          if (this.pre()) this.call(index, [this.internStr(name), this.internStr(base), this.internStr(sysid), this.internStr(pubid)]);
        } : null;
        break;
      case H.StartNamespaceDeclHandler:
        h.startNamespaceDecl = on ? (prefix, uri) => {
          if (this.pre()) this.call(index, [this.internStr(prefix), this.internStr(uri)]);
        } : null;
        break;
      case H.EndNamespaceDeclHandler:
        h.endNamespaceDecl = on ? (prefix) => {
          if (this.pre()) this.call(index, [this.internStr(prefix)]);
        } : null;
        break;
      case H.CommentHandler:
        h.comment = on ? (data) => {
          if (this.pre()) this.call(index, [data]);
        } : null;
        break;
      case H.StartCdataSectionHandler:
        h.startCdataSection = on ? () => {
          if (this.pre()) this.call(index, []);
        } : null;
        break;
      case H.EndCdataSectionHandler:
        h.endCdataSection = on ? () => {
          if (this.pre()) this.call(index, []);
        } : null;
        break;
      case H.DefaultHandler:
      case H.DefaultHandlerExpand:
        // both set expat's one default handler; XML_SetDefaultHandler also turns off entity expansion
        h.default = on ? (data) => {
          if (this.pre()) this.call(index, [data]);
        } : null;
        this.core.defaultExpandInternalEntities = index === H.DefaultHandlerExpand;
        break;
      case H.NotStandaloneHandler:
        h.notStandalone = on ? () => {
          if (!this.pre()) return 0;
          const r = this.call(index, []);
          return r === null ? 0 : this.intResult(r);
        } : null;
        break;
      case H.ExternalEntityRefHandler:
        h.externalEntityRef = on ? (context, base, sysid, pubid) => {
          if (!this.pre()) return 0;
          const r = this.call(index, [context ?? Py_None, this.internStr(base), this.internStr(sysid), this.internStr(pubid)]);
          return r === null ? 0 : this.intResult(r);
        } : null;
        break;
      case H.StartDoctypeDeclHandler:
        h.startDoctypeDecl = on ? (name, sysid, pubid, hasInternal) => {
          if (this.pre()) this.call(index, [this.internStr(name), this.internStr(sysid), this.internStr(pubid), hasInternal ? 1 : 0]);
        } : null;
        break;
      case H.EndDoctypeDeclHandler:
        h.endDoctypeDecl = on ? () => {
          if (this.pre()) this.call(index, []);
        } : null;
        break;
      case H.EntityDeclHandler:
        h.entityDecl = on ? (name, isParam, value, base, sysid, pubid, notation) => {
          if (this.pre()) {
            this.call(index, [this.internStr(name), isParam ? 1 : 0, value ?? Py_None, this.internStr(base), this.internStr(sysid), this.internStr(pubid), this.internStr(notation)]);
          }
        } : null;
        break;
      case H.XmlDeclHandler:
        h.xmlDecl = on ? (version, encoding, standalone) => {
          if (this.pre()) this.call(index, [version ?? Py_None, encoding ?? Py_None, standalone]);
        } : null;
        break;
      case H.ElementDeclHandler:
        h.elementDecl = on ? (name, model) => {
          if (this.pre()) this.call(index, [this.internStr(name), convModel(model)]);
        } : null;
        break;
      case H.AttlistDeclHandler:
        h.attlistDecl = on ? (elname, attname, type, dflt, isRequired) => {
          if (this.pre()) this.call(index, [this.internStr(elname), this.internStr(attname), this.internStr(type), dflt ?? Py_None, isRequired ? 1 : 0]);
        } : null;
        break;
      case H.SkippedEntityHandler:
        h.skippedEntity = on ? (name, isParam) => {
          if (this.pre()) this.call(index, [this.internStr(name), isParam ? 1 : 0]);
        } : null;
        break;
    }
  }

  private intResult(r: PyObject): number {
    try {
      return PyLong_AsLong(r);
    } catch (e) {
      this.fail(e);
      return 0;
    }
  }

  /** get_parse_result. */
  parseResult(ok: boolean): PyObject {
    if (this.exc !== null) {
      const e = this.exc;
      this.exc = null;
      throw e;
    }
    if (!ok) throw this.setError(this.core.errorCode);
    if (!this.flush() && this.exc !== null) {
      const e = this.exc as PyBaseException;
      this.exc = null;
      throw e;
    }
    return 1;
  }

  /** set_error: an ExpatError for `code` at the current position. */
  setError(code: number, useCurrent = false): PyBaseException {
    const c = this.core;
    void useCurrent;
    const line = c.currentLine();
    const col = c.currentColumn();
    const e = PyObject_CallOneArg(ExpatError, `${ERROR_MESSAGES[code]}: line ${line}, column ${col}`) as PyBaseException;
    PyObject_SetAttr(e, "code", code);
    PyObject_SetAttr(e, "lineno", line);
    PyObject_SetAttr(e, "offset", col);
    return e;
  }
}

function convModel(m: ContentModel): PyTuple {
  return new PyTuple([m.type, m.quant, m.name ?? Py_None, new PyTuple(m.children.map(convModel))]);
}

export const PyXMLParser_Type = newStaticType("pyexpat.xmlparser", PyBaseObject_Type, 0);
PyXMLParser.prototype.ob_type = PyXMLParser_Type;
PyXMLParser_Type.tp_new = () => {
  throw typeError("cannot create 'pyexpat.xmlparser' instances");
};

type Fast = (self: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null) => PyObject;
const method = (name: string, fn: Fast, doc?: string): PyMethodDef => ({ name, kind: "fast", fn: fn as PyMethodDef["fn"], doc });
const self_ = (v: PyObject) => v as PyXMLParser;

function dataBytes(v: PyObject, core: XMLParser): Uint8Array {
  const s = asStr(v);
  if (s !== null) {
    const b = encodeUTF8(s, "strict");
    core.setEncoding("utf-8");
    return b;
  }
  return getContiguousBytes(v);
}

const MAX_CHUNK_SIZE = 1 << 20;
const BUF_SIZE = 2048;

const parseArgs = new ArgParser("Parse", ["data", "isfinal"], { required: 1, posonly: 2 });
const parserCreateArgs = new ArgParser("ParserCreate", ["encoding", "namespace_separator", "intern"]);
const eepcArgs = new ArgParser("ExternalEntityParserCreate", ["context", "encoding"], { required: 1, posonly: 2 });

function strOrNone(fname: string, what: string, v: PyObject | null): string | null {
  if (v === null || v === Py_None) return null;
  const s = asStr(v);
  if (s === null) throw typeError(`${fname}() argument ${what} must be str or None, not ${Py_TYPE(v).tp_name}`);
  return s;
}

function boolArg(v: PyObject | null, dflt: boolean): boolean {
  return v === null ? dflt : PyObject_IsTrue(v);
}

PyXMLParser_Type.tp_methods = [
  method("Parse", (self, args, start, nargs, kw) => {
    const p = self_(self);
    if (kw !== null && kw.items.length > 0) throw typeError(`Parse() got an unexpected keyword argument '${asStr(kw.items[0])}'`);
    const [data, isfinalArg] = parseArgs.parse(args, start, nargs, kw);
    const isfinal = boolArg(isfinalArg, false);
    let b = dataBytes(data as PyObject, p.core);
    while (b.length > MAX_CHUNK_SIZE) {
      if (!p.core.parse(b.subarray(0, MAX_CHUNK_SIZE), false)) return p.parseResult(false);
      b = b.subarray(MAX_CHUNK_SIZE);
    }
    return p.parseResult(p.core.parse(b, isfinal));
  }, "Parse XML data.\n\n'isfinal' should be true at end of input."),
  method("ParseFile", (self, args, start, nargs, kw) => {
    noKeywords("ParseFile", kw);
    checkPositional("ParseFile", nargs, 1, 1);
    const p = self_(self);
    let read: PyObject;
    try {
      read = PyObject_GetAttr(args[start], "read");
    } catch (e) {
      if (PyErr_ExceptionMatches(e, PyExc_AttributeError)) throw typeError("argument must have 'read' attribute");
      throw e;
    }
    let ok = true;
    for (;;) {
      const r = PyObject_CallOneArg(read, BUF_SIZE);
      let chunk: Uint8Array;
      if (r instanceof PyBytes || r instanceof PyByteArray) chunk = getContiguousBytes(r);
      else throw typeError(`read() did not return a bytes object (type=${Py_TYPE(r).tp_name})`);
      if (chunk.length > BUF_SIZE) throw valueError(`read() returned too much data: ${BUF_SIZE} bytes requested, ${chunk.length} returned`);
      ok = p.core.parseChunk(chunk, BUF_SIZE, chunk.length === 0);
      if (p.exc !== null) return p.parseResult(ok);
      if (!ok || chunk.length === 0) break;
    }
    return p.parseResult(ok);
  }, "Parse XML data from file-like object."),
  method("SetBase", (self, args, start, nargs, kw) => {
    noKeywords("SetBase", kw);
    checkPositional("SetBase", nargs, 1, 1);
    const s = asStr(args[start]);
    if (s === null) throw typeError(`SetBase() argument must be str, not ${Py_TYPE(args[start]).tp_name}`);
    self_(self).core.curBase = s;
    return Py_None;
  }, "Set the base URL for the parser."),
  method("GetBase", (self, _a, _s, nargs, kw) => {
    noKeywords("GetBase", kw);
    checkPositional("GetBase", nargs, 0, 0);
    return self_(self).core.curBase ?? Py_None;
  }, "Return base URL string for the parser."),
  method("GetInputContext", (self, _a, _s, nargs, kw) => {
    noKeywords("GetInputContext", kw);
    checkPositional("GetInputContext", nargs, 0, 0);
    const p = self_(self);
    if (!p.inCallback) return Py_None;
    const b = p.core.inputContext();
    return b === null ? Py_None : new PyBytes(b);
  }, "Return the untranslated text of the input that caused the current event.\n\nIf the event was generated by a large amount of text (such as a start tag\nfor an element with many attributes), not all of the text may be available."),
  method("ExternalEntityParserCreate", (self, args, start, nargs, kw) => {
    const p = self_(self);
    const [ctx, enc] = eepcArgs.parse(args, start, nargs, kw);
    const context = ctx === Py_None ? null : asStr(ctx as PyObject);
    if (ctx !== Py_None && context === null) throw typeError(`ExternalEntityParserCreate() argument 1 must be str or None, not ${Py_TYPE(ctx as PyObject).tp_name}`);
    let encoding: string | null = null;
    if (enc !== null) {
      encoding = asStr(enc);
      if (encoding === null) throw typeError(`ExternalEntityParserCreate() argument 2 must be str, not ${Py_TYPE(enc).tp_name}`);
    }
    const np = new PyXMLParser(encoding, null, p.intern, p, context);
    np.bufferSize = p.bufferSize;
    np.buffer = p.buffer !== null ? [] : null;
    np.orderedAttributes = p.orderedAttributes;
    np.specifiedAttributes = p.specifiedAttributes;
    np.nsPrefixes = p.nsPrefixes;
    np.reparseDeferralEnabled = p.reparseDeferralEnabled;
    for (let i = 0; i < HANDLER_NAMES.length; i++) {
      const f = p.handlers[i];
      if (f !== null) {
        np.handlers[i] = f;
        np.setCHandler(i, true);
      }
    }
    np.core.defaultExpandInternalEntities = p.core.defaultExpandInternalEntities;
    return np;
  }, "Create a parser for parsing an external entity based on the information passed to the ExternalEntityRefHandler."),
  method("SetParamEntityParsing", (self, args, start, nargs, kw) => {
    noKeywords("SetParamEntityParsing", kw);
    checkPositional("SetParamEntityParsing", nargs, 1, 1);
    const flag = PyLong_AsLong(args[start]);
    const c = self_(self).core;
    if (c.status !== 0) return 0;
    c.paramEntityParsing = flag;
    return 1;
  }, "Controls parsing of parameter entities (including the external DTD subset).\n\nPossible flag values are XML_PARAM_ENTITY_PARSING_NEVER,\nXML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE and\nXML_PARAM_ENTITY_PARSING_ALWAYS. Returns true if setting the flag\nwas successful."),
  method("UseForeignDTD", (self, args, start, nargs, kw) => {
    const [flagArg] = new ArgParser("UseForeignDTD", ["flag"], { posonly: 1 }).parse(args, start, nargs, kw);
    const p = self_(self);
    if (p.core.status !== 0) throw p.setError(XML_ERROR_CANT_CHANGE_FEATURE_ONCE_PARSING, true);
    p.core.useForeignDTD = boolArg(flagArg, true);
    return Py_None;
  }, "Allows the application to provide an artificial external subset if one is not specified as part of the document instance.\n\nThis readily allows the use of a 'default' document type controlled by the\napplication, while still getting the advantage of providing document type\ninformation to the parser. 'flag' defaults to True if not provided."),
  method("SetReparseDeferralEnabled", (self, args, start, nargs, kw) => {
    noKeywords("SetReparseDeferralEnabled", kw);
    checkPositional("SetReparseDeferralEnabled", nargs, 1, 1);
    const p = self_(self);
    const on = PyObject_IsTrue(args[start]);
    p.core.reparseDeferral = on;
    p.reparseDeferralEnabled = on;
    return Py_None;
  }, "Enable/Disable reparse deferral; enabled by default with Expat >=2.6.0."),
  method("GetReparseDeferralEnabled", (self, _a, _s, nargs, kw) => {
    noKeywords("GetReparseDeferralEnabled", kw);
    checkPositional("GetReparseDeferralEnabled", nargs, 0, 0);
    return self_(self).reparseDeferralEnabled;
  }, "Retrieve reparse deferral enabled status; always returns false with Expat <2.6.0."),
  ...["SetAllocTrackerActivationThreshold", "SetAllocTrackerMaximumAmplification",
    "SetBillionLaughsAttackProtectionActivationThreshold", "SetBillionLaughsAttackProtectionMaximumAmplification"].map((name) =>
    method(name, (self, args, start, nargs, kw) => {
      noKeywords(name, kw);
      checkPositional(name, nargs, 1, 1);
      const p = self_(self);
      if (p.core.parent !== null) throw p.setError(41, true);
      if (name.endsWith("Amplification")) {
        const f = args[start];
        const v = PyObject_IsTrue(f) ? (f as { value?: number }).value : 0;
        if (typeof v === "number" && (Number.isNaN(v) || v < 1)) throw p.setError(41, true);
      } else PyLong_AsLong(args[start]);
      return Py_None;
    })),
  { name: "__reduce__", kind: "noargs", fn: ((v: PyObject) => {
    throw typeError(`cannot pickle '${Py_TYPE(v).tp_name}' object`);
  }) as PyMethodDef["fn"] },
];

const boolAttr = (name: string, get: (p: PyXMLParser) => boolean, set: (p: PyXMLParser, v: boolean) => void): PyGetSetDef => ({
  name,
  get: (v) => get(self_(v)),
  set: (v, value) => {
    if (value === null) throw runtimeError("Cannot delete attribute");
    set(self_(v), PyObject_IsTrue(value));
  },
});

PyXMLParser_Type.tp_getset = [
  boolAttr("buffer_text", (p) => p.buffer !== null, (p, on) => {
    if (on) {
      if (p.buffer === null) {
        p.buffer = [];
        p.bufferUsed = 0;
      }
    } else if (p.buffer !== null) {
      p.flush();
      p.buffer = null;
    }
  }),
  {
    name: "buffer_size",
    get: (v) => self_(v).bufferSize,
    set: (v, value) => {
      if (value === null) throw typeError("cannot delete attribute");
      if (typeof value !== "number" && typeof value !== "bigint") throw typeError("buffer_size must be an integer");
      const n = PyLong_AsLong(value);
      if (n <= 0) throw valueError("buffer_size must be greater than zero");
      if (n > 2147483647) throw valueError("buffer_size must not be greater than 2147483647");
      const p = self_(v);
      if (p.buffer !== null && n !== p.bufferSize) p.flush();
      p.bufferSize = n;
    },
  },
  { name: "buffer_used", get: (v) => self_(v).bufferUsed },
  boolAttr("namespace_prefixes", (p) => p.nsPrefixes, (p, on) => {
    p.nsPrefixes = on;
    p.core.nsTriplets = on;
  }),
  boolAttr("ordered_attributes", (p) => p.orderedAttributes, (p, on) => {
    p.orderedAttributes = on;
  }),
  boolAttr("specified_attributes", (p) => p.specifiedAttributes, (p, on) => {
    p.specifiedAttributes = on;
  }),
  {
    name: "intern",
    get: (v) => self_(v).intern ?? Py_None,
    set: () => {
      throw attributeError("readonly attribute");
    },
  },
  { name: "ErrorCode", get: (v) => self_(v).core.errorCode },
  { name: "ErrorLineNumber", get: (v) => self_(v).core.currentLine() },
  { name: "ErrorColumnNumber", get: (v) => self_(v).core.currentColumn() },
  { name: "ErrorByteIndex", get: (v) => self_(v).core.currentByteIndex() },
  { name: "CurrentLineNumber", get: (v) => self_(v).core.currentLine() },
  { name: "CurrentColumnNumber", get: (v) => self_(v).core.currentColumn() },
  { name: "CurrentByteIndex", get: (v) => self_(v).core.currentByteIndex() },
  ...HANDLER_NAMES.map((name, index): PyGetSetDef => ({
    name,
    get: (v) => self_(v).handlers[index] ?? Py_None,
    set: (v, value) => {
      if (value === null) throw runtimeError("Cannot delete attribute");
      const p = self_(v);
      if (index === H.CharacterDataHandler) p.flush();
      if (value === Py_None) {
        p.handlers[index] = null;
        p.setCHandler(index, false);
      } else {
        p.handlers[index] = value;
        p.setCHandler(index, true);
      }
    },
  })),
];

function parserCreate(_s: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null): PyObject {
  const [enc, sep, intern] = parserCreateArgs.parse(args, start, nargs, kw);
  const encoding = strOrNone("ParserCreate", "'encoding'", enc);
  const nsSep = strOrNone("ParserCreate", "'namespace_separator'", sep);
  if (nsSep !== null && [...nsSep].length > 1) throw valueError("namespace_separator must be at most one character, omitted, or None");
  let d: PyDict | null;
  if (intern === null) d = new PyDict();
  else if (intern === Py_None) d = null;
  else if (intern instanceof PyDict && Py_TYPE(intern) === PyDict_Type) d = intern;
  else if (intern instanceof PyDict) d = intern;
  else throw typeError("intern must be a dictionary");
  return new PyXMLParser(encoding, nsSep, d);
}

function errorString(_s: PyObject, args: readonly PyObject[], start: number, nargs: number, kw: PyTuple | null): PyObject {
  noKeywords("ErrorString", kw);
  checkPositional("ErrorString", nargs, 1, 1);
  const code = PyLong_AsLong(args[start]);
  return (code >= 0 && code < ERROR_MESSAGES.length ? ERROR_MESSAGES[code] : null) ?? Py_None;
}

function errorsModule(): PyModule {
  const m = new PyModule("pyexpat.errors", "Constants used to describe error conditions.");
  const codes = new PyDict();
  const messages = new PyDict();
  for (let code = 1; code < ERROR_NAMES.length; code++) {
    const msg = ERROR_MESSAGES[code] as string;
    m.dict.setStr(ERROR_NAMES[code], msg);
    codes.setItem(msg, code);
    messages.setItem(code, msg);
  }
  m.dict.setStr("codes", codes);
  m.dict.setStr("messages", messages);
  return m;
}

function modelModule(): PyModule {
  const m = new PyModule("pyexpat.model", "Constants used to interpret content model information.");
  const consts: [string, number][] = [
    ["XML_CTYPE_EMPTY", 1], ["XML_CTYPE_ANY", 2], ["XML_CTYPE_MIXED", 3], ["XML_CTYPE_NAME", 4], ["XML_CTYPE_CHOICE", 5],
    ["XML_CTYPE_SEQ", 6], ["XML_CQUANT_NONE", 0], ["XML_CQUANT_OPT", 1], ["XML_CQUANT_REP", 2], ["XML_CQUANT_PLUS", 3],
  ];
  for (const [k, v] of consts) m.dict.setStr(k, v);
  return m;
}

export function initPyexpat(): PyModule {
  const m = new PyModule("pyexpat", "Python wrapper for Expat parser.");
  const d = m.dict;
  const fn = (name: string, f: Fast, doc: string) => d.setStr(name, newBuiltinFunction(name, f, "pyexpat", doc));
  fn("ParserCreate", parserCreate, "Return a new XML parser object.");
  fn("ErrorString", errorString, "Returns string error for given number.");
  d.setStr("ExpatError", ExpatError);
  d.setStr("error", ExpatError);
  d.setStr("XMLParserType", PyXMLParser_Type);
  d.setStr("EXPAT_VERSION", EXPAT_VERSION);
  d.setStr("version_info", new PyTuple(VERSION_INFO));
  d.setStr("native_encoding", "UTF-8");
  const features: [string, number][] = [
    ["sizeof(XML_Char)", 1], ["sizeof(XML_LChar)", 1], ["XML_DTD", 0], ["XML_CONTEXT_BYTES", 1024], ["XML_NS", 0],
    ["XML_BLAP_MAX_AMP", 100], ["XML_BLAP_ACT_THRES", 8388608], ["XML_GE", 0], ["XML_AT_MAX_AMP", 100],
    ["XML_AT_ACT_THRES", 67108864],
  ];
  d.setStr("features", new PyList(features.map(([k, v]) => new PyTuple([k, v]))));
  d.setStr("XML_PARAM_ENTITY_PARSING_NEVER", XML_PARAM_ENTITY_PARSING_NEVER);
  d.setStr("XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE", XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE);
  d.setStr("XML_PARAM_ENTITY_PARSING_ALWAYS", XML_PARAM_ENTITY_PARSING_ALWAYS);
  const errors = errorsModule();
  const model = modelModule();
  d.setStr("errors", errors);
  d.setStr("model", model);
  const mods = sysModules();
  mods.setStr("pyexpat.errors", errors);
  mods.setStr("pyexpat.model", model);
  void newException;
  void PyExc_TypeError;
  return m;
}
