t'{a!r x}'
