async def f():
    await x
    y = = 1
