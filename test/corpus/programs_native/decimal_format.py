from decimal import Decimal, getcontext, localcontext
cases = ['', '10', '<10', '^10', '=+10', '010', '+', ' ', '.3', '.3f', '.0f', 'f', 'e', '.2e', '.0e', 'g', '.3g',
         '.1g', '%', '.1%', ',', '_', '015,.2f', '020_f', 'z.1f', '#.0f', '#e', 'n', '.3n', 'x<12,.3f', 'E', 'G',
         '.2G', '*^15.3e', ',.3_f', '.6_f', 'zz', '07', '0=10', '#', '08.2%', '\u00e9>9', '.30f', '.25e']
vals = ['1234.5678', '-0.0001', '0', '-0', '1E+5', '123456789', 'Infinity', '-NaN', 'sNaN12', '1.23E-10', '0E+3',
        '0.000', '9.9999', '-5.5E-7']
for c in cases:
    row = []
    for v in vals:
        try:
            row.append(repr(format(Decimal(v), c)))
        except Exception as e:
            row.append(type(e).__name__ + ':' + str(e))
    print(repr(c), ' '.join(row))
with localcontext() as ctx:
    ctx.capitals = 0
    print(format(Decimal('1e10'), ''), format(Decimal('1e10'), 'g'), format(Decimal('1.2345e10'), '.3'))
    ctx.rounding = 'ROUND_DOWN'
    print(format(Decimal('1.999'), '.2f'), format(Decimal('-1.999'), '.1e'), f"{Decimal('2.675'):.2f}")
print(f"{Decimal('12345.6789'):>20,.2f}|{Decimal('-3'):=+8}|{Decimal('0.5'):%}")
for bad in (5, None):
    try:
        Decimal(1).__format__(bad)
    except Exception as e:
        print(type(e).__name__, e)
