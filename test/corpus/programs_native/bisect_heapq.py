# _bisect and _heapq: results, the C versions behind bisect/heapq, and their error messages.
import _heapq, _bisect, bisect, heapq, random


def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)


print(bisect.bisect is _bisect.bisect_right, heapq.heappush is _heapq.heappush, heapq.heappop_max is _heapq.heappop_max)
print(sorted(n for n in dir(_heapq) if not n.startswith("__")))
print(_heapq.heappush.__doc__)
print(_bisect.insort_left.__doc__)

# bisect
a = [1, 2, 2, 2, 3, 5, 8]
for x in (0, 1, 2, 4, 8, 9):
    print(x, _bisect.bisect_left(a, x), _bisect.bisect_right(a, x), bisect.bisect(a, x))
print(_bisect.bisect_left(a, 2, 2), _bisect.bisect_left(a, 2, 0, 2), _bisect.bisect_right(a, 2, hi=3))
print(_bisect.bisect_left(a, 2, lo=5), _bisect.bisect_right(a, 2, 1, -1), _bisect.bisect_right(a, 2, 0, -5))
keyed = [("a", 1), ("b", 3), ("c", 5)]
print(_bisect.bisect_left(keyed, 3, key=lambda p: p[1]), _bisect.bisect_right(keyed, 3, key=lambda p: p[1]))
l = [1, 3]
_bisect.insort_left(l, 2)
_bisect.insort_right(l, 3)
_bisect.insort(l, 0) if hasattr(_bisect, "insort") else bisect.insort(l, 0)
print(l)
kl = [("x", 1), ("y", 4)]
_bisect.insort_left(kl, ("z", 2), key=lambda p: p[1])
_bisect.insort_right(kl, ("w", 4), key=lambda p: p[1])
print(kl)
print(_bisect.bisect_left((1, 2, 3), 2), _bisect.bisect_left(range(10), 5), _bisect.bisect_left("abc", "b"))


class L(list):
    def insert(self, i, x):
        print("insert", i, x)
        super().insert(i, x)


sl = L([1, 3])
_bisect.insort_left(sl, 2)
print(sl)
t(_bisect.bisect_left, None, 1)
t(_bisect.bisect_left, [1, 2], 1, -1)
t(_bisect.bisect_left, [1, 2], 1, 0, 10)
t(_bisect.bisect_left, [1, 2], 1, "a")
t(_bisect.bisect_left, [1, 2], 1, 1.5)
t(_bisect.bisect_left, [1, 2], 1, 0, "a")
t(_bisect.bisect_left, [1, 2], 1, lo=0, hi=None)
t(_bisect.bisect_left, [1, 2], 1, 0, 2, key=None)
t(_bisect.bisect_left, [1, 2], 1, 0, 2, None)
t(_bisect.insort_left, (1, 2), 1)
t(_bisect.insort_left, [1, 2], "a")
t(_bisect.bisect_left, [], 1, foo=1)
t(_bisect.bisect_left, [])
t(_bisect.bisect_left)
t(_bisect.bisect_right, [1, 2, 3], 2, hi=2**70)
t(_bisect.bisect_right, [1, 2, 3], 2, lo=2**70)
t(_bisect.insort_right, [1, 2, 3], 2, lo=-1)
t(_bisect.bisect_right, [1, 2], 1, key=5)

# heapq
random.seed(5)
data = [random.randrange(1000) for _ in range(200)]
h = []
for x in data:
    _heapq.heappush(h, x)
out = [_heapq.heappop(h) for _ in range(len(h))]
print(out == sorted(data), out[:10])
h = data[:]
_heapq.heapify(h)
print(h[:15])
big = [random.random() for _ in range(3000)]
hb = big[:]
_heapq.heapify(hb)
print(all(hb[i] <= hb[2 * i + 1] for i in range(len(hb) // 2)), [_heapq.heappop(hb) for _ in range(3)] == sorted(big)[:3])
hm = data[:]
_heapq.heapify_max(hm)
print(hm[:10], _heapq.heappop_max(hm), _heapq.heapreplace_max(hm, 5), _heapq.heappushpop_max(hm, 2000), _heapq.heappushpop_max(hm, 1))
_heapq.heappush_max(hm, 10**6)
print(hm[0], len(hm))
h = [3, 1, 2]
_heapq.heapify(h)
print(_heapq.heapreplace(h, 10), h, _heapq.heappushpop(h, 0), _heapq.heappushpop(h, 5), h)
print(heapq.nlargest(3, data), heapq.nsmallest(3, data), list(heapq.merge([1, 4], [2, 3])))
print(heapq.nsmallest(2, ["bb", "a", "ccc"], key=len))
t(_heapq.heappush, (), 1)
t(_heapq.heappush, [], 1, 2)
t(_heapq.heappush, heap=[], item=1)
t(_heapq.heappop, [])
t(_heapq.heappop, None)
t(_heapq.heappop, [], 1)
t(_heapq.heappop, x=1)
t(_heapq.heappop)
t(_heapq.heapify, None)
t(_heapq.heapify_max, (1,))
t(_heapq.heapreplace, [], 1)
t(_heapq.heapreplace_max, [], 1)
t(_heapq.heappushpop, [], 1)
t(_heapq.heappush, [1], "a")
t(_heapq.heapify, [1, "a", 2])


class Evil:
    def __init__(self, h):
        self.h = h

    def __lt__(self, other):
        self.h.clear()
        return True


eh = []
eh.append(1)
eh.append(Evil(eh))
t(_heapq.heappush, eh, Evil(eh))
eh2 = [Evil(None) for _ in range(3)]
for e in eh2:
    e.h = eh2
t(_heapq.heapify, eh2)
