import a.b.c
try:
    pass
except ValueError as err:
    pass
try:
    pass
except* TypeError as eg:
    pass
with open(f) as (g, h), ctx():
    pass
for i, (j, k) in items:
    print(i, j, k, f"{i!r:>{width}}", t"{j}")
while n:
    n -= 1
else:
    done = True
assert cond, msg
raise Exc from cause
def gen():
    yield 1
    x = yield from other()
    return x
async def agen():
    async with lock as l:
        async for item in it:
            await item
            yield item
s = obj[1:2, ::3]
if (n := 10) > 5:
    pass
