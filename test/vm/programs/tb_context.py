class C:
    def f(self):
        return 1/0
def g(x):
    y = x + 1
    return C().f()
def h():
    lst = [1, 2]
    return lst[5]
try:
    g(1)
except ZeroDivisionError:
    pass
def outer():
    try:
        h()
    except IndexError:
        raise ValueError("bad")
outer()
