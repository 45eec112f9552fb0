match x:
    case A.B(c=[1, *_]):
        pass
    case
