class Animal:
    kind = "animal"
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} makes a sound"
    def __repr__(self):
        return f"Animal({self.name!r})"
class Dog(Animal):
    def speak(self):
        return super().speak() + " (woof)"
d = Dog("Rex")
print(d.speak(), d.kind, repr(d), isinstance(d, Animal))
class P:
    def __init__(self, x, y): self.x, self.y = x, y
    def __add__(self, o): return P(self.x + o.x, self.y + o.y)
    def __eq__(self, o): return self.x == o.x and self.y == o.y
    def __str__(self): return f"P({self.x}, {self.y})"
print(P(1, 2) + P(3, 4), P(1, 1) == P(1, 1))
class C:
    count = 0
    @staticmethod
    def s(): return "static"
    @classmethod
    def c(cls): return cls.__name__
    @property
    def p(self): return 42
print(C.s(), C.c(), C().p)
