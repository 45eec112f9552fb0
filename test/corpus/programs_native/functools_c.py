# _functools: partial (Placeholder), reduce, cmp_to_key, _lru_cache_wrapper, and error messages.
import _functools as F
import functools
import copy
from functools import partial, Placeholder as P


def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)


print(functools.partial is F.partial, functools.reduce is F.reduce, functools.cmp_to_key is F.cmp_to_key,
      functools._lru_cache_wrapper is F._lru_cache_wrapper, functools.Placeholder is F.Placeholder)
print(sorted(n for n in dir(F) if not n.startswith("__")))
t(partial)
t(partial, 1)
t(partial, print, P)
t(partial, print, P, 1)
t(partial, print, a=P)
p = partial(print, 1, P, 3, sep="-")
print(repr(p), p.args, p.keywords, p.func)
p(2)
t(p)
p(2, 4, end="!\n")
p2 = partial(p, "x", 5)
print(repr(p2), p2.args, p2.func)
print(p.__reduce__())
print(repr(P), type(P), P.__reduce__(), type(P)() is P, copy.copy(P) is P)
t(type(P), 1)


class A:
    m = partial(lambda self, x: (self, x), x=1)


a = A()
print(a.m() == (a, 1), type(A.m).__name__)


class Sub(partial):
    pass


print(repr(Sub(print, 1)), type(Sub(print, 1)).__name__)
s = partial(print)
t(s.__setstate__, 1)
t(s.__setstate__, (1, 2))
t(s.__setstate__, (print, (1,), None, None))
print(repr(s))
t(s.__setstate__, (print, [1], None, None))
t(s.__setstate__, (1, (1,), None, None))
t(s.__setstate__, (print, (1,), [], None))
t(s.__setstate__, (print, (1, P), {}, None))
t(s.__setstate__, (print, (1,), {}, 5))
t(s.__setstate__, (print, (2,), {"end": "?\n"}, {"z": 1}))
print(repr(s), s.z)
s()
t(setattr, p, "func", 1)
t(setattr, p, "args", ())
p.x = 5
print(p.__dict__)
print(repr(partial(partial(print, 1), 2)), partial(partial(print, P, 1), 2).args)
print(partial[int])


def f(*a, **k):
    return a, k


pf = partial(f, 1, a=1)
print(pf(2, a=2, b=3), pf.__reduce__()[2][1:])
t(partial(f, P, P, 3), 1)
print(partial(f, P, P, 3)(1, 2, 4, z=0))
print(partial.__module__, partial.__qualname__, partial.__name__, partial.__doc__)
pr = partial(f)
pr.__setstate__((f, (pr,), {}, None))
print(repr(pr).endswith(", ...)"))
print(partial(f)(), partial(f, x=1)(), partial(f, 1, 2)(3, y=4))
print(partial(f, a=1)(a=2))

# reduce
t(F.reduce, lambda a, b: a + b, [1, 2, 3])
t(F.reduce, lambda a, b: a + b, [], 5)
t(F.reduce, lambda a, b: a + b, [])
t(F.reduce, lambda a, b: a + b, 1)
t(F.reduce, lambda a, b: a + b, [1], initial=5)
t(F.reduce)
t(F.reduce, 1, [1, 2])
t(F.reduce, lambda a, b: a + b, iter([1, 2]), None)
t(F.reduce, lambda a, b: 1 / 0, [1, 2])
print(F.reduce(lambda a, b: a * b, range(1, 20)), F.reduce(lambda a, b: a + b, ["a", "b", "c"], "z"))

# cmp_to_key
K = F.cmp_to_key(lambda a, b: a - b)
k = K(1)
print(type(k), k.obj, K(1) < K(2), K(1) == K(1), K(2) >= K(3), sorted([3, 1, 2], key=K), type(K).__name__)
t(K)
t(K, 1, 2)
t(lambda: k < 1)
t(hash, k)
t(F.cmp_to_key)
print(K(obj=7).obj)
print(sorted(["b", "A", "c"], key=functools.cmp_to_key(lambda a, b: (a.lower() > b.lower()) - (a.lower() < b.lower()))))

# lru_cache
t(F._lru_cache_wrapper, 1, 2, False, None)
t(F._lru_cache_wrapper, len, "a", False, None)
t(F._lru_cache_wrapper, len, 2, False)
w = F._lru_cache_wrapper(len, -3, False, functools._CacheInfo)
print(w.cache_info())


@functools.lru_cache(maxsize=2)
def f2(x, y=1):
    print("call", x, y)
    return x + y


f2(1); f2(1); f2(2); f2(3); f2(1); f2(1, y=1); f2(x=1); f2(1, 1)
print(f2.cache_info(), f2.cache_parameters(), f2.__wrapped__.__name__, f2.__name__, type(f2))
f2.cache_clear()
print(f2.cache_info())


@functools.lru_cache(maxsize=None, typed=True)
def g(x):
    print("g", x)
    return x


g(1); g(1.0); g(True); g(1)
print(g.cache_info())


@functools.lru_cache(0)
def h(x):
    return x


h(1); h(1)
print(h.cache_info())


@functools.cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(80), fib.cache_info())
t(g, [1])


class B:
    @functools.lru_cache
    def m(self, x):
        return (x, 1)


b = B()
print(b.m(3), B.m.cache_info(), type(B.m).__name__)
print(copy.copy(f2) is f2, copy.deepcopy(f2) is f2, f2.__reduce__())
t(functools.lru_cache, "x")
print(type(f2).__name__, type(f2).__qualname__, type(f2).__module__)
t(f2)
t(f2, 1, 2, 3)


@functools.lru_cache(maxsize=3)
def r(n):
    print("r", n)
    if n > 0:
        r(n - 1)
    return n


r(5)
print(r.cache_info())
r(5); r(1)
print(r.cache_info())
print([n for n in f2.__dict__ if n != "__annotate__"])


@functools.lru_cache(maxsize=2, typed=False)
def kw(*a, **k):
    return len(a) + len(k)


kw(1, 2); kw(1, 2); kw(a=1); kw(a=1); kw(1, a=1); kw("s"); kw("s")
print(kw.cache_info())
