if ü == 1
    pass
