import copy, pickle, copyreg, io, collections, functools, datetime, enum, types, sys, operator
import pickletools, re

class Plain:
    def __init__(self, a=1, b=None):
        self.a = a
        self.b = b
    def __eq__(self, other):
        return type(self) is type(other) and self.__dict__ == other.__dict__
    def meth(self):
        return self.a

class Empty:
    pass

class Slotted:
    __slots__ = ('x', 'y')
    def __init__(self, x=0):
        self.x = x
    def __eq__(self, other):
        return type(self) is type(other) and getattr(self, 'x', None) == getattr(other, 'x', None) and getattr(self, 'y', 7) == getattr(other, 'y', 7)

class SlotDict(Slotted):
    def __init__(self):
        super().__init__(5)
        self.z = 'zz'

class WithState:
    def __init__(self):
        self.v = [1, 2]
    def __getstate__(self):
        return {'v': self.v, 'extra': True}
    def __setstate__(self, st):
        self.__dict__.update(st)
        self.restored = True

class NewArgs(int):
    def __new__(cls, v, tag='t'):
        o = super().__new__(cls, v)
        o.tag = tag
        return o
    def __getnewargs__(self):
        return (int(self), self.tag)

class NewArgsEx:
    def __new__(cls, *a, **k):
        o = super().__new__(cls)
        o.a = a
        o.k = k
        return o
    def __getnewargs_ex__(self):
        return (self.a, self.k)

class MyList(list):
    pass

class MyDict(dict):
    pass

class MyInt(int):
    pass

class MyStr(str):
    pass

class MyTuple(tuple):
    pass

class Color(enum.Enum):
    RED = 1
    GREEN = 2

class Reduced:
    def __reduce__(self):
        return (Reduced2, (3, 4))

class Reduced2:
    def __init__(self, a, b):
        self.s = a + b

def top_func(x):
    return x

Point = collections.namedtuple('Point', 'x y')

values = [
    None, True, False, 0, 1, -1, 255, 256, 65535, 65536, -65536, 2**31 - 1, 2**31, -2**31, 2**63, -2**63 - 1, 2**100, -(2**200),
    0.0, -0.0, 1.5, -2.25, 1e300, float('inf'), float('-inf'), 3.141592653589793,
    1j, complex(1.5, -2),
    '', 'a', 'hello world', 'é', '\u20ac', '\U0001f600', 'a\nb\\c', 'x' * 300,
    b'', b'abc', b'\x00\xff' * 3, b'x' * 300, bytearray(b'ba'), bytearray(),
    (), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4), ((),),
    [], [1], [1, [2, [3]]], list(range(1005)),
    {}, {'a': 1}, {1: 'x', 2: 'y'}, dict.fromkeys(range(1003)),
    set(), {1, 2, 3}, frozenset(), frozenset({4, 5}),
    range(5), range(1, 10, 2), slice(1, 2), slice(None, 5, -1),
    Ellipsis, NotImplemented, type(None), type(Ellipsis), int, list, object, Plain, len, top_func,
    Plain(), Plain(2, 'q'), Empty(), Slotted(3), SlotDict(), NewArgs(5, 'u'), MyList([1, 2]), MyDict(a=1),
    MyInt(7), MyStr('s'), MyTuple((1, 2)), Color.RED, Point(1, 2),
    Reduced(), datetime.date(2020, 1, 2), datetime.timedelta(days=3, seconds=4),
    collections.OrderedDict([('a', 1), ('b', 2)]), collections.deque([1, 2]), collections.Counter('abca'),
    collections.defaultdict(list, {1: [2]}),
    [].append, Plain(4).meth, iter([1, 2]), iter('ab'), types.SimpleNamespace(q=1),
]

for proto in range(0, 6):
    print('== protocol', proto)
    for v in values:
        try:
            data = pickle.dumps(v, proto)
        except Exception as e:
            print('dumps', type(v).__name__, type(e).__name__, e)
            continue
        print(type(v).__name__, repr(data))
        try:
            back = pickle.loads(data)
        except Exception as e:
            print('  loads', type(e).__name__, e)
            continue
        if isinstance(v, float) and v != v:
            ok = back != back
        elif isinstance(v, (Reduced, WithState, NewArgsEx, Empty, functools.partial)) or type(v).__name__ == 'method':
            ok = type(back).__name__
        else:
            ok = back == v and type(back) is type(v)
        print('  ->', ok)

# shared references and recursion
a = [1]
shared = [a, a, {'k': a}]
for proto in range(6):
    d = pickle.dumps(shared, proto)
    b = pickle.loads(d)
    print(proto, repr(d), b[0] is b[1] is b[2]['k'])
rec = []
rec.append(rec)
for proto in range(6):
    b = pickle.loads(pickle.dumps(rec, proto))
    print('rec', proto, b[0] is b)
w = WithState()
for proto in range(6):
    d = pickle.dumps(w, proto)
    b = pickle.loads(d)
    print('state', proto, repr(d), b.__dict__)
n = NewArgsEx(1, 2, k=3)
for proto in range(6):
    try:
        d = pickle.dumps(n, proto)
        b = pickle.loads(d)
        print('newargs_ex', proto, repr(d), b.a, b.k)
    except Exception as e:
        print('newargs_ex', proto, type(e).__name__, e)

# errors
def check(f, *a):
    try:
        r = f(*a)
        print('ok', re.sub(' at 0x[0-9a-f]+', '', repr(r))[:200])
    except Exception as e:
        print(type(e).__name__, str(e).replace('\n', ' | '))

check(pickle.dumps, (x for x in []))
check(pickle.dumps, iter([]).__class__)
check(pickle.dumps, Plain, 6)
check(object().__reduce_ex__, 'x')
check(object().__reduce_ex__, 2)
check(object().__reduce_ex__, 1)
check(object().__reduce__)
check(Plain().__reduce_ex__, 2)
check(Plain().__reduce_ex__, 0)
check(Slotted(1).__reduce_ex__, 2)
check(Slotted(1).__reduce_ex__, 1)
check(Slotted(1).__getstate__)
check(SlotDict().__getstate__)
check(Empty().__getstate__)
check(object().__getstate__)
check(Plain(1).__getstate__)
check(MyList([1]).__reduce_ex__, 2)
class BadNA:
    def __getnewargs__(self): return [1]
class BadNAE:
    def __getnewargs_ex__(self): return (1, 2, 3)
class BadNAE2:
    def __getnewargs_ex__(self): return ([], {})
class BadNAE3:
    def __getnewargs_ex__(self): return ((), [])
class BadNAE4:
    def __getnewargs_ex__(self): return 5
for c in (BadNA, BadNAE, BadNAE2, BadNAE3, BadNAE4):
    check(c().__reduce_ex__, 2)
class BadSlotnames:
    __slotnames__ = 5
check(BadSlotnames().__reduce_ex__, 2)
print(pickletools.dis(pickle.dumps(Plain(3), 2)) )
print(copyreg.__reduce_ex__ is object.__reduce_ex__ if hasattr(copyreg, '__reduce_ex__') else 'n/a')

for it in [iter([1,2,3]), iter((1,2,3)), reversed([1,2,3]), iter('a\U0001f600bc'), iter(range(1,10,2)), iter(range(2**70, 2**70+5))]:
    next(it)
    print(it.__reduce__())
    c = copy.copy(it); print(list(c), list(pickle.loads(pickle.dumps(it, 2))))
    print(it.__reduce__())
