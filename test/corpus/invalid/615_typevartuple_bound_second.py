def f[T: int, *U: str](): pass
