# sys hooks: excepthook, displayhook, unraisablehook, breakpointhook; exception() and exc_info()
import sys, os, io, builtins

def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

print(sys.excepthook is sys.__excepthook__, sys.displayhook is sys.__displayhook__,
      sys.unraisablehook is sys.__unraisablehook__, sys.breakpointhook is sys.__breakpointhook__)
print(type(sys.excepthook).__name__, sys.excepthook.__name__, sys.excepthook.__module__)

# the default excepthook writes to sys.stderr
def captured(f):
    old = sys.stderr
    sys.stderr = io.StringIO()
    try:
        f()
        return sys.stderr.getvalue()
    finally:
        sys.stderr = old

try:
    1 / 0
except ZeroDivisionError as e:
    print(captured(lambda: sys.excepthook(type(e), e, e.__traceback__)), end="")
    print(captured(lambda: sys.excepthook(type(e), e, None)).splitlines()[-1])
print(captured(lambda: sys.excepthook(None, None, None)), end="")
print(captured(lambda: sys.excepthook(ValueError, "not an exception", None)), end="")
e = KeyError("k")
print(captured(lambda: sys.excepthook(KeyError, e, None)), end="")
show("excepthook 2 args", lambda: sys.excepthook(1, 2))
show("excepthook kw", lambda: sys.excepthook(1, 2, traceback=3))
old = sys.stderr
sys.stderr = None
show("no stderr", lambda: sys.excepthook(KeyError, e, None))
sys.stderr = old

# exception() and exc_info()
print(sys.exception(), sys.exc_info())
try:
    raise ValueError("outer")
except ValueError:
    print(repr(sys.exception()), sys.exc_info()[0], sys.exc_info()[1], type(sys.exc_info()[2]).__name__)
    try:
        raise TypeError("inner")
    except TypeError:
        print(repr(sys.exception()))
    print(repr(sys.exception()))
print(sys.exception(), sys.exc_info())
def gen():
    yield repr(sys.exception())
try:
    raise OSError(2, "x")
except OSError:
    print(next(gen()))
show("exc_info arg", lambda: sys.exc_info(1))
show("exception arg", lambda: sys.exception(1))

# displayhook
out = io.StringIO()
sys.stdout, saved = out, sys.stdout
try:
    sys.displayhook(42)
    sys.displayhook(None)
    sys.displayhook("text")
    sys.displayhook([1, (2, 3)])
finally:
    sys.stdout = saved
print(repr(out.getvalue()), builtins._)
show("displayhook no arg", lambda: sys.displayhook())
show("displayhook 2", lambda: sys.displayhook(1, 2))
sys.stdout = None
try:
    sys.displayhook(1)
except RuntimeError as exc:
    r = str(exc)
finally:
    sys.stdout = saved
print("no stdout", r)
class AsciiOut(io.TextIOWrapper):
    pass
buf = io.BytesIO()
w = io.TextIOWrapper(buf, encoding="ascii", errors="strict")
sys.stdout = w
try:
    sys.displayhook("caf\xe9 \u20ac")
    w.flush()
finally:
    sys.stdout = saved
print(buf.getvalue())

# unraisablehook
show("unraisablehook int", lambda: sys.unraisablehook(1))
show("unraisablehook none", lambda: sys.unraisablehook())
seen = []
def hook(args):
    seen.append((type(args).__name__, args.exc_type, repr(args.exc_value), args.err_msg.split(" at 0x")[0], args.object))
    print([f for f in dir(args) if not f.startswith("_")][:5], len(args))
sys.unraisablehook = hook
import atexit
def boom():
    raise RuntimeError("from atexit")
def report():
    print(seen)
atexit.register(report)
atexit.register(boom)  # called first: its error goes through the hook
print(len(seen))

# breakpointhook
os.environ["PYTHONBREAKPOINT"] = "0"
print(sys.breakpointhook(), breakpoint() if hasattr(builtins, "breakpoint") else None)
os.environ["PYTHONBREAKPOINT"] = "builtins.print"
sys.breakpointhook("called", "with", sep="-")
os.environ["PYTHONBREAKPOINT"] = "len"
print(sys.breakpointhook([1, 2, 3]))
import warnings
for value in ("nosuchmodule_xyz.f", "os.nosuchattr", ".f"):
    os.environ["PYTHONBREAKPOINT"] = value
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        print(sys.breakpointhook())
        print([str(x.message) for x in w], [x.category.__name__ for x in w])
del os.environ["PYTHONBREAKPOINT"]
