# Every table/algorithmic codec of the encodings package: round trips of sample texts, errors,
# incremental decoding split at every byte position, incremental encoding, stream reader/writer.
import codecs

NAMES = ['ascii', 'charmap', 'cp037', 'cp1006', 'cp1026', 'cp1125', 'cp1140', 'cp1250', 'cp1251', 'cp1252',
         'cp1253', 'cp1254', 'cp1255', 'cp1256', 'cp1257', 'cp1258', 'cp273', 'cp424', 'cp437', 'cp500', 'cp720',
         'cp737', 'cp775', 'cp850', 'cp852', 'cp855', 'cp856', 'cp857', 'cp858', 'cp860', 'cp861', 'cp862', 'cp863',
         'cp864', 'cp865', 'cp866', 'cp869', 'cp874', 'cp875', 'hp_roman8', 'iso8859_1', 'iso8859_10', 'iso8859_11',
         'iso8859_13', 'iso8859_14', 'iso8859_15', 'iso8859_16', 'iso8859_2', 'iso8859_3', 'iso8859_4', 'iso8859_5',
         'iso8859_6', 'iso8859_7', 'iso8859_8', 'iso8859_9', 'koi8_r', 'koi8_t', 'koi8_u', 'kz1048', 'latin_1',
         'mac_arabic', 'mac_croatian', 'mac_cyrillic', 'mac_farsi', 'mac_greek', 'mac_iceland', 'mac_latin2',
         'mac_roman', 'mac_romanian', 'mac_turkish', 'palmos', 'ptcp154', 'punycode', 'raw_unicode_escape',
         'tis_620', 'unicode_escape', 'utf_16', 'utf_16_be', 'utf_16_le', 'utf_32', 'utf_32_be', 'utf_32_le',
         'utf_7', 'utf_8', 'utf_8_sig']

TEXTS = ["Hello, world!", "caf\xe9 na\xefve \xa9\xb0", "\u041f\u0440\u0438\u0432\u0435\u0442",
         "\u03b1\u03b2\u03b3 \u20ac", "\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627", "\u0e2a\u0e27\u0e31\u0e2a\u0e14\u0e35",
         "a+b-c~\\d\t\n\r\x00\x7f", "\U0001f600 \u4e2d\u6587 \uff21"]

def h(b):
    return b.hex() if len(b) < 80 else b[:40].hex() + "..(%d)" % len(b)

for name in NAMES:
    info = codecs.lookup(name)
    print("==", name, info.name, info._is_text_encoding)
    for t in TEXTS:
        try:
            b = t.encode(name)
        except UnicodeEncodeError as e:
            b = t.encode(name, "replace") if name not in ("unicode_escape",) else b""
            print("  enc-err", e.start, e.end, e.reason, "replace ->", h(b))
        else:
            back = b.decode(name)
            print("  ok", h(b), back == t)
        # incremental decoding split at every position
        if b:
            full = b.decode(name, "replace")
            same = []
            for i in range(len(b) + 1):
                d = codecs.getincrementaldecoder(name)("replace")
                out = d.decode(b[:i]) + d.decode(b[i:], final=True)
                same.append(out == full)
            bytewise = codecs.getincrementaldecoder(name)("replace")
            out = "".join(bytewise.decode(b[i:i + 1]) for i in range(len(b))) + bytewise.decode(b"", True)
            print("  split", all(same), out == full)
        # incremental encoder
        enc = codecs.getincrementalencoder(name)("replace")
        out = b"".join(enc.encode(c) for c in t) + enc.encode("", final=True)
        print("  inc-enc", out == t.encode(name, "replace"))
    # every byte decoded alone
    if name not in ("punycode", "unicode_escape", "raw_unicode_escape", "utf_7", "utf_16", "utf_16_be", "utf_16_le", "utf_32", "utf_32_be", "utf_32_le"):
        dec = bytes(range(256)).decode(name, "replace")
        print("  table", len(dec), dec.count("\ufffd"), repr(dec[128:160]))
        try:
            bytes(range(256)).decode(name)
        except UnicodeDecodeError as e:
            print("  strict", e.start, e.end, e.reason, e.encoding)

# stream reader / writer, utf-16 BOM handling, utf-8-sig
class Stream:
    # a minimal binary stream (the io module is not needed for codecs' stream classes)
    def __init__(self, data=b""):
        self.data = bytearray(data)
        self.pos = 0
    def write(self, b):
        self.data += b
        return len(b)
    def read(self, n=-1):
        if n < 0:
            n = len(self.data) - self.pos
        r = bytes(self.data[self.pos:self.pos + n])
        self.pos += len(r)
        return r
    def getvalue(self):
        return bytes(self.data)

for name in ["utf-8", "utf-16", "utf-32", "utf-8-sig", "cp1252", "utf-7", "latin-1"]:
    buf = Stream()
    w = codecs.getwriter(name)(buf)
    w.write("line1 \xe9\n"); w.write("line2\n"); w.writelines(["x", "y\n"])
    data = buf.getvalue()
    print(name, h(data))
    r = codecs.getreader(name)(Stream(data))
    print("  ", r.readline(), r.read())
    r = codecs.getreader(name)(Stream(data))
    print("  ", r.readlines())
print(codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM == codecs.BOM_UTF16_LE)
print(list(codecs.iterencode(["a", "\xe9", "b"], "utf-16")), "".join(codecs.iterdecode([b"\xc3", b"\xa9", b"x"], "utf-8")))
print(b"\xef\xbb\xbfabc".decode("utf-8-sig"), b"abc".decode("utf-8-sig"), "abc".encode("utf-8-sig"))
print(codecs.encode("abc", "rot13"), codecs.decode("nop", "rot_13"))
d = codecs.getincrementaldecoder("utf-16")()
print(repr(d.decode(b"\xfe")), repr(d.decode(b"\xff\x00")), repr(d.decode(b"a", final=True)))
d = codecs.getincrementaldecoder("utf-8")()
print(repr(d.decode(b"\xe2\x82")), d.getstate(), repr(d.decode(b"\xac")), d.getstate())
try:
    d.decode(b"\xe2", final=True)
except UnicodeDecodeError as e:
    print(e)
for enc in ["utf-8", "utf-16-le", "utf-16-be", "utf-32-le"]:
    s = "a\ud800b"
    b = s.encode(enc, "surrogatepass")
    for i in range(len(b) + 1):
        d = codecs.getincrementaldecoder(enc)("surrogatepass")
        out = d.decode(b[:i]) + d.decode(b[i:], final=True)
        if out != s:
            print("surrogatepass split mismatch", enc, i, repr(out))
print(codecs.lookup("UTF-8").name, codecs.lookup("Latin 1").name, codecs.lookup("u8").name, codecs.lookup("cp65001").name if hasattr(codecs, "x") else "")
for bad in ["nope", "utf-9", ""]:
    try:
        codecs.lookup(bad)
    except LookupError as e:
        print(type(e).__name__, e)
try:
    "x".encode("rot13")
except LookupError as e:
    print(e)
try:
    codecs.lookup(1)
except TypeError as e:
    print(e)
