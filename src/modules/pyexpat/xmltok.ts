// CPython: Modules/expat/xmltok.c, xmltok_impl.c — expat's tokenizer. Ours scans decoded code points
// (a window of the input, see xmlinput.ts) rather than bytes, with the same token boundaries,
// the same error positions and the same "partial" results at the end of the available data.

// Character classes (expat: BT_*). MALFORM is an undecodable byte, PARTIAL an incomplete
// multi-byte sequence at the end of the data.
export const BT_NONXML = 0, BT_MALFORM = 1, BT_LT = 2, BT_AMP = 3, BT_RSQB = 4, BT_PARTIAL = 5, BT_CR = 9,
  BT_LF = 10, BT_GT = 11, BT_QUOT = 12, BT_APOS = 13, BT_EQUALS = 14, BT_QUEST = 15, BT_EXCL = 16, BT_SOL = 17,
  BT_SEMI = 18, BT_NUM = 19, BT_LSQB = 20, BT_S = 21, BT_NMSTRT = 22, BT_COLON = 23, BT_HEX = 24, BT_DIGIT = 25,
  BT_NAME = 26, BT_MINUS = 27, BT_OTHER = 28, BT_PERCNT = 30, BT_LPAR = 31, BT_RPAR = 32, BT_AST = 33,
  BT_PLUS = 34, BT_COMMA = 35, BT_VERBAR = 36;

/** Code points standing for bytes that are not characters. */
export const CP_MALFORM = -1, CP_PARTIAL = -2, CP_ODD = -3;

// Tokens (expat: XML_TOK_*).
export const TOK_TRAILING_RSQB = -5, TOK_NONE = -4, TOK_TRAILING_CR = -3, TOK_PARTIAL_CHAR = -2, TOK_PARTIAL = -1,
  TOK_INVALID = 0, TOK_START_TAG_WITH_ATTS = 1, TOK_START_TAG_NO_ATTS = 2, TOK_EMPTY_ELEMENT_WITH_ATTS = 3,
  TOK_EMPTY_ELEMENT_NO_ATTS = 4, TOK_END_TAG = 5, TOK_DATA_CHARS = 6, TOK_DATA_NEWLINE = 7, TOK_CDATA_SECT_OPEN = 8,
  TOK_ENTITY_REF = 9, TOK_CHAR_REF = 10, TOK_PI = 11, TOK_XML_DECL = 12, TOK_COMMENT = 13, TOK_BOM = 14,
  TOK_PROLOG_S = 15, TOK_DECL_OPEN = 16, TOK_DECL_CLOSE = 17, TOK_NAME = 18, TOK_NMTOKEN = 19, TOK_POUND_NAME = 20,
  TOK_OR = 21, TOK_PERCENT = 22, TOK_OPEN_PAREN = 23, TOK_CLOSE_PAREN = 24, TOK_OPEN_BRACKET = 25,
  TOK_CLOSE_BRACKET = 26, TOK_LITERAL = 27, TOK_PARAM_ENTITY_REF = 28, TOK_INSTANCE_START = 29,
  TOK_NAME_QUESTION = 30, TOK_NAME_ASTERISK = 31, TOK_NAME_PLUS = 32, TOK_COND_SECT_OPEN = 33,
  TOK_COND_SECT_CLOSE = 34, TOK_CLOSE_PAREN_QUESTION = 35, TOK_CLOSE_PAREN_ASTERISK = 36, TOK_CLOSE_PAREN_PLUS = 37,
  TOK_COMMA = 38, TOK_ATTRIBUTE_VALUE_S = 39, TOK_CDATA_SECT_CLOSE = 40, TOK_PREFIXED_NAME = 41;

const ASCII = new Uint8Array(128).fill(BT_NONXML);
(() => {
  const set = (chars: string, t: number) => {
    for (const c of chars) ASCII[c.charCodeAt(0)] = t;
  };
  for (let c = 0x20; c < 0x7f; c++) ASCII[c] = BT_OTHER;
  ASCII[0x7f] = BT_OTHER;
  ASCII[9] = BT_S;
  ASCII[10] = BT_LF;
  ASCII[13] = BT_CR;
  set(" ", BT_S);
  set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_", BT_NMSTRT);
  set("abcdefABCDEF", BT_HEX);
  set("0123456789", BT_DIGIT);
  set(".", BT_NAME);
  set("-", BT_MINUS);
  set(":", BT_NMSTRT);
  set("<", BT_LT);
  set("&", BT_AMP);
  set("]", BT_RSQB);
  set(">", BT_GT);
  set('"', BT_QUOT);
  set("'", BT_APOS);
  set("=", BT_EQUALS);
  set("?", BT_QUEST);
  set("!", BT_EXCL);
  set("/", BT_SOL);
  set(";", BT_SEMI);
  set("#", BT_NUM);
  set("[", BT_LSQB);
  set("%", BT_PERCNT);
  set("(", BT_LPAR);
  set(")", BT_RPAR);
  set("*", BT_AST);
  set("+", BT_PLUS);
  set(",", BT_COMMA);
  set("|", BT_VERBAR);
})();

