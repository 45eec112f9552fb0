# math: gamma/lgamma (Lanczos), erf/erfc, hypot/dist (vector_norm), fsum, sumprod, fma, nextafter,
# ldexp, isclose, logs, and CPython's messages; floats compared by repr (bit-exact)
import math

def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

def approx(label, f):
    # gamma/lgamma/erf/erfc go through the platform's exp/log/pow (libm), whose last bit varies
    try:
        v = f()
        print(label, v if v != v or v in (float("inf"), float("-inf")) or v == 0 else f"{v:.14g}")
    except Exception as e:
        print(label, type(e).__name__, e)

xs = [0.0, -0.0, -1.0, -2.5, 1e-300, 1e-10, 0.1, 0.5, 0.9, 1.0, 1.5, 2.0, 2.5, 3.3, 4.9, 5.0, 5.5, 7.25, 10.1,
      23.0, 24.0, 30.5, 100.7, 139.9, 140.1, 171.5, 172.0, -0.5, -1.5, -3.7, -10.25, -171.5, -200.5, 200.5,
      float("inf"), float("-inf"), float("nan"), 1e308]
for x in xs:
    approx(f"gamma({x!r})", lambda: math.gamma(x))
    approx(f"lgamma({x!r})", lambda: math.lgamma(x))
for x in [0.0, -0.0, 1e-310, 1e-20, 1e-9, 0.1, 0.25, 0.3, 0.5, 0.84, 0.85, 1.0, 1.2, 1.25, 1.3, 2.0, 2.8, 2.86, 3.0, 4.5,
          5.9, 6.0, 10.0, 27.0, 28.0, 30.0, -0.1, -0.5, -1.0, -2.0, -3.0, -5.0, -6.5, -27.0, float("inf"), float("-inf"), float("nan")]:
    approx(f"erf({x!r})", lambda: math.erf(x))
    approx(f"erfc({x!r})", lambda: math.erfc(x))
t("erf str", lambda: math.erf("a"))
t("gamma str", lambda: math.gamma("a"))
t("gamma 2 args", lambda: math.gamma(1, 2))
t("gamma int", lambda: (math.gamma(5), math.lgamma(3), math.gamma(True)))

for args in [(3, 4), (3.0, 4.0, 12.0), (1e308, 1e308), (1e-320, 1e-320), (0.1, 0.2, 0.3, 0.4), (), (5,), (-3,),
             (float("inf"), float("nan")), (float("nan"), 1), (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18),
             (2**1000, 2**-1000), (1e-310, 2e-310, 3e-310), (0.7, 1.1)]:
    t(f"hypot{args!r}", lambda: math.hypot(*args))
t("hypot str", lambda: math.hypot("a"))
t("dist", lambda: (math.dist((0, 0), (3, 4)), math.dist([1.5, 2.5, 3.5], [0.1, 0.2, 0.3]), math.dist((), ())))
t("dist iter", lambda: math.dist(iter([1, 2]), iter([3, 5])))
t("dist len", lambda: math.dist((1,), (1, 2)))
t("dist bad", lambda: math.dist([1], 2))

t("fsum", lambda: (math.fsum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]), math.fsum([])))
t("fsum half-even", lambda: math.fsum([1e-16, 1, 1e16]))
t("fsum ovf", lambda: math.fsum([1e308, 1e308]))
t("fsum inf", lambda: math.fsum([float("inf"), 1.0]))
t("fsum inf-inf", lambda: math.fsum([float("inf"), float("-inf")]))
t("fsum nan", lambda: math.fsum([float("nan"), 1.0]))
t("fsum str", lambda: math.fsum(["a"]))

t("sumprod ints", lambda: math.sumprod([1, 2, 3], [4, 5, 6]))
t("sumprod big", lambda: math.sumprod([10**30, 2], [10**30, 3]))
t("sumprod floats", lambda: (math.sumprod([0.1, 0.2, 0.3], [0.3, 0.2, 0.1]), math.sumprod([1e100, 1.0, -1e100], [1.0, 1.0, 1.0])))
t("sumprod mixed", lambda: math.sumprod([0.1, 2, 3], [7, 0.25, 1e100]))
t("sumprod empty", lambda: math.sumprod([], []))
t("sumprod len", lambda: math.sumprod([1, 2], [3]))
t("sumprod bad", lambda: math.sumprod(1, [3]))

for a in [(2.0, 3.0, 1.0), (0.1, 10.0, -1.0), (1e308, 10.0, -1e308), (1e-200, 1e-200, 0.0), (-0.0, 0.0, -0.0), (0.0, -1.0, 0.0),
          (1.0, 1.0, -1.0), (3.0, 1 / 3, -1.0), (1e-310, 0.5, 0.0)]:
    t(f"fma{a!r}", lambda: math.fma(*a))
