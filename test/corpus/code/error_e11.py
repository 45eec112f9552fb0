def f():
    x = 1
    async def g(): pass
    await g()
