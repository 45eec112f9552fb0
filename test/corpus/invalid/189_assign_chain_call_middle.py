x = f() = y
