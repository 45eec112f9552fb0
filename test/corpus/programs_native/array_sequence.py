# array as a sequence: indexing, slicing, slice assignment and deletion, +, *, +=, *=, comparisons,
# iteration, and the buffer protocol (memoryview, export locking).
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
a = A("i", range(10))
print(a[2], a[-1], a[2:5], a[::-2], a[5:2], a[::3], a[-3:], a[100:], a[True])
t(a.__getitem__, 10)
t(a.__getitem__, "x")
t(a.__getitem__, -11)
t(a.__getitem__, 1.0)
t(a.__getitem__, 2**70)
t(a.__getitem__, slice(0, 2**70))
t(a.__getitem__, slice(0, 5, 0))
a[0] = 100
a[-1] = -5
print(a)
t(a.__setitem__, 10, 1)
t(a.__setitem__, -11, 1)
t(a.__setitem__, 0, "x")
t(a.__setitem__, 0, 2**40)
t(a.__setitem__, "x", 1)
a[1:3] = A("i", [7, 7, 7])
print(a)
t(a.__setitem__, slice(0, 2), [1, 2])
t(a.__setitem__, slice(0, 2), A("d", [1.0]))
t(a.__setitem__, slice(0, 1), 5)
a[::2] = A("i", [0] * len(a[::2]))
print(a)
t(a.__setitem__, slice(None, None, 2), A("i", [1]))
del a[0]
print(a)
del a[::3]
print(a)
del a[1:3]
print(a)
del a[-1]
print(a)
t(a.__delitem__, 100)
t(a.__delitem__, "x")
a[len(a):] = a
print(a)
a[:0] = A("i", [-1, -2])
print(a)
a[2:2] = A("i")
print(a)
print(A("i", range(5))[1:4:2], A("i", range(5))[-100:100], A("i", range(5))[::-1])
y = A("i", range(6))
y[1:5:2] = A("i", [9, 9])
print(y)
t(y.__setitem__, slice(1, 5, 2), A("i", [1, 2, 3]))
y[4:1] = A("i", [5])
print(y)
y[::-1] = A("i", range(7))
print(y)
del y[::-2]
print(y)
del y[:]
print(y)
z = A("d", [1.5, 2.5, 3.5, 4.5, 5.5])
del z[1::2]
print(z)
z[0:1] = z
print(z)
b = A("i", [1, 2])
print(b + b, b * 3, 3 * b, b * 0, b * -1, A("i") * 5)
t(lambda: b + A("d"))
t(lambda: b + [1])
t(lambda: b * "x")
t(lambda: b * 2**70)
t(lambda: [1] + b)
c = A("i", [1])
c += A("i", [2])
print(c)
c *= 2
print(c)
c *= 1
print(c)
c *= -2
print(c)


def iadd_list():
    global c
    c += [1]


t(iadd_list)
print(A("i", [1, 2]) == A("d", [1.0, 2.0]), A("i", [1, 2]) < A("i", [1, 3]), A("b", [1]) == [1], A("i") == A("i"))
print(A("i", [1, 2]) >= A("i", [1]), A("i", [1, 2]) != A("i", [1, 2]), A("i", [2]) > A("i", [1, 5]), A("B", [1]) <= A("b", [1]))
print(A("f", [float("nan")]) == A("f", [float("nan")]), U("ab") == A("w", "ab"), U("ab") < A("w", "b"))
t(lambda: A("i") < [1])
t(lambda: A("i", [1]) < A("w", "a"))
print(list(A("d", [1.5, 2])), 2 in A("i", [1, 2]), "x" in A("i", [1, 2]), 2.0 in A("i", [2]), len(A("h", [1, 2, 3])))
it = iter(A("i", [1, 2, 3]))
print(next(it), it.__reduce__()[1:], list(it), it.__reduce__()[1:])
print(type(it).__name__, list(reversed(A("i", [1, 2]))), sum(A("d", [0.5] * 4)), max(A("b", [3, -1, 7])))
it2 = iter(A("i", [1, 2, 3]))
it2.__setstate__(2)
print(list(it2))
t(hash, A("i"))
a = A("i", range(8))
# a view locks the array's size while it is in use (here: its with block)
with memoryview(a) as m:
    print(m.format, m.itemsize, m.tolist(), m.nbytes, m.readonly, m.shape, m.strides, m.obj is a)
    t(a.append, 1)
    t(a.extend, [1])
    t(a.extend, [])
    t(a.extend, A("i"))
    t(a.pop)
    t(a.__delitem__, 0)
    t(a.__delitem__, slice(0, 0))
    t(a.frombytes, b"\0" * 4)
    t(a.frombytes, b"")
    t(a.fromlist, [1])
    t(a.fromlist, [])
    t(a.insert, 0, 1)
    t(a.remove, 0)
    t(a.__iadd__, A("i", [1]))
    t(a.__imul__, 2)
    t(a.__imul__, 1)
    t(a.clear)
    t(a.__setitem__, slice(0, 1), A("i", [1, 2]))
    t(a.__setitem__, slice(0, 2), A("i", [20, 21]))
    print(a)
    a[0] = 42
    print(m[0])
    m[1] = 43
    print(a[1], bytes(m[:2]))
    t(a.byteswap)
    t(a.reverse)
    print(a)
a.append(1)
print(len(a))
with memoryview(a) as m2:
    t(a.append, 2)
    with m2[1:3] as m3:
        print(m3.tolist())
        t(a.append, 2)
    t(a.append, 2)
a.append(3)
print(a)
print(memoryview(A("d", [1.5])).format, memoryview(A("w", "a")).format, memoryview(U("a")).format,
      memoryview(A("L", [1])).format, memoryview(A("q", [1])).format, memoryview(A("l", [1])).format)
print(memoryview(A("d", [1.5, 2.5])).tolist(), memoryview(A("h", [-1, 2])).cast("B").tolist())
print(bytes(A("h", [1, 2])), bytearray(A("B", [1, 2])), b"".join([A("b", [65, 66])]))
ba = bytearray(b"xy")
ba += A("B", [1])
print(ba, A("i", [1, 2]).tobytes() == bytes(memoryview(A("i", [1, 2]))))
e = A("i", [5, 6])
mv = memoryview(e)
mv[0] = 7
print(e, mv.tobytes())
mv.release()
print(A("b", [1, 2, 3]).count(2), A("b", range(100)).index(50), 3 in A("d", [1, 2, 3]))
print(sorted(A("i", [3, 1, 2])), A("i", [3, 1, 2]).tolist(), list(enumerate(A("B", b"ab"))))
