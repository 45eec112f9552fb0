// CPython: Modules/expat/xmlrole.c — the prolog's grammar as a state machine: each prolog token
// moves the state and yields the role the token plays (a declaration's name, a literal, ...).
import * as T from "./xmltok.js";
import type { Window } from "./xmlinput.js";

export const enum Role {
  ERROR = -1,
  NONE = 0,
  XML_DECL,
  INSTANCE_START,
  DOCTYPE_NONE,
  DOCTYPE_NAME,
  DOCTYPE_SYSTEM_ID,
  DOCTYPE_PUBLIC_ID,
  DOCTYPE_INTERNAL_SUBSET,
  DOCTYPE_CLOSE,
  GENERAL_ENTITY_NAME,
  PARAM_ENTITY_NAME,
  ENTITY_NONE,
  ENTITY_VALUE,
  ENTITY_SYSTEM_ID,
  ENTITY_PUBLIC_ID,
  ENTITY_COMPLETE,
  ENTITY_NOTATION_NAME,
  NOTATION_NONE,
  NOTATION_NAME,
  NOTATION_SYSTEM_ID,
  NOTATION_NO_SYSTEM_ID,
  NOTATION_PUBLIC_ID,
  ATTRIBUTE_NAME,
  ATTRIBUTE_TYPE_CDATA,
  ATTRIBUTE_TYPE_ID,
  ATTRIBUTE_TYPE_IDREF,
  ATTRIBUTE_TYPE_IDREFS,
  ATTRIBUTE_TYPE_ENTITY,
  ATTRIBUTE_TYPE_ENTITIES,
  ATTRIBUTE_TYPE_NMTOKEN,
  ATTRIBUTE_TYPE_NMTOKENS,
  ATTRIBUTE_ENUM_VALUE,
  ATTRIBUTE_NOTATION_VALUE,
  ATTLIST_NONE,
  ATTLIST_ELEMENT_NAME,
  IMPLIED_ATTRIBUTE_VALUE,
  REQUIRED_ATTRIBUTE_VALUE,
  DEFAULT_ATTRIBUTE_VALUE,
  FIXED_ATTRIBUTE_VALUE,
  ELEMENT_NONE,
  ELEMENT_NAME,
  CONTENT_ANY,
  CONTENT_EMPTY,
  CONTENT_PCDATA,
  GROUP_OPEN,
  GROUP_CLOSE,
  GROUP_CLOSE_REP,
  GROUP_CLOSE_OPT,
  GROUP_CLOSE_PLUS,
  GROUP_CHOICE,
  GROUP_SEQUENCE,
  CONTENT_ELEMENT,
  CONTENT_ELEMENT_REP,
  CONTENT_ELEMENT_OPT,
  CONTENT_ELEMENT_PLUS,
  PI,
  COMMENT,
  TEXT_DECL,
  IGNORE_SECT,
  INNER_PARAM_ENTITY_REF,
  PARAM_ENTITY_REF,
}

export const enum S {
  prolog0, prolog1, prolog2, doctype0, doctype1, doctype2, doctype3, doctype4, doctype5, internalSubset,
  externalSubset0, externalSubset1, entity0, entity1, entity2, entity3, entity4, entity5, entity6, entity7,
  entity8, entity9, entity10, notation0, notation1, notation2, notation3, notation4, attlist0, attlist1,
  attlist2, attlist3, attlist4, attlist5, attlist6, attlist7, attlist8, attlist9, element0, element1,
  element2, element3, element4, element5, element6, element7, declClose, error,
}

/** expat: PROLOG_STATE. */
export class RoleState {
  state = S.prolog0;
  level = 0;
  roleNone = Role.NONE;
  documentEntity = true;

  reset(external: boolean): void {
    this.state = external ? S.externalSubset0 : S.prolog0;
    this.documentEntity = !external;
    this.level = 0;
  }

  private err(tok: number): Role {
    if (!this.documentEntity && tok === T.TOK_PARAM_ENTITY_REF) return Role.INNER_PARAM_ENTITY_REF;
    this.state = S.error;
    return Role.ERROR;
  }

