x = f'{a:{b}
}'
y = f'{a!r:
}'
