# format() and %-formatting of floats: exact decimal expansion, ties to even, no-type precision rule
vals = [2.25, 0.35, 1.005, 0.5, 2.5, 1.5, 2.675, 1e22, 123456789.125, 0.0, 5e-324, 1.7976931348623157e308, 9.995, 9.5, 99.5, 0.125, 1/3, 2/3, 1e-5, 123.456, 1e16, 0.000123456]
specs = [".0f", ".1f", ".2f", ".3f", "f", ".0e", ".1e", ".2e", "e", ".3g", "g", ".1g", ".10g", "#.3g", ".12f", "%", ".1%", ".20f", ".25e", "10.3f", "+.2e", ".17g", ".0g", ".2"]
for v in vals:
    print(" ".join(format(v, s) for s in specs))
    print("%.1f %5.2f %e %g %.3g %10.4e" % (v, v, v, v, v, v))
