class C[T](base := (yield)): pass
