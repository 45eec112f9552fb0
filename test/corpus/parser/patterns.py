match command.split():
    case [action]:
        pass
    case [action, obj]:
        pass
    case Point(x=0, y=0):
        pass
    case Point(1, 2, z=3):
        pass
    case [Point(x=0, y=0), *rest]:
        pass
    case {"x": x, "y": y, **rest}:
        pass
    case {1: _, -2: _, 1+2j: _, -1-2j: _, "s" "t": _, None: _, True: _, False: _, a.b: _}:
        pass
    case 1 | 2 | 3 as num if num > 1:
        pass
    case (1, 2) | [3, 4] | (5,) | ():
        pass
    case -1 | 1.5 | 2j | b"x" | f"y":
        pass
    case a.b.c:
        pass
    case str() | bytes():
        pass
    case [*_]:
        pass
    case _:
        pass
match x, y:
    case a, b: pass
match = 1
case = 2
type = 3
_ = match
print(match, case, type)
