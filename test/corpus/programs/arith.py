# Integer and float arithmetic, including negative floor division and big integers.
a, b = 17, 5
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b)
print(-a // b, -a % b, a // -b, a % -b, -a // -b)
print(divmod(a, b), divmod(-a, b), abs(-a), -(-a))
print(2 ** 100, 2 ** 64 - 1, -(2 ** 63))
print(10 ** 20 // 7, 10 ** 20 % 7, (10 ** 20) * (10 ** 20))
print(1 / 3, 2 / 3, 0.1 + 0.2, 1e16, 1e-5, 1.5e300 * 1e10)
print(7.0 // 2, 7.5 % 2, -7.5 % 2, 2.0 ** 0.5, 3 * 1.0)
print(True + True, True * 10, False - 1)
print(1 << 70, (1 << 70) >> 68, 0xff & 0x0f, 0xf0 | 0x0f, 0xff ^ 0x0f, ~5)
x = 10
x += 5
x *= 3
x -= 1
x //= 4
x **= 2
print(x)
print(round(2.5), round(3.5), round(2.675, 2), int(3.9), int(-3.9), float(7))
print(max(3, 9, 4), min(3, 9, 4), sum([1, 2, 3, 4]), pow(3, 4), pow(3, 4, 5))
