# bytes patterns: bytes/bytearray subjects, ASCII-only classes, LOCALE flag, type mixing errors.
import re

def f(pat, s, flags=0):
    try:
        print(repr(pat), repr(s), re.findall(pat, s, flags))
    except Exception as e:
        print(repr(pat), repr(s), type(e).__name__, e)

f(rb"\w+", b"hello w\xe9rld_1"); f(rb"\d+", b"a12b\xb2"); f(rb"\s+", b"a \t\n\x0b\x0c\r\x1c\x85\xa0b")
f(rb"[\x80-\xff]+", b"ab\x80\xfe\xffc"); f(rb"abc", b"xABCx", re.I); f(rb"\xe9", b"\xc9\xe9", re.I)
f(rb"[a-z]+", b"ABCdef", re.I); f(rb"\w+", b"caf\xe9", re.L); f(rb"(?L)\w+", b"ab\xe9"); f(rb"ABC", b"abc", re.L | re.I)
f(rb"[a-c]", b"ABC", re.L | re.I); f(rb"\bx\b", b"a x b"); f(rb"(?i)\bX", b"x"); f(rb".", b"a\nb"); f(rb"(?s).", b"a\nb")
f(b"a", bytearray(b"banana")); f(rb"(\w)\1", bytearray(b"aabb")); f(b"\x00+", b"a\x00\x00b")
f(rb"\x00", b"\x00"); f(b"\\d", b"1"); f(b"a", "a"); f("a", b"a"); f(b"a", 5); f("a", None); f("a", ["a"])
print(re.match(b"a", b"abc"), re.search(b"(b)(c)", bytearray(b"abc")))
m = re.search(rb"(?P<x>b+)", b"abbbc")
print(m.group(), m.group("x"), m.span(), m.groupdict(), type(m.group()).__name__, m.string, m.expand(rb"[\1]"))
m = re.search(rb"b+", bytearray(b"abbbc"))
print(m.group(), type(m.group()).__name__, repr(m))
print(re.sub(rb"b", b"X", bytearray(b"abc")), type(re.sub(rb"b", b"X", bytearray(b"abc"))).__name__)
print(re.split(rb"b", bytearray(b"abc")), [type(x).__name__ for x in re.split(rb"b", bytearray(b"abc"))])
print(re.compile(rb"\w", re.A), re.compile(rb"\w"), re.compile(rb"\w", re.L))
for flags in [re.U, re.A | re.L]:
    try:
        re.compile(rb"\w", flags)
    except ValueError as e:
        print("ValueError", e)
try:
    re.compile("\\w", re.L)
except ValueError as e:
    print("ValueError", e)
try:
    re.compile("\\w", re.A | re.U)
except ValueError as e:
    print("ValueError", e)
print(re.escape(b"a.b*c\x00"), re.escape("a.b-c d\n"), re.fullmatch(re.escape("a.b[c]"), "a.b[c]"))
print(re.match(rb"[\xff]", b"\xff"), re.match(b"[^\x00-\x7f]", b"\x80"), re.match(rb"\377", b"\xff"))
