del a.b, a[0], (c)
del
