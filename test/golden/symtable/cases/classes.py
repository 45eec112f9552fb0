class A(Base, metaclass=M):
    """doc"""
    attr = 1
    __private = 2
    def method(self):
        return super().method() + self.__private + __class__.x
    @staticmethod
    def other(__arg):
        return attr
    class Inner:
        def m(self):
            return __class__
def outer():
    v = 1
    class C:
        v = v
        def m(self):
            return v
    return C
