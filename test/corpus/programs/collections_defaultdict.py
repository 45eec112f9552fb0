# defaultdict, _tuplegetter and _count_elements from _collections
from _collections import defaultdict, _tuplegetter, _count_elements

def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

d = defaultdict(list)
d["a"].append(1)
d["b"]
t("repr", lambda: d)
t("factory", lambda: d.default_factory)
t("isinstance dict", lambda: (isinstance(d, dict), type(d).__mro__))
t("none factory", lambda: defaultdict()["x"])
t("none factory repr", lambda: defaultdict())
t("bad factory", lambda: defaultdict(1))
t("kwargs", lambda: defaultdict(int, a=1, b=2))
t("mapping arg", lambda: defaultdict(int, {"x": 1}, y=2))
t("kw factory is key", lambda: defaultdict(default_factory=int))
t("get no missing", lambda: defaultdict(int).get("q"))
t("missing direct", lambda: defaultdict(int).__missing__("k"))
t("missing none", lambda: defaultdict().__missing__("k"))
t("contains", lambda: "z" in defaultdict(int))
c = defaultdict(int)
for ch in "mississippi":
    c[ch] += 1
t("counting", lambda: sorted(c.items()))
t("copy", lambda: (c.copy(), type(c.copy()).__name__))
t("__copy__", lambda: c.__copy__())
r = defaultdict(list, {1: [2]}).__reduce__()
t("reduce", lambda: (r[0], r[1], r[2], r[3], list(r[4])))
t("reduce none", lambda: defaultdict().__reduce__()[1])
t("or", lambda: defaultdict(int, a=1) | {"b": 2})
t("ror", lambda: {"b": 2} | defaultdict(int, a=1))
t("or type", lambda: type({"b": 2} | defaultdict(int, a=1)).__name__)
t("or bad", lambda: defaultdict(int) | 1)
x = defaultdict(int, a=1); x |= {"c": 3}; t("ior", lambda: x)
x.default_factory = str
t("set factory", lambda: (x["new"], x))
class DD(defaultdict):
    pass
t("sub repr", lambda: DD(int, q=1))
t("sub copy", lambda: type(DD(int).copy()).__name__)
class DM(defaultdict):
    def __missing__(self, key):
        return key * 2
t("sub missing", lambda: DM(int)[21])
t("eq dict", lambda: defaultdict(int, a=1) == {"a": 1})
t("generic", lambda: defaultdict[str, int])
x = defaultdict(None); x.default_factory = x
t("recursive factory", lambda: repr(x).startswith("defaultdict(..., {})") or repr(x))
def f():
    return 42
t("lambda factory", lambda: defaultdict(f)["k"])

# _tuplegetter
class P(tuple):
    x = _tuplegetter(0, "the x")
    y = _tuplegetter(1, "the y")
p = P((3, 4))
t("getter", lambda: (p.x, p.y))
t("getter class", lambda: type(P.__dict__["x"]).__name__)
t("doc", lambda: P.x.__doc__)
P.x.__doc__ = "changed"
t("doc set", lambda: P.x.__doc__)
t("set", lambda: setattr(p, "x", 1))
t("del", lambda: delattr(p, "x"))
t("short", lambda: P(()).x)
t("wrong type", lambda: P.__dict__["x"].__get__([1, 2], list))
t("reduce", lambda: P.__dict__["y"].__reduce__())
t("bad args", lambda: _tuplegetter(1))

# _count_elements
m = {}
_count_elements(m, "abracadabra")
t("count", lambda: m)
_count_elements(m, "ab")
t("count again", lambda: m)
class M(dict):
    pass
mm = M()
_count_elements(mm, [1, 1, 2])
t("count sub", lambda: mm)
t("count bad", lambda: _count_elements({}, 1))
t("count args", lambda: _count_elements({}))
