import decimal
from decimal import *
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
print(getcontext())
c = getcontext()
c.prec = 6
print(Decimal(1) / 7, c.prec)
with localcontext() as lc:
    lc.prec = 3
    lc.rounding = ROUND_UP
    print(Decimal(1) / 7, getcontext() is lc)
print(Decimal(1) / 7, getcontext() is c)
with localcontext(prec=2, traps=[]) as lc:
    print(Decimal(1) / 0, lc.flags[DivisionByZero], lc)
setcontext(ExtendedContext)
print(getcontext() is ExtendedContext, getcontext())
print(Decimal(1) / 0, Decimal(0) / 0, Decimal(-1).sqrt())
print(getcontext().flags[InvalidOperation], getcontext().flags[DivisionByZero])
getcontext().clear_flags()
print(getcontext().flags)
setcontext(BasicContext)
show(lambda: Decimal('1e-999999') / 10)
setcontext(Context())
c = getcontext()
c.traps[Inexact] = True
show(lambda: Decimal(1) / 3)
c.traps[Inexact] = False
c.traps[FloatOperation] = True
show(lambda: Decimal(1.5))
show(lambda: Decimal(2) < 2.5)
show(lambda: Decimal(2) == 2.5)
show(lambda: c.create_decimal(2.5))
show(lambda: Decimal.from_float(2.5))
c.clear_traps()
print(c)
show(lambda: Decimal('x'))
print(c.flags[InvalidOperation])
for sig in [DecimalException, Clamped, InvalidOperation, DivisionByZero, Inexact, Rounded, Subnormal, Overflow,
            Underflow, FloatOperation, ConversionSyntax, DivisionImpossible, DivisionUndefined, InvalidContext]:
    print(sig.__name__, sig.__module__, [b.__name__ for b in sig.__mro__])
print(issubclass(DivisionByZero, ZeroDivisionError), issubclass(FloatOperation, TypeError))
c = Context(prec=5, rounding=ROUND_HALF_DOWN, Emin=-10, Emax=10, capitals=0, clamp=1, flags=[Rounded], traps=[Overflow])
print(c, c.Etiny(), c.Etop(), c.radix())
print(c.copy(), c.__reduce__())
print(sorted(k.__name__ for k, v in c.traps.items() if v), len(c.flags), list(c.flags)[0])
d = c.flags.copy()
print(type(d).__name__, d[Rounded])
c.flags = d
c.traps = {s: False for s in d}
print(c)
print(c.add(Decimal('1.23456'), 2), c.flags[Inexact], c.power(2, 40), c.flags[Overflow])
print(c.to_sci_string(Decimal('1.2e12')), c.to_eng_string(Decimal('1.2e12')), c.create_decimal('123.456789'))
print(MAX_PREC, MAX_EMAX, MIN_EMIN, MIN_ETINY, HAVE_THREADS, HAVE_CONTEXTVAR, decimal.__version__,
      decimal.__libmpdec_version__, IEEE_CONTEXT_MAX_BITS)
print(IEEEContext(32), IEEEContext(128))
for r in (ROUND_UP, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN, ROUND_05UP):
    print(r, [str(Decimal(v).quantize(Decimal('1'), rounding=r)) for v in ('2.5', '-2.5', '1.1', '-1.9', '0.5')])
show(lambda: DefaultContext.prec)
import contextvars
def inner():
    getcontext().prec = 3
    return Decimal(2).sqrt()
print(contextvars.copy_context().run(inner), Decimal(2).sqrt())
