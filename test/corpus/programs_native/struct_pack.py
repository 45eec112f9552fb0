# struct: every format character, byte orders, native sizes and alignment (x86_64), errors
import struct
def show(a):
    return tuple('<mv>' if isinstance(x, memoryview) else x for x in a)
def t(f, *a, **k):
    try:
        print(f.__name__, show(a), k, f(*a, **k))
    except Exception as e:
        print(f.__name__, show(a), type(e).__name__, e)

for c in 'bBhHiIlLqQnNP':
    for pre in '@<>=!':
        if pre != '@' and c in 'nNP':
            t(struct.calcsize, pre + c)
            continue
        print(pre + c, struct.calcsize(pre + c))
        for v in (2**64, -2**63 - 1, 2**31, -1, 0, 1.0, '1', True):
            t(struct.pack, pre + c, v)
for f in ['F', 'D', '<F', 'n', 'x', '@ci', '=ci', 'ci', '@cd', '@cq0q', '0s', '5p', 'bad', 'i\x00', 'ii i', '4x', '2e',
          '<?', '@?i', '3', '3 i', 'i 3', 'hhl', 'lh', 'bhiqd', '@bhiqd', '<bhiqd', ' i ', 'P', 'e', 'dcd', 'c0d']:
    t(struct.calcsize, f)
t(struct.pack, 'e', 1e10); t(struct.pack, '<e', 65519.0); t(struct.pack, 'e', 65520.0); t(struct.pack, 'f', 1e300)
t(struct.pack, '<f', 1e300); t(struct.pack, 'd', 'x'); t(struct.pack, 'f', 'x'); t(struct.pack, '?', []); t(struct.pack, 'c', b'ab')
t(struct.pack, 'c', 'a'); t(struct.pack, 'c', 1); t(struct.pack, 's', 'a'); t(struct.pack, '3s', b'abcdef'); t(struct.pack, '3p', b'abcdef')
t(struct.pack, 'p', b'abc'); t(struct.pack, '0p', b''); t(struct.pack, '300p', b'a' * 300); t(struct.pack, 'i'); t(struct.pack, 'i', 1, 2)
t(struct.pack, 'ii', 1); t(struct.pack, 'F', 1 + 2j); t(struct.pack, 'F', 'x'); t(struct.pack, 'D', 1); t(struct.pack, 'x', 1)
t(struct.pack, '2i', 1, 2); t(struct.pack, 'q', 2**63 - 1); t(struct.pack, 'i', 2**100)
class I:
    def __index__(self):
        return 5
    def __repr__(self):
        return 'I()'
t(struct.pack, 'i', I()); t(struct.pack, 'f', I()); t(struct.pack, 'P', I())
t(struct.unpack, 'i', b'ab'); t(struct.unpack, 'i', b'abcdef'); t(struct.unpack_from, 'i', b'ab'); t(struct.unpack_from, 'i', b'abcdef', 4)
t(struct.unpack_from, 'i', b'abcdef', -2); t(struct.unpack_from, 'i', b'abcdef', -10); t(struct.unpack_from, 'i', b'abcdef', offset=1)
t(struct.unpack_from, 'i', buffer=b'abcdef', offset=1); t(struct.unpack_from, 'h', b'abcdef', -4)
ba = bytearray(6)
t(struct.pack_into, 'i', ba, 0, 7); print(ba); t(struct.pack_into, 'i', ba, 4, 7); t(struct.pack_into, 'i', ba, -2, 7)
t(struct.pack_into, 'i', ba, -10, 7); t(struct.pack_into, 'h', ba, -2, 7); print(ba)
t(struct.pack_into, 'i', b'abcdef', 0, 7); t(struct.pack_into, 'i', ba, 0); t(struct.pack_into, 'i', ba); t(struct.pack_into, 'i', 5, 0, 1)
t(struct.pack_into, 'i', memoryview(ba), 1, 9); print(ba); t(struct.pack_into, 'ii', ba, 0, 1, 'x'); print(ba)
t(struct.iter_unpack, 'i', b'abc'); t(lambda *a: list(struct.iter_unpack(*a)), 'h', b'abcd'); t(struct.iter_unpack, '0s', b'abc')
it = struct.iter_unpack('<h', b'abcdef'); print(it.__length_hint__(), next(it), it.__length_hint__(), list(it), it.__length_hint__())
t(struct.calcsize, 5); t(struct.Struct, 5); t(struct.calcsize, b'ii'); t(struct.calcsize, '99999999999999999999i')
t(struct.calcsize, '9223372036854775807x9223372036854775807x'); t(struct.pack); t(struct.pack, 5); t(struct.unpack, 'i')
t(struct.unpack, 'i', 'abcd'); t(struct.unpack, 'i', memoryview(b'abcd')); t(struct.unpack, 'i', bytearray(b'abcd'))
s = struct.Struct('<hi'); print(s.format, s.size, repr(s)); t(s.pack, 1, 2); t(s.unpack, b'\x01\x00\x02\x00\x00\x00')
print(type(struct.error), struct.error.__module__, struct.error.__name__, issubclass(struct.error, Exception))
s = struct.Struct(b'>h'); print(s.format, repr(s), s.size); t(s.unpack_from, b'\x00\x01\x02', 1); t(s.pack_into, bytearray(2), 0, 3)
t(struct.unpack, '?', b'\x02'); t(struct.unpack, 'c', b'z'); t(struct.unpack, '3s', b'abc'); t(struct.unpack, '3p', b'\x05ab')
t(struct.unpack, '3p', b'\x01ab'); t(struct.unpack, '<e', b'\x00\x7c'); t(struct.unpack, '<e', b'\x00\xfc'); t(struct.unpack, '>d', b'\x7f\xf0' + bytes(6))
t(struct.unpack, 'F', struct.pack('F', 1.5 - 2j)); t(struct.unpack, 'D', struct.pack('D', 1.5 - 2j))
for x in [1 / 3, 2**-24, 2**-25, 2**-25 * 1.0000001, -0.0, float('nan'), 65504.0, 1.0009765625, 1.00048828125, 1.00146484375, 6.1e-5, -2.5]:
    t(struct.pack, '<e', x); t(struct.pack, '>e', x)
    print(struct.unpack('<e', struct.pack('<e', x)))
t(struct.pack, '>?', 3); t(struct.pack, '5s', b'ab'); t(struct.pack, 's', bytearray(b'x')); t(struct.pack, 's', memoryview(b'x'))
print(struct.Struct.__name__, struct.Struct.__module__); t(struct.pack, '!I', 1); t(struct.pack, 'xi', 1); t(struct.pack, 'ix', 1)
t(struct.pack, 'bi', 1, 2); t(struct.pack, 'b0i', 1); t(struct.pack, '@bq', 1, 2); t(struct.pack, '=bq', 1, 2); t(struct.pack, '<bq', 1, 2)
print(struct.unpack('<hHiIqQ', struct.pack('<hHiIqQ', -1, 65535, -2, 2**32 - 1, -3, 2**64 - 1)))
print(struct.unpack('>lLnN'[0:3], struct.pack('>lL', -5, 7) + b''[:0]) if False else struct.unpack('>lL', struct.pack('>lL', -5, 7)))
print(struct.unpack('@lLnNP', struct.pack('@lLnNP', -5, 7, -9, 11, 13)))
print(struct.unpack('<fd', struct.pack('<fd', 0.1, 0.1)), struct.pack('>d', 0.1), struct.pack('<f', -1.5))
class S(struct.Struct):
    pass
s = S('ii'); print(type(s).__name__, s.size, s.pack(1, 2), repr(s))
