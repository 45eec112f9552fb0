abc def = 1
