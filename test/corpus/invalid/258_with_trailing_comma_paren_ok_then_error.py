with (a, b,):
    pass
x = 
