# time.strftime as glibc's C locale formats it; asctime, checks of time tuples
import time
for y in (5, 99, 150, 1970, 12345, -5, -150, 0):
    print(y, repr(time.strftime('%Y|%C|%G|%g|%y|%5Y|%_5Y|%-5Y|%+Y|%05C|%_C|%F|%+6Y|%02Y', (y, 3, 4, 5, 6, 7, 0, 63, 0))))
t = (2021, 1, 3, 13, 4, 5, 6, 3, 0)
for d in ('a|A|b|B|c|C|d|D|e|F|g|G|h|H|I|j|k|l|m|M|n|p|P|r|R|S|t|T|u|U|V|w|W|x|X|y|Y|z|%|^p|#p|^B|10B|-10B|_3d|-j|3H|Ec|EY|Od|OY|Ez|:z|8z|_8z|-z|q|'
          '^a|#a|#A|#B|^c|#c|010A|-5d|_5d|05d|5p|5%|Ey|Oy|OH|Oe|EC|Ex|EX|Ed|Om|E|O|5|_|^|#|-|0|10|^#a|5n|-e|0e|Ob|OB|Oz').split('|'):
    print(d, repr(time.strftime('%' + d, t)))
for tt in ((2020, 12, 31, 0, 0, 0, 3, 366, 0), (2021, 1, 1, 0, 0, 0, 4, 1, 0), (2019, 12, 30, 0, 0, 0, 0, 364, 0), (2027, 1, 1, 0, 0, 0, 4, 1, 0),
           (2026, 12, 31, 0, 0, 0, 3, 365, 0), (2010, 1, 3, 0, 0, 0, 6, 3, 0), (2008, 12, 29, 0, 0, 0, 0, 364, 0), (2005, 1, 2, 0, 0, 0, 6, 2, 0)):
    print(time.strftime('%G %g %V %U %W %j %u %w %a', tt))
print(repr(time.strftime('%z|%Z|%s', time.gmtime(86400 * 365))), repr(time.strftime('%z|%Z', (2021, 1, 3, 13, 4, 5, 6, 3, -1))))
print(repr(time.strftime('%')), repr(time.strftime('abc%')), repr(time.strftime('%5')), repr(time.strftime('%E')), repr(time.strftime('é%a\0x', t)), repr(time.strftime('', t)))
g = time.gmtime(1234567890)
print(time.strftime('%Y-%m-%d %H:%M:%S %Z %z %j %a %A %b %B %p %c', g))
print(time.asctime(g), time.asctime((2020, 1, 1, 0, 0, 0, 0, 0, 0)), time.asctime((-5, 1, 1, 0, 0, 0, 0, 1, 0)), time.asctime((12345, 12, 31, 23, 59, 59, 6, 366, 0)))
for bad in ((1,) * 8, 5, (2020, 13, 1, 0, 0, 0, 0, 1, 0), (2020, 0, 0, 0, 0, 0, 0, 0, 0), (2020, 1, 1, 25, 0, 0, 0, 1, 0), (2020, 1, 1, 0, 60, 0, 0, 1, 0),
            (2020, 1, 1, 0, 0, 61, 0, 1, 0), (2020, 1, 1, 0, 0, 62, 0, 1, 0), (2020, 1, 1, 0, 0, 0, -1, 1, 0), (2020, 1, 1, 0, 0, 0, -2, 1, 0),
            (2020, 1, 1, 0, 0, 0, 7, 1, 0), (2020, 1, 1, 0, 0, 0, 0, 367, 0), (2020, 1, 1, 0, 0, 0, 0, 0, 5), (2020, 1, 32, 0, 0, 0, 0, 1, 0),
            (2020, 1, -1, 0, 0, 0, 0, 1, 0), (2020.5, 1, 1, 0, 0, 0, 0, 1, 0), ('x', 1, 1, 0, 0, 0, 0, 1, 0), [2020, 1, 1, 0, 0, 0, 0, 1, 0], (2**40, 1, 1, 0, 0, 0, 0, 1, 0)):
    for f in (lambda: time.strftime('%Y %j %a %Z', bad), lambda: time.asctime(bad)):
        try:
            print(repr(f()))
        except Exception as e:
            print(type(e).__name__, e)
for f in (lambda: time.strftime(5), lambda: time.strftime(), lambda: time.strftime('%Y', t, 1), lambda: time.asctime(t, t)):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
