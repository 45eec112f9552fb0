// CPython: Modules/expat/xmlparse.c (doProlog, storeEntityValue, defineAttribute, build_model) —
// the prolog and the DTD: the document type declaration, entity, attribute-list, element and
// notation declarations, reported to their handlers or to the default handler token by token.
import * as E from "./errors.js";
import * as T from "./xmltok.js";
import type { Window } from "./xmlinput.js";
import { stringWindow } from "./xmlinput.js";
import { Role, RoleState } from "./xmlrole.js";
import type { XMLParser, Entity } from "./xmlparse.js";
import { processXmlDecl, XML_PARAM_ENTITY_PARSING_NEVER } from "./xmlparse.js";
import {
  type ContentModel, XML_CTYPE_ANY, XML_CTYPE_EMPTY, XML_CTYPE_MIXED, XML_CTYPE_NAME, XML_CTYPE_CHOICE, XML_CTYPE_SEQ,
  XML_CQUANT_NONE, XML_CQUANT_OPT, XML_CQUANT_REP, XML_CQUANT_PLUS,
} from "./xmlhandlers.js";

export interface DefaultAtt {
  name: string;
  value: string | null;
  isCdata: boolean;
}

export interface ElementType {
  name: string;
  defaultAtts: DefaultAtt[];
  idAtt: string | null;
}

/** expat: DTD (shared with external entity parsers). */
export interface DTD {
  generalEntities: Map<string, Entity>;
  paramEntities: Map<string, Entity>;
  elementTypes: Map<string, ElementType>;
  /** Attribute names declared with a non-CDATA type somewhere (expat: ATTRIBUTE_ID.maybeTokenized). */
  maybeTokenized: Set<string>;
  hasParamEntityRefs: boolean;
  standalone: boolean;
  keepProcessing: boolean;
  paramEntityRead: boolean;
}

export function newDTD(): DTD {
  return {
    generalEntities: new Map(), paramEntities: new Map(), elementTypes: new Map(), maybeTokenized: new Set(),
    hasParamEntityRefs: false, standalone: false, keepProcessing: true, paramEntityRead: false,
  };
}

/** The prolog's state across calls (expat: m_prologState and the m_decl* / m_doctype* fields). */
export class PrologState {
  readonly roles = new RoleState();
  doctypeName: string | null = null;
  doctypeSysid: string | null = null;
  doctypePubid: string | null = null;
  hadSysid = false;
  /** The external subset's ids, kept even without a StartDoctypeDeclHandler. */
  doctypeSysidValue: string | null = null;
  doctypePubidValue: string | null = null;
  declEntity: Entity | null = null;
  declElementType: ElementType | null = null;
  declAttributeName: string | null = null;
  declAttributeType: string | null = null;
  declAttributeIsCdata = false;
  declAttributeIsId = false;
  declNotationName: string | null = null;
  declNotationPublicId: string | null = null;
  inElDecl = false;
  elDeclName = "";
  /** Open groups of the element declaration being read. */
  groups: ContentModel[] = [];
  connectors: string[] = [];
}

function getElementType(dtd: DTD, name: string): ElementType {
  let t = dtd.elementTypes.get(name);
  if (t === undefined) {
    t = { name, defaultAtts: [], idAtt: null };
    dtd.elementTypes.set(name, t);
  }
  return t;
}

/** Collapses white space of a public id and checks its characters (expat: XmlIsPublicId, normalizePublicId). */
function publicId(w: Window, s: number, e: number): string | number {
  for (let i = s; i < e; i++) {
    const c = w.cp[i];
    const ok = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) ||
      " \r\n-'()+,./:=?;!*#@$_%".includes(String.fromCharCode(c));
    if (!ok || c === 9) return i;
  }
  return w.tok.str(s, e).replace(/[ \r\n]+/g, " ").trim();
}