// expat's name tables follow XML 1.0's original character classes; Unicode categories are close.
const NMSTRT_RE = /[\p{L}\p{Nl}_]/u;
const NAME_RE = /[\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Me}\p{Nd}\p{Lm}\u00b7\u0387]/u;
const nonAsciiType = new Uint8Array(0x10000);
const nonAsciiDone = new Uint8Array(0x10000);

function bmpType(c: number): number {
  if (nonAsciiDone[c]) return nonAsciiType[c];
  let t = BT_OTHER;
  if ((c >= 0xd800 && c <= 0xdfff) || c === 0xfffe || c === 0xffff) t = BT_MALFORM;
  else {
    const s = String.fromCharCode(c);
    if (NMSTRT_RE.test(s)) t = BT_NMSTRT;
    else if (NAME_RE.test(s)) t = BT_NAME;
  }
  nonAsciiType[c] = t;
  nonAsciiDone[c] = 1;
  return t;
}

/** The tokenizer over one window of code points. `ns`: colon is a namespace separator. */
export class Tokenizer {
  /** End of the last token (expat: *nextTokPtr). */
  next = 0;
  constructor(
    public cp: Int32Array,
    public ns: boolean,
  ) {}

  bt(i: number): number {
    const c = this.cp[i];
    if (c < 128) {
      if (c >= 0) {
        if (c === 0x3a && this.ns) return BT_COLON;
        return ASCII[c];
      }
      return c === CP_PARTIAL || c === CP_ODD ? BT_PARTIAL : BT_MALFORM;
    }
    if (c < 0x10000) return bmpType(c);
    return BT_OTHER;
  }

  private inv(i: number): number {
    this.next = i;
    return TOK_INVALID;
  }

  /** Name characters (expat: CHECK_NAME_CASES); returns 1 to advance, 0 not a name char, <0 a result. */
  private nameStep(t: number, i: number): number {
    switch (t) {
      case BT_NMSTRT: case BT_HEX: case BT_DIGIT: case BT_NAME: case BT_MINUS:
        return 1;
      case BT_PARTIAL:
        return TOK_PARTIAL_CHAR;
      case BT_MALFORM:
      case BT_NONXML:
        this.next = i;
        return TOK_INVALID - 100;
    }
    return 0;
  }

  /** CHECK_NMSTRT_CASES: 1 advance, 0 not, TOK_PARTIAL_CHAR. */
  private nmstrtStep(t: number): number {
    if (t === BT_NMSTRT || t === BT_HEX) return 1;
    if (t === BT_PARTIAL) return TOK_PARTIAL_CHAR;
    return 0;
  }

  /** INVALID_CASES: NaN when not invalid, else the token. */
  private invalidCase(t: number, i: number): number {
    // an odd byte of UTF-16 is cut off before scanning (expat), so the token is just partial
    if (t === BT_PARTIAL) return this.cp[i] === CP_ODD ? TOK_PARTIAL : TOK_PARTIAL_CHAR;
    if (t === BT_MALFORM || t === BT_NONXML) return this.inv(i);
    return NaN;
  }

  private scanComment(p: number, end: number): number {
    if (p < end) {
      if (this.cp[p] !== 0x2d) return this.inv(p);
      p++;
      while (p < end) {
        const t = this.bt(p);
        const r = this.invalidCase(t, p);
        if (r === r) return r;
        if (t === BT_MINUS) {
          p++;
          if (p >= end) return TOK_PARTIAL;
          if (this.cp[p] === 0x2d) {
            p++;
            if (p >= end) return TOK_PARTIAL;
            if (this.cp[p] !== 0x3e) return this.inv(p);
            this.next = p + 1;
            return TOK_COMMENT;
          }
        } else p++;
      }
    }
    return TOK_PARTIAL;
  }

