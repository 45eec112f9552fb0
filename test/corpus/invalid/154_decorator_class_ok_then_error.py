@dec
class A(:
    pass
