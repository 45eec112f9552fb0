def f[**]():
    pass
