# mmap over files and anonymous memory: methods, slicing, errors, write-back to the file
import mmap, os

def t(f, *a, **k):
    try:
        r = f(*a, **k); print("ok", repr(r))
    except BaseException as e:
        print(type(e).__name__, e)

p = "/tmp/tython_mmap_%d" % os.getpid()
with open(p, "wb") as f:
    f.write(b"hello world\nsecond line\nthird")

with open(p, "r+b") as f:
    m = mmap.mmap(f.fileno(), 0)
    print(len(m), m.size(), m.tell(), m[0], m[-1], m[:5], m[6:11], m[::2], m[-5:])
    print(repr(m).split(" at ")[0] if " at " in repr(m) else repr(m))
    print(m.read(5), m.tell(), m.read_byte(), m.readline(), m.readline(), m.readline(), m.readline())
    t(m.read_byte)
    print(m.seek(0), m.tell(), m.seek(3, os.SEEK_CUR), m.seek(-2, os.SEEK_END), m.read())
    t(m.seek, -1)
    t(m.seek, 100)
    t(m.seek, 0, 3)
    t(m.seek, len(m))
    m.seek(0)
    print(m.find(b"l"), m.find(b"l", 4), m.find(b"l", 4, 9), m.rfind(b"l"), m.rfind(b"l", 0, 10), m.find(b"zz"), m.find(b""), m.rfind(b""))
    print(m.find(b"line", -10), m.rfind(b"o", -100, -5), m.find(bytearray(b"wor")), m.find(memoryview(b"sec")))
    t(m.find, "x")
    m[0] = ord("H")
    m[6:11] = b"WORLD"
    m[-1:] = b"D"
    print(m[:], m.write(b"ABC"), m.tell())
    m.seek(len(m) - 2)
    t(m.write, b"xyz")
    t(m.write_byte, 300)
    m.seek(len(m) - 1)
    m.write_byte(ord("!"))
    t(m.write_byte, 65)
    t(m.__setitem__, 0, 256)
    t(m.__setitem__, 0, b"a")
    t(m.__setitem__, slice(0, 2), b"abc")
    t(m.__setitem__, 100, 1)
    t(m.__getitem__, 100)
    t(m.__getitem__, "x")
    t(m.__delitem__, 0)
    m.move(0, 6, 5)
    print(m[:])
    t(m.move, 0, 6, 100)
    t(m.move, -1, 0, 1)
    print(m.flush(), m.flush(0, 5))
    t(m.flush, -1)
    t(m.flush, 0, 1000)
    print(list(m[:3]), b"W" in m[:], bytes(m)[:5], memoryview(m)[1:3].tobytes())
    # (an export held by a memoryview is certain only inside its with block)
    with memoryview(m) as mv:
        mv[0] = ord("#")
        print(m[0:1], mv.readonly, mv.nbytes)
        t(m.close)
        t(m.resize, 10)
    m.resize(11)
    print(len(m), m[:], os.path.getsize(p))
    m.resize(40)
    print(len(m), m[:12], os.path.getsize(p))
    print(m.madvise(mmap.MADV_NORMAL), m.madvise(mmap.MADV_WILLNEED, 0, 4096))
    t(m.madvise, mmap.MADV_NORMAL, -1)
    t(m.madvise, mmap.MADV_NORMAL, 1)
    print(m.seekable(), m.closed)
    m.close()
    m.close()
    print(m.closed)
    t(len, m)
    t(m.read)
    t(m.__getitem__, 0)
    t(m.size)
    print(repr(m))

with open(p, "rb") as f:
    print(f.read())

# access modes
with open(p, "r+b") as f:
    r = mmap.mmap(f.fileno(), 5, access=mmap.ACCESS_READ)
    print(r[:], repr(r).split(",")[1])
    t(r.write, b"x")
    t(r.__setitem__, 0, 1)
    t(r.resize, 2)
    t(r.move, 0, 1, 1)
    t(r.write_byte, 1)
    t(memoryview(r).__setitem__, 0, 1)
    t(r.flush)
    r.close()
    c = mmap.mmap(f.fileno(), 5, access=mmap.ACCESS_COPY)
    c[:] = b"ccccc"
    c.flush()
    print(c[:], repr(c).split(",")[1])
    t(c.resize, 2)
    c.close()
    w = mmap.mmap(f.fileno(), 5, access=mmap.ACCESS_WRITE, offset=0)
    w[:2] = b"ww"
    w.close()
    f.seek(0)
    print(f.read(8))
    o = mmap.mmap(f.fileno(), 0, offset=mmap.ALLOCATIONGRANULARITY) if os.path.getsize(p) > mmap.ALLOCATIONGRANULARITY else None
    print(o)
    t(mmap.mmap, f.fileno(), 5, offset=1)
    t(mmap.mmap, f.fileno(), -1)
    t(mmap.mmap, f.fileno(), 5, offset=-4096)
    t(mmap.mmap, f.fileno(), 1000)
    t(mmap.mmap, f.fileno(), 0, offset=4096)
    t(mmap.mmap, f.fileno(), 5, access=9)
    t(mmap.mmap, f.fileno(), 5, flags=mmap.MAP_PRIVATE, access=mmap.ACCESS_READ)
    t(mmap.mmap, f.fileno(), 5, prot=mmap.PROT_READ, access=mmap.ACCESS_READ)
    t(mmap.mmap, 9999, 5)
    t(mmap.mmap)
    t(mmap.mmap, "x", 5)
    pr = mmap.mmap(f.fileno(), 5, flags=mmap.MAP_PRIVATE)
    pr[0] = 0x50
    pr.close()
    ro = mmap.mmap(f.fileno(), 5, prot=mmap.PROT_READ)
    t(ro.__setitem__, 0, 1)
    ro.close()
    f.seek(0)
    print(f.read(5))

with open(p, "wb") as f:
    pass
with open(p, "rb") as f:
    t(mmap.mmap, f.fileno(), 0)
os.unlink(p)

# anonymous maps
a = mmap.mmap(-1, 13)
print(a[:], len(a), repr(a).split(",")[1])
t(a.size)
a.write(b"Hello, world!")
print(a[:], a.tell())
t(a.resize, 20)
a.resize(5)
print(a[:], len(a))
pa = mmap.mmap(-1, 4, flags=mmap.MAP_PRIVATE)
pa.resize(8)
print(pa[:], len(pa))
t(mmap.mmap, -1, 0)
t(mmap.mmap, -1, -1)
with mmap.mmap(-1, 4) as b:
    b[:] = b"abcd"
    print(b[::-1], b.closed, b.find(b"c"), b[1], b[-4])
print(b.closed)
t(b.__enter__)
print(mmap.mmap.__name__, mmap.error is OSError, mmap.PAGESIZE, mmap.ALLOCATIONGRANULARITY, mmap.ACCESS_DEFAULT, mmap.ACCESS_READ, mmap.ACCESS_WRITE, mmap.ACCESS_COPY)
print(sorted(k for k in dir(mmap.mmap) if not k.startswith("__")))
class Sub(mmap.mmap):
    pass
s = Sub(-1, 3)
print(type(s).__name__, s[:], isinstance(s, mmap.mmap))
