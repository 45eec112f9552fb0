# Records CPython 3.14's marshal bytes for test/modules/marshal.test.ts:
#   node dist/tools/oracle/python.js test/golden/marshal/make_marshal_golden.py > test/golden/marshal/marshal.json
# Known difference: the one-character str a %-format optimization makes of "%%" is a new object in
# CPython (not the interned latin-1 singleton tython assumes), so it is left out here.
# "code": marshal.dumps of compile(source, filename, 'exec') held in a variable (as importlib does).
# "data": marshal.dumps(value, version) of values built at run time (no constants shared with
# this script), for every version; "errors": loads() of damaged data and its exception.
import json, marshal, sys

SOURCES = {
    "empty": "",
    "assign": "x = 1\n",
    "func": "def f(a, b=2, *args, c, d=4, **kw):\n    return a + b + c + d\n",
    "closure": "def outer(x):\n    def inner(y):\n        return x + y\n    return inner\n",
    "class": "class A:\n    'doc'\n    x: int = 3\n    def m(self):\n        return self.x\n    @property\n    def p(self):\n        return 1\n",
    "nested_class": "def f():\n    class Local:\n        pass\n    return Local\nclass Outer:\n    class Inner:\n        y = 2\n",
    "consts": "a = 1000\nb = 1000\nc = 1.5\nd = -0.0\ne = 2j\nf = b'bytes'\ng = 'text with spaces'\nh = 'name_like'\ni = 2**70\nj = -2**70\nk = (1, 2, (3, 'x'))\nl = None, True, False, ...\n",
    "shared_consts": "def f():\n    return 'shared string!', 12345, (1, 2)\ndef g():\n    return 'shared string!', 12345, (1, 2)\n",
    "same_funcs": "def f(self):\n    return self.x\ndef g(self):\n    return self.x\n",
    "strings": "s1 = 'caf\\u00e9'\ns2 = '\\u20ac'\ns3 = '\\U0001f600'\ns4 = 'x' * 300\ns5 = '%'\ns6 = '\\udc80'\ns7 = ''\n",
    "fstrings": "def f(x, y):\n    return f'{x}-{y!r:>10}' + '%s-%s' % (x, y)\n",
    "sets": "def f(x):\n    return x in {1, 2, 3}, x in {'a', 'b'}, x not in {b'q', 2.5}\n",
    "slices": "def f(a):\n    return a[1:2], a[::3], a[265:297], a[297:329]\n",
    "comprehensions": "def f(xs):\n    return [x for x in xs], {x: 1 for x in xs}, {x for x in xs}, (x for x in xs)\n",
    "async": "async def f(a):\n    await a\n    async for x in a:\n        yield x\n",
    "try": "def f():\n    try:\n        g()\n    except (ValueError, TypeError) as e:\n        return e\n    finally:\n        h()\n",
    "with_match": "def f(x):\n    with open(x) as fp:\n        match fp.read():\n            case [a, b, *rest]:\n                return a\n            case {'k': v}:\n                return v\n            case _:\n                return None\n",
    "annotations": "x: int\ndef f(a: int, b: 'str' = 'b') -> list[int]:\n    return [a]\nclass C:\n    y: float\n    def m(self, z: int) -> None: pass\nclass D:\n    w: bytes\n",
    "generics": "class G[T]:\n    def m[U](self, u: U) -> T: ...\ntype Alias[K] = dict[K, int]\n",
    "lambda_genexpr": "f = lambda x: x + 1\ng = (lambda: 0, lambda: 0)\nh = sum(i for i in range(10))\n",
    "globals_nonlocal": "x = 0\ndef f():\n    global x\n    x += 1\n    def g():\n        nonlocal_y = 1\n        def h():\n            nonlocal nonlocal_y\n            nonlocal_y += 1\n        return h\n    return g\n",
    "docstrings": "'''module doc'''\ndef f():\n    '''function doc'''\ndef g():\n    '''function doc'''\n",
    "big_tuple": "t = (" + ", ".join(str(i) for i in range(300)) + ")\n",
    "unicode_names": "caf\u00e9 = 1\ndef \u00e9t\u00e9(\u00e0):\n    return \u00e0\n",
    "decorators": "import functools\n@functools.cache\ndef f(n):\n    return n if n < 2 else f(n - 1) + f(n - 2)\n",
}

