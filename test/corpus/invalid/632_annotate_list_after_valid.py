x.y: int = 1
(x): int = 1
[x]: int = 1
