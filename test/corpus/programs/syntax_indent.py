# An IndentationError: a block with no body.
def f():
return 1