  private scanDecl(p: number, end: number): number {
    if (p >= end) return TOK_PARTIAL;
    switch (this.bt(p)) {
      case BT_MINUS:
        return this.scanComment(p + 1, end);
      case BT_LSQB:
        this.next = p + 1;
        return TOK_COND_SECT_OPEN;
      case BT_NMSTRT: case BT_HEX:
        p++;
        break;
      default:
        return this.inv(p);
    }
    while (p < end) {
      switch (this.bt(p)) {
        case BT_PERCNT: {
          if (p + 1 >= end) return TOK_PARTIAL;
          const t2 = this.bt(p + 1);
          if (t2 === BT_S || t2 === BT_CR || t2 === BT_LF || t2 === BT_PERCNT) return this.inv(p);
          this.next = p;
          return TOK_DECL_OPEN;
        }
        case BT_S: case BT_CR: case BT_LF:
          this.next = p;
          return TOK_DECL_OPEN;
        case BT_NMSTRT: case BT_HEX:
          p++;
          break;
        default:
          return this.inv(p);
      }
    }
    return TOK_PARTIAL;
  }

  /** 0 invalid (uppercase-insensitive "xml"), else the token (PI or XML_DECL). */
  private checkPiTarget(s: number, e: number): number {
    if (e - s !== 3) return TOK_PI;
    const a = this.cp[s], b = this.cp[s + 1], c = this.cp[s + 2];
    let upper = false;
    if (a === 0x58) upper = true;
    else if (a !== 0x78) return TOK_PI;
    if (b === 0x4d) upper = true;
    else if (b !== 0x6d) return TOK_PI;
    if (c === 0x4c) upper = true;
    else if (c !== 0x6c) return TOK_PI;
    return upper ? 0 : TOK_XML_DECL;
  }

  private scanPi(p: number, end: number): number {
    const target = p;
    if (p >= end) return TOK_PARTIAL;
    const s0 = this.nmstrtStep(this.bt(p));
    if (s0 < 0) return s0;
    if (s0 === 0) return this.inv(p);
    p++;
    while (p < end) {
      const t = this.bt(p);
      const ns = this.nameStep(t, p);
      if (ns === 1) {
        p++;
        continue;
      }
      if (ns < 0) return ns === TOK_INVALID - 100 ? TOK_INVALID : ns;
      if (t === BT_S || t === BT_CR || t === BT_LF) {
        const tok = this.checkPiTarget(target, p);
        if (!tok) return this.inv(p);
        p++;
        while (p < end) {
          const t2 = this.bt(p);
          const r = this.invalidCase(t2, p);
          if (r === r) return r;
          p++;
          if (t2 === BT_QUEST) {
            if (p >= end) return TOK_PARTIAL;
            if (this.cp[p] === 0x3e) {
              this.next = p + 1;
              return tok;
            }
          }
        }
        return TOK_PARTIAL;
      }
      if (t === BT_QUEST) {
        const tok = this.checkPiTarget(target, p);
        if (!tok) return this.inv(p);
        p++;
        if (p >= end) return TOK_PARTIAL;
        if (this.cp[p] === 0x3e) {
          this.next = p + 1;
          return tok;
        }
      }
      return this.inv(p);
    }
    return TOK_PARTIAL;
  }

  private scanCdataSection(p: number, end: number): number {
    if (end - p < 6) return TOK_PARTIAL;
    const want = [0x43, 0x44, 0x41, 0x54, 0x41, 0x5b];
    for (let i = 0; i < 6; i++, p++) if (this.cp[p] !== want[i]) return this.inv(p);
    this.next = p;
    return TOK_CDATA_SECT_OPEN;
  }

  cdataSectionTok(p: number, end: number): number {
    if (p >= end) return TOK_NONE;
    const t = this.bt(p);
    switch (t) {
      case BT_RSQB:
        p++;
        if (p >= end) return TOK_PARTIAL;
        if (this.cp[p] !== 0x5d) break;
        p++;
        if (p >= end) return TOK_PARTIAL;
        if (this.cp[p] !== 0x3e) {
          p--;
          break;
        }
        this.next = p + 1;
        return TOK_CDATA_SECT_CLOSE;
      case BT_CR:
        p++;
        if (p >= end) return TOK_PARTIAL;
        if (this.bt(p) === BT_LF) p++;
        this.next = p;
        return TOK_DATA_NEWLINE;
      case BT_LF:
        this.next = p + 1;
        return TOK_DATA_NEWLINE;
      default: {
        const r = this.invalidCase(t, p);
        if (r === r) return r;
        p++;
      }
    }
    while (p < end) {
      switch (this.bt(p)) {
        case BT_NONXML: case BT_MALFORM: case BT_PARTIAL: case BT_CR: case BT_LF: case BT_RSQB:
          this.next = p;
          return TOK_DATA_CHARS;
        default:
          p++;
      }
    }
    this.next = p;
    return TOK_DATA_CHARS;
  }

