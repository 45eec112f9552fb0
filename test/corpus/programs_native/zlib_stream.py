# zlib: one-shot and incremental compression/decompression, all container formats, checksums
import zlib

def show(label, f):
    try:
        r = f()
        print(label, "->", r)
    except Exception as e:
        print(label, "!!", type(e).__name__, e)

data = b"".join(str(i).encode() * (i % 7) for i in range(3000))
text = b"hello world " * 500
rnd = bytes((i * 7919 + (i >> 3) * 104729) % 251 for i in range(70000))

print(zlib.MAX_WBITS, zlib.DEFLATED, zlib.DEF_MEM_LEVEL, zlib.DEF_BUF_SIZE)
print(zlib.Z_NO_COMPRESSION, zlib.Z_BEST_SPEED, zlib.Z_BEST_COMPRESSION, zlib.Z_DEFAULT_COMPRESSION)
print(zlib.Z_FILTERED, zlib.Z_HUFFMAN_ONLY, zlib.Z_RLE, zlib.Z_FIXED, zlib.Z_DEFAULT_STRATEGY)
print(zlib.Z_NO_FLUSH, zlib.Z_PARTIAL_FLUSH, zlib.Z_SYNC_FLUSH, zlib.Z_FULL_FLUSH, zlib.Z_FINISH, zlib.Z_BLOCK, zlib.Z_TREES)
print(type(zlib.ZLIB_VERSION).__name__, type(zlib.ZLIB_RUNTIME_VERSION).__name__, zlib.__version__)
print(zlib.error.__module__, zlib.error.__mro__[1].__name__)

# checksums, with start values
for s in (b"", b"a", b"abc", data, rnd):
    print(zlib.crc32(s), zlib.adler32(s), zlib.crc32(s, 12345), zlib.adler32(s, 0), zlib.adler32(s, 0xFFFFFFFF))
print(zlib.crc32(b"abc", -1), zlib.crc32(b"abc", 2**32 + 5), zlib.adler32(b"abc", -1), zlib.crc32(b"abc", 2**70))
print(zlib.crc32(rnd[:1000], zlib.crc32(rnd[1000:])) == zlib.crc32(rnd), zlib.crc32(rnd[1000:], zlib.crc32(rnd[:1000])) == zlib.crc32(rnd))
print(zlib.adler32(rnd[1000:], zlib.adler32(rnd[:1000])) == zlib.adler32(rnd))
print(zlib.crc32(memoryview(b"xyz")), zlib.adler32(bytearray(b"xyz")))

# one-shot round trips over every level and container
for src in (b"", b"x", data, text, rnd):
    for level in (-1, 0, 1, 5, 9):
        for wbits in (15, 9, -15, -9, 31, 25):
            c = zlib.compress(src, level, wbits)
            ok = zlib.decompress(c, wbits) == src
            if wbits > 0 and wbits < 16:
                ok = ok and zlib.decompress(c, wbits + 32) == src and zlib.decompress(c, 0) == src
                ok = ok and c[0] & 0x0f == 8 and ((c[0] << 8) | c[1]) % 31 == 0
            if wbits > 16:
                ok = ok and zlib.decompress(c, 47) == src and zlib.decompress(c, 16) == src and c[:3] == b"\x1f\x8b\x08"
                ok = ok and int.from_bytes(c[-4:], "little") == len(src) and int.from_bytes(c[-8:-4], "little") == zlib.crc32(src)
            if not ok:
                print("FAIL", len(src), level, wbits)
print("one-shot ok")
print(zlib.decompress(zlib.compress(text), bufsize=0) == text, zlib.decompress(zlib.compress(text), bufsize=1) == text)
print(zlib.decompress(zlib.compress(text, level=9, wbits=-12), wbits=-12) == text)
print(zlib.compress(b"", 0)[:2], zlib.compress(b"abc", wbits=31)[:4], zlib.compress(b"abc", wbits=-15)[:1] != b"")

