#!/bin/sh
# Regenerates test/golden/ast/dump_options.txt with CPython 3.14 (the oracle):
#   cd /work/main && sh test/golden/ast/make.sh
# The source below is built by hand, node by node, in test/ast/dump.test.ts.
node /work/shared/oracle/python.mjs -c '
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
