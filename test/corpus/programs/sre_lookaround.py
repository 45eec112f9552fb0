# Lookahead, lookbehind (fixed width), their groups, and interaction with pos.
import re

def t(pat, s, *args):
    try:
        p = re.compile(pat)
        print(repr(pat), repr(s), [(m.span(), m.groups()) for m in p.finditer(s, *args)])
    except re.error as e:
        print(repr(pat), "error:", e)

t(r"\w+(?=,)", "a,bb,ccc"); t(r"\w+(?!,)", "a,bb,ccc"); t(r"(?<=\$)\d+", "$12 $3 4"); t(r"(?<!\$)\b\d+", "$12 34")
t(r"(?<=ab)c", "abcabc"); t(r"(?<=a|b)c", "acbc"); t(r"(?<=ab|cd)e", "abecde"); t(r"(?<=(a))(b)", "ab")
t(r"(?<=\d{2})x", "1x12x"); t(r"(?<=a)", "aaa"); t(r"(?=a)", "aaa"); t(r"(?=(\w))", "ab"); t(r"(?!x)", "xax")
t(r"(?<=^)a", "aa"); t(r"(?=.*b)a", "ab ac"); t(r"a(?=b(?=c))", "abc abd"); t(r"(?<=(?<=a)b)c", "abc"); t(r"(?<!^)x", "xx")
t(r"(?<=a)b", "ab", 1); t(r"(?<!a)b", "ab", 1); t(r"(?<=\b)\w", "a b"); t(r"q(?!u)", "quit qat"); t(r"(?=(a+))", "aaa")
t(r"(?=(a+))a*b\1", "baaabac"); t(r"(?=(a+?))(\1ab)", "aaab"); t(r"(?!(a)b)\w", "ab"); t(r"(?<=(?P<x>a))(?P=x)", "aa")
t(r"(?<=a+)b", "ab"); t(r"(?<=a*)b", "ab"); t(r"(?<=(a)\1)b", "aab"); t(r"(?<=a{2})b", "aab"); t(r"(?<=[ab]{2})c", "abc")
t(r"(?<=\x00)a", "\x00a"); t(r"(?<=é)x", "éx"); t(r"(?<=\U0001f600)x", "\U0001f600x"); t(r"(?i)(?<=A)b", "aB")
t(r"(?<=(a)|b)c", "ac bc"); t(r"(?:(?<=a)|(?<=b))c", "ac bc cc"); t(r"(?<=a(?=b))b", "ab")
