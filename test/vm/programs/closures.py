def make_counter():
    n = 0
    def inc(step=1):
        nonlocal n
        n += step
        return n
    return inc
c = make_counter()
print(c(), c(), c(5))
def outer(x):
    def mid(y):
        def inner(z):
            return x + y + z
        return inner
    return mid
print(outer(1)(2)(3))
adders = [lambda v, i=i: v + i for i in range(3)]
print([a(10) for a in adders])
g = 5
def setg():
    global g
    g = 7
setg(); print(g)
