import csv, _csv, io

print(sorted(csv.list_dialects()), csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_NONE, csv.QUOTE_STRINGS, csv.QUOTE_NOTNULL)
print(_csv.Error.__mro__, csv.Error is _csv.Error, csv.field_size_limit())
for name in ['excel', 'excel-tab', 'unix']:
    d = csv.get_dialect(name)
    print(name, type(d).__name__, repr(d.delimiter), repr(d.quotechar), d.escapechar, d.doublequote, d.skipinitialspace, repr(d.lineterminator), d.quoting, d.strict)

def t(**kw):
    try:
        d = _csv.Dialect(**kw)
        print('ok', repr(d.delimiter), repr(d.quotechar), repr(d.escapechar), d.quoting, d.skipinitialspace, repr(d.lineterminator))
    except Exception as e:
        print(type(e).__name__, e)
for kw in [dict(delimiter=5), dict(delimiter='ab'), dict(delimiter=''), dict(delimiter=None), dict(escapechar=5), dict(escapechar=''),
           dict(quotechar=None), dict(quotechar=None, quoting=csv.QUOTE_ALL), dict(quoting='x'), dict(quoting=10), dict(quoting=-1),
           dict(lineterminator=5), dict(delimiter='\n'), dict(delimiter=' '), dict(quotechar=' '), dict(quotechar=' ', skipinitialspace=True),
           dict(escapechar=' ', skipinitialspace=True), dict(delimiter=',', quotechar=','), dict(escapechar='"'), dict(delimiter='\r'),
           dict(lineterminator='x', delimiter='x'), dict(bogus=1), dict(quoting=None), dict(strict=1), dict(delimiter='\u20ac'),
           dict(escapechar='\\', quoting=csv.QUOTE_NONE), dict(delimiter=';', lineterminator='\n'), dict(quotechar="'", doublequote=0),
           dict(lineterminator=''), dict(dialect='excel-tab'), dict(dialect='nope'), dict(dialect='unix', delimiter='|')]:
    t(**kw)
d = _csv.Dialect()
try:
    d.delimiter = ';'
except AttributeError as e:
    print('AttributeError', e)

class MyDialect(csv.Dialect):
    delimiter = ';'
    quotechar = "'"
    lineterminator = '\n'
    quoting = csv.QUOTE_MINIMAL
    doublequote = True
    skipinitialspace = False
csv.register_dialect('mine', MyDialect)
csv.register_dialect('kw', delimiter='|', quoting=csv.QUOTE_ALL)
print(sorted(csv.list_dialects()), csv.get_dialect('mine').delimiter, csv.get_dialect('kw').quoting)
csv.unregister_dialect('kw')
for f, a in [(csv.get_dialect, 'kw'), (csv.unregister_dialect, 'kw'), (csv.register_dialect, 5)]:
    try:
        f(a)
    except Exception as e:
        print(type(e).__name__, e)
class Bad(csv.Dialect):
    delimiter = ''
try:
    Bad()
except csv.Error as e:
    print('Error', e)

rows = [['a', 'b c', 'd,e', 'f"g', 'h\ni', '', None, 1, 2.5, -3, True, 'x\ry', ' lead', "q'q"], [], [''], ['only']]
for q in range(6):
    for kw in [{}, {'lineterminator': '\n'}, {'delimiter': ';', 'quotechar': "'"}, {'escapechar': '\\'}, {'doublequote': False, 'escapechar': '\\'}, {'dialect': 'unix'}, {'dialect': 'excel-tab'}]:
        s = io.StringIO()
        try:
            w = csv.writer(s, quoting=q, **kw)
            for r in rows:
                w.writerow(r)
            text = s.getvalue()
            print(q, kw, repr(text))
            back = list(csv.reader(io.StringIO(text, newline=''), quoting=q if q != csv.QUOTE_NONNUMERIC else 0, **kw))
            print('  back', back)
        except Exception as e:
            print(q, kw, type(e).__name__, e, repr(s.getvalue()))

for data in ['a,b\n', '"a""b",c\r\n', '"abc', 'a,"b\nc",d\n', ' a, "b"', ',,\n', '', '\n\n', '1,2.5,"x",,\n', 'a"b,c\n', '"a"b,c\n',
             'a\\,b,c\n', '"a\\"b",c\n', 'x\ry\n', 'a,b\r\nc,d\r\n', '"multi\r\nline",z\r\n', '\u20ac,\U0001f600\n', 'a\x00b,c\n',
             '"unterminated\nmore', 'a\\\nb,c\n']:
    for kw in [{}, {'quoting': csv.QUOTE_NONNUMERIC}, {'quoting': csv.QUOTE_NONE}, {'quoting': csv.QUOTE_STRINGS}, {'quoting': csv.QUOTE_NOTNULL},
               {'strict': True}, {'escapechar': '\\'}, {'skipinitialspace': True}, {'doublequote': False}]:
        try:
            r = csv.reader(io.StringIO(data, newline=''), **kw)
            out = list(r)
            print(repr(data), kw, out, r.line_num)
        except Exception as e:
            print(repr(data), kw, type(e).__name__, e)

for bad in [[b'bytes\n'], [1], 5]:
    try:
        print(list(csv.reader(bad)))
    except Exception as e:
        print(type(e).__name__, e)
try:
    csv.writer(5)
except TypeError as e:
    print('TypeError', e)
w = csv.writer(io.StringIO())
for bad in [5, None]:
    try:
        w.writerow(bad)
    except csv.Error as e:
        print('Error', e)
print(w.writerow(['ret']), type(w.dialect).__name__, w.dialect.delimiter)
r = csv.reader(['a,b'], delimiter=';')
print(r.dialect.delimiter, next(r), r.line_num)
old = csv.field_size_limit(5)
print(old, csv.field_size_limit())
try:
    list(csv.reader(['abcdefgh']))
except csv.Error as e:
    print('Error', e)
try:
    csv.field_size_limit('x')
except TypeError as e:
    print('TypeError', e)
csv.field_size_limit(old)

s = io.StringIO()
dw = csv.DictWriter(s, fieldnames=['x', 'y'])
dw.writeheader()
dw.writerows([{'x': 1, 'y': 2}, {'x': 'a,b'}])
print(repr(s.getvalue()))
print(list(csv.DictReader(io.StringIO(s.getvalue()))))
try:
    dw.writerow({'z': 1})
except ValueError as e:
    print('ValueError', e)
sn = csv.Sniffer()
sample = 'name;age\nbob;3\nalice;4\n'
dial = sn.sniff(sample)
print(repr(dial.delimiter), sn.has_header(sample))
