if a:
 if b:
  if c:
   x
y
