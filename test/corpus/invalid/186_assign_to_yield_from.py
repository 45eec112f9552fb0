def f():
    yield from x = 1
