from typing import Any
x: int = 1
y: "str"
def f(a: int, *b: str, c: float = 1.0, **d: bytes) -> Any:
    local: list = []
    other: dict
    return local
class C:
    field: int
    if x:
        cond: str = "a"
    def m(self, p: C) -> C: ...
    try:
        z: int
    except E:
        pass
(paren): int = 3
obj.attr: int = 4
