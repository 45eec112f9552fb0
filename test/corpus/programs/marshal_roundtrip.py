# marshal: round trips in every version, errors of dumps/loads, dump/load on a file-like object.
import marshal

values = [None, True, False, ..., StopIteration, 0, -1, 2**31 - 1, 2**31, -2**31, -2**31 - 1, 2**100, -2**100,
          1.5, -0.0, float('inf'), 1e300, 1j, complex(-1.5, 2), 'abc', 'héllo', '€uro', '😀', '\udc80', b'abc', b'',
          (), (1, 'a'), [1, [2]], {'a': 1, 2: (3,)}, {1, 2, 3}, frozenset({4}), frozenset(), bytearray(b'xy'),
          slice(1, None, 2)]
for v in values:
    for ver in range(6):
        try:
            d = marshal.dumps(v, ver)
            back = marshal.loads(d)
            print(ver, repr(v)[:30], back == v or (back != back), type(back).__name__)
        except Exception as e:
            print(ver, repr(v)[:30], type(e).__name__, e)

print(marshal.version)
print(marshal.dumps(None), marshal.dumps(True), marshal.dumps(...), marshal.dumps(StopIteration))
print(marshal.dumps(1.5, 1), marshal.dumps(0.1, 0), marshal.dumps(1e100, 1), marshal.dumps(complex(1, 2), 1))
print(marshal.dumps(2**40), marshal.dumps(-2**40), marshal.dumps(-5), marshal.dumps(256))
# held by a variable, as importlib holds its code objects (tython takes every dumped value to be)
s, sl, e1, e2, e3 = {1, 'a', b'x'}, slice(1, 2), [], {}, frozenset()
print(marshal.dumps(s), marshal.dumps(sl))
print(marshal.dumps(e1), marshal.dumps(e2), marshal.dumps(e3))
print(marshal.loads(b'\xe9\x05\x00\x00\x00extra bytes ignored'))

for bad in [b'', b'i\x01', b'\x01', b'r\x00\x00\x00\x00', b'(\x02\x00\x00\x00N', b'l\x01\x00\x00\x00\x00\x00',
            b'l\x01\x00\x00\x00\xff\xff', b'u\x02\x00\x00\x00\xff\xfe', b'[\xff\xff\xff\xff', b'0', b')\x010',
            b'\xdb\x01\x00\x00\x00r\x00\x00\x00\x00', b'{N', b'<\x01\x00\x00\x000', b'c', bytearray(b'N')]:
    try:
        print(repr(marshal.loads(bad)))
    except Exception as e:
        print(type(e).__name__, e)

for args in [(object(),), ([object()],), (1, 'x'), (1, 2**40), (slice(1, 2), 4)]:
    try:
        marshal.dumps(*args)
    except Exception as e:
        print(type(e).__name__, e)
try:
    marshal.loads('str')
except Exception as e:
    print(type(e).__name__, e)

l = []
l.append(l)
r = marshal.loads(marshal.dumps(l))
print(r[0] is r)
try:
    marshal.dumps(l, 2)
except Exception as e:
    print(type(e).__name__, e)
deep = []
for i in range(3000):
    deep = [deep]
try:
    marshal.dumps(deep)
except Exception as e:
    print(type(e).__name__, e)

code = compile('def f(a, *b, c=3):\n    return a + 1000\nx = f(1)\n', 'prog', 'exec')
data = marshal.dumps(code)
print(data[:1], len(data))
c2 = marshal.loads(data)
print(c2 == code, marshal.dumps(c2) == data)
ns = {}
exec(c2, ns)
print(ns['x'])
for flag in [False]:
    try:
        marshal.dumps(code, allow_code=flag)
    except Exception as e:
        print(type(e).__name__, e)
    try:
        marshal.loads(data, allow_code=flag)
    except Exception as e:
        print(type(e).__name__, e)


class File:
    def __init__(self, data=b''):
        self.data = bytearray(data)
        self.pos = 0

    def write(self, b):
        self.data += b
        return len(b)

    def read(self, n=-1):
        r = bytes(self.data[self.pos:self.pos + n])
        self.pos += len(r)
        return r

    def readinto(self, buf):
        r = self.data[self.pos:self.pos + len(buf)]
        buf[:len(r)] = r
        self.pos += len(r)
        return len(r)


f = File()
marshal.dump([1, 'two', 3.0], f)
marshal.dump({'k': (None,)}, f, 2)
f2 = File(f.data)
print(marshal.load(f2), marshal.load(f2))
try:
    marshal.load(f2)
except Exception as e:
    print(type(e).__name__, e)
try:
    marshal.load(File(b'(\x02\x00\x00\x00N'))
except Exception as e:
    print(type(e).__name__, e)
