# Every built-in error handler on encode and decode, with exact messages and positions.
import codecs

def show(f):
    try:
        r = f()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)
        if isinstance(e, UnicodeError):
            print("  ", e.encoding, repr(e.object), e.start, e.end, e.reason)

texts = ["abc", "caf\xe9", "\u20ac uro", "x\U0001f600y", "a\udc80b", "\ud800", "mix\xe9\u20ac\U00010000z"]
handlers = ["strict", "ignore", "replace", "backslashreplace", "namereplace", "xmlcharrefreplace", "surrogateescape", "surrogatepass"]
for enc in ["ascii", "latin-1", "utf-8", "utf-16-le", "utf-32-be", "cp1252", "iso8859_15", "koi8_r"]:
    for t in texts:
        for h in handlers:
            print(enc, repr(t), h, end=" -> ")
            show(lambda: t.encode(enc, h))

data = [b"abc", b"\xff", b"a\x80b", b"\xc3", b"\xc3(", b"\xe2\x82", b"\xe2\x82(", b"\xed\xa0\x80", b"\xf0\x9f\x98", b"\xf4\x90\x80\x80", b"\xc0\xaf", b"\xf8\x88\x80\x80\x80", b"ok\xe9ok"]
for enc in ["ascii", "utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "cp1252", "cp437", "latin-1"]:
    for d in data:
        for h in ["strict", "ignore", "replace", "backslashreplace", "surrogateescape", "surrogatepass"]:
            print(enc, d, h, end=" -> ")
            show(lambda: d.decode(enc, h))

# surrogatepass / surrogateescape round trips
for enc in ["utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"]:
    b = "a\ud800b\udfffc".encode(enc, "surrogatepass")
    print(enc, b, repr(b.decode(enc, "surrogatepass")))
b = bytes(range(256))
s = b.decode("utf-8", "surrogateescape")
print(len(s), s.encode("utf-8", "surrogateescape") == b)
s = b.decode("ascii", "surrogateescape")
print(len(s), s.encode("ascii", "surrogateescape") == b)

# custom handlers: the callback protocol
def h1(e):
    print("  handler got", type(e).__name__, e.start, e.end, repr(e.reason))
    if isinstance(e, UnicodeEncodeError):
        return ("<%s>" % e.object[e.start:e.end].encode("unicode_escape").decode(), e.end)
    return ("[%s]" % e.object[e.start:e.end].hex(), e.end)
codecs.register_error("test.h1", h1)
show(lambda: "a\xe9\xe8b\u20acc".encode("ascii", "test.h1"))
show(lambda: b"a\xff\xfeb".decode("utf-8", "test.h1"))
show(lambda: b"a\xff\xfeb".decode("cp1252", "test.h1"))
codecs.register_error("test.back", lambda e: ("", e.start - 1 if e.start else e.end))
show(lambda: b"\xff".decode("ascii", "test.back"))
codecs.register_error("test.neg", lambda e: ("?", -1))
show(lambda: "\xe9ab".encode("ascii", "test.neg"))
codecs.register_error("test.oob", lambda e: ("?", 100))
show(lambda: "\xe9ab".encode("ascii", "test.oob"))
show(lambda: b"\xffab".decode("ascii", "test.oob"))
codecs.register_error("test.bad", lambda e: 42)
show(lambda: "\xe9".encode("ascii", "test.bad"))
show(lambda: b"\xff".decode("ascii", "test.bad"))
codecs.register_error("test.bytes", lambda e: (b"\x01\x02", e.end))
show(lambda: "a\xe9b".encode("ascii", "test.bytes"))
show(lambda: "a\ud800b".encode("utf-8", "test.bytes"))
show(lambda: "a\ud800b".encode("utf-16-le", "test.bytes"))
show(lambda: "a\ud800b".encode("utf-32-le", "test.bytes"))
codecs.register_error("test.nonascii", lambda e: ("\xe9", e.end))
show(lambda: "a\u20acb".encode("ascii", "test.nonascii"))
show(lambda: "a\u20acb".encode("latin-1", "test.nonascii"))
show(lambda: "a\ud800b".encode("utf-8", "test.nonascii"))
show(lambda: "a\u0100b".encode("cp1252", "test.nonascii"))
def h_replace_obj(e):
    e.object = b"zz"
    return ("!", 1)
codecs.register_error("test.obj", h_replace_obj)
show(lambda: b"a\xffbcd".decode("ascii", "test.obj"))
show(lambda: "x".encode("ascii", "nonexistent"))
show(lambda: "\xe9".encode("ascii", "nonexistent"))
show(lambda: codecs.lookup_error("nonexistent"))
print(codecs.lookup_error("strict"), codecs.lookup_error("surrogateescape"), codecs.lookup_error("namereplace"))

# the handlers called directly
for name in handlers:
    h = codecs.lookup_error(name)
    for exc in [UnicodeEncodeError("ascii", "a\xe9\udc80b", 1, 3, "r"), UnicodeEncodeError("utf-8", "\ud800x", 0, 1, "r"),
                UnicodeDecodeError("utf-8", b"a\xff\xfeb", 1, 3, "r"), UnicodeDecodeError("utf-16-le", b"\x00\xd8", 0, 2, "r"),
                UnicodeDecodeError("ascii", b"abc", 0, 2, "r"),
                UnicodeTranslateError("a\xe9b", 1, 2, "r"), ValueError("x"), "notexc"]:
        print(name, type(exc).__name__, end=" -> ")
        show(lambda: h(exc))

# exception objects
e = UnicodeEncodeError("ascii", "a\xe9\U0001f600", 1, 2, "bad")
print(str(e), e.args)
e.start = 2; e.end = 3; print(str(e))
e.end = 1; print(str(e))
e = UnicodeDecodeError("utf-8", b"\xff\xfe", 0, 1, "bad")
print(str(e)); e.end = 2; print(str(e))
show(lambda: UnicodeDecodeError("utf-8", bytearray(b"ab"), 0, 1, "bad").object)
show(lambda: UnicodeEncodeError("ascii", b"x", 0, 1, "r"))
show(lambda: UnicodeDecodeError("ascii", "x", 0, 1, "r"))
show(lambda: UnicodeEncodeError("ascii", "x", 0))
print(str(UnicodeTranslateError("a\u1234", 1, 2, "no")), str(UnicodeTranslateError("abc", 0, 2, "no")))
