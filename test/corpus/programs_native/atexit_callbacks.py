import atexit
class F:
    def __init__(self, n): self.n = n
    def __repr__(self): return "<F %d>" % self.n
    def __call__(self, *a, **k):
        print("F", self.n, a, k)
        if self.n == 2: raise SystemExit(3)
        if self.n == 3: raise ValueError("three")
    def __eq__(self, o): return isinstance(o, F) and o.n == self.n
    __hash__ = None
print(atexit.register(F(1), 1, x=2))
atexit.register(F(2))
atexit.register(F(3))
atexit.register(F(4))
atexit.register(F(4))
atexit.unregister(F(4))
print(atexit._ncallbacks())
try: atexit.register(1)
except TypeError as e: print(e)
try: atexit.register()
except TypeError as e: print(e)
atexit.register(lambda: atexit.register(F(9)))
print("main done")
