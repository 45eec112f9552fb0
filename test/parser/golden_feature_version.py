# Writes test/golden/parser/feature_version.txt: CPython 3.14's errors for constructs newer than
# ast.parse(..., feature_version=(3, N)). Run from the repository root with CPython 3.14, e.g.
#   npm run build && node dist/tools/oracle/python.js test/parser/golden_feature_version.py
# Each case line of the output: N<TAB>source (repr)<TAB>msg (lineno, offset, end_lineno, end_offset)
import ast

CASES = [
    (4, "async def f(): pass"), (7, "(x := 1)"), (9, "match x:\n case 1: pass"),
    (11, "type X = int"), (12, "def f[T=int](): pass"), (13, "try:\n pass\nexcept A, B:\n pass"),
    (13, "t'x'"), (5, "x: int = 1"), (4, "a @ b"), (5, "1_000"), (7, "def f(a, /): pass"),
    (10, "try:\n pass\nexcept* A:\n pass"), (5, "[x async for x in y]"), (13, "x = 1"),
]
with open("test/golden/parser/feature_version.txt", "w") as out:
    for v, src in CASES:
        try:
            ast.parse(src, feature_version=(3, v))
            res = "OK"
        except SyntaxError as e:
            res = "%s (%s, %s, %s, %s)" % (e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
        out.write("%d\t%r\t%s\n" % (v, src, res))
