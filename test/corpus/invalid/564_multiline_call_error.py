foo(a,
    b,
    c d,
    e)
