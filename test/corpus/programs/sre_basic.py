# re basics: match/search/fullmatch, Match API, Pattern attributes and reprs.
import re

def show(m):
    if m is None:
        return "None"
    return f"{m!r} groups={m.groups()} lastindex={m.lastindex} lastgroup={m.lastgroup}"

cases = [
    (r"abc", "xxabcxx"), (r"a.c", "a\nc"), (r"^\d+$", "12345"), (r"\d+", "ab 12 cd 345"),
    (r"(\w+)\s(\w+)", "hello world"), (r"colou?r", "my colour"), (r"[aeiou]{2,}", "beautiful"),
    (r"x*", "yyy"), (r"(a|b)+", "xxababyy"), (r"\bcat\b", "concat cat"), (r"(?:ab)+", "abababx"),
    (r"a{3}", "aa aaa"), (r"a{2,}?", "aaaa"), (r"\s+$", "trail   "), (r".*?b", "aaab"),
    (r"[^0-9]+", "123abc456"), (r"\W", "a b"), (r"(\d)(\d)?", "1"), (r"", "abc"),
]
for pat, s in cases:
    p = re.compile(pat)
    print(pat, "search:", show(p.search(s)))
    print(pat, "match:", show(p.match(s)))
    print(pat, "fullmatch:", show(p.fullmatch(s)))

p = re.compile(r"(?P<key>\w+)=(?P<value>\d+)?")
m = p.search("  width=100 height=")
print(m.group(), m.group(0), m.group(1), m.group("key"), m.group(1, 2, "value"))
print(m["key"], m[2], m.start(), m.end(), m.span(), m.span(1), m.span("value"))
print(m.start(2), m.end("value"), m.groupdict(), m.groups(), m.regs)
print(m.pos, m.endpos, m.re is p, m.string, m.lastindex, m.lastgroup)
m2 = p.search("height=")
print(m2.groups(), m2.groups("dflt"), m2.groupdict(), m2.groupdict(0), m2.span(2), m2.start(2), m2[2])
print(p.groups, sorted(p.groupindex.items()), p.pattern, p.flags)
print(type(p.groupindex).__name__)
for bad in [3, -1, "nope", 2.5, None]:
    try:
        print(m.group(bad))
    except Exception as e:
        print("group", repr(bad), type(e).__name__, e)
for bad in [3, "nope"]:
    for meth in (m.start, m.end, m.span):
        try:
            meth(bad)
        except Exception as e:
            print(meth.__name__, repr(bad), type(e).__name__, e)
print(m.group(True), m.group(False))
print(m.expand(r"\g<value>:\1:\g<0>"), m.expand(r"[\2]"))

# pos / endpos
p = re.compile(r"\d")
print(p.search("a1b2c3", 2), p.search("a1b2c3", 2, 3), p.search("a1b2c3", 4, 2), p.match("a1b2", 1))
print(p.search("a1b2c3", -5), p.search("a1b2c3", 100), p.findall("a1b2c3", 1, 4), p.search("123", endpos=-1))
print(re.compile(r"^a").search("ba", 1), re.compile(r"\Ba").search("ba", 1), re.compile(r"$").search("ab", 0, 1))
print(re.compile(r"(?<=a)b").search("ab", 1), re.compile(r"(?<=a)b").match("ab", 1))
m = re.compile(r"b").search("abc", 1, 2)
print(m, m.pos, m.endpos)

# reprs
print(repr(re.compile("a+")), repr(re.compile("a+", re.I | re.M)), repr(re.compile(b"x", re.L)))
print(repr(re.compile("x", re.A)), repr(re.compile("x", re.U)), repr(re.compile("x", re.S | re.X)))
print(repr(re.compile("a" * 300))[:40], len(repr(re.compile("a" * 300))))
print(repr(re.compile("'\"\n")))
print(repr(re.search("x+", "y" + "x" * 100)))
print(repr(re.search(b"b+", b"abbbc")), repr(re.search("\U0001f600+", "a\U0001f600\U0001f600")))
print(re.compile("a") == re.compile("a"), re.compile("a") == re.compile("b"), re.compile("a") != re.compile("a", re.I))
print(hash(re.compile("ab")) == hash(re.compile("ab")), re.compile("a") == "a")
print(bool(re.match("", "")), re.Pattern, re.Match, re.Pattern[str], re.Match[bytes])
import copy
p = re.compile("a")
m = p.match("a")
print(copy.copy(p) is p, copy.deepcopy(p) is p, copy.copy(m) is m, copy.deepcopy(m) is m)
for name in ["match", "search", "fullmatch", "findall", "split", "sub"]:
    print(name, getattr(re.Pattern, name).__doc__ is not None)
try:
    re.Pattern()
except TypeError as e:
    print("TypeError", e)
try:
    re.Match()
except TypeError as e:
    print("TypeError", e)
