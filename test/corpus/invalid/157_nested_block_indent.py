def f():
    if x:
        for y in z:
            while w:
            pass
