print "a" if x else "b"
