# memoryview over bytes and bytearray: attributes, indexing, slicing, assignment, release
def t(f):
    try:
        r = f()
        print(repr(r) if not isinstance(r, memoryview) else ('mv', r.tobytes(), r.format, r.shape, r.strides))
    except Exception as e:
        print(type(e).__name__, e)

ba = bytearray(b'hello world')
m = memoryview(ba)
print(m.obj is ba, m.nbytes, m.readonly, m.itemsize, m.format, m.ndim, m.shape, m.strides)
print(m.suboffsets, m.c_contiguous, m.f_contiguous, m.contiguous, len(m))
print(m[0], m[-1], m[1:4].tobytes(), m[::2].tobytes(), m[::-1].tobytes(), m[5:2].tobytes())
t(lambda: m[11]); t(lambda: m[-12]); t(lambda: m['a']); t(lambda: m[1.0]); t(lambda: m[0, 0]); t(lambda: m[0:1, 0:1])
m[0] = 72
print(ba)
m[1:3] = b'EL'
print(ba)
m[::2] = b'abcdef'
print(ba)
def setitem(k, v):
    m[k] = v
t(lambda: setitem(0, 256)); t(lambda: setitem(0, -1)); t(lambda: setitem(0, 'a')); t(lambda: setitem(0, 1.5))
t(lambda: setitem(slice(0, 2), b'abc')); t(lambda: setitem(slice(0, 2), 5)); t(lambda: setitem('x', 1))
def delitem(k):
    del m[k]
t(lambda: delitem(0))
mr = memoryview(b'abc')
t(lambda: mr.__setitem__(0, 1))
print(mr.readonly, mr.tolist(), list(mr), mr.tobytes(), bytes(mr), mr.hex(), mr.hex('-'), mr.hex(':', -2))
print(hash(mr) == hash(b'abc'), mr == b'abc', mr == bytearray(b'abc'), mr != b'abd', mr == 'abc', mr == memoryview(b'abc'))
t(lambda: hash(m)); t(lambda: hash(m.toreadonly()))
t(lambda: hash(memoryview(b'abcd').cast('h')))
m2 = memoryview(m)
print(m2.obj is ba, m2 == m)
m.release()
m.release()
t(lambda: m[0]); t(lambda: m.obj); t(lambda: len(m)); t(lambda: m.tobytes()); t(lambda: m.format)
print(m2[0], repr(m).startswith('<released memory at 0x'), repr(m2).startswith('<memory at 0x'))
print(m == m, m == m2)
with memoryview(bytearray(b'xyz')) as v:
    print(v.tobytes())
t(lambda: v.tobytes())
try:
    with memoryview(b'') as v:
        v.__enter__()
        raise KeyError('k')
except KeyError as e:
    print('KeyError', e, repr(v)[:15])
t(lambda: memoryview(5)); t(lambda: memoryview('abc')); t(lambda: memoryview()); t(lambda: memoryview(object=b'ab'))
t(lambda: memoryview(b'ab', b'cd'))
print(memoryview(b'abcab').count(97), memoryview(b'abcab').count(120), memoryview(b'abcab').index(98), memoryview(b'abcab').index(98, 2))
t(lambda: memoryview(b'abc').index(120)); t(lambda: memoryview(b'abc').index(97, 1, 3)); t(lambda: memoryview(b'abc').index(99, -1))
it = iter(memoryview(b'ab'))
print(next(it), next(it), next(it, 'end'), type(it).__name__)
print(type(memoryview(b'')).__name__, memoryview.__name__)
t(lambda: type('X', (memoryview,), {}))
# with bytes-like consumers
print(b''.join([memoryview(b'ab'), b'c']), bytes(memoryview(b'xy')), bytearray(memoryview(b'xy')))
print(b'abc' + memoryview(b'de'), bytearray(b'a') + memoryview(b'b'), b'abcd'.startswith(memoryview(b'ab')))
print(memoryview(b'abcdef')[1:5][1:3].tobytes(), memoryview(b'abcdef')[::-2][::2].tobytes())
