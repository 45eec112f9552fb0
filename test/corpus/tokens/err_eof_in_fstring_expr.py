x = f'{a +
