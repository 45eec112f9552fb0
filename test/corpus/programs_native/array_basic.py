# array: typecodes, item sizes, construction from every kind of initializer, and the conversion
# errors of each typecode (CPython's *_setitem messages).
import array

# 'u' arrays are made in a module other than __main__, where DeprecationWarning is ignored by default
_ns = {"__name__": "uhelper", "array": array}
exec("def U(*a):\n    return array.array('u', *a)\n", _ns)
U = _ns["U"]


def mk(c, *a):
    return U(*a) if c == "u" else array.array(c, *a)


def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)


A = array.array
print(array.typecodes, array.ArrayType is A, A.__module__, A.__name__, A.__qualname__, repr(A))
print(array.__doc__.splitlines()[0])
print(sorted(n for n in dir(array) if not n.startswith("__")))
for c in array.typecodes:
    a = mk(c)
    print(c, a.itemsize, repr(a), a.typecode, len(a))
t(U, "abc")
t(A, "x")
t(A, "bb")
t(A, 1)
t(A)
t(A, "b", [1], 2)
t(A, "b", x=[1])
t(A, "b", 5)
t(A, "x", 5)
t(A, "x", "abc")
limits = {"b": (-128, 127), "B": (0, 255), "h": (-2**15, 2**15 - 1), "H": (0, 2**16 - 1),
          "i": (-2**31, 2**31 - 1), "I": (0, 2**32 - 1), "l": (-2**63, 2**63 - 1), "L": (0, 2**64 - 1),
          "q": (-2**63, 2**63 - 1), "Q": (0, 2**64 - 1)}
for c, (lo, hi) in limits.items():
    print(c, A(c, [lo, hi, 0]))
    t(A, c, [hi + 1])
    t(A, c, [lo - 1])
    t(A, c, [2**100])
    t(A, c, [-2**100])
    t(A, c, [1.5])
    t(A, c, ["a"])
    t(A, c, [None])
t(A, "b", [40000])
t(A, "H", [2**40])
t(A, "f", ["a"])
t(A, "d", [1, 2.5, True])
t(A, "f", [1e300])
t(A, "f", [0.1, -0.0, float("inf")])
t(A, "d", [2**1024])
t(A, "d", [1j])
t(A, "d", [None])
t(U, ["ab"])
t(U, [1])
t(A, "w", ["ab"])
t(A, "w", [""])
t(A, "w", "a\U0001f600b")
t(A, "w", ["\U0001f600"])
t(A, "b", "abc")
t(A, "b", b"\x01\xff")
t(A, "B", bytearray(b"\x01\xff"))
t(A, "h", b"\x01\xff")
t(A, "h", b"\x01\xff\x02")
t(U, b"a\0\0\0")
t(A, "b", A("h", [1, 2]))
t(A, "b", A("h", [1, 200]))
t(U, A("w", "ab"))
t(A, "w", U("ab"))
t(A, "b", A("w", "ab"))
t(A, "w", A("b", [1]))
t(A, "f", A("d", [1.5]))
t(A, "d", bytearray(16))
t(A, "i", range(5))
t(A, "i", iter([1, 2]))
t(A, "i", (1, 2))
t(A, "i", (x * x for x in range(4)))
t(A, "i", {1: 2})
t(A, "B", [True, False])


class I:
    def __index__(self):
        return 3


class Fl:
    def __float__(self):
        return 2.5


t(A, "b", [I()])
t(A, "Q", [I()])
t(A, "d", [I()])
t(A, "d", [Fl()])
t(A, "b", [Fl()])
print(repr(A("d", [1.0, 2.5, float("nan"), float("inf"), -0.0])), repr(A("f", [0.1])))
print(repr(U("a'b\"")), str(A("w", "x")), repr(A("w", "\n\t\x00")))
print(A("q", [2**62, -2**63])[1], A("Q", [2**64 - 1])[0], type(A("l", [5])[0]), A("L", [2**53 + 1])[0])


class SA(A):
    def __init__(self, *a):
        print("init", a)


s = SA("i", [1])
print(s, type(s).__name__, type(s[0:1]).__name__, type(s + s).__name__, type(s * 2).__name__, type(s.__copy__()).__name__)
print(isinstance(s, A), SA.__mro__)


class SB(A):
    pass


t(SB, "b", [1], x=1)
sb = SB("b", [1])
sb.x = 1
print(sb.__dict__, sb.__reduce_ex__(3)[2], sb.__reduce_ex__(2))
print(A.__class_getitem__(int), A[int])
