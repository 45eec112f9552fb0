# t-strings: BUILD_TEMPLATE/BUILD_INTERPOLATION, Template and Interpolation (strings, values, iteration, +, constructors, errors, match)
Template = type(t"{0}"); Interpolation = type(t"{0}".interpolations[0]); convert = lambda o, c: o if c is None else {"r": repr, "s": str, "a": ascii}[c](o)
x = 42; name = 'w'
t = t"a{x}b{name!r:>5}{x:{name}}"
print(repr(t), t.strings, t.interpolations, t.values)
print(list(t))
print(repr(t"") , list(t""), repr(t"{x}"), t"{x}".strings)
i = t.interpolations[1]
print(i.value, i.expression, i.conversion, i.format_spec, Interpolation.__match_args__)
print(repr(Template('a', 'b', Interpolation(1, 'y'), Interpolation(2), 'c')))
print(repr(t + t"z{x}"))
for bad in [lambda: t + 'x', lambda: 'x' + t, lambda: Template(1), lambda: Interpolation(1, 2), lambda: Interpolation(1, 'x', 'q'), lambda: Template(x=1), lambda: Interpolation(), lambda: setattr(i, 'value', 3)]:
    try: print(bad())
    except Exception as e: print(type(e).__name__, e)
print(type(t).__name__, type(t).__module__, type(i).__qualname__, type(i).__module__)
print(i.__reduce__())
print(convert(1, 'r'), convert('a', None), convert('é', 'a'))
match i:
    case Interpolation(value, expr, conv, spec): print(value, expr, conv, spec)
print(t == t, t"{x}" == t"{x}", hash(i) is not None if False else 'skip')
print(str(t)[:22], Template.__doc__ is not None)
