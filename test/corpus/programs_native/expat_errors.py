# pyexpat: malformed documents -> ExpatError code, lineno, offset, message, byte index
import pyexpat
from xml.parsers import expat
from xml.parsers.expat import errors

CASES = [
    b"", b" ", b"<", b"<a", b"<a>", b"<a></a", b"<a></b>", b"<a><b></a></b>", b"<a/><b/>", b"<a/>text",
    b"text", b"<a b>", b"<a b=>", b"<a b=c/>", b"<a b='c>", b'<a b="<"/>', b"<a b='1' b='2'/>",
    b"<a>&foo;</a>", b"<a>&#0;</a>", b"<a>&#xD800;</a>", b"<a>&#1114112;</a>", b"<a>&#xZZ;</a>", b"<a>&#65</a>",
    b"<a>&;</a>", b"<a>& b</a>", b"<a>]]></a>", b"<a>\xff</a>", b"<a>\xc3</a>", b"<a>\xc3\x28</a>", b"<a>\x01</a>",
    b"<a>\xed\xa0\x80</a>", b"<a>\xef\xbf\xbe</a>", b"<1a/>", b"<a 1b='x'/>", b"< a/>", b"<a/ >", b"</a>",
    b"<!-- x -- y --><a/>", b"<!-- x ---><a/>", b"<!- x --><a/>", b"<a><!-- unterminated</a>",
    b"<a><![CDATA[x</a>", b"<a><![CDAT[x]]></a>", b"<a><?pi unterminated</a>", b"<a><?xml version='1.0'?></a>",
    b" <?xml version='1.0'?><a/>", b"<?xml version='1.0'?><?xml version='1.0'?><a/>", b"<?XML version='1.0'?><a/>",
    b"<?xml?><a/>", b"<?xml encoding='utf-8'?><a/>", b"<?xml version='1.0' standalone='maybe'?><a/>",
    b"<?xml version='1.0' encoding='utf-8' version='1.0'?><a/>", b"<?xml version=1.0?><a/>",
    b"<?xml version='1.0' encoding='utf-16'?><a/>", b"<?xml version='1.0' encoding='1abc'?><a/>",
    b"<!DOCTYPE a [ <!BOGUS> ]><a/>", b"<!DOCTYPE a [<!ENTITY e '<b>'>]><a>&e;</a>",
    b"<!DOCTYPE a [<!ENTITY e '</a>'>]><a>&e;</a>", b"<!DOCTYPE a [<!ENTITY e '&e;'>]><a>&e;</a>",
    b"<!DOCTYPE a [<!ENTITY e SYSTEM 'x' NDATA n>]><a>&e;</a>", b"<!DOCTYPE a [<!ENTITY e SYSTEM 'x'>]><a b='&e;'/>",
    b"<!DOCTYPE a [<!ENTITY e '<'>]><a b='&e;'/>", b"<!DOCTYPE a [<!ENTITY % p 'x'> <!ENTITY e '%p;'>]><a/>",
    b"<!DOCTYPE a [<!ELEMENT a (b,c|d)>]><a/>", b"<!DOCTYPE a [<!ELEMENT a (b|c,d)>]><a/>",
    b"<!DOCTYPE a [<!ATTLIST a b BOGUS #IMPLIED>]><a/>", b"<!DOCTYPE a PUBLIC '\x01' 'x'><a/>",
    b"<!DOCTYPE a PUBLIC 'a{b' 'x'><a/>", b"<!DOCTYPE a><!DOCTYPE b><a/>", b"<!DOCTYPE a [<!ENTITY e 'x'>",
    b"<!DOCTYPE a", b"<!DOCTYPE a [ %undefined; <!ENTITY e 'x'>]><a>&e;</a>", b"<a>\r\n</a>\n\n<", b"<a>\n\n  <b>\n</a>",
    b"<a>x</a>\n\n  junk", b"<a/><!-- ok --><?pi ok?>\n<b/>", b"<a/>]]>", b"<a><b/></a><", b"\xef\xbb\xbf<a></b>",
    b"<a xmlns:x='http://x/'><y:b/></a>", b"<a xmlns:x=''/>", b"<a xmlns:xml='http://other/'/>",
    b"<a xmlns:xmlns='http://x/'/>", b"<a xmlns:p='http://www.w3.org/2000/xmlns/'/>",
    b"<a xmlns:p='http://x/' xmlns:q='http://x/' p:b='1' q:b='2'/>", b"<a p:b='1'/>",
    "<a>\u00e9</a>".encode("latin-1"), b"<a>\x80</a>", "<a>\ud7ff\ue000</a>".encode("utf-8"),
]

def run(data, ns=None, enc=None):
    p = expat.ParserCreate(enc, ns)
    try:
        r = p.Parse(data, True)
        print("ok", r, p.ErrorCode)
    except expat.ExpatError as e:
        print(repr(data)[:60], "|", e.code, e.lineno, e.offset, "|", e, "|", p.ErrorByteIndex,
              errors.messages[e.code] == expat.ErrorString(e.code))

for c in CASES:
    run(c, ns="!" if b"xmlns" in c or b":b" in c else None)

print("== latin-1 / ascii protocol encodings")
run("<a>\u00e9</a>".encode("latin-1"), enc="iso-8859-1")
run(b"<a>\x80</a>", enc="us-ascii")
run(b"<a>\xff\xfe</a>", enc="utf-8")

print("== utf-16")
run("<a></b>".encode("utf-16"))
run("<a>\n<b x='1' x='2'/></a>".encode("utf-16-be"), enc="UTF-16BE")
run("<a>".encode("utf-16-le") + b"\x00", enc="UTF-16LE")

print("== errors in handlers positions after incremental parse")
p = expat.ParserCreate()
for chunk in [b"<root>\n  <a>text</a>\n", b"  <b>more", b"</c>\n</root>"]:
    try:
        p.Parse(chunk, False)
        print("chunk ok", p.CurrentLineNumber, p.CurrentColumnNumber, p.CurrentByteIndex)
    except expat.ExpatError as e:
        print("chunk error", e, e.code, p.ErrorByteIndex)
        break
try:
    p.Parse(b"", True)
except expat.ExpatError as e:
    print("again", e)

print("== final with empty data")
p = expat.ParserCreate()
p.Parse(b"<a>", False)
try:
    p.Parse(b"", True)
except expat.ExpatError as e:
    print(e, e.code)

print("== ExpatError attributes")
try:
    expat.ParserCreate().Parse(b"<a>\n  <b>\n  </c>", True)
except expat.error as e:
    print(type(e).__name__, type(e).__module__, e.args, e.code, e.lineno, e.offset, sorted(vars(e)))
print(expat.ErrorString(0), expat.ErrorString(44), expat.ErrorString(45), expat.ErrorString(-1))
print(errors.XML_ERROR_SYNTAX, errors.codes[errors.XML_ERROR_TAG_MISMATCH], len(errors.messages), len(errors.codes))
print(sorted(n for n in dir(errors) if n.startswith("XML_")) [:5])
from xml.parsers.expat import model
print([(n, getattr(model, n)) for n in sorted(dir(model)) if n.startswith("XML_")])
