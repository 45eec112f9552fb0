name = "world"
n = 3.14159
print(f"hello {name}")
print(f"{name!r:>10} {n:.2f} {n=}")
print(f"{'nested'} {name.upper()} {{literal}}")
print("%s and %r" % (name, n))
print("%d items" % 3)
print("multi"
      "line")
print("a" + "b" * 2)
x = t"template {name}"
doc = """
  indented
    doc
"""
