#!/bin/sh
# Regenerates the symbol-table goldens from CPython 3.14 (the oracle), run from the repo root:
#   npm run build && sh test/golden/symtable/make.sh
# For each cases/NAME.py: NAME.txt is dump.py's `symtable` output and NAME.ast.json CPython's
# AST of the file when ast.parse accepts it (so test/symtable/ tests the symbol table on CPython's own trees),
# and NAME.dump.txt its ast.dump() (test/ast/ checks our dump of that tree).
# modes.txt: dump.py's format for sources compiled in "eval" and "single" mode (modes.json).
set -e
ROOT=$(pwd)
cd test/golden/symtable/cases
node "$ROOT/dist/tools/oracle/python.js" -c '
import ast, contextlib, glob, importlib.util, io, json
spec = importlib.util.spec_from_file_location("dump", "'"$ROOT"'/tools/oracle/dump.py")
dump = importlib.util.module_from_spec(spec)
spec.loader.exec_module(dump)
def conv(v):
    if isinstance(v, ast.AST):
        d = {"_": type(v).__name__}
        for f in v._fields: d[f] = conv(getattr(v, f, None))
        for f in v._attributes: d[f] = getattr(v, f, None)
        return d
    if isinstance(v, list): return [conv(x) for x in v]
    if v is None: return None
    if v is Ellipsis: return {"$": "Ellipsis"}
    if isinstance(v, bool): return {"$": "bool", "v": v}
    if isinstance(v, int): return {"$": "int", "v": str(v)}
    if isinstance(v, float): return {"$": "float", "v": v.hex()}
    if isinstance(v, complex): return {"$": "complex", "re": v.real.hex(), "im": v.imag.hex()}
    if isinstance(v, bytes): return {"$": "bytes", "v": v.hex()}
    return v
for path in sorted(glob.glob("*.py")):
    with open(path, "rb") as f:
        source = f.read()
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        dump.main(["symtable", path])
    with open(path[:-3] + ".txt", "w") as f:
        f.write(out.getvalue())
    try:
        tree = ast.parse(source, path)
    except SyntaxError:
        continue  # e.g. future feature errors, which ast.parse reports too
    with open(path[:-3] + ".ast.json", "w") as f:
        json.dump(conv(tree), f, separators=(",", ":"))
        f.write("\n")
    with open(path[:-3] + ".dump.txt", "w") as f:
        f.write(ast.dump(tree) + "\n")
with open("../modes.json") as f:
    sources = json.load(f)
out = io.StringIO()
with contextlib.redirect_stdout(out):
    for mode, src in sources:
        print("==> %s %r <==" % (mode, src))
        try:
            top = dump.symtable.symtable(src, "<m>", mode)
            def walk(table, depth):
                pad = "  " * depth
                print("%s%s %s line %d%s" % (pad, table.get_type().name, table.get_name(), table.get_lineno(), " optimized" if table.is_optimized() else ""))
                for sym in sorted(table.get_symbols(), key=lambda s: s.get_name()):
                    flags = [f for f in dump.SYMBOL_FLAGS if getattr(sym, "is_" + f)()]
                    print("%s  %s: %s" % (pad, sym.get_name(), " ".join(flags)))
                for child in table.get_children():
                    walk(child, depth + 1)
            walk(top, 0)
        except SyntaxError as e:
            print(dump.syntax_error_line(e))
with open("../modes.txt", "w") as f:
    f.write(out.getvalue())
'
