

# coding: latin-1
y = 1
