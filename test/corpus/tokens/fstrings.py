x = f"plain" F'x' rf"{a}" fR"\d{b}" Rf'{c}' FR"{d!r}"
y = f"{a}{b}" f"{a!r:>10}" f"{a=}" f"{a = }" f"{a=!s:^{w}}" f"{a:{b}.{c}f}"
z = f"{{literal}} {{" f"}}" f"{{{a}}}" f"a{{b{c}d}}e"
n = f"{f"{f"{x}"}"}" f'{x["k"]}' f"{x['k']}" f"{'\n'.join(y)}"
m = f"""multi
{a
 + b}
{c:>{d}
}"""
d = f"{ {'a': 1}['a'] }" f"{(lambda x: x)(1)}" f"{x:=3}" f"{(x:=3)}" f"{x!=y}"
s = f"{x:%H:%M}" f"{x:{{}}>10}" f"{x:}" f"{x!r:}" f"\N{BULLET} {x}" rf"\N{x}"
t = t"hi {name}" T"x{y!r:>3}" tr"\d{z}" Rt'{w=}' t"""tri
{x}"""
u = f"{x # comment
}" f"""{
x = }"""
v = f"{x:{y:{z}}}" f'{"a" if b else "c"}' f"{x:=^10}" f"{1:<{2}}"
w = f"\{x}" f"\\{x}" rf"\{x}" f"{x}\
more"
