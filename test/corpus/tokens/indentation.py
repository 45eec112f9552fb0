if a:
    b
    if c:
        d
        if e:
            f
    g
h
def f():
	if x:
		y
	z
class C:

    # comment at odd indent
  # comment less indented

    def m(self):
        pass



x = 1
if x:
        deep
        more
if y:
 one
