0 00 0_0 1 123 1_000_000 0x1F 0X_ff 0xdead_beef 0o17 0O_7 0b1010 0B_1 0b1_0
1.5 1. .5 1e10 1E-10 1e+5 1.5e3 1_0.2_5e1_0 0.0 00.5 09.5 0e0 0j 1J 1.5j .5j 1e3j 09j 1_2j
1if 1else 2 0x1for 1or 2 1and 2 1in x 1is x 1not in x
x.real 1 .real 1..real 1.e5 1.__class__
1_000 .1_1 0_0_0
