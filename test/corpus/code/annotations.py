import typing
x: int = 1
y: list[str]
if x:
    z: float = 2.0
class C:
    a: dict[str, int] = {}
    b: "C | None" = None
    if True:
        c: int
    def m(self, p: int, *args: str, q: float = 1.0, **kw: bytes) -> "C":
        v: int = 3
        self.w: int = v
        return self
def f(a: typing.Optional[int] = None) -> tuple[int, ...]:
    return (a,)
