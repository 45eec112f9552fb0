# binascii: base64 (strict mode), hex, uu, qp, crc32, crc_hqx and their errors
import binascii as b
def t(f, *a, **k):
    try: print(f.__name__, a, k, f(*a, **k))
    except Exception as e: print(f.__name__, a, type(e).__name__, e)
for s in [b'', b'=', b'a', b'ab', b'abc', b'abcd', b'ab==', b'ab=', b'ab=c', b'abc=', b'a===', b'ab==cd', b'ab=\n=', b'YWJj\nZGVm', b'!YWJj', b'YW Jj', '\xe9', 'YWJj', b'abcde', b'abcdefghi', b'====', b'ab===', b'YQ==YQ==']:
    t(b.a2b_base64, s); t(b.a2b_base64, s, strict_mode=True)
t(b.a2b_base64, 5); t(b.b2a_base64, b'abc'); t(b.b2a_base64, b'ab', newline=False); t(b.b2a_base64, 'abc'); t(b.b2a_base64, b'')
for s in [b'', b' ', b'!', b'#86)C\n', b'#86)C', b'%86)C', b'#86)C  \n', b'#86)Cx', b'\x7f', b'#86)C`', b'!\x01']:
    t(b.a2b_uu, s)
t(b.b2a_uu, b'abc'); t(b.b2a_uu, b''); t(b.b2a_uu, b'', backtick=True); t(b.b2a_uu, b'\x00\x00\x00', backtick=True); t(b.b2a_uu, b'a' * 46)
t(b.crc32, b'hello'); t(b.crc32, b'hello', 1); t(b.crc32, b'hello', -1); t(b.crc32, b'hello', 2**40); t(b.crc_hqx, b'hello', 0); t(b.crc_hqx, b'hello', -1); t(b.crc_hqx, b'hello')
t(b.hexlify, b'\x01\xab'); t(b.b2a_hex, b'\x01\xab', '-'); t(b.hexlify, b'\x01\x02\x03', b':', -2); t(b.unhexlify, b'01ab'); t(b.unhexlify, '01AB'); t(b.unhexlify, b'1'); t(b.unhexlify, b'zz'); t(b.a2b_hex, 'é')
for s in [b'', b'a=3Db', b'a=\nb', b'a=\r\nb', b'a==b', b'a=4', b'a=g1', b'a_b', b'=', b'=0', b'ab=\rcd', b'a=ff=FF']:
    t(b.a2b_qp, s); t(b.a2b_qp, s, header=True)
for s in [b'', b'hello', b'a=b', b'a\tb ', b'line \nnext', b'x' * 80, b'\xff\x00', b'.\n', b'a.\n.', b'a_b c', b'a\r\nb \r\n', b'\t', b'y' * 74 + b'=', b'y' * 75 + b'\n']:
    t(b.b2a_qp, s); t(b.b2a_qp, s, quotetabs=True); t(b.b2a_qp, s, istext=False); t(b.b2a_qp, s, header=True)
print(b.Error.__mro__, b.Incomplete.__mro__, b.Error.__module__)
t(b.a2b_base64, bytearray(b'YWJj')); print(b.a2b_base64(memoryview(b"YWJj"))); t(b.crc32, 'abc'); t(b.a2b_base64)
for s in [b'abcd=', b'ab==\n', b'ab==a', b'abc==', b'abc=d', b'ab=', b'a=b=']:
    t(b.a2b_base64, s); t(b.a2b_base64, s, strict_mode=True)
t(b.b2a_base64, b'\xff' * 100); t(b.a2b_base64, b.b2a_base64(bytes(range(256))))
t(b.b2a_qp, b'a' * 200); t(b.b2a_qp, b'\xff' * 40); t(b.b2a_qp, b'x' * 75 + b'\t'); t(b.b2a_qp, b'ab\r\ncd', istext=False, header=True)
t(b.b2a_uu, bytes(range(45))); t(b.a2b_uu, b.b2a_uu(bytes(range(45)))); t(b.crc32, bytes(range(256)), 12345); t(b.crc_hqx, bytes(range(256)), 12345)
t(b.a2b_base64, b'YWJj', strict_mode=1); t(b.a2b_base64, b'YWJj', True); t(b.hexlify, b'ab', sep=b'x', bytes_per_sep=1); t(b.b2a_hex, data=b'\x00')
import base64
print(base64.b64encode(b'hello world'), base64.b64decode(b'aGVsbG8gd29ybGQ='), base64.urlsafe_b64encode(b'\xfb\xff'), base64.b16encode(b'\x01\xfe'))
print(base64.b32encode(b'abc'), base64.b32decode(b'MFRGG==='), base64.b85encode(b'hello'), base64.a85encode(b'hello'))
try:
    base64.b64decode(b'abc', validate=True)
except Exception as e:
    print(type(e).__name__, e)
