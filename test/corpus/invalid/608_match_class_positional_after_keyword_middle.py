match x:
    case Foo(a, b=1, c):
        pass
