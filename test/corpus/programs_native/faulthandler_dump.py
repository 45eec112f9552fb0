# faulthandler: traceback dumps in CPython's format, timers polled while Python code runs, errors
import faulthandler, sys, time, signal, os, re

p = "/tmp/tython_faulthandler_%d" % os.getpid()
out = open(p, "w+")

def dumped():
    """What was written to `out` since the last call, without the machine's paths and thread ids."""
    out.flush()
    out.seek(0)
    text = out.read()
    out.seek(0)
    out.truncate()
    text = text.replace(__file__, "<file>")
    text = re.sub(r"0x[0-9a-f]{16}( \[[^\]]*\])?", "0xTHREAD", text)
    return re.sub(r'File "[^"<]*/(\w+\.py)"', r'File "\1"', text)

def f():
    faulthandler.dump_traceback(out, all_threads=False)
    faulthandler.dump_traceback(out)
    faulthandler.dump_traceback(out.fileno(), True)
def g():
    f()
g()
print(dumped())

def fé():
    faulthandler.dump_traceback(file=out, all_threads=False)
fé()
print(dumped())

def deep(n):
    if n == 0:
        faulthandler.dump_traceback(out, all_threads=False)
    else:
        deep(n - 1)
deep(150)
lines = dumped().splitlines()
print(len(lines), lines[:3], lines[-1])

print(faulthandler.is_enabled(), faulthandler.enable(out), faulthandler.is_enabled(), faulthandler.disable(), faulthandler.disable())

def t(fn, *a, **k):
    try:
        print("ok", repr(fn(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)
t(faulthandler.dump_traceback, "x")
t(faulthandler.dump_traceback, 1.5)
t(faulthandler.dump_traceback, -1)
t(faulthandler.dump_traceback, out, 1, 2)
t(faulthandler.dump_traceback_later, 0)
t(faulthandler.dump_traceback_later, -1)
t(faulthandler.dump_traceback_later, "x")
t(faulthandler.dump_traceback_later, 1e30)
t(faulthandler.dump_traceback_later, 1, False, "x")
t(faulthandler.dump_traceback_later)
t(faulthandler.register, signal.SIGSEGV)
t(faulthandler.register, signal.SIGABRT)
t(faulthandler.register, signal.SIGKILL)
t(faulthandler.register, 0)
t(faulthandler.register, 65)
t(faulthandler.register, signal.SIGUSR1, "x")
t(faulthandler.unregister, signal.SIGUSR1)
t(faulthandler.unregister, 0)
t(faulthandler.unregister, signal.SIGFPE)
t(faulthandler.cancel_dump_traceback_later)
t(faulthandler.enable, file="x")
t(faulthandler.enable, -3)
print(faulthandler.is_enabled())

# a timer fires while Python code runs, and during a sleep
faulthandler.dump_traceback_later(0.05, file=out)
def spin():
    t0 = time.monotonic()
    while time.monotonic() - t0 < 0.3: pass  # one line: where the timer finds it is racy
spin()
print(dumped())
faulthandler.dump_traceback_later(1.5, file=out)
faulthandler.dump_traceback_later(0.02, repeat=True, file=out)
time.sleep(0.07)
faulthandler.cancel_dump_traceback_later()
text = dumped()
print(text.count("Timeout (0:00:00.020000)!") >= 2, text.splitlines()[:3])
time.sleep(0.05)
print(repr(dumped()))

# register: the dump happens when the signal is delivered
faulthandler.register(signal.SIGUSR1, file=out, all_threads=False)
signal.raise_signal(signal.SIGUSR1)
os.kill(os.getpid(), signal.SIGUSR1)
print(dumped())
signal.signal(signal.SIGUSR2, lambda *a: print("python handler"))
faulthandler.register(signal.SIGUSR2, file=out, chain=True)
signal.raise_signal(signal.SIGUSR2)
faulthandler.register(signal.SIGUSR2, file=out, all_threads=False, chain=False)
signal.raise_signal(signal.SIGUSR2)
print(dumped())
print(faulthandler.unregister(signal.SIGUSR1), faulthandler.unregister(signal.SIGUSR1), faulthandler.unregister(signal.SIGUSR2))
signal.raise_signal(signal.SIGUSR2)
print(repr(dumped()))

faulthandler.dump_c_stack(out)
print(dumped().splitlines()[0])

out.close()
os.unlink(p)
# exit=True ends the process with status 1 after the dump
sys.stdout.flush()
faulthandler.dump_traceback_later(0.02, exit=True, file=os.open(os.devnull, os.O_WRONLY))
spin()
print("not reached")
