import os
import os.path as osp
from collections import OrderedDict, defaultdict as dd
from . import sibling
class A:
    """Doc."""
    x = 1
    def __init__(self, v):
        self.v = v
        self._w = [v]
    def get(self):
        return self.v
    @property
    def w(self):
        return self._w
    @staticmethod
    def s(a, *args, **kw):
        return a, args, kw
class B(A, metaclass=type):
    def get(self):
        return super().get() + 1
def outer():
    x = 1
    def inner(y):
        nonlocal x
        x += y
        return x
    return inner
g = lambda a, b=2: a + b