  private scanEndTag(p: number, end: number): number {
    if (p >= end) return TOK_PARTIAL;
    const s0 = this.nmstrtStep(this.bt(p));
    if (s0 < 0) return s0;
    if (s0 === 0) return this.inv(p);
    p++;
    while (p < end) {
      const t = this.bt(p);
      const ns = this.nameStep(t, p);
      if (ns === 1) {
        p++;
        continue;
      }
      if (ns < 0) return ns === TOK_INVALID - 100 ? TOK_INVALID : ns;
      switch (t) {
        case BT_S: case BT_CR: case BT_LF:
          for (p++; p < end; p++) {
            const t2 = this.bt(p);
            if (t2 === BT_S || t2 === BT_CR || t2 === BT_LF) continue;
            if (t2 === BT_GT) {
              this.next = p + 1;
              return TOK_END_TAG;
            }
            return this.inv(p);
          }
          return TOK_PARTIAL;
        case BT_COLON:
          p++;
          break;
        case BT_GT:
          this.next = p + 1;
          return TOK_END_TAG;
        default:
          return this.inv(p);
      }
    }
    return TOK_PARTIAL;
  }

  private scanHexCharRef(p: number, end: number): number {
    if (p < end) {
      const t = this.bt(p);
      if (t !== BT_DIGIT && t !== BT_HEX) return this.inv(p);
      for (p++; p < end; p++) {
        const t2 = this.bt(p);
        if (t2 === BT_DIGIT || t2 === BT_HEX) continue;
        if (t2 === BT_SEMI) {
          this.next = p + 1;
          return TOK_CHAR_REF;
        }
        return this.inv(p);
      }
    }
    return TOK_PARTIAL;
  }

  private scanCharRef(p: number, end: number): number {
    if (p < end) {
      if (this.cp[p] === 0x78) return this.scanHexCharRef(p + 1, end);
      if (this.bt(p) !== BT_DIGIT) return this.inv(p);
      for (p++; p < end; p++) {
        const t2 = this.bt(p);
        if (t2 === BT_DIGIT) continue;
        if (t2 === BT_SEMI) {
          this.next = p + 1;
          return TOK_CHAR_REF;
        }
        return this.inv(p);
      }
    }
    return TOK_PARTIAL;
  }

  scanRef(p: number, end: number): number {
    if (p >= end) return TOK_PARTIAL;
    const t0 = this.bt(p);
    if (t0 === BT_NUM) return this.scanCharRef(p + 1, end);
    const s0 = this.nmstrtStep(t0);
    if (s0 < 0) return s0;
    if (s0 === 0) return this.inv(p);
    p++;
    while (p < end) {
      const t = this.bt(p);
      const ns = this.nameStep(t, p);
      if (ns === 1) {
        p++;
        continue;
      }
      if (ns < 0) return ns === TOK_INVALID - 100 ? TOK_INVALID : ns;
      if (t === BT_SEMI) {
        this.next = p + 1;
        return TOK_ENTITY_REF;
      }
      return this.inv(p);
    }
    return TOK_PARTIAL;
  }

