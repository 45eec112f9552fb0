// CPython: Modules/expat/xmlparse.c — expat's parser: input buffering (with reparse deferral),
// the processors (prolog, content, CDATA, epilog, external entities), start tags with attribute
// defaulting and normalization, namespaces, entity expansion, and error positions.
import * as E from "./errors.js";
import * as T from "./xmltok.js";
import {
  type Encoding, type Detected, Window, Position, decodeWindow, detectEncoding, stringWindow, knownEncoding, UTF8,
  minBytesPerChar,
} from "./xmlinput.js";
import { XMLHandlers } from "./xmlhandlers.js";
import { doProlog, PrologState, type DTD, type ElementType, newDTD } from "./xmlprolog.js";

export const XML_PARAM_ENTITY_PARSING_NEVER = 0;
export const XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE = 1;
export const XML_PARAM_ENTITY_PARSING_ALWAYS = 2;

const INIT_BUFFER_SIZE = 1024;
const XML_CONTEXT_BYTES = 1024;
const INIT_DATA_BUF_SIZE = 1024;

const XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace";
const XMLNS_NAMESPACE = "http://www.w3.org/2000/xmlns/";

const enum Proc {
  PrologInit,
  Prolog,
  Content,
  Cdata,
  Epilog,
  Error,
  ExternalEntityInit,
  ExternalEntityContent,
  ExternalParamEntityInit,
  ExternalParamEntity,
}

export const enum Status {
  Initialized,
  Parsing,
  Finished,
}

/** A general or parameter entity (expat: ENTITY). */
export interface Entity {
  name: string;
  text: string | null;
  systemId: string | null;
  publicId: string | null;
  base: string | null;
  notation: string | null;
  isParam: boolean;
  isInternal: boolean;
  open: boolean;
}

interface Binding {
  prefix: string | null;
  uri: string;
  prev: Binding | undefined;
}

interface Tag {
  rawName: string;
  name: string;
  bindings: Binding[];
}

/** An attribute of a start tag being stored (expat: ATTRIBUTE + the normalized value). */
interface Att {
  name: string;
  /** Code point index of the name in the window (for error positions). */
  nameIdx: number;
  valueStart: number;
  valueEnd: number;
  normalized: boolean;
}

export class XMLParser {
  readonly h: XMLHandlers;
  // --- input buffer (expat: m_buffer, m_bufferPtr, m_bufferEnd, m_bufferLim) ---
  buffer = new Uint8Array(0);
  /** Absolute byte offset of buffer[0]. */
  bufAbs = 0;
  bufPtr = 0;
  bufEnd = 0;
  parseEndAbs = 0;
  lastBufferRequestSize = 0;
  partialTokenBytesBefore = 0;
  reparseDeferral = true;
  finalBuffer = false;
  status = Status.Initialized;
  /** Set by stop(): the current parse ends with XML_ERROR_ABORTED. */
  private proc = Proc.PrologInit;

  // --- encoding ---
  enc: Encoding | null = null;
  protocolEncoding: string | null = null;
  private initEnc: Encoding | "utf16" = UTF8;

  // --- positions and errors ---
  readonly pos = new Position();
  /** Absolute byte offset of the current event, or -1. */
  eventAbs = -1;
  eventEndAbs = -1;
  /** The window of the processor running now (positions of events inside it can be computed). */
  curWin: Window | null = null;
  errorCode = 0;

  // --- content state ---
  tagStack: Tag[] = [];
  tagLevel = 0;
  dtd: DTD;
  readonly prolog = new PrologState();
  defaultExpandInternalEntities = true;
  curBase: string | null = null;
  paramEntityParsing = XML_PARAM_ENTITY_PARSING_NEVER;
  useForeignDTD = false;
  /** Open internal entities, innermost last. */
  openEntities: Entity[] = [];
  // --- namespaces ---
  readonly ns: boolean;
  readonly nsSep: string;
  nsTriplets = false;
  private bindings = new Map<string, Binding>();
  private defaultBinding: Binding | undefined = undefined;
  /** Attributes of the last start tag: [name, value, ...] and how many were specified. */
  specifiedAtts = 0;
  readonly parent: XMLParser | null;

  /** Code point index after the processed data (expat: *endPtr of a processor). */
  next = 0;
  /** The prolog switched encodings at `next`: decode again from there. */
  redecode = false;

  constructor(encoding: string | null, nsSep: string | null, handlers: XMLHandlers, parent: XMLParser | null = null) {
    this.h = handlers;
    this.ns = nsSep !== null;
    this.nsSep = nsSep ?? "";
    this.parent = parent;
    this.dtd = parent ? parent.dtd : newDTD();
    this.setEncoding(encoding);
  }

  /** XML_SetEncoding: false once parsing has started. */
  setEncoding(name: string | null): boolean {
    if (this.status === Status.Parsing) return false;
    this.protocolEncoding = name;
    return true;
  }

  /** An external entity parser (expat: XML_ExternalEntityParserCreate). */
  externalEntityParser(context: string | null, encoding: string | null, handlers: XMLHandlers): XMLParser {
    const p = new XMLParser(encoding, this.ns ? this.nsSep : null, handlers, this);
    p.nsTriplets = this.nsTriplets;
    p.defaultExpandInternalEntities = this.defaultExpandInternalEntities;
    p.curBase = this.curBase;
    p.paramEntityParsing = this.paramEntityParsing;
    p.reparseDeferral = this.reparseDeferral;
    if (context === null) p.proc = Proc.ExternalParamEntityInit;
    else {
      p.proc = Proc.ExternalEntityInit;
      p.bindings = new Map(this.bindings);
      p.defaultBinding = this.defaultBinding;
      // the entity's content is parsed at a base level, so end tags cannot close outer elements
      p.tagLevel = 1;
    }
    return p;
  }

  stop(): void {
    this.status = Status.Finished;
    this.aborted = true;
  }
  aborted = false;

  // --- XML_Parse / XML_GetBuffer / XML_ParseBuffer ---------------------------------------------

