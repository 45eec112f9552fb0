f'{a!lf x}'
