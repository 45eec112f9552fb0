x = 1.__class__
y = 0x10.real
z = 1e.real
