f(x, a=, b=2)
