import asyncio
async def fetch(x):
    await asyncio.sleep(0)
    return x
async def agen(n):
    for i in range(n):
        yield i
        await asyncio.sleep(0)
async def main():
    async with asyncio.timeout(1) as t:
        r = await fetch(1)
    async for v in agen(3):
        print(v)
    else:
        print("done")
    xs = [v async for v in agen(2)]
    ys = [await fetch(i) for i in range(2)]
    gs = (v async for v in agen(2))
    try:
        pass
    finally:
        await fetch(0)
    return r, xs, ys, gs
def sync_gen():
    x = yield 1
    y = yield from [x]
    try:
        yield
    except GeneratorExit:
        return
asyncio.run(main())
