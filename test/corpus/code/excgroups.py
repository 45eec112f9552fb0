def f():
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        print("value", e)
    except* TypeError:
        print("type")
    try:
        pass
    except* OSError:
        pass
    else:
        print("else")
    finally:
        print("fin")
def g():
    try:
        return 1
    finally:
        return 2
def h():
    for i in range(3):
        try:
            break
        except Exception as exc:
            del exc
        finally:
            continue
def w():
    with open("a") as a, open("b") as b:
        return a.read() + b.read()
