"""Docstring."""
from __future__ import annotations
x: int = 1
class C:
    field: C
    def m(self, p: C) -> C: ...
def f(a: int) -> str: ...
