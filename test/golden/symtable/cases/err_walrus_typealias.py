type T = [(x := 1) for _ in ()]
