f() = 1
x = 'unterminated
