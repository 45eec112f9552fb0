import _contextvars as cv
v = cv.ContextVar('v'); w = cv.ContextVar('w', default=5)
print(repr(v)[:24], repr(w)[:34])
try: v.get()
except LookupError as e: print(type(e).__name__, repr(e)[:36])
print(v.get(1), w.get(), w.get(7))
t = v.set(3); print(repr(t)[:12], t.var is v, t.old_value, repr(t.old_value), cv.Token.MISSING)
try: w.reset(t)
except Exception as e: print(type(e).__name__, str(e)[:33])
v.reset(t)
try: v.reset(t)
except Exception as e: print(type(e).__name__, str(e)[:33])
ctx = cv.copy_context()
print(type(ctx), len(ctx), list(ctx.keys()) == [] )
def f(a, b=0):
    v.set(a+b); return v.get()
print(ctx.run(f, 1, b=2), v.get(None), ctx[v], v in ctx, ctx.get(v), ctx.get(w), ctx.get(w, 9))
try: ctx[1]
except Exception as e: print(type(e).__name__, e)
try: ctx[w]
except Exception as e: print(type(e).__name__, repr(e)[:30])
def g(): ctx.run(lambda: 0)
try: ctx.run(g)
except Exception as e: print(type(e).__name__, str(e)[:40])
with v.set(10): print(v.get())
print(v.get(None))
try: cv.ContextVar(1)
except Exception as e: print(type(e).__name__, e)
try: cv.Context(1)
except Exception as e: print(type(e).__name__, e)
print(cv.ContextVar[int], v.name)
try: v.name = 'x'
except Exception as e: print(type(e).__name__, e)
try:
    class X(cv.ContextVar): pass
except Exception as e: print(type(e).__name__, e)
c2 = ctx.copy(); print(c2[v], type(c2).__name__, sorted(dict(ctx.items()).values()))
try: hash(ctx)
except Exception as e: print(type(e).__name__, e)
print(ctx == c2, ctx == cv.Context(), len(cv.Context()))
t2 = w.set(1); print(t2.old_value is cv.Token.MISSING)
try: t2.var = 1
except Exception as e: print(type(e).__name__, e)
print(type(cv.Token.MISSING).__name__)
