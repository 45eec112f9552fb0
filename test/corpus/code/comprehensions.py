xs = [i * 2 for i in range(10) if i % 2]
ys = {i: str(i) for i in xs}
zs = {c for c in "abc"}
gs = (x for x in xs)
def f(n):
    return [j for i in range(n) for j in range(i)]
def g(data):
    total = sum(x for x in data)
    return total, any(d > 0 for d in data), all(data)
class C:
    vals = [v for v in range(3)]
print(f"{xs!r} and {ys:>10} {len(zs)=}")
def gen():
    yield 1
    yield from range(3)
    x = yield
    return x
async def co(a):
    await a
    async for i in a:
        print(i)
    async with a as b:
        pass
    return [x async for x in a]
