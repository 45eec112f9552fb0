x = f'\N{nope}{1}'
