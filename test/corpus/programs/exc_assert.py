# A failing assert with a message.
values = [3, 1, 2]
assert len(values) == 3, "three values"
print("sorted", sorted(values))
assert values == sorted(values), "values not sorted: " + str(values)
