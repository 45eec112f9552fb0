from __future__ import annotations
import typing
x: int = 1
y: list[str]
class C:
    a: dict[str, int] = {}
    b: "C | None" = None
    def m(self, p: int, *args: str, q: float = 1.0, **kw: bytes) -> C:
        v: int = 3
        return self
def f(a: typing.Optional[int] = None) -> tuple[int, ...]:
    return (a,)
