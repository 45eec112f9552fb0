print([x * x for x in range(5) if x % 2 == 0])
print({k: v for k, v in zip("abc", range(3))})
print({x % 3 for x in range(10)})
print(sum(x for x in range(10)))
def gen(n):
    for i in range(n):
        yield i * 2
    return "done"
print(list(gen(4)))
def g2():
    x = yield 1
    print("got", x)
    yield from [2, 3]
it = g2()
print(next(it), it.send("hi"), next(it))
a, *b, c = [1, 2, 3, 4, 5]
print(a, b, c)
def va(*args, **kw): return args, kw
print(va(1, 2, x=3), va(*[1, 2], **{"y": 4}))
print(f"{1+1} {'s'!r} {3.14159:.2f} {42:>5}|")
x = [3, 1, 2]; x.sort(); print(x, sorted("bca"), max(1, 5, 2), min([4, 2]))