  /** Checks the parsing status before more input (expat: the switch at the top of XML_Parse). */
  private begin(): boolean {
    if (this.status === Status.Finished) {
      this.errorCode = E.XML_ERROR_FINISHED;
      return false;
    }
    if (this.status === Status.Initialized) this.startParsing();
    this.status = Status.Parsing;
    return true;
  }

  /** XML_Parse. */
  parse(data: Uint8Array, isFinal: boolean): boolean {
    if (this.proc === Proc.Error && this.status !== Status.Finished) {
      // expat runs its error processor again, from the unconsumed input
      if (data.length === 0 && !isFinal) return true;
      if (data.length) {
        this.getBuffer(data.length);
        this.buffer.set(data, this.bufEnd);
        this.bufEnd += data.length;
      }
      this.pos.abs = this.bufAbs + this.bufPtr;
      return this.fail(this.errorCode);
    }
    if (!this.begin()) return false;
    if (data.length === 0) {
      this.finalBuffer = isFinal;
      if (!isFinal) return true;
      this.pos.abs = Math.max(this.pos.abs, this.bufAbs + this.bufPtr);
      this.parseEndAbs = this.bufAbs + this.bufEnd;
      const err = this.callProcessor(this.bufAbs + this.bufPtr, this.bufAbs + this.bufEnd);
      if (err !== E.XML_ERROR_NONE) return this.fail(err);
      this.status = Status.Finished;
      return true;
    }
    this.getBuffer(data.length);
    this.buffer.set(data, this.bufEnd);
    return this.parseBuffer(data.length, isFinal);
  }

  /** XML_GetBuffer(request) + XML_ParseBuffer (pyexpat's ParseFile). */
  parseChunk(data: Uint8Array, request: number, isFinal: boolean): boolean {
    if (this.status === Status.Finished) {
      this.errorCode = E.XML_ERROR_FINISHED;
      return false;
    }
    this.getBuffer(request);
    this.buffer.set(data, this.bufEnd);
    if (!this.begin()) return false;
    return this.parseBuffer(data.length, isFinal);
  }

  private startParsing(): void {
    const pe = this.protocolEncoding;
    if (pe !== null) {
      const k = knownEncoding(pe);
      if (k !== undefined) this.initEnc = k;
      else {
        const map = this.h.unknownEncoding ? this.h.unknownEncoding(pe) : null;
        if (map !== null && validMap(map)) this.enc = { kind: "map", map };
        else this.pendingError = E.XML_ERROR_UNKNOWN_ENCODING;
      }
    }
  }
  private pendingError = 0;

  private getBuffer(len: number): void {
    this.lastBufferRequestSize = len;
    if (len > this.buffer.length - this.bufEnd) {
      const keep = Math.min(XML_CONTEXT_BYTES, this.bufPtr);
      const neededSize = len + (this.bufEnd - this.bufPtr) + keep;
      if (neededSize <= this.buffer.length) {
        if (keep < this.bufPtr) {
          const offset = this.bufPtr - keep;
          this.buffer.copyWithin(0, offset, this.bufEnd);
          this.bufEnd -= offset;
          this.bufPtr -= offset;
          this.bufAbs += offset;
        }
      } else {
        let size = this.buffer.length - this.bufPtr;
        if (size === 0) size = INIT_BUFFER_SIZE;
        do size *= 2;
        while (size < neededSize);
        const nb = new Uint8Array(size);
        const from = this.bufPtr - keep;
        nb.set(this.buffer.subarray(from, this.bufEnd), 0);
        this.bufAbs += from;
        this.bufEnd -= from;
        this.bufPtr = keep;
        this.buffer = nb;
      }
    }
  }

  private parseBuffer(len: number, isFinal: boolean): boolean {
    const start = this.bufAbs + this.bufPtr;
    this.bufEnd += len;
    this.parseEndAbs = this.bufAbs + this.bufEnd;
    this.finalBuffer = isFinal;
    const err = this.callProcessor(start, this.parseEndAbs);
    if (err !== E.XML_ERROR_NONE) return this.fail(err);
    if (isFinal) {
      this.status = Status.Finished;
      return true;
    }
    // expat: XmlUpdatePosition up to the consumed point
    if (this.curWin !== null && this.curWin.off !== null) this.updatePosition(this.bufAbs + this.bufPtr);
    return true;
  }

  private fail(err: number): boolean {
    this.errorCode = err;
    this.eventEndAbs = this.eventAbs;
    this.proc = Proc.Error;
    // positions are computed while the failing window is still at hand
    this.currentLine();
    return false;
  }

  /** Moves the line/column position forward to absolute offset a (within the current window). */
  updatePosition(a: number): void {
    const w = this.curWin;
    if (a <= this.pos.abs) return;
    if (w === null || w.off === null || w.n === 0 || a < w.abs(0) || this.pos.abs < w.abs(0)) {
      this.pos.abs = a;
      return;
    }
    const from = w.indexOf(this.pos.abs);
    const to = w.indexOf(a);
    this.pos.advance(w, from, to);
    this.pos.abs = a;
  }

  currentLine(): number {
    if (this.eventAbs >= 0 && this.eventAbs >= this.pos.abs) this.updatePosition(this.eventAbs);
    return this.pos.line + 1;
  }

  currentColumn(): number {
    if (this.eventAbs >= 0 && this.eventAbs >= this.pos.abs) this.updatePosition(this.eventAbs);
    return this.pos.col;
  }

  currentByteIndex(): number {
    return this.eventAbs;
  }

  /** The input from the current event to the end of the buffered data (expat: XML_GetInputContext). */
  inputContext(): Uint8Array | null {
    if (this.eventAbs < 0 || this.status === Status.Initialized) return null;
    const s = this.eventAbs - this.bufAbs;
    if (s < 0 || s > this.bufEnd) return null;
    return this.buffer.slice(s, this.bufEnd);
  }

