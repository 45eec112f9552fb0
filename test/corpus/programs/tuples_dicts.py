# Tuples, unpacking, dicts and their views.
t = (1, "two", 3.0)
a, b, c = t
print(t, a, b, c, len(t), t[1:], (5,), ())
first, *middle, last = range(6)
print(first, middle, last)
x, y = 1, 2
x, y = y, x
print(x, y)
d = {"one": 1, "two": 2}
d["three"] = 3
print(d, len(d), d["two"], d.get("four"), d.get("four", 4))
print(list(d.keys()), list(d.values()), list(d.items()))
for k, v in d.items():
    print(k, "->", v)
del d["one"]
print(d, "one" in d, "two" in d)
squares = {n: n * n for n in range(5)}
print(squares)
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
print(sorted(counts, key=counts.get), d.pop("two"), d)
nested = {"a": [1, 2], "b": {"c": (3,)}}
print(nested, nested["b"]["c"][0])
print(dict(zip("abc", range(3))), tuple([1, 2]), {1: 2} == {1: 2})
