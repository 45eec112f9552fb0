def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))
print(f(1, c=3))
print(f(1, 2, 3, 4, c=5, e=6, d=7))
print(f(*[1, 2], **{"c": 3}))
def g(x, /, y):
    return x - y
print(g(5, y=3))
for call in [lambda: g(1), lambda: g(x=1, y=2), lambda: f(), lambda: f(1, 2, c=1, b=3), lambda: (lambda: 0)(1)]:
    try:
        call()
    except TypeError as err:
        print(err)
def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)
print(deep(500))
def rec(n):
    return rec(n + 1)
try:
    rec(0)
except RecursionError as err:
    print(type(err).__name__, err)
a, b = 1, 2
a, b = b, a
x, (y, z) = 1, (2, 3)
print(a, b, x, y, z)
try:
    p, q = [1, 2, 3]
except ValueError as err:
    print(err)
