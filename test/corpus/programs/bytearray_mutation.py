# bytearray: mutation, slice assignment, resizing, exports (BufferError), iteration, pickling support
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
b = bytearray(b'abc')
t(lambda: (b.resize(5), b)[1]); t(lambda: (b.resize(2), b)[1]); t(lambda: b.resize(-1)); t(lambda: b.resize('x'))
t(lambda: bytearray(b'abc').__alloc__()); t(lambda: bytearray().__alloc__())
class X(bytearray): pass
x = X(b'ab'); x.a = 1
t(lambda: x); t(lambda: x.__reduce_ex__(2)); t(lambda: x.__reduce_ex__(4)); t(lambda: x + b'c'); t(lambda: x * 2); t(lambda: x.copy()); t(lambda: type(x[:1]))
t(lambda: bytearray(b'abc').insert(-10, 120)); t(lambda: bytearray(b'abc').insert(10, 'x'))
ba = bytearray(b'abcdef'); del ba[::2]; print(ba); ba[1:1] = [120, 121]; print(ba); ba[:] = b''; print(ba); ba += b'xyz'; ba *= 2; print(ba)
ba[::-1] = b'123456'; print(ba); ba[0:2] = memoryview(b'QQQ'); print(ba); ba[3:] = ba; print(ba)
t(lambda: ba.__setitem__(slice(0, 1), 'ab')); t(lambda: ba.__setitem__(slice(0, 1), 1.5)); t(lambda: ba.__setitem__(slice(0, 1), [1, 'a'])); t(lambda: ba.__setitem__(slice(0, 1), [1, 256]))
t(lambda: ba.__delitem__(100)); t(lambda: ba.__delitem__('a')); t(lambda: ba.pop('a')); t(lambda: bytearray(b'ab').pop(-3))
t(lambda: bytearray(b'abc').__iadd__('x')); t(lambda: bytearray(b'abc') == memoryview(b'abc')); t(lambda: b'abc' == memoryview(b'abc')); t(lambda: bytearray(b'abc') < b'abd'); t(lambda: hash(bytearray()))
t(lambda: bytearray(b'a').extend(bytearray(b'bc'))); ba = bytearray(b'a'); ba.extend(iter([98, 99])); print(ba); ba.extend(memoryview(b'd')); print(ba); ba.extend(x for x in b'ef'); print(ba)
t(lambda: bytearray(b'ab').reverse()); ba = bytearray(b'abc'); ba.reverse(); print(ba, ba.copy(), ba.clear(), ba)
print(repr(bytearray(b"a'b")), repr(bytearray(b'a"b')), str(bytearray(b'x')), bytearray(3), bytearray([1, 2]), bytearray(b'x', ) == b'x')
t(lambda: bytearray('abc', 'ascii')); t(lambda: bytearray('é', 'ascii')); t(lambda: bytearray(-1)); t(lambda: bytearray(iter([1, 2])))
it = iter(bytearray(b'ab')); print(type(it).__name__, it.__length_hint__(), list(it)); it = iter(b'ab'); print(type(it).__name__, next(it))
ba = bytearray(b'hello')
with memoryview(ba) as m:
    for f in [lambda: ba.append(1), lambda: ba.extend(b'xx'), lambda: ba.pop(), lambda: ba.clear(), lambda: ba.__setitem__(slice(0, 1), b'xy'),
              lambda: ba.__delitem__(0), lambda: ba.__iadd__(b'z'), lambda: ba.resize(9), lambda: ba.insert(0, 1), lambda: ba.remove(104)]:
        t(f)
    ba[0:2] = b'HE'; ba[4] = 79; m[2] = 76
    print(ba, m.tobytes())
ba.append(33)
print(ba)
big = bytearray()
for i in range(1000):
    big.append(i % 256)
print(len(big), big[999], sum(big) % 1000, big[-3:])
big[10:990] = b''
print(len(big), big)
big += bytes(range(5)) * 3
del big[::3]
print(big)
ba = bytearray(b'0123456789')
ba[2:8:2] = b'abc'; print(ba); del ba[1::4]; print(ba); ba[::-3] = [1, 2, 3]; print(ba)
ba = bytearray(b'abc'); ba[5:] = b'xyz'; print(ba); ba[-100:1] = b'Q'; print(ba); ba[1:0] = b'--'; print(ba)
