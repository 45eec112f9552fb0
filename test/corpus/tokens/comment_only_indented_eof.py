if a:
    x
        # deeper comment
