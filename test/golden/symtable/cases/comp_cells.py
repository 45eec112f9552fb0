def f():
    funcs = [lambda: i for i in range(3)]
    nested = [[lambda: (i, j) for j in range(2)] for i in range(2)]
    x = [y for y in range(3)]
    w = [(a := b) for b in range(3)]
    def inner():
        return a
    return funcs, nested, x, w, inner
def g(seq):
    return {k: [v for v in seq if k] for k in seq}
def h():
    [k for k in range(3)]
    k = 1
    def m():
        return k
class C:
    def f(self):
        return [super() for _ in range(1)]
    [(lambda: q) for q in range(2)]
