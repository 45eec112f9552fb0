# Functions: defaults, keyword arguments, *args/**kwargs, closures and lambdas.
def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct


print(greet("world"))
print(greet("you", "Hi"))
print(greet(punct="?", name="there"))


def collect(first, *rest, sep="-", **options):
    print(first, rest, sep, sorted(options.items()))


collect(1)
collect(1, 2, 3, sep="+", a=1, b=2)
collect(*[4, 5], **{"z": 26})


def make_counter():
    count = 0

    def inc(step=1):
        nonlocal count
        count += step
        return count

    return inc


c = make_counter()
c()
c(5)
print("counter", c())

adders = [lambda x, k=k: x + k for k in range(4)]
print([f(10) for f in adders])
square = lambda x: x * x
print(square(12), (lambda: "thunk")())


def no_return():
    pass


print(no_return())


def apply(f, *args):
    return f(*args)


print(apply(max, 3, 8, 1), apply(len, "hello"))
