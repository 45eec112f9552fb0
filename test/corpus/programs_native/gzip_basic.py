# gzip over zlib: compress/decompress, multi-member, GzipFile write/read on BytesIO, errors
import gzip, io, zlib
data = b"".join(b"line %d\n" % i for i in range(5000))
c = gzip.compress(data, mtime=0)
print(c[:10], gzip.decompress(c) == data)
print(gzip.decompress(c + gzip.compress(b"second", mtime=0)) [-6:])
buf = io.BytesIO()
with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0) as f:
    for i in range(100):
        f.write(data[i*100:(i+1)*100])
print(gzip.decompress(buf.getvalue()) == data[:10000])
buf.seek(0)
with gzip.GzipFile(fileobj=buf) as f:
    print(f.read(10), len(f.read()), f.read())
buf.seek(0)
with gzip.GzipFile(fileobj=buf) as f:
    print(f.readline(), sum(1 for _ in f))
try:
    gzip.decompress(c[:-3])
except Exception as e:
    print(type(e).__name__, e)
try:
    gzip.decompress(b"not gzip data")
except Exception as e:
    print(type(e).__name__, e)
