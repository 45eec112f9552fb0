x = 1
y = 2
if x:
# comment

y = 3
