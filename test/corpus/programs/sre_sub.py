# sub/subn: templates, group references, callables, count, empty matches (3.7+ rules), errors.
import re

def s(pat, repl, string, count=0, flags=0):
    try:
        r = "<function>" if callable(repl) else repr(repl)
        print(repr(pat), r, repr(string), "->", repr(re.sub(pat, repl, string, count=count, flags=flags)), re.subn(pat, repl, string, count=count, flags=flags)[1])
    except Exception as e:
        print(repr(pat), "<function>" if callable(repl) else repr(repl), repr(string), "!", type(e).__name__, e)

s(r"a", "b", "aaa"); s(r"a", "b", "aaa", 2); s(r"x*", "-", "abxd"); s(r"x*", "-", ""); s(r"x?", "-", "abc")
s(r"", "-", "abc"); s(r"\b", "|", "ab cd"); s(r"(?=b)", "-", "abab"); s(r"a|", "-", "bab"); s(r"$", "!", "a\nb\n")
s(r"(?m)^", ">", "a\nb\n"); s(r"(\w+) (\w+)", r"\2 \1", "hello world, good day"); s(r"(a)", r"\1\1", "banana")
s(r"(?P<x>\d+)", r"<\g<x>>", "a12b3"); s(r"(\d)", r"\g<1>0", "a1b2"); s(r"(\d)", r"\g<0>\g<0>", "a1")
s(r"a", r"\n\t\\", "xax"); s(r"a", "\\\\", "a"); s(r"a", r"\x41", "a"); s(r"a", r"\101", "a"); s(r"a", r"\0", "a")
s(r"(a)|b", r"[\1]", "ab"); s(r"(a)?b", r"[\1]", "b"); s(r"a", r"\2", "a"); s(r"(a)", r"\g<2>", "a")
s(r"(a)", r"\g<name>", "a"); s(r"a", r"\q", "a"); s(r"a", r"\g<1a>", "a"); s(r"a", "\\", "a"); s(r"(a)", r"\g<01>", "a")
s(r"(a)", r"\g<+1>", "a"); s(r"(a)", r"\g<१>", "a"); s(r"(?P<n>a)", r"\g<n>\g<n>", "aa")
s(r"\d+", lambda m: str(int(m.group()) * 2), "a1b22c333")
s(r"\w", lambda m: m.group().upper() if m.start() % 2 else None, "abcd") if False else None
s(r"\w", lambda m: "", "abc"); s(r"(a)(b)?", lambda m: repr(m.groups()), "aab")
s(r"a", "b", "aaa", count=-1); s(r"a", "b", "aaaa", 0); s(r"x*", "-", "abc", 2)
s(r"(?i)A", "z", "aAbB"); s(r"a", "z", "AaA", flags=re.I); s(r".", "x", "a\nb", flags=re.S)
s(r"\s+", " ", "  a \t b\n\nc  "); s(r"(\d{3})(\d{4})", r"\1-\2", "5551234"); s(r"[aeiou]", "", "education")
s(r"(?<=a)b", "X", "abab"); s(r"b(?!c)", "X", "bcbd"); s(r"(a*)", r"<\1>", "baac")
s(b"a", b"b", b"aaa"); s(rb"(\d)", rb"\1\1", b"a1b2"); s(b"x*", b"-", b"abc")
s(b"a", "b", b"aaa"); s("a", b"b", "aaa"); s(b"a", b"\\1", b"a"); s(rb"(a)", rb"\g<1>!", b"a")
print(re.sub(b"a", bytearray(b"zz"), b"banana"))
print(re.sub("a", lambda m: m.group() * 2, "banana"))
try:
    re.sub("a", lambda m: 5, "banana")
except TypeError as e:
    print("TypeError", e)
try:
    re.sub(b"a", lambda m: "s", b"banana")
except TypeError as e:
    print("TypeError", e)
try:
    re.sub("a", 5, "abc")
except TypeError as e:
    print("TypeError", e)
p = re.compile(r"(\w)")
print(p.sub(r"\1-", "abc", 2), p.subn(r"\1-", "abc"), p.sub(repl=r"[\1]", string="xy"), p.subn(r"\1", "", 1))
class S(str):
    pass
print(repr(re.sub("b", "c", S("abc"))), type(re.sub("z", "c", S("abc"))).__name__, type(re.sub("z", S("c"), "abc")).__name__)
print(re.sub("a", "\u20ac", "banana"), re.sub("\U0001f600", "x", "a\U0001f600b"), re.sub("(.)", r"\1\1", "\U0001f600a"))
