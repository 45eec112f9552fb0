# _thread: locks, RLock, threads started by start_new_thread / start_joinable_thread, cooperative
# switching at blocking calls, thread-local data, errors
import _thread

def check(f, *a, **k):
    try:
        r = f(*a, **k)
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)

l = _thread.allocate_lock()
print(type(l).__name__, _thread.LockType is _thread.lock, l.locked())
print(l.acquire(), l.locked(), l.acquire(False), l.acquire(blocking=False), l.acquire(timeout=0.01))
l.release()
check(l.release)
for kw in [dict(timeout="x"), dict(blocking=False, timeout=1), dict(timeout=-2), dict(timeout=1e300), dict(foo=1)]:
    check(l.acquire, **kw)
    if l.locked():
        l.release()
check(l.acquire, 1, 2, 3)
with l:
    print("in with", l.locked())
print(l.locked())

r = _thread.RLock()
check(r.release)
print(r.acquire(), r.acquire(), r._recursion_count(), r._is_owned(), r.locked())
state = r._release_save()
print(state[0], r._is_owned(), r.locked())
check(r._release_save)
r._acquire_restore(state)
print(r._recursion_count())
r.release(); r.release()
print(r.locked())
with r:
    with r:
        print("nested", r._recursion_count())

check(_thread.start_new_thread, 1, ())
check(_thread.start_new_thread, print, [])
check(_thread.start_new_thread, print, (), [])
check(_thread.start_joinable_thread, 1)
check(_thread.stack_size, 100)
print(_thread.stack_size(), _thread.TIMEOUT_MAX > 1e9, _thread.error is RuntimeError)
check(_thread._local, 1)

# threads interleave at blocking calls
log = []
a = _thread.allocate_lock(); b = _thread.allocate_lock()
a.acquire(); b.acquire()
done = _thread.allocate_lock(); done.acquire()
def ping(n):
    for i in range(n):
        a.acquire()
        log.append("ping%d" % i)
        b.release()
    done.release()
_thread.start_new_thread(ping, (3,))
for i in range(3):
    a.release()
    b.acquire()
    log.append("main%d" % i)
done.acquire()
print(log)

# joinable threads, handles, _count
res = []
def work(i):
    x = 0
    for k in range(20000):
        x += k
    res.append((i, x))
hs = [_thread.start_joinable_thread(lambda i=i: work(i), daemon=False) for i in range(4)]
print(all(isinstance(h, _thread._ThreadHandle) for h in hs), _thread._count() >= 0)
for h in hs:
    h.join()
print(sorted(res), [h.is_done() for h in hs], _thread._count())
me = _thread._make_thread_handle(_thread.get_ident())
check(me.join)
print(me.ident == _thread.get_ident(), _thread._get_main_thread_ident() == _thread.get_ident())
idents = []
def getid():
    idents.append(_thread.get_ident())
h = _thread.start_joinable_thread(getid); h.join()
print(idents[0] != _thread.get_ident(), h.ident == idents[0])

# timeouts while the lock is held
held = _thread.allocate_lock(); held.acquire()
print(held.acquire(timeout=0.05), held.acquire(blocking=True, timeout=0))

# thread-local data
loc = _thread._local()
loc.x = "main"
seen = []
def uses_local():
    seen.append(hasattr(loc, "x"))
    loc.x = "thread"
    seen.append(loc.x)
h = _thread.start_joinable_thread(uses_local); h.join()
print(seen, loc.x)
class MyLocal(_thread._local):
    def __init__(self, v):
        self.v = v
        self.inits = 1
ml = MyLocal(5)
ml.v = 6
out = []
h = _thread.start_joinable_thread(lambda: out.append((ml.v, ml.inits))); h.join()
print(out, ml.v)

# an exception in a thread is reported, the program goes on
class Job:
    def __repr__(self):
        return "<Job>"
    def __call__(self):
        raise KeyError("k")
h = _thread.start_joinable_thread(Job()); h.join()
def exits():
    _thread.exit()
h = _thread.start_joinable_thread(exits); h.join()
print("end", _thread._count())
