import sys
from os import path as p, sep
from .. import x
from .mod import *
__all__ = ["a"]
def kwonly(*, a, b=2): return a + b
print(kwonly(a=1), kwonly(b=3, a=1))
values = [*range(3), *[4, 5]]
d = {**{"a": 1}, "b": 2, **dict(c=3)}
s = {*values, 7}
t = (*values,)
n = [i for i in range(5) if (j := i * 2) > 3]
assert n, f"empty {n}"
assert isinstance(n, list)
lam = lambda *a, **k: (a, k)
big = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33]
cond = 1 if sys else 2
chained = 1 < 2 < 3 == 3 != 4
inop = 1 in [1, 2] and 3 not in (4, 5) and 2 is not None
x = y = z = 0
x += 1; y -= 2; z *= 3; x /= 1; y //= 1; z %= 2; x **= 2; y <<= 1; z >>= 1; x &= 1; y |= 1; z ^= 1
try:
    import nonexistent
except ImportError:
    nonexistent = None
del x, y
with open(__file__) as fh: pass
raise SystemExit(0)
