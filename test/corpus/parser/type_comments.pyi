import x  # type: ignore
def f(a,  # type: int
      b,  # type: str
      ):
    # type: (...) -> None
    pass
def g(a, b):  # type: (int, str) -> None
    y = 1  # type: int
    for i in z:  # type: int
        pass
    with a as b:  # type: ignore[attr]
        pass
z = [] # type: List[int]