FILENAMES = ["f", "/some/dir/module.py"]

def rt(s):
    """A copy of s made at run time: not a constant of this script, so not shared with it."""
    return "".join(list(s))

def values():
    # built at run time, so each is held by this list only (refcount 1 in the dump)
    return [
        ("None", None), ("True", True), ("False", False), ("Ellipsis", ...), ("StopIteration", StopIteration),
        ("0", int("0")), ("1", int("1")), ("-1", int("-1")), ("2**31-1", int("2147483647")), ("2**31", int("2147483648")),
        ("-2**31", int("-2147483648")), ("-2**31-1", int("-2147483649")), ("2**100", int("1" + "0" * 30)), ("-2**64", -int("18446744073709551616")),
        ("1.5", float("1.5")), ("0.1", float("0.1")), ("-0.0", float("-0.0")), ("inf", float("inf")), ("-inf", float("-inf")),
        ("1e100", float("1e100")), ("1e-7", float("1e-7")), ("123456789.125", float("123456789.125")), ("5e-324", float("5e-324")),
        ("complex", complex(float("1.5"), float("-2"))),
        ("bytes", bytes([0, 1, 2, 255])), ("bytearray", bytearray(b"ab")),
        ("ascii", "ab" + "c"), ("ascii300", "x" * int("300")), ("latin1", "caf" + chr(233) + "!"), ("bmp", chr(0x20ac) + "?"), ("astral", chr(0x1F600) + "!"),
        ("surrogate", chr(0xDC80) + "!"),
        ("tuple", (int("1000"), rt("a b"), None)), ("list", [int("1000"), [int("2000")], rt("x y")]), ("dict", {rt("k v"): int("5000"), int("6000"): [None]}),
        ("set", {int("1000"), int("2000")}), ("frozenset", frozenset([rt("p q"), rt("r s")])), ("emptyset", set()), ("emptyfrozenset", frozenset()),
        ("slice", slice(int("1000"), None, int("2000"))),
        ("shared", (lambda s: [s, s, (s,)])(rt("sh ared"))),
    ]

BAD = [
    "", "69", "6901", "01", "7200000000", "28020000004e", "6c0100000000000000", "6c01000000ffff", "6c020000000100000000",
    "75020000ffc3", "7502000000fffe", "5bffffffff", "30", "290130", "7a05616263", "7b4e", "3c0100000030", "3a4e4e",
    "e3", "ff", "f2000000004e",
]

out = {"code": [], "data": [], "errors": []}
for name, src in SOURCES.items():
    for fn in FILENAMES:
        code = compile(src, fn, "exec", dont_inherit=True)
        out["code"].append({"name": name, "filename": fn, "source": src, "marshal": marshal.dumps(code).hex()})
        del code  # its interned names must not outlive it: they would change the next dump
for version in range(6):
    for name, v in values():
        try:
            d = marshal.dumps(v, version)
            out["data"].append({"name": name, "version": version, "marshal": d.hex(), "repr": repr(marshal.loads(d))})
        except Exception as e:
            out["data"].append({"name": name, "version": version, "error": f"{type(e).__name__}: {e}"})
for hx in BAD:
    try:
        r = marshal.loads(bytes.fromhex(hx))
        out["errors"].append({"data": hx, "repr": repr(r)})
    except Exception as e:
        out["errors"].append({"data": hx, "error": f"{type(e).__name__}: {e}"})
json.dump(out, sys.stdout, indent=1, ensure_ascii=True)
print()
