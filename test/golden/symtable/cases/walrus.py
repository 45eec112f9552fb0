def f(xs):
    if any((hit := x) > 3 for x in xs):
        return hit
    [[(deep := k) for k in xs] for _ in xs]
    return deep
def g(xs):
    global gg
    [(gg := x) for x in xs]
def h(xs):
    q = 0
    def inner():
        [(q := x) for x in xs]
    return inner
[(top := i) for i in range(3)]
lambda: [(lv := 1) for _ in ()]
