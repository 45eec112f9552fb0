# Errors: bad patterns (re.error / PatternError with position), bad arguments, types and messages.
import re

for pat in ["(", ")", "[", "a**", "a{2,1}", "*a", "(?P<1>a)", "(?P<a>a)(?P<a>b)", "\\", "(?<=a+)b", "(?P=x)",
            "\\1", "(a)\\2", "(?z)", "[z-a]", "\\p", "(?i", "a)", "(?P", "(?P<", "(?P<a", "(?#", "x{", "x{1,",
            "(?(1)a|b|c)", "(?(x)a)", "[\\d-z]", "\\x1", "\\u12", "\\N{FOO}", "\\U110000", "(?<!a{1,2})",
            "a++*", "(?-i:a)", "(?i-i:a)", "(?x)a#\n)", "[[:alpha:]]", "(?P<a-b>x)", "\\8", "(?", "(?<", "(?<a>x)"]:
    try:
        p = re.compile(pat)
        print(repr(pat), "ok", p.groups)
    except re.error as e:
        print(repr(pat), type(e).__name__, e, "|", e.msg, e.pos, e.lineno, e.colno)
try:
    re.compile("a\n(b\nc")
except re.error as e:
    print(e, e.lineno, e.colno, e.pos, repr(e.pattern))
print(re.error is re.PatternError, issubclass(re.error, Exception))
for args in [(1, "a"), ("a", 1), ("a", b"a"), (b"a", "a"), ("a", ["a"]), ("a", None)]:
    try:
        re.search(*args)
    except TypeError as e:
        print(args, "TypeError", e)
p = re.compile("a")
for call in [lambda: p.match(), lambda: p.match("a", "x"), lambda: p.match("a", 0, 1, 2), lambda: p.match(string="a", bogus=1),
             lambda: p.search(pos=1), lambda: p.sub("x"), lambda: p.split("a", "b"), lambda: p.findall("a", 1.5),
             lambda: p.match("a", 2**70), lambda: p.fullmatch("a", endpos=None), lambda: p.groupindex.__setitem__("a", 1),
             lambda: p.scanner(), lambda: p.finditer(3)]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
m = re.match("(a)", "a")
for call in [lambda: m.group(5), lambda: m.group("x"), lambda: m.start(1, 2), lambda: m.groups(1, 2), lambda: m.span([]),
             lambda: m[5], lambda: m["x"], lambda: m.group(2**70), lambda: m.expand(5), lambda: m.group(-2**70)]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
try:
    p.pattern = "b"
except AttributeError as e:
    print("AttributeError", e)
try:
    m.string = "b"
except AttributeError as e:
    print("AttributeError", e)
import _sre
print(_sre.MAGIC, _sre.CODESIZE, _sre.getcodesize(), _sre.copyright)
print(_sre.ascii_iscased(ord("a")), _sre.ascii_iscased(ord("1")), _sre.unicode_iscased(ord("é")), _sre.unicode_iscased(0x2000))
print(_sre.ascii_tolower(ord("A")), _sre.ascii_tolower(ord("É")), _sre.unicode_tolower(ord("É")), _sre.unicode_tolower(0x130))
for call in [lambda: _sre.ascii_iscased("a"), lambda: _sre.compile("a", 0, (1,), 0, {}, ()), lambda: _sre.compile("a", 0, [17], 0, {}, ()),
             lambda: _sre.compile("a", 0, [-1], 0, {}, ()),
             lambda: _sre.template("a", ["x", 1]), lambda: _sre.template("a", ["x", -1, "y"]), lambda: _sre.template("a", ("x",)),
             lambda: _sre.compile(1, 0, [1], 0, {}, ())]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
