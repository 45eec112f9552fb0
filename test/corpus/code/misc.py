a = [1, 2, 3, 4]
print(a[1:], a[:2], a[::2], a[1:3], a[-1])
a[1:2] = [5]
del a[0]
x = y = 0
x, *rest = a
print(*a, sep=", ", **{"end": "\n"})
s = "%s is %d" % ("a", 1)
t = "%s-%s" % (x, y)
u = 1 if x else 2
v = x if (y := 3) else None
def kw(a, /, b, *, c=1, **rest): return a + b + c
global_var = None
def usesglobal():
    global global_var
    global_var = 1
w = 0x10 | 3 & 5 ^ 7 << 2 >> 1
z = ~5
q = not None
print(__debug__)
match a:
    case [1, 2]:
        pass
    case {"k": v}:
        pass
    case str() | bytes():
        pass
    case _:
        pass
