import json, _json, math, collections
from json.decoder import JSONDecodeError
import json.scanner, json.encoder, json.decoder
print('c accel', json.scanner.make_scanner is _json.make_scanner, json.decoder.scanstring is _json.scanstring,
      json.encoder.c_make_encoder is _json.make_encoder, json.encoder.encode_basestring_ascii is _json.encode_basestring_ascii)
print(type(_json.make_encoder), _json.make_encoder.__name__, _json.make_scanner.__name__, _json.make_scanner.__module__)

values = [None, True, False, 0, -1, 10**30, -10**30, 0.0, -0.0, 1.5, 1e16, 1e-7, 123456789.123456789, 1/3, 2.5e-310, 1.7976931348623157e308,
          '', 'abc', 'a"b\\c', '\x00\x1f\x7f', '\u20ac\U0001f600', '\ud800', 'tab\there\nnl\r\x08\x0c/',
          [], [1, [2, [3, []]]], (1, 2), {}, {'a': 1, 'b': [1, 2, {'c': None}]}, {1: 'int', 2.5: 'float', True: 't', None: 'n'},
          {'z': 1, 'a': 2, 'm': {'y': 1, 'b': 2}}, [float('inf'), float('-inf')], collections.OrderedDict([('b', 1), ('a', 2)])]
for v in values:
    for kw in [{}, {'ensure_ascii': False}, {'indent': 2}, {'indent': '\t', 'sort_keys': True}, {'separators': (',', ':')},
               {'sort_keys': True, 'indent': 0}, {'separators': (' ,', ' : '), 'indent': 1}]:
        try:
            s = json.dumps(v, **kw)
            print(repr(s))
            back = json.loads(s)
            if back != v and not (isinstance(v, tuple)) and v == v:
                print('  roundtrip differs', repr(back))
        except Exception as e:
            print(type(e).__name__, e, getattr(e, '__notes__', None))

nan = float('nan')
print(json.dumps([nan]), json.loads('[NaN, Infinity, -Infinity]'))
for bad in [nan, [1, float('inf')], {'k': float('-inf')}, {nan: 1}]:
    try:
        json.dumps(bad, allow_nan=False)
    except ValueError as e:
        print('ValueError', e, getattr(e, '__notes__', None))

class Custom:
    def __init__(self, v): self.v = v
def default(o):
    if isinstance(o, Custom): return {'custom': o.v}
    if isinstance(o, set): return sorted(o)
    raise TypeError(f'nope {type(o).__name__}')
print(json.dumps([Custom(1), {2, 1}, {'x': Custom([Custom(2)])}], default=default))
for bad in [object(), [1, {'a': [object()]}], {'k': {1, 2}}, {(1, 2): 1}, Custom(1), b'bytes', 1j]:
    try:
        print(json.dumps(bad))
    except TypeError as e:
        print('TypeError', e, getattr(e, '__notes__', None))
try:
    json.dumps([Custom(object())], default=default)
except TypeError as e:
    print('TypeError', e, e.__notes__)
print(json.dumps({(1, 2): 1, 'a': 2, 3: 4}, skipkeys=True), repr(json.dumps({(1,): 1}, skipkeys=True, indent=2)))
try:
    json.dumps({1: 'a', 'b': 2}, sort_keys=True)
except TypeError as e:
    print('TypeError', e)

a = []; a.append(a)
d = {}; d['self'] = d
class Loop: pass
def loopdefault(o): return o
for circ in [a, d, [[a]]]:
    try:
        json.dumps(circ)
    except ValueError as e:
        print('ValueError', e, e.__notes__)
try:
    json.dumps(Loop(), default=loopdefault)
except ValueError as e:
    print('ValueError', e, e.__notes__)
try:
    json.dumps(a, check_circular=False)
except RecursionError as e:
    print('RecursionError')
shared = [1]
print(json.dumps([shared, shared, {'a': shared}]))

import enum
class IE(enum.IntEnum):
    A = 1
class FE(float, enum.Enum):
    X = 1.5
class MyStr(str):
    def __repr__(self): return 'MYSTR'
class MyFloat(float):
    def __repr__(self): return 'MYFLOAT'
class MyList(list): pass
class MyDict(dict): pass
print(json.dumps([IE.A, FE.X, {IE.A: 1, FE.X: 2}, MyStr('s'), MyFloat(2.5), MyList([1]), MyDict(a=MyList())]))
try:
    json.dumps(MyList([object()]))
except TypeError as e:
    print(e, e.__notes__)
try:
    json.dumps(MyDict(k=object()))
except TypeError as e:
    print(e, e.__notes__)

# decoding
docs = ['1', '-0', '-0.0', '1.5e3', '1E-2', '12345678901234567890', '3.141592653589793238462643383279', '"\\u00e9\\ud83d\\ude00"',
        '"\\ud83d"', '"\\ude00\\ud83d"', '"\\ud83dx\\ude00"', '  [1 , 2 ]  ', '{"a" : {"b" : [true, false, null]}}', '{}', '[]', '[[]]',
        '{"a": 1, "a": 2}', '"\\/\\b\\f\\n\\r\\t\\"\\\\"', '1e400', '-1e400', '[1.0, 1e2, 1E+2, 0.5e-1]', '"\u20ac\U0001f600"',
        '[\n  1,\n  "x"\n]', '"a\U0001f600b"', '{"\U0001f600": "\U0001f600"}']
