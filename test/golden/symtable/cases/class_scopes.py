class Outer:
    x = 1
    y: int = 2
    def uses_super(self):
        return lambda: super().f()
    lam = lambda self: __class__
    comp = [__class__ for _ in range(1)]
    genx = (x for _ in range(1))
    global g
    g = 1
    class Deep[T]:
        def m(self) -> T:
            return x
    def annotated(self, a: y = x) -> "Outer":
        return a
    type Local = list[x]
    nonl = [[y for _ in ()] for __z in ()]
def fn():
    v = 1
    class K:
        nonlocal v
        v = 2
        def m(self):
            return v
    return K
