global x, y,
