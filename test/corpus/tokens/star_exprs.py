a, *b = c
print(*a, **b)
x = [*a, *b]
y = {**a, 'b': 1}
