for i in x:
    break if x else continue
