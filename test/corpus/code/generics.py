type Alias = list[int]
type Gen[T] = dict[str, T]
def first[T](xs: list[T]) -> T:
    return xs[0]
class Box[T: (int, str), *Ts, **P]:
    item: T
    def get(self) -> T:
        return self.item
class Sub(Box[int]):
    pass
def defaults[T = int, U: str = "x"](a: T, b: U = None) -> None: ...