  private callProcessor(start: number, end: number): number {
    if (this.reparseDeferral && !this.finalBuffer) {
      const haveNow = end - start;
      const hadBefore = this.partialTokenBytesBefore;
      let available = this.bufPtr;
      available -= Math.min(available, XML_CONTEXT_BYTES);
      available += this.buffer.length - this.bufEnd;
      const enough = haveNow >= 2 * hadBefore || this.lastBufferRequestSize > available;
      if (!enough) return E.XML_ERROR_NONE;
    }
    let s = start;
    let err: number;
    for (;;) {
      err = this.runProcessor(s, end);
      if (err === E.XML_ERROR_NONE && this.redecode) {
        this.redecode = false;
        s = this.nextAbs;
        continue;
      }
      break;
    }
    if (err === E.XML_ERROR_NONE) {
      const consumed = this.nextAbs;
      this.partialTokenBytesBefore = consumed === start ? end - start : 0;
      this.bufPtr = consumed - this.bufAbs;
    }
    return err;
  }

  /** Absolute offset reached by the processor. */
  nextAbs = 0;

  private window(s: number, e: number): Window {
    const w = decodeWindow(this.enc as Encoding, this.buffer, this.bufAbs, s, e, this.ns);
    this.curWin = w;
    return w;
  }

  private runProcessor(s: number, e: number): number {
    const haveMore = !this.finalBuffer;
    switch (this.proc) {
      case Proc.PrologInit:
      case Proc.ExternalEntityInit:
      case Proc.ExternalParamEntityInit: {
        if (this.pendingError) {
          this.eventAbs = s;
          return this.pendingError;
        }
        let bom = 0;
        if (this.enc === null) {
          const d: Detected | null = detectEncoding(this.buffer, s - this.bufAbs, e - this.bufAbs, this.initEnc, !haveMore);
          if (d === null) {
            this.nextAbs = s;
            return E.XML_ERROR_NONE;
          }
          this.enc = d.enc;
          bom = d.bom;
        }
        if (bom) {
          // the byte order mark counts as a column (expat: XmlUpdatePosition over it)
          this.pos.col++;
          this.pos.abs = s + bom;
        }
        this.proc = this.proc === Proc.PrologInit ? Proc.Prolog : this.proc === Proc.ExternalEntityInit ? Proc.ExternalEntityContent : Proc.ExternalParamEntity;
        this.atEntityStart = true;
        return this.runProcessor(s + bom, e);
      }
      case Proc.Prolog:
      case Proc.ExternalParamEntity: {
        const w = this.window(s, e);
        const first = this.atEntityStart;
        this.atEntityStart = false;
        void first;
        const err = doProlog(this, w, 0, w.n, haveMore, false, this.proc === Proc.ExternalParamEntity);
        return err;
      }
      case Proc.Content: {
        const w = this.window(s, e);
        return this.finish(w, this.doContent(w, 0, 0, w.n, haveMore));
      }
      case Proc.ExternalEntityContent: {
        const w = this.window(s, e);
        if (this.atEntityStart) {
          this.atEntityStart = false;
          const err = this.textDecl(w, haveMore);
          if (err !== E.XML_ERROR_NONE || this.redecode || this.next < 0) {
            if (this.next < 0) {
              this.atEntityStart = true;
              this.nextAbs = s;
              return E.XML_ERROR_NONE;
            }
            return this.finish(w, err);
          }
          return this.finish(w, this.doContent(w, 1, this.next, w.n, haveMore));
        }
        return this.finish(w, this.doContent(w, 1, 0, w.n, haveMore));
      }
      case Proc.Cdata: {
        const w = this.window(s, e);
        const err = this.doCdataSection(w, 0, w.n, haveMore);
        if (err !== E.XML_ERROR_NONE) return err;
        if (this.cdataOpen) {
          this.nextAbs = w.abs(this.next);
          return err;
        }
        this.proc = this.parent ? Proc.ExternalEntityContent : Proc.Content;
        return this.finish(w, this.doContent(w, this.parent ? 1 : 0, this.next, w.n, haveMore));
      }
      case Proc.Epilog: {
        const w = this.window(s, e);
        return this.finish(w, this.epilog(w, 0, w.n, haveMore));
      }
      case Proc.Error:
        return this.errorCode;
    }
    return E.XML_ERROR_UNEXPECTED_STATE;
  }
  atEntityStart = false;

  /** Converts the processor's end index to an absolute offset. */
  finish(w: Window, err: number): number {
    if (err === E.XML_ERROR_NONE) this.nextAbs = w.abs(this.next);
    return err;
  }

  /** The text declaration of an external parsed entity (expat: externalEntityInitProcessor3). */
  private textDecl(w: Window, haveMore: boolean): number {
    const t = w.tok;
    const tok = t.contentTok(0, w.n);
    this.next = 0;
    if (tok === T.TOK_XML_DECL) {
      this.setEvent(w, 0, t.next);
      const err = processXmlDecl(this, w, true, 0, t.next);
      if (err !== E.XML_ERROR_NONE) return err;
      if (this.redecode) {
        this.nextAbs = w.abs(t.next);
        return E.XML_ERROR_NONE;
      }
      this.next = t.next;
      return E.XML_ERROR_NONE;
    }
    if ((tok === T.TOK_PARTIAL || tok === T.TOK_PARTIAL_CHAR) && haveMore) {
      this.next = -1;
      return E.XML_ERROR_NONE;
    }
    return E.XML_ERROR_NONE;
  }

  setEvent(w: Window, s: number, e: number): void {
    if (w.off !== null) {
      this.eventAbs = w.abs(s);
      this.eventEndAbs = w.abs(e);
    }
  }

  /** Switches to the content processor at index s of the prolog's window. */
  startContent(w: Window, s: number, haveMore: boolean): number {
    this.proc = Proc.Content;
    return this.finish(w, this.doContent(w, 0, s, w.n, haveMore));
  }

  /** Switches the document's encoding after an XML declaration: decode again from index s. */
  switchEncoding(w: Window, s: number, enc: Encoding): void {
    this.updatePosition(w.abs(s));
    this.enc = enc;
    this.redecode = true;
    this.nextAbs = w.abs(s);
  }

  // --- reporting helpers --------------------------------------------------------------------

  reportDefault(w: Window, s: number, e: number): void {
    const d = this.h.default;
    if (d === null) return;
    d(w.tok.str(s, e));
  }

