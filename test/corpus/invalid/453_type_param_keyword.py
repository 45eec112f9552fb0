class A[def]:
    pass
