if ü:
    pass
  ä = 1
