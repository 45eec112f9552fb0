# Produces test/golden/objects/math.json for test/objects/math.test.ts. Regenerate:
#   npm run build && node dist/tools/oracle/python.js test/golden/objects/make_math_golden.py > test/golden/objects/math.json
import json, math
CASES = [
 "math.sqrt(2)",
 "math.sqrt(-1)",
 "math.floor(-2.5)",
 "math.ceil(2.1)",
 "math.factorial(25)",
 "math.comb(50, 25)",
 "math.gcd(2**70, 6**20)",
 "math.isqrt(10**30)",
 "math.log(100, 10)",
 "math.log(0)",
 "math.acos(2)",
 "math.exp(1000)",
 "math.fsum([0.1] * 10)",
 "math.hypot(3, 4, 12)",
 "math.frexp(1e-300)",
 "math.modf(-2.5)",
 "math.pow(2, 0.5)",
 "math.atan2(-1, -1)",
 "math.trunc(-7.9)",
 "math.nextafter(1.0, 2.0)",
 "math.ulp(1.0)",
 "math.prod([2, 3, 7])"
]
out = {}
for expr in CASES:
    try:
        out[expr] = repr(eval(expr))
    except Exception as e:
        out[expr] = "%s: %s" % (type(e).__name__, e)
print(json.dumps(out, indent=1))
