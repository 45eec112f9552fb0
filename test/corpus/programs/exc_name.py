# NameError for an undefined name inside a function.
def area(r):
    return 3.14159 * radius ** 2


print("start")
print(area(2))
