class A:
    def m(self, x=1):
        return ("A.m", x)
    @classmethod
    def c(cls):
        return cls.__name__
    @staticmethod
    def s(v):
        return v * 2
    @property
    def p(self):
        return "prop"
class B(A):
    def m(self, x=2):
        return ("B.m", super().m(x))
a, b = A(), B()
print(a.m(), b.m(), b.m(5), a.c(), b.c(), A.s(3), b.s(4), a.p, A.m(a, 9))
a.m = lambda: "instance attr"
print(a.m(), A().m())
lst = []
for i in range(3):
    lst.append(i)
    lst.extend([i])
print(lst, "x-y".split("-"), " ".join(["a", "b"]), {"k": 1}.get("k"), (1, 2).count(1))
bound = b.m
print(bound(7), bound.__self__ is b, type(bound).__name__)
class Callable:
    def __call__(self, v):
        return v + 100
print(Callable()(1), [A.s(i) for i in range(3)])
class WithGetattr:
    def __getattr__(self, name):
        return lambda: "dynamic " + name
print(WithGetattr().anything())
