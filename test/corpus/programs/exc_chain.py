# Chained exceptions: implicit context and explicit `raise ... from`.
def parse(text):
    try:
        return int(text)
    except ValueError as e:
        raise RuntimeError("cannot parse " + repr(text)) from e


def load():
    try:
        {}["key"]
    except KeyError:
        parse("x1")


load()
