# split, findall, finditer, scanner; empty matches adjacent to previous matches (3.7+ semantics).
import re

def t(pat, string, flags=0):
    p = re.compile(pat, flags)
    print(repr(pat), repr(string), "split", p.split(string), p.split(string, 1), p.split(string, maxsplit=2))
    print(repr(pat), repr(string), "findall", p.findall(string))
    print(repr(pat), repr(string), "finditer", [m.span() for m in p.finditer(string)])

for pat, s in [(r",", "a,b,,c,"), (r"\s*", "a b  c"), (r"x*", "axbxxc"), (r"", "abc"), (r"\b", "a b"),
               (r"(,)", "a,b"), (r"(,)|(;)", "a,b;c"), (r"(?:,)", "a,b"), (r"(a)?,", "a,,b"), (r"\W+", "Words, words, words."),
               (r"(\W+)", "Words, words."), (r"[a-f]+", "0a3B9"), (r"^", "a\nb"), (r"$", "a\nb\n"), (r"(?m)^", "a\nb\nc"),
               (r"(?m)$", "a\nb\n"), (r"\d+", "12 ab 345"), (r"(\d)(\w)", "1a2b3"), (r"((\d)\w)", "1a2b"), (r"a|(b)", "ab"),
               (r"x?", ""), (r"(?=x)", "axbx"), (r"a*?", "aa"), (r"(a)*?", "aa"), (r"\s+", "  lead and trail  ")]:
    t(pat, s)
t(r"[a-z]+", "ABC def", re.I)
print(re.split(r"\d", "a1b2c3", maxsplit=-1), re.split(r"x", ""), re.split(r"", ""), re.split(r"(x)?", "ab"))
print(re.findall(r"(a)(b)?", "aab"), re.findall(r"", ""), re.findall(b"\\d", b"1a2"), re.findall(r"(?:a)", "aa"))
print(re.split(b",", b"a,b,,c"), re.split(b"(,)", bytearray(b"a,b")))
it = re.finditer(r"\w", "ab")
print(type(it).__name__, next(it), next(it), next(it, "end"))
p = re.compile(r"\d+|(?P<w>[a-z]+)")
sc = p.scanner("12ab 34")
print(sc.pattern is p, sc.match(), sc.match(), sc.match(), sc.match())
sc = p.scanner("12ab 34")
print(sc.search(), sc.search(), sc.search(), sc.search(), sc.search())
sc = re.compile(r"x*").scanner("axx")
print([m.span() for m in iter(sc.search, None)])
sc = re.compile(r"").scanner("ab", 1)
print(sc.search(), sc.search(), sc.search())
p = re.compile(r"\w")
print([m.span() for m in p.finditer("1a2b3", 1, 4)], p.findall("abcdef", 2, 4), p.findall("abc", pos=5), p.findall("abc", endpos=2))
print(list(re.finditer(r"(?P<a>\w)(?P<b>\d)?", "a1b")))
