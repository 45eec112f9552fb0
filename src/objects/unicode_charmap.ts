// CPython: Objects/unicodeobject.c — the charmap codec (PyUnicode_DecodeCharmap,
// PyUnicode_EncodeCharmap, PyUnicode_BuildEncodingMap and the EncodingMap type) that the
// table-driven codecs of the `encodings` package (cp1252, koi8_r, mac_roman, ...) run on.
import { type PyObject, PyObjectBase, newStaticType, PyBaseObject_Type, Py_None, Py_TYPE } from "./object.js";
import { PyBytes } from "./bytesobject.js";
import { PyDict } from "./dictobject.js";
import { PyObject_GetItem } from "./abstract.js";
import { asStr } from "./unicodeobject.js";
import { PyExc_LookupError } from "./exceptions.js";
import { typeError, PyErr_ExceptionMatches } from "../python/errors.js";
import { Eh, EncodeErrors, DecodeErrors, StrWriter, BytesWriter, codePointArray } from "./unicode_codec_errors.js";
import { decodeLatin1, encodeUCS1 } from "./unicode_codecs.js";

/** The compact encoding table charmap_build makes from a 256-character decoding table. */
export class PyEncodingMap extends PyObjectBase {
  constructor(readonly map: Map<number, number>) {
    super();
  }
}
export const PyEncodingMap_Type = newStaticType("EncodingMap", PyBaseObject_Type, 0);
PyEncodingMap.prototype.ob_type = PyEncodingMap_Type;

/** CPython: PyUnicode_BuildEncodingMap — an EncodingMap, or a dict when the table does not fit one. */
export function buildEncodingMap(table: string): PyObject {
  const cps = codePointArray(table);
  let needDict = cps.length !== 256 || cps[0] !== 0;
  if (!needDict) {
    // CPython's two-level table has at most 254 second- and third-level blocks
    const l1 = new Set<number>();
    const l2 = new Set<number>();
    for (let i = 1; i < 256; i++) {
      const ch = cps[i];
      if (ch === 0 || ch > 0xffff) {
        needDict = true;
        break;
      }
      if (ch === 0xfffe) continue;
      l1.add(ch >> 11);
      l2.add(ch >> 7);
    }
    if (l1.size >= 0xff || l2.size >= 0xff) needDict = true;
  }
  if (needDict) {
    const d = new PyDict();
    for (let i = 0; i < cps.length; i++) d.setItem(cps[i], i);
    return d;
  }
  const m = new Map<number, number>();
  for (let i = 1; i < 256; i++) if (cps[i] !== 0xfffe) m.set(cps[i], i);
  m.set(0, 0);
  return new PyEncodingMap(m);
}

// --- decoding --------------------------------------------------------------------------------

const UNDEFINED = "character maps to <undefined>";

/** CPython: PyUnicode_DecodeCharmap — [str, bytes consumed]; a None mapping is Latin-1. */
export function decodeCharmap(b: Uint8Array, errors: string | null, mapping: PyObject): string {
  if (mapping === Py_None) return decodeLatin1(b);
  const table = asStr(mapping);
  const st = new DecodeErrors(errors, "charmap", b);
  const w = new StrWriter();
  let input = b;
  let pos = 0;
  if (table !== null) {
    const cps = codePointArray(table);
    while (pos < input.length) {
      const byte = input[pos];
      const ch = byte < cps.length ? cps[byte] : 0xfffe;
      if (ch !== 0xfffe) {
        w.put(ch);
        pos++;
        continue;
      }
      pos = st.handle(w, UNDEFINED, pos, pos + 1);
      input = st.input;
    }
    return w.finish();
  }
  while (pos < input.length) {
    const byte = input[pos];
    let item: PyObject;
    try {
      item = PyObject_GetItem(mapping, byte);
    } catch (e) {
      if (!PyErr_ExceptionMatches(e, PyExc_LookupError)) throw e;
      item = Py_None;
    }
    if (item !== Py_None) {
      if (typeof item === "number" || typeof item === "bigint" || typeof item === "boolean") {
        const v = Number(item);
        if (v !== 0xfffe) {
          if (v < 0 || v > 0x10ffff) throw typeError("character mapping must be in range(0x110000)");
          w.put(v);
          pos++;
          continue;
        }
      } else {
        const s = asStr(item);
        if (s === null) throw typeError("character mapping must return integer, None or str");
        if (s.length !== 1 || s.charCodeAt(0) !== 0xfffe) {
          w.putStr(s);
          pos++;
          continue;
        }
      }
    }
    pos = st.handle(w, UNDEFINED, pos, pos + 1);
    input = st.input;
  }
  return w.finish();
}

