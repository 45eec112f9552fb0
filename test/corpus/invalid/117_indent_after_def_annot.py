def f(a: int = 1, *args, **kw) -> int:
pass