  private characterData(w: Window, s: number, e: number): void {
    const cd = this.h.characterData as (d: string) => void;
    if (w.off === null || (this.enc as Encoding).kind === "utf8") {
      cd(w.tok.str(s, e));
      return;
    }
    // expat converts other encodings through a buffer of INIT_DATA_BUF_SIZE bytes
    let out = "";
    let used = 0;
    for (let i = s; i < e; i++) {
      const c = w.cp[i];
      const n = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
      if (used + n > INIT_DATA_BUF_SIZE) {
        cd(out);
        out = "";
        used = 0;
      }
      out += String.fromCodePoint(c);
      used += n;
    }
    cd(out);
  }

  private reportPI(w: Window, s: number, e: number): void {
    const pi = this.h.processingInstruction;
    if (pi === null) {
      this.reportDefault(w, s, e);
      return;
    }
    const t = w.tok;
    const ts = s + 2;
    const te = ts + t.nameLength(ts);
    const ds = t.skipS(te);
    pi(t.str(ts, te), normalizeLines(t.str(ds, e - 2)));
  }

  reportProcessingInstruction(w: Window, s: number, e: number): void {
    this.reportPI(w, s, e);
  }

  reportComment(w: Window, s: number, e: number): void {
    const c = this.h.comment;
    if (c === null) {
      this.reportDefault(w, s, e);
      return;
    }
    c(normalizeLines(w.tok.str(s + 4, e - 3)));
  }

  // --- content (expat: doContent) ------------------------------------------------------------

  doContent(w: Window, startTagLevel: number, s: number, end: number, haveMore: boolean): number {
    const t = w.tok;
    const h = this.h;
    const isDoc = w.off !== null;
    if (isDoc) this.eventAbs = w.abs(s);
    for (;;) {
      let next = s;
      const tok = t.contentTok(s, end);
      if (tok > 0 || tok === T.TOK_INVALID) next = t.next;
      if (isDoc) this.eventEndAbs = w.abs(next);
      switch (tok) {
        case T.TOK_TRAILING_CR:
          if (haveMore) {
            this.next = s;
            return E.XML_ERROR_NONE;
          }
          if (isDoc) this.eventEndAbs = w.abs(end);
          if (h.characterData) h.characterData("\n");
          else if (h.default) this.reportDefault(w, s, end);
          if (startTagLevel === 0) return E.XML_ERROR_NO_ELEMENTS;
          if (this.tagLevel !== startTagLevel) return E.XML_ERROR_ASYNC_ENTITY;
          this.next = end;
          return E.XML_ERROR_NONE;
        case T.TOK_NONE:
          if (haveMore) {
            this.next = s;
            return E.XML_ERROR_NONE;
          }
          if (startTagLevel > 0) {
            if (this.tagLevel !== startTagLevel) return E.XML_ERROR_ASYNC_ENTITY;
            this.next = s;
            return E.XML_ERROR_NONE;
          }
          return E.XML_ERROR_NO_ELEMENTS;
        case T.TOK_INVALID:
          if (isDoc) this.eventAbs = w.abs(t.next);
          return E.XML_ERROR_INVALID_TOKEN;
        case T.TOK_PARTIAL:
          if (haveMore) {
            this.next = s;
            return E.XML_ERROR_NONE;
          }
          return E.XML_ERROR_UNCLOSED_TOKEN;
        case T.TOK_PARTIAL_CHAR:
          if (haveMore) {
            this.next = s;
            return E.XML_ERROR_NONE;
          }
          return E.XML_ERROR_PARTIAL_CHAR;
        case T.TOK_ENTITY_REF: {
          const ch = t.predefinedEntityName(s + 1, next - 1);
          if (ch) {
            if (h.characterData) h.characterData(String.fromCharCode(ch));
            else if (h.default) this.reportDefault(w, s, next);
            break;
          }
          const name = t.str(s + 1, next - 1);
          const entity = this.dtd.generalEntities.get(name);
          if (!this.dtd.hasParamEntityRefs || this.dtd.standalone) {
            if (!entity) return E.XML_ERROR_UNDEFINED_ENTITY;
            if (!entity.isInternal) return E.XML_ERROR_ENTITY_DECLARED_IN_PE;
          } else if (!entity) {
            if (h.skippedEntity) h.skippedEntity(name, false);
            else if (h.default) this.reportDefault(w, s, next);
            break;
          }
          if (entity.open) return E.XML_ERROR_RECURSIVE_ENTITY_REF;
          if (entity.notation !== null) return E.XML_ERROR_BINARY_ENTITY_REF;
          if (entity.text !== null) {
            if (!this.defaultExpandInternalEntities) {
              if (h.skippedEntity) h.skippedEntity(entity.name, false);
              else if (h.default) this.reportDefault(w, s, next);
              break;
            }
            const err = this.processInternalEntity(entity);
            if (err !== E.XML_ERROR_NONE) return err;
          } else if (h.externalEntityRef) {
            entity.open = true;
            const context = this.getContext();
            entity.open = false;
            if (!h.externalEntityRef(context, entity.base, entity.systemId, entity.publicId)) {
              return E.XML_ERROR_EXTERNAL_ENTITY_HANDLING;
            }
          } else if (h.default) this.reportDefault(w, s, next);
          break;
        }
        case T.TOK_START_TAG_NO_ATTS:
        case T.TOK_START_TAG_WITH_ATTS: {
          const rawLen = t.nameLength(s + 1);
          const tag: Tag = { rawName: t.str(s + 1, s + 1 + rawLen), name: "", bindings: [] };
          this.tagStack.push(tag);
          this.tagLevel++;
          const atts: string[] = [];
          const err = this.storeAtts(w, s, next, tag, atts);
          if (err !== E.XML_ERROR_NONE) return err;
          if (h.startElement) h.startElement(tag.name, atts, this.specifiedAtts);
          else if (h.default) this.reportDefault(w, s, next);
          break;
        }
        case T.TOK_EMPTY_ELEMENT_NO_ATTS:
        case T.TOK_EMPTY_ELEMENT_WITH_ATTS: {
          const rawLen = t.nameLength(s + 1);
          const tag: Tag = { rawName: t.str(s + 1, s + 1 + rawLen), name: "", bindings: [] };
          const atts: string[] = [];
          const err = this.storeAtts(w, s, next, tag, atts);
          if (err !== E.XML_ERROR_NONE) {
            this.freeBindings(tag, false);
            return err;
          }
          let noElmHandlers = true;
          if (h.startElement) {
            h.startElement(tag.name, atts, this.specifiedAtts);
            noElmHandlers = false;
          }
          if (h.endElement) {
            if (h.startElement && isDoc) this.eventAbs = this.eventEndAbs;
            h.endElement(tag.name);
            noElmHandlers = false;
          }
          if (noElmHandlers && h.default) this.reportDefault(w, s, next);
          this.freeBindings(tag, true);
          if (this.tagLevel === 0 && this.status !== Status.Finished) {
            this.proc = Proc.Epilog;
            return this.epilog(w, next, end, haveMore);
          }
          break;
        }
        case T.TOK_END_TAG: {
          if (this.tagLevel === startTagLevel) return E.XML_ERROR_ASYNC_ENTITY;
          const tag = this.tagStack.pop() as Tag;
          const rs = s + 2;
          const len = t.nameLength(rs);
          if (t.str(rs, rs + len) !== tag.rawName) {
            if (isDoc) this.eventAbs = w.abs(rs);
            return E.XML_ERROR_TAG_MISMATCH;
          }
          this.tagLevel--;
          if (h.endElement) h.endElement(tag.name);
          else if (h.default) this.reportDefault(w, s, next);
          this.freeBindings(tag, true);
          if (this.tagLevel === 0 && this.status !== Status.Finished) {
            this.proc = Proc.Epilog;
            return this.epilog(w, next, end, haveMore);
          }
          break;
        }
        case T.TOK_CHAR_REF: {
          const n = t.charRefNumber(s);
          if (n < 0) return E.XML_ERROR_BAD_CHAR_REF;
          if (h.characterData) h.characterData(String.fromCodePoint(n));
          else if (h.default) this.reportDefault(w, s, next);
          break;
        }
        case T.TOK_XML_DECL:
          return E.XML_ERROR_MISPLACED_XML_PI;
        case T.TOK_DATA_NEWLINE:
          if (h.characterData) h.characterData("\n");
          else if (h.default) this.reportDefault(w, s, next);
          break;
        case T.TOK_CDATA_SECT_OPEN: {
          if (h.startCdataSection) h.startCdataSection();
          else if (h.default) this.reportDefault(w, s, next);
          if (this.status === Status.Finished) return E.XML_ERROR_ABORTED;
          const err = this.doCdataSection(w, next, end, haveMore);
          if (err !== E.XML_ERROR_NONE) return err;
          if (this.cdataOpen) {
            this.proc = Proc.Cdata;
            return err;
          }
          next = this.next;
          break;
        }
        case T.TOK_TRAILING_RSQB:
          if (haveMore) {
            this.next = s;
            return E.XML_ERROR_NONE;
          }
          if (h.characterData) this.characterData(w, s, end);
          else if (h.default) this.reportDefault(w, s, end);
          if (startTagLevel === 0) {
            if (isDoc) this.eventAbs = w.abs(end);
            return E.XML_ERROR_NO_ELEMENTS;
          }
          if (this.tagLevel !== startTagLevel) {
            if (isDoc) this.eventAbs = w.abs(end);
            return E.XML_ERROR_ASYNC_ENTITY;
          }
          this.next = end;
          return E.XML_ERROR_NONE;
        case T.TOK_DATA_CHARS:
          if (h.characterData) this.characterData(w, s, next);
          else if (h.default) this.reportDefault(w, s, next);
          break;
        case T.TOK_PI:
          this.reportPI(w, s, next);
          break;
        case T.TOK_COMMENT:
          this.reportComment(w, s, next);
          break;
        default:
          if (h.default) this.reportDefault(w, s, next);
          break;
      }
      s = next;
      if (isDoc) this.eventAbs = w.abs(s);
      if (this.status === Status.Finished) return E.XML_ERROR_ABORTED;
    }
  }

