def f():
    pass
x = 
