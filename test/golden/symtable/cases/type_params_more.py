class A[T, *Ts, **P](Base[T], metaclass=Meta[T]):
    def m[U](self, x: U, *a: *Ts, **k: P.kwargs) -> tuple[T, U]:
        return x
def f[T: (int, str), U: T = T, *Ts = *tuple[int], **P = [int]](x: T) -> U: ...
type Recursive[T] = list[Recursive[T]] | T
class B:
    type InClass[X: B = int] = dict[X, B]
    def g[Y](self) -> Y: ...
async def af[T](x: T) -> T:
    return await x
