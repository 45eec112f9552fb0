# Writes test/golden/parser/type_comments.ast: CPython 3.14's
# ast.dump(ast.parse(SOURCE, type_comments=True), include_attributes=True, indent=1) of
# test/corpus/parser/type_comments.pyi. Run from the repository root with CPython 3.14, e.g.
#   npm run build && node dist/tools/oracle/python.js test/parser/golden_type_comments.py
import ast

with open("test/corpus/parser/type_comments.pyi", "rb") as f:
    source = f.read()
tree = ast.parse(source, "type_comments.pyi", type_comments=True)
with open("test/golden/parser/type_comments.ast", "w") as f:
    f.write(ast.dump(tree, include_attributes=True, indent=1) + "\n")
