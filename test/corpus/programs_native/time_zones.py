# time: local time under POSIX TZ rule strings (glibc's tzset): localtime, mktime, tzname, timezone
import time, posix

def setz(tz):
    if tz is None:
        posix.unsetenv('TZ')
    else:
        posix.putenv('TZ', tz)
    time.tzset()

for tz in ('', 'UTC0', 'EST+5EDT,M3.2.0/2,M11.1.0/2', 'CET-1CEST,M3.5.0,M10.5.0/3', 'JST-9', '<+0330>-3:30', 'Foo', 'XYZ',
           'EST5EDT', 'NZST-12NZDT,M9.5.0,M4.1.0/3', '<-03>3<-02>,M10.1.0/0,M2.3.0/0', 'AAA-1BBB-2,J60/2,J300/2', 'CCC+3DDD,100/1,200/1',
           'IST-1GMT0,M10.5.0,M3.5.0/1', '<+13>-13', 'GMT0BST,M3.5.0/1,M10.5.0', 'HST10', 'AKST9AKDT,M3.2.0,M11.1.0'):
    setz(tz)
    print(repr(tz), time.tzname, time.timezone, time.altzone, time.daylight)
    for t in (0, 1e9, 1700000000, 1690000000, 2**31 + 5, 4102444800, -2**31, -5e9, 1711846800, 1711846799, 1730595600, 1730595599, 1741510800, 1741510799):
        lt = time.localtime(t)
        print('  ', t, tuple(lt), lt.tm_zone, lt.tm_gmtoff, time.mktime(lt), time.strftime('%c %Z %z', lt), time.ctime(t))
    for tup in ((2024, 3, 31, 2, 30, 0, 0, 0, -1), (2024, 3, 31, 2, 30, 0, 0, 0, 0), (2024, 3, 31, 2, 30, 0, 0, 0, 1), (2024, 7, 1, 12, 0, 0, 0, 0, 0),
                (2024, 7, 1, 12, 0, 0, 0, 0, 1), (2024, 1, 1, 12, 0, 0, 0, 0, 1), (2024, 11, 3, 1, 30, 0, 0, 0, -1), (2024, 13, 40, 25, 61, 61, 0, 0, -1),
                (2024, 0, 0, 0, 0, 0, 0, 0, -1), (2025, 3, 9, 2, 30, 0, 0, 0, -1)):
        try:
            print('   mk', tup, time.mktime(tup))
        except Exception as e:
            print('   mk', tup, type(e).__name__, e)
    print('  ', time.strftime('%Z|%z', (2024, 7, 1, 12, 0, 0, 0, 1, 1)), time.strftime('%Z|%z', (2024, 1, 1, 12, 0, 0, 0, 1, 0)))
setz('UTC0')
