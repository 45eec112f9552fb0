# Recursion: Fibonacci, factorial with big ints, Ackermann, mutual recursion, Hanoi.
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))


def is_even(n):
    return True if n == 0 else is_odd(n - 1)


def is_odd(n):
    return False if n == 0 else is_even(n - 1)


moves = []


def hanoi(n, a, b, c):
    if n:
        hanoi(n - 1, a, c, b)
        moves.append((a, c))
        hanoi(n - 1, b, a, c)


print([fib(i) for i in range(15)])
print(fact(30))
print(ack(2, 3))
print(is_even(100), is_odd(7))
hanoi(5, "A", "B", "C")
print(len(moves), moves[:4])
