# SystemExit with an int code: exit status 3, no traceback.
import sys

print("about to exit")
sys.exit(3)
print("not reached")
