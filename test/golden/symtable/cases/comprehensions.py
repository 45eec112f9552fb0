def f(xs):
    a = [x for x in xs if x]
    b = {k: v for k, v in xs}
    c = {y for y in xs}
    d = (w for w in xs)
    e = [[i * j for j in xs] for i in xs]
    g = [lambda: x for x in xs]
    h = [(t := x) for x in xs]
    return t
class K:
    vals = [v for v in range(3)]
    more = [__class__ for _ in range(2)]
    gen = (u for u in vals)
res = [m for m in range(10)]
async def co(xs):
    return [await x async for x in xs]
