if x:
    a
  # fine
    b
   c
