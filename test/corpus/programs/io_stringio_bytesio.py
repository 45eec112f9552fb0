# StringIO and BytesIO: reading, writing, seeking, newline handling, errors
import _io

def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

s = _io.StringIO("hello\nworld\n\u20ac\U0001f600end")
print(s.read(3), s.tell(), repr(s.readline()), s.tell(), s.readlines(), s.tell())
s.seek(0)
print(list(s))
s.seek(13)
print(repr(s.read(2)), s.tell())
s.seek(0, 2)
print(s.tell(), s.write("!!"), s.getvalue())
s.seek(30)
s.write("x")
print(repr(s.getvalue()), s.tell())
print(s.truncate(5), repr(s.getvalue()), s.tell())
s.seek(2)
s.write("LLO")
print(repr(s.getvalue()))
t("seek cur nonzero", lambda: s.seek(1, 1))
t("seek negative", lambda: s.seek(-1))
t("seek whence", lambda: s.seek(0, 3))
t("truncate negative", lambda: s.truncate(-1))
t("write bytes", lambda: s.write(b"x"))
t("init bytes", lambda: _io.StringIO(b"x"))
t("bad newline", lambda: _io.StringIO("", newline="x"))
t("bad newline type", lambda: _io.StringIO("", newline=1))
print(s.readable(), s.writable(), s.seekable(), s.line_buffering, s.closed, s.newlines)
s.close()
print(s.closed)
for name in ("read", "getvalue", "tell", "readline", "readable", "write"):
    t("closed " + name, lambda: getattr(s, name)() if name != "write" else s.write("x"))
t("closed iter", lambda: next(s))

for nl in (None, "", "\n", "\r", "\r\n"):
    s = _io.StringIO(newline=nl)
    s.write("a\nb\r\nc\rd")
    print(repr(nl), repr(s.getvalue()), s.newlines)
    s.seek(0)
    print(repr(nl), s.readlines())
    s = _io.StringIO("x\ry\r\nz\n", newline=nl)
    print(repr(nl), list(s), s.newlines)

s = _io.StringIO()
print(s.write("abc"), s.tell(), s.getvalue(), s.__getstate__())
s2 = _io.StringIO()
s2.__setstate__(("xyz", "\n", 1, {"a": 1}))
print(s2.read(), s2.a)

# BytesIO
b = _io.BytesIO(b"line1\nline2\nrest")
print(b.read(2), b.tell(), b.readline(), b.readline(3), b.readlines(), b.read(), b.tell())
b.seek(0)
print(list(b), b.tell())
b.seek(-3, 2)
print(b.read(), b.seek(100), b.write(b"Z"), len(b.getvalue()), b.getvalue()[-5:])
print(b.truncate(4), b.getvalue(), b.tell())
b.seek(1)
print(b.write(bytearray(b"XY")), b.getvalue())
ba = bytearray(3)
b.seek(0)
print(b.readinto(ba), ba)
print(b.read1(), b.read1(1), b.readable(), b.writable(), b.seekable(), b.isatty(), b.flush())
t("seek negative", lambda: b.seek(-1))
t("seek whence", lambda: b.seek(0, 5))
t("seek cur negative", lambda: (b.seek(-100, 1), b.tell()))
t("truncate negative", lambda: b.truncate(-1))
t("write str", lambda: b.write("x"))
t("init str", lambda: _io.BytesIO("x"))
t("readinto bytes", lambda: b.readinto(b"abc"))
t("fileno", lambda: b.fileno())
b.writelines([b"1", b"2"])
print(b.getvalue(), b.__getstate__())
b.close()
print(b.closed)
for name in ("read", "getvalue", "tell", "readline", "readable", "flush", "isatty"):
    t("closed " + name, lambda: getattr(b, name)())
t("closed write", lambda: b.write(b"x"))
t("closed seek", lambda: b.seek(0))
t("closed iter", lambda: next(b))

# subclasses and the base classes
class S(_io.StringIO):
    def readline(self, *a):
        return super().readline(*a).upper()
print(list(S("a\nb\n")))
class B(_io.BytesIO):
    pass
x = B(b"q")
x.attr = 5
print(x.read(), x.attr, isinstance(x, _io._BufferedIOBase), isinstance(x, _io._IOBase))
print(_io.StringIO.__mro__)
print(_io.BytesIO.__mro__)
with _io.StringIO("ctx") as f:
    print(f.read())
print(f.closed)
t("enter closed", lambda: f.__enter__())
