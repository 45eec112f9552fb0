# class creation machinery: __prepare__, namespaces, __set_name__, __init_subclass__, metaclasses
class Recorder(dict):
    def __init__(self):
        super().__init__()
        self.order = []
    def __setitem__(self, k, v):
        self.order.append(k)
        super().__setitem__(k, v)
    def __getitem__(self, k):
        if k == "magic":
            return 42
        return super().__getitem__(k)
    def __delitem__(self, k):
        self.order.append("del " + k)
        super().__delitem__(k)

class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, bases, sorted(kw))
        return Recorder()
    def __new__(mcls, name, bases, ns, **kw):
        print("new", name, type(ns).__name__, [k for k in ns.order if not k.startswith("__")])
        cls = super().__new__(mcls, name, bases, dict(ns))
        cls.kw = kw
        return cls
    def __init__(cls, name, bases, ns, **kw):
        print("init", name)
        super().__init__(name, bases, ns)
    def __call__(cls, *a, **k):
        print("call", cls.__name__, a, k)
        return super().__call__(*a, **k)

class A(metaclass=Meta, flag=1):
    x = 1
    y = magic
    z = 3
    del z
    def f(self):
        return self.x
print(A.kw, A.y, hasattr(A, "z"), type(A).__name__)
a = A()
print(a.f())

class Desc:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name
    def __get__(self, obj, typ=None):
        if obj is None:
            return self
        return "got " + self.name

class Base:
    subs = []
    def __init_subclass__(cls, /, tag=None, **kw):
        print("init_subclass", cls.__name__, tag, kw)
        super().__init_subclass__(**kw)
        Base.subs.append(cls.__name__)

class C(Base, tag="c"):
    d = Desc()
    e = Desc()
print(C().d, C().e, Base.subs)
try:
    class D(Base, bogus=1):
        pass
except TypeError as e:
    print(type(e).__name__, e)

# type() 3-arg form
T = type("T", (Base,), {"q": Desc(), "__module__": "m"})
print(T.__name__, T.__module__, T.__qualname__, T().q, T.__mro__)
try:
    type("T", (1,), {})
except TypeError as e:
    print(type(e).__name__, e)
try:
    type("T", (), [])
except TypeError as e:
    print(type(e).__name__, e)
try:
    type(1, 2)
except TypeError as e:
    print(type(e).__name__, e)

# __class_getitem__
class G:
    def __class_getitem__(cls, item):
        return ("cgi", cls.__name__, item)
print(G[int], G[int, str])
print(list[int], dict[str, int], type[int], tuple[int, ...])

# __slots__
class S:
    __slots__ = ("a", "b")
    def __init__(self):
        self.a = 1
s = S()
print(s.a, hasattr(s, "b"), hasattr(s, "__dict__"), S.__slots__)
try:
    s.c = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    s.b
except AttributeError as e:
    print(type(e).__name__, e)
class S2(S):
    __slots__ = "c"
s2 = S2(); s2.c = 5; print(s2.c, s2.a)
class S3(S):
    pass
s3 = S3(); s3.z = 1; print(s3.__dict__)

# super forms
class P:
    def who(self): return "P"
    @classmethod
    def cm(cls): return "P.cm " + cls.__name__
class Q(P):
    def who(self): return "Q>" + super().who() + ">" + super(Q, self).who()
    @classmethod
    def cm(cls): return "Q " + super().cm()
print(Q().who(), Q.cm(), super(Q, Q()).who(), super(Q, Q).cm())
sp = super(Q, Q())
print(type(sp).__name__, sp.__thisclass__.__name__, type(sp.__self__).__name__, sp.__self_class__.__name__)
try:
    super(Q, 1)
except TypeError as e:
    print(type(e).__name__, e)

# metaclass conflicts
class M1(type): pass
class M2(type): pass
class X1(metaclass=M1): pass
class X2(metaclass=M2): pass
try:
    class X3(X1, X2): pass
except TypeError as e:
    print(type(e).__name__, e)
# __mro_entries__
class ME:
    def __mro_entries__(self, bases):
        return (Base,)
class Y(ME(), tag="y"):
    pass
print(Y.__bases__, Y.__orig_bases__[0].__class__.__name__)
print(sorted(k for k in Y.__dict__ if k.startswith("__")))