for doc in docs:
    try:
        print(repr(doc), repr(json.loads(doc)))
    except JSONDecodeError as e:
        print(repr(doc), 'JSONDecodeError', e)
bad_docs = ['[', '[1,', '[1', '{', '{"a"', '{"a":', '{"a":1', '{"a":1,', '{"a":1,}', '[1,]', '"abc', '"a\\x"', '"\\u12"', '"\\u12g4"',
            '"\\ud800\\u12"', '"\\ud800\\uzzzz"', '"a\x01"', '', ' ', '-', '-x', '01', '1.', '1e', '1e+', 'nul', 'tru', 'fals',
            '[1 2]', '{"a" 1}', '{1:2}', '"\\', '"\\u', '"\\u123', '[-]', '1 2', '[1,\n2,\n]', '{"a":1}x', '\ufeff[1]',
            '[1,\n  2,\n  3,\n  ]', '"\U0001f600\\q"', '["\U0001f600", 1,]', '{"a": [1, {"b": }]}', "{'a': 1}", 'Infinityx',
            '[NaN,]', '"\t"', '-Infinit', '[1e5.0]']
for doc in bad_docs:
    try:
        print(repr(doc), repr(json.loads(doc)))
    except JSONDecodeError as e:
        print(repr(doc), 'JSONDecodeError', e, '|', e.msg, e.pos, e.lineno, e.colno)
print(json.loads('"a\tb"', strict=False), repr(json.loads('["\\n", "\x1f"]', strict=False)))
print(json.loads('{"a": 1, "b": [2]}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"a": 1, "b": {"c": 2}}', object_pairs_hook=lambda p: ('P', p)))
print(json.loads('{"a": 1}', object_hook=lambda d: 'hook', object_pairs_hook=lambda p: 'pairs'))
print(json.loads('[1.5, 2, 1e3]', parse_float=lambda s: ("F", s), parse_int=lambda s: 'int:' + s))
print(json.loads('[NaN, -Infinity, Infinity]', parse_constant=lambda s: 'const:' + s))
print(json.loads(b'[1, "\xc3\xa9"]'), json.loads(bytearray(b'{"a": 2}')), json.loads('[1]'.encode('utf-16')))
for bad in [5, None, [1]]:
    try:
        json.loads(bad)
    except TypeError as e:
        print('TypeError', e)
dec = json.JSONDecoder()
print(dec.raw_decode('[1, 2] tail'), dec.raw_decode('{"a": "b"}xyz'))
try:
    dec.raw_decode(' [1]')
except JSONDecodeError as e:
    print(e)
sc = dec.scan_once
print(type(sc).__name__, sc.strict, sc.object_hook, sc.parse_float is float, sc.parse_int is int)
for args in [('"x"', 0), ('1', 5), ('1', -1), ('[1]', 0), ('abc', 0), ('  1', 2), ('x12', 1)]:
    try:
        print(sc(*args))
    except StopIteration as e:
        print('StopIteration', e.value)
    except Exception as e:
        print(type(e).__name__, e)
for a in [('"abc"', 1), ('"abc"', 0), ('"abc"', 10), ('"abc"', -1), ('"a\x01"', 1, False), ('"a\x01"', 1, True), ('x"\\u00e9"', 2), ('"abc', 1)]:
    try:
        print(_json.scanstring(*a))
    except Exception as e:
        print(type(e).__name__, e)
try:
    _json.scanstring(b'"x"', 1)
except TypeError as e:
    print('TypeError', e)
enc = _json.make_encoder(None, lambda o: 'D', _json.encode_basestring_ascii, None, ':', ',', False, False, True)
print(enc([1, 2.5, 'x', None, {1: 2}, object()], 0), enc.key_separator, enc.item_separator, enc.indent, enc.sort_keys, enc.skipkeys, enc.markers)
enc2 = _json.make_encoder({}, None, lambda s: '<' + s + '>', '  ', ': ', ',', True, False, True)
print(enc2({'b': ['x'], 'a': 'y'}, 1))
for bad in [(1, None, None, None, ':', ',', 0, 0, 0), (None, None, None, None, 1, ',', 0, 0, 0), (None, None, None, None, ':', None, 0, 0, 0)]:
    try:
        _json.make_encoder(*bad)
    except Exception as e:
        print(type(e).__name__, e)
try:
    _json.make_encoder()
except Exception as e:
    print(type(e).__name__, e)
e3 = _json.make_encoder(None, None, lambda s: 5, None, ':', ',', 0, 0, 0)
try:
    e3('x', 0)
except Exception as e:
    print(type(e).__name__, e)
print(_json.encode_basestring('a"\x00\u20ac\U0001f600\\/'), _json.encode_basestring_ascii('a"\x00\u20ac\U0001f600\x7f\\/ ~'))
for f in (_json.encode_basestring, _json.encode_basestring_ascii):
    for bad in (5, b'x'):
        try:
            f(bad)
        except TypeError as e:
            print('TypeError', e)
print(json.dumps('\ud83d'), json.dumps('\ud83d', ensure_ascii=False) == '"\ud83d"')
print(json.loads(json.dumps({'deep': [[[[[[[[[[1]]]]]]]]]]})))
big = {'k%d' % i: [i, str(i), i / 7] for i in range(200)}
print(json.loads(json.dumps(big)) == big, len(json.dumps(big, indent=3)))
