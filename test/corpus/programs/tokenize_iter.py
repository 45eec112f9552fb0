# _tokenize.TokenizerIter: tokenize-mode and parser-mode tokens, bytes lines with an encoding, errors and their locations
import _tokenize
class R:
    def __init__(self, s): self.lines = s.splitlines(True); self.i = 0
    def readline(self):
        if self.i >= len(self.lines): return ''
        self.i += 1; return self.lines[self.i - 1]
class RB(R):
    def readline(self):
        return super().readline().encode()
src = 'x = 1 # c\nif x:\n    y = "é" + f"{x!r:>3}"\n'
for t in _tokenize.TokenizerIter(R(src).readline, extra_tokens=True): print(t)
for t in _tokenize.TokenizerIter(R(src).readline, extra_tokens=False): print(t)
for t in _tokenize.TokenizerIter(RB(src).readline, extra_tokens=True, encoding='utf-8'): print(t)
for s in ['x = (1,\n', 'x = "abc\n', 'if x:\n  a\n b\n', '"""abc\n', 'x = 1\n\t\n', '0x\n', 'a\\\n', 'x = $\n', 'a\n\n  # c\nb']:
  try:
    for t in _tokenize.TokenizerIter(R(s).readline, extra_tokens=True): print(t)
    print('ok')
  except Exception as e: print(type(e).__name__, e.args, e.lineno, e.offset, getattr(e,'end_lineno',None), getattr(e,'end_offset',None), repr(e.text))
try: _tokenize.TokenizerIter(lambda: 1, extra_tokens=True).__next__()
except Exception as e: print(type(e).__name__, e.args)
try: _tokenize.TokenizerIter(1)
except Exception as e: print(type(e).__name__, e.args)
def gen():
    yield 'a = 1\n'
it = gen()
print(list(_tokenize.TokenizerIter(it.__next__, extra_tokens=True)))
