x = f'{1 +}' 'abc
