# Dumps CPython's Unicode database (unicodedata and the str methods that depend on it) as one JSON
# object on stdout; tools/unicode_data/index.ts turns it into src/modules/unicodedata_db.generated.ts.
# Run under the reference (CPython 3.14 in pyodide) by the generator.
import json
import unicodedata as u

MAX = 0x110000
old = u.ucd_3_2_0


def flags(ch):
    # the str predicates, one bit each
    f = 0
    for i, pred in enumerate((ch.isalpha(), ch.isdecimal(), ch.isdigit(), ch.isnumeric(), ch.isspace(),
                              ch.isprintable(), ch.isupper(), ch.islower(), ch.istitle(), ch.isidentifier(),
                              ("a" + ch).isidentifier(), ch.isalnum())):
        if pred:
            f |= 1 << i
    return f


keys = {}
key_list = []
runs = []  # [length, key index] pairs
prev = None
decomp = []
names = []
cases = []
for c in range(MAX):
    ch = chr(c)
    num = u.numeric(ch, None)
    nk = ""
    if num is not None:
        nk = repr(num)
    key = (u.category(ch), u.bidirectional(ch), u.combining(ch), u.east_asian_width(ch), u.mirrored(ch),
           u.decimal(ch, -1), u.digit(ch, -1), nk, flags(ch))
    k = keys.get(key)
    if k is None:
        k = keys[key] = len(key_list)
        key_list.append(key)
    if k == prev:
        runs[-1][0] += 1
    else:
        runs.append([1, k])
        prev = k
    d = u.decomposition(ch)
    if d:
        decomp.append([c, d])
    n = u.name(ch, None)
    if n is not None:
        names.append([c, n])
    m = (ch.lower(), ch.upper(), ch.title(), ch.casefold())
    if m != (ch, ch, ch, ch):
        cases.append([c] + [x if x != ch else None for x in m])

# name aliases (U+F0000...) and named sequences (U+F0200...): namereplace reveals their names
aliases = []
for i in range(0x200):
    r = chr(0xF0000 + i).encode("ascii", "namereplace").decode()
    if not r.startswith("\\N{"):
        break
    name = r[3:-1]
    aliases.append([name, ord(u.lookup(name))])
sequences = []
for i in range(0x300):
    r = chr(0xF0200 + i).encode("ascii", "namereplace").decode()
    if not r.startswith("\\N{"):
        break
    name = r[3:-1]
    sequences.append([name, [ord(x) for x in u.lookup(name)]])

# names whose lookup() fails (CPython computes some names it cannot look up)
unlookupable = []
for c, n in names:
    try:
        if u.lookup(n) != chr(c):
            unlookupable.append(c)
    except KeyError:
        unlookupable.append(c)

# composition: canonical pairs that NFC does not recompose (exclusions, singletons, non-starters)
exclusions = []
for c, d in decomp:
    if d.startswith("<"):
        continue
    parts = [int(x, 16) for x in d.split()]
    if len(parts) == 2 and u.normalize("NFC", "".join(map(chr, parts))) != chr(c):
        exclusions.append(c)

# the 3.2.0 database (ucd_3_2_0): every code point whose properties or normalization differ
old_diff = []
for c in range(MAX):
    ch = chr(c)
    a = (old.category(ch), old.bidirectional(ch), old.east_asian_width(ch), old.mirrored(ch),
         old.decimal(ch, -1), old.digit(ch, -1), repr(old.numeric(ch, None)), old.decomposition(ch),
         old.combining(ch))
    b = (u.category(ch), u.bidirectional(ch), u.east_asian_width(ch), u.mirrored(ch),
         u.decimal(ch, -1), u.digit(ch, -1), repr(u.numeric(ch, None)), u.decomposition(ch), u.combining(ch))
    nf = [old.normalize(f, ch) for f in ("NFC", "NFD", "NFKC", "NFKD")]
    nn = [u.normalize(f, ch) for f in ("NFC", "NFD", "NFKC", "NFKD")]
    if a != b or nf != nn:
        old_diff.append([c, list(a), None if nf == nn else [[ord(x) for x in s] for s in nf]])

json.dump({
    "version": u.unidata_version,
    "keys": [list(k) for k in key_list],
    "runs": runs,
    "decomp": decomp,
    "names": names,
    "cases": cases,
    "aliases": aliases,
    "sequences": sequences,
    "unlookupable": unlookupable,
    "exclusions": exclusions,
    "old": old_diff,
}, __import__("sys").stdout, separators=(",", ":"))
