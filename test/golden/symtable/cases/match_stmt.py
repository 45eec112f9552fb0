def f(cmd):
    match cmd:
        case [x, y, *rest]:
            return x
        case {"k": v, **others}:
            return v
        case Point(x=px, y=0) | Point(px, _):
            return px
        case str() as s if s:
            return s
        case None:
            pass
