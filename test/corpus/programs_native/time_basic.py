# time: clocks, sleep, struct_time, gmtime, argument errors
import time
a, b = time.monotonic(), time.monotonic()
print(type(a).__name__, b >= a, type(time.monotonic_ns()).__name__, type(time.time()).__name__, type(time.time_ns()).__name__)
print(abs(time.time() - time.time_ns() / 1e9) < 1, abs(time.perf_counter() - time.perf_counter_ns() / 1e9) < 1, time.time() > 1.7e9)
print(time.process_time() >= 0, type(time.process_time_ns()).__name__, time.thread_time() >= 0, type(time.thread_time_ns()).__name__)
t0 = time.monotonic()
time.sleep(0.05)
time.sleep(0)
print(time.monotonic() - t0 >= 0.05)
for name in ('time', 'monotonic', 'perf_counter', 'process_time', 'thread_time'):
    print(name, time.get_clock_info(name))
for clk in ('CLOCK_REALTIME', 'CLOCK_MONOTONIC', 'CLOCK_PROCESS_CPUTIME_ID', 'CLOCK_THREAD_CPUTIME_ID', 'CLOCK_MONOTONIC_RAW', 'CLOCK_BOOTTIME', 'CLOCK_TAI'):
    c = getattr(time, clk)
    print(clk, c, time.clock_getres(c), type(time.clock_gettime(c)).__name__, type(time.clock_gettime_ns(c)).__name__)
print(abs(time.clock_gettime(time.CLOCK_REALTIME) - time.time()) < 1)
for t in (0, 1, -1, 86399, 86400, 1e9, 1234567890.987, -1e9, 951782400, 4102444800, 253402300799, 253402300800, -62135596800, -62135596801, 1e15, -1e12, 2**40):
    g = time.gmtime(t)
    print(t, tuple(g), g.tm_zone, g.tm_gmtoff, g.tm_isdst)
g = time.gmtime(0)
print(g, len(g), g[0], g[-1], g[:3], g.tm_year, type(g).__name__, time.struct_time.n_fields, time.struct_time.n_sequence_fields)
s = time.struct_time((2020, 1, 2, 3, 4, 5, 6, 7, 0))
print(s, s.tm_zone, s.tm_gmtoff)
s = time.struct_time((2020, 1, 2, 3, 4, 5, 6, 7, 0, 'ABC', 3600))
print(s, s.tm_zone, s.tm_gmtoff, time.strftime('%Z %z', s))
for f in (lambda: time.gmtime('x'), lambda: time.gmtime(float('nan')), lambda: time.gmtime(1e30), lambda: time.gmtime(2**63), lambda: time.gmtime(None) is None,
          lambda: time.gmtime(1e17), lambda: time.sleep(-1), lambda: time.sleep('x'), lambda: time.sleep(float('nan')), lambda: time.struct_time((1, 2, 3)),
          lambda: time.struct_time((1,) * 12), lambda: time.clock_gettime(99), lambda: time.clock_getres(99), lambda: time.get_clock_info('x'), lambda: time.get_clock_info(1),
          lambda: time.mktime(5), lambda: time.mktime((1,) * 8), lambda: time.ctime('x'), lambda: time.localtime(1e30), lambda: time.time(1), lambda: time.gmtime(0, 1)):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
print(time.ctime(0) == time.asctime(time.localtime(0)), type(time.ctime()).__name__, type(time.asctime()).__name__, len(time.strftime('%Y')))
print(time.timezone == -time.localtime(1700000000).tm_gmtoff or time.daylight == 1)
