def f(n):
    if n == 0:
        return undefined_name
    return f(n - 1)
x = 1
f(3)
