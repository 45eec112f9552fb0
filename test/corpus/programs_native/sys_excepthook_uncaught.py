# an uncaught exception goes to a replaced sys.excepthook, with sys.last_exc set (PyErr_Print)
import sys

def hook(exctype, value, tb):
    print("hook:", exctype.__name__, value, type(tb).__name__)
    print("last:", sys.last_exc is value, sys.last_type is exctype, sys.last_value is value, sys.last_traceback is tb)
    print("frames:", tb.tb_frame.f_code.co_name, tb.tb_lineno)
    raise RuntimeError("hook failed")

sys.excepthook = hook
print(sys.excepthook is not sys.__excepthook__)

def f():
    raise KeyError("missing")

f()
