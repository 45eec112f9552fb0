s = list(range(10))
print(s[1:5], s[::-1], s[2:], s[:3], s[1:8:2], s[-3:])
s[2:4] = [0, 0]
del s[5:7]
s[0] += 1
s[1:3] += [9]
d = {"a": 1}
d["a"] += 2
del d["a"]
class O: pass
o = O()
o.x = 1
o.x += 1
del o.x
first, *middle, last = s
(a, b), c = (1, 2), 3
print(first, middle, last, a, b, c)
