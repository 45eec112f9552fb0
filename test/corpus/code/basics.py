x = 1
y = x + 2.5
z = -1
w = 2 ** 10 - 3 * 4 // 5 % 6
s = "hello" + " " + 'world'
b = True and False or not x
def f(a, b=3):
    return a * b - 1
print(f(x), -1, (1, 2), "s", None, [1, 2, 3], {'a': 1, 'b': 2})
for i in range(3):
    if i > 1 and i < 5:
        break
    elif i == 0:
        continue
    else:
        pass
n = 0
while n < 10:
    n += 1
    if n == 5:
        break
else:
    print("done")
lst = [1, 2, 3]
lst[0] = 5
print(lst[1], len(lst), str(3), int("4"), repr(x))
t = (x, y)
a, b = t
a, b = b, a
d = {}
d["k"] = d.get("k", 0) + 1
if 1 < x < 3:
    print("chain")
def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)
print(fact(10))
