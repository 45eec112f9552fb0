if a:
	if b:
		x
	y
z
