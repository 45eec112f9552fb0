match x:
    case [a, *_] if a: pass
type X = int
_ = lambda: None
await async
