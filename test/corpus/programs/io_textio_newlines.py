# TextIOWrapper over BytesIO: newline modes, encodings, readline, iteration, tell/seek cookies
import _io

def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

data = b"one\ntwo\r\nthree\rfour\r\n\r\nfive"
for nl in (None, "", "\n", "\r", "\r\n"):
    w = _io.TextIOWrapper(_io.BytesIO(data), encoding="utf-8", newline=nl)
    print(repr(nl), [line for line in w], w.newlines)
    w = _io.TextIOWrapper(_io.BytesIO(data), encoding="utf-8", newline=nl)
    print(repr(nl), repr(w.read()), w.newlines)
    w = _io.TextIOWrapper(_io.BytesIO(data), encoding="utf-8", newline=nl)
    print(repr(nl), repr(w.readline(2)), repr(w.readline(10)), repr(w.read(5)), repr(w.readline()))

for nl in (None, "", "\n", "\r", "\r\n"):
    b = _io.BytesIO()
    w = _io.TextIOWrapper(b, encoding="utf-8", newline=nl)
    w.write("a\nb\r\nc\rd")
    w.flush()
    print("write", repr(nl), b.getvalue())

# encodings
for enc in ("utf-8", "latin-1", "ascii", "utf-8-sig", "UTF8", "Latin1"):
    b = _io.BytesIO()
    w = _io.TextIOWrapper(b, encoding=enc, errors="replace")
    print(enc, w.encoding, w.errors, w.write("h\xe9llo \u20ac!"), end=" ")
    w.flush()
    print(b.getvalue())
    w.seek(0)
    print(repr(w.read()))

t("bad utf8 strict", lambda: _io.TextIOWrapper(_io.BytesIO(b"ab\xffcd"), encoding="utf-8").read())
t("bad utf8 replace", lambda: _io.TextIOWrapper(_io.BytesIO(b"ab\xffcd\xe2\x82"), encoding="utf-8", errors="replace").read())
t("bad utf8 surrogateescape", lambda: _io.TextIOWrapper(_io.BytesIO(b"ab\xffcd"), encoding="utf-8", errors="surrogateescape").read())
t("bad utf8 backslashreplace", lambda: _io.TextIOWrapper(_io.BytesIO(b"ab\xffcd"), encoding="utf-8", errors="backslashreplace").read())
t("bad ascii", lambda: _io.TextIOWrapper(_io.BytesIO(b"ab\xffcd"), encoding="ascii").read())
t("encode latin-1", lambda: _io.TextIOWrapper(_io.BytesIO(), encoding="latin-1").write("\u20ac"))
t("encode ascii ignore", lambda: _io.TextIOWrapper(_io.BytesIO(), encoding="ascii", errors="ignore").write("\u20acx"))
t("unknown encoding", lambda: _io.TextIOWrapper(_io.BytesIO(), encoding="nope-enc"))
t("bad newline", lambda: _io.TextIOWrapper(_io.BytesIO(), encoding="utf-8", newline="x"))
t("bad newline type", lambda: _io.TextIOWrapper(_io.BytesIO(), encoding="utf-8", newline=5))
t("bad errors type", lambda: _io.TextIOWrapper(_io.BytesIO(), encoding="utf-8", errors=5))
t("bad encoding type", lambda: _io.TextIOWrapper(_io.BytesIO(), encoding=5))
t("write bytes", lambda: _io.TextIOWrapper(_io.BytesIO(), encoding="utf-8").write(b"x"))

# multi-byte characters split across chunks
w = _io.TextIOWrapper(_io.BytesIO(("\u20ac" * 5000 + "\n" + "\U0001f600" * 3000).encode()), encoding="utf-8")
lines = w.readlines()
print(len(lines), len(lines[0]), len(lines[1]), lines[1][:2] == "\U0001f600" * 2)

# tell/seek cookies
w = _io.TextIOWrapper(_io.BytesIO("ab\u20accd\nxy\u00e9z\n".encode()), encoding="utf-8")
positions = []
while True:
    pos = w.tell()
    c = w.read(1)
    if not c:
        break
    positions.append((pos, c))
print(positions)
for pos, c in positions:
    w.seek(pos)
    assert w.read(1) == c, (pos, c)
print("seek back ok")
w.seek(0)
print(repr(w.readline()), w.tell(), repr(w.readline()), w.tell())
t("seek cur nonzero", lambda: w.seek(3, 1))
t("seek end nonzero", lambda: w.seek(-1, 2))
t("seek end", lambda: w.seek(0, 2))
t("seek bad whence", lambda: w.seek(0, 7))
t("seek negative", lambda: w.seek(-5))
w.seek(0)
for line in w:
    t("tell in iteration", lambda: w.tell())
    break
# utf-8-sig: BOM only at start
b = _io.BytesIO()
w = _io.TextIOWrapper(b, encoding="utf-8-sig")
w.write("x")
w.seek(0, 2)
w.write("y")
w.flush()
print(b.getvalue())
w.seek(0)
print(repr(w.read()))

# attributes, reconfigure, detach
b = _io.BytesIO()
w = _io.TextIOWrapper(b, encoding="utf-8", line_buffering=True)
print(w.line_buffering, w.write_through, w.encoding, w.errors, w.buffer is b, w.readable(), w.writable(), w.seekable())
w.write("no newline")
print(b.getvalue())
w.write("\n")
print(b.getvalue())
w.reconfigure(line_buffering=False, write_through=True)
print(w.line_buffering, w.write_through)
w.reconfigure(encoding="latin-1")
w.write("\xe9")
print(b.getvalue(), w.encoding)
t("reconfigure bad", lambda: w.reconfigure(encoding=3))
t("reconfigure positional", lambda: w.reconfigure("utf-8"))
print(repr(w))
d = w.detach()
print(d is b)
t("after detach", lambda: w.write("x"))
t("repr detached", lambda: repr(w))
r = _io.TextIOWrapper(_io.BytesIO(b"abc\ndef"), encoding="utf-8")
r.read(1)
t("reconfigure after read", lambda: r.reconfigure(encoding="latin-1"))
r.close()
print(r.closed)
t("read closed", lambda: r.read())
t("write closed", lambda: r.write("x"))
t("readline closed", lambda: r.readline())
t("iter closed", lambda: next(r))
t("tell closed", lambda: r.tell())
t("close twice", lambda: r.close())

# IncrementalNewlineDecoder
d = _io.IncrementalNewlineDecoder(None, translate=True)
print(repr(d.decode("a\r")), repr(d.decode("\nb\r")), repr(d.decode("c", final=True)), d.newlines, d.getstate())
d = _io.IncrementalNewlineDecoder(None, translate=False)
print(repr(d.decode("a\r")), d.getstate(), repr(d.decode("")), repr(d.decode("", True)), d.newlines)
d.reset()
print(d.newlines, d.getstate())
