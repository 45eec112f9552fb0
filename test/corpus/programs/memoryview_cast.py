# memoryview.cast, multi-dimensional views, formats, tolist/tobytes orders, comparisons
import struct
def t(f):
    try:
        r = f()
        print(repr(r) if not isinstance(r, memoryview) else ('mv', r.tobytes(), r.format, r.itemsize, r.shape, r.strides, r.c_contiguous, r.f_contiguous))
    except Exception as e:
        print(type(e).__name__, e)

b = bytes(range(24))
m = memoryview(b)
for f in ['B', 'b', 'c', 'h', 'H', 'i', 'I', 'q', 'Q', 'f', 'd', 'e', '@B', '@i']:
    t(lambda: m.cast(f))
    t(lambda: m.cast(f).tolist())
for f in ['x', 'ii', '<i', '>h', '=b', 's', '', 5, '\xe9']:
    t(lambda: m.cast(f))
t(lambda: m.cast('i').cast('h')); t(lambda: m.cast('i').cast('B')); t(lambda: m.cast('B', [2, 3, 4]))
t(lambda: m[:5].cast('i')); t(lambda: m[::2].cast('B')); t(lambda: m.cast('B', (5, 5)))
t(lambda: m.cast('B', (0, 24))); t(lambda: m.cast('B', (2, -12))); t(lambda: m.cast('B', (2.0, 12))); t(lambda: m.cast('B', 24))
t(lambda: m.cast('B', [24])); t(lambda: m.cast('i', (2, 3))); t(lambda: m.cast('i', (3, 2)).tolist())
t(lambda: m.cast('B', (2, 3, 4)).cast('B', (4, 6))); t(lambda: m.cast('B', (2, 12)).cast('i'))
t(lambda: m.cast(format='h', shape=(3, 4)).tolist()); t(lambda: m.cast('B', shape=(1,) * 65))
t(lambda: memoryview(b'abcd').cast('i', ()))
z = memoryview(b'abcd').cast('i', ())
t(lambda: z.tolist()); t(lambda: z[()]); t(lambda: z[...] is z); t(lambda: z[0]); t(lambda: len(z)); t(lambda: list(z))
print(z.ndim, z.shape, z.strides, z.c_contiguous, z.f_contiguous, z.nbytes)
m3 = m.cast('B', (2, 3, 4))
print(m3.ndim, m3.shape, m3.strides, m3.nbytes, m3.c_contiguous, m3.f_contiguous, m3.contiguous)
t(lambda: m3.tolist()); t(lambda: m3[1, 2, 3]); t(lambda: m3[-1, -1, -1]); t(lambda: m3[2, 0, 0]); t(lambda: m3[0, 3, 0])
t(lambda: m3[0]); t(lambda: m3[0, 0]); t(lambda: m3[0:1]); t(lambda: m3[0:1, 0:1]); t(lambda: list(m3)); t(lambda: len(m3))
t(lambda: m3.tobytes('F')); t(lambda: m3.tobytes('A')); t(lambda: m3.tobytes('C')); t(lambda: m3.tobytes('X')); t(lambda: m3.tobytes(None))
t(lambda: m3[1:].tolist()); t(lambda: m3[::-1].tobytes()); t(lambda: m3[::-1].c_contiguous); t(lambda: m3[::-1].tobytes('F'))
t(lambda: m3[::-1].cast('B'))
mw = memoryview(bytearray(24)).cast('B', (2, 3, 4))
def setitem(v, k, x):
    v[k] = x
t(lambda: setitem(mw, (1, 2, 3), 7)); t(lambda: setitem(mw, 0, 1)); t(lambda: setitem(mw, (0, 0), 1)); t(lambda: setitem(mw, slice(0, 1), b'x'))
t(lambda: setitem(mw, (5, 0, 0), 1)); print(mw.tolist()[1][2])
# items of each format
buf = memoryview(bytearray(16))
for f, vals in [('b', [-128, 127, 128, -129]), ('B', [0, 255, 256, -1]), ('h', [-32768, 32767, 32768]), ('H', [65535, 65536, -1]),
                ('i', [2**31 - 1, 2**31]), ('I', [2**32 - 1, 2**32]), ('q', [-2**63, 2**63]), ('Q', [2**64 - 1, 2**64, -1]),
                ('f', [1.5, 1e300, 'x', 3]), ('d', [0.1, float('inf'), None]), ('e', [1 / 3, 65504.0, 65520.0, 1e-8]),
                ('?', [0, 1, 2, [], [1]]), ('c', [b'a', b'ab', 'a', 1])]:
    c = buf.cast(f)
    for x in vals:
        t(lambda: (setitem(c, 0, x), c[0])[1])
class I:
    def __index__(self): return 7
t(lambda: (setitem(buf.cast('i'), 0, I()), buf.cast('i')[0])[1]); t(lambda: (setitem(buf.cast('i'), 0, True), buf.cast('i')[0])[1])
# comparisons across formats
print(memoryview(b'\x01\x00').cast('h') == memoryview(b'\x01\x00\x00\x00').cast('i')[:1])
print(memoryview(struct.pack('<2h', 1, 2)).cast('h') == [1, 2], memoryview(struct.pack('<2h', 1, 2)).cast('h').tolist() == [1, 2])
nan = memoryview(struct.pack('d', float('nan'))).cast('d')
print(nan == nan, nan.tolist() == nan.tolist(), nan == memoryview(struct.pack('d', float('nan'))).cast('d'))
print(memoryview(b'ab') == memoryview(b'ab').cast('c'), memoryview(b'\x01\x02') == memoryview(b'\x01\x02').cast('b'))
print(memoryview(b'abcd').cast('B', (2, 2)) == memoryview(b'abcd').cast('B', (2, 2)), memoryview(b'abcd').cast('B', (2, 2)) == memoryview(b'abcd'))
print(memoryview(b'abc') < memoryview(b'abd') if False else 'skip')
t(lambda: memoryview(b'abc') < memoryview(b'abd'))
t(lambda: m3.count(1)); t(lambda: z.count(1)); t(lambda: m3.index(1)); t(lambda: z.index(1))
print(memoryview(b'abc')._from_flags(b'xyz', 0).tobytes(), memoryview._from_flags(bytearray(b'q'), 0x11c).format)
