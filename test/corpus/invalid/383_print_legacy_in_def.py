def f():
    print f(x)
