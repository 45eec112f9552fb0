x = 1 + \
    2
if a and \
   b:
    pass
\
x
y = [\
1]
  \

