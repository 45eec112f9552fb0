match x:
    case [1, 2] as (a):
        pass
