# _blake2: blake2b/blake2s with every parameter, keyed and tree modes, incremental updates, and the parameter errors
import hashlib, _blake2

def t(label, f):
    try:
        print(label, "->", f())
    except Exception as e:
        print(label, "!!", type(e).__name__, e)

inputs = [b"", b"abc", b"a" * 63, b"a" * 64, b"a" * 65, b"a" * 127, b"a" * 128, b"a" * 129, bytes(range(256)) * 41]
for f in (_blake2.blake2b, _blake2.blake2s):
    print(f.__name__, f.SALT_SIZE, f.PERSON_SIZE, f.MAX_KEY_SIZE, f.MAX_DIGEST_SIZE)
    for s in inputs:
        print(f.__name__, len(s), f(s).hexdigest())
    for kw in ({"digest_size": 20}, {"key": b"secret"}, {"key": b"k" * f.MAX_KEY_SIZE}, {"salt": b"salty"}, {"person": b"me"},
               {"fanout": 0, "depth": 255, "leaf_size": 4096, "node_offset": 2**40, "node_depth": 3, "inner_size": 7},
               {"last_node": True}, {"digest_size": 1, "key": b"x", "salt": b"s" * f.SALT_SIZE, "person": b"p" * f.PERSON_SIZE},
               {"leaf_size": 2**32 - 1, "fanout": 255, "usedforsecurity": False}):
        for s in (b"", b"abc", inputs[-1]):
            h = f(s, **kw)
            print(f.__name__, sorted(kw), len(s), h.hexdigest(), h.digest_size, h.block_size, h.name)
    h = f(key=b"kk", digest_size=17)
    for i in range(0, len(inputs[-1]), 37):
        h.update(inputs[-1][i:i + 37])
    c = h.copy()
    print(h.hexdigest() == f(inputs[-1], key=b"kk", digest_size=17).hexdigest(), c.digest_size, c.hexdigest() == h.hexdigest())
    c.update(b"!")
    print(c.hexdigest() != h.hexdigest())
    print(f(data=b"x").hexdigest() == f(b"x").hexdigest() == f(string=b"x").hexdigest())
    print(hashlib.new(f.__name__, b"x", digest_size=8).hexdigest() == f(b"x", digest_size=8).hexdigest())
print(_blake2.BLAKE2B_SALT_SIZE, _blake2.BLAKE2B_PERSON_SIZE, _blake2.BLAKE2B_MAX_KEY_SIZE, _blake2.BLAKE2B_MAX_DIGEST_SIZE)
print(_blake2.BLAKE2S_SALT_SIZE, _blake2.BLAKE2S_PERSON_SIZE, _blake2.BLAKE2S_MAX_KEY_SIZE, _blake2.BLAKE2S_MAX_DIGEST_SIZE)
print(_blake2.blake2s(node_offset=2**48 - 1).hexdigest(), _blake2.blake2b(node_offset=2**64 - 1).hexdigest()[:32])
b2, b2s = _blake2.blake2b, _blake2.blake2s
t("ds 0", lambda: b2(digest_size=0))
t("ds 65", lambda: b2(digest_size=65))
t("s ds 33", lambda: b2s(digest_size=33))
t("key", lambda: b2(key=b"x" * 65))
t("s key", lambda: b2s(key=b"x" * 33))
t("salt", lambda: b2(salt=b"x" * 17))
t("s salt", lambda: b2s(salt=b"x" * 9))
t("person", lambda: b2(person=b"x" * 17))
t("fanout", lambda: b2(fanout=256))
t("fanout -1", lambda: b2(fanout=-1))
t("depth 0", lambda: b2(depth=0))
t("depth 256", lambda: b2(depth=256))
t("leaf", lambda: b2(leaf_size=2**32))
t("leaf -1", lambda: b2(leaf_size=-1))
t("s node_offset", lambda: b2s(node_offset=2**48))
t("node_offset 2**64", lambda: b2(node_offset=2**64))
t("node_offset -1", lambda: b2(node_offset=-1))
t("node_depth", lambda: b2(node_depth=256))
t("inner", lambda: b2(inner_size=65))
t("s inner", lambda: b2s(inner_size=33))
t("key str", lambda: b2(key="abc"))
t("salt str", lambda: b2(salt="abc"))
t("data str", lambda: b2("abc"))
t("two positional", lambda: b2(b"x", 32))
t("both", lambda: b2(b"x", string=b"y"))
t("unknown kw", lambda: b2(b"x", size=3))
t("subclass", lambda: type("X", (b2,), {}))
t("update int", lambda: b2().update(3))
t("digest_size float", lambda: b2(digest_size=3.0))
