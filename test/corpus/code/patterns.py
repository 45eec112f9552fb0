def m(v):
    match v:
        case 0 | 1 | -1:
            return "small"
        case 1.5 | -2j | 1+2j:
            return "num"
        case None | True:
            return "singleton"
        case [x, y, *rest] if x > y:
            return rest
        case [_, _]:
            return "pair"
        case (a, [b, c]):
            return a + b + c
        case {"k": 1, "j": z, **kw}:
            return z, kw
        case {}:
            return "empty map"
        case str(s) | bytes(s):
            return s
        case Point(x=0, y=yy) as p:
            return yy, p
        case Point(1, 2):
            return "p12"
        case [*_, last]:
            return last
        case x if x:
            return x
        case _:
            return None
