def f():
    raise KeyError('k') from None
a = f()
