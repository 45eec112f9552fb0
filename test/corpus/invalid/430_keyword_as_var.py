x = True + if
