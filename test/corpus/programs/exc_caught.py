# try/except/else/finally; the exception objects' str and repr.
def divide(a, b):
    try:
        result = a / b
    except ZeroDivisionError as e:
        print("caught:", e)
        return None
    else:
        print("ok")
        return result
    finally:
        print("finally for", a, b)


print(divide(6, 3))
print(divide(1, 0))
try:
    [][1]
except IndexError as e:
    print(type(e).__name__, e)
try:
    {}["missing"]
except KeyError as e:
    print("KeyError", e, repr(e))
try:
    int("abc")
except ValueError as e:
    print(e)
try:
    raise RuntimeError("custom", 42)
except Exception as e:
    print(e.args, e)
for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("cleanup", i)
