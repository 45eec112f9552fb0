a if b else c
a or b or c and d and not e
a < b <= c == d != e > f >= g in h not in i is j is not k
a | b ^ c & d << e >> f + g - h * i / j // k % l @ m ** -n ** ~o
+a; -1; ~b; not c
f(a, *b, c=d, **e)
f(x for x in y)
f(*a, b, *c, d=1, *e, **f, g=2)
a.b.c[d][e:f][::g][h:i:j][k, l:m, ...]
x[*a]
x[a, *b]
[1, 2, *a]; (1,); (); []; {}; {1, *a}; {a: b, **c}
[x for x in y if x if z for w in x]
{x for x in y}
{k: v for k, v in items}
(x async for x in y)
(y := 10)
print((z := 5), [w := 1, 2])
f(a := 1)
x = yield
x = await y
True, False, None, ...
0x_ff, 0o17, 0b1010, 1_000_000, 1e10, 1.5j, 3.14, 10.0e-3, 123456789012345678901234567890, 0, 00
'a' 'b' "c" '''d''' """e"""
b'bytes' rb'raw\n' Rb"x" br'y'
'\n\t\\\'\x41\u0041\U00000041\101\N{EM DASH}\q'
r'\n' u'u' 'é' '\u00e9'
f'{x}' f'{x!r}' f'{x:>10}' f'{x=}' f'{x = !s:^{w}}' f"{'nested' + f'{y}'}" f'{{}}' f'a{{b}}c'
f'''multi
{line}'''
rf'\n{x}\n' fr'{x}\d'
'plain' f'{x}' 'more'
x = not -1
a[b] = c[d] = e
*a, b = c
a, = b
