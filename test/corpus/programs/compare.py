# Comparisons, chained comparisons, identity, membership and boolean operators.
print(1 < 2, 2 < 1, 1 == 1.0, 1 != 2, 3 >= 3, 3 <= 2)
print(1 < 2 < 3, 1 < 3 < 2, 5 > 4 > 3 > 2)
print("abc" < "abd", "a" < "B", [1, 2] < [1, 3], (1, 2) == (1, 2))
print(None is None, 1 is not None, 3 in [1, 2, 3], 4 not in (1, 2))
print("ell" in "hello", "x" in {"x": 1}, 2 in {1: "a"})
print(True and 5, 0 and 5, 0 or "x", "" or [], None or 0, not 0, not [1])


def loud(v):
    print("evaluated", v)
    return v


print(loud(0) and loud(1))
print(loud(1) or loud(2))
print(1 if loud(True) else 2)
