x = lambda a b
