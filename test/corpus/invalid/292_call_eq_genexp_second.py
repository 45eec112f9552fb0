f(1, a=x for x in y)
