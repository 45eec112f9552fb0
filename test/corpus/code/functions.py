def f0():
    pass
def f1(a):
    return a
def f2(a, b=1, *args, c, d=2, **kw):
    return a, b, args, c, d, kw
def f3(x, /, y):
    return x + y
def rec(n):
    return 1 if n <= 1 else n * rec(n - 1)
def gen(n):
    for i in range(n):
        yield i * i
def counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc
def deco(fn):
    return fn
@deco
def decorated(a: int, b: str = "x") -> bool:
    """Docstring here."""
    return bool(a)
c = counter()
print(f0(), f1(2), f2(1, c=3), f3(1, 2), rec(5), list(gen(4)), c(), c(2), decorated(1))
print(*[1, 2], **{})
f2(*(1, 2), c=1, **{"d": 3})
