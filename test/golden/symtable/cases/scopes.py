import os.path as p, sys
from collections import *
x = 1
def f(a, /, b=2, *args, c, d=4, **kw):
    global x
    x = a
    y = b
    def g():
        nonlocal y
        y = 3
        return c + z
    return g
z = lambda q, *r: q + y
del z
