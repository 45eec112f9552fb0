x = ...
y = a.b.c
from ... import x
from .... import y
from . import z
..
....