  /** After the first character of an attribute name. */
  private scanAtts(p: number, end: number): number {
    let hadColon = false;
    while (p < end) {
      const t = this.bt(p);
      const ns = this.nameStep(t, p);
      if (ns === 1) {
        p++;
        continue;
      }
      if (ns < 0) return ns === TOK_INVALID - 100 ? TOK_INVALID : ns;
      switch (t) {
        case BT_COLON: {
          if (hadColon) return this.inv(p);
          hadColon = true;
          p++;
          if (p >= end) return TOK_PARTIAL;
          const s = this.nmstrtStep(this.bt(p));
          if (s < 0) return s;
          if (s === 0) return this.inv(p);
          p++;
          continue;
        }
        case BT_S: case BT_CR: case BT_LF:
        case BT_EQUALS: {
          if (t !== BT_EQUALS) {
            for (;;) {
              p++;
              if (p >= end) return TOK_PARTIAL;
              const t2 = this.bt(p);
              if (t2 === BT_EQUALS) break;
              if (t2 !== BT_S && t2 !== BT_LF && t2 !== BT_CR) return this.inv(p);
            }
          }
          hadColon = false;
          let open: number;
          for (;;) {
            p++;
            if (p >= end) return TOK_PARTIAL;
            open = this.bt(p);
            if (open === BT_QUOT || open === BT_APOS) break;
            if (open !== BT_S && open !== BT_LF && open !== BT_CR) return this.inv(p);
          }
          p++;
          for (;;) {
            if (p >= end) return TOK_PARTIAL;
            const t2 = this.bt(p);
            if (t2 === open) break;
            const r = this.invalidCase(t2, p);
            if (r === r) return r;
            if (t2 === BT_AMP) {
              const tok = this.scanRef(p + 1, end);
              if (tok <= 0) return tok;
              p = this.next;
              continue;
            }
            if (t2 === BT_LT) return this.inv(p);
            p++;
          }
          p++;
          if (p >= end) return TOK_PARTIAL;
          let t3 = this.bt(p);
          if (t3 === BT_SOL) return this.sol(p, TOK_EMPTY_ELEMENT_WITH_ATTS, end);
          if (t3 === BT_GT) {
            this.next = p + 1;
            return TOK_START_TAG_WITH_ATTS;
          }
          if (t3 !== BT_S && t3 !== BT_CR && t3 !== BT_LF) return this.inv(p);
          for (;;) {
            p++;
            if (p >= end) return TOK_PARTIAL;
            t3 = this.bt(p);
            const s = this.nmstrtStep(t3);
            if (s < 0) return s;
            if (s === 1) {
              p++;
              break;
            }
            if (t3 === BT_S || t3 === BT_CR || t3 === BT_LF) continue;
            if (t3 === BT_GT) {
              this.next = p + 1;
              return TOK_START_TAG_WITH_ATTS;
            }
            if (t3 === BT_SOL) return this.sol(p, TOK_EMPTY_ELEMENT_WITH_ATTS, end);
            return this.inv(p);
          }
          continue;
        }
        default:
          return this.inv(p);
      }
    }
    return TOK_PARTIAL;
  }

  private sol(p: number, tok: number, end: number): number {
    p++;
    if (p >= end) return TOK_PARTIAL;
    if (this.cp[p] !== 0x3e) return this.inv(p);
    this.next = p + 1;
    return tok;
  }

  private scanLt(p: number, end: number): number {
    if (p >= end) return TOK_PARTIAL;
    const t0 = this.bt(p);
    switch (t0) {
      case BT_EXCL:
        p++;
        if (p >= end) return TOK_PARTIAL;
        if (this.bt(p) === BT_MINUS) return this.scanComment(p + 1, end);
        if (this.bt(p) === BT_LSQB) return this.scanCdataSection(p + 1, end);
        return this.inv(p);
      case BT_QUEST:
        return this.scanPi(p + 1, end);
      case BT_SOL:
        return this.scanEndTag(p + 1, end);
    }
    const s0 = this.nmstrtStep(t0);
    if (s0 < 0) return s0;
    if (s0 === 0) return this.inv(p);
    p++;
    let hadColon = false;
    while (p < end) {
      const t = this.bt(p);
      const ns = this.nameStep(t, p);
      if (ns === 1) {
        p++;
        continue;
      }
      if (ns < 0) return ns === TOK_INVALID - 100 ? TOK_INVALID : ns;
      switch (t) {
        case BT_COLON: {
          if (hadColon) return this.inv(p);
          hadColon = true;
          p++;
          if (p >= end) return TOK_PARTIAL;
          const s = this.nmstrtStep(this.bt(p));
          if (s < 0) return s;
          if (s === 0) return this.inv(p);
          p++;
          continue;
        }
        case BT_S: case BT_CR: case BT_LF:
          p++;
          while (p < end) {
            const t2 = this.bt(p);
            const s = this.nmstrtStep(t2);
            if (s < 0) return s;
            if (s === 1) return this.scanAtts(p + 1, end);
            if (t2 === BT_GT) {
              this.next = p + 1;
              return TOK_START_TAG_NO_ATTS;
            }
            if (t2 === BT_SOL) return this.sol(p, TOK_EMPTY_ELEMENT_NO_ATTS, end);
            if (t2 === BT_S || t2 === BT_CR || t2 === BT_LF) {
              p++;
              continue;
            }
            return this.inv(p);
          }
          return TOK_PARTIAL;
        case BT_GT:
          this.next = p + 1;
          return TOK_START_TAG_NO_ATTS;
        case BT_SOL:
          return this.sol(p, TOK_EMPTY_ELEMENT_NO_ATTS, end);
        default:
          return this.inv(p);
      }
    }
    return TOK_PARTIAL;
  }

