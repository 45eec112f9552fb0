# A SyntaxError in the middle of a line.
x = 1
y = x +* 2
