# Lists: indexing, slicing, mutation, sorting, comprehensions.
xs = [5, 3, 8, 1, 9, 2]
print(xs, len(xs), xs[0], xs[-1], xs[1:4], xs[::2], xs[::-1])
xs.append(7)
xs.insert(0, 0)
print(xs, xs.pop(), xs.pop(0), xs)
xs.sort()
print(xs, sorted(xs, reverse=True), xs.index(8), xs.count(3))
xs[1:3] = [10, 20, 30]
print(xs)
del xs[0]
print(xs, 20 in xs)
ys = xs + [100] * 3
print(ys, ys * 0)
print([x * x for x in range(10) if x % 2])
print([[i * j for j in range(3)] for i in range(3)])
grid = [[0] * 3 for _ in range(2)]
grid[0][1] = 5
print(grid)
print(list(range(5)), list("abc"), list(reversed([1, 2, 3])))
nums = [3, 1, 2]
nums.extend([9, 8])
nums.reverse()
print(nums, min(nums), max(nums), sum(nums))
print([1, [2, [3, []]]], [], [None, True, 1.5, "s"])