// --- encoding --------------------------------------------------------------------------------

/** The bytes of one character under the mapping, or null when it maps to undefined (CPython: charmapencode_lookup). */
function charmapLookup(c: number, mapping: PyObject): number | Uint8Array | null {
  if (mapping instanceof PyEncodingMap) return mapping.map.get(c) ?? null;
  let item: PyObject;
  try {
    item = PyObject_GetItem(mapping, c);
  } catch (e) {
    if (PyErr_ExceptionMatches(e, PyExc_LookupError)) return null;
    throw e;
  }
  if (item === Py_None) return null;
  if (typeof item === "number" || typeof item === "bigint" || typeof item === "boolean") {
    const v = Number(item);
    if (v < 0 || v > 255) throw typeError("character mapping must be in range(256)");
    return v;
  }
  if (item instanceof PyBytes) return item.value;
  throw typeError(`character mapping must return integer, bytes or None, not ${Py_TYPE(item).tp_name}`);
}

function charmapOutput(w: BytesWriter, c: number, mapping: PyObject): boolean {
  const r = charmapLookup(c, mapping);
  if (r === null) return false;
  if (typeof r === "number") w.put(r);
  else w.putBytes(r);
  return true;
}

/** CPython: PyUnicode_EncodeCharmap; a None mapping is Latin-1. */
export function encodeCharmap(s: string, errors: string | null, mapping: PyObject): Uint8Array {
  if (mapping === Py_None) return encodeUCS1(s, errors, 256);
  const cps = codePointArray(s);
  const size = cps.length;
  const st = new EncodeErrors(errors, "charmap", s, cps);
  const w = new BytesWriter(size);
  let pos = 0;
  while (pos < size) {
    if (charmapOutput(w, cps[pos], mapping)) {
      pos++;
      continue;
    }
    // CPython: charmap_encoding_error — the run of unencodable characters
    const collstart = pos;
    let collend = pos + 1;
    while (collend < size && charmapLookup(cps[collend], mapping) === null) collend++;
    switch (st.kind) {
      case Eh.Strict:
        return st.raise(UNDEFINED, collstart, collend);
      case Eh.Replace:
        for (let k = collstart; k < collend; k++) if (!charmapOutput(w, 0x3f, mapping)) st.raise(UNDEFINED, collstart, collend);
        pos = collend;
        continue;
      case Eh.Ignore:
        pos = collend;
        continue;
      case Eh.XmlCharRefReplace:
        for (let k = collstart; k < collend; k++) {
          const ref = `&#${cps[k]};`;
          for (let j = 0; j < ref.length; j++) if (!charmapOutput(w, ref.charCodeAt(j), mapping)) st.raise(UNDEFINED, collstart, collend);
        }
        pos = collend;
        continue;
      default:
        break;
    }
    const [rep, newpos] = st.call(UNDEFINED, collstart, collend);
    if (typeof rep !== "string") w.putBytes(rep);
    else {
      const rc = codePointArray(rep);
      for (let k = 0; k < rc.length; k++) if (!charmapOutput(w, rc[k], mapping)) st.raise(UNDEFINED, collstart, collend);
    }
    pos = newpos;
  }
  return w.finish();
}
