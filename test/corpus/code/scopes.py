x = 1
def use_global():
    global x
    x = 2
    return x
def closure():
    a = 1
    b = 2
    def inner():
        return a + b
    def inner2():
        nonlocal a
        a = 5
    return inner, inner2
class K:
    attr = 1
    def m(self):
        return __class__, super().m()
    def n(self):
        return [self for _ in range(2)]
    lst = [attr for _ in range(3)]
def comp_cell():
    y = 1
    return [lambda: y for y in range(3)], y