  /** Set by doCdataSection when the section continues past the available data. */
  cdataOpen = false;

  doCdataSection(w: Window, s: number, end: number, haveMore: boolean): number {
    const t = w.tok;
    const h = this.h;
    const isDoc = w.off !== null;
    this.cdataOpen = false;
    if (isDoc) this.eventAbs = w.abs(s);
    for (;;) {
      const tok = t.cdataSectionTok(s, end);
      const next = tok > 0 || tok === T.TOK_INVALID ? t.next : s;
      if (isDoc) this.eventEndAbs = w.abs(next);
      switch (tok) {
        case T.TOK_CDATA_SECT_CLOSE:
          if (h.endCdataSection) h.endCdataSection();
          else if (h.default) this.reportDefault(w, s, next);
          this.next = next;
          if (this.status === Status.Finished) return E.XML_ERROR_ABORTED;
          return E.XML_ERROR_NONE;
        case T.TOK_DATA_NEWLINE:
          if (h.characterData) h.characterData("\n");
          else if (h.default) this.reportDefault(w, s, next);
          break;
        case T.TOK_DATA_CHARS:
          if (h.characterData) this.characterData(w, s, next);
          else if (h.default) this.reportDefault(w, s, next);
          break;
        case T.TOK_INVALID:
          if (isDoc) this.eventAbs = w.abs(next);
          return E.XML_ERROR_INVALID_TOKEN;
        case T.TOK_PARTIAL_CHAR:
          if (haveMore) {
            this.next = s;
            this.cdataOpen = true;
            return E.XML_ERROR_NONE;
          }
          return E.XML_ERROR_PARTIAL_CHAR;
        case T.TOK_PARTIAL:
        case T.TOK_NONE:
          if (haveMore) {
            this.next = s;
            this.cdataOpen = true;
            return E.XML_ERROR_NONE;
          }
          return E.XML_ERROR_UNCLOSED_CDATA_SECTION;
        default:
          return E.XML_ERROR_UNEXPECTED_STATE;
      }
      s = next;
      if (isDoc) this.eventAbs = w.abs(s);
      if (this.status === Status.Finished) return E.XML_ERROR_ABORTED;
    }
  }

