'a' if 'b'
