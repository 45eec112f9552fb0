# if/elif/else, while and for loops with break, continue and else clauses.
for i in range(12):
    if i % 15 == 0:
        print("fizzbuzz")
    elif i % 3 == 0:
        print("fizz")
    elif i % 5 == 0:
        print("buzz")
    else:
        print(i)

n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print("collatz steps", steps)

for n in range(2, 30):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, "is prime")

total = 0
for i in range(100):
    if i % 7:
        continue
    total += i
print("total", total)

i = 0
while True:
    i += 1
    if i > 5:
        break
else:
    print("not reached")
print("i", i)

for i in range(3):
    for j in range(3):
        if j == i:
            continue
        print(i, j, end="; ")
print()
