def f(*args: *Ts, a=1, b):
    pass
