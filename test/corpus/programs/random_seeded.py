# _random.Random (MT19937) and random.py over it: seeded sequences equal CPython's
import builtins
if not hasattr(builtins, "memoryview"):  # until memoryview exists (_collections_abc registers it)
    builtins.memoryview = type("memoryview", (), {})
import _random
import random

def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

random.seed(42)
t("random", lambda: [random.random() for _ in range(5)])
t("randrange", lambda: [random.randrange(100) for _ in range(10)])
t("randrange step", lambda: [random.randrange(3, 100, 7) for _ in range(5)])
t("randrange big", lambda: random.randrange(10**30))
t("randint", lambda: [random.randint(1, 6) for _ in range(10)])
t("choice", lambda: [random.choice("abcdef") for _ in range(5)])
l = list(range(20)); random.shuffle(l)
t("shuffle", lambda: l)
t("sample", lambda: random.sample(range(100), 5))
t("sample counts", lambda: random.sample(["a", "b"], counts=[3, 2], k=4))
t("gauss", lambda: [round(random.gauss(0, 1), 12) for _ in range(3)])
t("uniform", lambda: [random.uniform(1, 2) for _ in range(3)])
t("triangular", lambda: random.triangular(0, 1, 0.3))
t("choices", lambda: random.choices("abc", k=5))
t("choices weights", lambda: random.choices("abc", [1, 2, 3], k=5))
t("choices cum", lambda: random.choices("abc", cum_weights=[1, 2, 10], k=5))
t("getrandbits", lambda: [random.getrandbits(k) for k in (0, 1, 7, 31, 32, 33, 53, 54, 64, 65, 100, 200)])
t("randbytes", lambda: random.randbytes(10))
t("binomial", lambda: (random.binomialvariate(10, 0.3), random.binomialvariate(100, 0.7)))
for seed in (0, 1, -1, -7, 5, 2**32, 2**32 - 1, 2**64 + 3, 2**100, 10**50):
    random.seed(seed)
    t(f"seed {seed}", lambda: (random.random(), random.getrandbits(40)))
s = random.getstate()
a = [random.random() for _ in range(3)]
random.setstate(s)
t("setstate", lambda: a == [random.random() for _ in range(3)])
t("state", lambda: (s[0], len(s[1]), s[1][-1], s[1][:3], s[2]))
r = random.Random(123)
t("instance", lambda: (r.random(), r.randrange(0, 10**30)))
r2 = random.Random()
r2.setstate(r.getstate())
t("copied state", lambda: r2.random() == r.random())

g = _random.Random(42)
t("_random", lambda: (g.random(), g.getrandbits(70)))
st = g.getstate()
t("_random state", lambda: (type(st).__name__, len(st), st[-1]))
for bad in (1, (1, 2), (0,) * 624 + (625,), (0,) * 624 + (-1,), ("a",) * 625, (-1,) + (0,) * 624):
    t("setstate bad", lambda: g.setstate(bad))
t("getrandbits neg", lambda: g.getrandbits(-1))
t("getrandbits float", lambda: g.getrandbits(1.5))
t("2 args", lambda: _random.Random(1, 2))
t("kwargs", lambda: _random.Random(x=1))
t("seed 2 args", lambda: g.seed(1, 2))
t("seed list", lambda: g.seed([1]))
t("seed None", lambda: (g.seed(), g.seed(None), 0 <= g.random() < 1))
t("pickle", lambda: g.__reduce__())
t("module", lambda: (type(g).__module__, type(g).__name__))
class R(_random.Random):
    def __init__(self, a, b):
        super().__init__(a)
t("subclass", lambda: R(3, 4).random() == _random.Random(3).random())
