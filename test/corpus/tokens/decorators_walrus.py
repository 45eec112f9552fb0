@dec
@dec.attr(1)
def f(a, /, b, *, c=1, **kw) -> int:
    return (y := a)
