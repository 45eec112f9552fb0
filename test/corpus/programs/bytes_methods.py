# bytes and bytearray methods, constructors, %-formatting and their errors
print(sorted(set(dir(bytearray)) - set(dir(bytes))), sorted(set(dir(bytes)) - set(dir(bytearray))))
print([x for x in dir(bytes) if not x.startswith('__')])
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
t(lambda: b'abc'.replace(b'a', b'b', count=1)); t(lambda: b'ab'.center(5, b'xy')); t(lambda: b'ab'.center(5, 'x')); t(lambda: b'ab'.center(5, bytearray(b'x')))
t(lambda: bytes.fromhex(b'0102')); t(lambda: bytes.fromhex(5)); t(lambda: bytes.fromhex('01 0g')); t(lambda: bytes.fromhex('1')); t(lambda: bytes.fromhex('01\n02'))
t(lambda: 'a' in b'abc'); t(lambda: 300 in b'abc'); t(lambda: bytearray().extend('ab')); t(lambda: bytearray().extend(5)); t(lambda: bytearray().extend([1, 'a']))
t(lambda: bytearray(b'abc').pop(5)); t(lambda: bytearray().pop()); t(lambda: bytearray(b'a').remove(5)); t(lambda: bytearray(b'a').insert(0, 300)); t(lambda: bytearray(b'a').__alloc__())
t(lambda: b'a'.translate(b'x')); t(lambda: bytes.maketrans(b'a', b'bc')); t(lambda: b'abc'.split(b'')); t(lambda: b'x'.join([b'a', 'b'])); t(lambda: b'x'.startswith('a'))
t(lambda: b'%s' % 'a'); t(lambda: b'%c' % 300); t(lambda: b'%z' % 1); t(lambda: b'%d %d' % 1); t(lambda: b'%d' % (1, 2)); t(lambda: b'%(a)s' % {b'a': b'x'}); t(lambda: b'%5.2s|%-4r|%a|%x|%c|%c' % (b'abc', 'x', 'é', 255, 65, b'z'))
t(lambda: bytearray(b'ab') + 'c'); t(lambda: b'ab' + 'c'); t(lambda: b'ab' * 'c'); t(lambda: bytes(-1)); t(lambda: bytes(1.5)); t(lambda: bytes(['a'])); t(lambda: bytes([300])); t(lambda: bytearray([300])); t(lambda: bytearray(1.5))
t(lambda: bytes('a')); t(lambda: bytes(1, 'utf-8')); t(lambda: bytes(errors='x')); t(lambda: b'a'.find('a')); t(lambda: b'a'.find(300)); t(lambda: b'abc'.index(b'd')); t(lambda: b'abc'.rindex(b'd'))
ba = bytearray(b'abcdef')
def s(k, v):
    ba[k] = v
t(lambda: s(slice(0, 3, 2), b'xyz')); t(lambda: s(slice(0, 2), 5)); t(lambda: s(0, 'a')); t(lambda: s(0, 300)); t(lambda: s('a', 1)); t(lambda: s(10, 1)); t(lambda: ba[10]); t(lambda: b'a'[5])
t(lambda: b'ab'.hex(':')); t(lambda: bytearray(b'ab').resize(5) if hasattr(bytearray, 'resize') else 'nores'); t(lambda: bytearray(b'abc').__reduce_ex__(2)); t(lambda: bytearray(b'abc').__reduce__()); t(lambda: b'abc'.__getnewargs__())
t(lambda: b'abc'.count(b'', 1)); t(lambda: b'abc'.find(b'', 4)); t(lambda: b'abc'.find(b'', 3)); t(lambda: b'abc'.startswith(b'', 3)); t(lambda: b'abc'.startswith(b'', 4)); t(lambda: b'abc'.count())
t(lambda: b'abc'.find(b'a', 'x')); t(lambda: b'a\tb'.expandtabs(4)); t(lambda: b'ab'.zfill(5)); t(lambda: b'-ab'.zfill(5)); t(lambda: b'hello world'.title()); t(lambda: b'Hello'.istitle())
t(lambda: bytes.maketrans('a', 'b')); t(lambda: b'abc'.translate(None, b'b')); t(lambda: b'abc'.translate(bytes(range(256)), delete=b'c')); t(lambda: b'abc'.strip('a')); t(lambda: b'abc'.split(maxsplit=1.5))
t(lambda: bytearray(b'abc') * -1); t(lambda: bytearray(b'a').__imul__(3)); t(lambda: b'a\nb\r\nc\r'.splitlines(True)); t(lambda: b'abc'.partition(b'')); t(lambda: b'abc'.removeprefix('a'))
class B:
    def __bytes__(self): return 'x'
t(lambda: bytes(B())); t(lambda: b'%b' % B()); t(lambda: b'%s' % memoryview(b'mv')); t(lambda: b'%5c' % 97); t(lambda: b'%.1f|%5d|%-5d|%05.1f|%e' % (1.25, 3, 3, 2.5, 1e10)); t(lambda: b'%i %u %o %X' % (1, 2, 8, 255)); t(lambda: b'%d' % 'x'); t(lambda: b'%x' % 1.5)
t(lambda: b'%*d' % (5, 1)); t(lambda: b'%.*f' % (2, 1.234)); t(lambda: b'%(a)s %(b)s' % {b'a': 1}); t(lambda: b'%' % ()); t(lambda: b'%s' % {b'a': 1}); t(lambda: b'%(a)' % {b'a': 1}); t(lambda: bytearray(b'%s') % b'x')
for b in [b'', b'abc', b'ABC', b'Abc Def', b'123', b'a1', b' \t\n', b'\xff', b'aB1 ', b'Hello World', b'hello World']:
    print(b, b.isalnum(), b.isalpha(), b.isascii(), b.isdigit(), b.islower(), b.isupper(), b.isspace(), b.istitle(),
          b.lower(), b.upper(), b.swapcase(), b.capitalize(), b.title())
