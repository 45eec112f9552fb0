@x
@
def f(): pass
