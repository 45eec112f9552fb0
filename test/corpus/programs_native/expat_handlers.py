# pyexpat: every handler on a rich document (DTD, namespaces, CDATA, PIs, comments, entities)
import pyexpat
from xml.parsers import expat

DOC = b"""<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<?xml-stylesheet href="style.css" type="text/css"?>
<!-- prolog comment -->
<!DOCTYPE root PUBLIC "-//Test//DTD Root//EN" "root.dtd" [
  <!ELEMENT root (head?, body+, (a|b)*)>
  <!ELEMENT head EMPTY>
  <!ELEMENT body (#PCDATA|em|strong)*>
  <!ELEMENT em (#PCDATA)>
  <!ELEMENT any ANY>
  <!ATTLIST root
      version CDATA #FIXED "1.0"
      lang    NMTOKEN "en"
      id      ID #IMPLIED
      kind    (big|small) "big"
      note    NOTATION (gif|png) #IMPLIED
      req     CDATA #REQUIRED>
  <!ENTITY greeting "Hello &amp; welcome">
  <!ENTITY nested "[&greeting;]">
  <!ENTITY multi "line1
line2">
  <!ENTITY ext SYSTEM "ext.xml">
  <!ENTITY pic SYSTEM "pic.gif" NDATA gif>
  <!ENTITY % pe "ignored">
  <!NOTATION gif SYSTEM "image/gif">
  <!NOTATION png PUBLIC "-//PNG//EN">
  <?dtd-pi some data?>
  <!-- dtd comment -->
]>
<root xmlns="http://default/" xmlns:x="http://x/" req="r" lang="  fr  ">
  <head/>
  <body x:attr="v&lt;1&#x41;&#66;" plain='a&#10;b	c'>Text &greeting; and &nested; &#169;&#x1F600; caf\xc3\xa9
   <em>emph</em>&multi;<x:strong>bold</x:strong>
   <![CDATA[<raw> & data
second]]>
   <?target   pi data ?>
   <!-- inner comment -->
  </body>
  <a/><b></b>
</root>
<!-- trailing comment -->
<?trailing pi?>
"""

def log(*args):
    print(*args)

def attach(p, names, pos=False):
    def make(name):
        def h(*args):
            if pos:
                log(name, args, (p.CurrentLineNumber, p.CurrentColumnNumber, p.CurrentByteIndex))
            else:
                log(name, args)
            if name == "ExternalEntityRefHandler":
                return 1
            if name == "NotStandaloneHandler":
                return 1
        return h
    for n in names:
        setattr(p, n, make(n))

ALL = ["StartElementHandler", "EndElementHandler", "CharacterDataHandler", "ProcessingInstructionHandler",
       "CommentHandler", "StartCdataSectionHandler", "EndCdataSectionHandler", "StartNamespaceDeclHandler",
       "EndNamespaceDeclHandler", "XmlDeclHandler", "StartDoctypeDeclHandler", "EndDoctypeDeclHandler",
       "ElementDeclHandler", "AttlistDeclHandler", "EntityDeclHandler", "NotationDeclHandler",
       "UnparsedEntityDeclHandler", "ExternalEntityRefHandler", "NotStandaloneHandler", "SkippedEntityHandler"]

print("== all handlers, namespaces, positions")
p = expat.ParserCreate(namespace_separator="|")
attach(p, ALL, pos=True)
print(p.Parse(DOC, True))

print("== all handlers, no namespaces, buffer_text, ordered attributes")
p = expat.ParserCreate()
p.buffer_text = True
p.ordered_attributes = True
attach(p, ALL)
p.Parse(DOC, True)
print("buffer_used", p.buffer_used)

print("== specified_attributes, namespace_prefixes")
p = expat.ParserCreate(namespace_separator=" ")
p.specified_attributes = True
p.namespace_prefixes = True
attach(p, ["StartElementHandler", "EndElementHandler", "StartNamespaceDeclHandler", "EndNamespaceDeclHandler"])
p.Parse(DOC, True)

print("== DefaultHandler only (no entity expansion)")
p = expat.ParserCreate()
out = []
p.DefaultHandler = out.append
p.Parse(DOC, True)
print(out)
print(b"".join(x.encode() for x in out) == DOC.replace(b"\r\n", b"\n"))

print("== DefaultHandlerExpand with some handlers")
p = expat.ParserCreate()
out = []
p.DefaultHandlerExpand = lambda s: out.append(("D", s))
p.StartElementHandler = lambda n, a: out.append(("S", n))
p.CharacterDataHandler = lambda s: out.append(("C", s))
p.Parse(DOC, True)
for x in out:
    print(x)

print("== DefaultHandler with SkippedEntityHandler")
p = expat.ParserCreate()
p.DefaultHandler = lambda s: None
p.SkippedEntityHandler = lambda *a: print("skipped", a)
p.Parse(b"<!DOCTYPE d [<!ENTITY e 'x'>]><d>&e;&amp;</d>", True)

print("== skipped entity with external subset")
p = expat.ParserCreate()
attach(p, ["SkippedEntityHandler", "CharacterDataHandler", "NotStandaloneHandler", "StartDoctypeDeclHandler"])
p.Parse(b'<!DOCTYPE d SYSTEM "d.dtd"><d>&undefined;&lt;</d>', True)

print("== intern")
p = expat.ParserCreate()
p.StartElementHandler = lambda n, a: None
p.Parse(b"<a x='1'><b y='2'/><a/></a>", True)
print(sorted(p.intern))
p = expat.ParserCreate(intern=None)
print(p.intern)
d = {}
p = expat.ParserCreate(intern=d)
p.EndElementHandler = lambda n: None
p.Parse(b"<q><r/></q>", True)
print(d)

