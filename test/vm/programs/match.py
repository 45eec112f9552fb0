class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
def describe(v):
    match v:
        case 0 | 1:
            return "small"
        case int(n) if n < 0:
            return f"negative {n}"
        case str() as s:
            return f"str {s!r}"
        case [x, y, *rest]:
            return f"seq {x} {y} {rest}"
        case {"k": value, **others}:
            return f"map {value} {others}"
        case Point(0, y=yy):
            return f"on y axis at {yy}"
        case Point(x, y):
            return f"point {x},{y}"
        case None:
            return "none"
        case _:
            return "other"
for v in [0, -5, "hi", [1, 2, 3, 4], (7, 8), {"k": 1, "z": 2}, Point(0, 3), Point(1, 2), None, 3.5, {"a": 1}]:
    print(describe(v))
class Bad:
    __match_args__ = ["a"]
try:
    match Bad():
        case Bad(1):
            pass
except TypeError as e:
    print(e)
try:
    match 5:
        case int(1, 2):
            pass
except TypeError as e:
    print(e)
