match x, y
