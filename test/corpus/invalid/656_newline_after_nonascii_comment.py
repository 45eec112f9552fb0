y = 1 +  # comment ü
