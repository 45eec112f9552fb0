// CPython: Modules/expat/expat.h — the callbacks an expat parser reports to (XML_Set*Handler).

/** A content model of an element declaration (expat: XML_Content). */
export interface ContentModel {
  type: number;
  quant: number;
  name: string | null;
  children: ContentModel[];
}

export const XML_CTYPE_EMPTY = 1, XML_CTYPE_ANY = 2, XML_CTYPE_MIXED = 3, XML_CTYPE_NAME = 4, XML_CTYPE_CHOICE = 5,
  XML_CTYPE_SEQ = 6;
export const XML_CQUANT_NONE = 0, XML_CQUANT_OPT = 1, XML_CQUANT_REP = 2, XML_CQUANT_PLUS = 3;

/** The handlers; null when not set (which changes what expat does, e.g. default reporting). */
export class XMLHandlers {
  startElement: ((name: string, atts: string[], nSpecified: number) => void) | null = null;
  endElement: ((name: string) => void) | null = null;
  characterData: ((data: string) => void) | null = null;
  processingInstruction: ((target: string, data: string) => void) | null = null;
  comment: ((data: string) => void) | null = null;
  startCdataSection: (() => void) | null = null;
  endCdataSection: (() => void) | null = null;
  default: ((data: string) => void) | null = null;
  startNamespaceDecl: ((prefix: string | null, uri: string | null) => void) | null = null;
  endNamespaceDecl: ((prefix: string | null) => void) | null = null;
  xmlDecl: ((version: string | null, encoding: string | null, standalone: number) => void) | null = null;
  startDoctypeDecl: ((name: string, sysid: string | null, pubid: string | null, hasInternalSubset: boolean) => void) | null = null;
  endDoctypeDecl: (() => void) | null = null;
  elementDecl: ((name: string, model: ContentModel) => void) | null = null;
  attlistDecl: ((elname: string, attname: string, type: string, dflt: string | null, isRequired: boolean) => void) | null = null;
  entityDecl:
    | ((name: string, isParam: boolean, value: string | null, base: string | null, sysid: string | null, pubid: string | null, notation: string | null) => void)
    | null = null;
  notationDecl: ((name: string, base: string | null, sysid: string | null, pubid: string | null) => void) | null = null;
  unparsedEntityDecl: ((name: string, base: string | null, sysid: string, pubid: string | null, notation: string) => void) | null = null;
  externalEntityRef: ((context: string | null, base: string | null, sysid: string | null, pubid: string | null) => number) | null = null;
  notStandalone: (() => number) | null = null;
  skippedEntity: ((name: string, isParam: boolean) => void) | null = null;
  /**
   * Asked for a declared encoding expat does not know (expat: XML_UnknownEncodingHandler): a
   * code point per byte (-1 invalid), or null when unknown.
   */
  unknownEncoding: ((name: string) => Int32Array | null) | null = null;
}
