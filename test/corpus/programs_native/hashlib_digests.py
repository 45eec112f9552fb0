# hashlib over _md5/_sha1/_sha2/_sha3: digests of many inputs, incremental updates, copy, attributes, errors
import hashlib, _md5, _sha1, _sha2, _sha3

def t(label, f):
    try:
        print(label, "->", f())
    except Exception as e:
        print(label, "!!", type(e).__name__, e)

big = bytes((i * 7 + (i >> 8)) & 0xff for i in range(300000))
inputs = [b"", b"abc", b"a" * 55, b"a" * 56, b"a" * 63, b"a" * 64, b"a" * 111, b"a" * 112, b"a" * 127, b"a" * 128,
          b"a" * 129, b"a" * 135, b"a" * 136, b"a" * 137, b"a" * 167, b"a" * 168, bytes(range(256)) * 41, big]
builtin = {"md5": _md5.md5, "sha1": _sha1.sha1, "sha224": _sha2.sha224, "sha256": _sha2.sha256, "sha384": _sha2.sha384,
           "sha512": _sha2.sha512, "sha3_224": _sha3.sha3_224, "sha3_256": _sha3.sha3_256, "sha3_384": _sha3.sha3_384,
           "sha3_512": _sha3.sha3_512, "shake_128": _sha3.shake_128, "shake_256": _sha3.shake_256}
names = ["md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3_224", "sha3_256", "sha3_384", "sha3_512"]
for name in names:
    for s in inputs:
        print(name, len(s), hashlib.new(name, s).hexdigest())
    h = hashlib.new(name)
    for i in range(0, len(big), 9973):
        h.update(big[i:i + 9973])
    c = h.copy()
    c.update(b"x")
    print(name, "incremental", h.hexdigest() == hashlib.new(name, big).hexdigest(), c.hexdigest() != h.hexdigest())
    b = builtin[name](big)
    print(name, h.name, h.digest_size, h.block_size, len(h.digest()), type(b).__name__, type(b).__module__, b.name, b.digest_size, b.block_size)
    print(name, b.hexdigest() == h.hexdigest(), b.copy().digest() == h.digest())
    one = hashlib.new(name)
    for b in inputs[16][:300]:
        one.update(bytes([b]))
    print(name, "bytewise", one.hexdigest() == hashlib.new(name, inputs[16][:300]).hexdigest())
for name in ("shake_128", "shake_256"):
    for s in inputs:
        h = hashlib.new(name, s)
        print(name, len(s), h.hexdigest(16), h.hexdigest(333)[-16:], h.digest(0))
    h = hashlib.new(name)
    h.update(big[:100000]); h.update(big[100000:])
    print(name, h.hexdigest(64) == hashlib.new(name, big).hexdigest(64), h.name, h.digest_size, h.block_size)
    b = builtin[name](big)
    print(name, b._capacity_bits, b._rate_bits, b._suffix, b.hexdigest(64) == h.hexdigest(64), type(b).__name__, b.digest_size)
    t("digest()", lambda: b.digest())
    t("digest(-1)", lambda: b.digest(-1))
    t("digest(2**40)", lambda: b.hexdigest(2**40))
    t("digest(length=3)", lambda: b.digest(length=3))
for name in ("sha3_224", "sha3_512"):
    h = getattr(_sha3, name)()
    print(name, h._capacity_bits, h._rate_bits, h._suffix)

print(hashlib.md5(b"a", usedforsecurity=False).hexdigest(), hashlib.sha256(data=b"a").hexdigest())
print(_md5.md5(string=b"b").hexdigest(), _sha2.sha512(b"q").hexdigest()[:16], _sha1.sha1(memoryview(b"mv")).hexdigest())
print(hashlib.sha256(bytearray(b"ba")).hexdigest() == hashlib.sha256(b"ba").hexdigest())
print(sorted(hashlib.algorithms_guaranteed))
print(hashlib.new("SHA256", b"x").name, hashlib.new("sha512", b"x", usedforsecurity=False).name)
t("str", lambda: hashlib.md5("abc"))
t("int", lambda: _md5.md5(1))
t("None", lambda: _sha1.sha1(None))
t("update str", lambda: hashlib.sha256().update("x"))
t("update None", lambda: _sha2.sha256().update(None))
t("sha3 str", lambda: _sha3.sha3_256("x"))
t("both", lambda: _md5.md5(b"a", string=b"b"))
t("sha3 both", lambda: _sha3.sha3_256(b"a", string=b"b"))
t("two positional", lambda: _md5.md5(b"a", True))
t("digest arg", lambda: _md5.md5().digest(1))
t("new type", lambda: type(_md5.md5())())
t("unknown", lambda: hashlib.new("nope"))
t("subclass", lambda: type("X", (_sha3.sha3_256,), {}))
t("sha3 via type", lambda: _sha3.sha3_256(b"abc").hexdigest())
t("update returns", lambda: _md5.md5().update(b"x"))
