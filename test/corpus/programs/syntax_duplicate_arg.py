# A SyntaxError found by the symbol table.
def f(a, b, a):
    return a
