x = 1; y = f'abc {a $ b} def'
