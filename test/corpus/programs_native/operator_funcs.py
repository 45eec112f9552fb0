# _operator: every function, attrgetter/itemgetter/methodcaller, and their error messages.
import _operator as o
import operator


def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)


print(operator.add is o.add, operator.attrgetter is o.attrgetter, operator.__lt__ is o.lt, operator.__iadd__ is o.iadd)
print(sorted(n for n in dir(o) if not n.startswith("__")))
t(o.attrgetter)
t(o.attrgetter, 1)
t(o.attrgetter, "a", x=1)
g = o.attrgetter("real", "imag.real", "a.b.c")
print(repr(g), g.__reduce__())
t(g, 1)
t(o.attrgetter("real"), 3, 4)
t(o.attrgetter("real"), x=3)
t(o.attrgetter("nope"), 3)
t(o.itemgetter)
ig = o.itemgetter(1, "a")
print(repr(ig), ig.__reduce__())
t(ig, [1, 2])
t(o.itemgetter(1), [1, 2])
t(o.itemgetter(1), "ab")
t(o.itemgetter(5), [1])
t(o.itemgetter(-1), (1, 2))
t(o.itemgetter(1), {1: 2})
t(o.itemgetter(1), 1)
t(o.itemgetter(1))
t(o.itemgetter(1), [1], x=2)
t(o.itemgetter(slice(1, 3)), [1, 2, 3, 4])
t(o.methodcaller)
t(o.methodcaller, 1)
mc = o.methodcaller("split", ",", maxsplit=1)
print(repr(mc), mc.__reduce__())
t(mc, "a,b,c")
red = mc.__reduce__()
print(red[0](*red[1])("x,y,z"))
mc2 = o.methodcaller("split", ",")
print(repr(mc2), mc2.__reduce__())
t(mc2, "a,b")
t(mc2)
t(mc2, "a", "b")
t(o._compare_digest, b"abc", b"abc")
t(o._compare_digest, "abc", "abd")
t(o._compare_digest, "abc", "ab")
t(o._compare_digest, 1, 2)
t(o._compare_digest, "\xe9", "\xe9")
t(o._compare_digest, b"a", "a")
t(o._compare_digest, bytearray(b"a"), b"a")
t(o._compare_digest, memoryview(b"ab"), b"ab")
t(o.length_hint, [1, 2])
t(o.length_hint, iter([1, 2, 3]))
t(o.length_hint, 5)
t(o.length_hint, 5, 7)
t(o.length_hint, 5, "a")
t(o.length_hint, 5, -1)
t(o.length_hint)


class H:
    def __init__(s, v):
        s.v = v

    def __length_hint__(s):
        if isinstance(s.v, Exception):
            raise s.v
        return s.v


t(o.length_hint, H(3))
t(o.length_hint, H(-1))
t(o.length_hint, H("a"))
t(o.length_hint, H(NotImplemented), 9)
t(o.length_hint, H(TypeError("x")), 9)
t(o.length_hint, H(ValueError("v")), 9)
t(o.length_hint, H(2**70))


class Lx:
    def __len__(s):
        raise TypeError("lenerr")


t(o.length_hint, Lx())
t(o.index, 5)
t(o.index, 5.0)
t(o.index, True)
t(o.call, len, [1])
t(o.call, dict, a=1)
t(o.call)
t(o.is_none, None)
t(o.is_not_none, None)
t(o.is_none, 0)
t(o.concat, [1], [2])
t(o.concat, 1, 2)
t(o.iconcat, [1], (2,))
t(o.iconcat, 1, [2])
t(o.concat, [1], "a")
t(o.concat, "a", "b")
t(o.countOf, [1, 2, 1], 1)
t(o.indexOf, [1, 2], 3)
t(o.indexOf, [1, 2], 2)
t(o.countOf, 1, 1)
t(o.contains, [1], 1)
t(o.contains, 1, 1)
t(o.truth, [])
t(o.not_, 0)
t(o.is_, 1, 1)
t(o.is_not, 1, 1)
l = [1]
t(o.getitem, l, 0)
t(o.setitem, l, 0, 5)
print(l)
t(o.delitem, l, 0)
print(l)
t(o.add, 1)
t(o.add, 1, 2, 3)
t(o.add, a=1, b=2)
t(o.neg, 1, 2)
t(o.neg)
t(o.setitem, [1], 0)
for name in ("add", "sub", "mul", "floordiv", "truediv", "mod", "pow", "lshift", "rshift", "and_", "or_", "xor",
             "iadd", "isub", "imul", "ifloordiv", "itruediv", "imod", "ipow", "ilshift", "irshift", "iand", "ior", "ixor",
             "lt", "le", "eq", "ne", "gt", "ge"):
    print(name, getattr(o, name)(7, 3), getattr(o, name).__doc__)
for name in ("neg", "pos", "abs", "inv", "invert", "truth", "not_", "index"):
    print(name, getattr(o, name)(-5), getattr(o, name).__doc__)
t(o.matmul, 1, 2)
t(o.imatmul, 1, 2)
t(o.truediv, 1, 0)
t(o.lt, 1, "a")
t(o.eq, 1, "a")
t(o.ne, [1], [1])
li = [1]
print(o.iadd(li, [2]) is li, li, o.imul(li, 2), o.iconcat(li, [9]) is li)
print(o.add.__text_signature__ is None or True, o.add.__name__, o.add.__qualname__, o.add.__module__)
print(o.attrgetter.__doc__)
print(o.methodcaller.__doc__)


class S(str):
    pass


print(repr(o.attrgetter(S("real"))), o.attrgetter(S("real"))(5))
t(o.attrgetter("a..b"), 1)
t(o.methodcaller, "a", 1, 2, **{"x": 1})
print(repr(o.methodcaller("a", [1], k={})))
l2 = []
ig2 = o.itemgetter(l2)
l2.append(ig2)
print(repr(ig2))
print(repr(o.itemgetter((1,))))


class K:
    pass


k = K()
k.x = K()
k.x.y = 5
t(o.attrgetter("x.y"), k)
print(o.attrgetter("x.y", "x")(k)[0])
for T in (o.attrgetter, o.itemgetter, o.methodcaller):
    try:
        class X(T):
            pass
    except TypeError as e:
        print(e)
print(sorted([(1, "b"), (0, "c"), (2, "a")], key=o.itemgetter(1)))
print(sorted(["bb", "a", "ccc"], key=o.methodcaller("__len__")))
