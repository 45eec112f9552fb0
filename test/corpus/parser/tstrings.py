t'{x}' t'{x!r:>{w}}' t'{x=}' t'a' t'b{c}'
t'plain'
t'{a}{b!s}{c:{d}}'
t'''multi
{line}''' t"more"
rt'\n{x}'
