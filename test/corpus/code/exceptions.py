def f(x):
    try:
        return 1 / x
    except ZeroDivisionError as e:
        print(e)
        return None
    except (TypeError, ValueError):
        raise
    finally:
        print("finally")
def g(path):
    with open(path) as fh:
        data = fh.read()
    with open(path) as a, open(path) as b:
        pass
    return data
try:
    f(0)
except Exception:
    pass
else:
    print("else")
def h():
    for i in range(3):
        try:
            if i:
                continue
        finally:
            print(i)
    assert h, "msg"
    raise ValueError("x") from None
