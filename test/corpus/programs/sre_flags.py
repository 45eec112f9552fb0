# Flags: IGNORECASE, MULTILINE, DOTALL, VERBOSE, ASCII, inline flags and scoped flags, RegexFlag reprs.
import re

def t(pat, s, flags=0):
    try:
        print(repr(pat), flags, repr(s), re.findall(pat, s, flags))
    except Exception as e:
        print(repr(pat), type(e).__name__, e)

t(r"^\w+$", "one\ntwo\nthree", re.M); t(r"^\w+$", "one\ntwo"); t(r"a.b", "a\nb", re.S); t(r"(?s)a.b", "a\nb")
t(r"(?m)^x", "x\nx"); t(r"(?i)hello", "HeLLo hello"); t(r"(?x) \d+  # digits", "a 12 34"); t(r"a b", "ab a b", re.X)
t(r"(?x)[ ]", "a b"); t(r"(?x)a\ b", "a b"); t(r"(?i:a)b", "AB Ab ab"); t(r"(?-i:a)b", "AB aB", re.I)
t(r"(?i)[^a]", "Aab"); t(r"(?a)\w+", "éa"); t(r"(?a:\w+)é", "aé"); t(r"(?u)\w", "é"); t(r"(?s:a.)b.", "a\nb\n")
t(r"\w+", "é", re.A | re.I); t(r"(?ai)é", "É"); t(r"(?i)ǅ", "ǆ"); t(r"$", "a\n", re.M); t(r"\Z", "a\n", re.M)
t(r"(?m:^a)|^b", "b\na\nb"); t(r".+", "a\r\nb"); t(r"(?i)[k-m]+", "KLM\u212a"); t(r"[^\n]", "\n")
print(re.I, re.IGNORECASE | re.M, repr(re.I | re.S | re.X), re.A.value, int(re.U), re.NOFLAG, ~re.I & re.I)
print(re.compile("x", re.I | re.M).flags, re.compile("(?i)x").flags, re.compile(b"x").flags, re.compile("x", re.A).flags)
print(repr(re.compile("(?ims)x")), repr(re.compile(b"(?i)x")), repr(re.compile("x", re.DEBUG if False else 0)))
print(re.compile("(?x) a # c").pattern, re.compile(r"a", re.T if hasattr(re, "T") else 0))
print(re.compile("a", 1 << 12).flags if False else "-")
print(re.template if hasattr(re, "template") else "no template")
