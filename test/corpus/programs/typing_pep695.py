# PEP 695 syntax at run time: generic functions, classes and type aliases (the _typing intrinsics)
def f[T, *Ts, **P](x: T) -> T: return x
print(f.__type_params__, f(3))
class C[T: int, U: (str, bytes) = str]:
    pass
T, U = C.__type_params__
print(T, U, T.__bound__, U.__constraints__, U.__default__, T.has_default(), U.has_default(), C.__mro__, C.__parameters__, C.__orig_bases__)
type Alias[K] = list[K]
print(Alias, Alias.__value__, Alias.__type_params__, Alias[int])
type Simple = int | str
print(Simple.__value__)
print(C[int])
