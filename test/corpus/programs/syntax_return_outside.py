# A SyntaxError found by the compiler, not the parser.
print("never printed")
return 5
