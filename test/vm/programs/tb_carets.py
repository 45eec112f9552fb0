def div(a, b):
    return a / b
def index(xs, i):
    return xs[i] + 1
def call(f):
    return f(1) * 2
values = {"a": 1}
try:
    div(1, 0)
except ZeroDivisionError as e:
    print("caught", e)
print(index([1, 2, 3], 1))
result = call(lambda x: x +
              values["b"])
