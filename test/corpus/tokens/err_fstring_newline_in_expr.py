x = f'{a
}'
