f'{x:{y'
