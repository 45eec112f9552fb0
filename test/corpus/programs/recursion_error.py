# Unbounded recursion: RecursionError with a folded traceback.
def down(n):
    return down(n + 1)


down(0)
