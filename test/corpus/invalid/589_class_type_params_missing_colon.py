class A[T]
    pass