  /** expat: epilogProcessor. */
  epilog(w: Window, s: number, end: number, haveMore: boolean): number {
    const t = w.tok;
    const isDoc = w.off !== null;
    if (isDoc) this.eventAbs = w.abs(s);
    for (;;) {
      const tok = t.prologTok(s, end);
      const next = tok > 0 || tok === T.TOK_INVALID || tok < -5 ? t.next : s;
      if (isDoc) this.eventEndAbs = w.abs(next);
      switch (tok) {
        case -T.TOK_PROLOG_S:
          if (this.h.default) this.reportDefault(w, s, next);
          this.next = next;
          return E.XML_ERROR_NONE;
        case T.TOK_NONE:
          this.next = s;
          return E.XML_ERROR_NONE;
        case T.TOK_PROLOG_S:
          if (this.h.default) this.reportDefault(w, s, next);
          break;
        case T.TOK_PI:
          this.reportPI(w, s, next);
          break;
        case T.TOK_COMMENT:
          this.reportComment(w, s, next);
          break;
        case T.TOK_INVALID:
          if (isDoc) this.eventAbs = w.abs(next);
          return E.XML_ERROR_INVALID_TOKEN;
        case T.TOK_PARTIAL:
          if (haveMore) {
            this.next = s;
            return E.XML_ERROR_NONE;
          }
          return E.XML_ERROR_UNCLOSED_TOKEN;
        case T.TOK_PARTIAL_CHAR:
          if (haveMore) {
            this.next = s;
            return E.XML_ERROR_NONE;
          }
          return E.XML_ERROR_PARTIAL_CHAR;
        default:
          return E.XML_ERROR_JUNK_AFTER_DOC_ELEMENT;
      }
      s = next;
      if (isDoc) this.eventAbs = w.abs(s);
      if (this.status === Status.Finished) return E.XML_ERROR_ABORTED;
    }
  }

  /** Parses an internal entity's replacement text as content (expat: processInternalEntity). */
  private processInternalEntity(entity: Entity): number {
    entity.open = true;
    this.openEntities.push(entity);
    const w = stringWindow(entity.text as string, this.ns);
    const saveWin = this.curWin;
    const err = this.doContent(w, this.tagLevel, 0, w.n, false);
    this.curWin = saveWin;
    this.openEntities.pop();
    entity.open = false;
    return err;
  }

  /** The context string handed to the external entity handler (expat: getContext). */
  private getContext(): string {
    const parts: string[] = [];
    if (this.defaultBinding !== undefined) parts.push("=" + this.defaultBinding.uri);
    for (const [prefix, b] of this.bindings) {
      if (prefix === "xml") continue;
      parts.push(prefix + "=" + b.uri);
    }
    for (const e of this.dtd.generalEntities.values()) if (e.open) parts.push(e.name);
    return parts.join("\f");
  }

  // --- start tags (expat: storeAtts) ---------------------------------------------------------

  /** Parses the attributes of the start tag w[s, e) (expat: XmlGetAttributes). */
  private getAttributes(w: Window, s: number, e: number): Att[] {
    const t = w.tok;
    const atts: Att[] = [];
    let p = s + 1 + t.nameLength(s + 1);
    for (;;) {
      p = t.skipS(p);
      if (p >= e) break;
      const c = w.cp[p];
      if (c === 0x3e || c === 0x2f) break;
      const nameIdx = p;
      const nl = t.nameLength(p);
      const name = t.str(p, p + nl);
      p = t.skipS(p + nl);
      p = t.skipS(p + 1); // '='
      const q = w.cp[p];
      const vs = p + 1;
      let ve = vs;
      let normalized = true;
      while (w.cp[ve] !== q) {
        const v = w.cp[ve];
        if (v === 0x20) {
          if (ve === vs || w.cp[ve + 1] === 0x20 || w.cp[ve + 1] === q) normalized = false;
        } else if (v === 9 || v === 10 || v === 13 || v === 0x26) normalized = false;
        ve++;
      }
      atts.push({ name, nameIdx, valueStart: vs, valueEnd: ve, normalized });
      p = ve + 1;
    }
    return atts;
  }

  private storeAtts(w: Window, s: number, e: number, tag: Tag, out: string[]): number {
    const isDoc = w.off !== null;
    const dtd = this.dtd;
    const elType: ElementType | undefined = dtd.elementTypes.get(tag.rawName);
    const atts = this.getAttributes(w, s, e);
    const names: string[] = [];
    const values: string[] = [];
    const seen = new Set<string>();
    for (const a of atts) {
      if (seen.has(a.name)) {
        if (isDoc) this.eventAbs = w.abs(a.nameIdx);
        return E.XML_ERROR_DUPLICATE_ATTRIBUTE;
      }
      seen.add(a.name);
      let isCdata = true;
      if (dtd.maybeTokenized.has(a.name) && elType) {
        const d = elType.defaultAtts.find((x) => x.name === a.name);
        if (d) isCdata = d.isCdata;
      }
      let value: string;
      if (!isCdata || !a.normalized) {
        const r = this.attributeValue(w, isCdata, a.valueStart, a.valueEnd);
        if (typeof r === "number") return r;
        value = r;
      } else value = w.tok.str(a.valueStart, a.valueEnd);
      names.push(a.name);
      values.push(value);
    }
    this.specifiedAtts = names.length * 2;
    if (elType) {
      for (const d of elType.defaultAtts) {
        if (d.value === null || seen.has(d.name)) continue;
        seen.add(d.name);
        names.push(d.name);
        values.push(d.value);
      }
    }
    if (!this.ns) {
      tag.name = tag.rawName;
      for (let i = 0; i < names.length; i++) out.push(names[i], values[i]);
      return E.XML_ERROR_NONE;
    }
    // namespace declarations first (expat: addBinding), in attribute order
    const keep: number[] = [];
    for (let i = 0; i < names.length; i++) {
      const n = names[i];
      if (n === "xmlns" || n.startsWith("xmlns:")) {
        const prefix = n === "xmlns" ? null : n.slice(6);
        const err = this.addBinding(prefix, values[i], tag);
        if (err !== E.XML_ERROR_NONE) {
          if (isDoc) this.eventAbs = w.abs(s);
          return err;
        }
      } else keep.push(i);
    }
    const expanded = new Set<string>();
    let outSpecified = 0;
    for (const i of keep) {
      const n = names[i];
      const colon = n.indexOf(":");
      let full = n;
      if (colon >= 0) {
        const prefix = n.slice(0, colon);
        const b = this.bindings.get(prefix);
        if (b === undefined) {
          if (isDoc) this.eventAbs = w.abs(s);
          return E.XML_ERROR_UNBOUND_PREFIX;
        }
        full = b.uri + this.nsSep + n.slice(colon + 1);
        if (this.nsTriplets) full += this.nsSep + prefix;
        const key = b.uri + "\u0000" + n.slice(colon + 1);
        if (expanded.has(key)) {
          if (isDoc) this.eventAbs = w.abs(s);
          return E.XML_ERROR_DUPLICATE_ATTRIBUTE;
        }
        expanded.add(key);
      }
      out.push(full, values[i]);
      if (i < atts.length) outSpecified += 2;
    }
    this.specifiedAtts = outSpecified;
    const raw = tag.rawName;
    const colon = raw.indexOf(":");
    if (colon >= 0) {
      const prefix = raw.slice(0, colon);
      const b = this.bindings.get(prefix);
      if (b === undefined) {
        if (isDoc) this.eventAbs = w.abs(s);
        return E.XML_ERROR_UNBOUND_PREFIX;
      }
      tag.name = b.uri + this.nsSep + raw.slice(colon + 1) + (this.nsTriplets ? this.nsSep + prefix : "");
    } else if (this.defaultBinding !== undefined && this.defaultBinding.uri !== "") {
      tag.name = this.defaultBinding.uri + this.nsSep + raw;
    } else tag.name = raw;
    return E.XML_ERROR_NONE;
  }

