import os, sys as system
from . import a
from ..pkg.mod import (b as c, d,)
from __future__ import annotations
x: int = 1
(y): str
obj.attr: list[int]
a = b = *c, d = 1, 2
a += 1; b //= 2; c @= d
del a, b[0], c.d
assert x, "msg"
global g
def outer():
    nonlocal_var = 1
    def inner():
        nonlocal nonlocal_var
        return
    yield from inner()
    yield
raise ValueError("x") from None
for i, (j, *k) in enumerate(z):
    break
else:
    continue
while not done:
    pass
else:
    x = 1
if a: pass
elif b: pass
elif c:
    pass
else: pass
with open(f) as g, h() as (i, j): pass
with (open(f) as g, h()):
    pass
try:
    pass
except ValueError as e:
    pass
except (TypeError, KeyError):
    pass
except IndexError, LookupError:
    pass
except:
    pass
else:
    pass
finally:
    pass
try:
    pass
except* ValueError:
    pass
except* TypeError as eg:
    pass
@decorator
@decorator.attr(arg)
class C(Base, metaclass=Meta, **kw):
    """doc"""
    attr = 1
    async def method(self, a, b: int = 2, /, c=3, *args: int, d, e=5, **kwargs) -> None:
        async with x as y:
            await y
        async for i in aiter():
            pass
type Alias[T: int, *Ts, **P] = list[T]
class G[T = int, *Ts = *tuple[int], **P = [int]]: pass
def generic[T](x: T) -> T: return x
def star_annotation(*args: *Ts): pass
lambda: 0
lambda x, /, y=1, *z, w, **v: x
