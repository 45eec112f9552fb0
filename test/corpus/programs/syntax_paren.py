# A SyntaxError: nothing runs, the error points at the unclosed bracket.
print("never printed")
values = [1, 2,
          3, 4
total = sum(values)
