if a:
        x
	y