t("fma inf*0", lambda: math.fma(float("inf"), 0.0, 1.0))
t("fma ovf", lambda: math.fma(1e308, 10.0, 1.0))
t("fma nan", lambda: math.fma(float("nan"), 1.0, 1.0))
t("fma inf", lambda: math.fma(float("inf"), 2.0, 1.0))

t("nextafter", lambda: (math.nextafter(1.0, 2.0), math.nextafter(1.0, 0.0), math.nextafter(0.0, -1.0), math.nextafter(5.0, 5.0)))
t("nextafter steps", lambda: (math.nextafter(1.0, 2.0, steps=3), math.nextafter(1.0, 2.0, steps=0), math.nextafter(1.0, 2.0, steps=10**30)))
t("nextafter neg steps", lambda: math.nextafter(1.0, 2.0, steps=-1))
t("nextafter float steps", lambda: math.nextafter(1.0, 2.0, steps=1.5))
t("ulp", lambda: (math.ulp(1.0), math.ulp(0.0), math.ulp(-5e-324), math.ulp(1e308), math.ulp(float("inf")), math.ulp(float("nan"))))

t("ldexp", lambda: (math.ldexp(1.0, 10), math.ldexp(0.75, -1074), math.ldexp(1.5, -1074), math.ldexp(3.0, -1075), math.ldexp(-0.0, 5)))
t("ldexp ovf", lambda: math.ldexp(1.0, 10**30))
t("ldexp under", lambda: math.ldexp(1.0, -10**30))
t("ldexp float", lambda: math.ldexp(1.0, 1.5))
t("frexp", lambda: (math.frexp(8.0), math.frexp(0.0), math.frexp(5e-324), math.frexp(-1e308)))
t("modf", lambda: (math.modf(3.5), math.modf(-3.5), math.modf(float("inf")), math.modf(-0.0)))

t("isclose", lambda: (math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(1.0, 1.1, rel_tol=0.2), math.isclose(0.0, 1e-12, abs_tol=1e-11)))
t("isclose inf", lambda: (math.isclose(float("inf"), float("inf")), math.isclose(float("inf"), 1e308)))
t("isclose neg tol", lambda: math.isclose(1, 1, rel_tol=-1))
t("isclose 3 pos", lambda: math.isclose(1, 2, 3))
t("prod", lambda: (math.prod([1, 2, 3]), math.prod([1, 2], start=5), math.prod([]), math.prod([0.5, 4])))
t("prod pos start", lambda: math.prod([1, 2], 5))

for x in (0.0, -0.0, -2, 0, float("-inf"), float("nan"), -1e-300, 10**400, 2**1023 * 3, 7, 0.5):
    for f in (math.log, math.log2, math.log10):
        t(f"{f.__name__}({x!r})", lambda: f(x))
t("log base", lambda: (math.log(8, 2), math.log(100, 10), math.log(10**400, 10)))
t("log base 1", lambda: math.log(10, 1))
t("log1p", lambda: (math.log1p(-0.0), math.log1p(1e-20), math.log1p(1.0)))
t("log1p -1", lambda: math.log1p(-1))
t("degrees", lambda: [math.degrees(x) for x in (1.0, 0.1, 3.0, 1e-5, 123.456)])
t("radians", lambda: [math.radians(x) for x in (1.0, 0.1, 3.0, 1e-5, 123.456, 45)])
t("messages", lambda: [type(e).__name__ for e in []])
for name, arg in [("sqrt", -1), ("acos", 2), ("asin", -2), ("acosh", 0.5), ("atanh", 1), ("exp", 1000), ("cosh", 1000)]:
    t(f"{name}({arg})", lambda: getattr(math, name)(arg))
t("pow", lambda: math.pow(0.0, -1))
t("fmod", lambda: (math.fmod(1.0, float("inf")), math.fmod(-7.5, 2.0)))
t("fmod 0", lambda: math.fmod(1.0, 0.0))
t("factorial", lambda: (math.factorial(20), math.factorial(0)))
t("factorial neg", lambda: math.factorial(-1))
t("factorial float", lambda: math.factorial(5.0))
t("comb perm", lambda: (math.comb(10, 3), math.comb(3, 10), math.perm(5), math.perm(5, 2), math.perm(5, None)))
t("comb neg", lambda: math.comb(5, -1))
t("perm str", lambda: math.perm(5, "a"))
t("isqrt", lambda: (math.isqrt(0), math.isqrt(99), math.isqrt(10**40 + 1)))
t("isqrt neg", lambda: math.isqrt(-1))
