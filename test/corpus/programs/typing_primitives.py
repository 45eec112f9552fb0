# _typing: TypeVar, ParamSpec, TypeVarTuple, TypeAliasType, Generic, NoDefault (attributes, reprs, errors)
import _typing as T
print(sorted(n for n in dir(T) if not n.startswith('__')))
X = T.TypeVar('X'); print(repr(X), X.__name__, X.__bound__, X.__constraints__, X.__covariant__, X.__default__, X.has_default(), X.__module__, X.evaluate_bound, X.evaluate_default)
Y = T.TypeVar('Y', bound=int, covariant=True); print(repr(Y), Y.__bound__, repr(T.TypeVar('Z', int, str, contravariant=True)), repr(T.TypeVar('W', infer_variance=True)))
for f in [lambda: T.TypeVar('a', covariant=True, contravariant=True), lambda: T.TypeVar('a', int), lambda: T.TypeVar('a', int, str, bound=int), lambda: T.TypeVar('a', infer_variance=True, covariant=True), lambda: T.TypeVar(1)]:
  try: f()
  except Exception as e: print(type(e).__name__, e)
P = T.ParamSpec('P'); print(repr(P), repr(P.args), repr(P.kwargs), P.args.__origin__ is P, P.args == P.args, type(P.args).__name__)
A = T.TypeAliasType('A', int); print(repr(A), A.__value__, A.__type_params__, A.__parameters__, A.__module__, A.__name__)
try: A[int]
except Exception as e: print(type(e).__name__, e)
print(repr(T.NoDefault), type(T.NoDefault).__name__, T._idfunc(2), T.Union, T.Generic, T.Generic.__module__, T.Generic.__mro__)
print(X.__reduce__(), P.__reduce__())
try:
  class C(X): pass
except Exception as e: print(type(e).__name__, e)
print(type(X).__module__, type(X).__name__, type(X).__qualname__)
print(sorted(vars(T.Generic)))
print(T.TypeVar('X', bound=int).evaluate_bound, T.TypeVar('X', int, str).__constraints__, T.TypeVar('X', default=int).__default__, T.TypeVar('X', default=None).__default__)
print(repr(T.ParamSpec('Q', covariant=True)), T.TypeVarTuple('Ts', default=int).__default__)
print(T.TypeAliasType.__module__, T.ParamSpecArgs.__module__, type(T.NoDefault).__module__)
try: T.TypeAliasType('A', int, type_params=(1,))
except Exception as e: print(type(e).__name__, e)
X.__module__ = 'm'; print(X.__module__)
X.foo = 1; print(X.foo, hash(X) == hash(X), X == X, X != T.TypeVar('X'))