/** expat: storeEntityValue — char refs replaced, newlines normalized, PE refs refused here. */
function entityValue(p: XMLParser, w: Window, s: number, e: number): string | number {
  const t = w.tok;
  let v = "";
  for (;;) {
    const tok = t.entityValueTok(s, e);
    const next = tok > 0 || tok === T.TOK_INVALID ? t.next : s;
    switch (tok) {
      case T.TOK_NONE:
        return v;
      case T.TOK_PARAM_ENTITY_REF:
        if (p.prolog.roles.documentEntity) {
          if (w.off !== null) p.eventAbs = w.abs(s);
          return E.XML_ERROR_PARAM_ENTITY_REF;
        }
        p.dtd.keepProcessing = p.dtd.standalone;
        return v;
      case T.TOK_ENTITY_REF:
      case T.TOK_DATA_CHARS:
        v += t.str(s, next);
        break;
      case T.TOK_TRAILING_CR:
        v += "\n";
        s = e;
        continue;
      case T.TOK_DATA_NEWLINE:
        v += "\n";
        break;
      case T.TOK_CHAR_REF: {
        const n = t.charRefNumber(s);
        if (n < 0) {
          if (w.off !== null) p.eventAbs = w.abs(s);
          return E.XML_ERROR_BAD_CHAR_REF;
        }
        v += String.fromCodePoint(n);
        break;
      }
      case T.TOK_PARTIAL:
        if (w.off !== null) p.eventAbs = w.abs(s);
        return E.XML_ERROR_INVALID_TOKEN;
      case T.TOK_INVALID:
        if (w.off !== null) p.eventAbs = w.abs(next);
        return E.XML_ERROR_INVALID_TOKEN;
      default:
        if (w.off !== null) p.eventAbs = w.abs(s);
        return E.XML_ERROR_UNEXPECTED_STATE;
    }
    s = next;
  }
}

function contentElement(ps: PrologState, name: string, quant: number): void {
  const g = ps.groups[ps.groups.length - 1];
  g.children.push({ type: XML_CTYPE_NAME, quant, name, children: [] });
}

