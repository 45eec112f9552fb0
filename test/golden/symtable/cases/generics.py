def first[T](xs: list[T]) -> T:
    return xs[0]
def bounded[T: int, *Ts, **P](a: T = 1, *, k: int = 2) -> None:
    pass
class Box[T: (int, str) = int]:
    def get(self) -> T:
        return self.value
    type Alias[U] = dict[T, U]
    class Nested[V]:
        pass
type Pair[K, V = str] = tuple[K, V]
type Simple = int
class __Priv[__X]:
    __y: __X