  contentTok(p: number, end: number): number {
    if (p >= end) return TOK_NONE;
    const t0 = this.bt(p);
    switch (t0) {
      case BT_LT:
        return this.scanLt(p + 1, end);
      case BT_AMP:
        return this.scanRef(p + 1, end);
      case BT_CR:
        p++;
        if (p >= end) return TOK_TRAILING_CR;
        if (this.bt(p) === BT_LF) p++;
        this.next = p;
        return TOK_DATA_NEWLINE;
      case BT_LF:
        this.next = p + 1;
        return TOK_DATA_NEWLINE;
      case BT_RSQB:
        p++;
        if (p >= end) return TOK_TRAILING_RSQB;
        if (this.cp[p] !== 0x5d) break;
        p++;
        if (p >= end) return TOK_TRAILING_RSQB;
        if (this.cp[p] !== 0x3e) {
          p--;
          break;
        }
        return this.inv(p);
      default: {
        const r = this.invalidCase(t0, p);
        if (r === r) return r;
        p++;
      }
    }
    while (p < end) {
      const t = this.bt(p);
      switch (t) {
        case BT_RSQB:
          if (p + 2 <= end) {
            if (this.cp[p + 1] !== 0x5d) {
              p++;
              continue;
            }
            if (p + 3 <= end) {
              if (this.cp[p + 2] !== 0x3e) {
                p++;
                continue;
              }
              return this.inv(p + 2);
            }
          }
          this.next = p;
          return TOK_DATA_CHARS;
        case BT_AMP: case BT_LT: case BT_NONXML: case BT_MALFORM: case BT_PARTIAL: case BT_CR: case BT_LF:
          this.next = p;
          return TOK_DATA_CHARS;
        default:
          p++;
      }
    }
    this.next = p;
    return TOK_DATA_CHARS;
  }

  private scanPercent(p: number, end: number): number {
    if (p >= end) return TOK_PARTIAL;
    const t0 = this.bt(p);
    const s0 = this.nmstrtStep(t0);
    if (s0 < 0) return s0;
    if (s0 === 0) {
      if (t0 === BT_S || t0 === BT_LF || t0 === BT_CR || t0 === BT_PERCNT) {
        this.next = p;
        return TOK_PERCENT;
      }
      return this.inv(p);
    }
    p++;
    while (p < end) {
      const t = this.bt(p);
      const ns = this.nameStep(t, p);
      if (ns === 1) {
        p++;
        continue;
      }
      if (ns < 0) return ns === TOK_INVALID - 100 ? TOK_INVALID : ns;
      if (t === BT_SEMI) {
        this.next = p + 1;
        return TOK_PARAM_ENTITY_REF;
      }
      return this.inv(p);
    }
    return TOK_PARTIAL;
  }

  private scanPoundName(p: number, end: number): number {
    if (p >= end) return TOK_PARTIAL;
    const s0 = this.nmstrtStep(this.bt(p));
    if (s0 < 0) return s0;
    if (s0 === 0) return this.inv(p);
    p++;
    while (p < end) {
      const t = this.bt(p);
      const ns = this.nameStep(t, p);
      if (ns === 1) {
        p++;
        continue;
      }
      if (ns < 0) return ns === TOK_INVALID - 100 ? TOK_INVALID : ns;
      switch (t) {
        case BT_CR: case BT_LF: case BT_S: case BT_RPAR: case BT_GT: case BT_PERCNT: case BT_VERBAR:
          this.next = p;
          return TOK_POUND_NAME;
      }
      return this.inv(p);
    }
    this.next = end;
    return -TOK_POUND_NAME;
  }

  private scanLit(open: number, p: number, end: number): number {
    while (p < end) {
      const t = this.bt(p);
      const r = this.invalidCase(t, p);
      if (r === r) return r;
      p++;
      if ((t === BT_QUOT || t === BT_APOS) && t === open) {
        this.next = p;
        if (p >= end) return -TOK_LITERAL;
        switch (this.bt(p)) {
          case BT_S: case BT_CR: case BT_LF: case BT_GT: case BT_PERCNT: case BT_LSQB:
            return TOK_LITERAL;
        }
        return TOK_INVALID;
      }
    }
    return TOK_PARTIAL;
  }

