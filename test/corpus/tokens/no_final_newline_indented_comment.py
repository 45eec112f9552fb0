if x:
    y
    # end