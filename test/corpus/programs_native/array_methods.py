# array methods: append/extend/insert/pop/remove/index/count/reverse/byteswap, the bytes, list,
# unicode and file conversions, pickling helpers (__reduce_ex__, _array_reconstructor) and copies.
import array
import copy
import io

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
a = A("i", [1, 2, 3, 2])
t(a.append, "x")
t(a.append)
t(a.append, 1, 2)
t(a.count, 2)
t(a.count, "x")
t(a.count, 2.0)
t(a.index, 2)
t(a.index, 2, 2)
t(a.index, 2, -1)
t(a.index, 2, 0, 1)
t(a.index, 9)
t(a.index, 2, "a")
t(a.index, 2, 2**70)
t(a.index, 2, -2**70)
t(a.index, 2, 0, -1)
t(a.index, 2, 0, -3)
t(a.index, 2, 1, 2**70)
t(a.index)
t(a.index, 2, start=1)
t(a.remove, 9)
t(a.remove, 2)
print(a)
t(a.pop)
t(a.pop, 0)
t(a.pop, 5)
t(a.pop, -5)
t(a.pop, "x")
t(a.pop, 2**70)
t(A("i").pop)
t(A("i").pop, 0)
print(a)
t(a.insert, 0, 7)
t(a.insert, -100, 8)
t(a.insert, 100, 9)
t(a.insert, -1, 10)
t(a.insert, "a", 1)
t(a.insert, 0, "a")
t(a.insert, 0)
print(a)
t(a.extend, [1, 2])
t(a.extend, A("d", [1.0]))
t(a.extend, A("i", [5]))
t(a.extend, (6, 7))
t(a.extend, 5)
t(a.extend, [11, "a", 12])
print(a)
a.extend(a)
print(a)
a.reverse()
print(a)
a.byteswap()
print(a)
a.byteswap()
print(a.itemsize, a.tobytes()[:12], a.tolist())
for c in "bBhHiIlLqQfd":
    x = A(c, [1, 2])
    x.byteswap()
    print(c, x.tobytes())
w = A("w", "ab")
w.byteswap()
print(w.tobytes())
t(a.frombytes, b"\x01\x00\x00\x00")
t(a.frombytes, b"\x01")
t(a.frombytes, "abc")
t(a.frombytes, bytearray(b"\x02\x00\x00\x00"))
t(a.frombytes, memoryview(b"\x03\x00\x00\x00"))
t(a.frombytes, A("i", [4]))
t(a.frombytes)
print(a)
t(a.fromlist, [1, "a"])
print(a)
t(a.fromlist, (1,))
t(a.fromlist, [3, 4])
print(a)
t(a.fromunicode, "abc")
t(a.tounicode)
u = A("w", "ab")
t(u.fromunicode, "cd\U0001f600")
t(u.fromunicode, 5)
t(u.tounicode)
print(u, len(u))
t(u.frombytes, b"z\0\0\0")
print(u, u.tolist())
uu = U("xy")
uu.fromunicode("z")
print(uu, uu.tounicode(), uu.tolist())
t(A("w", [chr(0x10FFFF)]).tounicode)
bad = A("w")
bad.frombytes(b"a\0\0\0\xff\xff\xff\xff")
t(bad.tounicode)
t(repr, bad)
t(bad.__getitem__, 1)
t(bad.__getitem__, 0)
t(A("d", [1, 2]).tounicode)
t(a.__reduce_ex__, 2)
t(a.__reduce_ex__, 3)
t(a.__reduce_ex__)
t(a.__reduce_ex__, "x")
t(u.__reduce_ex__, 3)
t(A("d", [1.5]).__reduce_ex__, 4)
t(U("x").__reduce_ex__, 3)
for c in array.typecodes:
    print(c, mk(c).__reduce_ex__(3)[1][2])
r = array._array_reconstructor
print(r.__name__, r.__module__)
t(r, A, "i", 8, b"\x01\x00\x00\x00")
t(r, A, "i", 0, b"\x01\x00\x00\x00")
t(r, A, "x", 0, b"")
t(r, A, "i", 99, b"")
t(r, A, "i", -1, b"")
t(r, 1, "i", 0, b"")
t(r, int, "i", 0, b"")
t(r, A, "i", 0, "x")
t(r, A, "i", 0, bytearray())
t(r, A, "ii", 0, b"")
t(r, A, 1, 0, b"")
t(r, A, "i", 0)
t(r, A, "i", "x", b"")
for code in range(22):
    for tc in "bwd":
        t(r, A, tc, code, b"a\0\0\0\0\0\0\x01")
t(r, A, "h", 13, b"\x01\x00\x00\x02")
t(r, A, "w", 21, b"a\0\0\0")
t(r, A, "b", 11, b"\xff" * 8)
t(r, A, "b", 13, b"\xff" * 8)
c = copy.copy(a)
print(c == a, c is a, type(c).__name__)
d = copy.deepcopy(a)
print(d == a, d is a)
t(a.__copy__)
t(a.__deepcopy__, {})
t(a.clear)
print(a, len(a))
print(a.typecode, a.itemsize, type(a.buffer_info()), a.buffer_info()[1], A("i", [1, 2]).buffer_info()[1])
t(setattr, a, "typecode", "b")
t(setattr, a, "itemsize", 1)
f = io.BytesIO()
A("i", [1, 2, 3]).tofile(f)
print(f.getvalue())
f.seek(0)
x = A("i")
x.fromfile(f, 2)
print(x)
t(x.fromfile, f, 5)
print(x)
t(x.fromfile, f, -1)
t(x.fromfile, 1, 1)
t(x.fromfile, f, "a")
t(x.fromfile, f)
t(A("i").tofile, 1)
t(A("i", [1]).tofile, 1)
x.fromfile(io.BytesIO(b"\x01\0\0\0\x02"), 1)
print(x)
t(x.fromfile, io.BytesIO(b"\x01\0\0\0\x02"), 2)
print(x)


class R:
    def read(self, n):
        return "abc"


t(x.fromfile, R(), 1)
big = A("B", bytes(range(256)) * 300)
out = io.BytesIO()
big.tofile(out)
print(len(out.getvalue()), out.getvalue() == big.tobytes())


class W:
    def __init__(self):
        self.sizes = []

    def write(self, b):
        self.sizes.append(len(b))


ww = W()
big.tofile(ww)
print(ww.sizes)
for name in ("append", "buffer_info", "byteswap", "count", "extend", "frombytes", "fromfile", "fromlist",
             "fromunicode", "index", "insert", "pop", "remove", "reverse", "tobytes", "tofile", "tolist", "tounicode"):
    print(name, (getattr(A, name).__doc__ or "").splitlines()[0])