  prologTok(p: number, end: number): number {
    if (p >= end) return TOK_NONE;
    let tok: number;
    const t0 = this.bt(p);
    switch (t0) {
      case BT_QUOT:
        return this.scanLit(BT_QUOT, p + 1, end);
      case BT_APOS:
        return this.scanLit(BT_APOS, p + 1, end);
      case BT_LT: {
        p++;
        if (p >= end) return TOK_PARTIAL;
        const t = this.bt(p);
        if (t === BT_EXCL) return this.scanDecl(p + 1, end);
        if (t === BT_QUEST) return this.scanPi(p + 1, end);
        if (t === BT_NMSTRT || t === BT_HEX || t === BT_PARTIAL || this.cp[p] >= 128) {
          // expat: any non-ASCII character may start the instance (the content tokenizer checks it)
          this.next = p - 1;
          return TOK_INSTANCE_START;
        }
        return this.inv(p);
      }
      case BT_CR:
      case BT_S: case BT_LF:
        if (t0 === BT_CR && p + 1 === end) {
          this.next = end;
          return -TOK_PROLOG_S;
        }
        for (;;) {
          p++;
          if (p >= end) break;
          const t = this.bt(p);
          if (t === BT_S || t === BT_LF) continue;
          if (t === BT_CR && p + 1 !== end) continue;
          this.next = p;
          return TOK_PROLOG_S;
        }
        this.next = p;
        return TOK_PROLOG_S;
      case BT_PERCNT:
        return this.scanPercent(p + 1, end);
      case BT_COMMA:
        this.next = p + 1;
        return TOK_COMMA;
      case BT_LSQB:
        this.next = p + 1;
        return TOK_OPEN_BRACKET;
      case BT_RSQB:
        p++;
        if (p >= end) {
          this.next = end;
          return -TOK_CLOSE_BRACKET;
        }
        if (this.cp[p] === 0x5d) {
          if (p + 2 > end) return TOK_PARTIAL;
          if (this.cp[p + 1] === 0x3e) {
            this.next = p + 2;
            return TOK_COND_SECT_CLOSE;
          }
        }
        this.next = p;
        return TOK_CLOSE_BRACKET;
      case BT_LPAR:
        this.next = p + 1;
        return TOK_OPEN_PAREN;
      case BT_RPAR:
        p++;
        if (p >= end) {
          this.next = end;
          return -TOK_CLOSE_PAREN;
        }
        switch (this.bt(p)) {
          case BT_AST:
            this.next = p + 1;
            return TOK_CLOSE_PAREN_ASTERISK;
          case BT_QUEST:
            this.next = p + 1;
            return TOK_CLOSE_PAREN_QUESTION;
          case BT_PLUS:
            this.next = p + 1;
            return TOK_CLOSE_PAREN_PLUS;
          case BT_CR: case BT_LF: case BT_S: case BT_GT: case BT_COMMA: case BT_VERBAR: case BT_RPAR:
            this.next = p;
            return TOK_CLOSE_PAREN;
        }
        return this.inv(p);
      case BT_VERBAR:
        this.next = p + 1;
        return TOK_OR;
      case BT_GT:
        this.next = p + 1;
        return TOK_DECL_CLOSE;
      case BT_NUM:
        return this.scanPoundName(p + 1, end);
      case BT_NMSTRT: case BT_HEX:
        tok = TOK_NAME;
        p++;
        break;
      case BT_DIGIT: case BT_NAME: case BT_MINUS: case BT_COLON:
        tok = TOK_NMTOKEN;
        p++;
        break;
      case BT_PARTIAL:
        return TOK_PARTIAL_CHAR;
      default:
        return this.inv(p);
    }
    while (p < end) {
      const t = this.bt(p);
      const ns = this.nameStep(t, p);
      if (ns === 1) {
        p++;
        continue;
      }
      if (ns < 0) return ns === TOK_INVALID - 100 ? TOK_INVALID : ns;
      switch (t) {
        case BT_GT: case BT_RPAR: case BT_COMMA: case BT_VERBAR: case BT_LSQB: case BT_PERCNT:
        case BT_S: case BT_CR: case BT_LF:
          this.next = p;
          return tok;
        case BT_COLON:
          p++;
          if (tok === TOK_NAME) {
            if (p >= end) return TOK_PARTIAL;
            tok = TOK_PREFIXED_NAME;
            const n2 = this.nameStep(this.bt(p), p);
            if (n2 === 1) p++;
            else if (n2 < 0) return n2 === TOK_INVALID - 100 ? TOK_INVALID : n2;
            else tok = TOK_NMTOKEN;
          } else if (tok === TOK_PREFIXED_NAME) tok = TOK_NMTOKEN;
          continue;
        case BT_PLUS:
          if (tok === TOK_NMTOKEN) return this.inv(p);
          this.next = p + 1;
          return TOK_NAME_PLUS;
        case BT_AST:
          if (tok === TOK_NMTOKEN) return this.inv(p);
          this.next = p + 1;
          return TOK_NAME_ASTERISK;
        case BT_QUEST:
          if (tok === TOK_NMTOKEN) return this.inv(p);
          this.next = p + 1;
          return TOK_NAME_QUESTION;
      }
      return this.inv(p);
    }
    this.next = end;
    return -tok;
  }

