match x:
    case A(b.c=1):
        pass
