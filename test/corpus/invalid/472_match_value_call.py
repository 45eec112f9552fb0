match x:
    case f():
        pass
    case a.b():
        x =