  private addBinding(prefix: string | null, uri: string, tag: Tag): number {
    const isXML = uri === XML_NAMESPACE;
    const isXMLNS = uri === XMLNS_NAMESPACE;
    if (prefix === "xmlns") return E.XML_ERROR_RESERVED_PREFIX_XMLNS;
    if (prefix === "xml" && !isXML) return E.XML_ERROR_RESERVED_PREFIX_XML;
    if ((isXML && prefix !== "xml") || isXMLNS) return E.XML_ERROR_RESERVED_NAMESPACE_URI;
    if (uri === "" && prefix !== null) return E.XML_ERROR_UNDECLARING_PREFIX;
    const prev = prefix === null ? this.defaultBinding : this.bindings.get(prefix);
    const b: Binding = { prefix, uri, prev };
    if (prefix === null) this.defaultBinding = b;
    else this.bindings.set(prefix, b);
    tag.bindings.push(b);
    if (this.h.startNamespaceDecl) this.h.startNamespaceDecl(prefix, uri === "" ? null : uri);
    return E.XML_ERROR_NONE;
  }

  private freeBindings(tag: Tag, report: boolean): void {
    for (let i = tag.bindings.length - 1; i >= 0; i--) {
      const b = tag.bindings[i];
      if (report && this.h.endNamespaceDecl) this.h.endNamespaceDecl(b.prefix);
      if (b.prefix === null) this.defaultBinding = b.prev;
      else if (b.prev === undefined) this.bindings.delete(b.prefix);
      else this.bindings.set(b.prefix, b.prev);
    }
    tag.bindings.length = 0;
  }

  /** Normalizes an attribute value (expat: storeAttributeValue / appendAttributeValue). */
  attributeValue(w: Window, isCdata: boolean, s: number, e: number): string | number {
    const acc = { v: "" };
    const err = this.appendAttributeValue(w, isCdata, s, e, acc);
    if (err !== E.XML_ERROR_NONE) return err;
    let v = acc.v;
    if (!isCdata && v.endsWith(" ")) v = v.slice(0, -1);
    return v;
  }

  private appendAttributeValue(w: Window, isCdata: boolean, s: number, e: number, acc: { v: string }): number {
    const t = w.tok;
    const isDoc = w.off !== null;
    const dtd = this.dtd;
    for (;;) {
      const tok = t.attributeValueTok(s, e);
      const next = tok > 0 || tok === T.TOK_INVALID ? t.next : s;
      switch (tok) {
        case T.TOK_NONE:
          return E.XML_ERROR_NONE;
        case T.TOK_INVALID:
          if (isDoc) this.eventAbs = w.abs(next);
          return E.XML_ERROR_INVALID_TOKEN;
        case T.TOK_PARTIAL:
          if (isDoc) this.eventAbs = w.abs(s);
          return E.XML_ERROR_INVALID_TOKEN;
        case T.TOK_CHAR_REF: {
          const n = t.charRefNumber(s);
          if (n < 0) {
            if (isDoc) this.eventAbs = w.abs(s);
            return E.XML_ERROR_BAD_CHAR_REF;
          }
          if (!isCdata && n === 0x20 && (acc.v.length === 0 || acc.v.endsWith(" "))) break;
          acc.v += String.fromCodePoint(n);
          break;
        }
        case T.TOK_DATA_CHARS:
          acc.v += t.str(s, next);
          break;
        case T.TOK_TRAILING_CR:
        case T.TOK_ATTRIBUTE_VALUE_S:
        case T.TOK_DATA_NEWLINE: {
          const nx = tok === T.TOK_TRAILING_CR ? e : next;
          if (!isCdata && (acc.v.length === 0 || acc.v.endsWith(" "))) {
            s = nx;
            continue;
          }
          acc.v += " ";
          s = nx;
          continue;
        }
        case T.TOK_ENTITY_REF: {
          const ch = t.predefinedEntityName(s + 1, next - 1);
          if (ch) {
            acc.v += String.fromCharCode(ch);
            break;
          }
          const name = t.str(s + 1, next - 1);
          const entity = dtd.generalEntities.get(name);
          if (!entity) {
            if (!dtd.hasParamEntityRefs || dtd.standalone) {
              if (isDoc) this.eventAbs = w.abs(s);
              return E.XML_ERROR_UNDEFINED_ENTITY;
            }
            break;
          }
          if (entity.open) {
            if (isDoc) this.eventAbs = w.abs(s);
            return E.XML_ERROR_RECURSIVE_ENTITY_REF;
          }
          if (entity.notation !== null) {
            if (isDoc) this.eventAbs = w.abs(s);
            return E.XML_ERROR_BINARY_ENTITY_REF;
          }
          if (entity.text === null) {
            if (isDoc) this.eventAbs = w.abs(s);
            return E.XML_ERROR_ATTRIBUTE_EXTERNAL_ENTITY_REF;
          }
          entity.open = true;
          const ew = stringWindow(entity.text, this.ns);
          const err = this.appendAttributeValue(ew, isCdata, 0, ew.n, acc);
          entity.open = false;
          if (err !== E.XML_ERROR_NONE) return err;
          break;
        }
        default:
          if (isDoc) this.eventAbs = w.abs(s);
          return E.XML_ERROR_UNEXPECTED_STATE;
      }
      s = next;
    }
  }
}

