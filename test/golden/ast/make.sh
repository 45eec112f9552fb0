#!/bin/sh
ROOT=$(pwd)
# Regenerates test/golden/ast/dump_options.txt with CPython 3.14 (the oracle):
#   npm run build && sh test/golden/ast/make.sh    (from the repository root)
# dump_options.txt: the source below dumped with several options; test/ast/dump.test.ts builds
# its tree by hand, node by node.
node "$ROOT/dist/tools/oracle/python.js" -c '
import ast
t = ast.parse("def f(a, *, k=None, **kw):\n    return {**d, 1: 2.5e20}\nx = b\"\\x00\" + \"it'"'"'s\" - 3j\nf(**{})\n")
print(ast.dump(t, include_attributes=True, indent=1))
print("====")
print(ast.dump(t))
print("====")
print(ast.dump(t, annotate_fields=False))
print("====")
print(ast.dump(t, annotate_fields=False, show_empty=True, indent="--"))
' > test/golden/ast/dump_options.txt
# nodes.txt: every node class of the ast module with its _fields, _attributes and the fields whose
# class default is None (optional), as Parser/Python.asdl must declare them.
node "$ROOT/dist/tools/oracle/python.js" -c '
import ast
def walk(cls):
    for sub in cls.__subclasses__():
        if sub.__module__ != "ast" or sub.__doc__ is None or "Deprecated" in (sub.__doc__ or ""):
            continue
        if sub.__name__ in ("slice", "Index", "ExtSlice", "Suite", "AugLoad", "AugStore", "Param"):
            continue
        opt = [n for n in sub._fields + sub._attributes if getattr(sub, n, ...) is None]
        print(sub.__name__, "fields=" + ",".join(sub._fields), "attributes=" + ",".join(sub._attributes), "optional=" + ",".join(opt))
        walk(sub)
walk(ast.AST)
' > test/golden/ast/nodes.txt
