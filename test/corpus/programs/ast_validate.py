# compile() of hand-built trees: obj2ast's field errors and the validator's (Python/ast.c) messages
import _ast as A

L = dict(lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)

def name(id, ctx=None):
    return A.Name(id=id, ctx=ctx or A.Load(), **L)

def const(v):
    return A.Constant(value=v, **L)

def expr(e):
    return A.Module(body=[A.Expr(value=e, **L)], type_ignores=[])

def stmt(s):
    return A.Module(body=[s], type_ignores=[])

def args(**kw):
    d = dict(posonlyargs=[], args=[], vararg=None, kwonlyargs=[], kw_defaults=[], kwarg=None, defaults=[])
    d.update(kw)
    return A.arguments(**d)

cases = [
    expr(name('x', A.Store())),
    expr(name('None')),
    expr(name('True')),
    expr(A.BoolOp(op=A.And(), values=[name('a')], **L)),
    expr(A.Dict(keys=[name('a')], values=[], **L)),
    expr(A.Compare(left=name('a'), ops=[], comparators=[], **L)),
    expr(A.Compare(left=name('a'), ops=[A.Eq()], comparators=[name('b'), name('c')], **L)),
    expr(A.ListComp(elt=name('a'), generators=[], **L)),
    expr(const([1, 2])),
    expr(const((1, [2]))),
    expr(A.NamedExpr(target=A.Attribute(value=name('a'), attr='b', ctx=A.Store(), **L), value=const(1), **L)),
    expr(A.BinOp(left=name('a'), op=A.Add(), right=A.Starred(value=name('b'), ctx=A.Load(), **L), **L)),
    expr(A.Call(func=name('f'), args=[None], keywords=[], **L)),
    expr(A.Lambda(args=args(defaults=[const(1)]), body=const(1), **L)),
    expr(A.Lambda(args=args(kwonlyargs=[A.arg(arg='k', **L)]), body=const(1), **L)),
    stmt(A.FunctionDef(name='f', args=args(), body=[], decorator_list=[], type_params=[], **L)),
    stmt(A.ClassDef(name='C', bases=[], keywords=[], body=[], decorator_list=[], type_params=[], **L)),
    stmt(A.Assign(targets=[], value=const(1), **L)),
    stmt(A.Delete(targets=[], **L)),
    stmt(A.AnnAssign(target=A.Attribute(value=name('a'), attr='b', ctx=A.Store(), **L), annotation=name('int'), value=None, simple=1, **L)),
    stmt(A.For(target=name('x', A.Store()), iter=name('y'), body=[], orelse=[], **L)),
    stmt(A.While(test=name('x'), body=[], orelse=[], **L)),
    stmt(A.If(test=name('x'), body=[A.Pass(**L)], orelse=[None], **L)),
    stmt(A.With(items=[], body=[A.Pass(**L)], **L)),
    stmt(A.Raise(exc=None, cause=name('c'), **L)),
    stmt(A.Try(body=[A.Pass(**L)], handlers=[], orelse=[], finalbody=[], **L)),
    stmt(A.Try(body=[A.Pass(**L)], handlers=[], orelse=[A.Pass(**L)], finalbody=[A.Pass(**L)], **L)),
    stmt(A.TryStar(body=[A.Pass(**L)], handlers=[], orelse=[], finalbody=[], **L)),
    stmt(A.Import(names=[], **L)),
    stmt(A.ImportFrom(module='m', names=[A.alias(name='x', **L)], level=-1, **L)),
    stmt(A.Global(names=[], **L)),
    stmt(A.Nonlocal(names=[], **L)),
    stmt(A.Match(subject=name('x'), cases=[], **L)),
    stmt(A.Match(subject=name('x'), cases=[A.match_case(pattern=A.MatchSingleton(value=1, **L), guard=None, body=[A.Pass(**L)])], **L)),
    stmt(A.Match(subject=name('x'), cases=[A.match_case(pattern=A.MatchValue(value=name('y'), **L), guard=None, body=[A.Pass(**L)])], **L)),
    stmt(A.Match(subject=name('x'), cases=[A.match_case(pattern=A.MatchStar(name='y', **L), guard=None, body=[A.Pass(**L)])], **L)),
    stmt(A.Match(subject=name('x'), cases=[A.match_case(pattern=A.MatchAs(pattern=None, name='_', **L), guard=None, body=[A.Pass(**L)])], **L)),
    stmt(A.Match(subject=name('x'), cases=[A.match_case(pattern=A.MatchOr(patterns=[], **L), guard=None, body=[A.Pass(**L)])], **L)),
    stmt(A.Match(subject=name('x'), cases=[A.match_case(pattern=A.MatchClass(cls=const(1), patterns=[], kwd_attrs=[], kwd_patterns=[], **L), guard=None, body=[A.Pass(**L)])], **L)),
    stmt(A.Match(subject=name('x'), cases=[A.match_case(pattern=A.MatchMapping(keys=[const(1)], patterns=[], rest=None, **L), guard=None, body=[A.Pass(**L)])], **L)),
    stmt(A.Expr(value=name('x'), lineno=2, col_offset=0, end_lineno=1, end_col_offset=1)),
    stmt(A.Expr(value=name('x'), lineno=1, col_offset=5, end_lineno=1, end_col_offset=1)),
    stmt(A.Expr(value=A.Name(id='x', ctx=A.Load(), lineno=1, col_offset=0), lineno=1, col_offset=0)),
    A.Module(body=[A.Expr(value=3, **L)], type_ignores=[]),
    A.Module(body=(A.Pass(**L),), type_ignores=[]),
    A.Module(body=[A.Expr(value=A.BinOp(left=name('a'), op=A.Load(), right=name('b'), **L), **L)], type_ignores=[]),
    A.Module(body=[A.Expr(value=A.Name(id=3, ctx=A.Load(), **L), **L)], type_ignores=[]),
    A.Module(body=[A.Expr(value=A.Constant(value=1, kind=3, **L), **L)], type_ignores=[]),
    A.Module(body=[A.ImportFrom(module='m', names=[A.alias(name='x', **L)], level='x', **L)], type_ignores=[]),
    A.Module(body=[A.Expr(value=A.Name(ctx=A.Load(), **L), **L)], type_ignores=[]),
    A.Module(body=[A.Expr(value=None, **L)], type_ignores=[]),
    A.Module(body=[A.Expr(value=A.BinOp(left=name('a'), op=A.Add(), right=None, **L), **L)], type_ignores=[]),
    A.Module(body=[A.Expr(value=A.Name(id='x', **L), **L)], type_ignores=[]),
    A.Module(body=[A.Pass(**L)]),
    A.Expression(body=name('x')),
    A.Interactive(body=[A.Expr(value=const(1), **L)]),
]
for i, tree in enumerate(cases):
    mode = 'eval' if isinstance(tree, A.Expression) else 'single' if isinstance(tree, A.Interactive) else 'exec'
    try:
        code = compile(tree, '<ast>', mode)
        print(i, 'ok', type(code).__name__)
    except Exception as e:
        print(i, type(e).__name__, e)
