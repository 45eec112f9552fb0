# Python-level signal handlers: run before the next instruction when the process signals itself
import signal, os, time, _thread

log = []
def handler(signum, frame):
    log.append((signal.Signals(signum).name, frame.f_code.co_name, frame.f_lineno > 0))

def t(f, *a):
    try:
        r = f(*a); print("ok", repr(r))
    except BaseException as e:
        print(type(e).__name__, e)

# (what the process inherited is not printed: a shell may have made SIGINT or SIGHUP ignored)
signal.signal(signal.SIGINT, signal.default_int_handler)
signal.signal(signal.SIGUSR1, signal.SIG_DFL)
old = signal.signal(signal.SIGUSR1, handler)
print("old", old, signal.getsignal(signal.SIGUSR1) is handler)

def via_raise():
    log.append("before")
    signal.raise_signal(signal.SIGUSR1)
    log.append("after")
via_raise()
print(log); log.clear()

def via_kill():
    log.append("before")
    os.kill(os.getpid(), signal.SIGUSR1)
    log.append("after")
via_kill()
print(log); log.clear()

# a handler that raises: the exception comes out of the call that sent the signal
class Boom(Exception): pass
def raising(signum, frame):
    raise Boom(signum)
signal.signal(signal.SIGUSR2, raising)
t(signal.raise_signal, signal.SIGUSR2)
t(os.kill, os.getpid(), signal.SIGUSR2)
try:
    os.kill(os.getpid(), signal.SIGUSR2)
    print("not reached")
except Boom as e:
    print("caught Boom", e.args)

# SIGINT's default handler
t(signal.raise_signal, signal.SIGINT)
t(os.kill, os.getpid(), signal.SIGINT)
t(signal.default_int_handler, 2, None)
# ignored
print(signal.signal(signal.SIGUSR2, signal.SIG_IGN) is raising)
t(signal.raise_signal, signal.SIGUSR2)
t(os.kill, os.getpid(), signal.SIGUSR2)
print(signal.signal(signal.SIGUSR2, signal.SIG_DFL))
# a signal that is ignored by default
t(signal.raise_signal, signal.SIGCHLD)
t(signal.raise_signal, 0)

# a handler that sends another signal: both run, the inner first
def outer(signum, frame):
    log.append("outer-start")
    signal.raise_signal(signal.SIGUSR2)
    log.append("outer-end")
signal.signal(signal.SIGUSR2, handler)
signal.signal(signal.SIGHUP, outer)
signal.raise_signal(signal.SIGHUP)
print(log); log.clear()

# blocked signals stay pending until unblocked
print(sorted(signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1, signal.SIGUSR2])))
signal.raise_signal(signal.SIGUSR1)
os.kill(os.getpid(), signal.SIGUSR2)
print("pending", sorted(signal.sigpending()), log)
print(sorted(signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGUSR1])), log)
log.clear()
print(sorted(signal.pthread_sigmask(signal.SIG_SETMASK, [])), log)
log.clear()
print(signal.pthread_sigmask(signal.SIG_BLOCK, []))

# sigwait and friends take a blocked pending signal without running its handler
signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1, signal.SIGUSR2])
signal.raise_signal(signal.SIGUSR1)
print(signal.sigwait([signal.SIGUSR1, signal.SIGUSR2]), log)
os.kill(os.getpid(), signal.SIGUSR2)
info = signal.sigwaitinfo([signal.SIGUSR2])
print(info.si_signo, info.si_code, info.si_pid == os.getpid(), info.si_errno, info.si_status, info.si_band == os.getpid() + (os.getuid() << 32))
signal.raise_signal(signal.SIGUSR1)
info = signal.sigtimedwait([signal.SIGUSR1], 0)
print(info.si_signo, info.si_code)
print(signal.sigtimedwait([signal.SIGUSR1], 0.01))
print(type(info).__name__, len(info))
signal.pthread_sigmask(signal.SIG_SETMASK, [])
print(log)

# timers: the handler runs while Python code runs, or during a sleep
fired = []
def on_alarm(signum, frame):
    fired.append(signal.Signals(signum).name)
signal.signal(signal.SIGALRM, on_alarm)
print(signal.setitimer(signal.ITIMER_REAL, 0.05))
delay, interval = signal.getitimer(signal.ITIMER_REAL)
print(0 < delay <= 0.05, interval)
n = 0
while not fired:
    n += 1
print(fired, signal.getitimer(signal.ITIMER_REAL))
fired.clear()
signal.setitimer(signal.ITIMER_REAL, 0.05)
time.sleep(0.2)
print("after sleep", fired)
fired.clear()
signal.setitimer(signal.ITIMER_REAL, 0.02)
print(signal.pause(), fired)
fired.clear()
def stop_sleep(signum, frame):
    raise Boom("woke")
signal.signal(signal.SIGALRM, stop_sleep)
signal.setitimer(signal.ITIMER_REAL, 0.02)
t0 = time.monotonic()
try:
    time.sleep(5)
except Boom as e:
    print("sleep interrupted", e, time.monotonic() - t0 < 4)
# a repeating timer
signal.signal(signal.SIGALRM, on_alarm)
signal.setitimer(signal.ITIMER_REAL, 0.01, 0.01)
while len(fired) < 3:
    pass
print(signal.setitimer(signal.ITIMER_REAL, 0)[1], fired[:3])
print(signal.alarm(10), 0 < signal.alarm(0) <= 10, signal.alarm(0))
fired.clear()
# a virtual (CPU time) timer
signal.signal(signal.SIGVTALRM, on_alarm)
signal.setitimer(signal.ITIMER_VIRTUAL, 0.01)
while not fired:
    pass
print(fired)

# from another thread: the handler runs in the main thread
main = _thread.get_ident()
where = []
def in_main(signum, frame):
    where.append(_thread.get_ident() == main)
signal.signal(signal.SIGUSR1, in_main)
lk = _thread.allocate_lock(); lk.acquire()
def other():
    signal.pthread_kill(main, signal.SIGUSR1)
    os.kill(os.getpid(), signal.SIGUSR1)
    lk.release()
_thread.start_new_thread(other, ())
lk.acquire()
for i in range(10000):
    pass
print("in main", where)
t(signal.pthread_kill, main, 0)
