# select.select, poll and epoll on regular files and /dev/null (always ready), closed fds, errors
import select, os, sys
names = {}
def show(r):
    if type(r) is tuple and len(r) == 2 and type(r[0]) is int and type(r[1]) is int:
        return (show(r[0]), r[1])  # a poll event
    if isinstance(r, (list, tuple)):
        return type(r)(show(x) for x in r)
    if type(r) is int and r in names:
        return names[r]
    return r
def t(f, *a, **k):
    try:
        r = f(*a, **k); print("ok", repr(show(r)))
    except BaseException as e:
        print(type(e).__name__, e)
d = "/tmp"
p = os.path.join(d, "tython_select_%d" % os.getpid())
with open(p, "wb") as f: f.write(b"hello")
fd = os.open(p, os.O_RDWR)
f = open(p, "rb")
names[fd] = "FD"; names[f.fileno()] = "F"
class F:
    def __init__(s, n): s.n = n
    def fileno(s): return s.n
    def __repr__(s): return f"F({show(s.n)})"
t(select.select, [fd], [fd], [fd], 0)
t(lambda: select.select([f], [], [], 0)[0][0] is f)
t(select.select, [F(fd)], [F(fd)], [], 1.5)
t(select.select, (fd,), (), (), None)
t(select.select, [], [], [], 0)
t(select.select, [], [], [], 0.01)
t(select.select, [-1], [], [], 0)
t(select.select, [5000], [], [], 0)
t(select.select, [fd], [], [], -1)
t(select.select, [fd], [], [], "x")
t(select.select, [fd], [], [], 2**100)
t(select.select, 1, [], [], 0)
t(select.select, [fd], [], [])
t(select.select, [fd], [])
t(select.select, ["x"], [], [], 0)
t(select.select, [F("x")], [], [], 0)
t(select.select, [3.5], [], [], 0)
t(select.select, {fd}, [], [], 0)
t(select.select, [fd], [], [], timeout=0)
t(select.select, [fd], [], [], float("nan"))
nul = os.open("/dev/null", os.O_RDWR)
names[nul] = "NUL"
t(select.select, [nul], [nul], [nul], 0)
os.close(nul)
t(select.select, [nul], [], [], 0)
p2 = select.poll()
print(type(p2), repr(type(p2).__name__))
t(p2.register, fd)
t(p2.register, f, select.POLLIN)
t(p2.poll, 0)
t(p2.poll)
t(p2.poll, None)
t(p2.poll, -1)
t(p2.poll, 1.5)
t(p2.poll, "x")
t(p2.modify, fd, select.POLLOUT)
t(p2.poll, 0)
t(p2.modify, 999, select.POLLOUT)
t(p2.unregister, 999)
t(p2.unregister, fd)
t(p2.register, -1)
t(p2.register, fd, -1)
t(p2.register, fd, 2**16)
t(p2.register, nul)
t(p2.poll, 0)
t(p2.unregister, nul)
t(p2.register, fd, select.POLLPRI)
t(p2.poll, 0)
ep = select.epoll()
print(type(ep), ep.closed, type(ep.fileno()))
t(ep.register, fd)

t(ep.poll, 0)
t(ep.poll, 0, 0)
t(ep.poll, 0, -2)
t(ep.poll, "x")
t(ep.modify, fd, 1)
t(ep.unregister, fd)
t(select.epoll, -2)
t(select.epoll, 0)
t(select.epoll, 5, 1)
t(lambda: type(select.epoll(flags=select.EPOLL_CLOEXEC)))
ep.close(); ep.close()
print(ep.closed)
t(ep.fileno)
t(ep.poll, 0)
t(ep.register, fd)
with select.epoll() as e2:
    print(e2.closed)
print(e2.closed)
t(lambda: type(select.epoll.fromfd(-1)))
import selectors
s = selectors.DefaultSelector()
print(type(s).__name__)
t(s.register, f, selectors.EVENT_READ)
s.close()
s = selectors.PollSelector()
k = s.register(f, selectors.EVENT_READ | selectors.EVENT_WRITE, data="x")
print(k.fd == f.fileno(), k.events, k.data)
print([(key.data, ev) for key, ev in s.select(0)])
print(len(s.get_map()))
s.unregister(f); s.close()
s = selectors.SelectSelector()
s.register(fd, selectors.EVENT_WRITE)
print([(key.fd == fd, ev) for key, ev in s.select(0)])
s.close()
print("imports ok")
os.unlink(p)