print("== GetInputContext")
p = expat.ParserCreate()
def se(name, attrs):
    print(name, p.GetInputContext(), p.CurrentByteIndex)
p.StartElementHandler = se
p.Parse(b"<a><b x='1'/>text<c/></a>", True)
print(p.GetInputContext())

print("== SetBase / entity bases")
p = expat.ParserCreate()
p.SetBase("http://base/")
print(p.GetBase())
attach(p, ["EntityDeclHandler", "NotationDeclHandler", "UnparsedEntityDeclHandler", "ExternalEntityRefHandler"])
p.Parse(b'<!DOCTYPE d [<!ENTITY e SYSTEM "e.xml"><!ENTITY u SYSTEM "u.bin" NDATA n><!NOTATION n PUBLIC "p" "s">]><d>&e;</d>', True)

print("== external entity parser")
p = expat.ParserCreate()
def eer(context, base, sysid, pubid):
    print("EER", context, base, sysid, pubid)
    sub = p.ExternalEntityParserCreate(context)
    sub.StartElementHandler = lambda n, a: print("sub start", n, a)
    print("sub", sub.Parse(b"<?xml version='1.0' encoding='utf-8'?><inner k='v'>ext text</inner>", True))
    return 1
p.ExternalEntityRefHandler = eer
p.StartElementHandler = lambda n, a: print("start", n, a)
p.CharacterDataHandler = lambda s: print("data", repr(s))
p.Parse(b'<!DOCTYPE d [<!ENTITY e SYSTEM "e.xml">]><d>before&e;after</d>', True)

print("== buffer_text merging and buffer_size")
for bt in (False, True):
    p = expat.ParserCreate()
    p.buffer_text = bt
    chunks = []
    p.CharacterDataHandler = chunks.append
    p.Parse(b"<a>one\ntwo &amp; three&#65;<![CDATA[four]]>five<b/>six\r\nseven</a>", True)
    print(bt, chunks)
p = expat.ParserCreate()
p.buffer_text = True
p.buffer_size = 4
chunks = []
p.CharacterDataHandler = chunks.append
p.Parse(b"<a>abcdefgh\nij&amp;k</a>", True)
print(chunks, p.buffer_size)
p = expat.ParserCreate()
p.buffer_text = True
chunks = []
p.CharacterDataHandler = chunks.append
p.Parse(b"<a>x<b>y</b>z</a>", True)
print("no other handlers:", chunks)

print("== handler raising")
p = expat.ParserCreate()
def bad(name, attrs):
    raise ValueError("bad " + name)
p.StartElementHandler = bad
try:
    p.Parse(b"<a><b/></a>", True)
except ValueError as e:
    print("ValueError", e)
print(p.StartElementHandler, p.ErrorCode)
try:
    p.Parse(b"<a/>", True)
except expat.ExpatError as e:
    print("ExpatError", e)

print("== attribute value normalization with DTD types")
p = expat.ParserCreate()
p.StartElementHandler = lambda n, a: print(n, a)
p.Parse(b"""<!DOCTYPE d [<!ATTLIST d t NMTOKENS #IMPLIED c CDATA #IMPLIED i ID #IMPLIED>]>
<d t="  a   b\n c  " c="  a   b\n c  " i=" x " o="\r\n\t"/>""", True)

print("== misc handlers")
p = expat.ParserCreate()
attach(p, ["XmlDeclHandler", "StartDoctypeDeclHandler", "EndDoctypeDeclHandler", "CommentHandler", "ProcessingInstructionHandler"])
p.Parse(b"<?xml version='1.0'?><!DOCTYPE x><!--c\r\nd--><?p a\r\nb?><x/>", True)
p = expat.ParserCreate()
attach(p, ["XmlDeclHandler", "StartDoctypeDeclHandler"])
p.Parse(b"<?xml version='1.0' encoding='iso-8859-1' standalone='yes'?><!DOCTYPE x SYSTEM 'x.dtd'><x>\xe9</x>", True)
p = expat.ParserCreate()
p.CharacterDataHandler = lambda s: print(repr(s))
p.Parse(b"<?xml version='1.0' encoding='iso-8859-1'?><x>\xe9\xff</x>", True)
p = expat.ParserCreate()
p.CharacterDataHandler = lambda s: print(repr(s))
p.Parse("<x>\u20ac str input</x>", True)
p = expat.ParserCreate()
p.CharacterDataHandler = lambda s: print(repr(s))
p.Parse('<?xml version="1.0" encoding="utf-16"?><x>\u20ac utf16</x>'.encode("utf-16"), True)
p = expat.ParserCreate(encoding="UTF-16LE")
p.CharacterDataHandler = lambda s: print(repr(s))
p.Parse('<x>le</x>'.encode("utf-16-le"), True)
try:
    expat.ParserCreate(encoding="utf-16-le").Parse(b"<x/>", True)
except ValueError as e:
    print("ValueError", e)
try:
    expat.ParserCreate().Parse(b"<?xml version='1.0' encoding='nope'?><x/>", True)
except LookupError as e:
    print("LookupError", e)
p = expat.ParserCreate()
p.CharacterDataHandler = lambda s: print(repr(s))
p.Parse("<?xml version='1.0' encoding='cp1252'?><x>\x80\x93</x>".encode("latin-1"), True)
p = expat.ParserCreate(encoding="koi8-r")
p.CharacterDataHandler = lambda s: print(repr(s))
p.Parse(b"<x>\xc1\xc2</x>", True)
