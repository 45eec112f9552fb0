match x:
    case Point(1, x=1, 2, 3):
        pass
