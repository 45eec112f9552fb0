def g():
    f'{yield}' +
