def add(a, b):
    return a + b
def mul(a, b):
    return a * b
def sub(a, b):
    return a - b
def lt(a, b):
    return a < b
def get(xs, i):
    return xs[i]
def total(it):
    t = 0
    for x in it:
        t += x
    return t
def truth(v):
    return "yes" if v else "no"
def call(f, x):
    return f(x)
for _ in range(3):
    print(add(1, 2), mul(3, 4), sub(10, 4), lt(1, 2), get([1, 2, 3], 1), total([1, 2, 3]), truth(0))
print(add("a", "b"), add(1.5, 2), add(2**62, 2**62), add([1], [2]), add(0x3fffffff, 1))
print(mul(2.5, 2), mul("ab", 3), mul(-0x3fffffff, 0x3fffffff), mul(0, -5), sub(1.5, 0.5), sub(-2**40, 1))
print(lt("a", "b"), lt(1.5, 1), lt(float("nan"), 1), lt(2**70, 1), lt((1, 2), (1, 3)))
print(get((4, 5), 0), get("xyz", 2), get({"k": "v"}, "k"), get([1, 2, 3], -1))
try:
    get([1, 2, 3], 5)
except IndexError as e:
    print("IndexError", e)
print(total(range(5)), total((1.5, 2.5)), total(x for x in [7, 8]), total({3: 0, 4: 0}))
print(truth(1), truth(""), truth("s"), truth([]), truth([0]), truth(None), truth(2**80), truth(0.0))
class C:
    def m(self, x):
        return x * 10
c = C()
for _ in range(3):
    print(call(len, "abcd"), call(str, 5), call(type, 1.0).__name__, call(c.m, 4), call(lambda v: v + 1, 1), call(tuple, [1]))
print(call(abs, -3), call(list, (1, 2)), call(isinstance, 1) if False else isinstance(1, int))
