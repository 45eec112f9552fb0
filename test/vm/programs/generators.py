def countdown(n):
    while n > 0:
        yield n
        n -= 1
    return "liftoff"
print(list(countdown(3)))
def relay():
    r = yield from countdown(2)
    print("relay got", r)
    yield r
print(list(relay()))
def echo():
    try:
        while True:
            x = yield
            print("echo", x)
    except GeneratorExit:
        print("closing")
e = echo(); next(e); e.send(1); e.send(2); e.close()
def thrower():
    try:
        yield 1
    except ValueError as err:
        print("inside", err)
        yield 2
t = thrower(); print(next(t)); print(t.throw(ValueError("boom")))
def bad():
    yield 1
    raise StopIteration
try:
    list(bad())
except RuntimeError as err:
    print(type(err).__name__, err, type(err.__cause__).__name__)
g = (i * i for i in range(4))
print(sum(g), list(g))
class Ctx:
    def __enter__(self):
        print("enter"); return self
    def __exit__(self, t, v, tb):
        print("exit", t.__name__ if t else None, v)
        return True
with Ctx() as c:
    raise KeyError("suppressed")
print("after with")
