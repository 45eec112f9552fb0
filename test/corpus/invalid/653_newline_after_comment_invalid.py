x = # c
