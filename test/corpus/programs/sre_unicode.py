# Unicode: \w \d \s classes, case-insensitive matching, astral characters, ranges, ASCII flag.
import re

def f(pat, s, flags=0):
    try:
        print(repr(pat), repr(s), re.findall(pat, s, flags))
    except Exception as e:
        print(repr(pat), type(e).__name__, e)

f(r"\w+", "naïve café ßtraße Ωmega 日本語 ٣٤ x_y"); f(r"\w+", "naïve café", re.A); f(r"\d+", "12 ٣٤ ५६ ７８ ²³")
f(r"\d+", "12 ٣٤", re.A); f(r"\s+", "a\u00a0b\u2003c\u3000d\x1ce\x85f\u200bg"); f(r"\s+", "a\u00a0b\x85c", re.A)
f(r"\W+", "a\u00e9b\u0301c!"); f(r"\b\w", "ωa βb"); f(r"\b\w", "ωa βb", re.A)
f(r"[\w]+", "été"); f(r"[\d]+", "٣x"); f(r"[\s]+", "\u3000x"); f(r"[^\w\s]+", "a,é!ü?")
f(r"é", "ÉéE", re.I); f(r"[é]", "ÉéE", re.I); f(r"[à-ÿ]+", "ÀÉÎõü", re.I); f(r"ω", "Ω", re.I); f(r"Ω", "ω", re.I)
f(r"ß", "ẞß", re.I); f(r"ẞ", "ß", re.I); f(r"ſ", "sS", re.I); f(r"s", "ſ", re.I); f(r"[a-z]+", "ſK\u212a", re.I)
f(r"[a-z]+", "ſK\u212a", re.I | re.A); f(r"k", "\u212a", re.I); f(r"µ", "Μμ", re.I); f(r"ΐ", "ΐ\u1fd3", re.I)
f(r"ǈ", "Ǉǈǉ", re.I); f(r"[ǈ]", "Ǉǈǉ", re.I); f(r"i", "İı", re.I); f(r"[ı]", "iI", re.I); f(r"\u0345", "\u03b9\u0399\u1fbe", re.I)
f(r"[\u0400-\u04ff]+", "Привет мир"); f(r"(?i)привет", "ПРИВЕТ"); f(r"[\U0001f600-\U0001f64f]", "hi \U0001f600\U0001f64a!")
f(r".", "\U0001f600\U0001f601"); f(r"\U0001f600{2}", "\U0001f600\U0001f600\U0001f600"); f(r"[^a]", "\U00010400")
f(r"\U00010400", "\U00010428", re.I); f(r"[\U00010400-\U0001044f]", "\U00010428", re.I); f(r"(?i)\U00010428", "\U00010400")
m = re.search(r"(\U0001f600+)(x)", "ab\U0001f600\U0001f600xy")
print(m.span(), m.span(1), m.group(1), m.start(2), m.groups(), m)
print(re.sub(r"(?<=\U0001f600)x", "Y", "\U0001f600xx"), re.split(r"\U0001f600", "a\U0001f600b\U0001f600"))
print(re.search(r"\x{0}".format(""), "a") if False else None)
f(r"\N{GREEK SMALL LETTER ALPHA}+", "ααβ"); f(r"[\N{DIGIT ONE}-\N{DIGIT THREE}]", "0123"); f(r"\u00e9", "é")
f(r"\U0001F600", "\U0001f600"); f("\ud800", "a\ud800b"); f(r"[\ud800-\udfff]", "x\udc00y")
f(r"(?u)\w", "é"); f(r"\w", "\u0300\u0903"); f(r"\w", "\u2160\u00b2\u00bd\u3007")
for ch in "aA0_ é€\u00aa\u00b5\u00ba\u02b0\u0660\u06f0\u0966\u0e50\uff10\u2070\u2460\U0001d7ce":
    print(hex(ord(ch)), bool(re.match(r"\w", ch)), bool(re.match(r"\d", ch)), bool(re.match(r"\s", ch)), bool(re.match(r"(?i)" + re.escape(ch.upper()), ch)))
