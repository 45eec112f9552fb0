import copy, collections, datetime, enum, types, functools, weakref, re

class Plain:
    def __init__(self):
        self.a = [1, 2]
        self.b = {'k': [3]}

class Slotted:
    __slots__ = ('x', 'y')

class SlotsAndDict(Slotted):
    pass

class CustomCopy:
    def __init__(self, v):
        self.v = v
    def __copy__(self):
        print('  __copy__ called')
        return CustomCopy(self.v)
    def __deepcopy__(self, memo):
        print('  __deepcopy__ called', type(memo).__name__)
        return CustomCopy(copy.deepcopy(self.v, memo))

class State:
    def __init__(self):
        self.data = [1]
    def __getstate__(self):
        print('  getstate')
        return {'data': self.data, 'x': 1}
    def __setstate__(self, s):
        print('  setstate', sorted(s))
        self.__dict__.update(s)

class FalseState:
    def __getstate__(self):
        return 0
    def __setstate__(self, s):
        print('  setstate never called for falsy state', s)

class ReduceEx:
    def __reduce_ex__(self, proto):
        print('  reduce_ex', proto)
        return (ReduceEx, ())

class Sub(list):
    def __init__(self, *a):
        super().__init__(*a)
        self.attr = 'q'

class DSub(dict):
    pass

class IntSub(int):
    pass

class NewArgs:
    def __new__(cls, n):
        o = object.__new__(cls)
        o.n = n
        return o
    def __getnewargs__(self):
        return (self.n,)

class E(enum.Enum):
    A = 1

def show(label, orig, cp):
    print(label, type(cp).__name__, cp is orig, getattr(cp, '__dict__', None) == getattr(orig, '__dict__', None))

p = Plain()
c = copy.copy(p)
show('copy Plain', p, c)
print(' shallow shares', c.a is p.a, c.b is p.b)
d = copy.deepcopy(p)
show('deepcopy Plain', p, d)
print(' deep shares', d.a is p.a, d.b['k'] is p.b['k'], d.a == p.a)

s = Slotted()
s.x = 1
c = copy.copy(s)
print('slots', c.x, hasattr(c, 'y'))
sd = SlotsAndDict()
sd.x = [5]
sd.z = 9
c = copy.deepcopy(sd)
print('slots+dict', c.x, c.x is sd.x, c.z)

cc = CustomCopy([1])
c1 = copy.copy(cc)
c2 = copy.deepcopy(cc)
print('custom', c1.v is cc.v, c2.v is cc.v, c2.v)

st = State()
c = copy.copy(st)
print('state', c.data is st.data, c.x)
c = copy.deepcopy(st)
print('state deep', c.data is st.data, c.x)
fs = FalseState()
c = copy.copy(fs)
print('false state', type(c).__name__)
c = copy.copy(ReduceEx())
print('reduce_ex', type(c).__name__)

l = Sub([1, [2]])
c = copy.copy(l)
print('list sub', type(c).__name__, c, c.attr, c[1] is l[1])
c = copy.deepcopy(l)
print('list sub deep', type(c).__name__, c, c.attr, c[1] is l[1])
dd = DSub(a=[1])
c = copy.deepcopy(dd)
print('dict sub', type(c).__name__, c, c['a'] is dd['a'])
i = IntSub(5)
i.tag = 't'
c = copy.copy(i)
print('int sub', type(c).__name__, c, c.tag)
n = NewArgs(3)
c = copy.copy(n)
print('newargs', c.n)

builtins_vals = [1, 2.5, 1j, 'str', b'b', None, True, (1, [2]), [1, [2]], {1: [2]}, {1, 2}, frozenset({3}),
                 bytearray(b'xy'), range(3), slice(1, 2), Ellipsis, NotImplemented, len, int, E.A,
                 datetime.date(2000, 1, 1), collections.OrderedDict(a=1), collections.deque([1, [2]]),
                 collections.Counter(a=2), collections.defaultdict(int, a=1), types.SimpleNamespace(a=[1]),
                 re.compile('ab+'), functools.partial(max, 1), Plain.__init__, str.upper, [].append, object()]
for v in builtins_vals:
    for f in (copy.copy, copy.deepcopy):
        try:
            c = f(v)
            same = c is v
            try:
                eq = c == v
            except Exception as e:
                eq = type(e).__name__
            print(f.__name__, type(v).__name__, 'same' if same else 'new', eq if type(v) is not object else '-')
        except Exception as e:
            print(f.__name__, type(v).__name__, type(e).__name__, e)

# recursion and memo
r = [1]
r.append(r)
c = copy.deepcopy(r)
print('recursive', c[1] is c, c is not r)
shared = [1]
t = (shared, shared)
c = copy.deepcopy(t)
print('shared', c[0] is c[1], c[0] is shared)
tup = (1, 2, (3,))
print('immutable tuple deep', copy.deepcopy(tup) is tup)
tup2 = (1, [2])
print('mutable tuple deep', copy.deepcopy(tup2) is tup2)

# copy.replace (3.13)
Point = collections.namedtuple('Point', 'x y')
print(copy.replace(Point(1, 2), y=5))
print(copy.replace(datetime.date(2000, 1, 1), year=2001))
try:
    copy.replace(Plain(), a=1)
except Exception as e:
    print(type(e).__name__, e)

# errors
def gen():
    yield 1
for bad in (gen(), iter([1]), weakref.ref(Plain)):
    for f in (copy.copy, copy.deepcopy):
        try:
            r = f(bad)
            print(f.__name__, type(bad).__name__, 'ok', r is bad)
        except Exception as e:
            print(f.__name__, type(bad).__name__, type(e).__name__, e)

class NoNew:
    def __reduce_ex__(self, p):
        raise TypeError('nope')
try:
    copy.copy(NoNew())
except TypeError as e:
    print('TypeError', e)