  /** Tokens of an attribute value being normalized (expat: attributeValueTok). */
  attributeValueTok(p: number, end: number): number {
    if (p >= end) return TOK_NONE;
    const start = p;
    while (p < end) {
      switch (this.bt(p)) {
        case BT_AMP:
          if (p === start) return this.scanRef(p + 1, end);
          this.next = p;
          return TOK_DATA_CHARS;
        case BT_LT:
          return this.inv(p);
        case BT_LF:
          if (p === start) {
            this.next = p + 1;
            return TOK_DATA_NEWLINE;
          }
          this.next = p;
          return TOK_DATA_CHARS;
        case BT_CR:
          if (p === start) {
            p++;
            if (p >= end) return TOK_TRAILING_CR;
            if (this.bt(p) === BT_LF) p++;
            this.next = p;
            return TOK_DATA_NEWLINE;
          }
          this.next = p;
          return TOK_DATA_CHARS;
        case BT_S:
          if (p === start) {
            this.next = p + 1;
            return TOK_ATTRIBUTE_VALUE_S;
          }
          this.next = p;
          return TOK_DATA_CHARS;
        default:
          p++;
      }
    }
    this.next = p;
    return TOK_DATA_CHARS;
  }

  /** Tokens of an entity value literal (expat: entityValueTok). */
  entityValueTok(p: number, end: number): number {
    if (p >= end) return TOK_NONE;
    const start = p;
    while (p < end) {
      switch (this.bt(p)) {
        case BT_AMP:
          if (p === start) return this.scanRef(p + 1, end);
          this.next = p;
          return TOK_DATA_CHARS;
        case BT_PERCNT:
          if (p === start) {
            const tok = this.scanPercent(p + 1, end);
            return tok === TOK_PERCENT ? this.inv(p + 1) : tok;
          }
          this.next = p;
          return TOK_DATA_CHARS;
        case BT_LF:
          if (p === start) {
            this.next = p + 1;
            return TOK_DATA_NEWLINE;
          }
          this.next = p;
          return TOK_DATA_CHARS;
        case BT_CR:
          if (p === start) {
            p++;
            if (p >= end) return TOK_TRAILING_CR;
            if (this.bt(p) === BT_LF) p++;
            this.next = p;
            return TOK_DATA_NEWLINE;
          }
          this.next = p;
          return TOK_DATA_CHARS;
        default:
          p++;
      }
    }
    this.next = p;
    return TOK_DATA_CHARS;
  }

  /** Length of the name starting at p (expat: XmlNameLength). */
  nameLength(p: number): number {
    const s = p;
    for (;;) {
      const t = this.bt(p);
      if (t === BT_NMSTRT || t === BT_HEX || t === BT_DIGIT || t === BT_NAME || t === BT_MINUS || t === BT_COLON) p++;
      else return p - s;
    }
  }

  /** Skips white space (expat: XmlSkipS). */
  skipS(p: number): number {
    for (;;) {
      const t = this.bt(p);
      if (t === BT_S || t === BT_CR || t === BT_LF) p++;
      else return p;
    }
  }

  str(s: number, e: number): string {
    let out = "";
    for (let i = s; i < e; i++) out += String.fromCodePoint(this.cp[i]);
    return out;
  }

  /** The value of a character reference token (expat: XmlCharRefNumber); -1 when not a legal char. */
  charRefNumber(s: number): number {
    let p = s + 2;
    let n = 0;
    if (this.cp[p] === 0x78) {
      for (p++; this.cp[p] !== 0x3b; p++) {
        const c = this.cp[p];
        const d = c <= 0x39 ? c - 0x30 : (c | 0x20) - 0x61 + 10;
        n = n * 16 + d;
        if (n >= 0x110000) return -1;
      }
    } else {
      for (; this.cp[p] !== 0x3b; p++) {
        n = n * 10 + (this.cp[p] - 0x30);
        if (n >= 0x110000) return -1;
      }
    }
    return checkCharRefNumber(n);
  }

  /** The predefined entity named by [s, e) (expat: XmlPredefinedEntityName), or 0. */
  predefinedEntityName(s: number, e: number): number {
    const name = this.str(s, e);
    switch (name) {
      case "lt": return 0x3c;
      case "gt": return 0x3e;
      case "amp": return 0x26;
      case "quot": return 0x22;
      case "apos": return 0x27;
    }
    return 0;
  }
}

function checkCharRefNumber(n: number): number {
  if (n >= 0xd800 && n <= 0xdfff) return -1;
  if (n === 0xfffe || n === 0xffff) return -1;
  if (n < 0x20 && n !== 9 && n !== 10 && n !== 13) return -1;
  return n;
}
