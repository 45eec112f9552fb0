f(a,
b c)
