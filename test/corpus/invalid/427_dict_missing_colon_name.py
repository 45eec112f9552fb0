d = {a b}
