import dis
def f(n):
    t = 0
    for i in range(n):
        t += i
    return t
for _ in range(3): f(10)
dis.dis(f, adaptive=True, show_caches=True)
def g(): return g()
try: g()
except RecursionError as e: print(repr(e))
import sys; print(sys.getrecursionlimit())
def h(a, b=2): return a
dis.dis(h, adaptive=True)
h(1); h(1); dis.dis(h, adaptive=True)