# known streams from stock zlib
print(zlib.decompress(b"x\x9cK\xcb\xcf\x07\x00\x02\x82\x01E"))
print(zlib.decompress(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xffK\xcb\xcf\x07\x00!es\x8c\x03\x00\x00\x00", 31))
# a gzip header with FEXTRA, FNAME, FCOMMENT and FHCRC
import struct
body = zlib.compress(b"payload!", 9, -15)
hdr = b"\x1f\x8b\x08" + bytes([0x1e]) + b"\x00\x00\x00\x00\x00\x03" + struct.pack("<H", 3) + b"abc" + b"name\x00" + b"comm\x00"
hdr += struct.pack("<H", zlib.crc32(hdr) & 0xffff)
member = hdr + body + struct.pack("<II", zlib.crc32(b"payload!"), 8)
print(zlib.decompress(member, 31), zlib.decompress(member, 47))
bad = bytearray(member); bad[len(hdr) - 1] ^= 1
show("hcrc", lambda: zlib.decompress(bytes(bad), 31))
# incremental, one byte at a time through the header
d = zlib.decompressobj(31)
out = b"".join(d.decompress(member[i:i + 1]) for i in range(len(member)))
print(out, d.eof, d.unused_data)
# two members: decompress stops at the first, the rest is unused_data
two = zlib.compress(b"first", wbits=31) + zlib.compress(b"second", wbits=31)
d = zlib.decompressobj(31)
print(d.decompress(two), d.eof, zlib.decompress(d.unused_data, 31))
print(zlib.decompress(two, 31))
d = zlib.decompressobj(47)
print(d.decompress(two), d.eof, len(d.unused_data) > 0)

# compressobj with flush modes, decompressed incrementally
for level in (0, 1, 6, 9):
    for strategy in (zlib.Z_DEFAULT_STRATEGY, zlib.Z_FILTERED, zlib.Z_HUFFMAN_ONLY, zlib.Z_RLE, zlib.Z_FIXED):
        for wbits in (15, -15, 31, 9):
            c = zlib.compressobj(level, zlib.DEFLATED, wbits, 9 if level == 9 else 8, strategy)
            parts = []
            for i, mode in enumerate((zlib.Z_NO_FLUSH, zlib.Z_SYNC_FLUSH, zlib.Z_FULL_FLUSH, zlib.Z_PARTIAL_FLUSH, zlib.Z_BLOCK)):
                parts.append(c.compress(data[i * 2000:(i + 1) * 2000]))
                parts.append(c.flush(mode))
            parts.append(c.compress(data[10000:]))
            parts.append(c.flush())
            comp = b"".join(parts)
            d = zlib.decompressobj(wbits)
            got = b"".join(d.decompress(comp[i:i + 997]) for i in range(0, len(comp), 997)) + d.flush()
            if got != data or not d.eof or d.unused_data != b"" or d.unconsumed_tail != b"":
                print("FAIL stream", level, strategy, wbits)
print("streams ok")

# a sync flush makes everything so far decodable
c = zlib.compressobj()
d = zlib.decompressobj()
for piece in (b"alpha ", b"beta ", b"gamma"):
    x = c.compress(piece) + c.flush(zlib.Z_SYNC_FLUSH)
    print(x[-4:], d.decompress(x), d.eof)
print(d.decompress(c.flush()), d.eof)
print(c.flush(zlib.Z_NO_FLUSH))
show("compress after finish", lambda: c.compress(b"x"))
show("flush after finish", lambda: c.flush())
show("copy after finish", lambda: c.copy())

# max_length and unconsumed_tail
comp = zlib.compress(rnd + data)
d = zlib.decompressobj()
chunks = []
chunk = d.decompress(comp, 100)
while chunk:
    chunks.append(chunk)
    if len(chunk) > 100:
        print("too long")
    chunk = d.decompress(d.unconsumed_tail, 100)
print(b"".join(chunks) == rnd + data, d.eof, d.unconsumed_tail, len(chunks))
d = zlib.decompressobj()
x = d.decompress(comp, 1000)
y = d.flush()
print(len(x), x + y == rnd + data, d.eof, d.unconsumed_tail)
show("max_length -1", lambda: zlib.decompressobj().decompress(comp, -1))
show("flush 0", lambda: zlib.decompressobj().flush(0))

# unused data, and data after the end
d = zlib.decompressobj()
print(d.decompress(zlib.compress(b"abc") + b"tail"), d.eof, d.unused_data, d.unconsumed_tail)
print(d.decompress(b"more"), d.unused_data)
d = zlib.decompressobj()
print(d.decompress(zlib.compress(b"abc")), d.eof, d.unused_data)
d = zlib.decompressobj()
z = zlib.compress(b"abcdef" * 100)
print(d.decompress(z[:-4]), d.eof)
print(len(d.decompress(z[-4:] + b"X")), d.eof, d.unused_data)
print(zlib.decompress(zlib.compress(b"abc") + b"garbage"))

# copy
c = zlib.compressobj(zdict=b"hello world")
p1 = c.compress(text[:3000])
c2 = c.copy()
a = p1 + c.compress(b"ONE" + text[3000:]) + c.flush()
b = p1 + c2.compress(b"ONE" + text[3000:]) + c2.flush()
print(a == b, zlib.decompressobj(zdict=b"hello world").decompress(a) == text[:3000] + b"ONE" + text[3000:])
import copy
c = zlib.compressobj()
x = c.compress(data)
c3 = copy.copy(c); c4 = copy.deepcopy(c)
print(x + c3.flush() == x + c4.flush() == x + c.flush())
d = zlib.decompressobj()
comp = zlib.compress(data)
h = d.decompress(comp[:500], 300)
d2 = d.copy()
r1 = h + d.decompress(d.unconsumed_tail + comp[500:])
r2 = h + d2.decompress(d2.unconsumed_tail + comp[500:])
print(r1 == r2 == data, d.eof, d2.eof)
d3 = copy.copy(d)
print(d3.eof, d3.unused_data)
d.flush()
show("copy after flush", lambda: d.copy())

# zdict
c = zlib.compressobj(zdict=b"hello world")
zd = c.compress(text) + c.flush()
show("zdict missing", lambda: zlib.decompress(zd))
show("zdict missing obj", lambda: zlib.decompressobj().decompress(zd))
show("zdict wrong", lambda: zlib.decompressobj(zdict=b"wrong").decompress(zd))
print(zlib.decompressobj(zdict=b"hello world").decompress(zd) == text)
print(zlib.decompressobj(zdict=bytearray(b"hello world")).decompress(zd) == text)
c = zlib.compressobj(wbits=-15, zdict=b"hello world")
zr = c.compress(text) + c.flush()
print(zlib.decompressobj(-15, zdict=b"hello world").decompress(zr) == text)
print(zlib.decompressobj(zdict=b"").decompress(zlib.compress(b"x")))

# _ZlibDecompressor (used by gzip)
zc = zlib.compress(b"abcdef" * 1000)
d = zlib._ZlibDecompressor()
print(d.needs_input, d.eof, d.unused_data)
r = d.decompress(zc + b"tail", 10)
print(r, d.needs_input, d.eof, d.unused_data)
r = d.decompress(b"", 5990)
print(len(r), d.needs_input, d.eof, d.unused_data)
show("after eof", lambda: d.decompress(b""))
d = zlib._ZlibDecompressor(wbits=31)
g = zlib.compress(text, wbits=31)
out = b""
for i in range(0, len(g), 50):
    out += d.decompress(g[i:i + 50])
print(out == text, d.eof, d.needs_input)
d = zlib._ZlibDecompressor()
print(d.decompress(zc[:20]) != b"", d.needs_input, d.eof)
print(d.decompress(zc[20:], 0), d.needs_input)
print(len(d.decompress(b"")), d.eof)
print(type(zlib.compressobj()).__name__, type(zlib.decompressobj()).__name__, zlib._ZlibDecompressor.__name__)
