class A[T, **P: (int,)]: pass
