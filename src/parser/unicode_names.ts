// CPython: Modules/unicodedata.c, _getcode (the \N{...} name lookup used by string literals).
//
// A small table: the algorithmic names (CJK UNIFIED IDEOGRAPH-XXXX, Hangul syllables), ASCII
// letters, digits and punctuation, and a few common symbols. Unknown names give -1, which the
// caller reports as CPython does ("unknown Unicode character name").

const COMMON: Record<string, number> = {
  "SPACE": 0x20, "NO-BREAK SPACE": 0xa0, "EM DASH": 0x2014, "EN DASH": 0x2013, "BULLET": 0x2022,
  "HORIZONTAL ELLIPSIS": 0x2026, "LEFT SINGLE QUOTATION MARK": 0x2018, "RIGHT SINGLE QUOTATION MARK": 0x2019,
  "LEFT DOUBLE QUOTATION MARK": 0x201c, "RIGHT DOUBLE QUOTATION MARK": 0x201d, "DEGREE SIGN": 0xb0,
  "COPYRIGHT SIGN": 0xa9, "REGISTERED SIGN": 0xae, "EURO SIGN": 0x20ac, "POUND SIGN": 0xa3, "YEN SIGN": 0xa5,
  "MICRO SIGN": 0xb5, "SECTION SIGN": 0xa7, "PILCROW SIGN": 0xb6, "MULTIPLICATION SIGN": 0xd7, "DIVISION SIGN": 0xf7,
  "PLUS-MINUS SIGN": 0xb1, "SNOWMAN": 0x2603, "BLACK STAR": 0x2605, "WHITE STAR": 0x2606, "CHECK MARK": 0x2713,
  "ZERO WIDTH SPACE": 0x200b, "ZERO WIDTH NON-JOINER": 0x200c, "ZERO WIDTH JOINER": 0x200d,
  "BYTE ORDER MARK": 0xfeff, "ZERO WIDTH NO-BREAK SPACE": 0xfeff, "REPLACEMENT CHARACTER": 0xfffd,
  "LINE FEED": 0x0a, "CARRIAGE RETURN": 0x0d, "CHARACTER TABULATION": 0x09, "NULL": 0x00, "ESCAPE": 0x1b,
  "DELETE": 0x7f, "LINE SEPARATOR": 0x2028, "PARAGRAPH SEPARATOR": 0x2029, "RIGHTWARDS ARROW": 0x2192,
  "LEFTWARDS ARROW": 0x2190, "UPWARDS ARROW": 0x2191, "DOWNWARDS ARROW": 0x2193, "INFINITY": 0x221e,
  "GREEK SMALL LETTER ALPHA": 0x3b1, "GREEK SMALL LETTER BETA": 0x3b2, "GREEK SMALL LETTER GAMMA": 0x3b3,
  "GREEK SMALL LETTER DELTA": 0x3b4, "GREEK SMALL LETTER PI": 0x3c0, "GREEK SMALL LETTER MU": 0x3bc,
  "GREEK CAPITAL LETTER DELTA": 0x394, "GREEK CAPITAL LETTER OMEGA": 0x3a9, "GREEK CAPITAL LETTER SIGMA": 0x3a3,
  "LATIN SMALL LETTER SHARP S": 0xdf, "LATIN SMALL LETTER E WITH ACUTE": 0xe9, "LATIN CAPITAL LETTER E WITH ACUTE": 0xc9,
  "FULL STOP": 0x2e, "COMMA": 0x2c, "COLON": 0x3a, "SEMICOLON": 0x3b, "QUOTATION MARK": 0x22, "APOSTROPHE": 0x27,
  "HYPHEN-MINUS": 0x2d, "LOW LINE": 0x5f, "REVERSE SOLIDUS": 0x5c, "SOLIDUS": 0x2f, "NUMBER SIGN": 0x23,
  "DOLLAR SIGN": 0x24, "PERCENT SIGN": 0x25, "AMPERSAND": 0x26, "ASTERISK": 0x2a, "PLUS SIGN": 0x2b,
  "EQUALS SIGN": 0x3d, "LESS-THAN SIGN": 0x3c, "GREATER-THAN SIGN": 0x3e, "QUESTION MARK": 0x3f,
  "EXCLAMATION MARK": 0x21, "COMMERCIAL AT": 0x40, "LEFT PARENTHESIS": 0x28, "RIGHT PARENTHESIS": 0x29,
  "LEFT SQUARE BRACKET": 0x5b, "RIGHT SQUARE BRACKET": 0x5d, "LEFT CURLY BRACKET": 0x7b, "RIGHT CURLY BRACKET": 0x7d,
  "VERTICAL LINE": 0x7c, "TILDE": 0x7e, "GRAVE ACCENT": 0x60, "CIRCUMFLEX ACCENT": 0x5e,
};

const DIGITS = ["ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE"];

// Hangul syllable name parts (Unicode 3.12, "Hangul Syllable Name Generation").
const JAMO_L = ["G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H"];
const JAMO_V = ["A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I"];
const JAMO_T = ["", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M", "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H"];

function hangul(rest: string): number {
  for (let l = 0; l < JAMO_L.length; l++) {
    if (!rest.startsWith(JAMO_L[l]!)) continue;
    const r1 = rest.slice(JAMO_L[l]!.length);
    for (let v = 0; v < JAMO_V.length; v++) {
      if (!r1.startsWith(JAMO_V[v]!)) continue;
      const r2 = r1.slice(JAMO_V[v]!.length);
      const t = JAMO_T.indexOf(r2);
      if (t >= 0) return 0xac00 + (l * 21 + v) * 28 + t;
    }
  }
  return -1;
}

/** The code point named `name` (case-insensitive), or -1. */
export function lookupUnicodeName(name: string): number {
  const n = name.toUpperCase();
  const c = COMMON[n];
  if (c !== undefined) return c;
  let m = /^LATIN (SMALL|CAPITAL) LETTER ([A-Z])$/.exec(n);
  if (m) return m[2]!.charCodeAt(0) + (m[1] === "SMALL" ? 32 : 0);
  m = /^DIGIT ([A-Z]+)$/.exec(n);
  if (m) {
    const d = DIGITS.indexOf(m[1]!);
    if (d >= 0) return 48 + d;
  }
  m = /^CJK UNIFIED IDEOGRAPH-([0-9A-F]{4,5})$/.exec(n);
  if (m) {
    const v = parseInt(m[1]!, 16);
    if ((v >= 0x4e00 && v <= 0x9fff) || (v >= 0x3400 && v <= 0x4dbf) || (v >= 0x20000 && v <= 0x2a6df)) return v;
  }
  if (n.startsWith("HANGUL SYLLABLE ")) return hangul(n.slice(16));
  return -1;
}
