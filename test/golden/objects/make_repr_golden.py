# Produces test/golden/objects/repr.json (expected reprs for test/objects/repr.test.ts). Regenerate:
#   npm run build && node dist/tools/oracle/python.js test/golden/objects/make_repr_golden.py > test/golden/objects/repr.json
import json, math, random, struct

rnd = random.Random(1234)
out = {"str": [], "float": [], "complex": [], "bytes": [], "int": []}

# str: every BMP code point in chunks, astral samples, lone surrogates, quote mixes
for start in range(0, 0x10000, 64):
    s = "".join(chr(c) for c in range(start, start + 64))
    out["str"].append([[ord(c) for c in s], repr(s)])
for _ in range(300):
    cps = [rnd.randrange(0x10000, 0x110000) for _ in range(8)]
    out["str"].append([cps, repr("".join(map(chr, cps)))])
for s in ["", "'", '"', "'\"", "a'b", 'a"b', "\\", "\t\n\r\x00\x7f", "\ud800\udc00", "\udfff", "\ud800x"]:
    out["str"].append([[ord(c) for c in s], repr(s)])

floats = [0.0, -0.0, 1.0, -1.0, 0.1, 1e16, 1e15, 9999999999999998.0, 1e-4, 1e-5, 0.00012345,
          1e22, 1e21, 5e-324, 1.7976931348623157e308, float("inf"), float("-inf"), float("nan"),
          123456789012345678.0, 1.5, 2.5e-7, 1e100, 1e-100, 3.14159, 100.0, 1234567.0]
for _ in range(2000):
    floats.append(struct.unpack("<d", struct.pack("<Q", rnd.getrandbits(64)))[0])
for _ in range(500):
    floats.append(rnd.uniform(-1e6, 1e6))
    floats.append(round(rnd.uniform(-1e3, 1e3), rnd.randrange(0, 6)))
    floats.append(float(rnd.randrange(-10**18, 10**18)))
for x in floats:
    if math.isnan(x):
        x = float("nan")
    out["float"].append([struct.pack("<d", x).hex(), repr(x)])

parts = [0.0, -0.0, 1.0, -2.5, 1e16, 1e-5, float("inf"), float("-inf"), float("nan"), 3.0, 1e300]
for a in parts:
    for b in parts:
        out["complex"].append([struct.pack("<d", a).hex(), struct.pack("<d", b).hex(), repr(complex(a, b))])

for _ in range(200):
    b = bytes(rnd.randrange(256) for _ in range(rnd.randrange(0, 12)))
    out["bytes"].append([b.hex(), repr(b)])
for b in [b"", b"'", b'"', b"'\"", bytes(range(256))]:
    out["bytes"].append([b.hex(), repr(b)])

for _ in range(200):
    n = rnd.randrange(-10**rnd.randrange(1, 60), 10**rnd.randrange(1, 60))
    out["int"].append([str(n), repr(n)])

print(json.dumps(out))
