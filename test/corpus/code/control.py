def classify(n):
    if n < 0:
        return "neg"
    elif n == 0:
        return "zero"
    elif 0 < n <= 10:
        return "small"
    else:
        return "big"

def loops(items):
    total = 0
    for i, x in enumerate(items):
        if x is None:
            continue
        if not x:
            break
        total += x * i
    else:
        total = -1
    while total > 100:
        total //= 2
    return total

def boolean(a, b, c):
    x = a and b or c
    y = not a
    if a or (b and not c):
        return x
    return y if a else c

result = [classify(v) for v in (-1, 0, 5, 50)]
print(result, loops([1, 2, 3]), boolean(1, 0, 2))
i = 0
while True:
    i += 1
    if i > 3:
        break
for ch in "hello":
    print(ch, end="")
