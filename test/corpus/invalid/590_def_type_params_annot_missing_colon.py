def f[T](a) -> int
    pass
