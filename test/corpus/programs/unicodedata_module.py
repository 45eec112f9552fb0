# unicodedata over sampled code points of every category, names (algorithmic, aliases, named
# sequences), normalization of tricky sequences, ucd_3_2_0, and the argument errors.
import unicodedata as u

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

print(u.unidata_version, u.ucd_3_2_0.unidata_version, type(u.ucd_3_2_0).__name__, u.UCD)
# a few code points of every category
seen = {}
for c in range(0, 0x110000, 7):
    cat = u.category(chr(c))
    if len(seen.setdefault(cat, [])) < 4:
        seen[cat].append(c)
for cat in sorted(seen):
    for c in seen[cat]:
        ch = chr(c)
        print(cat, hex(c), u.bidirectional(ch), u.combining(ch), u.east_asian_width(ch), u.mirrored(ch),
              u.decimal(ch, None), u.digit(ch, None), u.numeric(ch, None), repr(u.decomposition(ch)), u.name(ch, None))
        o = u.ucd_3_2_0
        print("  3.2:", o.category(ch), o.bidirectional(ch), o.east_asian_width(ch), o.numeric(ch, None), o.name(ch, None))
for c in "\u00bd\u2153\u216b\u0f33\U00012432\u4e07\u3405\U0001f10c\u2189\u0bf1":
    print(hex(ord(c)), u.numeric(c), u.decimal(c, "-"), u.digit(c, "-"))
# names
for c in [0, 0x20, 0x7f, 0xa0, 0x3400, 0x4dbf, 0x9fff, 0xac00, 0xd7a3, 0xd7a4, 0x1100, 0xf900, 0x17000, 0x18b00, 0x1b170,
          0x20000, 0x2a6df, 0x2a6e0, 0x30000, 0xe0100, 0xf0000, 0x10ffff, 0x1f600, 0xfeff, 0x13460]:
    print(hex(c), u.name(chr(c), "<none>"), u.ucd_3_2_0.name(chr(c), "<none>"))
for n in ["LATIN SMALL LETTER A", "latin small letter sharp s", "Hangul Syllable Gag", "HANGUL SYLLABLE GAG",
          "HANGUL SYLLABLE PWILH", "CJK UNIFIED IDEOGRAPH-4E00", "CJK UNIFIED IDEOGRAPH-4e00", "CJK UNIFIED IDEOGRAPH-04E00",
          "CJK UNIFIED IDEOGRAPH-2A6E0", "CJK COMPATIBILITY IDEOGRAPH-F900", "TANGUT IDEOGRAPH-17000", "NBSP", "BOM",
          "LINE FEED", "EOL", "KEYCAP NUMBER SIGN", "TAMIL SYLLABLE SHRII", "LATIN CAPITAL LETTER A WITH MACRON AND GRAVE",
          "GRINNING FACE", "grinning face", "", "x" * 300, "LATIN SMALL LETTER A ", "BYTE ORDER MARK"]:
    show(lambda: u.lookup(n))
    show(lambda: u.ucd_3_2_0.lookup(n))
show(lambda: u.lookup(b"EURO SIGN"))
print("\N{EURO SIGN}\N{nbsp}\N{latin small letter a}\N{HANGUL SYLLABLE GA}\N{CJK UNIFIED IDEOGRAPH-4E01}")
print("\u20ac\U0001f600\ufeff\uac00\x80\udc80".encode("ascii", "namereplace"))
print("".join(chr(0xf0000 + i) for i in range(3)).encode("ascii", "namereplace"))
# normalization
tricky = ["\u1e9b\u0323", "e\u0301", "\u00c5", "\u212b", "\u2126", "\ufb01", "\uac00\u11a8", "\u1100\u1161\u11a8",
          "\u1100\u1161", "a\u0328\u0301\u0323", "\u0958", "\U0001d15e", "\u0344", "\u0f73", "\u00e0\u0316", "a\u0316\u0300",
          "\u0061\u0305\u0315\u0300\u05ae\u0301", "\u3131", "\u2460", "\u01c4", "\u0390", "\u1fd3", "Ω\u0301",
          "\u0041\u030a\u0301", "\u1e0a\u0323", "\u1e0c\u0307", "\u0071\u0307\u0323", "\u1100\uac00\u11a8\u11a8",
          "\ud55c\uad6d\uc5b4", "\u00ff\u0308", "\U0001f1e6\U0001f1e8", "\u0b47\u0b3e", "\u09c7\u09be", "\u0cca\u0cd5",
          "\U000110a5\U000110ba", "\u05d0\u05b7\u05bc", "\ufb2f", "\u2adc", "\u0915\u093c", "x\u0358\u0315y", "\uff76\uff9e"]
for s in tricky:
    r = [u.normalize(f, s) for f in ("NFC", "NFD", "NFKC", "NFKD")]
    print(s.encode("unicode_escape"), [x.encode("unicode_escape") for x in r], [u.is_normalized(f, s) for f in ("NFC", "NFD", "NFKC", "NFKD")])
    r2 = [u.ucd_3_2_0.normalize(f, s) for f in ("NFC", "NFD", "NFKC", "NFKD")]
    if r2 != r:
        print("  3.2:", [x.encode("unicode_escape") for x in r2])
# errors
show(lambda: u.category("ab"))
show(lambda: u.category(""))
show(lambda: u.category(1))
show(lambda: u.name())
show(lambda: u.name("a", "b", "c"))
show(lambda: u.decimal("x"))
show(lambda: u.digit("x"))
show(lambda: u.numeric("x"))
show(lambda: u.name("\x00"))
show(lambda: u.decimal("9", None))
show(lambda: u.numeric("x", 0.5))
show(lambda: u.normalize("NFX", "a"))
show(lambda: u.normalize("NFC", 1))
show(lambda: u.normalize(1, "a"))
show(lambda: u.is_normalized("nfc", "a"))
show(lambda: u.lookup(1))
show(lambda: u.UCD())
show(lambda: u.category(c="a"))
