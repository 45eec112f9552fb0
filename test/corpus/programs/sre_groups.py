# Group captures: repeats, alternation, backtracking, nested groups, backreferences, lastindex rules.
import re

def g(pat, s, flags=0):
    try:
        m = re.search(pat, s, flags)
    except re.error as e:
        print(pat, "error:", e)
        return
    if m is None:
        print(pat, repr(s), None)
    else:
        print(pat, repr(s), m.span(), m.groups(), m.lastindex, m.lastgroup, [m.span(i) for i in range(1, len(m.groups()) + 1)])

g(r"(a)*", "aaa"); g(r"(a)*?", "aaa"); g(r"(a|b)*", "abba"); g(r"(a|b)*?c", "abac")
g(r"((a)|b)+", "ab"); g(r"((a)|b)+", "ba"); g(r"(?:(a)|b)+", "ab"); g(r"(?:(a)|(b))+", "abab")
g(r"(a*)*", "-"); g(r"(a*)+", "aa"); g(r"(a*|b)*", "ab"); g(r"(a|)*", "aa"); g(r"(a?)*?b", "aab")
g(r"(ab|a)(bc|c)", "abc"); g(r"(a+)(b+)?(c)", "aac"); g(r"(a)(b)?(c)?", "a"); g(r"((a)b)*c", "ababc")
g(r"(a)|(b)|(c)", "c"); g(r"(?P<x>a)|(?P<y>b)", "b"); g(r"((?P<in>a)b)", "ab"); g(r"(a(b(c)))", "abc")
g(r"(\w)\1", "abccd"); g(r"(\w+)\s+\1", "the the cat"); g(r"(a)|\1", "x"); g(r"(?P<n>x)(?P=n)+", "xxxx")
g(r"(a)?(?(1)b|c)", "c"); g(r"(a)?(?(1)b|c)", "ab"); g(r"^(<)?\w+(?(1)>)$", "<a>"); g(r"^(<)?\w+(?(1)>)$", "<a")
g(r"(?P<q>\")?x(?(q)\")", "\"x\""); g(r"(a)(?(1)|b)", "a"); g(r"(?:(a)|b)(?(1)c|d)", "bd")
g(r"(a+)+b", "aaab"); g(r"(a+?)+b", "aaab"); g(r"(a{2})*b", "aaaab"); g(r"(a{2}){2,3}", "aaaaaaa")
g(r"((a)|(b))*", "ab"); g(r"((a)|(b))*", "ba"); g(r"(?:(a)b|ac)+", "abac"); g(r"(x)?(?:y|(z))*", "xyzy")
g(r"(a)(?=(b))", "ab"); g(r"(?=(a))a", "a"); g(r"(?!(a))b", "b"); g(r"(?<=(a))b", "ab"); g(r"(?<!(a))b", "cb")
g(r"(.)(?=.*\1)", "abcb"); g(r"(?:(\d)|x)+", "1x2x"); g(r"(\d)+", "123"); g(r"(\d)+?", "123")
g(r"((\d)+)", "12"); g(r"(((a)))", "a"); g(r"(a)((b)|c)*", "abcb"); g(r"(?:a(b)?)+", "aba")
g(r"(a|ab)(c|bcd)(d*)", "abcd"); g(r"^(?:(\w)|\s)+$", "a b"); g(r"(a)(?:(b)|c)+", "abcc")
g(r"(?i)(A)\1", "aA"); g(r"(\w+)(?:,(\w+))*", "a,b,c"); g(r"(?:(a)|b)*", "ba")
g(r"(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)\11", "abcdefghijkk"); g(r"(a)\1{3}", "aaaa")
for n in [1, 50, 99, 100]:
    pat = "".join(f"(x{i})" for i in range(n))
    m = re.match(pat, "".join(f"x{i}" for i in range(n)))
    print(n, m.lastindex, m.span(n), len(m.groups()))
m = re.match(r"(?P<a>1)(?P<b>2)?", "1")
print(m.groupdict(), m.groupdict("-"), m.lastgroup, m.expand(r"\g<a>\g<b>."), m.expand(r"[\g<2>]"))
print(re.match(r"(a)(b)", "ab").expand(r"\2\1\g<1>\g<0>"))
for t in [r"\3", r"\g<x>", r"\g<-1>", r"\g", r"\g<1", r"\q"]:
    try:
        print(re.match(r"(a)(b)", "ab").expand(t))
    except Exception as e:
        print(repr(t), type(e).__name__, e)
