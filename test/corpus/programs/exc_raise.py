# An uncaught exception raised explicitly, with output before it.
def check(n):
    if n > 2:
        raise ValueError("n is too big: " + str(n))
    return n


for i in range(5):
    print("checked", check(i))