/** Line ends in PI and comment data become LF (expat: normalizeLines). */
export function normalizeLines(s: string): string {
  return s.indexOf("\r") < 0 ? s : s.replace(/\r\n?/g, "\n");
}

/** expat checks that the ASCII characters of an unknown encoding map to themselves. */
function validMap(map: Int32Array): boolean {
  for (let i = 0; i < 0x80; i++) {
    const c = map[i];
    if (c !== i && c !== -1 && i >= 0x20) return false;
  }
  return true;
}

/** expat: processXmlDecl — the XML (or text) declaration w[s, e). */
export function processXmlDecl(p: XMLParser, w: Window, isText: boolean, s: number, e: number): number {
  const r = parseXmlDecl(w, isText, s + 5, e - 2);
  if (typeof r === "number") {
    if (w.off !== null) p.eventAbs = w.abs(r);
    return isText ? E.XML_ERROR_TEXT_DECL : E.XML_ERROR_XML_DECL;
  }
  if (!isText && r.standalone === 1) {
    p.dtd.standalone = true;
    if (p.paramEntityParsing === XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE) p.paramEntityParsing = XML_PARAM_ENTITY_PARSING_NEVER;
  }
  if (p.h.xmlDecl) p.h.xmlDecl(r.version, r.encoding, r.standalone);
  else if (p.h.default) p.reportDefault(w, s, e);
  if (p.protocolEncoding === null && r.encoding !== null) {
    const cur = p.enc as Encoding;
    const k = knownEncoding(r.encoding);
    if (k !== undefined) {
      const ne: Encoding = k === "utf16" ? (minBytesPerChar(cur) === 2 ? cur : { kind: "utf16be", map: null }) : k;
      if (minBytesPerChar(ne) !== minBytesPerChar(cur) || (minBytesPerChar(ne) === 2 && ne.kind !== cur.kind)) {
        if (w.off !== null) p.eventAbs = w.abs(r.encodingIdx);
        return E.XML_ERROR_INCORRECT_ENCODING;
      }
      if (ne.kind !== cur.kind) p.switchEncoding(w, e, ne);
    } else {
      const map = p.h.unknownEncoding ? p.h.unknownEncoding(r.encoding) : null;
      if (map === null || !validMap(map) || minBytesPerChar(cur) === 2) {
        if (w.off !== null) p.eventAbs = w.abs(r.encodingIdx);
        return E.XML_ERROR_UNKNOWN_ENCODING;
      }
      p.switchEncoding(w, e, { kind: "map", map });
    }
  }
  return E.XML_ERROR_NONE;
}

interface XmlDecl {
  version: string | null;
  encoding: string | null;
  encodingIdx: number;
  standalone: number;
}

const isSpaceCp = (c: number) => c === 0x20 || c === 9 || c === 10 || c === 13;

/** expat: XmlParseXmlDecl over w[p, end) (after "<?xml", before "?>"); a number is the bad index. */
function parseXmlDecl(w: Window, isText: boolean, p: number, end: number): XmlDecl | number {
  const cp = w.cp;
  const res: XmlDecl = { version: null, encoding: null, encodingIdx: 0, standalone: -1 };
  let name = -1, nameEnd = -1, val = -1;
  const str = (a: number, b: number) => w.tok.str(a, b);
  /** expat: parsePseudoAttribute; false on error (p is the bad index). */
  const pseudo = (): boolean => {
    name = -1;
    if (p === end) return true;
    if (!isSpaceCp(cp[p])) return false;
    do p++;
    while (p < end && isSpaceCp(cp[p]));
    if (p === end) return true;
    name = p;
    for (;;) {
      if (p >= end) return false;
      const c = cp[p];
      if (c >= 0x80 || c < 0) return false;
      if (c === 0x3d) {
        nameEnd = p;
        break;
      }
      if (isSpaceCp(c)) {
        nameEnd = p;
        do p++;
        while (p < end && isSpaceCp(cp[p]));
        if (cp[p] !== 0x3d) return false;
        break;
      }
      p++;
    }
    if (p === name) return false;
    p++;
    while (p < end && isSpaceCp(cp[p])) p++;
    const q = cp[p];
    if (q !== 0x22 && q !== 0x27) return false;
    p++;
    val = p;
    for (;; p++) {
      if (p >= end) return false;
      const c = cp[p];
      if (c === q) break;
      const ok = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2d || c === 0x5f;
      if (!ok) return false;
    }
    p++;
    return true;
  };
  if (!pseudo()) return p;
  if (name < 0) return isText ? p : p;
  const nm = () => str(name, nameEnd);
  if (nm() === "version") {
    res.version = str(val, p - 1);
    if (!pseudo()) return p;
    if (name < 0) return isText ? p : res;
  } else if (!isText) return name;
  if (nm() === "encoding") {
    const c = cp[val];
    if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a))) return val;
    res.encoding = str(val, p - 1);
    res.encodingIdx = val;
    if (!pseudo()) return p;
    if (name < 0) return res;
  }
  if (nm() !== "standalone" || isText) return name;
  const v = str(val, p - 1);
  if (v === "yes") res.standalone = 1;
  else if (v === "no") res.standalone = 0;
  else return val;
  while (p < end && isSpaceCp(cp[p])) p++;
  if (p !== end) return p;
  return res;
}
