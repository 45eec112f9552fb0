# _symtable: the compiler's symbol tables as symtable entries (flags, scopes, children), constants and errors
import _symtable
print({n: getattr(_symtable, n) for n in dir(_symtable) if n.isupper()})
t = _symtable.symtable('def f(x):\n  return x\nclass C: pass\n[y for y in z]\n', 'f.py', 'exec')
print(type(t).__name__, t.type, t.name, t.lineno, t.nested, t.varnames, t.symbols)
for c in t.children: print(c.name, c.type, c.lineno, c.nested, c.varnames, c.symbols, [g.name for g in c.children])
print(t.children[0].id == t.children[0].id, t.id != t.children[0].id, type(t.id))
for bad in [('x', 'f', 'bad'), (1, 'f', 'exec'), ('x +', 'f', 'exec')]:
    try: _symtable.symtable(*bad)
    except Exception as e: print(type(e).__name__, e)
