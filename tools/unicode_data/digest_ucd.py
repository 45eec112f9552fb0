# Prints the golden digest of the whole Unicode database (test/golden/unicodedata_digest.json):
# an md5 per block of 0x1000 code points over every unicodedata answer (current and 3.2.0).
# test/modules/unicodedata.test.ts computes the same lines from tython's tables.
#   node dist/tools/oracle/python.js tools/unicode_data/digest_ucd.py > test/golden/unicodedata_digest.json
import hashlib, json, unicodedata as u

def hexs(s):
    return " ".join("%x" % ord(c) for c in s)

def line(db, c):
    ch = chr(c)
    num = db.numeric(ch, None)
    return "|".join(map(str, (db.category(ch), db.bidirectional(ch), db.combining(ch), db.east_asian_width(ch),
                              db.mirrored(ch), db.decimal(ch, -1), db.digit(ch, -1),
                              "-" if num is None else int(num * 1e6), db.decomposition(ch), db.name(ch, "-"),
                              hexs(db.normalize("NFC", ch)), hexs(db.normalize("NFD", ch)),
                              hexs(db.normalize("NFKC", ch)), hexs(db.normalize("NFKD", ch)))))

out = {"version": u.unidata_version, "current": [], "old": []}
for key, db in (("current", u), ("old", u.ucd_3_2_0)):
    for block in range(0, 0x110000, 0x1000):
        h = hashlib.md5()
        for c in range(block, block + 0x1000):
            h.update((line(db, c) + "\n").encode("utf-8"))
        out[key].append(h.hexdigest())
print(json.dumps(out, indent=0))