  /** expat: XmlTokenRole. */
  role(tok: number, w: Window, s: number, e: number): Role {
    const name = (kw: string) => w.tok.str(s, e) === kw;
    const isS = tok === T.TOK_PROLOG_S;
    switch (this.state) {
      case S.prolog0:
        switch (tok) {
          case T.TOK_PROLOG_S:
            this.state = S.prolog1;
            return Role.NONE;
          case T.TOK_XML_DECL:
            this.state = S.prolog1;
            return Role.XML_DECL;
          case T.TOK_PI:
            this.state = S.prolog1;
            return Role.PI;
          case T.TOK_COMMENT:
            this.state = S.prolog1;
            return Role.COMMENT;
          case T.TOK_BOM:
            return Role.NONE;
          case T.TOK_DECL_OPEN:
            if (w.tok.str(s + 2, e) !== "DOCTYPE") break;
            this.state = S.doctype0;
            return Role.DOCTYPE_NONE;
          case T.TOK_INSTANCE_START:
            this.state = S.error;
            return Role.INSTANCE_START;
        }
        return this.err(tok);
      case S.prolog1:
      case S.prolog2:
        switch (tok) {
          case T.TOK_PROLOG_S:
            return Role.NONE;
          case T.TOK_PI:
            return Role.PI;
          case T.TOK_COMMENT:
            return Role.COMMENT;
          case T.TOK_BOM:
            if (this.state === S.prolog1) return Role.NONE;
            break;
          case T.TOK_DECL_OPEN:
            if (this.state === S.prolog2 || w.tok.str(s + 2, e) !== "DOCTYPE") break;
            this.state = S.doctype0;
            return Role.DOCTYPE_NONE;
          case T.TOK_INSTANCE_START:
            this.state = S.error;
            return Role.INSTANCE_START;
        }
        return this.err(tok);
      case S.doctype0:
        if (isS) return Role.DOCTYPE_NONE;
        if (tok === T.TOK_NAME || tok === T.TOK_PREFIXED_NAME) {
          this.state = S.doctype1;
          return Role.DOCTYPE_NAME;
        }
        return this.err(tok);
      case S.doctype1:
        switch (tok) {
          case T.TOK_PROLOG_S:
            return Role.DOCTYPE_NONE;
          case T.TOK_OPEN_BRACKET:
            this.state = S.internalSubset;
            return Role.DOCTYPE_INTERNAL_SUBSET;
          case T.TOK_DECL_CLOSE:
            this.state = S.prolog2;
            return Role.DOCTYPE_CLOSE;
          case T.TOK_NAME:
            if (name("SYSTEM")) {
              this.state = S.doctype3;
              return Role.DOCTYPE_NONE;
            }
            if (name("PUBLIC")) {
              this.state = S.doctype2;
              return Role.DOCTYPE_NONE;
            }
        }
        return this.err(tok);
      case S.doctype2:
        if (isS) return Role.DOCTYPE_NONE;
        if (tok === T.TOK_LITERAL) {
          this.state = S.doctype3;
          return Role.DOCTYPE_PUBLIC_ID;
        }
        return this.err(tok);
      case S.doctype3:
        if (isS) return Role.DOCTYPE_NONE;
        if (tok === T.TOK_LITERAL) {
          this.state = S.doctype4;
          return Role.DOCTYPE_SYSTEM_ID;
        }
        return this.err(tok);
      case S.doctype4:
        if (isS) return Role.DOCTYPE_NONE;
        if (tok === T.TOK_OPEN_BRACKET) {
          this.state = S.internalSubset;
          return Role.DOCTYPE_INTERNAL_SUBSET;
        }
        if (tok === T.TOK_DECL_CLOSE) {
          this.state = S.prolog2;
          return Role.DOCTYPE_CLOSE;
        }
        return this.err(tok);
      case S.doctype5:
        if (isS) return Role.DOCTYPE_NONE;
        if (tok === T.TOK_DECL_CLOSE) {
          this.state = S.prolog2;
          return Role.DOCTYPE_CLOSE;
        }
        return this.err(tok);
      case S.internalSubset:
      case S.externalSubset1:
        switch (tok) {
          case T.TOK_PROLOG_S:
            return Role.NONE;
          case T.TOK_DECL_OPEN: {
            const kw = w.tok.str(s + 2, e);
            if (kw === "ENTITY") {
              this.state = S.entity0;
              return Role.ENTITY_NONE;
            }
            if (kw === "ATTLIST") {
              this.state = S.attlist0;
              return Role.ATTLIST_NONE;
            }
            if (kw === "ELEMENT") {
              this.state = S.element0;
              return Role.ELEMENT_NONE;
            }
            if (kw === "NOTATION") {
              this.state = S.notation0;
              return Role.NOTATION_NONE;
            }
            break;
          }
          case T.TOK_PI:
            return Role.PI;
          case T.TOK_COMMENT:
            return Role.COMMENT;
          case T.TOK_PARAM_ENTITY_REF:
            return Role.PARAM_ENTITY_REF;
          case T.TOK_CLOSE_BRACKET:
            if (this.state === S.internalSubset) {
              this.state = S.doctype5;
              return Role.DOCTYPE_NONE;
            }
            break;
          case T.TOK_NONE:
            if (this.state === S.externalSubset1) return Role.NONE;
            break;
        }
        return this.err(tok);
      case S.externalSubset0:
        this.state = S.externalSubset1;
        if (tok === T.TOK_XML_DECL) return Role.TEXT_DECL;
        return this.role(tok, w, s, e);
      case S.entity0:
        if (isS) return Role.ENTITY_NONE;
        if (tok === T.TOK_PERCENT) {
          this.state = S.entity1;
          return Role.ENTITY_NONE;
        }
        if (tok === T.TOK_NAME) {
          this.state = S.entity2;
          return Role.GENERAL_ENTITY_NAME;
        }
        return this.err(tok);
      case S.entity1:
        if (isS) return Role.ENTITY_NONE;
        if (tok === T.TOK_NAME) {
          this.state = S.entity7;
          return Role.PARAM_ENTITY_NAME;
        }
        return this.err(tok);
      case S.entity2:
      case S.entity7:
        if (isS) return Role.ENTITY_NONE;
        if (tok === T.TOK_NAME) {
          const pe = this.state === S.entity7;
          if (name("SYSTEM")) {
            this.state = pe ? S.entity9 : S.entity4;
            return Role.ENTITY_NONE;
          }
          if (name("PUBLIC")) {
            this.state = pe ? S.entity8 : S.entity3;
            return Role.ENTITY_NONE;
          }
        } else if (tok === T.TOK_LITERAL) {
          this.state = S.declClose;
          this.roleNone = Role.ENTITY_NONE;
          return Role.ENTITY_VALUE;
        }
        return this.err(tok);
      case S.entity3:
      case S.entity8:
        if (isS) return Role.ENTITY_NONE;
        if (tok === T.TOK_LITERAL) {
          this.state = this.state === S.entity3 ? S.entity4 : S.entity9;
          return Role.ENTITY_PUBLIC_ID;
        }
        return this.err(tok);
      case S.entity4:
      case S.entity9:
        if (isS) return Role.ENTITY_NONE;
        if (tok === T.TOK_LITERAL) {
          this.state = this.state === S.entity4 ? S.entity5 : S.entity10;
          return Role.ENTITY_SYSTEM_ID;
        }
        return this.err(tok);
      case S.entity5:
        if (isS) return Role.ENTITY_NONE;
        if (tok === T.TOK_DECL_CLOSE) {
          this.state = this.documentEntity ? S.internalSubset : S.externalSubset1;
          return Role.ENTITY_COMPLETE;
        }
        if (tok === T.TOK_NAME && name("NDATA")) {
          this.state = S.entity6;
          return Role.ENTITY_NONE;
        }
        return this.err(tok);
      case S.entity6:
        if (isS) return Role.ENTITY_NONE;
        if (tok === T.TOK_NAME) {
          this.state = S.declClose;
          this.roleNone = Role.ENTITY_NONE;
          return Role.ENTITY_NOTATION_NAME;
        }
        return this.err(tok);
      case S.entity10:
        if (isS) return Role.ENTITY_NONE;
        if (tok === T.TOK_DECL_CLOSE) {
          this.state = this.documentEntity ? S.internalSubset : S.externalSubset1;
          return Role.ENTITY_COMPLETE;
        }
        return this.err(tok);
      case S.notation0:
        if (isS) return Role.NOTATION_NONE;
        if (tok === T.TOK_NAME) {
          this.state = S.notation1;
          return Role.NOTATION_NAME;
        }
        return this.err(tok);
      case S.notation1:
        if (isS) return Role.NOTATION_NONE;
        if (tok === T.TOK_NAME) {
          if (name("SYSTEM")) {
            this.state = S.notation3;
            return Role.NOTATION_NONE;
          }
          if (name("PUBLIC")) {
            this.state = S.notation2;
            return Role.NOTATION_NONE;
          }
        }
        return this.err(tok);
      case S.notation2:
        if (isS) return Role.NOTATION_NONE;
        if (tok === T.TOK_LITERAL) {
          this.state = S.notation4;
          return Role.NOTATION_PUBLIC_ID;
        }
        return this.err(tok);
      case S.notation3:
        if (isS) return Role.NOTATION_NONE;
        if (tok === T.TOK_LITERAL) {
          this.state = S.declClose;
          this.roleNone = Role.NOTATION_NONE;
          return Role.NOTATION_SYSTEM_ID;
        }
        return this.err(tok);
      case S.notation4:
        if (isS) return Role.NOTATION_NONE;
        if (tok === T.TOK_LITERAL) {
          this.state = S.declClose;
          this.roleNone = Role.NOTATION_NONE;
          return Role.NOTATION_SYSTEM_ID;
        }
        if (tok === T.TOK_DECL_CLOSE) {
          this.state = this.documentEntity ? S.internalSubset : S.externalSubset1;
          return Role.NOTATION_NO_SYSTEM_ID;
        }
        return this.err(tok);
      case S.attlist0:
        if (isS) return Role.ATTLIST_NONE;
        if (tok === T.TOK_NAME || tok === T.TOK_PREFIXED_NAME) {
          this.state = S.attlist1;
          return Role.ATTLIST_ELEMENT_NAME;
        }
        return this.err(tok);
      case S.attlist1:
        if (isS) return Role.ATTLIST_NONE;
        if (tok === T.TOK_DECL_CLOSE) {
          this.state = this.documentEntity ? S.internalSubset : S.externalSubset1;
          return Role.ATTLIST_NONE;
        }
        if (tok === T.TOK_NAME || tok === T.TOK_PREFIXED_NAME) {
          this.state = S.attlist2;
          return Role.ATTRIBUTE_NAME;
        }
        return this.err(tok);
      case S.attlist2:
        if (isS) return Role.ATTLIST_NONE;
        if (tok === T.TOK_NAME) {
          const types: [string, Role][] = [
            ["CDATA", Role.ATTRIBUTE_TYPE_CDATA], ["ID", Role.ATTRIBUTE_TYPE_ID], ["IDREF", Role.ATTRIBUTE_TYPE_IDREF],
            ["IDREFS", Role.ATTRIBUTE_TYPE_IDREFS], ["ENTITY", Role.ATTRIBUTE_TYPE_ENTITY],
            ["ENTITIES", Role.ATTRIBUTE_TYPE_ENTITIES], ["NMTOKEN", Role.ATTRIBUTE_TYPE_NMTOKEN],
            ["NMTOKENS", Role.ATTRIBUTE_TYPE_NMTOKENS],
          ];
          const kw = w.tok.str(s, e);
          for (const [k, r] of types) {
            if (kw === k) {
              this.state = S.attlist8;
              return r;
            }
          }
          if (kw === "NOTATION") {
            this.state = S.attlist5;
            return Role.ATTLIST_NONE;
          }
        } else if (tok === T.TOK_OPEN_PAREN) {
          this.state = S.attlist3;
          return Role.ATTLIST_NONE;
        }
        return this.err(tok);
      case S.attlist3:
        if (isS) return Role.ATTLIST_NONE;
        if (tok === T.TOK_NMTOKEN || tok === T.TOK_NAME || tok === T.TOK_PREFIXED_NAME) {
          this.state = S.attlist4;
          return Role.ATTRIBUTE_ENUM_VALUE;
        }
        return this.err(tok);
      case S.attlist4:
        if (isS) return Role.ATTLIST_NONE;
        if (tok === T.TOK_CLOSE_PAREN) {
          this.state = S.attlist8;
          return Role.ATTLIST_NONE;
        }
        if (tok === T.TOK_OR) {
          this.state = S.attlist3;
          return Role.ATTLIST_NONE;
        }
        return this.err(tok);
      case S.attlist5:
        if (isS) return Role.ATTLIST_NONE;
        if (tok === T.TOK_OPEN_PAREN) {
          this.state = S.attlist6;
          return Role.ATTLIST_NONE;
        }
        return this.err(tok);
      case S.attlist6:
        if (isS) return Role.ATTLIST_NONE;
        if (tok === T.TOK_NAME) {
          this.state = S.attlist7;
          return Role.ATTRIBUTE_NOTATION_VALUE;
        }
        return this.err(tok);
      case S.attlist7:
        if (isS) return Role.ATTLIST_NONE;
        if (tok === T.TOK_CLOSE_PAREN) {
          this.state = S.attlist8;
          return Role.ATTLIST_NONE;
        }
        if (tok === T.TOK_OR) {
          this.state = S.attlist6;
          return Role.ATTLIST_NONE;
        }
        return this.err(tok);
      case S.attlist8:
        if (isS) return Role.ATTLIST_NONE;
        if (tok === T.TOK_POUND_NAME) {
          const kw = w.tok.str(s + 1, e);
          if (kw === "IMPLIED") {
            this.state = S.attlist1;
            return Role.IMPLIED_ATTRIBUTE_VALUE;
          }
          if (kw === "REQUIRED") {
            this.state = S.attlist1;
            return Role.REQUIRED_ATTRIBUTE_VALUE;
          }
          if (kw === "FIXED") {
            this.state = S.attlist9;
            return Role.ATTLIST_NONE;
          }
        } else if (tok === T.TOK_LITERAL) {
          this.state = S.attlist1;
          return Role.DEFAULT_ATTRIBUTE_VALUE;
        }
        return this.err(tok);
      case S.attlist9:
        if (isS) return Role.ATTLIST_NONE;
        if (tok === T.TOK_LITERAL) {
          this.state = S.attlist1;
          return Role.FIXED_ATTRIBUTE_VALUE;
        }
        return this.err(tok);
      case S.element0:
        if (isS) return Role.ELEMENT_NONE;
        if (tok === T.TOK_NAME || tok === T.TOK_PREFIXED_NAME) {
          this.state = S.element1;
          return Role.ELEMENT_NAME;
        }
        return this.err(tok);
      case S.element1:
        if (isS) return Role.ELEMENT_NONE;
        if (tok === T.TOK_NAME) {
          if (name("EMPTY")) {
            this.state = S.declClose;
            this.roleNone = Role.ELEMENT_NONE;
            return Role.CONTENT_EMPTY;
          }
          if (name("ANY")) {
            this.state = S.declClose;
            this.roleNone = Role.ELEMENT_NONE;
            return Role.CONTENT_ANY;
          }
        } else if (tok === T.TOK_OPEN_PAREN) {
          this.state = S.element2;
          this.level = 1;
          return Role.GROUP_OPEN;
        }
        return this.err(tok);
      case S.element2:
        if (isS) return Role.ELEMENT_NONE;
        if (tok === T.TOK_POUND_NAME && w.tok.str(s + 1, e) === "PCDATA") {
          this.state = S.element3;
          return Role.CONTENT_PCDATA;
        }
        if (tok === T.TOK_OPEN_PAREN) {
          this.level = 2;
          this.state = S.element6;
          return Role.GROUP_OPEN;
        }
        return this.contentElement(tok);
      case S.element3:
        if (isS) return Role.ELEMENT_NONE;
        if (tok === T.TOK_CLOSE_PAREN) {
          this.state = S.declClose;
          this.roleNone = Role.ELEMENT_NONE;
          return Role.GROUP_CLOSE;
        }
        if (tok === T.TOK_CLOSE_PAREN_ASTERISK) {
          this.state = S.declClose;
          this.roleNone = Role.ELEMENT_NONE;
          return Role.GROUP_CLOSE_REP;
        }
        if (tok === T.TOK_OR) {
          this.state = S.element4;
          return Role.ELEMENT_NONE;
        }
        return this.err(tok);
      case S.element4:
        if (isS) return Role.ELEMENT_NONE;
        if (tok === T.TOK_NAME || tok === T.TOK_PREFIXED_NAME) {
          this.state = S.element5;
          return Role.CONTENT_ELEMENT;
        }
        return this.err(tok);
      case S.element5:
        if (isS) return Role.ELEMENT_NONE;
        if (tok === T.TOK_CLOSE_PAREN_ASTERISK) {
          this.state = S.declClose;
          this.roleNone = Role.ELEMENT_NONE;
          return Role.GROUP_CLOSE_REP;
        }
        if (tok === T.TOK_OR) {
          this.state = S.element4;
          return Role.ELEMENT_NONE;
        }
        return this.err(tok);
      case S.element6:
        if (isS) return Role.ELEMENT_NONE;
        if (tok === T.TOK_OPEN_PAREN) {
          this.level++;
          return Role.GROUP_OPEN;
        }
        return this.contentElement(tok);
      case S.element7: {
        if (isS) return Role.ELEMENT_NONE;
        const close = (r: Role): Role => {
          this.level--;
          if (this.level === 0) {
            this.state = S.declClose;
            this.roleNone = Role.ELEMENT_NONE;
          }
          return r;
        };
        switch (tok) {
          case T.TOK_CLOSE_PAREN:
            return close(Role.GROUP_CLOSE);
          case T.TOK_CLOSE_PAREN_ASTERISK:
            return close(Role.GROUP_CLOSE_REP);
          case T.TOK_CLOSE_PAREN_QUESTION:
            return close(Role.GROUP_CLOSE_OPT);
          case T.TOK_CLOSE_PAREN_PLUS:
            return close(Role.GROUP_CLOSE_PLUS);
          case T.TOK_COMMA:
            this.state = S.element6;
            return Role.GROUP_SEQUENCE;
          case T.TOK_OR:
            this.state = S.element6;
            return Role.GROUP_CHOICE;
        }
        return this.err(tok);
      }
      case S.declClose:
        if (isS) return this.roleNone;
        if (tok === T.TOK_DECL_CLOSE) {
          this.state = this.documentEntity ? S.internalSubset : S.externalSubset1;
          return this.roleNone;
        }
        return this.err(tok);
      case S.error:
        return Role.NONE;
    }
    return this.err(tok);
  }

  private contentElement(tok: number): Role {
    switch (tok) {
      case T.TOK_NAME:
      case T.TOK_PREFIXED_NAME:
        this.state = S.element7;
        return Role.CONTENT_ELEMENT;
      case T.TOK_NAME_QUESTION:
        this.state = S.element7;
        return Role.CONTENT_ELEMENT_OPT;
      case T.TOK_NAME_ASTERISK:
        this.state = S.element7;
        return Role.CONTENT_ELEMENT_REP;
      case T.TOK_NAME_PLUS:
        this.state = S.element7;
        return Role.CONTENT_ELEMENT_PLUS;
    }
    return this.err(tok);
  }
}
