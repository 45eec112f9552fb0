def f(x):
    try:
        if x == 0:
            raise ValueError("zero")
        return 10 // x
    except ValueError as e:
        print("caught", e)
        return -1
    finally:
        print("finally", x)
print(f(0), f(2))
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise KeyError("k")
except KeyError as e:
    print("outer", repr(e), type(e.__context__).__name__)
try:
    [][1]
except (IndexError, KeyError) as e:
    print(type(e).__name__, e)
def g():
    try:
        return 1
    finally:
        print("in finally")
print(g())
try:
    raise RuntimeError("a") from ValueError("b")
except RuntimeError as e:
    print(e, repr(e.__cause__))
for i in range(3):
    try:
        if i == 1: continue
        print("body", i)
    finally:
        print("fin", i)
try:
    assert 1 == 2, "nope"
except AssertionError as e:
    print("assert", e)
try:
    undefined
except NameError as e:
    print(e)
try:
    try:
        raise ValueError(1)
    except ValueError:
        raise
except ValueError as e:
    print("reraised", e)
