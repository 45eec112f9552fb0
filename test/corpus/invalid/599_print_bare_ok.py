print
print -1
