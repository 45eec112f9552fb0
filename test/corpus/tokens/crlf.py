x = 1
if x:
    y = '''a
b'''
    # c

    z = (1,
         2)
