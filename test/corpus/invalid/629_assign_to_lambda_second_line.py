lambda: (yield)
lambda x: x = 1
