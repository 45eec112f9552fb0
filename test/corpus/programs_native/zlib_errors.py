# zlib: CPython's error types and messages
import zlib

def t(label, f):
    try:
        r = f()
        print(label, "->", r if not isinstance(r, bytes) else len(r))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)

d = b"hello world" * 10
z = zlib.compress(d)
g = zlib.compress(d, wbits=31)
okc = []
for w in range(-20, 60):
    try:
        zlib.compress(d, wbits=w)
        okc.append(w)
    except zlib.error as e:
        if w in (-8, 0, 7, 16, 24, 48):
            print("compress", w, e)
    try:
        zlib.compressobj(wbits=w)
    except ValueError as e:
        if w in (-8, 24, 7):
            print("compressobj", w, e)
print(okc)
okd = []
for w in range(-20, 60):
    try:
        zlib.decompressobj(wbits=w)
        zlib._ZlibDecompressor(wbits=w)
        okd.append(w)
    except ValueError as e:
        if w in (-16, 7, 33, 48):
            print("decompressobj", w, e)
print(okd)
for w in (0, 16, 32, 8, 24, 40, -15):
    t(f"gzip data wbits={w}", lambda: zlib.decompress(g, wbits=w))
    t(f"zlib data wbits={w}", lambda: zlib.decompress(z, wbits=w))
t("level 10", lambda: zlib.compress(d, 10))
t("level -2", lambda: zlib.compress(d, -2))
t("level 2**31", lambda: zlib.compress(d, 2**31))
t("level float", lambda: zlib.compress(d, 1.5))
t("compressobj level", lambda: zlib.compressobj(10))
t("compressobj method", lambda: zlib.compressobj(method=7))
t("compressobj memLevel", lambda: zlib.compressobj(memLevel=10))
t("compressobj memLevel 0", lambda: zlib.compressobj(memLevel=0))
t("compressobj strategy", lambda: zlib.compressobj(strategy=5))
t("compressobj gzip zdict", lambda: zlib.compressobj(wbits=31, zdict=b"x"))
t("compressobj zdict str", lambda: zlib.compressobj(zdict="x"))
t("compressobj zdict None", lambda: zlib.compressobj(zdict=None))
t("decompressobj zdict str", lambda: zlib.decompressobj(zdict="x"))
t("decompressobj zdict None", lambda: zlib.decompressobj(zdict=None))
t("_ZlibDecompressor zdict", lambda: type(zlib._ZlibDecompressor(zdict="a")).__name__)
for mode in (6, 7, -1):
    t(f"flush({mode})", lambda: zlib.compressobj().flush(mode))
t("decompress bad wbits", lambda: zlib.decompress(b"x", wbits=7))
t("truncated", lambda: zlib.decompress(z[:-1]))
t("truncated more", lambda: zlib.decompress(z[:5]))
t("empty", lambda: zlib.decompress(b""))
t("not zlib", lambda: zlib.decompress(b"abc"))
t("bufsize -1", lambda: zlib.decompress(z, bufsize=-1))
t("gzip truncated", lambda: zlib.decompress(g[:-1], wbits=31))
for idx, val, name in ((-1, None, "length"), (-5, None, "crc"), (2, 7, "method"), (3, 0xE0, "flags")):
    b = bytearray(g)
    if val is None:
        b[idx] ^= 1
    else:
        b[idx] = val
    t(f"gzip bad {name}", lambda: zlib.decompress(bytes(b), wbits=31))
b = bytearray(z); b[-1] ^= 1
t("adler", lambda: zlib.decompress(bytes(b)))
b = bytearray(z); b[0] = 0x79
t("window", lambda: zlib.decompress(bytes(b)))
t("window too small", lambda: zlib.decompress(zlib.compress(d * 10, wbits=15), wbits=9))
t("raw zeros", lambda: zlib.decompress(b"\x00" * 10, -15))
t("bad block type", lambda: zlib.decompress(b"\x07\x00", -15))
t("str data", lambda: zlib.decompress("abc"))
t("str compress", lambda: zlib.compress("abc"))
t("str crc32", lambda: zlib.crc32("abc"))
t("crc32 no args", lambda: zlib.crc32())
t("crc32 kw", lambda: zlib.crc32(b"a", value=1))
t("compress kw data", lambda: zlib.compress(data=b"a"))
t("compress kw level", lambda: len(zlib.compress(b"a", level=1, wbits=-9)) > 0)
t("decompress too many", lambda: zlib.decompress(z, 15, 100, 5))
t("obj decompress str", lambda: zlib.decompressobj().decompress("a"))
t("obj decompress max -1", lambda: zlib.decompressobj().decompress(z, -1))
t("obj decompress bad", lambda: zlib.decompressobj().decompress(b"xyz"))
t("obj flush 0", lambda: zlib.decompressobj().flush(0))
t("obj flush -1", lambda: zlib.decompressobj().flush(-1))
t("obj decompress partial", lambda: zlib.decompressobj().decompress(b"\x78"))
t("new Compress", lambda: type(zlib.compressobj())())
t("new Decompress", lambda: type(zlib.decompressobj())())
t("_ZlibDecompressor bad", lambda: zlib._ZlibDecompressor().decompress(b"xyz"))
t("_ZlibDecompressor kw", lambda: zlib._ZlibDecompressor(wbits=-15, zdict=b"abc").decompress(b"\x03\x00"))
c = zlib.compressobj(); c.compress(b"x"); c.flush()
t("compress after flush", lambda: c.compress(b"y"))
t("flush after flush", lambda: c.flush(zlib.Z_SYNC_FLUSH))
t("copy after flush", lambda: c.copy())
t("compress no arg", lambda: zlib.compressobj().compress())
