for x, in y: pass
for (a, b()) in c: pass
