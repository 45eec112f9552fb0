# _string.formatter_parser / formatter_field_name_split (used by string.Formatter)
import _string

def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

for s in ["", "abc", "a{0}b", "{}", "{!r}", "{:>5}", "{0!r:>5}x", "{a.b[0]:{w}}", "{{", "}}", "a{{b}}c", "x{{{0}}}y",
          "{0[a]}", "{0[}", "{:{}}", "{0!}", "{0!r", "{0!rx}", "{", "}", "a}b", "{0", "{0:", "{a{b}", "{0:}", "{ 0 }", "{0.x!s:^10}end"]:
    t(f"parse {s!r}", lambda: list(_string.formatter_parser(s)))
for s in ["0", "abc", "a.b", "a.b.c", "a[0]", "a[x].y[1]", "10[2][3]", "a.", "a[", "a[]", "a]b", "a[0]x", "", ".x", "[0]"]:
    t(f"split {s!r}", lambda: (lambda r: (r[0], list(r[1])))(_string.formatter_field_name_split(s)))
t("parse bad", lambda: _string.formatter_parser(1))
t("split bad", lambda: _string.formatter_field_name_split(1))
t("types", lambda: (type(_string.formatter_parser("")).__name__, type(_string.formatter_field_name_split("a")[1]).__name__))
import string
f = string.Formatter()
t("Formatter", lambda: f.format("{0}-{x!r}-{1:>4}", 1, 2, x="q"))
t("Formatter nested", lambda: f.format("{0:{1}}", 3.14159, ".2f"))
t("Formatter attr", lambda: f.format("{0.real} {1[1]}", 5, [7, 8]))
t("Formatter auto", lambda: f.format("{} {}", "a", "b"))
t("Formatter switch", lambda: f.format("{} {0}", "a"))
t("capwords", lambda: string.capwords(" hello   world "))
