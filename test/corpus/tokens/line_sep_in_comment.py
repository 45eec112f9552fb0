x = 1  #   sep
y = 2
