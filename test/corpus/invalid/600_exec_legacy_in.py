exec "a" in b