s = b'  a,b,,c  d  '
print(s.split(), s.split(b','), s.split(b',', 1), s.rsplit(None, 1), s.rsplit(b',', 1), s.strip(), s.lstrip(), s.rstrip(b' d'))
print(b'a b c'.split(maxsplit=1), b'a b c'.rsplit(maxsplit=1), b'abc'.split(b'abc'), b''.split(), b''.split(b','), b'\x0ba\x0cb'.split())
print(b'abcabc'.replace(b'b', b'XX'), b'abcabc'.replace(b'', b'-'), b'abcabc'.replace(b'', b'-', 2), b'abc'.replace(b'x', b'y'), b'aaa'.replace(b'a', b'', 2))
print(b'abcabc'.find(b'c'), b'abcabc'.rfind(b'c'), b'abcabc'.find(b'c', 3), b'abcabc'.find(b'c', -2), b'abcabc'.find(99), b'abcabc'.count(b'bc'), b'aaaa'.count(b'aa'), b'abc'.count(b''), b'abc'.rfind(b''))
print(b'abc'.index(b'b'), b'abc'.rindex(98), b'abc'.startswith((b'x', b'a')), b'abc'.endswith(b'bc', 0, 3), b'abc'.endswith(b'b', 0, 2), b'abc'.startswith(b'b', 1))
print(b'abc'.partition(b'b'), b'abc'.rpartition(b'x'), b'abc'.partition(b'x'), bytearray(b'abc').partition(b'b'))
print(b'ab'.center(6, b'*'), b'ab'.ljust(5), b'ab'.rjust(5, b'-'), b'abc'.center(2), b'ab'.center(7), b'x'.zfill(-1))
print(b'a\tbc\td\n\te'.expandtabs(), b'a\tb'.expandtabs(0), b'a\tb'.expandtabs(tabsize=3))
print(b'-'.join([b'a', bytearray(b'b'), memoryview(b'c')]), b''.join([]), bytearray(b', ').join([b'x', b'y']))
print(b'abc'.removeprefix(b'ab'), b'abc'.removesuffix(b'bc'), b'abc'.removeprefix(b'x'), bytearray(b'abc').removesuffix(b'c'))
tbl = bytes.maketrans(b'abc', b'xyz')
print(len(tbl), b'aabbcc'.translate(tbl), b'abc'.translate(tbl, b'b'), bytearray(b'abc').translate(None, b'ac'))
print(b'\x00\x01\xfe'.hex(), bytes.fromhex('00 01 fe'), bytearray.fromhex('ab'), b'abc'.hex(':', 1), bytearray(b'abcd').hex(b'-', -3))
print(b'a\nb\r\nc'.splitlines(), b'a\nb\r\nc\n'.splitlines(keepends=True), b''.splitlines(), b'\n'.splitlines())
print(b'%s-%d-%5.1f-%x-%r-%a-%c-%%-%-3b|' % (b'x', 42, 3.14159, 255, b'q', 'é', 65, b'z'))
print(b'%(x)s and %(y)d' % {b'x': b'X', b'y': 7}, b'%o %#o %#x %+d % d %05d' % (8, 8, 255, 3, 3, -3), b'%s' % (b'tuple',), b'%e %g %G' % (12345.678, 0.0001, 1e20))
print(bytes(3), bytes([1, 2, 3]), bytes((4, 5)), bytes(range(3)), bytes(b'ab'), bytes(bytearray(b'cd')), bytes(memoryview(b'ef')), bytes('é', 'utf-8'), bytes(x for x in [7]))
class I:
    def __index__(self): return 3
print(bytes(I()), bytearray(I()), bytes([I()]), b'abc'[I()] if False else b'abc'[1], b'abcdef'[1:5:2], b'abc'[::-1], b'abc' * 2, 2 * b'ab', b'ab' + bytearray(b'c'))
print(b'a' < b'b', b'ab' > b'a', b'a' == bytearray(b'a'), bytearray(b'a') != b'a', b'a' == 'a', b'' <= b'', sorted([b'b', b'a', b'ab']))
print(hash(b'abc') == hash(b'abc'), {b'a': 1}[b'a'], 97 in b'abc', b'bc' in b'abc', bytearray(b'b') in b'abc', b'' in b'')
class Sub(bytes):
    pass
s = Sub(b'xy')
print(type(s).__name__, s, type(s + b'z').__name__, type(s[:1]).__name__, type(s.upper()).__name__, Sub.fromhex('41'), type(Sub.fromhex('41')).__name__)
print(b'abc'.__getnewargs__(), b'x'.__bytes__(), type(bytes.__bytes__(s)).__name__)
print(b'a b c '.split(maxsplit=1), b' a b c'.rsplit(maxsplit=1), b'  a  '.split(maxsplit=0), b'  a  '.rsplit(maxsplit=0))
