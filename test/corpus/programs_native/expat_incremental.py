# pyexpat: incremental parsing (byte by byte, odd chunk sizes), reparse deferral, positions
from xml.parsers import expat

DOC = ("<?xml version='1.0'?>\n<!DOCTYPE r [<!ENTITY e 'ent\u00e9'>]>\n"
       "<r a='x\u00e9y' b=\"2\">caf\u00e9 \u20ac \U0001F600 text\r\n&e;&amp;&#x263A;"
       "<![CDATA[cd]]]]>\n<c/><!-- com --><?pi d?>tail]]x]</r>\n<!-- after -->\n").encode("utf-8")

def make(events, buffer_text=False, deferral=True):
    p = expat.ParserCreate()
    p.buffer_text = buffer_text
    if not deferral:
        p.SetReparseDeferralEnabled(False)
    def rec(name):
        def h(*args):
            events.append((name, args, p.CurrentLineNumber, p.CurrentColumnNumber, p.CurrentByteIndex))
        return h
    for n in ["StartElementHandler", "EndElementHandler", "CharacterDataHandler", "CommentHandler",
              "ProcessingInstructionHandler", "StartCdataSectionHandler", "EndCdataSectionHandler",
              "XmlDeclHandler", "StartDoctypeDeclHandler", "EndDoctypeDeclHandler", "EntityDeclHandler"]:
        setattr(p, n, rec(n))
    return p

def feed(size, buffer_text=False, deferral=True):
    events = []
    p = make(events, buffer_text, deferral)
    marks = []
    for i in range(0, len(DOC), size):
        p.Parse(DOC[i:i + size], False)
        marks.append(len(events))
    p.Parse(b"", True)
    return events, marks

whole, _ = feed(len(DOC))
print("whole document:")
for e in whole:
    print(" ", e)
for size in (1, 2, 3, 7, 64):
    for bt in (False, True):
        for dfr in (True, False):
            ev, marks = feed(size, bt, dfr)
            data = "".join(a[0] for n, a, *_ in ev if n == "CharacterDataHandler")
            print(size, bt, dfr, len(ev), [n[:5] for n, *_ in ev if n != "CharacterDataHandler"] == [n[:5] for n, *_ in whole if n != "CharacterDataHandler"], repr(data))
            if size in (1, 3):
                print("  chunks:", [a[0] for n, a, *_ in ev if n == "CharacterDataHandler"])
                print("  marks:", marks[:40])
                print("  pos:", [(n[:5], l, c, b) for n, a, l, c, b in ev][:30])

print("== split inside a multi-byte character and inside tags, then an error")
p = expat.ParserCreate()
out = []
p.CharacterDataHandler = out.append
for piece in [b"<a>\xe2", b"\x82", b"\xac<", b"b", b"/", b"><c x='", b"1'", b">\xf0\x9f", b"\x98\x80</c></a>"]:
    print(p.Parse(piece, False), out)
p.Parse(b"", True)
p = expat.ParserCreate()
try:
    for piece in [b"<a>ok", b"\xe2\x82", b"x</a>"]:
        p.Parse(piece, False)
    p.Parse(b"", True)
except expat.ExpatError as e:
    print(e, e.code, p.ErrorByteIndex)
p = expat.ParserCreate()
try:
    p.Parse(b"<a>\xe2\x82", True)
except expat.ExpatError as e:
    print(e, e.code)

print("== GetReparseDeferralEnabled")
p = expat.ParserCreate()
print(p.GetReparseDeferralEnabled())
p.SetReparseDeferralEnabled(False)
print(p.GetReparseDeferralEnabled())

print("== ParseFile")
import io
class Reader:
    def __init__(self, data, n):
        self.data, self.n, self.calls = data, n, []
    def read(self, size):
        self.calls.append(size)
        chunk, self.data = self.data[:self.n], self.data[self.n:]
        return chunk
events = []
p = make(events)
r = Reader(DOC, 5)
print(p.ParseFile(r), len(events) == len(whole), r.calls[:3], len(r.calls))
events = []
p = make(events)
print(p.ParseFile(io.BytesIO(DOC)), [e[0] for e in events] == [e[0] for e in whole])
p = expat.ParserCreate()
try:
    p.ParseFile(io.BytesIO(b"<a><b></a>"))
except expat.ExpatError as e:
    print(e)
class Big:
    def read(self, n):
        return b"x" * (n + 1)
try:
    expat.ParserCreate().ParseFile(Big())
except ValueError as e:
    print("ValueError", e)
