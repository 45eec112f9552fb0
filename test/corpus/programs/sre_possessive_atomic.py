# Possessive quantifiers (*+ ++ ?+ {m,n}+) and atomic groups (?>...), with captures and backtracking.
import re

def t(pat, s):
    try:
        m = re.search(pat, s)
        print(repr(pat), repr(s), m and (m.span(), m.groups()), re.findall(pat, s))
    except re.error as e:
        print(repr(pat), "error:", e)

t(r"a*+", "aaa"); t(r"a*+a", "aaa"); t(r"a++b", "aaab"); t(r"a?+a", "a"); t(r"a{1,2}+a", "aa"); t(r"a{1,2}+a", "aaa")
t(r"(?>a*)a", "aaa"); t(r"(?>a*)b", "aab"); t(r"(?>a|ab)c", "abc"); t(r"(?>ab|a)c", "abc"); t(r"(?>(a)+)", "aa")
t(r"(?>(a)|(b))+", "ab"); t(r"(?:a|b)++c", "ababc"); t(r"(ab)++", "ababab"); t(r"(ab)*+ab", "abab"); t(r"(a|b)*+", "abba")
t(r"(?>x+)x", "xxx"); t(r"\d++\.", "123."); t(r"\d*+5", "12345"); t(r"[^\"]*+\"", "abc\"def"); t(r"(?:\w+)++\b", "word")
t(r"(?>\w+)(?<=d)", "word"); t(r"(?>(?:a|ab)+)c", "ababc"); t(r"(?>a+?)", "aaa"); t(r"(?>(a+))b", "aab")
t(r"(a++)?b", "aab"); t(r"(?>a*)*", "aa"); t(r"(?:a*+)*", "aa"); t(r"(?:a?+)+b", "aab"); t(r"x{0}+y", "y")
t(r"(?:(a)|b)++", "ab"); t(r"(?:(a)|(b))*+c", "abc"); t(r"(?>(a)|b)*c", "abc"); t(r"(\w)(?>\1+)", "aaab")
t(r"a{2}+", "aaaaa"); t(r"a{,2}+a", "aaa"); t(r"(?i)A++", "aAa"); t(r"[ab]++b", "aab"); t(r".++", "ab\nc")
t(r"(?:ab|a)++b", "abab"); t(r"(?>.*)\.txt", "a.txt")
for n in [10, 1000, 100000]:
    print(n, re.fullmatch(r"(?:a|b)*+c", "ab" * n + "c") is not None, re.match(r"(a|b)*c", "ab" * n + "c").span(), len(re.findall(r"(?>a)", "a" * n)))
