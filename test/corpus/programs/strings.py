# str, repr, int parsing, len, simple string methods and f-strings.
s = "Hello, World"
print(s, len(s), s[0], s[-1], s[7:], s.upper(), s.lower())
print(repr(s), repr("it's"), repr('say "hi"'), repr("tab\tnew\nline"))
print(str(42), str(-3.5), str(None), str(True), str([1, "a"]), repr([1, "a"]))
print(int("123") + 1, int("-7"), int("ff", 16), int("  42  "), float("2.5"))
print("a" + "b" * 3, "-".join(["x", "y", "z"]), "a,b,,c".split(","), "  pad ".strip())
print(s.replace("World", "there"), s.find("o"), s.count("l"), s.startswith("Hell"))
name, n = "tython", 3
print(f"{name} has {n} stages? {n * 2}!", f"{3.14159:.2f}", f"{n!r:>5}|")
print("%d items at %s" % (5, "home"), "%5.1f|" % 2.25)
print(ord("A"), chr(97), "é", len("日本語"), "日本語"[1])
for ch in "abc":
    print(ch, end=" ")
print()
print("multi\nline", "end", sep=" | ")
