x = f'a\x{1}'
