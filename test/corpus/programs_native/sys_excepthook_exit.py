# a sys.excepthook that raises SystemExit decides the exit status
import sys

def hook(*args):
    print("handled", args[1])
    sys.exit(7)

sys.excepthook = hook
raise ValueError("bad")