/** expat: doProlog over w[s, end). */
export function doProlog(p: XMLParser, w: Window, s: number, end: number, haveMore: boolean, inPE: boolean, external: boolean): number {
  const t = w.tok;
  const h = p.h;
  const dtd = p.dtd;
  const ps = p.prolog;
  const isDoc = w.off !== null;
  if (external && ps.roles.documentEntity) ps.roles.reset(true);
  for (;;) {
    let tok = t.prologTok(s, end);
    let next = tok > 0 || tok === T.TOK_INVALID || tok < -5 ? t.next : s;
    if (isDoc) {
      p.eventAbs = w.abs(s);
      p.eventEndAbs = w.abs(next);
    }
    if (tok <= 0) {
      if (haveMore && tok !== T.TOK_INVALID) {
        p.next = s;
        return p.finish(w, E.XML_ERROR_NONE);
      }
      switch (tok) {
        case T.TOK_INVALID:
          if (isDoc) p.eventAbs = w.abs(next);
          return E.XML_ERROR_INVALID_TOKEN;
        case T.TOK_PARTIAL:
          return E.XML_ERROR_UNCLOSED_TOKEN;
        case T.TOK_PARTIAL_CHAR:
          return E.XML_ERROR_PARTIAL_CHAR;
        case -T.TOK_PROLOG_S:
          tok = -tok;
          break;
        case T.TOK_NONE:
          if (inPE) return E.XML_ERROR_NONE;
          if (external) {
            if (ps.roles.role(T.TOK_NONE, w, end, end) === Role.ERROR) return E.XML_ERROR_SYNTAX;
            p.next = end;
            return p.finish(w, E.XML_ERROR_NONE);
          }
          return E.XML_ERROR_NO_ELEMENTS;
        default:
          tok = -tok;
          next = end;
          break;
      }
    }
    const role = ps.roles.role(tok, w, s, next);
    let handleDefault = true;
    switch (role) {
      case Role.XML_DECL: {
        const err = processXmlDecl(p, w, false, s, next);
        if (err !== E.XML_ERROR_NONE) return err;
        handleDefault = false;
        if (p.redecode) return E.XML_ERROR_NONE;
        break;
      }
      case Role.TEXT_DECL: {
        const err = processXmlDecl(p, w, true, s, next);
        if (err !== E.XML_ERROR_NONE) return err;
        handleDefault = false;
        if (p.redecode) return E.XML_ERROR_NONE;
        break;
      }
      case Role.DOCTYPE_NAME:
        if (h.startDoctypeDecl) {
          ps.doctypeName = t.str(s, next);
          ps.doctypePubid = null;
          handleDefault = false;
        }
        ps.doctypeSysid = null;
        break;
      case Role.DOCTYPE_INTERNAL_SUBSET:
        if (h.startDoctypeDecl && ps.doctypeName !== null) {
          h.startDoctypeDecl(ps.doctypeName, ps.doctypeSysid, ps.doctypePubid, true);
          ps.doctypeName = null;
          handleDefault = false;
        }
        break;
      case Role.DOCTYPE_PUBLIC_ID:
      case Role.ENTITY_PUBLIC_ID: {
        const pub = publicId(w, s + 1, next - 1);
        if (typeof pub === "number") {
          if (isDoc) p.eventAbs = w.abs(pub);
          return E.XML_ERROR_PUBLICID;
        }
        if (role === Role.DOCTYPE_PUBLIC_ID) {
          p.useForeignDTD = false;
          if (h.startDoctypeDecl) {
            ps.doctypePubid = pub;
            handleDefault = false;
          }
        } else if (dtd.keepProcessing && ps.declEntity) {
          ps.declEntity.publicId = pub;
          if (h.entityDecl) handleDefault = false;
        }
        break;
      }
      case Role.DOCTYPE_CLOSE: {
        if (ps.doctypeName !== null && h.startDoctypeDecl) {
          h.startDoctypeDecl(ps.doctypeName, ps.doctypeSysid, ps.doctypePubid, false);
          handleDefault = false;
        }
        ps.doctypeName = null;
        if (ps.hadSysid || p.useForeignDTD) {
          const hadParamEntityRefs = dtd.hasParamEntityRefs;
          dtd.hasParamEntityRefs = true;
          if (p.paramEntityParsing !== XML_PARAM_ENTITY_PARSING_NEVER && h.externalEntityRef) {
            dtd.paramEntityRead = false;
            if (!h.externalEntityRef(null, p.curBase, ps.hadSysid ? ps.doctypeSysidValue : null, ps.doctypePubidValue)) {
              return E.XML_ERROR_EXTERNAL_ENTITY_HANDLING;
            }
            if (dtd.paramEntityRead) {
              if (!dtd.standalone && h.notStandalone && !h.notStandalone()) return E.XML_ERROR_NOT_STANDALONE;
            } else if (!ps.hadSysid) dtd.hasParamEntityRefs = hadParamEntityRefs;
          }
          p.useForeignDTD = false;
        }
        if (h.endDoctypeDecl) {
          h.endDoctypeDecl();
          handleDefault = false;
        }
        break;
      }
      case Role.INSTANCE_START:
        if (p.useForeignDTD) {
          const hadParamEntityRefs = dtd.hasParamEntityRefs;
          dtd.hasParamEntityRefs = true;
          if (p.paramEntityParsing !== XML_PARAM_ENTITY_PARSING_NEVER && h.externalEntityRef) {
            dtd.paramEntityRead = false;
            if (!h.externalEntityRef(null, p.curBase, null, null)) return E.XML_ERROR_EXTERNAL_ENTITY_HANDLING;
            if (dtd.paramEntityRead) {
              if (!dtd.standalone && h.notStandalone && !h.notStandalone()) return E.XML_ERROR_NOT_STANDALONE;
            } else dtd.hasParamEntityRefs = hadParamEntityRefs;
          }
        }
        return p.startContent(w, s, haveMore);
      case Role.ATTLIST_ELEMENT_NAME:
        ps.declElementType = getElementType(dtd, t.str(s, next));
        break;
      case Role.ATTRIBUTE_NAME:
        ps.declAttributeName = t.str(s, next);
        ps.declAttributeIsCdata = false;
        ps.declAttributeType = null;
        ps.declAttributeIsId = false;
        break;
      case Role.ATTRIBUTE_TYPE_CDATA:
      case Role.ATTRIBUTE_TYPE_ID:
      case Role.ATTRIBUTE_TYPE_IDREF:
      case Role.ATTRIBUTE_TYPE_IDREFS:
      case Role.ATTRIBUTE_TYPE_ENTITY:
      case Role.ATTRIBUTE_TYPE_ENTITIES:
      case Role.ATTRIBUTE_TYPE_NMTOKEN:
      case Role.ATTRIBUTE_TYPE_NMTOKENS:
        ps.declAttributeIsCdata = role === Role.ATTRIBUTE_TYPE_CDATA;
        ps.declAttributeIsId = role === Role.ATTRIBUTE_TYPE_ID;
        ps.declAttributeType = t.str(s, next);
        if (dtd.keepProcessing && h.attlistDecl) handleDefault = false;
        break;
      case Role.ATTRIBUTE_ENUM_VALUE:
      case Role.ATTRIBUTE_NOTATION_VALUE:
        if (dtd.keepProcessing && h.attlistDecl) {
          const prefix = ps.declAttributeType !== null ? "|" : role === Role.ATTRIBUTE_NOTATION_VALUE ? "NOTATION(" : "(";
          ps.declAttributeType = (ps.declAttributeType ?? "") + prefix + t.str(s, next);
          handleDefault = false;
        }
        break;
      case Role.IMPLIED_ATTRIBUTE_VALUE:
      case Role.REQUIRED_ATTRIBUTE_VALUE:
        if (dtd.keepProcessing) {
          defineAttribute(p, null);
          if (h.attlistDecl && ps.declAttributeType !== null) {
            closeEnumType(ps);
            h.attlistDecl((ps.declElementType as ElementType).name, ps.declAttributeName as string, ps.declAttributeType, null, role === Role.REQUIRED_ATTRIBUTE_VALUE);
            handleDefault = false;
          }
        }
        break;
      case Role.DEFAULT_ATTRIBUTE_VALUE:
      case Role.FIXED_ATTRIBUTE_VALUE:
        if (dtd.keepProcessing) {
          const v = p.attributeValue(w, ps.declAttributeIsCdata, s + 1, next - 1);
          if (typeof v === "number") return v;
          defineAttribute(p, v);
          if (h.attlistDecl && ps.declAttributeType !== null) {
            closeEnumType(ps);
            h.attlistDecl((ps.declElementType as ElementType).name, ps.declAttributeName as string, ps.declAttributeType, v, role === Role.FIXED_ATTRIBUTE_VALUE);
            handleDefault = false;
          }
        }
        break;
      case Role.ENTITY_VALUE:
        if (dtd.keepProcessing) {
          const v = entityValue(p, w, s + 1, next - 1);
          if (typeof v === "number") return v;
          if (ps.declEntity) {
            ps.declEntity.text = v;
            if (h.entityDecl) {
              h.entityDecl(ps.declEntity.name, ps.declEntity.isParam, v, null, null, null, null);
              handleDefault = false;
            }
          }
        }
        break;
      case Role.DOCTYPE_SYSTEM_ID: {
        p.useForeignDTD = false;
        dtd.hasParamEntityRefs = true;
        ps.hadSysid = true;
        ps.doctypeSysidValue = t.str(s + 1, next - 1);
        ps.doctypePubidValue = ps.doctypePubid;
        if (h.startDoctypeDecl) {
          ps.doctypeSysid = ps.doctypeSysidValue;
          handleDefault = false;
        }
        if (!dtd.standalone && p.paramEntityParsing === XML_PARAM_ENTITY_PARSING_NEVER && h.notStandalone && !h.notStandalone()) {
          return E.XML_ERROR_NOT_STANDALONE;
        }
        break;
      }
      case Role.ENTITY_SYSTEM_ID:
        if (dtd.keepProcessing && ps.declEntity) {
          ps.declEntity.systemId = t.str(s + 1, next - 1);
          ps.declEntity.base = p.curBase;
          if (h.entityDecl) handleDefault = false;
        }
        break;
      case Role.ENTITY_COMPLETE:
        if (dtd.keepProcessing && ps.declEntity && h.entityDecl) {
          const e = ps.declEntity;
          h.entityDecl(e.name, e.isParam, null, e.base, e.systemId, e.publicId, null);
          handleDefault = false;
        }
        break;
      case Role.ENTITY_NOTATION_NAME:
        if (dtd.keepProcessing && ps.declEntity) {
          const e = ps.declEntity;
          e.notation = t.str(s, next);
          if (h.unparsedEntityDecl) {
            h.unparsedEntityDecl(e.name, e.base, e.systemId as string, e.publicId, e.notation);
            handleDefault = false;
          } else if (h.entityDecl) {
            h.entityDecl(e.name, false, null, e.base, e.systemId, e.publicId, e.notation);
            handleDefault = false;
          }
        }
        break;
      case Role.GENERAL_ENTITY_NAME:
      case Role.PARAM_ENTITY_NAME: {
        if (!dtd.keepProcessing) {
          ps.declEntity = null;
          break;
        }
        const isParam = role === Role.PARAM_ENTITY_NAME;
        const name = t.str(s, next);
        const table = isParam ? dtd.paramEntities : dtd.generalEntities;
        if (table.has(name)) ps.declEntity = null;
        else {
          const e: Entity = {
            name, text: null, systemId: null, publicId: null, base: null, notation: null, isParam,
            isInternal: !(p.parent !== null || p.openEntities.length > 0), open: false,
          };
          table.set(name, e);
          ps.declEntity = e;
          if (h.entityDecl) handleDefault = false;
        }
        break;
      }
      case Role.NOTATION_NAME:
        ps.declNotationPublicId = null;
        ps.declNotationName = null;
        if (h.notationDecl) {
          ps.declNotationName = t.str(s, next);
          handleDefault = false;
        }
        break;
      case Role.NOTATION_PUBLIC_ID: {
        const pub = publicId(w, s + 1, next - 1);
        if (typeof pub === "number") {
          if (isDoc) p.eventAbs = w.abs(pub);
          return E.XML_ERROR_PUBLICID;
        }
        if (ps.declNotationName !== null) {
          ps.declNotationPublicId = pub;
          handleDefault = false;
        }
        break;
      }
      case Role.NOTATION_SYSTEM_ID:
        if (ps.declNotationName !== null && h.notationDecl) {
          h.notationDecl(ps.declNotationName, p.curBase, t.str(s + 1, next - 1), ps.declNotationPublicId);
          handleDefault = false;
        }
        break;
      case Role.NOTATION_NO_SYSTEM_ID:
        if (ps.declNotationPublicId !== null && h.notationDecl) {
          h.notationDecl(ps.declNotationName as string, p.curBase, null, ps.declNotationPublicId);
          handleDefault = false;
        }
        break;
      case Role.ERROR:
        switch (tok) {
          case T.TOK_PARAM_ENTITY_REF:
            return E.XML_ERROR_PARAM_ENTITY_REF;
          case T.TOK_XML_DECL:
            return E.XML_ERROR_MISPLACED_XML_PI;
        }
        return E.XML_ERROR_SYNTAX;
      case Role.ELEMENT_NAME:
        if (h.elementDecl) {
          ps.elDeclName = t.str(s, next);
          ps.groups = [];
          ps.connectors = [];
          ps.inElDecl = true;
          handleDefault = false;
        }
        break;
      case Role.CONTENT_ANY:
      case Role.CONTENT_EMPTY:
        if (ps.inElDecl) {
          const model: ContentModel = { type: role === Role.CONTENT_ANY ? XML_CTYPE_ANY : XML_CTYPE_EMPTY, quant: XML_CQUANT_NONE, name: null, children: [] };
          (h.elementDecl as (n: string, m: ContentModel) => void)(ps.elDeclName, model);
          ps.inElDecl = false;
          handleDefault = false;
        }
        break;
      case Role.CONTENT_PCDATA:
        if (ps.inElDecl) {
          ps.groups[ps.groups.length - 1].type = XML_CTYPE_MIXED;
          handleDefault = false;
        }
        break;
      case Role.CONTENT_ELEMENT:
      case Role.CONTENT_ELEMENT_OPT:
      case Role.CONTENT_ELEMENT_REP:
      case Role.CONTENT_ELEMENT_PLUS:
        if (ps.inElDecl) {
          const quant = role === Role.CONTENT_ELEMENT ? XML_CQUANT_NONE : role === Role.CONTENT_ELEMENT_OPT ? XML_CQUANT_OPT : role === Role.CONTENT_ELEMENT_REP ? XML_CQUANT_REP : XML_CQUANT_PLUS;
          const e = role === Role.CONTENT_ELEMENT ? next : next - 1;
          getElementType(dtd, t.str(s, e));
          contentElement(ps, t.str(s, e), quant);
          handleDefault = false;
        }
        break;
      case Role.GROUP_OPEN:
        if (ps.inElDecl) {
          const g: ContentModel = { type: XML_CTYPE_SEQ, quant: XML_CQUANT_NONE, name: null, children: [] };
          if (ps.groups.length) ps.groups[ps.groups.length - 1].children.push(g);
          ps.groups.push(g);
          handleDefault = false;
        }
        ps.connectors[ps.roles.level] = "";
        break;
      case Role.GROUP_SEQUENCE:
        if (ps.connectors[ps.roles.level] === "|") return E.XML_ERROR_SYNTAX;
        ps.connectors[ps.roles.level] = ",";
        if (ps.inElDecl) handleDefault = false;
        break;
      case Role.GROUP_CHOICE:
        if (ps.connectors[ps.roles.level] === ",") return E.XML_ERROR_SYNTAX;
        if (ps.inElDecl) {
          const g = ps.groups[ps.groups.length - 1];
          if (g.type !== XML_CTYPE_MIXED) g.type = XML_CTYPE_CHOICE;
          handleDefault = false;
        }
        ps.connectors[ps.roles.level] = "|";
        break;
      case Role.GROUP_CLOSE:
      case Role.GROUP_CLOSE_REP:
      case Role.GROUP_CLOSE_OPT:
      case Role.GROUP_CLOSE_PLUS:
        if (ps.inElDecl) {
          handleDefault = false;
          const g = ps.groups.pop() as ContentModel;
          g.quant = role === Role.GROUP_CLOSE ? XML_CQUANT_NONE : role === Role.GROUP_CLOSE_REP ? XML_CQUANT_REP : role === Role.GROUP_CLOSE_OPT ? XML_CQUANT_OPT : XML_CQUANT_PLUS;
          if (ps.groups.length === 0) {
            (h.elementDecl as (n: string, m: ContentModel) => void)(ps.elDeclName, g);
            ps.inElDecl = false;
          }
        }
        break;
      case Role.PI:
        p.reportProcessingInstruction(w, s, next);
        handleDefault = false;
        break;
      case Role.COMMENT:
        p.reportComment(w, s, next);
        handleDefault = false;
        break;
      case Role.NONE:
        if (tok === T.TOK_BOM) handleDefault = false;
        break;
      case Role.DOCTYPE_NONE:
        if (h.startDoctypeDecl) handleDefault = false;
        break;
      case Role.ENTITY_NONE:
        if (dtd.keepProcessing && h.entityDecl) handleDefault = false;
        break;
      case Role.NOTATION_NONE:
        if (h.notationDecl) handleDefault = false;
        break;
      case Role.ATTLIST_NONE:
        if (dtd.keepProcessing && h.attlistDecl) handleDefault = false;
        break;
      case Role.ELEMENT_NONE:
        if (h.elementDecl) handleDefault = false;
        break;
      case Role.PARAM_ENTITY_REF:
      case Role.INNER_PARAM_ENTITY_REF: {
        dtd.hasParamEntityRefs = true;
        if (p.paramEntityParsing === XML_PARAM_ENTITY_PARSING_NEVER) dtd.keepProcessing = dtd.standalone;
        else {
          const name = t.str(s + 1, next - 1);
          const entity = dtd.paramEntities.get(name);
          if (entity && entity.text !== null && !entity.open) {
            // an internal parameter entity: its declarations are read here
            entity.open = true;
            const ew = stringWindow(entity.text, p.ns);
            const save = ps.roles.documentEntity;
            ps.roles.documentEntity = false;
            const err = doPrologEntity(p, ew);
            ps.roles.documentEntity = save;
            entity.open = false;
            if (err !== E.XML_ERROR_NONE) return err;
            handleDefault = false;
          } else if (entity && entity.text === null && h.externalEntityRef) {
            dtd.paramEntityRead = false;
            entity.open = true;
            if (!h.externalEntityRef(null, entity.base, entity.systemId, entity.publicId)) {
              entity.open = false;
              return E.XML_ERROR_EXTERNAL_ENTITY_HANDLING;
            }
            entity.open = false;
            handleDefault = false;
            if (!dtd.paramEntityRead) {
              dtd.keepProcessing = dtd.standalone;
              break;
            }
          } else {
            if (!entity) {
              if (h.skippedEntity) {
                h.skippedEntity(name, true);
                handleDefault = false;
              }
            }
            dtd.keepProcessing = dtd.standalone;
            break;
          }
        }
        if (!dtd.standalone && h.notStandalone && !h.notStandalone()) return E.XML_ERROR_NOT_STANDALONE;
        break;
      }
    }
    if (handleDefault && h.default) p.reportDefault(w, s, next);
    s = next;
    if (p.status === 2) return E.XML_ERROR_ABORTED;
  }
}

/** The declarations of an internal parameter entity (expat: processInternalEntity for PEs). */
function doPrologEntity(p: XMLParser, w: Window): number {
  const saveNext = p.next;
  const err = doProlog(p, w, 0, w.n, false, true, true);
  p.next = saveNext;
  return err;
}

function closeEnumType(ps: PrologState): void {
  const t = ps.declAttributeType as string;
  if ((t.startsWith("(") || t.startsWith("NOTATION(")) && !t.endsWith(")")) ps.declAttributeType = t + ")";
}

/** expat: defineAttribute — the first declaration of an attribute of an element type wins. */
function defineAttribute(p: XMLParser, value: string | null): void {
  const ps = p.prolog;
  const type = ps.declElementType as ElementType;
  const name = ps.declAttributeName as string;
  const isCdata = ps.declAttributeIsCdata;
  if (value !== null || ps.declAttributeIsId) {
    for (const d of type.defaultAtts) if (d.name === name) return;
    if (ps.declAttributeIsId && type.idAtt === null) type.idAtt = name;
  }
  if (!isCdata) p.dtd.maybeTokenized.add(name);
  type.defaultAtts.push({ name, value, isCdata });
}
