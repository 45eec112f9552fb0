del []
x +
