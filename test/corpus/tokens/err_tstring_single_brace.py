x = t'a}b'
